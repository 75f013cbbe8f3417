"""The Jinja2 environment: NHS.UK frontend macros plus Django's static, url and i18n."""

from django.contrib.messages import get_messages
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from jinja2 import ChainableUndefined, ChoiceLoader, Environment, PackageLoader


def environment(**options) -> Environment:
    options["undefined"] = ChainableUndefined
    options["loader"] = ChoiceLoader([options["loader"], PackageLoader("nhsuk_frontend_jinja")])
    options.setdefault("extensions", []).append("jinja2.ext.i18n")
    env = Environment(**options)  # noqa: S701 - Django's backend turns autoescape on
    env.install_gettext_translations(translation, newstyle=True)
    env.globals.update(
        {
            "static": static,
            "url": lambda name, *args, **kwargs: reverse(name, args=args, kwargs=kwargs),
            "get_messages": get_messages,
        }
    )
    return env

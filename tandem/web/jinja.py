"""The Jinja2 environment: NHS.UK frontend macros plus Django's static, url and i18n.

Templates are `.jinja` files in each Tandem app's `templates/` folder (Django's own admin
pages keep using Django templates, which end in `.html`). The `nhsuk/...` component macros
come from the nhsuk-frontend-jinja package.
"""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.messages import get_messages
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from jinja2 import (
    ChainableUndefined,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    TemplateNotFound,
)

from tandem.web.presenters import display
from tandem.web.presenters.navigation import page_chrome

TEMPLATE_SUFFIX = ".jinja"


class TandemTemplateLoader(FileSystemLoader):
    """Every Tandem app's `templates/` folder, for `.jinja` templates only."""

    def __init__(self) -> None:
        folders = [
            Path(config.path) / "templates"
            for config in apps.get_app_configs()
            if config.name.startswith("tandem.")
        ]
        super().__init__([str(folder) for folder in folders if folder.is_dir()])

    def get_source(self, environment, template):
        if not template.endswith(TEMPLATE_SUFFIX):
            raise TemplateNotFound(template)
        return super().get_source(environment, template)

    def list_templates(self):
        return [name for name in super().list_templates() if name.endswith(TEMPLATE_SUFFIX)]


def html_language() -> dict[str, str]:
    """The `lang` and `dir` of the page, from the active language: Urdu and Arabic read
    right to left."""
    code = translation.get_language() or settings.LANGUAGE_CODE
    info = translation.get_language_info(code)
    language, _, region = code.partition("-")
    return {
        "lang": f"{language}-{region.upper()}" if region else language,
        "dir": "rtl" if info["bidi"] else "ltr",
    }


def environment(**options) -> Environment:
    options["undefined"] = ChainableUndefined
    options["loader"] = ChoiceLoader(
        [options["loader"], TandemTemplateLoader(), PackageLoader("nhsuk_frontend_jinja")]
    )
    options.setdefault("extensions", []).append("jinja2.ext.i18n")
    env = Environment(**options)  # noqa: S701 - Django's backend turns autoescape on
    env.install_gettext_translations(translation, newstyle=True)
    env.globals.update(
        {
            "static": static,
            "url": lambda name, *args, **kwargs: reverse(name, args=args, kwargs=kwargs),
            "get_messages": get_messages,
            "page_chrome": page_chrome,
            "html_language": html_language,
        }
    )
    env.filters.update(
        {
            "nhs_date": display.nhs_date,
            "nhs_datetime": display.nhs_datetime,
            "nhs_number": display.nhs_number,
            "gestation": display.gestation,
            "yes_no": display.yes_no,
        }
    )
    return env

"""The woman's portal form for her language (her plan's sections use the care plan's
SectionForm, tandem.web.forms.careplans)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tandem.web.forms.records import ServiceForm


class LanguageForm(ServiceForm):
    language = forms.ChoiceField(
        label=_("Choose your language"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose your language")},
    )

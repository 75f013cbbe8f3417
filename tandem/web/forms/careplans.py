"""The form for one section of the care plan, built from the section's definition.

It parses what was typed (a date as day, month and year); the rules live in
tandem.careplans.validation, whose errors are keyed by the section's field names. The hidden
`based_on` is the version the writer opened, so a stale save is refused.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from tandem.careplans.models import PlanSection, SectionVersion
from tandem.careplans.sections import SPEC_OF, FieldKind, SectionField
from tandem.web.forms.fields import NhsDateField
from tandem.web.forms.records import ServiceForm


def _form_field(spec_field: SectionField) -> forms.Field:
    options = {"label": spec_field.label, "help_text": spec_field.hint, "required": False}
    if spec_field.kind == FieldKind.CHOICE:
        return forms.ChoiceField(
            choices=spec_field.choices.choices, widget=forms.RadioSelect, **options
        )
    if spec_field.kind == FieldKind.DATE:
        return NhsDateField(noun=str(spec_field.label).lower(), **options)
    # No max_length here: the service names the limit; strip=False keeps her text as typed.
    return forms.CharField(widget=forms.Textarea(attrs={"rows": 6}), strip=False, **options)


class SectionForm(ServiceForm):
    based_on = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args, section: PlanSection, **kwargs):
        super().__init__(*args, **kwargs)
        self.spec = SPEC_OF[section]
        for spec_field in self.spec.fields:
            self.fields[spec_field.name] = _form_field(spec_field)

    @classmethod
    def initial_for(cls, version: SectionVersion | None) -> dict:
        if version is None:
            return {"based_on": None}
        initial = dict(version.content)
        for spec_field in SPEC_OF[version.section].fields:
            value = initial.get(spec_field.name)
            if spec_field.kind == FieldKind.DATE and value:
                initial[spec_field.name] = forms.DateField().to_python(value)
        return {**initial, "based_on": version.number}

    def content(self) -> dict[str, str]:
        content = {}
        for spec_field in self.spec.fields:
            value = self.cleaned_data.get(spec_field.name)
            content[spec_field.name] = (
                value.isoformat() if hasattr(value, "isoformat") else (value or "")
            )
        return content


PRINT_SIZES = [("standard", _("Standard print")), ("large", _("Large print"))]


class PdfForm(ServiceForm):
    language = forms.ChoiceField(label=_("Language"), choices=())
    size = forms.ChoiceField(
        label=_("Print size"), choices=PRINT_SIZES, widget=forms.RadioSelect, initial="standard"
    )

    def __init__(self, *args, languages: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = languages

    @property
    def large_print(self) -> bool:
        return self.cleaned_data["size"] == "large"

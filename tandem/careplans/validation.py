"""The rules a section's content must meet before it becomes a new version.

Errors are keyed by field name so a form shows each one beside its field. Free text is
kept exactly as written (only checked for length), so her words are never altered.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from tandem.careplans.models import PlanSection
from tandem.careplans.sections import SPEC_OF, TEXT_LIMIT, FieldKind, SectionSpec

RISKS_DISCUSSION_FIELDS = ("risks_discussed_by", "risks_discussed_on", "risks_discussion")


def _check_field(spec_field, value: str, errors: dict) -> None:
    if spec_field.kind == FieldKind.TEXT and len(value) > TEXT_LIMIT:
        errors[spec_field.name] = _("%(label)s must be %(limit)s characters or fewer") % {
            "label": spec_field.label,
            "limit": TEXT_LIMIT,
        }
    elif spec_field.kind == FieldKind.CHOICE and value not in spec_field.choices.values:
        errors[spec_field.name] = _("Choose one of the options for %(label)s") % {
            "label": str(spec_field.label).lower()
        }
    elif spec_field.kind == FieldKind.DATE:
        try:
            day = date.fromisoformat(value)
        except ValueError:
            errors[spec_field.name] = _("%(label)s must be a real date") % {
                "label": spec_field.label
            }
            return
        if day > timezone.localdate():
            errors[spec_field.name] = _("%(label)s must be today or in the past") % {
                "label": spec_field.label
            }


def _check_place_of_birth(content: dict[str, str], errors: dict) -> None:
    """A chosen place of birth needs the discussion of its risks and benefits recorded."""
    if not content.get("place"):
        return
    spec_fields = {f.name: f for f in SPEC_OF[PlanSection.PLACE_OF_BIRTH].fields}
    for name in RISKS_DISCUSSION_FIELDS:
        if not content.get(name) and name not in errors:
            errors[name] = _("Enter %(label)s: the risks discussion is needed with a place") % {
                "label": str(spec_fields[name].label).lower()
            }


def validated_content(section: PlanSection, content: dict[str, str]) -> dict[str, str]:
    """The content to store: every field of the section, as given, '' when left empty."""
    spec: SectionSpec = SPEC_OF[section]
    names = {f.name for f in spec.fields}
    unknown = sorted(set(content) - names)
    if unknown:
        raise ValidationError(_("Unknown fields for this section: %s") % ", ".join(unknown))
    errors: dict[str, str] = {}
    cleaned: dict[str, str] = {}
    for spec_field in spec.fields:
        value = content.get(spec_field.name) or ""
        if not isinstance(value, str):
            errors[spec_field.name] = _("%(label)s must be text") % {"label": spec_field.label}
            continue
        cleaned[spec_field.name] = value
        if not value.strip():
            cleaned[spec_field.name] = ""
            if spec_field.required:
                errors[spec_field.name] = _("Enter %(label)s") % {
                    "label": str(spec_field.label).lower()
                }
            continue
        _check_field(spec_field, value, errors)
    if section == PlanSection.PLACE_OF_BIRTH:
        _check_place_of_birth(cleaned, errors)
    if not errors and not any(cleaned.values()):
        first = spec.fields[0]
        errors[first.name] = _("Enter %(label)s") % {"label": str(first.label).lower()}
    if errors:
        raise ValidationError(errors)
    return cleaned

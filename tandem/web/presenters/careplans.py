"""The care plan as read on a page, in the PDF and in her portal.

`plan_sections_view` turns `careplans.services.current_sections` into stages of sections for
the shared partial `web/careplans/_plan_sections.jinja`. Labels come out in the active
language; what anyone wrote in a free-text field is passed through exactly as written.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from tandem.careplans.models import Author, PlanSection, PlanStage, SectionVersion
from tandem.careplans.sections import HIDDEN_FROM_WOMAN, SPEC_OF, FieldKind, SectionField

CLINICIANS_ONLY = "clinicians_only"


@dataclass
class FieldRow:
    label: str
    value: str
    free_text: bool  # her or a clinician's own words: shown as written, line breaks kept


@dataclass
class SectionView:
    section: str
    heading: str
    hint: str
    rows: list[FieldRow]
    version: SectionVersion | None
    by_her: bool = False
    author_name: str = ""
    when: str = ""
    edit_href: str = ""


@dataclass
class StageView:
    stage: str
    heading: str
    sections: list[SectionView] = field(default_factory=list)


def local_date(value: date | datetime) -> str:
    """A date in the active language: '2 December 2026', '2 grudnia 2026'."""
    if isinstance(value, datetime):
        value = timezone.localtime(value).date()
    return formats.date_format(value, "j F Y")


def field_display(spec_field: SectionField, value: str) -> str:
    if not value:
        return ""
    if spec_field.kind == FieldKind.DATE:
        try:
            return local_date(date.fromisoformat(value))
        except ValueError:
            return value
    return spec_field.choice_label(value)


def author_name(version: SectionVersion) -> str:
    return version.author.get_full_name() or version.author.get_username()


def section_view(
    section: PlanSection, version: SectionVersion | None, *, edit_href: str = ""
) -> SectionView:
    spec = SPEC_OF[section]
    content = version.content if version is not None else {}
    rows = [
        FieldRow(
            str(spec_field.label),
            field_display(spec_field, content.get(spec_field.name, "")),
            spec_field.kind == FieldKind.TEXT,
        )
        for spec_field in spec.fields
        if content.get(spec_field.name)
    ]
    return SectionView(
        section=section.value,
        heading=str(section.label),
        hint=str(spec.hint),
        rows=rows,
        version=version,
        by_her=version is not None and version.written_by == Author.WOMAN,
        author_name=author_name(version) if version is not None else "",
        when=local_date(version.created_at) if version is not None else "",
        edit_href=edit_href,
    )


def plan_sections_view(
    sections: dict[PlanSection, SectionVersion | None],
    *,
    edit_href: Callable[[PlanSection], str] | None = None,
) -> list[StageView]:
    """The sections in reading order, grouped by stage of her care."""
    stages = {stage.value: StageView(stage.value, str(stage.label)) for stage in PlanStage}
    stages[CLINICIANS_ONLY] = StageView(CLINICIANS_ONLY, _("For clinicians only"))
    for section, version in sections.items():
        href = edit_href(section) if edit_href is not None else ""
        stage = CLINICIANS_ONLY if section in HIDDEN_FROM_WOMAN else SPEC_OF[section].stage
        stages[stage].sections.append(section_view(section, version, edit_href=href))
    return [view for view in stages.values() if view.sections]


@dataclass
class FieldChange:
    label: str
    before: str
    after: str
    free_text: bool


@dataclass
class HistoryEntry:
    heading: str
    number: int
    by_her: bool
    author_name: str
    when: str
    changes: list[FieldChange]


def _when_exactly(value: datetime) -> str:
    return formats.date_format(timezone.localtime(value), "j F Y, H:i")


def history_view(versions) -> list[HistoryEntry]:
    """Who changed what and when: each version beside the one before it of the same
    section, field by field. `versions` is newest first (section_history)."""
    versions = list(versions)
    previous_of: dict[int, SectionVersion | None] = {}
    latest_seen: dict[str, SectionVersion] = {}
    for version in reversed(versions):
        previous_of[version.pk] = latest_seen.get(version.section)
        latest_seen[version.section] = version
    entries = []
    for version in versions:
        before = previous_of[version.pk].content if previous_of[version.pk] else {}
        spec = SPEC_OF[version.section]
        changes = [
            FieldChange(
                str(spec_field.label),
                field_display(spec_field, before.get(spec_field.name, "")),
                field_display(spec_field, version.content.get(spec_field.name, "")),
                spec_field.kind == FieldKind.TEXT,
            )
            for spec_field in spec.fields
            if before.get(spec_field.name, "") != version.content.get(spec_field.name, "")
        ]
        entries.append(
            HistoryEntry(
                heading=str(PlanSection(version.section).label),
                number=version.number,
                by_her=version.written_by == Author.WOMAN,
                author_name=author_name(version),
                when=_when_exactly(version.created_at),
                changes=changes,
            )
        )
    return entries

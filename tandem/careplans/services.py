"""Reading and writing the personalised care and support plan.

Every read of a plan, every new version and every PDF is audited. A version names the one
it was based on; a stale one is refused (EditConflictError), so two people writing the same
section never silently lose one another's words.
"""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Max, OuterRef, QuerySet, Subquery
from django.utils import timezone

from tandem.careplans.models import Author, CarePlan, PlanSection, PlanStage, SectionVersion
from tandem.careplans.sections import (
    CLINICIAN_SECTIONS,
    DECISIONS_BY_STAGE,
    SPEC_OF,
    WOMAN_SECTIONS,
    sections_in_order,
)
from tandem.careplans.validation import validated_content
from tandem.core.audit import conflicts_audited, record_event
from tandem.core.concurrency import EditConflictError
from tandem.core.models import AuditAction
from tandem.core.roles import Role
from tandem.portal.services import woman_of
from tandem.records.models import CarePlanType, Pregnancy
from tandem.records.services import record_care_plan_agreed

__all__ = [
    "CLINICIAN_SECTIONS",
    "WOMAN_SECTIONS",
    "PlanSection",
    "SectionVersion",
    "current_sections",
    "plan_for",
    "plan_pdf",
    "record_section",
    "section_history",
]

OBJECT_TYPE = "care_plan"

# The MSDS MSD102 care plan that each stage's first decision agrees.
MSDS_PLAN_TYPE = {
    PlanStage.ANTENATAL: CarePlanType.ANTENATAL,
    PlanStage.INTRAPARTUM: CarePlanType.BIRTH,
    PlanStage.POSTNATAL: CarePlanType.POSTNATAL,
}


def _is_woman(user) -> bool:
    return getattr(user, "role", "") == Role.WOMAN


def _check_may_write(plan: CarePlan, section: PlanSection, by) -> Author:
    """A woman writes only her own sections of her own plan; clinicians' access to the
    pregnancy is checked by tandem.access before they get here."""
    if not _is_woman(by):
        return Author.CLINICIAN
    woman = woman_of(by)
    if woman is None or woman.pk != plan.pregnancy.woman_id or section not in WOMAN_SECTIONS:
        raise PermissionDenied("She may write only her own sections of her own plan.")
    return Author.WOMAN


@transaction.atomic
def plan_for(pregnancy: Pregnancy, *, by) -> CarePlan:
    """The pregnancy's plan, started if she has none yet. Opening it is audited."""
    plan, created = CarePlan.objects.get_or_create(pregnancy=pregnancy)
    record_event(
        by=by,
        action=AuditAction.CREATE if created else AuditAction.VIEW,
        object_type=OBJECT_TYPE,
        object_id=plan.pk,
        person_id=pregnancy.woman_id,
    )
    return plan


def current_sections(
    plan: CarePlan, *, for_woman: bool
) -> dict[PlanSection, SectionVersion | None]:
    """Each section's latest version (None when not yet written), in reading order. The
    clinician-only note is left out of what the woman sees."""
    newest_number = (
        SectionVersion.objects.filter(plan=plan, section=OuterRef("section"))
        .order_by("-number")
        .values("number")[:1]
    )
    latest = {
        version.section: version
        for version in plan.versions.select_related("author").filter(number=Subquery(newest_number))
    }
    return {section: latest.get(section) for section in sections_in_order(for_woman=for_woman)}


def section_history(plan: CarePlan, section: PlanSection | None = None) -> QuerySet:
    """Versions newest first, of one section or of the whole plan."""
    versions = plan.versions.select_related("author").order_by("-created_at", "-pk")
    return versions.filter(section=section) if section is not None else versions


def _latest_number(plan: CarePlan, section: PlanSection) -> int | None:
    return plan.versions.filter(section=section).aggregate(latest=Max("number"))["latest"]


def record_section(
    plan: CarePlan,
    section: PlanSection,
    content: dict[str, str],
    *,
    by,
    based_on: int | None,
) -> SectionVersion:
    """Appends a new version of the section. `based_on` is the version number the writer
    started from (None for a section not yet written); if someone has saved a newer version
    since, nothing is saved and EditConflictError is raised."""
    section = PlanSection(section)
    with conflicts_audited(
        by=by,
        object_type=OBJECT_TYPE,
        object_id=plan.pk,
        person_id=plan.pregnancy.woman_id,
        expected_version=based_on,
    ):
        try:
            return _record_section(plan, section, content, by=by, based_on=based_on)
        except IntegrityError:
            # Another writer took the same version number a moment earlier.
            raise EditConflictError() from None


@transaction.atomic
def _record_section(
    plan: CarePlan, section: PlanSection, content: dict[str, str], *, by, based_on: int | None
) -> SectionVersion:
    written_by = _check_may_write(plan, section, by)
    cleaned = validated_content(section, content)
    # Lock the plan so concurrent writers of this plan queue up (PostgreSQL; SQLite writes
    # are serialised anyway); the unique version number is the last guard.
    CarePlan.objects.select_for_update().filter(pk=plan.pk).first()
    latest = _latest_number(plan, section)
    if latest != based_on:
        raise EditConflictError(
            "Someone else changed this section while you were editing it. Your changes "
            "have not been saved. Read their version, then make your changes again."
        )
    version = SectionVersion.objects.create(
        plan=plan,
        section=section,
        number=(latest or 0) + 1,
        content=cleaned,
        author=by,
        written_by=written_by,
    )
    record_event(
        by=by,
        action=AuditAction.CHANGE,
        object_type=OBJECT_TYPE,
        object_id=plan.pk,
        person_id=plan.pregnancy.woman_id,
        detail={"section": section.value, "version": version.number},
    )
    _keep_msds_record_in_step(plan, section, cleaned, by=by)
    return version


def _keep_msds_record_in_step(
    plan: CarePlan, section: PlanSection, content: dict[str, str], *, by
) -> None:
    """The first decision of a stage agrees that stage's plan, which MSDS counts: the
    antenatal plan once her place of birth is chosen, the birth plan, the postnatal plan."""
    stage = SPEC_OF[section].stage
    if section not in DECISIONS_BY_STAGE.get(stage, frozenset()):
        return
    if section == PlanSection.PLACE_OF_BIRTH and not content.get("place"):
        return  # the risks discussed, no place chosen yet
    record_care_plan_agreed(
        by=by,
        pregnancy=plan.pregnancy,
        care_plan_type=MSDS_PLAN_TYPE[stage],
        agreed_on=timezone.localdate(),
    )


def plan_pdf(plan: CarePlan, *, language: str, large_print: bool, by) -> bytes:
    """Her plan as she sees it (no clinician-only note), printed in `language`."""
    # WeasyPrint and its libraries load only when a plan is printed.
    from tandem.careplans.pdf import render_plan_pdf, supported_language

    language = supported_language(language)
    sections = current_sections(plan, for_woman=True)
    document = render_plan_pdf(plan, sections, language=language, large_print=large_print)
    record_event(
        by=by,
        action=AuditAction.EXPORT,
        object_type=OBJECT_TYPE,
        object_id=plan.pk,
        person_id=plan.pregnancy.woman_id,
        detail={
            "format": "pdf",
            "language": language,
            "large_print": large_print,
            "versions": sorted(v.pk for v in sections.values() if v is not None),
        },
    )
    return document

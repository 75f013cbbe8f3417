"""Drafting, completing and amending a visit record.

A record is a draft until a practitioner completes it; drafts save at any time, partial or
not, by the midwife or the health visitor. Completing checks the record holds what the
family and the next practitioner need (the parents' priorities, and a plan of at least one
goal with one action) and locks it: a later change is an amendment, needs a reason, must
leave the record complete, and adds a new immutable VisitRecordVersion. Every change claims
the record's version, so a stale edit by the other practitioner is refused (409).
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from tandem.assessments.models import (
    FamilyPlanAction,
    FamilyPlanGoal,
    MatrixFactor,
    TriangleEntry,
    VersionKind,
    VisitRecord,
    VisitRecordStatus,
    VisitRecordVersion,
)
from tandem.assessments.my_world import SIDE_BY_SLUG, MatrixQuadrant, TriangleSide
from tandem.assessments.services.common import check_text, person_of
from tandem.core.audit import conflicts_audited, record_event
from tandem.core.concurrency import EditConflictError, claim_version
from tandem.core.history import delete_with_history, save_with_history
from tandem.core.models import AuditAction
from tandem.records.validation import Errors
from tandem.scheduling.models import Visit, VisitStatus

MAX_FACTORS_PER_QUADRANT = 30


def record_of(visit: Visit) -> VisitRecord | None:
    return VisitRecord.objects.filter(visit=visit).first()


def visit_record_viewed(*, by, visit: Visit, what: str = "visit_record") -> None:
    """An audited read of a visit, its record or its history."""
    record_event(
        by=by,
        action=AuditAction.VIEW,
        object_type=what,
        object_id=visit.pk,
        person_id=person_of(visit),
    )


# --- The rules every change meets -------------------------------------------------------


def check_writable(errors: Errors, *, visit: Visit, record: VisitRecord | None, reason: str):
    """A record is written only for an attended visit; changing a completed record is an
    amendment and needs a reason."""
    if visit.status != VisitStatus.ATTENDED:
        errors.add(
            NON_FIELD_ERRORS,
            "Record that the family attended the visit before writing the visit record",
        )
    if record is not None and record.status == VisitRecordStatus.COMPLETE:
        if not reason.strip():
            errors.add("reason", "Give the reason for this amendment")
        check_text(errors, "reason", reason, "the reason for the amendment", limit=1000)


def completion_problems(record: VisitRecord) -> dict[str, str]:
    """What a record still needs before it can be completed, by field."""
    problems = {}
    if not record.parents_priorities.strip():
        problems["parents_priorities"] = (
            "Record the parents' priorities: the plan is built around what matters to them"
        )
    if not FamilyPlanAction.objects.filter(goal__record=record).exists():
        problems["goals"] = (
            "Agree at least one goal with at least one action, saying who will do it and by "
            "when, so the family and the next practitioner know what happens next"
        )
    return problems


def change_record(
    *,
    by,
    visit: Visit,
    expected_version: int,
    reason: str,
    section: str,
    fields: dict[str, Any] | None = None,
    children: Callable[[VisitRecord], None] | None = None,
) -> VisitRecord:
    """Claims the record's version (creating the draft when `expected_version` is 0), saves
    `fields`, runs `children` for its entries, and for a completed record adds the amended
    version. The caller has validated its input with `check_writable` and its own rules."""
    with conflicts_audited(
        by=by,
        object_type="visit_record",
        object_id=visit.pk,
        person_id=person_of(visit),
        expected_version=expected_version,
    ):
        return _change_record(
            by=by,
            visit=visit,
            expected_version=expected_version,
            reason=reason.strip(),
            section=section,
            fields=fields or {},
            children=children,
        )


@transaction.atomic
def _change_record(*, by, visit, expected_version, reason, section, fields, children):
    record = record_of(visit)
    created = record is None
    if created != (expected_version == 0):
        raise EditConflictError()
    if created:
        record = VisitRecord(visit=visit)
    else:
        claim_version(record, expected_version)
    amending = record.status == VisitRecordStatus.COMPLETE
    for name, value in fields.items():
        setattr(record, name, value)
    try:
        with transaction.atomic():
            save_with_history(record, by=by, reason=reason if amending else "")
    except IntegrityError:
        # The other practitioner started this record between our check and our save.
        raise EditConflictError() from None
    if children is not None:
        children(record)
    if amending:
        problems = completion_problems(record)
        if problems:
            raise ValidationError(
                {
                    field: f"The record is complete, so it must stay complete. {message}"
                    for field, message in problems.items()
                }
            )
        _add_version(record, by=by, kind=VersionKind.AMENDED, reason=reason)
    record_event(
        by=by,
        action=AuditAction.CREATE if created else AuditAction.CHANGE,
        object_type="visit_record",
        object_id=record.pk,
        person_id=person_of(visit),
        detail={"section": section, "version": record.version, "amendment": amending},
    )
    return record


def _add_version(record: VisitRecord, *, by, kind: VersionKind, reason: str = ""):
    latest = record.versions.aggregate(latest=Max("number"))["latest"] or 0
    return VisitRecordVersion.objects.create(
        record=record,
        number=latest + 1,
        kind=kind,
        reason=reason,
        content=snapshot(record),
        made_by=by,
        made_at=timezone.now(),
    )


def snapshot(record: VisitRecord) -> dict:
    """The whole record as it reads now, for an immutable version."""
    goals = FamilyPlanGoal.objects.filter(record=record).prefetch_related("actions")
    return {
        "parents_priorities": record.parents_priorities,
        "baby_voice": record.baby_voice,
        "matrix_summary": record.matrix_summary,
        "triangle": [
            {"domain": e.domain, "strengths": e.strengths, "concerns": e.concerns}
            for e in TriangleEntry.objects.filter(record=record).order_by("domain")
        ],
        "factors": [
            {"quadrant": f.quadrant, "factor": f.factor}
            for f in MatrixFactor.objects.filter(record=record)
        ],
        "goals": [
            {
                "goal": goal.goal,
                "actions": [
                    {
                        "action": a.action,
                        "owner": a.owner,
                        "owner_service": a.owner_service,
                        "due_date": a.due_date.isoformat(),
                        "status": a.status,
                    }
                    for a in goal.actions.all()
                ],
            }
            for goal in goals
        ],
    }


# --- The sections ---------------------------------------------------------------------


def save_triangle_side(
    *,
    by,
    visit: Visit,
    expected_version: int,
    side: str,
    entries: dict[str, dict[str, str]],
    reason: str = "",
) -> VisitRecord:
    """Strengths and concerns for the domains of one side of the My World Triangle,
    `entries` keyed by domain code. Domains left blank have no entry (all are optional)."""
    chosen: TriangleSide | None = SIDE_BY_SLUG.get(side)
    if chosen is None:
        raise ValueError(f"No side of the My World Triangle is called {side!r}")
    unknown = set(entries) - {str(domain) for domain in chosen.domains}
    if unknown:
        raise ValueError(f"Not domains of {chosen.title}: {sorted(unknown)}")
    errors = Errors()
    check_writable(errors, visit=visit, record=record_of(visit), reason=reason)
    cleaned: dict[str, dict[str, str]] = {}
    for domain in chosen.domains:
        given = entries.get(str(domain), {})
        values = {part: (given.get(part) or "").strip() for part in ("strengths", "concerns")}
        for part, value in values.items():
            check_text(errors, f"{domain}_{part}", value, f"the {part} of {domain.label}")
        cleaned[str(domain)] = values
    errors.raise_if_any()

    def write_entries(record: VisitRecord) -> None:
        existing = {e.domain: e for e in TriangleEntry.objects.filter(record=record)}
        for domain, values in cleaned.items():
            entry = existing.get(domain)
            if not any(values.values()):
                if entry is not None:
                    delete_with_history(entry, by=by)
                continue
            if entry is None:
                entry = TriangleEntry(record=record, domain=domain)
            elif (entry.strengths, entry.concerns) == (values["strengths"], values["concerns"]):
                continue
            entry.strengths, entry.concerns = values["strengths"], values["concerns"]
            save_with_history(entry, by=by)

    return change_record(
        by=by,
        visit=visit,
        expected_version=expected_version,
        reason=reason,
        section=f"my_world:{side}",
        children=write_entries,
    )


def save_matrix(
    *,
    by,
    visit: Visit,
    expected_version: int,
    factors: dict[str, list[str]],
    summary: str,
    reason: str = "",
) -> VisitRecord:
    """The Risk and Resilience Matrix: the factors in each quadrant (keyed by quadrant
    code, in order) and the overall summary."""
    unknown = set(factors) - set(MatrixQuadrant.values)
    if unknown:
        raise ValueError(f"Not quadrants of the matrix: {sorted(unknown)}")
    errors = Errors()
    check_writable(errors, visit=visit, record=record_of(visit), reason=reason)
    cleaned: dict[str, list[str]] = {}
    for quadrant in MatrixQuadrant:
        items = [text.strip() for text in factors.get(quadrant.value, []) if text.strip()]
        if len(items) > MAX_FACTORS_PER_QUADRANT:
            errors.add(
                quadrant.value,
                f"Place {MAX_FACTORS_PER_QUADRANT} factors or fewer in {quadrant.label.lower()}",
            )
        for item in items:
            check_text(errors, quadrant.value, item, "each factor", limit=1000)
        cleaned[quadrant.value] = items
    summary = summary.strip()
    check_text(errors, "matrix_summary", summary, "the overall summary")
    errors.raise_if_any()

    def write_factors(record: VisitRecord) -> None:
        existing: dict[str, list[MatrixFactor]] = {}
        for factor in MatrixFactor.objects.filter(record=record):
            existing.setdefault(factor.quadrant, []).append(factor)
        for quadrant, items in cleaned.items():
            rows = existing.get(quadrant, [])
            for position, text in enumerate(items):
                row = rows[position] if position < len(rows) else None
                if row is None:
                    row = MatrixFactor(record=record, quadrant=quadrant)
                elif (row.factor, row.position) == (text, position):
                    continue
                row.factor, row.position = text, position
                save_with_history(row, by=by)
            for row in rows[len(items) :]:
                delete_with_history(row, by=by)

    return change_record(
        by=by,
        visit=visit,
        expected_version=expected_version,
        reason=reason,
        section="matrix",
        fields={"matrix_summary": summary},
        children=write_factors,
    )


def save_priorities(
    *,
    by,
    visit: Visit,
    expected_version: int,
    parents_priorities: str,
    baby_voice: str,
    reason: str = "",
) -> VisitRecord:
    """The parents' own priorities and the voice of the unborn baby."""
    values = {"parents_priorities": parents_priorities.strip(), "baby_voice": baby_voice.strip()}
    errors = Errors()
    check_writable(errors, visit=visit, record=record_of(visit), reason=reason)
    check_text(errors, "parents_priorities", values["parents_priorities"], "the priorities")
    check_text(errors, "baby_voice", values["baby_voice"], "the voice of the unborn baby")
    errors.raise_if_any()
    return change_record(
        by=by,
        visit=visit,
        expected_version=expected_version,
        reason=reason,
        section="priorities",
        fields=values,
    )


# --- Completing -------------------------------------------------------------------------


def complete_record(*, by, visit: Visit, expected_version: int) -> VisitRecord:
    with conflicts_audited(
        by=by,
        object_type="visit_record",
        object_id=visit.pk,
        person_id=person_of(visit),
        expected_version=expected_version,
    ):
        return _complete_record(by=by, visit=visit, expected_version=expected_version)


@transaction.atomic
def _complete_record(*, by, visit: Visit, expected_version: int) -> VisitRecord:
    record = record_of(visit)
    if record is None:
        raise ValidationError({NON_FIELD_ERRORS: "Write the visit record before completing it"})
    if record.status == VisitRecordStatus.COMPLETE:
        raise ValidationError({NON_FIELD_ERRORS: "This record has already been completed"})
    claim_version(record, expected_version)
    errors = Errors()
    check_writable(errors, visit=visit, record=record, reason="")
    for field, message in completion_problems(record).items():
        errors.add(field, message)
    errors.raise_if_any()
    record.status = VisitRecordStatus.COMPLETE
    record.completed_at = timezone.now()
    record.completed_by = by
    save_with_history(record, by=by, reason="Completed")
    _add_version(record, by=by, kind=VersionKind.COMPLETED)
    record_event(
        by=by,
        action=AuditAction.CHANGE,
        object_type="visit_record",
        object_id=record.pk,
        person_id=person_of(visit),
        detail={"section": "complete", "version": record.version},
    )
    return record

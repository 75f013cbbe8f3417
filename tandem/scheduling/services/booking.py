"""Booking, moving and cancelling visits.

Two bookings can never take the same practitioner at the same time: a booking holds a
reservation row for each of its practitioners for each 15-minute slot it covers, and the
database's unique constraint on (practitioner, slot) refuses the second of two clashing
bookings, even when both are submitted at the same moment, on SQLite and PostgreSQL alike.
The refused booking saves nothing and is told the time is no longer free.

A booking outside the visit's pathway window is refused unless a reason is given; then it
is flagged (`Visit.outside_window_reason`). Moving and cancelling need a reason, are kept as
immutable VisitChange rows, free the old reservations and are audited. Edits name the
version they started from (optimistic locking).
"""

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from tandem.core.audit import record_event
from tandem.core.concurrency import claim_version
from tandem.core.history import save_with_history
from tandem.core.models import AuditAction
from tandem.pathway.models import Referral, ReferralStatus
from tandem.records.models import Practitioner, PregnancyStatus
from tandem.scheduling.models import (
    ENDED_WITHOUT_VISIT,
    SlotReservation,
    Visit,
    VisitChange,
    VisitChangeKind,
    VisitPractitioner,
    VisitRole,
    VisitStatus,
)
from tandem.scheduling.services.calendars import coverage_of, load_calendars
from tandem.scheduling.services.intervals import SLOT_MINUTES, local_date, to_minutes
from tandem.scheduling.services.windows import (
    KIND_OF_OUTCOME,
    WINDOWS,
    needs_midwife,
    visit_minutes,
)

NO_LONGER_FREE = (
    "{name} is no longer free at that time: someone else has just booked her. Choose another time."
)


def _window_problem(kind: str, pregnancy, starts_at: datetime) -> str | None:
    window = WINDOWS[kind]
    gestation = pregnancy.gestation_on(local_date(to_minutes(starts_at)))
    if window.earliest <= gestation <= window.latest:
        return None
    return (
        f"She will be {gestation} weeks pregnant on that day; this visit should be "
        f"{window.describe()}. Choose a time inside the window, or give a reason for "
        "booking outside it"
    )


def _check_time(errors: dict, starts_at: datetime | None, *, now: datetime) -> None:
    if starts_at is None:
        errors["starts_at"] = "Choose when the visit starts"
    elif to_minutes(starts_at) % SLOT_MINUTES or starts_at.second or starts_at.microsecond:
        errors["starts_at"] = "Visits start on the hour or at 15, 30 or 45 minutes past"
    elif starts_at < now:
        errors["starts_at"] = "The visit must be in the future"


def _check_practitioners(
    errors: dict, kind: str, area_id, midwife: Practitioner | None, health_visitor
) -> None:
    coverage = coverage_of({area_id}) if area_id is not None else None
    if health_visitor is None:
        errors["health_visitor"] = "Choose the health visitor"
    elif coverage is None or health_visitor.pk not in coverage.health_visitors.get(area_id, ()):
        errors["health_visitor"] = f"{health_visitor} does not cover this family's area"
    if not needs_midwife(kind):
        if midwife is not None:
            errors["midwife"] = "The 28-week contact is with a health visitor only"
    elif midwife is None:
        errors["midwife"] = "Choose the midwife"
    elif coverage is None or midwife.pk not in coverage.midwives.get(area_id, ()):
        errors["midwife"] = f"{midwife} does not cover this family's area"


def _check_free(errors: dict, people: list[Practitioner], starts_at, ends_at, *, ignore=None):
    calendars = load_calendars(
        {person.pk for person in people}, starts_at, ends_at, ignore_visit_id=ignore
    )
    begin, finish = to_minutes(starts_at), to_minutes(ends_at)
    for person in people:
        if not any(s <= begin and finish <= e for s, e in calendars.free_of(person.pk)):
            errors.setdefault(
                "starts_at",
                f"{person} is not free at that time: it is outside her working hours, "
                "in a busy period or taken by another visit",
            )


def _reserve(visit: Visit, people: list[Practitioner]) -> None:
    """Hold each person for each 15-minute slot of the visit; a clash raises."""
    slots = []
    moment = visit.starts_at
    while moment < visit.ends_at:
        slots.append(moment)
        moment += timedelta(minutes=SLOT_MINUTES)
    for person in people:
        try:
            with transaction.atomic():
                SlotReservation.objects.bulk_create(
                    SlotReservation(practitioner=person, slot_start=slot, visit=visit)
                    for slot in slots
                )
        except IntegrityError:
            raise ValidationError({"starts_at": NO_LONGER_FREE.format(name=person)}) from None


def _audit(*, by, visit: Visit, action: AuditAction, detail: dict) -> None:
    record_event(
        by=by,
        action=action,
        object_type="visit",
        object_id=visit.pk,
        person_id=visit.pregnancy.woman_id,
        detail=detail,
    )


def people_of(visit: Visit) -> list[Practitioner]:
    """Who the visit is with: the midwife first, then the health visitor."""
    attendees = visit.attendees.select_related("practitioner")
    return [
        attendee.practitioner
        for attendee in sorted(attendees, key=lambda a: a.role != VisitRole.MIDWIFE)
    ]


@transaction.atomic
def book_visit(
    *,
    by,
    referral: Referral,
    starts_at: datetime | None,
    health_visitor: Practitioner | None,
    midwife: Practitioner | None = None,
    outside_window_reason: str = "",
    now: datetime | None = None,
) -> Visit:
    now = now or timezone.now()
    pregnancy = referral.pregnancy
    kind = KIND_OF_OUTCOME.get(referral.current_outcome)
    if referral.status != ReferralStatus.DECIDED or kind is None:
        raise ValidationError("The review has not decided on a visit for this family")
    if pregnancy.status != PregnancyStatus.ACTIVE:
        raise ValidationError("This pregnancy is no longer active")
    if Visit.objects.filter(referral=referral).exclude(status__in=ENDED_WITHOUT_VISIT).exists():
        raise ValidationError(
            "A visit is already booked for this referral: open it to move it instead"
        )
    outside_window_reason = (outside_window_reason or "").strip()
    errors: dict[str, str] = {}
    _check_time(errors, starts_at, now=now)
    _check_practitioners(errors, kind, pregnancy.area_id, midwife, health_visitor)
    if errors:
        raise ValidationError(errors)
    ends_at = starts_at + timedelta(minutes=visit_minutes(kind))
    problem = _window_problem(kind, pregnancy, starts_at)
    if problem and not outside_window_reason:
        errors["outside_window_reason"] = problem
    people = [p for p in (midwife, health_visitor) if p is not None]
    _check_free(errors, people, starts_at, ends_at)
    if errors:
        raise ValidationError(errors)

    visit = Visit(
        pregnancy=pregnancy,
        referral=referral,
        kind=kind,
        starts_at=starts_at,
        ends_at=ends_at,
        booked_by=by,
        outside_window_reason=outside_window_reason if problem else "",
    )
    try:
        with transaction.atomic():
            save_with_history(visit, by=by)
    except IntegrityError:
        raise ValidationError(
            "Someone has just booked a visit for this referral: open it to move it instead"
        ) from None
    VisitPractitioner.objects.bulk_create(
        [VisitPractitioner(visit=visit, practitioner=midwife, role=VisitRole.MIDWIFE)]
        * (midwife is not None)
        + [
            VisitPractitioner(
                visit=visit, practitioner=health_visitor, role=VisitRole.HEALTH_VISITOR
            )
        ]
    )
    _reserve(visit, people)
    VisitChange.objects.create(
        visit=visit,
        kind=VisitChangeKind.BOOKED,
        by=by,
        starts_at=starts_at,
        outside_window_reason=visit.outside_window_reason,
    )
    _audit(
        by=by,
        visit=visit,
        action=AuditAction.CREATE,
        detail={
            "kind": kind,
            "starts_at": starts_at.isoformat(),
            "practitioners": [p.pk for p in people],
            "outside_window": bool(visit.outside_window_reason),
        },
    )
    return visit


def _require_reason(errors: dict, reason: str, what: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        errors["reason"] = f"Enter why the visit is being {what}"
    return reason


@transaction.atomic
def reschedule_visit(
    *,
    by,
    visit: Visit,
    expected_version: int,
    starts_at: datetime | None,
    reason: str,
    outside_window_reason: str = "",
    now: datetime | None = None,
) -> Visit:
    now = now or timezone.now()
    errors: dict[str, str] = {}
    if visit.status != VisitStatus.BOOKED:
        raise ValidationError("Only a booked visit can be moved")
    reason = _require_reason(errors, reason, "moved")
    outside_window_reason = (outside_window_reason or "").strip()
    _check_time(errors, starts_at, now=now)
    if errors:
        raise ValidationError(errors)
    ends_at = starts_at + timedelta(minutes=visit_minutes(visit.kind))
    problem = _window_problem(visit.kind, visit.pregnancy, starts_at)
    if problem and not outside_window_reason:
        errors["outside_window_reason"] = problem
    people = people_of(visit)
    _check_free(errors, people, starts_at, ends_at, ignore=visit.pk)
    if errors:
        raise ValidationError(errors)
    claim_version(visit, expected_version)
    previous = visit.starts_at
    visit.reservations.all().delete()
    visit.starts_at, visit.ends_at = starts_at, ends_at
    visit.outside_window_reason = outside_window_reason if problem else ""
    save_with_history(visit, by=by)
    _reserve(visit, people)
    VisitChange.objects.create(
        visit=visit,
        kind=VisitChangeKind.RESCHEDULED,
        by=by,
        reason=reason,
        starts_at=starts_at,
        previous_starts_at=previous,
        outside_window_reason=visit.outside_window_reason,
    )
    _audit(
        by=by,
        visit=visit,
        action=AuditAction.CHANGE,
        detail={
            "changes": {"starts_at": [previous.isoformat(), starts_at.isoformat()]},
            "outside_window": bool(visit.outside_window_reason),
        },
    )
    return visit


@transaction.atomic
def cancel_visit(*, by, visit: Visit, expected_version: int, reason: str) -> Visit:
    errors: dict[str, str] = {}
    if visit.status != VisitStatus.BOOKED:
        raise ValidationError("Only a booked visit can be cancelled")
    reason = _require_reason(errors, reason, "cancelled")
    if errors:
        raise ValidationError(errors)
    claim_version(visit, expected_version)
    visit.reservations.all().delete()
    visit.status = VisitStatus.CANCELLED
    save_with_history(visit, by=by)
    VisitChange.objects.create(
        visit=visit,
        kind=VisitChangeKind.CANCELLED,
        by=by,
        reason=reason,
        starts_at=visit.starts_at,
        previous_starts_at=visit.starts_at,
    )
    _audit(
        by=by,
        visit=visit,
        action=AuditAction.CHANGE,
        detail={"changes": {"status": [VisitStatus.BOOKED, VisitStatus.CANCELLED]}},
    )
    return visit


def upcoming_visits_of(practitioner: Practitioner, *, limit: int = 50) -> list[Visit]:
    """Her booked visits from now on (the calendar page shows no names, only a link)."""
    return list(
        Visit.objects.filter(
            attendees__practitioner=practitioner,
            status=VisitStatus.BOOKED,
            ends_at__gt=timezone.now(),
        )
        .select_related("pregnancy__area")
        .order_by("starts_at")[:limit]
    )


def changes_of(visit: Visit) -> list[VisitChange]:
    return list(visit.changes.select_related("by"))

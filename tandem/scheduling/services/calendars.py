"""Practitioners' calendars: weekly working hours, busy periods and booked visits, loaded
in bulk for a window of time and turned into free intervals (see intervals.py).

A fixed number of queries loads any number of calendars: one each for working hours, busy
periods and booked visits, whatever the number of practitioners or days.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from tandem.core.audit import record_event
from tandem.core.models import AuditAction
from tandem.records.models import Practitioner, Profession, Team
from tandem.scheduling.models import (
    BusyPeriod,
    BusySource,
    VisitPractitioner,
    VisitStatus,
    Weekday,
    WorkingHours,
)
from tandem.scheduling.services.intervals import (
    Interval,
    days_between,
    local_date,
    local_moment,
    merge,
    subtract,
    to_minutes,
)

# --- Who covers an area -------------------------------------------------------------------


@dataclass
class Coverage:
    """Per area: the midwives and health visitors who cover it, directly or through a team,
    and the health visitors assigned to the area itself (the area's health visitors)."""

    midwives: dict[int, set[int]]
    health_visitors: dict[int, set[int]]
    area_health_visitors: dict[int, set[int]]

    def practitioner_ids(self) -> set[int]:
        ids: set[int] = set()
        for group in (self.midwives, self.health_visitors):
            for members in group.values():
                ids |= members
        return ids


_PROFESSIONS = (Profession.MIDWIFE, Profession.HEALTH_VISITOR)


def coverage_of(area_ids: set[int]) -> Coverage:
    """Two queries: practitioners covering the areas directly, and through their teams."""
    coverage = Coverage(defaultdict(set), defaultdict(set), defaultdict(set))
    direct = Practitioner.areas.through.objects.filter(
        area_id__in=area_ids,
        practitioner__is_active=True,
        practitioner__profession__in=_PROFESSIONS,
    ).values_list("area_id", "practitioner_id", "practitioner__profession")
    through_team = Practitioner.teams.through.objects.filter(
        team__in=Team.objects.filter(areas__in=area_ids),
        practitioner__is_active=True,
        practitioner__profession__in=_PROFESSIONS,
    ).values_list("team__areas", "practitioner_id", "practitioner__profession")
    for rows, is_direct in ((direct, True), (through_team, False)):
        for area_id, practitioner_id, profession in rows:
            if area_id not in area_ids:
                continue
            if profession == Profession.MIDWIFE:
                coverage.midwives[area_id].add(practitioner_id)
            else:
                coverage.health_visitors[area_id].add(practitioner_id)
                if is_direct:
                    coverage.area_health_visitors[area_id].add(practitioner_id)
    return coverage


# --- Free time ----------------------------------------------------------------------------


@dataclass
class Calendars:
    """Free intervals (minutes) of each practitioner between `start` and `end`."""

    start: int
    end: int
    free: dict[int, list[Interval]]

    def free_of(self, practitioner_id: int) -> list[Interval]:
        return self.free.get(practitioner_id, [])


def load_calendars(
    practitioner_ids: set[int], start: datetime, end: datetime, *, ignore_visit_id=None
) -> Calendars:
    """Three queries for any number of practitioners: working time minus busy periods minus
    booked visits (other than `ignore_visit_id`, the one being moved)."""
    zone = timezone.get_current_timezone()
    first_day = start.astimezone(zone).date()
    last_day = end.astimezone(zone).date()
    ids = list(practitioner_ids)
    span = (to_minutes(start), to_minutes(end))

    hours_by_weekday: dict[int, dict[int, list[tuple[time, time, date, date | None]]]] = (
        defaultdict(lambda: defaultdict(list))
    )
    for row in (
        WorkingHours.objects.filter(practitioner_id__in=ids, valid_from__lte=last_day)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=first_day))
        .values_list("practitioner_id", "weekday", "starts", "ends", "valid_from", "valid_to")
    ):
        practitioner_id, weekday, starts, ends, valid_from, valid_to = row
        hours_by_weekday[practitioner_id][weekday].append((starts, ends, valid_from, valid_to))

    blocked: dict[int, list[Interval]] = defaultdict(list)
    for practitioner_id, starts_at, ends_at in BusyPeriod.objects.filter(
        practitioner_id__in=ids, starts_at__lt=end, ends_at__gt=start
    ).values_list("practitioner_id", "starts_at", "ends_at"):
        blocked[practitioner_id].append((to_minutes(starts_at), to_minutes(ends_at)))
    booked = VisitPractitioner.objects.filter(
        practitioner_id__in=ids,
        visit__status=VisitStatus.BOOKED,
        visit__starts_at__lt=end,
        visit__ends_at__gt=start,
    )
    if ignore_visit_id is not None:
        booked = booked.exclude(visit_id=ignore_visit_id)
    for practitioner_id, starts_at, ends_at in booked.values_list(
        "practitioner_id", "visit__starts_at", "visit__ends_at"
    ):
        blocked[practitioner_id].append((to_minutes(starts_at), to_minutes(ends_at)))

    days = list(days_between(first_day, last_day))
    free: dict[int, list[Interval]] = {}
    for practitioner_id, by_weekday in hours_by_weekday.items():
        working = []
        for day in days:
            for starts, ends, valid_from, valid_to in by_weekday.get(day.weekday(), ()):
                if valid_from <= day and (valid_to is None or day <= valid_to):
                    working.append((local_moment(day, starts), local_moment(day, ends)))
        clipped = [(max(s, span[0]), min(e, span[1])) for s, e in merge(working)]
        free[practitioner_id] = subtract(
            [(s, e) for s, e in clipped if s < e], merge(blocked.get(practitioner_id, ()))
        )
    return Calendars(span[0], span[1], free)


def unavailability_reason(
    practitioner: Practitioner, calendars: Calendars, start: datetime, end: datetime
) -> str | None:
    """Why she cannot do [start, end), in words; None when she is free."""
    begin, finish = to_minutes(start), to_minutes(end)
    if any(s <= begin and finish <= e for s, e in calendars.free_of(practitioner.pk)):
        return None
    return (
        f"{practitioner} is not free at that time: it is outside her working hours, "
        "in a busy period or taken by another visit"
    )


# --- Working hours and busy periods -------------------------------------------------------


def _audit_calendar(*, by, action, object_type: str, object_id, detail: dict) -> None:
    record_event(by=by, action=action, object_type=object_type, object_id=object_id, detail=detail)


@transaction.atomic
def add_working_hours(
    *,
    by,
    practitioner: Practitioner,
    weekday: int,
    starts: time | None,
    ends: time | None,
    valid_from: date | None,
    valid_to: date | None = None,
) -> WorkingHours:
    errors: dict[str, str] = {}
    if weekday not in Weekday.values:
        errors["weekday"] = "Choose the day of the week"
    if starts is None:
        errors["starts"] = "Enter the time she starts"
    if ends is None:
        errors["ends"] = "Enter the time she finishes"
    elif starts is not None and ends <= starts:
        errors["ends"] = "The finishing time must be after the starting time"
    if valid_from is None:
        errors["valid_from"] = "Enter the date these hours start from"
    elif valid_to is not None and valid_to < valid_from:
        errors["valid_to"] = "The last date must be on or after the first date"
    if errors:
        raise ValidationError(errors)
    hours = WorkingHours.objects.create(
        practitioner=practitioner,
        weekday=weekday,
        starts=starts,
        ends=ends,
        valid_from=valid_from,
        valid_to=valid_to,
    )
    _audit_calendar(
        by=by,
        action=AuditAction.CREATE,
        object_type="working_hours",
        object_id=hours.pk,
        detail={"practitioner": practitioner.pk, "weekday": weekday},
    )
    return hours


@transaction.atomic
def remove_working_hours(*, by, hours: WorkingHours) -> None:
    _audit_calendar(
        by=by,
        action=AuditAction.CHANGE,
        object_type="working_hours",
        object_id=hours.pk,
        detail={"removed": True, "practitioner": hours.practitioner_id},
    )
    hours.delete()


@transaction.atomic
def add_busy_period(
    *, by, practitioner: Practitioner, starts_at: datetime | None, ends_at: datetime | None
) -> BusyPeriod:
    errors: dict[str, str] = {}
    if starts_at is None:
        errors["starts_at"] = "Enter when the busy period starts"
    if ends_at is None:
        errors["ends_at"] = "Enter when the busy period ends"
    elif starts_at is not None and ends_at <= starts_at:
        errors["ends_at"] = "The end must be after the start"
    if errors:
        raise ValidationError(errors)
    period = BusyPeriod.objects.create(
        practitioner=practitioner, starts_at=starts_at, ends_at=ends_at, source=BusySource.TANDEM
    )
    _audit_calendar(
        by=by,
        action=AuditAction.CREATE,
        object_type="busy_period",
        object_id=period.pk,
        detail={"practitioner": practitioner.pk},
    )
    return period


@transaction.atomic
def remove_busy_period(*, by, period: BusyPeriod) -> None:
    _audit_calendar(
        by=by,
        action=AuditAction.CHANGE,
        object_type="busy_period",
        object_id=period.pk,
        detail={"removed": True, "practitioner": period.practitioner_id},
    )
    period.delete()


def upcoming_busy_periods(practitioner: Practitioner, *, limit: int = 50) -> list[BusyPeriod]:
    return list(
        BusyPeriod.objects.filter(practitioner=practitioner, ends_at__gt=timezone.now())[:limit]
    )


def current_working_hours(practitioner: Practitioner) -> list[WorkingHours]:
    today = local_date(to_minutes(timezone.now()))
    return list(
        WorkingHours.objects.filter(practitioner=practitioner).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=today)
        )
    )


def covering_practitioners(area_id: int | None) -> tuple[QuerySet, QuerySet]:
    """The midwives and the health visitors who cover an area, for choosing by hand."""
    if area_id is None:
        return Practitioner.objects.none(), Practitioner.objects.none()
    coverage = coverage_of({area_id})
    return (
        Practitioner.objects.filter(pk__in=coverage.midwives.get(area_id, set())),
        Practitioner.objects.filter(pk__in=coverage.health_visitors.get(area_id, set())),
    )


def own_working_hours(practitioner: Practitioner, pk) -> WorkingHours | None:
    return WorkingHours.objects.filter(practitioner=practitioner, pk=pk).first()


def own_busy_period(practitioner: Practitioner, pk) -> BusyPeriod | None:
    return BusyPeriod.objects.filter(practitioner=practitioner, pk=pk).first()

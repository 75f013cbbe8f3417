"""Pathway visits: in free slots of the practitioners' calendars (never two visits for one
practitioner at once), inside their window unless flagged with a reason, and in a state
that fits their time."""

from collections import defaultdict
from datetime import timedelta
from itertools import pairwise

import pytest
from django.utils import timezone

from tandem.pathway.models import Referral, ReferralStatus, ReviewOutcome
from tandem.scheduling.models import (
    SlotReservation,
    Visit,
    VisitChangeKind,
    VisitKind,
    VisitStatus,
    WorkingHours,
)
from tandem.scheduling.services.calendars import coverage_of, load_calendars
from tandem.scheduling.services.intervals import to_minutes
from tandem.scheduling.services.windows import KIND_OF_OUTCOME, WINDOWS, visit_minutes

pytestmark = pytest.mark.django_db


def _visits():
    return Visit.objects.select_related("pregnancy", "referral").prefetch_related(
        "attendees", "changes", "reservations", "attendance"
    )


def test_generated_visits_never_double_book_a_practitioner(demo_lmns):
    held = defaultdict(list)
    for visit in _visits().exclude(status=VisitStatus.CANCELLED):
        for attendee in visit.attendees.all():
            held[attendee.practitioner_id].append((visit.starts_at, visit.ends_at))
        slots = {(r.practitioner_id, r.slot_start) for r in visit.reservations.all()}
        expected = {
            (attendee.practitioner_id, visit.starts_at + timedelta(minutes=minute))
            for attendee in visit.attendees.all()
            for minute in range(0, visit_minutes(visit.kind), 15)
        }
        assert slots == expected
    for times in held.values():
        times.sort()
        assert all(end <= start for (_, end), (start, _) in pairwise(times))
    assert not SlotReservation.objects.filter(visit__status=VisitStatus.CANCELLED).exists()
    assert len(held) > 20


def test_generated_visits_are_free_in_the_calendars_and_with_practitioners_covering_the_area(
    demo_lmns,
):
    practitioners = set(WorkingHours.objects.values_list("practitioner_id", flat=True))
    for visit in _visits().exclude(status=VisitStatus.CANCELLED):
        people = {attendee.practitioner_id for attendee in visit.attendees.all()}
        assert people <= practitioners
        calendars = load_calendars(people, visit.starts_at, visit.ends_at, ignore_visit_id=visit.pk)
        begin, end = to_minutes(visit.starts_at), to_minutes(visit.ends_at)
        for person in people:
            assert any(s <= begin and end <= e for s, e in calendars.free_of(person)), visit.pk
        coverage = coverage_of({visit.pregnancy.area_id})
        for attendee in visit.attendees.all():
            covering = coverage.midwives if attendee.role == "midwife" else coverage.health_visitors
            assert attendee.practitioner_id in covering[visit.pregnancy.area_id]
        assert {a.role for a in visit.attendees.all()} == (
            {"midwife", "health_visitor"}
            if visit.kind == VisitKind.JOINT_VISIT
            else {"health_visitor"}
        )


def test_generated_visits_fall_in_their_window_unless_flagged(demo_lmns):
    flagged = inside = 0
    for visit in _visits():
        assert visit.referral.status == ReferralStatus.DECIDED
        assert KIND_OF_OUTCOME[visit.referral.current_outcome] == visit.kind
        window = WINDOWS[visit.kind]
        gestation = visit.pregnancy.gestation_on(timezone.localdate(visit.starts_at))
        in_window = window.earliest <= gestation <= window.latest
        assert in_window != bool(visit.outside_window_reason), visit.pk
        flagged += not in_window
        inside += in_window
        changes = list(visit.changes.all())
        assert changes[0].kind == VisitChangeKind.BOOKED and changes[0].at == visit.booked_at
        assert changes[-1].starts_at == visit.starts_at
        assert visit.booked_at < visit.starts_at
        if visit.pregnancy.ended_on is not None:
            assert timezone.localdate(visit.starts_at) < visit.pregnancy.ended_on
    assert 0 < flagged <= 0.1 * (flagged + inside)


def test_generated_visit_status_fits_its_time_and_attendance(demo_lmns):
    today = timezone.localdate()
    statuses = defaultdict(int)
    for visit in _visits():
        statuses[visit.status] += 1
        day = timezone.localdate(visit.starts_at)
        assert day != today
        attendance = list(visit.attendance.all())
        if visit.status in (VisitStatus.ATTENDED, VisitStatus.DID_NOT_ATTEND):
            assert day < today
            assert [record.outcome for record in attendance] == [visit.status]
            assert attendance[0].recorded_at >= visit.ends_at
        else:
            assert not attendance
        if visit.status == VisitStatus.CANCELLED:
            assert visit.changes.last().kind == VisitChangeKind.CANCELLED
    assert all(statuses[status] for status in VisitStatus.values)
    assert Visit.objects.filter(status=VisitStatus.BOOKED, starts_at__gt=timezone.now()).exists()
    decided_joint = Referral.objects.filter(
        status=ReferralStatus.DECIDED, current_outcome=ReviewOutcome.JOINT_VISIT
    )
    with_visit = decided_joint.filter(visits__isnull=False).distinct().count()
    assert with_visit >= 0.6 * decided_joint.count()

"""Booking, moving and cancelling visits: reservations, windows, reasons, change rows."""

from datetime import date, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError

from tandem.core.concurrency import EditConflictError
from tandem.core.models import AuditAction, AuditEvent
from tandem.pathway.models import ReviewOutcome
from tandem.records.tests.factories import PregnancyFactory
from tandem.scheduling.models import (
    SlotReservation,
    VisitChange,
    VisitChangeKind,
    VisitStatus,
)
from tandem.scheduling.services.booking import book_visit, cancel_visit, reschedule_visit
from tandem.scheduling.tests.factories import (
    BusyPeriodFactory,
    at,
    decided_referral,
    edd_for,
    works_every_day,
)

TODAY = date(2026, 3, 2)
FIRST_DAY = TODAY + timedelta(days=10)  # she is 20+0 on this day
pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(personas):
    with time_machine.travel(at(TODAY, 8), tick=False):
        midwife = personas.midwife.practitioner
        health_visitor = personas.health_visitor.practitioner
        works_every_day(midwife)
        works_every_day(health_visitor)
        personas.pregnancy.edd = edd_for(FIRST_DAY, 20, 0)
        personas.pregnancy.save()
        referral = decided_referral(personas.pregnancy, by=personas.reviewer)
        yield personas, referral, midwife, health_visitor


def _book(setting, starts_at, **extra):
    personas, referral, midwife, health_visitor = setting
    return book_visit(
        by=personas.administrator,
        referral=extra.pop("referral", referral),
        starts_at=starts_at,
        midwife=extra.pop("midwife", midwife),
        health_visitor=extra.pop("health_visitor", health_visitor),
        **extra,
    )


def test_book_visit_reserves_both_for_every_quarter_hour_and_audits(setting):
    personas, _, midwife, health_visitor = setting
    visit = _book(setting, at(FIRST_DAY, 9))
    assert visit.status == VisitStatus.BOOKED
    assert visit.ends_at == at(FIRST_DAY, 10, 30)
    held = SlotReservation.objects.filter(visit=visit)
    assert held.count() == 12  # 6 quarter hours x 2 practitioners
    assert {r.practitioner_id for r in held} == {midwife.pk, health_visitor.pk}
    change = VisitChange.objects.get(visit=visit)
    assert (change.kind, change.by) == (VisitChangeKind.BOOKED, personas.administrator)
    event = AuditEvent.objects.get(object_type="visit", action=AuditAction.CREATE)
    assert event.person_id == personas.woman.pk


def test_book_visit_on_19_plus_6_is_refused_without_a_reason(setting):
    with pytest.raises(ValidationError) as error:
        _book(setting, at(FIRST_DAY - timedelta(days=1), 9))
    assert "19+6 weeks" in error.value.message_dict["outside_window_reason"][0]
    assert not SlotReservation.objects.exists()


def test_book_visit_on_26_plus_0_is_refused_and_on_25_plus_6_allowed(setting):
    last_day = FIRST_DAY + timedelta(days=41)
    with pytest.raises(ValidationError) as error:
        _book(setting, at(last_day + timedelta(days=1), 9))
    assert "26+0 weeks" in error.value.message_dict["outside_window_reason"][0]
    assert _book(setting, at(last_day, 9)).is_outside_window is False


def test_book_visit_outside_the_window_with_a_reason_is_flagged(setting):
    visit = _book(
        setting, at(FIRST_DAY - timedelta(days=2), 9), outside_window_reason="Admitted at 20 weeks"
    )
    assert visit.is_outside_window
    assert VisitChange.objects.get(visit=visit).outside_window_reason == "Admitted at 20 weeks"


def test_28_week_contact_before_28_plus_0_is_refused(setting):
    personas = setting[0]
    pregnancy = PregnancyFactory(
        provider=personas.provider, area=personas.adswood, edd=edd_for(FIRST_DAY, 28, 0)
    )
    referral = decided_referral(
        pregnancy, by=personas.reviewer, outcome=ReviewOutcome.HEALTH_VISITOR_28_WEEK
    )
    with pytest.raises(ValidationError) as error:
        _book(setting, at(FIRST_DAY - timedelta(days=1), 9), referral=referral, midwife=None)
    assert "27+6 weeks" in error.value.message_dict["outside_window_reason"][0]
    visit = _book(setting, at(FIRST_DAY, 9), referral=referral, midwife=None)
    assert visit.ends_at - visit.starts_at == timedelta(minutes=60)


def test_book_visit_in_a_busy_period_is_refused(setting):
    _, _, _, health_visitor = setting
    BusyPeriodFactory(
        practitioner=health_visitor, starts_at=at(FIRST_DAY, 10), ends_at=at(FIRST_DAY, 11)
    )
    with pytest.raises(ValidationError) as error:
        _book(setting, at(FIRST_DAY, 9))
    assert "is not free at that time" in error.value.message_dict["starts_at"][0]


def test_book_visit_over_another_booking_is_refused(setting):
    personas = setting[0]
    _book(setting, at(FIRST_DAY, 9))
    other = PregnancyFactory(
        provider=personas.provider, area=personas.adswood, edd=edd_for(FIRST_DAY, 20, 0)
    )
    with pytest.raises(ValidationError) as error:
        _book(setting, at(FIRST_DAY, 10), referral=decided_referral(other, by=personas.reviewer))
    assert "is not free at that time" in error.value.message_dict["starts_at"][0]


def test_book_visit_with_someone_outside_her_area_is_refused(setting):
    personas = setting[0]
    with pytest.raises(ValidationError) as error:
        _book(setting, at(FIRST_DAY, 9), midwife=personas.outsider.practitioner)
    assert "does not cover this family's area" in error.value.message_dict["midwife"][0]


def test_book_visit_twice_for_one_referral_is_refused(setting):
    _book(setting, at(FIRST_DAY, 9))
    with pytest.raises(ValidationError, match="already booked"):
        _book(setting, at(FIRST_DAY + timedelta(days=1), 9))


def test_book_visit_again_after_a_missed_visit(setting):
    missed = _book(setting, at(FIRST_DAY, 9))
    missed.status = VisitStatus.DID_NOT_ATTEND  # as recording attendance leaves it
    missed.save()

    rebooked = _book(setting, at(FIRST_DAY + timedelta(days=1), 9))

    assert rebooked.status == VisitStatus.BOOKED


def test_book_visit_in_the_past_or_off_the_quarter_hour_is_refused(setting):
    with pytest.raises(ValidationError) as error:
        _book(setting, at(FIRST_DAY, 9, 10))
    assert "15, 30 or 45" in error.value.message_dict["starts_at"][0]
    with pytest.raises(ValidationError) as error:
        _book(setting, at(TODAY - timedelta(days=1), 9))
    assert "future" in error.value.message_dict["starts_at"][0]


def test_reschedule_needs_a_reason_and_moves_the_reservations(setting):
    personas = setting[0]
    visit = _book(setting, at(FIRST_DAY, 9))
    with pytest.raises(ValidationError) as error:
        reschedule_visit(
            by=personas.midwife,
            visit=visit,
            expected_version=1,
            starts_at=at(FIRST_DAY, 14),
            reason="",
        )
    assert "reason" in error.value.message_dict
    moved = reschedule_visit(
        by=personas.midwife,
        visit=visit,
        expected_version=1,
        starts_at=at(FIRST_DAY, 9, 30),  # overlaps its own old time: that is allowed
        reason="Family asked for later",
    )
    assert moved.version == 2
    slots = sorted(SlotReservation.objects.filter(visit=visit).values_list("slot_start", flat=True))
    assert slots[0] == at(FIRST_DAY, 9, 30)
    change = VisitChange.objects.get(visit=visit, kind=VisitChangeKind.RESCHEDULED)
    assert (change.reason, change.previous_starts_at) == (
        "Family asked for later",
        at(FIRST_DAY, 9),
    )


def test_reschedule_with_a_stale_version_is_refused(setting):
    personas = setting[0]
    visit = _book(setting, at(FIRST_DAY, 9))
    reschedule_visit(
        by=personas.midwife,
        visit=visit,
        expected_version=1,
        starts_at=at(FIRST_DAY, 14),
        reason="a",
    )
    with pytest.raises(EditConflictError):
        reschedule_visit(
            by=personas.midwife,
            visit=visit,
            expected_version=1,
            starts_at=at(FIRST_DAY, 15),
            reason="b",
        )


def test_cancel_frees_the_time_and_keeps_the_reason(setting):
    personas = setting[0]
    visit = _book(setting, at(FIRST_DAY, 9))
    with pytest.raises(ValidationError):
        cancel_visit(by=personas.midwife, visit=visit, expected_version=1, reason=" ")
    cancel_visit(by=personas.midwife, visit=visit, expected_version=1, reason="She moved away")
    assert visit.status == VisitStatus.CANCELLED
    assert not SlotReservation.objects.filter(visit=visit).exists()
    assert VisitChange.objects.filter(visit=visit, kind=VisitChangeKind.CANCELLED).get().reason == (
        "She moved away"
    )
    # The time is free again, and the referral can be booked again.
    assert _book(setting, at(FIRST_DAY, 9)).pk != visit.pk


def test_visit_changes_cannot_be_edited_or_deleted(setting):
    visit = _book(setting, at(FIRST_DAY, 9))
    change = VisitChange.objects.get(visit=visit)
    change.reason = "rewritten"
    with pytest.raises(ValueError):
        change.save()
    with pytest.raises(ValueError):
        change.delete()


def test_visit_history_names_who_booked_moved_and_cancelled_it(setting):
    personas = setting[0]
    visit = _book(setting, at(FIRST_DAY, 9))
    reschedule_visit(
        by=personas.midwife,
        visit=visit,
        expected_version=1,
        starts_at=at(FIRST_DAY, 14),
        reason="Family asked for later",
    )
    cancel_visit(by=personas.health_visitor, visit=visit, expected_version=2, reason="Moved")

    history = visit.history.order_by("history_date", "history_id")
    assert [(h.history_user, h.status, h.starts_at) for h in history] == [
        (personas.administrator, VisitStatus.BOOKED, at(FIRST_DAY, 9)),
        (personas.midwife, VisitStatus.BOOKED, at(FIRST_DAY, 14)),
        (personas.health_visitor, VisitStatus.CANCELLED, at(FIRST_DAY, 14)),
    ]

"""Recording whether the family attended a visit."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tandem.assessments.models import AttendanceRecord
from tandem.assessments.services.attendance import awaiting_rebooking, record_attendance
from tandem.assessments.services.records import save_priorities
from tandem.assessments.tests.factories import VisitFactory
from tandem.core.concurrency import EditConflictError
from tandem.core.models import AuditAction, AuditEvent
from tandem.scheduling.models import Visit, VisitStatus


def test_attendance_attended_moves_the_visit_on(personas, booked_visit):
    record_attendance(
        by=personas.midwife, visit=booked_visit, expected_version=1, outcome="attended"
    )

    booked_visit.refresh_from_db()
    assert booked_visit.status == VisitStatus.ATTENDED
    assert booked_visit.version == 2
    row = AttendanceRecord.objects.get(visit=booked_visit)
    assert (row.outcome, row.recorded_by) == ("attended", personas.midwife)
    assert booked_visit.history.first().history_user == personas.midwife
    event = AuditEvent.objects.get(object_type="visit", action=AuditAction.CHANGE)
    assert event.person_id == personas.woman.pk
    assert event.detail == {"changes": {"status": ["booked", "attended"]}}


def test_attendance_did_not_attend_leaves_a_follow_up(personas, booked_visit):
    record_attendance(
        by=personas.health_visitor,
        visit=booked_visit,
        expected_version=1,
        outcome="did_not_attend",
    )

    booked_visit.refresh_from_db()
    assert booked_visit.status == VisitStatus.DID_NOT_ATTEND
    assert list(awaiting_rebooking(Visit.objects.all())) == [booked_visit]


def test_attendance_follow_up_clears_once_the_visit_is_rebooked(personas, booked_visit):
    record_attendance(
        by=personas.midwife, visit=booked_visit, expected_version=1, outcome="did_not_attend"
    )
    VisitFactory(
        pregnancy=personas.pregnancy,
        starts_at=timezone.now() + timedelta(days=7),
        booked_by=personas.administrator,
    )

    assert list(awaiting_rebooking(Visit.objects.all())) == []


def test_attendance_can_be_corrected_and_each_answer_is_kept(personas, booked_visit):
    record_attendance(
        by=personas.midwife, visit=booked_visit, expected_version=1, outcome="did_not_attend"
    )
    record_attendance(
        by=personas.midwife, visit=booked_visit, expected_version=2, outcome="attended"
    )

    booked_visit.refresh_from_db()
    assert booked_visit.status == VisitStatus.ATTENDED
    assert [row.outcome for row in AttendanceRecord.objects.filter(visit=booked_visit)] == [
        "attended",
        "did_not_attend",
    ]


def test_attendance_with_a_stale_version_is_refused_and_audited(personas, booked_visit):
    record_attendance(
        by=personas.midwife, visit=booked_visit, expected_version=1, outcome="attended"
    )
    stale = Visit.objects.get(pk=booked_visit.pk)
    stale.version = 1

    with pytest.raises(EditConflictError):
        record_attendance(
            by=personas.health_visitor, visit=stale, expected_version=1, outcome="did_not_attend"
        )

    booked_visit.refresh_from_db()
    assert booked_visit.status == VisitStatus.ATTENDED
    assert AttendanceRecord.objects.count() == 1
    assert AuditEvent.objects.filter(action=AuditAction.CONFLICT, object_type="visit").exists()


def test_attendance_needs_an_answer(personas, booked_visit):
    with pytest.raises(ValidationError) as error:
        record_attendance(by=personas.midwife, visit=booked_visit, expected_version=1, outcome="")

    assert error.value.message_dict == {"outcome": ["Select whether the family attended the visit"]}


def test_attendance_of_a_future_visit_is_refused(personas):
    future = VisitFactory(
        pregnancy=personas.pregnancy,
        starts_at=timezone.now() + timedelta(days=2),
        booked_by=personas.administrator,
    )

    with pytest.raises(ValidationError) as error:
        record_attendance(by=personas.midwife, visit=future, expected_version=1, outcome="attended")

    assert "once the visit has started" in error.value.message_dict["outcome"][0]
    future.refresh_from_db()
    assert future.status == VisitStatus.BOOKED
    assert not AttendanceRecord.objects.exists()


def test_attendance_of_a_cancelled_visit_is_refused(personas):
    cancelled = VisitFactory(
        pregnancy=personas.pregnancy,
        status=VisitStatus.CANCELLED,
        booked_by=personas.administrator,
    )

    with pytest.raises(ValidationError):
        record_attendance(
            by=personas.midwife, visit=cancelled, expected_version=1, outcome="attended"
        )


def test_attendance_cannot_become_did_not_attend_once_a_record_is_started(personas, visit):
    save_priorities(
        by=personas.midwife,
        visit=visit,
        expected_version=0,
        parents_priorities="Synthetic priorities",
        baby_voice="",
    )

    with pytest.raises(ValidationError) as error:
        record_attendance(
            by=personas.midwife, visit=visit, expected_version=1, outcome="did_not_attend"
        )

    assert "visit record has been started" in error.value.message_dict["outcome"][0]

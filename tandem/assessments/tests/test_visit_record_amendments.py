"""After completion a change is an amendment: it needs a reason and adds a new version."""

import pytest
from django.core.exceptions import ValidationError

from tandem.assessments.models import VersionKind, VisitRecord, VisitRecordStatus
from tandem.assessments.services import plan, records
from tandem.assessments.tests.helpers import completed_record
from tandem.core.models import AuditEvent


def test_amendment_with_a_reason_adds_a_version_and_keeps_the_previous(personas, visit):
    record = completed_record(visit, by=personas.midwife)

    records.save_priorities(
        by=personas.health_visitor,
        visit=visit,
        expected_version=record.version,
        parents_priorities="Synthetic: to be near her mother",
        baby_voice="",
        reason="Synthetic: the parents rang to add what they forgot",
    )

    record.refresh_from_db()
    assert record.status == VisitRecordStatus.COMPLETE
    assert record.parents_priorities == "Synthetic: to be near her mother"
    amended, first = record.versions.all()
    assert (amended.number, amended.kind, amended.made_by) == (
        2,
        VersionKind.AMENDED,
        personas.health_visitor,
    )
    assert amended.reason == "Synthetic: the parents rang to add what they forgot"
    assert amended.content["parents_priorities"] == "Synthetic: to be near her mother"
    assert first.content["parents_priorities"].startswith("Synthetic: a warm, safe home")
    latest = VisitRecord.history.filter(id=record.pk).first()
    assert latest.history_change_reason == "Synthetic: the parents rang to add what they forgot"
    event = AuditEvent.objects.filter(object_type="visit_record").order_by("pk").last()
    assert event.detail["amendment"] is True


def test_amendment_must_leave_the_record_complete(personas, visit):
    record = completed_record(visit, by=personas.midwife)

    with pytest.raises(ValidationError) as error:
        records.save_priorities(
            by=personas.midwife,
            visit=visit,
            expected_version=record.version,
            parents_priorities="",
            baby_voice="",
            reason="Synthetic: tidying up",
        )

    assert "must stay complete" in error.value.message_dict["parents_priorities"][0]
    record.refresh_from_db()
    assert record.parents_priorities.startswith("Synthetic: a warm, safe home")
    assert record.versions.count() == 1


def test_amendment_of_the_plan_keeps_the_old_plan_in_the_previous_version(personas, visit):
    record = completed_record(visit, by=personas.midwife)
    goal = record.goals.get()

    plan.change_goal(
        by=personas.midwife,
        goal=goal,
        expected_version=record.version,
        text="Synthetic: move nearer her mother",
        reason="Synthetic: the family changed their minds",
    )

    amended, first = record.versions.all()
    assert amended.content["goals"][0]["goal"] == "Synthetic: move nearer her mother"
    assert first.content["goals"][0]["goal"] == "Synthetic: move to a bigger flat"

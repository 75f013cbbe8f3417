"""Completing a visit record checks what it needs and locks it."""

import pytest
from django.core.exceptions import ValidationError

from tandem.assessments.models import VersionKind, VisitRecordStatus
from tandem.assessments.services import plan, records
from tandem.assessments.tests.helpers import action_values, completed_record


def test_completion_locks_the_record_and_keeps_version_one(personas, visit):
    record = completed_record(visit, by=personas.health_visitor)

    assert record.status == VisitRecordStatus.COMPLETE
    assert record.completed_by == personas.health_visitor
    assert record.completed_at is not None
    version = record.versions.get()
    assert (version.number, version.kind, version.made_by) == (
        1,
        VersionKind.COMPLETED,
        personas.health_visitor,
    )
    assert version.content["parents_priorities"].startswith("Synthetic: a warm, safe home")
    assert version.content["goals"][0]["actions"][0]["owner"] == "health_visitor"


def test_completion_needs_the_priorities_and_a_goal_with_an_action(personas, visit):
    record = records.save_matrix(
        by=personas.midwife,
        visit=visit,
        expected_version=0,
        factors={"resilience_protective": ["Synthetic"]},
        summary="",
    )

    with pytest.raises(ValidationError) as error:
        records.complete_record(by=personas.midwife, visit=visit, expected_version=record.version)

    assert set(error.value.message_dict) == {"parents_priorities", "goals"}
    record.refresh_from_db()
    assert (record.status, record.version) == (VisitRecordStatus.DRAFT, 1)
    assert not record.versions.exists()


def test_completion_of_a_record_not_yet_written_is_refused(personas, visit):
    with pytest.raises(ValidationError) as error:
        records.complete_record(by=personas.midwife, visit=visit, expected_version=0)

    assert error.value.messages == ["Write the visit record before completing it"]


def test_completion_twice_is_refused(personas, visit):
    record = completed_record(visit, by=personas.midwife)

    with pytest.raises(ValidationError) as error:
        records.complete_record(by=personas.midwife, visit=visit, expected_version=record.version)

    assert error.value.messages == ["This record has already been completed"]


def test_completion_locks_edits_without_a_reason(personas, visit):
    record = completed_record(visit, by=personas.midwife)

    with pytest.raises(ValidationError) as error:
        records.save_priorities(
            by=personas.health_visitor,
            visit=visit,
            expected_version=record.version,
            parents_priorities="Synthetic: something else",
            baby_voice="",
        )

    assert error.value.message_dict == {"reason": ["Give the reason for this amendment"]}
    record.refresh_from_db()
    assert record.parents_priorities.startswith("Synthetic: a warm, safe home")


def test_completion_locks_the_plan_too(personas, visit):
    record = completed_record(visit, by=personas.midwife)

    with pytest.raises(ValidationError) as error:
        plan.add_goal(
            by=personas.midwife,
            visit=visit,
            expected_version=record.version,
            goal="Synthetic: another goal",
            **action_values(),
        )

    assert "reason" in error.value.message_dict
    assert record.goals.count() == 1

"""Two practitioners editing the same draft never lose each other's changes."""

import pytest

from tandem.assessments.models import VisitRecord
from tandem.assessments.services import plan, records
from tandem.assessments.tests.helpers import action_values
from tandem.core.concurrency import EditConflictError
from tandem.core.models import AuditAction, AuditEvent


def test_conflict_stale_draft_edit_is_refused(personas, visit):
    opened_at = 0
    records.save_priorities(
        by=personas.midwife,
        visit=visit,
        expected_version=opened_at,
        parents_priorities="Synthetic: the midwife's words",
        baby_voice="",
    )

    with pytest.raises(EditConflictError):
        records.save_priorities(
            by=personas.health_visitor,
            visit=visit,
            expected_version=opened_at,
            parents_priorities="Synthetic: the health visitor's words",
            baby_voice="",
        )

    assert VisitRecord.objects.get().parents_priorities == "Synthetic: the midwife's words"
    conflict = AuditEvent.objects.get(action=AuditAction.CONFLICT)
    assert (conflict.actor_username, conflict.object_type) == ("health_visitor", "visit_record")


def test_conflict_stale_version_after_another_section_saved(personas, visit):
    record = records.save_priorities(
        by=personas.midwife,
        visit=visit,
        expected_version=0,
        parents_priorities="Synthetic",
        baby_voice="",
    )
    loaded = record.version
    records.save_matrix(
        by=personas.health_visitor,
        visit=visit,
        expected_version=loaded,
        factors={"resilience_adversity": ["Synthetic: copes with a lot"]},
        summary="",
    )

    with pytest.raises(EditConflictError):
        plan.add_goal(
            by=personas.midwife,
            visit=visit,
            expected_version=loaded,
            goal="Synthetic goal",
            **action_values(),
        )

    assert not record.goals.exists()


def test_conflict_action_edit_does_not_overwrite_a_status_update(personas, visit):
    record = records.save_priorities(
        by=personas.midwife, visit=visit, expected_version=0, parents_priorities="S", baby_voice=""
    )
    goal = plan.add_goal(
        by=personas.midwife, visit=visit, expected_version=1, goal="Synthetic", **action_values()
    )
    action = goal.actions.get()
    plan.update_action_status(
        by=personas.health_visitor, plan_action=action, expected_version=1, status="in_progress"
    )
    record.refresh_from_db()
    stale = type(action).objects.get(pk=action.pk)

    with pytest.raises(EditConflictError):
        plan.change_action(
            by=personas.midwife,
            plan_action=stale,
            expected_version=record.version,
            action_version=1,
            **action_values(action="Synthetic: changed", status="not_started"),
        )

    action.refresh_from_db()
    assert (action.action, action.status) == (action_values()["action"], "in_progress")

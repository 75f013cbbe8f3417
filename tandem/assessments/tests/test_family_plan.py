"""The joint family plan: goals, actions with owners and due dates, and status updates."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tandem.assessments.models import FamilyPlanAction, FamilyPlanGoal, PlanOwner
from tandem.assessments.services import plan, records
from tandem.assessments.tests.helpers import action_values, completed_record
from tandem.core.models import AuditEvent


def test_plan_goal_is_added_with_its_first_action(personas, visit):
    goal = plan.add_goal(
        by=personas.midwife,
        visit=visit,
        expected_version=0,
        goal="Synthetic: stop smoking before the birth",
        **action_values(owner=PlanOwner.SERVICE, owner_service="Stop Smoking Stockport"),
    )

    action = goal.actions.get()
    assert (action.owner, action.owner_service, action.status) == (
        "service",
        "Stop Smoking Stockport",
        "not_started",
    )
    assert goal.record.visit == visit


def test_plan_named_service_needs_its_name(personas, visit):
    with pytest.raises(ValidationError) as error:
        plan.add_goal(
            by=personas.midwife,
            visit=visit,
            expected_version=0,
            goal="Synthetic goal",
            **action_values(owner=PlanOwner.SERVICE, owner_service=" "),
        )

    assert error.value.message_dict == {
        "owner_service": ["Enter the name of the service that will do this"]
    }
    assert not FamilyPlanGoal.objects.exists()


def test_plan_service_name_is_dropped_for_other_owners(personas, visit):
    goal = plan.add_goal(
        by=personas.midwife,
        visit=visit,
        expected_version=0,
        goal="Synthetic goal",
        **action_values(owner=PlanOwner.PARENT, owner_service="Leftover"),
    )

    assert goal.actions.get().owner_service == ""


def test_plan_action_needs_text_owner_and_due_date(personas, visit):
    with pytest.raises(ValidationError) as error:
        plan.add_goal(
            by=personas.midwife,
            visit=visit,
            expected_version=0,
            goal="",
            action="",
            owner="",
            owner_service="",
            due_date=None,
        )

    assert set(error.value.message_dict) == {"goal", "action", "owner", "due_date"}


def test_plan_due_date_before_the_visit_is_refused(personas, visit):
    with pytest.raises(ValidationError) as error:
        plan.add_goal(
            by=personas.midwife,
            visit=visit,
            expected_version=0,
            goal="Synthetic goal",
            **action_values(due_date=timezone.localdate() - timedelta(days=10)),
        )

    assert error.value.message_dict == {
        "due_date": ["The due date must be on or after the day of the visit"]
    }


def test_plan_second_action_and_change_in_the_draft(personas, visit):
    goal = plan.add_goal(
        by=personas.midwife, visit=visit, expected_version=0, goal="Synthetic", **action_values()
    )
    added = plan.add_action(
        by=personas.health_visitor,
        goal=goal,
        expected_version=1,
        **action_values(action="Synthetic: book antenatal class", owner=PlanOwner.PARENT),
    )
    plan.change_action(
        by=personas.midwife,
        plan_action=added,
        expected_version=2,
        action_version=added.version,
        **action_values(action="Synthetic: book the Saturday class", owner=PlanOwner.PARENT),
    )

    added.refresh_from_db()
    assert added.action == "Synthetic: book the Saturday class"
    assert goal.actions.count() == 2


def test_plan_status_updates_after_completion_without_amending(personas, visit):
    record = completed_record(visit, by=personas.midwife)
    action = FamilyPlanAction.objects.get()

    plan.update_action_status(
        by=personas.health_visitor, plan_action=action, expected_version=1, status="in_progress"
    )
    plan.update_action_status(
        by=personas.health_visitor, plan_action=action, expected_version=2, status="done"
    )

    record.refresh_from_db()
    assert record.versions.count() == 1  # no amendment
    assert [h.status for h in action.history.all()] == ["done", "in_progress", "not_started"]
    events = AuditEvent.objects.filter(object_type="family_plan_action").order_by("pk")
    assert [e.detail["changes"]["status"] for e in events] == [
        ["not_started", "in_progress"],
        ["in_progress", "done"],
    ]


def test_plan_status_must_be_one_of_the_choices(personas, visit):
    completed_record(visit, by=personas.midwife)
    action = FamilyPlanAction.objects.get()

    with pytest.raises(ValidationError) as error:
        plan.update_action_status(
            by=personas.midwife, plan_action=action, expected_version=1, status="finished"
        )

    assert error.value.message_dict == {"status": ["Select the status of this action"]}


def test_plan_of_an_unattended_visit_cannot_be_written(personas, booked_visit):
    with pytest.raises(ValidationError):
        plan.add_goal(
            by=personas.midwife,
            visit=booked_visit,
            expected_version=0,
            goal="Synthetic",
            **action_values(),
        )
    assert records.record_of(booked_visit) is None

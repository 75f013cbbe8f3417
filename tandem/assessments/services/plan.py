"""The joint family plan: goals agreed with the parents, each with actions that have an
owner (a parent, the midwife, the health visitor or a named service), a due date and a
status. Goals and actions are part of the visit record (a change claims the record's
version, and after completion is an amendment); an action's status alone can be updated at
any time, which claims only the action's own version and keeps each change in its history.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from tandem.assessments.models import ActionStatus, FamilyPlanAction, FamilyPlanGoal, PlanOwner
from tandem.assessments.services.common import check_text, person_of
from tandem.assessments.services.records import change_record, check_writable, record_of
from tandem.core.audit import conflicts_audited, record_event
from tandem.core.concurrency import claim_version
from tandem.core.history import save_with_history
from tandem.core.models import AuditAction
from tandem.records.validation import Errors
from tandem.scheduling.models import Visit

ACTION_FIELDS = ("action", "owner", "owner_service", "due_date", "status")
MAX_GOAL_LENGTH = 1000


def _check_goal(errors: Errors, text: str) -> None:
    if not text:
        errors.add("goal", "Enter the goal, in the family's words where you can")
    check_text(errors, "goal", text, "the goal", limit=MAX_GOAL_LENGTH)


def _cleaned_action(errors: Errors, visit: Visit, values: dict) -> dict:
    cleaned = {
        "action": (values.get("action") or "").strip(),
        "owner": values.get("owner") or "",
        "owner_service": (values.get("owner_service") or "").strip(),
        "due_date": values.get("due_date"),
        "status": values.get("status") or ActionStatus.NOT_STARTED,
    }
    if not cleaned["action"]:
        errors.add("action", "Enter the action: what will be done")
    check_text(errors, "action", cleaned["action"], "the action", limit=MAX_GOAL_LENGTH)
    if cleaned["owner"] not in PlanOwner.values:
        errors.add("owner", "Select who will do this")
    if cleaned["owner"] == PlanOwner.SERVICE:
        if not cleaned["owner_service"]:
            errors.add("owner_service", "Enter the name of the service that will do this")
        check_text(errors, "owner_service", cleaned["owner_service"], "the service", limit=200)
    else:
        cleaned["owner_service"] = ""
    due = cleaned["due_date"]
    if not isinstance(due, date):
        errors.add("due_date", "Enter the date this is due by")
    elif due < timezone.localtime(visit.starts_at).date():
        errors.add("due_date", "The due date must be on or after the day of the visit")
    if cleaned["status"] not in ActionStatus.values:
        errors.add("status", "Select the status of this action")
    return cleaned


def _new_action(goal: FamilyPlanGoal, values: dict, *, by) -> FamilyPlanAction:
    action = FamilyPlanAction(goal=goal, **values)
    save_with_history(action, by=by)
    return action


def add_goal(
    *, by, visit: Visit, expected_version: int, goal: str, reason: str = "", **first_action
) -> FamilyPlanGoal:
    """A new goal with its first action: a goal with nothing agreed to do is not a plan."""
    text = goal.strip()
    errors = Errors()
    check_writable(errors, visit=visit, record=record_of(visit), reason=reason)
    _check_goal(errors, text)
    action_values = _cleaned_action(errors, visit, first_action)
    errors.raise_if_any()
    added: list[FamilyPlanGoal] = []

    def write(record) -> None:
        position = record.goals.aggregate(last=Max("position"))["last"]
        new_goal = FamilyPlanGoal(
            record=record, goal=text, position=0 if position is None else position + 1
        )
        save_with_history(new_goal, by=by)
        _new_action(new_goal, action_values, by=by)
        added.append(new_goal)

    change_record(
        by=by,
        visit=visit,
        expected_version=expected_version,
        reason=reason,
        section="plan:add_goal",
        children=write,
    )
    return added[0]


def change_goal(
    *, by, goal: FamilyPlanGoal, expected_version: int, text: str, reason: str = ""
) -> FamilyPlanGoal:
    visit = goal.record.visit
    text = text.strip()
    errors = Errors()
    check_writable(errors, visit=visit, record=record_of(visit), reason=reason)
    _check_goal(errors, text)
    errors.raise_if_any()

    def write(record) -> None:
        goal.goal = text
        save_with_history(goal, by=by)

    change_record(
        by=by,
        visit=visit,
        expected_version=expected_version,
        reason=reason,
        section="plan:change_goal",
        children=write,
    )
    return goal


def add_action(
    *, by, goal: FamilyPlanGoal, expected_version: int, reason: str = "", **values
) -> FamilyPlanAction:
    visit = goal.record.visit
    errors = Errors()
    check_writable(errors, visit=visit, record=record_of(visit), reason=reason)
    cleaned = _cleaned_action(errors, visit, values)
    errors.raise_if_any()
    added: list[FamilyPlanAction] = []
    change_record(
        by=by,
        visit=visit,
        expected_version=expected_version,
        reason=reason,
        section="plan:add_action",
        children=lambda record: added.append(_new_action(goal, cleaned, by=by)),
    )
    return added[0]


def change_action(
    *,
    by,
    plan_action: FamilyPlanAction,
    expected_version: int,
    action_version: int,
    reason: str = "",
    **values,
) -> FamilyPlanAction:
    """Changes an action as part of the record. `action_version` is the action's own version
    the editor loaded, so a status update made meanwhile is not overwritten."""
    unknown = set(values) - set(ACTION_FIELDS)
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}")
    visit = plan_action.goal.record.visit
    errors = Errors()
    check_writable(errors, visit=visit, record=record_of(visit), reason=reason)
    cleaned = _cleaned_action(errors, visit, values)
    errors.raise_if_any()

    def write(record) -> None:
        claim_version(plan_action, action_version)
        for field, value in cleaned.items():
            setattr(plan_action, field, value)
        save_with_history(plan_action, by=by)

    change_record(
        by=by,
        visit=visit,
        expected_version=expected_version,
        reason=reason,
        section="plan:change_action",
        children=write,
    )
    return plan_action


def update_action_status(
    *, by, plan_action: FamilyPlanAction, expected_version: int, status: str
) -> FamilyPlanAction:
    """Moves an action on (for example to done) without amending the record."""
    visit = plan_action.goal.record.visit
    with conflicts_audited(
        by=by,
        object_type="family_plan_action",
        object_id=plan_action.pk,
        person_id=person_of(visit),
        expected_version=expected_version,
    ):
        return _update_action_status(
            by=by, plan_action=plan_action, expected_version=expected_version, status=status
        )


@transaction.atomic
def _update_action_status(*, by, plan_action, expected_version: int, status: str):
    if status not in ActionStatus.values:
        raise ValidationError({"status": "Select the status of this action"})
    before = plan_action.status
    claim_version(plan_action, expected_version)
    plan_action.status = status
    save_with_history(plan_action, by=by)
    record_event(
        by=by,
        action=AuditAction.CHANGE,
        object_type="family_plan_action",
        object_id=plan_action.pk,
        person_id=person_of(plan_action.goal.record.visit),
        detail={"changes": {"status": [before, status]}},
    )
    return plan_action

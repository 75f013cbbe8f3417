"""Small helpers the assessments tests share: a completed record built through the services."""

from datetime import timedelta

from django.utils import timezone

from tandem.assessments.models import PlanOwner
from tandem.assessments.services import plan, records


def action_values(**overrides) -> dict:
    values = {
        "action": "Synthetic: refer to the housing options service",
        "owner": PlanOwner.HEALTH_VISITOR,
        "owner_service": "",
        "due_date": timezone.localdate() + timedelta(days=14),
    }
    return {**values, **overrides}


def completed_record(visit, *, by):
    """A record with priorities and one goal with one action, completed by `by`."""
    record = records.save_priorities(
        by=by,
        visit=visit,
        expected_version=0,
        parents_priorities="Synthetic: a warm, safe home before the baby comes",
        baby_voice="Synthetic: I need my parents to be rested and calm",
    )
    plan.add_goal(
        by=by,
        visit=visit,
        expected_version=record.version,
        goal="Synthetic: move to a bigger flat",
        **action_values(),
    )
    record.refresh_from_db()
    return records.complete_record(by=by, visit=visit, expected_version=record.version)

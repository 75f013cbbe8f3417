"""A version based on a stale one is refused, and the refusal is audited."""

import pytest

from tandem.careplans import services
from tandem.careplans.models import PlanSection
from tandem.core.concurrency import EditConflictError
from tandem.core.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db


def _plan_with_one_version(personas):
    plan = services.plan_for(personas.pregnancy, by=personas.midwife)
    services.record_section(
        plan, PlanSection.HEALTH_NEEDS, {"needs": "Asthma"}, by=personas.midwife, based_on=None
    )
    return plan


def test_record_section_refuses_a_stale_based_on(personas):
    plan = _plan_with_one_version(personas)
    services.record_section(
        plan,
        PlanSection.HEALTH_NEEDS,
        {"needs": "Asthma, inhaler"},
        by=personas.midwife,
        based_on=1,
    )
    with pytest.raises(EditConflictError):
        services.record_section(
            plan, PlanSection.HEALTH_NEEDS, {"needs": "Lost?"}, by=personas.team_leader, based_on=1
        )
    history = services.section_history(plan, PlanSection.HEALTH_NEEDS)
    assert [v.content["needs"] for v in history] == ["Asthma, inhaler", "Asthma"]
    assert AuditEvent.objects.filter(
        action=AuditAction.CONFLICT, object_type="care_plan", actor_id=personas.team_leader.pk
    ).exists()


def test_record_section_refuses_a_first_version_when_one_exists(personas):
    plan = _plan_with_one_version(personas)
    with pytest.raises(EditConflictError):
        services.record_section(
            plan, PlanSection.HEALTH_NEEDS, {"needs": "New"}, by=personas.midwife, based_on=None
        )
    assert services.section_history(plan, PlanSection.HEALTH_NEEDS).count() == 1

"""Opening a plan, each new version and each PDF are written to the audit trail."""

import pytest

from tandem.careplans import services
from tandem.careplans.models import PlanSection
from tandem.core.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db


def _events(personas):
    return list(
        AuditEvent.objects.filter(object_type="care_plan", person_id=personas.woman.pk)
        .order_by("id")
        .values_list("action", "actor_username")
    )


def test_plan_reads_writes_and_prints_are_audited(personas):
    plan = services.plan_for(personas.pregnancy, by=personas.midwife)
    services.plan_for(personas.pregnancy, by=personas.team_leader)
    services.record_section(
        plan, PlanSection.PAIN_RELIEF, {"preferences": "TENS"}, by=personas.midwife, based_on=None
    )
    services.plan_pdf(plan, language="en-gb", large_print=False, by=personas.administrator)
    assert _events(personas) == [
        (AuditAction.CREATE, "midwife"),
        (AuditAction.VIEW, "team_leader"),
        (AuditAction.CHANGE, "midwife"),
        (AuditAction.EXPORT, "administrator"),
    ]
    change = AuditEvent.objects.get(action=AuditAction.CHANGE, object_type="care_plan")
    assert change.detail == {"section": "pain_relief", "version": 1}

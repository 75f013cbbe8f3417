"""Every read of a handover is audited: the handover page names the woman; a team's list
names the women on its current page."""

import pytest
from django.urls import reverse

from tandem.core.models import AuditAction, AuditEvent
from tandem.handover.tests.helpers import send_through_page, sent_handover

pytestmark = pytest.mark.django_db


def test_opening_a_handover_and_a_team_list_is_audited(client, personas, hv_team, birth):
    send_through_page(client, personas.midwife, personas.pregnancy, hv_team)
    handover = sent_handover(personas.pregnancy)
    client.force_login(personas.health_visitor)

    client.get(reverse("web:handover", args=[handover.pk]))
    client.get(reverse("web:handover-team", args=[hv_team.pk]))

    reads = AuditEvent.objects.filter(action=AuditAction.VIEW, actor_id=personas.health_visitor.pk)
    opened = reads.get(object_type="handover")
    assert (opened.object_id, opened.person_id) == (str(handover.pk), personas.woman.pk)
    listed = reads.get(object_type="handover_list")
    assert listed.detail["women"] == [personas.woman.pk]

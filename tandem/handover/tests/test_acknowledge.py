"""Only a health visitor of the receiving team acknowledges a handover, by name and with
the time; she may leave follow-up questions. Anyone else is refused."""

import pytest
from django.urls import reverse

from tandem.core.models import AuditAction, AuditEvent
from tandem.handover.models import HandoverStatus
from tandem.handover.tests.helpers import send_through_page, sent_handover

pytestmark = pytest.mark.django_db


@pytest.fixture
def handover(client, personas, hv_team, birth):
    send_through_page(client, personas.midwife, personas.pregnancy, hv_team)
    client.logout()
    return sent_handover(personas.pregnancy)


def _acknowledge(client, user, handover, **data):
    client.force_login(user)
    url = reverse("web:handover-acknowledge", args=[handover.pk])
    return client.post(url, {"version": str(handover.version), **data})


def test_health_visitor_of_receiving_team_acknowledges_with_questions(client, personas, handover):
    response = _acknowledge(
        client,
        personas.health_visitor,
        handover,
        follow_up_questions="Was the hearing screen done before discharge?",
    )

    assert response.status_code == 302
    handover.refresh_from_db()
    assert handover.status == HandoverStatus.ACKNOWLEDGED
    assert handover.acknowledged_by == personas.health_visitor
    assert handover.acknowledged_at is not None
    assert handover.follow_up_questions == "Was the hearing screen done before discharge?"
    assert AuditEvent.objects.filter(
        action=AuditAction.CHANGE, object_type="handover", actor_id=personas.health_visitor.pk
    ).exists()
    client.force_login(personas.midwife)  # the sending midwife reads who took the family on
    page = client.get(reverse("web:handover", args=[handover.pk])).content.decode()
    assert "Acknowledged by" in page
    assert "Was the hearing screen done before discharge?" in page


def test_midwife_cannot_acknowledge(client, personas, handover):
    response = _acknowledge(client, personas.midwife, handover)

    assert response.status_code == 403
    handover.refresh_from_db()
    assert handover.status == HandoverStatus.SENT


def test_health_visitor_of_another_team_cannot_acknowledge(
    client, personas, handover, other_health_visitor
):
    response = _acknowledge(client, other_health_visitor, handover)

    assert response.status_code == 404  # she cannot see another team's handover
    handover.refresh_from_db()
    assert handover.status == HandoverStatus.SENT


def test_acknowledging_from_a_stale_version_saves_nothing(client, personas, handover):
    stale = handover.version
    _acknowledge(client, personas.health_visitor, handover)
    response = client.post(
        reverse("web:handover-acknowledge", args=[handover.pk]),
        {"version": str(stale), "follow_up_questions": "Second try"},
    )

    assert response.status_code == 200
    assert "already acknowledged" in response.content.decode()
    handover.refresh_from_db()
    assert handover.follow_up_questions == ""

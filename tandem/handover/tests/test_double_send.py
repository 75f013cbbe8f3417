"""A pregnancy has one handover in force: a second send is refused until the first is
withdrawn, with a reason, by the sending team."""

import pytest
from django.urls import reverse

from tandem.handover.models import Handover, HandoverStatus
from tandem.handover.tests.helpers import send_through_page, sent_handover

pytestmark = pytest.mark.django_db


def test_second_send_is_refused(client, personas, hv_team, birth):
    send_through_page(client, personas.midwife, personas.pregnancy, hv_team)
    response = send_through_page(client, personas.team_leader, personas.pregnancy, hv_team)

    assert response.status_code == 200
    assert "already sent to Adswood health visitors" in response.content.decode()
    assert Handover.objects.filter(pregnancy=personas.pregnancy).count() == 1


def test_withdrawal_needs_a_reason(client, personas, hv_team, birth):
    send_through_page(client, personas.midwife, personas.pregnancy, hv_team)
    handover = sent_handover(personas.pregnancy)

    response = client.post(
        reverse("web:handover-withdraw", args=[handover.pk]),
        {"version": str(handover.version), "reason": ""},
    )

    assert response.status_code == 200
    assert "Enter why the handover is being withdrawn" in response.content.decode()
    handover.refresh_from_db()
    assert handover.status == HandoverStatus.SENT


def test_after_withdrawal_a_new_handover_can_be_sent(client, personas, hv_team, birth):
    send_through_page(client, personas.midwife, personas.pregnancy, hv_team)
    first = sent_handover(personas.pregnancy)
    client.post(
        reverse("web:handover-withdraw", args=[first.pk]),
        {"version": str(first.version), "reason": "Sent before the baby's weight was checked"},
    )

    response = send_through_page(client, personas.midwife, personas.pregnancy, hv_team)

    first.refresh_from_db()
    assert first.status == HandoverStatus.WITHDRAWN
    assert first.withdrawn_by == personas.midwife
    assert first.withdrawal_reason == "Sent before the baby's weight was checked"
    second = Handover.objects.exclude(pk=first.pk).get(pregnancy=personas.pregnancy)
    assert response.url == reverse("web:handover", args=[second.pk])
    assert second.status == HandoverStatus.SENT


def test_health_visitor_cannot_withdraw(client, personas, hv_team, birth):
    send_through_page(client, personas.midwife, personas.pregnancy, hv_team)
    handover = sent_handover(personas.pregnancy)
    client.force_login(personas.health_visitor)

    response = client.post(
        reverse("web:handover-withdraw", args=[handover.pk]),
        {"version": str(handover.version), "reason": "Not ours"},
    )

    assert response.status_code == 403
    handover.refresh_from_db()
    assert handover.status == HandoverStatus.SENT

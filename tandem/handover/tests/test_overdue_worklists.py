"""A handover not acknowledged within TANDEM_HANDOVER_ACKNOWLEDGE_DAYS is on both teams'
worklists (the sending midwives' and the receiving health visitors') until it is
acknowledged; nothing is stored to say so."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tandem.handover.models import Handover
from tandem.handover.services import acknowledge_handover, overdue_handovers
from tandem.handover.tests.helpers import send_through_page, sent_handover

pytestmark = pytest.mark.django_db


def _sent_days_ago(handover: Handover, days: int) -> Handover:
    Handover.objects.filter(pk=handover.pk).update(sent_at=timezone.now() - timedelta(days=days))
    handover.refresh_from_db()
    return handover


@pytest.fixture
def handover(client, personas, hv_team, birth):
    send_through_page(client, personas.midwife, personas.pregnancy, hv_team)
    client.logout()
    return sent_handover(personas.pregnancy)


def _home(client, user) -> str:
    client.force_login(user)
    return client.get(reverse("web:home")).content.decode()


@pytest.mark.parametrize("days,overdue", [(3, False), (4, True)])
def test_overdue_after_the_configured_days(personas, hv_team, handover, days, overdue, settings):
    settings.TANDEM_HANDOVER_ACKNOWLEDGE_DAYS = 3
    _sent_days_ago(handover, days)
    today = timezone.localdate()

    assert list(overdue_handovers(hv_team, today)) == ([handover] if overdue else [])
    assert list(overdue_handovers(personas.adswood_team, today)) == ([handover] if overdue else [])


def test_overdue_on_both_teams_worklists_until_acknowledged(client, personas, hv_team, handover):
    _sent_days_ago(handover, 10)

    assert "Handovers not acknowledged in time: 1" in _home(client, personas.midwife)
    assert "Handovers not acknowledged in time: 1" in _home(client, personas.health_visitor)
    for user, team in (
        (personas.midwife, personas.adswood_team),
        (personas.health_visitor, hv_team),
    ):
        client.force_login(user)
        page = client.get(reverse("web:handover-team", args=[team.pk])).content.decode()
        assert "Not acknowledged in time (1)" in page

    acknowledge_handover(
        by=personas.health_visitor, handover=handover, expected_version=handover.version
    )

    assert "Handovers not acknowledged in time: 0" in _home(client, personas.midwife)
    assert "Handovers not acknowledged in time: 0" in _home(client, personas.health_visitor)
    assert not overdue_handovers(hv_team, timezone.localdate()).exists()


def test_a_longer_setting_keeps_it_off_the_worklists(client, personas, handover, settings):
    settings.TANDEM_HANDOVER_ACKNOWLEDGE_DAYS = 14
    _sent_days_ago(handover, 10)

    assert "Handovers not acknowledged in time: 0" in _home(client, personas.health_visitor)

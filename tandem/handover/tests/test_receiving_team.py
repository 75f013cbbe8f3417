"""The handover goes to a health-visiting team: the one covering her area is offered first
and chosen for her; a team of another kind, or none, is refused."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tandem.handover.models import Handover
from tandem.handover.services import receiving_teams, send_handover
from tandem.handover.tests.helpers import send_through_page, sent_handover
from tandem.records.models import TeamKind
from tandem.records.tests.factories import TeamFactory

pytestmark = pytest.mark.django_db


def test_team_covering_her_area_comes_first(personas, hv_team):
    elsewhere = TeamFactory(
        organisation=personas.council, name="Abbey health visitors", kind=TeamKind.HEALTH_VISITING
    )

    assert receiving_teams(personas.pregnancy) == [(hv_team, True), (elsewhere, False)]


def test_a_team_that_is_not_health_visiting_is_refused(personas, birth):
    with pytest.raises(ValidationError) as refused:
        send_handover(
            by=personas.midwife,
            pregnancy=personas.pregnancy,
            receiving_team=personas.adswood_team,
            current_feeding="formula",
            safeguarding_concerns=False,
        )

    assert refused.value.message_dict == {"receiving_team": ["Choose a health-visiting team"]}
    assert not Handover.objects.exists()


def test_every_missing_answer_is_named(client, personas, hv_team, birth):
    response = send_through_page(
        client,
        personas.midwife,
        personas.pregnancy,
        hv_team,
        receiving_team="",
        current_feeding="",
        safeguarding_concerns="",
    )

    page = response.content.decode()
    assert 'href="#receiving_team"' in page
    assert "Choose the health-visiting team to hand over to" in page
    assert "Select how the baby is fed now" in page
    assert "Select whether there are safeguarding concerns" in page
    assert not Handover.objects.exists()


def test_database_refuses_a_second_handover_in_force(client, personas, hv_team, birth):
    send_through_page(client, personas.midwife, personas.pregnancy, hv_team)
    first = sent_handover(personas.pregnancy)

    with pytest.raises(IntegrityError), transaction.atomic():
        Handover.objects.create(
            pregnancy=first.pregnancy,
            sending_team=first.sending_team,
            receiving_team=first.receiving_team,
            sent_by=first.sent_by,
            sent_at=first.sent_at,
            safeguarding_concerns=False,
            snapshot=first.snapshot,
        )

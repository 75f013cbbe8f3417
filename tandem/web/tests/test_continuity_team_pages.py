"""Team leaders set up continuity teams of four to six midwives with an obstetrician, and
change their midwives, through the pages; the rules answer with errors naming the field."""

from datetime import date

import pytest
from django.urls import reverse

from tandem.continuity.models import ContinuityTeam, TeamMembership
from tandem.continuity.tests.factories import continuity_team, members, on_pathway
from tandem.core.models import AuditEvent
from tandem.records.models import Pregnancy, Profession, TeamKind
from tandem.records.tests.factories import PractitionerFactory, PregnancyFactory, TeamFactory
from tandem.web.tests.conftest import assert_field_error, date_fields, page_text


@pytest.fixture
def new_team(personas):
    team = TeamFactory(
        organisation=personas.provider, name="Adswood continuity team", kind=TeamKind.CONTINUITY
    )
    obstetrician = PractitionerFactory(
        organisation=personas.provider, profession=Profession.OBSTETRICIAN
    )
    midwives = [PractitionerFactory(organisation=personas.provider) for _ in range(5)]
    return team, obstetrician, midwives


def _set_up(client, team, obstetrician, midwives):
    return client.post(
        reverse("web:continuity-team-new"),
        {
            "team": team.pk,
            "obstetrician": obstetrician.pk,
            "midwives": [midwife.pk for midwife in midwives],
            "caseload_limit": "30",
            **date_fields("joined_on", date(2025, 4, 1)),
        },
    )


def test_team_leader_sets_up_a_team_of_five(client, personas, new_team):
    team, obstetrician, midwives = new_team
    client.force_login(personas.team_leader)

    response = _set_up(client, team, obstetrician, midwives)

    continuity = ContinuityTeam.objects.get(team=team)
    assert response.status_code == 302
    assert response.url == reverse("web:continuity-team", args=[continuity.pk])
    assert set(members(continuity)) == set(midwives)
    assert continuity.caseload_limit == 30
    page = page_text(client.get(response.url))
    assert str(obstetrician) in page
    assert "30 women a year for each midwife" in page


def test_a_team_of_three_is_refused_on_the_page(client, personas, new_team):
    team, obstetrician, midwives = new_team
    client.force_login(personas.team_leader)

    response = _set_up(client, team, obstetrician, midwives[:3])

    assert response.status_code == 200
    assert_field_error(response, "midwives", "Choose 4 to 6 midwives for the team (you chose 3)")
    assert not ContinuityTeam.objects.exists()


def test_a_seventh_midwife_is_refused_on_the_page(client, personas):
    team = continuity_team(personas.provider, size=6)
    client.force_login(personas.team_leader)

    response = client.post(
        reverse("web:continuity-member-new", args=[team.pk]),
        {
            "midwife": PractitionerFactory(organisation=personas.provider).pk,
            **date_fields("joined_on", date(2025, 6, 1)),
        },
    )

    assert_field_error(
        response,
        "midwife",
        f"{team} already has 6 midwives, the most a continuity team should have",
    )
    assert len(members(team)) == 6


def test_a_midwife_still_caring_for_women_cannot_leave(client, personas):
    team = continuity_team(personas.provider, size=5)
    on_pathway(PregnancyFactory(provider=personas.provider), team, starts_on=date(2025, 1, 6))
    named = members(team)[0]
    membership = TeamMembership.objects.get(continuity_team=team, midwife=named)
    client.force_login(personas.team_leader)

    response = client.post(
        reverse("web:continuity-member-leaves", args=[membership.pk]),
        date_fields("left_on", date(2025, 6, 1)),
    )

    assert response.status_code == 200
    assert f"{named} is still named midwife or buddy for women in" in page_text(response)
    assert TeamMembership.objects.get(pk=membership.pk).left_on is None


def test_a_midwife_with_no_women_leaves(client, personas):
    team = continuity_team(personas.provider, size=5)
    leaving = members(team)[-1]
    membership = TeamMembership.objects.get(continuity_team=team, midwife=leaving)
    client.force_login(personas.team_leader)

    response = client.post(
        reverse("web:continuity-member-leaves", args=[membership.pk]),
        date_fields("left_on", date(2025, 6, 1)),
    )

    assert response.status_code == 302
    assert TeamMembership.objects.get(pk=membership.pk).left_on == date(2025, 6, 1)
    assert leaving not in members(team)


def test_team_page_lists_women_whose_record_and_carers_disagree(client, personas):
    team = continuity_team(
        personas.provider, midwives=[personas.midwife.practitioner], areas=[personas.adswood]
    )
    # Her record was moved to the continuity team on the pregnancy form, not here.
    Pregnancy.objects.filter(pk=personas.pregnancy.pk).update(team=team.team)
    in_step = PregnancyFactory(
        provider=personas.provider,
        area=personas.adswood,
        team=team.team,
        named_midwife=members(team)[0],
    )
    on_pathway(in_step, team, starts_on=date(2025, 1, 6))
    client.force_login(personas.team_leader)

    page = page_text(client.get(reverse("web:continuity-team", args=[team.pk])))

    assert "Carers to name again" in page
    assert str(personas.woman) in page
    assert str(in_step.woman) not in page
    event = AuditEvent.objects.get(object_type="continuity_carers_out_of_step")
    assert event.detail == {"women": [personas.woman.pk]}

"""A named midwife's caseload over the team's limit is not silently allowed: the assigner
must confirm it, and the team leader sees the warning on the team page."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tandem.continuity import services
from tandem.continuity.models import CarerAssignment
from tandem.continuity.tests.factories import continuity_team, members
from tandem.core.audit import system_actor
from tandem.records.models import Pregnancy
from tandem.records.tests.factories import PregnancyFactory
from tandem.web.tests.conftest import assert_field_error, page_text


@pytest.fixture
def team(personas):
    """A team whose midwives may each be named for 1 woman a year; the first already is."""
    team = continuity_team(
        personas.provider,
        midwives=[personas.midwife.practitioner],
        areas=[personas.adswood],
        caseload_limit=1,
    )
    full, buddy = members(team)[:2]
    other = PregnancyFactory(provider=personas.provider, area=personas.adswood)
    services.assign_carers(
        by=system_actor(),
        pregnancy=other,
        continuity_team=team,
        named_midwife=full,
        buddy=buddy,
        reason="Booked into the team",
        expected_version=other.version,
    )
    return team


def _post(client, personas, team, **extra):
    full, buddy = members(team)[:2]
    return client.post(
        reverse("web:carers-assign", args=[personas.pregnancy.pk]),
        {
            "version": Pregnancy.objects.get(pk=personas.pregnancy.pk).version,
            "continuity_team": team.pk,
            "named_midwife": full.pk,
            "buddy": buddy.pk,
            "reason": "Asked for the midwife who cared for her sister",
            **extra,
        },
    )


def test_going_over_the_limit_needs_confirmation(client, personas, team):
    full = members(team)[0]
    client.force_login(personas.team_leader)

    response = _post(client, personas, team)

    assert response.status_code == 200
    assert_field_error(
        response,
        "confirm_over_limit",
        f"{full} would be named midwife for 2 women a year, over the team's limit of 1",
    )
    assert not CarerAssignment.objects.filter(pregnancy=personas.pregnancy).exists()
    assert Pregnancy.objects.get(pk=personas.pregnancy.pk).named_midwife == (
        personas.midwife.practitioner
    )


def test_confirmed_assignment_over_the_limit_is_saved_and_marked(client, personas, team):
    client.force_login(personas.team_leader)

    response = _post(client, personas, team, confirm_over_limit=["confirmed"])

    assert response.status_code == 302
    assignment = CarerAssignment.objects.get(pregnancy=personas.pregnancy)
    assert assignment.over_limit_confirmed is True


def test_team_leader_sees_the_midwife_over_her_limit(client, personas, team):
    full = members(team)[0]
    client.force_login(personas.team_leader)
    _post(client, personas, team, confirm_over_limit=["confirmed"])

    page = page_text(client.get(reverse("web:continuity-team", args=[team.pk])))

    assert f"{full} is named midwife for 2 women a year, over the limit of 1" in page
    assert "Over the limit" in page
    teams_page = page_text(client.get(reverse("web:continuity-teams")))
    assert str(team) in teams_page


def test_women_due_outside_the_caseload_year_do_not_count(personas, team):
    full = members(team)[0]
    today = timezone.localdate()
    long_delivered = PregnancyFactory(
        provider=personas.provider, edd=today - timedelta(days=200), status="delivered"
    )
    CarerAssignment.objects.create(
        pregnancy=long_delivered,
        continuity_team=team,
        named_midwife=full,
        buddy=members(team)[1],
        starts_on=today - timedelta(days=400),
        reason="Booked into the team",
        assigned_by=system_actor(),
    )

    assert services.caseload_of(full, on=today) == 1

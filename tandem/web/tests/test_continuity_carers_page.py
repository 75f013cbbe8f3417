"""Naming and changing a woman's continuity carers through the page: the team's midwives
only, a buddy who is not her named midwife, a reason, and a transfer that keeps history."""

import pytest
from django.urls import reverse

from tandem.continuity.models import CarerAssignment
from tandem.continuity.tests.factories import continuity_team, members
from tandem.core.models import AuditEvent
from tandem.records.models import Pregnancy
from tandem.web.tests.conftest import assert_field_error, page_text


@pytest.fixture
def team(personas):
    return continuity_team(
        personas.provider, midwives=[personas.midwife.practitioner], areas=[personas.adswood]
    )


def _post(client, pregnancy, team, named, buddy, *, reason="Booked into the team", **extra):
    return client.post(
        reverse("web:carers-assign", args=[pregnancy.pk]),
        {
            "version": pregnancy.version,
            "continuity_team": team.pk,
            "named_midwife": named.pk,
            "buddy": buddy.pk,
            "reason": reason,
            **extra,
        },
    )


def test_team_leader_names_her_midwife_and_buddy(client, personas, team):
    named, buddy = members(team)[:2]
    client.force_login(personas.team_leader)

    response = _post(client, personas.pregnancy, team, named, buddy)

    assert response.status_code == 302
    assignment = CarerAssignment.objects.get(pregnancy=personas.pregnancy)
    assert (assignment.named_midwife, assignment.buddy, assignment.ends_on) == (named, buddy, None)
    assert assignment.assigned_by == personas.team_leader
    pregnancy = Pregnancy.objects.get(pk=personas.pregnancy.pk)
    assert (pregnancy.named_midwife, pregnancy.team) == (named, team.team)
    assert AuditEvent.objects.filter(
        object_type="carer_assignment", object_id=str(assignment.pk), person_id=personas.woman.pk
    ).exists()


def test_buddy_cannot_be_her_named_midwife(client, personas, team):
    named = members(team)[0]
    client.force_login(personas.team_leader)

    response = _post(client, personas.pregnancy, team, named, named)

    assert response.status_code == 200
    assert_field_error(
        response, "buddy", "Her buddy must be a different midwife from her named midwife"
    )
    assert not CarerAssignment.objects.exists()


def test_buddy_and_named_midwife_must_be_in_the_team(client, personas, team):
    other_team = continuity_team(personas.provider, name="Brinnington continuity team")
    outsider_named, outsider_buddy = members(other_team)[:2]
    client.force_login(personas.team_leader)

    response = _post(client, personas.pregnancy, team, outsider_named, outsider_buddy)

    assert_field_error(response, "named_midwife", f"{outsider_named} is not a midwife in {team}")
    assert_field_error(response, "buddy", f"{outsider_buddy} is not a midwife in {team}")
    assert not CarerAssignment.objects.exists()
    assert Pregnancy.objects.get(pk=personas.pregnancy.pk).team == personas.adswood_team


def test_a_reason_is_required(client, personas, team):
    named, buddy = members(team)[:2]
    client.force_login(personas.team_leader)

    response = _post(client, personas.pregnancy, team, named, buddy, reason="  ")

    assert_field_error(response, "reason", "Say why her carers are being named or changed")
    assert not CarerAssignment.objects.exists()


def test_transfer_to_another_team_keeps_history_and_updates_the_pregnancy(client, personas, team):
    first_named, first_buddy = members(team)[:2]
    client.force_login(personas.team_leader)
    _post(client, personas.pregnancy, team, first_named, first_buddy)
    other = continuity_team(personas.provider, name="Brinnington continuity team")
    new_named, new_buddy = members(other)[:2]

    response = _post(
        client,
        Pregnancy.objects.get(pk=personas.pregnancy.pk),
        other,
        new_named,
        new_buddy,
        reason="Moved house to Brinnington",
    )

    assert response.status_code == 302
    history = list(CarerAssignment.objects.filter(pregnancy=personas.pregnancy).order_by("pk"))
    assert len(history) == 2
    ended, current = history
    assert (ended.continuity_team, ended.named_midwife) == (team, first_named)
    assert ended.ends_on is not None
    assert ended.ended_by == personas.team_leader
    assert ended.end_reason == "Moved house to Brinnington"
    assert (current.continuity_team, current.named_midwife, current.buddy) == (
        other,
        new_named,
        new_buddy,
    )
    assert current.ends_on is None
    pregnancy = Pregnancy.objects.get(pk=personas.pregnancy.pk)
    assert (pregnancy.named_midwife, pregnancy.team) == (new_named, other.team)
    assert pregnancy.history.first().history_change_reason == "Moved house to Brinnington"


def test_a_stale_form_is_refused_and_nothing_changes(client, personas, team):
    named, buddy, third = members(team)[:3]
    client.force_login(personas.team_leader)
    stale = Pregnancy.objects.get(pk=personas.pregnancy.pk)
    _post(client, stale, team, named, buddy)

    response = _post(client, stale, team, third, buddy)

    assert response.status_code == 409
    assert "Someone else changed this record" in page_text(response)
    assert CarerAssignment.objects.get(pregnancy=personas.pregnancy).named_midwife == named
    assert AuditEvent.objects.filter(object_type="pregnancy", action="conflict").exists()


def test_midwife_of_the_team_may_change_carers_but_not_a_health_visitor(client, personas, team):
    named, buddy = members(team)[:2]
    client.force_login(personas.midwife)
    assert _post(client, personas.pregnancy, team, named, buddy).status_code == 302

    client.force_login(personas.health_visitor)
    response = client.get(reverse("web:carers-assign", args=[personas.pregnancy.pk]))
    assert response.status_code == 403


def test_record_page_shows_her_carers_and_their_history(client, personas, team):
    named, buddy = members(team)[:2]
    client.force_login(personas.team_leader)
    _post(client, personas.pregnancy, team, named, buddy)

    page = page_text(client.get(reverse("web:woman", args=[personas.woman.pk])))

    assert "Continuity of carer" in page
    assert str(named) in page and str(buddy) in page
    assert str(team.obstetrician) in page
    assert "Her carers over time" in page
    assert "Booked into the team" in page
    assert "Not recorded" in page  # labour and birth: no source in Tandem
    assert "Change her continuity carers" in page

"""A continuity team keeps four to six midwives (Better Births): too few or too many is
refused with a message that says what to do, and so is a midwife leaving while women still
name her."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from tandem.continuity import services
from tandem.continuity.models import ContinuityTeam, TeamMembership
from tandem.continuity.tests.factories import continuity_team, members, on_pathway
from tandem.core.audit import system_actor
from tandem.records.models import Profession, TeamKind
from tandem.records.tests.factories import (
    OrganisationFactory,
    PractitionerFactory,
    PregnancyFactory,
    TeamFactory,
)

pytestmark = pytest.mark.django_db


def _create(organisation, size, **overrides):
    team = TeamFactory(organisation=organisation, name="New team", kind=TeamKind.CONTINUITY)
    arguments = {
        "by": system_actor(),
        "team": team,
        "obstetrician": PractitionerFactory(
            organisation=organisation, profession=Profession.OBSTETRICIAN
        ),
        "midwives": [PractitionerFactory(organisation=organisation) for _ in range(size)],
        "joined_on": date(2025, 1, 6),
    } | overrides
    return services.create_continuity_team(**arguments)


@pytest.mark.parametrize("size", [3, 7])
def test_a_team_of_the_wrong_size_is_refused(size):
    with pytest.raises(ValidationError) as error:
        _create(OrganisationFactory(), size)

    assert error.value.message_dict["midwives"] == [
        f"Choose 4 to 6 midwives for the team (you chose {size})"
    ]
    assert not ContinuityTeam.objects.exists()
    assert not TeamMembership.objects.exists()


def test_a_team_needs_an_obstetrician_and_a_continuity_team():
    organisation = OrganisationFactory()
    not_continuity = TeamFactory(organisation=organisation, name="Community midwives")

    with pytest.raises(ValidationError) as error:
        _create(
            organisation,
            4,
            team=not_continuity,
            obstetrician=PractitionerFactory(organisation=organisation),
        )

    assert "not a continuity of carer team" in error.value.message_dict["team"][0]
    assert "is not an obstetrician" in error.value.message_dict["obstetrician"][0]


def test_a_seventh_midwife_is_refused():
    organisation = OrganisationFactory()
    team = continuity_team(organisation, size=6)

    with pytest.raises(ValidationError) as error:
        services.add_member(
            by=system_actor(),
            continuity_team=team,
            midwife=PractitionerFactory(organisation=organisation),
            joined_on=date(2025, 1, 6),
        )

    assert "already has 6 midwives" in error.value.message_dict["midwife"][0]
    assert len(members(team)) == 6


def test_a_fifth_midwife_joins_and_may_see_the_teams_women():
    organisation = OrganisationFactory()
    team = continuity_team(organisation, size=4)
    newcomer = PractitionerFactory(organisation=organisation)

    services.add_member(
        by=system_actor(), continuity_team=team, midwife=newcomer, joined_on=date(2025, 1, 6)
    )

    assert newcomer in members(team)
    assert team.team in newcomer.teams.all()


def test_leaving_a_team_of_four_is_refused():
    team = continuity_team(OrganisationFactory(), size=4)
    membership = team.memberships.first()

    with pytest.raises(ValidationError) as error:
        services.end_membership(by=system_actor(), membership=membership, left_on=date(2025, 6, 1))

    assert "would have fewer than 4 midwives" in error.value.message_dict["midwife"][0]
    assert TeamMembership.objects.get(pk=membership.pk).left_on is None


def test_a_midwife_still_named_for_women_cannot_leave():
    organisation = OrganisationFactory()
    team = continuity_team(organisation, size=5)
    named = members(team)[0]
    on_pathway(PregnancyFactory(provider=organisation), team, starts_on=date(2025, 1, 6))
    membership = team.memberships.get(midwife=named)

    with pytest.raises(ValidationError) as error:
        services.end_membership(by=system_actor(), membership=membership, left_on=date(2025, 6, 1))

    assert "still named midwife or buddy for women in" in error.value.message_dict["midwife"][0]


def test_a_midwife_with_no_women_leaves_a_team_of_five():
    team = continuity_team(OrganisationFactory(), size=5)
    membership = team.memberships.first()

    services.end_membership(by=system_actor(), membership=membership, left_on=date(2025, 6, 1))

    assert len(members(team)) == 4
    assert team.team not in membership.midwife.teams.all()

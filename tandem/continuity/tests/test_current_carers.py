"""current_carers: the interface the woman's portal reads (who looks after her now)."""

from datetime import date

import pytest

from tandem.continuity.services import CurrentCarers, current_carers
from tandem.continuity.tests.factories import continuity_team, members, on_pathway
from tandem.records.tests.factories import OrganisationFactory, PregnancyFactory

pytestmark = pytest.mark.django_db


def test_no_carers_when_she_is_not_on_a_pathway():
    assert current_carers(PregnancyFactory()) is None


def test_carers_of_her_current_assignment_only():
    organisation = OrganisationFactory()
    pregnancy = PregnancyFactory(provider=organisation)
    first = continuity_team(organisation, name="First continuity team")
    second = continuity_team(organisation, name="Second continuity team")
    on_pathway(pregnancy, first, starts_on=date(2025, 1, 6), ends_on=date(2025, 3, 3))
    on_pathway(pregnancy, second, starts_on=date(2025, 3, 3))
    named, buddy = members(second)[:2]

    assert current_carers(pregnancy) == CurrentCarers(
        team_name="Second continuity team",
        named_midwife=named,
        buddy=buddy,
        obstetrician_name=str(second.obstetrician),
    )


def test_no_carers_once_her_assignment_has_ended():
    organisation = OrganisationFactory()
    pregnancy = PregnancyFactory(provider=organisation)
    team = continuity_team(organisation)
    on_pathway(pregnancy, team, starts_on=date(2025, 1, 6), ends_on=date(2025, 3, 3))

    assert current_carers(pregnancy) is None

"""Fixtures for the handover tests: the Adswood health-visiting team, a birth recorded the
way the birth page records it, and a colleague health visitor in another team."""

import pytest

from tandem.core.roles import Role
from tandem.outcomes.services import record_birth
from tandem.outcomes.tests.factories import baby_values, labour_values
from tandem.records.models import Profession, Team, TeamKind
from tandem.records.tests.factories import PractitionerFactory, TeamFactory, UserFactory


@pytest.fixture
def hv_team(personas) -> Team:
    return Team.objects.get(kind=TeamKind.HEALTH_VISITING, name="Adswood health visitors")


@pytest.fixture
def birth(personas):
    """A singleton born yesterday to the personas' woman, recorded by her midwife."""
    return record_birth(
        by=personas.midwife,
        pregnancy=personas.pregnancy,
        labour=labour_values(),
        babies=[baby_values(1, birth_weight_g=3120, apgar_5=8, gestation_days=275)],
    )


@pytest.fixture
def other_health_visitor(personas):
    """A health visitor of Brinnington's health-visiting team, covering Adswood too (so she
    sees the family's record) but not in the team the handover goes to."""
    team = TeamFactory(
        organisation=personas.council,
        name="Brinnington health visitors",
        kind=TeamKind.HEALTH_VISITING,
    )
    team.areas.set([personas.brinnington])
    user = UserFactory(username="other_hv", role=Role.HEALTH_VISITOR)
    practitioner = PractitionerFactory(
        user=user,
        profession=Profession.HEALTH_VISITOR,
        organisation=personas.council,
        given_name="Other",
        family_name="Visitor",
    )
    practitioner.teams.set([team])
    practitioner.areas.set([personas.adswood])
    return user

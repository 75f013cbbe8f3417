"""factory_boy factories for continuity of carer. Synthetic data only.

A team is set up through the service, as in use, so its rules hold in every test."""

from datetime import date

from tandem.continuity import services
from tandem.continuity.models import CarerAssignment, ContinuityTeam
from tandem.core.audit import system_actor
from tandem.records.models import Organisation, Practitioner, Profession, TeamKind
from tandem.records.tests.factories import PractitionerFactory, TeamFactory

TEAM_STARTED = date(2024, 4, 1)


def continuity_team(
    organisation: Organisation,
    *,
    name: str = "Adswood continuity team",
    midwives: list[Practitioner] | None = None,
    size: int = 5,
    caseload_limit: int | None = None,
    areas=(),
) -> ContinuityTeam:
    """A continuity team of `size` midwives (or `midwives`, topped up to `size`) and an
    obstetrician, set up through tandem.continuity.services."""
    team = TeamFactory(organisation=organisation, name=name, kind=TeamKind.CONTINUITY)
    team.areas.set(areas)
    chosen = list(midwives or [])
    chosen += [
        PractitionerFactory(organisation=organisation, family_name=f"Teammate{index}")
        for index in range(size - len(chosen))
    ]
    obstetrician = PractitionerFactory(
        organisation=organisation, profession=Profession.OBSTETRICIAN, family_name="Obstetrician"
    )
    return services.create_continuity_team(
        by=system_actor(),
        team=team,
        obstetrician=obstetrician,
        midwives=chosen,
        joined_on=TEAM_STARTED,
        caseload_limit=caseload_limit,
    )


def members(team: ContinuityTeam) -> list[Practitioner]:
    return list(services.active_members(team))


def on_pathway(pregnancy, team: ContinuityTeam, *, starts_on: date, ends_on=None):
    """A ready-made assignment for figures' fixtures (the rules are tested through the page)."""
    named, buddy = members(team)[:2]
    return CarerAssignment.objects.create(
        pregnancy=pregnancy,
        continuity_team=team,
        named_midwife=named,
        buddy=buddy,
        starts_on=starts_on,
        ends_on=ends_on,
        reason="Booked into the team",
        assigned_by=system_actor(),
    )

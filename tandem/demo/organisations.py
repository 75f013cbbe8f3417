"""Organisations, areas, teams and practitioners of the synthetic LMNS.

Each provider gets a community midwifery team and a health visiting team (run by the
council) per area, two continuity-of-carer teams of five midwives and a named obstetrician
in its most deprived areas, a council safeguarding team and an administration team: about
150 practitioners a provider (Stockport about 210: it has ten health visitors an area, as
it trained 89 on the pathway). Practitioners have no user account unless they need one.
"""

import math
from dataclasses import dataclass, field
from datetime import date
from random import Random

from tandem.demo.geography import LocalGeography
from tandem.demo.lmns import ProviderSpec
from tandem.demo.people import practitioner_name
from tandem.records.models import (
    Area,
    AreaLsoa,
    Organisation,
    OrganisationKind,
    Practitioner,
    Profession,
    Team,
    TeamKind,
)

# Per provider, shared out between its areas (so about 120 area-based staff each).
AREA_STAFF_PER_PROVIDER = {
    Profession.MIDWIFE: 50,
    Profession.MATERNITY_SUPPORT_WORKER: 10,
    Profession.HEALTH_VISITOR: 40,
    Profession.NURSERY_NURSE: 20,
}
# Stockport trained 89 health visitors on the pathway (implementation seed), so it has more
# than the default forty: ten an area.
AREA_STAFF_OVERRIDES = {"RWJ": {Profession.HEALTH_VISITOR: 100}}
CONTINUITY_TEAMS = 2
CONTINUITY_MIDWIVES = 5
OBSTETRICIANS = 10
SAFEGUARDING_PRACTITIONERS = 8
ADMINISTRATORS = 6


@dataclass
class AreaStaff:
    area_id: int
    name: str
    live_from: date | None
    midwifery_team: int
    midwives: list[int] = field(default_factory=list)
    support_workers: list[int] = field(default_factory=list)
    health_visiting_team: int = 0
    health_visitors: list[int] = field(default_factory=list)
    continuity_team: int | None = None
    continuity_midwives: list[int] = field(default_factory=list)
    continuity_obstetrician: int | None = None


@dataclass
class ProviderStaff:
    spec: ProviderSpec
    organisation_id: int
    council_id: int
    areas: dict[str, AreaStaff]
    midwives: list[int] = field(default_factory=list)
    obstetricians: list[int] = field(default_factory=list)
    safeguarding: list[int] = field(default_factory=list)
    administrators: list[int] = field(default_factory=list)
    practitioners: dict[int, Practitioner] = field(default_factory=dict)


def build_provider(rng: Random, geography: LocalGeography) -> ProviderStaff:
    """Create one provider, its council, areas, teams and practitioners."""
    spec = geography.provider
    provider, council = Organisation.objects.bulk_create(
        [
            Organisation(
                ods_code=spec.ods_code,
                name=spec.name,
                kind=OrganisationKind.MATERNITY_PROVIDER,
                lad_code=spec.lad_code,
            ),
            Organisation(
                ods_code=spec.council_code,
                name=spec.council_name,
                kind=OrganisationKind.LOCAL_AUTHORITY,
                lad_code=spec.lad_code,
            ),
        ]
    )
    areas = Area.objects.bulk_create(
        Area(organisation=provider, name=area.name, pathway_live_from=area.pathway_live_from)
        for area in spec.areas
    )
    area_ids = {area.name: area.pk for area in areas}
    AreaLsoa.objects.bulk_create(
        AreaLsoa(area_id=area_ids[name], lsoa_code=code)
        for code, name in sorted(geography.area_of_lsoa.items())
    )
    staff = ProviderStaff(spec, provider.pk, council.pk, {})
    hiring = _Hiring(rng, staff)
    per_area = {
        profession: math.ceil(total / len(spec.areas))
        for profession, total in (
            AREA_STAFF_PER_PROVIDER | AREA_STAFF_OVERRIDES.get(spec.ods_code, {})
        ).items()
    }
    for area in spec.areas:
        area_id = area_ids[area.name]
        midwifery = hiring.team(f"{area.name} community midwives", TeamKind.MIDWIFERY, provider)
        visiting = hiring.team(f"{area.name} health visitors", TeamKind.HEALTH_VISITING, council)
        here = AreaStaff(
            area_id=area_id,
            name=area.name,
            live_from=area.pathway_live_from,
            midwifery_team=midwifery,
            health_visiting_team=visiting,
        )
        staff.areas[area.name] = here
        for team in (midwifery, visiting):
            hiring.covers(team, [area_id])
        here.midwives = hiring.hire(
            Profession.MIDWIFE, provider, per_area[Profession.MIDWIFE], [midwifery], [area_id]
        )
        here.support_workers = hiring.hire(
            Profession.MATERNITY_SUPPORT_WORKER,
            provider,
            per_area[Profession.MATERNITY_SUPPORT_WORKER],
            [midwifery],
            [area_id],
        )
        here.health_visitors = hiring.hire(
            Profession.HEALTH_VISITOR,
            council,
            per_area[Profession.HEALTH_VISITOR],
            [visiting],
            [area_id],
        )
        hiring.hire(
            Profession.NURSERY_NURSE,
            council,
            per_area[Profession.NURSERY_NURSE],
            [visiting],
            [area_id],
        )
        staff.midwives += here.midwives
    _continuity_teams(hiring, staff, geography, provider)
    all_areas = list(area_ids.values())
    staff.obstetricians += hiring.hire(
        Profession.OBSTETRICIAN, provider, OBSTETRICIANS - CONTINUITY_TEAMS, [], []
    )
    safeguarding = hiring.team(
        f"{spec.short_name} safeguarding and enhanced pathway team", TeamKind.SAFEGUARDING, council
    )
    hiring.covers(safeguarding, all_areas)
    staff.safeguarding = hiring.hire(
        Profession.SAFEGUARDING_PRACTITIONER,
        council,
        SAFEGUARDING_PRACTITIONERS,
        [safeguarding],
        all_areas,
    )
    administration = hiring.team(
        f"{spec.short_name} community maternity administration", TeamKind.ADMINISTRATION, provider
    )
    hiring.covers(administration, all_areas)
    staff.administrators = hiring.hire(
        Profession.ADMINISTRATOR, provider, ADMINISTRATORS, [administration], all_areas
    )
    hiring.save()
    return staff


def _continuity_teams(hiring, staff: ProviderStaff, geography: LocalGeography, provider) -> None:
    """Continuity teams in the most deprived areas, two areas each, by mean IMD decile."""
    deciles: dict[str, list[int]] = {}
    for lsoa_code, area_name in geography.area_of_lsoa.items():
        deciles.setdefault(area_name, []).append(geography.decile_of_lsoa[lsoa_code])
    order = [area.name for area in staff.spec.areas]
    deprived = sorted(
        order, key=lambda name: (sum(deciles[name]) / len(deciles[name]), order.index(name))
    )
    for index in range(CONTINUITY_TEAMS):
        pair = [staff.areas[name] for name in deprived[2 * index : 2 * index + 2]]
        ids = [area.area_id for area in pair]
        team = hiring.team(
            f"{' and '.join(area.name for area in pair)} continuity team",
            TeamKind.CONTINUITY,
            provider,
        )
        hiring.covers(team, ids)
        midwives = hiring.hire(Profession.MIDWIFE, provider, CONTINUITY_MIDWIVES, [team], ids)
        (obstetrician,) = hiring.hire(Profession.OBSTETRICIAN, provider, 1, [team], ids)
        staff.midwives += midwives
        staff.obstetricians.append(obstetrician)
        for area in pair:
            area.continuity_team = team
            area.continuity_midwives = midwives
            area.continuity_obstetrician = obstetrician


class _Hiring:
    """Collects teams, practitioners and their memberships, then saves them in bulk."""

    def __init__(self, rng: Random, staff: ProviderStaff) -> None:
        self.rng = rng
        self.staff = staff
        self.team_areas: list[tuple[int, int]] = []
        self.memberships: list[tuple[Practitioner, list[int], list[int]]] = []

    def team(self, name: str, kind: str, organisation: Organisation) -> int:
        return Team.objects.create(organisation=organisation, name=name, kind=kind).pk

    def covers(self, team_id: int, area_ids: list[int]) -> None:
        self.team_areas += [(team_id, area_id) for area_id in area_ids]

    def hire(self, profession, organisation, count, team_ids, area_ids) -> list[int]:
        hired = []
        for _ in range(count):
            given, family = practitioner_name(self.rng)
            practitioner = Practitioner(
                given_name=given,
                family_name=family,
                profession=profession,
                organisation=organisation,
            )
            self.memberships.append((practitioner, list(team_ids), list(area_ids)))
            hired.append(practitioner)
        Practitioner.objects.bulk_create(hired)
        for practitioner in hired:
            self.staff.practitioners[practitioner.pk] = practitioner
        return [practitioner.pk for practitioner in hired]

    def save(self) -> None:
        team_through = Team.areas.through
        team_through.objects.bulk_create(
            team_through(team_id=team_id, area_id=area_id) for team_id, area_id in self.team_areas
        )
        teams_through = Practitioner.teams.through
        areas_through = Practitioner.areas.through
        teams_through.objects.bulk_create(
            teams_through(practitioner_id=practitioner.pk, team_id=team_id)
            for practitioner, team_ids, _ in self.memberships
            for team_id in team_ids
        )
        areas_through.objects.bulk_create(
            areas_through(practitioner_id=practitioner.pk, area_id=area_id)
            for practitioner, _, area_ids in self.memberships
            for area_id in area_ids
        )

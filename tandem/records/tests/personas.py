"""The people tests talk about: a small Stockport service with two areas.

- `midwife` works in Adswood's midwifery team and is named midwife of `woman`;
- `health_visitor` covers Adswood; `team_leader` leads the Adswood team;
- `administrator` supports Adswood; `reviewer` covers Adswood safeguarding;
- `outsider` is a midwife in Brinnington who must not see Adswood women;
- `analyst` and `system_admin` see no one's record.
"""

from dataclasses import dataclass

from tandem.core.models import User
from tandem.core.roles import Role
from tandem.records.models import (
    Area,
    Organisation,
    OrganisationKind,
    Practitioner,
    Pregnancy,
    Profession,
    Team,
    TeamKind,
    Woman,
)
from tandem.records.tests.factories import (
    AreaFactory,
    AreaLsoaFactory,
    OrganisationFactory,
    PractitionerFactory,
    PregnancyFactory,
    TeamFactory,
    UserFactory,
    WomanFactory,
)

# A real Stockport postcode and its 2011 LSOA from the vendored lookup.
ADSWOOD_POSTCODE = "SK3 8LG"
ADSWOOD_LSOA = "E01005763"


@dataclass
class Personas:
    provider: Organisation
    council: Organisation
    adswood: Area
    brinnington: Area
    adswood_team: Team
    midwife: User
    health_visitor: User
    team_leader: User
    administrator: User
    reviewer: User
    outsider: User
    analyst: User
    system_admin: User
    woman: Woman
    pregnancy: Pregnancy
    # `woman`'s own portal sign-in, made by the page tests' personas fixture
    # (tandem/web/tests/conftest.py).
    woman_user: User | None = None

    def practitioner(self, user: User) -> Practitioner:
        return user.practitioner

    @property
    def everyone(self) -> dict[str, User]:
        return {
            "midwife": self.midwife,
            "health_visitor": self.health_visitor,
            "team_leader": self.team_leader,
            "administrator": self.administrator,
            "reviewer": self.reviewer,
            "outsider": self.outsider,
            "analyst": self.analyst,
            "system_admin": self.system_admin,
            **({"woman": self.woman_user} if self.woman_user is not None else {}),
        }


def _staff(username, role, profession, organisation, *, areas=(), teams=()) -> User:
    user = UserFactory(username=username, role=role)
    practitioner = PractitionerFactory(
        user=user,
        profession=profession,
        organisation=organisation,
        given_name=username.replace("_", " ").title(),
        family_name="Persona",
    )
    practitioner.areas.set(areas)
    practitioner.teams.set(teams)
    return user


def build_personas() -> Personas:
    provider = OrganisationFactory()
    council = OrganisationFactory(
        ods_code="00BS",
        name="Stockport Council",
        kind=OrganisationKind.LOCAL_AUTHORITY,
    )
    adswood = AreaFactory(organisation=provider, name="Adswood")
    brinnington = AreaFactory(organisation=provider, name="Brinnington")
    AreaLsoaFactory(area=adswood, lsoa_code=ADSWOOD_LSOA)
    adswood_team = TeamFactory(organisation=provider, name="Adswood midwives")
    adswood_team.areas.set([adswood])
    hv_team = TeamFactory(
        organisation=council, name="Adswood health visitors", kind=TeamKind.HEALTH_VISITING
    )
    hv_team.areas.set([adswood])
    brinnington_team = TeamFactory(organisation=provider, name="Brinnington midwives")
    brinnington_team.areas.set([brinnington])

    midwife = _staff("midwife", Role.MIDWIFE, Profession.MIDWIFE, provider, teams=[adswood_team])
    health_visitor = _staff(
        "health_visitor",
        Role.HEALTH_VISITOR,
        Profession.HEALTH_VISITOR,
        council,
        areas=[adswood],
        teams=[hv_team],
    )
    team_leader = _staff(
        "team_leader",
        Role.TEAM_LEADER,
        Profession.MIDWIFE,
        provider,
        teams=[adswood_team],
        areas=[adswood],
    )
    administrator = _staff(
        "administrator", Role.ADMINISTRATOR, Profession.ADMINISTRATOR, provider, areas=[adswood]
    )
    reviewer = _staff(
        "reviewer",
        Role.SAFEGUARDING_REVIEWER,
        Profession.SAFEGUARDING_PRACTITIONER,
        council,
        areas=[adswood],
    )
    outsider = _staff(
        "outsider",
        Role.MIDWIFE,
        Profession.MIDWIFE,
        provider,
        teams=[brinnington_team],
        areas=[brinnington],
    )
    analyst = UserFactory(username="analyst", role=Role.ANALYST)
    system_admin = UserFactory(
        username="system_admin", role=Role.SYSTEM_ADMIN, is_staff=True, is_superuser=True
    )

    woman = WomanFactory(
        given_name="Amina",
        family_name="Testwoman",
        postcode=ADSWOOD_POSTCODE,
        lsoa_code=ADSWOOD_LSOA,
    )
    pregnancy = PregnancyFactory(
        woman=woman,
        provider=provider,
        area=adswood,
        team=adswood_team,
        named_midwife=midwife.practitioner,
    )
    return Personas(
        provider=provider,
        council=council,
        adswood=adswood,
        brinnington=brinnington,
        adswood_team=adswood_team,
        midwife=midwife,
        health_visitor=health_visitor,
        team_leader=team_leader,
        administrator=administrator,
        reviewer=reviewer,
        outsider=outsider,
        analyst=analyst,
        system_admin=system_admin,
        woman=woman,
        pregnancy=pregnancy,
    )

"""Builds the synthetic LMNS: the one service the generate_demo command calls.

Same number of pregnancies, seed and day => the same data. Everything is written in one
transaction with one audit event; a database that already holds this demo is left alone.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from random import Random

from django.db import transaction
from django.utils import timezone

from tandem.core.audit import record_event
from tandem.core.models import AuditAction, AuditEvent
from tandem.demo.accounts import DEMO_AREA, DemoAccounts, create_accounts
from tandem.demo.births import DeliveryModel, plan_birth
from tandem.demo.calendars import Diary, plan_calendars
from tandem.demo.calibration import calibrate, read_published
from tandem.demo.care_plan_versions import add_care_plan_versions
from tandem.demo.care_plans import plan_care_plans
from tandem.demo.contacts import CareTeam, appointment, plan_contacts
from tandem.demo.continuity import add_continuity
from tandem.demo.expected_deliveries import record_expected_deliveries
from tandem.demo.geography import known_postcodes, load_local_geography, outside_home
from tandem.demo.handover import add_handovers
from tandem.demo.hubs import add_hubs
from tandem.demo.lmns import PROVIDERS, STOCKPORT
from tandem.demo.organisations import AreaStaff, ProviderStaff, build_provider
from tandem.demo.pathway import PathwayPlanner
from tandem.demo.people import nhs_numbers
from tandem.demo.portal import link_demo_woman
from tandem.demo.pregnancies import PregnancyStory, plan_pregnancy
from tandem.demo.programme import plan_targets, plan_training
from tandem.demo.sampling import Categorical, chance, pick
from tandem.demo.screening import Screener, active_criteria
from tandem.demo.tables import DemoTables
from tandem.records.models import Organisation, PregnancyStatus

DEMO_OBJECT_TYPE = "demo_dataset"
DEFAULT_PREGNANCIES = 3000
DEFAULT_SEED = 2026
MAX_PREGNANCIES = 500_000
DEMO_CASELOAD = 50  # active pregnancies the demo midwife (and health visitor) look after
CONTINUITY_WHEN_ELIGIBLE = 0.65
CONTINUITY_ETHNIC_CODES = frozenset("DEFGHJKLMNP")  # Mixed, Asian and Black categories


class DemoConflictError(Exception):
    """The database already holds other data the demo would collide with."""


@dataclass(frozen=True)
class DemoResult:
    created: bool
    seed: int
    pregnancies: int
    today: date
    counts: dict[str, int] = field(default_factory=dict)


def loaded_demo() -> dict | None:
    """What the audit trail says was generated here, if anything."""
    event = AuditEvent.objects.filter(object_type=DEMO_OBJECT_TYPE).order_by("id").first()
    return event.detail if event else None


def generate_demo(*, pregnancies: int, seed: int, by, today: date | None = None) -> DemoResult:
    if not 1 <= pregnancies <= MAX_PREGNANCIES:
        raise ValueError(f"Choose between 1 and {MAX_PREGNANCIES:,} pregnancies")
    today = today or timezone.localdate()
    with transaction.atomic():
        loaded = loaded_demo()
        if loaded is not None:
            if loaded.get("seed") == seed and loaded.get("pregnancies") == pregnancies:
                return DemoResult(
                    False, seed, pregnancies, date.fromisoformat(loaded["today"]), loaded["counts"]
                )
            raise DemoConflictError(
                f"This database already holds a demo generated with seed {loaded.get('seed')} "
                f"and {loaded.get('pregnancies')} pregnancies. Start from an empty database "
                "(delete tandem.sqlite3 and migrate) to generate a different one."
            )
        codes = [spec.ods_code for spec in PROVIDERS]
        if Organisation.objects.filter(ods_code__in=codes).exists():
            raise DemoConflictError(
                f"Organisations {', '.join(codes)} already exist: the demo needs a database "
                "without them."
            )
        counts = _generate(pregnancies=pregnancies, seed=seed, today=today, by_id=by.pk)
        record_event(
            by=by,
            action=AuditAction.CREATE,
            object_type=DEMO_OBJECT_TYPE,
            object_id=f"seed-{seed}",
            detail={
                "seed": seed,
                "pregnancies": pregnancies,
                "today": today.isoformat(),
                "counts": counts,
                "synthetic": True,
            },
        )
    return DemoResult(True, seed, pregnancies, today, counts)


def _generate(*, pregnancies: int, seed: int, today: date, by_id: int) -> dict[str, int]:
    published = read_published()
    calibration = {spec.ods_code: calibrate(spec.ods_code, published) for spec in PROVIDERS}
    delivery = {code: DeliveryModel(cal) for code, cal in calibration.items()}
    geography = {spec.ods_code: load_local_geography(spec) for spec in PROVIDERS}
    known = known_postcodes()
    workforce_rng = Random(f"{seed}:workforce")
    staff = [build_provider(workforce_rng, geography[spec.ods_code]) for spec in PROVIDERS]
    accounts = create_accounts(staff)

    rng = Random(f"{seed}:pregnancies")
    care_plan_rng = Random(f"{seed}:care-plans")
    numbers = nhs_numbers(Random(f"{seed}:nhs-numbers"), pregnancies)
    which_provider = Categorical({index: spec.share for index, spec in enumerate(PROVIDERS)})
    tables = DemoTables()
    assigner = _CareAssigner(accounts)
    calendars = plan_calendars(Random(f"{seed}:calendars"), _pathway_practitioners(staff), today)
    tables.pathway.add_calendars(calendars, today)
    pathway = PathwayPlanner(
        Random(f"{seed}:pathway"),
        Screener(active_criteria()),
        Diary(calendars),
        accounts,
        staff,
        today,
    )
    stages: Counter[str] = Counter()
    for nhs_number in numbers:
        provider = staff[which_provider.draw(rng)]
        code = provider.spec.ods_code
        cal = calibration[code]
        where = cal.deprivation.draw(rng)
        if isinstance(where, int):
            home = geography[code].home(rng, where)
        else:
            home = outside_home(rng, provider.spec, where, known)
        story = plan_pregnancy(
            rng,
            cal,
            nhs_number=nhs_number,
            ethnic_group=cal.ethnic_group.draw(rng),
            home=home,
            today=today,
        )
        area = provider.areas[home.area_name] if home.area_name else None
        team_id, care = assigner.assign(rng, story, provider, area)
        booking_at = appointment(rng, story.planned_booking)
        journey = None
        if (
            area is not None
            and story.booking_date is not None
            and area.live_from is not None
            and area.live_from <= story.booking_date
        ):
            journey = pathway.plan(story, provider, care, booking_at)
        contacts = plan_contacts(
            rng,
            story,
            care,
            booking_at=booking_at,
            pathway_visit=bool(journey and journey.visits),
            today=today,
        )
        pregnancy_id = tables.add_pregnancy(
            story,
            provider_id=provider.organisation_id,
            area_id=area.area_id if area else None,
            team_id=team_id,
            named_midwife=care.named_midwife if area else None,
        )
        tables.add_contacts(pregnancy_id, contacts)
        continuity = area is not None and team_id == area.continuity_team
        care_plans = plan_care_plans(
            care_plan_rng, story, continuity=continuity, recorded_by=care.named_midwife, today=today
        )
        tables.add_care_plans(pregnancy_id, care_plans)
        if journey is not None:
            referral_id = None
            if journey.referral is not None:
                referral_id = tables.pathway.add_referral(pregnancy_id, journey.referral)
                tables.pathway.add_visits(pregnancy_id, referral_id, journey.visits)
            tables.pathway.add_screen(
                pregnancy_id, journey.screen, journey.screened_by, referral_id
            )
        if story.status == PregnancyStatus.DELIVERED:
            labour, babies = plan_birth(rng, story, delivery[code], today=today)
            tables.add_birth(pregnancy_id, story, labour, babies)
        stages[f"{code}:{story.status}"] += 1
    stockport = next(provider for provider in staff if provider.spec is STOCKPORT)
    training_rng = Random(f"{seed}:training")
    tables.pathway.add_training(plan_training(training_rng, stockport, today), by_id)
    stockport_pregnancies = sum(
        count for stage, count in stages.items() if stage.startswith(f"{STOCKPORT.ods_code}:")
    )
    tables.pathway.add_targets(plan_targets(stockport, stockport_pregnancies, today))
    tables.finish()
    continuity = add_continuity(Random(f"{seed}:continuity"), today, by_id)
    portal_women = link_demo_woman(accounts, today)
    personal_care_plans = add_care_plan_versions(Random(f"{seed}:care-plan-versions"))
    hubs = add_hubs(Random(f"{seed}:hubs"), accounts, today, by_id)
    # Last: a handover's snapshot carries the care plan, family plan and referrals.
    handovers = add_handovers(Random(f"{seed}:handover"), accounts, today)
    return {
        **tables.counts(),
        **continuity,
        "portal_women": portal_women,
        "personal_care_plans": personal_care_plans,
        "postnatal_handovers": handovers,
        **hubs,
        "expected_deliveries": record_expected_deliveries(today),
        "demo_midwife_caseload": assigner.caseload["midwife"],
        "demo_health_visitor_caseload": assigner.caseload["health_visitor"],
        "demo_midwife_showcase": len(pathway.shown),
        **{f"pregnancies_{stage}": count for stage, count in sorted(stages.items())},
    }


def _pathway_practitioners(providers: list[ProviderStaff]) -> list[int]:
    """Every midwife and health visitor, in a fixed order: they keep calendars."""
    ids: set[int] = set()
    for provider in providers:
        ids.update(provider.midwives)
        for area in provider.areas.values():
            ids.update(area.health_visitors)
    return sorted(ids)


class _CareAssigner:
    """Chooses each pregnancy's team, named midwife, health visitor and obstetrician."""

    def __init__(self, accounts: DemoAccounts) -> None:
        self.accounts = accounts
        self.caseload = Counter({"midwife": 0, "health_visitor": 0})

    def assign(
        self, rng: Random, story: PregnancyStory, provider: ProviderStaff, area: AreaStaff | None
    ) -> tuple[int | None, CareTeam]:
        if area is None:  # postcode outside the lookup: no area, any of the provider's staff
            midwife = pick(rng, provider.midwives)
            obstetrician = pick(rng, provider.obstetricians)
            return None, CareTeam(midwife, (midwife,), None, (), obstetrician)
        visitor = pick(rng, area.health_visitors)
        if (
            provider.spec is STOCKPORT
            and area.name == DEMO_AREA
            and story.status == PregnancyStatus.ACTIVE
        ):
            visitor = self._demo_or_colleague(
                rng,
                "health_visitor",
                visitor,
                self.accounts.demo_health_visitor,
                area.health_visitors,
            )
            if self.caseload["midwife"] < DEMO_CASELOAD:  # her caseload fills first
                self.caseload["midwife"] += 1
                return area.midwifery_team, CareTeam(
                    self.accounts.demo_midwife,
                    tuple(area.midwives),
                    visitor,
                    tuple(area.support_workers),
                    pick(rng, provider.obstetricians),
                )
        eligible = (
            story.identity.ethnic_category in CONTINUITY_ETHNIC_CODES
            or (story.home.imd_decile or 10) <= 2
        )
        if area.continuity_team and eligible and chance(rng, CONTINUITY_WHEN_ELIGIBLE):
            team_id, midwives = area.continuity_team, area.continuity_midwives
            obstetrician = area.continuity_obstetrician
        else:
            team_id, midwives = area.midwifery_team, area.midwives
            obstetrician = pick(rng, provider.obstetricians)
        named = pick(rng, midwives)
        if named == self.accounts.demo_midwife and story.status == PregnancyStatus.ACTIVE:
            named = pick(rng, [person for person in midwives if person != named])
        return team_id, CareTeam(
            named, tuple(midwives), visitor, tuple(area.support_workers), obstetrician
        )

    def _demo_or_colleague(self, rng, role, chosen, demo, colleagues) -> int:
        """The demo user's caseload fills first; after that, a colleague takes the woman."""
        if self.caseload[role] < DEMO_CASELOAD:
            self.caseload[role] += 1
            return demo
        if chosen == demo:
            return pick(rng, [person for person in colleagues if person != demo])
        return chosen

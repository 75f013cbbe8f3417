"""Pathway training records and joint-visit targets for the demo.

Stockport ran the mandatory Enhanced Maternity Pathway training for 89 health visitors and 57
midwives (implementation seed), each area's staff in the month before their area went live
(the pilot areas in September 2023), and informal reflective networking sessions after it.
The pilot set 45 joint visits in two months across its three areas; the demo sets that rate
for the current two months, per pilot area, scaled to the demo's size.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from random import Random

from tandem.demo.lmns import STOCKPORT
from tandem.demo.organisations import ProviderStaff
from tandem.demo.sampling import chance
from tandem.programme.models import MANDATORY_COURSE, REFLECTIVE_SESSION, TrainingCourse

TRAINED_MIDWIVES = 57
TRAINED_HEALTH_VISITORS = 89
REFLECTIVE_SESSIONS_ATTENDED = 0.4
EARLIEST_TRAINING = date(2023, 9, 1)
PILOT_AREAS = ("Adswood", "Brinnington", "Offerton")
PILOT_VISITS_IN_TWO_MONTHS = 45
# Stockport's real pregnancies over the demo's 640-day window (2,855 deliveries a year).
STOCKPORT_PREGNANCIES_IN_WINDOW = 2855 * 640 / 365


@dataclass(frozen=True)
class TrainingPlan:
    practitioner_id: int
    course_id: int
    completed_on: date


@dataclass(frozen=True)
class TargetPlan:
    area_id: int
    period_start: date
    period_end: date
    target_visits: int


def plan_training(rng: Random, stockport: ProviderStaff, today: date) -> list[TrainingPlan]:
    """Who in Stockport completed which course, and when (one query for the courses)."""
    courses = dict(
        TrainingCourse.objects.filter(name__in=[MANDATORY_COURSE, REFLECTIVE_SESSION]).values_list(
            "name", "pk"
        )
    )
    if MANDATORY_COURSE not in courses:
        return []
    areas = sorted(
        stockport.areas.values(),
        key=lambda area: (area.live_from or date.max, area.name),
    )
    midwives, visitors, trained_by = [], [], {}
    for area in areas:
        training_day = _training_day(rng, area.live_from, today)
        for practitioner in area.midwives + area.continuity_midwives:
            if practitioner not in trained_by:
                trained_by[practitioner] = training_day
                midwives.append(practitioner)
        for practitioner in area.health_visitors:
            if practitioner not in trained_by:
                trained_by[practitioner] = training_day
                visitors.append(practitioner)
    chosen = midwives[:TRAINED_MIDWIVES] + visitors[:TRAINED_HEALTH_VISITORS]
    plans = []
    for practitioner in chosen:
        completed_on = trained_by[practitioner]
        if completed_on > today:
            continue
        plans.append(TrainingPlan(practitioner, courses[MANDATORY_COURSE], completed_on))
        if REFLECTIVE_SESSION in courses and chance(rng, REFLECTIVE_SESSIONS_ATTENDED):
            session = completed_on + timedelta(days=60 + int(rng.random() * 120))
            if session <= today:
                plans.append(TrainingPlan(practitioner, courses[REFLECTIVE_SESSION], session))
    return plans


def _training_day(rng: Random, live_from: date | None, today: date) -> date:
    """A weekday in the month before the area went live (the sessions went on while the
    last areas were preparing, so an area not yet live trained recently)."""
    before = live_from or today
    day = max(EARLIEST_TRAINING, before - timedelta(days=7 + int(rng.random() * 24)))
    while day.weekday() > 4:
        day -= timedelta(days=1)
    return day


def plan_targets(stockport: ProviderStaff, stockport_pregnancies: int, today: date):
    """A joint-visit target per pilot area for last month and this month, at the pilot's
    rate scaled to how many Stockport pregnancies the demo has."""
    if stockport.spec is not STOCKPORT:
        return []
    this_month = today.replace(day=1)
    start = (this_month - timedelta(days=1)).replace(day=1)
    end = (this_month + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    scale = stockport_pregnancies / STOCKPORT_PREGNANCIES_IN_WINDOW
    per_area = max(1, round(PILOT_VISITS_IN_TWO_MONTHS / len(PILOT_AREAS) * scale))
    return [TargetPlan(stockport.areas[name].area_id, start, end, per_area) for name in PILOT_AREAS]

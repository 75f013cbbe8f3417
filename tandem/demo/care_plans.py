"""Care plan records for one pregnancy, shaped like MSDS MSD102 rows: an antenatal plan at
or soon after booking, a birth plan and a postnatal plan in the third trimester.

A plan is only made on a day that has come, while she was still pregnant. Most plans are
personalised; a woman cared for by a continuity-of-carer team has the pathway marked on her
plans. The shares are illustrative, not calibrated: no published local figure for personalised
care plans was to hand (docs/measures-care.md).
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from random import Random

from tandem.demo.contacts import LONDON
from tandem.demo.pregnancies import PregnancyStory
from tandem.demo.sampling import chance
from tandem.records.models import CarePlanType

PLAN_MADE = 0.93  # each of the three plans is made at all
PERSONALISED = 0.88
ANTENATAL_AT_BOOKING = 0.75
ANTENATAL_LATER_DAYS = (7, 70)  # after booking, when not made at the booking appointment
# Gestation in days when the birth and postnatal plans are agreed.
BIRTH_PLAN_DAYS = (224, 252)  # 32+0 to 36+0
POSTNATAL_PLAN_DAYS = (231, 266)  # 33+0 to 38+0


@dataclass(frozen=True)
class CarePlanPlan:
    care_plan_type: str
    care_plan_date: date
    personalised: bool
    continuity_pathway: bool
    recorded_by: int
    created_at: datetime


def plan_care_plans(
    rng: Random, story: PregnancyStory, *, continuity: bool, recorded_by: int, today: date
) -> list[CarePlanPlan]:
    if story.booking_date is None:
        return []
    antenatal = story.booking_date
    if not chance(rng, ANTENATAL_AT_BOOKING):
        antenatal += timedelta(days=rng.randint(*ANTENATAL_LATER_DAYS))

    def once_booked(gestation_days: tuple[int, int]) -> date:
        # A woman booking after 32 weeks agrees her birth and postnatal plans once booked.
        return max(story.date_at(rng.randint(*gestation_days)), story.booking_date)

    due = (
        (CarePlanType.ANTENATAL, antenatal),
        (CarePlanType.BIRTH, once_booked(BIRTH_PLAN_DAYS)),
        (CarePlanType.POSTNATAL, once_booked(POSTNATAL_PLAN_DAYS)),
    )
    plans = []
    for plan_type, day in due:
        made, personalised = chance(rng, PLAN_MADE), chance(rng, PERSONALISED)
        still_pregnant = story.ended_on is None or day <= story.ended_on
        if made and still_pregnant and day <= today:
            plans.append(
                CarePlanPlan(
                    plan_type,
                    day,
                    personalised,
                    continuity,
                    recorded_by,
                    datetime.combine(day, time(11), tzinfo=LONDON),
                )
            )
    return plans

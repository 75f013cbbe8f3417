"""The equity measures against hand-built records, each answer worked out here: booked by
10+0 weeks (70 against 71 days), did-not-attend by the contact's UK date (a DNA on the last
day of a month), a continuity-of-carer antenatal plan by 29+0 weeks (203 against 204 days),
personalised care plans by the MSDS timings (119 against 120 days for the antenatal plan)
and interpreter need recorded.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from tandem.measures.definitions import measure
from tandem.measures.dimensions import DIMENSIONS
from tandem.measures.services import Month, compute
from tandem.measures.tests.factories import give_birth, measured
from tandem.records.models import CarePlanRecord, CarePlanType, ContactOutcome, TeamKind
from tandem.records.tests.factories import (
    CareContactFactory,
    PractitionerFactory,
    PregnancyFactory,
    TeamFactory,
    WomanFactory,
)

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
MARCH_2025 = Month(2025, 3)
BOOKED_ON = date(2025, 3, 12)
# Booked in March 2025 with this EDD: 29+0 weeks on 16 July and 37+0 on 10 September 2025.
EDD = date(2025, 10, 1)


def _on_day(edd: date, days: int) -> date:
    """The date a pregnancy with this EDD is `days` days' gestation."""
    return edd - timedelta(days=280 - days)


# --- Booked by 10+0 weeks -------------------------------------------------------------------


def test_booked_by_10_weeks_counts_bookings_at_70_days_or_less():
    def booked_at(days, on=BOOKED_ON):
        PregnancyFactory(booking_date=on, edd=on + timedelta(days=280 - days), lmp=None)

    booked_at(70)  # 10+0: counted
    booked_at(71)  # 10+1: not
    booked_at(49)
    booked_at(120)
    booked_at(60, on=date(2025, 2, 28))  # a February booking

    march = measured("booked_by_10_weeks", MARCH_2025)
    february = measured("booked_by_10_weeks", Month(2025, 2))

    assert (march.numerator, march.denominator) == (2, 4)
    assert (february.numerator, february.denominator) == (1, 1)


# --- Did not attend -------------------------------------------------------------------------


def test_did_not_attend_counts_contacts_by_their_uk_date():
    pregnancy = PregnancyFactory()

    def contact(day, hour, minute, outcome):
        CareContactFactory(
            pregnancy=pregnancy,
            starts_at=datetime.combine(day, time(hour, minute), tzinfo=LONDON),
            outcome=outcome,
        )

    # 23:59 on 31 August (summer time, 22:59 UTC): an August DNA.
    contact(date(2025, 8, 31), 23, 59, ContactOutcome.DID_NOT_ATTEND)
    contact(date(2025, 8, 15), 10, 0, ContactOutcome.ATTENDED)
    contact(date(2025, 8, 1), 9, 0, ContactOutcome.ATTENDED)
    # Neither attended nor missed: not counted.
    contact(date(2025, 8, 20), 10, 0, ContactOutcome.CANCELLED_BY_WOMAN)
    contact(date(2025, 8, 21), 10, 0, ContactOutcome.CANCELLED_BY_SERVICE)
    contact(date(2025, 8, 29), 10, 0, ContactOutcome.BOOKED)
    # 00:30 on 1 September is 23:30 on 31 August in UTC: a September DNA.
    contact(date(2025, 9, 1), 0, 30, ContactOutcome.DID_NOT_ATTEND)

    august = measured("did_not_attend", Month(2025, 8))
    september = measured("did_not_attend", Month(2025, 9))

    assert (august.numerator, august.denominator) == (1, 3)
    assert (september.numerator, september.denominator) == (1, 1)


# --- Continuity of carer by 29 weeks ---------------------------------------------------------


def _continuity_plan(pregnancy, days, **fields):
    """A care plan at `days` days' gestation: antenatal (05), flagged as on a continuity
    pathway and naming the midwife who agreed it, unless `fields` say otherwise."""
    defaults = {"continuity_pathway": True, "recorded_by": PractitionerFactory()}
    return CarePlanRecord.objects.create(
        pregnancy=pregnancy,
        care_plan_type=fields.pop("care_plan_type", CarePlanType.ANTENATAL),
        care_plan_date=_on_day(pregnancy.edd, days),
        **(defaults | fields),
    )


def test_continuity_pathway_counts_flagged_antenatal_plans_by_203_days():
    continuity = TeamFactory(kind=TeamKind.CONTINUITY)

    def booked(team=None, **fields):
        return PregnancyFactory(booking_date=BOOKED_ON, edd=EDD, team=team, **fields)

    # Counted: flagged on the last day (203 days, 29+0), and flagged earlier with a later
    # plan that is not (a later plan does not undo an earlier one). Neither needs to be in a
    # continuity team: the plan is the evidence.
    _continuity_plan(booked(continuity), 203)
    earlier = booked()
    _continuity_plan(earlier, 100)
    _continuity_plan(earlier, 150, continuity_pathway=False)
    # Not counted:
    _continuity_plan(booked(continuity), 204)  # flagged a day late (29+1)
    _continuity_plan(booked(continuity), 150, care_plan_type=CarePlanType.BIRTH)  # 06
    _continuity_plan(booked(continuity), 150, care_plan_type=CarePlanType.POSTNATAL)  # 07
    _continuity_plan(booked(continuity), 100, continuity_pathway=False)  # not on the pathway
    _continuity_plan(booked(continuity), 100, continuity_pathway=None)  # not recorded
    _continuity_plan(booked(continuity), 100, recorded_by=None)  # no care professional
    booked(continuity)  # in a continuity team, but no plan at all
    # Flagged in time but ended at 28+6: never reached 29 weeks, in neither count.
    _continuity_plan(booked(continuity, status="ended", ended_on=_on_day(EDD, 202)), 150)
    # Ended at 29+0 without a flagged plan: in the denominator only.
    booked(status="ended", ended_on=_on_day(EDD, 203))
    # Booked in February with a flagged plan: another month.
    _continuity_plan(PregnancyFactory(booking_date=date(2025, 2, 20), edd=EDD), 150)

    march = measured("continuity_pathway", MARCH_2025)
    february = measured("continuity_pathway", Month(2025, 2))

    # Denominator: the 2 counted, the 7 not counted and the one ended at 29+0 (10).
    assert (march.numerator, march.denominator) == (2, 10)
    assert (february.numerator, february.denominator) == (1, 1)


# --- Personalised care and support plans -------------------------------------------------------


def _plans(pregnancy, antenatal=119, birth=245, postnatal=259, **overrides):
    """The three plans at the given gestations (days), personalised unless overridden
    ({type: {field: value}}); a gestation of None leaves that plan out."""
    for plan_type, days in (
        (CarePlanType.ANTENATAL, antenatal),
        (CarePlanType.BIRTH, birth),
        (CarePlanType.POSTNATAL, postnatal),
    ):
        if days is not None:
            CarePlanRecord.objects.create(
                pregnancy=pregnancy,
                care_plan_type=plan_type,
                care_plan_date=_on_day(pregnancy.edd, days),
                **({"personalised": True} | overrides.get(plan_type, {})),
            )


def test_pcsp_counts_women_with_all_three_personalised_plans_in_time():
    def booked(**fields):
        return PregnancyFactory(booking_date=BOOKED_ON, edd=EDD, **fields)

    _plans(booked())  # on the last day of each timing: counted
    _plans(booked(), antenatal=120)  # antenatal plan a day late
    _plans(booked(), **{CarePlanType.BIRTH: {"personalised": False}})
    _plans(booked(), **{CarePlanType.POSTNATAL: {"personalised": None}})  # not recorded
    _plans(booked(), postnatal=None)  # no postnatal plan
    # A later plan that is not personalised does not undo an earlier one that is.
    both = booked()
    _plans(both, antenatal=100)
    _plans(both, **{plan_type: {"personalised": False} for plan_type in CarePlanType})
    # Gave birth at 36+6 (258 days): never reached 37 weeks, not counted.
    preterm = booked(status="delivered", ended_on=_on_day(EDD, 258))
    _plans(preterm, postnatal=250)

    rate = measured("pcsp_by_msds_timings", MARCH_2025)

    assert (rate.numerator, rate.denominator) == (2, 6)


# --- Interpreter need recorded ---------------------------------------------------------------


def test_interpreter_need_recorded_among_women_whose_main_language_is_not_english():
    def booked(language, interpreter_needed):
        woman = WomanFactory(main_language=language, interpreter_needed=interpreter_needed)
        PregnancyFactory(woman=woman, booking_date=BOOKED_ON)

    booked("pl", True)
    booked("pl", False)  # recorded as not needed: counted
    booked("ur", None)  # not recorded
    booked("en", None)  # English: not counted

    rate = measured("interpreter_need_recorded", MARCH_2025)

    assert (rate.numerator, rate.denominator) == (2, 3)


# --- Every breakdown ----------------------------------------------------------------------------

EQUITY_MEASURES = (
    "booked_by_10_weeks",
    "did_not_attend",
    "continuity_pathway",
    "pcsp_by_msds_timings",
    "interpreter_need_recorded",
)


@pytest.fixture
def booked_woman():
    woman = WomanFactory(
        ethnic_category="H", imd_decile=3, main_language="ur", interpreter_needed=True
    )
    pregnancy = PregnancyFactory(
        woman=woman,
        booking_date=BOOKED_ON,
        edd=EDD,
        lmp=None,
        team=TeamFactory(kind=TeamKind.CONTINUITY),
    )
    _plans(pregnancy)
    _continuity_plan(pregnancy, 100)  # on a continuity pathway by 29 weeks
    CareContactFactory(
        pregnancy=pregnancy,
        starts_at=datetime.combine(BOOKED_ON, time(10), tzinfo=LONDON),
        outcome=ContactOutcome.DID_NOT_ATTEND,
    )
    give_birth(EDD, pregnancy=pregnancy)  # a labour, so the Robson group can be told
    return pregnancy


@pytest.mark.parametrize(
    "by", [(name,) for name in DIMENSIONS] + [("ethnic_group", "imd_quintile")]
)
def test_equity_measures_break_down_by_every_dimension(booked_woman, by):
    measures = [measure(measure_id) for measure_id in EQUITY_MEASURES]

    rates = compute(measures, first=MARCH_2025, last=MARCH_2025, by=by)

    counts = {rate.measure.id: (rate.numerator, rate.denominator) for rate in rates}
    # Booked at 11+0 (77 days: EDD 1 October, booked 12 March): not by 10 weeks.
    assert counts == {
        "booked_by_10_weeks": (0, 1),
        "did_not_attend": (1, 1),
        "continuity_pathway": (1, 1),
        "pcsp_by_msds_timings": (1, 1),
        "interpreter_need_recorded": (1, 1),
    }
    if by == ("ethnic_group", "imd_quintile"):
        assert {rate.group for rate in rates} == {("Asian or Asian British", "2")}

"""The Enhanced Maternity Pathway's measures against hand-built families, each answer worked
out here: referrals among bookings in live areas, first decisions within the review target
(checked against the pathway's own working-day rule for every weekday and wait), joint
visits at 20+0 to 25+6 weeks among accepted women past 26+0, and family plans recorded.
"""

import csv
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone

from tandem.assessments.models import VisitRecordStatus
from tandem.assessments.tests.factories import VisitFactory, VisitRecordFactory
from tandem.measures.definitions import measure
from tandem.measures.dimensions import DIMENSIONS
from tandem.measures.populations import POPULATIONS
from tandem.measures.services import Month, compute
from tandem.measures.tests.factories import measured
from tandem.pathway.models import Decision, ReferralStatus, ReviewOutcome, ReviewTarget
from tandem.pathway.rules import working_days_between
from tandem.pathway.tests.factories import ReferralFactory
from tandem.records.tests.factories import (
    AreaFactory,
    PregnancyFactory,
    UserFactory,
    WomanFactory,
)
from tandem.scheduling.models import VisitKind, VisitStatus

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
MARCH_2025 = Month(2025, 3)
# Booked in March 2025 with this EDD: 26+0 weeks on 26 May 2025, long past.
EDD = date(2025, 9, 1)


def _local(day: date, hour: int = 12, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=LONDON)


def _at_gestation(edd: date, weeks: int, days: int = 0) -> date:
    return edd - timedelta(days=280 - (weeks * 7 + days))


@pytest.fixture
def reviewer():
    return UserFactory()


def _referral(pregnancy, reviewer, *, referred_at, **fields):
    return ReferralFactory(
        pregnancy=pregnancy, referred_by=reviewer, referred_at=referred_at, **fields
    )


def _decide(referral, reviewer, at, outcome=ReviewOutcome.JOINT_VISIT, revises=None):
    return Decision.objects.create(
        referral=referral,
        outcome=outcome,
        rationale="Synthetic rationale",
        decided_by=reviewer,
        decided_at=at,
        revises=revises,
    )


# --- Referrals among bookings ------------------------------------------------------------


def test_pathway_referrals_counts_bookings_in_areas_live_on_the_booking_date(reviewer):
    live = AreaFactory(pathway_live_from=date(2025, 1, 1))
    goes_live_mid_march = AreaFactory(pathway_live_from=date(2025, 3, 15))

    def booked(on, area):
        return PregnancyFactory(booking_date=on, area=area)

    referred = booked(date(2025, 3, 3), live)
    _referral(referred, reviewer, referred_at=_local(date(2025, 3, 3)))
    booked(date(2025, 3, 31), live)  # not referred
    booked(date(2025, 3, 10), goes_live_mid_march)  # booked before it went live: not counted
    booked(date(2025, 3, 20), None)  # no area, so no pathway: not counted
    february = booked(date(2025, 2, 28), live)
    _referral(february, reviewer, referred_at=_local(date(2025, 3, 2)))

    march = measured("pathway_referrals", MARCH_2025)
    february_rate = measured("pathway_referrals", Month(2025, 2))

    assert (march.numerator, march.denominator) == (1, 2)
    assert (february_rate.numerator, february_rate.denominator) == (1, 1)


# --- First decision within the review target ------------------------------------------------


def test_review_within_target_counts_the_first_decision_in_working_days(reviewer):
    pregnancy = PregnancyFactory()
    monday, friday = date(2025, 3, 3), date(2025, 3, 7)

    def decided(referred_on, first_decided_on, *, referred_hour=10):
        referral = _referral(
            pregnancy,
            reviewer,
            referred_at=_local(referred_on, referred_hour),
            status=ReferralStatus.DECIDED,
            current_outcome=ReviewOutcome.JOINT_VISIT,
        )
        return referral, _decide(referral, reviewer, _local(first_decided_on, 16))

    decided(monday, date(2025, 3, 10))  # 5 working days: within
    decided(monday, date(2025, 3, 11))  # 6: not within
    decided(friday, date(2025, 3, 16))  # the Sunday after 5 working days: within
    decided(friday, date(2025, 3, 17))  # 6: not within
    # Decided in time, revised much later: the first decision is the one that counts.
    revised, first = decided(monday, date(2025, 3, 10))
    _decide(revised, reviewer, _local(date(2025, 3, 28)), ReviewOutcome.NOT_ELIGIBLE, first)
    # Referred at 23:30 on 31 March (British Summer Time, 22:30 UTC): a March referral.
    decided(date(2025, 3, 31), date(2025, 4, 1), referred_hour=23)
    # Still waiting: not counted until it is decided.
    _referral(pregnancy, reviewer, referred_at=_local(monday), status=ReferralStatus.WITHDRAWN)

    rate = measured("pathway_review_within_target", MARCH_2025)
    assert (rate.numerator, rate.denominator) == (4, 6)

    ReviewTarget.objects.all().delete()  # the LMNS's own target is used (one row)
    ReviewTarget.objects.create(working_days=3)
    stricter = measured("pathway_review_within_target", MARCH_2025)
    assert (stricter.numerator, stricter.denominator) == (1, 6)


def test_review_within_target_agrees_with_the_pathway_rule_on_every_weekday(reviewer):
    """Referrals made on each day of one week, first decided 0 to 14 days later: the
    measure's SQL says 'within' exactly when the pathway's working-day count is 5 or
    fewer."""
    pregnancy = PregnancyFactory()
    expected = {}
    for weekday in range(7):
        referred_on = date(2025, 3, 3) + timedelta(days=weekday)
        for wait in range(15):
            referral = _referral(
                pregnancy,
                reviewer,
                referred_at=_local(referred_on, 9),
                status=ReferralStatus.DECIDED,
                current_outcome=ReviewOutcome.HEALTH_VISITOR_28_WEEK,
            )
            decided_on = referred_on + timedelta(days=wait)
            _decide(referral, reviewer, _local(decided_on, 17), referral.current_outcome)
            expected[referral.pk] = working_days_between(referred_on, decided_on) <= 5

    population = POPULATIONS["pathway_referrals"]
    within = set(
        population.rows()
        .filter(population.criteria["first_decision_within_target"])
        .values_list("pk", flat=True)
    )

    assert within == {pk for pk, is_within in expected.items() if is_within}
    assert 0 < len(within) < len(expected)


# --- Joint visit at 20+0 to 25+6 weeks ------------------------------------------------------


def _accepted(reviewer, *, edd=EDD, booking_date=date(2025, 3, 12), **pregnancy_fields):
    pregnancy = PregnancyFactory(edd=edd, booking_date=booking_date, **pregnancy_fields)
    _referral(
        pregnancy,
        reviewer,
        referred_at=_local(booking_date),
        status=ReferralStatus.DECIDED,
        current_outcome=ReviewOutcome.JOINT_VISIT,
    )
    return pregnancy


def _joint_visit(pregnancy, day, *, hour=12, minute=0, status=VisitStatus.ATTENDED, **fields):
    starts_at = _local(day, hour, minute)
    return VisitFactory(
        pregnancy=pregnancy,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=20),
        status=status,
        **fields,
    )


def test_joint_visit_counts_visits_attended_from_20_0_to_25_6_weeks(reviewer):
    # At 00:30 on the day of 20+0 (23:30 UTC the day before, in summer time): 20+0.
    _joint_visit(_accepted(reviewer), _at_gestation(EDD, 20, 0), hour=0, minute=30)
    # At 23:30 on the day of 25+6: still 25+6.
    _joint_visit(_accepted(reviewer), _at_gestation(EDD, 25, 6), hour=23, minute=30)
    _joint_visit(_accepted(reviewer), _at_gestation(EDD, 19, 6))  # a day early
    _joint_visit(_accepted(reviewer), _at_gestation(EDD, 26, 0))  # a day late
    _joint_visit(  # in the window, but she did not attend
        _accepted(reviewer), _at_gestation(EDD, 22, 0), status=VisitStatus.DID_NOT_ATTEND
    )
    _accepted(reviewer)  # accepted, never visited
    # Not accepted for a joint visit: a 28-week contact, or still awaiting review.
    contact = PregnancyFactory(edd=EDD, booking_date=date(2025, 3, 12))
    _referral(
        contact,
        reviewer,
        referred_at=_local(date(2025, 3, 12)),
        status=ReferralStatus.DECIDED,
        current_outcome=ReviewOutcome.HEALTH_VISITOR_28_WEEK,
    )
    _joint_visit(contact, _at_gestation(EDD, 22, 0))
    waiting = PregnancyFactory(edd=EDD, booking_date=date(2025, 3, 12))
    _referral(waiting, reviewer, referred_at=_local(date(2025, 3, 12)))

    rate = measured("joint_visit_20_25_weeks", MARCH_2025)

    assert (rate.numerator, rate.denominator) == (2, 6)


def test_joint_visit_counts_only_women_who_reached_26_weeks_while_pregnant(reviewer):
    today = timezone.localdate()
    at_26_0_today = today + timedelta(days=280 - 182)
    _accepted(reviewer, edd=at_26_0_today, booking_date=today)
    _accepted(reviewer, edd=at_26_0_today + timedelta(days=1), booking_date=today)  # 25+6
    _accepted(  # ended at 25+0, before the window closed
        reviewer,
        edd=at_26_0_today + timedelta(days=70),
        booking_date=today,
        ended_on=_at_gestation(at_26_0_today + timedelta(days=70), 25, 0),
        status="ended",
    )

    rate = measured("joint_visit_20_25_weeks", Month.of(today))

    assert (rate.numerator, rate.denominator) == (0, 1)


# --- Family plan recorded -------------------------------------------------------------------


def test_family_plan_recorded_counts_completed_visit_records_of_joint_visits(reviewer):
    def visited(status=VisitStatus.ATTENDED):
        pregnancy = PregnancyFactory(edd=EDD, booking_date=date(2025, 3, 20))
        return _joint_visit(pregnancy, _at_gestation(EDD, 22, 0), status=status)

    VisitRecordFactory(visit=visited(), status=VisitRecordStatus.COMPLETE)
    VisitRecordFactory(visit=visited(), status=VisitRecordStatus.DRAFT)
    visited()  # no record yet
    visited(status=VisitStatus.BOOKED)  # not attended: not counted
    hv_contact = visited()
    hv_contact.kind = VisitKind.HEALTH_VISITOR_28_WEEK
    hv_contact.save()

    rate = measured("family_plan_recorded", MARCH_2025)

    assert (rate.numerator, rate.denominator) == (1, 3)


# --- Breakdowns and the export command --------------------------------------------------------


PATHWAY_MEASURES = (
    "pathway_referrals",
    "pathway_review_within_target",
    "joint_visit_20_25_weeks",
    "family_plan_recorded",
)


@pytest.fixture
def referred_family(reviewer):
    woman = WomanFactory(ethnic_category="N", imd_decile=2, date_of_birth=date(1995, 6, 1))
    area = AreaFactory(pathway_live_from=date(2025, 1, 1))
    pregnancy = PregnancyFactory(woman=woman, area=area, edd=EDD, booking_date=date(2025, 3, 12))
    referral = _referral(
        pregnancy,
        reviewer,
        referred_at=_local(date(2025, 3, 12)),
        status=ReferralStatus.DECIDED,
        current_outcome=ReviewOutcome.JOINT_VISIT,
    )
    _decide(referral, reviewer, _local(date(2025, 3, 14)))
    visit = _joint_visit(pregnancy, _at_gestation(EDD, 22, 0))
    VisitRecordFactory(visit=visit, status=VisitRecordStatus.COMPLETE)
    return pregnancy


@pytest.mark.parametrize(
    "by", [(name,) for name in DIMENSIONS] + [("ethnic_group", "imd_quintile")]
)
def test_pathway_measures_break_down_by_every_dimension(referred_family, by):
    measures = [measure(measure_id) for measure_id in PATHWAY_MEASURES]

    rates = compute(measures, first=MARCH_2025, last=MARCH_2025, by=by)

    assert {rate.measure.id for rate in rates} == set(PATHWAY_MEASURES)
    assert all((rate.numerator, rate.denominator) == (1, 1) for rate in rates)
    if by == ("ethnic_group", "imd_quintile"):
        assert {rate.group for rate in rates} == {("Black or Black British", "1")}


def test_export_measures_writes_the_pathway_measures(referred_family, tmp_path):
    out = tmp_path / "pathway.csv"

    call_command("export_measures", "--from", "2025-03", "--to", "2025-03", "--by", "area",
                 "--out", str(out))  # fmt: skip

    with out.open(encoding="utf-8") as written:
        rows = {row["measure"]: row for row in csv.DictReader(written)}
    for measure_id in PATHWAY_MEASURES:
        assert (rows[measure_id]["numerator"], rows[measure_id]["denominator"]) == ("1", "1")
        assert rows[measure_id]["group"] == referred_family.area.name

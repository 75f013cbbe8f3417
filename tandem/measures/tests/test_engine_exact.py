"""The measures read from the maintained summary are exactly the plain counts on the
records, on a hand-built fixture whose answers are worked out here."""

from datetime import date

import pytest

from tandem.measures.definitions import measure
from tandem.measures.models import SummaryCell
from tandem.measures.services import Month, compute, compute_from_records
from tandem.measures.tests.engine_support import assert_summary_matches_records, span
from tandem.measures.tests.factories import give_birth, twins
from tandem.records.tests.factories import PregnancyFactory, WomanFactory

pytestmark = pytest.mark.django_db

MARCH, APRIL = Month(2025, 3), Month(2025, 4)


def _born(on: date, ethnic_category: str, blood_loss_ml: int, **options):
    pregnancy = PregnancyFactory(woman=WomanFactory(ethnic_category=ethnic_category))
    return give_birth(on, pregnancy=pregnancy, blood_loss_ml=blood_loss_ml, **options)


@pytest.fixture
def births():
    # March: a White woman bleeds 1,600 ml; an Asian woman and one whose ethnicity was
    # never recorded bleed 300 ml. April: a Black woman has twins and bleeds 1,500 ml.
    _born(date(2025, 3, 3), "A", 1600)
    _born(date(2025, 3, 14), "H", 300)
    _born(date(2025, 3, 31), "", 300)
    _born(date(2025, 4, 1), "N", 1500, babies=twins())


def _pph(**options):
    rates = compute([measure("pph_1500")], first=MARCH, last=APRIL, **options)
    return [(str(r.period), r.group, r.numerator, r.denominator) for r in rates]


def test_pph_per_month_from_the_summary_is_worked_out_by_hand(births):
    # Women giving birth, not babies: the twins' mother counts once in April.
    assert _pph() == [("2025-03", (), 1, 3), ("2025-04", (), 1, 1)]
    assert SummaryCell.objects.filter(population="women_giving_birth").exists()


def test_pph_by_ethnic_group_from_the_summary_is_worked_out_by_hand(births):
    assert _pph(by=["ethnic_group"]) == [
        ("2025-03", ("Asian or Asian British",), 0, 1),
        ("2025-03", ("Missing",), 0, 1),
        ("2025-03", ("White",), 1, 1),
        ("2025-04", ("Black or Black British",), 1, 1),
    ]


def test_every_measure_and_single_breakdown_equals_the_records(births):
    assert_summary_matches_records()


def test_two_breakdowns_and_a_scope_are_counted_on_the_records(births):
    first, last = span()
    by = ["ethnic_group", "imd_quintile"]
    assert compute(first=first, last=last, by=by) == compute_from_records(
        first=first, last=last, by=by
    )
    white = PregnancyFactory._meta.model.objects.filter(woman__ethnic_category="A")
    scoped = compute(first=first, last=last, pregnancies=white)
    assert scoped == compute_from_records(first=first, last=last, pregnancies=white)
    pph = [rate for rate in scoped if rate.measure.id == "pph_1500"]
    assert [(str(r.period), r.numerator, r.denominator) for r in pph] == [("2025-03", 1, 1)]


@pytest.mark.parametrize(
    ("born", "booked", "age"),
    [
        (date(1990, 6, 15), date(2025, 6, 14), 34),  # the day before her birthday
        (date(1990, 6, 15), date(2025, 6, 15), 35),  # on her birthday
        (date(2000, 2, 29), date(2025, 2, 28), 24),  # a leap-day birthday, not yet
        (date(2000, 2, 29), date(2025, 3, 1), 25),
        (date(2026, 6, 1), date(2025, 1, 1), -2),  # a booking before birth: a data error
    ],
)
def test_age_at_booking_counts_completed_years_in_sql(born, booked, age):
    from tandem.measures.dimensions import Paths, age_at_booking

    pregnancy = PregnancyFactory(woman=WomanFactory(date_of_birth=born), booking_date=booked)
    counted = (
        type(pregnancy)
        .objects.annotate(age=age_at_booking(Paths(pregnancy="", labour=None)))
        .get(pk=pregnancy.pk)
    )
    assert counted.age == age

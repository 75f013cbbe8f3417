"""Postpartum haemorrhage of 1,500 ml or more, and third or fourth degree tears."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from tandem.measures.tests.factories import give_birth, measured, twins
from tandem.outcomes.models import GenitalTractTrauma

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


def test_pph_counts_women_losing_1500_ml_or_more_per_1000_women_giving_birth():
    give_birth(blood_loss_ml=1499)
    give_birth(blood_loss_ml=1500)
    give_birth(blood_loss_ml=2000)
    give_birth(blood_loss_ml=None)  # not recorded: a woman giving birth all the same
    give_birth(blood_loss_ml=1600, babies=twins())  # one woman, not two
    give_birth(date(2025, 2, 28), blood_loss_ml=1800)

    rate = measured("pph_1500")

    # 3 (1500, 2000, the twins' mother) of 5 women = 600 per 1,000
    assert (rate.numerator, rate.denominator) == (3, 5)
    assert rate.value == 600.0


def test_pph_month_is_the_local_birth_date():
    # 00:30 on 1 April in British Summer Time is 23:30 on 31 March in UTC.
    first_of_april = datetime(2025, 4, 1, 0, 30, tzinfo=LONDON)
    give_birth(babies=({"born_at": first_of_april},), blood_loss_ml=1500)
    give_birth(date(2025, 3, 31), blood_loss_ml=300)

    rate = measured("pph_1500")

    assert (rate.numerator, rate.denominator) == (0, 1)


def test_tears_count_singleton_term_vaginal_births_only():
    third, fourth = GenitalTractTrauma.THIRD_DEGREE, GenitalTractTrauma.FOURTH_DEGREE
    give_birth(genital_tract_trauma=third)
    give_birth(genital_tract_trauma=fourth, babies=({"delivery_method": "4"},))  # ventouse
    give_birth(genital_tract_trauma=GenitalTractTrauma.SECOND_DEGREE)
    give_birth(babies=({"delivery_method": "2", "gestation_days": 259},))  # forceps, term
    # Not in the denominator:
    give_birth(genital_tract_trauma=third, caesarean=True)
    give_birth(genital_tract_trauma=third, babies=({"gestation_days": 258},))
    give_birth(genital_tract_trauma=third, babies=({"gestation_days": 316},))
    give_birth(genital_tract_trauma=third, babies=twins())
    give_birth(genital_tract_trauma=third, babies=({"presentation": "02", "delivery_method": "5"},))

    rate = measured("tears_3_4")

    # 2 of 4 singleton term vaginal births = 500 per 1,000
    assert (rate.numerator, rate.denominator) == (2, 4)
    assert rate.value == 500.0

"""Caesarean rates in the Robson CQIM cohorts, as NHS Digital codes them (not the stored
Robson group, and not limited to singletons)."""

from datetime import date, datetime, time, timedelta

import pytest
from django.utils import timezone

from tandem.measures.tests.factories import (
    INDUCED,
    PRE_LABOUR_CAESAREAN,
    give_birth,
    measured,
    twins,
)
from tandem.records.tests.factories import PregnancyFactory

pytestmark = pytest.mark.django_db

MULTIPAROUS = {"previous_live_births": 1}


def test_robson_01_counts_caesareans_among_first_births_in_spontaneous_labour():
    give_birth()
    give_birth(caesarean=True)
    give_birth(caesarean=True, babies=twins())  # twins are not left out
    # Counts not recorded except one 0: still nulliparous as NHS Digital codes it.
    give_birth(
        pregnancy=PregnancyFactory(
            previous_live_births=None, previous_stillbirths=0, previous_caesareans=None
        )
    )
    # Not in the denominator:
    give_birth(
        pregnancy=PregnancyFactory(
            previous_live_births=None, previous_stillbirths=None, previous_caesareans=None
        )
    )
    give_birth(pregnancy=PregnancyFactory(**MULTIPAROUS))
    give_birth(babies=({"presentation": "02", "delivery_method": "5"},))
    give_birth(babies=({"gestation_days": 258},))
    give_birth(onset=INDUCED)
    give_birth(labour_onset_at=None)  # spontaneous, but no onset date

    rate = measured("robson_01_cs")

    # caesareans: the second and the twins' mother, of 4 women
    assert (rate.numerator, rate.denominator) == (2, 4)
    assert rate.value == 50.0


def test_robson_02_counts_induced_and_pre_labour_caesarean_first_births():
    give_birth(onset=INDUCED)
    give_birth(onset=INDUCED, caesarean=True)
    give_birth(onset=PRE_LABOUR_CAESAREAN)
    # Onset coded spontaneous but a caesarean with no labour onset date: pre-labour.
    born = timezone.make_aware(datetime.combine(date(2025, 3, 10), time(12)))
    give_birth(labour_onset_at=None, caesarean_at=born - timedelta(hours=1), caesarean=True)
    # Not in the denominator:
    give_birth()
    give_birth(onset=INDUCED, pregnancy=PregnancyFactory(**MULTIPAROUS))

    rate = measured("robson_02_cs")

    assert (rate.numerator, rate.denominator) == (3, 4)
    assert rate.value == 75.0


def _previous_caesareans(count: int):
    return PregnancyFactory(previous_live_births=count, previous_caesareans=count)


def test_robson_05_counts_caesareans_after_1_to_20_previous_caesareans():
    give_birth(pregnancy=_previous_caesareans(1))
    give_birth(pregnancy=_previous_caesareans(1), caesarean=True)
    give_birth(pregnancy=_previous_caesareans(2), onset=PRE_LABOUR_CAESAREAN)
    give_birth(pregnancy=_previous_caesareans(20), babies=twins(), caesarean=True)
    # Not in the denominator:
    give_birth(pregnancy=_previous_caesareans(21), caesarean=True)  # not a valid count
    give_birth(pregnancy=_previous_caesareans(0), caesarean=True)
    give_birth(
        pregnancy=_previous_caesareans(1),
        babies=({"presentation": "02", "delivery_method": "8"},),
    )

    rate = measured("robson_05_cs")

    assert (rate.numerator, rate.denominator) == (3, 4)
    assert rate.value == 75.0

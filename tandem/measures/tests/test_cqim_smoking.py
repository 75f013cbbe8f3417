"""Smoking at booking (bookings in the month) and at delivery (women giving birth)."""

from datetime import date

import pytest

from tandem.measures.tests.factories import give_birth, measured, twins
from tandem.records.codes import SmokingStatus
from tandem.records.tests.factories import PregnancyFactory

pytestmark = pytest.mark.django_db


def test_smoking_booking_counts_smokers_among_march_bookings_with_a_known_status():
    for booked, status in [
        (date(2025, 3, 1), SmokingStatus.SMOKER),
        (date(2025, 3, 31), SmokingStatus.SMOKER),
        (date(2025, 3, 12), SmokingStatus.NON_SMOKER),
        (date(2025, 3, 12), SmokingStatus.EX_SMOKER),
        (date(2025, 3, 12), ""),  # not recorded: in neither count
        (date(2025, 2, 28), SmokingStatus.SMOKER),  # booked in February
        (date(2025, 4, 1), SmokingStatus.SMOKER),  # booked in April
    ]:
        PregnancyFactory(booking_date=booked, smoking_status_booking=status)

    rate = measured("smoking_booking")

    # 2 smokers of 4 March bookings with a status recorded
    assert (rate.numerator, rate.denominator) == (2, 4)
    assert rate.value == 50.0


def test_smoking_delivery_counts_each_woman_once_whatever_her_babies():
    give_birth(smoking_status_delivery=SmokingStatus.SMOKER)
    give_birth(smoking_status_delivery=SmokingStatus.SMOKER, babies=twins())
    give_birth(smoking_status_delivery=SmokingStatus.NON_SMOKER)
    give_birth(smoking_status_delivery=SmokingStatus.EX_SMOKER)
    give_birth(smoking_status_delivery=SmokingStatus.EX_SMOKER, babies=twins())
    give_birth(smoking_status_delivery="")  # not recorded
    give_birth(date(2025, 4, 1), smoking_status_delivery=SmokingStatus.SMOKER)

    rate = measured("smoking_delivery")

    # women: 2 smokers (one with twins) of 5 with a status recorded
    assert (rate.numerator, rate.denominator) == (2, 5)
    assert rate.value == 40.0

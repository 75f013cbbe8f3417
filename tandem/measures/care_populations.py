"""Populations of antenatal care: bookings, and (to come) contacts and referrals.

Same form as the birth populations in `populations.py`.
"""

from datetime import timedelta

from django.db.models import F, Q, QuerySet

from tandem.core.gestation import PREGNANCY_DAYS
from tandem.measures.dimensions import Paths
from tandem.measures.population import KNOWN_SMOKING, Population
from tandem.records.codes import SmokingStatus
from tandem.records.models import Pregnancy

BOOKED_BY_DAYS = 70  # 10+0 weeks


def _booked_by_10_weeks() -> Q:
    # gestation at booking = 280 - (EDD - booking date) <= 70  <=>  booking <= EDD - 210
    return Q(booking_date__lte=F("edd") - timedelta(days=PREGNANCY_DAYS - BOOKED_BY_DAYS))


BOOKING_CRITERIA: dict[str, Q] = {
    "booked": Q(booking_date__isnull=False),
    "smoking_booking_known": Q(smoking_status_booking__in=KNOWN_SMOKING),
    "smoker_at_booking": Q(smoking_status_booking=SmokingStatus.SMOKER),
    "booked_by_10_weeks": _booked_by_10_weeks(),
}


def _bookings() -> QuerySet:
    return Pregnancy.objects.filter(booking_date__isnull=False)


CARE_POPULATIONS = (
    Population(
        "bookings",
        "Pregnancies booked",
        _bookings,
        "booking_date",
        Paths(pregnancy="", labour="labour_delivery__"),
        BOOKING_CRITERIA,
    ),
)

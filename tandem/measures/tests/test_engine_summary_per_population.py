"""Reading a measure recounts only its own population's stale months; the other
populations keep those months to recount, and give exact counts when they are read."""

from datetime import date

import pytest

from tandem.measures import summary
from tandem.measures.definitions import measure
from tandem.measures.models import PendingRecount, StaleMonth
from tandem.measures.services import Month, compute, compute_from_records
from tandem.measures.tests.engine_support import assert_summary_matches_records
from tandem.measures.tests.factories import give_birth
from tandem.outcomes.models import Baby
from tandem.records.codes import SmokingStatus
from tandem.records.tests.factories import PregnancyFactory

pytestmark = pytest.mark.django_db

YEAR = (Month(2025, 1), Month(2025, 12))


def _pending() -> dict[str, list[str]]:
    months: dict[str, list[str]] = {}
    for population, month in PendingRecount.objects.order_by("month").values_list(
        "population", "month"
    ):
        months.setdefault(population, []).append(f"{month:%Y-%m}")
    return months


@pytest.fixture
def summarised_birth():
    pregnancy = PregnancyFactory(booking_date=date(2025, 1, 20), edd=date(2025, 7, 20))
    give_birth(date(2025, 7, 14), pregnancy=pregnancy)
    compute(first=YEAR[0], last=YEAR[1])  # every population summarised, nothing stale
    assert not StaleMonth.objects.exists() and not PendingRecount.objects.exists()
    return pregnancy


def test_reading_one_measure_leaves_the_other_populations_months_to_recount(summarised_birth):
    Baby.objects.update(apgar_5=4)
    apgar = measure("apgar_lt7_term")

    (rate,) = compute([apgar], first=Month(2025, 7), last=Month(2025, 7))

    assert (rate.numerator, rate.denominator) == (1, 1)
    assert not StaleMonth.objects.exists()
    pending = _pending()
    assert apgar.population not in pending
    assert pending["bookings"] == ["2025-01", "2025-07"]
    assert set(pending) == set(summary.plans()) - {apgar.population}


def test_a_population_read_later_recounts_its_months_and_matches_the_records(
    summarised_birth,
):
    Baby.objects.update(apgar_5=4)
    compute([measure("apgar_lt7_term")], first=YEAR[0], last=YEAR[1])
    summarised_birth.smoking_status_booking = SmokingStatus.SMOKER
    summarised_birth.save()
    smoking = measure("smoking_booking")

    assert compute([smoking], first=YEAR[0], last=YEAR[1]) == compute_from_records(
        [smoking], first=YEAR[0], last=YEAR[1]
    )
    assert "bookings" not in _pending()
    assert_summary_matches_records()
    assert not PendingRecount.objects.exists()


def test_the_nightly_refresh_recounts_every_population(summarised_birth):
    Baby.objects.update(apgar_5=4)
    compute([measure("apgar_lt7_term")], first=YEAR[0], last=YEAR[1])
    assert PendingRecount.objects.exists()

    summary.refresh()

    assert not PendingRecount.objects.exists()

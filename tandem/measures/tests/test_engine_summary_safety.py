"""What keeps the summary honest: the months each write marks stale, a rebuild when the
definitions or the day change, and counting on the records whenever the summary cannot
answer (triggers missing, two breakdowns, a measure it does not hold)."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from tandem.measures import summary
from tandem.measures.definitions import measure
from tandem.measures.models import StaleMonth, SummaryCell, SummaryState
from tandem.measures.services import Month, compute, compute_from_records
from tandem.measures.tests.engine_support import assert_summary_matches_records, span
from tandem.measures.tests.factories import give_birth
from tandem.outcomes.models import Baby
from tandem.records.models import Pregnancy
from tandem.records.tests.factories import CareContactFactory, PregnancyFactory

pytestmark = pytest.mark.django_db


def _stale_months() -> list[str]:
    return sorted(
        {f"{month:%Y-%m}" for month in StaleMonth.objects.values_list("month", flat=True)}
    )


@pytest.fixture
def booked_in_january_born_in_july():
    pregnancy = PregnancyFactory(booking_date=date(2025, 1, 20), edd=date(2025, 7, 20))
    give_birth(date(2025, 7, 14), pregnancy=pregnancy)
    compute(first=Month(2025, 1), last=Month(2025, 12))  # counts everything: nothing stale
    assert _stale_months() == []
    return pregnancy


def test_moving_a_booking_marks_the_old_and_new_booking_months_and_the_birth_month(
    booked_in_january_born_in_july,
):
    Pregnancy.objects.filter(pk=booked_in_january_born_in_july.pk).update(
        booking_date=date(2025, 2, 3)
    )
    assert _stale_months() == ["2025-01", "2025-02", "2025-07"]


def test_a_contact_marks_its_month_and_the_day_either_side_and_the_woman_s_other_months(
    booked_in_january_born_in_july,
):
    # 23:30 UTC on 31 March is 00:30 on 1 April in London: both months are marked.
    CareContactFactory(
        pregnancy=booked_in_january_born_in_july,
        starts_at=datetime(2025, 3, 31, 23, 30, tzinfo=UTC),
    )
    assert _stale_months() == ["2025-01", "2025-03", "2025-04", "2025-07"]


def test_an_edit_of_a_baby_marks_its_birth_month_and_the_booking_month(
    booked_in_january_born_in_july,
):
    Baby.objects.update(apgar_5=5)
    assert _stale_months() == ["2025-01", "2025-07"]
    assert_summary_matches_records()


def test_without_the_triggers_everything_is_counted_on_the_records(
    booked_in_january_born_in_july,
):
    summary.remove_triggers()
    Baby.objects.update(apgar_5=3)  # nothing marks this month stale now
    first, last = span()
    assert compute(first=first, last=last) == compute_from_records(first=first, last=last)
    apgar = [r for r in compute(first=first, last=last) if r.measure.id == "apgar_lt7_term"]
    assert [(str(r.period), r.numerator, r.denominator) for r in apgar] == [("2025-07", 1, 1)]

    # The next migrate puts them back and forgets the summary, which is then rebuilt.
    assert summary.install_triggers() is True
    assert not SummaryState.objects.exists()
    assert_summary_matches_records()


def test_a_changed_definition_rebuilds_the_summary(booked_in_january_born_in_july):
    SummaryState.objects.update(signature="counted with other definitions")
    SummaryCell.objects.update(counts=[99] * 100)
    assert_summary_matches_records()
    assert all(99 not in cell.counts for cell in SummaryCell.objects.all())


def test_a_new_day_recounts_populations_that_count_with_today_s_date(db):
    # Booked and at 25+6 today: tomorrow she has reached 26 weeks.
    today = timezone.localdate()
    PregnancyFactory(booking_date=today - timedelta(days=100), edd=today + timedelta(days=99))
    assert_summary_matches_records()
    signed = dict(SummaryState.objects.values_list("population", "signature"))

    with time_machine.travel(timezone.now() + timedelta(days=1)):
        assert_summary_matches_records()
        resigned = dict(SummaryState.objects.values_list("population", "signature"))
    assert resigned["bookings"] != signed["bookings"]
    assert resigned["babies"] == signed["babies"]


def test_a_measure_the_summary_does_not_hold_is_counted_on_the_records(
    booked_in_january_born_in_july,
):
    singleton_pph = replace(measure("pph_1500"), id="pph_singleton", denominator=("birth",))
    first, last = span()
    rates = compute([singleton_pph], first=first, last=last, by=["robson_group"])
    assert rates == compute_from_records(
        [singleton_pph], first=first, last=last, by=["robson_group"]
    )
    assert [(str(r.period), r.group, r.numerator, r.denominator) for r in rates] == [
        ("2025-07", ("1",), 0, 1)
    ]

"""measure_chart: a measure's months from the database, gaps for months with nobody
counted, published values from rounded counts, and rebasing at recorded changes."""

from datetime import date

import pytest

from tandem.measures.definitions import Direction, measure
from tandem.measures.models import ProcessChange
from tandem.measures.services import Month
from tandem.measures.spc import measure_chart
from tandem.measures.tests.factories import give_birth
from tandem.records.models import Pregnancy

pytestmark = pytest.mark.django_db

PPH = measure("pph_1500")


@pytest.fixture
def births():
    # January 2025: 2 women gave birth, 1 lost 1,600 ml. February: nobody. March: 9 gave
    # birth, none lost 1,500 ml or more.
    give_birth(date(2025, 1, 10), blood_loss_ml=1600)
    give_birth(date(2025, 1, 20), blood_loss_ml=300)
    for day in range(1, 10):
        give_birth(date(2025, 3, day), blood_loss_ml=400)


def test_values_are_exact_rates_with_a_gap_for_an_empty_month(births):
    chart = measure_chart(PPH, first=Month(2025, 1), last=Month(2025, 3), publish=False)
    assert [(str(p.period), p.value) for p in chart.points] == [
        ("2025-01", 500.0),  # 1 of 2, per 1,000
        ("2025-02", None),
        ("2025-03", 0.0),  # 0 of 9
    ]
    assert chart.direction is Direction.LOWER


def test_published_values_come_from_rounded_counts(births):
    chart = measure_chart(PPH, first=Month(2025, 1), last=Month(2025, 3), publish=True)
    # January 1 of 2 → 5 of 5 = 1,000 per 1,000; March 0 of 9 → 0 of 10.
    assert [p.value for p in chart.points] == [1000.0, None, 0.0]


def test_recorded_process_changes_rebase_the_chart(births):
    ProcessChange.objects.create(
        measure_id="pph_1500", changed_on=date(2025, 3, 1), description="New PPH bundle"
    )
    ProcessChange.objects.create(
        measure_id="smoking_booking", changed_on=date(2025, 2, 1), description="Other measure"
    )
    chart = measure_chart(PPH, first=Month(2025, 1), last=Month(2025, 3), publish=False)
    assert [(s.first, s.last, s.mean) for s in chart.segments] == [
        (Month(2025, 1), Month(2025, 2), 500.0),
        (Month(2025, 3), Month(2025, 3), 0.0),
    ]


def test_the_scope_limits_the_count(births):
    none_of_them = Pregnancy.objects.none()
    chart = measure_chart(
        PPH, first=Month(2025, 1), last=Month(2025, 3), publish=False, pregnancies=none_of_them
    )
    assert [p.value for p in chart.points] == [None, None, None]
    assert chart.variation is None

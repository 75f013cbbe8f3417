"""The WHO Robson report table: group sizes, caesarean rates and contributions."""

from datetime import date

import pytest

from tandem.measures.robson_report import robson_report
from tandem.measures.services import Month
from tandem.measures.tests.factories import (
    INDUCED,
    MARCH,
    ONSET_NOT_RECORDED,
    PRE_LABOUR_CAESAREAN,
    give_birth,
)
from tandem.records.models import Pregnancy
from tandem.records.tests.factories import OrganisationFactory, PregnancyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def march_births():
    """11 women, 5 caesareans: G1 4 (1 CS), 2a 2 (1), 2b 1 (1), 5.1 2 (1), 8 1 (1), U 1."""
    for _ in range(3):
        give_birth()
    give_birth(caesarean=True)
    give_birth(onset=INDUCED)
    give_birth(onset=INDUCED, caesarean=True)
    give_birth(onset=PRE_LABOUR_CAESAREAN)
    after_one_caesarean = {"previous_live_births": 1, "previous_caesareans": 1}
    give_birth(pregnancy=PregnancyFactory(**after_one_caesarean))
    give_birth(pregnancy=PregnancyFactory(**after_one_caesarean), caesarean=True)
    # Twins, the second by caesarean: one woman, one caesarean.
    give_birth(babies=({"delivery_method": "0"}, {"delivery_method": "8"}))
    give_birth(onset=ONSET_NOT_RECORDED)
    give_birth(date(2025, 4, 1), caesarean=True)  # April


def _rows(report) -> dict[str, tuple]:
    return {
        row.group: (
            row.women,
            row.caesareans,
            _round(row.group_size),
            _round(row.caesarean_rate),
            _round(row.absolute_contribution),
            _round(row.relative_contribution),
        )
        for row in (*report.rows, report.total)
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def test_robson_report_follows_the_who_table_definitions(march_births, django_assert_num_queries):
    with django_assert_num_queries(1):
        report = robson_report(MARCH)

    # women, CS, size = women/11, CS rate = CS/women, absolute = CS/11, relative = CS/5
    assert _rows(report) == {
        "1": (4, 1, 36.36, 25.0, 9.09, 20.0),
        "2": (3, 2, 27.27, 66.67, 18.18, 40.0),
        "2a": (2, 1, 18.18, 50.0, 9.09, 20.0),
        "2b": (1, 1, 9.09, 100.0, 9.09, 20.0),
        "3": (0, 0, 0.0, None, 0.0, 0.0),
        "4": (0, 0, 0.0, None, 0.0, 0.0),
        "4a": (0, 0, 0.0, None, 0.0, 0.0),
        "4b": (0, 0, 0.0, None, 0.0, 0.0),
        "5": (2, 1, 18.18, 50.0, 9.09, 20.0),
        "5.1": (2, 1, 18.18, 50.0, 9.09, 20.0),
        "5.2": (0, 0, 0.0, None, 0.0, 0.0),
        "6": (0, 0, 0.0, None, 0.0, 0.0),
        "7": (0, 0, 0.0, None, 0.0, 0.0),
        "8": (1, 1, 9.09, 100.0, 9.09, 20.0),
        "9": (0, 0, 0.0, None, 0.0, 0.0),
        "10": (0, 0, 0.0, None, 0.0, 0.0),
        "U": (1, 0, 9.09, 0.0, 0.0, 0.0),
        "total": (11, 5, 100.0, 45.45, 45.45, 100.0),
    }
    assert [row.group for row in report.rows if row.is_sub_group] == [
        "2a", "2b", "4a", "4b", "5.1", "5.2",
    ]  # fmt: skip


def test_robson_report_contributions_add_up_to_the_overall_rate_and_to_100(march_births):
    report = robson_report(MARCH)
    whole_groups = [row for row in report.rows if not row.is_sub_group]

    assert sum(row.absolute_contribution for row in whole_groups) == pytest.approx(
        report.total.caesarean_rate
    )
    assert sum(row.relative_contribution for row in whole_groups) == pytest.approx(100)
    assert sum(row.group_size for row in whole_groups) == pytest.approx(100)


def test_robson_report_published_rounds_counts_before_the_percentages(march_births):
    report = robson_report(MARCH, publish=True)
    rows = _rows(report)

    # 11 women → 10, 5 caesareans → 5; group 1: 4 → 5 women, 1 → 5 caesareans
    assert rows["total"] == (10, 5, 100.0, 50.0, 50.0, 100.0)
    assert rows["1"] == (5, 5, 50.0, 100.0, 50.0, 100.0)
    assert rows["3"] == (0, 0, 0.0, None, 0.0, 0.0)
    assert report.published


def test_robson_report_covers_the_months_asked_and_the_scope_given(march_births):
    elsewhere = OrganisationFactory(ods_code="R0A", name="Manchester University")
    give_birth(pregnancy=PregnancyFactory(provider=elsewhere), caesarean=True)

    two_months = robson_report(MARCH, Month(2025, 4))
    scoped = robson_report(MARCH, pregnancies=Pregnancy.objects.filter(provider=elsewhere))

    assert (two_months.total.women, two_months.total.caesareans) == (13, 7)
    assert _rows(scoped)["total"] == (1, 1, 100.0, 100.0, 100.0, 100.0)
    assert _rows(scoped)["1"] == (1, 1, 100.0, 100.0, 100.0, 100.0)


def test_robson_report_with_no_births_has_no_percentages():
    report = robson_report(MARCH)

    assert (report.total.women, report.total.caesareans) == (0, 0)
    assert report.total.group_size is None
    assert report.rows[0].caesarean_rate is None

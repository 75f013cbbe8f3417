"""Small-number suppression: one rule for every figure an analyst sees."""

import pytest

from tandem.core.disclosure import EXACT, SUPPRESSED_FOR_ANALYSTS, rounded


@pytest.mark.parametrize(
    ("count", "expected"),
    [(0, 0), (1, 5), (7, 5), (8, 10), (12, 10), (13, 15), (89, 90), (57, 55)],
)
def test_rounded_follows_the_msds_rule(count, expected):
    assert rounded(count) == expected


def test_suppressed_count_shows_small_numbers_as_five():
    assert [SUPPRESSED_FOR_ANALYSTS.count(n) for n in (0, 3, 8, 1234)] == ["0", "5", "10", "1,235"]


def test_suppressed_count_uses_a_star_when_configured(settings):
    settings.SMALL_NUMBERS_CONVENTION = "star"
    assert SUPPRESSED_FOR_ANALYSTS.count(3) == "*"
    assert SUPPRESSED_FOR_ANALYSTS.count(8) == "10"
    assert SUPPRESSED_FOR_ANALYSTS.rate(3, 40) == "*"


def test_suppressed_rate_is_worked_out_from_rounded_counts():
    # 13 of 45 exactly is 28.9%; rounded it is 15 of 45.
    assert EXACT.rate(13, 45) == "28.9%"
    assert SUPPRESSED_FOR_ANALYSTS.rate(13, 45) == "33.3%"
    assert SUPPRESSED_FOR_ANALYSTS.rate(0, 0) == "No data"


def test_statistic_of_a_small_group_is_withheld_from_analysts():
    assert SUPPRESSED_FOR_ANALYSTS.statistic(3, 7, "working day") == "*"
    assert SUPPRESSED_FOR_ANALYSTS.statistic(3, 8, "working day") == "3 working days"
    assert EXACT.statistic(1, 2, "working day") == "1 working day"
    assert EXACT.statistic(2.5, 2, "working day") == "2.5 working days"
    assert EXACT.statistic(None, 0, "working day") == "No data"

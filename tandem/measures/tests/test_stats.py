"""The Wilson score interval against published values."""

import pytest

from tandem.measures.stats import wilson_interval


@pytest.mark.parametrize(
    ("numerator", "denominator", "low", "high"),
    [
        # Newcombe (1998), Statistics in Medicine 17:857, table I, Wilson score method
        (81, 263, 0.2553, 0.3662),
        # 0 of n: upper = z²/(n + z²) = 3.8415/13.8415; n of n is its mirror image
        (0, 10, 0.0, 0.2775),
        (10, 10, 0.7225, 1.0),
        (1, 4, 0.0456, 0.6994),
    ],
)
def test_wilson_interval_matches_published_values(numerator, denominator, low, high):
    interval = wilson_interval(numerator, denominator)

    assert interval == pytest.approx((low, high), abs=0.00005)


def test_wilson_interval_stays_within_0_and_1():
    low, high = wilson_interval(0, 1)

    assert low == 0.0
    assert 0 < high < 1


@pytest.mark.parametrize(
    ("numerator", "denominator", "message"),
    [(0, 0, "denominator above 0"), (5, 4, "between 0 and the denominator"), (-1, 4, "between")],
)
def test_wilson_interval_refuses_impossible_counts(numerator, denominator, message):
    with pytest.raises(ValueError, match=message):
        wilson_interval(numerator, denominator)

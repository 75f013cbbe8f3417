"""The NHS small-number rule on measure counts, and rates from the rounded counts."""

import pytest

from tandem.core import disclosure
from tandem.measures.definitions import measure
from tandem.measures.services import Month, Rate


@pytest.mark.parametrize(("count", "shown"), [(0, 0), (1, 5), (7, 5), (8, 10), (12, 10), (13, 15)])
def test_rounded_applies_the_nhs_rule(count, shown):
    assert disclosure.rounded(count) == shown


def _rate(measure_id: str, numerator: int, denominator: int) -> Rate:
    return Rate(measure(measure_id), Month(2025, 3), "all", (), numerator, denominator)


def test_published_rate_rounds_both_counts_then_computes_the_rate():
    published = _rate("smoking_booking", 7, 13).published()

    # 7 → 5 and 13 → 15, so 33.3% rather than the exact 53.8%
    assert (published.numerator, published.denominator) == (5, 15)
    assert published.value == pytest.approx(33.333, abs=0.001)


def test_published_rate_keeps_zero_and_scales_per_1000():
    zero = _rate("pph_1500", 0, 12).published()
    some = _rate("pph_1500", 8, 1287).published()

    assert (zero.numerator, zero.denominator, zero.value) == (0, 10, 0.0)
    # 8 → 10 and 1,287 → 1,285: 7.78 per 1,000
    assert (some.numerator, some.denominator) == (10, 1285)
    assert some.value == pytest.approx(7.782, abs=0.001)

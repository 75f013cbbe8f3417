"""XmR limits: the mean, the mean moving range with outlier screening, the process and
near limits, rebasing at a process change, gaps, and the short-segment warning."""

import pytest

from tandem.measures.definitions import Direction
from tandem.measures.services import Month, months_between
from tandem.measures.spc import PointType, xmr

JANUARY_2024 = Month(2024, 1)


def _months(count: int) -> list[Month]:
    return months_between(JANUARY_2024, Month(2030, 12))[:count]


def _chart(values, **options):
    options.setdefault("direction", Direction.LOWER)
    return xmr(list(zip(_months(len(values)), values, strict=True)), **options)


def test_limits_match_the_hand_worked_numbers():
    # Mean 33 / 6 = 5.5; moving ranges 2, 1, 4, 2, 1 → mean 10 / 5 = 2 (none ≥ 3.267 × 2).
    # Process limits 5.5 ± 2.66 × 2 = 0.18 and 10.82; near 5.5 ± 1.7733 × 2.
    segment = _chart([3, 5, 4, 8, 6, 7]).segments[0]
    assert segment.mean == pytest.approx(5.5)
    assert segment.mean_moving_range == pytest.approx(2.0)
    assert (segment.lower_limit, segment.upper_limit) == (
        pytest.approx(0.18),
        pytest.approx(10.82),
    )
    assert (segment.lower_near_limit, segment.upper_near_limit) == (
        pytest.approx(1.953333),
        pytest.approx(9.046667),
    )


def test_outlier_moving_ranges_are_screened_out_of_the_mean_range():
    # Moving ranges: seven of 2 and two of 30 → 74 / 9 = 8.222; 30 ≥ 3.267 × 8.222 = 26.86,
    # so both go and the mean range is 14 / 7 = 2. Mean 138 / 10 = 13.8.
    values = [10, 12, 10, 12, 10, 40, 10, 12, 10, 12]
    screened = _chart(values).segments[0]
    assert screened.mean == pytest.approx(13.8)
    assert screened.mean_moving_range == pytest.approx(2.0)
    assert screened.upper_limit == pytest.approx(19.12)  # 13.8 + 5.32
    unscreened = _chart(values, screen_outliers=False).segments[0]
    assert unscreened.mean_moving_range == pytest.approx(74 / 9)
    assert unscreened.upper_limit == pytest.approx(13.8 + 2.66 * 74 / 9)


def test_a_flat_series_has_limits_at_the_mean():
    segment = _chart([4.0] * 12).segments[0]
    assert (segment.mean, segment.mean_moving_range) == (4.0, 0.0)
    assert segment.lower_limit == segment.upper_limit == 4.0


def test_rebasing_starts_a_new_mean_and_limits_at_the_change_month():
    # Twelve months alternating 9 and 11 (mean 10), then twelve alternating 19 and 21
    # (mean 20); each half's moving ranges are all 2, the jump between them is in neither.
    values = [9, 11] * 6 + [19, 21] * 6
    chart = _chart(values, rebase_at=[Month(2025, 1)])
    before, after = chart.segments
    assert (before.first, before.last, before.mean) == (JANUARY_2024, Month(2024, 12), 10)
    assert (after.first, after.last, after.mean) == (Month(2025, 1), Month(2025, 12), 20)
    assert before.mean_moving_range == after.mean_moving_range == 2
    assert (after.lower_limit, after.upper_limit) == (pytest.approx(14.68), pytest.approx(25.32))
    assert {point.point_type for point in chart.points} == {PointType.COMMON_CAUSE}
    assert chart.points[12].mean == 20
    assert chart.warnings == ()


def test_without_the_rebase_the_same_series_shows_shifts():
    values = [9, 11] * 6 + [19, 21] * 6
    chart = _chart(values)
    assert len(chart.segments) == 1
    assert chart.points[0].point_type is PointType.IMPROVEMENT  # 12 below the mean of 15


def test_a_change_month_outside_the_series_is_ignored():
    chart = _chart([9, 11] * 6, rebase_at=[Month(2023, 6), Month(2026, 1)])
    assert len(chart.segments) == 1


def test_a_segment_under_12_points_carries_a_warning():
    chart = _chart([9, 11] * 8, rebase_at=[Month(2025, 1)])
    assert len(chart.warnings) == 1
    assert "From January 2025 to April 2025 only 4 of the months have data" in (chart.warnings[0])


def test_a_month_without_data_is_a_gap_not_a_zero():
    # Mean of the ten known values 10, 12, ... = 11; the moving ranges either side of the
    # gap are left out: seven of 2 remain.
    values = [10, 12, 10, 12, None, 12, 10, 12, 10, 12, 10]
    chart = _chart(values)
    segment = chart.segments[0]
    assert (segment.points, segment.mean, segment.mean_moving_range) == (10, 11, 2)
    assert chart.points[4].value is None
    assert chart.points[4].point_type is None


def test_a_gap_breaks_a_run():
    # Mean 260 / 22 = 11.82: six above it, a gap, six above; no run of seven.
    values = [13, 9] * 5 + [12, 13] * 3 + [None] + [12, 13] * 3
    assert not any(point.rules for point in _chart(values).points)
    filled = [13, 9] * 5 + [12, 13] * 3 + [12] + [12, 13] * 3
    assert all(point.rules for point in _chart(filled).points[10:])


def test_months_must_follow_one_another():
    with pytest.raises(ValueError, match="points: 2024-03 does not follow 2024-01"):
        xmr([(Month(2024, 1), 1.0), (Month(2024, 3), 2.0)], direction=Direction.LOWER)


def test_run_length_under_two_is_refused():
    with pytest.raises(ValueError, match="run_length: must be 2 or more"):
        _chart([1, 2, 3], run_length=1)


def test_an_empty_series_has_no_icons():
    chart = xmr([], direction=Direction.LOWER)
    assert (chart.points, chart.variation, chart.assurance) == ((), None, None)

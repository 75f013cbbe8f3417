"""The four special-cause rules, each triggered once by a series built for it, and the
classification of flagged points as improvement, concern or neutral.

Most series alternate about their mean, so no rule fires until the built-in signal."""

import pytest

from tandem.measures.definitions import Direction
from tandem.measures.services import Month, months_between
from tandem.measures.spc import PointType, Rule, xmr

ALTERNATING = [10, 12] * 10  # mean 11, moving ranges all 2: limits 5.68 to 16.32


def _chart(values, **options):
    options.setdefault("direction", Direction.LOWER)
    months = months_between(Month(2024, 1), Month(2030, 12))[: len(values)]
    return xmr(list(zip(months, values, strict=True)), **options)


def _flagged(chart) -> dict[int, tuple[Rule, ...]]:
    return {index: point.rules for index, point in enumerate(chart.points) if point.rules}


def test_a_series_that_breaks_no_rule_is_all_common_cause():
    chart = _chart(ALTERNATING)
    assert _flagged(chart) == {}
    assert {point.point_type for point in chart.points} == {PointType.COMMON_CAUSE}


def test_a_point_outside_the_process_limits():
    # One 12 becomes 30: mean 238 / 20 = 11.9; the two moving ranges of 18 are screened
    # out (18 ≥ 3.267 × 70 / 19), leaving 2; upper limit 11.9 + 5.32 = 17.22 < 30.
    values = list(ALTERNATING)
    values[9] = 30
    assert _flagged(_chart(values)) == {9: (Rule.OUTSIDE_LIMITS,)}


def test_a_shift_of_seven_points_on_one_side_of_the_mean():
    # Mean 229 / 20 = 11.45: the last seven (12 or 13) are all above it, the 10 before not;
    # near limits 11.45 ± 1.7733 × 32 / 19 = 8.46 and 14.44, so nothing else fires.
    values = [10, 12] * 6 + [10] + [12, 13, 12, 13, 12, 13, 12]
    assert _flagged(_chart(values)) == dict.fromkeys(range(13, 20), (Rule.SHIFT,))


def test_a_trend_of_seven_points_rising():
    # 12 then seven rising by 0.2 from 10.2: the step down into the trend is not part of it.
    values = [12, 10] * 6 + [12] + [10.2, 10.4, 10.6, 10.8, 11.0, 11.2, 11.4]
    assert _flagged(_chart(values)) == dict.fromkeys(range(13, 20), (Rule.TREND,))


def test_a_tie_breaks_a_trend():
    values = [12, 10] * 6 + [12] + [10.2, 10.4, 10.6, 10.6, 10.8, 11.0, 11.2]
    assert _flagged(_chart(values)) == {}


def test_two_of_three_beyond_the_near_limit_on_one_side():
    # Mean 226.5 / 20 = 11.325, mean moving range 26 / 19 = 1.368: near limit
    # 11.325 + 1.7733 × 1.368 = 13.75, process limit 14.97. 14, 12, 14 are all above the
    # mean and two are beyond the near limit; the 12 between them is not flagged.
    values = [10.5, 11.5] * 10
    values[9:12] = [14, 12, 14]
    assert _flagged(_chart(values)) == {9: (Rule.TWO_IN_THREE,), 11: (Rule.TWO_IN_THREE,)}


def test_two_in_three_counts_a_point_beyond_the_process_limit():
    # Making Data Count, November 2023: every point beyond 2σ counts. Mean 229.9 / 20 =
    # 11.495; the 6.5 moving range is screened out, leaving 26.3 / 18 = 1.461: process
    # limit 15.38 (17 is beyond it), near limit 14.09 (14.4 is beyond it).
    values = [10.5, 11.5] * 10
    values[9:12] = [17, 12, 14.4]
    assert _flagged(_chart(values)) == {
        9: (Rule.OUTSIDE_LIMITS, Rule.TWO_IN_THREE),
        11: (Rule.TWO_IN_THREE,),
    }


@pytest.mark.parametrize(("run_length", "flagged"), [(6, set(range(14, 20))), (7, set())])
def test_run_length_six_flags_a_run_of_six_that_seven_does_not(run_length, flagged):
    # Mean 229 / 20 = 11.45: the last six are above it, the 10 before them below.
    values = [12, 10] * 7 + [12, 13, 12, 13, 12, 13]
    assert set(_flagged(_chart(values, run_length=run_length))) == flagged


@pytest.mark.parametrize(
    ("direction", "expected"),
    [
        (Direction.LOWER, PointType.CONCERN),
        (Direction.HIGHER, PointType.IMPROVEMENT),
        (Direction.NEUTRAL, PointType.NEUTRAL),
    ],
)
def test_a_high_point_is_classified_by_the_measure_direction(direction, expected):
    values = list(ALTERNATING)
    values[9] = 30
    point = _chart(values, direction=direction).points[9]
    assert (point.point_type, point.high) == (expected, True)


def test_a_low_point_where_lower_is_better_is_improvement():
    values = list(ALTERNATING)
    values[10] = -10
    assert _chart(values).points[10].point_type is PointType.IMPROVEMENT


def test_trend_points_are_classified_by_the_trend_not_the_side_of_the_mean():
    # Mean 10.98: the rising trend's first four points are below it, yet a rise is a
    # concern when lower is better.
    values = [12, 10] * 6 + [12] + [10.2, 10.4, 10.6, 10.8, 11.0, 11.2, 11.4]
    chart = _chart(values)
    assert chart.points[13].value < chart.segments[0].mean
    assert {chart.points[index].point_type for index in range(13, 20)} == {PointType.CONCERN}
    assert all(chart.points[index].high for index in range(13, 20))


def test_point_type_strings_are_those_of_the_csv():
    assert [kind.value for kind in PointType] == [
        "common_cause",
        "special_cause_improvement",
        "special_cause_concern",
        "special_cause_neutral",
    ]

"""Statistical process control: Making Data Count XmR charts (domain reference, section 7).

The maths is NHSRplotthedots' (`ptd_spc_standard.R`, `ptd_calculate_point_type.R`,
`ptd_calculate_assurance_type.R`), with two choices the package leaves open:

- The two-in-three rule counts every point beyond the 2σ near-limit, including those
  beyond the 3σ process limit, as Making Data Count announced in November 2023.
- A month with no data (no denominator) is a gap, not a zero: it has no moving range
  either side and it breaks a shift, a trend or a two-in-three window, since nobody knows
  which side of the mean it fell.

Each segment (the series split at recorded process changes) has its own mean and limits.
"""

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from itertools import pairwise
from math import isfinite
from statistics import fmean
from typing import TextIO

from django.db.models import QuerySet

from tandem.measures.definitions import Direction, Measure
from tandem.measures.export import format_value
from tandem.measures.models import ProcessChange
from tandem.measures.services import Month, compute, months_between
from tandem.records.models import Pregnancy

PROCESS_LIMIT = 2.66  # × mean moving range: 3σ, with σ estimated as AMR / 1.128
NEAR_LIMIT = 2 * PROCESS_LIMIT / 3  # 2σ
OUTLIER_MOVING_RANGE = 3.267  # × mean moving range: the moving range's own upper limit
SHORT_SEGMENT = 12
DEFAULT_RUN_LENGTH = 7
DEFAULT_MONTHS = 24
CSV_COLUMNS = ("period", "value", "mean", "lower_limit", "upper_limit", "point_type")


class PointType(StrEnum):
    COMMON_CAUSE = "common_cause"
    IMPROVEMENT = "special_cause_improvement"
    CONCERN = "special_cause_concern"
    NEUTRAL = "special_cause_neutral"

    @property
    def label(self) -> str:
        return {
            PointType.COMMON_CAUSE: "Common cause",
            PointType.IMPROVEMENT: "Special cause: improvement",
            PointType.CONCERN: "Special cause: concern",
            PointType.NEUTRAL: "Special cause: neither better nor worse",
        }[self]


class Rule(StrEnum):
    OUTSIDE_LIMITS = "outside_limits"
    SHIFT = "shift"
    TREND = "trend"
    TWO_IN_THREE = "two_in_three"


class VariationIcon(StrEnum):
    COMMON_CAUSE = "common_cause"
    IMPROVEMENT_HIGH = "improvement_high"
    IMPROVEMENT_LOW = "improvement_low"
    CONCERN_HIGH = "concern_high"
    CONCERN_LOW = "concern_low"
    NEUTRAL_HIGH = "neutral_high"
    NEUTRAL_LOW = "neutral_low"

    @property
    def label(self) -> str:
        return {
            VariationIcon.COMMON_CAUSE: "Common cause variation: no significant change",
            VariationIcon.IMPROVEMENT_HIGH: "Special cause variation: improvement, higher values",
            VariationIcon.IMPROVEMENT_LOW: "Special cause variation: improvement, lower values",
            VariationIcon.CONCERN_HIGH: "Special cause variation: concern, higher values",
            VariationIcon.CONCERN_LOW: "Special cause variation: concern, lower values",
            VariationIcon.NEUTRAL_HIGH: "Special cause variation: higher values",
            VariationIcon.NEUTRAL_LOW: "Special cause variation: lower values",
        }[self]


class AssuranceIcon(StrEnum):
    CONSISTENTLY_PASS = "consistently_pass"  # noqa: S105 (an icon, not a password)
    CONSISTENTLY_FAIL = "consistently_fail"
    HIT_AND_MISS = "hit_and_miss"

    @property
    def label(self) -> str:
        return {
            AssuranceIcon.CONSISTENTLY_PASS: "Assurance: it will consistently meet the target",
            AssuranceIcon.CONSISTENTLY_FAIL: "Assurance: it will consistently miss the target",
            AssuranceIcon.HIT_AND_MISS: "Assurance: it will sometimes meet the target and "
            "sometimes miss it",
        }[self]


@dataclass(frozen=True)
class Segment:
    """The months between two process changes, with their own mean and limits. Limits are
    None when the segment has fewer than two consecutive months with data."""

    first: Month
    last: Month
    points: int  # months with data
    mean: float | None
    mean_moving_range: float | None
    lower_limit: float | None
    upper_limit: float | None
    lower_near_limit: float | None
    upper_near_limit: float | None


@dataclass(frozen=True)
class SpcPoint:
    period: Month
    value: float | None  # None: no data that month
    segment: Segment
    point_type: PointType | None  # None for a month with no data
    # For special cause: whether it signals high (above the mean, or a rising trend).
    high: bool | None
    rules: tuple[Rule, ...]

    @property
    def mean(self) -> float | None:
        return self.segment.mean

    @property
    def lower_limit(self) -> float | None:
        return self.segment.lower_limit

    @property
    def upper_limit(self) -> float | None:
        return self.segment.upper_limit


@dataclass(frozen=True)
class SpcChart:
    points: tuple[SpcPoint, ...]
    segments: tuple[Segment, ...]
    direction: Direction
    run_length: int
    target: float | None
    variation: VariationIcon | None  # None when no month has data
    assurance: AssuranceIcon | None  # None without a target, direction or limits
    warnings: tuple[str, ...]


def month_name(month: Month) -> str:
    return month.first_day.strftime("%B %Y")


def default_period(today: date, months: int = DEFAULT_MONTHS) -> tuple[Month, Month]:
    """The last `months` complete calendar months before `today`."""
    index = today.year * 12 + today.month - 2  # the month before today's, counted from 0
    first = index - months + 1
    return Month(first // 12, first % 12 + 1), Month(index // 12, index % 12 + 1)


def xmr(
    points: Iterable[tuple[Month, float | None]],
    *,
    direction: Direction,
    rebase_at: Iterable[Month] = (),
    run_length: int = DEFAULT_RUN_LENGTH,
    target: float | None = None,
    screen_outliers: bool = True,
) -> SpcChart:
    """An XmR chart of consecutive months (None for a month without data)."""
    series = list(points)
    _check_series(series, run_length)
    if not series:
        return SpcChart((), (), direction, run_length, target, None, None, ())
    bounds = _segment_bounds(series, rebase_at)
    chart_points: list[SpcPoint] = []
    segments: list[Segment] = []
    for start, end in bounds:
        months = [month for month, _ in series[start:end]]
        values = [value for _, value in series[start:end]]
        segment = _segment(months, values, screen_outliers)
        segments.append(segment)
        for month, value, (rules, high) in zip(
            months, values, _signals(values, segment, run_length), strict=True
        ):
            kind = None if value is None else _point_type(rules, high, direction)
            chart_points.append(SpcPoint(month, value, segment, kind, high, rules))
    latest_segment = segments[-1]
    return SpcChart(
        points=tuple(chart_points),
        segments=tuple(segments),
        direction=direction,
        run_length=run_length,
        target=target,
        variation=_variation(chart_points),
        assurance=_assurance(latest_segment, target, direction),
        warnings=tuple(_short_segment_warning(s) for s in segments if s.points < SHORT_SEGMENT),
    )


def _check_series(series: Sequence[tuple[Month, float | None]], run_length: int) -> None:
    if run_length < 2:
        raise ValueError(f"run_length: must be 2 or more, not {run_length}")
    for (before, _), (month, _) in pairwise(series):
        if month != before.next():
            raise ValueError(
                f"points: {month} does not follow {before}; give every month in order, "
                "with None for a month without data"
            )
    for month, value in series:
        if value is not None and not isfinite(value):
            raise ValueError(f"points: the value for {month} is not a number")


def _segment_bounds(
    series: Sequence[tuple[Month, float | None]], rebase_at: Iterable[Month]
) -> list[tuple[int, int]]:
    """(start, end) indexes of each segment; a change month outside the series is ignored."""
    months = [month for month, _ in series]
    starts = sorted({months.index(change) for change in rebase_at if change in months} | {0})
    return list(zip(starts, [*starts[1:], len(series)], strict=True))


def _segment(months: list[Month], values: list[float | None], screen_outliers: bool) -> Segment:
    known = [value for value in values if value is not None]
    mean = fmean(known) if known else None
    moving_ranges = [
        abs(value - before)
        for before, value in pairwise(values)
        if before is not None and value is not None
    ]
    amr = fmean(moving_ranges) if moving_ranges else None
    if screen_outliers and amr:
        # Only a flat series (every range 0) keeps none, and then the mean range stays 0.
        amr = fmean(r for r in moving_ranges if r < OUTLIER_MOVING_RANGE * amr)
    if mean is None or amr is None:
        limits = (None, None, None, None)
    else:
        limits = (
            mean - PROCESS_LIMIT * amr,
            mean + PROCESS_LIMIT * amr,
            mean - NEAR_LIMIT * amr,
            mean + NEAR_LIMIT * amr,
        )
    return Segment(months[0], months[-1], len(known), mean, amr, *limits)


def _signals(
    values: list[float | None], segment: Segment, run_length: int
) -> list[tuple[tuple[Rule, ...], bool | None]]:
    """Per point: the rules it is part of, and whether the signal is high or low.

    Precedence for high/low follows NHSRplotthedots: a point outside the limits is high or
    low by its side of the mean; a trend point by the trend's direction; otherwise by side."""
    count = len(values)
    side = [_side(value, segment.mean) for value in values]
    outside = [_beyond(value, segment.lower_limit, segment.upper_limit) for value in values]
    beyond_near = [
        _beyond(value, segment.lower_near_limit, segment.upper_near_limit) for value in values
    ]
    rules: list[set[Rule]] = [set() for _ in values]
    trend_rising: list[bool | None] = [None] * count
    for index in range(count):
        if outside[index]:
            rules[index].add(Rule.OUTSIDE_LIMITS)
    for start, end in _runs(side):
        if side[start] != 0 and end - start >= run_length:
            for index in range(start, end):
                rules[index].add(Rule.SHIFT)
    steps = [0] + [_side(after, before) for before, after in pairwise(values)]
    for start, end in _runs(steps):
        # A run of equal steps from `start` to `end` covers the point before it too. Ties
        # (step 0) and gaps break a trend.
        if steps[start] != 0 and end - start + 1 >= run_length:
            for index in range(start - 1, end):
                rules[index].add(Rule.TREND)
                # A point ending one trend and starting another takes the later one's.
                trend_rising[index] = steps[start] > 0
    for start in range(count - 2):
        window = range(start, start + 3)
        same_side = side[start] != 0 and all(side[i] == side[start] for i in window)
        if same_side and sum(beyond_near[i] for i in window) >= 2:
            for index in window:
                if beyond_near[index]:
                    rules[index].add(Rule.TWO_IN_THREE)
    signals = []
    for index in range(count):
        flagged = tuple(rule for rule in Rule if rule in rules[index])
        if not flagged:
            signals.append(((), None))
        elif Rule.OUTSIDE_LIMITS in flagged or trend_rising[index] is None:
            signals.append((flagged, side[index] > 0))
        else:
            signals.append((flagged, trend_rising[index]))
    return signals


def _side(value: float | None, mean: float | None) -> int:
    if value is None or mean is None or value == mean:
        return 0
    return 1 if value > mean else -1


def _beyond(value: float | None, lower: float | None, upper: float | None) -> bool:
    if value is None or lower is None or upper is None:
        return False
    return value > upper or value < lower


def _runs(items: list[int]) -> list[tuple[int, int]]:
    """(start, end) of each run of equal consecutive items."""
    runs, start = [], 0
    for index in range(1, len(items) + 1):
        if index == len(items) or items[index] != items[start]:
            runs.append((start, index))
            start = index
    return runs


def _point_type(rules: tuple[Rule, ...], high: bool | None, direction: Direction) -> PointType:
    if not rules:
        return PointType.COMMON_CAUSE
    if direction is Direction.NEUTRAL:
        return PointType.NEUTRAL
    better = high if direction is Direction.HIGHER else not high
    return PointType.IMPROVEMENT if better else PointType.CONCERN


def _variation(points: list[SpcPoint]) -> VariationIcon | None:
    """The icon for the latest month with data."""
    latest = next((point for point in reversed(points) if point.value is not None), None)
    if latest is None:
        return None
    if latest.point_type is PointType.COMMON_CAUSE:
        return VariationIcon.COMMON_CAUSE
    prefix = {
        PointType.IMPROVEMENT: "improvement",
        PointType.CONCERN: "concern",
        PointType.NEUTRAL: "neutral",
    }[latest.point_type]
    return VariationIcon(f"{prefix}_{'high' if latest.high else 'low'}")


def _assurance(
    segment: Segment, target: float | None, direction: Direction
) -> AssuranceIcon | None:
    """Where the target sits against the latest segment's process limits."""
    lower, upper = segment.lower_limit, segment.upper_limit
    if target is None or direction is Direction.NEUTRAL or lower is None or upper is None:
        return None
    if target > upper:
        # Every point expected below the target: a pass when lower is better.
        return (
            AssuranceIcon.CONSISTENTLY_PASS
            if direction is Direction.LOWER
            else AssuranceIcon.CONSISTENTLY_FAIL
        )
    if target < lower:
        return (
            AssuranceIcon.CONSISTENTLY_PASS
            if direction is Direction.HIGHER
            else AssuranceIcon.CONSISTENTLY_FAIL
        )
    return AssuranceIcon.HIT_AND_MISS


def _short_segment_warning(segment: Segment) -> str:
    return (
        f"From {month_name(segment.first)} to {month_name(segment.last)} only "
        f"{segment.points} of the months have data: limits worked out from fewer than "
        f"{SHORT_SEGMENT} points are less reliable, so read the signals with caution."
    )


def measure_chart(
    measure: Measure,
    *,
    first: Month,
    last: Month,
    publish: bool,
    pregnancies: QuerySet[Pregnancy] | None = None,
    run_length: int = DEFAULT_RUN_LENGTH,
) -> SpcChart:
    """The measure month by month from `first` to `last`, rebased at its recorded process
    changes, with assurance against the target its definition declares. Published values
    come from rounded counts (the NHS small-number rule)."""
    rates = compute([measure], first=first, last=last, pregnancies=pregnancies)
    values = {rate.period: (rate.published() if publish else rate).value for rate in rates}
    changes = ProcessChange.objects.filter(measure_id=measure.id).values_list(
        "changed_on", flat=True
    )
    return xmr(
        [(month, values.get(month)) for month in months_between(first, last)],
        direction=measure.direction,
        rebase_at=[Month.of(changed_on) for changed_on in changes],
        run_length=run_length,
        target=measure.target,
    )


def write_csv(chart: SpcChart, measure: Measure, out: TextIO) -> int:
    """One row per month (CSV_COLUMNS), figures rounded as the measures export rounds them;
    a month without data has an empty value and point type. Returns the number of rows."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for point in chart.points:
        writer.writerow(
            (
                str(point.period),
                format_value(measure, point.value),
                format_value(measure, point.mean),
                format_value(measure, point.lower_limit),
                format_value(measure, point.upper_limit),
                point.point_type or "",
            )
        )
    return len(chart.points)

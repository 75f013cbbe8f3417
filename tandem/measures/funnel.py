"""Funnel plots for proportions: providers or areas compared over one period
(Spiegelhalter 2005, *Stat Med* 24:1185; domain reference, section 7).

The target is the pooled proportion p0 (every unit's numerators over every unit's
denominators). Each unit's control limits are the exact binomial limits for its
denominator n, not the normal approximation p0 ± z·√(p0(1−p0)/n), which is poor for the
small counts and rates near 0 that most maternity measures have:

- r is the smallest count whose cumulative Binomial(n, p0) probability F(r) reaches the
  limit's probability P (0.001, 0.025, 0.975 or 0.999);
- the count's probability is spread evenly over r − ½ to r + ½ and the limit is read off
  there: r + ½ − (F(r) − P) / Pr(r), divided by n and clipped to 0..1.

Spreading over r − ½ to r + ½ (Spiegelhalter's appendix uses r − 1 to r, which sets both
limits half a count low) centres the limits on n·p0 and makes "outside the limit" exactly
the mid-p binomial test at that level; for large n they meet the normal limits.

Over-dispersion (a random-effects τ²) is not applied: see docs/spc-and-funnel-plots.md.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from math import ceil, exp, floor, lgamma, log, sqrt

from django.db.models import QuerySet

from tandem.measures.definitions import Measure
from tandem.measures.export import Span, pooled, told
from tandem.measures.services import Month, compute
from tandem.records.models import Pregnancy

BREAKDOWNS = ("provider", "area")
# Lower and upper tail probabilities of the 95% and 99.8% limits.
TAILS_95 = (0.025, 0.975)
TAILS_99_8 = (0.001, 0.999)
CURVE_POINTS = 60


class Position(StrEnum):
    INSIDE = "inside"
    ABOVE = "above"
    BELOW = "below"


@dataclass(frozen=True)
class Limits:
    """Control limits for one denominator, in the plot's unit."""

    lower_95: float
    upper_95: float
    lower_99_8: float
    upper_99_8: float


@dataclass(frozen=True)
class FunnelUnit:
    label: str
    numerator: int
    denominator: int
    value: float
    limits: Limits
    against_95: Position
    against_99_8: Position


@dataclass(frozen=True)
class CurvePoint:
    denominator: int
    limits: Limits


@dataclass(frozen=True)
class FunnelPlot:
    target: float  # the pooled proportion, in the plot's unit
    numerator: int
    denominator: int
    multiplier: int  # 100 for a percentage, 1,000 per 1,000, 1 for a proportion
    units: tuple[FunnelUnit, ...]
    curve: tuple[CurvePoint, ...]  # the limits over n, for drawing the funnel


def binomial_limits(n: int, p0: float, multiplier: int = 1) -> Limits:
    """The 95% and 99.8% limits for a denominator of n around the proportion p0."""
    if n < 1:
        raise ValueError("A funnel limit needs a denominator of 1 or more")
    if not 0 <= p0 <= 1:
        raise ValueError("The target proportion must be between 0 and 1")
    wanted = (TAILS_99_8[0], TAILS_95[0], TAILS_95[1], TAILS_99_8[1])
    counts = _quantile_positions(n, p0, wanted)
    lower_99_8, lower_95, upper_95, upper_99_8 = (
        min(max(count / n, 0.0), 1.0) * multiplier for count in counts
    )
    return Limits(lower_95, upper_95, lower_99_8, upper_99_8)


def _quantile_positions(n: int, p0: float, wanted: Sequence[float]) -> list[float]:
    """For each probability (ascending), the interpolated count at which the Binomial(n, p0)
    distribution, with each count's probability spread over count ± ½, reaches it."""
    positions: list[float] = []
    cumulative = 0.0
    remaining = list(wanted)
    # Counts more than 9 standard deviations below the mean carry under 1e-18 in all: start
    # there, so a large n costs a few hundred steps rather than n.
    first = max(0, floor(n * p0 - 9 * sqrt(n * p0 * (1 - p0))))
    for count in range(first, n + 1):
        probability = _binomial_probability(n, count, p0)
        cumulative += probability
        while remaining and cumulative >= remaining[0]:
            positions.append(count + 0.5 - (cumulative - remaining.pop(0)) / probability)
        if not remaining:
            return positions
    # Rounding can leave the total a hair under 1: the rest sit at the top.
    return positions + [n + 0.5] * len(remaining)


def _binomial_probability(n: int, count: int, p0: float) -> float:
    if p0 in (0.0, 1.0):
        return 1.0 if count == round(n * p0) else 0.0
    return exp(
        lgamma(n + 1)
        - lgamma(count + 1)
        - lgamma(n - count + 1)
        + count * log(p0)
        + (n - count) * log(1 - p0)
    )


def _position(value: float, lower: float, upper: float) -> Position:
    if value > upper:
        return Position.ABOVE
    if value < lower:
        return Position.BELOW
    return Position.INSIDE


def funnel_plot(counts: Sequence[tuple[str, int, int]], *, multiplier: int = 1) -> FunnelPlot:
    """(label, numerator, denominator) per unit; units with no denominator are left out."""
    for label, numerator, denominator in counts:
        if not 0 <= numerator <= denominator:
            raise ValueError(f"{label}: the numerator must be between 0 and the denominator")
    counted = [(label, num, den) for label, num, den in counts if den > 0]
    total_numerator = sum(num for _, num, _ in counted)
    total_denominator = sum(den for _, _, den in counted)
    if not total_denominator:
        return FunnelPlot(0.0, 0, 0, multiplier, (), ())
    p0 = total_numerator / total_denominator
    units = []
    for label, numerator, denominator in counted:
        limits = binomial_limits(denominator, p0, multiplier)
        value = numerator / denominator * multiplier
        units.append(
            FunnelUnit(
                label,
                numerator,
                denominator,
                value,
                limits,
                _position(value, limits.lower_95, limits.upper_95),
                _position(value, limits.lower_99_8, limits.upper_99_8),
            )
        )
    denominators = [den for _, _, den in counted]
    curve = tuple(
        CurvePoint(n, binomial_limits(n, p0, multiplier))
        for n in _curve_denominators(min(denominators), max(denominators))
    )
    return FunnelPlot(
        p0 * multiplier, total_numerator, total_denominator, multiplier, tuple(units), curve
    )


def _curve_denominators(smallest: int, largest: int) -> list[int]:
    """Denominators spaced evenly on a log scale from below the smallest unit to beyond the
    largest, where the funnel changes fastest at the narrow end."""
    low, high = max(1, floor(smallest / 2)), ceil(largest * 1.1)
    if high <= low:
        return [low]
    ratio = (high / low) ** (1 / (CURVE_POINTS - 1))
    return sorted({round(low * ratio**step) for step in range(CURVE_POINTS)})


def provider_funnel(
    measure: Measure,
    *,
    first: Month,
    last: Month,
    by: str = "provider",
    publish: bool,
    pregnancies: QuerySet[Pregnancy] | None = None,
) -> FunnelPlot:
    """The measure's providers (or areas) over the months from `first` to `last`, counts
    pooled over the period; published counts are each unit's totals rounded by the NHS
    small-number rule, and the target is pooled from those rounded counts."""
    if by not in BREAKDOWNS:
        raise ValueError(f"by: compare by {' or '.join(BREAKDOWNS)}, not '{by}'")
    if last < first:
        raise ValueError(f"The last month ({last}) is before the first ({first})")
    monthly = compute([measure], first=first, last=last, by=[by], pregnancies=pregnancies)
    rates = told(pooled(monthly, Span(first, last)), publish=publish)
    return funnel_plot(
        [(rate.group_label, rate.numerator, rate.denominator) for rate in rates],
        multiplier=measure.unit.multiplier,
    )

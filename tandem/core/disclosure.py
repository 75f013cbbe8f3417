"""Small-number suppression for every figure that leaves Tandem to an analyst.

The rule NHS Digital codes in its MSDS measure pipelines (domain reference, section 8),
applied separately to numerator and denominator:

    rounded(x) = 0 if x == 0;  5 if 1 <= x <= 7;  round(x / 5) * 5 if x >= 8
    rate       = rounded(numerator) / rounded(denominator) * 100, to 1 decimal place

Some NHS Digital outputs print '*' for 1 to 7 instead of 5: set
`SMALL_NUMBERS_CONVENTION = "star"` in the settings for that convention; the default is
"round" (1 to 7 shown as 5). Statistics of a group (median, percentile) are withheld when
the group is suppressed, since they could be worked back to one family.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.conf import settings

SMALL_MAX = 7
SMALL_ROUNDED = 5  # what 1 to 7 become
SUPPRESSED = "*"


class SmallNumbers(StrEnum):
    ROUND = "round"
    STAR = "star"


def convention() -> SmallNumbers:
    return SmallNumbers(settings.SMALL_NUMBERS_CONVENTION)


def rounded(count: int) -> int:
    """0 stays 0; 1 to 7 become 5; 8 and over round to the nearest 5."""
    if count == 0:
        return 0
    if count <= SMALL_MAX:
        return SMALL_ROUNDED
    return round(count / 5) * 5


def is_small(count: int) -> bool:
    return 1 <= count <= SMALL_MAX


def starred(published_count: int) -> bool:
    """Whether a count already rounded by the rule is told as '*': under the star
    convention, those that were 1 to 7. They alone round to 5 (8 rounds to 10), and a sum of
    rounded counts is 5 only when it holds one of them, so 5 is always a small count."""
    return convention() == SmallNumbers.STAR and published_count == SMALL_ROUNDED


@dataclass(frozen=True)
class Teller:
    """How figures are told to one reader: exactly to a team leader (who may see the
    families anyway), suppressed to an analyst. Every programme figure goes through here."""

    suppress: bool

    def count(self, value: int) -> str:
        if not self.suppress:
            return f"{value:,}"
        if is_small(value) and convention() == SmallNumbers.STAR:
            return SUPPRESSED
        return f"{rounded(value):,}"

    def rate(self, numerator: int, denominator: int) -> str:
        """A percentage to 1 decimal place, from rounded counts when suppressed."""
        if self.suppress:
            if convention() == SmallNumbers.STAR and (is_small(numerator) or is_small(denominator)):
                return SUPPRESSED
            numerator, denominator = rounded(numerator), rounded(denominator)
        if denominator == 0:
            return "No data"
        return f"{numerator / denominator * 100:.1f}%"

    def statistic(self, value: float | int | None, group_size: int, unit: str) -> str:
        """A median or percentile of a group: withheld from an analyst for a small group."""
        if value is None or group_size == 0:
            return "No data"
        if self.suppress and is_small(group_size):
            return SUPPRESSED
        shown = f"{value:g}"
        return f"{shown} {unit}" if shown == "1" else f"{shown} {unit}s"


EXACT = Teller(suppress=False)
SUPPRESSED_FOR_ANALYSTS = Teller(suppress=True)

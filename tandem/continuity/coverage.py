"""LMNS coverage of continuity of carer: of the women booked in a period, the share on a
continuity pathway, overall and for the groups the LMNS plans prioritise, against the 75%
target (NHS England's 2022/23 LMNS planning guidance: 75% of women of Black, Asian and
Mixed ethnicity and from the most deprived neighbourhoods placed on continuity pathways).

On a continuity pathway means having a current continuity assignment (a named midwife and
buddy in a continuity team, tandem.continuity.models.CarerAssignment). The most deprived
neighbourhoods are IMD 2019 deciles 1 and 2: the most deprived 20% of England, the "Core20"
of NHS England's Core20PLUS5, and the quintile the measures' IMD breakdown calls 1.

One grouped query counts every row; figures are published through the NHS small-number
rule (tandem.core.disclosure) by the page that shows them.
"""

from dataclasses import dataclass, replace
from datetime import date

from django.db.models import Count, Exists, OuterRef, Q

from tandem.continuity.models import CarerAssignment
from tandem.core import disclosure
from tandem.measures.stats import wilson_interval
from tandem.records.codes import EthnicGroup, ethnic_group_codes
from tandem.records.models import Pregnancy

TARGET = 0.75
MOST_DEPRIVED_DECILES = (1, 2)


@dataclass(frozen=True)
class CoverageFigure:
    key: str
    label: str
    numerator: int  # women on a continuity pathway
    denominator: int  # women booked in the period
    has_target: bool

    @property
    def share(self) -> float | None:
        return self.numerator / self.denominator if self.denominator else None

    @property
    def interval(self) -> tuple[float, float] | None:
        """The 95% Wilson interval of the share (as fractions)."""
        return wilson_interval(self.numerator, self.denominator) if self.denominator else None

    @property
    def meets_target(self) -> bool | None:
        """Whether the share reaches the target; None when there is no target or no one."""
        if not self.has_target or self.share is None:
            return None
        return self.share >= TARGET

    def published(self) -> "CoverageFigure":
        """The NHS small-number rule applied to both counts; share and interval follow."""
        return replace(
            self,
            numerator=disclosure.rounded(self.numerator),
            denominator=disclosure.rounded(self.denominator),
        )


def _codes(*groups: EthnicGroup) -> list[str]:
    codes = ethnic_group_codes()
    return [code for group in groups for code in codes[group]]


def _groups() -> tuple[tuple[str, str, Q, bool], ...]:
    """(key, label, condition on the pregnancy, whether the 75% target applies)."""
    priority_ethnicity = Q(
        woman__ethnic_category__in=_codes(EthnicGroup.BLACK, EthnicGroup.ASIAN, EthnicGroup.MIXED)
    )
    most_deprived = Q(woman__imd_decile__in=MOST_DEPRIVED_DECILES)
    return (
        ("all", "All women", Q(pk__isnull=False), False),
        (
            "black_asian_mixed",
            "Black, Asian or Mixed ethnicity",
            priority_ethnicity,
            True,
        ),
        (
            "black",
            "Black or Black British",
            Q(woman__ethnic_category__in=_codes(EthnicGroup.BLACK)),
            True,
        ),
        (
            "asian",
            "Asian or Asian British",
            Q(woman__ethnic_category__in=_codes(EthnicGroup.ASIAN)),
            True,
        ),
        ("mixed", "Mixed", Q(woman__ethnic_category__in=_codes(EthnicGroup.MIXED)), True),
        ("most_deprived", "Most deprived areas (IMD deciles 1 and 2)", most_deprived, True),
        (
            "priority",
            "Either of the above (Black, Asian or Mixed, or IMD deciles 1 and 2)",
            priority_ethnicity | most_deprived,
            True,
        ),
    )


def coverage(*, booked_from: date, booked_to: date) -> list[CoverageFigure]:
    """Women whose pregnancy was booked from `booked_from` to `booked_to` (inclusive)."""
    on_pathway = Q(
        Exists(CarerAssignment.objects.filter(pregnancy=OuterRef("pk"), ends_on__isnull=True))
    )
    booked = Pregnancy.objects.filter(booking_date__range=(booked_from, booked_to))
    groups = _groups()
    aggregates = {}
    for key, _, condition, _ in groups:
        aggregates[f"{key}_booked"] = Count("pk", filter=condition)
        aggregates[f"{key}_on"] = Count("pk", filter=condition & on_pathway)
    counts = booked.aggregate(**aggregates)
    return [
        CoverageFigure(key, label, counts[f"{key}_on"], counts[f"{key}_booked"], has_target)
        for key, label, _, has_target in groups
    ]

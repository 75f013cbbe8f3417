"""The WHO Robson report table for women giving birth in a period.

Columns as the WHO *Robson Classification: Implementation Manual* (2017) defines them:

    group size              = women in the group / all women × 100
    CS rate in the group    = caesareans in the group / women in the group × 100
    absolute contribution   = caesareans in the group / all women × 100
    relative contribution   = caesareans in the group / all caesareans × 100

The absolute contributions add up to the overall caesarean rate and the relative ones to
100%. A woman counts as a caesarean when any of her babies was born by caesarean
(delivery method 7 or 8). Groups 2, 4 and 5 are the sums of their sub-groups, which are
shown beneath them. With `publish`, the NHS small-number rule rounds every count first
and the percentages follow the rounded counts.
"""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from tandem.core import disclosure
from tandem.measures.services import Month
from tandem.outcomes.models import LabourDelivery, RobsonGroup
from tandem.records.models import Pregnancy

CAESAREAN_METHODS = ("7", "8")
TOTAL = "total"

# Groups 2, 4 and 5 are shown as a whole and then by sub-group.
_COMBINED = {
    "2": (
        (RobsonGroup.G2A, RobsonGroup.G2B),
        "2: Nulliparous, single cephalic, term, induced or caesarean before labour",
    ),
    "4": (
        (RobsonGroup.G4A, RobsonGroup.G4B),
        "4: Multiparous without previous caesarean, single cephalic, term, induced or "
        "caesarean before labour",
    ),
    "5": (
        (RobsonGroup.G5_1, RobsonGroup.G5_2),
        "5: Previous caesarean, single cephalic, term",
    ),
}
_LAYOUT = (
    RobsonGroup.G1, "2", RobsonGroup.G2A, RobsonGroup.G2B, RobsonGroup.G3,
    "4", RobsonGroup.G4A, RobsonGroup.G4B, "5", RobsonGroup.G5_1, RobsonGroup.G5_2,
    RobsonGroup.G6, RobsonGroup.G7, RobsonGroup.G8, RobsonGroup.G9, RobsonGroup.G10,
    RobsonGroup.UNCLASSIFIABLE,
)  # fmt: skip


@dataclass(frozen=True)
class RobsonRow:
    group: str  # a RobsonGroup code, "2", "4" or "5" for a whole group, or "total"
    label: str
    is_sub_group: bool
    women: int
    caesareans: int
    group_size: float | None  # % of all women
    caesarean_rate: float | None  # % of the group's women
    absolute_contribution: float | None  # % of all women: adds up to the overall CS rate
    relative_contribution: float | None  # % of all caesareans: adds up to 100


@dataclass(frozen=True)
class RobsonReport:
    first: Month
    last: Month
    published: bool
    rows: tuple[RobsonRow, ...]
    total: RobsonRow


def robson_report(
    first: Month,
    last: Month | None = None,
    *,
    pregnancies: QuerySet[Pregnancy] | None = None,
    publish: bool = False,
) -> RobsonReport:
    """The table for births from the start of `first` to the end of `last` (default: the
    one month), optionally within a scope of pregnancies, in one query."""
    last = last or first
    labours = LabourDelivery.objects.filter(
        birth_date__gte=first.first_day, birth_date__lt=last.next().first_day
    )
    if pregnancies is not None:
        labours = labours.filter(pregnancy__in=pregnancies.values("pk"))
    # Joining the babies repeats a labour per baby, so each woman is counted distinctly.
    counted = (
        labours.values("robson_group")
        .annotate(
            women=Count("pk", distinct=True),
            caesareans=Count(
                "pk", distinct=True, filter=Q(babies__delivery_method__in=CAESAREAN_METHODS)
            ),
        )
        .order_by()
    )
    by_group: dict[str, tuple[int, int]] = {}
    for row in counted:
        # A labour not yet derived has no group: it is unclassifiable until it is.
        code = row["robson_group"] or RobsonGroup.UNCLASSIFIABLE.value
        women, caesareans = by_group.get(code, (0, 0))
        by_group[code] = (women + row["women"], caesareans + row["caesareans"])

    def counts_of(group: str) -> tuple[int, int]:
        members = _COMBINED[group][0] if group in _COMBINED else (group,)
        pairs = [by_group.get(str(member), (0, 0)) for member in members]
        return sum(women for women, _ in pairs), sum(caesareans for _, caesareans in pairs)

    shown = _rounded if publish else _exact
    all_women, all_caesareans = shown(
        sum(women for women, _ in by_group.values()),
        sum(caesareans for _, caesareans in by_group.values()),
    )
    totals = (all_women, all_caesareans)
    rows = tuple(
        _row(str(group), _label(group), _is_sub_group(group), shown(*counts_of(str(group))), totals)
        for group in _LAYOUT
    )
    total = _row(TOTAL, "All women", False, totals, totals)
    return RobsonReport(first=first, last=last, published=publish, rows=rows, total=total)


def _exact(women: int, caesareans: int) -> tuple[int, int]:
    return women, caesareans


def _rounded(women: int, caesareans: int) -> tuple[int, int]:
    return disclosure.rounded(women), disclosure.rounded(caesareans)


def _label(group: RobsonGroup | str) -> str:
    return _COMBINED[group][1] if group in _COMBINED else group.label


def _is_sub_group(group: RobsonGroup | str) -> bool:
    return any(group in members for members, _ in _COMBINED.values())


def _percent(part: int, whole: int) -> float | None:
    return part / whole * 100 if whole else None


def _row(
    group: str,
    label: str,
    is_sub_group: bool,
    counts: tuple[int, int],
    totals: tuple[int, int],
) -> RobsonRow:
    (women, caesareans), (all_women, all_caesareans) = counts, totals
    return RobsonRow(
        group=group,
        label=label,
        is_sub_group=is_sub_group,
        women=women,
        caesareans=caesareans,
        group_size=_percent(women, all_women),
        caesarean_rate=_percent(caesareans, women),
        absolute_contribution=_percent(caesareans, all_women),
        relative_contribution=_percent(caesareans, all_caesareans),
    )

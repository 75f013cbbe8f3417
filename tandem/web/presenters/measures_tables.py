"""What every measures dashboard shares: whose figures a reader sees, and tables that are
also CSV downloads.

Whose figures and how they are told follow the programme pages
(`tandem.programme.figures.scope_for`): an analyst sees the whole LMNS with the NHS
small-number rule applied to every count, rate, chart and download (`publish`); a team
leader sees the pregnancies of her own areas exactly, as she may see those families
anyway. Figures that cannot be limited to her areas (data-quality checks, coding
completeness) are published for everyone. No table or download names a person: the groups
are providers, areas and the breakdowns' categories.

Each table is a `Table`: the NHS.UK table macro's params for the page and, for the same
figures, the columns and rows of its CSV download. Rate tables download in the export's
columns (`tandem.measures.export`).
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TextIO

from django.db.models import QuerySet

from tandem.core.disclosure import SUPPRESSED, starred
from tandem.measures.definitions import Measure, Unit
from tandem.measures.dimensions import DIMENSIONS
from tandem.measures.export import COLUMNS, DECIMALS, Span, pooled, row_of, told, write_rows
from tandem.measures.services import Month, Rate, compute
from tandem.measures.spc import month_name
from tandem.programme.figures import scope_for
from tandem.records.models import Pregnancy

NO_DATA = "No data"


@dataclass(frozen=True)
class Reader:
    """Whose figures she sees and how: published (rounded) or exact."""

    publish: bool
    pregnancies: QuerySet[Pregnancy] | None  # None: the whole LMNS
    label: str


def reader_for(user) -> Reader:
    scope = scope_for(user)
    return Reader(
        publish=scope.teller.suppress,
        pregnancies=None if scope.whole_lmns else scope.pregnancies(),
        label=scope.label,
    )


@dataclass
class Table:
    """A table on the page and the CSV of the same figures."""

    name: str  # its download name
    caption: str
    head: list[str]
    rows: list[list]
    columns: Sequence[str]
    csv_rows: list[dict[str, str]] = field(default_factory=list)
    numeric_from: int = 1
    # Writes the CSV itself, where a module has its own writer (the SPC chart's).
    writer: Callable[[TextIO], int] | None = None

    def write_csv(self, out: TextIO) -> int:
        """Writes the download; returns the number of rows."""
        if self.writer is not None:
            return self.writer(out)
        return write_rows(self.columns, self.csv_rows, out)

    @property
    def params(self) -> dict:
        return {
            "caption": self.caption,
            "captionSize": "s",
            "head": [
                {"text": text, **({"format": "numeric"} if index >= self.numeric_from else {})}
                for index, text in enumerate(self.head)
            ],
            "rows": [
                [
                    self._cell(cell, numeric=index >= self.numeric_from)
                    for index, cell in enumerate(row)
                ]
                for row in self.rows
            ],
            "responsive": True,
        }

    @staticmethod
    def _cell(cell, *, numeric: bool):
        """Text, or a cell's own params (a link, an icon)."""
        if isinstance(cell, dict) or not numeric:
            return cell
        return {"text": cell, "format": "numeric"}


def count_text(value: int, *, published: bool) -> str:
    """A count on a page: '*' for a published small count under the star convention."""
    return SUPPRESSED if published and starred(value) else f"{value:,}"


def shown(measure: Measure, value: float | None) -> str:
    """A figure on the page: rounded as the export rounds it, with thousands separated."""
    return "" if value is None else f"{value:,.{DECIMALS[measure.unit]}f}"


def value_text(measure: Measure, value: float | None) -> str:
    if value is None:
        return NO_DATA
    suffix = "%" if measure.unit is Unit.PERCENT else " per 1,000"
    return f"{shown(measure, value)}{suffix}"


def interval_text(rate: Rate) -> str:
    interval = rate.interval
    if interval is None:
        return ""
    low, high = interval
    return f"{shown(rate.measure, low)} to {shown(rate.measure, high)}"


def counted_text(rate: Rate) -> str:
    """The numerator of the denominator, as counted (or rounded for publication)."""
    told = [
        count_text(count, published=rate.rounded) for count in (rate.numerator, rate.denominator)
    ]
    return " of ".join(told)


def period_text(first: Month, last: Month) -> str:
    return month_name(first) if first == last else f"{month_name(first)} to {month_name(last)}"


def _sorted_by_group(rates: list[Rate], by: Sequence[str]) -> list[Rate]:
    """In each breakdown's own order (ethnic groups, deciles…), names alphabetically."""

    def key(rate: Rate):
        parts = []
        for name, label in zip(by, rate.group, strict=True):
            groups = DIMENSIONS[name].groups
            parts.append((groups.index(label), "") if groups and label in groups else (99, label))
        return tuple(parts)

    return sorted(rates, key=key)


def rate_table(
    name: str, caption: str, rates: list[Rate], by: Sequence[str], *, first_heading: str
) -> Table:
    rates = _sorted_by_group(rates, by)
    return Table(
        name=name,
        caption=caption,
        head=[first_heading, "Rate", "95% confidence interval", "Counted"],
        rows=[
            [
                rate.group_label,
                value_text(rate.measure, rate.value),
                interval_text(rate),
                counted_text(rate),
            ]
            for rate in rates
        ],
        columns=COLUMNS,
        csv_rows=[row_of(rate) for rate in rates],
    )


def breakdown_rates(
    measures: Sequence[Measure], reader: Reader, first: Month, last: Month, by: Sequence[str]
) -> list[Rate]:
    """The measures by the breakdown, counts pooled over the period, told to the reader."""
    monthly = compute(measures, first=first, last=last, by=by, pregnancies=reader.pregnancies)
    return told(pooled(monthly, Span(first, last)), publish=reader.publish)

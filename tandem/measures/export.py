"""The measures export: rates as CSV rows, for `manage.py export_measures` and every rate
table the dashboards download.

Columns: measure, period, dimension, group, numerator, denominator, rate, lower_95,
upper_95.

- `period` is `YYYY-MM` for a month, and `YYYY-MM/YYYY-MM` (first and last month, as in
  an ISO 8601 interval) for counts pooled over a span of months.
- `dimension` is `all` or a breakdown name; two breakdowns at once are joined with `+`
  (`ethnic_group+imd_quintile`), and so are their groups (`White+1`). `+` needs no CSV
  quoting and no shell quoting, and no breakdown name or group label contains it.
- `rate`, `lower_95` and `upper_95` are in the measure's unit, rounded as NHS Digital
  publishes: 1 decimal place for a percentage, whole numbers per 1,000.

Published figures (`--publish`) are told as NHS Digital publishes them
(`publication.py`): both counts rounded by the small-number rule and the rate worked out
from them; a provider failing its data-quality gate has no rate; the LMNS total sums the
passing providers' rounded counts. An export of exact figures is for internal use only and
is recorded in the audit trail.
"""

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TextIO

from django.db.models import QuerySet

from tandem.core.audit import record_event
from tandem.core.disclosure import SUPPRESSED, starred
from tandem.core.models import AuditAction
from tandem.measures.definitions import Measure, Unit, shown_measures
from tandem.measures.publication import published_rates
from tandem.measures.services import ALL, Month, Rate, check_breakdown, compute
from tandem.records.models import Pregnancy

COLUMNS = (
    "measure",
    "period",
    "dimension",
    "group",
    "numerator",
    "denominator",
    "rate",
    "lower_95",
    "upper_95",
)
JOIN = "+"
DECIMALS = {Unit.PERCENT: 1, Unit.PER_1000: 0}
EXPORT_OBJECT_TYPE = "measures_export"


@dataclass(frozen=True, order=True)
class Span:
    """A run of whole months, told as `YYYY-MM/YYYY-MM` (one month as `YYYY-MM`)."""

    first: Month
    last: Month

    def __str__(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}/{self.last}"


def parse_breakdown(text: str) -> tuple[str, ...]:
    """`all`, one breakdown name, or two joined with '+'; raises ValueError saying why."""
    text = text.strip()
    if text == ALL:
        return ()
    by = tuple(part.strip() for part in text.split(JOIN))
    check_breakdown(by)
    return by


def breakdown_name(by: Sequence[str]) -> str:
    return JOIN.join(by) if by else ALL


def format_value(measure: Measure, value: float | None) -> str:
    """A rate or limit in the measure's unit, rounded as the export writes it."""
    return "" if value is None else f"{value:.{DECIMALS[measure.unit]}f}"


def count_cell(count: int, *, published: bool) -> str:
    """A count in a CSV: '*' for a published small count under the star convention."""
    return SUPPRESSED if published and starred(count) else str(count)


def row_of(rate: Rate) -> dict[str, str]:
    """One export row: the rate as given (publish it first for figures that leave)."""
    interval = rate.interval
    low, high = interval if interval else (None, None)
    return {
        "measure": rate.measure.id,
        "period": str(rate.period),
        # compute() names two breakdowns 'a × b'; the export's form is 'a+b'.
        "dimension": rate.dimension.replace(" × ", JOIN),
        "group": JOIN.join(rate.group) if rate.group else ALL,
        "numerator": count_cell(rate.numerator, published=rate.rounded),
        "denominator": count_cell(rate.denominator, published=rate.rounded),
        "rate": format_value(rate.measure, rate.value),
        "lower_95": format_value(rate.measure, low),
        "upper_95": format_value(rate.measure, high),
    }


def told(rates: Iterable[Rate], *, publish: bool) -> list[Rate]:
    """The rates as a reader may see them: published (small numbers rounded) or exact."""
    return [rate.published() if publish else rate for rate in rates]


def pooled(rates: Iterable[Rate], span: Span) -> list[Rate]:
    """Each measure's groups summed over the months of `span`, in first-seen order.

    Counts are pooled exactly, so publish after pooling: rounding each month and adding
    would let small numbers add up to a misleading total."""
    totals: dict[tuple, Rate] = {}
    for rate in rates:
        key = (rate.measure.id, rate.group)
        if key in totals:
            total = totals[key]
            totals[key] = replace(
                total,
                numerator=total.numerator + rate.numerator,
                denominator=total.denominator + rate.denominator,
            )
        else:
            totals[key] = replace(rate, period=span)
    return list(totals.values())


def write_rows(columns: Sequence[str], rows: Iterable[dict[str, str]], out: TextIO) -> int:
    """Any table as CSV (the dashboards' downloads too): header, then one line per row;
    returns the number of rows."""
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return count


def write_csv(rates: Iterable[Rate], out: TextIO) -> int:
    """The export's columns, one row per rate; returns the number of rows."""
    return write_rows(COLUMNS, (row_of(rate) for rate in rates), out)


def record_internal_export(*, by, what: str, detail: dict) -> None:
    """Exact (unpublished) figures have left the system: say who took them and which.
    `what` names the export (the command, or a dashboard's table)."""
    record_event(
        by=by,
        action=AuditAction.EXPORT,
        object_type=EXPORT_OBJECT_TYPE,
        object_id=what,
        detail={"published": False, **detail},
    )


def export_measures(
    out: TextIO,
    *,
    first: Month,
    last: Month,
    by: Sequence[str],
    publish: bool,
    actor,
    measures: Iterable[Measure] | None = None,
    pregnancies: QuerySet[Pregnancy] | None = None,
) -> int:
    """Every measure shown to users (or those given) for every month from `first` to `last`, by the
    breakdown, written to `out` as CSV; an unpublished export is audited with `actor`.
    Returns the number of rows written."""
    if last < first:
        raise ValueError(f"The last month ({last}) is before the first ({first})")
    chosen = list(measures) if measures is not None else shown_measures()
    rates = (
        published_rates(chosen, first=first, last=last, by=by, pregnancies=pregnancies)
        if publish
        else compute(chosen, first=first, last=last, by=by, pregnancies=pregnancies)
    )
    if not publish:
        # Audited before the file is written: a failed write leaves an attempt on record
        # rather than figures out with none.
        record_internal_export(
            by=actor,
            what="export_measures",
            detail={
                "measures": [measure.id for measure in chosen],
                "from": str(first),
                "to": str(last),
                "by": breakdown_name(by),
                "rows": len(rates),
            },
        )
    return write_csv(rates, out)

"""Computing measures: every measure, every month, any one or two breakdowns, in SQL.

One query per population and breakdown: the rows of the period are grouped by month and
the breakdown's groups, and each measure's numerator and denominator are conditional
counts in the same query, so adding a measure adds no scan.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from django.db.models import QuerySet

from tandem.core import disclosure
from tandem.measures import summary
from tandem.measures.counting import ALL, grouped_counts
from tandem.measures.definitions import Measure, all_measures
from tandem.measures.dimensions import DIMENSIONS, NOT_KNOWN
from tandem.measures.populations import POPULATIONS, Population
from tandem.measures.stats import wilson_interval
from tandem.records.models import Area, Organisation, Pregnancy


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> "Month":
        """'YYYY-MM'; raises ValueError naming the expected form."""
        try:
            year, month = (int(part) for part in text.split("-"))
            date(year, month, 1)
        except ValueError:
            raise ValueError(f"'{text}' is not a month in the form YYYY-MM") from None
        return cls(year, month)

    @classmethod
    def of(cls, day: date) -> "Month":
        return cls(day.year, day.month)

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    def next(self) -> "Month":
        return Month(self.year + self.month // 12, self.month % 12 + 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def months_between(first: Month, last: Month) -> list[Month]:
    months, month = [], first
    while month <= last:
        months.append(month)
        month = month.next()
    return months


@dataclass(frozen=True)
class Rate:
    """One measure for one month and one group of a breakdown. `rounded`: the counts are
    published (the small-number rule applied). `low_data_quality`: a published provider's
    rate withheld because its data-quality gate fails (its counts are still told)."""

    measure: Measure
    period: Month
    dimension: str
    group: tuple[str, ...]
    numerator: int
    denominator: int
    rounded: bool = False
    low_data_quality: bool = False

    @property
    def value(self) -> float | None:
        if self.low_data_quality:
            return None
        return self.measure.scaled(self.numerator, self.denominator)

    @property
    def interval(self) -> tuple[float, float] | None:
        """The 95% Wilson interval in the measure's unit."""
        if self.denominator == 0 or self.low_data_quality:
            return None
        low, high = wilson_interval(self.numerator, self.denominator)
        return low * self.measure.unit.multiplier, high * self.measure.unit.multiplier

    @property
    def group_label(self) -> str:
        return " × ".join(self.group) if self.group else "All"

    def published(self) -> "Rate":
        """The NHS small-number rule applied to both counts; the rate then follows them."""
        return replace(
            self,
            numerator=disclosure.rounded(self.numerator),
            denominator=disclosure.rounded(self.denominator),
            rounded=True,
        )


def dimension_name(by: Sequence[str]) -> str:
    return " × ".join(by) if by else ALL


def check_breakdown(by: Sequence[str]) -> None:
    if len(by) > 2:
        raise ValueError("Break a measure down by at most two dimensions at once")
    unknown = [name for name in by if name not in DIMENSIONS]
    if unknown:
        raise ValueError(f"No breakdown '{unknown[0]}': choose from {', '.join(DIMENSIONS)}")
    if len(set(by)) != len(by):
        raise ValueError("Choose two different breakdowns")


def compute(
    measures: Iterable[Measure] | None = None,
    *,
    first: Month,
    last: Month,
    by: Sequence[str] = (),
    pregnancies: QuerySet[Pregnancy] | None = None,
) -> list[Rate]:
    """Every measure for every month from `first` to `last`, by up to two breakdowns.

    `pregnancies` limits the count to a scope (a team leader's areas). A month or group
    with no rows in a measure's denominator is left out rather than reported as 0 of 0.

    "All" and single breakdowns of the whole LMNS are read from the maintained monthly
    summary (`summary.py`), refreshed first; it holds exactly what `compute_from_records`
    counts. Two breakdowns at once and scoped counts are counted on the records."""
    return _compute(measures, first, last, by, pregnancies, use_summary=True)


def compute_from_records(
    measures: Iterable[Measure] | None = None,
    *,
    first: Month,
    last: Month,
    by: Sequence[str] = (),
    pregnancies: QuerySet[Pregnancy] | None = None,
) -> list[Rate]:
    """`compute` by the plain queries on the records, never the summary."""
    return _compute(measures, first, last, by, pregnancies, use_summary=False)


def _compute(
    measures: Iterable[Measure] | None,
    first: Month,
    last: Month,
    by: Sequence[str],
    pregnancies: QuerySet[Pregnancy] | None,
    *,
    use_summary: bool,
) -> list[Rate]:
    check_breakdown(by)
    chosen = list(measures) if measures is not None else list(all_measures().values())
    by_population: dict[str, list[Measure]] = {}
    for measure in chosen:
        by_population.setdefault(measure.population, []).append(measure)
    from_whole_lmns = use_summary and len(by) <= 1 and pregnancies is None
    held = summary.refresh(by_population.keys()) if from_whole_lmns else {}
    from_summary: dict[Measure, int] = {}  # each measure's place in its population's counts
    rates: list[Rate] = []
    for population_name, population_measures in by_population.items():
        plan = held.get(population_name)
        if plan and all(measure in plan.measures for measure in population_measures):
            from_summary.update({m: plan.measures.index(m) for m in population_measures})
        else:
            rates.extend(
                _count_population(
                    POPULATIONS[population_name], population_measures, first, last, by, pregnancies
                )
            )
    order = {measure.id: index for index, measure in enumerate(chosen)}
    summarised = _read_summary(from_summary, first, last, by, order) if from_summary else []
    if not rates:
        return summarised  # already in order, and sorting Rates costs more than reading them
    rates.extend(summarised)
    rates.sort(key=lambda rate: (order[rate.measure.id], rate.period, rate.group))
    return rates


def _count_population(
    population: Population,
    measures: list[Measure],
    first: Month,
    last: Month,
    by: Sequence[str],
    pregnancies: QuerySet[Pregnancy] | None,
) -> list[Rate]:
    rows = population.rows().filter(
        **{
            f"{population.event_date}__gte": first.first_day,
            f"{population.event_date}__lt": last.next().first_day,
        }
    )
    if pregnancies is not None:
        rows = rows.filter(**{f"{population.paths.pregnancy}pk__in": pregnancies.values("pk")})
    labels = _labeller(by)
    dimension = dimension_name(by)
    rates = []
    for row in grouped_counts(population, measures, by, rows):
        period = Month.of(row["period"])
        group = tuple(labels[index](row[f"group_{index}"]) for index in range(len(by)))
        for measure in measures:
            denominator = row[f"{measure.id}__den"]
            if denominator:
                rates.append(
                    Rate(measure, period, dimension, group, row[f"{measure.id}__num"], denominator)
                )
    return rates


def _read_summary(
    measures: dict[Measure, int],
    first: Month,
    last: Month,
    by: Sequence[str],
    order: dict[str, int],
) -> list[Rate]:
    """The summary's rates in `compute`'s order: measure, then month, then group."""
    dimension = dimension_name(by)
    cells = summary.read(
        {measure.population for measure in measures}, dimension, first.first_day, last.first_day
    )
    label = _labeller(by, stored=True)[0] if by else None
    groups = {value: (label(value),) if label else () for value in {cell[2] for cell in cells}}
    months = {period: Month.of(_as_date(period)) for period in {cell[1] for cell in cells}}
    cells.sort(key=lambda cell: (cell[1], groups[cell[2]]))
    by_population: dict[str, list] = {}
    for population, period, value, counts in cells:
        by_population.setdefault(population, []).append((months[period], groups[value], counts))
    rates = []
    for measure in sorted(measures, key=lambda measure: order[measure.id]):
        numerator = 2 * measures[measure]
        denominator = numerator + 1
        rates += [
            Rate(measure, period, dimension, group, counts[numerator], counts[denominator])
            for period, group, counts in by_population.get(measure.population, ())
            if counts[denominator]
        ]
    return rates


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def _labeller(by: Sequence[str], *, stored: bool = False):
    """Group codes to the labels people read: names for providers and areas. `stored`:
    the codes as the summary keeps them, as text."""
    labellers = []
    for name in by:
        if name in ("provider", "area"):
            model = Organisation if name == "provider" else Area
            names = {
                str(pk) if stored else pk: label
                for pk, label in model.objects.values_list("pk", "name")
            }
            labellers.append(lambda value, names=names: names.get(value, NOT_KNOWN))
        else:
            labellers.append(DIMENSIONS[name].label_of)
    return labellers

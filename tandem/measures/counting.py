"""The one SQL query behind every count: a population's rows grouped by month and the
groups of a breakdown, each measure's numerator and denominator a conditional count.

Both ways of computing measures use it: straight from the records (`services`) and the
maintained monthly summary (`summary`), so the two cannot count differently.
"""

from collections.abc import Iterable, Sequence
from datetime import date

from django.db.models import DateField, Func, Q, QuerySet

from tandem.measures.definitions import Measure
from tandem.measures.dimensions import DIMENSIONS
from tandem.measures.population import Population

ALL = "all"  # the dimension of rates not broken down


class MonthStart(Func):
    """The first day of a date's month, in SQL each database runs natively (Django's
    TruncMonth calls back into Python for every row on SQLite)."""

    template = "date_trunc('month', %(expressions)s)::date"
    output_field = DateField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template="date(%(expressions)s, 'start of month')")


def in_months(population: Population, months: Iterable[date]) -> Q:
    """Rows whose event date falls in any of the months (given by their first days)."""
    condition = Q()
    for first_day in months:
        following = date(first_day.year + first_day.month // 12, first_day.month % 12 + 1, 1)
        condition |= Q(
            **{
                f"{population.event_date}__gte": first_day,
                f"{population.event_date}__lt": following,
            }
        )
    return condition


def grouped_counts(
    population: Population, measures: Sequence[Measure], by: Sequence[str], rows: QuerySet
) -> QuerySet:
    """One row per month and group: `period`, `group_0`.. (group codes) and, per measure,
    `<id>__num` and `<id>__den`."""
    group_keys = {"period": MonthStart(population.event_date)}
    for index, name in enumerate(by):
        group_keys[f"group_{index}"] = DIMENSIONS[name].expression(population.paths)
    counts = {}
    for measure in measures:
        denominator = population.condition(measure.denominator)
        counts[f"{measure.id}__den"] = population.count(denominator)
        counts[f"{measure.id}__num"] = population.count(
            denominator & population.condition(measure.numerator)
        )
    return rows.annotate(**group_keys).values(*group_keys).annotate(**counts).order_by()

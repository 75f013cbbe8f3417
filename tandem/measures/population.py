"""What a measure counts: a table, the date that puts a row in a month, how to count
(babies as rows, women giving birth as distinct labours) and a registry of named
criteria, each a Q on that table, which the definition files compose."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from tandem.measures.dimensions import Paths
from tandem.records.codes import SmokingStatus

KNOWN_SMOKING = (SmokingStatus.SMOKER, SmokingStatus.NON_SMOKER, SmokingStatus.EX_SMOKER)


@dataclass(frozen=True)
class Population:
    name: str
    label: str
    rows: Callable[[], QuerySet]
    event_date: str
    paths: Paths
    criteria: dict[str, Q]
    # Count rows, or distinct values of a field (women giving birth: distinct labours).
    distinct: str | None = None

    def count(self, condition: Q) -> Count:
        if self.distinct:
            return Count(self.distinct, distinct=True, filter=condition)
        return Count("pk", filter=condition)

    def condition(self, names: tuple[str, ...]) -> Q:
        combined = Q()
        for name in names:
            combined &= self.criteria[name]
        return combined


def between(field_name: str, bounds: tuple[int, int]) -> Q:
    return Q(**{f"{field_name}__gte": bounds[0], f"{field_name}__lte": bounds[1]})

"""Monthly rates as NHS Digital publishes them, for figures that leave Tandem
(`export_measures --publish`).

Domain reference, sections 2.2 and 8:

- Every count is rounded by the small-number rule (`Rate.published`), and the rate and its
  interval are worked out from the rounded counts.
- A provider's rate is shown only when its data-quality gate for the measure and month
  passes: a failing provider keeps its rounded counts but no rate (`Rate.low_data_quality`).
- The LMNS total ("all") is the sum of the providers' rounded counts, over the providers
  whose gate passes (or which the measure does not gate), so it matches the published
  provider rows it is made of and leaves out figures the gates say not to trust.

Other breakdowns (area, ethnic group, deprivation...) are not published by NHS Digital;
their groups' counts are rounded as they stand.
"""

from collections.abc import Sequence
from dataclasses import replace

from django.db.models import QuerySet

from tandem.measures import quality
from tandem.measures.counting import ALL
from tandem.measures.definitions import Measure
from tandem.measures.services import Month, Rate, compute
from tandem.records.models import Pregnancy

PROVIDER = ("provider",)


def published_rates(
    measures: Sequence[Measure],
    *,
    first: Month,
    last: Month,
    by: Sequence[str],
    pregnancies: QuerySet[Pregnancy] | None = None,
) -> list[Rate]:
    """Every measure for every month from `first` to `last` by the breakdown, published."""
    if tuple(by) not in ((), PROVIDER):
        rates = compute(measures, first=first, last=last, by=by, pregnancies=pregnancies)
        return [rate.published() for rate in rates]
    by_provider = compute(measures, first=first, last=last, by=PROVIDER, pregnancies=pregnancies)
    failing = _failing_providers(measures, first, last)
    providers = [
        replace(
            rate.published(),
            low_data_quality=rate.group[0] in failing[rate.measure.id, rate.period],
        )
        for rate in by_provider
    ]
    return providers if by else _totals(providers)


def _failing_providers(
    measures: Sequence[Measure], first: Month, last: Month
) -> dict[tuple[str, Month], set[str]]:
    """The names of the providers whose gate fails, per measure and month."""
    return {
        (measure_id, month): {gate.provider_name for gate in gates if gate.passed is False}
        for month, by_measure in quality.monthly_gates(measures, first=first, last=last).items()
        for measure_id, gates in by_measure.items()
    }


def _totals(providers: list[Rate]) -> list[Rate]:
    """The passing providers' rounded counts summed per measure and month, in the order
    the provider rows come (measure, then month). A month with no passing provider's
    births is left out, as `compute` leaves out a month with none."""
    totals: dict[tuple[str, Month], Rate] = {}
    for rate in providers:
        if rate.low_data_quality:
            continue
        key = (rate.measure.id, rate.period)
        total = totals.get(key)
        totals[key] = (
            replace(rate, dimension=ALL, group=())
            if total is None
            else replace(
                total,
                numerator=total.numerator + rate.numerator,
                denominator=total.denominator + rate.denominator,
            )
        )
    return [total for total in totals.values() if total.denominator]

"""The demo providers' expected deliveries: the HES baseline of the data-quality coverage
checks (tandem/measures/quality.py), so the gates mean something in the demo.

The real trusts' published deliveries (about 3,000 to 9,000 a year) would fail every
coverage check against a demo of a few thousand pregnancies, so each provider's figure is
its own generated deliveries in the year up to `today`: the births a full year of the demo
holds (the generator's births are steady over that year, see pregnancies.py). The figure is
recorded for every financial year the generated births fall in.
"""

from datetime import date, timedelta

from django.db.models import Count, Max, Min

from tandem.demo.lmns import PROVIDERS
from tandem.measures.models import ExpectedDeliveries
from tandem.measures.quality import financial_year
from tandem.outcomes.models import LabourDelivery
from tandem.records.models import Organisation

YEAR_DAYS = 365


def record_expected_deliveries(today: date) -> int:
    """Record each demo provider's deliveries in the year up to `today`; returns the number
    of rows written (none for a provider with no births in that year)."""
    labours = LabourDelivery.objects.filter(
        pregnancy__provider__ods_code__in=[spec.ods_code for spec in PROVIDERS],
        birth_date__isnull=False,
    )
    span = labours.aggregate(first=Min("birth_date"), last=Max("birth_date"))
    if span["first"] is None:
        return 0
    in_last_year = (
        labours.filter(birth_date__gt=today - timedelta(days=YEAR_DAYS), birth_date__lte=today)
        .values("pregnancy__provider")
        .annotate(deliveries=Count("pk"))
        .values_list("pregnancy__provider", "deliveries")
    )
    years = range(financial_year(span["first"]), financial_year(span["last"]) + 1)
    providers = Organisation.objects.in_bulk([provider_id for provider_id, _ in in_last_year])
    rows = [
        ExpectedDeliveries(provider=providers[provider_id], year=year, deliveries=deliveries)
        for provider_id, deliveries in in_last_year
        for year in years
    ]
    ExpectedDeliveries.objects.bulk_create(rows)
    return len(rows)

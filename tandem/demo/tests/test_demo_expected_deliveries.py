"""The demo records each maternity provider's expected deliveries (the HES baseline of the
data-quality coverage checks) from its own generated births, so the gates mean something."""

from datetime import date, timedelta

import pytest

from tandem.demo.lmns import PROVIDERS
from tandem.demo.tests.support import generate
from tandem.measures.definitions import measure
from tandem.measures.models import ExpectedDeliveries
from tandem.measures.quality import financial_year, provider_gates
from tandem.measures.services import Month
from tandem.outcomes.models import LabourDelivery

pytestmark = pytest.mark.django_db

TODAY = date(2025, 6, 15)


def test_demo_records_expected_deliveries_for_every_provider():
    generate(600, seed=21, today=TODAY)

    births = LabourDelivery.objects.order_by("birth_date").values_list("birth_date", flat=True)
    years = list(range(financial_year(births.first()), financial_year(births.last()) + 1))
    for spec in PROVIDERS:
        recorded = ExpectedDeliveries.objects.filter(provider__ods_code=spec.ods_code)
        assert list(recorded.values_list("year", flat=True)) == years
        in_last_year = LabourDelivery.objects.filter(
            pregnancy__provider__ods_code=spec.ods_code,
            birth_date__gt=TODAY - timedelta(days=365),
            birth_date__lte=TODAY,
        ).count()
        assert in_last_year > 0
        assert set(recorded.values_list("deliveries", flat=True)) == {in_last_year}


def test_demo_coverage_gates_pass_in_a_full_month():
    generate(600, seed=21, today=TODAY)
    gates = provider_gates(measure("pph_1500"), period=Month(2025, 5))
    assert len(gates) == len(PROVIDERS)
    for gate in gates:
        coverage = gate.results[0]
        assert coverage.check.id == "10"
        assert coverage.passed, (gate.provider_name, coverage.value_text)

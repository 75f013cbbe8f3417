"""A provider's gate over a span of months, to stand beside a rate pooled over the same
months: judged month by month, and told in a line naming how many months fail and the
latest of them.

Haemorrhage of 1,500 ml or more; each provider expects 122 deliveries a year (10 in
April, 10 in May). Ten women with 300 or 600 ml pass every check; ten who all lose
1,600 ml fail DQ11 and DQ12 (more than 60% at 500 ml, and 20% at 1,500 ml, or more).
"""

from datetime import date

import pytest

from tandem.measures.definitions import measure
from tandem.measures.models import ExpectedDeliveries
from tandem.measures.quality import gates_over_span, monthly_gates
from tandem.measures.services import Month
from tandem.measures.tests.factories import give_birth
from tandem.records.tests.factories import OrganisationFactory, PregnancyFactory

pytestmark = pytest.mark.django_db

APRIL, MAY = Month(2025, 4), Month(2025, 5)


def _over_span(measure_id: str, first: Month, last: Month) -> dict[str, str]:
    months = monthly_gates([measure(measure_id)], first=first, last=last)
    return gates_over_span([by_measure[measure_id] for by_measure in months.values()])


@pytest.fixture
def providers():
    made = {}
    for code, name in (("RWJ", "Stockport"), ("RMP", "Tameside")):
        made[name] = OrganisationFactory(ods_code=code, name=name)
        ExpectedDeliveries.objects.create(provider=made[name], year=2025, deliveries=122)
    return made


def _births(provider, on: date, *blood_losses: int) -> None:
    for blood_loss_ml in blood_losses:
        give_birth(on, pregnancy=PregnancyFactory(provider=provider), blood_loss_ml=blood_loss_ml)


def _good_month(provider, on: date) -> None:
    _births(provider, on, *[300] * 5, *[600] * 5)


def test_a_provider_passing_every_month_says_so(providers):
    for on in (date(2025, 4, 10), date(2025, 5, 10)):
        _good_month(providers["Stockport"], on)

    gates = _over_span("pph_1500", APRIL, MAY)

    assert gates["Stockport"] == "Passed in all 2 months"


def test_failing_and_silent_months_are_counted_with_the_latest_named(providers):
    _good_month(providers["Stockport"], date(2025, 4, 10))
    _births(providers["Stockport"], date(2025, 5, 10), *[1600] * 10)
    _good_month(providers["Tameside"], date(2025, 4, 10))

    gates = _over_span("pph_1500", APRIL, MAY)

    assert gates["Stockport"] == "Low data quality in 1 of 2 months (latest May 2025)"
    assert gates["Tameside"] == "No records in 1 of 2 months (latest May 2025)"


def test_one_month_is_told_as_that_months_gate(providers):
    _births(providers["Stockport"], date(2025, 5, 10), *[1600] * 10)

    gates = _over_span("pph_1500", MAY, MAY)

    assert gates["Stockport"] == (
        "Low data quality: failed DQ11 Blood loss of 500 ml or more (100.0%; threshold at most "
        "60%); DQ12 Blood loss of 1,500 ml or more (100.0%; threshold at most 20%)"
    )
    assert gates["Tameside"] == "Did not submit: no records in May 2025"


def test_a_measure_without_checks_has_no_gate(providers):
    gates = _over_span("readmission_30d", APRIL, MAY)

    assert set(gates.values()) == {"No data-quality checks defined"}

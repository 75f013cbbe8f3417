"""A provider with no records in the month is flagged as not submitting (NHS Digital's DNS),
apart from one whose records fail a check; the overview names both kinds."""

from datetime import date

import pytest

from tandem.measures.definitions import measure
from tandem.measures.models import ExpectedDeliveries
from tandem.measures.quality import (
    DID_NOT_SUBMIT,
    LOW_DATA_QUALITY,
    PASSED,
    provider_gates,
    summarise_gates,
)
from tandem.measures.services import Month
from tandem.measures.tests.factories import give_birth
from tandem.records.tests.factories import OrganisationFactory, PregnancyFactory

pytestmark = pytest.mark.django_db

APRIL_2025 = Month(2025, 4)


@pytest.fixture
def providers():
    stockport = OrganisationFactory(ods_code="RWJ", name="Stockport")
    tameside = OrganisationFactory(ods_code="RMP", name="Tameside")
    for provider in (stockport, tameside):
        ExpectedDeliveries.objects.create(provider=provider, year=2025, deliveries=122)
    return stockport, tameside


def _births(provider, count: int, on: date, **fields) -> None:
    for _ in range(count):
        give_birth(on, pregnancy=PregnancyFactory(provider=provider), **fields)


def _verdicts(measure_id: str) -> dict[str, str]:
    gates = provider_gates(measure(measure_id), period=APRIL_2025)
    return {gate.provider_name: gate.verdict for gate in gates}


def test_a_provider_without_records_did_not_submit(providers):
    stockport, _ = providers
    # 10 women against FLOOR(122 x 30 / 365) = 10 expected; 5 of 10 lost 500 ml or more.
    _births(stockport, 5, date(2025, 4, 10), blood_loss_ml=300)
    _births(stockport, 5, date(2025, 4, 10), blood_loss_ml=600)

    gates = {
        gate.provider_name: gate for gate in provider_gates(measure("pph_1500"), period=APRIL_2025)
    }

    assert gates["Stockport"].verdict == PASSED
    assert gates["Tameside"].verdict == DID_NOT_SUBMIT
    assert gates["Tameside"].summary == "Did not submit: no records in April 2025"
    assert summarise_gates(list(gates.values())) == (
        "Passed at every provider with records; no records from Tameside"
    )


def test_records_only_in_the_six_months_before_are_not_a_submission(providers):
    _, tameside = providers
    # A haemorrhage in January passes the six-month check 13, but April has no records.
    _births(tameside, 1, date(2025, 1, 10), blood_loss_ml=1600)

    assert _verdicts("pph_1500")["Tameside"] == DID_NOT_SUBMIT


def test_low_data_quality_and_no_records_are_named_apart(providers):
    stockport, _ = providers
    _births(stockport, 10, date(2025, 4, 10), blood_loss_ml=1600)  # DQ12: all over 20%

    gates = provider_gates(measure("pph_1500"), period=APRIL_2025)

    assert [gate.verdict for gate in gates] == [LOW_DATA_QUALITY, DID_NOT_SUBMIT]
    assert summarise_gates(gates) == "Low data quality at Stockport; no records from Tameside"

"""Tandem's own data-quality check T1: birth without intervention counts a birth only when
its episiotomy and anaesthetic are recorded, so a provider that leaves them out has its
BWOI marked as low data quality instead of reading as a fall in care.

Counts are multiples of 5 so the small-number rule leaves them as they are.
"""

from datetime import date
from decimal import Decimal

import pytest

from tandem.measures.definitions import measure
from tandem.measures.quality import gate_for
from tandem.measures.services import Month
from tandem.measures.tests.factories import PRE_LABOUR_CAESAREAN, give_birth
from tandem.outcomes.models import LabourAnaesthesia
from tandem.records.tests.factories import OrganisationFactory, PregnancyFactory

pytestmark = pytest.mark.django_db

APRIL_2025 = Month(2025, 4)
IN_APRIL = date(2025, 4, 10)


@pytest.fixture
def provider():
    return OrganisationFactory(ods_code="RWJ", name="Stockport NHS Foundation Trust")


def _births(provider, count: int, **fields) -> None:
    for _ in range(count):
        give_birth(IN_APRIL, pregnancy=PregnancyFactory(provider=provider), **fields)


def _t1(provider):
    gate = gate_for(measure("bwoi"), provider, APRIL_2025)
    return next(result for result in gate.results if result.check.id == "T1"), gate


def test_counts_the_bwoi_denominator_only_and_fails_below_70_percent(provider):
    _births(provider, 10)  # both recorded
    _births(provider, 5, episiotomy=None)  # 10 of 15 = 0.667 would fail ...
    _births(provider, 5, onset=PRE_LABOUR_CAESAREAN, anaesthesia="")  # ... but not counted

    result, _ = _t1(provider)

    assert (result.numerator, result.denominator) == (10, 15)
    assert result.ratio == Decimal("0.667")
    assert not result.passed


def test_fails_and_names_the_check_when_the_anaesthetic_is_not_recorded(provider):
    _births(provider, 5, anaesthesia=LabourAnaesthesia.EPIDURAL)
    _births(provider, 5, anaesthesia="")

    result, gate = _t1(provider)

    assert (result.numerator, result.denominator) == (5, 10)
    assert not result.passed
    assert "T1 Episiotomy and anaesthetic recorded (50.0%; threshold at least 70%)" in (
        gate.summary
    )


def test_every_birth_recorded_passes(provider):
    _births(provider, 10, anaesthesia=LabourAnaesthesia.EPIDURAL, episiotomy=True)

    result, _ = _t1(provider)

    assert result.ratio == Decimal("1.000") and result.passed

"""Gates over a span of months (the funnel's gate column, the published export) are each
month's own gates, all counted by one query per table grouped by month: a six-month check's
window is summed from its months, except for counts of women, which months cannot add up
and are counted once per month.

Haemorrhage of 1,500 ml or more; Stockport expects 122 deliveries a year, so
FLOOR(122 x 30 / 365) = 10 in April and FLOOR(122 x 31 / 365) = 10 in May. Ten women with
300 or 600 ml pass every check; ten who all lose 1,600 ml fail DQ11 (more than 60% at
500 ml) and DQ12 (more than 20% at 1,500 ml).
"""

from dataclasses import replace
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tandem.measures.definitions import measure
from tandem.measures.models import ExpectedDeliveries
from tandem.measures.quality import (
    CHECKS,
    DID_NOT_SUBMIT,
    LOW_DATA_QUALITY,
    PASSED,
    Window,
    checks_of,
    monthly_gates,
)
from tandem.measures.services import Month
from tandem.measures.tests.factories import give_birth
from tandem.records.tests.factories import OrganisationFactory, PregnancyFactory

pytestmark = pytest.mark.django_db

APRIL, MAY, JUNE = Month(2025, 4), Month(2025, 5), Month(2025, 6)


@pytest.fixture
def stockport():
    provider = OrganisationFactory(ods_code="RWJ", name="Stockport")
    ExpectedDeliveries.objects.create(provider=provider, year=2025, deliveries=122)
    return provider


def _births(provider, on: date, *blood_losses: int) -> None:
    for blood_loss_ml in blood_losses:
        give_birth(on, pregnancy=PregnancyFactory(provider=provider), blood_loss_ml=blood_loss_ml)


def test_each_months_gate_counts_only_that_months_records(stockport):
    _births(stockport, date(2025, 4, 30), *[300] * 5, *[600] * 5)
    _births(stockport, date(2025, 5, 1), *[1600] * 10)

    months = monthly_gates([measure("pph_1500")], first=APRIL, last=JUNE)

    (april,), (may,), (june,) = (months[month]["pph_1500"] for month in (APRIL, MAY, JUNE))
    assert [april.verdict, may.verdict, june.verdict] == [PASSED, LOW_DATA_QUALITY, DID_NOT_SUBMIT]
    april_results = {result.check.id: result for result in april.results}
    may_results = {result.check.id: result for result in may.results}
    # DQ10: 10 women giving birth against the 10 expected, in each month alone
    assert (april_results["10"].numerator, april_results["10"].denominator) == (10, 10)
    assert (may_results["10"].numerator, may_results["10"].denominator) == (10, 10)
    # DQ11: April's 5 of 10 at 500 ml or more pass; May's 10 of 10 fail
    assert april_results["11"].ratio == 0.5 and april_results["11"].passed
    assert [result.check.id for result in may.failing] == ["11", "12"]
    # DQ13 over January to June still finds April's and May's haemorrhages
    june_results = {result.check.id: result for result in june.results}
    assert june_results["13"].passed
    assert june_results["13"].window_text == "January 2025 to June 2025"
    assert (june_results["10"].numerator, june_results["10"].denominator) == (0, 10)


def _queries(measure_id: str, months: int) -> int:
    last = APRIL
    for _ in range(months - 1):
        last = last.next()
    with CaptureQueriesContext(connection) as captured:
        monthly_gates([measure(measure_id)], first=APRIL, last=last)
    return len(captured.captured_queries)


def test_one_month_checks_take_the_same_queries_for_a_year_as_for_a_month(stockport):
    preterm_windows = {check.window for check in checks_of(measure("preterm"))}
    assert preterm_windows == {Window.MONTH}

    assert _queries("preterm", 12) == _queries("preterm", 1)


def test_a_six_month_window_is_summed_from_the_months_it_covers(stockport):
    _births(stockport, date(2025, 4, 15), 1600)  # the only haemorrhage
    last = Month(2025, 10)

    months = monthly_gates([measure("pph_1500")], first=APRIL, last=last)

    def dq13(month: Month):
        (gate,) = months[month]["pph_1500"]
        return next(result for result in gate.results if result.check.id == "13")

    # April is in the six months to September (April to September), not to October
    assert dq13(Month(2025, 9)).value_text == "Yes"
    assert dq13(Month(2025, 9)).window_text == "April 2025 to September 2025"
    assert dq13(last).value_text == "None recorded"
    assert not dq13(last).passed


def test_six_month_checks_of_whether_any_take_the_same_queries_for_a_year(stockport):
    six_month_checks = [
        check for check in checks_of(measure("pph_1500")) if check.window is not Window.MONTH
    ]
    assert [check.id for check in six_month_checks] == ["13"]
    assert six_month_checks[0].adds_up_over_months

    assert _queries("pph_1500", 12) == _queries("pph_1500", 1)


def test_women_over_six_months_are_counted_once_more_for_each_further_month(stockport, monkeypatch):
    # DQ10 counts women giving birth; over six months one woman could be in two months
    women_over_six_months = replace(CHECKS["10"], window=Window.LAST_6_MONTHS)
    assert not women_over_six_months.adds_up_over_months
    monkeypatch.setitem(CHECKS, "10", women_over_six_months)

    assert _queries("pph_1500", 12) == _queries("pph_1500", 1) + 11

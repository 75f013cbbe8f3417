"""NHS Digital's data-quality gates (domain reference, section 2.2): each threshold type at
its edge, the HES floor, the small-number rounding before the ratio, the six-month window
of 13 and 21, and whole gates per provider through `provider_gates` and `gate_for`.

Every ratio below is worked by hand from counts that are already multiples of 5 (so the
small-number rule leaves them alone) unless the test is about that rounding.
"""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from tandem.measures.definitions import all_measures, measure
from tandem.measures.models import ExpectedDeliveries
from tandem.measures.quality import (
    CHECKS,
    NO_CHECKS,
    NO_EXPECTED_DELIVERIES,
    checks_of,
    financial_year,
    gate_for,
    hes_denominator,
    judge,
    provider_gates,
)
from tandem.measures.services import Month
from tandem.measures.tests.factories import give_birth
from tandem.records.codes import SmokingStatus
from tandem.records.models import OrganisationKind
from tandem.records.tests.factories import OrganisationFactory, PregnancyFactory

APRIL_2025 = Month(2025, 4)  # 30 days
IN_APRIL = date(2025, 4, 10)


def _threshold(check_id: str):
    return CHECKS[check_id].threshold


# --- Each threshold type at its edge ------------------------------------------------------


def test_at_least_70_percent_passes_at_0_700_and_fails_at_0_699():
    assert judge(_threshold("04"), 3500, 5000) == (Decimal("0.700"), True)  # 3500/5000
    assert judge(_threshold("04"), 3495, 5000) == (Decimal("0.699"), False)  # 3495/5000


def test_ratio_is_rounded_half_up_to_three_places_before_the_test():
    # 6995 / 10000 = 0.6995, which rounds half up (as Spark's round does) to 0.700
    assert judge(_threshold("15"), 6995, 10000) == (Decimal("0.700"), True)


def test_vaginal_share_must_be_strictly_more_than_40_percent():
    for check_id in ("18", "34"):
        assert judge(_threshold(check_id), 2000, 5000) == (Decimal("0.400"), False)
        assert judge(_threshold(check_id), 2005, 5000) == (Decimal("0.401"), True)


def test_smokers_among_known_must_be_between_half_a_percent_and_half():
    for check_id in ("05", "07"):
        threshold = _threshold(check_id)
        assert judge(threshold, 20, 5000) == (Decimal("0.004"), False)
        assert judge(threshold, 25, 5000) == (Decimal("0.005"), True)
        assert judge(threshold, 2500, 5000) == (Decimal("0.500"), True)
        assert judge(threshold, 2505, 5000) == (Decimal("0.501"), False)


def test_blood_loss_of_500_ml_must_be_at_most_60_percent():
    assert judge(_threshold("11"), 3000, 5000) == (Decimal("0.600"), True)
    assert judge(_threshold("11"), 3005, 5000) == (Decimal("0.601"), False)


def test_zero_previous_births_must_be_between_20_and_70_percent():
    for check_id in ("28", "37"):
        assert judge(_threshold(check_id), 995, 5000) == (Decimal("0.199"), False)
        assert judge(_threshold(check_id), 1000, 5000) == (Decimal("0.200"), True)
        assert judge(_threshold(check_id), 3500, 5000) == (Decimal("0.700"), True)
        assert judge(_threshold(check_id), 3505, 5000) == (Decimal("0.701"), False)


def test_at_least_one_recorded_must_be_1():
    for check_id in ("13", "21"):
        # 1 of 1 is rounded to 5 of 5 by the small-number rule: still exactly 1
        assert judge(_threshold(check_id), 1, 1) == (Decimal("1.000"), True)
        assert judge(_threshold(check_id), 0, 1) == (Decimal("0.000"), False)


def test_counts_are_rounded_before_the_ratio():
    # 2 of 12 is 0.167, within 20%; rounded, 5 of 10 is 0.500, which fails
    assert judge(_threshold("12"), 2, 12) == (Decimal("0.500"), False)
    # 7 of 8 is 0.875; rounded, 5 of 10 is 0.500, which fails 70%
    assert judge(_threshold("08"), 7, 8) == (Decimal("0.500"), False)


def test_no_denominator_passes_only_with_a_numerator_and_no_upper_bound():
    assert judge(_threshold("09"), 0, 0) == (None, False)
    assert judge(_threshold("09"), 3, 0) == (None, True)
    assert judge(_threshold("11"), 3, 0) == (None, False)


def test_threshold_texts_say_the_bound_in_words():
    assert _threshold("04").text == "at least 70%"
    assert _threshold("03").text == "at least 50%"
    assert _threshold("18").text == "more than 40%"
    assert _threshold("05").text == "between 0.5% and 50%"
    assert _threshold("11").text == "at most 60%"
    assert _threshold("13").text == "must be 1 (at least one recorded)"


# --- HES arithmetic -----------------------------------------------------------------------


def test_hes_denominator_is_floored():
    # 3,000 a year over 31 days: 93,000 / 365 = 254.79..., floored to 254
    assert hes_denominator(3000, 31) == 254
    # 157 a year over 30 days: 4,710 / 365 = 12.90..., floored to 12 (not 13)
    assert hes_denominator(157, 30) == 12
    assert hes_denominator(365, 30) == 30


def test_financial_year_starts_in_april():
    assert financial_year(date(2025, 3, 31)) == 2024
    assert financial_year(date(2025, 4, 1)) == 2025


# --- Whole gates per provider -------------------------------------------------------------


@pytest.fixture
def stockport(db):
    return OrganisationFactory(ods_code="RWJ", name="Stockport NHS Foundation Trust")


def _births(provider, count: int, on: date = IN_APRIL, **labour_fields) -> None:
    for _ in range(count):
        give_birth(on, pregnancy=PregnancyFactory(provider=provider), **labour_fields)


def test_pph_gate_names_the_check_rounding_makes_fail(stockport):
    ExpectedDeliveries.objects.create(provider=stockport, year=2025, deliveries=157)
    _births(stockport, 1, blood_loss_ml=1600)
    _births(stockport, 2, blood_loss_ml=600)
    _births(stockport, 5, blood_loss_ml=300)

    (gate,) = provider_gates(measure("pph_1500"), period=APRIL_2025)

    results = {result.check.id: result for result in gate.results}
    assert list(results) == ["10", "11", "12", "13"]
    # DQ10: 8 women against FLOOR(157 x 30 / 365) = 12; rounded 10 of 10 = 1.000. Had the
    # HES figure been rounded rather than floored (13, shown as 15) it would be 0.667.
    assert (results["10"].numerator, results["10"].denominator) == (10, 10)
    assert results["10"].ratio == Decimal("1.000") and results["10"].passed
    # DQ11: 3 of 8 lost 500 ml or more; rounded 5 of 10 = 0.500, at most 60%
    assert results["11"].ratio == Decimal("0.500") and results["11"].passed
    # DQ12: 1 of 8 lost 1,500 ml or more (0.125); rounded 5 of 10 = 0.500, over 20%
    assert results["12"].ratio == Decimal("0.500") and not results["12"].passed
    assert results["13"].passed and results["13"].value_text == "Yes"
    assert gate.passed is False
    assert [result.check.id for result in gate.failing] == ["12"]
    assert gate.summary.startswith("Low data quality: failed DQ12 Blood loss of 1,500 ml")
    assert "threshold at most 20%" in gate.summary


def test_coverage_fails_with_a_reason_when_no_expected_deliveries_are_recorded(stockport):
    _births(stockport, 3, blood_loss_ml=600)
    gate = gate_for(measure("pph_1500"), stockport, APRIL_2025)
    coverage = gate.results[0]
    assert coverage.check.id == "10"
    assert not coverage.passed
    assert coverage.reason == NO_EXPECTED_DELIVERIES
    assert "No expected deliveries recorded" in gate.summary


def test_coverage_uses_the_latest_financial_year_recorded_up_to_the_month(stockport):
    # April 2025 is in 2025/26, not recorded: 2024/25 is used (365 a year: 30 in April)
    ExpectedDeliveries.objects.create(provider=stockport, year=2023, deliveries=3650)
    ExpectedDeliveries.objects.create(provider=stockport, year=2024, deliveries=365)
    ExpectedDeliveries.objects.create(provider=stockport, year=2026, deliveries=3650)
    _births(stockport, 25)
    result = gate_for(measure("pph_1500"), stockport, APRIL_2025).results[0]
    assert (result.numerator, result.denominator) == (25, 30)
    assert result.ratio == Decimal("0.833") and result.passed


def test_six_month_window_for_haemorrhage_ends_with_the_measures_month(stockport):
    _births(stockport, 10, blood_loss_ml=300)
    _births(stockport, 1, on=date(2024, 11, 1), blood_loss_ml=700)  # 6th month back
    result = {r.check.id: r for r in gate_for(measure("pph_1500"), stockport, APRIL_2025).results}
    assert result["13"].passed
    assert result["13"].window_text == "November 2024 to April 2025"
    assert not gate_for(measure("pph_1500"), stockport, Month(2025, 5)).results[3].passed


def test_tears_need_at_least_one_third_or_fourth_degree_tear_in_six_months(stockport):
    _births(stockport, 10)
    tears = measure("tears_3_4")
    assert not {r.check.id: r for r in gate_for(tears, stockport, APRIL_2025).results}["21"].passed
    _births(stockport, 1, on=date(2025, 1, 5), genital_tract_trauma="10217006")
    assert {r.check.id: r for r in gate_for(tears, stockport, APRIL_2025).results}["21"].passed


def test_smoking_booking_gate_counts_women_booked_in_the_month(stockport):
    ExpectedDeliveries.objects.create(provider=stockport, year=2025, deliveries=120)
    statuses = [SmokingStatus.SMOKER] + [SmokingStatus.NON_SMOKER] * 7 + [""] * 2
    for status in statuses:
        PregnancyFactory(provider=stockport, booking_date=IN_APRIL, smoking_status_booking=status)
    PregnancyFactory(provider=stockport, booking_date=date(2025, 5, 1))  # another month

    gate = gate_for(measure("smoking_booking"), stockport, APRIL_2025)

    results = {result.check.id: result for result in gate.results}
    # DQ03: 10 booked against FLOOR(120 x 30 / 365) = FLOOR(9.86) = 9, shown as 10: 1.000
    assert (results["03"].numerator, results["03"].denominator) == (10, 10)
    # DQ04: 8 of 10 known, rounded 10 of 10
    assert results["04"].ratio == Decimal("1.000")
    # DQ05: 1 smoker of 8 known, rounded 5 of 10 = 0.500: at the inclusive upper bound
    assert results["05"].ratio == Decimal("0.500") and results["05"].passed
    assert gate.passed is True
    assert gate.summary == "Data quality checks passed"


def test_babies_and_women_are_counted_differently(stockport):
    # Twins: two babies of one labour, not single births; one woman giving birth
    give_birth(
        IN_APRIL,
        pregnancy=PregnancyFactory(provider=stockport),
        babies=({"gestation_days": 100}, {"gestation_days": 100}),
    )
    _births(stockport, 10)
    results = {
        r.check.id: r for r in gate_for(measure("robson_01_cs"), stockport, APRIL_2025).results
    }
    assert results["31"].denominator == 10  # 12 babies shown as 10; 10 of them valid
    assert results["39"].denominator == 10  # 11 women giving birth, shown as 10
    valid_gestation = gate_for(measure("preterm"), stockport, APRIL_2025).results[1]
    assert valid_gestation.check.id == "22"
    assert (valid_gestation.numerator, valid_gestation.denominator) == (10, 10)  # twins left out


def test_provider_gates_list_every_maternity_provider_by_name(stockport):
    OrganisationFactory(ods_code="R0A", name="Manchester University NHS Foundation Trust")
    OrganisationFactory(
        ods_code="E08000007", name="Stockport Council", kind=OrganisationKind.LOCAL_AUTHORITY
    )
    gates = provider_gates(measure("pph_1500"), period=APRIL_2025)
    assert [gate.provider_name for gate in gates] == [
        "Manchester University NHS Foundation Trust",
        "Stockport NHS Foundation Trust",
    ]
    assert all(gate.period == APRIL_2025 for gate in gates)


def test_a_measure_without_checks_has_no_gate(stockport):
    without = replace(measure("pph_1500"), data_quality=())
    (gate,) = provider_gates(without, period=APRIL_2025)
    assert gate.has_checks is False
    assert gate.passed is None
    assert gate.summary == NO_CHECKS == "No data-quality checks defined"


def test_every_definition_names_only_known_checks():
    for definition in all_measures().values():
        assert [check.id for check in checks_of(definition)] == list(definition.data_quality)


def test_an_unknown_check_is_refused_naming_the_file():
    unknown = replace(measure("pph_1500"), data_quality=("10", "17"))
    with pytest.raises(ValueError, match=r"pph_1500.toml: data_quality: .* 17"):
        checks_of(unknown)


def test_every_reference_component_is_declared_with_a_plain_description():
    # 02 to 39 but 17, 19 and 35 (NHS Digital retired 19 and 35; 17 is not in the reference)
    expected = [f"{number:02d}" for number in range(2, 40) if number not in (17, 19, 35)]
    nhs_digital = sorted(check_id for check_id in CHECKS if check_id.isdigit())
    assert nhs_digital == expected
    for check in CHECKS.values():
        assert check.description and check.numerator_text and check.denominator_text
        if check.id.isdigit():
            assert check.source.startswith(f"NHS Digital CQIMDQ{check.id}")
            assert check.code == f"DQ{check.id}"
        else:
            assert check.source.startswith(f"Tandem's own check ({check.id})")
            assert check.code == check.id

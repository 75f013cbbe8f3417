"""Values MSDS allows but no birth can be classified by still import, so one such row does
not stop a whole extract: FetusPresentation 04 and XX (meanings not confirmed) and a
gestation at birth outside 141 to 315 days. They are kept as sent, leave the labour
unclassifiable in Robson, and the data-quality checks count them as NHS Digital does."""

import pytest

from tandem.measures.definitions import measure
from tandem.measures.quality import gate_for
from tandem.measures.services import Month
from tandem.outcomes.models import Baby, FetusPresentation, LabourDelivery, RobsonGroup
from tandem.outcomes.tests.test_import_support import (
    import_file,
    maternity_provider,
    row,
    women_rows,
    write_extract,
)

pytestmark = pytest.mark.django_db

FEBRUARY_2025 = Month(2025, 2)  # the sample row's birth


def _imported(tmp_path, **changes) -> LabourDelivery:
    import_file(write_extract(tmp_path / "extract.csv", [row(**changes)]))
    return LabourDelivery.objects.get()


def _import_women(tmp_path, count: int, **changes) -> None:
    import_file(write_extract(tmp_path / "extract.csv", women_rows(count, **changes)))


def _result(provider, measure_id: str, check_id: str):
    gate = gate_for(measure(measure_id), provider, FEBRUARY_2025)
    return next(result for result in gate.results if result.check.id == check_id)


@pytest.mark.parametrize("code", ["04", "XX"])
def test_presentation_04_or_xx_is_kept_and_leaves_the_labour_unclassifiable(tmp_path, code):
    maternity_provider()

    labour = _imported(tmp_path, FetusPresentation=code)

    baby = Baby.objects.get()
    assert baby.presentation == code
    assert baby.get_presentation_display() == f"MSDS code {code} (meaning not confirmed)"
    assert labour.robson_group == RobsonGroup.UNCLASSIFIABLE


@pytest.mark.parametrize("days", [0, 316, 999])
def test_a_gestation_no_birth_can_have_is_kept_and_leaves_the_labour_unclassifiable(tmp_path, days):
    maternity_provider()

    labour = _imported(tmp_path, GestationLengthBirth=str(days))

    assert Baby.objects.get().gestation_days == days
    assert labour.robson_group == RobsonGroup.UNCLASSIFIABLE


def test_presentation_04_and_xx_count_as_valid_for_the_presentation_check(tmp_path):
    provider = maternity_provider()

    _import_women(tmp_path, 10, FetusPresentation=FetusPresentation.CODE_XX)

    result = _result(provider, "bwoi", "25")
    assert (result.numerator, result.denominator, result.passed) == (10, 10, True)


def test_an_imported_gestation_beyond_315_days_fails_the_valid_gestation_check(tmp_path):
    provider = maternity_provider()

    _import_women(tmp_path, 10, GestationLengthBirth="320")

    result = _result(provider, "bwoi", "15")
    assert (result.numerator, result.denominator, result.passed) == (0, 10, False)

"""A bad value is reported with its row (file line), column and reason; nothing is imported."""

import pytest

from tandem.outcomes.msds_import import COLUMNS
from tandem.outcomes.tests.test_import_support import (
    import_failing,
    import_file,
    maternity_provider,
    row,
    write_extract,
)
from tandem.records.models import Pregnancy, Woman

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("column", "value", "reason"),
    [
        ("UniqPregID", "", "Enter the pregnancy ID"),
        ("NHSNumberMother", "9434765918", "the check digit does not match"),
        ("NHSNumberMother", "94347659", "Enter an NHS number of 10 digits"),
        ("PersonBirthDateMother", "01/05/1990", "'01/05/1990' is not a date as YYYY-MM-DD"),
        ("PersonBirthDateMother", "2020-01-01", "between 10 and 60 years old at the birth"),
        ("EthnicCategoryMother", "X", "'X' is not a ethnic category code"),
        ("Postcode", "SK3", "Enter a full UK postcode"),
        ("OrgCodeProvider", "RXX", "'RXX' is not the ODS code of a maternity provider"),
        ("EDDAgreed", "", "Enter the agreed estimated date of delivery"),
        ("AntenatalAppDate", "2025-03-01", "The booking date is after"),
        ("PreviousLiveBirths", "two", "Enter a whole number, 0 if none"),
        ("PreviousLiveBirths", "21", "Previous live births must be between 0 and 20"),
        ("PreviousCaesareanSections", "1", "cannot be more than previous births"),
        ("SmokingStatusBooking", "smoker", "'smoker' is not a smoking status code"),
        ("LabourOnsetMethod", "6", "'6' is not a labour onset method code"),
        ("LabourOnsetDate", "2025-02-27 06:00", "YYYY-MM-DDTHH:MM"),
        ("LabourOnsetDate", "2025-02-28T06:00", "Labour cannot start after the baby's birth"),
        ("GenitalTractTraumaticLesion", "123", "is not a genital tract trauma"),
        ("BloodLossMl", "-5", "Enter the blood loss in ml as a whole number"),
        ("PersonBirthDateBaby", "", "Enter the baby's date and time of birth"),
        ("PregOutcome", "05", "'05' is not a pregnancy outcome code"),
        ("DeliveryMethodCode", "10", "'10' is not a delivery method code"),
        ("FetusPresentation", "1", "'1' is not a fetal presentation code"),
        ("GestationLengthBirth", "1000", "must be between 0 and 999"),
        ("SettingPlaceBirth", "07", "'07' is not a place of birth code"),
        ("ApgarScore", "11", "The Apgar score must be between 0 and 10"),
        ("BirthWeight", "9998", "between 100 and 7000"),
        ("BabyFirstFeedIndCode", "04", "'04' is not a first feed code"),
        ("NeonatalCriticalCareAdmission", "Yes", "'Yes' is not a yes or no code (one of Y, N)"),
        ("FeedingAt6To8Weeks", "breast", "'breast' is not a feeding at 6 to 8 weeks code"),
    ],
)
def test_a_bad_value_is_reported_and_nothing_is_imported(tmp_path, column, value, reason):
    maternity_provider()
    second = row(**({"UniqPregID": "P2", "LabourDeliveryID": "L2"} | {column: value}))
    path = write_extract(tmp_path / "extract.csv", [row(), second])

    message, errors = import_failing(path)

    assert message.startswith("Nothing was imported")
    assert any(line.startswith(f"Row 3, {column}: ") and reason in line for line in errors), errors
    assert not Woman.objects.exists()
    assert not Pregnancy.objects.exists()


def test_every_problem_of_a_row_is_reported(tmp_path):
    maternity_provider()
    path = write_extract(
        tmp_path / "extract.csv", [row(ApgarScore="12", BirthWeight="heavy", PregOutcome="")]
    )

    _, errors = import_failing(path)

    assert errors[:3] == [
        "Row 2, PregOutcome: Enter the pregnancy outcome",
        "Row 2, ApgarScore: The Apgar score must be between 0 and 10",
        "Row 2, BirthWeight: Enter the birth weight in grams as a whole number",
    ]


def test_a_missing_or_unknown_column_stops_the_import(tmp_path):
    maternity_provider()
    columns = [column for column in COLUMNS if column != "ApgarScore"] + ["Apgar"]
    path = write_extract(tmp_path / "extract.csv", [row()], columns=columns)

    message, _ = import_failing(path)

    assert message == (
        "Row 1 (the header): columns missing ApgarScore; not part of the format: Apgar"
    )
    assert not Woman.objects.exists()


def test_the_columns_may_come_in_any_order(tmp_path):
    maternity_provider()
    import_file(write_extract(tmp_path / "extract.csv", [row()], columns=COLUMNS[::-1]))

    assert Pregnancy.objects.get().msds_pregnancy_id == "P1"


def test_a_row_with_the_wrong_number_of_values_is_reported_by_its_line(tmp_path):
    maternity_provider()
    path = write_extract(tmp_path / "extract.csv", [row()])
    with path.open("a", encoding="utf-8") as handle:
        handle.write("P9,9434765919\n")

    _, errors = import_failing(path)

    assert errors[0] == "Row 3, (row): Expected 31 columns, found 2"

"""Building extracts for the import tests (and the check that the sample row is complete)."""

import csv
import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tandem.core.nhs_number import check_digit
from tandem.outcomes.msds_import import COLUMNS
from tandem.records.tests.factories import AreaFactory, AreaLsoaFactory, OrganisationFactory
from tandem.records.tests.personas import ADSWOOD_LSOA

# A nulliparous woman, 34 at the birth, booked at 12+3, a spontaneous labour and a vaginal
# birth of a live baby at 39+5 (278 days), 3 days before her agreed EDD.
SAMPLE = {
    "UniqPregID": "P1",
    "NHSNumberMother": "9434765919",
    "PersonBirthDateMother": "1990-05-01",
    "EthnicCategoryMother": "A",
    "Postcode": "SK3 8LG",
    "OrgCodeProvider": "RWJ",
    "AntenatalAppDate": "2024-08-20",
    "EDDAgreed": "2025-03-02",
    "PreviousLiveBirths": "0",
    "PreviousStillBirths": "0",
    "PreviousCaesareanSections": "0",
    "SmokingStatusBooking": "Non-smoker",
    "SmokingStatusDelivery": "Non-smoker",
    "LabourDeliveryID": "L1",
    "LabourOnsetMethod": "1",
    "LabourOnsetDate": "2025-02-27T06:00",
    "CaesareanDate": "",
    "GenitalTractTraumaticLesion": "6234006",
    "BloodLossMl": "350",
    "PersonBirthDateBaby": "2025-02-27T14:30",
    "PregOutcome": "01",
    "DeliveryMethodCode": "0",
    "FetusPresentation": "01",
    "GestationLengthBirth": "278",
    "SettingPlaceBirth": "01",
    "ApgarScore": "9",
    "BirthWeight": "3400",
    "BabyFirstFeedIndCode": "01",
    "NeonatalCriticalCareAdmission": "N",
    "ReadmittedWithin30Days": "N",
    "FeedingAt6To8Weeks": "Breast",
}
OTHER_NHS_NUMBERS = ("9990000018", "9990000026", "9990000034")  # Modulus 11 valid


def row(**changes: str) -> dict[str, str]:
    return SAMPLE | changes


def women_rows(count: int, **changes: str) -> list[dict[str, str]]:
    """Sample rows of `count` different women, each with her own pregnancy and labour and a
    valid NHS number from the 999 test range."""
    rows, serial = [], 0
    while len(rows) < count:
        serial += 1
        digit = check_digit(f"999{serial:06d}")
        if digit is not None:
            index = len(rows)
            number = f"999{serial:06d}{digit}"
            rows.append(
                row(UniqPregID=f"P{index}", LabourDeliveryID=f"L{index}", NHSNumberMother=number)
                | changes
            )
    return rows


def write_extract(path: Path, rows: list[dict[str, str]], columns=COLUMNS) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def import_file(path: Path, *options: str) -> tuple[str, str]:
    """Runs the command; returns what it printed (stdout, stderr). Raises CommandError."""
    out, err = io.StringIO(), io.StringIO()
    call_command("import_deliveries", str(path), *options, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def import_failing(path: Path, *options: str) -> tuple[str, list[str]]:
    """Runs the command expecting it to fail; returns its message and the errors it printed."""
    err = io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("import_deliveries", str(path), *options, stdout=io.StringIO(), stderr=err)
    return str(raised.value), err.getvalue().splitlines()


def maternity_provider():
    """The provider of the sample (RWJ), whose area holds the sample postcode's LSOA."""
    provider = OrganisationFactory()
    AreaLsoaFactory(area=AreaFactory(organisation=provider, name="Adswood"), lsoa_code=ADSWOOD_LSOA)
    return provider


def test_the_sample_row_names_every_column_of_the_format():
    assert tuple(SAMPLE) == COLUMNS
    assert len(COLUMNS) == 31

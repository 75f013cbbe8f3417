"""--skip-invalid imports the valid pregnancies and writes every rejected row, as it was in
the file, with its row, column and reason; the command still fails so nobody misses them."""

import csv

import pytest

from tandem.outcomes.models import Baby, LabourDelivery
from tandem.outcomes.msds_import import COLUMNS
from tandem.outcomes.tests.test_import_support import (
    OTHER_NHS_NUMBERS,
    import_failing,
    maternity_provider,
    row,
    write_extract,
)
from tandem.records.models import Pregnancy

pytestmark = pytest.mark.django_db


def _extract(tmp_path):
    return write_extract(
        tmp_path / "extract.csv",
        [
            row(),  # line 2: a good singleton
            row(  # lines 3 and 5: twins, the second with a bad Apgar score
                UniqPregID="P2", LabourDeliveryID="L2", NHSNumberMother=OTHER_NHS_NUMBERS[0]
            ),
            row(UniqPregID="P3", LabourDeliveryID="L3", NHSNumberMother="1234567890"),
            row(
                UniqPregID="P2",
                LabourDeliveryID="L2",
                NHSNumberMother=OTHER_NHS_NUMBERS[0],
                ApgarScore="12",
            ),
        ],
    )


def _read(path):
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_skip_invalid_imports_the_valid_pregnancies_and_writes_the_rejects(tmp_path):
    maternity_provider()
    rejects = tmp_path / "rejects.csv"

    message, errors = import_failing(_extract(tmp_path), "--skip-invalid", "--rejects", rejects)

    assert message == "3 rows were rejected"
    assert Pregnancy.objects.get().msds_pregnancy_id == "P1"
    assert LabourDelivery.objects.count() == Baby.objects.count() == 1
    written = _read(rejects)
    assert [(line["row"], line["column"], line["reason"]) for line in written] == [
        ("3", "UniqPregID", "Not imported: row 5 of the same pregnancy has an error"),
        (
            "4",
            "NHSNumberMother",
            "Enter a valid NHS number: the check digit does not match",
        ),
        ("5", "ApgarScore", "The Apgar score must be between 0 and 10"),
    ]
    assert list(written[0]) == [*COLUMNS, "row", "column", "reason"]
    assert written[2]["ApgarScore"] == "12"  # the row as it was in the file
    assert "Row 5, ApgarScore: The Apgar score must be between 0 and 10" in errors


def test_the_rejects_file_defaults_to_beside_the_extract(tmp_path):
    maternity_provider()

    import_failing(_extract(tmp_path), "--skip-invalid")

    assert len(_read(tmp_path / "extract.rejects.csv")) == 3


def test_without_skip_invalid_the_same_file_imports_nothing(tmp_path):
    maternity_provider()

    message, errors = import_failing(_extract(tmp_path))

    assert message.startswith("Nothing was imported")
    assert len(errors) == 3
    assert not Pregnancy.objects.exists()

"""A file with many bad rows: the command lists the first 50 errors and counts the rest,
and the rejects file holds every rejected row in file order (the rejects are spilled to
disk as they are found, never held in memory)."""

import csv

import pytest

from tandem.outcomes.msds_import import FIRST_ERRORS_KEPT
from tandem.outcomes.tests.test_import_support import (
    import_failing,
    maternity_provider,
    row,
    write_extract,
)
from tandem.records.models import Pregnancy

pytestmark = pytest.mark.django_db

BAD_ROWS = 120


def _extract(tmp_path):
    rows = [row()]  # line 2: the one good row
    rows += [
        row(UniqPregID=f"BAD{index}", LabourDeliveryID=f"BADL{index}", NHSNumberMother="1234567890")
        for index in range(BAD_ROWS)
    ]  # lines 3 to 122: one bad NHS number each
    return write_extract(tmp_path / "extract.csv", rows)


def test_many_rejects_are_all_written_in_file_order_and_the_first_errors_shown(tmp_path):
    maternity_provider()
    rejects = tmp_path / "rejects.csv"

    message, errors = import_failing(_extract(tmp_path), "--skip-invalid", "--rejects", rejects)

    assert message == f"{BAD_ROWS} rows were rejected"
    assert Pregnancy.objects.get().msds_pregnancy_id == row()["UniqPregID"]
    with rejects.open(newline="", encoding="utf-8") as handle:
        written = list(csv.DictReader(handle))
    assert [int(line["row"]) for line in written] == list(range(3, 3 + BAD_ROWS))
    assert {line["column"] for line in written} == {"NHSNumberMother"}
    shown = [line for line in errors if line.startswith("Row ")]
    assert shown == [
        f"Row {line}, NHSNumberMother: Enter a valid NHS number: the check digit does not match"
        for line in range(3, 3 + FIRST_ERRORS_KEPT)
    ]
    assert f"... and {BAD_ROWS - FIRST_ERRORS_KEPT} more errors" in errors
    assert f"Rejected rows written to {rejects}" in errors


def test_without_skip_invalid_the_errors_are_counted_and_nothing_imported(tmp_path):
    maternity_provider()

    message, errors = import_failing(_extract(tmp_path))

    assert message == "Nothing was imported: correct the rows above and import again"
    assert not Pregnancy.objects.exists()
    assert sum(line.startswith("Row ") for line in errors) == FIRST_ERRORS_KEPT
    assert f"... and {BAD_ROWS - FIRST_ERRORS_KEPT} more errors" in errors

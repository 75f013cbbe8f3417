"""A file with any error saves nothing, wherever the error is, and the attempt is audited."""

import pytest

from tandem.core.models import AuditAction, AuditEvent
from tandem.outcomes.models import Baby, LabourDelivery
from tandem.outcomes.tests.test_import_support import (
    OTHER_NHS_NUMBERS,
    import_failing,
    maternity_provider,
    row,
    write_extract,
)
from tandem.records.models import Pregnancy, Woman

pytestmark = pytest.mark.django_db

MODELS = (Woman, Pregnancy, LabourDelivery, Baby)


def test_an_error_in_the_last_row_leaves_no_record_and_no_history(tmp_path):
    maternity_provider()
    good = [
        row(UniqPregID=f"P{index}", LabourDeliveryID=f"L{index}", NHSNumberMother=number)
        for index, number in enumerate(OTHER_NHS_NUMBERS)
    ]
    bad = row(UniqPregID="P9", LabourDeliveryID="L9", PregOutcome="7")
    path = write_extract(tmp_path / "extract.csv", [*good, bad])

    message, errors = import_failing(path)

    assert message.startswith("Nothing was imported")
    assert errors == [
        "Row 5, PregOutcome: '7' is not a pregnancy outcome code (one of 01, 02, 03, 04)"
    ]
    for model in MODELS:
        assert not model.objects.exists()
        assert not model.history.exists()
    event = AuditEvent.objects.get(action=AuditAction.IMPORT)
    assert event.detail["imported"] is False
    assert event.detail["rows_read"] == 4
    assert event.detail["rejected_rows"] == 1


def test_a_file_with_only_a_header_imports_nothing(tmp_path):
    maternity_provider()

    message, _ = import_failing(write_extract(tmp_path / "extract.csv", []))

    assert message.startswith("Nothing was imported")


def test_an_empty_file_is_reported(tmp_path):
    path = tmp_path / "extract.csv"
    path.write_text("", encoding="utf-8")

    message, _ = import_failing(path)

    assert message == "The file is empty: expected a header row naming the columns"

"""`manage.py export_spc`, through call_command: the columns, a month without data, the
small-number rule with --publish, the audit of an exact export, the default period, the
run length, and arguments it refuses."""

import csv
from datetime import date

import pytest
import time_machine
from django.core.management import CommandError, call_command

from tandem.core.audit import SYSTEM_USERNAME
from tandem.core.models import AuditAction, AuditEvent
from tandem.measures.tests.factories import give_birth

pytestmark = pytest.mark.django_db


@pytest.fixture
def births():
    # January 2025: 1 of 2 women lost 1,500 ml or more; February nobody gave birth;
    # March: 0 of 9.
    give_birth(date(2025, 1, 10), blood_loss_ml=1600)
    give_birth(date(2025, 1, 20), blood_loss_ml=300)
    for day in range(1, 10):
        give_birth(date(2025, 3, day), blood_loss_ml=400)


def _export(tmp_path, *args) -> list[dict]:
    out = tmp_path / "spc.csv"
    call_command("export_spc", "--measure", "pph_1500", *args, "--out", out)
    with out.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def test_export_writes_a_row_per_month_with_the_columns_in_order(births, tmp_path):
    rows = _export(tmp_path, "--from", "2025-01", "--to", "2025-03")
    header = (tmp_path / "spc.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == "period,value,mean,lower_limit,upper_limit,point_type"
    # Mean (500 + 0) / 2 = 250, in whole numbers as NHS Digital publishes rates per 1,000.
    # February is a gap, so no two months with data follow one another: no moving range,
    # so no limits.
    assert rows == [
        {
            "period": "2025-01",
            "value": "500",
            "mean": "250",
            "lower_limit": "",
            "upper_limit": "",
            "point_type": "common_cause",
        },
        {
            "period": "2025-02",
            "value": "",
            "mean": "250",
            "lower_limit": "",
            "upper_limit": "",
            "point_type": "",
        },
        {
            "period": "2025-03",
            "value": "0",
            "mean": "250",
            "lower_limit": "",
            "upper_limit": "",
            "point_type": "common_cause",
        },
    ]


def test_publish_works_values_from_rounded_counts(births, tmp_path):
    rows = _export(tmp_path, "--from", "2025-01", "--to", "2025-03", "--publish")
    # January 1 of 2 → 5 of 5 = 1,000 per 1,000; March 0 of 9 → 0 of 10.
    assert [row["value"] for row in rows] == ["1000", "", "0"]


def test_an_exact_export_is_audited_as_internal(births, tmp_path):
    _export(tmp_path, "--from", "2025-01", "--to", "2025-03", "--run-length", "6")
    event = AuditEvent.objects.get(object_type="measures_export", object_id="export_spc")
    assert (event.action, event.actor_username) == (AuditAction.EXPORT, SYSTEM_USERNAME)
    assert event.detail == {
        "published": False,
        "measures": ["pph_1500"],
        "from": "2025-01",
        "to": "2025-03",
        "run_length": 6,
    }


def test_a_published_export_is_not_audited(births, tmp_path):
    _export(tmp_path, "--from", "2025-01", "--to", "2025-03", "--publish")
    assert not AuditEvent.objects.filter(object_id="export_spc").exists()


@time_machine.travel(date(2025, 4, 15))
def test_the_default_period_is_the_last_24_complete_months(births, tmp_path):
    rows = _export(tmp_path, "--publish")
    assert (len(rows), rows[0]["period"], rows[-1]["period"]) == (24, "2023-04", "2025-03")


def test_run_length_decides_whether_a_run_of_six_is_a_shift(tmp_path):
    # Fourteen months alternating 1 and 0 of 2 women (500 and 0 per 1,000), then six of
    # 2 of 5 (400): mean (7 × 500 + 6 × 400) / 20 = 295; the six months of 400 sit above
    # it and the month before them (0) below. Limits 295 ± 2.66 × 6,900 / 19 hold them all.
    for month in range(1, 15):
        year, month_of_year = 2024 + (month - 1) // 12, (month - 1) % 12 + 1
        give_birth(date(year, month_of_year, 10), blood_loss_ml=1600 if month % 2 else 300)
        give_birth(date(year, month_of_year, 11), blood_loss_ml=300)
    for month in range(3, 9):
        for day, loss in enumerate([1600, 1600, 300, 300, 300], start=1):
            give_birth(date(2025, month, day), blood_loss_ml=loss)
    arguments = ("--from", "2024-01", "--to", "2025-08")
    six = _export(tmp_path, *arguments, "--run-length", "6")
    seven = _export(tmp_path, *arguments)
    assert {row["point_type"] for row in six[14:]} == {"special_cause_concern"}
    assert {row["point_type"] for row in seven[14:]} == {"common_cause"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--measure", "no_such"], "--measure: No measure 'no_such'"),
        (["--measure", "pph_1500", "--from", "2025-13", "--to", "2025-03"], "--from: '2025-13'"),
        (["--measure", "pph_1500", "--from", "2025-01"], "--from and --to: give both"),
        (["--measure", "pph_1500", "--from", "2025-03", "--to", "2025-01"], "--to: the last"),
        (["--measure", "pph_1500", "--run-length", "1"], "--run-length: must be 2 or more"),
    ],
)
def test_bad_arguments_name_the_option_and_write_nothing(tmp_path, args, message):
    out = tmp_path / "spc.csv"
    with pytest.raises(CommandError, match=message):
        call_command("export_spc", *args, "--out", out)
    assert not out.exists()

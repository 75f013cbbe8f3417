"""`manage.py export_measures`, through call_command: its columns, the small-number rule
with --publish, the audit of an exact export, and arguments it refuses.

Smoking at booking in March 2025, by area: each area's women booked and smokers among
them are chosen so the published counts meet the rule at 0, 1, 7, 8, 12 and 13.
"""

import csv
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from tandem.core.audit import SYSTEM_USERNAME
from tandem.core.models import AuditAction, AuditEvent
from tandem.records.codes import SmokingStatus
from tandem.records.tests.factories import AreaFactory, OrganisationFactory, PregnancyFactory

pytestmark = pytest.mark.django_db

BOOKED_ON = date(2025, 3, 10)
# area: (women booked with a known smoking status, smokers among them)
AREAS = {"One": (1, 0), "Seven": (7, 1), "Eight": (8, 7), "Twelve": (12, 8), "Thirteen": (13, 12)}


@pytest.fixture
def bookings():
    provider = OrganisationFactory(name="Stockport NHS Foundation Trust")
    for name, (booked, smokers) in AREAS.items():
        area = AreaFactory(organisation=provider, name=name)
        for index in range(booked):
            PregnancyFactory(
                provider=provider,
                area=area,
                booking_date=BOOKED_ON,
                smoking_status_booking=(
                    SmokingStatus.SMOKER if index < smokers else SmokingStatus.NON_SMOKER
                ),
            )


def _export(tmp_path, *args) -> list[dict]:
    out = tmp_path / "measures.csv"
    call_command("export_measures", "--from", "2025-03", "--to", "2025-03", *args, "--out", out)
    with out.open(encoding="utf-8", newline="") as file:
        return [row for row in csv.DictReader(file) if row["measure"] == "smoking_booking"]


def _by_group(rows: list[dict]) -> dict[str, dict]:
    return {row["group"]: row for row in rows}


def test_export_has_the_columns_in_order(bookings, tmp_path):
    _export(tmp_path, "--by", "all", "--publish")
    header = (tmp_path / "measures.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == ("measure,period,dimension,group,numerator,denominator,rate,lower_95,upper_95")


def test_export_by_all_counts_the_whole_month_exactly(bookings, tmp_path):
    rows = _export(tmp_path, "--by", "all")
    # 1 + 7 + 8 + 12 + 13 = 41 booked; 0 + 1 + 7 + 8 + 12 = 28 smokers; 28/41 = 68.29%.
    # Wilson 95%: centre (0.68293 + 1.92073/41) / (1 + 3.84146/41) = 0.66726,
    # half-width 1.79206 * sqrt(0.68293 * 0.31707 / 41 + 3.84146 / 6724) = 0.13710,
    # so 53.0% to 80.4%.
    assert rows == [
        {
            "measure": "smoking_booking",
            "period": "2025-03",
            "dimension": "all",
            "group": "all",
            "numerator": "28",
            "denominator": "41",
            "rate": "68.3",
            "lower_95": "53.0",
            "upper_95": "80.4",
        }
    ]


def test_publish_rounds_counts_at_0_1_7_8_12_13(bookings, tmp_path):
    rows = _by_group(_export(tmp_path, "--by", "area", "--publish"))
    counts = {group: (row["numerator"], row["denominator"]) for group, row in rows.items()}
    assert counts == {
        "One": ("0", "5"),  # 0 stays 0; 1 becomes 5
        "Seven": ("5", "5"),  # 1 and 7 become 5
        "Eight": ("5", "10"),  # 7 becomes 5; 8 rounds to 10
        "Twelve": ("10", "10"),  # 8 and 12 round to 10
        "Thirteen": ("10", "15"),  # 12 rounds to 10; 13 to 15
    }


def test_publish_under_the_star_convention_writes_1_to_7_as_a_star(bookings, tmp_path, settings):
    settings.SMALL_NUMBERS_CONVENTION = "star"

    rows = _by_group(_export(tmp_path, "--by", "area", "--publish"))

    told = {
        group: (row["numerator"], row["denominator"], row["rate"]) for group, row in rows.items()
    }
    assert told == {
        "One": ("0", "*", "0.0"),  # the rate still comes from the rounded counts (0 of 5)
        "Seven": ("*", "*", "100.0"),
        "Eight": ("*", "10", "50.0"),
        "Twelve": ("10", "10", "100.0"),
        "Thirteen": ("10", "15", "66.7"),
    }
    exact = _by_group(_export(tmp_path, "--by", "area"))
    assert (exact["Seven"]["numerator"], exact["Seven"]["denominator"]) == ("1", "7")


def test_publish_works_rates_and_intervals_from_the_rounded_counts(bookings, tmp_path):
    rows = _by_group(_export(tmp_path, "--by", "area", "--publish"))
    # Thirteen: 10/15 = 66.7% (not the exact 12/13 = 92.3%). Wilson 95% of 10/15:
    # centre (0.66667 + 0.12805) / 1.25610 = 0.63269, half 1.56036 * 0.13814 = 0.21555.
    thirteen = rows["Thirteen"]
    assert (thirteen["rate"], thirteen["lower_95"], thirteen["upper_95"]) == (
        "66.7",
        "41.7",
        "84.8",
    )
    # Eight: 5/10 = 50%, Wilson 50% ± 1.41603 * 0.18602 = 26.34 points.
    eight = rows["Eight"]
    assert (eight["rate"], eight["lower_95"], eight["upper_95"]) == ("50.0", "23.7", "76.3")
    # One: 0/5, Wilson upper 3.84146/5 / (1 + 3.84146/5) = 43.4%.
    one = rows["One"]
    assert (one["rate"], one["lower_95"], one["upper_95"]) == ("0.0", "0.0", "43.4")
    assert rows["Thirteen"]["dimension"] == "area"


def test_without_publish_counts_are_exact(bookings, tmp_path):
    rows = _by_group(_export(tmp_path, "--by", "area"))
    assert (rows["Thirteen"]["numerator"], rows["Thirteen"]["denominator"]) == ("12", "13")
    assert rows["Thirteen"]["rate"] == "92.3"  # 12/13
    assert (rows["One"]["numerator"], rows["One"]["denominator"]) == ("0", "1")


def test_two_breakdowns_are_joined_with_a_plus(bookings, tmp_path):
    rows = _export(tmp_path, "--by", "area+ethnic_group", "--publish")
    # The factory's women are all White British (code A).
    assert {(row["dimension"], row["group"]) for row in rows} == {
        ("area+ethnic_group", f"{area}+White") for area in AREAS
    }


def test_an_exact_export_is_audited_as_internal(bookings, tmp_path):
    _export(tmp_path, "--by", "area")
    event = AuditEvent.objects.get(object_type="measures_export")
    assert event.action == AuditAction.EXPORT
    assert event.actor_username == SYSTEM_USERNAME
    assert event.detail["published"] is False
    assert (event.detail["from"], event.detail["to"], event.detail["by"]) == (
        "2025-03",
        "2025-03",
        "area",
    )
    assert "smoking_booking" in event.detail["measures"]


def test_a_published_export_is_not_audited(bookings, tmp_path):
    _export(tmp_path, "--by", "area", "--publish")
    assert not AuditEvent.objects.filter(object_type="measures_export").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--from", "2025-13", "--to", "2025-03", "--by", "all"],
            "--from: '2025-13' is not a month",
        ),
        (["--from", "March", "--to", "2025-03", "--by", "all"], "--from: 'March' is not a month"),
        (["--from", "2025-03", "--to", "2025-02", "--by", "all"], "--to: the last month"),
        (
            ["--from", "2025-01", "--to", "2025-03", "--by", "postcode"],
            "--by: No breakdown 'postcode'",
        ),
        (
            ["--from", "2025-01", "--to", "2025-03", "--by", "area+area"],
            "--by: Choose two different breakdowns",
        ),
        (
            ["--from", "2025-01", "--to", "2025-03", "--by", "area+provider+age_band"],
            "--by: Break a measure down by at most two",
        ),
    ],
)
def test_bad_arguments_name_the_option_and_write_nothing(tmp_path, args, message):
    out = tmp_path / "measures.csv"
    with pytest.raises(CommandError, match=message):
        call_command("export_measures", *args, "--out", out)
    assert not out.exists()

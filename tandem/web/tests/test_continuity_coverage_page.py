"""LMNS coverage of continuity of carer: counts worked out by hand, shown through the NHS
small-number rule, the target judged on exact counts, no woman identified."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tandem.continuity.tests.factories import continuity_team, on_pathway
from tandem.measures.stats import wilson_interval
from tandem.records.tests.factories import PregnancyFactory, WomanFactory
from tandem.web.tests.conftest import page_text


def _booked(personas, count, *, ethnic, decile, on=0, ended=0, team=None, days_ago=30):
    today = timezone.localdate()
    for index in range(count):
        pregnancy = PregnancyFactory(
            woman=WomanFactory(ethnic_category=ethnic, imd_decile=decile, family_name="Counted"),
            provider=personas.provider,
            booking_date=today - timedelta(days=days_ago),
        )
        if index < on:
            on_pathway(pregnancy, team, starts_on=pregnancy.booking_date)
        elif index < on + ended:
            on_pathway(pregnancy, team, starts_on=pregnancy.booking_date, ends_on=today)


@pytest.fixture
def bookings(personas):
    team = continuity_team(personas.provider)
    _booked(personas, 10, ethnic="M", decile=5, on=8, ended=1, team=team)  # Black
    _booked(personas, 3, ethnic="H", decile=5, on=2, team=team)  # Asian
    _booked(personas, 6, ethnic="A", decile=1, on=3, team=team)  # White, most deprived
    _booked(personas, 20, ethnic="A", decile=6, on=1, team=team)  # White
    _booked(personas, 4, ethnic="M", decile=1, on=4, team=team, days_ago=500)  # too early


def _rows(page: str) -> dict[str, list[str]]:
    body = page.split("<tbody", 1)[1].split("</tbody>", 1)[0]
    rows = {}
    for row in body.split("</tr>")[:-1]:
        cells = [
            cell.split("</span>")[-1].split("</td>")[0].strip() for cell in row.split("<td")[1:]
        ]
        rows[cells[0]] = cells[1:]
    return rows


def _interval(numerator, denominator) -> str:
    low, high = wilson_interval(numerator, denominator)
    return f"{low * 100:.1f}% to {high * 100:.1f}%"


def test_coverage_is_counted_rounded_and_judged_on_exact_counts(client, personas, bookings):
    client.force_login(personas.analyst)

    page = page_text(client.get(reverse("web:continuity-coverage")))
    rows = _rows(page)

    # All: 39 booked here and the personas' own woman: 40; 14 on a pathway (rounded 15).
    assert rows["All women"] == ["40", "15", "37.5%", _interval(15, 40), "No target"]
    # Black, Asian or Mixed: 10 of 13 (the ended assignment not counted) is 76.9%, met,
    # though the rounded 10 of 15 shows 66.7%.
    assert rows["Black, Asian or Mixed ethnicity"] == [
        "15",
        "10",
        "66.7%",
        _interval(10, 15),
        "Met",
    ]
    # Black: 8 of 10 (80%, met); 8 rounds to 10, so 100.0% is shown.
    assert rows["Black or Black British"] == ["10", "10", "100.0%", _interval(10, 10), "Met"]
    # Asian: 2 of 3, both small: shown as 5 of 5, and too few to judge.
    assert rows["Asian or Asian British"] == [
        "5",
        "5",
        "100.0%",
        _interval(5, 5),
        "Too few women to judge",
    ]
    assert rows["Mixed"] == ["0", "0", "No data", "No data", "No data"]
    # IMD 1-2: 3 of 6, both small.
    assert rows["Most deprived areas (IMD deciles 1 and 2)"] == [
        "5",
        "5",
        "100.0%",
        _interval(5, 5),
        "Too few women to judge",
    ]
    # Either: 13 of 19 is 68.4%, not met, though rounded 15 of 20 shows 75.0%.
    assert rows["Either of the above (Black, Asian or Mixed, or IMD deciles 1 and 2)"] == [
        "20",
        "15",
        "75.0%",
        _interval(15, 20),
        "Not met",
    ]
    assert "Counted" not in page  # no woman's name
    assert "Counts from 1 to 7 are shown as 5" in page


def test_team_leader_sees_the_same_suppressed_figures(client, personas, bookings):
    client.force_login(personas.team_leader)

    rows = _rows(page_text(client.get(reverse("web:continuity-coverage"))))

    assert rows["Asian or Asian British"][:2] == ["5", "5"]


def test_a_wrong_period_is_named_and_the_default_shown(client, personas, bookings):
    client.force_login(personas.analyst)
    today = timezone.localdate()

    response = client.get(
        reverse("web:continuity-coverage"),
        {
            "period_start_day": str(today.day),
            "period_start_month": str(today.month),
            "period_start_year": str(today.year),
            "period_end_day": "1",
            "period_end_month": "1",
            "period_end_year": "2020",
        },
    )

    page = page_text(response)
    assert "The last day of the period must be on or after the first" in page
    assert _rows(page)["All women"][0] == "40"

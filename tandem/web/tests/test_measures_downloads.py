"""CSV downloads of the dashboards, through the views: the columns of each table, the
small-number rule on every figure an analyst takes away (counts, rates, intervals, chart
values), and exact figures for a team leader recorded in the audit trail.

Births in March 2025 (the `births` fixture), PPH of 1,500 ml or more:

- Adswood (the team leader's area): 8 women, 2 of them over 1,500 ml;
- Brinnington: 5 women, none.

Published: Adswood 2 of 8 -> 5 of 10; Brinnington 0 of 5 -> 0 of 5; LMNS 2 of 13 -> 5 of 15.
Every woman was booked on 3 March 2025 and is White British (code A).

Under the star convention (`SMALL_NUMBERS_CONVENTION = "star"`) the published counts that
were 1 to 7 (Adswood's 2, Brinnington's 5) are written `*`; rates still come from the
rounded counts, so they are the same under either convention.
"""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from tandem.core.models import AuditAction, AuditEvent
from tandem.measures.export import COLUMNS
from tandem.measures.tests.factories import give_birth
from tandem.records.tests.factories import PregnancyFactory
from tandem.web.tests.conftest import page_text

MARCH = {"from_month": "2025-03", "to_month": "2025-03"}
PPH = reverse("web:measure", args=["pph_1500"])


@pytest.fixture
def births(personas):
    for area, count, heavy in ((personas.adswood, 8, 2), (personas.brinnington, 5, 0)):
        for index in range(count):
            pregnancy = PregnancyFactory(
                provider=personas.provider, area=area, booking_date=date(2025, 3, 3)
            )
            give_birth(pregnancy=pregnancy, blood_loss_ml=1600 if index < heavy else 400)


def _download(client, url: str, table: str, **query) -> tuple[list[str], list[dict]]:
    response = client.get(url, {**MARCH, **query, "download": table})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    reader = csv.DictReader(io.StringIO(response.content.decode()))
    return list(reader.fieldnames or []), list(reader)


def test_analyst_breakdown_csv_is_published_in_the_export_columns(client, personas, births):
    client.force_login(personas.analyst)
    columns, rows = _download(client, PPH, "breakdown", by="area")
    assert tuple(columns) == COLUMNS
    assert rows == [
        # 2 of 8 -> 5 of 10: 500 per 1,000, Wilson 95% 236.6 to 763.4.
        {
            "measure": "pph_1500",
            "period": "2025-03",
            "dimension": "area",
            "group": "Adswood",
            "numerator": "5",
            "denominator": "10",
            "rate": "500",
            "lower_95": "237",
            "upper_95": "763",
        },
        # 0 of 5 stays 0 of 5 (5 is already a multiple of 5): Wilson upper 434.5.
        {
            "measure": "pph_1500",
            "period": "2025-03",
            "dimension": "area",
            "group": "Brinnington",
            "numerator": "0",
            "denominator": "5",
            "rate": "0",
            "lower_95": "0",
            "upper_95": "434",
        },
    ]


def test_a_period_of_several_months_is_written_first_slash_last(client, personas, births):
    client.force_login(personas.analyst)
    _, rows = _download(client, PPH, "breakdown", by="area", from_month="2025-01")
    assert {row["period"] for row in rows} == {"2025-01/2025-03"}


def test_two_breakdowns_download_joined_with_a_plus(client, personas, births):
    client.force_login(personas.analyst)
    _, rows = _download(client, PPH, "breakdown", by="area", then_by="ethnic_group")
    assert [(row["dimension"], row["group"]) for row in rows] == [
        ("area+ethnic_group", "Adswood+White"),
        ("area+ethnic_group", "Brinnington+White"),
    ]


def test_analyst_spc_csv_values_come_from_rounded_counts(client, personas, births):
    client.force_login(personas.analyst)
    columns, rows = _download(client, PPH, "spc")
    assert columns == ["period", "value", "mean", "lower_limit", "upper_limit", "point_type"]
    # One month: 2 of 13 published as 5 of 15 = 333 per 1,000 (exact would be 154); a
    # single point has a mean but no moving range, so no limits.
    assert rows == [
        {
            "period": "2025-03",
            "value": "333",
            "mean": "333",
            "lower_limit": "",
            "upper_limit": "",
            "point_type": "common_cause",
        }
    ]


def test_analyst_funnel_csv_is_published(client, personas, births):
    client.force_login(personas.analyst)
    _, rows = _download(client, PPH, "funnel", compare="area")
    counts = {row["group"]: (row["numerator"], row["denominator"], row["rate"]) for row in rows}
    assert counts == {"Adswood": ("5", "10", "500"), "Brinnington": ("0", "5", "0")}
    assert set(rows[0]) >= {"control_lower_95", "control_upper_99_8", "against_99_8"}


def test_overview_csv_is_the_latest_month_in_the_export_columns(client, personas, births):
    client.force_login(personas.analyst)
    columns, rows = _download(client, reverse("web:measures"), "latest")
    assert tuple(columns) == COLUMNS
    pph = next(row for row in rows if row["measure"] == "pph_1500")
    assert (pph["dimension"], pph["group"], pph["numerator"], pph["denominator"]) == (
        "all",
        "all",
        "5",
        "15",
    )


def test_robson_csv_is_published_for_the_analyst(client, personas, births):
    client.force_login(personas.analyst)
    columns, rows = _download(client, reverse("web:measures-robson"), "robson")
    assert columns[:5] == ["period", "group", "label", "women", "caesareans"]
    # All 13 women are in group 1 (nulliparous, spontaneous labour, term): 13 -> 15.
    group_1 = next(row for row in rows if row["group"] == "1")
    assert (group_1["women"], group_1["caesareans"], group_1["group_size"]) == ("15", "0", "100.0")


def test_analyst_downloads_are_not_audited(client, personas, births):
    client.force_login(personas.analyst)
    _download(client, PPH, "breakdown", by="area")
    assert not AuditEvent.objects.filter(object_type="measures_export").exists()


def test_team_leader_downloads_exact_figures_and_it_is_audited(client, personas, births):
    client.force_login(personas.team_leader)
    _, rows = _download(client, PPH, "breakdown", by="area")
    # Her area only, exactly: 2 of 8 = 250 per 1,000, Wilson 95% 71.5 to 590.7.
    assert [
        (row["group"], row["numerator"], row["denominator"], row["rate"], row["lower_95"])
        for row in rows
    ] == [("Adswood", "2", "8", "250", "71")]
    event = AuditEvent.objects.get(object_type="measures_export")
    assert (event.action, event.actor_username, event.object_id) == (
        AuditAction.EXPORT,
        "team_leader",
        "pph_1500:breakdown",
    )
    assert event.detail["published"] is False
    assert event.detail["rows"] == 1


def test_data_quality_csvs_are_published_for_everyone_and_not_audited(client, personas, births):
    client.force_login(personas.team_leader)
    url = reverse("web:measures-quality")
    columns, rows = _download(client, url, "ethnicity_area")
    assert columns[:3] == ["area", "women", "coded"]
    # Adswood's 8 women booked are published as 10, Brinnington's 5 stay 5; all coded.
    assert [(row["area"], row["women"], row["coded"], row["coded_share"]) for row in rows] == [
        ("Adswood", "10", "10", "100.0"),
        ("Brinnington", "5", "5", "100.0"),
    ]
    columns, _ = _download(client, url, "gates")
    assert columns == ["measure", "period", "provider", "passed", "check", "value", "threshold"]
    assert not AuditEvent.objects.filter(object_type="measures_export").exists()


@pytest.fixture
def star(settings):
    settings.SMALL_NUMBERS_CONVENTION = "star"


def test_under_the_star_convention_small_counts_are_starred_in_every_download(
    client, personas, births, star
):
    client.force_login(personas.analyst)

    _, breakdown = _download(client, PPH, "breakdown", by="area")
    _, funnel = _download(client, PPH, "funnel", compare="area")
    _, latest = _download(client, reverse("web:measures"), "latest")
    _, ethnicity = _download(client, reverse("web:measures-quality"), "ethnicity_area")

    told = [(row["group"], row["numerator"], row["denominator"], row["rate"]) for row in breakdown]
    assert told == [("Adswood", "*", "10", "500"), ("Brinnington", "0", "*", "0")]
    assert [(row["group"], row["numerator"], row["denominator"]) for row in funnel] == [
        ("Adswood", "*", "10"),
        ("Brinnington", "0", "*"),
    ]
    pph = next(row for row in latest if row["measure"] == "pph_1500")
    assert (pph["numerator"], pph["denominator"]) == ("*", "15")
    assert [(row["area"], row["women"], row["coded"]) for row in ethnicity] == [
        ("Adswood", "10", "10"),
        ("Brinnington", "*", "*"),
    ]


def test_under_the_star_convention_the_pages_star_small_counts_too(client, personas, births, star):
    client.force_login(personas.analyst)

    page = page_text(client.get(PPH, {**MARCH, "by": "area"}))

    assert "* of 10" in page and "0 of *" in page
    assert "5 of 10" not in page


def test_a_team_leaders_exact_figures_are_never_starred(client, personas, births, star):
    client.force_login(personas.team_leader)

    _, rows = _download(client, PPH, "breakdown", by="area")

    assert [(row["numerator"], row["denominator"]) for row in rows] == [("2", "8")]


def test_under_the_star_convention_a_small_robson_group_is_starred(client, personas, births, star):
    # One more woman in March, with a previous caesarean: Robson group 5, alone in it.
    pregnancy = PregnancyFactory(
        provider=personas.provider,
        area=personas.adswood,
        booking_date=date(2025, 3, 3),
        previous_live_births=1,
        previous_caesareans=1,
    )
    give_birth(pregnancy=pregnancy, blood_loss_ml=400)
    client.force_login(personas.analyst)

    _, rows = _download(client, reverse("web:measures-robson"), "robson")

    counts = {row["group"]: (row["women"], row["caesareans"]) for row in rows}
    assert counts["5"] == ("*", "0")
    assert counts["1"] == ("15", "0")  # 13 women: not small, so told as rounded

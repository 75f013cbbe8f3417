"""The measures dashboards through their views: every page renders for an analyst and a
team leader, is refused to everyone else, names no one, and answers a wrong choice with a
clear 400 rather than an error.

Births in March 2025 (the `births` fixture):

- Adswood (the team leader's area): 3 women, one of whom lost 1,600 ml;
- Brinnington: 9 women, none over 500 ml.

PPH of 1,500 ml or more: 1 of 12 in the LMNS, 1 of 3 in Adswood.
"""

from datetime import UTC, datetime

import pytest
import time_machine
from django.urls import reverse

from tandem.measures.definitions import shown_measures
from tandem.measures.tests.factories import give_birth
from tandem.records.tests.factories import OrganisationFactory, PregnancyFactory, WomanFactory
from tandem.web.tests.conftest import page_text
from tandem.web.tests.test_programme_pages import _row

MARCH = {"from_month": "2025-03", "to_month": "2025-03"}
PAGES = ("web:measures", "web:measures-equity", "web:measures-robson", "web:measures-quality")
PPH = reverse("web:measure", args=["pph_1500"])


@pytest.fixture
def births(personas):
    women = []
    for area, count, heavy in ((personas.adswood, 3, 1), (personas.brinnington, 9, 0)):
        for index in range(count):
            woman = WomanFactory(given_name=f"Named{area.name}{index}", family_name="Mother")
            women.append(woman)
            pregnancy = PregnancyFactory(woman=woman, provider=personas.provider, area=area)
            give_birth(pregnancy=pregnancy, blood_loss_ml=1600 if index < heavy else 400)
    return women


@pytest.mark.parametrize("url_name", PAGES)
def test_each_dashboard_page_renders_for_the_analyst(client, personas, births, url_name):
    client.force_login(personas.analyst)
    response = client.get(reverse(url_name), MARCH)
    assert response.status_code == 200
    assert "Whole LMNS" in page_text(response)


def test_measure_page_shows_chart_funnel_breakdown_gate_and_definition(client, personas, births):
    client.force_login(personas.analyst)
    page = page_text(client.get(PPH, {**MARCH, "by": "area", "compare": "provider"}))
    for heading in (
        "Month by month",
        "Providers compared",
        "Breakdown",
        "Data quality",
        "Definition",
    ):
        assert f"<h2>{heading}</h2>" in page
    assert page.count("<svg") >= 2  # the SPC chart and the funnel plot, drawn on the server
    assert 'numerator = ["blood_loss_1500_or_more"]' in page  # the definition file
    # The breakdown by area: Adswood 1 of 3 published as 5 of 5, Wilson 95% 565.5 to
    # 1,000; Brinnington 0 of 9 as 0 of 10, Wilson upper 3.84146/10 / 1.38415 = 277.5.
    assert _row(page, "Adswood")[1:] == ["1,000 per 1,000", "566 to 1,000", "5 of 5"]
    assert _row(page, "Brinnington")[1:] == ["0 per 1,000", "0 to 278", "0 of 10"]


def test_overview_lists_every_shown_measure_with_its_latest_month(client, personas, births):
    client.force_login(personas.analyst)
    page = page_text(client.get(reverse("web:measures"), MARCH))
    for measure in shown_measures():
        assert f'href="{reverse("web:measure", args=[measure.id])}"' in page
    # 1 of 12 published as 5 of 10: 500 per 1,000, Wilson 95% 237 to 763 per 1,000.
    row = _row(page, "Postpartum haemorrhage")
    assert row[1:4] == ["500 per 1,000", "237 to 763", "5 of 10"]


def test_equity_page_shows_each_measure_by_ethnic_group_and_quintile(client, personas, births):
    client.force_login(personas.analyst)
    page = page_text(client.get(reverse("web:measures-equity"), MARCH))
    assert "Postpartum haemorrhage of 1,500 ml or more: Ethnic group" in page
    assert "Postpartum haemorrhage of 1,500 ml or more: IMD quintile (1 = most deprived)" in page
    # Everyone is White British with no IMD decile: 1 of 12 women, published as 5 of 10.
    pph = page.split("<h2>Postpartum haemorrhage of 1,500 ml or more</h2>")[1]
    assert _row(pph, "White")[1:] == ["500 per 1,000", "237 to 763", "5 of 10"]
    assert _row(pph, "Postcode not placed in England")[1:] == [
        "500 per 1,000",
        "237 to 763",
        "5 of 10",
    ]


def test_robson_page_shows_the_who_table(client, personas, births):
    client.force_login(personas.analyst)
    page = page_text(client.get(reverse("web:measures-robson"), MARCH))
    # 12 nulliparous women in spontaneous labour at term: group 1, published as 10.
    assert _row(page, "1: Nulliparous")[1:4] == ["10", "0", "100.0"]


def test_team_leader_sees_her_areas_exactly(client, personas, births):
    client.force_login(personas.team_leader)
    page = page_text(client.get(PPH, {**MARCH, "by": "area"}))
    assert "Your areas" in page
    # 1 of 3, Wilson 95% 61.5 to 792.3.
    assert _row(page, "Adswood")[1:] == ["333 per 1,000", "61 to 792", "1 of 3"]
    assert "Brinnington" not in page


@pytest.mark.parametrize("persona", ["midwife", "health_visitor", "reviewer", "administrator"])
@pytest.mark.parametrize("url_name", PAGES)
def test_people_who_care_for_families_are_refused(client, personas, persona, url_name):
    client.force_login(getattr(personas, persona))
    assert client.get(reverse(url_name)).status_code == 403
    assert client.get(PPH).status_code == 403


def test_no_dashboard_page_names_a_woman(client, personas, births):
    client.force_login(personas.analyst)
    pages = [page_text(client.get(reverse(url_name), MARCH)) for url_name in PAGES]
    pages.append(page_text(client.get(PPH, MARCH)))
    for page in pages:
        for woman in [*births, personas.woman]:
            assert woman.given_name not in page
            assert woman.nhs_number not in page


@time_machine.travel(datetime(2025, 4, 15, 12, tzinfo=UTC), tick=False)
def test_default_period_is_the_last_twelve_complete_months(client, personas, births):
    client.force_login(personas.analyst)
    page = page_text(client.get(reverse("web:measures")))
    assert 'name="from_month" type="text" value="2024-04"' in page
    assert 'name="to_month" type="text" value="2025-03"' in page
    assert "Every measure: March 2025" in page


def test_an_unknown_measure_is_not_found(client, personas):
    client.force_login(personas.analyst)
    assert client.get(reverse("web:measure", args=["no_such_measure"])).status_code == 404


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"from_month": "2025-13"}, "Enter the first month as a year and month, like 2025-04"),
        ({"to_month": "March"}, "Enter the last month as a year and month, like 2025-04"),
        (
            {"from_month": "2025-06", "to_month": "2025-03"},
            "The last month must be the same as or after the first",
        ),
        ({"from_month": "2015-01", "to_month": "2025-03"}, "Choose a period of 60 months or fewer"),
        ({"by": "postcode"}, "Choose a breakdown from the list"),
        ({"by": "area", "then_by": "area"}, "Choose two different breakdowns"),
        ({"compare": "team"}, "Choose providers or areas to compare"),
    ],
)
def test_a_wrong_choice_is_named_and_answers_400(client, personas, query, message):
    client.force_login(personas.analyst)
    response = client.get(PPH, query)
    assert response.status_code == 400
    assert page_text(response).count(message) >= 2  # in the summary and at the field


def test_a_wrong_download_is_a_clear_400(client, personas):
    client.force_login(personas.analyst)
    response = client.get(reverse("web:measures-robson"), {"download": "everything"})
    assert response.status_code == 400
    assert response.content.decode() == (
        "download: there is no table 'everything' on this page; choose from robson"
    )
    response = client.get(PPH, {"from_month": "2025-13", "download": "breakdown"})
    assert response.status_code == 400
    assert "from_month: Enter the first month as a year and month" in response.content.decode()


def test_failing_data_quality_checks_are_named_beside_the_rate(client, personas, births):
    client.force_login(personas.analyst)
    # No HES deliveries are recorded for the provider, so DQ10 cannot pass; and 1 of 12
    # women with PPH of 1,500 ml or more, rounded to 5 of 10, is 50%, above DQ12's 20%.
    overview = page_text(client.get(reverse("web:measures"), MARCH))
    assert _row(overview, "Postpartum haemorrhage")[6] == (
        "Low data quality at Stockport NHS Foundation Trust"
    )
    page = page_text(client.get(PPH, MARCH))
    gates = page.split("<h2>Data quality</h2>")[1]
    _, measure, verdict, failing = _row(gates, "Stockport NHS Foundation Trust")
    assert (measure, verdict) == ("Postpartum haemorrhage of 1,500 ml or more", "Low data quality")
    assert "DQ10 Women giving birth compared with HES deliveries" in failing
    assert "DQ12" in failing


@time_machine.travel(datetime(2025, 4, 15, 12, tzinfo=UTC), tick=False)
def test_a_link_with_some_choices_shows_the_defaults_of_the_others(client, personas):
    client.force_login(personas.analyst)
    page = page_text(client.get(PPH, {"by": "area"}))
    assert 'name="from_month" type="text" value="2024-04"' in page
    assert 'name="to_month" type="text" value="2025-03"' in page
    assert 'name="compare" type="radio" value="provider" checked' in page
    # One month alone: the 12 months ending with it.
    page = page_text(client.get(PPH, {"to_month": "2025-01"}))
    assert "Counts over February 2024 to January 2025" in page


def test_measure_page_states_the_target_or_that_none_is_set(client, personas, births):
    client.force_login(personas.analyst)

    smoking = page_text(client.get(reverse("web:measure", args=["smoking_delivery"]), MARCH))
    pph = page_text(client.get(PPH, MARCH))

    assert "Target: 6.0% or less (Tobacco Control Plan for England (2017)" in smoking
    assert "Target: none set, so there is no assurance icon" in pph


def test_a_provider_without_records_is_shown_as_not_submitting(client, personas, births):
    OrganisationFactory(ods_code="RMP", name="Tameside and Glossop")
    client.force_login(personas.analyst)

    overview = page_text(client.get(reverse("web:measures"), MARCH))
    page = page_text(client.get(PPH, MARCH))

    assert _row(overview, "Postpartum haemorrhage")[6] == (
        "Low data quality at Stockport NHS Foundation Trust; no records from Tameside and Glossop"
    )
    gates = page.split("<h2>Data quality</h2>")[1]
    assert _row(gates, "Tameside and Glossop")[2] == "Did not submit"


def test_bwoi_page_names_tandems_own_check_t1(client, personas, births):
    client.force_login(personas.analyst)

    page = page_text(client.get(reverse("web:measure", args=["bwoi"]), MARCH))

    assert "DQ09, DQ15, DQ16, DQ29, DQ18, DQ25, T1" in page


def test_funnel_of_providers_shows_each_ones_gate_over_the_same_months(client, personas, births):
    # No expected deliveries are recorded, so coverage (DQ10) fails in both months.
    client.force_login(personas.analyst)
    two_months = {"from_month": "2025-02", "to_month": "2025-03", "compare": "provider"}

    page = page_text(client.get(PPH, two_months))
    csv_text = client.get(PPH, {**two_months, "download": "funnel"}).content.decode()
    by_area = page_text(client.get(PPH, {**two_months, "compare": "area"}))

    funnel = page.split("<h2>Providers compared</h2>")[1].split("<h2>")[0]
    assert "Data quality in these months" in funnel
    provider = _row(funnel, "Stockport NHS Foundation Trust")
    assert provider[-1] == (
        "Low data quality in 1 of 2 months (latest March 2025); "
        "no records in 1 of 2 months (latest February 2025)"
    )
    assert csv_text.splitlines()[0].endswith(",data_quality")
    assert "Low data quality in 1 of 2 months" in csv_text
    assert "Data quality in these months" not in by_area

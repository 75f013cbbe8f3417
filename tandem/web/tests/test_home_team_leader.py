"""The team leader sees her team's caseload, its counts, and the records to complete."""

from django.urls import reverse

from tandem.records.tests.factories import PregnancyFactory, WomanFactory
from tandem.web.tests.conftest import page_text


def test_home_team_leader_counts_active_pregnancies_by_named_midwife(client, personas):
    PregnancyFactory(provider=personas.provider, area=personas.adswood, team=personas.adswood_team)
    client.force_login(personas.team_leader)
    page = page_text(client.get(reverse("web:home")))
    assert "Active pregnancies in your teams (2)" in page
    assert "Midwife Persona" in page
    assert "No named midwife" in page
    assert "Your team's caseload (2)" in page


def test_home_team_leader_lists_data_quality_gaps_with_a_way_to_fix_them(client, personas):
    unknown_postcode = WomanFactory(
        given_name="Una", family_name="Nopostcode", postcode="ZZ9 9ZZ", lsoa_code=""
    )
    no_ethnicity = WomanFactory(
        given_name="Eve", family_name="Noethnicity", lsoa_code="E01005763", ethnic_category=""
    )
    for woman in (unknown_postcode, no_ethnicity):
        PregnancyFactory(woman=woman, provider=personas.provider, area=personas.adswood)
    client.force_login(personas.team_leader)
    page = page_text(client.get(reverse("web:home")))
    assert "Records to complete (2)" in page
    assert "Postcode not found (no LSOA or deprivation decile)" in page
    assert "Ethnic category not recorded" in page
    assert reverse("web:woman-edit", args=[unknown_postcode.pk]) in page
    assert reverse("web:woman-edit", args=[no_ethnicity.pk]) in page
    assert "Amina Testwoman's details" not in page  # her record is complete


def test_home_team_leader_gaps_exclude_women_outside_her_scope(client, personas):
    elsewhere = WomanFactory(given_name="Far", family_name="Away", lsoa_code="")
    PregnancyFactory(woman=elsewhere, provider=personas.provider, area=personas.brinnington)
    client.force_login(personas.team_leader)
    page = page_text(client.get(reverse("web:home")))
    assert "Far Away" not in page

"""Continuity of carer in the browser: a team leader opens her continuity teams from the
menu, names a woman's midwife and buddy (after a mistake the form points out), sees them on
her record, and reads the LMNS coverage; the team and coverage pages fit a phone 320 px
wide. Every page is checked with axe-core."""

import pytest
from playwright.sync_api import expect

from tandem.continuity.tests.factories import continuity_team, members
from tests.browser.conftest import assert_fits_width
from tests.browser.steps import (
    follow_link,
    follow_menu,
    press_button,
    sign_in,
    success_banner,
    visit,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_team_leader_names_a_womans_carers(page, personas):
    team = continuity_team(
        personas.provider, midwives=[personas.midwife.practitioner], areas=[personas.adswood]
    )
    named, buddy = members(team)[:2]

    # Given the team leader has signed in
    sign_in(page, "team_leader")
    # When she opens her continuity teams and the team
    follow_menu(page, "Continuity teams")
    follow_link(page, str(team))
    expect(page.get_by_role("heading", level=1)).to_have_text(str(team))
    expect(page.get_by_text(str(team.obstetrician)).first).to_be_visible()

    # When she names the woman's carers with the same midwife twice
    visit(page, f"/women/{personas.woman.pk}/")
    follow_link(page, "Name her continuity carers")
    page.locator("#named_midwife").select_option(str(named.pk))
    page.locator("#buddy").select_option(str(named.pk))
    page.get_by_label("Why are her carers being named or changed?").fill("Booked into the team")
    press_button(page, "Save her carers")
    # Then the form says what is wrong
    expect(page.locator(".nhsuk-error-summary")).to_contain_text(
        "Her buddy must be a different midwife from her named midwife"
    )

    # When she chooses a different buddy
    page.locator("#buddy").select_option(str(buddy.pk))
    press_button(page, "Save her carers")
    # Then the woman's record shows her carers
    expect(success_banner(page)).to_contain_text("continuity carers have been saved")
    expect(page.get_by_role("heading", name="Continuity of carer")).to_be_visible()
    expect(page.get_by_text("Her carers over time")).to_be_visible()


def test_team_and_coverage_pages_fit_a_phone(narrow_page, personas):
    team = continuity_team(
        personas.provider, midwives=[personas.midwife.practitioner], areas=[personas.adswood]
    )
    sign_in(narrow_page, "team_leader")

    visit(narrow_page, f"/continuity/teams/{team.pk}/")
    assert_fits_width(narrow_page)
    visit(narrow_page, "/continuity/teams/")
    assert_fits_width(narrow_page)
    visit(narrow_page, "/continuity/coverage/")
    expect(narrow_page.get_by_role("heading", level=1)).to_have_text("Continuity of carer coverage")
    assert_fits_width(narrow_page)

"""The clinicians' care plan pages: the midwife opens the plan from the woman's record and
writes a section; her team leader saves the same section first, so the midwife's save is
refused with the newer version shown; she saves again knowingly, and the history shows who
changed what. axe-core checks every page; the plan and history pages fit 320 px."""

import pytest
from playwright.sync_api import expect

from tandem.careplans.models import PlanSection
from tandem.careplans.services import plan_for, section_history
from tests.browser.conftest import assert_fits_width
from tests.browser.steps import follow, follow_link, press_button, sign_in, visit

pytestmark = pytest.mark.django_db(transaction=True)


def test_midwife_meets_a_conflict_on_a_section_and_resolves_it(open_page, personas):
    pregnancy = personas.pregnancy
    heading = lambda page: page.get_by_role("heading", level=1)  # noqa: E731

    # Given the midwife has opened the woman's care plan from her record
    midwife = open_page()
    sign_in(midwife, "midwife")
    visit(midwife, f"/women/{personas.woman.pk}/")
    follow_link(midwife, "Personalised care and support plan")
    expect(heading(midwife)).to_have_text("Personalised care and support plan")

    # When she starts writing the fears and concerns the woman told her about
    follow(midwife, midwife.locator("#section-fears").get_by_role("link"))
    midwife.get_by_label("In my own words").fill("Needles, and being alone.")

    # And meanwhile her team leader saves that section first
    leader = open_page()
    sign_in(leader, "team_leader")
    visit(leader, f"/pregnancies/{pregnancy.pk}/care-plan/section/?section=fears")
    leader.get_by_label("In my own words").fill("Afraid of hospitals.")
    press_button(leader, "Save this section")

    # Then the midwife's save is refused, and she is shown the newer version
    press_button(midwife, "Save this section", status=409)
    expect(midwife.locator(".nhsuk-error-summary")).to_contain_text("Someone else changed")
    expect(midwife.locator("#newer-version")).to_contain_text("Afraid of hospitals.")
    expect(midwife.get_by_label("In my own words")).to_have_value("Needles, and being alone.")

    # When she adds the team leader's words to hers and saves again
    midwife.get_by_label("In my own words").fill("Afraid of hospitals. Needles, being alone.")
    press_button(midwife, "Save this section")

    # Then the plan shows her version, and the history shows both, newest first
    expect(midwife.locator("#section-fears")).to_contain_text("Needles, being alone.")
    plan = plan_for(pregnancy, by=personas.midwife)
    assert [v.number for v in section_history(plan, PlanSection.FEARS)] == [2, 1]
    follow_link(midwife, "See who changed what and when")
    expect(midwife.locator(".app-plan-change").first).to_contain_text("version 2")
    expect(midwife.locator(".app-plan-change").nth(1)).to_contain_text("Afraid of hospitals.")

    # And both pages fit a phone's width
    narrow = open_page(viewport={"width": 320, "height": 640})
    sign_in(narrow, "midwife")
    for path in ("care-plan/", "care-plan/history/"):
        visit(narrow, f"/pregnancies/{pregnancy.pk}/{path}")
        assert_fits_width(narrow)

"""Two people change the same woman's details at once: the first save wins, and the second
is told so plainly, with what she typed still in the form, so neither loses her work."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.steps import follow_link, press_button, sign_in, success_banner, visit

pytestmark = pytest.mark.django_db(transaction=True)

CONFLICT = "Someone else changed this record while you were editing it."


def _open_her_details_form(page: Page, woman) -> None:
    visit(page, f"/women/{woman.pk}/")
    follow_link(page, "Change her details")
    expect(page.get_by_role("heading", level=1)).to_have_text("Change her details")


def test_second_save_is_refused_and_keeps_what_she_typed(open_page, personas):
    woman = personas.woman
    leader, midwife = open_page(), open_page()

    # Given the team leader and the midwife, each in her own browser, have the woman's
    # details form open
    sign_in(leader, "team_leader")
    _open_her_details_form(leader, woman)
    sign_in(midwife, "midwife")
    _open_her_details_form(midwife, woman)

    # When the team leader notes that the woman needs step-free access, and saves
    leader.get_by_label("Accessibility needs (optional)").fill("Step-free access")
    press_button(leader, "Save her details")
    # Then her change is saved
    expect(success_banner(leader)).to_contain_text("Amina Testwoman's details have been saved")

    # When the midwife, on the form she opened earlier, notes large print and saves
    midwife.get_by_label("Accessibility needs (optional)").fill("Large print letters")
    press_button(midwife, "Save her details", status=409)
    # Then she is told someone else changed the record, in the error summary
    expect(midwife).to_have_title(re.compile("^Error: "))
    summary = midwife.locator(".nhsuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text(CONFLICT)
    expect(summary).to_contain_text("Your changes have not been saved.")
    # And what she typed is still in the form
    expect(midwife.get_by_label("Accessibility needs (optional)")).to_have_value(
        "Large print letters"
    )

    # When she goes back to the record
    follow_link(midwife, "Back to Amina Testwoman's record")
    # Then she sees the team leader's change, and hers is not there
    expect(midwife.get_by_text("Step-free access")).to_be_visible()
    expect(midwife.get_by_text("Large print letters")).to_have_count(0)

"""The LMNS analyst's visit: she signs in and sees counts only; no page she can reach shows
a woman's name or NHS number, and a record's address is refused."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.steps import follow_link, sign_in, sign_out, visit

pytestmark = pytest.mark.django_db(transaction=True)


def _assert_identifies_no_one(page: Page, woman) -> None:
    """Neither the page's words nor its markup carry the woman's name or NHS number."""
    markup = page.content()
    for identifier in (
        woman.given_name,
        woman.family_name,
        woman.nhs_number,
        woman.nhs_number_display,
    ):
        assert identifier not in markup, f"{page.url} shows {identifier!r}"


def test_analyst_sees_aggregates_and_no_one(page, personas):
    woman = personas.woman

    # Given the analyst has signed in through the sign-in form
    sign_in(page, "analyst")

    # Then her home page shows figures, and no one's name or NHS number
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Figures for the LMNS")
    expect(page.get_by_role("table").first).to_be_visible()
    _assert_identifies_no_one(page, woman)
    # And her menu has no way to look for a woman or book one
    menu = page.get_by_role("navigation", name="Main")
    expect(menu.get_by_role("link", name="Find a woman")).to_have_count(0)
    expect(menu.get_by_role("link", name="New booking")).to_have_count(0)

    # When she types the address of the woman's record, or of a search for her
    for path in (f"/women/{woman.pk}/", f"/women/{woman.pk}/edit/", "/search/?q=Testwoman"):
        visit(page, path, status=403)
        # Then she is told her role does not allow it, and the page names no one
        expect(heading).to_have_text("You do not have permission to see this page")
        _assert_identifies_no_one(page, woman)

    # When she goes back to her home page and signs out
    follow_link(page, "Go to your home page")
    expect(heading).to_have_text("Figures for the LMNS")
    sign_out(page)

"""On a phone 320 CSS pixels wide (WCAG 1.4.10 reflow), the midwife's main pages fit the
window without sideways scrolling, and stay accessible."""

import pytest
from playwright.sync_api import Page, expect

from tandem.records.tests.factories import CareContactFactory
from tests.browser.conftest import assert_fits_width
from tests.browser.steps import check_page, press_button, sign_in, visit

pytestmark = pytest.mark.django_db(transaction=True)


def _fits_and_is_accessible(page: Page) -> None:
    assert_fits_width(page)
    check_page(page)


def test_main_pages_fit_a_phone(narrow_page, personas):
    page = narrow_page
    woman = personas.woman
    # Given the woman has had a contact, so her record has a table of contacts
    CareContactFactory(pregnancy=personas.pregnancy).practitioners.set(
        [personas.midwife.practitioner]
    )

    # When the midwife signs in on her phone
    visit(page, "/sign-in/")
    # Then the sign-in page fits
    _fits_and_is_accessible(page)
    sign_in(page, "midwife")
    # Then her caseload fits
    expect(page.get_by_role("link", name="Amina Testwoman").first).to_be_visible()
    _fits_and_is_accessible(page)

    # When she searches for the woman
    visit(page, "/search/?q=Testwoman")
    # Then the results fit
    expect(page.locator("#search-results")).to_contain_text("1 woman found")
    _fits_and_is_accessible(page)

    # When she opens the woman's record
    visit(page, f"/women/{woman.pk}/")
    # Then the record, with its contacts, fits
    expect(page.get_by_role("table", name="Contacts")).to_be_visible()
    _fits_and_is_accessible(page)

    # When she opens the earlier versions of the record, and the new booking form
    for path in (f"/women/{woman.pk}/history/", "/bookings/new/"):
        visit(page, path)
        # Then each fits
        _fits_and_is_accessible(page)

    # When she changes the woman's details, leaving the name empty and the NHS number wrong
    visit(page, f"/women/{woman.pk}/edit/")
    _fits_and_is_accessible(page)
    page.get_by_label("Given name").fill("")
    page.get_by_label("NHS number", exact=True).fill("123")
    press_button(page, "Save her details")
    # Then the form with its error summary and error messages fits
    summary = page.locator(".nhsuk-error-summary")
    expect(summary).to_contain_text("Enter her given name")
    expect(summary).to_contain_text("Enter an NHS number of 10 digits")
    _fits_and_is_accessible(page)

"""The midwife's round: she signs in, finds a woman of her caseload, reads and updates her
record, records a contact, books a new woman, is told plainly when an NHS number is wrong,
and signs out. axe-core checks every page she lands on (see steps.check_page)."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tandem.core.gestation import PREGNANCY_DAYS
from tandem.records.tests.factories import next_test_nhs_number
from tandem.records.tests.personas import ADSWOOD_POSTCODE
from tests.browser.steps import (
    check_page,
    fill_date,
    follow,
    follow_link,
    press_button,
    search_as_she_types,
    sign_in,
    sign_out,
    success_banner,
    summary_value,
)

pytestmark = pytest.mark.django_db(transaction=True)


def _nhs_date(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def _fill_booking(page: Page, *, nhs_number: str) -> None:
    """Bethan Newbooking, born in 1998, living in Adswood, 10 weeks pregnant, booked today."""
    today = timezone.localdate()
    page.get_by_label("NHS number", exact=True).fill(nhs_number)
    page.get_by_label("Given name").fill("Bethan")
    page.get_by_label("Family name").fill("Newbooking")
    fill_date(page, "date_of_birth", date(1998, 3, 15))
    page.get_by_label("Postcode").fill(ADSWOOD_POSTCODE)
    page.get_by_label("Ethnic category").select_option(label="Black or Black British: African")
    interpreter = page.get_by_role("group", name="Does she need an interpreter?")
    interpreter.get_by_label("No", exact=True).check()
    fill_date(page, "lmp", today - timedelta(weeks=10))
    fill_date(page, "booking_date", today)
    page.get_by_label("Named midwife (optional)").select_option(label="Midwife Persona")


def test_midwife_finds_updates_and_books(page, personas):
    woman = personas.woman
    today = timezone.localdate()
    heading = page.get_by_role("heading", level=1)

    # Given the midwife has signed in through the sign-in form
    sign_in(page, "midwife")

    # Then her home page lists the woman she is named midwife for
    expect(heading).to_have_text("Your caseload")
    mine = page.get_by_role("table", name="Women you are named midwife for")
    expect(mine.get_by_role("link", name="Amina Testwoman")).to_be_visible()

    # When she looks for the woman by name
    follow_link(page, "Find a woman")
    search_as_she_types(page, "Amina Testwoman")
    # Then she finds her, and only her
    results = page.locator("#search-results")
    expect(results).to_contain_text("1 woman found")
    expect(results.get_by_role("link", name="Amina Testwoman")).to_be_visible()

    # When she looks for the woman by NHS number, typed with spaces
    search_as_she_types(page, woman.nhs_number_display)
    # Then she finds her again, and opens her record from the results
    expect(results).to_contain_text("1 woman found")
    follow(page, results.get_by_role("link", name="Amina Testwoman"))

    # Then the record shows her NHS number and how many weeks pregnant she is today
    expect(heading).to_have_text("Amina Testwoman")
    expect(summary_value(page, "NHS number")).to_have_text(woman.nhs_number_display)
    days_pregnant = PREGNANCY_DAYS - (personas.pregnancy.edd - today).days
    expect(summary_value(page, "Gestation today")).to_have_text(
        f"{days_pregnant // 7}+{days_pregnant % 7} weeks"
    )

    # When she changes the woman's main language and notes she needs an interpreter
    follow_link(page, "Change her details")
    page.get_by_label("Main language").select_option(label="Polish")
    interpreter = page.get_by_role("group", name="Does she need an interpreter?")
    interpreter.get_by_label("Yes").check()
    press_button(page, "Save her details")
    # Then she is back on the record, told the details are saved, and sees the change
    expect(heading).to_have_text("Amina Testwoman")
    expect(success_banner(page)).to_contain_text("Amina Testwoman's details have been saved")
    expect(summary_value(page, "Main language")).to_have_text("Polish")
    expect(summary_value(page, "Needs an interpreter")).to_have_text("Yes")

    # When she records yesterday's antenatal appointment, which the woman attended
    follow_link(page, "Record a contact")
    yesterday = today - timedelta(days=1)
    fill_date(page, "contact_date", yesterday)
    page.locator("#contact_time").fill("10:30")
    page.get_by_label("Antenatal appointment").check()
    page.get_by_label("Attended", exact=True).check()
    wellbeing = page.get_by_role("group", name=re.compile("emotional wellbeing"))
    wellbeing.get_by_label("Yes").check()
    # (NHS.UK radios: the first option has the field's id, the n-th "<id>-<n>")
    page.locator("#feeling_down-2").check()  # no
    page.locator("#little_interest-2").check()  # no
    page.locator("#nervous").check()  # not at all
    page.locator("#worrying").check()  # not at all
    press_button(page, "Save contact")
    # Then the record lists the contact
    expect(success_banner(page)).to_contain_text("The contact has been recorded")
    contacts = page.get_by_role("table", name="Contacts")
    expect(contacts).to_contain_text(f"{_nhs_date(yesterday)} at 10:30am")
    expect(contacts).to_contain_text("Antenatal appointment")

    # When she registers a new woman and books her pregnancy
    follow_link(page, "New booking")
    new_nhs_number = next_test_nhs_number()
    _fill_booking(page, nhs_number=new_nhs_number)
    press_button(page, "Save booking")
    # Then she is on the new woman's record
    expect(success_banner(page)).to_contain_text(
        "Bethan Newbooking is registered and her pregnancy is booked"
    )
    expect(heading).to_have_text("Bethan Newbooking")
    expect(summary_value(page, "Gestation today")).to_have_text("10+0 weeks")

    # When she books another woman but mistypes the NHS number's last digit
    follow_link(page, "New booking")
    mistyped = next_test_nhs_number()
    mistyped = mistyped[:9] + str((int(mistyped[9]) + 1) % 10)
    _fill_booking(page, nhs_number=mistyped)
    press_button(page, "Save booking")
    # Then the error summary says what is wrong and links to the NHS number field
    expect(page).to_have_title(re.compile("^Error: "))
    summary = page.locator(".nhsuk-error-summary")
    expect(summary).to_be_focused()
    problem = summary.get_by_role(
        "link", name="Enter a valid NHS number: the check digit does not match"
    )
    expect(problem).to_have_attribute("href", "#nhs_number")
    # When she follows the link, the field has the focus, still holding what she typed
    problem.click()
    nhs_number_field = page.locator("#nhs_number")
    expect(nhs_number_field).to_be_focused()
    expect(nhs_number_field).to_have_value(mistyped)
    check_page(page)

    # When she signs out, she is back on the sign-in page
    sign_out(page)

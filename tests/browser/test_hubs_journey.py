"""Emotional wellbeing and onward referral: the midwife records a contact with the Whooley
and GAD-2 answers and a red flag, and is taken to the urgent task; the team leader finds it
from her home page and actions it with an urgent perinatal mental health referral, then
records the service's reply. axe-core checks every page; the directory fits a phone 320 CSS
pixels wide."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tandem.hubs.models import RedFlagTask
from tandem.hubs.tests.helpers import adswood_services
from tests.browser.conftest import assert_fits_width
from tests.browser.steps import (
    choose,
    fill_date,
    follow_link,
    follow_menu,
    press_button,
    sign_in,
    sign_out,
    summary_value,
    visit,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_red_flag_at_a_contact_is_actioned_by_the_team_leader(page, personas):
    adswood_services(personas)
    heading = page.get_by_role("heading", level=1)
    yesterday = timezone.localdate() - timezone.timedelta(days=1)

    # Given the midwife has signed in and opened the form to record a contact
    sign_in(page, "midwife")
    visit(page, f"/pregnancies/{personas.pregnancy.pk}/contacts/new/")

    # When she records the contact, her answers and a red flag
    fill_date(page, "contact_date", yesterday)
    page.get_by_label("Time").fill("10:30")
    choose(page, "Type of contact", "Antenatal appointment")
    choose(page, "What happened", "Attended")
    choose(page, "Did you ask about her emotional wellbeing? (optional)", "Yes")
    # (NHS.UK radios: the first option has the field's id, the n-th "<id>-<n>")
    page.locator("#feeling_down").check()  # yes
    page.locator("#little_interest-2").check()  # no
    page.locator("#wants_help").check()  # yes
    page.locator("#nervous-3").check()  # more than half the days (2)
    page.locator("#worrying-2").check()  # several days (1)
    page.get_by_label("New thoughts or acts of violent self-harm").check()
    page.get_by_label("What you noticed (if you selected a red flag)").fill(
        "Synthetic: said she has had thoughts of hurting herself"
    )
    press_button(page, "Save contact")

    # Then she is taken straight to the urgent task
    expect(heading).to_have_text("Urgent mental health referral")
    expect(summary_value(page, "GAD-2 score (0 to 6)")).to_have_text("3")
    sign_out(page)

    # Given her team leader signs in, the task is on her home page
    sign_in(page, "team_leader")
    follow_link(page, "Urgent mental health referrals to make: 1")
    follow_link(page, "New thoughts or acts of violent self-harm")

    # When she records the urgent referral
    page.get_by_label("Perinatal mental health service referred to").select_option(
        label="Perinatal Mental Health Team (Adswood Family Hub)"
    )
    page.get_by_label("Reason for the referral").fill("Red flag: thoughts of self-harm")
    choose(page, "Her agreement", "She agreed to the referral")
    press_button(page, "Record the urgent referral")

    # Then the referral is sent, urgent, and the task has left her list
    expect(heading).to_have_text("Referral to Perinatal Mental Health Team")
    expect(summary_value(page, "How urgent")).to_have_text("Urgent")
    assert not RedFlagTask.objects.get().is_open

    # When the service replies, she records it
    choose(page, "What has happened", "Accepted")
    fill_date(page, "happened_on", timezone.localdate())
    press_button(page, "Save")
    expect(summary_value(page, "Status")).to_have_text("Accepted")
    visit(page, "/")
    expect(
        page.get_by_role("link", name="Urgent mental health referrals to make: 0")
    ).to_be_visible()


def test_directory_fits_a_phone(narrow_page, personas):
    adswood_services(personas)
    sign_in(narrow_page, "midwife")
    follow_menu(narrow_page, "Hubs and services")
    narrow_page.get_by_label("Type of service").select_option(label="Perinatal mental health")
    press_button(narrow_page, "Show services")
    expect(narrow_page.get_by_role("heading", name="Services (1)")).to_be_visible()
    assert_fits_width(narrow_page)

"""The postnatal handover: the midwife previews and sends the handover of mother and baby
from the birth on the woman's record; the health visitor finds it from her home page,
reads it as sent and acknowledges it with a question. axe-core checks every page, and the
handover and the team's list fit a phone 320 CSS pixels wide."""

import pytest
from playwright.sync_api import expect

from tandem.handover.models import Handover, HandoverStatus
from tandem.outcomes.services import record_birth
from tandem.outcomes.tests.factories import baby_values, labour_values
from tests.browser.conftest import assert_fits_width
from tests.browser.steps import (
    choose,
    follow_link,
    follow_menu,
    press_button,
    sign_in,
    sign_out,
    success_banner,
    summary_value,
    visit,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_midwife_sends_and_health_visitor_acknowledges(page, open_page, personas):
    woman = personas.woman
    record_birth(
        by=personas.midwife,
        pregnancy=personas.pregnancy,
        labour=labour_values(),
        babies=[baby_values(1, birth_weight_g=3275)],
    )
    heading = page.get_by_role("heading", level=1)

    # Given the midwife has signed in and opened the record of a woman who has given birth
    sign_in(page, "midwife")
    visit(page, f"/women/{woman.pk}/")

    # When she chooses to hand over to health visiting
    follow_link(page, "Hand over to health visiting")

    # Then she sees what the handover will say, with the baby's weight from the record
    expect(heading).to_have_text("Hand over to health visiting")
    expect(summary_value(page, "Birth weight")).to_have_text("3,275 g")

    # When she sends it without saying how the baby is fed, she is asked to
    press_button(page, "Send the handover")
    expect(page.locator(".nhsuk-error-summary")).to_contain_text("Select how the baby is fed now")

    # When she answers and sends it
    choose(page, "How is the baby fed now?", "Breast milk and formula")
    choose(page, "Are there safeguarding concerns?", "No")
    page.get_by_label("Concerns for the health visitor").fill("Tired; partner back at work.")
    press_button(page, "Send the handover")

    # Then the handover is shown as sent, awaiting the health visitors
    expect(success_banner(page)).to_contain_text("sent to Adswood health visitors")
    expect(summary_value(page, "Status")).to_contain_text("Awaiting acknowledgement")
    sign_out(page)

    # Given the health visitor of the receiving team signs in
    sign_in(page, "health_visitor")
    expect(page.get_by_role("link", name="Handovers not acknowledged in time: 0")).to_be_visible()

    # When she opens her team's handovers and the one for this woman
    follow_menu(page, "Handovers")
    follow_link(page, "Adswood health visitors: 0 handovers not acknowledged in time")
    follow_link(page, str(woman))
    expect(summary_value(page, "Feeding now")).to_have_text("Breast milk and formula")

    # And acknowledges it with a follow-up question
    follow_link(page, "Acknowledge this handover")
    page.get_by_label("Follow-up questions for the midwife (optional)").fill(
        "Has the newborn hearing screen been done?"
    )
    press_button(page, "Acknowledge the handover")

    # Then it is acknowledged, by her
    expect(success_banner(page)).to_contain_text("You have acknowledged the handover")
    expect(summary_value(page, "Status")).to_have_text("Acknowledged by Health Visitor Persona")
    handover = Handover.objects.get()
    assert (handover.status, handover.acknowledged_by) == (
        HandoverStatus.ACKNOWLEDGED,
        personas.health_visitor,
    )

    # And on a phone the handover page fits the window
    narrow = open_page(viewport={"width": 320, "height": 640})
    sign_in(narrow, "health_visitor")
    visit(narrow, f"/handovers/{handover.pk}/")
    assert_fits_width(narrow)
    visit(narrow, f"/teams/{handover.receiving_team_id}/handovers/")
    expect(narrow.get_by_role("heading", name="Acknowledged (1)")).to_be_visible()
    assert_fits_width(narrow)

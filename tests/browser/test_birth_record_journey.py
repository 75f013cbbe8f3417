"""The birth of twins and the health visitor's 6 to 8 week contact: the midwife records the
birth from the woman's record (a wrong gestation is pointed out at the second twin's field),
then the health visitor records how the second twin is fed. axe-core checks every page."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tandem.outcomes.models import LabourDelivery, RobsonGroup
from tests.browser.steps import (
    choose,
    fill_date,
    follow_link,
    press_button,
    sign_in,
    sign_out,
    success_banner,
    visit,
)

pytestmark = pytest.mark.django_db(transaction=True)


def _fill_baby(page: Page, n: int, *, born_on, time: str, weeks: str) -> None:
    fill_date(page, f"baby_{n}_born_date", born_on)
    page.locator(f"#baby_{n}_born_time").fill(time)
    page.locator(f'input[name="baby_{n}_outcome"][value="01"]').check()
    page.locator(f"#baby_{n}_delivery_method").select_option(label="Spontaneous vertex")
    page.locator(f'input[name="baby_{n}_presentation"][value="01"]').check()
    page.locator(f"#baby_{n}_gestation_weeks").fill(weeks)
    page.locator(f"#baby_{n}_gestation_extra_days").fill("3")
    page.locator(f"#baby_{n}_apgar_5").fill("9")
    page.locator(f"#baby_{n}_birth_weight_g").fill("2380")


def test_midwife_records_twins_and_health_visitor_records_feeding(page, personas):
    woman = personas.woman
    yesterday = timezone.localdate() - timedelta(days=1)
    heading = page.get_by_role("heading", level=1)

    # Given the midwife has signed in and opened the record of a woman in her caseload
    sign_in(page, "midwife")
    visit(page, f"/women/{woman.pk}/")

    # When she chooses to record the birth, and says there were twins
    follow_link(page, "Record the birth")
    expect(heading).to_have_text("How many babies were born?")
    choose(page, "How many babies were born?", "Twins")
    press_button(page, "Continue")
    expect(heading).to_have_text("Record the birth")

    # And she enters the labour and both babies, typing 46 weeks for the second by mistake
    choose(page, "How did labour start?", "Spontaneous")
    fill_date(page, "labour_onset_date", yesterday)
    page.locator("#labour_onset_time").fill("04:15")
    _fill_baby(page, 1, born_on=yesterday, time="11:02", weeks="35")
    _fill_baby(page, 2, born_on=yesterday, time="11:19", weeks="46")
    press_button(page, "Save the birth")

    # Then she is told which baby's gestation is wrong, and nothing is saved
    summary = page.locator(".nhsuk-error-summary")
    expect(summary).to_contain_text("Baby 2: gestation at birth must be between 20+1 and 45+0")
    assert not LabourDelivery.objects.exists()

    # When she corrects it and saves
    page.locator("#baby_2_gestation_weeks").fill("35")
    press_button(page, "Save the birth")

    # Then the record shows the birth of twins
    expect(success_banner(page)).to_contain_text("The birth has been recorded")
    expect(page.get_by_role("heading", name="Baby 2", exact=True)).to_be_visible()
    labour = LabourDelivery.objects.get()
    assert (labour.births_count, labour.robson_group) == (2, RobsonGroup.G8)
    sign_out(page)

    # Given the health visitor for the area signs in and opens the same record
    sign_in(page, "health_visitor")
    visit(page, f"/women/{woman.pk}/")

    # When she records the 6 to 8 week details for the second twin
    follow_link(page, "Record 6 to 8 week details for baby 2")
    expect(heading).to_have_text("6 to 8 week details for baby 2")
    choose(page, "How is the baby fed at the 6 to 8 week contact?", "Breast milk only")
    choose(page, "Was the baby readmitted to hospital within 30 days of birth?", "No")
    press_button(page, "Save 6 to 8 week details")

    # Then they are saved for the second twin and not the first
    expect(success_banner(page)).to_contain_text("6 to 8 week details for baby 2")
    first, second = labour.babies.order_by("birth_order")
    assert (first.feeding_at_6_8_weeks, second.feeding_at_6_8_weeks) == ("", "breast")
    assert second.readmitted_within_30_days is False

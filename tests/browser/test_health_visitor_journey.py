"""The health visitor's round: she signs in, sees the families in her area who are coming
up to 28 weeks, opens one family's record, and cannot open the record of a family outside
her area, whether she searches for it or types its address."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tandem.core.gestation import PREGNANCY_DAYS
from tandem.records.tests.factories import PregnancyFactory, WomanFactory
from tests.browser.steps import (
    follow,
    follow_link,
    search_as_she_types,
    sign_in,
    summary_value,
    visit,
)

pytestmark = pytest.mark.django_db(transaction=True)


def _pregnant_woman(*, given_name, family_name, weeks, area, provider):
    due = timezone.localdate() + timedelta(days=PREGNANCY_DAYS - weeks * 7)
    woman = WomanFactory(given_name=given_name, family_name=family_name)
    PregnancyFactory(woman=woman, provider=provider, area=area, edd=due)
    return woman


def test_health_visitor_sees_her_area_and_not_others(page, personas):
    # Given a family in Adswood 26 weeks pregnant, and one in Brinnington, outside her area
    adswood_woman = _pregnant_woman(
        given_name="Chloe",
        family_name="Inarea",
        weeks=26,
        area=personas.adswood,
        provider=personas.provider,
    )
    outsider_woman = _pregnant_woman(
        given_name="Dana",
        family_name="Elsewhere",
        weeks=26,
        area=personas.brinnington,
        provider=personas.provider,
    )

    # Given the Adswood health visitor has signed in through the sign-in form
    sign_in(page, "health_visitor")

    # Then her home page lists the Adswood family approaching 28 weeks, and not the other
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Families in your areas")
    approaching = page.get_by_role("table", name="Approaching 28 weeks")
    expect(approaching.get_by_role("link", name="Chloe Inarea")).to_be_visible()
    expect(page.get_by_text("Dana Elsewhere")).to_have_count(0)

    # When she opens the Adswood family's record from her home page
    follow(page, approaching.get_by_role("link", name="Chloe Inarea"))
    # Then she sees the woman's record
    expect(heading).to_have_text("Chloe Inarea")
    expect(summary_value(page, "NHS number")).to_have_text(adswood_woman.nhs_number_display)

    # When she searches for the family outside her area, by name and by NHS number
    follow_link(page, "Find a woman")
    results = page.locator("#search-results")
    search_as_she_types(page, "Dana Elsewhere")
    # Then no one is found either way
    expect(results).to_contain_text("No woman you may see matches ‘Dana Elsewhere’")
    search_as_she_types(page, outsider_woman.nhs_number_display)
    expect(results).to_contain_text("No woman you may see matches")

    # When she types the address of that family's record
    visit(page, f"/women/{outsider_woman.pk}/", status=404)
    # Then she is told the page is not found, on an accessible page, with nothing of hers
    expect(heading).to_have_text("Page not found")
    expect(page.get_by_text("Elsewhere")).to_have_count(0)
    # And she can find her way home
    follow_link(page, "Go to your home page")
    expect(heading).to_have_text("Families in your areas")

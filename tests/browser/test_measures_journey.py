"""The LMNS analyst's dashboards: she opens the overview, a measure, the equity page, the
Robson table and the data-quality page, and downloads a table as CSV. Every page is clean
under axe-core, names no one, and fits a phone 320 px wide."""

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tandem.measures import summary
from tandem.measures.spc import default_period
from tandem.measures.tests.factories import give_birth
from tandem.records.tests.factories import PregnancyFactory
from tests.browser.conftest import assert_fits_width
from tests.browser.steps import check_page, follow_link, follow_menu, sign_in, visit

pytestmark = pytest.mark.django_db(transaction=True)

PPH = "Postpartum haemorrhage of 1,500 ml or more"
PAGES = ("/measures/", "/measures/pph_1500/", "/measures/equity/", "/measures/robson/")


@pytest.fixture
def births(personas):
    """Nine births in Adswood in the last complete month, one with a heavy blood loss, with
    the measures' summary brought up to date as the nightly refresh does (so the journey
    measures the pages, not the first recount on a loaded machine)."""
    last_month = default_period(timezone.localdate(), 1)[1]
    for index in range(9):
        pregnancy = PregnancyFactory(
            provider=personas.provider,
            area=personas.adswood,
            booking_date=last_month.first_day,
        )
        give_birth(
            last_month.first_day + timedelta(days=9),
            pregnancy=pregnancy,
            blood_loss_ml=1600 if index == 0 else 300,
        )
    summary.refresh()


def _names_no_one(page: Page, woman) -> None:
    markup = page.content()
    for identifier in (woman.given_name, woman.family_name, woman.nhs_number):
        assert identifier not in markup, f"{page.url} shows {identifier!r}"


def test_analyst_reads_the_dashboards_and_downloads_a_table(page, personas, births):
    heading = page.get_by_role("heading", level=1)

    # Given the analyst has signed in
    sign_in(page, "analyst")

    # When she opens the measures from the menu
    follow_menu(page, "Measures")
    # Then she sees every measure with its latest month, rounded for disclosure
    expect(heading).to_have_text("Measures")
    expect(page.get_by_role("link", name=PPH)).to_be_visible()
    expect(page.get_by_text("Counts from 1 to 7 are shown as 5")).to_be_visible()
    _names_no_one(page, personas.woman)

    # When she opens a measure
    follow_link(page, PPH)
    # Then she sees its chart beside its figures, the funnel, breakdown, gate and definition
    expect(heading).to_have_text(PPH)
    expect(page.get_by_role("img", name=f"{PPH} by month")).to_be_visible()
    for section in ("Month by month", "Providers compared", "Breakdown", "Definition"):
        expect(page.get_by_role("heading", name=section, exact=True)).to_be_visible()

    # When she downloads the month-by-month figures
    with page.expect_download() as download:
        page.get_by_role("link", name="Download as CSV").first.click()
    # Then she has a CSV of the chart's values
    content = download.value.path().read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(content)))
    assert list(rows[0]) == ["period", "value", "mean", "lower_limit", "upper_limit", "point_type"]
    # 1 of 9 published as 5 of 10 in the last month: 500 per 1,000.
    assert rows[-1]["value"] == "500"

    # When she opens the equity, Robson and data-quality pages
    for link, title in (
        ("Equity", "Measures by ethnic group and deprivation"),
        ("Robson groups", "Robson groups"),
        ("Data quality", "Data quality"),
    ):
        follow_link(page, link)
        # Then each shows its figures and names no one
        expect(heading).to_have_text(title)
        expect(page.get_by_role("table").first).to_be_visible()
        _names_no_one(page, personas.woman)


def test_dashboards_fit_a_phone(narrow_page, personas, births):
    page = narrow_page
    # Given the analyst has signed in on her phone
    sign_in(page, "analyst")
    for path in (*PAGES, "/measures/data-quality/"):
        # When she opens each dashboard page
        visit(page, path)
        # Then it fits the width and stays accessible
        assert_fits_width(page)
        check_page(page)

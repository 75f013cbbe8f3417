"""Steps the browser journeys share: signing in and out through the real form, moving from
page to page, and the checks every page gets once it has loaded.

Every step that lands on a page (a link followed, a form sent, an address typed) ends with
`check_page`: axe-core finds no violation of any impact and the console shows no error.
"""

import re

from playwright.sync_api import Locator, Page, expect

from tandem.records.tests.factories import TEST_PASSWORD
from tests.browser.conftest import assert_accessible, assert_no_console_errors


def check_page(page: Page, *, status: int = 200) -> None:
    """Then the page is accessible and nothing went wrong in the browser."""
    assert_accessible(page)
    assert_no_console_errors(page, status=status if status >= 400 else None)


def visit(page: Page, path: str, *, status: int = 200) -> None:
    """When she types the address of `path`."""
    response = page.goto(path)
    assert response is not None and response.status == status, (
        f"{path} answered {response and response.status}, not {status}"
    )
    check_page(page, status=status)


def follow(page: Page, target: Locator, *, status: int = 200) -> None:
    """When she clicks a link or a button that loads a page (after any redirect)."""
    with page.expect_navigation() as navigation:
        target.click()
    response = navigation.value
    assert response is not None and response.status == status, (
        f"{page.url} answered {response and response.status}, not {status}"
    )
    check_page(page, status=status)


def follow_link(page: Page, name: str, *, status: int = 200) -> None:
    follow(page, page.get_by_role("link", name=name, exact=True), status=status)


def press_button(page: Page, name: str, *, status: int = 200) -> None:
    follow(page, page.get_by_role("button", name=name, exact=True), status=status)


def sign_in(page: Page, username: str) -> None:
    """Given she has signed in through the sign-in form, she is on her home page."""
    visit(page, "/sign-in/")
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    press_button(page, "Sign in")
    expect(page).to_have_url(re.compile(r"/$"))


def sign_out(page: Page) -> None:
    """When she signs out, she is back on the sign-in page and her pages are closed to her."""
    press_button(page, "Sign out")
    expect(page).to_have_url(re.compile(r"/sign-in/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to Tandem")
    visit(page, "/")
    expect(page).to_have_url(re.compile(r"/sign-in/\?next=/$"))


def search_as_she_types(page: Page, query: str) -> None:
    """When she types in the search box, the results appear under it (htmx, no reload)."""
    box = page.get_by_label("NHS number or name")
    with page.expect_response(_is_search_answer) as answer:
        box.fill(query)
    assert answer.value.status == 200
    expect(page.locator("#search-results")).to_contain_text(f"‘{query}’")
    check_page(page)


def _is_search_answer(response) -> bool:
    return "/search/?" in response.url


def summary_value(page: Page, key: str) -> Locator:
    """The value next to `key` in the first summary list row with that key."""
    row = page.locator(".nhsuk-summary-list__row").filter(
        has=page.locator(
            ".nhsuk-summary-list__key", has_text=re.compile(rf"^\s*{re.escape(key)}\s*$")
        )
    )
    return row.first.locator(".nhsuk-summary-list__value")


def fill_date(page: Page, name: str, value) -> None:
    """Types a date into the three boxes (day, month, year) of an NHS.UK date input."""
    page.locator(f"#{name}_day").fill(str(value.day))
    page.locator(f"#{name}_month").fill(str(value.month))
    page.locator(f"#{name}_year").fill(str(value.year))


def success_banner(page: Page) -> Locator:
    """The green banner that says something has been saved."""
    return page.locator(".nhsuk-notification-banner--success")


def choose(page: Page, question: str, answer: str) -> None:
    """Checks the radio labelled `answer` in the group (fieldset) whose legend is `question`."""
    group = page.get_by_role("group", name=question, exact=True)
    group.get_by_role("radio", name=answer, exact=True).check()


def table_row(table: Locator, first_cell: str) -> Locator:
    """The row of `table` whose first cell reads `first_cell` (a responsive table's cells
    also hold their column heading for small screens; it is ignored)."""
    return table.locator("tbody tr").filter(
        has=table.page.locator(
            "td:first-child, th:first-child",
            has_text=re.compile(rf"(^|\s){re.escape(first_cell)}\s*$"),
        )
    )


def follow_menu(page: Page, name: str) -> None:
    """When she opens a page from the header menu; entries that do not fit the width are
    under its "More" button."""
    menu = page.get_by_role("navigation", name="Main")
    link = menu.get_by_role("link", name=name, exact=True)
    if not link.is_visible():
        menu.get_by_role("button", name=re.compile("More")).click()
    follow(page, link)

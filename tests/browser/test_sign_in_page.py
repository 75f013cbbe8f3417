"""Given the sign-in page, it is accessible, fits a phone and signs a midwife in."""

from tests.browser.conftest import assert_accessible, assert_fits_width, assert_no_console_errors


def test_sign_in_page_is_accessible(page):
    page.goto("/sign-in/")
    assert_accessible(page)
    assert_no_console_errors(page)


def test_sign_in_page_fits_320px(narrow_page):
    narrow_page.goto("/sign-in/")
    assert_fits_width(narrow_page)

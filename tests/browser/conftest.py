"""Headless Chromium (Debian's, not Playwright's download) driven by Playwright, with an
axe-core accessibility check any test can run on the page it is on."""

import json
import os
import shutil
from pathlib import Path

import pytest

AXE_SCRIPT = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Chromium's own background traffic is refused on this closed network; keep it quiet.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium_browser():
    # Playwright's sync API keeps an event loop running in this thread, which Django's
    # async-safety check would otherwise mistake for async code touching the database.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


def _open_page(browser, base_url, **context_options):
    context = browser.new_context(base_url=base_url, **context_options)
    # Injected through the DevTools protocol, so the page's strict CSP does not block it.
    context.add_init_script(AXE_SCRIPT)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.console_errors = []
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and page.console_errors.append({"text": message.text, "url": message.location["url"]})
        ),
    )
    return context, page


@pytest.fixture
def open_page(chromium_browser, live_server):
    """Opens pages in browser contexts of their own (separate cookies, so separate
    sign-ins) on the live server; `open_page(viewport=...)` for a given window size."""
    contexts = []

    def opener(**context_options):
        context, page = _open_page(chromium_browser, live_server.url, **context_options)
        contexts.append(context)
        return page

    yield opener
    for context in contexts:
        context.close()


@pytest.fixture
def page(open_page):
    return open_page()


@pytest.fixture
def narrow_page(open_page):
    """A phone-sized window: 320 CSS pixels wide (WCAG 1.4.10 reflow)."""
    return open_page(viewport={"width": 320, "height": 640})


def axe_violations(page) -> list[dict]:
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                                           'wcag22aa', 'best-practice']},
            resultTypes: ['violations']
        })"""
    )
    # Every impact counts (minor and moderate too): the standard is "axe-core clean".
    return result["violations"]


def assert_accessible(page) -> None:
    """No axe-core violations of any impact on the page as it stands."""
    violations = axe_violations(page)
    summary = [
        {"rule": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in violations
    ]
    assert not violations, f"axe-core on {page.url}:\n{json.dumps(summary, indent=2)}"


def assert_no_console_errors(page, *, status: int | None = None) -> None:
    """No script errors, refused resources or Content-Security-Policy violations since the
    last check. `status` is the page's own expected error status (404, 409…), which
    Chromium also reports on the console; only that one line is let through."""
    expected = f"the server responded with a status of {status} " if status else None
    errors = [
        error["text"]
        for error in page.console_errors
        if not (expected and expected in error["text"] and error["url"] == page.url)
    ]
    page.console_errors.clear()
    assert not errors, f"{page.url}: {errors}"


def assert_fits_width(page) -> None:
    """Nothing forces the reader to scroll sideways."""
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} is {overflow}px wider than the window"

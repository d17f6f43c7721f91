"""The built sample site in Debian's Chromium, driven by Playwright; never a downloaded browser.

In CI (CI=true) a missing Chromium fails the suite; elsewhere the browser tests skip and say why.
A failing test leaves a screenshot under test-artifacts/screenshots/ and prints its path.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright
from reader import Recorder, serve

CHROMIUM = Path(os.environ.get("DVK_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not CHROMIUM.exists():
        message = (f"no Chromium at {CHROMIUM}: install it with `apt-get install chromium` "
                   "(or point DVK_CHROMIUM at one)")
        if _in_ci():
            pytest.fail(f"{message}; CI must run the browser tests", pytrace=False)
        pytest.skip(f"browser tests skipped, {message}")
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def site_url(sample_site: Path) -> Iterator[str]:
    """The base URL of the built sample site, served on 127.0.0.1."""
    with serve(sample_site) as url:
        yield url


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def page(browser: Browser, recorder: Recorder, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh tab that records console errors and requests, and cannot reach past 127.0.0.1."""
    context = browser.new_context(locale="vi-VN", service_workers="block")
    # A request elsewhere is recorded (and fails the test that looks), but never leaves the machine.
    context.route(re.compile(r"^(?!https?://127\.0\.0\.1[:/])[a-z]+://"), lambda route: route.abort())
    tab = context.new_page()
    recorder.attach(tab)
    request.node.dvk_page = tab  # for the screenshot on failure
    yield tab
    context.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    report = yield
    tab: Page | None = getattr(item, "dvk_page", None)
    if report.failed and report.when == "call" and tab is not None and not tab.is_closed():
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / (re.sub(r"[^\w.-]+", "_", item.nodeid) + ".png")
        try:
            tab.screenshot(path=path, full_page=True)
            report.sections.append(("screenshot", f"screenshot of the page: {path}"))
        except Exception as error:  # the test's own failure matters more than a missing picture
            report.sections.append(("screenshot", f"no screenshot ({error})"))
    return report


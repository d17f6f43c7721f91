"""The built sample site in Debian's Chromium, driven by Playwright; never a downloaded browser.

In CI (CI=true) a missing Chromium fails the suite; elsewhere the browser tests skip and say why.
A failing test leaves a screenshot under test-artifacts/screenshots/ and prints its path.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright

from bench.chromium import ARGS as CHROMIUM_ARGS
from bench.chromium import CHROMIUM
from browser.reader import PAGE_TYPES, SCREENS, WATCH_POLICY, Recorder, Visit, pages_of_type, serve

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


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


def new_context(browser: Browser, screen: str) -> BrowserContext:
    """A browser profile of its own that cannot reach past 127.0.0.1."""
    context = browser.new_context(viewport=SCREENS[screen], locale="vi-VN", service_workers="block")
    context.add_init_script(WATCH_POLICY)
    # A request elsewhere is recorded (and fails the test that looks), but never leaves the machine;
    # files stay readable, for the offline copy opened from a folder.
    context.route(re.compile(r"^(?!https?://127\.0\.0\.1[:/]|file://)[a-z]+://"), lambda route: route.abort())
    return context


def open_page_type(tab: Page, site_url: str, site: Path, kind: str) -> None:
    """Open a kind of page (a key of PAGE_TYPES) and wait until it is quiet; skip one not built yet."""
    path = PAGE_TYPES[kind]
    if "*" in path:
        found = pages_of_type(site, path)
        if not found:
            pytest.skip(f"no {kind} page in the built site yet ({path})")
        path = found[0].parent.relative_to(site).as_posix() + "/"
    response = tab.goto(site_url + path, wait_until="networkidle")
    assert response is not None
    if response.status == 404:
        pytest.skip(f"the {kind} page /{path} is not built yet (404)")
    assert response.ok, f"/{path} answered {response.status}"


@pytest.fixture(scope="session")
def visits(browser: Browser, site_url: str, sample_site: Path) -> Iterator[Callable[[str, str], Visit]]:
    """Each kind of page on each screen, opened once and kept open for every check that reads it."""
    contexts = {screen: new_context(browser, screen) for screen in SCREENS}
    opened: dict[tuple[str, str], Visit | str] = {}

    def visit(kind: str, screen: str) -> Visit:
        if (kind, screen) not in opened:
            tab = contexts[screen].new_page()
            recorder = Recorder()
            recorder.attach(tab)
            try:
                open_page_type(tab, site_url, sample_site, kind)
                opened[kind, screen] = Visit(tab, recorder)
            except pytest.skip.Exception as skipped:
                opened[kind, screen] = str(skipped)
        seen = opened[kind, screen]
        if isinstance(seen, str):
            pytest.skip(seen)
        return seen

    yield visit
    for context in contexts.values():
        context.close()


@pytest.fixture
def seen(visits: Callable[[str, str], Visit], kind: str, screen: str, request: pytest.FixtureRequest) -> Visit:
    """The page of a test parametrized by `kind` and `screen`."""
    visit = visits(kind, screen)
    request.node.dvk_page = visit.page  # for the screenshot on failure
    return visit


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def page(browser: Browser, recorder: Recorder, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh tab on a desktop screen that records console errors and requests."""
    context = new_context(browser, "desktop")
    tab = context.new_page()
    recorder.attach(tab)
    request.node.dvk_page = tab  # for the screenshot on failure
    yield tab
    context.close()


@pytest.fixture
def visit(page: Page, site_url: str, sample_site: Path) -> Callable[[str], None]:
    """Open a kind of page in the test's own tab."""
    return lambda kind: open_page_type(page, site_url, sample_site, kind)


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

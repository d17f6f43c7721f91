"""A test of the tests: each check, pointed at a copy of the site broken on purpose, reports it.

The breakages are injected into copies of the home page beside it, so the page's own assets
load as usual and the only fault is the one under test.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from browser.reader import PHONE, Recorder, accessibility_violations, serve, sideways_overflow

BREAKAGES = {
    # From a file of the site: the page's policy refuses an inline script before it could throw.
    "script-error": '<script src="script-error.js"></script>',
    "too-wide": '<div style="width: 2000px">Một khối rộng 2000px</div>',
    "image-without-alt": '<img src="assets/images/favicon.png">',
    "third-party": '<img alt="" src="https://cdn.example.com/pixel.png">',
}


@pytest.fixture(scope="module")
def broken_site_url(sample_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = tmp_path_factory.mktemp("broken") / "site"
    shutil.copytree(sample_site, site)
    home = (site / "index.html").read_text(encoding="utf-8")
    (site / "script-error.js").write_text('throw new Error("hỏng có chủ ý");\n', encoding="utf-8")
    for name, html in BREAKAGES.items():
        broken = home.replace('<article class="dvk-home">', f'<article class="dvk-home">{html}', 1)
        assert broken != home, "the home page has changed: inject the breakage elsewhere"
        (site / f"{name}.html").write_text(broken, encoding="utf-8")
    with serve(site) as url:
        yield url


def test_a_script_error_is_reported(page: Page, recorder: Recorder, broken_site_url: str) -> None:
    page.goto(broken_site_url + "script-error.html", wait_until="networkidle")
    assert any("hỏng có chủ ý" in error for error in recorder.console_errors), recorder.console_errors


def test_an_element_wider_than_a_phone_is_reported(page: Page, broken_site_url: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(broken_site_url + "too-wide.html", wait_until="networkidle")
    problems = sideways_overflow(page)
    assert problems[0].startswith("page is ")
    assert any(line.startswith("div reaches 2") for line in problems[1:]), problems


def test_an_image_without_alt_is_a_serious_violation(page: Page, broken_site_url: str) -> None:
    page.goto(broken_site_url + "image-without-alt.html", wait_until="networkidle")
    assert any(line.startswith("image-alt (critical)") for line in accessibility_violations(page))


def test_a_request_to_another_host_is_reported_and_never_leaves(page: Page, recorder: Recorder,
                                                                broken_site_url: str) -> None:
    page.goto(broken_site_url + "third-party.html", wait_until="networkidle")
    assert recorder.foreign_requests() == ["https://cdn.example.com/pixel.png"]
    # the route aborted it: the browser reports a failed load, not an image
    assert page.evaluate("() => document.querySelector('img[src*=cdn]').naturalWidth") == 0

"""Every page carries a Content-Security-Policy that runs the site's own scripts and nothing else.

In Chromium, served on 127.0.0.1 and opened from a folder (the offline copy): every kind of page
runs under its policy without one refusal, and markup injected into a built page after the build
(as if the sanitiser had let it through) is refused, never run.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from browser.conftest import new_context
from browser.reader import PAGE_TYPES, Recorder, Visit, pages_of_type, policy_of, policy_refusals, serve

MARKER = "document.documentElement.dataset.pwned"
INJECTED = (f'<img alt="" src="x" onerror="{MARKER} = 1">'
            f"<script>{MARKER} = 2</script>")


def script_src(policy: str) -> str:
    return next(part for part in policy.split("; ") if part.startswith("script-src "))


def offline_file(site: Path, kind: str) -> Path:
    """The file of a kind of page in the offline copy (links end in .html there)."""
    path = PAGE_TYPES[kind]
    if "*" in path:
        found = pages_of_type(site, path)
        if not found:
            pytest.skip(f"no {kind} page in the built site yet ({path})")
        return found[0]
    if path.endswith("/"):
        folder = site / path / "index.html"
        return folder if folder.is_file() else site / (path[:-1] + ".html")
    return site / (path or "index.html")


@pytest.fixture(scope="module")
def desktop(browser: Browser) -> Iterator[BrowserContext]:
    context = new_context(browser, "desktop")
    yield context
    context.close()


def opened(context: BrowserContext, url: str) -> tuple[Page, Recorder]:
    tab = context.new_page()
    recorder = Recorder()
    recorder.attach(tab)
    tab.goto(url, wait_until="networkidle")
    return tab, recorder


def with_injection(page: Path) -> Path:
    """A copy of a built page beside it, with a handler and an inline script in its body."""
    html = page.read_text(encoding="utf-8")
    broken = html.replace("<article", f"<div>{INJECTED}</div><article", 1)
    assert broken != html, "the page has no <article>: inject elsewhere"
    copy = page.with_name("injected.html")
    copy.write_text(broken, encoding="utf-8")
    return copy


# --- the site's own pages run under their policy -----------------------------------------------

@pytest.mark.parametrize("screen", ["desktop"])
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_a_served_page_has_a_policy_and_breaks_none_of_it(seen: Visit) -> None:
    policy = policy_of(seen.page)
    assert policy is not None, "no Content-Security-Policy first in <head>"
    assert script_src(policy).startswith("script-src 'self' 'sha256-")
    assert "'unsafe-inline'" not in script_src(policy) and "file:" not in policy
    assert policy_refusals(seen.page) == []
    assert seen.recorder.console_errors == []


# The "not found" page too: no server sends it from a folder, but it is in the copy, and opens.
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_an_offline_page_has_a_policy_and_breaks_none_of_it(desktop: BrowserContext, offline_site: Path,
                                                            kind: str) -> None:
    tab, recorder = opened(desktop, offline_file(offline_site, kind).as_uri())
    try:
        policy = policy_of(tab)
        assert policy is not None and "'unsafe-inline'" not in script_src(policy)
        assert policy_refusals(tab) == []
        assert recorder.console_errors == []
        assert tab.evaluate("() => document.documentElement.classList.contains('js')")  # Material's script ran
    finally:
        tab.close()


# --- what slipped through does not run ---------------------------------------------------------

def assert_refused(tab: Page) -> None:
    assert tab.evaluate(f"() => {MARKER}") is None, "the injected script ran"
    refused = policy_refusals(tab)
    assert any(line.startswith("script-src-attr refused inline") for line in refused), refused
    assert any(line.startswith("script-src-elem refused inline") for line in refused), refused
    assert tab.evaluate("() => document.documentElement.classList.contains('js')")  # the site's own still run


def test_a_handler_and_a_script_injected_after_the_build_are_refused_when_served(
        desktop: BrowserContext, sample_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(sample_site, site)
    page = offline_file(site, "exemplar")
    injected = with_injection(page)
    with serve(site) as url:
        tab, _ = opened(desktop, url + injected.relative_to(site).as_posix())
        assert_refused(tab)
        tab.close()


def test_a_handler_and_a_script_injected_after_the_build_are_refused_from_a_folder(
        desktop: BrowserContext, offline_site: Path) -> None:
    injected = with_injection(offline_file(offline_site, "exemplar"))
    try:
        tab, _ = opened(desktop, injected.as_uri())
        assert_refused(tab)
        tab.close()
    finally:
        injected.unlink()

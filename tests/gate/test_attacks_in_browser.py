"""No injected handler runs in a real browser.

ONE hostile project holds every active-content case that `dvk check --strict` lets through (the
harness's active batch; refused cases are left out). The built site is served on 127.0.0.1 and
Debian's Chromium, driven by Playwright, opens every HTML page. Each payload sets
`window.__pwned` / `data-pwned` to its own case marker (or opens a dialog naming it); after the
page loads, the test also fires the events inline handlers wait for (mouseover, click, focus…)
on every element that carries one, and types into the search box. The marker must stay unset.
"""

from __future__ import annotations

import functools
import os
import shutil
from pathlib import Path

import pytest

from bench.chromium import ARGS, CHROMIUM  # the browser tests' Chromium, started as they start it
from bench.localserver import QuietFiles, serving

TRIGGER = """() => {
  const block = e => e.preventDefault();              // events may fire, but never navigate away
  window.addEventListener('click', block, true);
  window.addEventListener('submit', block, true);
  const kinds = ['mouseover', 'mouseenter', 'click', 'dblclick', 'focus', 'blur', 'toggle', 'load',
                 'error', 'animationstart', 'pointerover', 'keydown', 'input', 'change'];
  let fired = 0;
  for (const el of document.querySelectorAll('*')) {
    const handlers = [...el.attributes].filter(a => a.name.toLowerCase().startsWith('on'));
    if (!handlers.length) continue;
    for (const k of kinds) {
      try { el.dispatchEvent(new Event(k, {bubbles: false, cancelable: true})); fired++; } catch (e) {}
    }
  }
  for (const el of document.querySelectorAll('[tabindex],[autofocus],a,button,input')) {
    try { el.focus(); } catch (e) {}
  }
  return fired;
}"""
MARKER = "() => [window.__pwned || null, document.documentElement.dataset.pwned || null]"


def _chromium_or_skip() -> None:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing and CI=true: the browser test must run in CI")
        pytest.skip(f"{CHROMIUM} is missing")
    pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def hostile_site(harness):
    _chromium_or_skip()
    harness.submit_active().result()
    if harness.active_site is None or not harness.active_passed:
        pytest.skip("no active-content case passed the check: nothing to open in a browser")
    return harness.active_site, harness.active_passed


@pytest.fixture(scope="module")
def served(hostile_site):
    site, _ = hostile_site
    with serving(functools.partial(QuietFiles, directory=str(site))) as url:
        yield url.rstrip("/")


def test_no_injected_handler_runs_on_any_page_of_the_hostile_site(hostile_site, served, playwright):
    site, cases = hostile_site
    names = {c.mk: c.id for c in cases}
    # redirect stubs (merged units and communes) navigate on their own; the static scan reads them
    pages = sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8", errors="replace")
    )
    ran: list[str] = []
    # One Playwright for the whole session (tests/conftest.py): a second sync one cannot start
    # while the browser tests' is running.
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
    try:
        page = browser.new_page()
        dialogs: list[str] = []

        def on_dialog(d):
            dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", on_dialog)
        for rel in pages:
            url = f"{served}/{rel[: -len('index.html')] if rel.endswith('index.html') else rel}"
            dialogs.clear()
            try:
                page.goto(url, wait_until="load", timeout=20_000)
                page.wait_for_timeout(60)
                page.evaluate(TRIGGER)
                if rel == "index.html":
                    box = page.locator("form.dvk-search input, input[type=search]").first
                    if box.count():
                        for query in ("ho so thu", "zq", "img onerror", "mo hinh"):
                            box.fill(query)
                            page.wait_for_timeout(400)
                            page.evaluate(TRIGGER)
                page.wait_for_timeout(40)
                values = [v for v in page.evaluate(MARKER) if v]
            except Exception as e:  # a page that navigated itself away mid-check is itself suspect
                values = []
                if "Execution context was destroyed" in str(e):
                    ran.append(f"{rel}: the page navigated away on its own ({str(e)[:80]})")
            for v in {*values, *dialogs}:
                who = [cid for mk, cid in names.items() if mk in str(v)] or ["unattributed"]
                ran.append(f"{rel}: {', '.join(who)} ran (marker {str(v)[:60]!r})")
    finally:
        browser.close()
    assert not ran, f"{len(ran)} injected handler(s) ran in Chromium:\n" + "\n".join(ran[:40])
    assert shutil.which(str(CHROMIUM)) or Path(CHROMIUM).exists()

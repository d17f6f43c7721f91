"""The sample site as Debian's nginx serves it (tests/served.py), in Chromium: under the header
policy and each page's own, every kind of page runs its scripts without one console error and
without one refusal, search works, an old address lands on today's page, and a nested missing
path shows the site's own 404 with its styles and scripts."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from browser.conftest import new_context
from browser.reader import Recorder, policy_refusals, search
from dvk.hosting import BuiltSite

PAGES = ["/", "/dien-hinh/", "/don-vi/", "/thong-ke/", "/bien-tap/", "/du-lieu/", "/xa/"]


@pytest.fixture
def tab(browser: Browser) -> Iterator[tuple[Page, Recorder]]:
    context = new_context(browser, "desktop")
    page = context.new_page()
    recorder = Recorder()
    recorder.attach(page)
    yield page, recorder
    context.close()


def quiet(page: Page, recorder: Recorder, allowed: str | None = None) -> None:
    """No console error (but `allowed`'s own status, for a page that is meant to answer 404),
    no refusal by either policy, no request off the site."""
    errors = [e for e in recorder.console_errors if not (allowed and e.endswith(f"({allowed})"))]
    assert not errors, errors
    assert not policy_refusals(page)
    assert not recorder.foreign_requests()


def largest_exemplar(site: BuiltSite) -> str:
    pages = [name for name in site.files if name.startswith("dien-hinh/") and name.count("/") == 2
             and name.endswith("/index.html")]
    return "/" + max(pages, key=lambda name: (site.path(name).stat().st_size, name)).removesuffix("index.html")


@pytest.mark.parametrize("path", PAGES)
def test_a_page_served_by_nginx_runs_under_both_policies_without_an_error(
        tab: tuple[Page, Recorder], nginx_url: str, path: str) -> None:
    page, recorder = tab
    response = page.goto(nginx_url + path, wait_until="networkidle")
    assert response is not None and response.status == 200
    assert response.headers.get("content-security-policy")
    quiet(page, recorder)


def test_the_fullest_exemplar_served_by_nginx_runs_without_an_error(
        tab: tuple[Page, Recorder], nginx_url: str, served_site: BuiltSite) -> None:
    page, recorder = tab
    response = page.goto(nginx_url + largest_exemplar(served_site), wait_until="networkidle")
    assert response is not None and response.status == 200
    quiet(page, recorder)


def test_search_works_under_the_header_policy(tab: tuple[Page, Recorder], nginx_url: str) -> None:
    page, recorder = tab
    page.goto(nginx_url + "/", wait_until="networkidle")
    assert search(page, "dan van kheo").count() > 0
    quiet(page, recorder)


def test_an_old_address_lands_on_the_page_that_carries_its_work_now(
        tab: tuple[Page, Recorder], nginx_url: str, served_site: BuiltSite) -> None:
    page, recorder = tab
    old, new = next((a, b) for a, b in served_site.redirects.items() if a.endswith("/"))
    response = page.goto(nginx_url + old, wait_until="networkidle")
    assert response is not None and response.status == 200
    assert page.url == nginx_url + new
    assert response.request.redirected_from is not None, "nginx's 301, not the page's refresh"
    quiet(page, recorder)


def test_a_nested_missing_path_shows_the_sites_404_with_its_styles(
        tab: tuple[Page, Recorder], nginx_url: str) -> None:
    page, recorder = tab
    url = nginx_url + "/dien-hinh/khong-co/trang-nay/"
    response = page.goto(url, wait_until="networkidle")
    assert response is not None and response.status == 404
    assert page.locator(".md-header").is_visible(), "the theme's header: its stylesheet loaded"
    quiet(page, recorder, allowed=url)

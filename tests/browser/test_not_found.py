"""The "not found" page as a host sends it: for a missing address deep in the site, from a real
HTTP server (reader.serve answers 404 with the site's 404.html, as nginx and GitHub Pages do); and
opened from the offline copy's folder. In Vietnamese, styled, every link and asset answering, its
search asking our own server."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

from browser.reader import Recorder, search

MISSING = "a/b/c/khong-co-trang-nay"


def errors_besides_the_404(recorder: Recorder, site_url: str) -> list[str]:
    """Console errors, but the one Chromium logs for the page's own status."""
    return [e for e in recorder.console_errors if not e.endswith(f"({site_url}{MISSING})")]


def test_a_nested_missing_address_gets_the_vietnamese_page_with_links(page: Page, site_url: str,
                                                                     recorder: Recorder) -> None:
    response = page.goto(site_url + MISSING, wait_until="networkidle")
    assert response is not None and response.status == 404
    assert page.locator("h1").first.inner_text() == "Không tìm thấy trang này"
    assert "Không tìm thấy trang" in page.title()
    for name in ("Trang chủ", "Tất cả điển hình", "Điển hình theo đơn vị", "Thống kê"):
        assert page.locator("article").get_by_role("link", name=name).count() == 1
    assert errors_besides_the_404(recorder, site_url) == []
    assert recorder.foreign_requests() == []


def test_the_nested_not_found_page_is_styled_and_every_address_on_it_answers(page: Page, site_url: str) -> None:
    page.goto(site_url + MISSING, wait_until="networkidle")
    # Material's stylesheet and ours are applied: the header takes the site's red.
    assert page.eval_on_selector(".md-header", "el => getComputedStyle(el).backgroundColor") == "rgb(198, 40, 40)"
    addresses = page.evaluate("""() => [...document.querySelectorAll('[href], [src]')]
        .map((el) => el.href || el.src).filter((url) => url.startsWith(location.origin))""")
    assert len(addresses) > 10
    failing = [url for url in sorted(set(addresses)) if page.request.get(url).status != 200]
    assert failing == []


def test_search_on_the_nested_not_found_page_asks_our_own_server(page: Page, site_url: str,
                                                                recorder: Recorder) -> None:
    page.goto(site_url + MISSING, wait_until="networkidle")
    titles = search(page, "dan van kheo")
    assert titles.count() > 0
    assert errors_besides_the_404(recorder, site_url) == [] and recorder.foreign_requests() == []
    first = page.locator(".dvk-search__list a").first.get_attribute("href")
    assert first is not None and first.startswith("/") and not first.startswith("//")


def test_the_offline_not_found_page_is_styled_from_a_folder(page: Page, offline_site: Path,
                                                          recorder: Recorder) -> None:
    page.goto((offline_site / "404.html").as_uri(), wait_until="networkidle")
    assert page.eval_on_selector(".md-header", "el => getComputedStyle(el).backgroundColor") == "rgb(198, 40, 40)"
    assert recorder.console_errors == []
    page.locator("article").get_by_role("link", name="Tất cả điển hình").click()
    assert page.url.endswith("/dien-hinh/index.html")

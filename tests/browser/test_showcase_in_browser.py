"""The showcase in Chromium: the photo viewer under the site's Content-Security-Policy, served and
from a folder, and its link without JavaScript; the choice of a list's order; print, measured on
PDFs Chromium writes (A4): the statistics page as the Board's report, an exemplar on at most two
pages with the editors' box never left alone, a print button only where it works; sharing by the
phone's share sheet and a copied address."""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from browser.conftest import new_context
from browser.reader import Recorder, pages_of_type, policy_refusals

# One page object per page of the PDF (the page tree's nodes are /Type /Pages).
PDF_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


def pdf_pages(page: Page) -> int:
    return len(PDF_PAGE.findall(page.pdf(format="A4", print_background=True)))


OBJ = re.compile(rb"(\d+) 0 obj\s*(.*?)endobj", re.S)
REF = rb"(\d+) 0 R"


def pdf_page_texts(data: bytes) -> list[str]:
    """The text of each page of a PDF as Chromium writes it (no PDF library in the suite):
    objects in the clear, Flate-compressed streams, text as glyph codes mapped back by each
    font's ToUnicode table, drawn by the page or by the forms it paints."""
    objects = {int(m.group(1)): m.group(2) for m in OBJ.finditer(data)}

    def stream(num: int) -> bytes:
        body = objects[num]
        raw = body[body.index(b"stream") + 6:body.rindex(b"endstream")].lstrip(b"\r\n")
        return zlib.decompress(raw) if b"/FlateDecode" in body[:body.index(b"stream")] else raw

    def names(body: bytes, kind: bytes) -> dict[bytes, int]:
        found = re.search(rb"/" + kind + rb"\s*<<(.*?)>>", body, re.S)
        return {k: int(v) for k, v in re.findall(rb"/(\w+)\s+" + REF, found.group(1))} if found else {}

    def cmap(font: int) -> dict[str, str]:
        unicode = re.search(rb"/ToUnicode\s+" + REF, objects[font])
        table: dict[str, str] = {}
        if unicode:
            text = stream(int(unicode.group(1))).decode("latin-1")
            for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
                for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                    table[src.upper()] = bytes.fromhex(dst).decode("utf-16-be")
            for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
                for lo, hi, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                    for i in range(int(lo, 16), int(hi, 16) + 1):
                        table[f"{i:0{len(lo)}X}"] = chr(int(dst, 16) + i - int(lo, 16))
        return table

    def text_of(body: bytes, content: bytes) -> str:
        fonts = {name: cmap(num) for name, num in names(body, b"Font").items()}
        forms = names(body, b"XObject")
        out, current = [], {}
        for token in re.finditer(rb"/(\w+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>|/(\w+)\s+Do", content):
            if token.group(1):
                current = fonts.get(token.group(1), {})
            elif token.group(2) is not None:
                hexa = token.group(2).decode().upper()
                width = len(next(iter(current), "0000")) or 4
                out.append("".join(current.get(hexa[i:i + width], "") for i in range(0, len(hexa), width)))
            elif token.group(3) in forms:
                num = forms[token.group(3)]
                if b"/Subtype /Form" in objects[num]:
                    out.append(text_of(objects[num], stream(num)))
        return "".join(out)

    texts = []
    for body in objects.values():
        if re.search(rb"/Type\s*/Page(?![A-Za-z])", body):
            contents = re.search(rb"/Contents\s+" + REF, body)
            texts.append(text_of(body, stream(int(contents.group(1)))) if contents else "")
    return texts


def with_photos(site: Path) -> str:
    """The exemplar page with the most photos, as a served path."""
    pages = sorted(pages_of_type(site, "dien-hinh/*/"),
                   key=lambda p: -p.read_text(encoding="utf-8").count("dvk-photo__link"))
    assert pages and "dvk-photo__link" in pages[0].read_text(encoding="utf-8"), "no exemplar with photos"
    return pages[0].parent.relative_to(site).as_posix() + "/"


def sortable_unit(site: Path) -> str:
    for page in sorted(site.glob("don-vi/*/index.html")):
        if 'class="dvk-order"' in page.read_text(encoding="utf-8"):
            return page.parent.relative_to(site).as_posix() + "/"
    pytest.fail("no unit with two exemplars")


# --- the photo viewer -----------------------------------------------------------------------------

def open_viewer(page: Page) -> None:
    page.locator(".dvk-gallery a.dvk-photo__link").first.click()
    page.locator(".pswp--open").wait_for()


def test_a_photo_opens_in_the_viewer_with_its_caption_under_the_policy(page: Page, site_url: str,
                                                                       sample_site: Path, recorder: Recorder) -> None:
    page.goto(site_url + with_photos(sample_site), wait_until="networkidle")
    caption = page.locator(".dvk-gallery figcaption").first.inner_text()
    open_viewer(page)
    large = page.locator(".dvk-gallery a.dvk-photo__link").first.get_attribute("href")
    assert page.locator(".pswp__dvk-caption").inner_text() == caption
    page.locator(f'.pswp__img:not(.pswp__img--placeholder)[src$="{large}"]').first.wait_for()
    assert page.get_by_role("button", name="Đóng (Esc)").is_visible()
    page.keyboard.press("Escape")
    page.locator(".pswp").wait_for(state="detached")
    assert policy_refusals(page) == [] and recorder.console_errors == []
    assert recorder.foreign_requests() == []


def test_the_viewer_runs_from_the_offline_folder(page: Page, offline_site: Path, recorder: Recorder) -> None:
    served = with_photos(offline_site)
    page.goto((offline_site / served / "index.html").as_uri(), wait_until="networkidle")
    open_viewer(page)
    assert policy_refusals(page) == [] and recorder.console_errors == []


@pytest.fixture
def without_javascript(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_without_javascript_a_photo_link_opens_the_large_variant(without_javascript: Page, site_url: str,
                                                                 sample_site: Path) -> None:
    tab = without_javascript
    tab.goto(site_url + with_photos(sample_site))
    link = tab.locator(".dvk-gallery a.dvk-photo__link").first
    width = int(link.get_attribute("data-pswp-width"))
    with tab.expect_navigation():
        link.click()
    assert tab.url.endswith(f"-w{width}.webp")
    assert tab.evaluate("() => document.images[0].naturalWidth") == width
    # and no button that would do nothing
    tab.goto(site_url + "thong-ke/")
    assert not tab.locator("button[data-dvk-print]").is_visible()


# --- the order of a list ----------------------------------------------------------------------------

def test_a_list_can_be_put_newest_first_and_back(page: Page, site_url: str, sample_site: Path) -> None:
    page.goto(site_url + sortable_unit(sample_site), wait_until="networkidle")
    rows = page.locator("ul.dvk-list > li")
    alphabetical = rows.locator(":scope > a").all_inner_texts()
    order = page.get_by_role("navigation", name="Thứ tự danh sách")
    order.get_by_role("link", name="Mới công nhận").click()
    page.wait_for_url("**/moi-nhat/")
    dates = rows.evaluate_all("rows => rows.map((row) => row.dataset.date)")
    assert dates == sorted(dates, reverse=True)
    assert order.get_by_role("link", name="Mới công nhận").get_attribute("aria-current") == "page"
    order.get_by_role("link", name="Tên A–Z").click()
    page.wait_for_url(site_url + sortable_unit(sample_site))  # reading rows mid-navigation finds none
    assert rows.locator(":scope > a").all_inner_texts() == alphabetical


# --- sharing ---------------------------------------------------------------------------------

def test_the_address_is_copied_and_the_share_sheet_offered_where_the_browser_has_one(
        browser: Browser, site_url: str, sample_site: Path) -> None:
    path = with_photos(sample_site)
    public = "https://dan-van-kheo.example/" + path
    context = new_context(browser, "phone")
    try:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
        tab = context.new_page()
        tab.goto(site_url + path, wait_until="networkidle")
        # Chromium on Linux has no share sheet: the button that would open it stays hidden.
        assert tab.evaluate("() => navigator.share === undefined")
        assert not tab.get_by_role("button", name="Gửi qua Zalo hoặc ứng dụng khác").is_visible()
        tab.get_by_role("button", name="Sao chép liên kết").click()
        tab.get_by_role("status").filter(has_text="Đã sao chép liên kết.").wait_for()
        assert tab.evaluate("() => navigator.clipboard.readText()") == public
        # A phone's browser has one (Android's Chrome, Safari): it gets the page's title and address.
        tab.add_init_script("navigator.share = (data) => { window.__shared = data; return Promise.resolve(); };")
        tab.reload(wait_until="networkidle")
        tab.get_by_role("button", name="Gửi qua Zalo hoặc ứng dụng khác").click()
        shared = tab.evaluate("() => window.__shared")
        title = tab.locator("h1").first.evaluate("(h) => h.firstChild.textContent")  # not its ¶ link
        assert shared == {"url": public, "title": title}
    finally:
        context.close()


# --- print ----------------------------------------------------------------------------------------

def test_the_statistics_page_prints_as_the_boards_report(page: Page, site_url: str) -> None:
    page.goto(site_url + "thong-ke/", wait_until="networkidle")
    page.get_by_role("button", name="In báo cáo").wait_for(state="visible")  # shown by assets/dvk.js
    texts = pdf_page_texts(page.pdf(format="A4", print_background=True))
    pages = len(texts)
    # every page numbered at its foot, of the whole (@page margin boxes, Chromium ≥ 131)
    assert [text.count(f"Trang {n} / {pages}") for n, text in enumerate(texts, 1)] == [1] * pages
    assert "Báo cáo số lượng điển hình" in texts[0]
    page.emulate_media(media="print")
    head = page.locator(".dvk-print-head")
    assert head.is_visible()
    text = head.text_content()
    assert "Ban Dân vận Huyện ủy Châu Thành" in text and "Đồng Khởi mới" in text and "58-KH/BDVHU" in text
    assert re.search(r"Cập nhật ngày \d\d/\d\d/\d{4}", text)
    for hidden in ("button", ".md-header", ".md-sidebar", ".md-footer", ".dvk-breadcrumbs", ".dvk-contents"):
        assert not any(element.is_visible() for element in page.locator(hidden).all()), hidden
    assert not any(link.is_visible() for link in page.get_by_role("link", name=re.compile("Tải CSV")).all())
    charts = page.locator("figure.dvk-chart")
    assert charts.count() > 3
    assert set(charts.evaluate_all("cs => cs.map((c) => getComputedStyle(c).breakInside)")) == {"avoid"}
    # whole: a chart on paper is drawn at its full height, never cropped; one left off it is
    # a bar a row whose table, printed under it, carries the figures
    for chart in charts.all():
        if chart.is_visible():
            drawn, stated = chart.locator("svg").evaluate(
                "(s) => [parseFloat(getComputedStyle(s).height), parseFloat(s.getAttribute('height'))]")
            assert abs(drawn - stated) < 1, chart.get_attribute("id")  # zoomed: a fraction of a px off
        else:
            assert chart.evaluate("(c) => c.classList.contains('dvk-chart--tall')"), chart.get_attribute("id")
            table = chart.locator("xpath=following-sibling::*[contains(@class, 'md-typeset__scrollwrap')][1]")
            assert table.is_visible(), chart.get_attribute("id")
    assert charts.evaluate_all("cs => cs.filter((c) => c.checkVisibility()).length") >= 6
    numbered = page.evaluate("""() => [...document.styleSheets].flatMap((sheet) => {
        try { return [...sheet.cssRules]; } catch (e) { return []; } })
        .flatMap((rule) => rule.cssRules ? [...rule.cssRules] : [rule])
        .some((rule) => rule instanceof CSSPageRule && rule.cssText.includes('counter(pages)'))""")
    assert numbered, "no page numbers (@page … counter(page)/counter(pages))"
    assert pages <= 5, f"the report prints on {pages} A4 pages"  # 5 for the sample (was 11, then 9)


def test_every_exemplar_prints_on_at_most_two_pages_with_the_editors_box_under_its_title(
        page: Page, site_url: str, sample_site: Path) -> None:
    served = sorted(p.parent.relative_to(sample_site).as_posix() + "/"
                    for p in pages_of_type(sample_site, "dien-hinh/*/"))
    assert len(served) > 10
    too_long = {}
    for path in served:
        page.emulate_media(media="null")  # page.pdf prints with the print styles
        page.goto(site_url + path, wait_until="networkidle")
        pages = pdf_pages(page)
        if pages > 2:
            too_long[path] = pages
        page.emulate_media(media="print")
        # The box comes before the profile, so it shares the first page with the title.
        box = page.locator(".dvk-editors").bounding_box()
        profile = page.locator("h2", has_text="Hồ sơ").bounding_box()
        assert box is not None and profile is not None and box["y"] < profile["y"], path
    assert too_long == {}


def test_the_print_button_prints(page: Page, site_url: str, sample_site: Path) -> None:
    page.goto(site_url + with_photos(sample_site), wait_until="networkidle")
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.get_by_role("button", name="In trang này").click()
    assert page.evaluate("() => window.__printed") == 1


def test_a_phone_reader_sees_the_cards_and_rows_without_sideways_scrolling(browser: Browser, site_url: str,
                                                                           sample_site: Path) -> None:
    context = new_context(browser, "phone")
    try:
        tab = context.new_page()
        for path in ("", "dien-hinh/", sortable_unit(sample_site)):
            tab.goto(site_url + path, wait_until="networkidle")
            root = "document.documentElement"
            assert tab.evaluate(f"() => {root}.scrollWidth <= {root}.clientWidth"), path
    finally:
        context.close()

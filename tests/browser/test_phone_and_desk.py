"""What a real browser shows a citizen on a 360 px phone and an editor at the desk: text drawn at
a readable size, tables that say they scroll, bars coloured by whether they are met, controls a
finger can hit, contact details on one line, Vietnamese drawn by one font; and no page view
fetches the sitemap. Sizes are measured in Chromium (getBoundingClientRect, computed styles)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page

from bench.synthetic import write_synthetic_project
from browser.conftest import new_context
from browser.reader import Visit, serve
from conftest import run_dvk
from dvk.pages.paging import DESK_ROWS_PER_PAGE

GREEN = "rgb(46, 125, 50)"  # #2e7d32, the colour of a target met


@pytest.mark.parametrize("screen", ["phone", "desktop"])
@pytest.mark.parametrize("kind", ["home", "exemplar", "statistics", "story-desk"])
def test_a_page_view_never_fetches_the_sitemap(seen: Visit) -> None:
    assert seen.recorder.requests, "the recorder is not listening"
    assert [url for url in seen.recorder.requests if "sitemap" in url] == []


@pytest.mark.parametrize(("kind", "screen"), [("statistics", "phone")])
def test_chart_text_is_at_least_11_px_as_drawn_on_a_phone(seen: Visit) -> None:
    sizes = seen.page.evaluate("""() => [...document.querySelectorAll('figure.dvk-chart svg text')].map((t) =>
        [t.textContent, parseFloat(getComputedStyle(t).fontSize) * t.ownerSVGElement.getScreenCTM().a])""")
    assert sizes, "no chart text on the statistics page"
    small = [(text, round(size, 1)) for text, size in sizes if size < 11]
    assert small == []


@pytest.mark.parametrize(("kind", "screen"), [("statistics", "phone")])
def test_a_table_wider_than_the_phone_says_so_and_keeps_its_first_column(seen: Visit) -> None:
    tables = seen.page.evaluate("""() => [...document.querySelectorAll('article table')].map((table) => {
        const outer = table.closest('.md-typeset__scrollwrap') || table;
        const hint = outer.previousElementSibling;
        const box = hint && hint.getBoundingClientRect();
        return {
            head: table.querySelector('th').textContent,
            wide: table.scrollWidth > table.clientWidth + 1
                  || table.getBoundingClientRect().width > outer.clientWidth + 1,
            hint: !!(hint && hint.classList.contains('dvk-scroll-hint') && !hint.hidden && box.height > 0
                     && box.right <= innerWidth),
            sticky: getComputedStyle(table.querySelector('td')).position,
        };
    })""")
    wide = [t for t in tables if t["wide"]]
    assert wide, "no statistics table is wider than a phone: the check would prove nothing"
    assert [t["head"] for t in wide if not t["hint"] or t["sticky"] != "sticky"] == []
    assert [t["head"] for t in tables if not t["wide"] and t["hint"]] == []


@pytest.mark.parametrize(("kind", "screen"), [("statistics", "desktop")])
def test_a_bar_toward_a_target_is_green_exactly_when_it_is_met(seen: Visit) -> None:
    bars = seen.page.evaluate("""() => [...document.querySelectorAll('figure.dvk-chart g.bar')]
        .filter((g) => g.querySelector('rect.track'))
        .map((g) => [g.querySelector('text:last-of-type').textContent,
                     getComputedStyle(g.querySelector('rect.value')).fill])""")
    assert bars
    for shown, fill in bars:
        done, goal = (float(n.replace(".", "").replace(",", ".")) for n in shown.split("/"))
        assert (fill == GREEN) == (done >= goal), (shown, fill)
    assert any(fill == GREEN for _, fill in bars) and any(fill != GREEN for _, fill in bars)


@pytest.mark.parametrize(("kind", "screen"), [("home", "phone")])
def test_a_home_progress_bar_is_green_exactly_when_it_is_met(seen: Visit) -> None:
    rows = seen.page.evaluate("""() => [...document.querySelectorAll('.dvk-progress tbody tr')].map((tr) =>
        [tr.lastElementChild.textContent.trim(),
         getComputedStyle(tr.querySelector('.dvk-bar__fill')).backgroundColor])""")
    assert rows
    for text, colour in rows:
        assert (colour == GREEN) == (int(text.split("%")[0]) >= 100), (text, colour)


@pytest.mark.parametrize(("kind", "screen"), [("story-desk", "phone")])
def test_the_desk_filters_are_touch_sized_on_a_phone(seen: Visit) -> None:
    sizes = seen.page.evaluate("""() => ({
        selects: [...document.querySelectorAll('#dvk-desk-filters select')]
            .map((el) => el.getBoundingClientRect().height),
        boxes: [...document.querySelectorAll('#dvk-desk-filters input[type=checkbox]')].map((el) => {
            const r = el.getBoundingClientRect(); return Math.min(r.width, r.height); }),
    })""")
    assert sizes["selects"] and sizes["boxes"]
    assert min(sizes["selects"]) >= 44, sizes
    assert min(sizes["boxes"]) >= 24, sizes


ONE_LINE = """(selector) => [...document.querySelectorAll(selector)]
    .filter((el) => el.getClientRects().length)
    .map((el) => [el.textContent, new Set([...el.getClientRects()].map((r) => Math.round(r.top))).size])"""


@pytest.mark.parametrize(("kind", "selectors"), [("story-desk", (".dvk-desk-new", "#dvk-desk a[href^='mailto:']")),
                                                 ("exemplar", ("article a[href^='mailto:']",))])
def test_a_status_and_an_address_stay_on_one_line_at_every_width(page: Page, visit: Callable[[str], None],
                                                                  kind: str, selectors: tuple[str, ...]) -> None:
    visit(kind)
    for width in (360, 720, 1024, 1280):  # a phone, a tablet (the desk is a table from 720 px), desktops
        page.set_viewport_size({"width": width, "height": 800})
        for selector in selectors:
            lines = page.evaluate(ONE_LINE, selector)
            assert lines, f"nothing matches {selector}"
            assert [text for text, count in lines if count > 1] == [], (width, selector)


def test_the_desk_shows_only_exemplars_with_a_contact_when_asked(page: Page, visit: Callable[[str], None]) -> None:
    visit("story-desk")
    rows = page.locator("#dvk-desk tbody tr")
    with_contact = page.locator("#dvk-desk tbody tr[data-contact='yes']").count()
    assert 0 < with_contact < rows.count()
    page.get_by_label("Có liên hệ").check()
    shown = page.locator("#dvk-desk tbody tr:not([hidden])")
    assert shown.count() == with_contact
    assert all(row.get_attribute("data-contact") == "yes" for row in shown.all())
    assert "co-lien-he=1" in page.url


@pytest.mark.parametrize(("kind", "screen"), [("exemplar", "phone")])
def test_an_office_phone_and_e_mail_are_links_a_phone_can_follow(seen: Visit) -> None:
    # the office's own addresses; a share-by-e-mail link names no recipient ("mailto:?subject=")
    links = seen.page.evaluate("""() => [...document.querySelectorAll(
            'article a[href^="tel:"], article a[href^="mailto:"]:not([href^="mailto:?"])')]
        .map((a) => [a.getAttribute('href'), a.textContent])""")
    schemes = {href.split(":")[0] for href, _ in links}
    assert schemes == {"tel", "mailto"}, links
    for href, text in links:
        if href.startswith("tel:"):
            assert href[4:] == "".join(c for c in text if c.isdigit() or c == "+")
        else:
            assert href[7:] == text


@pytest.mark.parametrize(("kind", "screen"), [("exemplar", "desktop")])
def test_code_is_drawn_by_one_named_font_that_carries_vietnamese(seen: Visit) -> None:
    # A fallback for "ố" (Liberation Mono has none) draws "Khối" as "Khôí": one font must draw
    # every glyph, and it must be one the stack names, not whatever `monospace` is on a machine.
    tab = seen.page
    tab.evaluate("""() => { const c = document.createElement('code'); c.id = 'dvk-font-probe';
        c.textContent = 'Khối vận Đồng Khởi mới: ầ ẫ ữ ỹ ợ'; document.querySelector('article').append(c); }""")
    cdp = tab.context.new_cdp_session(tab)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument")["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "#dvk-font-probe"})["nodeId"]
        fonts = [f["familyName"] for f in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]]
    finally:
        cdp.detach()
        tab.evaluate("() => document.getElementById('dvk-font-probe').remove()")
    stack = tab.evaluate("""() => { const c = document.createElement('code'); document.body.append(c);
        const f = getComputedStyle(c).fontFamily; c.remove(); return f; }""")
    named = [name.strip().strip('"') for name in stack.split(",")]
    assert len(fonts) == 1, f"drawn by {fonts}"
    assert fonts[0] in named, f"drawn by {fonts[0]}, not named in {stack}"


# --- a desk of more rows than one page -------------------------------------------------------------

@pytest.fixture(scope="module")
def paged_desk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic project with the desk on two pages, built to serve and to open from a folder."""
    root = tmp_path_factory.mktemp("paged-desk")
    project = write_synthetic_project(root / "project", DESK_ROWS_PER_PAGE + 30, photos=False)
    for name, offline in (("site", []), ("offline", ["--offline"])):
        done = run_dvk("build", *offline, "--site-dir", str(root / name), cwd=project)
        assert done.returncode == 0, done.stderr
    return root


@pytest.fixture
def desk_tab(browser: Browser) -> Iterator[Page]:
    context = new_context(browser, "desktop")
    try:
        yield context.new_page()
    finally:
        context.close()


def desk_rows(site: Path, page: str) -> list[dict[str, str]]:
    html = (site / page).read_text(encoding="utf-8")
    return [dict(row.attrs) for row in BeautifulSoup(html, "html.parser").select("#dvk-desk tbody tr")]


def settled(tab: Page) -> str:
    tab.wait_for_function("() => !document.getElementById('dvk-desk-status').textContent.startsWith('Đang tải')")
    return tab.locator("#dvk-desk-status").inner_text()


def test_a_desk_filter_finds_the_rows_of_every_page_and_says_how_many_of_how_many(
        desk_tab: Page, paged_desk: Path) -> None:
    site = paged_desk / "site"
    first, second = desk_rows(site, "bien-tap/index.html"), desk_rows(site, "bien-tap/trang-2/index.html")
    assert len(first) == DESK_ROWS_PER_PAGE and second
    wanted = second[-1]  # the last row of page 2: a unit some of whose exemplars only page 2 lists
    expected = [row["data-slug"] for row in first + second if row["data-unit"] == wanted["data-unit"]]
    with serve(site) as url:
        desk_tab.goto(url + "bien-tap/", wait_until="networkidle")
        assert "Trang này hiện 100 trên 130 điển hình." in desk_tab.locator("#dvk-desk-status").inner_text()
        desk_tab.select_option("#dvk-desk-don-vi", wanted["data-unit"])
        assert settled(desk_tab) == f"Đang hiện {len(expected)} trên 130 điển hình."
        shown = desk_tab.locator("#dvk-desk tbody tr:not([hidden])")
        assert [row.get_attribute("data-slug") for row in shown.all()] == expected  # in the desk's order
        found = desk_tab.locator(f"#dvk-desk tbody tr[data-slug='{wanted['data-slug']}']:not([hidden]) a").first
        assert found.get_attribute("href").startswith(url)  # its links lead where they did from page 2
        assert desk_tab.request.get(found.get_attribute("href")).ok
        assert not desk_tab.get_by_role("navigation", name="Phân trang").is_visible()
        shared = desk_tab.url
        assert f"don-vi={wanted['data-unit']}" in shared
        # the shared view opens as it was, from any page of the desk
        desk_tab.goto(url + "bien-tap/trang-2/?" + shared.split("?", 1)[1], wait_until="networkidle")
        assert settled(desk_tab) == f"Đang hiện {len(expected)} trên 130 điển hình."
        desk_tab.get_by_role("button", name="Bỏ lọc").click()
        assert settled(desk_tab) == "Trang này hiện 30 trên 130 điển hình."
        assert desk_tab.locator("#dvk-desk tbody tr:not([hidden])").count() == 30


def test_from_a_folder_the_desk_filters_its_own_page_and_says_so(desk_tab: Page, paged_desk: Path) -> None:
    site = paged_desk / "offline"
    first = desk_rows(site, "bien-tap/index.html")
    wanted = first[0]["data-unit"]
    desk_tab.goto((site / "bien-tap/index.html").as_uri() + "?don-vi=" + wanted, wait_until="load")
    status = settled(desk_tab)
    here = sum(row["data-unit"] == wanted for row in first)
    assert status.startswith(f"Đang hiện {here} trên {len(first)} điển hình của trang này")
    assert "chỉ lọc trong trang này" in status
    assert desk_tab.locator("#dvk-desk tbody tr:not([hidden])").count() == here

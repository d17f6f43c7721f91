"""What a reader does: follow links from the home page down to an exemplar and back, browse a
category, search. Each step clicks a real link and checks the page it lands on."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Locator, Page, expect

from browser.reader import PHONE, search
from dvk.pipeline import CheckResult


def heading(page: Page) -> Locator:
    return page.locator("article h1").first


def expect_heading(page: Page, text: str) -> None:
    """The page's title as the reader sees it (Material adds a ¶ permalink after it)."""
    expect(heading(page)).to_have_text(re.compile(rf"^\s*{re.escape(text)}\s*¶?\s*$"))


def _cell_text(locator: Locator) -> str:
    return " ".join((locator.text_content() or "").split())


def test_a_reader_goes_from_home_to_a_unit_to_an_exemplar_and_back(page: Page, visit: Callable[[str], None]) -> None:
    visit("home")
    home = page.url
    page.get_by_role("link", name="Theo đơn vị", exact=True).click()
    expect_heading(page, "Điển hình theo đơn vị")
    units = page.url

    # the first unit the list counts exemplars for (the others say "chưa có"); read from the
    # document, as a screen reader does: a long table off-screen is not laid out yet
    # (content-visibility), and the layout's text of a skipped row may be empty
    counted = next(row for row in page.locator("article tbody tr").all()
                   if _cell_text(row.locator("td").last) != "chưa có")
    unit_link = counted.get_by_role("link")
    unit_name = _cell_text(unit_link)
    count = int(_cell_text(counted.locator("td").last))
    unit_link.click()
    expect_heading(page, unit_name)
    expect(page.locator("article h2").filter(has_text="Điển hình")).to_contain_text(f"Điển hình ({count})")
    expect(page.locator("article ul > li > a[href*='dien-hinh/']")).to_have_count(count)
    unit = page.url

    exemplar_link = page.locator("article ul > li > a[href*='dien-hinh/']").first
    title = exemplar_link.inner_text()
    exemplar_link.click()
    expect_heading(page, title)
    # the exemplar's profile leads back to the unit that recognized it
    expect(page.locator("article table a").filter(has_text=unit_name).first).to_be_visible()

    for previous in (unit, units, home):
        page.go_back()
        assert page.url == previous
    expect_heading(page, "Điển hình “Dân vận khéo”")


def test_an_exemplar_links_back_to_its_unit(page: Page, visit: Callable[[str], None]) -> None:
    visit("exemplar")
    # today's unit when the recognizing one passed its work on, else the recognizing unit itself
    now = page.locator("article table tr", has_text="Đơn vị hiện nay")
    row = now if now.count() else page.locator("article table tr", has_text="Đơn vị công nhận")
    unit_link = row.get_by_role("link").first
    unit_name = unit_link.inner_text()
    title = heading(page).inner_text().removesuffix("¶").strip()
    unit_link.click()
    expect_heading(page, unit_name)
    expect(page.get_by_role("link", name=title, exact=True)).to_be_visible()


def test_a_category_page_lists_exemplars_that_belong_to_it(page: Page, visit: Callable[[str], None],
                                                           sample_result: CheckResult) -> None:
    visit("home")
    page.get_by_role("link", name="Theo nội dung thi đua “Hai chân – Ba mũi”").click()
    categories = page.locator("article tbody").get_by_role("link")
    # every campaign's lines (Plan 58's two "chân" and three "mũi", and the 2026 campaign's own)
    expect(categories).to_have_count(len(sample_result.catalog.registry.categories))
    categories.first.click()
    category = heading(page).inner_text().removesuffix("¶").strip()
    listed = page.locator("article ul > li > a[href*='dien-hinh/']")
    if listed.count() == 0:
        expect(page.locator("article")).to_contain_text("Chưa có điển hình nào được công bố.")
        return
    title = listed.first.inner_text()
    listed.first.click()
    expect_heading(page, title)
    # the exemplar's profile names the category the reader came from
    expect(page.locator("article table tr", has_text="Nội dung thi đua")).to_contain_text(category)


# (what a reader types, a page title among the first results), with and without diacritics.
SEARCHES = [
    ("quoi son", "Hội Nông dân xã Quới Sơn"),
    ("ke hoach 58", "Kế hoạch 58-KH/BDVHU"),
    ("dong khoi moi", "Phụ nữ “Đồng Khởi mới”"),
    ("Quới Sơn", "Hội Nông dân xã Quới Sơn"),
    ("Kế hoạch 58", "Kế hoạch 58-KH/BDVHU"),
    ("Ba mũi", "Nội dung thi đua “Hai chân – Ba mũi” và “Ba trọng tâm”"),
    ("Đồng Khởi mới", "Phụ nữ “Đồng Khởi mới”"),
    ("phụ nữ", "Hội Liên hiệp Phụ nữ huyện Châu Thành"),
]


@pytest.mark.parametrize(("query", "finds"), SEARCHES)
def test_the_search_finds_what_a_reader_types(page: Page, visit: Callable[[str], None], query: str,
                                              finds: str) -> None:
    visit("home")
    expect(search(page, query)).to_contain_text([finds])


def test_a_search_result_opens_its_page_on_a_phone(page: Page, visit: Callable[[str], None]) -> None:
    page.set_viewport_size(PHONE)
    visit("unit")
    search(page, "Kế hoạch 58").filter(has_text="Kế hoạch 58-KH/BDVHU").first.click()
    expect(page).to_have_title(re.compile(r"^Kế hoạch 58-KH/BDVHU – "))

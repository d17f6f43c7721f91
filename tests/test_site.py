"""The sample site, built for real into a temporary folder and read back as HTML."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup

from dvk.pipeline import CheckResult

Reader = Callable[[Path], BeautifulSoup]


def exemplar_links(soup: BeautifulSoup) -> set[str]:
    """Slugs of the exemplars a page links to from its main content."""
    content = soup.select_one("article.md-content__inner")
    assert content is not None
    slugs = set()
    for a in content.select("a[href]"):
        parts = [p for p in a["href"].split("/") if p not in ("", "..", ".")]
        if len(parts) == 2 and parts[0] == "dien-hinh":
            slugs.add(parts[1])
    return slugs


def test_the_sample_makes_a_convincing_demo(sample_result: CheckResult) -> None:
    catalog = sample_result.catalog
    assert catalog is not None and sample_result.errors == []
    exemplars = catalog.exemplars
    units = {catalog.registry.units[e.unit] for e in exemplars}
    assert len(exemplars) >= 16
    assert len(units) >= 6 and {u.level for u in units} == {"huyen", "xa"}
    assert {c for e in exemplars for c in e.categories} == set(catalog.registry.categories)
    assert {e.kind for e in exemplars} == {"collective", "individual"}
    assert sum(1 for e in exemplars if e.photos) >= 4
    assert all(any(e.criteria for e in exemplars) for _ in [0])
    assert any(e.steps for e in exemplars) and any(e.media for e in exemplars)


def test_every_published_exemplar_has_its_page(sample_site: Path, sample_result: CheckResult,
                                               read_html: Reader) -> None:
    for ex in sample_result.catalog.exemplars:
        page = sample_site / "dien-hinh" / ex.slug / "index.html"
        assert page.is_file(), ex.slug
        assert read_html(page).h1.get_text(strip=True).startswith(ex.title)


def test_left_out_files_have_no_page(sample_site: Path, sample_result: CheckResult) -> None:
    assert sample_result.left_out, "the sample keeps one draft to show this"
    for item in sample_result.left_out:
        assert not (sample_site / "dien-hinh" / Path(item.source).stem).exists()


def test_each_unit_page_lists_exactly_its_exemplars(sample_site: Path, sample_result: CheckResult,
                                                    read_html: Reader) -> None:
    catalog = sample_result.catalog
    for unit in catalog.registry.units.values():
        if catalog.registry.current_unit(unit.id).id != unit.id:
            continue  # its address leads to the unit that carries its work today
        expected = {e.slug for e in catalog.exemplars if catalog.registry.current_unit(e.unit).id == unit.id}
        soup = read_html(sample_site / "don-vi" / unit.id / "index.html")
        assert exemplar_links(soup) == expected, unit.id


def test_each_category_page_lists_exactly_its_exemplars(sample_site: Path, sample_result: CheckResult,
                                                        read_html: Reader) -> None:
    catalog = sample_result.catalog
    for category in catalog.registry.categories:
        expected = {e.slug for e in catalog.exemplars if category in e.categories}
        soup = read_html(sample_site / "noi-dung" / category / "index.html")
        assert exemplar_links(soup) == expected, category


def test_units_without_exemplars_are_listed_as_such(sample_site: Path, sample_result: CheckResult,
                                                    read_html: Reader) -> None:
    catalog = sample_result.catalog
    soup = read_html(sample_site / "don-vi" / "index.html")
    today = {u.level for u in catalog.registry.units.values() if u.is_current}
    by_level = soup.select("article table")[:len(today)]  # then the former units
    rows = {tr.a.get_text(strip=True): tr.find_all("td")[-1].get_text(strip=True)
            for table in by_level for tr in table.select("tr") if tr.a}
    empty = [u for u in catalog.registry.units.values() if u.is_current and u.id not in catalog.by_unit]
    assert empty
    for unit in empty:
        assert rows[unit.name] == "chưa có"


def test_vietnamese_text_comes_out_intact(sample_site: Path, sample_result: CheckResult) -> None:
    for ex in sample_result.catalog.exemplars:
        html = (sample_site / "dien-hinh" / ex.slug / "index.html").read_text(encoding="utf-8")
        assert unicodedata.is_normalized("NFC", html)
        assert ex.summary.split()[0] in html
    home = (sample_site / "index.html").read_text(encoding="utf-8")
    assert "Điển hình “Dân vận khéo”" in home and 'lang="vi"' in home


def test_the_site_says_plainly_that_it_shows_sample_data(sample_site: Path, read_html: Reader) -> None:
    assert "Dữ liệu mẫu" in read_html(sample_site / "index.html").get_text()


def test_exemplar_pages_are_not_listed_one_by_one_in_the_navigation(sample_site: Path,
                                                                    sample_result: CheckResult) -> None:
    home = (sample_site / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('<nav class="md-nav md-nav--primary"'):home.index("</nav>")]
    assert not any(f"dien-hinh/{e.slug}/" in nav for e in sample_result.catalog.exemplars)


def test_no_third_party_request_is_written_into_any_page(sample_site: Path, read_html: Reader) -> None:
    for page in sample_site.rglob("*.html"):
        soup = read_html(page)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for node in soup.find_all(tag):
                url = node.get(attr, "")
                if tag == "link" and node.get("rel") in (["canonical"], ["alternate"]):
                    continue
                assert not url.startswith(("http:", "https:", "//")), (page, url)

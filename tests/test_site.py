"""The sample site AND the province fixture, each built for real into a temporary folder and read
back as HTML. Every test over both takes its expectations from that project's own registries:
the same software, no code change, two different campaigns, levels and places."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import REPO
from dvk import urls
from dvk.pipeline import CheckResult

Reader = Callable[[Path], BeautifulSoup]


@dataclass(frozen=True)
class Built:
    name: str
    root: Path  # the project (mkdocs.yml, exemplars/, content/)
    site: Path
    result: CheckResult


@pytest.fixture(scope="module", params=["sample", "province"])
def built(request: pytest.FixtureRequest) -> Built:
    if request.param == "sample":
        return Built("sample", REPO, request.getfixturevalue("sample_site"),
                     request.getfixturevalue("sample_result"))
    return Built("province", request.getfixturevalue("province_root"), request.getfixturevalue("province_site"),
                 request.getfixturevalue("province_result"))


def served(site: Path, source: str) -> Path:
    return site / urls.served(source, directory_urls=False)


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


def test_every_published_exemplar_has_its_page(built: Built, read_html: Reader) -> None:
    for ex in built.result.catalog.exemplars:
        page = built.site / "dien-hinh" / ex.slug / "index.html"
        assert page.is_file(), ex.slug
        assert read_html(page).h1.get_text(strip=True).startswith(ex.title)


def test_left_out_files_have_no_page(sample_site: Path, sample_result: CheckResult) -> None:
    assert sample_result.left_out, "the sample keeps one draft to show this"
    for item in sample_result.left_out:
        assert not (sample_site / "dien-hinh" / Path(item.source).stem).exists()


def test_each_unit_page_lists_exactly_its_exemplars(built: Built, read_html: Reader) -> None:
    catalog = built.result.catalog
    for unit in catalog.registry.units.values():
        if catalog.registry.current_unit(unit.id).id != unit.id:
            continue  # its address leads to the unit that carries its work today
        expected = {e.slug for e in catalog.exemplars if catalog.registry.current_unit(e.unit).id == unit.id}
        soup = read_html(built.site / "don-vi" / unit.id / "index.html")
        assert exemplar_links(soup) == expected, unit.id


def test_each_category_page_lists_exactly_its_exemplars(built: Built, read_html: Reader) -> None:
    catalog = built.result.catalog
    for category in catalog.registry.categories:
        expected = {e.slug for e in catalog.exemplars if category in e.categories}
        soup = read_html(built.site / "noi-dung" / category / "index.html")
        assert exemplar_links(soup) == expected, category


def test_units_without_exemplars_are_listed_as_such(built: Built, read_html: Reader) -> None:
    catalog = built.result.catalog
    soup = read_html(built.site / "don-vi" / "index.html")
    today = {u.level for u in catalog.registry.units.values() if u.is_current}
    by_level = soup.select("article table")[:len(today)]  # then the former units
    rows = {tr.a.get_text(strip=True): tr.find_all("td")[-1].get_text(strip=True)
            for table in by_level for tr in table.select("tr") if tr.a}
    empty = [u for u in catalog.registry.units.values() if u.is_current and u.id not in catalog.by_unit]
    assert empty
    for unit in empty:
        assert rows[unit.name] == "chưa có"


def test_vietnamese_text_comes_out_intact(built: Built) -> None:
    for ex in built.result.catalog.exemplars:
        html = (built.site / "dien-hinh" / ex.slug / "index.html").read_text(encoding="utf-8")
        assert unicodedata.is_normalized("NFC", html)
        assert ex.summary.split()[0] in html
    home = (built.site / "index.html").read_text(encoding="utf-8")
    config = (built.root / "mkdocs.yml").read_text(encoding="utf-8")
    site_name = next(line.split(": ", 1)[1] for line in config.splitlines() if line.startswith("site_name:"))
    assert site_name in home and 'lang="vi"' in home
    description = yaml.safe_load((built.root / "exemplars" / "site.yml").read_text(encoding="utf-8"))["description"]
    assert f'name="description" content="{description}"' in home  # from site.yml, not mkdocs.yml


def test_the_site_says_plainly_that_it_shows_sample_data(built: Built, read_html: Reader) -> None:
    assert "Dữ liệu mẫu" in read_html(built.site / "index.html").get_text()


def test_exemplar_pages_are_not_listed_one_by_one_in_the_navigation(built: Built) -> None:
    home = (built.site / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('<nav class="md-nav md-nav--primary"'):home.index("</nav>")]
    assert not any(f"dien-hinh/{e.slug}/" in nav for e in built.result.catalog.exemplars)


def test_no_third_party_request_is_written_into_any_page(built: Built, read_html: Reader) -> None:
    for page in built.site.rglob("*.html"):
        soup = read_html(page)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for node in soup.find_all(tag):
                url = node.get(attr, "")
                if tag == "link" and node.get("rel") in (["canonical"], ["alternate"]):
                    continue
                assert not url.startswith(("http:", "https:", "//")), (page, url)


# --- campaigns: pages, statistics, navigation, feeds and open data, from each project's data ------

def test_the_navigation_lists_each_campaign_and_its_plan_from_the_data(built: Built, read_html: Reader) -> None:
    registry = built.result.catalog.registry
    for campaign in registry.campaigns.values():
        path = served(built.site, urls.campaign(campaign.id))
        nav = read_html(path).select_one("nav.md-nav--primary")  # the section is open on its own pages
        links = {a.get_text(strip=True): landing(path, a["href"]) for a in nav.select("a[href]")}
        assert {served(built.site, urls.campaign(c)).resolve() for c in registry.campaigns} <= set(links.values())
        if campaign.plan.page and (built.root / "content" / campaign.plan.page).is_file():
            plan = landing(built.site / "index.html", urls.served(campaign.plan.page))
            assert links[f"Kế hoạch {campaign.plan.number}"] == plan and plan.is_file()


def landing(page: Path, href: str) -> Path:
    """The file a relative link from `page` opens (a folder's index.html)."""
    target = (page.parent / href.split("#")[0]).resolve()
    return target / "index.html" if target.is_dir() else target


def test_each_campaign_page_shows_its_plan_status_targets_reviews_and_exemplars(
        built: Built, read_html: Reader) -> None:
    catalog = built.result.catalog
    registry = catalog.registry
    for campaign in registry.campaigns.values():
        path = served(built.site, urls.campaign(campaign.id))
        soup = read_html(path)
        text = " ".join(soup.select_one("article").get_text(" ").split())
        assert soup.h1.get_text(strip=True).startswith(campaign.name)
        assert campaign.plan.number in text and campaign.plan.issuer in text
        if campaign.is_open:
            left = (campaign.last_day - registry.today).days
            assert f"Chiến dịch đang diễn ra, còn {left} ngày" in text
        else:
            assert "đã tổng kết" in text and "đây là kết quả cuối cùng" in text
        table = next(h2 for h2 in soup.find_all("h2") if h2.get("id") == "chi-tieu").find_next("table")
        rows = [[td.get_text(strip=True) for td in tr.find_all("td")] for tr in table.tbody.find_all("tr")]
        assert [r[0].split(" (")[0] for r in rows] == [t.label for t in campaign.targets]
        for row, target in zip(rows, campaign.targets, strict=True):
            if not target.each_unit:
                assert row[2] == str(target.min)
                assert int(row[3]) == max(target.min - int(row[1]), 0)  # what is left
        for review in campaign.reviews:
            assert review.name in text
        assert exemplar_links(soup) == {e.slug for e in catalog.exemplars if e.campaign == campaign.id}
        assert path.with_name("feed.xml").is_file()


def test_the_statistics_page_of_each_campaign_counts_against_its_own_targets(
        built: Built, read_html: Reader) -> None:
    registry = built.result.catalog.registry
    for campaign in registry.campaigns.values():
        source = urls.statistics(campaign.id, campaign.id == registry.default_campaign.id)
        soup = read_html(served(built.site, source))
        heading = next(h2 for h2 in soup.find_all("h2") if h2.get_text().startswith("Kết quả so với chỉ tiêu"))
        rows = {tr.find_all("td")[0].get_text(strip=True): tr.find_all("td")[2].get_text(strip=True)
                for tr in heading.find_next("table").tbody.find_all("tr")}
        assert {label: goal for label, goal in rows.items()
                if any(t.label == label and not t.each_unit for t in campaign.targets)} == {
            t.label: str(t.min) for t in campaign.targets if not t.each_unit}
        standing = soup.select_one(".dvk-standing").get_text()
        assert ("đây là kết quả cuối cùng" in standing) != campaign.is_open
    if built.name == "province":  # the fixture's own figures, not the sample's 100/6/94
        campaign = registry.default_campaign
        assert [t.min for t in campaign.targets if not t.each_unit] == [40, 8, 32]


def test_every_exemplar_page_names_its_campaign(built: Built, read_html: Reader) -> None:
    catalog = built.result.catalog
    for ex in catalog.exemplars:
        path = built.site / "dien-hinh" / ex.slug / "index.html"
        row = next(tr for tr in read_html(path).select("article table tr")
                   if tr.td and tr.td.get_text(strip=True) == "Chiến dịch")
        link = row.find_all("td")[1].a
        assert link.get_text(strip=True) == catalog.registry.campaigns[ex.campaign].name
        assert landing(path, link["href"]) == served(built.site, urls.campaign(ex.campaign)).resolve()


def test_the_file_of_all_records_holds_one_record_a_line_in_the_catalog_s_order(built: Built) -> None:
    # The output scan reads it line by line (a JSON string never spans lines), and a preview
    # writes it from the records that did not change.
    text = (built.site / "du-lieu" / "exemplars.json").read_text(encoding="utf-8")
    lines = [line.strip().rstrip(",") for line in text.split("\n") if line.startswith('    {"slug": ')]
    assert [json.loads(line)["slug"] for line in lines] == [ex.slug for ex in built.result.catalog.exemplars]
    assert [json.loads(line) for line in lines] == json.loads(text)["exemplars"]
    assert text.endswith("\n  ]\n}\n")


def test_feeds_and_open_data_carry_the_campaign(built: Built) -> None:
    catalog = built.result.catalog
    registry = catalog.registry
    records = json.loads((built.site / "du-lieu" / "exemplars.json").read_text(encoding="utf-8"))["exemplars"]
    for record in records:
        campaign = registry.campaigns[catalog.by_slug[record["slug"]].campaign]
        assert record["campaign"] == {"id": campaign.id, "name": campaign.name, "plan_number": campaign.plan.number}
        assert record["level_name"] == registry.level_names[record["level"]]
    schema = json.loads((built.site / "du-lieu" / "exemplars.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    document = json.loads((built.site / "du-lieu" / "campaigns.json").read_text(encoding="utf-8"))
    validator.validate(document)
    validator.validate(json.loads((built.site / "du-lieu" / "exemplars.json").read_text(encoding="utf-8")))
    listed = document["campaigns"]
    assert [c["id"] for c in listed] == list(registry.campaigns)
    assert [c["count"] for c in listed] == [sum(1 for e in catalog.exemplars if e.campaign == c)
                                           for c in registry.campaigns]
    rows = list(csv.DictReader(io.StringIO((built.site / "du-lieu" / "exemplars.csv").read_text(encoding="utf-8-sig"))))
    assert {r["Mã"]: r["Chiến dịch"] for r in rows} == {
        e.slug: registry.campaigns[e.campaign].name for e in catalog.exemplars}
    for campaign in registry.campaigns.values():
        feed = ET.parse(served(built.site, urls.campaign(campaign.id)).with_name("feed.xml"))
        items = feed.findall("channel/item")
        ours = sorted(e.slug for e in catalog.exemplars if e.campaign == campaign.id)
        assert sorted(i.findtext("link").rstrip("/").rsplit("/", 1)[-1] for i in items) == ours
        for item in items:
            assert campaign.name in [c.text for c in item.findall("category")]

"""What readers and the District Board see: full profiles, every way in, Vietnamese order and dates,
unit history that keeps old links working. Read from the sample site, built for real."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from conftest import REPO, TinyProject, individual
from dvk import urls
from dvk.model import Catalog
from dvk.pages import Page, generate
from dvk.pipeline import CheckResult, settings_for
from dvk.project import Project
from dvk.text.collate import sort_key
from dvk.text.formats import vi_date, vi_short_date

Reader = Callable[[Path], BeautifulSoup]
PHU_AN_HOA = "mo-hinh-ngay-chu-nhat-xanh-xa-phu-an-hoa"  # recognized by a unit merged since
SON_HOA = "nguyen-thi-thu-ba-nguoi-giu-lua-hoa-giai-o-co-so"
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


@pytest.fixture(scope="module")
def catalog(sample_result: CheckResult) -> Catalog:
    assert sample_result.catalog is not None
    return sample_result.catalog


def page(site: Path, source: str) -> Path:
    return site / urls.served(source, directory_urls=False)


def article(soup: BeautifulSoup) -> Tag:
    node = soup.select_one("article.md-content__inner")
    assert node is not None
    return node


def section(soup: BeautifulSoup, heading: str) -> Tag:
    """The h2 whose text starts with `heading` (its permalink "¶" follows the text)."""
    return next(h2 for h2 in soup.find_all("h2") if h2.get_text().startswith(heading))


def profile(soup: BeautifulSoup) -> dict[str, Tag]:
    table = section(soup, "Hồ sơ").find_next("table")
    return {tr.find_all("td")[0].get_text(strip=True): tr.find_all("td")[1] for tr in table.tbody.find_all("tr")}


def link_target(from_file: Path, href: str) -> Path:
    """Where a relative link lands on disk, as a browser opening the folder (file://) resolves it."""
    target = (from_file.parent / href.split("#")[0]).resolve()
    return target / "index.html" if target.is_dir() else target


# --- the exemplar page ------------------------------------------------------------------------

def test_an_exemplar_recognized_by_a_merged_unit_shows_that_unit_where_it_is_now_its_level_and_commune(
        sample_site: Path, read_html: Reader) -> None:
    path = page(sample_site, urls.exemplar(PHU_AN_HOA))
    rows = profile(read_html(path))
    assert rows["Loại"].get_text(strip=True) == "Tập thể"
    unit = rows["Đơn vị công nhận"]
    assert " ".join(unit.get_text().split()) == "Khối vận xã Phú An Hòa (cũ) — nay thuộc xã Giao Long"
    recognized, now = unit.find_all("a")
    assert link_target(path, recognized["href"]) == (sample_site / "don-vi/kv-phu-an-hoa/index.html").resolve()
    assert link_target(path, now["href"]) == (sample_site / "xa/giao-long-2025/index.html").resolve()
    assert rows["Cấp"].get_text(strip=True) == "Cấp xã"
    commune = rows["Xã, phường, thị trấn"]
    assert commune.a.get_text(strip=True) == "xã Giao Long"
    assert link_target(path, commune.a["href"]) == (sample_site / "xa/giao-long-2025/index.html").resolve()
    assert "trước đây: xã Phú An Hòa" in commune.get_text()
    campaign = rows["Chiến dịch"]
    assert link_target(path, campaign.a["href"]) == (
        sample_site / "chien-dich/dong-khoi-moi-2024-2025/index.html").resolve()
    assert "Nội dung thi đua" in rows and "Nhóm" in rows


def test_every_criterion_shows_its_percentage_as_text_and_as_a_bar(
        sample_site: Path, catalog: Catalog, read_html: Reader) -> None:
    checked = 0
    for ex in catalog.exemplars:
        if not ex.criteria:
            continue
        soup = read_html(page(sample_site, urls.exemplar(ex.slug)))
        rows = article(soup).select(".dvk-criteria table tbody tr")
        assert len(rows) == len(ex.criteria), ex.slug
        for row, criterion in zip(rows, ex.criteria, strict=True):
            cells = row.find_all("td")
            assert cells[0].get_text(strip=True) == criterion.name
            assert cells[3].get_text(strip=True) == f"{round(criterion.percent)}%"
            bar = cells[3].select_one(".dvk-bar")
            assert bar["aria-hidden"] == "true"  # the text says it; the bar only shows it
            width = float(re.fullmatch(r"width: ([\d.]+)%", bar.select_one(".dvk-bar__fill")["style"])[1])
            assert width == pytest.approx(min(criterion.percent, 100), abs=0.05)
            assert ("dvk-bar--met" in bar["class"]) == (criterion.percent >= 100)
            checked += 1
    assert checked >= 6


def test_the_five_steps_are_named_and_the_current_stage_is_marked(
        sample_site: Path, catalog: Catalog, read_html: Reader) -> None:
    with_steps = [ex for ex in catalog.exemplars if ex.steps]
    assert with_steps
    for ex in with_steps:
        soup = read_html(page(sample_site, urls.exemplar(ex.slug)))
        steps = article(soup).select("ol.dvk-steps > li.dvk-step")
        names = catalog.registry.campaigns[ex.campaign].step_names
        assert [li.strong.get_text() for li in steps] == list(names.values())
        current = [li for li in steps if "dvk-step--current" in li["class"]]
        assert len(current) == 1 and current[0]["aria-current"] == "step"
        assert current[0] is steps[ex.current_step.step - 1]
        assert vi_date(ex.current_step.date).capitalize() in current[0].get_text()
        taken = {s.step for s in ex.steps}
        for number, li in enumerate(steps, start=1):
            state = "current" if li is current[0] else ("done" if number in taken else "todo")
            assert f"dvk-step--{state}" in li["class"], (ex.slug, number)
            assert ("Chưa thực hiện" in li.get_text()) == (number not in taken)


def test_nominations_and_the_recognition_decision_are_on_the_page(
        sample_site: Path, catalog: Catalog, read_html: Reader) -> None:
    ex = catalog.by_slug[PHU_AN_HOA]
    rows = profile(read_html(page(sample_site, urls.exemplar(ex.slug))))
    decision = rows["Quyết định công nhận"].get_text()
    assert ex.recognition.decision in decision and "ngày 4 tháng 10 năm 2024" in decision
    assert ex.nominations
    nomination = rows["Đề nghị cấp huyện"].get_text()
    assert nomination.startswith(vi_short_date(ex.nominations[0].date))


def test_previous_and_next_walk_through_the_exemplars_of_todays_unit_in_list_order(
        sample_site: Path, catalog: Catalog, read_html: Reader) -> None:
    walked = 0
    for unit_id, exemplars in catalog.by_unit.items():
        for i, ex in enumerate(exemplars):
            path = page(sample_site, urls.exemplar(ex.slug))
            soup = read_html(path)
            prev, nxt = soup.select_one("a[rel=prev].dvk-pager__prev"), soup.select_one("a[rel=next].dvk-pager__next")
            want_prev = exemplars[i - 1] if i else None
            want_next = exemplars[i + 1] if i + 1 < len(exemplars) else None
            for link, want in ((prev, want_prev), (nxt, want_next)):
                if want is None:
                    assert link is None, (unit_id, ex.slug)
                else:
                    assert link_target(path, link["href"]) == page(sample_site, urls.exemplar(want.slug)).resolve()
                    assert want.title in link.get_text()
                    walked += 1
    assert walked >= 4  # the sample has units with two or more exemplars, merged ones included


# --- lists: by unit, commune, kind; Vietnamese order ---------------------------------------------

def level_tables(soup: BeautifulSoup, titles: tuple[str, ...]) -> dict[str, list[str]]:
    tables = {}
    for h2 in article(soup).find_all("h2"):
        if h2.get_text().startswith(titles):
            table = h2.find_next("table")
            names = [tr.a.get_text(strip=True) for tr in table.tbody.find_all("tr")]
            tables[h2.get_text().split(":")[0].rstrip("¶")] = names
    return tables


def test_units_are_listed_by_level_in_vietnamese_order_not_code_point_order(
        sample_site: Path, catalog: Catalog, read_html: Reader) -> None:
    registry = catalog.registry
    today = {registry.level_names[u.level] for u in registry.units.values() if u.is_current}
    tables = level_tables(read_html(sample_site / "don-vi/index.html"), (*today, "Đơn vị trước đây"))
    assert set(tables) == {"Cấp tỉnh", "Cấp xã", "Đơn vị trước đây"} == {*today, "Đơn vị trước đây"}
    differs = False
    for names in tables.values():
        assert names == sorted(names, key=sort_key)
        differs |= names != sorted(names)
    assert differs
    # the real names that code points put in the wrong place: "Hội" before "Huyện", "Đoàn" after "D"
    former = tables["Đơn vị trước đây"]
    assert former.index("Hội Cựu chiến binh huyện Châu Thành") < former.index("Huyện Đoàn Châu Thành")
    assert former.index("Đoàn xã Tân Thạch") < former.index("Hội Liên hiệp Phụ nữ xã Giao Long")
    xa = tables["Cấp xã"]
    assert xa.index("Đảng ủy xã Tiên Thủy") < xa.index("Đoàn Thanh niên Cộng sản Hồ Chí Minh xã Phú Túc")


def test_the_unit_list_counts_exemplars_per_level_and_shows_former_names(
        sample_site: Path, catalog: Catalog, read_html: Reader) -> None:
    text = article(read_html(sample_site / "don-vi/index.html")).get_text()
    registry = catalog.registry
    current = [u for u in registry.units.values() if u.is_current]
    for level in {u.level for u in current}:
        count = sum(len(catalog.by_unit.get(u.id, [])) for u in current if u.level == level)
        units = sum(1 for u in current if u.level == level)
        assert f"{registry.level_names[level]}: {units} đơn vị, {count} điển hình" in text
    assert "Cấp huyện:" not in text  # the district level ended: its units are history
    assert "Tổ Dân vận ấp Phú Hòa (phường Sơn Đông) (tên cũ: Tổ Dân vận ấp Phú Hòa (xã Tam Phước))" in text


def test_communes_are_listed_by_proper_name_with_counts(sample_site: Path, catalog: Catalog,
                                                       read_html: Reader) -> None:
    soup = read_html(sample_site / "xa/index.html")
    rows = [tr.find_all("td") for tr in article(soup).find("table").tbody.find_all("tr")]
    names = [cells[0].get_text(strip=True) for cells in rows]
    registry = catalog.registry
    # Today's communes: the six of 2025 (every commune of 2024 merged into them on 1/7/2025).
    current = [c for c in registry.communes.values() if registry.current_commune(c.id).id == c.id]
    assert len(names) == len(current) == 6
    assert all(c.merged_into is None and c.is_current for c in current)
    proper = [re.sub(r"^(xã|phường|thị trấn) ", "", n) for n in names]
    assert proper == sorted(proper, key=sort_key)
    assert proper[:2] == ["Giao Long", "Phú Tân"]  # xã and phường interleave by name
    listed = sorted(current, key=lambda c: sort_key(re.sub(r"^(xã|phường|thị trấn) ", "", c.name)))
    assert names == [c.name for c in listed]
    for cells, commune in zip(rows, listed, strict=True):
        count = len(catalog.by_commune.get(commune.id, []))
        assert cells[1].get_text(strip=True) == (str(count) if count else "chưa có")


def test_a_commune_page_lists_the_exemplars_of_the_communes_merged_into_it(
        sample_site: Path, catalog: Catalog, read_html: Reader) -> None:
    soup = read_html(sample_site / "xa/giao-long-2025/index.html")
    text = article(soup).get_text()
    assert ("Đã nhập: xã An Hóa (từ ngày 1 tháng 12 năm 2024), xã An Phước (từ ngày 1 tháng 7 năm 2025), "
            "xã Giao Long (từ ngày 1 tháng 7 năm 2025), xã Phú An Hòa") in text
    items = {li.a.get_text(strip=True): li.get_text() for li in article(soup).select("li") if li.a}
    old = catalog.by_slug[PHU_AN_HOA]
    assert "trước đây thuộc xã Phú An Hòa" in items[old.title]
    assert {e.title for e in catalog.by_commune["giao-long-2025"]} <= set(items)
    assert catalog.registry.current_commune("an-phuoc").id == "giao-long-2025"


def test_lists_by_kind_hold_exactly_that_kind_with_counts(sample_site: Path, catalog: Catalog,
                                                         read_html: Reader) -> None:
    index = article(read_html(sample_site / "loai/index.html"))
    counts = {tr.a.get_text(strip=True): tr.find_all("td")[1].get_text(strip=True)
              for tr in index.table.tbody.find_all("tr")}
    assert list(counts) == ["Cá nhân", "Tập thể"]
    for kind, name in (("collective", "Tập thể"), ("individual", "Cá nhân")):
        expected = [e.title for e in catalog.exemplars if e.kind == kind]
        assert counts[name] == str(len(expected))
        soup = read_html(page(sample_site, urls.kind(kind)))
        listed = [li.a.get_text(strip=True) for li in article(soup).select("ul > li") if li.a]
        assert listed == expected == sorted(expected, key=sort_key)


# --- unit history ---------------------------------------------------------------------------------

def test_every_merged_unit_and_commune_keeps_its_address_as_a_redirect(
        sample_site: Path, catalog: Catalog, read_html: Reader) -> None:
    registry = catalog.registry
    olds = [(urls.unit(u.id), urls.unit(registry.current_unit(u.id).id), registry.current_unit(u.id).name)
            for u in registry.units.values() if u.merged_into]
    olds += [(urls.commune(c.id), urls.commune(registry.current_commune(c.id).id),
              registry.current_commune(c.id).name) for c in registry.communes.values() if c.merged_into]
    # every unit and commune of the registry that passed its work on (merged_into, renamed_to)
    units = yaml.safe_load((REPO / "exemplars" / "units.yml").read_text(encoding="utf-8"))
    passed = [e for key in ("units", "areas") for e in units[key]
              if ("merged_into" in e or "renamed_to" in e) and (key == "units" or e["level"] == "xa")]
    assert len(olds) == len(passed) >= 10
    for old, new, name in olds:
        path = page(sample_site, old)
        soup = read_html(path)
        refresh = soup.find("meta", attrs={"http-equiv": "refresh"})
        delay, url = refresh["content"].split("; url=")
        assert delay == "0"
        assert link_target(path, url) == page(sample_site, new).resolve()  # works from a folder too
        assert soup.find("link", rel="canonical")["href"] == "https://dan-van-kheo.example/" + urls.served(new)
        visible = soup.find("a", string=re.compile(re.escape(name)))
        assert visible is not None and visible["href"] == url
        assert soup.find("script") is None


def test_the_renamed_and_merged_units_in_the_sample_lead_to_todays_units(sample_site: Path,
                                                                          read_html: Reader) -> None:
    # merged twice (2024 into kv-an-phuoc, kv-tuong-da; 2025 into the Đảng ủy of the new xã)
    for old, new in (("kv-phu-an-hoa", "dang-uy-giao-long-2025"), ("kv-son-hoa", "dang-uy-phu-tuc-2025"),
                     ("kv-an-phuoc", "dang-uy-giao-long-2025")):
        refresh = read_html(sample_site / "don-vi" / old / "index.html").find("meta", attrs={"http-equiv": "refresh"})
        assert refresh["content"] == f"0; url=../{new}/index.html"
    soup = read_html(sample_site / "don-vi/dang-uy-phu-tuc-2025/index.html")
    item = next(li for li in article(soup).select("li") if li.a and li.a["href"].endswith(f"{SON_HOA}/"))
    assert "công nhận khi còn là Khối vận xã Sơn Hòa" in item.get_text()
    renamed = article(read_html(sample_site / "don-vi/to-dan-van-ap-phu-hoa/index.html")).get_text()
    assert "Tên cũ: Tổ Dân vận ấp Phú Hòa (xã Tam Phước) (đến ngày 30 tháng 6 năm 2025)" in renamed
    ended = article(read_html(sample_site / "don-vi/hoi-nong-dan-quoi-son/index.html")).get_text()
    assert "Hội Nông dân xã Quới Sơn (cũ) — nay thuộc xã Giao Long" in ended


def test_redirect_pages_stay_out_of_search(sample_site: Path) -> None:
    index = "".join(p.read_text(encoding="utf-8") for p in (sample_site / "search").glob("*.js"))
    assert "don-vi/dang-uy-giao-long-2025/" in index and "don-vi/bdv-huyen-uy/" in index
    assert "don-vi/kv-an-phuoc/" not in index
    assert "don-vi/kv-phu-an-hoa/" not in index and "xa/phu-an-hoa/" not in index


def test_an_exemplar_recognized_before_a_rename_shows_the_name_of_that_day(project: TinyProject) -> None:
    project.add(individual(unit="kv-tien-thuy", recognition={
        "decision": "9-QĐ/BDVHU", "date": "2024-06-03", "by": "Ban Dân vận Huyện ủy Châu Thành"}))
    result = project.check()
    assert result.catalog is not None and not result.errors
    unit = result.catalog.registry.units["kv-tien-thuy"]
    assert unit.name_on(date(2024, 11, 30)) == "Khối vận xã Tiên Thủy"
    assert unit.name_on(date(2024, 12, 1)) == "Khối vận thị trấn Tiên Thủy"
    pages = {f.path: f.html for f in generate(result.catalog, settings_for(Project(project.root), result))
             if isinstance(f, Page)}
    assert "(khi công nhận: Khối vận xã Tiên Thủy)" in pages[urls.exemplar("ngoi-nha-nhan-ai")]
    today = result.catalog.registry.current_unit("kv-tien-thuy").id  # the unit that carries its work
    assert "công nhận khi còn là Khối vận xã Tiên Thủy" in pages[urls.unit(today)]


# --- home -----------------------------------------------------------------------------------------

def test_home_shows_progress_as_bars_the_newest_and_every_way_in(sample_site: Path, catalog: Catalog,
                                                                read_html: Reader) -> None:
    path = sample_site / "index.html"
    main = article(read_html(path))
    # Each campaign under "open" or "ended", with its progress against its own targets; an
    # exemplar belongs to one campaign.
    for campaign in catalog.registry.campaigns.values():
        part = section(main, "Chiến dịch đang diễn ra" if campaign.is_open else "Chiến dịch đã kết thúc")
        heading = next(h3 for h3 in part.find_all_next("h3") if h3.get_text().startswith(campaign.name))
        progress = heading.find_next("table")
        rows = {tr.td.get_text(strip=True): tr.find_all("td") for tr in progress.tbody.find_all("tr")}
        assert list(rows) == [t.label for t in campaign.targets]
        total = len([e for e in catalog.exemplars if e.campaign == campaign.id])
        whole = next(t for t in campaign.targets if not t.each_unit and not t.level and not t.kind)
        assert rows[whole.label][1].get_text(strip=True) == str(total)
        assert rows[whole.label][2].get_text(strip=True) == str(whole.min)
        assert rows[whole.label][3].get_text(strip=True) == f"{round(100 * total / whole.min)}%"
        for cells in rows.values():
            assert cells[3].select_one(".dvk-bar .dvk-bar__fill") is not None
        link = heading.find_next("p").a
        assert link_target(path, link["href"]) == page(sample_site, urls.campaign(campaign.id)).resolve()
    newest = section(main, "Mới công nhận").find_next("ul")
    assert [li.a.get_text(strip=True) for li in newest.find_all("li")] == [e.title for e in catalog.newest(6)]
    ways = {link_target(path, a["href"]).relative_to(sample_site.resolve()).as_posix()
            for a in section(main, "Tìm điển hình").find_next("ul").select("a")}
    for source in ("don-vi/index.md", "noi-dung/index.md", "nhom/index.md", "xa/index.md",
                   urls.kind("collective"), urls.kind("individual")):
        assert urls.served(source, directory_urls=False) in ways


# --- dates, phones, paper -------------------------------------------------------------------------

def test_dates_are_vietnamese_long_in_prose_and_short_in_tables_never_iso(
        sample_site: Path, catalog: Catalog, read_html: Reader) -> None:
    for ex in catalog.exemplars:
        main = article(read_html(page(sample_site, urls.exemplar(ex.slug))))
        story = main.select_one(".dvk-story")
        if story:
            story.decompose()  # the contributor's own words are theirs
        assert not ISO_DATE.search(main.get_text()), ex.slug
        if ex.period:
            assert (f"{vi_short_date(ex.period.start)} – {vi_short_date(ex.period.end)}"
                    in profile(BeautifulSoup(str(main), "html.parser"))["Thời gian thực hiện"].get_text())
    for listing in ("don-vi/index.html", "xa/index.html", "don-vi/dang-uy-giao-long-2025/index.html",
                    "don-vi/bdv-huyen-uy/index.html", "xa/giao-long-2025/index.html",
                    "chien-dich/dong-khoi-moi-2024-2025/index.html", "chien-dich/phu-tuc-2026/index.html"):
        assert not ISO_DATE.search(article(read_html(sample_site / listing)).get_text()), listing


def test_the_stylesheet_keeps_phones_unscrolled_and_prints_only_the_article(sample_site: Path,
                                                                          read_html: Reader) -> None:
    soup = read_html(page(sample_site, urls.exemplar(PHU_AN_HOA)))
    assert soup.find("meta", attrs={"name": "viewport"}) is not None
    assert any(link["href"].endswith("assets/dvk.css") for link in soup.find_all("link", rel="stylesheet"))
    css = (sample_site / "assets/dvk.css").read_text(encoding="utf-8")
    phone = css[css.index("@media screen and (max-width: 30em)"):]
    assert re.search(r"table:not\(\[class\]\) \{[^}]*overflow-x: auto", phone)  # scrolls in its own box
    printed = css[css.index("@media print"):]
    hidden = printed[:printed.index("display: none")]
    for chrome in (".md-header", ".md-tabs", ".md-sidebar", ".md-footer", ".md-search", ".dvk-pager"):
        assert chrome in hidden
    assert "size: A4" in printed and "a::after { content: none" in printed

"""For broadcast editors: the story desk, the feeds, the open data and the story kits.

The sample site is read back the way its users read it: feeds with a feed parser, the JSON
against the schema published beside it, the CSV with `csv`, the kits with `zipfile`.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import feedparser
import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup
from PIL import Image

from conftest import REPO, TinyProject, collective, individual, run_dvk
from dvk.media.photos import published_name
from dvk.model import Catalog, Exemplar
from dvk.pages import Asset, Page, generate
from dvk.pages.desk import desk_order
from dvk.pages.feeds import ATOM
from dvk.pipeline import CheckResult, settings_for
from dvk.project import Project

Reader = Callable[[Path], BeautifulSoup]
SITE_URL = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"),
                     Loader=yaml.BaseLoader)["site_url"].rstrip("/")


def page_url(ex: Exemplar) -> str:
    return f"{SITE_URL}/dien-hinh/{ex.slug}/"


def read_feed(path: Path) -> feedparser.FeedParserDict:
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, f"{path}: {feed.get('bozo_exception')}"
    return feed


@pytest.fixture(scope="module")
def catalog(sample_result: CheckResult) -> Catalog:
    assert sample_result.catalog is not None
    return sample_result.catalog


# --- feeds ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "version"), [("feed.xml", "rss20"), ("atom.xml", "atom10")])
def test_the_site_feeds_hold_exactly_the_published_exemplars_newest_first(
        sample_site: Path, catalog: Catalog, sample_result: CheckResult, name: str, version: str) -> None:
    feed = read_feed(sample_site / name)
    assert feed.version == version
    links = [entry.link for entry in feed.entries]
    assert sorted(links) == sorted(page_url(ex) for ex in catalog.exemplars)
    drafts = {Path(item.source).stem for item in sample_result.left_out}
    assert drafts and not any(slug in link for link in links for slug in drafts)
    dated = [entry.published_parsed[:3] for entry in feed.entries]
    assert dated == sorted(dated, reverse=True)
    newest = catalog.newest(1)[0]
    assert feed.entries[0].title == newest.title  # Vietnamese intact, as text
    assert newest.summary in feed.entries[0].summary


def test_every_category_and_unit_has_its_own_feeds(sample_site: Path, catalog: Catalog) -> None:
    folders = [(f"noi-dung/{c}", catalog.by_category.get(c, [])) for c in catalog.registry.categories]
    folders += [(f"don-vi/{u.id}", catalog.by_unit.get(u.id, []))
                for u in catalog.registry.units.values() if u.is_current]
    for folder, exemplars in folders:
        for name in ("feed.xml", "atom.xml"):
            feed = read_feed(sample_site / folder / name)
            assert sorted(e.link for e in feed.entries) == sorted(page_url(ex) for ex in exemplars), folder
            assert feed.feed.link == f"{SITE_URL}/{folder}/"


def test_every_page_announces_the_site_feeds_in_its_head(sample_site: Path, read_html: Reader) -> None:
    def alternates(page: str) -> list[tuple[str, str]]:
        head = read_html(sample_site / page).head
        return [(link["type"], link["href"]) for link in head.select('link[rel="alternate"]')]

    assert alternates("index.html") == [("application/rss+xml", "feed.xml"),
                                        ("application/atom+xml", "atom.xml")]
    assert alternates("don-vi/dang-uy-giao-long-2025/index.html") == [("application/rss+xml", "../../feed.xml"),
                                                            ("application/atom+xml", "../../atom.xml")]
    assert alternates("gioi-thieu/index.html") == [("application/rss+xml", "../feed.xml"),
                                                   ("application/atom+xml", "../atom.xml")]


def test_units_and_categories_link_their_own_feeds_in_their_text(sample_site: Path, read_html: Reader) -> None:
    for page in ("don-vi/dang-uy-giao-long-2025/index.html", "noi-dung/mui-3/index.html",
                 "chien-dich/phu-tuc-2026/index.html"):
        text = read_html(sample_site / page).select_one("article")
        hrefs = {a["href"] for a in text.select("a[href]")}
        assert {"feed.xml", "atom.xml"} <= hrefs, page
        assert (sample_site / page).with_name("feed.xml").is_file()


MARKUP = "<img src=x onerror=alert(1)>"


def test_contributor_markup_reaches_a_feed_reader_as_text_never_as_an_element(project: TinyProject) -> None:
    project.add(collective(title=f"Mô hình {MARKUP} “Ngôi nhà”",
                           summary=f"Khối vận xã {MARKUP} vận động xây 12 căn nhà cho hộ nghèo."))
    result = project.check()
    assert result.catalog is not None and result.errors == [], result.errors
    made = {f.path: f.data for f in generate(result.catalog, settings_for(Project(project.root), result))
            if isinstance(f, Asset) and f.path.endswith(("feed.xml", "atom.xml"))}
    for name in ("feed.xml", "atom.xml", "don-vi/kv-giao-long/feed.xml", "don-vi/kv-giao-long/atom.xml"):
        for sanitize in (True, False):  # as a careful reader sees it, and as a careless one does
            feed = feedparser.parse(made[name], sanitize_html=sanitize)
            assert not feed.bozo, feed.get("bozo_exception")
            (entry,) = feed.entries
            assert entry.title == f"Mô hình {MARKUP} “Ngôi nhà”"
            if name.endswith("feed.xml"):  # RSS: the description is HTML, and holds no element
                assert entry.summary_detail.type == "text/html"
                shown = BeautifulSoup(entry.summary, "html.parser")
                assert shown.find() is None, (name, entry.summary)
                assert MARKUP in shown.get_text()  # the contributor's characters, as typed
            else:  # Atom: says it is text
                assert entry.summary_detail.type == "text/plain"
                assert MARKUP in entry.summary
    atom = ET.fromstring(made["atom.xml"])
    assert {e.get("type") for e in atom.iter(f"{{{ATOM}}}summary")} == {"text"}


def test_without_a_site_address_there_are_no_feeds(catalog: Catalog, sample_result: CheckResult) -> None:
    files = generate(catalog, settings_for(Project(REPO), sample_result, site_url=None))
    assert not [f for f in files if f.path.endswith(("feed.xml", "atom.xml"))]
    unit_page = next(f for f in files if isinstance(f, Page) and f.path == "don-vi/kv-giao-long/index.md")
    assert "feed.xml" not in unit_page.html


# --- open data ------------------------------------------------------------------------------

def test_exemplars_json_follows_its_published_schema(sample_site: Path, catalog: Catalog) -> None:
    data_dir = sample_site / "du-lieu"
    schema = json.loads((data_dir / "exemplars.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    everything = json.loads((data_dir / "exemplars.json").read_text(encoding="utf-8"))
    validator.validate(everything)
    assert everything["version"] == 2 and everything["licence"]["name"] == "CC BY 4.0"
    assert [r["slug"] for r in everything["exemplars"]] == [ex.slug for ex in catalog.exemplars]
    for ex, rec in zip(catalog.exemplars, everything["exemplars"], strict=True):
        one = json.loads((data_dir / "dien-hinh" / f"{ex.slug}.json").read_text(encoding="utf-8"))
        validator.validate(one)
        assert one["exemplar"] == rec
        assert rec["title"] == ex.title and rec["url"] == page_url(ex)
        assert rec["aired"] == (ex.last_airing is not None)
    # The contributors' own format is published too, under the $id it declares.
    front = json.loads((data_dir / "exemplar.schema.json").read_text(encoding="utf-8"))
    assert front["$id"].endswith("/du-lieu/exemplar.schema.json")


def test_exemplars_csv_opens_in_excel_with_vietnamese_intact(sample_site: Path, catalog: Catalog) -> None:
    raw = (sample_site / "du-lieu" / "exemplars.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert [r["Mã"] for r in rows] == [ex.slug for ex in catalog.exemplars]
    for ex, row in zip(catalog.exemplars, rows, strict=True):
        assert row["Tên điển hình"] == ex.title
        assert row["Ngày công nhận"] == ex.recognition.date.isoformat()
        assert row["Số ảnh"] == str(len(ex.photos))
        assert row["Đã lên sóng “Dân vận khéo”"] == ("có" if ex.last_airing else "chưa")


def test_the_open_data_page_states_the_licence_and_links_every_file(sample_site: Path,
                                                                    read_html: Reader) -> None:
    content = read_html(sample_site / "du-lieu" / "index.html").select_one("article")
    assert "CC BY 4.0" in content.get_text()
    targets = {a["href"] for a in content.select("a[href]")}
    for name in ("exemplars.json", "exemplars.csv", "exemplars.schema.json", "exemplar.schema.json"):
        assert name in targets
        assert (sample_site / "du-lieu" / name).is_file()


# --- story kits -----------------------------------------------------------------------------

def test_each_story_kit_holds_the_text_photo_addresses_credits_and_office_contact(sample_site: Path,
                                                                                catalog: Catalog) -> None:
    ex = max(catalog.exemplars, key=lambda e: (len(e.photos), e.contact is not None))
    assert ex.photos and ex.contact
    kit_path = sample_site / "dien-hinh" / ex.slug / f"{ex.slug}-tu-lieu.zip"
    with zipfile.ZipFile(kit_path) as kit:
        names = kit.namelist()
        assert names == sorted(names)
        # No photo inside: each is published beside the page once, and the kit names it.
        assert set(names) == {f"{ex.slug}/tu-lieu.txt", f"{ex.slug}/dien-hinh.json"}
        stamp = (ex.recognition.date.year, ex.recognition.date.month, ex.recognition.date.day, 0, 0, 0)
        assert {info.date_time for info in kit.infolist()} == {stamp}
        text = kit.read(f"{ex.slug}/tu-lieu.txt").decode("utf-8-sig")
    for photo in ex.photos:
        name = published_name(photo.source, photo.file)
        # The published variant, never the phone's original with its location in it.
        assert f"https://dan-van-kheo.example/dien-hinh/{ex.slug}/{name}" in text
        assert photo.file not in text.replace(name, "")
        assert not Image.open(sample_site / "dien-hinh" / ex.slug / name).getexif()
        assert photo.credit in text and photo.caption in text
    for fact in (ex.title, ex.summary, ex.contact.phone, ex.contact.office):
        assert fact and fact in text
    assert ex.story.strip().splitlines()[0] in text


def test_the_exemplar_page_and_the_desk_link_the_kit(sample_site: Path, catalog: Catalog,
                                                     read_html: Reader) -> None:
    ex = catalog.exemplars[0]
    kit = f"{ex.slug}-tu-lieu.zip"
    page = read_html(sample_site / "dien-hinh" / ex.slug / "index.html")
    assert page.select_one(f'a[href="{kit}"]') is not None
    desk = read_html(sample_site / "bien-tap" / "index.html")
    assert desk.select_one(f'a[href="../dien-hinh/{ex.slug}/{kit}"]') is not None


# --- the desk -------------------------------------------------------------------------------

def test_without_javascript_the_desk_is_the_whole_table_not_yet_aired_first(
        sample_site: Path, catalog: Catalog, read_html: Reader) -> None:
    desk = read_html(sample_site / "bien-tap" / "index.html")
    rows = desk.select("table#dvk-desk tbody tr")
    assert len(rows) == len(catalog.exemplars)
    shown = [catalog.by_slug[row["data-slug"]] for row in rows]
    aired = [ex.last_airing is not None for ex in shown]
    assert aired == sorted(aired) and False in aired and True in aired
    for group in (False, True):
        days = [ex.recognition.date for ex in shown if (ex.last_airing is not None) == group]
        assert days == sorted(days, reverse=True)
    for row, ex in zip(rows, shown, strict=True):
        assert row["data-aired"] == ("yes" if ex.last_airing else "no")
        assert row["data-photos"] == str(len(ex.photos))
        assert row["data-categories"].split() == list(ex.categories)
        assert row["data-unit"] == catalog.registry.current_unit(ex.unit).id
        assert row["data-kind"] == ex.kind
        assert ex.summary in row.get_text()
        for target in [a["href"] for a in row.select("a[href^='..']")] + [i["src"] for i in row.select("img")]:
            assert (sample_site / "bien-tap" / target).resolve().exists(), target
    # The filters need the script: hidden until it runs, which announces the count.
    assert desk.select_one("form#dvk-desk-filters").has_attr("hidden")
    assert desk.select_one("#dvk-desk-status")["aria-live"] == "polite"
    assert desk.select_one('script[src$="assets/desk.js"]') is not None
    assert (sample_site / "assets" / "desk.js").is_file()
    for control in desk.select("form#dvk-desk-filters select"):
        assert desk.select_one(f'label[for="{control["id"]}"]') is not None
    assert not desk.select("[onclick], [onchange], [oninput]")


def test_desk_order_breaks_ties_by_title() -> None:
    def ex(slug: str, title: str, day: date) -> Exemplar:
        from dvk.model import Recognition
        return Exemplar(slug=slug, source="", title=title, kind="collective", unit="u", campaign="c", categories=("c",),
                        summary="", recognition=Recognition("1-QĐ", day, "x"), story="")

    same = date(2024, 9, 2)
    order = desk_order([ex("b", "Ấp B", same), ex("a", "Ấp A", same), ex("c", "Ấp C", date(2025, 1, 1))])
    assert [e.slug for e in order] == ["c", "a", "b"]


# --- hostile text and private data, on a tiny project of our own ----------------------------

HOSTILE = "<script>alert(1)</script> =HYPERLINK(\"http://x\") & “Ấp Mới”"


@pytest.fixture(scope="module")
def tiny_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[TinyProject, Path]:
    project = TinyProject(tmp_path_factory.mktemp("desk") / "project")
    project.add(individual(title=HOSTILE, summary="=1+2 " + HOSTILE,
                           contact={"office": "Văn phòng <b>Khối vận</b>", "phone": "0275 3860 123"}),
                slug="ca-nhan")
    project.add(collective(), slug="tap-the")
    project.add(collective(draft=True, title="Bản nháp chưa công bố"), slug="ban-nhap")
    site = project.root / "site"
    done = run_dvk("build", "--site-dir", str(site), cwd=project.root)
    assert done.returncode == 0, done.stderr
    return project, site


def test_contributor_text_never_becomes_markup_on_the_desk_or_in_feeds(
        tiny_site: tuple[TinyProject, Path], read_html: Reader) -> None:
    _, site = tiny_site
    desk = read_html(site / "bien-tap" / "index.html")
    assert not desk.select("article script") and not desk.select("article td b")
    assert HOSTILE in desk.select_one('tr[data-slug="ca-nhan"]').get_text()
    feed = read_feed(site / "feed.xml")
    assert HOSTILE in {entry.title for entry in feed.entries}
    rows = list(csv.reader(io.StringIO((site / "du-lieu" / "exemplars.csv").read_text(encoding="utf-8-sig"))))
    summary = rows[0].index("Tóm tắt")
    assert {row[summary][:5] for row in rows[1:]} >= {"'=1+2"}  # Excel does not run it


def test_no_private_data_leaves_the_repository(tiny_site: tuple[TinyProject, Path]) -> None:
    _, site = tiny_site
    consent = individual()["consent"]
    data = [p for p in (site / "du-lieu").rglob("*.*")
            if p.name != "exemplar.schema.json"]  # the contributors' format names every field
    files = [*data, site / "feed.xml", site / "atom.xml", *(site / "dien-hinh").rglob("*.zip")]
    blobs = [p.read_bytes() for p in files]
    for path in (site / "dien-hinh").rglob("*.zip"):
        with zipfile.ZipFile(path) as kit:
            blobs += [kit.read(name) for name in kit.namelist()]
    for blob in blobs:
        text = blob.decode("utf-8", errors="replace")
        for secret in (consent, "consent", "Bản nháp chưa công bố", "ban-nhap", "exemplars/"):
            assert secret not in text
    records = json.loads((site / "du-lieu" / "exemplars.json").read_text(encoding="utf-8"))["exemplars"]
    assert sorted(r["slug"] for r in records) == ["ca-nhan", "tap-the"]
    person = next(r["person"] for r in records if r["slug"] == "ca-nhan")
    assert person == individual()["person"]  # public by the person's consent


def test_export_markdown_writes_the_same_generated_files(tiny_site: tuple[TinyProject, Path],
                                                         tmp_path: Path) -> None:
    project, site = tiny_site
    tree = tmp_path / "tree"
    done = run_dvk("export-markdown", str(tree), cwd=project.root)
    assert done.returncode == 0, done.stderr
    for name in ("feed.xml", "atom.xml", "du-lieu/exemplars.json", "du-lieu/exemplars.csv",
                 "dien-hinh/tap-the/tap-the-tu-lieu.zip", "don-vi/kv-giao-long/feed.xml"):
        assert (tree / name).read_bytes() == (site / name).read_bytes(), name
    result = project.check()
    generated = {f.path for f in generate(result.catalog, settings_for(Project(project.root), result,
                                                                      site_url=SITE_URL + "/"))
                 if isinstance(f, Asset) and f.data is not None}
    assert "bien-tap/index.md" not in generated and "feed.xml" in generated

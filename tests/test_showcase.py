"""What a reader of a provincial news site expects, in the built HTML: photo cards of the newest
exemplars and ways in on the home page, a thumbnail in every list row, a photo viewer served from
the site itself, breadcrumbs, share links that load nothing, tappable contacts, a call to propose
an exemplar where a unit has none, and a footer that says who publishes the site."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from conftest import REPO, TinyProject, collective, individual, jpeg, run_dvk
from dvk.text.formats import vi_short_date

PHOTO_SLUG = "ngoi-nha-nhan-ai"
PLAIN_SLUG = "nguoi-gom-rac-doi-qua"


@pytest.fixture(scope="module")
def tiny_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two exemplars of one unit: one with a photo (1200×900) and the office's contact, one without."""
    project = TinyProject(tmp_path_factory.mktemp("showcase") / "project")
    project.write(f"kv-giao-long/{PHOTO_SLUG}-le-ban-giao.jpg", jpeg(1200, 900))
    project.add(collective(
        photos=[{"file": f"{PHOTO_SLUG}-le-ban-giao.jpg", "caption": "Lễ bàn giao nhà", "credit": "Khối vận xã"}],
        contact={"office": "Văn phòng Khối vận xã Giao Long", "phone": "0275 3862 117",
                 "email": "khoivan.giaolong@example.vn"}), slug=PHOTO_SLUG)
    project.add(individual(recognition={"decision": "16-QĐ/BDVHU", "date": "2024-10-01",
                                        "by": "Ban Dân vận Huyện ủy Châu Thành"}), slug=PLAIN_SLUG)
    site = project.root / "site"
    result = run_dvk("build", "--site-dir", str(site), cwd=project.root)
    assert result.returncode == 0, result.stderr
    return site


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page_of(site: Path, served: str) -> BeautifulSoup:
    return soup_of(site / served / "index.html")


def resolves(site: Path, page: str, ref: str) -> Path:
    """The file a relative address of the page at `page` (served path) names; asserts it exists."""
    target = (site / page / unquote(urlsplit(ref).path)).resolve()
    assert target.is_file(), f"{ref} on /{page} names no file"
    return target


def image_addresses(holder: BeautifulSoup) -> list[str]:
    """Every address the image in `holder` (a card, a row) may load: its src and srcset."""
    img = holder.find("img")
    return [img["src"]] + [part.split()[0] for tag in holder.find_all(srcset=True)
                           for part in tag["srcset"].split(",")]


# --- photos: cards, thumbnails, the viewer ----------------------------------------------------

def test_the_home_page_shows_the_newest_exemplars_as_cards_from_the_published_variants(tiny_site: Path) -> None:
    cards = page_of(tiny_site, "").select("ul.dvk-cards > li.dvk-card")
    titles = [card.select_one(".dvk-card__title").get_text() for card in cards]
    assert titles == ["Chị Lê Thị Hồng, người gom rác đổi quà", "Mô hình “Ngôi nhà nhân ái”"]  # newest first
    for ref in image_addresses(cards[1]):
        resolves(tiny_site, "", ref)
        assert re.search(r"-w\d+\.webp$", ref), f"{ref} is not a published variant"
    assert [a["href"] for a in cards[1].find_all("a")] == [f"dien-hinh/{PHOTO_SLUG}/"]
    assert cards[0].find("img") is None and cards[0].select_one(".dvk-card__photo--none")


def test_no_page_links_to_an_original_photo(tiny_site: Path) -> None:
    original = f"{PHOTO_SLUG}-le-ban-giao.jpg"
    assert not (tiny_site / "dien-hinh" / PHOTO_SLUG / original).exists()
    for page in tiny_site.rglob("*.html"):
        assert original not in page.read_text(encoding="utf-8"), page


def test_the_home_page_leads_in_by_unit_line_of_content_and_commune_and_to_the_desk(sample_site: Path) -> None:
    home = page_of(sample_site, "")
    ways = home.select_one(".dvk-ways")
    links = [a["href"] for a in ways.find_all("a")]
    assert "don-vi/" in links and "noi-dung/" in links and "xa/" in links
    assert sum(link.startswith("noi-dung/") and link != "noi-dung/" for link in links) >= 5
    assert sum(link.startswith("xa/") and link != "xa/" for link in links) >= 6
    assert home.find("a", href="bien-tap/", string="Bàn biên tập")


def test_each_campaign_on_the_home_page_links_its_units_with_none_to_where_they_are_listed(
        sample_site: Path) -> None:
    home = page_of(sample_site, "")
    links = home.select(".dvk-none-yet a")
    assert len(links) == len(home.select(".dvk-progress")), "every campaign in the sample has units with none"
    for link in links:
        count = int(re.fullmatch(r"(\d+) đơn vị (chưa|không) có điển hình", link.get_text()).group(1))
        page, fragment = link["href"].split("#")
        chart = soup_of(resolves(sample_site, "", page + "index.html")).find(id=fragment)
        assert chart is not None and chart.name == "figure", link["href"]
        rows = chart.find_next("table").select("tbody tr")[:-1]  # the last row is the total
        counted = [int(row.find_all("td")[2].get_text()) for row in rows]
        assert counted.count(0) == count > 0
        assert counted[:count] == [0] * count  # those units lead the table
    statistics = page_of(sample_site, "thong-ke/")
    assert statistics.select_one(".dvk-contents").find("a", href="#" + links[-1]["href"].split("#")[1])


def test_every_list_row_has_a_thumbnail_and_its_date_and_the_lists_come_a_to_z(tiny_site: Path) -> None:
    # kv-giao-long's exemplars are listed on the page of the unit it merged into
    for served in ("dien-hinh/", "don-vi/dang-uy-giao-long-2025/", "noi-dung/mui-3/", "loai/tap-the/"):
        rows = page_of(tiny_site, served).select("ul.dvk-list > li.dvk-item")
        assert rows, f"no list rows on /{served}"
        for row in rows:
            assert date.fromisoformat(row["data-date"])
            assert row.select_one(".dvk-item__thumb")
            if PHOTO_SLUG in row.find("a")["href"]:
                for ref in image_addresses(row):
                    resolves(tiny_site, served, ref)
    # two rows: the page offers the other order, a page of its own
    unit = page_of(tiny_site, "don-vi/dang-uy-giao-long-2025/")
    order = unit.select_one('nav.dvk-order[aria-label="Thứ tự danh sách"]')
    assert order.find("a", string="Mới công nhận")["href"] == "moi-nhat/"
    assert order.find("a", string="Tên A–Z")["aria-current"] == "page"
    newest = page_of(tiny_site, "don-vi/dang-uy-giao-long-2025/moi-nhat/")
    dates = [row["data-date"] for row in newest.select("ul.dvk-list > li.dvk-item")]
    assert len(dates) == 2 and dates == sorted(dates, reverse=True)


def test_a_gallery_photo_links_to_its_largest_variant_at_its_stated_size(tiny_site: Path) -> None:
    page = f"dien-hinh/{PHOTO_SLUG}/"
    link = page_of(tiny_site, page).select_one(".dvk-gallery a.dvk-photo__link")
    large = resolves(tiny_site, page, link["href"])
    with Image.open(large) as im:
        assert (int(link["data-pswp-width"]), int(link["data-pswp-height"])) == im.size == (1200, 900)


def test_the_photo_viewer_is_served_by_the_site_with_its_licence_on_pages_with_photos_only(tiny_site: Path) -> None:
    vendor = tiny_site / "assets" / "vendor" / "photoswipe"
    for name in ("photoswipe.umd.min.js", "photoswipe-lightbox.umd.min.js", "photoswipe.css", "LICENSE.txt"):
        assert (vendor / name).is_file(), name
    assert "MIT" in (vendor / "LICENSE.txt").read_text(encoding="utf-8") or "Permission is hereby granted" in (
        vendor / "LICENSE.txt").read_text(encoding="utf-8")
    with_photos = page_of(tiny_site, f"dien-hinh/{PHOTO_SLUG}/")
    scripts = [s["src"] for s in with_photos.find_all("script", src=True)]
    assert "../../assets/vendor/photoswipe/photoswipe.umd.min.js" in scripts
    assert "../../assets/dvk-photos.js" in scripts
    assert all(not urlsplit(src).scheme for src in scripts), scripts
    without = page_of(tiny_site, f"dien-hinh/{PLAIN_SLUG}/")
    assert not any("photoswipe" in s["src"] for s in without.find_all("script", src=True))


# --- breadcrumbs ---------------------------------------------------------------------------------

def generated_pages(site: Path) -> list[Path]:
    """Every page the dvk package generated (not content/, not a redirect, not the home page)."""
    content = {p.relative_to(REPO / "content").with_suffix("").as_posix() for p in (REPO / "content").rglob("*.md")}
    found = []
    for page in sorted(site.rglob("index.html")):
        served = page.parent.relative_to(site).as_posix()
        if served in (".", *content) or served.startswith(("assets", "search")):
            continue
        text = page.read_text(encoding="utf-8")
        # a redirect, or a page outside the site's frame (the web form is Decap's own full-window app)
        if 'http-equiv="refresh"' in text or "md-header" not in text:
            continue
        found.append(page)
    return found


def test_every_generated_page_has_breadcrumbs_from_home_to_itself(sample_site: Path) -> None:
    pages = generated_pages(sample_site)
    assert len(pages) > 50
    for page in pages:
        served = page.parent.relative_to(sample_site).as_posix() + "/"
        crumbs = soup_of(page).select_one("nav.dvk-breadcrumbs")
        assert crumbs is not None, f"/{served} has no breadcrumbs"
        items = crumbs.find_all("li")
        assert items[0].get_text() == "Trang chủ"
        assert (sample_site / served / items[0].a["href"] / "index.html").resolve() == (sample_site / "index.html")
        for item in items[1:-1]:
            assert (sample_site / served / item.a["href"] / "index.html").resolve().is_file()
        assert items[-1].get("aria-current") == "page" and items[-1].a is None


def test_an_exemplars_breadcrumbs_pass_through_its_unit(tiny_site: Path) -> None:
    crumbs = page_of(tiny_site, f"dien-hinh/{PHOTO_SLUG}/").select("nav.dvk-breadcrumbs li")
    # through the unit whose page holds it today: the recognizing unit merged into it, and its
    # old address leads there
    assert [li.get_text() for li in crumbs] == ["Trang chủ", "Đơn vị", "Đảng ủy xã Giao Long",
                                                "Mô hình “Ngôi nhà nhân ái”"]


def test_breadcrumb_text_is_escaped(tmp_path: Path) -> None:
    project = TinyProject(tmp_path / "project")
    project.add(collective(title="Mô hình <b>“đậm”</b> & gạch"), slug="mo-hinh-dam")
    site = tmp_path / "site"
    assert run_dvk("build", "--site-dir", str(site), cwd=project.root).returncode == 0
    crumbs = page_of(site, "dien-hinh/mo-hinh-dam/").select_one("nav.dvk-breadcrumbs")
    assert crumbs.find("b") is None
    assert crumbs.find_all("li")[-1].get_text() == "Mô hình <b>“đậm”</b> & gạch"


# --- sharing and contacts ------------------------------------------------------------------------

def test_share_links_are_plain_links_to_the_public_address_and_load_nothing(tiny_site: Path) -> None:
    page = page_of(tiny_site, f"dien-hinh/{PHOTO_SLUG}/")
    share = page.select_one(".dvk-share")
    links = {a.get_text(): a["href"] for a in share.select("a")}
    public = f"https://dan-van-kheo.example/dien-hinh/{PHOTO_SLUG}/"
    assert parse_qs(urlsplit(links["Facebook"]).query)["u"] == [public]
    # No mailto: with a query (the gate refuses one). No Zalo link: Zalo documents none that works
    # without its script; the phone's share sheet and the copied address reach it (assets/dvk.js
    # shows the two buttons where they work: tests/browser/test_showcase_in_browser.py).
    assert set(links) == {"Facebook"}
    assert share["data-dvk-share"] == public
    buttons = share.find_all("button")
    assert [b.get_text() for b in buttons] == ["Gửi qua Zalo hoặc ứng dụng khác", "Sao chép liên kết"]
    assert all(b.has_attr("hidden") and b["type"] == "button" for b in buttons)  # nothing that does nothing
    # nothing of theirs in the page: no script, frame, image or style that a browser fetches
    assert page.find("iframe") is None
    for tag in page.find_all(["script", "img", "source"]):
        assert not urlsplit(tag.get("src", "")).hostname, tag
    for tag in page.find_all("link", rel=re.compile("stylesheet|icon|preload|prefetch|preconnect")):
        assert not urlsplit(tag["href"]).hostname, tag


def test_the_offices_phone_and_email_are_tappable_on_the_exemplar_page(tiny_site: Path) -> None:
    box = page_of(tiny_site, f"dien-hinh/{PHOTO_SLUG}/").select_one(".dvk-editors")
    assert box.find("a", href="tel:02753862117").get_text() == "0275 3862 117"
    assert box.find("a", href="mailto:khoivan.giaolong@example.vn")


# --- a unit with no exemplar -------------------------------------------------------------------

def test_a_unit_with_no_exemplar_says_how_to_propose_one(tiny_site: Path) -> None:
    empty = page_of(tiny_site, "don-vi/huyen-doan/")
    call = empty.select_one(".admonition.tip")
    assert call is not None and "Đề xuất điển hình" in call.get_text()
    guide = call.find("a", string=re.compile("cách đóng góp"))
    assert guide["href"] == "../../dong-gop/" and (tiny_site / "dong-gop" / "index.html").is_file()
    assert "huyen-doan" in call.code.get_text()
    assert page_of(tiny_site, "don-vi/kv-giao-long/").select_one(".admonition.tip") is None


# --- the footer --------------------------------------------------------------------------------

def test_every_page_says_who_publishes_it_where_under_which_licence_and_when_it_was_updated(
        sample_site: Path) -> None:
    today = vi_short_date(date.today())
    pages = [sample_site / "index.html", sample_site / "404.html", sample_site / "gioi-thieu" / "index.html",
             sample_site / "dien-hinh" / "index.html", sample_site / "thong-ke" / "index.html"]
    for page in pages:
        footer = soup_of(page).select_one("footer .dvk-footer")
        assert footer is not None, page
        text = footer.get_text(" ", strip=True)
        assert "Đơn vị chủ quản:" in text and "Địa chỉ:" in text, text
        assert footer.find("a", rel="license", string="CC BY 4.0")["href"].startswith("https://creativecommons.org/")
        assert footer.find("time").get_text() == today or footer.find("time")["datetime"] <= date.today().isoformat()

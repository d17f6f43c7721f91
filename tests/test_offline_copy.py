"""The copy opened from a folder (`dvk build --offline`): every link and every asset of every
page, the "not found" page included, opens a file from file://, never a folder listing or a
path from the disk's root."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

# Schemes a reader's browser hands elsewhere, or data in the page itself.
ELSEWHERE = ("http", "https", "mailto", "tel", "data", "blob")


def references(page: Path) -> Iterator[str]:
    """Every address a page names: href and src of any element, each candidate of a srcset."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    for tag in soup.find_all(True):
        for attribute in ("href", "src"):
            if tag.get(attribute):
                yield tag[attribute]
        if tag.get("srcset"):
            yield from (candidate.split()[0] for candidate in tag["srcset"].split(",") if candidate.strip())


def unresolved(site: Path) -> list[str]:
    """'page: address' for each address of the copy that opens no file from the folder."""
    found = []
    for page in sorted(site.rglob("*.html")):
        for ref in references(page):
            parts = urlsplit(ref)
            if parts.scheme in ELSEWHERE or (not parts.scheme and not parts.netloc and not parts.path):
                continue  # another site (the policy test keeps pages from fetching it), or "#id"
            target = page.parent / unquote(parts.path)
            if parts.scheme or parts.netloc or parts.path.startswith("/") or not target.is_file():
                found.append(f"{page.relative_to(site).as_posix()}: {ref}")
    return found


def test_every_link_and_asset_of_the_offline_copy_opens_a_file(offline_site: Path) -> None:
    assert len(list(offline_site.rglob("*.html"))) > 50, "the copy was not built"
    assert unresolved(offline_site) == []


def test_the_crawl_reports_a_folder_link_and_a_root_link(tmp_path: Path) -> None:
    (tmp_path / "dien-hinh" / "x").mkdir(parents=True)
    (tmp_path / "dien-hinh" / "x" / "index.html").write_text("", encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<a href="dien-hinh/x/">folder</a><a href="dien-hinh/x/index.html#a">file</a>'
        '<link href="/assets/dvk.css"><a href="#top">here</a><a href="https://example.org/">out</a>',
        encoding="utf-8")
    assert unresolved(tmp_path) == ["index.html: dien-hinh/x/", "index.html: /assets/dvk.css"]


def test_the_offline_not_found_page_links_from_the_folders_top(offline_site: Path, read_html) -> None:
    soup = read_html(offline_site / "404.html")
    assert soup.h1.get_text(strip=True) == "Không tìm thấy trang này"
    links = {a.get_text(strip=True): a["href"] for a in soup.select("article a")}
    assert links["Trang chủ"] == "./index.html"
    assert links["Tất cả điển hình"] == "./dien-hinh/index.html"
    assert soup.select_one("[data-dvk-search]")["data-base"] == "./"

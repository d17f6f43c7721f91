"""Where each thing lives on the site: the stable URLs of PRODUCT.md §4, in one place.

Paths are docs-relative Markdown sources (`dien-hinh/<slug>/index.md` is served at
`/dien-hinh/<slug>/`); links between generated pages are relative, so the tree builds with
any engine and can be opened from a folder.
"""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from urllib.parse import urlencode


def exemplar(slug: str) -> str:
    return f"dien-hinh/{slug}/index.md"


def unit(unit_id: str) -> str:
    return f"don-vi/{unit_id}/index.md"


def category(category_id: str) -> str:
    return f"noi-dung/{category_id}/index.md"


def group(group_id: str) -> str:
    return f"nhom/{group_id}/index.md"


def field(field_id: str) -> str:
    return f"linh-vuc/{field_id}/index.md"


def commune(commune_id: str) -> str:
    return f"xa/{commune_id}/index.md"


def campaign(campaign_id: str) -> str:
    return f"chien-dich/{campaign_id}/index.md"


def statistics(campaign_id: str, default: bool) -> str:
    """A campaign's statistics page: the site's default campaign keeps `/thong-ke/`, the address
    printed before there were several; every other one sits under its campaign's page."""
    return "thong-ke/index.md" if default else f"chien-dich/{campaign_id}/thong-ke/index.md"


KIND_SLUGS = {"collective": "tap-the", "individual": "ca-nhan"}


def kind(kind_id: str) -> str:
    """A list by kind; its own section, so no exemplar slug can ever take its URL."""
    return f"loai/{KIND_SLUGS[kind_id]}/index.md"


def served(path: str, directory_urls: bool = True) -> str:
    """Where a docs-relative source is served, relative to the site root: the one rule.

    `dien-hinh/x/index.md` → `dien-hinh/x/` (`index.md` → ``), `gioi-thieu.md` → `gioi-thieu/`;
    with `directory_urls=False`, for a copy opened from a folder (file://), the HTML file itself:
    `dien-hinh/x/index.html`. A file that is not a page (`du-lieu/exemplars.json`) is served as is.
    """
    if not path.endswith(".md"):
        return path
    stem = path.removesuffix(".md")
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


ORDER_SLUGS = {"title": "ten-a-z", "newest": "moi-nhat"}
# The names a list's own pages take inside its folder; no exemplar may be named so, since the
# list of all exemplars (`dien-hinh/`) shares its folder with their pages.
LIST_PAGE_NAME = re.compile("|".join((r"trang-\d+", *ORDER_SLUGS.values())))


def list_page(page: str, number: int = 1, order: str | None = None) -> str:
    """Page `number` of a list (`page`, its `index.md`) in an order other than its own, or in
    its own (`order=None`): page 1 at the list's address, so every printed link keeps working,
    then `<list>/trang-<n>/`; another order at `<list>/moi-nhat/`, `<list>/moi-nhat/trang-<n>/`."""
    parts = [name for name in (ORDER_SLUGS[order] if order else "", f"trang-{number}" if number > 1 else "") if name]
    return posixpath.join(posixpath.dirname(page), *parts, "index.md") if parts else page


def desk() -> str:
    return "bien-tap/index.md"


def open_data(name: str = "index.md") -> str:
    """The open data page, or one of the files beside it (exemplars.json, exemplars.csv…)."""
    return f"du-lieu/{name}"


def exemplar_record(slug: str) -> str:
    return f"du-lieu/dien-hinh/{slug}.json"


def story_kit(slug: str) -> str:
    return beside(exemplar(slug), f"{slug}-tu-lieu.zip")


def feeds(page: str) -> tuple[str, str]:
    """The RSS and Atom feeds that sit beside a page: `/feed.xml`, `/don-vi/<id>/atom.xml`…"""
    return beside(page, "feed.xml"), beside(page, "atom.xml")


def absolute(site_url: str | None, path: str) -> str:
    """The public address of a docs-relative source, for feeds and downloads read elsewhere;
    from the site's root when the site's address is not known."""
    return (site_url.rstrip("/") if site_url else "") + "/" + served(path)


def web_form(name: str = "index.html") -> str:
    """The web form (a page of its own, outside the theme: /dong-gop/bieu-mau/) and its files."""
    return f"dong-gop/bieu-mau/{name}"


def workbook_template() -> str:
    """The Excel list a unit fills for `dvk import-xlsx`, offered for download."""
    return "dong-gop/mau-danh-sach-dien-hinh.xlsx"


def field_reference() -> str:
    return "dong-gop/truong-du-lieu/index.md"


def beside(page: str, name: str) -> str:
    """A file that sits next to a page, such as an exemplar's photo."""
    return posixpath.join(posixpath.dirname(page), name)


@lru_cache(maxsize=1 << 16)
def relative(from_page: str, to: str) -> str:
    """Link from one docs-relative source to another (remembered: the same links recur on every
    list page). `posixpath.relpath` would ask the operating system for the working folder on
    every call, a tenth of the page stage at 10,000 exemplars; both paths are docs-relative."""
    start = [part for part in posixpath.normpath(posixpath.dirname(from_page) or ".").split("/") if part != "."]
    target = [part for part in posixpath.normpath(to).split("/") if part != "."]
    common = 0
    while common < min(len(start), len(target)) and start[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + target[common:]) or "."


def share_links(address: str) -> dict[str, str]:
    """Plain links that share a public address: the reader's click opens the network's own
    page; the site loads no script of theirs and sends them nothing before that click. No
    share by e-mail: a `mailto:` carrying a query (subject, body) from a contributor's text is
    what the gate refuses on every page. No Zalo link: Zalo documents sharing from a web page
    only through its own script (the social plugin, sp.zalo.me/plugins/sdk.js, with an
    Official Account); a reader reaches Zalo through the phone's share sheet or by pasting
    the address, which the page offers beside these links (assets/dvk.js)."""
    return {
        "Facebook": "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": address}),
    }


def tel(phone: str) -> str:
    """A `tel:` link of a phone number as written ("0275 3862 117" → "tel:02753862117")."""
    return "tel:" + "".join(c for c in phone if c.isdigit() or c == "+")

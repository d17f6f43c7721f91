"""Where each thing lives on the site: the stable URLs of PRODUCT.md §4, in one place.

Paths are docs-relative Markdown sources (`dien-hinh/<slug>/index.md` is served at
`/dien-hinh/<slug>/`); links between generated pages are relative, so the tree builds with
any engine and can be opened from a folder.
"""

from __future__ import annotations

import posixpath


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


def beside(page: str, name: str) -> str:
    """A file that sits next to a page, such as an exemplar's photo."""
    return posixpath.join(posixpath.dirname(page), name)


def relative(from_page: str, to: str) -> str:
    """Link from one docs-relative source to another."""
    return posixpath.relpath(to, posixpath.dirname(from_page) or ".")


def page_url(path: str, directory_urls: bool = True) -> str:
    """Where a docs-relative source is served, relative to the site root: `dien-hinh/x/index.md`
    → `dien-hinh/x/`, or `dien-hinh/x/index.html` for a copy opened from a folder (file://)."""
    stem = path.removesuffix(".md")
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"

"""Stage 4, pages: the model → site files, as pages (front matter and finished HTML) and assets.

This is the product's core output. It knows nothing about MkDocs: the plugin hands these files
to MkDocs in memory, and `dvk export-markdown` writes them to disk for any other engine.
Each family is a module with one function, `files(site)`; they are listed here once, in the
order they are generated.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from ..media import photos
from ..model import Catalog
from ..settings import Settings
from . import (
    campaigns,
    communes,
    desk,
    exemplars,
    feeds,
    fieldref,
    home,
    kinds,
    kits,
    listings,
    opendata,
    search,
    statistics,
    units,
    webform,
    workbook,
)
from .base import Asset, Memo, Page, Site, SiteFile, unpack

FAMILIES: tuple[Callable[[Site], Iterable[SiteFile]], ...] = (
    home.files, campaigns.files, exemplars.files, units.files, listings.files, statistics.files, communes.files,
    kinds.files, units.redirect_files, desk.files, kits.files, feeds.files, opendata.files,
    fieldref.files, webform.files, workbook.files, search.files,
)


def generate(catalog: Catalog, settings: Settings, content: Mapping[str, str] | None = None,
             memo: Memo | None = None) -> list[SiteFile]:
    """Every file of the site that the catalog describes; `content` holds the hand-written pages
    (docs path → Markdown), which the search index covers too. A preview passes the `memo` its
    last build filled, and gets back what did not change as it was made then."""
    content = content or {}
    world = None if memo is None else (catalog.registry, settings, dict(content), tuple(
        photos.stamp(photo.source) for ex in catalog.exemplars for photo in ex.photos))
    memo = (memo or Memo(lasting=False)).begin(world)
    site = Site(catalog, settings, content, feeds.feed_pages(catalog, settings), memo)
    return [file for family in FAMILIES for file in family(site)]


__all__ = ["FAMILIES", "Asset", "Memo", "Page", "Site", "SiteFile", "generate", "unpack"]

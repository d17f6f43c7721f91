"""For broadcast editors: the story desk page.

The desk lists every published exemplar, not yet aired first, then newest recognition, in pages
of `DESK_ROWS_PER_PAGE` rows (pages/paging.py); its filters are a small script over the rows'
data-* attributes that first fetches the other pages' rows (theme/assets/desk.js), so without
JavaScript the desk is its sorted table, page by page.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from .. import urls
from ..media.photos import published_name
from ..model import KIND_NAMES, Exemplar
from ..text.collate import sort_key
from .base import Site, SiteFile
from .paging import DESK_ROWS_PER_PAGE, pages


def desk_order(exemplars: list[Exemplar]) -> list[Exemplar]:
    """Not yet aired first, then the newest recognition, then by title."""
    ranked = sorted(exemplars, key=lambda e: (sort_key(e.title), e.slug))
    ranked.sort(key=lambda e: (e.last_airing is not None, -e.recognition.date.toordinal()))
    return ranked


def files(site: Site) -> Iterator[SiteFile]:
    catalog, registry = site.catalog, site.registry
    rows = desk_order(catalog.exemplars)
    # By name, then id: a unit formed on 01/7/2025 may bear its predecessor's name, and a set has no order.
    units = sorted({registry.current_unit(e.unit) for e in rows}, key=lambda u: (sort_key(u.name), u.id))
    yield from pages(site, urls.desk(), "desk.html.j2", [("desk", rows)], DESK_ROWS_PER_PAGE, "rows",
                     units=units, thumbnail=published_name, categories=list(registry.categories.values()),
                     levels=registry.level_names,
                     kinds=KIND_NAMES, feeds=bool(site.settings.site_url),
                     aired=sum(1 for e in rows if e.last_airing),
                     column_outlet=registry.column_outlet_on(registry.today or date.today()))

"""The home page: what the campaign is, progress toward its targets, the newest exemplars."""

from __future__ import annotations

from collections.abc import Iterator

from ..stats import Statistics
from .base import Site, SiteFile
from .statistics import PAGE as STATISTICS


def files(site: Site) -> Iterator[SiteFile]:
    stats = Statistics(site.catalog, site.registry.default_campaign)
    # The units row leads to the statistics' table of units, those with none first.
    units_list = (STATISTICS, f"bieu-do-{stats.units_table().key}")
    yield site.render("index.md", "home.html.j2", newest=site.catalog.newest(6),
                      progress=stats.progress(), as_of=stats.window_text(), standing=stats.standing_text(),
                      units_list=units_list)

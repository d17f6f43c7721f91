"""The home page: what the campaign is, progress toward its targets, the newest exemplars."""

from __future__ import annotations

from collections.abc import Iterator

from ..stats import Statistics
from .base import Site, SiteFile


def files(site: Site) -> Iterator[SiteFile]:
    yield site.render("index.md", "home.html.j2", newest=site.catalog.newest(6),
                      progress=Statistics(site.catalog, site.registry.default_campaign).progress())

"""The home page: what the campaign is, progress toward its targets, the newest exemplars."""

from __future__ import annotations

from collections.abc import Iterator

from ..stats import Statistics
from .base import Site, SiteFile
from .communes import commune_key


def files(site: Site) -> Iterator[SiteFile]:
    registry = site.registry
    yield site.render("index.md", "home.html.j2", newest=site.catalog.newest(6),
                      progress=Statistics(site.catalog, registry.default_campaign).progress(),
                      # the ways in: every line of content, today's communes, the units' count
                      categories=list(registry.categories.values()),
                      communes=sorted((c for c in registry.communes.values() if c.is_current), key=commune_key),
                      unit_count=sum(1 for u in registry.units.values() if u.is_current))

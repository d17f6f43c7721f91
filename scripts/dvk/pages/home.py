"""The home page: the site and its movement, the campaigns that are open (progress against
their own targets) and those archived (final figures), the newest exemplars as photo cards, and
the ways in: by unit, by line of content, by commune."""

from __future__ import annotations

from collections.abc import Iterator

from ..stats import Statistics
from .base import Site, SiteFile
from .communes import commune_key
from .statistics import units_list


def files(site: Site) -> Iterator[SiteFile]:
    registry = site.registry
    counted = [Statistics(site.catalog, c) for c in registry.campaigns.values()]
    yield site.render("index.md", "home.html.j2", newest=site.catalog.newest(6),
                      open_campaigns=[s for s in counted if s.campaign.is_open],
                      archived=[s for s in counted if not s.campaign.is_open],
                      units_list=lambda stats: units_list(site, stats),
                      # the ways in: every line of content, today's communes, the units' count
                      categories=list(registry.categories.values()),
                      communes=sorted((c for c in registry.communes.values() if c.is_current),
                                      key=lambda c: commune_key(registry, c)),
                      unit_count=sum(1 for u in registry.units.values() if u.is_current))

"""The home page: the site and its movement, the campaigns that are open (progress against
their own targets) and those archived (final figures), the newest exemplars."""

from __future__ import annotations

from collections.abc import Iterator

from ..stats import Statistics
from .base import Site, SiteFile


def files(site: Site) -> Iterator[SiteFile]:
    counted = [Statistics(site.catalog, c) for c in site.registry.campaigns.values()]
    yield site.render("index.md", "home.html.j2", newest=site.catalog.newest(6),
                      open_campaigns=[s for s in counted if s.campaign.is_open],
                      archived=[s for s in counted if not s.campaign.is_open])

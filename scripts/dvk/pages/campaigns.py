"""One page per campaign at `/chien-dich/<id>/`: its plan, period and status, organiser,
recognizers, lines, steps, its targets counted against its own figures (a final result once
closed; what is left and the days left while open), its reviews read as the units stood on
each window's last day, and its exemplars."""

from __future__ import annotations

from collections.abc import Iterator

from .. import urls
from ..model import Campaign
from ..stats import Statistics
from .base import Site, SiteFile
from .paging import exemplar_pages
from .statistics import page_of


def reviews(site: Site, campaign: Campaign) -> list[tuple[object, Statistics]]:
    """Each review with the counts over its window, the units as they were on its last day."""
    return [(review, Statistics(site.catalog, campaign, review.window.start, review.window.end))
            for review in campaign.reviews]


def files(site: Site) -> Iterator[SiteFile]:
    registry, catalog = site.registry, site.catalog
    for campaign in registry.campaigns.values():
        path = urls.campaign(campaign.id)
        exemplars = [e for e in catalog.exemplars if e.campaign == campaign.id]
        image, card = site.card(path, campaign.name, campaign.plan.number)
        # A campaign's page shows its newest exemplars first, as it always has
        told = {"stats": Statistics(catalog, campaign), "reviews": reviews(site, campaign),
                "statistics": page_of(site, campaign.id),
                "plan_page": campaign.plan.page if campaign.plan.page in site.content else None,
                "counts": {c.id: len(catalog.by_category.get(c.id, [])) for c in campaign.categories}}
        yield from exemplar_pages(site, path, "campaign.html.j2", exemplars, own="newest", at_address=told,
                                  campaign=campaign, image=image)
        yield card

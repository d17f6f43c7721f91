"""Each campaign's statistics page: every count with its chart and table, and each table as CSV
beside it. The site's default campaign keeps `/thong-ke/`; `/chien-dich/<id>/thong-ke/` leads
there, so every campaign has the same address pattern."""

from __future__ import annotations

from collections.abc import Iterator

from markupsafe import Markup

from .. import urls
from ..stats import Statistics
from .base import Asset, Site, SiteFile
from .charts import bar_chart
from .redirects import redirect


def page_of(site: Site, campaign_id: str) -> str:
    return urls.statistics(campaign_id, campaign_id == site.registry.default_campaign.id)


def files(site: Site) -> Iterator[SiteFile]:
    registry = site.registry
    for campaign in registry.campaigns.values():
        page = page_of(site, campaign.id)
        stats = Statistics(site.catalog, campaign)
        tables = stats.page_tables()
        others = [(c, page_of(site, c.id)) for c in registry.campaigns.values() if c.id != campaign.id]
        yield site.render(page, "statistics.html.j2", stats=stats, tables=tables, others=others,
                          chart=lambda table: Markup(bar_chart(table)),
                          csv_path=lambda table, page=page: urls.beside(page, f"{table.key}.csv"))
        for table in tables:
            yield Asset(urls.beside(page, f"{table.key}.csv"), data=table.csv())
    default = registry.default_campaign
    yield redirect(site, urls.statistics(default.id, False), f"Thống kê: {default.name}",
                   page_of(site, default.id), f"Thống kê: {default.name}",
                   "Thống kê của chiến dịch này ở trang thống kê chung của trang web.")

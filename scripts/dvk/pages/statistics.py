"""Each campaign's statistics page: every count with its chart and table, and each table as CSV
beside it. The site's default campaign keeps `/thong-ke/`; `/chien-dich/<id>/thong-ke/` leads
there, so every campaign has the same address pattern."""

from __future__ import annotations

from collections.abc import Iterator

from markupsafe import Markup

from .. import urls
from ..stats import Statistics, Table
from .base import Asset, Site, SiteFile
from .charts import anchor, bar_chart, running_total_chart
from .redirects import redirect


def page_of(site: Site, campaign_id: str) -> str:
    return urls.statistics(campaign_id, campaign_id == site.registry.default_campaign.id)


def units_list(site: Site, stats: Statistics) -> tuple[str, str]:
    """Where the units that still have no exemplar are listed, as page and fragment: the chart
    and table by unit on the campaign's statistics page (those with none first), where that
    page's own contents lead too."""
    return page_of(site, stats.campaign.id), anchor(stats.units_table())


def files(site: Site) -> Iterator[SiteFile]:
    registry = site.registry
    for campaign in registry.campaigns.values():
        page = page_of(site, campaign.id)
        stats = Statistics(site.catalog, campaign)
        tables = stats.page_tables()
        months, target = stats.months_table().key, stats.progress()["target_total"]

        def charts(table: Table, months: str = months, target: int = target) -> Markup:
            drawn = bar_chart(table)
            if table.key == months and target:  # its last column is the running total
                drawn += "\n" + running_total_chart(table, len(table.columns) - 1, target)
            return Markup(drawn)

        others = [(c, page_of(site, c.id)) for c in registry.campaigns.values() if c.id != campaign.id]
        yield site.render(page, "statistics.html.j2", stats=stats, tables=tables, others=others,
                          chart=charts, anchor=anchor,
                          csv_path=lambda table, page=page: urls.beside(page, f"{table.key}.csv"))
        for table in tables:
            yield Asset.made(urls.beside(page, f"{table.key}.csv"), table.csv())
    default = registry.default_campaign
    yield redirect(site, urls.statistics(default.id, False), f"Thống kê: {default.name}",
                   page_of(site, default.id), f"Thống kê: {default.name}",
                   "Thống kê của chiến dịch này ở trang thống kê chung của trang web.")

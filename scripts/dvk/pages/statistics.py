"""/thong-ke/: every count with its chart and table, and each table as CSV beside it."""

from __future__ import annotations

from collections.abc import Iterator

from markupsafe import Markup

from .. import urls
from ..stats import Statistics, Table
from .base import Asset, Site, SiteFile
from .charts import bar_chart, running_total_chart

PAGE = "thong-ke/index.md"


def files(site: Site) -> Iterator[SiteFile]:
    stats = Statistics(site.catalog, site.registry.default_campaign)
    tables = stats.page_tables()
    months, target = stats.months_table().key, stats.progress()["target_total"]

    def charts(table: Table) -> Markup:
        drawn = bar_chart(table)
        if table.key == months and target:  # its last column is the running total
            drawn += "\n" + running_total_chart(table, len(table.columns) - 1, target)
        return Markup(drawn)

    yield site.render(PAGE, "statistics.html.j2", stats=stats, tables=tables, chart=charts,
                      csv_path=lambda table: urls.beside(PAGE, f"{table.key}.csv"))
    for table in tables:
        yield Asset(urls.beside(PAGE, f"{table.key}.csv"), data=table.csv())

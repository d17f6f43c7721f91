"""/thong-ke/: every count with its chart and table, and each table as CSV beside it."""

from __future__ import annotations

from collections.abc import Iterator

from markupsafe import Markup

from .. import urls
from ..stats import Statistics
from .base import Asset, Site, SiteFile
from .charts import bar_chart

PAGE = "thong-ke/index.md"


def files(site: Site) -> Iterator[SiteFile]:
    stats = Statistics(site.catalog, site.registry.default_campaign)
    tables = stats.page_tables()
    yield site.render(PAGE, "statistics.html.j2", stats=stats, tables=tables,
                      chart=lambda table: Markup(bar_chart(table)),
                      csv_path=lambda table: urls.beside(PAGE, f"{table.key}.csv"))
    for table in tables:
        yield Asset(urls.beside(PAGE, f"{table.key}.csv"), data=table.csv())

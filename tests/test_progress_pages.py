"""Progress as readers find it: the running total against the target on /thong-ke/."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup

from dvk.pipeline import CheckResult
from dvk.stats import Statistics

Reader = Callable[[Path], BeautifulSoup]


def test_the_monthly_chart_runs_toward_the_campaign_target(sample_site: Path, read_html: Reader,
                                                           sample_result: CheckResult) -> None:
    stats = Statistics(sample_result.catalog, sample_result.catalog.registry.default_campaign)
    target = stats.progress()["target_total"]
    months = stats.months_table()
    figure = read_html(sample_site / "thong-ke" / "index.html").select_one(f"#bieu-do-{months.key}-luy-ke")
    assert figure is not None
    columns = [int(g["data-value"]) for g in figure.select("g.bar")]
    assert columns == [row[-1] for row in months.rows]  # one column a month, its running total
    assert columns == sorted(columns) and columns[-1] == len(stats.exemplars)
    assert figure.select_one("line.target") is not None
    assert f"Chỉ tiêu {target}" in figure.get_text()
    assert figure.svg["role"] == "img" and str(target) in figure.find("desc").get_text()


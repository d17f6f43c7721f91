"""Progress as readers find it: the running total against the target on /thong-ke/, and on the
home page the date the figures stand at, the time left (or the final result) and a way to the
units that still have none."""

from __future__ import annotations

import re
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


def test_the_home_page_says_when_its_figures_stand_and_how_long_is_left(sample_site: Path, read_html: Reader,
                                                                         sample_result: CheckResult) -> None:
    stats = Statistics(sample_result.catalog, sample_result.catalog.registry.default_campaign)
    said = read_html(sample_site / "index.html").select_one(".dvk-as-of").get_text()
    assert stats.window_text() in said and stats.standing_text() in said
    assert re.search(r"\d\d/\d\d/\d{4}", said)
    assert ("còn" in said and "ngày" in said) if stats.campaign.is_open else "kết quả cuối cùng" in said


def test_the_home_page_leads_to_the_units_that_still_have_none(sample_site: Path, read_html: Reader,
                                                               sample_result: CheckResult) -> None:
    stats = Statistics(sample_result.catalog, sample_result.catalog.registry.default_campaign)
    progress = stats.progress()
    missing = progress["units"] - progress["units_met"]
    home = read_html(sample_site / "index.html")
    link = next(a for a in home.select("article a") if "chưa có điển hình" in a.get_text())
    assert link.get_text().startswith(f"{missing} đơn vị")
    page, _, anchor = link["href"].partition("#")
    statistics = read_html((sample_site / page / "index.html").resolve())
    table = statistics.find(id=anchor).find_next("table")
    status = [tr.find_all("td")[3].get_text() for tr in table.select("tbody tr")][:-1]  # not the total
    assert status[:missing] == ["Chưa đạt"] * missing and "Chưa đạt" not in status[missing:]

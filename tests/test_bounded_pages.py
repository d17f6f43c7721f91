"""No page grows with the site: every list of exemplars and the story desk come in pages of a
fixed size (pages/paging.py), so three times the exemplars make more pages, none larger."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from bench.synthetic import write_synthetic_project
from conftest import run_dvk
from dvk.pages.paging import DESK_ROWS_PER_PAGE, EXEMPLARS_PER_PAGE

SMALL = 2 * DESK_ROWS_PER_PAGE + 20  # the desk on three pages, the list of all on five
LARGE = 3 * SMALL
# What may grow with the count: the page numbers and counts printed, a few more links in a
# pager, a unit's name in the desk's filter. Not one row more.
SLACK_BYTES = 2_000


def built(root: Path, count: int) -> tuple[Path, Path]:
    """A synthetic project of `count` exemplars, built and exported."""
    project = write_synthetic_project(root / "project", count, photos=False)
    site, tree = root / "site", root / "tree"
    for verb, out in (("build", ["--site-dir", str(site)]), ("export-markdown", [str(tree)])):
        done = run_dvk(verb, *out, cwd=project)
        assert done.returncode == 0, done.stderr
    return site, tree


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[int, tuple[Path, Path]]:
    return {count: built(tmp_path_factory.mktemp(f"n{count}"), count) for count in (SMALL, LARGE)}


def largest(folder: Path, pattern: str) -> tuple[int, str]:
    return max((p.stat().st_size, p.relative_to(folder).as_posix()) for p in folder.rglob(pattern))


def test_the_largest_html_page_does_not_grow_with_the_number_of_exemplars(sites: dict[int, tuple[Path, Path]]) -> None:
    small, large = largest(sites[SMALL][0], "*.html"), largest(sites[LARGE][0], "*.html")
    assert large[0] <= small[0] + SLACK_BYTES, (small, large)


def test_the_largest_exported_markdown_page_does_not_grow_either(sites: dict[int, tuple[Path, Path]]) -> None:
    small, large = largest(sites[SMALL][1], "*.md"), largest(sites[LARGE][1], "*.md")
    assert large[0] <= small[0] + SLACK_BYTES, (small, large)


def test_every_exemplar_is_on_exactly_one_page_of_each_order_of_the_list_of_all(
        sites: dict[int, tuple[Path, Path]]) -> None:
    site = sites[LARGE][0]
    for first, expected_order in (("dien-hinh", "A–Z"), ("dien-hinh/moi-nhat", "newest")):
        seen: list[str] = []
        dates: list[str] = []
        number = 1
        while True:
            folder = site / first / (f"trang-{number}" if number > 1 else "")
            if not (folder / "index.html").is_file():
                break
            page = BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"), "html.parser")
            rows = page.select("ul.dvk-list > li.dvk-item")
            assert 0 < len(rows) <= EXEMPLARS_PER_PAGE
            seen += [row.find("a", href=True)["href"].rstrip("/").rsplit("/", 1)[-1] for row in rows]
            dates += [row["data-date"] for row in rows]
            number += 1
        assert len(seen) == len(set(seen)) == LARGE, expected_order
        if expected_order == "newest":
            assert dates == sorted(dates, reverse=True)


def test_the_desk_is_paged_with_its_counts_site_wide(sites: dict[int, tuple[Path, Path]]) -> None:
    site = sites[LARGE][0]
    pages = [site / "bien-tap/index.html",
             *(site / f"bien-tap/trang-{n}/index.html" for n in range(2, -(-LARGE // DESK_ROWS_PER_PAGE) + 1))]
    slugs: list[str] = []
    for number, path in enumerate(pages, 1):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        slugs += [row["data-slug"] for row in page.select("#dvk-desk tbody tr")]
        assert f"Có {LARGE} điển hình" in page.get_text(" ")
        assert page.title.string.startswith(f"Bàn biên tập – trang {number}/{len(pages)}")
        assert page.select_one('nav[aria-label="Phân trang"] a[aria-current="page"]').get_text() == str(number)
    assert len(slugs) == len(set(slugs)) == LARGE
    assert not (site / f"bien-tap/trang-{len(pages) + 1}").exists()

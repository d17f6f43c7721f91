"""Search in a real browser (Debian's Chromium through Playwright), served and from a folder.

A small site of our own: exemplars whose titles hold the words readers look for, plus near
misses, built once as the public site (served on 127.0.0.1) and once with `--offline` (file://).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser

from browser.reader import serve
from conftest import TinyProject, collective, run_dvk

CASES = json.loads((Path(__file__).parent.parent / "search_fold_cases.json").read_text(encoding="utf-8"))
EXEMPLARS = {
    "dan-van-kheo-giai-phong-mat-bang": "Dân vận khéo trong giải phóng mặt bằng",
    "dong-khoi-moi-o-khu-dan-cu": "Thanh niên “Đồng Khởi mới” ở khu dân cư",
    "dan-ga-cua-chi-lan": "Đàn gà của chị Lan, vốn vay từ chi hội",
    "nha-van-hoa-ap": "Nhà văn hoá ấp, nơi bà con bàn việc",
}


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    project = TinyProject(tmp_path_factory.mktemp("search") / "project")
    for slug, title in EXEMPLARS.items():
        project.add(collective(title=title), slug=slug)
    built = {}
    for name, extra in (("public", []), ("offline", ["--offline"])):
        site = project.root / name
        result = run_dvk("build", "--site-dir", str(site), *extra, cwd=project.root)
        assert result.returncode == 0, result.stderr
        built[name] = site
    return built


@pytest.fixture(scope="module")
def server(sites: dict[str, Path]) -> Iterator[str]:
    with serve(sites["public"]) as url:
        yield url


class Visit:
    """One browser page and everything it asked for, failed at or complained about."""

    def __init__(self, page: Any) -> None:
        self.page, self.requests, self.failures, self.errors = page, [], [], []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("requestfailed", lambda r: self.failures.append(r.url))
        page.on("response", lambda r: r.status >= 400 and self.failures.append(f"{r.status} {r.url}"))
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def search(self, query: str) -> list[str]:
        """Types into the header box like a reader and returns the titles shown."""
        box = self.page.get_by_label("Tìm điển hình, đơn vị, nội dung")
        box.fill("")
        box.type(query)
        self.page.wait_for_function(
            "q => document.getElementById('dvk-search-results').dataset.query === q", arg=query)
        return self.page.locator(".dvk-search__title").all_inner_texts()


@pytest.fixture
def visit(browser: Browser) -> Iterator[Visit]:
    context = browser.new_context()
    yield Visit(context.new_page())
    context.close()


@pytest.mark.parametrize(("query", "words", "page"), [
    ("dan van kheo", "Dân vận khéo", EXEMPLARS["dan-van-kheo-giai-phong-mat-bang"]),
    ("dong khoi moi", "Đồng Khởi mới", EXEMPLARS["dong-khoi-moi-o-khu-dan-cu"]),
    ("ba mui", "Ba mũi", "Nội dung thi đua “Hai chân – Ba mũi” và “Ba trọng tâm”"),
    ("Dân vận khéo", "Dân vận khéo", EXEMPLARS["dan-van-kheo-giai-phong-mat-bang"]),
])
def test_queries_without_diacritics_find_the_words_with_them(visit: Visit, server: str, query: str,
                                                             words: str, page: str) -> None:
    visit.page.goto(server)
    titles = visit.search(query)
    assert words in titles[0] and page in titles[:3], titles


def test_a_query_with_diacritics_ranks_exact_spellings_first(visit: Visit, server: str) -> None:
    visit.page.goto(server)
    assert visit.search("đàn gà")[0] == EXEMPLARS["dan-ga-cua-chi-lan"]
    assert visit.search("dân")[0] != EXEMPLARS["dan-ga-cua-chi-lan"]
    assert EXEMPLARS["dan-ga-cua-chi-lan"] in visit.search("dan ga")[:1]


def test_the_browser_folds_exactly_as_the_index_does(visit: Visit, server: str) -> None:
    visit.page.goto(server)
    for text, folded in CASES:
        assert visit.page.evaluate("t => dvkSearch.fold(t)", text) == folded, text


def test_keyboard_reaches_a_result_and_opens_it(visit: Visit, server: str) -> None:
    visit.page.goto(server)
    visit.search("giai phong mat bang")
    visit.page.keyboard.press("ArrowDown")
    assert visit.page.evaluate("document.activeElement.classList.contains('dvk-search__result')")
    visit.page.keyboard.press("Enter")
    visit.page.wait_for_url("**/dien-hinh/dan-van-kheo-giai-phong-mat-bang/")
    assert "Dân vận khéo" in visit.page.title()


def test_a_visit_asks_only_the_sites_own_host_and_nothing_is_missing(visit: Visit, server: str) -> None:
    visit.page.goto(server)
    visit.search("dan van kheo")
    visit.page.get_by_text("Theo đơn vị", exact=False).first.click()
    visit.page.wait_for_load_state()
    assert visit.requests and all(url.startswith(server) for url in visit.requests), visit.requests
    assert visit.failures == [] and visit.errors == []


def test_opened_from_a_folder_it_navigates_and_searches(visit: Visit, sites: dict[str, Path]) -> None:
    visit.page.goto((sites["offline"] / "index.html").as_uri())
    assert visit.search("dong khoi moi khu dan cu")[0] == EXEMPLARS["dong-khoi-moi-o-khu-dan-cu"]
    visit.page.locator(".dvk-search__result").first.click()
    visit.page.wait_for_url("**/dien-hinh/dong-khoi-moi-o-khu-dan-cu/index.html")
    assert visit.page.locator("h1").first.inner_text().startswith("Thanh niên")
    # a generated page's link to a unit (not the breadcrumbs' link to the list of units)
    visit.page.locator("article a[href*='don-vi/']:not([href$='don-vi/index.html'])").first.click()
    visit.page.wait_for_url("**/don-vi/*/index.html")
    assert all(url.startswith("file://") for url in visit.requests), visit.requests
    assert visit.failures == [] and visit.errors == []

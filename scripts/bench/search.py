"""Search payload and time to first result, measured in Chromium from a site opened as files.

    PYTHONPATH=scripts python -m bench.search SITE_DIR [QUERY …]

Opens SITE_DIR/index.html from file:// (cold cache), types each query into the header box and
reports the time until the first result shows and the bytes of search files loaded before it
(assets/dvk-search.js + search/*.js). Needs playwright and /usr/bin/chromium. For `make bench`.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

from .chromium import ARGS, CHROMIUM

QUERIES = ("dan van kheo", "dong khoi moi", "ba mui")


def first_result(site: Path, queries: tuple[str, ...] = QUERIES) -> list[tuple[str, float, int]]:
    """(query, seconds to first result, search bytes loaded) for each query, each in a fresh page."""
    from playwright.sync_api import sync_playwright

    measured = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for query in queries:
            context = browser.new_context()
            page = context.new_page()
            loaded: list[Path] = []
            page.on("request", lambda r, into=loaded: into.append(Path(unquote(urlparse(r.url).path))))
            page.goto((site / "index.html").as_uri())
            box = page.locator("#dvk-search-input")
            start = time.perf_counter()
            box.fill(query)
            page.locator(".dvk-search__result").first.wait_for()
            seconds = time.perf_counter() - start
            search_bytes = sum(p.stat().st_size for p in loaded
                               if p.parent.name == "search" or p.name == "dvk-search.js")
            measured.append((query, seconds, search_bytes))
            context.close()
        browser.close()
    return measured


def main(argv: list[str]) -> None:
    site = Path(argv[0]).resolve()
    total = sum(p.stat().st_size for p in (site / "search").iterdir())
    files = len(list((site / "search").iterdir()))
    print(f"index: {total:,} bytes in {files} files")
    for query, seconds, loaded in first_result(site, tuple(argv[1:]) or QUERIES):
        print(f"{query!r}: first result in {seconds * 1000:.0f} ms (incl. 120 ms typing pause), "
              f"{loaded:,} bytes of search loaded")


if __name__ == "__main__":
    main(sys.argv[1:])

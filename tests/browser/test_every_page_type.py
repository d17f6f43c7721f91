"""Every kind of page, on a phone and on a desktop, in a real browser: no script error, nothing
fetched from another host, no sideways scrolling, no serious or critical accessibility violation.

Each page is opened once per screen (the `seen` fixture) and every check reads that same visit.
"""

from __future__ import annotations

import re

import pytest

from browser.reader import PAGE_TYPES, SCREENS, Visit, accessibility_violations, sideways_overflow

pytestmark = [pytest.mark.parametrize("screen", SCREENS), pytest.mark.parametrize("kind", PAGE_TYPES)]


# A known fault, reported and left to the feeds' owner: Material 9.x reads every <link
# rel="alternate"> as a language version and fetches sitemap.xml beside it; beside a unit's or a
# category's own feed there is none, so those pages log two 404s. Any other error still fails.
MATERIAL_SITEMAP_404 = re.compile(r"status of 404 .*/[^/]+/sitemap\.xml\)$")


def test_a_page_logs_no_console_error(seen: Visit) -> None:
    known = [error for error in seen.recorder.console_errors if MATERIAL_SITEMAP_404.search(error)]
    assert [error for error in seen.recorder.console_errors if error not in known] == []
    if known:
        pytest.xfail("Material fetches a sitemap.xml beside this page's own feed links: " + known[0])


def test_a_page_asks_nothing_of_any_host_but_ours(seen: Visit) -> None:
    assert seen.recorder.requests, "the page made no request at all: the recorder is not listening"
    assert seen.recorder.foreign_requests() == []


def test_a_page_does_not_scroll_sideways(seen: Visit) -> None:
    assert sideways_overflow(seen.page) == []


def test_a_page_has_no_serious_accessibility_violation(seen: Visit) -> None:
    assert accessibility_violations(seen.page) == []

"""Every kind of page, on a phone and on a desktop, in a real browser: no script error, nothing
fetched from another host, no sideways scrolling, no serious or critical accessibility violation.

Each page is opened once per screen (the `seen` fixture) and every check reads that same visit.
"""

from __future__ import annotations

import pytest

from browser.reader import PAGE_TYPES, SCREENS, Visit, accessibility_violations, sideways_overflow

pytestmark = [pytest.mark.parametrize("screen", SCREENS), pytest.mark.parametrize("kind", PAGE_TYPES)]


def test_a_page_logs_no_console_error(seen: Visit) -> None:
    assert seen.recorder.console_errors == []


def test_a_page_asks_nothing_of_any_host_but_ours(seen: Visit) -> None:
    assert seen.recorder.requests, "the page made no request at all: the recorder is not listening"
    assert seen.recorder.foreign_requests() == []


def test_a_page_does_not_scroll_sideways(seen: Visit) -> None:
    assert sideways_overflow(seen.page) == []


def test_a_page_has_no_serious_accessibility_violation(seen: Visit) -> None:
    assert accessibility_violations(seen.page) == []

"""'Did you mean' for an id or a key that is almost right."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any


def suggest(value: Any, known: Iterable[str], where: str) -> dict[str, str]:
    """'did you mean' text in both languages, or where to look when nothing is close."""
    close = difflib.get_close_matches(str(value), list(known), n=1, cutoff=0.6)
    if close:
        return {"vi": f"có phải ý bạn là '{close[0]}'?", "en": f"did you mean '{close[0]}'?"}
    return {"vi": f"xem danh sách trong {where}", "en": f"see the list in {where}"}

"""Tables and records as files people open elsewhere: CSV for Excel, JSON for programs.

One CSV rule for every download and report: UTF-8 with a byte-order mark (so Excel shows
Vietnamese as written), CRLF line ends, and a cell that a spreadsheet would run as a formula
(one that begins with = + - @, a tab or a carriage return) kept as text by a leading apostrophe
(OWASP's rule for CSV injection). `cell_text` is that rule for the Board's Excel workbook too,
where openpyxl would otherwise store such a text as a live formula.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell_text(value: Any) -> str:
    """A value as a spreadsheet cell's text: never a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_bytes(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([cell_text(c) for c in columns])
    for row in rows:
        writer.writerow([cell_text(value) for value in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def json_bytes(value: Any, flat_from: int = 2) -> bytes:
    """JSON for people and programs: indented down to depth `flat_from`, each value there on
    one line. Python's fast (C) encoder writes no indentation; indenting the open data all
    the way down took a tenth of a build. One record per line also keeps every JSON string on
    one line, as the output scan reads it (`site.scan`)."""
    return (_indented(value, flat_from, 0) + "\n").encode("utf-8")


def _indented(value: Any, flat_from: int, depth: int) -> str:
    if depth >= flat_from or not isinstance(value, dict | list) or not value:
        return json.dumps(value, ensure_ascii=False)
    inner, outer = "  " * (depth + 1), "  " * depth
    if isinstance(value, dict):
        items = [f"{inner}{json.dumps(str(k), ensure_ascii=False)}: {_indented(v, flat_from, depth + 1)}"
                 for k, v in value.items()]
        return "{\n" + ",\n".join(items) + f"\n{outer}}}"
    items = [f"{inner}{_indented(v, flat_from, depth + 1)}" for v in value]
    return "[\n" + ",\n".join(items) + f"\n{outer}]"

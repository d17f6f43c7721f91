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
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell_text(value: Any) -> str:
    """A value as a spreadsheet cell's text: never a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_bytes(columns: Sequence[str], rows: Iterable[Sequence[Any] | Written]) -> bytes:
    """The file; a row may come `Written` already (`csv_row`)."""
    lines = [csv_row(columns), *(row if isinstance(row, Written) else csv_row(row) for row in rows)]
    return ("\ufeff" + "".join(lines)).encode("utf-8")


def csv_row(values: Sequence[Any]) -> Written:
    """One row as CSV text, CRLF-ended."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow([cell_text(value) for value in values])
    return Written(out.getvalue())


class Written(str):
    """A value written in the file's format already (a JSON record, a CSV row), put in as it is:
    a preview writes again only the records that changed."""


def json_line(value: Any) -> Written:
    """`value` as JSON on one line, to put in a file by `json_bytes`."""
    return Written(json.dumps(value, ensure_ascii=False))


def json_bytes(value: Any, flat_from: int = 2) -> bytes:
    """JSON for people and programs: indented down to depth `flat_from`, each value there on
    one line. Python's fast (C) encoder writes no indentation; indenting the open data all
    the way down took a tenth of a build. One record per line also keeps every JSON string on
    one line, as the output scan reads it (`site.scan`)."""
    return b"".join(json_pieces(value, flat_from))


def json_pieces(value: Any, flat_from: int = 2) -> Iterator[bytes]:
    """`json_bytes` in pieces, a value of depth `flat_from` at a time, for a file that is never
    held whole (the file of all records: tens of MB at a province's scale, and its text as one
    string was the largest object of a build)."""
    yield from _pieces(value, flat_from, 0)
    yield b"\n"


def _pieces(value: Any, flat_from: int, depth: int) -> Iterator[bytes]:
    if isinstance(value, Written):
        yield value.encode("utf-8")
        return
    listed = isinstance(value, list | Iterator)  # an iterator: a list made as it is written
    if depth >= flat_from or not (listed or isinstance(value, dict)):
        yield json.dumps(list(value) if isinstance(value, Iterator) else value, ensure_ascii=False).encode("utf-8")
        return
    inner, outer = "  " * (depth + 1), "  " * depth
    opening, closing = "[]" if listed else "{}"
    items = ((None, item) for item in value) if listed else value.items()
    empty = True
    for key, item in items:
        label = "" if key is None else json.dumps(str(key), ensure_ascii=False) + ": "
        yield ((opening + "\n" if empty else ",\n") + inner + label).encode("utf-8")
        empty = False
        yield from _pieces(item, flat_from, depth + 1)
    yield (opening + closing if empty else "\n" + outer + closing).encode("utf-8")

"""A table of counts as plain data: the page renders it, draws its chart from the same rows,
and writes it as CSV; the `dvk report` formats use the same tables."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from ..text.escape import inline
from ..text.formats import number
from ..text.tables import csv_bytes


class Link(NamedTuple):
    """A table cell that names a page of the site (docs-relative path)."""

    text: str
    target: str

    def __str__(self) -> str:
        return self.text


Cell = str | int | float | Link


@dataclass(frozen=True)
class Table:
    key: str  # the CSV's file name and the chart's id
    title: str
    description: str  # what is counted: shown above the table and as the chart's <desc>
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    total: tuple[Cell, ...] | None = None
    value: int = 1  # the column the chart's bars show
    target: int | None = None  # a column of targets: bars then show progress toward each

    @property
    def numeric(self) -> tuple[bool, ...]:
        """Which columns hold numbers (right-aligned, written as numbers)."""
        return tuple(bool(self.rows) and all(isinstance(row[i], int | float) for row in self.rows)
                     for i in range(len(self.columns)))

    def markdown(self, link: Callable[[str], str] | None = None) -> str:
        """A Markdown table; text escaped by `text.escape.inline`, numbers in Vietnamese form, and
        `Link` cells linked through `link` (target → URL) when one is given."""
        def cell(value: Cell) -> str:
            if isinstance(value, Link):
                return f"[{inline(value.text)}]({link(value.target)})" if link else inline(value.text)
            if isinstance(value, int | float):
                return number(value)
            return inline(value)

        lines = ["| " + " | ".join(inline(c) for c in self.columns) + " |",
                 "|" + "|".join("--:" if n else "---" for n in self.numeric) + "|"]
        lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in self.rows]
        if self.total:
            lines.append("| " + " | ".join(f"**{cell(v)}**" if v != "" else "" for v in self.total) + " |")
        return "\n".join(lines) + "\n"

    def csv(self) -> bytes:
        return csv_bytes(self.columns, (*self.rows, *([self.total] if self.total else [])))

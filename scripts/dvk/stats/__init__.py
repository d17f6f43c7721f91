"""The campaign's numbers, as the Board counts them: `Statistics` over a catalog and a window,
its `Table`s, and the Board's count report in Markdown, CSV and Excel (`board_report`)."""

from .counts import Statistics, TargetResult, UnitTally, percent
from .tables import Cell, Link, Table

__all__ = ["Cell", "Link", "Statistics", "Table", "TargetResult", "UnitTally", "percent"]

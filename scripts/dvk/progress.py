"""Progress for long runs: a counter line on stderr, only when a person is watching.

Shown only on a terminal, so logs, CI output and tests stay exactly what they were. The line
is rewritten in place (`\\r`) about twenty times per run, whatever the number of files.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TextIO, TypeVar

T = TypeVar("T")
UPDATES = 20


class Progress:
    def __init__(self, label: str, total: int, stream: TextIO | None = None) -> None:
        self.label, self.total, self.done = label, total, 0
        self.stream = stream or sys.stderr
        self.every = max(1, total // UPDATES)
        self.shown = self.stream.isatty() and total > 0

    def step(self) -> None:
        self.done += 1
        if self.shown and (self.done % self.every == 0 or self.done == self.total):
            end = "\n" if self.done >= self.total else ""
            self.stream.write(f"\r{self.label}: {self.done}/{self.total}{end}")
            self.stream.flush()


def over(items: Iterable[T], label: str, stream: TextIO | None = None) -> Iterator[T]:
    """Iterate `items`, counting them on the terminal."""
    items = list(items)
    progress = Progress(label, len(items), stream)
    for item in items:
        yield item
        progress.step()

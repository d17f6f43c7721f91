"""Bounds on the work a file can ask for, checked on the raw text before any parser runs.

Python-Markdown is not linear on hostile input (measured on 2 cores, `make bench` keeps the
figure): each '[' or '<' left open scans to the end of its block or of the story (200 open
'[' before 100 KB of text: 57 s), a block of 200 KB of backslashes takes 72 s, a block of
2,000 nested list lines 35 s, 85,000 one-letter paragraphs 20 s, and 10,000 nested list
markers overflow the recursion limit. Honest stories are far from all of this (a story of
a few thousand words is ~30 KB in a few dozen paragraphs), so each bound below is generous to
them and makes the worst story under the file size limit render in well under a second:

* a block (lines not separated by a blank line: a paragraph, a list, a table) ≤ 3,000 chars;
* at most 1,000 blocks;
* a line starts with at most 64 characters of indentation and list or quote marks;
* at most 200 '[' and 200 '<' in the whole story (each is a link, an image or a tag).

YAML has one bound of its own (`yamlread.MAX_FLOW_DEPTH`); the file size bounds the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

MAX_BLOCK_CHARS = 3_000
MAX_BLOCKS = 1_000
MAX_LINE_PREFIX = 64
MAX_MARKS = {"[": 200, "<": 200}

_PREFIX = re.compile(r"^[ \t>*+\-]*(?:\d{1,9}[.)][ \t>*+\-]*)*", re.MULTILINE)


@dataclass(frozen=True)
class Excess:
    """One bound a story goes past: a catalogue code, the 0-based line where, its params."""

    code: str
    line: int
    params: dict[str, Any]


def story_excesses(story: str) -> Iterator[Excess]:
    """Each bound `story` goes past, once per kind, at its first place."""
    blocks = _blocks(story)
    for first, length in blocks:
        if length > MAX_BLOCK_CHARS:
            yield Excess("story.block_too_long", first, {"length": length, "limit": MAX_BLOCK_CHARS})
            break
    if len(blocks) > MAX_BLOCKS:
        yield Excess("story.too_many_blocks", blocks[MAX_BLOCKS][0], {"count": len(blocks), "limit": MAX_BLOCKS})
    for match in _PREFIX.finditer(story):
        if len(match.group()) > MAX_LINE_PREFIX:
            yield Excess("story.nested_too_deep", story.count("\n", 0, match.start()),
                         {"length": len(match.group()), "limit": MAX_LINE_PREFIX})
            break
    for mark, limit in MAX_MARKS.items():
        count = story.count(mark)
        if count > limit:
            at = _nth(story, mark, limit + 1)
            yield Excess("story.too_many_marks", story.count("\n", 0, at),
                         {"mark": mark, "count": count, "limit": limit})


def _blocks(story: str) -> list[tuple[int, int]]:
    """(first line, characters) of each block: lines with something on them, between blank lines
    (a line of spaces is blank to Markdown too)."""
    blocks: list[tuple[int, int]] = []
    start, length = 0, -1
    for i, line in enumerate(story.split("\n")):
        if line.strip():
            start, length = (start, length + 1 + len(line)) if length >= 0 else (i, len(line))
        elif length >= 0:
            blocks.append((start, length))
            length = -1
    if length >= 0:
        blocks.append((start, length))
    return blocks


def _nth(text: str, needle: str, n: int) -> int:
    at = -1
    for _ in range(n):
        at = text.index(needle, at + 1)
    return at

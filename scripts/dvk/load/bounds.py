"""Bounds on the work a file can ask for, checked on the raw text before any parser runs.

Python-Markdown is not linear on hostile input, and slow on dense markup even where it is
(measured on 2 loaded cores; `make bench` keeps the figure): each '[' or '<' left open scans to
the end of its block or of the whole story (200 open '<' in 250 KB: 4 s), 250 KB of '*_' takes
6–23 s, of nested list lines 11–42 s, of table pipes 7–10 s, and 10,000 nested list markers
overflow the recursion limit; an honest story of the same 250 KB takes 0.3 s. A story of a few
thousand words is ~30 KB in a few dozen paragraphs with a few hundred marks, so each bound below
is generous to it and keeps the worst story under the file size limit to a fraction of a second:

* a block (lines not separated by a blank line: a paragraph, a list, a table) ≤ 3,000 chars;
* at most 1,000 blocks;
* a line starts with at most 32 characters of indentation and list or quote marks;
* at most 100 '[' and 50 '<' (each a link, an image or a tag; each may scan far);
* at most 2,000 marks in all: '*', '_', '`', '|', '\\', '[', '<' anywhere, and the list and
  quote marks that start lines.

YAML is bounded by counting the parser's events (`yamlread`); the file size bounds the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

MAX_BLOCK_CHARS = 3_000
MAX_BLOCKS = 1_000
MAX_LINE_PREFIX = 32
MAX_MARKS = {"[": 100, "<": 50}
MAX_MARKUP = 2_000
MARKUP = "*_`|\\[<"

_PREFIX = re.compile(r"[ \t>*+\-]*(?:\d{1,9}[.)][ \t>*+\-]*)*")


@dataclass(frozen=True)
class Excess:
    """One bound a story goes past: a catalogue code, the 0-based line where, its params."""

    code: str
    line: int
    params: dict[str, Any]


def story_excesses(story: str) -> list[Excess]:
    """Each bound `story` goes past, once per kind, at the line where it is first passed."""
    first: dict[str, int] = {}  # what was passed → the 0-based line where
    longest = 0
    blocks, block_start, block_length = 0, 0, -1
    deepest = 0
    counts = dict.fromkeys(MAX_MARKS, 0)
    markup = 0
    for i, line in enumerate([*story.split("\n"), ""]):  # a blank line closes the last block
        if not line.strip():
            if block_length > MAX_BLOCK_CHARS and "block" not in first:
                first["block"], longest = block_start, block_length
            block_length = -1
            continue
        if block_length < 0:
            blocks, block_start, block_length = blocks + 1, i, len(line)
            if blocks > MAX_BLOCKS:
                first.setdefault("blocks", i)
        else:
            block_length += 1 + len(line)
        prefix = _PREFIX.match(line).group()  # type: ignore[union-attr]  # it matches empty
        if len(prefix) > MAX_LINE_PREFIX and "prefix" not in first:
            first["prefix"], deepest = i, len(prefix)
        for mark, limit in MAX_MARKS.items():
            counts[mark] += line.count(mark)
            if counts[mark] > limit:
                first.setdefault(mark, i)
        markup += sum(map(line.count, MARKUP)) + len(prefix) - prefix.count(" ") - prefix.count("\t")
        if markup > MAX_MARKUP:
            first.setdefault("markup", i)
    found = [("block", "story.block_too_long", {"length": longest, "limit": MAX_BLOCK_CHARS}),
             ("blocks", "story.too_many_blocks", {"count": blocks, "limit": MAX_BLOCKS}),
             ("prefix", "story.nested_too_deep", {"length": deepest, "limit": MAX_LINE_PREFIX})]
    found += [(mark, "story.too_many_marks", {"mark": mark, "count": counts[mark], "limit": limit})
              for mark, limit in MAX_MARKS.items()]
    found += [("markup", "story.too_much_markup", {"count": markup, "limit": MAX_MARKUP})]
    return [Excess(code, first[key], params) for key, code, params in found if key in first]

"""What a reader sees of a text, in one plain form to scan, with the way back to the source.

A number hidden from a pattern is not hidden from a reader: markup around some digits, an
entity for one of them, a zero-width space, full-width or Arabic-Indic digits, the letter O
for a zero or the digits spelled out in words all read as the same number. `Reading.text` is
the text as a reader takes it in: markup gone (the story through our own renderer, any other
text with its tags stripped and its link targets kept), entities and escapes decoded, NFKC,
invisible characters dropped, every decimal digit in ASCII, spelled-out digits and an O among
digits read as digits. `Reading.source_offset` leads back from any character to the source,
so a message names the line a contributor wrote.

Which digit groups make one number (the separators between them) is the scanner's question
(validate/privacy.py), not the reader's. The work is done by regular expressions over the
whole text and the way back is kept as a few anchors per change, so a made file of a large
site is read at the speed of `re`, not of a loop over its characters.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from .story import story_html

BREAK = "\x00"  # where a block ends (a paragraph, a cell, an attribute): text either side never joins
# Tags that style a stretch of text without ending it: digits on either side read as one
# number. Every other tag ends a stretch (a paragraph, a cell, an SVG label); <br> is a newline.
_INLINE_TAGS = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i",
    "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time",
    "u", "var", "wbr",
})
# Attribute values a reader is shown: link targets and image files, alternative texts, tooltips.
_SHOWN_ATTRIBUTES = frozenset({
    "href", "src", "srcset", "alt", "title", "content", "value", "placeholder", "aria-label",
    "label", "poster", "action", "cite", "download", "data-caption",
})
_ENTITY = r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?"
_MARKUP = re.compile(
    r"<!--.*?(?:-->|\Z)"  # a comment: nothing of it is shown
    r"|<(/?)([A-Za-z][\w:-]*)((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>"  # a tag: its attribute values are published
    rf"|{_ENTITY}"
    r"|\\[!-/:-@\[-`{-~]",  # a Markdown backslash escape shows the character alone
    re.DOTALL)
_ATTRIBUTE_VALUE = re.compile(r"([\w:-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_ENTITY_ONLY = re.compile(_ENTITY)
# Characters a reader never sees (Unicode's default-ignorable code points).
_INVISIBLE = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
                        "\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\U0001bca0-\U0001bca3"
                        "\U000e0000-\U000e0fff]")
# Anything but the characters of ordinary Vietnamese text (ASCII, Latin letters and marks, the
# usual punctuation): the few places where a space, a digit or nothing may hide.
_UNUSUAL = re.compile("[^\x00-\x7f\xa1-\xac\xae-\u034e\u0350-\u036f\u1e00-\u1eff\u2010-\u2027\u2030-\u205e]")
_DIGIT_WORDS = {
    "không": "0", "khong": "0", "một": "1", "mot": "1", "hai": "2", "ba": "3", "bốn": "4",
    "bon": "4", "tư": "4", "tu": "4", "năm": "5", "nam": "5", "lăm": "5", "lam": "5", "sáu": "6",
    "sau": "6", "bảy": "7", "bay": "7", "tám": "8", "tam": "8", "chín": "9", "chin": "9",
}
_WORD = "(?:" + "|".join(sorted(_DIGIT_WORDS, key=len, reverse=True)) + ")"
# Three digit words in a row are read as digits: "hai năm" (two years) stays words, a number
# spelled out for a phone or an ID card ("không chín một hai …") does not.
_SPELLED = re.compile(rf"(?<!\w){_WORD}(?:[ ,.-]+{_WORD}){{2,}}(?!\w)")
_SPELLED_WORD = re.compile(rf"{_WORD}|[ ,.-]+")
# The letter o next to a digit, not glued to a word on its other side, is a zero to a reader.
_LETTER_O = re.compile(r"(?<![^\W\d_])o+(?=\d)|(?<=\d)o+(?![^\W\d_])")
_O_BESIDE_DIGIT = re.compile(r"[0-9](?:o|(?<=o[0-9]))")  # from digits, which are rarer than o
_EMPHASIS = re.compile(r"[*_`~]+")  # Markdown marks the renderer turns into tags
_ALIGN_WINDOW = 2000
# A character NFKC may change, with its marks: not ASCII, nor a precomposed Latin or Vietnamese
# letter (those are stable), so a text with one "…" is not taken apart letter by letter.
_NOT_ASCII_CLUSTER = re.compile(
    r"[^\x00-\x7f\xc0-\xff\u0100-\u0131\u0134-\u013e\u0141-\u0148\u014a-\u017e\u01a0-\u01b0"
    r"\u1ea0-\u1ef9][\u0300-\u036f]*")  # how far ahead in the story a rendered stretch is looked for

Piece = tuple[str, int, bool]  # replacement text, its offset in the text before, one-to-one or not


@dataclass
class _Way:
    """The way back from a changed text to the text before the change: anchors where a change
    began; between anchors, characters follow one to one or all come from one offset."""

    starts: list[int] = field(default_factory=list)
    olds: list[int] = field(default_factory=list)
    linear: list[bool] = field(default_factory=list)

    def add(self, start: int, old: int, linear: bool) -> None:
        self.starts.append(start)
        self.olds.append(old)
        self.linear.append(linear)

    def __call__(self, index: int) -> int:
        k = bisect_right(self.starts, index) - 1
        if k < 0:
            return index
        return self.olds[k] + (index - self.starts[k] if self.linear[k] else 0)


@dataclass(frozen=True)
class Reading:
    source: str
    text: str  # lower case: the rules compare words without regard to case
    ways: tuple[Callable[[int], int], ...]  # innermost first

    def source_offset(self, index: int) -> int:
        for way in reversed(self.ways):
            index = way(index)
        return index

    def shown(self, start: int, end: int) -> str:
        """The source's own text for a stretch of the reading (its case, its markup)."""
        return self.source[self.source_offset(start):self.source_offset(end - 1) + 1]


def read_text(source: str) -> Reading:
    """A field shown as typed, or a made file (HTML, Markdown, XML, JSON, CSV): tags and
    comments dropped, attribute values (links) kept as text, entities and escapes decoded."""
    text, way = _change(source, _MARKUP, _markup_pieces)
    return _normalise(source, text, (way,))


def read_story(source: str) -> Reading:
    """The story as the site shows it: rendered by `story_html`, its text and link targets
    taken, each stretch traced back to the Markdown it came from."""
    rendered, _ = _change(story_html(source), _MARKUP, _markup_pieces)
    plain, plain_way = _change(source, _MARKUP, _markup_pieces)
    bare, bare_way = _change(plain, _EMPHASIS, lambda match: [])
    return _normalise(source, rendered, (plain_way, bare_way, _aligned(rendered, bare)))


def _normalise(source: str, text: str, ways: tuple[Callable[[int], int], ...]) -> Reading:
    """Each step runs only where the cheap test says it can change something: made files are
    large, and almost all of their text is ordinary."""
    steps: list[tuple[re.Pattern[str], Callable[[re.Match[str]], list[Piece]]]] = []
    if not text.isascii():
        if not unicodedata.is_normalized("NFKC", text):
            steps.append((_NOT_ASCII_CLUSTER, _nfkc))
        steps.append((_UNUSUAL, _unusual))
    for pattern, pieces in steps:
        text, way = _change(text, pattern, pieces)
        ways = (*ways, way)
    lower = text.lower()
    if len(lower) != len(text):  # a letter whose lower case is longer (İ): keep it as it is
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    text = lower
    if _has_spelled_run(text):
        text, way = _change(text, _SPELLED, _spelled)
        ways = (*ways, way)
    if _O_BESIDE_DIGIT.search(text):
        text, way = _change(text, _LETTER_O, _zeros)
        ways = (*ways, way)
    return Reading(source, text, ways)


def _has_spelled_run(text: str) -> bool:
    """Whether three digit words stand in a row (the test `_SPELLED` needs), at C speed."""
    words = text.replace(",", " ").replace(".", " ").replace("-", " ").split()
    return b"\x01\x01\x01" in bytes(map(_DIGIT_WORDS.__contains__, words))


def _change(text: str, pattern: re.Pattern[str],
            pieces: Callable[[re.Match[str]], list[Piece]]) -> tuple[str, _Way]:
    """`pattern.sub` where each match becomes `pieces`, with the way back."""
    out: list[str] = []
    way = _Way()
    # The lists' own appends, bound once: a made file may hold a hundred thousand matches.
    add_start, add_old, add_linear, add_out = way.starts.append, way.olds.append, way.linear.append, out.append
    size = last = 0
    for match in pattern.finditer(text):
        start = match.start()
        if start > last:
            add_start(size)
            add_old(last)
            add_linear(True)
            add_out(text[last:start])
            size += start - last
        for piece, old, linear in pieces(match):
            if piece:
                add_start(size)
                add_old(old)
                add_linear(linear)
                add_out(piece)
                size += len(piece)
        last = match.end()
    if not way.starts:
        return text, way
    way.add(size, last, True)
    out.append(text[last:])
    return "".join(out), way


def _markup_pieces(match: re.Match[str]) -> list[Piece]:
    token, start = match.group(), match.start()
    if match.group(2) is not None:  # a tag
        name = match.group(2).lower()
        found: list[Piece] = []
        if name == "br":
            found.append(("\n", start, False))
        elif name not in _INLINE_TAGS:
            found.append((BREAK, start, False))
        for value in _ATTRIBUTE_VALUE.finditer(match.group(3)):
            if value.group(1).lower() not in _SHOWN_ATTRIBUTES:
                continue
            group = 2 if value.group(2) is not None else 3
            at = match.start(3) + value.start(group)
            found.append((BREAK, at, False))
            found.extend(_entities(value.group(group), at))  # a value is HTML-escaped text
            found.append((BREAK, at, False))
        return found
    if token.startswith("&"):
        return [(_unescaped(token), start, False)]
    if token.startswith("\\"):
        return [(token[1], start + 1, True)]
    return []  # a comment


def _entities(text: str, at: int) -> list[Piece]:
    found: list[Piece] = []
    last = 0
    for match in _ENTITY_ONLY.finditer(text):
        found.append((text[last:match.start()], at + last, True))
        found.append((_unescaped(match.group()), at + match.start(), False))
        last = match.end()
    found.append((text[last:], at + last, True))
    return found


# One entity is decoded once: a text is made of few distinct ones, however many times each
# is written (the renderer writes every '&' of a story as "&amp;").
_unescaped = lru_cache(maxsize=4096)(html.unescape)


def _nfkc(match: re.Match[str]) -> list[Piece]:
    cluster = match.group()
    shown = unicodedata.normalize("NFKC", cluster)
    return [(shown, match.start(), shown == cluster)]


def _unusual(match: re.Match[str]) -> list[Piece]:
    char = match.group()
    if _INVISIBLE.match(char):
        return []
    if char.isspace():
        return [("\n" if char in "\u2028\u2029\x85" else " ", match.start(), True)]
    digit = unicodedata.decimal(char, None)
    return [(char if digit is None else str(digit), match.start(), True)]


def _spelled(match: re.Match[str]) -> list[Piece]:
    return [(_DIGIT_WORDS[word.group()], match.start() + word.start(), False)
            if word.group() in _DIGIT_WORDS else (word.group(), match.start() + word.start(), True)
            for word in _SPELLED_WORD.finditer(match.group())]


def _zeros(match: re.Match[str]) -> list[Piece]:
    return [("0" * len(match.group()), match.start(), True)]


def _aligned(rendered: str, plain: str) -> _Way:
    """The way from the rendered story's text to the story's own plain reading, which keeps the
    order of the text: each stretch between breaks is found there, else each of its words (a
    link's text comes after its target once rendered; the renderer adds a `rel`); what is not
    found stays where the last find ended, so one stray stretch cannot lead the rest astray."""
    way = _Way()
    j = size = 0
    for stretch in re.split(f"({BREAK})", rendered):
        at = -1 if stretch == BREAK else plain.find(stretch, j, j + len(stretch) + _ALIGN_WINDOW)
        if at >= 0:
            way.add(size, at, True)
            j = at + len(stretch)
        else:
            way.add(size, j, False)
            for word in re.finditer(r"[^\s\x00]+", stretch):
                at = plain.find(word.group(), j, j + _ALIGN_WINDOW)
                if at >= 0:
                    way.add(size + word.start(), at, True)
                    way.add(size + word.end(), at + len(word.group()), False)
                    j = at + len(word.group())
        size += len(stretch)
    return way

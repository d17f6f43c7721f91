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

from .story import story_html

BREAK = "\x00"  # where a block ends (a paragraph, a cell, an attribute): text either side never joins
_BLOCK_TAGS = frozenset({
    "p", "div", "li", "ul", "ol", "td", "th", "tr", "table", "thead", "tbody", "h1", "h2", "h3",
    "h4", "h5", "h6", "blockquote", "pre", "figure", "figcaption", "dt", "dd", "section",
    "article", "header", "footer", "nav", "aside", "main", "title", "option", "hr", "item",
    "entry", "summary", "description", "content", "script", "style", "link", "meta", "img",
})
_ENTITY = r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?"
_MARKUP = re.compile(
    r"<!--.*?(?:-->|\Z)"  # a comment: nothing of it is shown
    r"|<(/?)([A-Za-z][\w:-]*)((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>"  # a tag: its attribute values are published
    rf"|{_ENTITY}"
    r"|\\[!-/:-@\[-`{-~]",  # a Markdown backslash escape shows the character alone
    re.DOTALL)
_ATTRIBUTE_VALUE = re.compile(r"=\s*(?:\"([^\"]*)\"|'([^']*)')")
_ENTITY_ONLY = re.compile(_ENTITY)
# Characters a reader never sees (Unicode's default-ignorable code points), and every space.
_INVISIBLE = ("\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
              "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\U0001bca0-\U0001bca3\U000e0000-\U000e0fff")
_CHARACTERS = re.compile(rf"(?P<gone>[{_INVISIBLE}]+)|(?P<space>[^\S\n\t ])|(?![0-9])\d")
_DIGIT_WORDS = {
    "không": "0", "khong": "0", "một": "1", "mot": "1", "hai": "2", "ba": "3", "bốn": "4",
    "bon": "4", "tư": "4", "tu": "4", "năm": "5", "nam": "5", "lăm": "5", "lam": "5", "sáu": "6",
    "sau": "6", "bảy": "7", "bay": "7", "tám": "8", "tam": "8", "chín": "9", "chin": "9",
}
_WORD = "(?:" + "|".join(sorted(_DIGIT_WORDS, key=len, reverse=True)) + ")"
# Three digit words in a row are read as digits: "hai năm" (two years) stays words, a number
# spelled out for a phone or an ID card ("không chín một hai …") does not.
_SPELLED = re.compile(rf"(?<!\w){_WORD}(?:[ ,.-]+{_WORD}){{2,}}(?!\w)", re.IGNORECASE)
_SPELLED_WORD = re.compile(rf"(?<!\w){_WORD}(?!\w)", re.IGNORECASE)
# The letter O next to a digit, not glued to a word on its other side, is a zero to a reader.
_LETTER_O = re.compile(r"(?<![^\W\d_])[oO]+(?=\d)|(?<=\d)[oO]+(?![^\W\d_])")
_EMPHASIS = re.compile(r"[*_`~]+")  # Markdown marks the renderer turns into tags
_ALIGN_WINDOW = 2000  # how far ahead in the story a rendered stretch is looked for

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
    text: str
    ways: tuple[Callable[[int], int], ...]  # innermost first

    def source_offset(self, index: int) -> int:
        for way in reversed(self.ways):
            index = way(index)
        return index


def read_text(source: str) -> Reading:
    """A field shown as typed, or a made file (HTML, Markdown, XML, JSON, CSV): tags and
    comments dropped, attribute values (links) kept as text, entities and escapes decoded."""
    text, way = _change(source, _MARKUP, _markup_pieces)
    return _normalise(text, (way,))


def read_story(source: str) -> Reading:
    """The story as the site shows it: rendered by `story_html`, its text and link targets
    taken, each stretch traced back to the Markdown it came from."""
    rendered, _ = _change(story_html(source), _MARKUP, _markup_pieces)
    plain, plain_way = _change(source, _MARKUP, _markup_pieces)
    bare, bare_way = _change(plain, _EMPHASIS, lambda match: [])
    return _normalise(rendered, (plain_way, bare_way, _aligned(rendered, bare)))


def _normalise(text: str, ways: tuple[Callable[[int], int], ...]) -> Reading:
    if not text.isascii() and not unicodedata.is_normalized("NFKC", text):
        text, way = _change(text, re.compile(r"[^\x00-\x7f][\u0300-\u036f]*"), _nfkc)
        ways = (*ways, way)
    for pattern, pieces in ((_CHARACTERS, _character), (_SPELLED, _spelled), (_LETTER_O, _zeros)):
        text, way = _change(text, pattern, pieces)
        ways = (*ways, way)
    return Reading(text, ways)


def _change(text: str, pattern: re.Pattern[str],
            pieces: Callable[[re.Match[str]], list[Piece]]) -> tuple[str, _Way]:
    """`pattern.sub` where each match becomes `pieces`, with the way back."""
    out: list[str] = []
    way = _Way()
    size = last = 0
    for match in pattern.finditer(text):
        if match.start() > last:
            way.add(size, last, True)
            out.append(text[last:match.start()])
            size += match.start() - last
        for piece, old, linear in pieces(match):
            if piece:
                way.add(size, old, linear)
                out.append(piece)
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
        found: list[Piece] = []
        if match.group(2).lower() in _BLOCK_TAGS:
            found.append((BREAK, start, False))
        for value in _ATTRIBUTE_VALUE.finditer(match.group(3)):
            group = 1 if value.group(1) is not None else 2
            at = match.start(3) + value.start(group)
            found.append((BREAK, at, False))
            found.extend(_entities(value.group(group), at))  # a value is HTML-escaped text
            found.append((BREAK, at, False))
        return found
    if token.startswith("&"):
        return [(html.unescape(token), start, False)]
    if token.startswith("\\"):
        return [(token[1], start + 1, True)]
    return []  # a comment


def _entities(text: str, at: int) -> list[Piece]:
    found: list[Piece] = []
    last = 0
    for match in _ENTITY_ONLY.finditer(text):
        found.append((text[last:match.start()], at + last, True))
        found.append((html.unescape(match.group()), at + match.start(), False))
        last = match.end()
    found.append((text[last:], at + last, True))
    return found


def _nfkc(match: re.Match[str]) -> list[Piece]:
    cluster = match.group()
    shown = unicodedata.normalize("NFKC", cluster)
    return [(shown, match.start(), shown == cluster)]


def _character(match: re.Match[str]) -> list[Piece]:
    if match.group("gone"):
        return []
    if match.group("space"):
        return [(" ", match.start(), True)]
    return [(str(unicodedata.decimal(match.group())), match.start(), True)]


def _spelled(match: re.Match[str]) -> list[Piece]:
    return [(_DIGIT_WORDS[word.group().lower()], match.start() + word.start(), False)
            if word.group().lower() in _DIGIT_WORDS else (word.group(), match.start() + word.start(), True)
            for word in re.finditer(rf"{_WORD}|[ ,.-]+", match.group(), re.IGNORECASE)]


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

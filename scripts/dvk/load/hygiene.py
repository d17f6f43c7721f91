"""Clean text before anything else sees it: which characters no contributor's text may hold.

Every string a file gives (each YAML value and key, and the story) is text a reader sees or a
program parses. Some characters have no place in it, whatever the language:

* control characters (C0, DEL, C1): pasted from Word or a PDF, they are invisible, and a
  program reading the open data may stop at them; tab and newline are kept in the story,
  newline in YAML values (block scalars `|` and `>` make them);
* bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C): they make
  text show in another order than it is stored ("Trojan Source"), so a reviewer cannot trust
  what they read;
* Unicode noncharacters (U+FDD0–U+FDEF and the last two of every plane) and lone surrogates
  (only a YAML escape such as "\\ud800" can make one): not text at all.

And a text made only of spaces and invisible characters (zero-width spaces, soft hyphens,
blank-looking letters such as U+3164) is a title nobody can see. `forbidden` and `is_blank`
are the whole rule; `load.documents` turns what they find into messages, and gives the YAML
parser the text `cleaned` of them, so the rest of the file is still checked.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

# One class per message: the catalogue says why each kind is refused and how to fix it.
_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 but tab and newline, DEL, C1
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_NONCHARACTER = "\ufdd0-\ufdef\ufffe\uffff"  # and the last two of every other plane, below
_SURROGATE = "\ud800-\udfff"
_ASTRAL = "\U00010000-\U0010ffff"
# One class, so `re` skips ordinary text at C speed (an alternation, or the 32 separate code
# points of the other planes' noncharacters in the class, made it try every character in
# turn: 10 times slower). A character of another plane is a candidate, told apart below.
_CANDIDATE = {tab: re.compile(f"[{'' if tab else chr(9)}{_CONTROL}{_BIDI}{_NONCHARACTER}{_SURROGATE}{_ASTRAL}]")
              for tab in (True, False)}
_BIDI_CHARS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_KINDS = ("control", "bidi", "noncharacter", "surrogate")


def _kind(char: str) -> str | None:
    """Which kind of forbidden character a candidate is; None for an ordinary one (an emoji)."""
    point = ord(char)
    if point >= 0x10000:
        return "noncharacter" if point & 0xFFFE == 0xFFFE else None
    if char in _BIDI_CHARS:
        return "bidi"
    if 0xD800 <= point <= 0xDFFF:
        return "surrogate"
    return "noncharacter" if point >= 0xFDD0 else "control"


# Letters and symbols that draw nothing, beyond the categories Cf (format), Zs/Zl/Zp
# (spaces) and Cc (controls): Hangul fillers, the blank Braille pattern, the combining
# grapheme joiner, Mongolian and Khmer vowel fillers.
_BLANK_LOOKING = frozenset("\u115f\u1160\u3164\uffa0\u2800\u034f\u180e\u17b4\u17b5")
_INVISIBLE_CATEGORIES = frozenset({"Cf", "Zs", "Zl", "Zp", "Cc"})


@dataclass(frozen=True)
class Forbidden:
    """One character a text may not hold: where (offset in the text) and of which kind."""

    offset: int
    char: str
    kind: str  # "control" | "bidi" | "noncharacter" | "surrogate"

    @property
    def code_point(self) -> str:
        return f"U+{ord(self.char):04X}"


def forbidden(text: str, *, tab: bool) -> Iterator[Forbidden]:
    """Each character `text` may not hold, in order; newline is always allowed, tab if `tab`."""
    for match in _CANDIDATE[tab].finditer(text):
        kind = _kind(match.group())
        if kind is not None:
            yield Forbidden(match.start(), match.group(), kind)


def first_of_each_kind(text: str, *, tab: bool) -> list[Forbidden]:
    """The first forbidden character of each kind in `text`, in order: what a message names."""
    if not _CANDIDATE[tab].search(text):  # nearly every text: one scan, no generator
        return []
    first: dict[str, Forbidden] = {}
    for found in forbidden(text, tab=tab):
        first.setdefault(found.kind, found)
        if len(first) == len(_KINDS):
            break
    return sorted(first.values(), key=lambda f: f.offset)


def cleaned(text: str) -> str:
    """`text` without the characters no YAML text may hold; a tab becomes the space it meant."""
    return _CANDIDATE[False].sub(lambda m: " " if m.group() == "\t" else "" if _kind(m.group()) else m.group(), text)


def is_blank(text: str) -> bool:
    """True when nothing of `text` would show: only spaces and invisible characters (or none)."""
    return all(unicodedata.category(ch) in _INVISIBLE_CATEGORIES or ch in _BLANK_LOOKING
               for ch in text)

"""Vietnamese alphabetical order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y.

Letters compare first, ignoring tone marks; then tones in dictionary order (none, huyền, hỏi,
ngã, sắc, nặng); then case. Punctuation is ignored, spaces separate words, digits come before
letters. Code-point order would put "Đ" after "Z" and "Ấp" after "Ao"; this does not.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# The Vietnamese alphabet, with f j w z (loanwords) where the Latin alphabet puts them.
ALPHABET = ("a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n",
            "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z")
_LETTER_INDEX = {letter: i for i, letter in enumerate(ALPHABET)}
# Tone marks in dictionary order; a letter without one ranks 0.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}

Key = tuple[tuple[tuple[int, int], ...], tuple[int, ...], tuple[int, ...]]


@lru_cache(maxsize=4096)
def _char_key(char: str) -> tuple[tuple[int, int] | None, int, int]:
    """(primary weight or None to ignore, tone rank, case rank) for one NFC character."""
    if char.isspace():
        return (0, 0), 0, 0
    if char.isdigit():
        return (1, int(unicodedata.digit(char, 0))), 0, 0
    lower = char.lower()
    decomposed = unicodedata.normalize("NFD", lower)
    tone = next((_TONES[m] for m in decomposed if m in _TONES), 0)
    letter = unicodedata.normalize("NFC", "".join(m for m in decomposed if m not in _TONES))
    case = 1 if char != lower else 0
    if letter in _LETTER_INDEX:
        return (2, _LETTER_INDEX[letter]), tone, case
    if char.isalpha():
        return (3, ord(letter[0])), tone, case
    return None, 0, 0


@lru_cache(maxsize=1 << 16)  # a build sorts the same names in every list and count it makes
def sort_key(text: str) -> Key:
    primary: list[tuple[int, int]] = []
    tones: list[int] = []
    cases: list[int] = []
    for char in unicodedata.normalize("NFC", text).strip():
        weight, tone, case = _char_key(char)
        if weight is None:
            continue
        if weight == (0, 0) and primary and primary[-1] == (0, 0):
            continue  # runs of spaces count once
        primary.append(weight)
        tones.append(tone)
        cases.append(case)
    return tuple(primary), tuple(tones), tuple(cases)


def sorted_vi(items: list[str]) -> list[str]:
    return sorted(items, key=lambda s: (sort_key(s), s))

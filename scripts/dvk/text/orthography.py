"""Vietnamese text in the site's one style: tone marks as "hóa, họa, thủy, Ủy", dashes as " – ".

In an open syllable with "oa", "oe" or "uy" (not "qu-", where "u" belongs to the consonant) the
old style marks the second vowel ("hoá", "hoạ", "thuỷ", "Uỷ"), the new style the first. Both
are correct Vietnamese; a page mixing them (or dashes, or dates, in two styles) looks careless,
so every file is read in one style (load/documents.py), the majority in the files and the one
dictionaries now print; tests/test_vietnamese.py checks the whole built site.
"""

from __future__ import annotations

import re
import unicodedata

# A toned second vowel closing the syllable, after a plain first vowel (not after "q").
# Every pattern here starts with a character (or a class), never with a look-behind or an
# alternation: then `re` skips to the places it can match at C speed instead of trying the
# whole pattern at every character (house style runs over every file; 4–10 times faster).
_OLD_STYLE = re.compile(r"([oOuU])(?:(?<=[oO])([áàảãạéèẻẽẹÁÀẢÃẠÉÈẺẼẸ])|(?<![qQ][uU])(?<=[uU])([ýỳỷỹỵÝỲỶỸỴ]))(?!\w)")


def _move_mark(match: re.Match[str]) -> str:
    first, second = match.group(1), match.group(2) or match.group(3)
    base, mark = unicodedata.normalize("NFD", second)[0], unicodedata.normalize("NFD", second)[1:]
    return unicodedata.normalize("NFC", first + mark) + base


def new_style_tones(text: str) -> str:
    """`text` (NFC) with every old-style tone mark moved to the new style."""
    return _OLD_STYLE.sub(_move_mark, text)



# A dash between words is a spaced en dash ("Tuần một – Tuần hai"), never a spaced hyphen or an
# em dash. Only a hyphen with a word on both sides is a dash: a Markdown or YAML list marker
# starts its line, a hyphen inside a word ("PT-TH", "12-KH") is not touched, nor one between
# two numbers (a telephone number may be written "0275 - 3861 234"; a range is "2024–2025").
# Nor is a hyphen after another list marker: "- - a" nests lists in Markdown, and its bounds are
# checked as written.
_DASH = re.compile(r"[ —](?:(?<=[^\s\d*+>#|-] )[-—] (?=\S)|(?<=[^\s*+>#|-] )[-—] (?=[^\s\d])|(?<=—))")


# A date in prose is dd/mm/yyyy, as the site prints every date (text.formats.vi_short_date):
# "1/7/2025" is written "01/07/2025". Only day/month/four-digit year, not part of a longer number
# ("13/2023/NĐ-CP" is a decree's number).
_DATE = re.compile(r"(\d(?<![\d/]\d)\d?)/(\d{1,2})/(\d{4})(?![\d/])")


def house_style(text: str) -> str:
    """`text` (NFC) in the site's one style of tone marks, dashes and dates; no line break is
    added or removed, so every message's line number stays true."""
    text = new_style_tones(text)
    # Every dash `_DASH` rewrites is an em dash or a spaced hyphen: most texts have neither,
    # and looking for them is twenty times quicker than trying the pattern at every space.
    if "—" in text or " - " in text:
        text = _DASH.sub(lambda m: " – " if len(m.group(0)) == 3 else "–", text)
    return _DATE.sub(lambda m: f"{int(m[1]):02d}/{int(m[2]):02d}/{m[3]}", text)

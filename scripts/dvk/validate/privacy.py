"""Private data of an individual that must not reach the public site (Decree 13/2023/NĐ-CP).

An individual's file may name the person and their position, never their identity-card number,
personal mobile number or home address. These patterns find the usual Vietnamese ways of
writing each; the unit office's number in `contact` is public by design and is not scanned.

Numbers are matched as whole runs of digits, so amounts written with thousands separators
("120.000.000 đồng") and decision numbers ("15-QĐ/BDVHU") do not trip them; a bare 9- or
12-digit run followed by a money or measure word is an amount, not an identity number.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

# 12 digits: the chip identity card (CCCD); 9 digits: the older CMND.
_ID_NUMBER = re.compile(
    r"(?<![\d.,/-])(\d{12}|\d{9})(?!\d)(?![.,/]\d)(?!\s*(?:đồng|đ\b|vnđ|vnd|triệu|tỷ|m2|m²|ha\b|kg|tấn))",
    re.IGNORECASE)
# A number right after the name of an identity paper, whatever its spacing.
_ID_AFTER_WORD = re.compile(
    r"\b(?:cccd|cmnd|căn cước(?: công dân)?|chứng minh(?: nhân dân| thư)?)\s*(?:(?:số:?|:)\s*)?"
    r"(\d[\d .]{7,16}\d)", re.IGNORECASE)
# Personal mobiles: 03x, 05x, 07x, 08x, 09x (10 digits), also as +84 / 84; any spacing or dots.
_MOBILE = re.compile(r"(?<![\d+])(?:\+84|84|0)[ .-]?[35789](?:[ .-]?\d){8}(?!\d)")
_ADDRESS = re.compile(
    r"\b(?:số nhà|nhà số)\s*(?::\s*)?\d"
    r"|\bđịa chỉ\s+(?:nhà|nhà riêng|thường trú|tạm trú|cư trú|liên hệ tại nhà)\b"
    r"|\b(?:hộ khẩu|nơi)\s+thường trú\b"
    r"|\b(?:thường|tạm)\s+trú\s+(?:tại|ở)\b",
    re.IGNORECASE)
_URL = re.compile(r"(?:https?|mailto):\S+|www\.\S+", re.IGNORECASE)


# Every pattern is linear in the text (`make bench` measures it): no two runs of the same
# characters may follow each other with only optional text between ('\s*:?\s*' took minutes
# on 250 KB of spaces), so each optional piece carries its own spaces.


@dataclass(frozen=True)
class Finding:
    kind: str  # "id_number" | "phone" | "address"
    text: str  # what was found, masked for the log (CI logs are public too)
    offset: int  # where in the scanned text


def find_private_data(text: str) -> Iterator[Finding]:
    """Each piece of private data in `text`, in order; links are not scanned (their digits are ids)."""
    text = _URL.sub(lambda m: " " * len(m.group()), text)
    found: list[Finding] = []
    taken: list[tuple[int, int]] = []  # sorted, never overlapping: a lookup is a bisection

    def add(kind: str, match: re.Match[str], group: int = 0) -> None:
        start, end = match.span(group)
        at = bisect.bisect_left(taken, (start, end))
        if any(start < e and s < end for s, e in taken[max(0, at - 1):at + 1]):
            return  # one finding per stretch of text
        taken.insert(at, (start, end))
        found.append(Finding(kind, _mask(match.group(group)) if kind != "address" else match.group(),
                             start))

    for m in _MOBILE.finditer(text):
        add("phone", m)
    for m in _ID_AFTER_WORD.finditer(text):
        add("id_number", m, 1)
    for m in _ID_NUMBER.finditer(text):
        add("id_number", m, 1)
    for m in _ADDRESS.finditer(text):
        add("address", m)
    return iter(sorted(found, key=lambda f: f.offset))


def _mask(number: str) -> str:
    digits = re.sub(r"\D", "", number)
    return f"{digits[:3]}…{digits[-2:]}"

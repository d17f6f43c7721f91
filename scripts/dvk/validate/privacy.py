"""Private data that must not reach the public site (Decree 13/2023/NĐ-CP): a citizen's
identity-card number, personal mobile number or home address.

The scan reads what a reader sees (`text.reading`: markup, entities, invisible characters,
other scripts' digits, the letter O, digits in words all undone), so the one set of rules
below meets every way of hiding a number. A number is a chain of digit groups joined by the
separators people write between them ("0912 345 678", "0912.345.678", "+84 (0) 912-345-678");
every run of whole groups in a chain is tried, so a number is found inside a longer chain too.
What must still pass, and how:

- an amount or a measure ("120.000.000 đồng", "135,5 ha", "92%"): a number followed by its
  unit, or cut by a comma or a percent sign, is not a private number;
- a date ("28/3/2024", "2024-09-02", "8/2024"): a date is one token that joins no chain;
- a decision number ("15-QĐ/BDVHU"): letters end a chain;
- an office landline (02x area code, 11 digits) and the office numbers the registry lists.

Both the checker (each exemplar file) and the build (each made file, `site.scan`) call
`find_private_data`, so a rule added here holds at both depths.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass

from ..text.reading import Reading

# The usual ways of writing between the groups of one number: spaces, dots, dashes (any), a
# slash, the parentheses of "+84 (0)", and Markdown marks shown as typed in a plain field.
_SEPARATOR = r"[ \t\n\r\v\f.\-/()*_~`\\\u2010-\u2015\u2212]{1,4}"
# Digits and separators, nine characters at least (no private number is shorter, and most
# chains are: they fail inside the regular expression, not in a loop). Digits are ASCII here.
_CHAIN = re.compile(rf"[0-9+](?:[0-9]|{_SEPARATOR}(?=[0-9])){{8,}}")
_GROUP = re.compile(r"\d+")
# A date is one token: its groups never join a number around them. So is a camera's time stamp
# in a photo's name (IMG_20240912_083045.jpg), whatever is added after it.
_DATE = re.compile(
    r"(?<!\d)(?:(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:[_-]?[0-2]\d[0-5]\d[0-5]\d)?"
    r"|(?:0?[1-9]|[12]\d|3[01])([/.-])(?:0?[1-9]|1[0-2])\1(?:19|20)\d\d"
    r"|(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
    r"|(?:0?[1-9]|1[0-2])/(?:19|20)\d\d)(?!\d)")
# What follows an amount or a measure: money, area, weight, length, people, percent.
_UNIT = re.compile(
    r"\s*(?:%|đồng\b|đ\b|vnđ\b|vnd\b|nghìn\b|ngàn\b|triệu\b|tỷ\b|tỉ\b|usd\b|m2\b|m²|m3\b|km\b|ha\b"
    r"|hécta\b|héc-ta\b|kg\b|tấn\b|tạ\b|lít\b|người\b|hộ\b|lượt\b|suất\b|phần\b|cây\b|con\b)")
# After the name of an identity paper, any longish number is the paper's number.
_ID_WORD = re.compile(
    r"(?:cccd|cmnd|cmt|căn cước(?: công dân)?|chứng minh(?: nhân dân| thư)?|số định danh(?: cá nhân)?)"
    r"\W{0,6}(?:số\W{0,4})?$")
_MOBILE = re.compile(r"0[35789]\d{8}|840?[35789]\d{8}")  # 03x 05x 07x 08x 09x, also as +84 / +84 (0)
_CCCD = re.compile(r"0\d{11}")  # the chip card: province code 001–096, then 9 digits
_CMND = re.compile(r"[0-3]\d{8}")  # the older card: province code 01–38, then 7 digits
LANDLINE = re.compile(r"02\d{9}")  # a fixed line: 02x area code and subscriber, 11 digits
# A home address: a house number, or words for where one lives followed, within the same
# sentence, by a place ("ngụ tại ấp 3", "Thường trú: khu phố 2") — so the rule itself, written
# in a guide ("không ghi địa chỉ nhà"), is not an address.
_PLACE = (r"(?=[^.;\n\x00]{0,40}?(?:\d|\b(?:ấp|khu phố|khóm|tổ|đường|hẻm|ngõ|ngách|kiệt|thôn|xóm|xã|phường"
          r"|thị trấn|số)\b))")
_ADDRESS = re.compile(
    r"\b(?:số nhà|nhà số|nhà ở số|nhà riêng (?:ở|tại) số)\s*:?\s*\d"
    rf"|(?:\bđịa chỉ\s*(?:nhà riêng|nhà ở|nhà|thường trú|tạm trú|cư trú|nơi ở|liên hệ tại nhà)\b"
    r"|\b(?:hộ khẩu|nơi|đăng ký)\s+(?:thường|tạm)\s+trú\b"
    r"|\b(?:thường|tạm)\s+trú\s*(?:tại|ở|:)"
    r"|\b(?:cư\s+)?(?:trú|ngụ)\s+(?:tại|ở)\b"
    r"|\bnhà riêng\s+(?:ở|tại)\b"
    r"|\bnơi ở\s*(?:hiện nay|hiện tại)?\s*:"
    rf"|(?<!\w)đ/c\s*:){_PLACE}")  # "Đ/c:" with a colon is an address; "Đ/c Nguyễn…" is a comrade
# One of these is in every address above ("nhà" alone is in every other sentence).
_ADDRESS_WORD = re.compile(r"số nhà|nhà số|nhà ở|nhà riêng|địa chỉ|trú|ngụ|nơi ở|đ/c")
# And every address above holds one of these: a house number's digit, or the word of a form
# that names where one lives. A stretch without any is not searched (a text of "số nhà số
# nhà …" would try the whole rule at every character near every key word, for nothing).
_ADDRESS_NEEDS = re.compile(r"\d|địa chỉ|trú|ngụ|nhà riêng|nơi ở|đ/c")


@dataclass(frozen=True)
class Finding:
    kind: str  # "id_number" | "phone" | "address"
    text: str  # what was found, masked for the log (CI logs are public too)
    offset: int  # where in the source the reading was made from
    key: str  # the digits or the words found, to trace a leak in a made file back to its source


def find_private_data(reading: Reading, allowed: Collection[str] = ()) -> Iterator[Finding]:
    """Each piece of private data in what `reading` shows, in order. `allowed` holds numbers
    (digits as `dialled` gives them) that are public by design: the registered office numbers."""
    text = reading.text
    found: list[tuple[int, str, str, str]] = []  # reading offset, kind, shown, key
    for chain in _CHAIN.finditer(text):
        # Glued to a letter after it ("100I0…", "3g"): a code, not a number written out.
        if text[chain.end():chain.end() + 1].isalpha():
            continue
        for start, kind, digits in _numbers(text, chain, allowed):
            found.append((start, kind, mask(digits), digits))
    starts: set[int] = set()
    for keyword in _ADDRESS_WORD.finditer(text):  # the full rule only near its key words
        near = max(0, keyword.start() - 24), keyword.end() + 64
        match = _ADDRESS.search(text, *near) if _ADDRESS_NEEDS.search(text, *near) else None
        if match and match.start() not in starts:
            starts.add(match.start())
            phrase = match.group().rstrip(" :")
            found.append((match.start(), "address", reading.shown(match.start(), match.start() + len(phrase)),
                          phrase))
    for start, kind, shown, key in sorted(found):
        yield Finding(kind, shown, reading.source_offset(start), key)


def dialled(number: str) -> str:
    """A phone number's digits as dialled inside Việt Nam: "+84 (0) 912 345 678" → 0912345678."""
    digits = "".join(_GROUP.findall(number))
    if digits.startswith("840") and len(digits) == 12:
        return digits[2:]
    return "0" + digits[2:] if digits.startswith("84") and len(digits) == 11 else digits


def is_landline(number: str) -> bool:
    return LANDLINE.fullmatch(dialled(number)) is not None


def _numbers(text: str, chain: re.Match[str], allowed: Collection[str]) -> Iterator[tuple[int, str, str]]:
    """The private numbers in one chain of digit groups: each run of whole groups (dates apart)
    is tried, longest first; a run taken (or allowed) is not tried again in a shorter form.
    Linear in the chain, at a few steps per run: dates and groups are walked side by side, a
    run of a given length is found from the groups' running total, and what the digits alone
    say (allowed, a mobile, an ID's shape) is worked out once per distinct digits."""
    at = chain.start()
    dates = [m.span() for m in _DATE.finditer(chain.group())]
    groups: list[tuple[int, int]] = []
    cut: set[int] = set()  # groups with a date between them and the group before
    d = 0
    for m in _GROUP.finditer(chain.group()):
        while d < len(dates) and dates[d][1] <= m.start():
            d += 1
        if d < len(dates) and dates[d][0] <= m.start():
            continue  # inside a date (a date's groups never join a number)
        if groups and d > 0 and groups[-1][1] - at <= dates[d - 1][0]:
            cut.add(len(groups))  # the last date that ended before this group began after the last group
        groups.append((at + m.start(), at + m.end()))
    every = "".join(text[start:end] for start, end in groups)  # a run's digits: a slice of it
    totals = [0]  # digits in the groups before each group
    for start, end in groups:
        totals.append(totals[-1] + end - start)
    ending = {total: k for k, total in enumerate(totals)}  # totals rise: one group per total
    next_cut = [len(groups)] * len(groups)  # the first cut after each group: a run stops there
    for k in range(len(groups) - 2, -1, -1):
        next_cut[k] = k + 1 if k + 1 in cut else next_cut[k + 1]
    taken = [False] * len(groups)
    shapes: dict[str, str | None] = {}
    after_id_word: dict[int, bool] = {}
    for length in (12, 11, 10, 9):
        for first in range(len(groups)):
            last = ending.get(totals[first] + length)
            if last is None or last > next_cut[first] or True in taken[first:last]:
                continue
            digits, start = every[totals[first]:totals[last]], groups[first][0]
            if digits not in shapes:
                shapes[digits] = _shape(digits, allowed)
            if start not in after_id_word:
                after_id_word[start] = _ID_WORD.search(text, max(0, start - 40), start) is not None
            kind = _kind(text, shapes[digits], digits, after_id_word[start], groups[last - 1][1])
            if kind is not None:
                taken[first:last] = [True] * (last - first)
                if kind != "allowed":
                    yield groups[first][0], kind, digits


def _shape(digits: str, allowed: Collection[str]) -> str | None:
    """What the digits alone say: "allowed" (an office number), "phone", "id" (an ID card's shape)."""
    number = dialled(digits)
    if number in allowed or LANDLINE.fullmatch(number):
        return "allowed"
    if _MOBILE.fullmatch(digits):
        return "phone"
    return "id" if _CCCD.fullmatch(digits) or _CMND.fullmatch(digits) else None


def _kind(text: str, shape: str | None, digits: str, after_id_word: bool, end: int) -> str | None:
    if shape in ("allowed", "phone"):
        return shape
    if after_id_word or shape == "id":
        amount = not digits.startswith("0") and _UNIT.match(text, end) is not None
        return None if amount and not after_id_word else "id_number"
    return None


def mask(digits: str) -> str:
    """A number as a public log may show it: its first three and last two digits."""
    return f"{digits[:3]}…{digits[-2:]}"

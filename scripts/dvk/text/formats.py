"""Vietnamese forms of dates and numbers, as the site, the feeds and the reports print them."""

from __future__ import annotations

from datetime import date


def vi_short_date(day: date) -> str:
    """'28/03/2024': the one form of a date on every page, feed and report (prose writes
    "ngày 28/03/2024"), so a page never shows a date two ways."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def number(value: float) -> str:
    """Vietnamese number: '.' groups thousands, ',' marks decimals; no trailing ',0'."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    whole, _, frac = f"{value:,.2f}".rstrip("0").partition(".")
    return whole.replace(",", ".") + ("," + frac if frac else "")

"""Vietnamese forms of dates and numbers, as the site, the feeds and the reports print them."""

from __future__ import annotations

from datetime import date


def vi_date(day: date) -> str:
    """'ngày 28 tháng 3 năm 2024', the form Vietnamese prose uses."""
    return f"ngày {day.day} tháng {day.month} năm {day.year}"


def vi_short_date(day: date) -> str:
    """'28/03/2024', the form tables use."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def number(value: float) -> str:
    """Vietnamese number: '.' groups thousands, ',' marks decimals; no trailing ',0'."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    whole, _, frac = f"{value:,.2f}".rstrip("0").partition(".")
    return whole.replace(",", ".") + ("," + frac if frac else "")

"""Ascii slugs for Vietnamese text: 'Điển hình mới' → 'dien-hinh-moi'.

One rule for file names (the checker's suggestion, `dvk new`) and for heading anchors
(mkdocs.yml sets it as the toc extension's `slugify`), so "đ" never silently disappears.
"""

from __future__ import annotations

import re
import unicodedata


def slugify(text: str, separator: str = "-") -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    ascii_text = unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", separator, ascii_text).strip(separator)

"""Contributor text shown literally in the Board's Markdown report, and links a contributor gave.

Site pages are finished HTML, escaped by their templates' autoescape; no page uses `inline`.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote

# Characters that start Markdown or extension syntax anywhere in a line (attr_list `{...}` can
# add attributes, so braces matter as much as angle brackets, which html.escape handles).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#+!])")
# ... and those that only matter at the start of a line: lists, setext rules, ordered lists.
_LINE_START = re.compile(r"^(-|\d+(?=[.)]))")


def inline(text: str) -> str:
    """Contributor text shown literally inside the Board's Markdown report (one line)."""
    text = " ".join(text.split())
    text = html.escape(text, quote=False)  # quotes mean nothing in Markdown text; Markdown quotes its own attributes
    text = _MD_SPECIAL.sub(r"\\\1", text)
    # Python-Markdown has no backslash escape for these two; entities work everywhere.
    text = text.replace("|", "&#124;").replace("=", "&#61;")
    return _LINE_START.sub(lambda m: "\\" + m.group(1) if not m.group(1).isdigit()
                           else m.group(1) + "\\", text, count=1)


def safe_url(link: str) -> str:
    """An http(s) link a contributor gave, percent-encoded so it stays one URL; any other is `#`."""
    if not link.lower().startswith(("http://", "https://")):
        return "#"
    return quote(link, safe="/:?#@!$&;,=+%~.-_")

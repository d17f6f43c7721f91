"""A Content-Security-Policy on every page: only the site's own scripts run, and no inline handler.

Defence in depth. The story's sanitiser and the templates' escaping keep contributor markup out
of the pages; should an injection slip through anyway, the browser still refuses to run it:
scripts come only from the site's own files ('self') or are inline scripts the theme wrote, each
allowed by its hash. A handler attribute (`onerror=…`) and a `javascript:` link never run, since
the policy has no 'unsafe-inline' for scripts. The theme's inline scripts differ per page (Material
writes each page's relative path into them), so the policy is computed per page, after the page
is rendered, and put first in <head> as a <meta> (a static host sets no headers for us).

Only scripts outside the page's content are hashed: whatever sits in the rendered Markdown came
from a file someone wrote, and is never vouched for. Data blocks (`type="application/json"`, as
Material's config) never execute and need no hash.

From a folder (the offline copy, file://) a file's origin is opaque. Chromium (156, tested by
tests/browser/test_content_security_policy.py) still lets 'self' match the copy's file: URLs; a
browser that does not would run none of the copy's scripts, so that copy's policy names `file:`
beside 'self' (it admits files of the reader's own disk, nothing from the Internet).
The public site names no scheme.
Styles may be inline (Material's and the charts' `style` attributes carry no script), images may
be `data:` (Material's icons in its stylesheets).
"""

from __future__ import annotations

import base64
import hashlib
import re

# The browser ends a script at the first `</script`, whatever comes before it.
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_SRC = re.compile(r"\ssrc\s*=", re.IGNORECASE)
_TYPE = re.compile(r"""\stype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
# The types a browser runs as script; any other type (JSON, templates) is data.
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


def inline_scripts(html: str) -> list[str]:
    """The text of each inline script that a browser would run, in page order."""
    found = []
    for match in _SCRIPT.finditer(html):
        attributes, text = match.groups()
        kind = _TYPE.search(attributes)
        kind_text = next((g for g in kind.groups() if g is not None), "") if kind else ""
        if not _SRC.search(attributes) and kind_text.strip().lower() in SCRIPT_TYPES:
            found.append(text)
    return found


def script_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(html: str, content: str = "", offline: bool = False,
           extra: tuple[tuple[str, str], ...] = ()) -> str:
    """The policy of one rendered page; `content` is its rendered Markdown, never vouched for.
    `extra` adds sources to directives for one page that needs them (the web form, whose
    reasons are stated beside it: pages/webform.py)."""
    theirs = html.replace(content, "", 1) if content else html
    hashes = sorted(set(map(script_hash, inline_scripts(theirs))))
    own = "'self' file:" if offline else "'self'"
    directives = [
        ("default-src", own),
        ("script-src", " ".join([own, *hashes])),
        ("style-src", f"{own} 'unsafe-inline'"),
        ("img-src", f"{own} data:"),
        ("object-src", "'none'"),
        ("base-uri", "'self'"),
        ("form-action", own),
    ]
    for name, sources in extra:
        index = next((i for i, (n, _) in enumerate(directives) if n == name), None)
        if index is None:
            directives.append((name, sources))
        else:
            directives[index] = (name, f"{directives[index][1]} {sources}")
    return "; ".join(f"{name} {value}" for name, value in directives)


def with_policy(html: str, content: str = "", offline: bool = False,
                extra: tuple[tuple[str, str], ...] = ()) -> str:
    """`html` with its policy as the first element of <head> (unchanged if it has no <head>)."""
    head = _HEAD.search(html)
    if head is None:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, content, offline, extra)}">'
    return html[:head.end()] + meta + html[head.end():]

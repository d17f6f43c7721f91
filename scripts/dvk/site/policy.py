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
A web server of our own (`dvk nginx-config`) sends the same policy as a header too, with every
file: the union of the pages' hashes (`served_policy`), since one header serves every page, and
`frame-ancestors`, which only a header can carry. A browser enforces both, so each page still
runs only its own scripts; the header also covers what has no <head> (an SVG opened alone).
Styles may be inline (Material's and the charts' `style` attributes carry no script), images may
be `data:` (Material's icons in its stylesheets).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

# The browser ends a script at the first `</script`, whatever comes before it.
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_SRC = re.compile(r"\ssrc\s*=", re.IGNORECASE)
_TYPE = re.compile(r"""\stype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
# How a page carries its policy (`with_policy` writes it, `allowed_hashes` reads it back).
_META_TAG = '<meta http-equiv="Content-Security-Policy" content="{}">'
_META = re.compile(re.escape(_META_TAG).replace(r"\{\}", '([^"]*)'))
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
    return _directives(set(map(script_hash, inline_scripts(theirs))), offline, extra=extra)


def _directives(hashes: Iterable[str], offline: bool = False, header: bool = False,
                extra: tuple[tuple[str, str], ...] = ()) -> str:
    own = "'self' file:" if offline else "'self'"
    directives = [
        ("default-src", own),
        ("script-src", " ".join([own, *sorted(set(hashes))])),
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
    if header:  # only a header can say it: a <meta> with it is ignored, and warned about
        directives.append(("frame-ancestors", "'none'"))
    return "; ".join(f"{name} {value}" for name, value in directives)


def page_policy(html: str) -> str | None:
    """The policy a built page carries in its <head> (None if it carries none)."""
    head = _HEAD.search(html)
    meta = _META.match(html, head.end()) if head else None
    return meta.group(1) if meta else None


def allowed_hashes(html: str) -> set[str]:
    """The script hashes a built page's own policy allows (none if it carries no policy)."""
    script_src = next((d for d in (page_policy(html) or "").split("; ") if d.startswith("script-src ")), "")
    return {word for word in script_src.split() if word.startswith("'sha256-")}


def widened_policy(html: str) -> str | None:
    """The header a page needs for itself when its own policy allows more than the site's (the
    web form's `extra`): a header can only narrow what a page may do, so such a page gets its
    own; None for every other page."""
    own = page_policy(html)
    if own is None or own == _directives(allowed_hashes(html)):
        return None
    return f"{own}; frame-ancestors 'none'"


def served_policy(hashes: Iterable[str]) -> str:
    """The policy a web server sends with every file of the site: `hashes` are every page's
    (`allowed_hashes`), and no other site may frame ours."""
    return _directives(hashes, header=True)


def with_policy(html: str, content: str = "", offline: bool = False,
                extra: tuple[tuple[str, str], ...] = ()) -> str:
    """`html` with its policy as the first element of <head> (unchanged if it has no <head>)."""
    head = _HEAD.search(html)
    if head is None:
        return html
    meta = _META_TAG.format(policy(html, content, offline, extra))
    return html[:head.end()] + meta + html[head.end():]

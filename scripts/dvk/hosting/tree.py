"""The built site as a web server sees it: its files, its redirects and its scripts' hashes.

Everything a host needs is read from what `dvk build` wrote, so the server can never disagree
with the pages: a redirect page (the theme's `redirect.html`, an old address that leads on at
once) becomes a real 301 to the same place, whatever made the page; and the policy the server
sends allows exactly the inline scripts the pages' own policies allow.
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from ..site.policy import allowed_hashes, served_policy, widened_policy
from .rules import original_of

# An address that leads on at once, as the theme writes it in the <head> of a redirect page.
_REFRESH = re.compile(r"""<meta\s+http-equiv=["']?refresh["']?\s+content=["']0;\s*url=([^"']+)["']""",
                      re.IGNORECASE)
_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)


@dataclass(frozen=True)
class BuiltSite:
    root: Path
    files: tuple[str, ...]  # the site's own files (no precompressed copy), posix, sorted
    variants: tuple[str, ...]  # the precompressed copies there now (`compress.py`)
    redirects: dict[str, str]  # an address on the site ("/don-vi/x/") → where it leads ("/don-vi/y/")
    hashes: frozenset[str]  # the inline scripts any page may run
    # an address of a page whose own policy allows more than the site's → the header it needs
    widened: dict[str, str]

    @property
    def redirect_pages(self) -> int:
        return sum(1 for address in self.redirects if address.endswith(".html"))

    @property
    def policy(self) -> str:
        return served_policy(self.hashes)

    def path(self, name: str) -> Path:
        return self.root.joinpath(*name.split("/"))


def read_site(root: Path) -> BuiltSite:
    """The built site in `root` (a folder `dvk build` wrote)."""
    files: list[str] = []
    variants: list[str] = []
    redirects: dict[str, str] = {}
    hashes: set[str] = set()
    widened: dict[str, str] = {}
    for folder, dirs, names in os.walk(root):
        dirs.sort()
        base = Path(folder).relative_to(root).as_posix()
        for name in sorted(names):
            rel = name if base == "." else f"{base}/{name}"
            if original_of(rel) is not None:
                variants.append(rel)
                continue
            files.append(rel)
            if rel.endswith(".html"):
                page = (root / rel).read_text(encoding="utf-8", errors="replace")
                hashes |= allowed_hashes(page)
                own = widened_policy(page)
                if own is not None:
                    widened.update(dict.fromkeys(addresses(rel), own))
                target = _leads_to(page, rel)
                if target is not None:
                    redirects.update(dict.fromkeys(addresses(rel), target))
    return BuiltSite(root, tuple(sorted(files)), tuple(sorted(variants)), dict(sorted(redirects.items())),
                     frozenset(hashes), dict(sorted(widened.items())))


def addresses(page: str) -> list[str]:
    """Every address a reader may type for the page file `page`: `x/index.html` is `/x/`, `/x`
    and `/x/index.html`."""
    if page == "index.html" or not page.endswith("/index.html"):
        return ["/" + page]
    folder = "/" + page.removesuffix("index.html")
    return [folder, folder.rstrip("/"), "/" + page]


def _leads_to(page: str, rel: str) -> str | None:
    """Where a page that leads on at once leads, as a path on the site; None for any other page
    (and for one that leads off the site: the server only says what the site itself says)."""
    end = _HEAD_END.search(page)
    found = _REFRESH.search(page, 0, end.start() if end else len(page))
    if found is None:
        return None
    served = "/" + rel.removesuffix("index.html")
    target = urljoin(served, html.unescape(found.group(1)).strip())
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return None
    # The page links the file itself (`../y/index.html`), to work from a folder too; a server
    # names the folder, as every other link of the site does.
    return target.removesuffix("index.html") if target.endswith("/index.html") else target

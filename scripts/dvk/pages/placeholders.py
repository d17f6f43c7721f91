"""What a hand-written page may ask the build to fill in: `{dvk:name}`, from the configuration.

The contributors' guide names no repository, office or address of its own: it writes
`[mở biểu mẫu]({dvk:form})` or `{dvk:office}` and every build fills them from `site.yml:
contribute` (the repository, the office to ask, who reviews and how fast) and from `urls` (the
web form, the template workbook), linked relative to the page, so a deployment with another
repository or office changes one file. Without `contribute` in site.yml a text placeholder
reads as a visible note saying what to configure and an address one links to the home page
(a link must lead somewhere); an unknown name is left as written, and `unknown()` lists it
so the build can say so.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from .. import urls
from ..settings import Contribute, Settings

PLACEHOLDER = re.compile(r"\{dvk:([a-z_]+)\}")
NOT_CONFIGURED = "(chưa cấu hình: contribute trong exemplars/site.yml)"
ADDRESSES = frozenset({"repository", "nominate", "pulls"})

# name → its value, from the settings' `contribute` (None: not given in site.yml).
_FROM_CONTRIBUTE: Mapping[str, Callable[[Contribute], str | None]] = {
    "repository": lambda c: c.repository,
    "nominate": lambda c: c.nomination_url,
    "pulls": lambda c: c.repository.rstrip("/") + "/pulls",
    "office": lambda c: c.office,
    "office_phone": lambda c: c.office_phone,
    "office_email": lambda c: c.office_email,
    "reviewer": lambda c: c.reviewer,
    "review_days": lambda c: str(c.review_days),
}
# name → a file of the site, linked from the page that asks for it.
_SITE_FILES: Mapping[str, Callable[[], str]] = {
    "form": urls.web_form,
    "template": urls.workbook_template,
}
NAMES = (*_SITE_FILES, *_FROM_CONTRIBUTE)


def fill(markdown: str, page: str, settings: Settings) -> str:
    """`markdown` of the hand-written page `page` (docs-relative) with its placeholders filled."""
    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in _SITE_FILES:
            return urls.relative(page, _SITE_FILES[name]())
        if name not in _FROM_CONTRIBUTE:
            return match.group(0)
        found = _FROM_CONTRIBUTE[name](settings.contribute) if settings.contribute else None
        if found:
            return found
        return urls.relative(page, "index.md") if name in ADDRESSES else NOT_CONFIGURED
    return PLACEHOLDER.sub(value, markdown)


def unknown(markdown: str) -> list[str]:
    """The placeholders of a page that no value fills."""
    return [m.group(1) for m in PLACEHOLDER.finditer(markdown) if m.group(1) not in NAMES]

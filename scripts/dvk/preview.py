"""What the last build in this process handed over, so a preview rebuilds only what changed.

`dvk serve` rebuilds after every edit in the same process; MkDocs re-executes its hook file each
time, so the memory lives here, in the package, where it survives.
"""

from __future__ import annotations

import hashlib

active = False  # set by the hook's on_startup: MkDocs calls it once, before the first build
_handed_over: dict[str, str] = {}  # docs path → digest of the content given to MkDocs last time


def unchanged(path: str, content: bytes) -> bool:
    """Whether `content` is what `path` had in the previous build; remembers it for the next."""
    digest = hashlib.blake2b(content, digest_size=16).hexdigest()
    same = _handed_over.get(path) == digest
    _handed_over[path] = digest
    return same

"""What a step of hosting says: why the site cannot be served or sent (one catalogue message,
`host.*`, never a traceback), or what a deploy did."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..diagnostics import Diagnostic


class HostingError(Exception):
    """`where` is what the message is about: the built site's folder, the target, the endpoint."""

    def __init__(self, code: str, where: str, **params: Any) -> None:
        super().__init__(code)
        self.diagnostic = Diagnostic(where, None, "", code, params)

    def render(self, lang: str = "vi") -> str:
        what, fix = self.diagnostic.what_and_fix(lang)
        return f"{self.diagnostic.path}: {what} — {fix}"


@dataclass(frozen=True)
class Synced:
    """What a deploy did: files sent (new or changed) and deleted, of `files` in the site."""

    sent: int
    deleted: int
    files: int
    dry_run: bool = False

    def line(self, lang: str = "vi") -> str:
        kept = self.files - self.sent
        if lang == "vi":
            verb = "Sẽ gửi" if self.dry_run else "Đã gửi"
            return f"{verb} {self.sent} tệp mới hoặc đổi khác, xoá {self.deleted} tệp cũ; {kept} tệp giữ nguyên."
        verb = "Would send" if self.dry_run else "Sent"
        return f"{verb} {self.sent} new or changed files, deleted {self.deleted} old ones; {kept} unchanged."

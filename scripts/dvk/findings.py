"""How the checker's findings are told — text for people, annotations for GitHub, JSON for
tools — by both faces, the command line and the MkDocs plugin."""

from __future__ import annotations

import json
from collections.abc import Iterator

from .diagnostics import Diagnostic, Severity
from .pipeline import CheckResult

REASONS = {
    "vi": {"draft": "bản nháp (draft: true)", "errors": "có lỗi, xem thông báo ở trên"},
    "en": {"draft": "draft (draft: true)", "errors": "has errors, see the messages above"},
}


def left_out_lines(result: CheckResult, lang: str = "vi") -> Iterator[str]:
    """One line per file that is not published, saying why: no file is dropped silently."""
    lead = "không công bố" if lang == "vi" else "not published"
    for item in result.left_out:
        yield f"{item.source}: {lead}: {REASONS[lang][item.reason]}"


def summary(result: CheckResult, lang: str = "vi") -> str:
    errors, warnings = len(result.errors), len(result.warnings)
    files = len(result.exemplar_docs)
    published = len(result.catalog.exemplars) if result.catalog else 0
    if lang == "vi":
        return (f"Đã kiểm tra {files} tệp điển hình: {published} được công bố, "
                f"{errors} lỗi, {warnings} cảnh báo.")
    return f"Checked {files} exemplar files: {published} published, {errors} errors, {warnings} warnings."


def github_annotation(d: Diagnostic, lang: str = "vi") -> str:
    what, fix = d.what_and_fix(lang)
    level = "error" if d.severity is Severity.ERROR else "warning"
    line = f",line={d.line}" if d.line else ""
    message = f"{d.field}: {what} — {fix}".replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return f"::{level} file={d.path}{line},title=dvk check::{message}"


def as_json(result: CheckResult, lang: str = "vi") -> str:
    return json.dumps({
        "diagnostics": [d.as_json(lang) for d in result.diagnostics],
        "left_out": [{"source": i.source, "reason": i.reason} for i in result.left_out],
        "published": [e.slug for e in result.catalog.exemplars] if result.catalog else [],
    }, ensure_ascii=False, indent=2)

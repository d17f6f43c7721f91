"""What the checker says: one `Diagnostic` per problem, rendered in Vietnamese or English.

Every message has the same shape, `path:line: field: what is wrong — how to fix it`, so a
contributor always learns where to look and what to type. The texts live in one catalogue,
keyed by a stable code that tools (``--format json``) can rely on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from .catalogue import CATALOGUE


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Diagnostic:
    """One problem in one file. `field` is a dotted path such as `criteria[1].target`."""

    path: str
    line: int | None
    field: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    severity: Severity = Severity.ERROR

    def what_and_fix(self, lang: str = "vi") -> tuple[str, str]:
        what, fix = CATALOGUE[self.code][lang]
        # A parameter may itself be worded per language, e.g. a "did you mean" suggestion.
        params = {k: v[lang] if isinstance(v, dict) and lang in v else v
                  for k, v in self.params.items()}
        return what.format(**params), fix.format(**params)

    def render(self, lang: str = "vi") -> str:
        what, fix = self.what_and_fix(lang)
        where = f"{self.path}:{self.line}" if self.line else self.path
        label = "" if self.severity is Severity.ERROR else (
            "cảnh báo: " if lang == "vi" else "warning: ")
        return f"{where}: {self.field or '-'}: {label}{what} — {fix}"

    def as_json(self, lang: str = "vi") -> dict[str, Any]:
        what, fix = self.what_and_fix(lang)
        return {
            "path": self.path, "line": self.line, "field": self.field, "code": self.code,
            "severity": str(self.severity), "message": what, "fix": fix,
        }


def sort_key(d: Diagnostic) -> tuple[str, int, str, str]:
    return (d.path, d.line or 0, d.field, d.code)


__all__ = ["CATALOGUE", "Diagnostic", "Severity", "sort_key"]

"""The schema's examples as YAML a contributor types: for the scaffold and the field reference."""

from __future__ import annotations

import json
import re
from typing import Any

from . import resolve

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PLAIN = re.compile(r"^[0-9A-Za-zÀ-ỹĐđ][^:#\[\]{}\"'\n]*$")


def example_block(name: str, sub: dict[str, Any], root: dict[str, Any], item: bool = False) -> list[str]:
    lines = [] if item else [f"{name}:"]
    for i, (key, child) in enumerate(sub["properties"].items()):
        text = f"{key}: {yaml_scalar(first_example(resolve(root, child), root))}"
        lines.append(("- " if i == 0 else "  ") + text if item else f"  {text}")
    return lines


def first_example(sub: dict[str, Any], root: dict[str, Any]) -> Any:
    return (sub.get("examples") or resolve(root, sub).get("examples") or [""])[0]


def yaml_scalar(value: Any) -> str:
    """A value as our YAML reader reads it back: dates and plain words bare, the rest quoted."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value)
    if _DATE.match(text) or (_PLAIN.match(text) and not text[-1:].isspace()
                             and not re.match(r"^[0-9.+-]+$", text)):
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML scalar

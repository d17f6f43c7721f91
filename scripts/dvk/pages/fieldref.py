"""The field reference page (/dong-gop/truong-du-lieu/), generated from the JSON Schema.

The schema is the single statement of the file format; this page is printed from it at every
build, so the reference contributors read cannot drift from what the checker demands.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from .. import urls
from ..model import KIND_NAMES
from ..schema import EXEMPLAR, TYPE_LABELS, field_order, load_schema, resolve
from ..schema.examples import example_block, yaml_scalar
from .base import Site, SiteFile

TYPES = TYPE_LABELS["vi"]
REGISTRY_LINKS = {"categories": ("categories", urls.category), "fields": ("fields", urls.field),
                  "groups": ("groups", urls.group)}


@dataclass(frozen=True)
class FieldRow:
    name: str  # dotted, `criteria[].target` for a member of each list item
    type: str
    required: str
    description: str
    example: str  # YAML as typed in a file
    rules: str
    depth: int


def rows() -> list[FieldRow]:
    schema = load_schema(EXEMPLAR)
    found: list[FieldRow] = []
    for name in field_order():
        _walk(schema, name, schema["properties"][name], _top_required(schema, name), 0, found)
    return found


def _top_required(schema: dict[str, Any], name: str) -> str:
    if name in schema["required"]:
        return "mọi điển hình"
    kinds = [KIND_NAMES[rule["if"]["properties"]["kind"]["const"]].lower()
             for rule in schema.get("allOf", ()) if name in rule["then"]["required"]]
    return ", ".join(kinds) or "không"


def _walk(root: dict[str, Any], name: str, sub: dict[str, Any], required: str, depth: int,
          found: list[FieldRow]) -> None:
    sub = resolve(root, sub)
    items = resolve(root, sub["items"]) if sub.get("type") == "array" else None
    members = sub.get("properties") or (items or {}).get("properties")
    found.append(FieldRow(name, _type(sub, items), required, sub.get("description", ""),
                          _example(name, sub, items, root), _rules(sub, items), depth))
    if members:
        owner = sub if "properties" in sub else items
        prefix = f"{name}[]" if items is not None else name
        needed = set(owner.get("required", ()))  # type: ignore[union-attr]
        for key, child in members.items():
            _walk(root, f"{prefix}.{key}", child, "có" if key in needed else "không", depth + 1, found)


def _type(sub: dict[str, Any], items: dict[str, Any] | None) -> str:
    if "enum" in sub:
        return "một trong: " + ", ".join(map(str, sub["enum"]))
    if sub.get("pattern", "").startswith("^[0-9]{4}-"):
        return "ngày YYYY-MM-DD"
    if items is not None:
        return f"{TYPES['array']} {TYPES['object']}" if "properties" in items else f"{TYPES['array']} mã"
    return TYPES.get(sub.get("type", ""), "")


def _example(name: str, sub: dict[str, Any], items: dict[str, Any] | None, root: dict[str, Any]) -> str:
    key = name.rsplit(".", 1)[-1]
    if "properties" in sub:
        return "\n".join(example_block(key, sub, root))
    if items is not None and "properties" in items:
        return "\n".join([f"{key}:", *("  " + line for line in example_block("", items, root, item=True))])
    examples = sub.get("examples")
    if not examples:
        return ""
    value = examples[0]
    if isinstance(value, list):
        return f"{key}: [" + ", ".join(map(str, value)) + "]"
    return f"{key}: {yaml_scalar(value)}"


def _rules(sub: dict[str, Any], items: dict[str, Any] | None) -> str:
    said = []
    if "minLength" in sub or "maxLength" in sub:
        low, high = sub.get("minLength"), sub.get("maxLength")
        said.append(f"{low}–{high} ký tự" if low and high else
                    f"tối đa {high} ký tự" if high else f"ít nhất {low} ký tự")
    for key, text in (("minimum", "≥ {}"), ("exclusiveMinimum", "> {}"), ("maximum", "≤ {}"),
                      ("minItems", "ít nhất {} mục"), ("maxItems", "tối đa {} mục")):
        if key in sub:
            said.append(text.format(sub[key]))
    if sub.get("uniqueItems"):
        said.append("không lặp lại")
    if items is not None and "pattern" in items:
        said.append("mã gồm chữ thường không dấu, chữ số, dấu gạch nối")
    return "; ".join(said)


def code(text: str) -> Markup:
    """Our own text as a code span (`format` escapes it)."""
    return Markup("<code>{}</code>").format(text)


def files(site: Site) -> Iterator[SiteFile]:
    codes = {name: [(entry, link(entry.id)) for entry in getattr(site.registry, part).values()]
             for name, (part, link) in REGISTRY_LINKS.items()}
    yield site.render(urls.field_reference(), "field_reference.html.j2", rows=rows(), codes=codes,
                      code=code)

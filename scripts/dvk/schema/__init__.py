"""The JSON Schemas: the single statement of the file formats, their field order and labels.

`exemplar.schema.json` lists an exemplar's fields in the order a contributor reads them (the
scaffold, the field reference and the checker's "known fields" all follow it), and every closed
vocabulary carries its Vietnamese labels as `x-labels` beside its `enum`, so a label is written
once. This module only reads them: `load_schema`, one `$ref` resolver, `labels`.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

EXEMPLAR = "exemplar.schema.json"
REGISTRIES = "registries.schema.json"
OPEN_DATA = "opendata.schema.json"

# What a JSON type is called, as the field reference lists it and the checker's messages name it.
TYPE_LABELS = {
    "vi": {"string": "văn bản", "number": "số", "integer": "số nguyên", "boolean": "true hoặc false",
           "array": "danh sách", "object": "nhóm trường", "null": "để trống"},
    "en": {"string": "text", "number": "number", "integer": "whole number", "boolean": "true or false",
           "array": "list", "object": "set of fields", "null": "empty"},
}


@cache
def load_schema(name: str) -> dict[str, Any]:
    return json.loads(resources.files(__name__).joinpath(name).read_text("utf-8"))


def schema_bytes(name: str) -> bytes:
    return resources.files(__name__).joinpath(name).read_bytes()


def part(name: str, definition: str | None) -> dict[str, Any]:
    """The whole schema, or one of its `$defs` as a schema of its own (its references intact)."""
    schema = load_schema(name)
    if definition is None:
        return schema
    return {"$ref": f"#/$defs/{definition}", "$defs": schema["$defs"]}


def resolve(root: dict[str, Any], sub: dict[str, Any]) -> dict[str, Any]:
    """`sub` with its `$ref` target merged under it (its own keys win), following chains."""
    while "$ref" in sub:
        target = root["$defs"][sub["$ref"].removeprefix("#/$defs/")]
        sub = {**target, **{k: v for k, v in sub.items() if k != "$ref"}}
    return sub


def schema_at(root: dict[str, Any], path: tuple[str | int, ...]) -> dict[str, Any] | None:
    """The (resolved) schema of the value at `path` in a document, or None where none says."""
    sub: Any = root
    for step in path:
        sub = resolve(root, sub)
        sub = sub.get("items") if isinstance(step, int) else (sub.get("properties") or {}).get(step)
        if not isinstance(sub, dict):
            return None
    return resolve(root, sub)


@cache
def labels(name: str, pointer: str) -> dict[str, str]:
    """The `x-labels` of the vocabulary at a JSON pointer: {value: Vietnamese label}, in the
    order of its `enum` (or as listed, for a numbered vocabulary such as the five steps)."""
    root = load_schema(name)
    sub: Any = root
    for step in pointer.strip("/").split("/"):
        sub = resolve(root, sub)[step]
    sub = resolve(root, sub)
    table = sub["x-labels"]
    return {str(value): table[str(value)] for value in sub.get("enum", table)}


def field_order(name: str = EXEMPLAR) -> tuple[str, ...]:
    return tuple(load_schema(name)["properties"])


def fields_of_kind(kind: str) -> tuple[str, ...]:
    """The exemplar's top-level fields that a file of this kind may carry, in order: every field
    but those marked `x-kind` for the other kind (a collective has no `person`)."""
    properties = load_schema(EXEMPLAR)["properties"]
    return tuple(name for name, sub in properties.items() if sub.get("x-kind", kind) == kind)


def required_fields(kind: str) -> set[str]:
    """Top-level fields the schema requires for this kind, its `if kind then required` included."""
    schema = load_schema(EXEMPLAR)
    needed = set(schema["required"])
    for rule in schema.get("allOf", ()):
        if rule["if"]["properties"]["kind"].get("const") == kind:
            needed.update(rule["then"]["required"])
    return needed

"""The JSON Schema's verdict on a document, as messages a contributor can act on.

A compiled validator (fastjsonschema) says yes to a valid document in a few µs; only a document
it rejects goes through jsonschema, which names every error, and each error becomes one message
that says the field, what is wrong and what to write instead.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

import fastjsonschema

from .. import schema
from ..load import Document, keep_text_where_schema_wants_it

if TYPE_CHECKING:  # jsonschema is imported for the first rejected document: most checks have none
    from jsonschema import Draft202012Validator, ValidationError

# How a message names an expected JSON type: an article for what can be counted, and for lists
# and groups of fields, how one is typed.
_ARTICLE = {"vi": "một ", "en": "a "}
_COUNTED = {"number", "integer", "array", "object"}
_HOW = {"array": {"vi": " (mỗi mục một dòng '- ')", "en": " (one '- ' line per item)"},
        "object": {"vi": " 'tên: giá trị'", "en": " ('key: value')"}}


def type_name(expected: Any, lang: str) -> Any:
    if not isinstance(expected, str):
        return expected
    article = _ARTICLE[lang] if expected in _COUNTED else ""
    return article + schema.TYPE_LABELS[lang][expected] + _HOW.get(expected, {}).get(lang, "")


@cache
def _validator(name: str, definition: str | None = None) -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema.part(name, definition))


@cache
def _compiled(schema_name: str, definition: str | None) -> Callable[[Any], Any]:
    # Without $id, local "#/$defs/..." references resolve in this document, not at its URL.
    whole = schema.part(schema_name, definition)
    return fastjsonschema.compile({k: v for k, v in whole.items() if k != "$id"})


def _passes(schema_name: str, part: str | None, data: Any) -> bool:
    """The fast answer for the common case: a compiled validator says yes in a few µs; only a
    file it rejects goes through jsonschema, which names every error."""
    try:
        _compiled(schema_name, part)(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def check_against_schema(doc: Document, schema_name: str, part: str | None = None) -> None:
    """Validate `doc.data` against the schema and record a diagnostic per error."""
    root = schema.load_schema(schema_name)
    if part is None:
        keep_text_where_schema_wants_it(doc.parsed, root)
    if _passes(schema_name, part, doc.data):
        return
    validator = _validator(schema_name, part)
    errors = sorted(validator.iter_errors(doc.data), key=lambda e: (list(map(str, e.path)), e.validator))
    for error in errors:
        for path, code, params in _explain(error, root):
            doc.problem(code, path, **params)


def _explain(error: ValidationError,
             root: dict[str, Any]) -> Iterator[tuple[tuple[str | int, ...], str, dict[str, Any]]]:
    path = tuple(error.absolute_path)
    kind, value, sub_schema = error.validator, error.instance, error.schema
    shown = _show(value)
    if kind == "required":
        for name in error.validator_value:
            if isinstance(value, dict) and name not in value:
                # A rule under `allOf` (collectives need a period) names the field, the root describes it.
                owner = sub_schema if "properties" in sub_schema or path else root
                sub = owner.get("properties", {}).get(name, {})
                hint = sub.get("description", "")
                yield (*path, name), "schema.required", {
                    "name": name, "hint": {"vi": f" ({hint})" if hint else "", "en": ""}}
    elif kind == "additionalProperties":
        known = list(sub_schema.get("properties", {}))
        for name in sorted(set(value) - set(known)):
            yield (*path, name), "schema.unknown", {
                "name": name, "suggestion": _unknown_fix(name, known)}
    elif kind == "type":
        expected = error.validator_value
        names = {lang: type_name(expected, lang) for lang in schema.TYPE_LABELS}
        yield path, "schema.type", {"value": shown, "expected": names,
                                    "hint": _example(sub_schema, lead=True)}
    elif kind in ("enum", "const"):
        allowed = error.validator_value if kind == "enum" else [error.validator_value]
        yield path, "schema.enum", {"value": shown, "allowed": ", ".join(map(str, allowed))}
    elif kind == "pattern":
        yield path, "schema.pattern", {"value": shown, "hint": _example(sub_schema, lead=True)}
    elif kind == "maxLength":
        yield path, "schema.max_length", {"length": len(value), "limit": error.validator_value}
    elif kind == "minLength":
        yield path, "schema.min_length", {"length": len(value), "limit": error.validator_value}
    elif kind == "minItems":
        yield path, "schema.min_items", {"limit": error.validator_value,
                                         "hint": _example(sub_schema, lead=True)}
    elif kind == "uniqueItems":
        yield path, "schema.unique", {}
    elif kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "maxItems"):
        signs = {"minimum": "≥", "maximum": "≤", "exclusiveMinimum": ">",
                 "exclusiveMaximum": "<", "maxItems": "số mục ≤"}
        yield path, "schema.range", {"value": shown,
                                     "rule": f"{signs[kind]} {error.validator_value}"}
    else:
        yield path, "schema.other", {"detail": error.message[:200]}


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _example(schema: dict[str, Any], lead: bool = False) -> dict[str, str]:
    examples = schema.get("examples")
    if not examples:
        return {"vi": "", "en": ""}
    text = _show(examples[0])
    return {"vi": f", ví dụ {text}", "en": f", e.g. {text}"}


def _unknown_fix(name: str, known: list[str]) -> dict[str, str]:
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.5)
    if close:
        return {"vi": f"có phải ý bạn là '{close[0]}'?", "en": f"did you mean '{close[0]}'?"}
    listed = ", ".join(known)
    return {"vi": f"hãy bỏ trường này; các trường dùng được: {listed}",
            "en": f"remove it; the known fields are: {listed}"}

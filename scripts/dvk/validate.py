"""Stage 2, validate: documents → diagnostics, against the JSON Schema and the cross-file rules.

The JSON Schema (schema/exemplar.schema.json) states the file format; this module turns its
errors into messages a contributor can act on, then adds the rules a schema cannot express:
dates that exist, periods in order, references to the registries and to other exemplars.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Iterator
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator, ValidationError

from .diagnostics import Severity
from .load import Document
from .photos import check_photo_file
from .slugs import slugify
from .yamlread import keep_text_where_schema_wants_it

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MIN_STORY_WORDS = 40
DATE_REF = "#/$defs/date"

TYPE_NAMES = {
    "vi": {"string": "văn bản", "number": "một số", "integer": "một số nguyên",
           "boolean": "true hoặc false", "array": "một danh sách (mỗi mục một dòng '- ')",
           "object": "một nhóm trường 'tên: giá trị'", "null": "để trống"},
    "en": {"string": "text", "number": "a number", "integer": "a whole number",
           "boolean": "true or false", "array": "a list (one '- ' line per item)",
           "object": "a set of 'key: value' fields", "null": "empty"},
}


@cache
def load_schema(name: str) -> dict[str, Any]:
    return json.loads(resources.files("dvk.schema").joinpath(name).read_text("utf-8"))


@cache
def _validator(name: str, part: str | None = None) -> Draft202012Validator:
    schema = load_schema(name)
    if part:
        schema = {"$ref": f"#/$defs/{part}", "$defs": schema["$defs"]}
    return Draft202012Validator(schema)


def suggest(value: Any, known: Iterable[str], where: str) -> dict[str, str]:
    """'did you mean' text in both languages, or where to look when nothing is close."""
    close = difflib.get_close_matches(str(value), list(known), n=1, cutoff=0.6)
    if close:
        return {"vi": f"có phải ý bạn là '{close[0]}'?", "en": f"did you mean '{close[0]}'?"}
    return {"vi": f"xem danh sách trong {where}", "en": f"see the list in {where}"}


# --- the schema, as messages -----------------------------------------------------------------

def check_against_schema(doc: Document, schema_name: str, part: str | None = None) -> None:
    """Validate `doc.data` against the schema and record a diagnostic per error."""
    schema = load_schema(schema_name)
    if part is None:
        keep_text_where_schema_wants_it(doc.parsed, schema)
    validator = _validator(schema_name, part)
    errors = sorted(validator.iter_errors(doc.data), key=lambda e: (list(map(str, e.path)), e.validator))
    for error in errors:
        for path, code, params in _explain(error):
            doc.problem(code, path, **params)


def _explain(error: ValidationError) -> Iterator[tuple[tuple[str | int, ...], str, dict[str, Any]]]:
    path = tuple(error.absolute_path)
    kind, value, schema = error.validator, error.instance, error.schema
    shown = _show(value)
    if kind == "required":
        for name in error.validator_value:
            if isinstance(value, dict) and name not in value:
                sub = (schema.get("properties") or {}).get(name, {})
                hint = sub.get("description", "")
                yield (*path, name), "schema.required", {
                    "name": name, "hint": {"vi": f" ({hint})" if hint else "", "en": ""}}
    elif kind == "additionalProperties":
        known = list(schema.get("properties", {}))
        for name in sorted(set(value) - set(known)):
            yield (*path, name), "schema.unknown", {
                "name": name, "suggestion": _unknown_fix(name, known)}
    elif kind == "type":
        expected = error.validator_value
        names = {lang: names[expected] if isinstance(expected, str) else expected
                 for lang, names in TYPE_NAMES.items()}
        yield path, "schema.type", {"value": shown, "expected": names,
                                    "hint": _example(schema, lead=True)}
    elif kind in ("enum", "const"):
        allowed = error.validator_value if kind == "enum" else [error.validator_value]
        yield path, "schema.enum", {"value": shown, "allowed": ", ".join(map(str, allowed))}
    elif kind == "pattern":
        yield path, "schema.pattern", {"value": shown, "hint": _example(schema, lead=True)}
    elif kind == "maxLength":
        yield path, "schema.max_length", {"length": len(value), "limit": error.validator_value}
    elif kind == "minLength":
        yield path, "schema.min_length", {"length": len(value), "limit": error.validator_value}
    elif kind == "minItems":
        yield path, "schema.min_items", {"limit": error.validator_value,
                                         "hint": _example(schema, lead=True)}
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


# --- rules the schema cannot state -------------------------------------------------------------

def check_dates(doc: Document, schema_name: str, today: date) -> None:
    """Every value the schema calls a date must exist; past dates only, except period ends."""
    schema = load_schema(schema_name)
    for path, value in _values_with_ref(doc.data, schema, schema, (), DATE_REF):
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            continue  # the schema already reported the form
        try:
            day = date.fromisoformat(value)
        except ValueError:
            doc.problem("date.invalid", path, value=value)
            continue
        if day > today and path[:1] != ("period",):
            doc.problem("date.future", path, value=value)


def _values_with_ref(data: Any, root: dict[str, Any], sub: dict[str, Any],
                     path: tuple[str | int, ...], ref: str) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    if sub.get("$ref") == ref:
        yield path, data
        return
    if "$ref" in sub:
        sub = root["$defs"][sub["$ref"].removeprefix("#/$defs/")]
    if isinstance(data, dict):
        for key, value in data.items():
            child = (sub.get("properties") or {}).get(key)
            if isinstance(child, dict):
                yield from _values_with_ref(value, root, child, (*path, key), ref)
    elif isinstance(data, list) and isinstance(sub.get("items"), dict):
        for i, value in enumerate(data):
            yield from _values_with_ref(value, root, sub["items"], (*path, i), ref)


def check_exemplar(doc: Document, today: date) -> None:
    """Everything that can be known from the file alone."""
    parts = doc.rel.split("/")
    slug = doc.path.stem
    if not SLUG.match(slug):
        doc.problem("slug.invalid", line=1, value=doc.path.name, example=slugify(slug) or "ten-dien-hinh")
    if doc.data is None:
        return
    check_against_schema(doc, "exemplar.schema.json")
    check_dates(doc, "exemplar.schema.json", today)
    data = doc.data
    unit = data.get("unit")
    if len(parts) != 3 and isinstance(unit, str):
        doc.problem("file.misplaced", ("unit",), unit=unit)
    elif len(parts) == 3 and isinstance(unit, str) and parts[1] != unit:
        doc.problem("file.folder_unit", ("unit",), folder=parts[1], unit=unit)
    period = data.get("period")
    if isinstance(period, dict):
        start, end = period.get("start"), period.get("end")
        if isinstance(start, str) and isinstance(end, str) and _real(start) and _real(end) \
                and end < start:
            doc.problem("period.order", ("period", "end"), start=start, end=end)
    words = len(doc.story.split())
    if words < MIN_STORY_WORDS:
        doc.problem("body.too_short", line=doc.story_line, words=words, limit=MIN_STORY_WORDS)
    for i, photo in enumerate(data.get("photos") or ()):
        name = photo.get("file") if isinstance(photo, dict) else None
        if isinstance(name, str) and SAFE_FILE.match(name) and not (doc.path.parent / name).is_file():
            doc.problem("photo.missing", ("photos", i, "file"), value=name)
        elif isinstance(name, str) and SAFE_FILE.match(name):
            check_photo_file(doc, ("photos", i, "file"), doc.path.parent / name)


SAFE_FILE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def _real(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def check_references(docs: list[Document], known: dict[str, set[str]],
                     slugs: dict[str, str]) -> None:
    """Cross-file rules: registries and other exemplars. `slugs` maps every slug to its file."""
    seen: dict[str, str] = {}
    for doc in docs:
        slug = doc.path.stem
        if slug in seen:
            doc.problem("slug.duplicate", line=1, value=slug, other=seen[slug])
        else:
            seen[slug] = doc.rel
        data = doc.data
        if not isinstance(data, dict):
            continue
        _check_ref(doc, ("unit",), data.get("unit"), known["units"], "ref.unit", "exemplars/units.yml")
        for key, registry, code, where in (
            ("categories", "categories", "ref.category", "exemplars/categories.yml"),
            ("groups", "groups", "ref.group", "exemplars/groups.yml"),
            ("fields", "fields", "ref.field", "exemplars/fields.yml"),
        ):
            for i, value in enumerate(_as_list(data.get(key))):
                _check_ref(doc, (key, i), value, known[registry], code, where)
        for i, value in enumerate(_as_list(data.get("learned_from"))):
            if value == slug:
                doc.problem("ref.exemplar", ("learned_from", i), value=value,
                            suggestion={"vi": "một điển hình không học tập chính mình",
                                        "en": "an exemplar cannot learn from itself"})
            else:
                _check_ref(doc, ("learned_from", i), value, slugs, "ref.exemplar", "exemplars/")


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _check_ref(doc: Document, path: tuple[str | int, ...], value: Any, known: Iterable[str],
               code: str, where: str) -> None:
    if isinstance(value, str) and SLUG.match(value) and value not in known:
        doc.problem(code, path, value=value, suggestion=suggest(value, known, where))


def errors_in(docs: Iterable[Document]) -> bool:
    return any(d.severity is Severity.ERROR for doc in docs for d in doc.diagnostics)

"""Stage 2, validate: documents → diagnostics, against the JSON Schema and the cross-file rules.

The JSON Schema (schema/exemplar.schema.json) states the file format; this module turns its
errors into messages a contributor can act on, then adds the rules a schema cannot express:
dates that exist, periods in order, references to the registries and to other exemplars.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import fastjsonschema
from jsonschema import Draft202012Validator, ValidationError

from .diagnostics import Severity
from .load import Document
from .photos import check_photo_file
from .privacy import find_private_data
from .render import story_findings
from .slugs import slugify
from .yamlread import keep_text_where_schema_wants_it

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MIN_STORY_WORDS = 40
DATE_REF = "#/$defs/date"
STORY = ("story",)  # the field name messages give the Markdown after the front matter

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

@cache
def _compiled(schema_name: str, part: str | None) -> Callable[[Any], Any]:
    schema = load_schema(schema_name)
    if part:
        schema = {"$ref": f"#/$defs/{part}", "$defs": schema["$defs"]}
    # Without $id, local "#/$defs/..." references resolve in this document, not at its URL.
    return fastjsonschema.compile({k: v for k, v in schema.items() if k != "$id"})


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
    schema = load_schema(schema_name)
    if part is None:
        keep_text_where_schema_wants_it(doc.parsed, schema)
    if _passes(schema_name, part, doc.data):
        return
    validator = _validator(schema_name, part)
    errors = sorted(validator.iter_errors(doc.data), key=lambda e: (list(map(str, e.path)), e.validator))
    for error in errors:
        for path, code, params in _explain(error, schema):
            doc.problem(code, path, **params)


def _explain(error: ValidationError,
             root: dict[str, Any]) -> Iterator[tuple[tuple[str | int, ...], str, dict[str, Any]]]:
    path = tuple(error.absolute_path)
    kind, value, schema = error.validator, error.instance, error.schema
    shown = _show(value)
    if kind == "required":
        for name in error.validator_value:
            if isinstance(value, dict) and name not in value:
                # A rule under `allOf` (collectives need a period) names the field, the root describes it.
                owner = schema if "properties" in schema or path else root
                sub = owner.get("properties", {}).get(name, {})
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
        doc.problem("body.too_short", STORY, line=doc.story_line, words=words, limit=MIN_STORY_WORDS)
    check_steps(doc)
    photos = check_photos(doc)
    check_story(doc, photos)
    if data.get("kind") == "individual":
        check_privacy(doc)


SAFE_FILE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def check_steps(doc: Document) -> None:
    """The five steps of Plan 330-KH/TU come one after another: numbers rise, dates never go back."""
    steps = doc.data.get("steps")
    if not isinstance(steps, list):
        return
    last_step: int | None = None
    last_date: str | None = None
    for i, item in enumerate(steps):
        if not isinstance(item, dict):
            continue
        number, day = item.get("step"), item.get("date")
        if type(number) is int and 1 <= number <= 5:
            if last_step is not None and number <= last_step:
                doc.problem("steps.order", ("steps", i, "step"), step=number, previous=last_step)
            last_step = number
        if isinstance(day, str) and _real(day):
            if last_date is not None and day < last_date:
                doc.problem("steps.date_order", ("steps", i, "date"), value=day, previous=last_date)
            last_date = day if last_date is None else max(day, last_date)


def own_file_problem(folder: Path, name: str) -> str | None:
    """Why `name` is not a regular file inside `folder` (a catalogue code), or None if it is.

    A symlink is followed only while it stays in the folder: a link to /etc/passwd or to
    another exemplar's folder would otherwise be copied onto the public site."""
    path = folder / name
    try:
        if path.resolve().parent != folder.resolve():
            return "photo.outside"
        if not path.exists():
            return "photo.missing"
    except (OSError, RuntimeError):  # a symlink loop
        return "photo.not_file"
    return None if path.is_file() else "photo.not_file"


def check_photos(doc: Document) -> set[str]:
    """Photo files exist as regular files in the exemplar's own folder; returns the good ones."""
    good: set[str] = set()
    for i, photo in enumerate(_as_list(doc.data.get("photos"))):
        name = photo.get("file") if isinstance(photo, dict) else None
        if not isinstance(name, str) or not SAFE_FILE.match(name):
            continue  # the schema reported the form (slashes, '..', absolute paths)
        code = own_file_problem(doc.path.parent, name)
        if code:
            doc.problem(code, ("photos", i, "file"), value=name)
        elif check_photo_file(doc, ("photos", i, "file"), doc.path.parent / name):
            good.add(name)
    return good


def check_story(doc: Document, photos: set[str]) -> None:
    """Say what the sanitiser will remove from the story, and check its images."""
    for finding in story_findings(doc.story):
        line = _story_line(doc, finding.value)
        shown = finding.value if len(finding.value) <= 60 else finding.value[:57] + "…"
        if finding.kind == "image":
            if not SAFE_FILE.match(finding.value):  # the sanitiser drops it: tell, don't block
                doc.problem("story.image_outside", STORY, severity=Severity.WARNING, line=line, value=shown)
            elif finding.value not in photos:
                doc.problem("story.image_unlisted", STORY, line=line, value=shown)
        else:
            doc.problem(f"story.{finding.kind}", STORY, severity=Severity.WARNING, line=line, value=shown)


def _story_line(doc: Document, needle: str) -> int:
    """The file line of the first story line that holds `needle` (else the story's first line)."""
    for i, text in enumerate(doc.story.split("\n")):
        if needle in text:
            return doc.story_line + i
    return doc.story_line


PRIVATE_SKIP = {("contact",), ("media", "url"), ("photos", "file")}  # office contact; link ids


def check_privacy(doc: Document) -> None:
    """An individual's file carries no identity number, personal phone or home address."""
    for path, text in _strings(doc.data, ()):
        names = tuple(step for step in path if isinstance(step, str))
        if names[:1] in PRIVATE_SKIP or names in PRIVATE_SKIP:
            continue
        for finding in find_private_data(text):
            doc.problem(f"privacy.{finding.kind}", path, value=finding.text)
    for finding in find_private_data(doc.story):
        line = doc.story_line + doc.story.count("\n", 0, finding.offset)
        doc.problem(f"privacy.{finding.kind}", STORY, line=line, value=finding.text)


def _strings(data: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _strings(value, (*path, i))


def _real(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class IndexEntry:
    """What the cross-file rules need to know of one exemplar file: its slug and its links."""

    slug: str
    rel: str
    learned_from: tuple[str, ...] = ()

    @classmethod
    def of(cls, doc: Document) -> IndexEntry:
        data = doc.data if isinstance(doc.data, dict) else {}
        links = tuple(v for v in _as_list(data.get("learned_from")) if isinstance(v, str))
        return cls(doc.path.stem, doc.rel, links)


def check_references(docs: list[Document], known: dict[str, set[str]],
                     index: list[IndexEntry]) -> None:
    """Cross-file rules for `docs`: registries, and other exemplars as `index` (every file) knows them."""
    by_slug: dict[str, list[str]] = {}
    for entry in index:
        by_slug.setdefault(entry.slug, []).append(entry.rel)
    component = _learning_circles(index)
    for doc in docs:
        slug = doc.path.stem
        others = [rel for rel in by_slug.get(slug, ()) if rel != doc.rel]
        if others:
            doc.problem("slug.duplicate", line=1, value=slug, other=", ".join(sorted(others)))
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
                doc.problem("ref.self", ("learned_from", i), value=value)
            elif isinstance(value, str) and component.get(value, -1) == component.get(slug, -2):
                cycle = " → ".join((slug, *_path_between(index, value, slug)))
                doc.problem("ref.cycle", ("learned_from", i), value=value, cycle=cycle)
            else:
                _check_ref(doc, ("learned_from", i), value, by_slug, "ref.exemplar", "exemplars/")


def _graph(index: list[IndexEntry]) -> dict[str, list[str]]:
    graph: dict[str, list[str]] = {}
    for entry in index:
        graph.setdefault(entry.slug, []).extend(entry.learned_from)
    return graph


def _learning_circles(index: list[IndexEntry]) -> dict[str, int]:
    """Strongly connected components of `learned_from` (Tarjan, iterative: chains can be long).

    Two exemplars in the same component of more than one member learn from each other
    through some chain; each component gets its own number, singletons get none."""
    graph = _graph(index)
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    component: dict[str, int] = {}
    for root in sorted(graph):
        if root in order:
            continue
        work = [(root, iter(graph.get(root, ())))]
        order[root] = low[root] = len(order)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in order:
                    order[child] = low[child] = len(order)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(graph.get(child, ()))))
                elif child in on_stack:
                    low[node] = min(low[node], order[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == order[node]:
                members = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    members.append(member)
                    if member == node:
                        break
                if len(members) > 1:
                    for member in members:
                        component[member] = order[node]
    return component


def _path_between(index: list[IndexEntry], start: str, goal: str) -> list[str]:
    """The shortest `learned_from` chain from `start` to `goal`, both included (breadth first)."""
    graph = _graph(index)
    came_from: dict[str, str | None] = {start: None}
    queue = [start]
    for node in queue:
        if node == goal:
            break
        for child in graph.get(node, ()):
            if child not in came_from:
                came_from[child] = node
                queue.append(child)
    path: list[str] = []
    node: str | None = goal
    while node is not None:
        path.append(node)
        node = came_from.get(node)
    return path[::-1]


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _check_ref(doc: Document, path: tuple[str | int, ...], value: Any, known: Iterable[str],
               code: str, where: str) -> None:
    if isinstance(value, str) and SLUG.match(value) and value not in known:
        doc.problem(code, path, value=value, suggestion=suggest(value, known, where))


def errors_in(docs: Iterable[Document]) -> bool:
    return any(d.severity is Severity.ERROR for doc in docs for d in doc.diagnostics)

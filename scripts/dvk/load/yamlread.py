"""Read YAML the way contributors mean it, and remember the line of every value.

The rules (documented for contributors in content/dong-gop.md):

* YAML 1.2 core scalars: only `true`/`false` are booleans, so `no`, `on`, `yes` stay text;
  a date such as `2024-05-19` stays text (the schema checks its form and that it exists).
* Where the schema wants text, a plain number keeps exactly what was typed: `1.10` stays
  "1.10" (see `keep_text_where_schema_wants_it`).
* A key given twice is an error (PyYAML would silently keep the last one).
* Only the standard tags; aliases and nesting are bounded, so no "billion laughs"; the
  parser's events are counted before any tree is built, so no '[[[[…' crashes libyaml.
* A plain number has at most 15 digits (`MAX_DIGITS`): more is an id to put in quotes.
* Keys are plain text: a `<<` merge key or a list as a key is refused.

(`load.read_text` adds the file rules: ≤ 256 KB, UTF-8 with or without BOM, CRLF accepted,
NFD normalised to NFC with a warning.) tests/test_yaml_rules.py and tests/hostile/ hold a case
for each rule.

`parse` returns the data and a map from each value's path (a tuple of keys and indexes) to its
1-based line in the YAML text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..schema import schema_at

try:  # the C parser is ten times faster; fall back where libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the platform's wheel
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path = tuple[str | int, ...]

MAX_NODES = 20_000  # far above any honest exemplar, far below an alias bomb
MAX_DEPTH = 40
MAX_DIGITS = 15  # a float holds 15 significant digits exactly; no count of ours has more

_INT = re.compile(r"[-+]?(0|[1-9][0-9_]*)$")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$")
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_STANDARD_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "merge")
}


class YamlProblem(Exception):
    """A problem that stops reading the YAML; carries a catalogue code and its line."""

    def __init__(self, code: str, line: int | None, path: Path = (), **params: Any) -> None:
        super().__init__(code)
        self.code, self.line, self.path, self.params = code, line, path, params


@dataclass
class Parsed:
    data: Any
    lines: dict[Path, int] = field(default_factory=dict)
    raw: dict[Path, str] = field(default_factory=dict)  # typed text of plain non-text scalars

    def line_of(self, path: Path) -> int | None:
        """The line of `path`, or of its nearest ancestor that has one."""
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]


def parse(text: str, first_line: int = 1) -> Parsed:
    """Parse one YAML document; `first_line` is the file line where `text` starts."""
    try:
        _count_events(text, first_line)
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark else None
        raise YamlProblem("yaml.syntax", line, problem=exc.problem or str(exc)) from None
    except yaml.YAMLError as exc:
        raise YamlProblem("yaml.syntax", None, problem=str(exc)) from None
    parsed = Parsed(None)
    if node is not None:
        builder = _Builder(parsed, first_line)
        parsed.data = builder.build(node, (), 0)
    return parsed


def _count_events(text: str, first_line: int) -> None:
    """Bound the tree before it is built. libyaml's composer recurses once per level and
    overflows the C stack (a crash, not an exception) some 30,000 '[' deep; its scanner slows
    with depth (15,000 deep: 2.6 s) and a node costs a few µs. The parser's events come one at
    a time, so counting them stops a hostile text after a few dozen, before any tree exists.
    Aliases are not expanded here: the builder counts what they stand for."""
    if _too_few_events_to_count(text):
        return
    depth = nodes = 0
    keys: list[int] = []  # per open collection: how many children so far (mappings: key, value…)
    top_key: Path = ()
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.CollectionStartEvent)):
            nodes += 1
            if depth == 1 and keys[0] % 2 == 0 and isinstance(event, yaml.ScalarEvent):
                top_key = (event.value,)
            if nodes > MAX_NODES or depth > MAX_DEPTH:
                raise YamlProblem("yaml.too_complex", event.start_mark.line + first_line, top_key)
            if isinstance(event, yaml.CollectionStartEvent):
                keys.append(0)
                depth += 1
            elif keys:
                keys[-1] += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            keys.pop()
            depth -= 1
            if keys:
                keys[-1] += 1


# A stream of this many events cannot pass a bound: each level of depth is a start and an end
# event, and the stream and its document make four more (2 * 40 + 4 + 1 node = 85 events).
_FEW_EVENTS = 2 * MAX_DEPTH + 5
_FEW_BRACKETS = MAX_DEPTH  # the scanner is slow only at flow depth, which a bracket opens


def _too_few_events_to_count(text: str) -> bool:
    """Whether the whole stream parses into so few events that no bound can be passed: libyaml
    counts them in C without making an event object (a fifth of the time of the walk), for the
    usual front matter. Only for a text whose flow depth cannot slow the scanner (the walk
    stops a '[[[[…' after 41 events; a full parse of one would take seconds), and only where
    the parser has that count: else, or on any error, the walk finds what is wrong, and where."""
    if text.count("[") + text.count("{") > _FEW_BRACKETS or not hasattr(_Loader, "raw_parse"):
        return False
    loader = _Loader(text)
    try:
        return loader.raw_parse() <= _FEW_EVENTS
    except yaml.YAMLError:
        return False
    finally:
        loader.dispose()


class _Builder:
    def __init__(self, parsed: Parsed, first_line: int) -> None:
        self.parsed, self.offset, self.count = parsed, first_line, 0

    def build(self, node: yaml.Node, path: Path, depth: int) -> Any:
        self.count += 1
        line = node.start_mark.line + self.offset
        if self.count > MAX_NODES or depth > MAX_DEPTH:
            raise YamlProblem("yaml.too_complex", line, path[:1])  # the top-level key: deeper is noise
        self.parsed.lines.setdefault(path, line)
        if node.tag not in _STANDARD_TAGS:
            raise YamlProblem("yaml.tag", line, path, tag=node.tag)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: Path, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + self.offset
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlProblem("yaml.key_type", key_line, path, key=_short(key_node))
            key = key_node.value
            if key in first_seen:
                raise YamlProblem("yaml.duplicate_key", key_line, (*path, key),
                                  key=key, first=first_seen[key])
            first_seen[key] = key_line
            self.parsed.lines[(*path, key)] = key_line
            result[key] = self.build(value_node, (*path, key), depth + 1)
        return result

    def _scalar(self, node: yaml.ScalarNode, path: Path) -> Any:
        text = node.value
        if node.style:  # quoted or block scalar: always text (plain is None, or "" from libyaml)
            return text
        value: Any = text
        if text in _NULL:
            value = None
        elif text in _TRUE:
            value = True
        elif text in _FALSE:
            value = False
        elif _INT.match(text) or (_FLOAT.match(text) and any(ch.isdigit() for ch in text)):
            mantissa = text.partition("e")[0].partition("E")[0]  # only digits, sign, '.', '_'
            digits = len(mantissa) - sum(map(mantissa.count, "+-._"))
            if digits > MAX_DIGITS:  # also spares int() its own limit (4,300 digits: ValueError)
                raise YamlProblem("yaml.number_too_long", node.start_mark.line + self.offset, path,
                                  digits=digits, limit=MAX_DIGITS)
            value = int(text.replace("_", "")) if _INT.match(text) else float(text.replace("_", ""))
        if value is not text and value is not None:
            self.parsed.raw[path] = text
        return value


def _short(node: yaml.Node) -> str:
    return node.value if isinstance(node, yaml.ScalarNode) else node.id


def keep_text_where_schema_wants_it(parsed: Parsed, schema: dict[str, Any]) -> None:
    """Put back the typed text of plain scalars where the schema asks for a string."""
    for path, text in parsed.raw.items():
        sub = schema_at(schema, path)
        if sub is not None and _wants_only_text(sub):
            _assign(parsed.data, path, text)


def _wants_only_text(sub: dict[str, Any]) -> bool:
    kind = sub.get("type")
    return kind == "string" or kind == ["string"]


def _assign(data: Any, path: Path, value: Any) -> None:
    for step in path[:-1]:
        data = data[step]
    data[path[-1]] = value

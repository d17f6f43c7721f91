"""Files on disk → `Document`s (data, line map, story), or diagnostics.

Only reading happens here. Whatever is wrong with a file's bytes or YAML becomes a
`Diagnostic`; nothing raises past this module.
"""

from __future__ import annotations

import bisect
import math
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic, Severity
from ..text.orthography import house_style
from .bounds import story_excesses
from .hygiene import cleaned, first_of_each_kind, forbidden, is_blank
from .yamlread import Parsed, YamlProblem, parse

MAX_FILE_BYTES = 256 * 1024  # a story of a few thousand words is ~30 KB
REGISTRY_FILES = ("site.yml", "campaigns.yml", "units.yml", "outlets.yml", "groups.yml", "fields.yml")
STORY = ("story",)  # the field name messages give the Markdown after the front matter


@dataclass
class Document:
    """One file as read: its YAML data with the line of each value, and the Markdown after it."""

    path: Path
    rel: str  # posix path relative to the project root, as messages show it
    parsed: Parsed | None = None
    story: str = ""
    story_line: int = 1
    story_bounded: bool = True  # False: past a bound of `load.bounds`, so never rendered
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def data(self) -> Any:
        return self.parsed.data if self.parsed else None

    def line_of(self, path: tuple[str | int, ...]) -> int | None:
        return self.parsed.line_of(path) if self.parsed else None

    def problem(self, code: str, path: tuple[str | int, ...] = (), *,
                severity: Severity = Severity.ERROR, line: int | None = None,
                **params: Any) -> None:
        self.diagnostics.append(Diagnostic(
            self.rel, line if line is not None else self.line_of(path), dotted(path), code,
            params, severity))

    @property
    def ok(self) -> bool:
        return not any(d.severity is Severity.ERROR for d in self.diagnostics)


def dotted(path: tuple[str | int, ...]) -> str:
    out = ""
    for step in path:
        out += f"[{step + 1}]" if isinstance(step, int) else (f".{step}" if out else step)
    return out


def read_text(doc: Document) -> str | None:
    """The file's text, NFC, LF line ends, no BOM; None (with a diagnostic) if unusable."""
    raw = _read_bytes(doc)
    return None if raw is None else _text_of(doc, raw)


def _read_bytes(doc: Document) -> bytes | None:
    try:
        return doc.path.read_bytes()
    except OSError as exc:
        doc.problem("file.unreadable", reason=exc.strerror or type(exc).__name__)
        return None


def _text_of(doc: Document, raw: bytes) -> str | None:
    if len(raw) > MAX_FILE_BYTES:
        doc.problem("file.too_large", size=len(raw), limit=MAX_FILE_BYTES)
        return None
    if b"\x00" in raw:
        doc.problem("file.binary")
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        doc.problem("file.encoding", offset=exc.start)
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not unicodedata.is_normalized("NFC", text):
        doc.problem("text.nfd", severity=Severity.WARNING, line=1)
        text = unicodedata.normalize("NFC", text)
    # One style of tone marks and dashes on every page ("hóa", not "hoá"; " – ", not " - ").
    return house_style(text)


def read_exemplar(path: Path, root: Path) -> Document:
    doc = Document(path, path.relative_to(root).as_posix())
    text = read_text(doc)
    if text is None:
        return doc
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        doc.problem("file.no_front_matter", line=1)
        return doc
    closing = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if closing is None:
        doc.problem("file.unclosed_front_matter", line=1)
        return doc
    _parse_into(doc, "\n".join(lines[1:closing]), first_line=2)
    body = "\n".join(lines[closing + 1:])
    doc.story = body.strip("\n")
    # Line numbers in story messages count from the story's first non-blank line.
    doc.story_line = closing + 2 + (len(body) - len(body.lstrip("\n")))
    _check_story_text(doc)
    if doc.parsed is not None and not isinstance(doc.parsed.data, dict):
        doc.problem("yaml.not_mapping", line=2)
        doc.parsed = None
    return doc


def _check_story_text(doc: Document) -> None:
    """The story holds only text (tab and newline allowed) and asks for bounded work."""
    for found in first_of_each_kind(doc.story, tab=True):
        line = doc.story_line + doc.story.count("\n", 0, found.offset)
        doc.problem(f"text.{found.kind}", STORY, line=line, char=found.code_point)
    for excess in story_excesses(doc.story):
        doc.problem(excess.code, STORY, line=doc.story_line + excess.line, **excess.params)
        doc.story_bounded = False


# path → (its bytes, the document read from them): a preview reads the registries twice a build
# (the engine's frame, the check), a tenth of a rebuild at 1,000 exemplars for the same bytes.
_registries: dict[Path, tuple[bytes, Document]] = {}


def read_registry(path: Path, root: Path) -> Document:
    """A registry file read; each caller's own copy (the checks add their findings to it)."""
    doc = Document(path, path.relative_to(root).as_posix())
    raw = _read_bytes(doc)
    if raw is None:
        return doc
    known = _registries.get(path)
    if known is None or known[0] != raw or known[1].rel != doc.rel:
        text = _text_of(doc, raw)
        if text is not None:
            _parse_into(doc, text, first_line=1)
        known = _registries[path] = (raw, doc)
    return replace(known[1], diagnostics=list(known[1].diagnostics))


def _parse_into(doc: Document, text: str, first_line: int) -> None:
    """Parse the YAML of a clean text: a character no text may hold is reported at its line
    (and field, once parsed) and left out of what the parser reads; then every key and string
    the YAML makes (an escape such as "\\u202e" makes any character) is checked the same way."""
    try:
        doc.parsed = parse(cleaned(text), first_line)
    except YamlProblem as problem:
        doc.problem(problem.code, problem.path, line=problem.line, **problem.params)
    reported: set[tuple[str, tuple[str | int, ...]]] = set()  # the first of each kind per field

    def report(kind: str, path: tuple[str | int, ...], line: int | None, char: str) -> None:
        if (kind, path) not in reported:
            reported.add((kind, path))
            doc.problem(f"text.{kind}", path, line=line, char=char)

    field_at = _fields_by_line(doc.parsed)
    line, counted = first_line, 0
    for found in forbidden(text, tab=False):
        line += text.count("\n", counted, found.offset)
        counted = found.offset
        report(found.kind, field_at(line), line, found.code_point)
    if doc.parsed is None:
        return
    for path, value, is_key in strings(doc.parsed.data):
        for found in first_of_each_kind(value, tab=False):
            report(found.kind, path, None, found.code_point)
        if not is_key and is_blank(value):
            doc.problem("text.blank", path)


def _fields_by_line(parsed: Parsed | None) -> Callable[[int], tuple[str | int, ...]]:
    """line → the deepest value that starts at or above it: the field a raw character sits in."""
    starts = sorted((line, len(path), path) for path, line in (parsed.lines.items() if parsed else ()))
    keys = [(line, depth) for line, depth, _ in starts]

    def field_at(line: int) -> tuple[str | int, ...]:
        at = bisect.bisect_right(keys, (line, math.inf)) - 1
        return starts[at][2] if at >= 0 else ()
    return field_at


def strings(data: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str, bool]]:
    """Every string of the data with its path, and whether it is a key (the one walk of a file's
    text: its characters here, its private data in `validate.rules`)."""
    if isinstance(data, str):
        yield path, data, False
    elif isinstance(data, dict):
        for key, value in data.items():
            yield (*path, key), key, True
            yield from strings(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from strings(value, (*path, i))


def exemplar_paths(exemplars_dir: Path) -> list[Path]:
    """Every exemplar file, in a stable order: `exemplars/<unit>/<slug>.md` and strays."""
    return sorted(p for p in exemplars_dir.rglob("*.md")
                  if p.is_file() and p.name.lower() != "readme.md")

"""`dvk import-xlsx`: the Excel lists units keep (one row per model) → one draft exemplar per row.

The columns are the schema's (`schema.workbook`): a heading is matched with or without
diacritics, as the template writes it or as the field's dotted name. Every cell that cannot be
used is reported — sheet, row, column, what is wrong, how to fix — and nothing is dropped
silently: a column the template does not know is reported once, a row without a title is
reported and skipped. Cells are read as a Vietnamese list writes them (dates as Excel dates or
19/5/2024, numbers as 1.500 or 6,2, units and categories by code or by name). A row whose file
already exists (its title gives the same file name) is not written again, so importing the same
list twice duplicates nothing. Every file written is a draft (`draft: true`): checked, not
published until someone has read it.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from ..diagnostics import Diagnostic, Severity
from ..model import Registry
from ..schema.workbook import GUIDE, MAX_CRITERIA, STORY, Column, columns, headings
from ..text.slugs import slugify
from ..validate.suggest import suggest
from .issueform import iso_date, number
from .scaffold import NewExemplar, ScaffoldError, check_kind, check_unit, slug_for, target_path, write

HEADER_ROWS = 10  # a list may have a title above its headings: look this far for them
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SPLIT = re.compile(r"[,;\n]+")
REGISTRY_OF = {"categories": "categories", "fields": "fields", "groups": "groups",
               "campaign": "campaigns", "recognition.by_unit": "units"}


@dataclass
class Imported:
    """What an import did: files written, rows already imported, and every cell not used."""

    written: list[Path] = field(default_factory=list)
    existing: list[Path] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)


@cache
def _by_heading() -> dict[str, Column]:
    found: dict[str, Column] = {}
    for column in columns(MAX_CRITERIA):
        found.setdefault(slugify(column.header), column)
        found.setdefault(slugify(column.dotted), column)
    return found


def column_for(heading: str) -> Column | None:
    """The column a heading names, written with or without diacritics, in any case."""
    return _by_heading().get(slugify(heading))


def import_workbook(source: Path, exemplars_dir: Path, registry: Registry) -> Imported:
    done = Imported()
    shown = source.name
    try:
        workbook = load_workbook(source, read_only=True, data_only=True)
    except (OSError, InvalidFileException, zipfile.BadZipFile, KeyError, ValueError) as error:
        done.problems.append(Diagnostic(shown, None, "", "xlsx.unreadable", {"reason": _reason(error)}))
        return done
    try:
        for sheet in workbook.worksheets:
            if sheet.title != GUIDE:
                _import_sheet(shown, sheet.title, list(sheet.iter_rows(values_only=True)),
                              exemplars_dir, registry, done)
    finally:
        workbook.close()
    return done


def _reason(error: Exception) -> str:
    return str(error).strip() or type(error).__name__


def _import_sheet(shown: str, name: str, rows: list[tuple[Any, ...]], exemplars_dir: Path,
                  registry: Registry, done: Imported) -> None:
    where = f"{shown}[{name}]"
    found = _header(rows)
    if found is None:
        if any(any(_blank(v) is False for v in row) for row in rows):
            done.problems.append(Diagnostic(where, None, "", "xlsx.no_header",
                                            {"title": headings()[0]}, Severity.WARNING))
        return
    header_index, by_position = found
    for position, heading in enumerate(rows[header_index]):
        if position not in by_position and not _blank(heading):
            hint = suggest(str(heading), headings(), "tệp mẫu")
            done.problems.append(Diagnostic(where, header_index + 1, _letter(position, heading),
                                            "xlsx.unknown_column", {"heading": str(heading), "hint": hint}))
    for index in range(header_index + 1, len(rows)):
        row = rows[index]
        if all(_blank(v) for v in row):
            continue
        _import_row(where, index + 1, row, by_position, exemplars_dir, registry, done)


def _header(rows: list[tuple[Any, ...]]) -> tuple[int, dict[int, Column]] | None:
    """The first row (of the first few) whose cells name columns, and the column of each cell."""
    for index, row in enumerate(rows[:HEADER_ROWS]):
        named = {i: c for i, v in enumerate(row) if isinstance(v, str) and (c := column_for(v))}
        if any(c.dotted == "title" for c in named.values()):
            return index, named
    return None


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _letter(position: int, heading: Any) -> str:
    return f"{get_column_letter(position + 1)} ({heading})" if not _blank(heading) else get_column_letter(position + 1)


def _import_row(where: str, line: int, row: tuple[Any, ...], by_position: Mapping[int, Column],
                exemplars_dir: Path, registry: Registry, done: Imported) -> None:
    values: dict[str, Any] = {}
    problems: list[Diagnostic] = []
    for position, column in by_position.items():
        raw = row[position] if position < len(row) else None
        if _blank(raw):
            continue
        # A list of codes is read part by part: a wrong code is named, the others are kept.
        parts = [p.strip() for p in _SPLIT.split(_text(raw)) if p.strip()] if column.codes else [raw]
        read = []
        for part in parts:
            try:
                read.append(_read(column, part, registry))
            except _Unusable as bad:
                problems.append(Diagnostic(where, line, _letter(position, column.header), bad.code,
                                           {"value": _shown(part), **bad.params}))
        if read:
            _put(values, column.path, read if column.codes else read[0])
    done.problems.extend(problems)
    title, kind, unit = values.pop("title", None), values.pop("kind", None), values.pop("unit", None)
    missing = [name for name, v in (("title", title), ("kind", kind), ("unit", unit)) if v is None]
    if missing:
        if not any(p.line == line for p in problems):  # a bad cell already said why
            labels = {c.dotted: c.header for c in columns()}
            done.problems.append(Diagnostic(where, line, "", "xlsx.row_incomplete",
                                            {"missing": ", ".join(labels[m] for m in missing)}))
        return
    story = values.pop(STORY, "")
    if "criteria" in values:
        values["criteria"] = [c for c in values["criteria"] if c]
    values["draft"] = True
    new = NewExemplar(unit=unit, kind=kind, title=title, values=values, story=story)
    try:
        target_path(exemplars_dir, new)
    except ScaffoldError:
        existing = next((p for p in exemplars_dir.rglob(f"{slug_for(title)}.md")), None)
        done.existing.append(existing or exemplars_dir / unit / f"{slug_for(title)}.md")
        return
    done.written.append(write(exemplars_dir, new, registry))


class _Unusable(Exception):
    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code, self.params = code, params


def _read(column: Column, raw: Any, registry: Registry) -> Any:
    name = column.dotted
    if name == "kind":
        try:
            return check_kind(_text(raw))
        except ScaffoldError:
            raise _Unusable("xlsx.kind") from None
    if name == "unit":
        try:
            return check_unit(_text(raw), registry)
        except ScaffoldError:
            raise _Unusable("xlsx.unit", hint=suggest(slugify(_text(raw)), registry.units,
                                                      "exemplars/units.yml")) from None
    if column.kind == "date":
        return _date(raw)
    if column.kind in ("number", "integer"):
        return _number(raw, column.kind)
    if column.codes or name in REGISTRY_OF:
        return _code(name, _text(raw), registry)
    text = _text(raw)
    return text if name == STORY else " ".join(text.split())


def _text(raw: Any) -> str:
    if isinstance(raw, datetime | date):
        return _date(raw)
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw).strip()


def _date(raw: Any) -> str:
    if isinstance(raw, datetime):
        return raw.date().isoformat()
    if isinstance(raw, date):
        return raw.isoformat()
    text = iso_date(str(raw))
    if _ISO.match(text):
        try:
            date.fromisoformat(text)
            return text
        except ValueError:
            pass
    raise _Unusable("xlsx.date")


def _number(raw: Any, kind: str) -> int | float:
    if isinstance(raw, bool):
        raise _Unusable("xlsx.number")
    value = raw if isinstance(raw, int | float) else number(str(raw))
    if isinstance(value, str) or (kind == "integer" and not float(value).is_integer()):
        raise _Unusable("xlsx.number")
    return int(value) if kind == "integer" or float(value).is_integer() else value


def _code(name: str, written: str, registry: Registry) -> str:
    """A registry code for what was typed: the code itself, or the entry's name or title."""
    part = REGISTRY_OF.get(name)
    if part is None:
        return slugify(written)  # learned_from: exemplar file names
    entries: Mapping[str, Any] = getattr(registry, part)
    if written in entries:
        return written
    wanted = slugify(written)
    for entry in entries.values():
        names = (getattr(entry, key, None) for key in ("title", "short", "name", "short_name"))
        if wanted in {slugify(n) for n in names if n} or (
                getattr(entry, "short", None) and wanted == slugify(f"{entry.title}: {entry.short}")):
            return str(entry.id)
    raise _Unusable("xlsx.code", file=f"exemplars/{part}.yml" if part != "categories" else
                    "exemplars/campaigns.yml", hint=suggest(wanted, entries, f"exemplars/{part}.yml"))


def _put(values: dict[str, Any], path: tuple[str | int, ...], value: Any) -> None:
    here: Any = values
    for step, following in pairwise(path):
        if isinstance(step, int):
            while len(here) <= step:
                here.append({})
            here = here[step]
        else:
            here = here.setdefault(step, [] if isinstance(following, int) else {})
    here[path[-1]] = value


def _shown(raw: Any) -> str:
    text = _text(raw) if not isinstance(raw, datetime | date) else raw.isoformat()
    return text if len(text) <= 60 else text[:57] + "…"


def rendered(done: Imported, root: Path, lang: str) -> Iterator[str]:
    """The report, line by line: each file written, each row already imported, each problem."""
    said = {"vi": ("Đã tạo", "Đã có (nhập lần trước), không ghi lại"),
            "en": ("Created", "Already there (imported before), not written again")}[lang]
    for path in done.written:
        yield f"{said[0]} {path.relative_to(root).as_posix()}"
    for path in done.existing:
        yield f"{said[1]}: {path.relative_to(root).as_posix()}"
    for problem in done.problems:
        yield problem.render(lang)

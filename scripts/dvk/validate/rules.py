"""What can be known of one exemplar file alone: the schema, then the rules it cannot state —
dates that exist, periods and steps in order, the file's place, its photos, its story, and no
private data anywhere in the file."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Collection, Iterator
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import schema, urls
from ..diagnostics import Severity
from ..load import Document
from ..load.documents import STORY, strings
from ..media.inspect import problem_with
from ..media.photos import WIDTHS, Variant
from ..text.reading import read_story, read_text
from ..text.slugs import slugify
from ..text.story import story_findings
from .privacy import Finding, find_private_data
from .schema_errors import check_against_schema

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MIN_STORY_WORDS = 40
DATE_REF = "#/$defs/date"
# A technical floor, well before any campaign of the movement: zip files (the story kits) and
# the build's timestamps start in 1980. Whether a date falls in its campaign is a cross-file rule.
EARLIEST = date(1980, 1, 1)


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def check_dates(doc: Document, schema_name: str, today: date) -> None:
    """Every value the schema calls a date must exist, from 1980 on; past dates only, except
    period ends."""
    root = schema.load_schema(schema_name)
    for path, value in _values_with_ref(doc.data, root, root, (), DATE_REF):
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            continue  # the schema already reported the form
        try:
            day = date.fromisoformat(value)
        except ValueError:
            doc.problem("date.invalid", path, value=value)
            continue
        if day < EARLIEST:
            doc.problem("date.too_early", path, value=value, earliest=EARLIEST.isoformat())
        elif day > today and path[:1] != ("period",):
            doc.problem("date.future", path, value=value)


def _values_with_ref(data: Any, root: dict[str, Any], sub: dict[str, Any],
                     path: tuple[str | int, ...], ref: str) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    if sub.get("$ref") == ref:
        yield path, data
        return
    sub = schema.resolve(root, sub)
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
    elif urls.LIST_PAGE_NAME.fullmatch(slug):  # dien-hinh/<slug>/ would be a page of the list of all
        doc.problem("slug.reserved", line=1, value=doc.path.name)
    if doc.data is None:
        return
    check_against_schema(doc, schema.EXEMPLAR)
    check_dates(doc, schema.EXEMPLAR, today)
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
        mode: int | None = os.lstat(path).st_mode
    except FileNotFoundError:
        return "photo.missing"
    except OSError:
        mode = None  # let the long way below say what is wrong
    if mode is not None and not stat.S_ISLNK(mode):
        # Not a link: a name without a slash (`SAFE_FILE`) is in the folder itself, so there
        # is nothing to resolve (two resolves per photo were half the cost of this check).
        return None if stat.S_ISREG(mode) else "photo.not_file"
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
    stems: dict[str, str] = {}  # published stem, as a case-blind file system sees it → first file
    for i, photo in enumerate(as_list(doc.data.get("photos"))):
        name = photo.get("file") if isinstance(photo, dict) else None
        if not isinstance(name, str) or not SAFE_FILE.match(name):
            continue  # the schema reported the form (slashes, '..', absolute paths)
        # Variants are named by stem and width ('a.jpg' and 'a.png' → 'a-w640.webp' both).
        # The same file listed twice would publish its variants twice: refused the same way.
        stem = Path(name).stem
        other = stems.get(stem.casefold())
        stems.setdefault(stem.casefold(), name)
        if other == name:
            doc.problem("photo.listed_twice", ("photos", i, "file"), value=name)
            continue
        if other is not None:
            doc.problem("photo.same_name", ("photos", i, "file"), value=name, other=other,
                        published=Variant(WIDTHS[0], 0).file_name(name))
            continue
        code = own_file_problem(doc.path.parent, name)
        if code:
            doc.problem(code, ("photos", i, "file"), value=name)
        elif (found := problem_with(doc.path.parent / name)) is not None:
            doc.problem(found[0], ("photos", i, "file"), **found[1])
        else:
            good.add(name)
    return good


def check_story(doc: Document, photos: set[str]) -> None:
    """Say what the sanitiser will remove from the story, and check its images (a story past
    the bounds of `load.bounds` is never rendered: the load stage said why)."""
    if not doc.story_bounded:
        return
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


OFFICE_PHONE = ("contact", "phone")  # judged against the registry: `references.check_office_phone`


def check_privacy(doc: Document) -> None:
    """No file, of either kind, carries an identity number, a personal phone or a home address:
    not in any field, the story, a photo's file name or the file's own name (its address)."""
    for path, line, finding in private_data_in(doc):
        doc.problem(f"privacy.{finding.kind}", path, line=line, value=finding.text)


def private_data_in(doc: Document, allowed: Collection[str] = ()) -> Iterator[
        tuple[tuple[str | int, ...], int | None, Finding]]:
    """Each piece of private data a reader would see in `doc`: (field, line, finding)."""
    numbers = frozenset(allowed)
    for finding in _private_data_in_text(doc.path.name, numbers):
        yield (), 1, finding
    for path, text, is_key in strings(doc.data):
        if is_key or tuple(step for step in path if isinstance(step, str)) == OFFICE_PHONE:
            continue
        line = doc.line_of(path)
        for finding in _private_data_in_text(text, numbers):
            # A value over several lines (a block scalar): the line of the finding within it.
            yield path, line and line + text.count("\n", 0, finding.offset), finding
    if doc.story:
        # A story past a bound of `load.bounds` is refused and never rendered (rendering it is the
        # work the bound prevents): it is read as plain text instead.
        reading = read_story(doc.story) if doc.story_bounded else read_text(doc.story)
        for finding in find_private_data(reading, allowed):
            yield STORY, doc.story_line + doc.story.count("\n", 0, finding.offset), finding


# A field's text is read the same way in every file, and most are repeated from file to file
# (a unit, a campaign, a date): four in five of 10,000 files' field texts were read before.
@lru_cache(maxsize=8192)
def _private_data_in_text(text: str, allowed: frozenset[str]) -> tuple[Finding, ...]:
    return tuple(find_private_data(read_text(text), allowed))


def _real(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True



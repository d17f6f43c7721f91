"""Stages 1–2 at scale: each exemplar file is read and checked once per content, on every core.

A file's own checks depend only on its bytes, its path, today's date, the files beside it (its
photos) and our code. The cache key covers all of these, so a hit gives exactly what a fresh
check would. Cross-file rules are not cached: they run on every check, over every file.

The cache is data, never code: JSON (a pickle would run whatever a planted or committed file
told it to the moment `dvk check` starts). Each entry carries its key and the file it is of, and
is decoded field by field against the shape `_encode` writes: an entry that does not match the
file being checked, or is malformed in any way, is ignored and the file checked afresh. What
keeps a well-formed but forged entry out is that nobody else writes `.cache/`: `dvk check`
refuses a repository that tracks it (`load.tracked`), and CI restores only main's caches.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from ..collector import paused
from ..diagnostics import CATALOGUE, Diagnostic, Severity
from ..load import MAX_FILE_BYTES, Document, Parsed, read_exemplar
from ..progress import Progress
from .rules import check_exemplar

CACHE_FILE = Path(".cache") / "dvk" / "checked.json"
FORMAT = 2  # bump when the shape of an entry or of the file changes
# The file: a line {"format": FORMAT}, then an entry a line, its key first. A check after one
# edit decodes only the entries it asks for and writes every other line back as it was read:
# decoding and encoding the whole store (40 MB at 10,000 files) took a preview rebuild seconds.
_ENTRY_START = '{"key":"'
_KEY = slice(len(_ENTRY_START), len(_ENTRY_START) + 64)  # a sha256 in hexadecimal
PARALLEL_FROM = 300  # below this, starting worker processes costs more than it saves
# Files a worker takes at a time: a fraction of a second of work, so that when one worker has
# finished, the other is never left with seconds to go (an eighth of each worker's share was).
CHUNK = 64
PACKAGE = Path(__file__).resolve().parents[1]  # the whole dvk package: its code and schemas
T = TypeVar("T")


@cache
def code_version() -> str:
    """Changes whenever our code or schemas change, so no stale result survives an upgrade."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in (".py", ".json", ".j2") and path.is_file():
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


# (project, key) → the file as checked on its own, in this process: a preview checks again
# after every edit, and decoding 10,000 entries of the store took seconds each time. Trusted
# only while the store is the file this process last read or wrote (`file_stamp`).
_checked: dict[tuple[Path, str], Document] = {}
_stamps: dict[Path, tuple[int, int, int] | None] = {}
_entries: dict[Path, int] = {}  # the lines of entries in the store as this process last left it


def file_stamp(path: Path) -> tuple[int, int, int] | None:
    """A file as a process last saw it: replaced, grown or touched since, it differs."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_ino, stat.st_size, stat.st_mtime_ns


def checked_documents(root: Path, paths: list[Path], today: date, *, remember: bool = True) -> list[Document]:
    """Every file read and checked on its own (no cross-file rules), in the order given.
    `remember=False` neither reads nor writes the cache (a repository that tracks it). Each
    document is the caller's own: the cross-file rules add their findings to it."""
    folders: dict[Path, str] = {}
    rels = [path.relative_to(root).as_posix() for path in paths]
    keys = [_key(path, rel, today, folders) for path, rel in zip(paths, rels, strict=True)]
    keyed = [(i, key) for i, key in enumerate(keys) if key]
    # The store as this process last left it holds what `_checked` holds (and entries of files
    # since edited): it is not read again, and what is new is added at its end. It is written
    # whole again once it holds as many such stale entries as live ones.
    trusted = (remember and _stamps.get(root, ()) == file_stamp(root / CACHE_FILE)
               and _entries.get(root, 0) <= 2 * len(keyed))
    docs: list[Document | None] = [_checked.get((root, key)) if key and trusted else None for key in keys]
    store: dict[str, str] | None = None
    if remember and not trusted:
        with paused():
            store = _load(root / CACHE_FILE)
            docs = [_decode(store.get(key), key, path, rel) if key else None
                    for key, path, rel in zip(keys, paths, rels, strict=True)]
    missing = [i for i, doc in enumerate(docs) if doc is None]
    # A file checked afresh comes back with its entry's line when there is a store to write it
    # to: encoding 10,000 entries is a second of the parent's own work, which the workers share.
    fresh: dict[int, str | None] = {}
    for i, (doc, line) in zip(missing, _check_all([(paths[i], root, today, keys[i] if remember else None)
                                                   for i in missing]), strict=True):
        docs[i] = doc
        fresh[i] = line
    if not remember:
        return _copies(docs)
    if store is None:
        _append(root / CACHE_FILE, [line for i in missing if keys[i] and (line := fresh[i]) is not None])
        _entries[root] += sum(1 for i in missing if keys[i] and fresh[i] is not None)
    elif missing or len(keyed) != len(store):
        kept = store  # hits are written back as read: they were verified on the way in
        _save(root / CACHE_FILE, lambda: [_written(fresh[i]) if i in fresh else kept[key] for i, key in keyed])
        _entries[root] = len(keyed)
    else:
        _entries[root] = len(store)
    _checked.clear()
    _checked.update(((root, key), docs[i]) for i, key in keyed)
    _stamps.clear()
    _stamps[root] = file_stamp(root / CACHE_FILE)
    return _copies(docs)


def _copies(docs: list[Document | None]) -> list[Document]:
    return [replace(doc, diagnostics=list(doc.diagnostics)) for doc in docs if doc is not None]


def _check_one(job: tuple[Path, Path, date]) -> Document:
    path, root, today = job
    doc = read_exemplar(path, root)
    check_exemplar(doc, today)
    return doc


Job = tuple[Path, Path, date, str | None]  # a file, its project, today, the key of its entry to encode


def _check_and_encode(job: Job) -> tuple[Document, str | None]:
    """The file checked, and its entry's line if it has a key (None also where JSON cannot hold
    a value: `_written` then keeps the store from being written, as encoding it there would)."""
    path, root, today, key = job
    doc = _check_one((path, root, today))
    if key is None:
        return doc, None
    try:
        return doc, _line(_encode(doc, key))
    except (TypeError, ValueError):
        return doc, None


def _written(line: str | None) -> str:
    if line is None:
        raise ValueError("an entry JSON cannot hold")
    return line


def _check_all(jobs: list[Job]) -> list[tuple[Document, str | None]]:
    workers = os.cpu_count() or 1
    if len(jobs) < PARALLEL_FROM or workers == 1:
        return _counted(map(_check_and_encode, jobs), len(jobs))
    # A worker checks thousands of files with the collector on, as any process does (a fork
    # inherits the parent's paused collector).
    with ProcessPoolExecutor(max_workers=workers, initializer=gc.enable) as pool:
        return _counted(pool.map(_check_and_encode, jobs, chunksize=CHUNK), len(jobs))


def _counted(docs: Iterable[T], total: int) -> list[T]:
    progress = Progress("Đọc tệp điển hình", total)
    done = []
    for doc in docs:
        done.append(doc)
        progress.step()
    return done


def _key(path: Path, rel: str, today: date, folders: dict[Path, str]) -> str | None:
    try:
        info = path.stat()
        if info.st_size > MAX_FILE_BYTES:
            return None  # let the checker say so; no point hashing a huge file
        folder = path.parent
        if folder not in folders:
            # Its digest, once per folder: a folder of photos is tens of kilobytes of signature,
            # which every file's key hashed again (most of the keys' time at 10,000 files).
            folders[folder] = hashlib.sha256(_folder_signature(folder).encode()).hexdigest()
        # A preview asks again after every edit: a file whose size and times are as they were
        # is not read and hashed again (the test make and MkDocs use, to the nanosecond).
        seen = (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns, rel, today, folders[folder])
        known = _keys.get(path)
        if known is not None and known[0] == seen:
            return known[1]
        content = path.read_bytes()
    except OSError:
        return None
    digest = hashlib.sha256(content)
    for part in (rel, today.isoformat(), folders[folder], code_version()):
        digest.update(b"\0" + part.encode())
    _keys[path] = (seen, digest.hexdigest())
    return _keys[path][1]


_keys: dict[Path, tuple[tuple[Any, ...], str]] = {}  # a file → what it was when hashed, its key


def _folder_signature(folder: Path) -> str:
    """The photos and other files beside the exemplars: names, sizes, times, link targets."""
    entries = []
    with os.scandir(folder) as scan:
        for entry in scan:
            if not entry.name.endswith(".md"):
                stat = entry.stat(follow_symlinks=False)
                link = os.readlink(entry.path) if entry.is_symlink() else ""
                entries.append(f"{entry.name}:{stat.st_size}:{stat.st_mtime_ns}:{link}")
    return "|".join(sorted(entries))


# --- the file: one JSON list of entries -------------------------------------------------------

def _encode(doc: Document, key: str) -> dict[str, Any]:
    """An entry: everything a `Document` is, the tuple paths of its maps written as lists."""
    parsed = doc.parsed
    return {
        "key": key, "rel": doc.rel, "story": doc.story, "story_line": doc.story_line,
        "story_bounded": doc.story_bounded,
        "parsed": None if parsed is None else {
            "data": parsed.data,
            "lines": [[line, *path] for path, line in parsed.lines.items()],
            "raw": [[text, *path] for path, text in parsed.raw.items()]},
        "diagnostics": [[d.path, d.line, d.field, d.code, d.params, d.severity.value]
                        for d in doc.diagnostics],
    }


def _line(entry: dict[str, Any]) -> str:
    # Compact JSON holds no line break: one in a text is written as \n.
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":"))


def _decode(line: str | None, key: str, path: Path, rel: str) -> Document | None:
    """The `Document` an entry's line stands for, or None unless it is exactly of this file and key."""
    if line is None:
        return None
    try:
        entry = json.loads(line)
        if entry["key"] != key or entry["rel"] != rel:
            return None
        story, story_line, bounded = entry["story"], entry["story_line"], entry["story_bounded"]
        if not isinstance(story, str) or type(story_line) is not int or type(bounded) is not bool:
            return None
        doc = Document(path, rel, _decode_parsed(entry["parsed"]), story=story, story_line=story_line,
                       story_bounded=bounded,
                       diagnostics=[_decode_diagnostic(item, rel) for item in entry["diagnostics"]])
    except (KeyError, TypeError, ValueError, IndexError, AttributeError):
        return None
    return doc


def _decode_parsed(value: Any) -> Parsed | None:
    if value is None:
        return None
    data = value["data"]
    if not isinstance(data, dict):  # an exemplar's front matter is a mapping, or not parsed at all
        raise ValueError("front matter is not a mapping")
    # A path is a tuple of keys and indexes (a step of another type only never matches a lookup).
    lines = {tuple(item[1:]): item[0] for item in value["lines"]}
    raw = {tuple(item[1:]): item[0] for item in value["raw"]}
    if not all(type(line) is int for line in lines.values()) or not all(
            isinstance(text, str) for text in raw.values()):
        raise TypeError("a line is a number, a typed scalar text")
    return Parsed(data, lines, raw)


def _decode_diagnostic(item: Any, rel: str) -> Diagnostic:
    where, line, dotted_field, code, params, severity = item
    if where != rel or (line is not None and type(line) is not int) or code not in CATALOGUE:
        raise ValueError("not a diagnostic of this file")
    if not isinstance(params, dict):
        raise TypeError("params")
    diagnostic = Diagnostic(rel, line, _str(dotted_field), code, params, Severity(severity))
    for lang in ("vi", "en"):  # a message that cannot be worded would fail later, as a traceback
        diagnostic.what_and_fix(lang)
    return diagnostic


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("not text")
    return value


def _load(path: Path) -> dict[str, str]:
    """key → its entry's line, undecoded: only the entries a check asks for are decoded (and
    verified, `_decode`: a line whose key is not the one it begins with is not believed)."""
    try:
        head, *lines = path.read_bytes().decode("utf-8").split("\n")
        if json.loads(head) != {"format": FORMAT}:
            return {}
    except (OSError, ValueError):  # missing, not text, another version: start afresh
        return {}
    return {line[_KEY]: line for line in lines if line.startswith(_ENTRY_START)}


def _append(path: Path, lines: list[str]) -> None:
    """`lines` added to the store this process wrote last. A line cut short (the process
    stopped) is not believed when read (`_decode`), and its file is checked afresh."""
    if lines:
        try:
            with path.open("a", encoding="utf-8") as store:
                store.write("".join("\n" + line for line in lines))
        except OSError:
            pass


def _save(path: Path, lines: Callable[[], list[str]]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        partial.write_text("\n".join([json.dumps({"format": FORMAT}), *lines()]), encoding="utf-8")
        os.replace(partial, path)
    except (OSError, TypeError, ValueError):
        pass  # a read-only checkout (or a value JSON cannot hold) still checks; it just does not remember

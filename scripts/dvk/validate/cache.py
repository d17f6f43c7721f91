"""Stages 1–2 at scale: each exemplar file is read and checked once per content, on every core.

A file's own checks depend only on its bytes, its path, today's date, the files beside it (its
photos) and our code. The cache key covers all of these, so a hit gives exactly what a fresh
check would. Cross-file rules are not cached: they run on every check, over every file.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from functools import cache
from pathlib import Path

from ..load import MAX_FILE_BYTES, Document, read_exemplar
from ..progress import Progress
from .rules import check_exemplar

CACHE_FILE = Path(".cache") / "dvk" / "checked.pickle"
PARALLEL_FROM = 300  # below this, starting worker processes costs more than it saves
PACKAGE = Path(__file__).resolve().parents[1]  # the whole dvk package: its code and schemas


@cache
def code_version() -> str:
    """Changes whenever our code or schemas change, so no stale result survives an upgrade."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in (".py", ".json", ".j2") and path.is_file():
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def checked_documents(root: Path, paths: list[Path], today: date) -> list[Document]:
    """Every file read and checked on its own (no cross-file rules), in the order given."""
    store = _load(root / CACHE_FILE)
    folders: dict[Path, str] = {}
    keys = [_key(root, path, today, folders) for path in paths]
    docs: list[Document | None] = [store.get(key) if key else None for key in keys]
    missing = [i for i, doc in enumerate(docs) if doc is None]
    for i, doc in zip(missing, _check_all([paths[i] for i in missing], root, today), strict=True):
        docs[i] = doc
    fresh = {key: doc for key, doc in zip(keys, docs, strict=True) if key}
    if missing or len(fresh) != len(store):
        _save(root / CACHE_FILE, fresh)
    return [doc for doc in docs if doc is not None]


def _check_one(job: tuple[Path, Path, date]) -> Document:
    path, root, today = job
    doc = read_exemplar(path, root)
    check_exemplar(doc, today)
    return doc


def _check_all(paths: list[Path], root: Path, today: date) -> list[Document]:
    jobs = [(path, root, today) for path in paths]
    workers = os.cpu_count() or 1
    if len(jobs) < PARALLEL_FROM or workers == 1:
        return _counted(map(_check_one, jobs), len(jobs))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return _counted(pool.map(_check_one, jobs, chunksize=max(16, len(jobs) // (workers * 8))), len(jobs))


def _counted(docs: Iterable[Document], total: int) -> list[Document]:
    progress = Progress("Đọc tệp điển hình", total)
    done = []
    for doc in docs:
        done.append(doc)
        progress.step()
    return done


def _key(root: Path, path: Path, today: date, folders: dict[Path, str]) -> str | None:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None  # let the checker say so; no point hashing a huge file
        content = path.read_bytes()
    except OSError:
        return None
    folder = path.parent
    if folder not in folders:
        folders[folder] = _folder_signature(folder)
    digest = hashlib.sha256(content)
    for part in (path.relative_to(root).as_posix(), today.isoformat(), folders[folder], code_version()):
        digest.update(b"\0" + part.encode())
    return digest.hexdigest()


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


def _load(path: Path) -> dict[str, Document]:
    try:
        with path.open("rb") as handle:
            store = pickle.load(handle)
    except Exception:  # missing, truncated or from another version: start afresh
        return {}
    return store if isinstance(store, dict) else {}


def _save(path: Path, store: dict[str, Document]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        with partial.open("wb") as handle:
            pickle.dump(store, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, path)
    except OSError:
        pass  # a read-only checkout still checks; it just does not remember

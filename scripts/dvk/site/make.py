"""Stage 5, made files: photo variants and social cards, made once per content and settings, then cached.

`pages.generate` describes such files as `Asset`s whose source is a `PhotoFile` or a `Card`.
`make` turns them into plain assets whose source is a file in the cache, processing only what
the cache lacks, spread over every core. A warm build processes nothing.

Cache layout (in the project, gitignored): `.cache/photos/<key>/<width>.<webp|jpg>` and
`.cache/cards/<key>/og.jpg`; `key` hashes the input's bytes and every setting that changes the
output. A folder appears whole or not at all (written aside, then renamed), so an interrupted
build leaves no half-made entry behind.

A cached file is published as it is, so nothing in the cache is taken on trust: an entry is used
only if every folder from `.cache` down is a real folder (no symlink), each file it holds is a
regular file, and the entry's `manifest.json`, written when it was made, names its key and the
sha256 of each file, which the files still match. Anything else (a committed folder whose
`og.jpg` links to /etc/passwd, a truncated or replaced variant) is removed and made again.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..caching import make_all, real_folders
from ..media import cards, photos
from ..pages import Asset, SiteFile


@dataclass
class Tally:
    photos_processed: int = 0
    photos_cached: int = 0
    cards_drawn: int = 0
    cards_cached: int = 0

    def line(self, lang: str = "vi") -> str:
        if lang == "vi":
            return (f"Ảnh: {self.photos_processed} xử lý mới, {self.photos_cached} lấy từ bộ nhớ đệm; "
                    f"thẻ chia sẻ: {self.cards_drawn} vẽ mới, {self.cards_cached} lấy từ bộ nhớ đệm.")
        return (f"Photos: {self.photos_processed} processed, {self.photos_cached} cached; "
                f"social cards: {self.cards_drawn} drawn, {self.cards_cached} cached.")


MANIFEST = "manifest.json"  # {"key": …, "files": {name: sha256}} of one entry


@dataclass(frozen=True)
class _Job:
    kind: str  # "photos" | "cards", in the order they are made
    key: str
    make: Callable[[Path], None]  # writes the job's files into the folder it is given
    names: tuple[str, ...]  # the files the entry must hold
    needs: _Job | None = None  # an entry of an earlier kind it is made from (a card's photo)

    def folder(self, cache: Path) -> Path:
        return cache / self.kind / self.key


def make(files: Iterable[SiteFile], cache: Path, workers: int | None = None,
         again: bool = False) -> tuple[list[SiteFile], Tally]:
    """`files` with every made asset's source pointing into the cache, and what it took.
    `again`: this process makes the site again (a preview), and keeps what this build found
    for the next (`_Last`)."""
    global _last
    files = list(files)
    last = _last if again and _last.cache == cache else _Last(cache)
    now = _Last(cache)
    jobs: dict[tuple[str, str], _Job] = {}
    resolved: list[SiteFile] = []

    folders: dict[tuple[str, str], Path] = {}  # a photo's entry holds all its variants
    per_photo: dict[Path, tuple[_Job, Mapping[str, str]]] = {}

    def photo_job(source: Path) -> tuple[_Job, Mapping[str, str]]:
        if source not in per_photo:
            per_photo[source] = _photo_job(source)
        return per_photo[source]

    def cached(source: photos.PhotoFile | cards.Card) -> tuple[Path, tuple[str, str]]:
        if isinstance(source, photos.PhotoFile):
            job, names = photo_job(source.source)
            name = names[source.name]
        else:
            photo = photo_job(source.photo)[0] if source.photo else None
            job, name = _card_job(source, photo, cache), cards.FILE_NAME
        found = (job.kind, job.key)
        if found not in folders:
            folders[found] = job.folder(cache)
            add(job)
        return folders[found] / name, found

    def add(job: _Job) -> None:
        jobs[(job.kind, job.key)] = job
        if job.needs is not None:
            jobs.setdefault((job.needs.kind, job.needs.key), job.needs)

    for item in files:
        if not isinstance(item, Asset) or item.source is None or isinstance(item.source, Path):
            resolved.append(item)
            continue
        known = last.assets.get(id(item))
        if known is not None and known[0] is item:
            made, found = known[1], known[2]
            if found not in jobs:
                add(last.jobs[found])
        else:
            path, found = cached(item.source)
            made = replace(item, source=path)
        now.assets[id(item)] = (item, made, found)
        resolved.append(made)
    for kind in {job.kind for job in jobs.values()}:
        real_folders(cache, kind)
    missing = [job for found, job in jobs.items() if found not in last.intact and not _intact(job, cache)]
    _run(missing, cache, workers)
    photo_jobs = sum(1 for job in jobs.values() if job.kind == "photos")
    photos_made = sum(1 for job in missing if job.kind == "photos")
    tally = Tally(photos_made, photo_jobs - photos_made, len(missing) - photos_made,
                  len(jobs) - photo_jobs - (len(missing) - photos_made))
    if again:
        now.jobs, now.intact = jobs, set(jobs)
    _last = now if again else _Last(Path())
    return resolved, tally


@dataclass
class _Last:
    """What a preview's last build made of each asset it was handed (by the asset's identity: a
    preview's pages hand on the very same objects for what did not change), and the entries it
    found or made intact. The next build takes these as they are, without asking the cache
    again: 40,000 assets' jobs and entries took a second of each rebuild at 10,000 exemplars.
    Only a preview trusts them: what it serves is never published, and `dvk build` checks every
    entry afresh."""

    cache: Path
    assets: dict[int, tuple[Asset, Asset, tuple[str, str]]] = field(default_factory=dict)
    jobs: dict[tuple[str, str], _Job] = field(default_factory=dict)
    intact: set[tuple[str, str]] = field(default_factory=set)


_last = _Last(Path())


def _photo_job(source: Path) -> tuple[_Job, Mapping[str, str]]:
    """The entry of one photo (all its variants), and each variant's published name → its name there."""
    names = photos.cache_files(source)
    return _Job("photos", photos.cache_key(source), _PhotoMaker(source), tuple(sorted(set(names.values())))), names


def _card_job(card: cards.Card, photo: _Job | None, cache: Path) -> _Job:
    """A card's entry; one with a photo is drawn from the photo's entry, made before it."""
    published = None if photo is None or card.photo is None else (
        photo.folder(cache) / photos.rendition(card.photo).largest.cache_name)
    return _Job("cards", cards.cache_key(card), _CardMaker(card, published), (cards.FILE_NAME,), photo)


# --- trusting an entry ---------------------------------------------------------------------

_verified: dict[Path, tuple[Any, ...]] = {}  # entry → what its files were (lstat) when last hashed


def _intact(job: _Job, cache: Path) -> bool:
    """Whether the entry is exactly what `_make_one` wrote for this key; if not, it is removed."""
    folder = job.folder(cache)
    try:
        mode = folder.lstat().st_mode
    except OSError:
        return False
    if stat.S_ISDIR(mode) and _verify(folder, job):
        return True
    _remove(folder)
    return False


def _verify(folder: Path, job: _Job) -> bool:
    try:
        seen = tuple((name, *_regular(folder / name)) for name in (MANIFEST, *job.names))
        if _verified.get(folder) == seen:
            return True  # hashed before in this process, and no file changed since
        manifest = json.loads((folder / MANIFEST).read_bytes())
        if manifest["key"] != job.key or any(_sha256(folder / name) != manifest["files"][name]
                                             for name in job.names):
            return False
    except (OSError, ValueError, KeyError, TypeError):
        return False
    _verified[folder] = seen
    return True


def _regular(path: Path) -> tuple[int, int, int]:
    """A regular file's identity (not a link, not a folder) or an OSError."""
    info = path.lstat()
    if not stat.S_ISREG(info.st_mode):
        raise OSError(f"{path} is not a regular file")
    return info.st_ino, info.st_size, info.st_mtime_ns


def _sha256(path: Path) -> str:
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def _remove(folder: Path) -> None:
    _verified.pop(folder, None)
    if folder.is_symlink() or folder.is_file():
        folder.unlink()
    elif folder.exists():
        shutil.rmtree(folder)  # removes links inside, never what they point to


@dataclass(frozen=True)
class _PhotoMaker:
    source: Path

    def __call__(self, folder: Path) -> None:
        photos.render(self.source, folder)


@dataclass(frozen=True)
class _CardMaker:
    card: cards.Card
    published: Path | None  # the photo's variant the card shows

    def __call__(self, folder: Path) -> None:
        cards.draw(self.card, folder / cards.FILE_NAME, self.published)


def _run(jobs: list[_Job], cache: Path, workers: int | None) -> None:
    # Photos first: a card is drawn from its photo's entry. Photos are few and heavy, cards many
    # and light: chunks of a few keep both cores busy.
    for kind in ("photos", "cards"):
        make_all(_make_one, [(job.make, job.folder(cache), job.key) for job in jobs if job.kind == kind],
                 workers, chunksize=4)


def _make_one(make: Callable[[Path], None], folder: Path, key: str) -> None:
    folder.parent.mkdir(parents=True, exist_ok=True)
    aside = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        make(aside)
        files = {path.name: _sha256(path) for path in sorted(aside.iterdir())}
        (aside / MANIFEST).write_text(json.dumps({"key": key, "files": files}, indent=1), encoding="utf-8")
        aside.rename(folder)
    except OSError:
        if not folder.is_dir():  # another build made the same entry meanwhile: theirs is as good
            raise
    finally:
        shutil.rmtree(aside, ignore_errors=True)

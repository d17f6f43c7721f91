"""Stage 5, made files: photo variants and social cards, made once per content and settings, then cached.

`pages.generate` describes such files as `Asset`s whose source is a `PhotoFile` or a `Card`;
a story kit is a `Kit` zipped from the variants once they exist.
`make` turns them into plain assets whose source is a file in the cache, processing only what
the cache lacks, spread over every core. A warm build processes nothing.

Cache layout (in the project, gitignored): `.cache/photos/<key>/<width>.<webp|jpg>` and
`.cache/cards/<key>/og.png`; `key` hashes the input's bytes and every setting that changes the
output. A folder appears whole or not at all (written aside, then renamed), so an interrupted
build leaves no half-made entry behind.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from ..media import cards, photos
from ..media.kit import Kit
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


@dataclass(frozen=True)
class _Job:
    kind: str  # "photos" | "cards"
    key: str
    make: Callable[[Path], None]  # writes the job's files into the folder it is given

    def folder(self, cache: Path) -> Path:
        return cache / self.kind / self.key


def make(files: Iterable[SiteFile], cache: Path, workers: int | None = None) -> tuple[list[SiteFile], Tally]:
    """`files` with every made asset's source pointing into the cache, and what it took."""
    files = list(files)
    jobs: dict[tuple[str, str], _Job] = {}
    resolved: list[SiteFile] = []
    kits: list[int] = []  # zipped last, from the variants they carry

    def cached(source: photos.PhotoFile | cards.Card) -> Path:
        job, name = _job_for(source)
        jobs.setdefault((job.kind, job.key), job)
        return job.folder(cache) / name

    for item in files:
        if not isinstance(item, Asset) or item.source is None or isinstance(item.source, Path):
            resolved.append(item)
        elif isinstance(item.source, Kit):
            for _, photo in item.source.photos:
                cached(photo)
            kits.append(len(resolved))
            resolved.append(item)
        else:
            resolved.append(replace(item, source=cached(item.source)))
    missing = [job for job in jobs.values() if not job.folder(cache).is_dir()]
    _run(missing, cache, workers)
    for i in kits:
        kit = resolved[i]
        resolved[i] = replace(kit, source=None, data=kit.source.zip(cached))
    photo_jobs = sum(1 for job in jobs.values() if job.kind == "photos")
    photos_made = sum(1 for job in missing if job.kind == "photos")
    tally = Tally(photos_made, photo_jobs - photos_made, len(missing) - photos_made,
                  len(jobs) - photo_jobs - (len(missing) - photos_made))
    return resolved, tally


def _job_for(source: photos.PhotoFile | cards.Card) -> tuple[_Job, str]:
    if isinstance(source, photos.PhotoFile):
        return (_Job("photos", photos.cache_key(source.source), _PhotoMaker(source.source)),
                photos.cache_files(source.source)[source.name])
    return _Job("cards", cards.cache_key(source), _CardMaker(source)), cards.FILE_NAME


@dataclass(frozen=True)
class _PhotoMaker:
    source: Path

    def __call__(self, folder: Path) -> None:
        photos.render(self.source, folder)


@dataclass(frozen=True)
class _CardMaker:
    card: cards.Card

    def __call__(self, folder: Path) -> None:
        cards.draw(self.card, folder / cards.FILE_NAME)


def _run(jobs: list[_Job], cache: Path, workers: int | None) -> None:
    if not jobs:
        return
    workers = min(workers or os.cpu_count() or 1, len(jobs))
    tasks = [(job.make, job.folder(cache)) for job in jobs]
    if workers == 1:
        for task in tasks:
            _make_one(*task)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        # Photos are few and heavy, cards many and light: chunks of a few keep both cores busy.
        for _ in pool.map(_make_one, *zip(*tasks, strict=True), chunksize=4):
            pass


def _make_one(make: Callable[[Path], None], folder: Path) -> None:
    folder.parent.mkdir(parents=True, exist_ok=True)
    aside = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        make(aside)
        aside.rename(folder)
    except OSError:
        if not folder.is_dir():  # another build made the same entry meanwhile: theirs is as good
            raise
    finally:
        shutil.rmtree(aside, ignore_errors=True)

"""What the caches of made files share (photo variants and social cards in `site/make.py`,
precompressed copies in `hosting/compress.py`): the folders they write into are real folders,
and the entries they lack are made on every core.

A leaf, so both stages use one way of doing each, and a fix to one (a link in the way, a pool
too large for the work) reaches both.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any


def real_folders(cache: Path, *parts: str) -> Path:
    """cache/parts…, each a real folder: a link (or a file) in the way is removed — the link
    itself, never what it points to — so nothing is written or read through it."""
    folders = [cache]
    for part in parts:
        folders.append(folders[-1] / part)
    for folder in folders:
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            folder.unlink()
        folder.mkdir(exist_ok=True)
    return folders[-1]


def make_all(make: Callable[..., None], jobs: Sequence[tuple[Any, ...]], workers: int | None,
             chunksize: int) -> None:
    """`make(*job)` for every job, on `workers` processes (every core by default, never more than
    there are jobs); in this process when one is enough, as starting a pool costs more than a
    single job. `make` and the jobs' values must pickle (a module-level function, plain values)."""
    workers = min(workers or os.cpu_count() or 1, len(jobs))
    if workers <= 1:
        for job in jobs:
            make(*job)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for _ in pool.map(make, *zip(*jobs, strict=True), chunksize=chunksize):
            pass

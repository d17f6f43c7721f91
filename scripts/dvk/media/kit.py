"""A story kit: one exemplar's reading copy, record and photos in a deterministic zip."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .photos import PhotoFile

# What a zip entry's timestamp can hold (MS-DOS time); the checker refuses dates before 1980,
# and the writer holds any date it is given to the range rather than fail.
ZIP_EARLIEST, ZIP_LATEST = date(1980, 1, 1), date(2107, 12, 31)


@dataclass(frozen=True)
class Kit:
    """A story kit, zipped by `media.make` once its photos' variants exist: the kit carries the
    largest published JPEG of each photo, never the original with the phone's metadata."""

    folder: str
    day: date
    texts: tuple[tuple[str, bytes], ...]
    photos: tuple[tuple[str, PhotoFile], ...]

    def zip(self, file_of: Callable[[PhotoFile], Path]) -> bytes:
        """A deterministic zip: sorted entries, the recognition date as every entry's timestamp."""
        entries = {name: (data, zipfile.ZIP_DEFLATED) for name, data in self.texts}
        for name, photo in self.photos:  # already compressed: stored as they are
            entries[name] = (file_of(photo).read_bytes(), zipfile.ZIP_STORED)
        day = min(max(self.day, ZIP_EARLIEST), ZIP_LATEST)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as kit:
            for name in sorted(entries):
                data, method = entries[name]
                info = zipfile.ZipInfo(f"{self.folder}/{name}",
                                       date_time=(day.year, day.month, day.day, 0, 0, 0))
                info.compress_type = method
                info.create_system = 3  # otherwise it depends on the OS that builds
                info.external_attr = 0o644 << 16
                kit.writestr(info, data, compresslevel=9 if method == zipfile.ZIP_DEFLATED else None)
        return out.getvalue()

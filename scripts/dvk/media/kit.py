"""A story kit: one exemplar's reading copy and record in a deterministic zip."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import date

# What a zip entry's timestamp can hold (MS-DOS time); the checker refuses dates before 1980,
# and the writer holds any date it is given to the range rather than fail.
ZIP_EARLIEST, ZIP_LATEST = date(1980, 1, 1), date(2107, 12, 31)


@dataclass(frozen=True)
class Kit:
    """A story kit. It carries no photo: each is published beside the exemplar's page, and the
    reading copy names its address and credit, so the site stores every photo once (a kit that
    repeated them doubled an exemplar's bytes) and never the original with the phone's metadata."""

    folder: str
    day: date
    texts: tuple[tuple[str, bytes], ...]

    def zip(self) -> bytes:
        """A deterministic zip: sorted entries, the recognition date as every entry's timestamp."""
        day = min(max(self.day, ZIP_EARLIEST), ZIP_LATEST)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as kit:
            for name, data in sorted(self.texts):
                info = zipfile.ZipInfo(f"{self.folder}/{name}",
                                       date_time=(day.year, day.month, day.day, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 3  # otherwise it depends on the OS that builds
                info.external_attr = 0o644 << 16
                kit.writestr(info, data, compresslevel=9)
        return out.getvalue()

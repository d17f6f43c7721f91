"""Photo benchmark: photos per second on a cold cache, and photos processed on a warm one.

    PYTHONPATH=scripts python -m bench.photos [--photos N] [--workers N]

Makes N phone-like JPEGs (4032×3024, EXIF Orientation and GPS, as a phone writes them) in a
temporary folder, then runs `media.make` twice over their variants: once with an empty cache,
once again. `make bench` can call `run()` and print its figures.
"""

from __future__ import annotations

import argparse
import io
import random
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw

from dvk.media import photos
from dvk.pages import Asset
from dvk.site import make as media


@dataclass(frozen=True)
class Figures:
    photos: int
    cold_seconds: float
    cold_processed: int
    warm_seconds: float
    warm_processed: int

    @property
    def cold_rate(self) -> float:
        return self.cold_processed / self.cold_seconds

    def lines(self) -> list[str]:
        return [f"photos: {self.photos} (4032×3024 JPEG, 3 widths × WebP + JPEG each)",
                f"cold cache: {self.cold_processed} processed in {self.cold_seconds:.1f} s "
                f"= {self.cold_rate:.2f} photos/s",
                f"warm cache: {self.warm_processed} processed in {self.warm_seconds:.2f} s"]


def phone_jpeg(seed: int) -> bytes:
    rng = random.Random(seed)
    im = Image.new("RGB", (4032, 3024), (rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    pen = ImageDraw.Draw(im)
    for _ in range(300):  # shapes and edges, so the encoders have real work to do
        x, y = rng.randrange(4032), rng.randrange(3024)
        pen.ellipse((x, y, x + rng.randrange(40, 600), y + rng.randrange(40, 600)),
                    fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x8825] = {1: "N", 2: (10.0, 14.0, 31.5)}
    out = io.BytesIO()
    im.save(out, "JPEG", quality=90, exif=exif)
    return out.getvalue()


def run(count: int = 8, workers: int | None = None) -> Figures:
    with tempfile.TemporaryDirectory(prefix="dvk-bench-") as folder:
        root = Path(folder)
        assets = []
        for i in range(count):
            source = root / f"anh-{i}.jpg"
            source.write_bytes(phone_jpeg(i))
            assets += [Asset(name, photos.PhotoFile(source, name)) for name in photos.cache_files(source)]
        timings = []
        for _ in ("cold", "warm"):
            start = time.perf_counter()
            _, tally = media.make(assets, root / "cache", workers)
            timings.append((time.perf_counter() - start, tally.photos_processed))
    (cold, cold_done), (warm, warm_done) = timings
    return Figures(count, cold, cold_done, warm, warm_done)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=8)
    parser.add_argument("--workers", type=int, default=None, help="default: every core")
    args = parser.parse_args()
    for line in run(args.photos, args.workers).lines():
        print(line)


if __name__ == "__main__":
    main()

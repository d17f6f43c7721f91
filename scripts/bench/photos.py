"""Photo benchmark: photos per second on a cold cache, and photos processed on a warm one.

    PYTHONPATH=scripts python -m bench.photos [--photos N] [--workers N]

Makes N phone-like JPEGs (4032×3024, EXIF Orientation and GPS, as a phone writes them; `pool`
keeps them for `bench.synthetic`), then runs `media.make` twice over their variants: once with an empty cache,
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

from PIL import Image, ImageDraw, ImageFilter

from dvk.media import photos
from dvk.pages import Asset
from dvk.site import make as media

REPO = Path(__file__).resolve().parents[2]


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
        return [f"photos: {self.photos} (4032×3024 JPEG → {len(photos.WIDTHS)} widths of WebP each)",
                f"cold cache: {self.cold_processed} processed in {self.cold_seconds:.1f} s "
                f"= {self.cold_rate:.2f} photos/s",
                f"warm cache: {self.warm_processed} processed in {self.warm_seconds:.2f} s"]


PHONE = (4032, 3024)  # a 12-megapixel phone camera
POOL_VERSION = 1  # bump when `phone_jpeg` draws differently: the pool on disk is made again


def phone_jpeg(seed: int) -> bytes:
    """A phone photo with the detail a real one has, so the encoders' output sizes are real ones:
    light and colour varying over the frame (sky, ground, walls), shapes with edges, mid-scale
    texture (leaves, cloth, soil) and sensor grain; about 3 MB at quality 90, as phones write.
    Same seed, same bytes."""
    rng = random.Random(seed)
    width, height = PHONE
    quarter = (width // 4, height // 4)
    scene = Image.frombytes("RGB", (8, 6), rng.randbytes(8 * 6 * 3)).resize(quarter, Image.Resampling.BICUBIC)
    pen = ImageDraw.Draw(scene)
    for _ in range(60):
        x, y, size = rng.randrange(quarter[0]), rng.randrange(quarter[1]), rng.randrange(10, 250)
        fill = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        if rng.random() < 0.5:
            pen.ellipse((x, y, x + size, y + rng.randrange(10, 250)), fill=fill)
        else:
            pen.polygon([(x + rng.randrange(-size, size), y + rng.randrange(-size, size)) for _ in range(4)],
                        fill=fill)
    im = scene.filter(ImageFilter.GaussianBlur(1.2)).resize(PHONE, Image.Resampling.BICUBIC)
    half = (width // 2, height // 2)
    texture = Image.frombytes("L", half, rng.randbytes(half[0] * half[1])).filter(
        ImageFilter.GaussianBlur(1.0)).resize(PHONE, Image.Resampling.BILINEAR)
    im = Image.blend(im, Image.merge("RGB", (texture,) * 3), 0.32)
    grain = Image.frombytes("L", PHONE, rng.randbytes(width * height))
    im = Image.blend(im, Image.merge("RGB", (grain,) * 3), 0.06)
    exif = Image.Exif()
    exif[0x0112] = 6 if rng.random() < 0.3 else 1  # some held upright, most held sideways
    exif[0x8825] = {1: "N", 2: (10.0, 14.0, 31.5)}
    out = io.BytesIO()
    im.save(out, "JPEG", quality=90, exif=exif)
    return out.getvalue()


def pool(count: int, folder: Path = REPO / ".cache" / "bench-photos") -> list[Path]:
    """`count` distinct phone photos, drawn once and kept in `folder` (drawing one takes seconds)."""
    folder = folder / f"v{POOL_VERSION}"
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for seed in range(count):
        path = folder / f"IMG_{seed:04d}.jpg"
        if not path.exists():
            aside = path.with_suffix(".part")
            aside.write_bytes(phone_jpeg(seed))
            aside.rename(path)
        paths.append(path)
    return paths


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

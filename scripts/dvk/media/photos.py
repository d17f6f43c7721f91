"""Photos: checked by content, turned upright, stripped of metadata, resized to WebP.

Contributors send phone photos: large, rotated by an EXIF tag, full of metadata (GPS can show
where a person lives). Nothing of the original reaches the site: every published file is
re-encoded from pixels alone, so EXIF, GPS, XMP, comments and ICC profiles are all gone. Pixels
tagged with a colour profile are first converted to sRGB, the colour space browsers assume for
an untagged image, so dropping the profile changes no colour.

The checker asks `media.inspect`; `pages` calls `rendition` (header only, cheap) to write
`<img srcset>` markup; `site.make` calls `render` in worker processes, once per photo content
and settings (`cache_key`), and keeps the results in `.cache/photos/`.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import PIL
from PIL import Image

from .inspect import bomb_guard, orientation, upright_srgb

# A phone's screen, and the 800 px content column on a dense (≥ 1.5×) screen. Two widths, not
# three: a third (1,600 px) added 190 KB per photo for screens few readers have (`make bench`
# measures the budget: ≤ 600 KB for an exemplar with two photos).
WIDTHS = (640, 1280)
# One format: every browser the site supports (Material's evergreen Chrome, Edge, Firefox,
# Safari ≥ 14 / iOS ≥ 14, Samsung Internet, the Android WebView that Zalo and Facebook open
# links in) reads WebP, which is 25–35 % smaller than JPEG at the same quality. A JPEG copy of
# every variant doubled the files for browsers from before 2020.
EXT = "webp"
ENCODING = {"format": "WEBP", "quality": 80, "method": 6}
PIPELINE_VERSION = 2  # bump when `render` changes what it writes for the same input
SIZES = "(max-width: 800px) 100vw, 800px"  # the content column of the Material theme

# Everything that changes the output bytes; part of every cache key.
SETTINGS = json.dumps({"widths": WIDTHS, "encoding": ENCODING, "version": PIPELINE_VERSION,
                       "pillow": PIL.__version__}, sort_keys=True)


@dataclass(frozen=True)
class Variant:
    width: int
    height: int

    def file_name(self, photo_file: str) -> str:
        """The published name: 'le-trao-nha.jpg' at 640 px → 'le-trao-nha-w640.webp'. The letter
        keeps the width apart from digits that end the name: 'anh-2024-1.jpg' + '-1280' would
        read as the 9-digit ID number 2024-1-1280 and stop the build (`site.scan`)."""
        return f"{posixpath.splitext(posixpath.basename(photo_file))[0]}-w{self.width}.{EXT}"

    @property
    def cache_name(self) -> str:
        return f"{self.width}.{EXT}"


@dataclass(frozen=True)
class PhotoFile:
    """One variant of one photo, as a page asks for it; `media.make` makes it."""

    source: Path
    name: str  # published name, a key of `cache_files(source)`


@dataclass(frozen=True)
class Rendition:
    """What a page needs to show a photo: the upright size and the variants it will have."""

    width: int
    height: int
    variants: tuple[Variant, ...]

    @property
    def largest(self) -> Variant:
        return self.variants[-1]


def variants_for(width: int, height: int) -> tuple[Variant, ...]:
    """One variant per target width the photo reaches, plus its own width when it is narrower
    than the largest target: never upscaled."""
    widths = sorted({min(w, width) for w in WIDTHS})
    return tuple(Variant(w, max(1, round(height * w / width))) for w in widths)


# --- planning (pages) ----------------------------------------------------------------------

def stamp(source: Path) -> tuple[int, int]:
    """What tells a photo changed under the same name (a preview keeps running across edits)."""
    stat = source.stat()
    return stat.st_mtime_ns, stat.st_size


def rendition(source: Path) -> Rendition:
    """Upright size and variants from the header alone; the photo has passed the checker."""
    return _rendition(source, stamp(source))


@cache
def _rendition(source: Path, stamp: tuple[int, int]) -> Rendition:
    with Image.open(source) as im:
        width, height = im.size
        if orientation(im) in (5, 6, 7, 8):
            width, height = height, width  # quarter turns swap the sides
    return Rendition(width, height, variants_for(width, height))


def published_name(source: Path, photo_file: str, *, largest: bool = True) -> str:
    """The published variant that stands for a photo where one file is wanted (open data, the
    desk's thumbnail, a story kit): never the original, which keeps the phone's metadata."""
    variants = rendition(source).variants
    return (variants[-1] if largest else variants[0]).file_name(photo_file)


def cache_files(source: Path) -> dict[str, str]:
    """Published name → name inside the photo's cache folder, for every variant."""
    return {v.file_name(source.name): v.cache_name for v in rendition(source).variants}


def cache_key(source: Path) -> str:
    """The photo's content and the settings, hashed once per file in a process (however many
    names it is linked under)."""
    stat = source.stat()
    identity = (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns)
    if identity not in _keys:
        digest = hashlib.sha256(SETTINGS.encode())
        with source.open("rb") as stream:
            digest.update(hashlib.file_digest(stream, "sha256").digest())
        _keys[identity] = digest.hexdigest()[:40]
    return _keys[identity]


_keys: dict[tuple[int, int, int, int], str] = {}


# --- rendering (worker processes) ----------------------------------------------------------

def render(source: Path, folder: Path) -> None:
    """Write every variant of `source` into `folder` as <width>.webp."""
    with bomb_guard(), Image.open(source) as original:
        upright = upright_srgb(original, widest=max(WIDTHS))
    for variant in variants_for(upright.width, upright.height):
        small = upright if variant.width == upright.width else upright.resize(
            (variant.width, variant.height), Image.Resampling.LANCZOS)
        small.info = {}  # nothing of the original's metadata may follow the pixels
        small.save(folder / variant.cache_name, **ENCODING)

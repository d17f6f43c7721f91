"""What a photo file is, judged by its content: the checker's one question to Pillow.

Limits are checked before decoding (file size, then pixel count from the header), and the whole
file is read once, so a truncated or disguised file is found by the checker, never by the build.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PIL import Image, UnidentifiedImageError

ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP")  # decided by the file's content, not its name
MAX_FILE_BYTES = 25 * 1024 * 1024  # a 50 MP phone photo at high quality is ~20 MB
MAX_PIXELS = 50_000_000  # above any phone's full-resolution mode; decompression bombs are far above


def problem_with(path: Path) -> tuple[str, dict[str, Any]] | None:
    """The first thing that stops this file being published as a photo, as (code, params)."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        return "photo.unreadable", {"value": path.name, "reason": exc.strerror or type(exc).__name__}
    if size > MAX_FILE_BYTES:
        return "photo.too_large", {"value": path.name, "size": _megabytes(size),
                                   "limit": _megabytes(MAX_FILE_BYTES)}
    try:
        with bomb_guard(), Image.open(path) as im:
            if im.format not in ALLOWED_FORMATS:
                return "photo.format", {"value": path.name, "format": im.format}
            if im.width * im.height > MAX_PIXELS:
                return "photo.too_many_pixels", _pixels(path, im.width, im.height)
            _decode(im)
    except UnidentifiedImageError:
        head = path.read_bytes()[:1024].lstrip().lower()
        if head.startswith((b"<?xml", b"<svg", b"<!doctype svg")) or b"<svg" in head:
            return "photo.svg", {"value": path.name}
        return "photo.not_image", {"value": path.name}
    except Image.DecompressionBombError:
        return "photo.too_many_pixels", _pixels(path, None, None)
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        return "photo.damaged", {"value": path.name, "reason": str(exc)[:120] or type(exc).__name__}
    return None


def _decode(im: Image.Image) -> None:
    """Read every byte of the image, so a truncated file is found by the checker, not the build.
    A JPEG is decoded at 1/8 scale (DCT scaling): the whole file is read at a fraction of the cost."""
    if im.format == "JPEG":
        im.draft("RGB", (max(1, im.width // 8), max(1, im.height // 8)))
    im.load()


@contextmanager
def bomb_guard() -> Iterator[None]:
    """Pillow's bomb check raises above 2× its limit and only warns above 1×: make both errors."""
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        yield


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def _pixels(path: Path, width: int | None, height: int | None) -> dict[str, Any]:
    megapixels = f"{width * height / 1e6:.0f}" if width and height else f"> {MAX_PIXELS / 1e6:.0f}"
    return {"value": path.name, "megapixels": megapixels, "limit": f"{MAX_PIXELS / 1e6:.0f}"}



"""What a photo file is, judged by its content: the checker's one question to Pillow.

Limits are checked before decoding (file size, then pixel count from the header); then the file
is read the way the build reads it (`upright_srgb`: every byte of the pixels, the EXIF block
and its orientation, the colour profile), so a truncated, disguised or malformed file is found
by the checker, never by the build. A file is judged once per content in a process, however
many times or under however many names (hard links) it is listed.
"""

from __future__ import annotations

import io
import math
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP")  # decided by the file's content, not its name
MAX_FILE_BYTES = 25 * 1024 * 1024  # a 50 MP phone photo at high quality is ~20 MB
MAX_PIXELS = 50_000_000  # above any phone's full-resolution mode; decompression bombs are far above


def problem_with(path: Path) -> tuple[str, dict[str, Any]] | None:
    """The first thing that stops this file being published as a photo, as (code, params)."""
    try:
        stat = path.stat()
    except OSError as exc:
        return "photo.unreadable", {"value": path.name, "reason": exc.strerror or type(exc).__name__}
    # Once per file in a process: its identity, with size and time to tell a replaced one.
    identity = (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns)
    if identity not in _verdicts:
        _verdicts[identity] = _judge(path, stat.st_size)
    found = _verdicts[identity]
    return None if found is None else (found[0], {**found[1], "value": path.name})


_verdicts: dict[tuple[int, int, int, int], tuple[str, dict[str, Any]] | None] = {}


def _judge(path: Path, size: int) -> tuple[str, dict[str, Any]] | None:
    """The problem with the file at `path`, its params without the file's name."""
    if size > MAX_FILE_BYTES:
        return "photo.too_large", {"size": _megabytes(size), "limit": _megabytes(MAX_FILE_BYTES)}
    try:
        with bomb_guard(), Image.open(path) as im:
            if im.format not in ALLOWED_FORMATS:
                return "photo.format", {"format": im.format}
            if im.width * im.height > MAX_PIXELS:
                return "photo.too_many_pixels", _pixels(im.width, im.height)
            upright_srgb(im, widest=1)  # what the build does, at the smallest scale it can
    except UnidentifiedImageError:
        head = path.read_bytes()[:1024].lstrip().lower()
        if head.startswith((b"<?xml", b"<svg", b"<!doctype svg")) or b"<svg" in head:
            return "photo.svg", {}
        return "photo.not_image", {}
    except Image.DecompressionBombError:
        return "photo.too_many_pixels", _pixels(None, None)
    except Exception as exc:
        # Pillow's parsers raise OSError, SyntaxError, struct.error, TypeError… on malformed
        # metadata (seen fuzzing EXIF blocks): any of them would stop the build on this file.
        return "photo.damaged", {"reason": str(exc)[:120] or type(exc).__name__}
    return None


def orientation(im: Image.Image) -> int:
    """The EXIF orientation (1–8) the camera wrote; 1 (upright) when there is none."""
    return im.getexif().get(ImageOps.ExifTags.Base.Orientation, 1)


def upright_srgb(im: Image.Image, widest: int) -> Image.Image:
    """The pixels upright and in sRGB, as the build publishes them. A JPEG is decoded no larger
    than `widest` pixels across once upright needs (DCT scaling, 1/8 at the least), so the
    checker (widest=1) reads every byte of the file at a fraction of the cost."""
    turned = orientation(im)
    if im.format == "JPEG":
        wide = im.height if turned in (5, 6, 7, 8) else im.width
        scale = min(1.0, widest / wide)
        im.draft("RGB", (math.ceil(im.width * scale), math.ceil(im.height * scale)))
    profile = im.info.get("icc_profile")
    upright = ImageOps.exif_transpose(im)
    if upright.mode in ("RGBA", "LA", "PA") or "transparency" in upright.info:
        rgba = upright.convert("RGBA")
        upright = Image.new("RGB", rgba.size, "white")  # the page is white; JPEG has no alpha
        upright.paste(rgba, mask=rgba.getchannel("A"))
    return _to_srgb(upright, profile) if profile else upright.convert("RGB")


def _to_srgb(im: Image.Image, profile: bytes) -> Image.Image:
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        converted = ImageCms.profileToProfile(im, source, ImageCms.createProfile("sRGB"), outputMode="RGB")
    except (ImageCms.PyCMSError, OSError, ValueError):
        converted = None  # a broken profile: the pixels as they are are the best guess
    return (converted or im).convert("RGB")


@contextmanager
def bomb_guard() -> Iterator[None]:
    """Pillow's bomb check raises above 2× its limit and only warns above 1×: make both errors."""
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        yield


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def _pixels(width: int | None, height: int | None) -> dict[str, Any]:
    megapixels = f"{width * height / 1e6:.0f}" if width and height else f"> {MAX_PIXELS / 1e6:.0f}"
    return {"megapixels": megapixels, "limit": f"{MAX_PIXELS / 1e6:.0f}"}



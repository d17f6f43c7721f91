"""Social cards: the 1200×630 Open Graph image of an exemplar, unit or category page.

Drawn with Pillow in Noto Sans (fonts/, SIL OFL 1.1, from Debian's fonts-noto-core), which has
every Vietnamese letter; a character the font lacks is left out rather than drawn as a box.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageOps

from . import photos

SIZE = (1200, 630)
RED, INK, MUTED, PAPER = "#b71c1c", "#212121", "#5f5f5f", "#fffaf3"
CARD_VERSION = 4  # bump when `draw` changes what it writes for the same card
FILE_NAME = "og.jpg"  # beside the page it stands for
# JPEG, not PNG or WebP: every sharing site (Facebook, Zalo, X, LinkedIn) reads it, and a card
# with a photo beside the text was 388 KB as a PNG; at this quality it stays under 80 KB
# (`make bench` measures the largest) with text that stays crisp. A busy photo can still push
# a card past the budget: then the quality steps down, and then the photo (never the text) is
# softened, until it fits: the last step blurs it enough that any photo does.
ENCODING = {"format": "JPEG", "optimize": True, "progressive": True, "subsampling": "4:2:0"}
STEPS = ((72, 0), (64, 0), (56, 0), (48, 0), (48, 2), (48, 4), (40, 12))  # (quality, blur radius)
BUDGET = 80 * 1024  # bytes
MARGIN = 64


@dataclass(frozen=True)
class Card:
    title: str
    unit: str  # the line under the title: the exemplar's unit, a unit's level, a category's short name
    kicker: str  # the line above it: the site's own (its settings' `card_line`)
    photo: Path | None = None  # the contributor's file; the card shows it as published (`draw`)

    @property
    def texts(self) -> tuple[str, ...]:
        return (self.title, self.unit, self.kicker)


def font_path(weight: str) -> Path:
    return Path(str(resources.files("dvk.media").joinpath(f"fonts/NotoSans-{weight}.ttf")))


@cache
def coverage(weight: str) -> frozenset[str]:
    """Every character the font has a glyph for (its cmap)."""
    with TTFont(font_path(weight), lazy=True) as font:
        return frozenset(map(chr, font.getBestCmap()))


def missing(text: str, weight: str) -> set[str]:
    return {ch for ch in text if ch not in coverage(weight) and not ch.isspace()}


def drawable(text: str, weight: str) -> str:
    lacking = missing(text, weight)
    return " ".join("".join(ch for ch in text if ch not in lacking).split())


def cache_key(card: Card) -> str:
    return _key(card.title, card.unit, card.kicker, photos.cache_key(card.photo) if card.photo else None)


@lru_cache(maxsize=1 << 16)  # a preview asks it of every card at every build
def _key(title: str, unit: str, kicker: str, photo: str | None) -> str:
    spec = json.dumps([CARD_VERSION, title, unit, kicker, photo, photos.SETTINGS], ensure_ascii=False)
    return hashlib.sha256(spec.encode()).hexdigest()[:40]


@cache
def _font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path(weight)), size)


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def _fit_title(text: str, width: int, height: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest size at which the title fits the box; past that, shortened with '…'."""
    for size in (68, 60, 54, 48, 42, 36):
        font = _font("Bold", size)
        lines = _wrap(text, font, width)
        if len(lines) * _leading(font) <= height and all(font.getlength(line) <= width for line in lines):
            return font, lines
    lines = _wrap(text, font, width)[:max(1, height // _leading(font))]
    while lines[-1] and font.getlength(lines[-1] + " …") > width:
        lines[-1] = lines[-1][:-1]
    lines[-1] = lines[-1].rstrip() + " …"
    return font, lines


def _leading(font: ImageFont.FreeTypeFont) -> int:
    return round(font.size * 1.22)


def draw(card: Card, target: Path, published: Path | None = None) -> None:
    """The card, with `published` beside the text: the card's photo as the site publishes it
    (`photos.render`: upright, in sRGB), so the card shows the colours the page shows, and a
    phone's photo is decoded once for both, not again at full size for its card."""
    canvas = Image.new("RGB", SIZE, PAPER)
    pen = ImageDraw.Draw(canvas)
    text_right = SIZE[0] - MARGIN
    photo_box = None
    if published:
        with Image.open(published) as im:
            side = ImageOps.fit(im.convert("RGB"), (440, SIZE[1]), Image.Resampling.LANCZOS)
        photo_box = (SIZE[0] - side.width, 0, SIZE[0], SIZE[1])
        canvas.paste(side, photo_box[:2])
        text_right = SIZE[0] - side.width - 48
    pen.rectangle((0, 0, 16, SIZE[1]), fill=RED)
    width = text_right - MARGIN

    kicker = _font("Bold", 26)
    y = 52
    for line in _wrap(drawable(card.kicker, "Bold"), kicker, width):
        pen.text((MARGIN, y), line, font=kicker, fill=RED)
        y += 36
    unit_font = _font("Regular", 32)
    unit_lines = _wrap(drawable(card.unit, "Regular"), unit_font, width)[:2]
    unit_top = SIZE[1] - 56 - 44 * len(unit_lines)  # the unit sits at the foot, under the title
    y += 28
    font, lines = _fit_title(drawable(card.title, "Bold"), width, unit_top - 24 - y)
    for line in lines:
        pen.text((MARGIN, y), line, font=font, fill=INK)
        y += _leading(font)
    for i, line in enumerate(unit_lines):
        pen.text((MARGIN, unit_top + 44 * i), line, font=unit_font, fill=MUTED)
    target.write_bytes(_within_budget(canvas, photo_box))


def _within_budget(canvas: Image.Image, photo_box: tuple[int, int, int, int] | None) -> bytes:
    for quality, blur in STEPS:
        image = canvas
        if blur and photo_box:
            image = canvas.copy()
            image.paste(canvas.crop(photo_box).filter(ImageFilter.GaussianBlur(blur)), photo_box[:2])
        encoded = io.BytesIO()
        image.save(encoded, quality=quality, **ENCODING)
        if encoded.tell() <= BUDGET:
            break
    return encoded.getvalue()

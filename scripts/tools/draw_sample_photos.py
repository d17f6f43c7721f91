"""Draw the photos of the sample exemplars: simple scenes, made here, the same bytes every run.

Run from anywhere:  python scripts/tools/draw_sample_photos.py [--root PROJECT]

Each photo goes next to its exemplar, in exemplars/<unit-id>/. Nothing is downloaded and no font
is needed. Some photos carry EXIF like a phone picture (Make, Model, DateTimeOriginal, a GPS
block; one is stored sideways with Orientation = 6) because the site's photo pipeline must turn
such a photo upright and strip every tag, GPS above all: these files are its test material.
"""

from __future__ import annotations

import argparse
import math
import random
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter
from PIL.TiffImagePlugin import IFDRational

RGB = tuple[int, int, int]
Point = tuple[float, float]
Painter = Callable[[Image.Image, random.Random], None]

LANDSCAPE = (1600, 1200)
PORTRAIT = (1200, 1600)
JPEG_QUALITY = 85

SKIN = ((224, 182, 140), (205, 160, 120), (190, 145, 105), (230, 195, 160))
HAIR = (28, 24, 22)
DOAN_BLUE = (38, 96, 196)  # the volunteers' blue shirt
FLAG_RED = (218, 37, 29)
FLAG_YELLOW = (255, 221, 0)


# --- small helpers ------------------------------------------------------------------------------

def mix(a: RGB, b: RGB, t: float) -> RGB:
    t = min(1.0, max(0.0, t))
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t),
            round(a[2] + (b[2] - a[2]) * t))


def jitter(color: RGB, rng: random.Random, amount: int = 14) -> RGB:
    return (min(255, max(0, color[0] + rng.randint(-amount, amount))),
            min(255, max(0, color[1] + rng.randint(-amount, amount))),
            min(255, max(0, color[2] + rng.randint(-amount, amount))))


def canvas(img: Image.Image) -> ImageDraw.ImageDraw:
    """A drawing surface that blends colours given with an alpha value."""
    return ImageDraw.Draw(img, "RGBA")


def gradient(img: Image.Image, box: tuple[int, int, int, int], top: RGB, bottom: RGB) -> None:
    draw = canvas(img)
    x0, y0, x1, y1 = box
    span = max(1, y1 - y0 - 1)
    for y in range(y0, y1):
        draw.line([(x0, y), (x1 - 1, y)], fill=mix(top, bottom, (y - y0) / span))


def star(cx: float, cy: float, outer: float, inner: float) -> list[Point]:
    points: list[Point] = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


# --- things in a scene --------------------------------------------------------------------------

def clouds(img: Image.Image, rng: random.Random, horizon: int, count: int = 5,
           color: RGB = (255, 255, 255)) -> None:
    draw = canvas(img)
    width = img.width
    for _ in range(count):
        cx, cy = rng.uniform(0, width), rng.uniform(horizon * 0.08, horizon * 0.6)
        size = rng.uniform(width * 0.05, width * 0.11)
        for _ in range(6):
            dx, dy = rng.uniform(-size, size), rng.uniform(-size * 0.25, size * 0.2)
            r = rng.uniform(size * 0.35, size * 0.6)
            draw.ellipse([cx + dx - r, cy + dy - r * 0.55, cx + dx + r, cy + dy + r * 0.55],
                         fill=(*color, 150))


def sun(img: Image.Image, cx: float, cy: float, radius: float, color: RGB) -> None:
    draw = canvas(img)
    for step in range(6, 0, -1):
        r = radius * (1 + step * 0.45)
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(*color, 18))
    draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], fill=color)


def water(img: Image.Image, rng: random.Random, box: tuple[int, int, int, int], top: RGB,
          bottom: RGB) -> None:
    gradient(img, box, top, bottom)
    draw = canvas(img)
    x0, y0, x1, y1 = box
    for _ in range((x1 - x0) * (y1 - y0) // 9000):
        y = rng.uniform(y0 + 4, y1 - 4)
        x = rng.uniform(x0, x1)
        length = rng.uniform(20, 90) * (0.4 + (y - y0) / max(1, y1 - y0))
        draw.line([(x, y), (x + length, y)], fill=(255, 255, 255, rng.randint(40, 90)), width=2)


def palm(img: Image.Image, rng: random.Random, x: float, base: float, height: float,
         lean: float = 0.0, leaf: RGB = (46, 122, 52), trunk: RGB = (122, 98, 72)) -> None:
    draw = canvas(img)
    steps = 14
    spine = [(x + lean * height * (i / steps) ** 2, base - height * i / steps)
             for i in range(steps + 1)]
    width = max(4.0, height / 20)
    for i in range(steps):
        draw.line([spine[i], spine[i + 1]], fill=trunk, width=round(width * (1 - 0.4 * i / steps)))
    top_x, top_y = spine[-1]
    length = height * 0.42
    for k in range(12):
        angle = k * (2 * math.pi / 12) + rng.uniform(-0.18, 0.18)
        droop = rng.uniform(0.5, 0.9)
        frond_len = length * rng.uniform(0.8, 1.1)
        left: list[Point] = []
        right: list[Point] = []
        for i in range(11):
            s = i / 10
            cx = top_x + math.cos(angle) * frond_len * s
            cy = top_y + math.sin(angle) * frond_len * s * 0.45 + droop * frond_len * s * s * 0.6
            half = frond_len * 0.07 * math.sin(math.pi * min(s * 1.15, 1.0))
            left.append((cx, cy - half))
            right.append((cx, cy + half))
        draw.polygon(left + right[::-1], fill=jitter(leaf, rng, 18))
        draw.line(left[:1] + right[-1:], fill=(*mix(leaf, (20, 60, 25), 0.5), 160), width=2)
    for _ in range(4):
        r = height * 0.025
        cx, cy = top_x + rng.uniform(-r * 2, r * 2), top_y + rng.uniform(0, r * 2)
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=jitter((96, 120, 40), rng, 10))


def house(img: Image.Image, rng: random.Random, x: float, base: float, width: float,
          height: float, wall: RGB, roof: RGB) -> None:
    draw = canvas(img)
    draw.rectangle([x, base - height, x + width, base], fill=wall)
    draw.rectangle([x, base - height * 0.08, x + width, base], fill=mix(wall, (90, 90, 90), 0.35))
    over = width * 0.07
    ridge = base - height - height * 0.5
    draw.polygon([(x - over, base - height), (x + width * 0.5, ridge),
                  (x + width + over, base - height)], fill=roof)
    for i in range(1, 14):  # corrugated metal roof
        t = i / 14
        draw.line([(x + width * 0.5, ridge), (x - over + (width + 2 * over) * t, base - height)],
                  fill=(*mix(roof, (255, 255, 255), 0.25), 110), width=2)
    door_w = width * 0.2
    draw.rectangle([x + width / 2 - door_w / 2, base - height * 0.62, x + width / 2 + door_w / 2,
                    base], fill=jitter((120, 72, 40), rng, 10))
    for wx in (x + width * 0.12, x + width * 0.7):
        draw.rectangle([wx, base - height * 0.62, wx + width * 0.18, base - height * 0.3],
                       fill=(70, 110, 140))
        draw.line([(wx + width * 0.09, base - height * 0.62), (wx + width * 0.09,
                   base - height * 0.3)], fill=wall, width=3)


def person(img: Image.Image, rng: random.Random, x: float, feet: float, height: float,
           shirt: RGB, pants: RGB = (40, 44, 60), *, hat: bool = False, long_dress: bool = False,
           arm_up: bool = False, tool: RGB | None = None) -> None:
    """A standing person, facing the camera, drawn from simple shapes."""
    draw = canvas(img)
    skin = rng.choice(SKIN)
    limb = max(2, round(height * 0.055))
    hip = feet - height * 0.47
    draw.line([(x - height * 0.045, hip), (x - height * 0.06, feet)], fill=pants, width=limb)
    draw.line([(x + height * 0.045, hip), (x + height * 0.06, feet)], fill=pants, width=limb)
    shoulder = feet - height * 0.8
    if long_dress:  # áo dài: a long tunic over light trousers
        draw.polygon([(x - height * 0.1, shoulder), (x + height * 0.1, shoulder),
                      (x + height * 0.15, feet - height * 0.12),
                      (x - height * 0.15, feet - height * 0.12)], fill=shirt)
    else:
        draw.rounded_rectangle([x - height * 0.105, shoulder, x + height * 0.105,
                                hip + height * 0.04], radius=max(2, round(height * 0.04)),
                               fill=shirt)
    left_hand = (x - height * 0.17, shoulder + height * 0.3)
    right_hand = ((x + height * 0.2, shoulder - height * 0.2) if arm_up
                  else (x + height * 0.17, shoulder + height * 0.3))
    draw.line([(x - height * 0.09, shoulder + height * 0.04), left_hand], fill=shirt, width=limb)
    draw.line([(x + height * 0.09, shoulder + height * 0.04), right_hand], fill=shirt, width=limb)
    for hx, hy in (left_hand, right_hand):
        draw.ellipse([hx - limb * 0.7, hy - limb * 0.7, hx + limb * 0.7, hy + limb * 0.7],
                     fill=skin)
    if tool is not None:  # a broom or a tool held in the left hand
        hx, hy = left_hand
        draw.line([(hx + height * 0.02, hy - height * 0.25), (hx - height * 0.04, feet)],
                  fill=tool, width=max(2, limb // 2))
        draw.polygon([(hx - height * 0.04, feet), (hx - height * 0.12, feet + height * 0.02),
                      (hx + height * 0.04, feet + height * 0.02)], fill=mix(tool, (0, 0, 0), 0.2))
    radius = height * 0.075
    cy = shoulder - radius * 1.1
    draw.ellipse([x - radius, cy - radius, x + radius, cy + radius], fill=skin)
    draw.pieslice([x - radius, cy - radius, x + radius, cy + radius * 0.6], 180, 360, fill=HAIR)
    if hat:  # nón lá
        draw.polygon([(x - radius * 2.3, cy - radius * 0.25), (x, cy - radius * 2.3),
                      (x + radius * 2.3, cy - radius * 0.25)], fill=(226, 206, 150))


def crowd(img: Image.Image, rng: random.Random, x0: float, x1: float, feet: float,
          height: float, shirts: list[RGB], **style: bool) -> None:
    count = len(shirts)
    for i, shirt in enumerate(shirts):
        x = x0 + (x1 - x0) * (i + 0.5) / count + rng.uniform(-height * 0.05, height * 0.05)
        person(img, rng, x, feet + rng.uniform(-height * 0.03, height * 0.03),
               height * rng.uniform(0.92, 1.05), shirt, **style)


def road(img: Image.Image, bottom: tuple[float, float], top: tuple[float, float], horizon: float,
         color: RGB, edge: RGB) -> None:
    draw = canvas(img)
    h = img.height
    draw.polygon([(bottom[0], h), (bottom[1], h), (top[1], horizon), (top[0], horizon)],
                 fill=color)
    draw.line([(bottom[0], h), (top[0], horizon)], fill=edge, width=6)
    draw.line([(bottom[1], h), (top[1], horizon)], fill=edge, width=6)


def solar_lamp(img: Image.Image, x: float, base: float, height: float, lit: bool) -> None:
    draw = canvas(img)
    width = max(2, round(height * 0.025))
    draw.line([(x, base), (x, base - height)], fill=(150, 150, 150), width=width)
    head = (x + height * 0.18, base - height * 0.97)
    draw.line([(x, base - height * 0.92), head], fill=(150, 150, 150), width=max(2, width - 1))
    draw.polygon([(x - height * 0.12, base - height * 1.06), (x + height * 0.1, base - height),
                  (x + height * 0.1, base - height * 1.04), (x - height * 0.12,
                  base - height * 1.1)], fill=(26, 44, 92))
    if lit:
        for step in range(7, 0, -1):
            r = height * 0.04 * step
            draw.ellipse([head[0] - r, head[1] - r * 0.8, head[0] + r, head[1] + r * 0.8],
                         fill=(255, 226, 150, 22))
    draw.ellipse([head[0] - height * 0.035, head[1] - height * 0.015, head[0] + height * 0.035,
                  head[1] + height * 0.015], fill=(255, 246, 205) if lit else (220, 220, 210))


def banner(img: Image.Image, rng: random.Random, box: tuple[float, float, float, float]) -> None:
    """A red banner whose 'text' is rows of small light marks: it reads as lettering from afar."""
    draw = canvas(img)
    x0, y0, x1, y1 = box
    draw.rectangle(box, fill=FLAG_RED)
    rows = 2
    line_h = (y1 - y0) / (rows * 2 + 1)
    for row in range(rows):
        y = y0 + line_h * (1 + row * 2)
        x = x0 + (x1 - x0) * 0.08
        while x < x1 - (x1 - x0) * 0.1:
            w = rng.uniform(line_h * 0.35, line_h * 0.8)
            draw.rectangle([x, y, x + w, y + line_h * 0.85], fill=FLAG_YELLOW)
            x += w + rng.choice((line_h * 0.18, line_h * 0.18, line_h * 0.6))


def flag(img: Image.Image, x: float, top: float, width: float) -> None:
    draw = canvas(img)
    height = width * 2 / 3
    draw.line([(x, top), (x, top + height * 3.2)], fill=(110, 110, 110), width=4)
    draw.rectangle([x, top, x + width, top + height], fill=FLAG_RED)
    draw.polygon(star(x + width / 2, top + height / 2, height * 0.3, height * 0.12),
                 fill=FLAG_YELLOW)


def grain(img: Image.Image, rng: random.Random, amount: int = 3) -> Image.Image:
    """Soften the drawing a little and add sensor-like grain, so it does not look like a vector."""
    soft = img.filter(ImageFilter.GaussianBlur(1.2))
    noise = Image.frombytes("L", img.size, rng.randbytes(img.width * img.height))
    noise = noise.filter(ImageFilter.GaussianBlur(0.6))
    noise = noise.point(lambda v: 128 + (v - 128) * amount // 40)
    return ImageChops.add(soft, Image.merge("RGB", (noise, noise, noise)), 1.0, -128)


# --- the scenes ---------------------------------------------------------------------------------

def house_handover(img: Image.Image, rng: random.Random) -> None:
    w, h = img.size
    horizon = round(h * 0.5)
    gradient(img, (0, 0, w, horizon), (92, 150, 214), (196, 224, 242))
    clouds(img, rng, horizon)
    gradient(img, (0, horizon, w, h), (112, 160, 80), (150, 132, 92))
    for i in range(9):
        palm(img, rng, w * (0.03 + i * 0.12) + rng.uniform(-30, 30), horizon + 30,
             rng.uniform(300, 430), rng.uniform(-0.15, 0.15))
    house(img, rng, w * 0.3, h * 0.76, w * 0.4, h * 0.24, (236, 226, 196), (178, 58, 44))
    banner(img, rng, (w * 0.34, h * 0.43, w * 0.66, h * 0.5))
    flag(img, w * 0.75, h * 0.42, 90)
    canvas(img).rectangle([0, h * 0.8, w, h], fill=(176, 158, 120))
    crowd(img, rng, w * 0.08, w * 0.92, h * 0.97, h * 0.3,
          [(240, 240, 236), (34, 90, 170), (196, 64, 90), (240, 240, 236), (230, 200, 60),
           (110, 60, 140), (240, 240, 236), (60, 130, 90), (200, 80, 50)])


def dusk_road(img: Image.Image, rng: random.Random) -> None:
    w, h = img.size
    horizon = round(h * 0.52)
    gradient(img, (0, 0, w, horizon), (52, 44, 96), (238, 146, 86))
    sun(img, w * 0.7, horizon - 30, 46, (255, 196, 120))
    gradient(img, (0, horizon, w, h), (40, 70, 42), (24, 40, 28))
    for i in range(12):
        palm(img, rng, w * (i / 11) + rng.uniform(-40, 40), horizon + 10, rng.uniform(200, 330),
             rng.uniform(-0.2, 0.2), leaf=(30, 46, 34), trunk=(40, 36, 34))
    road(img, (w * 0.18, w * 0.82), (w * 0.49, w * 0.53), horizon, (96, 92, 96), (150, 146, 140))
    for i in range(7):
        t = 0.9 ** (i * 3)
        x = w * 0.51 + (w * 0.38) * t
        base = horizon + (h - horizon) * t * 0.95
        solar_lamp(img, x, base, 520 * t, lit=True)
    person(img, rng, w * 0.3, h * 0.93, 260, (230, 230, 225), (50, 50, 60))


def installing_lamp(img: Image.Image, rng: random.Random) -> None:
    w, h = img.size  # portrait
    horizon = round(h * 0.62)
    gradient(img, (0, 0, w, horizon), (70, 110, 180), (244, 186, 120))
    clouds(img, rng, horizon, count=3, color=(255, 226, 200))
    gradient(img, (0, horizon, w, h), (84, 120, 70), (120, 110, 86))
    for i in range(5):
        palm(img, rng, w * (0.05 + i * 0.24), horizon + 20, rng.uniform(260, 360),
             rng.uniform(-0.2, 0.2))
    road(img, (w * 0.1, w * 0.75), (w * 0.45, w * 0.5), horizon, (150, 148, 144), (190, 186, 180))
    pole_x = w * 0.62
    solar_lamp(img, pole_x, h * 0.9, h * 0.68, lit=False)
    draw = canvas(img)
    ladder_top, ladder_bottom = (pole_x - 20, h * 0.32), (pole_x - 230, h * 0.9)
    for dx in (0, 60):
        draw.line([(ladder_top[0] + dx, ladder_top[1]), (ladder_bottom[0] + dx, ladder_bottom[1])],
                  fill=(196, 160, 60), width=12)
    for i in range(1, 14):
        t = i / 14
        y = ladder_top[1] + (ladder_bottom[1] - ladder_top[1]) * t
        x = ladder_top[0] + (ladder_bottom[0] - ladder_top[0]) * t
        draw.line([(x, y), (x + 60, y)], fill=(196, 160, 60), width=8)
    person(img, rng, pole_x - 90, h * 0.5, 330, DOAN_BLUE, arm_up=True)
    crowd(img, rng, w * 0.04, w * 0.45, h * 0.97, 360, [DOAN_BLUE, DOAN_BLUE, (235, 235, 230)])


def coconut_grove(img: Image.Image, rng: random.Random) -> None:
    w, h = img.size
    horizon = round(h * 0.42)
    gradient(img, (0, 0, w, horizon), (130, 180, 230), (226, 236, 230))
    sun(img, w * 0.18, h * 0.12, 40, (255, 246, 210))
    gradient(img, (0, horizon, w, h), (90, 140, 60), (70, 110, 50))
    for row in range(5):  # raised beds between ditches, further rows smaller
        y = horizon + (h * 0.55 - horizon) * row / 5
        canvas(img).rectangle([0, y + 40, w, y + 52 + row * 4], fill=(90, 120, 110, 180))
        for i in range(10 + (4 - row) * 2):
            x = (i + 0.5) * w / (10 + (4 - row) * 2) + rng.uniform(-25, 25)
            palm(img, rng, x, y + 44, 160 + row * 70 + rng.uniform(-30, 30),
                 rng.uniform(-0.2, 0.2))
    water(img, rng, (0, round(h * 0.8), w, h), (120, 150, 120), (70, 100, 80))
    draw = canvas(img)
    draw.polygon([(w * 0.55, h * 0.86), (w * 0.8, h * 0.86), (w * 0.76, h * 0.89),
                  (w * 0.58, h * 0.89)], fill=(110, 80, 50))  # a small boat
    for i in range(6):  # husked coconuts piled on the boat
        r = 16
        cx, cy = w * 0.6 + i * 28, h * 0.85
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=jitter((150, 110, 60), rng, 10))


def salinity_dam(img: Image.Image, rng: random.Random) -> None:
    w, h = img.size
    horizon = round(h * 0.38)
    gradient(img, (0, 0, w, horizon), (170, 190, 206), (230, 226, 214))
    gradient(img, (0, horizon, w, horizon + 60), (70, 110, 60), (80, 120, 64))
    for i in range(14):
        palm(img, rng, w * i / 13 + rng.uniform(-30, 30), horizon + 30, rng.uniform(150, 240),
             rng.uniform(-0.2, 0.2))
    water(img, rng, (0, horizon + 60, w, h), (150, 140, 110), (110, 100, 80))
    draw = canvas(img)
    top, bottom = h * 0.55, h * 0.75
    draw.polygon([(0, bottom), (0, top + 20), (w, top), (w, bottom - 20)], fill=(132, 104, 74))
    for row in range(4):  # sandbags
        y = top + 10 + row * 34
        x = -20.0 + row * 18
        while x < w:
            bw = rng.uniform(70, 90)
            draw.rounded_rectangle([x, y, x + bw, y + 30], radius=10,
                                   fill=jitter((226, 222, 206), rng, 12))
            x += bw + 4
    for i in range(18):  # cừ tràm stakes
        x = 30 + i * (w - 60) / 17
        draw.line([(x, top - 60), (x, top + 20)], fill=(150, 120, 80), width=9)
    militia = (72, 96, 52)
    crowd(img, rng, w * 0.05, w * 0.95, top + 8, 250, [militia] * 7, hat=False)
    person(img, rng, w * 0.5, h * 0.97, 300, militia, militia, arm_up=True)


def widened_road(img: Image.Image, rng: random.Random) -> None:
    w, h = img.size
    horizon = round(h * 0.45)
    gradient(img, (0, 0, w, horizon), (100, 160, 226), (210, 230, 240))
    clouds(img, rng, horizon, count=4)
    gradient(img, (0, horizon, w, h), (100, 150, 70), (80, 124, 60))
    for side in (0, 1):
        for i in range(5):
            t = 0.8 ** i
            x = w * 0.5 + (-1 if side == 0 else 1) * (w * 0.12 + w * 0.5 * t) - (
                w * 0.3 * t if side == 0 else 0)
            house(img, rng, x, horizon + (h - horizon) * 0.35 * t + 20, w * 0.3 * t,
                  h * 0.2 * t, jitter((226, 214, 190), rng, 20),
                  rng.choice([(60, 100, 160), (176, 60, 48), (90, 140, 100)]))
    for i in range(10):
        x = w * (0.02 + 0.1 * i)
        if 0.35 < x / w < 0.65:
            continue
        palm(img, rng, x, horizon + 20, rng.uniform(220, 320), rng.uniform(-0.15, 0.15))
    road(img, (w * 0.05, w * 0.95), (w * 0.47, w * 0.53), horizon, (196, 194, 188),
         (230, 228, 222))
    draw = canvas(img)
    for i in range(12):  # expansion joints of the concrete slab
        t = (i + 1) / 13
        y = horizon + (h - horizon) * t ** 1.6
        half = (w * 0.03) + (w * 0.42) * t ** 1.6
        draw.line([(w * 0.5 - half, y), (w * 0.5 + half, y)], fill=(170, 168, 160), width=3)
    person(img, rng, w * 0.42, h * 0.78, 220, (200, 60, 60), hat=True)


def village_meeting(img: Image.Image, rng: random.Random) -> None:
    w, h = img.size
    gradient(img, (0, 0, w, h // 2), (150, 190, 220), (220, 232, 228))
    gradient(img, (0, h // 2, w, h), (150, 140, 110), (120, 110, 86))
    draw = canvas(img)
    draw.line([(w * 0.5, h * 0.7), (w * 0.5, h * 0.2)], fill=(90, 70, 50), width=50)
    for _ in range(40):  # the canopy
        cx, cy = rng.uniform(-100, w + 100), rng.uniform(-60, h * 0.28)
        r = rng.uniform(90, 200)
        draw.ellipse([cx - r, cy - r * 0.7, cx + r, cy + r * 0.7],
                     fill=jitter((56, 112, 56), rng, 20))
    banner(img, rng, (w * 0.22, h * 0.3, w * 0.78, h * 0.4))
    draw.rectangle([w * 0.35, h * 0.5, w * 0.65, h * 0.6], fill=(246, 246, 240))
    crowd(img, rng, w * 0.4, w * 0.6, h * 0.63, 230, [(240, 240, 236), (34, 90, 170)])
    for row in range(3):  # the audience, seen from behind, on plastic chairs
        y = h * (0.76 + row * 0.1)
        count = 9 + row
        for i in range(count):
            x = (i + 0.5) * w / count + rng.uniform(-12, 12)
            size = 50 + row * 12
            chair = rng.choice([(40, 80, 170), (190, 40, 40)])
            draw.rectangle([x - size * 0.6, y, x + size * 0.6, y + size * 0.9], fill=chair)
            draw.rounded_rectangle([x - size * 0.55, y - size * 1.1, x + size * 0.55, y + size * 0.2],
                                   radius=12, fill=jitter(rng.choice(
                                       [(230, 230, 226), (70, 90, 130), (180, 90, 90),
                                        (120, 140, 90)]), rng, 10))
            r = size * 0.32
            draw.ellipse([x - r, y - size * 1.1 - r * 1.8, x + r, y - size * 1.1 + r * 0.2],
                         fill=HAIR if rng.random() < 0.8 else (200, 200, 196))


def charity_house(img: Image.Image, rng: random.Random) -> None:
    w, h = img.size  # portrait
    horizon = round(h * 0.45)
    gradient(img, (0, 0, w, horizon), (110, 170, 230), (220, 236, 244))
    clouds(img, rng, horizon, count=3)
    gradient(img, (0, horizon, w, h), (110, 156, 80), (160, 140, 100))
    for i in range(5):
        palm(img, rng, w * (0.05 + 0.22 * i), horizon + 20, rng.uniform(300, 420),
             rng.uniform(-0.15, 0.15))
    house(img, rng, w * 0.15, h * 0.66, w * 0.7, h * 0.2, (150, 206, 220), (40, 90, 170))
    banner(img, rng, (w * 0.22, h * 0.38, w * 0.78, h * 0.44))
    draw = canvas(img)
    for _ in range(40):  # flower pots along the front
        x, y = rng.uniform(0, w), rng.uniform(h * 0.67, h * 0.72)
        r = rng.uniform(8, 16)
        draw.ellipse([x - r, y - r, x + r, y + r],
                     fill=rng.choice([(230, 60, 90), (250, 200, 40), (250, 250, 250)]))
    crowd(img, rng, w * 0.05, w * 0.95, h * 0.96, h * 0.3,
          [(214, 60, 110), (120, 70, 160), (250, 250, 246), (214, 60, 110), (40, 110, 190)],
          long_dress=True)


def coconut_candy(img: Image.Image, rng: random.Random) -> None:
    w, h = img.size
    gradient(img, (0, 0, w, h), (236, 222, 196), (200, 186, 160))
    draw = canvas(img)
    draw.rectangle([w * 0.62, h * 0.08, w * 0.92, h * 0.36], fill=(120, 170, 90))  # window
    for i in range(3):
        palm(img, rng, w * (0.66 + 0.1 * i), h * 0.4, 220, rng.uniform(-0.1, 0.1))
    draw.rectangle([w * 0.6, h * 0.06, w * 0.94, h * 0.38], outline=(140, 100, 60), width=16)
    draw.rectangle([w * 0.62, h * 0.36, w * 0.94, h * 0.38], fill=(200, 186, 160))
    for i, x in enumerate((0.15, 0.38, 0.62, 0.85)):
        person(img, rng, w * x, h * 0.78, 520, (246, 246, 244) if i % 2 else (236, 120, 150),
               (70, 60, 80))
        r = 26  # white cap
        draw.ellipse([w * x - r * 1.5, h * 0.78 - 520 * 0.96 - r,
                      w * x + r * 1.5, h * 0.78 - 520 * 0.96 + r * 0.6], fill=(250, 250, 250))
    draw.polygon([(0, h * 0.62), (w, h * 0.62), (w, h), (0, h)], fill=(150, 104, 64))  # table
    for tray in range(3):
        x0 = w * (0.05 + tray * 0.32)
        draw.rectangle([x0, h * 0.68, x0 + w * 0.26, h * 0.94], fill=(196, 196, 200))
        for row in range(8):
            for col in range(9):
                cx = x0 + 20 + col * (w * 0.26 - 40) / 8
                cy = h * 0.7 + 16 + row * (h * 0.22) / 8
                draw.rectangle([cx - 14, cy - 8, cx + 14, cy + 8],
                               fill=jitter((250, 244, 226), rng, 6))
                draw.rectangle([cx - 4, cy - 8, cx + 4, cy + 8],
                               fill=rng.choice([(90, 60, 40), (60, 140, 60), (230, 120, 40)]))


def green_sunday(img: Image.Image, rng: random.Random) -> None:
    w, h = img.size
    horizon = round(h * 0.4)
    gradient(img, (0, 0, w, horizon), (150, 196, 236), (244, 236, 214))
    sun(img, w * 0.85, h * 0.1, 42, (255, 240, 200))
    gradient(img, (0, horizon, w, h), (96, 150, 70), (90, 130, 64))
    for i in range(11):
        palm(img, rng, w * i / 10 + rng.uniform(-30, 30), horizon + 25, rng.uniform(200, 320),
             rng.uniform(-0.2, 0.2))
    water(img, rng, (0, round(h * 0.5), round(w * 0.3), h), (120, 150, 140), (80, 110, 100))
    road(img, (w * 0.32, w * 1.05), (w * 0.48, w * 0.56), horizon, (176, 172, 164),
         (214, 210, 200))
    draw = canvas(img)
    for _ in range(9):  # full rubbish bags waiting for the truck
        x, y = rng.uniform(w * 0.75, w * 0.98), rng.uniform(h * 0.62, h * 0.9)
        r = rng.uniform(30, 46)
        draw.ellipse([x - r, y - r, x + r, y + r * 0.8],
                     fill=rng.choice([(30, 80, 50), (30, 50, 110), (40, 40, 40)]))
    broom = (170, 130, 70)
    shirts = [DOAN_BLUE, (226, 90, 130), DOAN_BLUE, (226, 90, 130), (240, 240, 236), DOAN_BLUE]
    for i, shirt in enumerate(shirts):
        t = 0.3 + 0.7 * (i / (len(shirts) - 1))
        x = w * (0.5 - 0.02 * i) + w * 0.22 * t * (1 if i % 2 else -0.2)
        person(img, rng, x, horizon + (h - horizon) * t, 140 + 340 * t, shirt,
               hat=shirt != DOAN_BLUE, tool=broom)


# --- the list of photos -------------------------------------------------------------------------

@dataclass(frozen=True)
class PhoneExif:
    """Tags a phone would write; `orientation` 6 means 'turn 90° clockwise to view'."""

    make: str
    model: str
    taken: str  # "YYYY:MM:DD HH:MM:SS", the EXIF date form
    latitude: float
    longitude: float
    orientation: int = 1


@dataclass(frozen=True)
class Photo:
    unit: str
    file: str
    size: tuple[int, int]  # as the viewer should see it
    scene: Painter
    exif: PhoneExif | None = None


PHOTOS: tuple[Photo, ...] = (
    Photo("mttq-huyen", "ban-giao-nha-dai-doan-ket.jpg", LANDSCAPE, house_handover),
    Photo("huyen-doan", "thap-sang-duong-que-1.jpg", LANDSCAPE, dusk_road),
    Photo("huyen-doan", "IMG_20240817_191522.jpg", PORTRAIT, installing_lamp,
          PhoneExif("samsung", "SM-A546E", "2024:08:17 19:15:22", 10.287412, 106.341275, 6)),
    Photo("hoi-nong-dan-huyen", "IMG_20240912_083045.jpg", LANDSCAPE, coconut_grove,
          PhoneExif("OPPO", "CPH2505", "2024:09:12 08:30:45", 10.271236, 106.318904)),
    Photo("dang-uy-quan-su-huyen", "dan-quan-dap-dap-ngan-man.jpg", LANDSCAPE, salinity_dam),
    Photo("kv-giao-long", "duong-lien-ap-sau-mo-rong.jpg", LANDSCAPE, widened_road),
    Photo("kv-giao-long", "hop-dan-ap-giao-thanh.jpg", LANDSCAPE, village_meeting),
    Photo("hoi-lhpn-giao-long", "ngoi-nha-nhan-ai-ban-giao.jpg", PORTRAIT, charity_house),
    Photo("doan-tan-thach", "IMG_4127.JPG", LANDSCAPE, coconut_candy,
          PhoneExif("Apple", "iPhone 12", "2024:07:28 15:02:11", 10.303518, 106.352240)),
    Photo("kv-phu-an-hoa", "IMG_20240915_070312.jpg", LANDSCAPE, green_sunday,
          PhoneExif("Xiaomi", "Redmi Note 12", "2024:09:15 07:03:12", 10.259806, 106.346711)),
)


def _dms(value: float) -> tuple[IFDRational, IFDRational, IFDRational]:
    degrees = int(value)
    minutes_full = (value - degrees) * 60
    minutes = int(minutes_full)
    seconds = round((minutes_full - minutes) * 60 * 10000)
    return IFDRational(degrees, 1), IFDRational(minutes, 1), IFDRational(seconds, 10000)


def exif_bytes(meta: PhoneExif) -> bytes:
    exif = Image.Exif()
    exif[0x010F] = meta.make  # Make
    exif[0x0110] = meta.model  # Model
    exif[0x0112] = meta.orientation  # Orientation
    exif[0x0131] = f"{meta.model} firmware"  # Software
    exif[0x0132] = meta.taken  # DateTime
    exif[0x8769] = {  # the Exif sub-IFD
        0x9003: meta.taken,  # DateTimeOriginal
        0x9004: meta.taken,  # DateTimeDigitized
        0x9010: "+07:00",  # OffsetTimeOriginal
    }
    exif[0x8825] = {  # the GPS sub-IFD: what the site must never publish
        0x0000: b"\x02\x02\x00\x00",  # GPSVersionID
        0x0001: "N",  # GPSLatitudeRef
        0x0002: _dms(meta.latitude),
        0x0003: "E",  # GPSLongitudeRef
        0x0004: _dms(meta.longitude),
        0x0005: b"\x00",  # GPSAltitudeRef: above sea level
        0x0006: IFDRational(3, 1),  # GPSAltitude, metres
    }
    return exif.tobytes()


def render(photo: Photo) -> tuple[Image.Image, bytes]:
    """The picture as stored in the file, and its EXIF block (empty for a plain photo)."""
    rng = random.Random(zlib.crc32(f"{photo.unit}/{photo.file}".encode()))
    img = Image.new("RGB", photo.size, (0, 0, 0))
    photo.scene(img, rng)
    img = grain(img, rng)
    if photo.exif is None:
        return img, b""
    if photo.exif.orientation == 6:  # a phone held upright stores the sensor's landscape frame
        img = img.transpose(Image.Transpose.ROTATE_90)
    return img, exif_bytes(photo.exif)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[2],
                        help="the project folder (holds exemplars/)")
    args = parser.parse_args(argv)
    exemplars = args.root / "exemplars"
    for photo in PHOTOS:
        img, exif = render(photo)
        target = exemplars / photo.unit / photo.file
        target.parent.mkdir(parents=True, exist_ok=True)
        options: dict[str, object] = {"quality": JPEG_QUALITY, "optimize": True}
        if exif:
            options["exif"] = exif
        img.save(target, "JPEG", **options)
        print(f"{target.relative_to(args.root)}  {img.width}×{img.height}  "
              f"{target.stat().st_size // 1024} KB{'  EXIF' if exif else ''}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

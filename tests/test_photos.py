"""Photos reach the site upright, stripped of metadata, resized, cached; cards speak Vietnamese."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import struct
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from conftest import REPO, TinyProject, collective, run_dvk
from dvk.media import cards, inspect, photos
from dvk.media.cards import Card
from dvk.pages import Asset, generate
from dvk.pipeline import check, settings_for
from dvk.project import Project
from dvk.site import make as media

Reader = Callable[[Path], BeautifulSoup]
GPS = 0x8825
ORIENTATION = 0x0112
# Every Vietnamese letter, both cases, and the punctuation our cards print.
VIETNAMESE = ("aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụ"
              "ưừứửữựvxyỳýỷỹỵ")
VIETNAMESE += VIETNAMESE.upper() + "“”–·…,:0123456789"


def phone_photo(width: int = 2400, height: int = 1600, orientation: int = 6) -> bytes:
    """A JPEG as a phone writes it: sideways pixels, an Orientation tag, GPS, a comment."""
    im = Image.new("RGB", (width, height), (200, 120, 40))
    im.paste((20, 60, 160), (0, 0, width // 4, height))  # a blue band on the left, to see turns
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[GPS] = {1: "N", 2: (10.0, 14.0, 31.5), 3: "E", 4: (106.0, 22.0, 7.2)}
    exif[0x010F] = "PhoneMaker"
    out = io.BytesIO()
    im.save(out, "JPEG", exif=exif, comment=b"home: ap 3", quality=90)
    return out.getvalue()


def with_photo(project: TinyProject, content: bytes, name: str = "le-ban-giao.jpg") -> None:
    project.write(f"kv-giao-long/{name}", content)
    project.add(collective(photos=[{"file": name, "caption": "Lễ bàn giao <nhà> “nhân ái”",
                                    "credit": "Ban Dân vận"}]))


def problem_codes(project: TinyProject) -> list[tuple[str, str]]:
    return [(d.field, d.code) for d in project.check().diagnostics]


def made(project: TinyProject) -> tuple[dict[str, Path], media.Tally]:
    result = project.check()
    assert result.catalog is not None
    files, tally = media.make(generate(result.catalog, settings_for(Project(project.root), result)),
                              project.root / ".cache", workers=1)
    return {f.path: f.source for f in files if isinstance(f, Asset) and isinstance(f.source, Path)}, tally


# --- what reaches the site ------------------------------------------------------------------

def test_a_phone_photo_is_published_upright_without_any_metadata(project: TinyProject) -> None:
    with_photo(project, phone_photo())
    assets, _ = made(project)
    variants = {p: s for p, s in assets.items() if "le-ban-giao-" in p}
    assert sorted(variants) == sorted(f"dien-hinh/ngoi-nha-nhan-ai/le-ban-giao-w{w}.{ext}"
                                      for w in (640, 1280) for ext in ("webp",))
    for source in variants.values():
        with Image.open(source) as im:
            assert len(im.getexif()) == 0 and not im.getexif().get_ifd(GPS)
            assert not {"exif", "xmp", "icc_profile", "comment", "XML:com.adobe.xmp"} & set(im.info)
            assert im.height > im.width  # Orientation=6 was a quarter turn: 2400×1600 stands up
            # Turned clockwise: the blue band on the raw left edge now runs along the top.
            assert im.getpixel((2, 2))[2] > 120 and im.getpixel((im.width - 3, 2))[2] > 120
            assert im.getpixel((im.width // 2, im.height - 3))[2] < 100
        assert b"PhoneMaker" not in source.read_bytes() and b"ap 3" not in source.read_bytes()


def test_variants_have_the_stated_widths_and_are_never_upscaled(project: TinyProject) -> None:
    with_photo(project, phone_photo(900, 600, orientation=1), name="nho.jpg")
    assets, _ = made(project)
    sizes = {}
    for path, source in assets.items():
        if "/nho-" in path:
            with Image.open(source) as im:
                sizes[path.rsplit("/", 1)[1]] = (im.format, im.size)
    assert sizes == {"nho-w640.webp": ("WEBP", (640, 427)), "nho-w900.webp": ("WEBP", (900, 600))}
    assert photos.variants_for(4000, 3000) == (photos.Variant(640, 480), photos.Variant(1280, 960))


def test_the_page_shows_a_photo_in_webp_widths_and_a_stated_size(
        project: TinyProject, tmp_path: Path, read_html: Reader) -> None:
    with_photo(project, phone_photo())
    done = run_dvk("build", "--site-dir", str(tmp_path / "site"), cwd=project.root)
    assert done.returncode == 0, done.stderr
    page = read_html(tmp_path / "site/dien-hinh/ngoi-nha-nhan-ai/index.html")
    img = page.select_one("figure.dvk-photo img")
    assert img["srcset"] == "le-ban-giao-w640.webp 640w, le-ban-giao-w1280.webp 1280w"
    assert img["src"] == "le-ban-giao-w640.webp" and img["sizes"]
    assert (img["width"], img["height"]) == ("1280", "1920")
    assert (img["loading"], img["decoding"]) == ("lazy", "async")
    assert img["alt"] == "Lễ bàn giao <nhà> “nhân ái”"  # shown as typed, never as markup
    assert page.select_one("figure.dvk-photo figcaption").find("nhà") is None
    for name in ("le-ban-giao-w640.webp", "le-ban-giao-w1280.webp", "og.jpg"):
        assert (tmp_path / "site/dien-hinh/ngoi-nha-nhan-ai" / name).is_file()
    assert not (tmp_path / "site/dien-hinh/ngoi-nha-nhan-ai/le-ban-giao.jpg").exists()


def test_a_photo_whose_name_ends_in_digits_publishes_without_looking_like_an_id_number(
        project: TinyProject, tmp_path: Path) -> None:
    # 'anh-1000-1' + a width of 1280 would read as the 9-digit ID number 1000-1-1280.
    with_photo(project, phone_photo(), name="anh-1000-1.jpg")
    done = run_dvk("build", "--site-dir", str(tmp_path / "site"), cwd=project.root)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "site/dien-hinh/ngoi-nha-nhan-ai/anh-1000-1-w1280.webp").is_file()


# --- the cache --------------------------------------------------------------------------------

def test_a_warm_build_processes_no_photo_and_gives_the_same_bytes(
        project: TinyProject, monkeypatch: pytest.MonkeyPatch) -> None:
    with_photo(project, phone_photo())
    first, tally = made(project)
    assert (tally.photos_processed, tally.photos_cached) == (1, 0) and tally.cards_drawn > 0
    cold = {p: s.read_bytes() for p, s in first.items()}

    def refuse(*args: object) -> None:
        raise AssertionError("a cached photo was processed again")
    monkeypatch.setattr(photos, "render", refuse)
    monkeypatch.setattr(cards, "draw", refuse)
    again, tally = made(project)
    assert (tally.photos_processed, tally.cards_drawn) == (0, 0) and tally.photos_cached == 1
    assert {p: s.read_bytes() for p, s in again.items()} == cold


def test_the_same_photo_gives_the_same_bytes_from_a_fresh_cache(project: TinyProject) -> None:
    with_photo(project, phone_photo())
    source = project.root / "exemplars/kv-giao-long/le-ban-giao.jpg"
    outputs = []
    for name in ("one", "two"):
        folder = project.root / name
        folder.mkdir()
        photos.render(source, folder)
        outputs.append({p.name: p.read_bytes() for p in sorted(folder.iterdir())})
    assert outputs[0] == outputs[1] and len(outputs[0]) == len(photos.WIDTHS)


def test_a_changed_photo_is_processed_again(project: TinyProject) -> None:
    with_photo(project, phone_photo())
    made(project)
    project.write("kv-giao-long/le-ban-giao.jpg", phone_photo(2000, 1500))
    # In the same process, as in a running preview: nothing to clear by hand.
    _, tally = made(project)
    assert tally.photos_processed == 1


def test_a_cached_file_that_is_a_symlink_is_never_published(project: TinyProject, tmp_path: Path) -> None:
    with_photo(project, phone_photo(900, 600, orientation=1), name="nho.jpg")
    first, _ = made(project)
    cold = {p: s.read_bytes() for p, s in first.items()}
    secret = tmp_path / "passwd"
    secret.write_bytes(b"root:x:0:0:root:/root:/bin/bash\n")
    digest = hashlib.sha256(secret.read_bytes()).hexdigest()
    # A card whose og.jpg links out, with a manifest that vouches for what it links to…
    card = first["dien-hinh/ngoi-nha-nhan-ai/og.jpg"]
    card.unlink()
    card.symlink_to(secret)
    (card.parent / "manifest.json").write_text(json.dumps({"key": card.parent.name, "files": {"og.jpg": digest}}))
    # …and a photo's whole entry linked to a folder outside, holding the same names.
    entry = first["dien-hinh/ngoi-nha-nhan-ai/nho-w640.webp"].parent
    outside = tmp_path / "outside"
    shutil.copytree(entry, outside)
    shutil.rmtree(entry)
    entry.symlink_to(outside)
    (outside / "640.webp").write_bytes(secret.read_bytes())
    manifest = json.loads((outside / "manifest.json").read_text())
    manifest["files"]["640.webp"] = digest
    (outside / "manifest.json").write_text(json.dumps(manifest))

    again, tally = made(project)
    assert (tally.photos_processed, tally.cards_drawn) == (1, 1)
    cache = (project.root / ".cache").resolve()
    for path, source in again.items():
        assert not source.is_symlink() and not source.parent.is_symlink()
        assert source.resolve().is_relative_to(cache)
        assert source.read_bytes() == cold[path]
    assert secret.read_bytes().startswith(b"root:") and (outside / "640.webp").exists()  # only links removed


def test_a_cached_file_with_other_content_is_made_again(project: TinyProject) -> None:
    with_photo(project, phone_photo(900, 600, orientation=1), name="nho.jpg")
    first, _ = made(project)
    cold = {p: s.read_bytes() for p, s in first.items()}
    # One variant replaced under its manifest; one card entry planted whole, without a manifest.
    variant = first["dien-hinh/ngoi-nha-nhan-ai/nho-w900.webp"]
    variant.write_bytes(first["dien-hinh/ngoi-nha-nhan-ai/nho-w640.webp"].read_bytes())
    card = first["dien-hinh/ngoi-nha-nhan-ai/og.jpg"]
    shutil.rmtree(card.parent)
    card.parent.mkdir()
    card.write_bytes(variant.read_bytes())

    again, tally = made(project)
    assert (tally.photos_processed, tally.cards_drawn) == (1, 1)
    assert {p: s.read_bytes() for p, s in again.items()} == cold


def test_a_build_reports_processed_and_cached_photos(project: TinyProject, tmp_path: Path) -> None:
    with_photo(project, phone_photo())
    lines = []
    for name in ("cold", "warm"):
        done = run_dvk("build", "--site-dir", str(tmp_path / name), cwd=project.root)
        assert done.returncode == 0, done.stderr
        lines += [line for line in done.stderr.splitlines() if "Ảnh:" in line]
    assert "Ảnh: 1 xử lý mới, 0 lấy từ bộ nhớ đệm" in lines[0]
    assert "Ảnh: 0 xử lý mới, 1 lấy từ bộ nhớ đệm; thẻ chia sẻ: 0 vẽ mới" in lines[1]


# --- limits: a message, never a crash ---------------------------------------------------------

def test_a_decompression_bomb_is_refused_with_a_message(project: TinyProject) -> None:
    out = io.BytesIO()
    Image.new("1", (12000, 12000)).save(out, "PNG")  # 144 MP in a few kilobytes
    with_photo(project, out.getvalue(), name="bom.png")
    assert problem_codes(project) == [("photos[1].file", "photo.too_many_pixels")]
    assert "quá nhiều điểm ảnh" in project.check().diagnostics[0].render()


def test_the_content_decides_the_format_not_the_name(project: TinyProject) -> None:
    out = io.BytesIO()
    Image.new("RGB", (800, 600), "green").save(out, "PNG")
    with_photo(project, out.getvalue(), name="that-ra-la-png.jpg")
    assert problem_codes(project) == []  # a real PNG named .jpg is a photo; it is re-encoded anyway


@pytest.mark.parametrize(("content", "code"), [
    (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
     "photo.svg"),
    ("Đây là một tệp văn bản.".encode(), "photo.not_image"),
    (b"GIF89a" + bytes(40), "photo.not_image"),
])
def test_a_file_that_is_not_a_photo_is_refused_whatever_its_name(
        project: TinyProject, content: bytes, code: str) -> None:
    with_photo(project, content)
    assert problem_codes(project) == [("photos[1].file", code)]
    assert "— " in project.check().diagnostics[0].render("en")


def test_other_image_formats_are_refused_by_name(project: TinyProject) -> None:
    out = io.BytesIO()
    Image.new("RGB", (64, 64)).save(out, "GIF")
    with_photo(project, out.getvalue())
    assert problem_codes(project) == [("photos[1].file", "photo.format")]
    assert "GIF" in project.check().diagnostics[0].render()


def test_a_truncated_photo_is_refused(project: TinyProject) -> None:
    whole = phone_photo()
    with_photo(project, whole[: len(whole) // 2])
    assert problem_codes(project) == [("photos[1].file", "photo.damaged")]


def test_a_photo_over_the_size_limit_is_refused(project: TinyProject, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inspect, "MAX_FILE_BYTES", 10_000)
    with_photo(project, phone_photo())
    assert problem_codes(project) == [("photos[1].file", "photo.too_large")]


# --- social cards -------------------------------------------------------------------------------

def test_the_font_has_every_vietnamese_letter() -> None:
    for weight in ("Regular", "Bold"):
        assert cards.missing(VIETNAMESE, weight) == set()
    assert (REPO / "scripts/dvk/media/fonts/OFL.txt").read_text().count("SIL OPEN FONT LICENSE") >= 1


def test_every_card_of_the_sample_is_a_1200_by_630_jpeg_under_80_kb_and_its_text_is_in_the_font(
        sample_site: Path) -> None:
    result = check(Project(REPO))
    assert result.catalog is not None
    card_assets = [f for f in generate(result.catalog, settings_for(Project(REPO), result))
                   if isinstance(f, Asset) and isinstance(f.source, Card)]
    kinds = {f.path.split("/")[0] for f in card_assets}
    assert {"dien-hinh", "don-vi", "noi-dung"} <= kinds
    assert len([f for f in card_assets if f.path.startswith("dien-hinh/")]) == len(result.catalog.exemplars)
    for asset in card_assets:
        text = "".join(asset.source.texts)
        assert cards.missing(text, "Bold") == set() and cards.missing(text, "Regular") == set(), asset.path
        with Image.open(sample_site / asset.path) as im:
            assert (im.format, im.size) == ("JPEG", (1200, 630))
        assert (sample_site / asset.path).stat().st_size <= 80 * 1024, asset.path


def test_a_card_beside_a_busy_photo_still_fits_the_80_kb_budget(tmp_path: Path) -> None:
    # Noise is the worst a phone photo can be for JPEG: at the usual quality this card is larger.
    photo = tmp_path / "busy.png"
    Image.effect_noise((1600, 1200), 120).convert("RGB").save(photo)
    card = Card("Tổ hòa giải ở cơ sở ấp Phú Hòa giữ bình yên xóm làng suốt mười năm liền",
                "Khối vận xã Giao Long", "Dân vận khéo", photo)
    target = tmp_path / "og.jpg"
    cards.draw(card, target, photo)
    with Image.open(target) as im:
        assert (im.format, im.size) == ("JPEG", (1200, 630))
    assert target.stat().st_size <= cards.BUDGET == 80 * 1024


def wide_gamut_red_photo() -> bytes:
    """A red JPEG tagged with a colour profile whose red is sRGB's green: a camera's wide-gamut
    profile taken to the extreme, so that a profile ignored shows at a glance."""
    def s15(value: float) -> bytes:
        return struct.pack(">i", round(value * 65536))

    def xyz(x: float, y: float, z: float) -> bytes:
        return b"XYZ " + bytes(4) + s15(x) + s15(y) + s15(z)
    red, green, blue = (0.4361, 0.2225, 0.0139), (0.3851, 0.7169, 0.0971), (0.1431, 0.0606, 0.7141)
    name = b"swapped primaries\0"
    linear = b"curv" + bytes(4) + struct.pack(">IH", 1, 256) + bytes(2)  # gamma 1.0
    tags = [(b"desc", b"desc" + bytes(4) + struct.pack(">I", len(name)) + name + bytes(78)),
            (b"wtpt", xyz(0.9642, 1.0, 0.8249)), (b"rXYZ", xyz(*green)), (b"gXYZ", xyz(*red)),
            (b"bXYZ", xyz(*blue)), (b"rTRC", linear), (b"gTRC", linear), (b"bTRC", linear)]
    table, data, start = b"", b"", 128 + 4 + 12 * len(tags)
    for signature, body in tags:
        table += signature + struct.pack(">II", start + len(data), len(body))
        data += body + bytes(-len(body) % 4)
    header = (struct.pack(">I", start + len(data)) + bytes(4) + struct.pack(">I", 0x02100000)
              + b"mntrRGB XYZ " + bytes(12) + b"acsp" + bytes(28) + xyz(0.9642, 1.0, 0.8249)[8:] + bytes(48))
    out = io.BytesIO()
    Image.new("RGB", (1600, 1200), (255, 0, 0)).save(
        out, "JPEG", icc_profile=header + struct.pack(">I", len(tags)) + table + data, quality=95)
    return out.getvalue()


def test_a_card_shows_its_photo_in_the_colours_the_page_shows_it(project: TinyProject) -> None:
    with_photo(project, wide_gamut_red_photo())
    assets, _ = made(project)
    with Image.open(assets["dien-hinh/ngoi-nha-nhan-ai/le-ban-giao-w1280.webp"]) as im:
        published = im.convert("RGB").getpixel((640, 480))
    with Image.open(assets["dien-hinh/ngoi-nha-nhan-ai/og.jpg"]) as im:
        shown = im.convert("RGB").getpixel((1200 - 220, 315))  # the middle of the photo beside the text
    assert published[1] > 200 and published[0] < 60  # the profile's red is green in sRGB
    assert all(abs(a - b) <= 12 for a, b in zip(shown, published, strict=True)), (shown, published)


def test_pages_name_their_card_in_open_graph_and_twitter_tags(sample_site: Path, read_html: Reader) -> None:
    for page in ("dien-hinh/dan-quan-chau-thanh-giup-dan-phong-chong-han-man", "don-vi/hoi-nong-dan-huyen",
                 "noi-dung/mui-3"):
        html = read_html(sample_site / page / "index.html")
        meta = {m.get("property") or m.get("name"): m["content"] for m in html.find_all("meta")
                if m.get("property", "").startswith("og:") or m.get("name", "").startswith("twitter:")}
        assert meta["og:image"] == f"https://dan-van-kheo.example/{page}/og.jpg"
        assert meta["twitter:card"] == "summary_large_image"
        assert meta["og:title"] and meta["og:description"]
        assert meta["og:type"] == ("article" if page.startswith("dien-hinh") else "website")


def test_a_character_the_font_lacks_is_left_out_not_drawn_as_a_box() -> None:
    assert cards.drawable("Nhà 🏠 nhân ái 愛", "Bold") == "Nhà nhân ái"


def test_the_benchmark_counts_a_cold_and_a_warm_run() -> None:
    from bench.photos import run
    figures = run(count=2, workers=1)
    assert (figures.cold_processed, figures.warm_processed) == (2, 0)
    assert "photos/s" in "\n".join(figures.lines())


def test_a_previews_next_build_takes_what_it_made_of_the_same_assets_without_asking_the_cache_again(
        project: TinyProject, monkeypatch: pytest.MonkeyPatch) -> None:
    with_photo(project, phone_photo())
    result = project.check()
    assert result.catalog is not None
    files = generate(result.catalog, settings_for(Project(project.root), result))
    first, _ = media.make(files, project.root / ".cache", workers=1, again=True)

    def asked(*_: object) -> bool:
        raise AssertionError("the cache was asked again")

    monkeypatch.setattr(media, "_intact", asked)
    again, tally = media.make(files, project.root / ".cache", workers=1, again=True)
    assert all(a is b for a, b in zip(first, again, strict=True))
    assert (tally.photos_processed, tally.photos_cached, tally.cards_drawn) == (0, 1, 0)
    with pytest.raises(AssertionError, match="asked again"):  # a build (no preview) checks every entry
        media.make(files, project.root / ".cache", workers=1)

"""No file a contributor writes can crash or stall the checker or the build, and text is clean
before anything else sees it.

Each case here once got through: a crash of libyaml, a ValueError, an infinity on a page, a zip
that refused a date, a photo that passed the checker and stopped the build, two photos
published under one name, a story that kept the checker busy for minutes. Timings are never
asserted (the benchmark reports the slowest file); each test says what the contributor is told.
"""

from __future__ import annotations

import io
import json
import warnings
import zipfile
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from conftest import STORY, TinyProject, collective, exemplar_text, jpeg, run_dvk
from dvk.load import read_registry
from dvk.load.bounds import MAX_BLOCK_CHARS, MAX_BLOCKS, MAX_LINE_PREFIX, MAX_MARKS, MAX_MARKUP
from dvk.media import inspect
from dvk.media.kit import Kit
from dvk.pipeline import build
from dvk.project import Project
from dvk.settings import read_engine_settings

PHOTO = {"caption": "Bàn giao nhà", "credit": "Khối vận"}


def codes(project: TinyProject) -> list[tuple[str, str]]:
    return [(d.field, d.code) for d in project.check().diagnostics]


def front(text: str) -> str:
    """An exemplar file whose front matter ends with `text` (a valid file before it)."""
    return exemplar_text(collective()).replace("\n---\n", f"\n{text}\n---\n", 1)


def builds(project: TinyProject) -> int:
    """Build the site in this process (every page, photo, card and kit); the number of files."""
    built = build(Project(project.root), read_engine_settings(project.root / "mkdocs.yml"))
    return len(built.files)


# --- YAML ----------------------------------------------------------------------------------

def test_yaml_nested_thousands_deep_is_refused_where_libyaml_used_to_crash(project: TinyProject) -> None:
    project.write("kv-giao-long/long-sau.md", front("model: " + "[" * 100_000))
    done = run_dvk("check", "--format", "json", cwd=project.root)  # a crash would kill pytest itself
    assert done.returncode == 1, done.stderr
    [found] = json.loads(done.stdout)["diagnostics"]
    assert (found["field"], found["code"], found["line"]) == ("model", "yaml.too_complex", 20)


def test_a_number_of_five_thousand_digits_is_refused_with_a_message(project: TinyProject) -> None:
    project.write("kv-giao-long/so-dai.md", exemplar_text(collective()).replace("target: 10", "target: " + "9" * 5000))
    [found] = project.check().diagnostics
    assert (found.field, found.code) == ("criteria[1].target", "yaml.number_too_long")
    assert "5000 chữ số" in found.render() and "double quotes" in found.render("en")


@pytest.mark.parametrize(("target", "result"), [("10", "1e999"), ("1.7e308", "1.7e308"), ("10", ".nan"),
                                                ("10", ".inf"), ("1e13", "12")])
def test_criteria_numbers_are_finite_and_bounded(project: TinyProject, target: str, result: str) -> None:
    text = exemplar_text(collective()).replace("target: 10", f"target: {target}")
    text = text.replace("result: 12", f"result: {result}")
    project.write("kv-giao-long/so-lon.md", text)
    assert {code for _, code in codes(project)} <= {"schema.range", "schema.type"}
    assert codes(project)


def test_a_tiny_target_still_builds_a_page(project: TinyProject) -> None:
    project.write("kv-giao-long/chi-tieu-nho.md",
                  exemplar_text(collective()).replace("target: 10", "target: 5.0e-324"))
    assert codes(project) == []
    assert builds(project) > 0


# --- dates ---------------------------------------------------------------------------------

def test_a_date_before_1980_is_refused_as_out_of_bounds(project: TinyProject) -> None:
    project.add(collective(recognition={"decision": "15-QĐ/BDVHU", "date": "1970-01-01", "by": "Ban Dân vận"}))
    [found] = project.check().diagnostics
    assert (found.field, found.code) == ("recognition.date", "date.too_early")
    assert "1980-01-01" in found.render()


@pytest.mark.parametrize("day", [date(1970, 1, 1), date(1, 1, 1), date(9999, 12, 31)])
def test_the_kit_writer_zips_any_date(day: date) -> None:
    kit = Kit("mo-hinh", day, (("doc.md", b"# x\n"),))
    with zipfile.ZipFile(io.BytesIO(kit.zip())) as done:
        assert done.namelist() == ["mo-hinh/doc.md"]
        assert 1980 <= done.infolist()[0].date_time[0] <= 2107


# --- photos --------------------------------------------------------------------------------

# An EXIF block whose IFD claims 15,106 entries (Pillow: struct.error), and one that is no TIFF
# at all (SyntaxError): both decoded fine and stopped the build when it turned the photo upright.
BAD_EXIF = {"ifd": bytes.fromhex("457869660000 4d4d002a00000008 3b02 0108 0002 00000002 78000000 0112 0003"
                                 "00000001 00060000 00000000"),
            "header": b"Exif\x00\x00XX\x00*\x00\x00\x00\x08"}


@pytest.mark.parametrize("kind", sorted(BAD_EXIF))
@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_a_photo_with_malformed_exif_is_refused_by_the_checker(project: TinyProject, fmt: str, kind: str) -> None:
    out = io.BytesIO()
    Image.new("RGB", (64, 48)).save(out, fmt, exif=BAD_EXIF[kind])
    name = f"anh.{fmt.lower()}"
    project.write(f"kv-giao-long/{name}", out.getvalue())
    project.add(collective(photos=[{"file": name, **PHOTO}]))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Pillow warns "Corrupt EXIF data" before it raises
        assert codes(project) == [("photos[1].file", "photo.damaged")]


def test_two_photos_published_under_one_name_are_refused_naming_both(project: TinyProject) -> None:
    out = io.BytesIO()
    Image.new("RGB", (64, 48)).save(out, "PNG")
    project.write("kv-giao-long/anh.png", out.getvalue())
    project.write("kv-giao-long/anh.jpg", jpeg())
    project.add(collective(photos=[{"file": "anh.jpg", **PHOTO}, {"file": "anh.png", **PHOTO}]))
    [found] = project.check().diagnostics
    assert (found.field, found.code) == ("photos[2].file", "photo.same_name")
    assert "'anh.png'" in found.render() and "'anh.jpg'" in found.render() and "anh-w640.webp" in found.render()


@pytest.mark.parametrize(("times", "expected"), [
    (3, [("photos[2].file", "photo.listed_twice"), ("photos[3].file", "photo.listed_twice")]),
    (100, [("photos", "schema.range")] + [(f"photos[{i}].file", "photo.listed_twice") for i in range(2, 101)]),
])
def test_a_photo_listed_again_and_again_is_refused_and_decoded_once(
        project: TinyProject, monkeypatch: pytest.MonkeyPatch, times: int, expected: list[tuple[str, str]]) -> None:
    """Listed twice, its variants would be published twice (the build would stop); and however
    often it is listed, it is read once."""
    project.write("kv-giao-long/anh.jpg", jpeg())
    project.add(collective(photos=[{"file": "anh.jpg", **PHOTO}] * times))
    decoded: list[int] = []
    real = inspect.upright_srgb
    monkeypatch.setattr(inspect, "upright_srgb", lambda im, widest: decoded.append(1) or real(im, widest))
    assert sorted(codes(project)) == sorted(expected)
    assert len(decoded) == 1


# --- the story -----------------------------------------------------------------------------

LINE = 200_000  # one line, well under the file size limit, that kept the checker busy for minutes


@pytest.mark.parametrize(("story", "code"), [
    ("[" * LINE, "story.block_too_long"),
    ("<" * LINE, "story.block_too_long"),
    ("*_" * (LINE // 2), "story.block_too_long"),
    ("![](" * (LINE // 4), "story.block_too_long"),
    ("`" * LINE, "story.block_too_long"),
    ("\\" * LINE, "story.block_too_long"),
    ("a\n\n" * (MAX_BLOCKS + 1), "story.too_many_blocks"),
    ("- " * (MAX_LINE_PREFIX // 2 + 1) + "a", "story.nested_too_deep"),
    ("\n\n".join(["[a"] * (MAX_MARKS["["] + 1)), "story.too_many_marks"),
    ("\n\n".join(["<a"] * (MAX_MARKS["<"] + 1)), "story.too_many_marks"),
    ("\n\n".join(["**đậm** và _nghiêng_"] * (MAX_MARKUP // 6 + 1)), "story.too_much_markup"),
])
def test_a_story_past_a_bound_is_refused_before_markdown_sees_it(project: TinyProject, story: str,
                                                                 code: str) -> None:
    project.add(collective(), story=STORY + "\n\n" + story)
    found = [d for d in project.check().diagnostics if d.code.startswith("story.")]
    assert [(d.field, d.code) for d in found][:1] == [("story", code)]
    assert found[0].line is not None and found[0].line >= 18
    assert "{" not in found[0].render("en") and "{" not in found[0].render()


def test_an_honest_long_story_is_within_every_bound(project: TinyProject) -> None:
    paragraph = " ".join([STORY] * 5)  # ~1,900 characters, a long paragraph
    assert len(paragraph) < MAX_BLOCK_CHARS
    story = "\n\n".join([paragraph, "- một\n- hai\n  - ba", "> trích dẫn", "[liên kết](https://example.org)"] * 20)
    project.add(collective(), story=story)
    assert codes(project) == []


# --- text hygiene --------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "code", "char"), [
    ("Mô hình\x07 nhà", "text.control", "U+0007"),
    ("Mô hình\x85 nhà", "text.control", "U+0085"),
    ("Mô hình\u202e nhà", "text.bidi", "U+202E"),
    ("Mô hình\u2066 nhà", "text.bidi", "U+2066"),
    ("Mô hình\u200f nhà", "text.bidi", "U+200F"),
    ("Mô hình\ufdd0 nhà", "text.noncharacter", "U+FDD0"),
    ("Mô hình\U0001fffe nhà", "text.noncharacter", "U+1FFFE"),
    ("Mô hình\t nhà", "text.control", "U+0009"),
])
def test_a_character_no_text_may_hold_is_refused_naming_its_code(project: TinyProject, typed: str,
                                                                code: str, char: str) -> None:
    project.write("kv-giao-long/ky-tu.md", exemplar_text(collective()).replace(
        "title: Mô hình", f"title: {typed}", 1))
    [found] = project.check().diagnostics
    assert (found.path, found.line, found.field, found.code) == ("exemplars/kv-giao-long/ky-tu.md", 2, "title", code)
    assert char in found.render() and char in found.render("en")


@pytest.mark.parametrize(("escape", "code"), [("\\u202E", "text.bidi"), ("\\x07", "text.control"),
                                              ("\\uFFFF", "text.noncharacter")])
def test_a_yaml_escape_cannot_smuggle_one_in(project: TinyProject, escape: str, code: str) -> None:
    summary = "summary: Khối vận xã vận động xây 12 căn nhà nhân ái cho hộ nghèo trong hai năm."
    text = exemplar_text(collective()).replace(summary, f'summary: "Khối vận xã {escape} vận động xây 12 căn nhà."')
    project.write("kv-giao-long/ma-thoat.md", text)
    assert codes(project) == [("summary", code)]


def test_the_story_keeps_tabs_and_refuses_the_rest(project: TinyProject) -> None:
    path = project.add(collective(), story=STORY + "\n\n\tthụt lề\n\nchữ\u202eđảo")
    line = next(i for i, text in enumerate(path.read_text("utf-8").split("\n"), 1) if "chữ" in text)
    [found] = project.check().diagnostics
    assert (found.field, found.code, found.line) == ("story", "text.bidi", line)


@pytest.mark.parametrize("blank", ["     ", "\u3164\u3164\u3164\u3164\u3164", "\u200b\u200b\u2060\ufeff\u00ad ",
                                   "\u2800\u2800\u2800\u2800\u2800", "\u115f\u1160\u00a0\u3000\u2003"])
def test_a_title_made_only_of_spaces_or_invisible_letters_is_refused(project: TinyProject, blank: str) -> None:
    project.add(collective(title=blank))
    assert ("title", "text.blank") in codes(project)


def test_registries_are_held_to_the_same_text_rules(tmp_path: Path) -> None:
    (tmp_path / "exemplars").mkdir()
    path = tmp_path / "exemplars/groups.yml"
    path.write_text("- id: thanh-nien\n  title: Thanh\u202e niên\n  description: '   '\n", "utf-8")
    doc = read_registry(path, tmp_path)
    assert [(d.line, d.field, d.code) for d in doc.diagnostics] == [
        (2, "[1].title", "text.bidi"), (3, "[1].description", "text.blank")]

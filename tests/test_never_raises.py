"""Whatever bytes a contributor saves, the checker answers with messages, never a traceback.

Each example also runs the command line (registries included, ~0.1 s), so the examples are
kept few (30 each): about 15 s of calls in all. `main` returns 2 when anything raises, which the test refuses.

Hypothesis writes random YAML-ish front matter, Markdown stories, raw bytes and random text
in every text field the schema has (with the characters load refuses: controls, bidi controls,
noncharacters, invisible letters); each goes through `read_exemplar`, `check_exemplar` and the
command line itself (`dvk check FILE`).
"""

from __future__ import annotations

import contextlib
import copy
import io
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import TinyProject, collective, exemplar_text
from dvk import schema
from dvk.cli import main
from dvk.load import read_exemplar
from dvk.validate import check_exemplar

KEYS = ["title", "kind", "unit", "summary", "recognition", "period", "criteria", "steps", "photos",
        "media", "person", "consent", "learned_from", "contact", "draft", "<<", "? ", "&a", "*a"]
YAML_BITS = ["- ", ": ", "  ", "\n", "\t", "[", "]", "{", "}", ",", "'", '"', "|", ">", "!!str ",
             "!!python/name:os.system", "&a ", "*a", "---", "...", "#", "%YAML 1.1", "~", "null",
             "no", "on", "1.10", "2024-02-30", "0912345678", "083190001234", "số nhà 5", "\ufeff",
             "e\u0301", "\r\n", "\x00"]
# What load refuses or must see through, and what Markdown and the search regexes work hardest on.
SPECIAL = ["\x00", "\x07", "\t", "\x1b", "\x7f", "\x85", "\u00ad", "\u061c", "\u200b", "\u200e", "\u202e",
           "\u2066", "\u2060", "\u3164", "\u2800", "\u115f", "\ufdd0", "\ufeff", "\ufffe", "\U0010ffff",
           "[" * 50, "<" * 50, "*_" * 25, "`" * 50, "\\" * 50, "- " * 40, "e\u0301"]
MARKDOWN_BITS = ["<script>", "</script>", "<img src=x onerror=1>", "![a](", "](javascript:x)", "[r]: ",
                 "<!--", "-->", "```", "{: .x }", "|", "---", "#", "*", "_", "\\", "<", "&#0;",
                 "<a href=", "ảnh", "\n", *SPECIAL]

yaml_text = st.lists(st.sampled_from(KEYS + YAML_BITS) | st.text(max_size=8), max_size=40).map("".join)
markdown_text = st.lists(st.sampled_from(MARKDOWN_BITS) | st.text(max_size=12), max_size=40).map("".join)
field_text = st.lists(st.sampled_from(SPECIAL) | st.text(st.characters(exclude_categories=["Cs"]), max_size=8),
                      max_size=12).map("".join)
FAST = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _check_file(root: Path, path: Path) -> None:
    doc = read_exemplar(path, root)
    check_exemplar(doc, date(2025, 1, 1))
    for diagnostic in doc.diagnostics:
        diagnostic.render("vi")
        diagnostic.render("en")
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()) as err:
        code = main(["--root", str(root), "check", "--format", "json", str(path)])
    assert code in (0, 1), err.getvalue()


@FAST
@given(front=yaml_text, story=markdown_text)
def test_random_front_matter_and_story_never_raise(project: TinyProject, front: str, story: str) -> None:
    path = project.write("kv-giao-long/ngau-nhien.md", f"---\n{front}\n---\n{story}\n")
    _check_file(project.root, path)


@FAST
@given(story=markdown_text)
def test_random_stories_under_valid_front_matter_never_raise(project: TinyProject, story: str) -> None:
    path = project.write("kv-giao-long/ngau-nhien.md", exemplar_text(collective(), story))
    _check_file(project.root, path)


@FAST
@given(data=st.binary(max_size=300))
def test_random_bytes_never_raise(project: TinyProject, data: bytes) -> None:
    path = project.write("kv-giao-long/ngau-nhien.md", b"---\n" + data)
    _check_file(project.root, path)


def _text_fields(sub: dict, path: tuple[str | int, ...]) -> list[tuple[str | int, ...]]:
    """The path of every string field of the exemplar schema (0 for the first item of a list)."""
    root = schema.load_schema(schema.EXEMPLAR)
    sub = schema.resolve(root, sub)
    if sub.get("type") == "string":
        return [path]
    found = []
    for key, child in (sub.get("properties") or {}).items():
        found += _text_fields(child, (*path, key))
    if isinstance(sub.get("items"), dict):
        found += _text_fields(sub["items"], (*path, 0))
    return found


TEXT_FIELDS = _text_fields(schema.load_schema(schema.EXEMPLAR), ())
EVERY_FIELD = collective(  # a file with every optional part once, so each text field exists
    model="Ngôi nhà nhân ái", fields=["van-hoa-xa-hoi"], groups=["phu-nu"], learned_from=["mot-dien-hinh"],
    steps=[{"step": 1, "date": "2024-04-10", "note": "Phát động"}],
    nominations=[{"level": "huyen", "date": "2024-10-01", "note": "Đề nghị"}],
    media=[{"outlet": "Đài Bến Tre", "programme": "Dân vận khéo", "title": "Ánh sáng", "date": "2024-10-02",
            "url": "https://example.org/a"}],
    photos=[{"file": "anh.jpg", "caption": "Bàn giao nhà", "credit": "Khối vận"}],
    contact={"office": "Văn phòng", "phone": "0275 3861 234", "email": "a@example.vn"},
    person={"name": "Lê Thị Hồng", "position": "Chi hội trưởng"}, consent="2024-08-01",
    recognition={"decision": "15-QĐ/BDVHU", "date": "2024-09-02", "by": "Ban Dân vận", "form": "Giấy khen",
                 "by_unit": "bdv-huyen-uy"},
    campaign="dong-khoi-moi-2024-2025")


def test_every_text_field_of_the_schema_is_reached() -> None:
    assert len(TEXT_FIELDS) >= 25
    for path in TEXT_FIELDS:
        data: object = EVERY_FIELD
        for step in path:
            data = data[step]  # type: ignore[index]
        assert isinstance(data, str), path


@FAST
@given(field=st.sampled_from(TEXT_FIELDS), text=field_text)
def test_random_text_in_any_text_field_never_raises(project: TinyProject, field: tuple[str | int, ...],
                                                    text: str) -> None:
    data = copy.deepcopy(EVERY_FIELD)
    target = data
    for step in field[:-1]:
        target = target[step]
    target[field[-1]] = text
    path = project.write("kv-giao-long/ngau-nhien.md", exemplar_text(data))
    _check_file(project.root, path)

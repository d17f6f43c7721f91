"""Whatever bytes a contributor saves, the checker answers with messages, never a traceback.

Each example also runs the command line (registries included, ~0.1 s), so the examples are
kept few (30 each): about 15 s of calls in all. `main` returns 2 when anything raises, which the test refuses.

Hypothesis writes random YAML-ish front matter, Markdown stories and raw bytes; each goes
through `read_exemplar`, `check_exemplar` and the command line itself (`dvk check FILE`).
"""

from __future__ import annotations

import contextlib
import io
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import TinyProject, collective, exemplar_text
from dvk.cli import main
from dvk.load import read_exemplar
from dvk.validate import check_exemplar

KEYS = ["title", "kind", "unit", "summary", "recognition", "period", "criteria", "steps", "photos",
        "media", "person", "consent", "learned_from", "contact", "draft", "<<", "? ", "&a", "*a"]
YAML_BITS = ["- ", ": ", "  ", "\n", "\t", "[", "]", "{", "}", ",", "'", '"', "|", ">", "!!str ",
             "!!python/name:os.system", "&a ", "*a", "---", "...", "#", "%YAML 1.1", "~", "null",
             "no", "on", "1.10", "2024-02-30", "0912345678", "083190001234", "số nhà 5", "\ufeff",
             "e\u0301", "\r\n", "\x00"]
MARKDOWN_BITS = ["<script>", "</script>", "<img src=x onerror=1>", "![a](", "](javascript:x)", "[r]: ",
                 "<!--", "-->", "```", "{: .x }", "|", "---", "#", "*", "_", "\\", "<", "&#0;",
                 "<a href=", "ảnh", "\n"]

yaml_text = st.lists(st.sampled_from(KEYS + YAML_BITS) | st.text(max_size=8), max_size=40).map("".join)
markdown_text = st.lists(st.sampled_from(MARKDOWN_BITS) | st.text(max_size=12), max_size=40).map("".join)
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

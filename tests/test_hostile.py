"""The hostile corpus: every file in tests/hostile/ does one bad thing, and the checker names it.

tests/hostile/expected.yml says, per file, the exact field and code of each message and a
piece of its Vietnamese text. All files sit in one project, so the cross-file rules (slugs
used twice, `learned_from` going round in a circle) are exercised as `dvk check` meets them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import TinyProject, collective, exemplar_text, jpeg, run_dvk
from dvk.diagnostics import CATALOGUE
from dvk.load import MAX_FILE_BYTES
from dvk.pipeline import CheckResult

HOSTILE = Path(__file__).parent / "hostile"
EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load((HOSTILE / "expected.yml").read_text("utf-8"))


def placed(name: str) -> str:
    return "exemplars/" + EXPECTED[name].get("at", f"kv-giao-long/{name}")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[TinyProject, CheckResult]:
    project = TinyProject(tmp_path_factory.mktemp("hostile") / "project")
    for name in EXPECTED:
        project.write(placed(name).removeprefix("exemplars/"), (HOSTILE / name).read_bytes())
    return project, project.check()


def test_the_corpus_has_at_least_forty_files_each_with_an_expectation() -> None:
    files = sorted(p.name for p in HOSTILE.glob("*.md"))
    assert len(files) >= 40
    assert files == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_hostile_file_gets_exactly_its_message(name: str,
                                                  hostile: tuple[TinyProject, CheckResult]) -> None:
    _, result = hostile
    found = [d for d in result.diagnostics if d.path == placed(name)]
    expected = EXPECTED[name]["expect"]
    assert [(d.field, d.code) for d in found] == [(e["field"], e["code"]) for e in expected]
    for diagnostic, want in zip(found, expected, strict=True):
        assert want["message"] in diagnostic.render("vi")
        assert str(diagnostic.severity) == want.get("severity", "error")
        assert diagnostic.line is not None or diagnostic.code.startswith("file.")
        # The English text exists and is filled in too: no '{placeholder}' is left over.
        assert "{" not in diagnostic.render("en").replace("{title: x}", "")


def test_no_hostile_file_with_an_error_is_published(hostile: tuple[TinyProject, CheckResult]) -> None:
    _, result = hostile
    clean = {placed(name).removeprefix("exemplars/").rsplit("/", 1)[-1].removesuffix(".md")
             for name, entry in EXPECTED.items()
             if all(e.get("severity") == "warning" for e in entry["expect"])}
    assert {e.slug for e in result.catalog.exemplars} == clean


def test_the_cli_reports_the_corpus_as_json_without_a_traceback(
        hostile: tuple[TinyProject, CheckResult]) -> None:
    project, result = hostile
    done = run_dvk("check", "--format", "json", cwd=project.root)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    report = json.loads(done.stdout)
    assert len(report["diagnostics"]) == len(result.diagnostics)
    assert {d["code"] for d in report["diagnostics"]} >= {"privacy.phone", "ref.cycle", "yaml.tag"}


def test_every_code_has_both_languages_and_a_fix() -> None:
    for code, texts in CATALOGUE.items():
        assert set(texts) == {"vi", "en"}, code
        for what, fix in texts.values():
            assert what and fix, code


def test_a_file_too_large_is_refused_before_it_is_parsed(project: TinyProject) -> None:
    project.add(collective(), story="Câu chuyện dài. " * (MAX_FILE_BYTES // 10))
    [d] = project.check().diagnostics
    assert (d.field, d.code) == ("", "file.too_large")
    assert f"tối đa {MAX_FILE_BYTES}" in d.render()


def test_a_photo_symlinked_out_of_the_folder_is_refused(project: TinyProject, tmp_path: Path) -> None:
    secret = tmp_path / "secret.jpg"
    secret.write_bytes(b"not for the public")
    project.add(collective(photos=[{"file": "anh.jpg", "caption": "Bàn giao nhà", "credit": "Khối vận"}]))
    (project.root / "exemplars/kv-giao-long/anh.jpg").symlink_to(secret)
    [d] = project.check().diagnostics
    assert (d.field, d.code) == ("photos[1].file", "photo.outside")


def test_a_photo_symlinked_to_another_exemplars_folder_is_refused(project: TinyProject) -> None:
    other = project.write("kv-tan-thach/anh.jpg", b"\xff\xd8\xff")
    project.add(collective(photos=[{"file": "anh.jpg", "caption": "Bàn giao nhà", "credit": "Khối vận"}]))
    (project.root / "exemplars/kv-giao-long/anh.jpg").symlink_to(other)
    assert [(d.field, d.code) for d in project.check().diagnostics] == [("photos[1].file", "photo.outside")]


def test_a_photo_that_is_a_folder_or_a_symlink_loop_is_refused(project: TinyProject) -> None:
    folder = project.root / "exemplars/kv-giao-long"
    photos = [{"file": name, "caption": "Bàn giao nhà", "credit": "Khối vận"} for name in ("a.jpg", "b.jpg")]
    project.add(collective(photos=photos))
    (folder / "a.jpg").mkdir()
    (folder / "b.jpg").symlink_to(folder / "b.jpg")
    assert [(d.field, d.code) for d in project.check().diagnostics] == [
        ("photos[1].file", "photo.not_file"), ("photos[2].file", "photo.not_file")]


def test_a_photo_in_its_own_folder_and_shown_in_the_story_passes(project: TinyProject) -> None:
    project.write("kv-giao-long/ban-giao.jpg", jpeg())
    story = exemplar_text(collective()).split("---\n", 2)[2] + "\n![Bàn giao nhà](ban-giao.jpg)\n"
    project.add(collective(photos=[{"file": "ban-giao.jpg", "caption": "Bàn giao nhà", "credit": "Khối vận"}]),
                story=story)
    assert project.check().diagnostics == []

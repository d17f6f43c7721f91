"""`dvk check PATH…`: only the named files are checked and reported, but the cross-file rules
(slug unique, `learned_from` exists and makes no circle) still see every other file, and the
build says what it left out and why."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import TinyProject, collective, exemplar_text, run_dvk
from dvk.cli import main


def _json(project: TinyProject, *paths: str) -> dict[str, list[dict[str, object]]]:
    done = run_dvk("check", "--format", "json", *paths, cwd=project.root)
    assert "Traceback" not in done.stderr
    return json.loads(done.stdout)


def test_only_the_named_file_is_reported(project: TinyProject) -> None:
    project.add(collective(), slug="tot")
    project.add(collective(summary=None), slug="hong")
    report = _json(project, "exemplars/kv-giao-long/tot.md")
    assert report["diagnostics"] == []
    assert report["published"] == ["tot"]
    report = _json(project, "exemplars/kv-giao-long/hong.md")
    assert [(d["path"], d["code"]) for d in report["diagnostics"]] == [
        ("exemplars/kv-giao-long/hong.md", "schema.required")]


def test_a_named_file_still_meets_the_slugs_of_the_others(project: TinyProject) -> None:
    project.add(collective(), slug="trung")
    project.write("kv-tan-thach/trung.md", exemplar_text(collective(unit="kv-tan-thach")))
    report = _json(project, "exemplars/kv-giao-long/trung.md")
    assert [(d["path"], d["code"]) for d in report["diagnostics"]] == [
        ("exemplars/kv-giao-long/trung.md", "slug.duplicate")]


def test_a_named_file_closing_a_circle_is_caught_from_the_index(project: TinyProject) -> None:
    project.add(collective(learned_from=["b"]), slug="a")
    project.add(collective(learned_from=["c"]), slug="b")
    project.add(collective(learned_from=["a"]), slug="c")
    report = _json(project, "exemplars/kv-giao-long/c.md")
    [d] = report["diagnostics"]
    assert (d["path"], d["field"], d["code"]) == ("exemplars/kv-giao-long/c.md", "learned_from[1]", "ref.cycle")
    assert "c → a → b → c" in d["message"]


def test_learned_from_may_name_a_file_that_was_not_named(project: TinyProject) -> None:
    project.add(collective(), slug="goc")
    project.add(collective(learned_from=["goc"]), slug="nhan-rong")
    assert _json(project, "exemplars/kv-giao-long/nhan-rong.md")["diagnostics"] == []


def test_deleting_a_file_checks_the_files_that_learned_from_it(project: TinyProject) -> None:
    project.add(collective(learned_from=["da-xoa"]), slug="con-lai")
    report = _json(project, "exemplars/kv-giao-long/da-xoa.md")
    assert [(d["path"], d["code"]) for d in report["diagnostics"]] == [
        ("exemplars/kv-giao-long/con-lai.md", "ref.exemplar")]


def test_a_photo_or_folder_stands_for_the_exemplars_beside_it(project: TinyProject) -> None:
    project.add(collective(summary=None), slug="hong")
    project.write("kv-tan-thach/khac.md", exemplar_text(collective(unit="kv-tan-thach", summary=None)))
    for target in ("exemplars/kv-giao-long/anh.jpg", "exemplars/kv-giao-long"):
        paths = {d["path"] for d in _json(project, target)["diagnostics"]}
        assert paths == {"exemplars/kv-giao-long/hong.md"}, target
    # A registry can break any file: naming it checks them all.
    paths = {d["path"] for d in _json(project, "exemplars/units.yml")["diagnostics"]}
    assert paths == {"exemplars/kv-giao-long/hong.md", "exemplars/kv-tan-thach/khac.md"}


def test_files_outside_exemplars_are_ignored_with_a_note(project: TinyProject) -> None:
    project.add(collective(summary=None), slug="hong")
    done = run_dvk("check", "README.md", cwd=project.root)
    assert done.returncode == 0
    assert "bỏ qua README.md" in done.stderr
    assert "Đã kiểm tra 0 tệp điển hình" in done.stdout


def test_strict_turns_warnings_into_a_failure(project: TinyProject) -> None:
    project.add(collective(), story=exemplar_text(collective()).split("---\n", 2)[2] + "\n<u onclick='x'>a</u>\n")
    assert main(["--root", str(project.root), "check"]) == 0
    assert main(["--root", str(project.root), "check", "--strict"]) == 1


def test_the_build_says_what_it_left_out_and_why(project: TinyProject, tmp_path: Path) -> None:
    guide = project.root / "content" / "dong-gop.md"
    if not guide.exists():  # the contributors' guide lands on main separately; the nav names it
        guide.write_text("# Đóng góp\n\n## Ảnh {#anh}\n", encoding="utf-8")
    project.add(collective(), slug="cong-bo")
    project.add(collective(draft=True), slug="ban-nhap")
    done = run_dvk("build", "--site-dir", str(tmp_path / "site"), cwd=project.root)
    assert done.returncode == 0, done.stderr
    assert "exemplars/kv-giao-long/ban-nhap.md: không công bố: bản nháp (draft: true)" in done.stderr
    assert (tmp_path / "site" / "dien-hinh" / "cong-bo" / "index.html").is_file()
    assert not (tmp_path / "site" / "dien-hinh" / "ban-nhap").exists()
    # A file with errors stops `dvk build`, naming the file and the reason.
    project.add(collective(summary=None), slug="hong")
    done = run_dvk("build", "--site-dir", str(tmp_path / "site2"), cwd=project.root)
    assert done.returncode == 1
    assert "exemplars/kv-giao-long/hong.md: không công bố: có lỗi, xem thông báo ở trên" in done.stderr

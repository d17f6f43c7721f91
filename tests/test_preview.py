"""`dvk serve`: a preview rebuilds after each edit, and shows exactly what a fresh build of the
same files shows, however much of the last build it kept.

The builds run in a child process, as MkDocs runs them under `mkdocs serve`: one plugin
instance for the whole preview, dirty builds after the first."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import TinyProject, collective
from dvk.pipeline import check
from dvk.project import Project

PREVIEW = """
import json, os, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

root, site, edits = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])

def preview_build(first):
    config = load_config(str(Path(root) / "mkdocs.yml"), site_dir=site, strict=False)
    if first:
        config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)

def stamps():
    return {str(p.relative_to(site)): p.stat().st_mtime_ns for p in Path(site).rglob("*") if p.is_file()}

preview_build(True)
rewritten = []
for path, old, new in edits:
    before = stamps()
    file = Path(path)
    file.write_text(file.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    preview_build(False)
    rewritten.append(sorted(name for name, stamp in stamps().items() if before.get(name) != stamp))
print(json.dumps(rewritten))
"""

SLUGS = ("a-mot", "b-hai", "c-ba")
SUMMARY_EDIT = ("Tóm tắt đầy đủ của điển hình c-ba.", "Tóm tắt đã sửa của c-ba.")
TITLE_EDIT = ("Điển hình a-mot", "Điển hình a-mot, đã đổi tên")  # it moves in every A–Z list


def _project(root: Path) -> TinyProject:
    project = TinyProject(root)
    for slug in SLUGS:
        project.add(collective(title=f"Điển hình {slug}", summary=f"Tóm tắt đầy đủ của điển hình {slug}."), slug)
    return project


def preview(project: TinyProject, site: Path, *edits: tuple[Path, str, str]) -> list[list[str]]:
    """Build a preview, then make each edit (file, text, its replacement) and let it rebuild;
    the files each rebuild wrote."""
    done = subprocess.run([sys.executable, "-c", PREVIEW, str(project.root), str(site),
                           json.dumps([(str(path), old, new) for path, old, new in edits])],
                          cwd=project.root, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def files_of(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def exemplar_file(project: TinyProject, slug: str) -> Path:
    return next(project.root.glob(f"exemplars/*/{slug}.md"))


def test_a_preview_after_edits_shows_exactly_what_a_fresh_preview_of_the_edited_files_shows(tmp_path: Path) -> None:
    project = _project(tmp_path / "project")
    third, first = exemplar_file(project, "c-ba"), exemplar_file(project, "a-mot")
    rewritten = preview(project, tmp_path / "kept", (third, *SUMMARY_EDIT), (first, *TITLE_EDIT))
    fresh = preview(_project(tmp_path / "again"), tmp_path / "fresh")
    assert fresh == []
    edited = _project(tmp_path / "edited")
    for slug, (old, new) in (("c-ba", SUMMARY_EDIT), ("a-mot", TITLE_EDIT)):
        path = exemplar_file(edited, slug)
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    preview(edited, tmp_path / "edited-site")

    kept, made = files_of(tmp_path / "kept"), files_of(tmp_path / "edited-site")
    assert kept.keys() == made.keys()
    assert [name for name in kept if kept[name] != made[name]] == []
    assert "Tóm tắt đã sửa của c-ba." in kept["dien-hinh/c-ba/index.html"].decode()
    assert "đã đổi tên" in kept["du-lieu/exemplars.json"].decode()
    assert all(rewritten), "each edit rebuilt something"


def test_an_edit_to_one_exemplar_rewrites_what_shows_it_and_leaves_the_others_pages_alone(tmp_path: Path) -> None:
    project = _project(tmp_path / "project")
    [rewritten] = preview(project, tmp_path / "site", (exemplar_file(project, "c-ba"), *SUMMARY_EDIT))
    assert "dien-hinh/c-ba/index.html" in rewritten
    assert "dien-hinh/index.html" in rewritten  # the list of all, which shows its summary
    assert "du-lieu/dien-hinh/c-ba.json" in rewritten
    assert "dien-hinh/a-mot/index.html" not in rewritten
    assert "du-lieu/dien-hinh/a-mot.json" not in rewritten
    assert not [name for name in rewritten if name.startswith("dien-hinh/a-mot/")]



def test_a_second_check_in_one_process_hands_on_the_same_objects_for_what_did_not_change(tmp_path: Path) -> None:
    # The memo compares a page's key by identity before equality: equal copies would compare
    # field by field, at every page of every rebuild.
    project = _project(tmp_path / "project")
    first = check(Project(project.root)).catalog
    edited = next(project.root.glob("exemplars/*/c-ba.md"))
    edited.write_text(edited.read_text("utf-8").replace(*SUMMARY_EDIT), "utf-8")
    second = check(Project(project.root)).catalog
    assert first is not None and second is not None
    assert second.registry is first.registry
    same = {ex.slug for ex in second.exemplars if any(ex is old for old in first.exemplars)}
    assert same == {"a-mot", "b-hai"}
    assert second.by_slug["c-ba"].summary == SUMMARY_EDIT[1]

    units = project.root / "exemplars/units.yml"
    name = second.registry.units[second.by_slug["c-ba"].unit].name
    units.write_text(units.read_text("utf-8").replace(name, f"{name} (mới)", 1), "utf-8")
    third = check(Project(project.root)).catalog
    assert third is not None and third.registry is not second.registry
    assert not any(ex is old for ex in third.exemplars for old in second.exemplars)


SWAP = """
import shutil, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

root, site, photo, replacement = sys.argv[1:5]

def preview_build(first):
    config = load_config(str(Path(root) / "mkdocs.yml"), site_dir=site, strict=False)
    if first:
        config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)

preview_build(True)
shutil.copyfile(replacement, photo)  # a photo replaced under its name, between the builds
preview_build(False)
"""


def test_a_photo_replaced_under_its_name_during_a_preview_is_shown_as_a_fresh_preview_shows_it(tmp_path: Path) -> None:
    from test_photos import phone_photo

    def with_photo(root: Path, content: bytes) -> TinyProject:
        project = _project(root)
        project.write("kv-giao-long/anh-le.jpg", content)
        shot = {"file": "anh-le.jpg", "caption": "Lễ bàn giao", "credit": "Ban Dân vận"}
        project.add(collective(title="Điển hình có ảnh", photos=[shot]), "co-anh")
        return project

    replacement = tmp_path / "new.jpg"
    replacement.write_bytes(phone_photo(2000, 1500, orientation=1))
    kept = with_photo(tmp_path / "kept", phone_photo())
    done = subprocess.run([sys.executable, "-c", SWAP, str(kept.root), str(tmp_path / "kept-site"),
                           str(kept.root / "exemplars" / "kv-giao-long" / "anh-le.jpg"), str(replacement)],
                          cwd=kept.root, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    preview(with_photo(tmp_path / "fresh", replacement.read_bytes()), tmp_path / "fresh-site")

    shown, fresh = files_of(tmp_path / "kept-site"), files_of(tmp_path / "fresh-site")
    assert shown.keys() == fresh.keys()
    assert [name for name in shown if shown[name] != fresh[name]] == []
    assert any(name.startswith("dien-hinh/co-anh/anh-le-w") for name in shown)

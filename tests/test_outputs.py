"""The core's output stands without MkDocs' hook, and the same input gives the same bytes."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import REPO, TinyProject, build_without_plugin, collective, individual, run_dvk


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_export_markdown_writes_a_tree_that_builds_without_our_hook(project: TinyProject, tmp_path: Path) -> None:
    project.add(collective())
    project.add(individual(), slug="chi-le-thi-hong")
    tree = tmp_path / "tree"
    done = run_dvk("export-markdown", str(tree), cwd=project.root)
    assert done.returncode == 0, done.stderr
    assert (tree / "dien-hinh/ngoi-nha-nhan-ai/index.md").is_file()
    assert (tree / "don-vi/kv-giao-long/index.md").is_file()
    assert (tree / "ke-hoach-58.md").is_file()

    exported = build_without_plugin(tree, tmp_path / "site")
    built = tmp_path / "built"
    done = run_dvk("build", "--site-dir", str(built), cwd=project.root)
    assert done.returncode == 0, done.stderr
    for page in ("dien-hinh/ngoi-nha-nhan-ai/index.html", "don-vi/dang-uy-giao-long-2025/index.html",
                 "chien-dich/dong-khoi-moi-2024-2025/index.html",
                 "thong-ke/index.html", "bien-tap/index.html", "index.html"):
        assert article_text(exported / page) == article_text(built / page), page
    assert "Ngôi nhà nhân ái" in (exported / "dien-hinh/ngoi-nha-nhan-ai/index.html").read_text(encoding="utf-8")


def article_text(page: Path) -> str:
    article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("article")
    return " ".join(article.get_text(" ").split())


def test_export_refuses_to_overwrite_a_folder_with_files(project: TinyProject, tmp_path: Path) -> None:
    (tmp_path / "keep").mkdir()
    (tmp_path / "keep" / "mine.txt").write_text("x")
    done = run_dvk("export-markdown", str(tmp_path / "keep"), cwd=project.root)
    assert done.returncode == 1 and "không trống" in done.stderr
    assert (tmp_path / "keep" / "mine.txt").exists()


def test_the_same_input_gives_the_same_bytes(tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(REPO, copy, ignore=shutil.ignore_patterns(".venv", "site", ".git", ".cache", "*.egg-info"))
    sites = []
    for name in ("one", "two"):
        done = run_dvk("build", "--site-dir", str(tmp_path / name), cwd=copy)
        assert done.returncode == 0, done.stderr
        sites.append(digest(tmp_path / name))
    assert sites[0] == sites[1]

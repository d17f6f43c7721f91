"""The core's output stands without MkDocs' hook, and the same input gives the same bytes."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from bench.synthetic import write_synthetic_project
from conftest import REPO, TinyProject, build_without_plugin, collective, config_without_plugin, individual, run_dvk
from dvk.pages.paging import EXEMPLARS_PER_PAGE


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


def test_zensical_builds_the_exported_tree_with_its_list_pages(tmp_path: Path) -> None:
    project = write_synthetic_project(tmp_path / "project", EXEMPLARS_PER_PAGE + 10, photos=False)
    tree, site = tmp_path / "tree", tmp_path / "site"
    done = run_dvk("export-markdown", str(tree), cwd=project)
    assert done.returncode == 0, done.stderr
    zensical = Path(sys.executable).with_name("zensical")
    done = subprocess.run([str(zensical), "build", "-f", str(config_without_plugin(tree, site))],
                          cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    slug = next((tree / "dien-hinh").glob("*-so-1/index.md")).parent.name
    for page in (f"dien-hinh/{slug}/index.html", "dien-hinh/index.html", "dien-hinh/trang-2/index.html",
                 "dien-hinh/moi-nhat/index.html", "bien-tap/index.html"):
        assert (site / page).is_file(), page


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

"""Shared fixtures: a minimal valid project to break on purpose, and the sample site, built once."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from PIL import Image

from bench.engines import config_without_plugin
from dvk.hosting import BuiltSite, prepared
from dvk.pipeline import CheckResult, check
from dvk.project import Project

REPO = Path(__file__).resolve().parent.parent
PROJECT_FILES = ("mkdocs.yml", "content", "exemplars", "theme")

STORY = (
    "Trước năm 2024, nhiều hộ nghèo trong xã còn ở nhà tạm, dột nát. Khối vận xã đã cùng các "
    "đoàn thể khảo sát từng hộ, vận động mạnh thường quân và bà con góp công, góp của. Sau hai "
    "năm, mười hai căn nhà được bàn giao, người dân tin tưởng và đồng thuận hơn. Bài học rút ra "
    "là phải công khai, minh bạch và để người dân cùng bàn, cùng làm, cùng kiểm tra."
)


def collective(**changes: Any) -> dict[str, Any]:
    """Front matter of a valid collective exemplar; `changes` override or (with None) remove keys."""
    data: dict[str, Any] = {
        "title": "Mô hình “Ngôi nhà nhân ái”",
        "kind": "collective",
        "unit": "kv-giao-long",
        "categories": ["mui-3"],
        "summary": "Khối vận xã vận động xây 12 căn nhà nhân ái cho hộ nghèo trong hai năm.",
        "recognition": {"decision": "15-QĐ/BDVHU", "date": "2024-09-02",
                        "by": "Ban Dân vận Huyện ủy Châu Thành"},
        "period": {"start": "2024-04-01", "end": "2025-06-30"},
        "criteria": [{"name": "Số căn nhà nhân ái", "target": 10, "result": 12, "measure": "căn"}],
    }
    return _apply(data, changes)


def individual(**changes: Any) -> dict[str, Any]:
    data = collective(period=None, criteria=None, kind="individual",
                      title="Chị Lê Thị Hồng, người gom rác đổi quà",
                      person={"name": "Lê Thị Hồng", "position": "Chi hội trưởng phụ nữ ấp 3"},
                      consent="2024-08-01")
    return _apply(data, changes)


def _apply(data: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def jpeg(width: int = 64, height: int = 48) -> bytes:
    """A real, small JPEG: photos are checked by their content, so tests need real ones."""
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 120, 40)).save(out, "JPEG")
    return out.getvalue()


def exemplar_text(data: dict[str, Any], story: str = STORY) -> str:
    front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n{story}\n"


class TinyProject:
    """A project with the real registries and only the exemplar files a test writes."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True)
        for name in PROJECT_FILES:
            source = REPO / name
            if source.is_dir():
                shutil.copytree(source, root / name, ignore=_only_registries if name == "exemplars" else None)
            else:
                shutil.copy(source, root / name)

    def write(self, relpath: str, text: str | bytes) -> Path:
        path = self.root / "exemplars" / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def add(self, data: dict[str, Any], slug: str = "ngoi-nha-nhan-ai", story: str = STORY) -> Path:
        return self.write(f"{data['unit']}/{slug}.md", exemplar_text(data, story))

    def check(self) -> CheckResult:
        return check(Project(self.root))


def _only_registries(folder: str, names: list[str]) -> list[str]:
    return [n for n in names if not n.endswith(".yml")] if Path(folder) == REPO / "exemplars" else []


@pytest.fixture
def project(tmp_path: Path) -> TinyProject:
    return TinyProject(tmp_path / "project")


def run_dvk(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dvk", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=600)


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own sample data, built once by `dvk build` into a temporary folder."""
    site = tmp_path_factory.mktemp("sample") / "site"
    result = run_dvk("build", "--site-dir", str(site), cwd=REPO)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site as `dvk build --offline` writes it, to open from a folder."""
    site = tmp_path_factory.mktemp("offline") / "site-offline"
    result = run_dvk("build", "--offline", "--site-dir", str(site), cwd=REPO)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def sample_result() -> CheckResult:
    return check(Project(REPO))


PROVINCE = REPO / "tests" / "fixtures" / "province"


def province_project(folder: Path) -> Path:
    """The province fixture as a project: its own exemplars/ and content/, beside the software's
    own mkdocs.yml and theme/ unchanged (the fixture is data only)."""
    root = folder / "province"
    shutil.copytree(PROVINCE, root, ignore=shutil.ignore_patterns(".cache"))
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "theme", root / "theme")
    return root


@pytest.fixture(scope="session")
def province_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return province_project(tmp_path_factory.mktemp("province"))


@pytest.fixture(scope="session")
def province_site(province_root: Path) -> Path:
    """The province fixture built by `dvk build`, with no code change (it needs today ≥ its last
    recognition, 2026-11-24)."""
    site = province_root.parent / "site"
    result = run_dvk("build", "--site-dir", str(site), cwd=province_root)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def province_result(province_root: Path) -> CheckResult:
    return check(Project(province_root))


def build_without_plugin(tree: Path, site: Path) -> Path:
    """Build an exported Markdown tree as an engine that runs no Python of ours would: the
    site's config without the plugin and without our toc slugify."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    build(load_config(str(config_without_plugin(tree, site))))
    return site


@pytest.fixture(scope="session")
def served_site(sample_site: Path, tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """A copy of the sample site with its precompressed copies, as `dvk nginx-config` leaves it
    (a copy: the other tests read the built site as the build wrote it)."""
    copy = tmp_path_factory.mktemp("served") / "site"
    shutil.copytree(sample_site, copy)
    return prepared(copy, REPO / ".cache")[0]


@pytest.fixture(scope="session")
def nginx_url(served_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Debian's nginx serving the sample site on 127.0.0.1 with the generated configuration."""
    from served import nginx_serving  # here: tests/browser/test_failures_are_loud.py runs this file alone

    with nginx_serving(served_site, tmp_path_factory.mktemp("nginx")) as url:
        yield url


@pytest.fixture
def read_html() -> Callable[[Path], BeautifulSoup]:
    def read(path: Path) -> BeautifulSoup:
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return read


@pytest.fixture(scope="session")
def playwright() -> Iterator[Any]:
    """One Playwright driver for the session: the browser tests and the hostile-site browser test
    share it (a second sync driver cannot start inside the first one's event loop)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        yield driver

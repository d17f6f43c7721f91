"""The suite's own promises: a failing browser test leaves a screenshot and prints where; without
Chromium the browser tests fail in CI and skip, saying why, on a laptop.

Each case runs pytest in a subprocess on a copy of this folder's conftest, beside one test.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Browser

HERE = Path(__file__).parent

FAILING_TEST = '''
def test_fails_on_a_page(page):
    page.set_content("<h1>Trang hỏng</h1>")
    assert page.locator("h1").inner_text() == "Trang lành"
'''


def run_suite(tmp_path: Path, test: str, **env: str) -> subprocess.CompletedProcess[str]:
    suite = tmp_path / "tests" / "browser"
    suite.mkdir(parents=True)
    for name in ("__init__.py", "conftest.py", "reader.py"):
        shutil.copy(HERE / name, suite / name)
    shutil.copy(HERE.parent / "conftest.py", suite.parent / "conftest.py")  # the session's Playwright
    (suite / "vendor").symlink_to(HERE / "vendor")
    (suite / "test_one.py").write_text(test, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", str(suite)],
                          cwd=tmp_path, env={**os.environ, **env}, capture_output=True, text=True, timeout=300)


def test_a_failing_browser_test_leaves_a_screenshot_and_prints_its_path(tmp_path: Path, browser: Browser) -> None:
    # `browser`: this needs Chromium as much as the test it runs, and skips or fails as that one does
    result = run_suite(tmp_path, FAILING_TEST)
    assert result.returncode == 1, result.stdout
    shot = tmp_path / "test-artifacts" / "screenshots" / "tests_browser_test_one.py_test_fails_on_a_page.png"
    assert f"screenshot of the page: {shot}" in result.stdout
    assert shot.read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize(("ci", "outcome", "says"), [
    ("true", "1 error", "CI must run the browser tests"),
    ("", "1 skipped", "browser tests skipped, no Chromium at /nowhere/chromium"),
])
def test_without_chromium_ci_fails_and_a_laptop_skips(tmp_path: Path, ci: str, outcome: str, says: str) -> None:
    result = run_suite(tmp_path, FAILING_TEST.replace("Trang lành", "Trang hỏng"),
                       DVK_CHROMIUM="/nowhere/chromium", CI=ci)
    assert outcome in result.stdout, result.stdout
    assert says in result.stdout + result.stderr
    assert result.returncode == (1 if ci else 0)

"""The web form, used as a contributor would: Decap CMS from the built site, saving through
decap-server's local git backend into a temporary repository. A saved entry is a branch (the
editorial workflow's pull request) holding exemplars/<unit>/<slug>.md and its photo, and
`dvk check` accepts the repository on that branch."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from browser.reader import policy_of, policy_refusals
from conftest import REPO, STORY, TinyProject, jpeg, run_dvk

SERVER = REPO / "node_modules" / "decap-server" / "dist" / "index.js"
FORM = "dong-gop/bieu-mau/"


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                          text=True).stdout


@pytest.fixture
def contributor_repo(tmp_path: Path) -> Iterator[Path]:
    """A git repository holding the project (registries, no exemplar), served by decap-server on
    127.0.0.1:8081 — the address the form's `local_backend` names — for this test only."""
    if not SERVER.is_file() or shutil.which("node") is None:
        message = "decap-server is not installed: run `npm ci` (Node.js 20)"
        if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    repo = TinyProject(tmp_path / "repo").root
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.name=dvk", "-c", "user.email=dvk@example.invalid", "commit", "-q", "-m", "start")
    env = {**os.environ, "GIT_REPO_DIRECTORY": str(repo), "MODE": "git", "PORT": "8081",
           "BIND_HOST": "127.0.0.1", "LOG_LEVEL": "info",
           "GIT_AUTHOR_NAME": "dvk", "GIT_AUTHOR_EMAIL": "dvk@example.invalid",
           "GIT_COMMITTER_NAME": "dvk", "GIT_COMMITTER_EMAIL": "dvk@example.invalid"}
    server = subprocess.Popen(["node", str(SERVER)], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    try:
        assert server.stdout is not None
        for line in server.stdout:  # it says so once it listens, or exits saying why not
            if "listening" in line:
                break
        else:
            pytest.fail(f"decap-server did not start (exit {server.wait()})", pytrace=False)
        yield repo
    finally:
        server.terminate()
        server.wait(timeout=30)


def _choose(page: Page, field: str, typed: str) -> None:
    """A choice list: type part of an option's label, take the first match."""
    page.click(f"[id^={field}-field]")
    page.keyboard.type(typed)
    page.keyboard.press("Enter")


def _open_new(page: Page, site_url: str, collection: str) -> None:
    page.goto(site_url + FORM, wait_until="networkidle")
    page.get_by_role("button", name="Đăng nhập").click()
    page.goto(f"{site_url}{FORM}#/collections/{collection}/new")
    page.wait_for_selector("[id^=title-field]")


def test_a_contributor_fills_the_form_and_a_checked_exemplar_with_its_photo_is_proposed(
        page: Page, site_url: str, contributor_repo: Path, tmp_path: Path) -> None:
    photo = tmp_path / "den-duong-lien-ap.jpg"
    photo.write_bytes(jpeg())
    _open_new(page, site_url, "dien-hinh-tap-the")
    assert "'unsafe-eval'" in (policy_of(page) or ""), "the form's own policy is the page's first element"

    page.fill("[id^=title-field]", "Mô hình “Ánh sáng đường quê”")
    _choose(page, "unit", "Khối vận xã Giao Long")
    _choose(page, "categories", "Mũi")
    page.fill("[id^=summary-field]",
              "Đoàn viên, thanh niên lắp 120 bóng đèn năng lượng mặt trời trên các tuyến đường liên ấp.")
    page.fill("[id^=decision-field]", "15-QĐ/BDVHU")
    page.fill("[id^=date-field]", "2024-09-02")
    page.fill("[id^=by-field]", "Ban Dân vận Huyện ủy Châu Thành")
    page.fill("[id^=start-field]", "2024-04-01")
    page.fill("[id^=end-field]", "2025-06-30")
    page.get_by_role("button", name="Thêm Tiêu chí thi đua").click()
    page.fill("[id^=name-field]", "Số bóng đèn lắp mới")
    page.fill("[id^=target-field]", "100")
    page.fill("[id^=result-field]", "120")
    page.fill("[id^=measure-field]", "bóng")
    page.get_by_role("button", name="Thêm Ảnh").click()
    page.get_by_role("button", name="Chọn một hình").click()
    page.set_input_files("input[type=file]", str(photo))
    page.get_by_role("button", name="Lấy những cái đã chọn").click()
    page.fill("[id^=caption-field]", "Đoàn viên lắp đèn trên tuyến đường liên ấp")
    page.fill("[id^=credit-field]", "Khối vận xã Giao Long")
    page.fill("[id^=body-field]", STORY)
    page.get_by_role("button", name="Lưu").click()
    # A saved entry of the editorial workflow can be deleted as unpublished: it is a branch now.
    page.get_by_role("button", name="Xoá mục chưa được công bố này").wait_for(timeout=60_000)

    branches = _git(contributor_repo, "branch", "--list", "cms/*").split()
    assert branches == ["cms/dien-hinh-tap-the/kv-giao-long/mo-hinh-anh-sang-duong-que"]
    _git(contributor_repo, "checkout", "-q", branches[0])
    folder = contributor_repo / "exemplars" / "kv-giao-long"
    assert sorted(p.name for p in folder.iterdir()) == ["den-duong-lien-ap.jpg", "mo-hinh-anh-sang-duong-que.md"]
    text = (folder / "mo-hinh-anh-sang-duong-que.md").read_text(encoding="utf-8")
    assert "file: den-duong-lien-ap.jpg" in text and "kind: collective" in text
    checked = run_dvk("check", cwd=contributor_repo)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "0 lỗi" in checked.stdout
    assert policy_refusals(page) == []


def test_a_value_the_checker_would_refuse_is_named_in_the_form_and_nothing_is_saved(
        page: Page, site_url: str, contributor_repo: Path) -> None:
    _open_new(page, site_url, "dien-hinh-ca-nhan")
    page.fill("[id^=title-field]", "Chị Lê Thị Hồng, người gom rác đổi quà")
    page.fill("[id^=decision-field]", "quyết định mười lăm")
    page.fill("[id^=body-field]", "Chị gom rác đổi quà.")
    page.get_by_role("button", name="Lưu").click()
    assert page.get_by_text("giá trị chưa đúng dạng hoặc độ dài — hãy ghi theo mẫu, ví dụ: 15-QĐ/BDVHU").count() == 1
    assert page.get_by_text("câu chuyện cần ít nhất 40 từ", exact=False).count() == 1
    assert _git(contributor_repo, "branch", "--list", "cms/*").strip() == ""

"""`dvk import-xlsx`: the Excel lists units keep become draft exemplars; every cell that cannot
be used is named by sheet, row and column; a second import duplicates nothing; the site offers
the template, its columns the schema's."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml
from openpyxl import load_workbook

from conftest import STORY, TinyProject, run_dvk
from dvk.pages.workbook import template
from dvk.pipeline import check
from dvk.project import Project
from dvk.schema import field_order
from dvk.schema.workbook import NOT_IN_A_ROW, SHEET, columns

ROW = {
    "Tên điển hình": "Mô hình “Ánh sáng đường quê”",
    "Loại": "Tập thể",
    "Đơn vị công nhận": "Khối vận xã Giao Long",
    "Nội dung thi đua": "Mũi thứ ba",
    "Giới thiệu ngắn": "Đoàn viên lắp 120 bóng đèn năng lượng mặt trời trên các tuyến đường liên ấp.",
    "Quyết định công nhận: Số quyết định": "15-QĐ/BDVHU",
    "Quyết định công nhận: Ngày ký quyết định": datetime(2024, 9, 2),
    "Quyết định công nhận: Cơ quan ban hành": "Ban Dân vận Huyện ủy Châu Thành",
    "Thời gian thực hiện: Ngày bắt đầu": "1/4/2024",
    "Thời gian thực hiện: Ngày kết thúc": datetime(2025, 6, 30),
    "Tiêu chí thi đua 1: Tên tiêu chí": "Số bóng đèn lắp mới",
    "Tiêu chí thi đua 1: Chỉ tiêu": 100,
    "Tiêu chí thi đua 1: Kết quả": "1.200",
    "Tiêu chí thi đua 1: Đơn vị tính": "bóng",
    "Câu chuyện": STORY,
}


def workbook(project: TinyProject, *rows: dict[str, Any], extra_heading: str | None = None) -> Path:
    """The site's own template, filled in as a unit's office would."""
    registry = check(Project(project.root)).catalog.registry  # type: ignore[union-attr]
    book = load_workbook(io.BytesIO(template(registry)))
    sheet = book[SHEET]
    headings = [cell.value for cell in sheet[1]]
    if extra_heading:
        sheet.cell(row=1, column=len(headings) + 1, value=extra_heading)
    for row in rows:
        sheet.append([row.get(h) for h in headings] + ([row.get(extra_heading)] if extra_heading else []))
    path = project.root / "danh-sach.xlsx"
    book.save(path)
    return path


def front(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def test_each_row_becomes_a_draft_exemplar_in_its_units_folder_that_the_checker_accepts(project: TinyProject) -> None:
    source = workbook(project, ROW)
    result = run_dvk("import-xlsx", str(source), cwd=project.root)
    assert result.returncode == 0, result.stdout + result.stderr
    written = project.root / "exemplars" / "kv-giao-long" / "mo-hinh-anh-sang-duong-que.md"
    assert f"Đã tạo exemplars/kv-giao-long/{written.name}" in result.stdout
    data = front(written)
    assert data["draft"] is True
    assert data["categories"] == ["mui-3"]
    assert str(data["recognition"]["date"]) == "2024-09-02" and str(data["period"]["start"]) == "2024-04-01"
    assert data["criteria"] == [{"name": "Số bóng đèn lắp mới", "target": 100, "result": 1200, "measure": "bóng"}]
    assert STORY in written.read_text(encoding="utf-8")
    assert not [d for d in project.check().diagnostics if d.path.endswith(written.name)]


def test_importing_the_same_list_again_writes_no_second_file(project: TinyProject) -> None:
    source = workbook(project, ROW)
    run_dvk("import-xlsx", str(source), cwd=project.root)
    again = run_dvk("import-xlsx", str(source), cwd=project.root)
    assert again.returncode == 0, again.stdout
    assert "Đã có (nhập lần trước), không ghi lại: exemplars/kv-giao-long/mo-hinh-anh-sang-duong-que.md" in again.stdout
    assert len(list((project.root / "exemplars").rglob("*.md"))) == 1


def test_every_cell_that_cannot_be_used_is_named_by_sheet_row_and_column(project: TinyProject) -> None:
    wrong = {**ROW, "Tên điển hình": "Chị Lê Thị Hồng, người gom rác đổi quà",
             "Nội dung thi đua": "mui-9, Mũi thứ ba",
             "Quyết định công nhận: Ngày ký quyết định": "31/2/2024",
             "Tiêu chí thi đua 1: Chỉ tiêu": "mười", "Số QĐ cũ": "12"}
    no_title = {"Loại": "Tập thể", "Đơn vị công nhận": "kv-giao-long"}
    source = workbook(project, ROW, wrong, no_title, extra_heading="Số QĐ cũ")
    result = run_dvk("import-xlsx", str(source), cwd=project.root)
    assert result.returncode == 1
    out = result.stdout
    assert "danh-sach.xlsx[Danh sách]:1: AK (Số QĐ cũ): cột “Số QĐ cũ” không có trong mẫu" in out
    assert ("danh-sach.xlsx[Danh sách]:3: F (Nội dung thi đua): không có 'mui-9' trong exemplars/campaigns.yml"
            " — hãy ghi mã hoặc tên có trong danh mục: có phải ý bạn là 'mui-3'?") in out
    assert "danh-sach.xlsx[Danh sách]:3: K (Quyết định công nhận: Ngày ký quyết định): '31/2/2024' không phải" in out
    assert "danh-sach.xlsx[Danh sách]:3: R (Tiêu chí thi đua 1: Chỉ tiêu): 'mười' không phải là một số" in out
    assert "danh-sach.xlsx[Danh sách]:4: -: hàng có dữ liệu nhưng thiếu Tên điển hình" in out
    # The row with wrong cells is still written, with what could be read; the checker names the rest.
    kept = front(project.root / "exemplars" / "kv-giao-long" / "chi-le-thi-hong-nguoi-gom-rac-doi-qua.md")
    assert kept["categories"] == ["mui-3"]
    assert "recognition.date" in out and "Traceback" not in result.stderr

    english = run_dvk("--lang", "en", "import-xlsx", str(source), cwd=project.root)
    assert "danh-sach.xlsx[Danh sách]:3: R (Tiêu chí thi đua 1: Chỉ tiêu): 'mười' is not a number" in english.stdout
    assert "Already there (imported before), not written again" in english.stdout


def test_a_file_that_is_not_a_workbook_is_refused_with_a_message_not_a_traceback(project: TinyProject) -> None:
    (project.root / "danh-sach.xlsx").write_text("Tên, Loại\n", encoding="utf-8")
    result = run_dvk("import-xlsx", "danh-sach.xlsx", cwd=project.root)
    assert result.returncode == 2
    assert result.stdout.startswith("danh-sach.xlsx: -: không mở được tệp Excel")
    assert "Traceback" not in result.stderr


def test_the_template_has_a_column_for_every_field_a_row_can_hold_and_the_same_bytes_each_time(
        project: TinyProject, sample_site: Path) -> None:
    registry = check(Project(project.root)).catalog.registry  # type: ignore[union-attr]
    data = template(registry)
    assert data == template(registry)
    assert (sample_site / "dong-gop" / "mau-danh-sach-dien-hinh.xlsx").read_bytes() == data
    headings = [cell.value for cell in load_workbook(io.BytesIO(data))[SHEET][1]]
    assert headings == [c.header for c in columns()]
    held = {str(c.path[0]) for c in columns()}
    assert held == (set(field_order()) - NOT_IN_A_ROW) | {"body"}

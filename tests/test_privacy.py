"""Private data is judged on what a reader sees, in every field of both kinds of exemplar.

tests/privacy/evasions.yml is the corpus of ways to hide an ID number, a mobile or a home
address from a pattern over the raw text; each is refused with its field, its line and the
number masked (the check's output lands in public CI logs). Amounts, decision numbers, dates
and office landlines still pass, and `contact.phone` takes only an office's number.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import REPO, STORY, TinyProject, collective, individual, jpeg, run_dvk
from dvk.pages import Asset, SiteFile
from dvk.pipeline import Built, CheckResult, build
from dvk.project import Project
from dvk.settings import read_engine_settings
from dvk.site import scan
from dvk.text.tables import csv_row
from dvk.validate import rules

EVASIONS: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "privacy" / "evasions.yml").read_text("utf-8"))
MEDIA = {"outlet": "Đài Phát thanh - Truyền hình Bến Tre", "title": "Ánh sáng đường quê", "date": "2025-05-19"}
PHOTO = {"caption": "Bàn giao nhà", "credit": "Khối vận"}


def _placed(case: dict[str, Any]) -> tuple[dict[str, Any], str, str]:
    """The front matter, story and a marker on the line the message must point to."""
    data = individual() if case.get("kind") == "individual" else collective()
    field, text = case["field"], case["text"]
    if field == "story":
        return data, f"{STORY}\n\n{text}", text.split("\n")[0]
    if field == "media[1].url":
        data["media"] = [{**MEDIA, "url": text}]
        return data, STORY, "url:"
    if field == "photos[1].file":
        data["photos"] = [{"file": text, **PHOTO}]
        return data, STORY, "- file:"
    *parents, key = field.split(".")
    target = data
    for name in parents:
        target = target[name]
    target[key] = text
    return data, STORY, f"{key}:"


def _line_of(text: str, marker: str) -> int:
    return next(i for i, line in enumerate(text.split("\n"), 1) if marker in line)


@pytest.mark.parametrize("case", EVASIONS, ids=[case["name"] for case in EVASIONS])
def test_each_evasion_is_refused_with_its_field_line_and_a_masked_value(
        project: TinyProject, case: dict[str, Any]) -> None:
    data, story, marker = _placed(case)
    if case["field"] == "photos[1].file":
        project.write(f"kv-giao-long/{case['text']}", jpeg())
    path = project.add(data, story=story)
    [d] = project.check().diagnostics
    assert (d.field, d.code) == (case["field"], case["code"])
    assert d.line == _line_of(path.read_text("utf-8"), marker)
    assert case["value"] in d.render("vi") and case["value"] in d.render("en")
    assert not re.search(r"\d{6}", d.render("vi").replace(" ", "")), "a full number must never be printed"


@pytest.mark.parametrize("text", [
    "Kinh phí 120.000.000 đồng do mạnh thường quân đóng góp.",
    "Tổng vốn 1.120.000.000 đồng, lãi suất ưu đãi.",
    "Quyết định 15-QĐ/BDVHU ngày 02/9/2024 và Nghị quyết 1237/NQ-UBTVQH15.",
    "Từ 01/12/2024 - 30/6/2025, và từ 05/2024 - 06/2025, đạt 92% kế hoạch.",
    "Diện tích 135,5 ha, đường dài 9.350 m, kênh 2,5 m.",
    "Đ/c Nguyễn Văn An, Bí thư Chi bộ, cùng ba năm một lần tổng kết.",
    "Văn phòng: 0275 3862 117.",
])
def test_amounts_decisions_dates_and_landlines_pass(project: TinyProject, text: str) -> None:
    project.add(collective(), story=f"{STORY}\n\n{text}")
    assert project.check().diagnostics == []


def test_a_collective_exemplar_with_a_mobile_in_its_story_is_refused(project: TinyProject) -> None:
    path = project.add(collective(), story=f"{STORY}\n\nLiên hệ chị Hồng: 0987 654 321.")
    [d] = project.check().diagnostics
    assert (d.path, d.field, d.code) == ("exemplars/kv-giao-long/ngoi-nha-nhan-ai.md", "story", "privacy.phone")
    assert d.line == len(path.read_text("utf-8").rstrip("\n").split("\n"))


def test_a_phone_number_in_the_file_name_is_refused(project: TinyProject) -> None:
    project.add(collective(), slug="chi-hong-0912345678")
    codes = [(d.field, d.code, d.line) for d in project.check().diagnostics]
    assert ("", "privacy.phone", 1) in codes


def test_an_office_landline_in_contact_phone_passes(project: TinyProject) -> None:
    project.add(individual(contact={"office": "Văn phòng Khối vận xã", "phone": "0275 3862 105"}))
    assert project.check().diagnostics == []


def test_a_mobile_in_contact_phone_is_refused_with_how_to_fix(project: TinyProject) -> None:
    project.add(individual(contact={"office": "Văn phòng Khối vận xã", "phone": "0987 654 321"}))
    [d] = project.check().diagnostics
    assert (d.field, d.code) == ("contact.phone", "privacy.contact_phone")
    assert "098…21" in d.render("vi") and "0987 654 321" not in d.render("vi")
    assert "máy bàn" in d.render("vi") and "office_phone" in d.render("vi")
    assert "landline" in d.render("en") and "ask the maintainers" in d.render("en")


def test_a_mobile_in_contact_phone_passes_when_registered_for_that_unit(project: TinyProject) -> None:
    # exemplars/units.yml lists 0912 345 678 as the office of kv-giao-long, whatever its spacing.
    project.add(individual(contact={"office": "Văn phòng Khối vận xã", "phone": "+84 912.345.678"}))
    assert project.check().diagnostics == []


def test_a_unit_s_registered_mobile_is_refused_for_another_unit(project: TinyProject) -> None:
    data = individual(unit="kv-tan-thach", contact={"office": "Văn phòng Khối vận xã", "phone": "0912 345 678"})
    project.add(data)
    [d] = project.check().diagnostics
    assert (d.field, d.code) == ("contact.phone", "privacy.contact_phone")
    assert "kv-tan-thach" in d.render("vi")


def test_a_registered_office_mobile_elsewhere_than_contact_phone_is_still_refused(project: TinyProject) -> None:
    project.add(individual(person={"name": "Lê Thị Hồng", "position": "Chi hội trưởng, ĐT 0912 345 678"}))
    assert [(d.field, d.code) for d in project.check().diagnostics] == [("person.position", "privacy.phone")]


def test_the_sample_exemplars_pass_the_privacy_rules(sample_result: Any) -> None:
    assert not [d for d in sample_result.diagnostics if d.code.startswith("privacy.")]


def test_the_line_points_into_a_long_story(project: TinyProject) -> None:
    story = "\n\n".join([STORY, "Đoạn hai không có số.", "Đoạn ba: gọi 09**12** 345 678."])
    path = project.add(collective(), story=story)
    [d] = project.check().diagnostics
    assert d.line == _line_of(path.read_text("utf-8"), "Đoạn ba")


# --- the last line of defence: the made files -------------------------------------------------

def _build(project: TinyProject) -> Built:
    return build(Project(project.root), read_engine_settings(project.root / "mkdocs.yml"), {})


def test_the_sample_site_s_made_files_pass_the_output_scan(sample_result: CheckResult) -> None:
    built = build(Project(REPO), read_engine_settings(REPO / "mkdocs.yml"), {}, sample_result)
    assert built.leaks == []
    assert built.files


def test_a_mobile_that_slipped_past_the_checker_stops_the_build_naming_each_output(
        project: TinyProject, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rules, "check_privacy", lambda doc: None)  # the first check fails
    path = project.add(collective(), story=f"{STORY}\n\nLiên hệ chị Hồng: 0987 654 321.")
    built = _build(project)
    assert built.result.diagnostics == [] and built.files == []  # nothing is published
    outputs = {d.path for d in built.leaks}
    kit = "dien-hinh/ngoi-nha-nhan-ai/ngoi-nha-nhan-ai-tu-lieu.zip/ngoi-nha-nhan-ai/"
    assert {"dien-hinh/ngoi-nha-nhan-ai/index.md", "du-lieu/exemplars.json",  # page, open data,
            "du-lieu/dien-hinh/ngoi-nha-nhan-ai.json", kit + "tu-lieu.txt"} <= outputs  # story kit
    line = len(path.read_text("utf-8").rstrip("\n").split("\n"))
    for leak in built.leaks:
        message = leak.render("vi")
        assert leak.code == "privacy.published"
        assert f"exemplars/kv-giao-long/ngoi-nha-nhan-ai.md:{line} (story)" in message
        assert "098…21" in message and "654 321" not in message


def test_a_mobile_in_a_registry_text_stops_dvk_build_and_export(project: TinyProject) -> None:
    units = project.root / "exemplars/units.yml"
    units.write_text(units.read_text("utf-8").replace(
        "name: Khối vận xã Giao Long,", "name: Khối vận xã Giao Long (chị Hồng 0987 654 321),"), "utf-8")
    project.add(collective())
    site = project.root / "site"
    done = run_dvk("build", "--site-dir", str(site), cwd=project.root)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "don-vi/kv-giao-long/index.md" in done.stderr
    assert "exemplars/units.yml:" in done.stderr and "(units[" in done.stderr
    assert "0987 654 321" not in done.stderr
    assert not (site / "don-vi").exists()
    out = project.root / "out"
    done = run_dvk("export-markdown", str(out), cwd=project.root)
    assert done.returncode == 1 and "don-vi/kv-giao-long/index.md" in done.stderr
    assert not out.exists()


def test_registered_office_numbers_and_landlines_pass_the_output_scan(project: TinyProject) -> None:
    project.add(individual(contact={"office": "Văn phòng Khối vận xã", "phone": "0912 345 678"}))
    project.add(collective(contact={"office": "Văn phòng Khối vận xã", "phone": "0275 3862 105"}), slug="mot-mo-hinh")
    built = _build(project)
    assert built.result.diagnostics == [] and built.leaks == [] and built.files


@pytest.mark.parametrize("batch", [64, 1 << 20])
def test_the_output_scan_names_the_line_of_a_leak_in_a_long_json_file_read_in_batches(
        batch: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scan, "BATCH_CHARACTERS", batch)
    records = [f'{{"ten": "Mô hình số {n}", "so_tien": "{n * 1000} đồng"}},' for n in range(200)]
    records[150] = '{"ten": "Liên hệ chị Hồng 0987 654 321"},'
    data = "[\n" + "\n".join(records) + "\n]\n"
    leaks = scan.scan([Asset.made("du-lieu/exemplars.json", data.encode())])
    assert [(leak.output, leak.line, leak.finding.kind) for leak in leaks] == [
        ("du-lieu/exemplars.json", 152, "phone")]


def test_the_output_scan_names_the_line_of_a_leak_in_a_csv_cell_that_spans_lines() -> None:
    rows = [csv_row(["Tên", "Tóm tắt"]), *(csv_row([f"Mô hình số {n}", f"Dòng một\nDòng hai {n}"]) for n in range(40))]
    rows[31] = csv_row(["Mô hình \"số\" 30", "Dòng một\nLiên hệ chị Hồng 0987 654 321"])
    leaks = scan.scan([Asset.made("du-lieu/exemplars.csv", "".join(rows).encode())])
    # the heading is line 1, each row two lines: row 31 starts at line 62, its second line is 63
    assert [(leak.output, leak.line, leak.finding.kind) for leak in leaks] == [("du-lieu/exemplars.csv", 63, "phone")]


def test_after_a_build_an_edit_reads_only_the_changed_row_of_the_csv_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def table(edited: str) -> list[SiteFile]:
        rows = [csv_row([f"Mô hình số {n}", "Một ô\ncó hai dòng"]) for n in range(300)]
        rows[7] = csv_row([edited, "Một ô\ncó hai dòng"])
        return [Asset.made("du-lieu/exemplars.csv", "".join(rows).encode())]

    read: list[str] = []
    reading = scan.read_text
    monkeypatch.setattr(scan, "read_text", lambda text: read.append(text) or reading(text))

    def build(files: list[SiteFile]) -> list[str]:
        read.clear()
        assert scan.private_data_published(files, [], [], tmp_path) == []
        return [text for text in read if text != "du-lieu/exemplars.csv"]  # its name is read each time

    assert len(build(table("Mô hình số 7"))[0]) > 3000
    assert build(table("Mô hình số 7")) == []
    assert build(table("Đã sửa")) == ['Đã sửa,"Một ô\ncó hai dòng"']


@pytest.mark.parametrize("preview", [True, False])  # the memo as this process wrote it, or read back
def test_after_a_build_that_changed_nothing_an_edit_reads_only_the_changed_line_of_the_json_files(
        preview: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def records(edited: str) -> list[SiteFile]:
        lines = [f'{{"ten": "Mô hình số {n}"}},' for n in range(300)]
        lines[7] = f'{{"ten": "{edited}"}},'
        return [Asset.made("du-lieu/exemplars.json", ("[\n" + "\n".join(lines) + "\n]\n").encode())]

    read: list[str] = []
    reading = scan.read_text
    monkeypatch.setattr(scan, "read_text", lambda text: read.append(text) or reading(text))

    def build(files: list[SiteFile]) -> list[str]:
        read.clear()
        assert scan.private_data_published(files, [], [], tmp_path, again=preview) == []
        assert bool(scan._written) is preview
        return [text for text in read if text != "du-lieu/exemplars.json"]  # its name is read each time

    assert len(build(records("Mô hình số 7"))[0]) > 3000  # the first build reads every line
    assert build(records("Mô hình số 7")) == []  # nothing changed, nothing read
    assert build(records("Đã sửa")) == ['{"ten": "Đã sửa"},']  # only the edited record

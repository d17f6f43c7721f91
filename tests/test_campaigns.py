"""Campaigns and units through time: each campaign counted against its own targets, the checker's
rules across the registries and dates, "where is it now", and a province that is not the sample.

Hand counts read the files with yaml directly, never through dvk."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import REPO, TinyProject, collective, individual, run_dvk
from dvk.cli import main
from dvk.pipeline import load_registry
from dvk.project import Project

PROVINCE = REPO / "tests" / "fixtures" / "province"


def exemplars(root: Path, campaign: str) -> list[dict[str, Any]]:
    """The published exemplars of a campaign (a file without `campaign:` is the default's)."""
    site = yaml.safe_load((root / "exemplars" / "site.yml").read_text(encoding="utf-8"))
    campaigns = yaml.safe_load((root / "exemplars" / "campaigns.yml").read_text(encoding="utf-8"))
    default = site.get("default_campaign") or campaigns[0]["id"]
    found = []
    for path in sorted((root / "exemplars").glob("*/*.md")):
        data = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])
        if not data.get("draft") and data.get("campaign", default) == campaign:
            found.append(data)
    return found


def levels_of(root: Path) -> dict[str, str]:
    units = yaml.safe_load((root / "exemplars" / "units.yml").read_text(encoding="utf-8"))
    return {u["id"]: u["level"] for u in units["units"]}


def report(tmp_path: Path, root: Path, *args: str) -> str:
    out = tmp_path / f"report-{len(list(tmp_path.iterdir()))}.md"
    assert main(["--root", str(root), "report", *args, "--output", str(out)]) == 0
    return out.read_text(encoding="utf-8")


# --- each campaign against its own targets -------------------------------------------------------

def test_the_closed_campaigns_report_is_a_final_result_equal_to_the_hand_count(tmp_path: Path) -> None:
    data = exemplars(REPO, "dong-khoi-moi-2024-2025")
    level = levels_of(REPO)
    text = report(tmp_path, REPO, "--campaign", "dong-khoi-moi-2024-2025")
    assert f"| Toàn huyện | {len(data)} | 100 |" in text
    assert f"| Cấp huyện | {sum(level[d['unit']] == 'huyen' for d in data)} | 6 |" in text
    assert f"| Cấp xã | {sum(level[d['unit']] == 'xa' for d in data)} | 94 |" in text
    assert "từ ngày 28/03/2024 đến ngày 31/12/2025" in text  # the campaign's own period by default
    assert "đây là kết quả cuối cùng" in text
    assert "Ba trọng tâm" not in text and "Trọng tâm thứ nhất" not in text


def test_the_2026_campaign_counts_only_its_exemplars_against_its_own_targets(tmp_path: Path) -> None:
    data = exemplars(REPO, "phu-tuc-2026")
    assert data and all(d["recognition"]["date"].year == 2026 for d in data)
    text = report(tmp_path, REPO, "--campaign", "phu-tuc-2026")
    assert f"| Toàn xã | {len(data)} | 12 |" in text
    assert f"| Điển hình cá nhân | {sum(d['kind'] == 'individual' for d in data)} | 4 |" in text
    assert "| Toàn huyện |" not in text and "Khối vận" not in text  # not the 2024–2025 campaign's
    assert "Trọng tâm thứ nhất" in text and "Chân thứ nhất" not in text
    assert f"**Cộng** |  | **{len(data)}** |" in text
    assert "Chiến dịch đang diễn ra, còn" in text  # open: the days left


def test_a_report_as_of_a_day_counts_what_was_recognized_by_then(tmp_path: Path) -> None:
    day = date(2026, 6, 30)
    data = [d for d in exemplars(REPO, "phu-tuc-2026") if d["recognition"]["date"] <= day]
    text = report(tmp_path, REPO, "--campaign", "phu-tuc-2026", "--as-of", "30/06/2026")
    assert f"| Toàn xã | {len(data)} | 12 |" in text
    assert "đến ngày 30/06/2026" in text


def test_a_review_reports_its_own_window(tmp_path: Path) -> None:
    data = [d for d in exemplars(REPO, "dong-khoi-moi-2024-2025")
            if date(2024, 3, 28) <= d["recognition"]["date"] <= date(2024, 12, 31)]
    text = report(tmp_path, REPO, "--campaign", "dong-khoi-moi-2024-2025", "--review", "so-ket")
    assert f"| Toàn huyện | {len(data)} | 100 |" in text
    assert "từ ngày 28/03/2024 đến ngày 31/12/2024" in text


def test_an_unknown_campaign_is_a_clear_message_and_exit_2() -> None:
    result = run_dvk("report", "--campaign", "khong-co", cwd=REPO)
    assert result.returncode == 2
    assert "dong-khoi-moi-2024-2025" in result.stderr and "Traceback" not in result.stderr


# --- where a unit's work is now --------------------------------------------------------------------

@pytest.fixture(scope="module")
def registry() -> Any:
    _, found = load_registry(Project(REPO), date(2026, 12, 1))
    assert found is not None
    return found


def test_an_old_unit_reads_as_old_and_says_where_it_is_now(registry: Any) -> None:
    assert registry.former_note("kv-quoi-son") == "Khối vận xã Quới Sơn (cũ) – nay thuộc xã Giao Long"
    # ended with no successor unit: its area's lineage says where
    assert registry.former_note("hoi-nong-dan-quoi-son") == "Hội Nông dân xã Quới Sơn (cũ) – nay thuộc xã Giao Long"
    assert registry.former_note("dang-uy-giao-long-2025") is None
    assert registry.former_note("to-dan-van-ap-phu-hoa") is None  # it outlived its commune


def test_who_carries_a_units_work_depends_on_the_day(registry: Any) -> None:
    assert registry.unit_on("kv-phu-an-hoa", date(2024, 11, 30)).id == "kv-phu-an-hoa"
    assert registry.unit_on("kv-phu-an-hoa", date(2024, 12, 1)).id == "kv-an-phuoc"
    assert registry.unit_on("kv-phu-an-hoa", date(2025, 7, 1)).id == "dang-uy-giao-long-2025"
    unit = registry.units["to-dan-van-ap-phu-hoa"]
    assert unit.area_on(date(2025, 6, 30)) == "tam-phuoc" and unit.area_on(date(2025, 7, 1)) == "son-dong-2025"
    assert unit.name_on(date(2025, 1, 1)) == "Tổ Dân vận ấp Phú Hòa (xã Tam Phước)"


def test_every_level_name_and_step_is_data(registry: Any) -> None:
    assert registry.level_names == {"tinh": "Cấp tỉnh", "huyen": "Cấp huyện", "xa": "Cấp xã"}
    assert len(registry.campaigns["dong-khoi-moi-2024-2025"].step_names) == 5
    assert len(registry.campaigns["phu-tuc-2026"].step_names) == 4
    assert registry.levels["huyen"].until == date(2025, 6, 30)


# --- the checker: an exemplar fits its campaign and its unit's life -------------------------------

def codes(project: TinyProject, data: dict[str, Any]) -> list[tuple[str, str]]:
    path = project.add(data)
    rel = path.relative_to(project.root).as_posix()
    return [(d.field, d.code) for d in project.check().diagnostics if d.path == rel]


def test_a_file_without_campaign_belongs_to_the_default_one(project: TinyProject) -> None:
    project.add(collective())
    result = project.check()
    assert not result.errors
    assert result.catalog is not None and result.catalog.exemplars[0].campaign == "dong-khoi-moi-2024-2025"


def test_an_unknown_campaign_is_named(project: TinyProject) -> None:
    assert codes(project, collective(campaign="dong-khoi-moi-2024")) == [("campaign", "ref.campaign")]


def test_a_recognition_outside_the_campaign_is_an_error(project: TinyProject) -> None:
    data = collective(unit="mttq-phu-tuc-2025", period=None, criteria=None)
    data["recognition"] = {**data["recognition"], "date": "2026-03-02"}
    assert codes(project, {**data, "kind": "individual", "consent": "2026-03-01",
                           "person": {"name": "Lê Văn A", "position": "Tổ trưởng"}}) == [
        ("recognition.date", "campaign.date_outside")]


def test_a_category_of_another_campaign_is_refused_with_the_campaigns_own(project: TinyProject) -> None:
    path = project.add(collective(categories=["so-hoa-2026"]))
    found = [d for d in project.check().diagnostics if d.path.endswith(path.name)]
    assert [(d.field, d.code) for d in found] == [("categories[1]", "campaign.category")]
    assert "mui-3" in found[0].render("vi") and "phu-tuc-2026" in found[0].render("en")


def test_a_step_beyond_the_campaigns_steps_is_out_of_range(project: TinyProject) -> None:
    data = collective(unit="dang-uy-phu-tuc-2025", campaign="phu-tuc-2026", categories=["so-hoa-2026"],
                      period={"start": "2026-02-02", "end": "2026-09-30"},
                      steps=[{"step": 5, "date": "2026-09-01"}])
    data["recognition"] = {**data["recognition"], "date": "2026-09-15"}
    path = project.add(data)
    found = [d for d in project.check().diagnostics if d.path.endswith(path.name)]
    assert [(d.field, d.code) for d in found] == [("steps[1].step", "schema.range")]
    assert "≤ 4" in found[0].render("vi")


@pytest.mark.parametrize(("nomination", "code"), [
    ({"level": "huyen", "date": "2025-07-15"}, "campaign.nomination_ended"),
    ({"level": "xa", "date": "2025-01-15"}, "campaign.nomination_level"),
])
def test_a_nomination_goes_to_a_level_of_the_campaign_that_lived_on_the_day(
        project: TinyProject, nomination: dict[str, str], code: str) -> None:
    assert [c for _, c in codes(project, collective(nominations=[nomination]))] == [code]


def test_a_unit_that_ended_before_the_recognition_is_an_error(project: TinyProject) -> None:
    data = individual(consent="2025-08-01")
    data["recognition"] = {**data["recognition"], "date": "2025-08-20"}
    assert codes(project, data) == [("unit", "unit.not_alive")]


def test_work_done_while_the_unit_lived_may_be_recognized_after_it_ended(project: TinyProject) -> None:
    data = collective()  # its period ends 2025-06-30, the last day of kv-giao-long
    data["recognition"] = {**data["recognition"], "date": "2025-08-20", "by": "Đảng ủy xã Giao Long"}
    assert codes(project, data) == []


def test_a_recognizing_body_named_after_an_ended_area_is_a_warning(project: TinyProject) -> None:
    data = collective()
    data["recognition"] = {**data["recognition"], "date": "2025-08-20", "by": "Đảng ủy xã An Phước"}
    path = project.add(data)
    found = [d for d in project.check().diagnostics if d.path.endswith(path.name)]
    assert [(d.field, d.code, d.severity.value) for d in found] == [
        ("recognition.by", "recognition.by_ended", "warning")]


def test_an_outlet_cited_on_a_day_it_did_not_exist_is_a_warning(project: TinyProject) -> None:
    data = collective(media=[{"outlet": "bao-ptth-vinh-long", "title": "Đường quê", "date": "2025-03-01"}])
    assert codes(project, data) == [("media[1].outlet", "media.outlet_dead")]


# --- the checker: the registries hold together through time -------------------------------------

def rewrite_units(project: TinyProject, old: str, new: str) -> list[tuple[str, str]]:
    path = project.root / "exemplars" / "units.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return [(d.field, d.code) for d in project.check().diagnostics if d.path == "exemplars/units.yml"]


def test_a_successor_must_live_from_the_day_after(project: TinyProject) -> None:
    old = "{id: phu-tuc-2025, name: xã Phú Túc, level: xa, parent: tinh-vinh-long-2025, from: 2025-07-01"
    found = rewrite_units(project, old, old.replace("2025-07-01", "2025-07-02"))
    merged = [field for field, code in found if code == "history.successor_dead"]
    assert len(merged) == 4 and all(f.startswith("areas[") and f.endswith("merged_into.id") for f in merged)
    # the units of the new commune name it as their area from a day it did not exist yet
    assert {code for _, code in found} == {"history.successor_dead", "history.link_dead"}


def test_every_by_names_an_act_and_nothing_outlives_its_level(project: TinyProject) -> None:
    old = "parent: bdv-huyen-uy, until: 2025-06-30, ended: {by: luat-72-2025}}"  # the first district unit
    assert rewrite_units(project, old, "parent: bdv-huyen-uy, by: luat-72}") == [("units[3].by", "ref.act")]
    found = rewrite_units(project, "parent: bdv-huyen-uy, by: luat-72}", "parent: bdv-huyen-uy}")
    assert ("units[3].until", "history.outlives_level") in found


# --- a province that is not the sample: the same software, its own data ---------------------------

def test_the_province_fixture_passes_the_strict_check_with_no_code_change() -> None:
    result = run_dvk("--root", str(PROVINCE), "check", "--strict", cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "7 được công bố, 0 lỗi, 0 cảnh báo" in result.stdout + result.stderr


def test_the_province_report_counts_against_its_own_targets(tmp_path: Path) -> None:
    campaign = yaml.safe_load((PROVINCE / "exemplars" / "campaigns.yml").read_text(encoding="utf-8"))[0]
    data = exemplars(PROVINCE, campaign["id"])
    level = levels_of(PROVINCE)
    text = report(tmp_path, PROVINCE)
    assert f"| Toàn tỉnh | {len(data)} | 40 |" in text
    assert f"| Cấp tỉnh | {sum(level[d['unit']] == 'tinh' for d in data)} | 8 |" in text
    assert f"| Cấp xã, phường | {sum(level[d['unit']] == 'xa' for d in data)} | 32 |" in text
    assert "Bốn đồng hành" not in text or "Đồng hành thứ nhất" in text
    assert "Hai chân" not in text and "Châu Thành" not in text

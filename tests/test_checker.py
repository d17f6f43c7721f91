"""The checker: each rule of the data contract gives one message naming file, line and field."""

from __future__ import annotations

from typing import Any

import yaml

from conftest import TinyProject, collective, exemplar_text, individual, run_dvk

FILE = "exemplars/kv-giao-long/ngoi-nha-nhan-ai.md"


def problems(project: TinyProject) -> list[tuple[str, int | None, str, str]]:
    return [(d.path, d.line, d.field, d.code) for d in project.check().diagnostics]


def only_problem(project: TinyProject, data: dict[str, Any]) -> tuple[str, int | None, str, str]:
    project.add(data)
    found = problems(project)
    assert len(found) == 1, found
    return found[0]


def test_a_valid_collective_is_published(project: TinyProject) -> None:
    project.add(collective())
    result = project.check()
    assert result.diagnostics == []
    assert [e.slug for e in result.catalog.exemplars] == ["ngoi-nha-nhan-ai"]


def test_a_valid_individual_is_published(project: TinyProject) -> None:
    project.add(individual(), slug="chi-le-thi-hong")
    assert project.check().diagnostics == []


def test_a_missing_required_field_is_named_with_the_line_of_its_parent(project: TinyProject) -> None:
    assert only_problem(project, collective(summary=None)) == (FILE, 2, "summary", "schema.required")


def test_a_collective_needs_a_period_and_criteria(project: TinyProject) -> None:
    project.add(collective(period=None, criteria=None))
    assert {p[2] for p in problems(project)} == {"period", "criteria"}


def test_an_individual_needs_a_person_and_consent(project: TinyProject) -> None:
    project.add(individual(consent=None))
    assert [p[2:] for p in problems(project)] == [("consent", "schema.required")]


def test_an_unknown_field_gets_a_did_you_mean(project: TinyProject) -> None:
    project.add(collective(sumary="x"))
    result = project.check()
    unknown = [d for d in result.diagnostics if d.code == "schema.unknown"]
    assert len(unknown) == 1
    assert "có phải ý bạn là 'summary'?" in unknown[0].render("vi")
    assert "did you mean 'summary'?" in unknown[0].render("en")


def test_an_unknown_unit_suggests_the_closest(project: TinyProject) -> None:
    project.write("kv-giao-lon/ngoi-nha-nhan-ai.md", exemplar_text(collective(unit="kv-giao-lon")))
    result = project.check()
    [d] = result.diagnostics
    assert (d.field, d.code, d.line) == ("unit", "ref.unit", 4)
    assert "'kv-giao-long'" in d.render()


def test_an_unknown_category_is_an_error(project: TinyProject) -> None:
    assert only_problem(project, collective(categories=["mui-4"]))[2:] == ("categories[1]", "ref.category")


def test_a_period_that_ends_before_it_starts_is_an_error(project: TinyProject) -> None:
    data = collective(period={"start": "2025-01-01", "end": "2024-01-01"})
    assert only_problem(project, data)[2:] == ("period.end", "period.order")


def test_an_impossible_date_is_an_error(project: TinyProject) -> None:
    data = collective(recognition={"decision": "15-QĐ/BDVHU", "date": "2024-02-30", "by": "Ban Dân vận"})
    assert only_problem(project, data)[2:] == ("recognition.date", "date.invalid")


def test_a_short_story_is_an_error(project: TinyProject) -> None:
    project.add(collective(), story="Ngắn quá.")
    [d] = project.check().diagnostics
    assert (d.code, d.line) == ("body.too_short", d.line)
    assert d.line is not None and d.line > 10


def test_a_number_written_as_text_is_reported_where_it_is(project: TinyProject) -> None:
    data = collective(criteria=[{"name": "Số căn", "target": "mười", "result": 12, "measure": "căn"}])
    _, line, field, code = only_problem(project, data)
    assert (field, code) == ("criteria[1].target", "schema.type")
    assert line is not None


def test_the_file_must_sit_in_its_units_folder(project: TinyProject) -> None:
    project.write("kv-tan-thach/ngoi-nha-nhan-ai.md", exemplar_text(collective()))
    assert [p[2:] for p in problems(project)] == [("unit", "file.folder_unit")]


def test_a_file_name_that_is_not_a_slug_is_an_error(project: TinyProject) -> None:
    project.write("kv-giao-long/Ngôi Nhà.md", exemplar_text(collective()))
    [d] = project.check().diagnostics
    assert d.code == "slug.invalid"
    assert "ngoi-nha.md" in d.render()


def test_a_file_may_not_take_the_address_of_a_page_of_the_list_of_exemplars(project: TinyProject) -> None:
    # dien-hinh/trang-2/ is the second page of the list of all exemplars, dien-hinh/moi-nhat/ its newest first
    for name in ("trang-2", "moi-nhat"):
        project.write(f"kv-giao-long/{name}.md", exemplar_text(collective()))
        [d] = project.check().diagnostics
        assert d.code == "slug.reserved" and f"{name}.md" in d.render()
        (project.root / f"exemplars/kv-giao-long/{name}.md").unlink()


def test_slugs_are_unique_site_wide(project: TinyProject) -> None:
    project.add(collective())
    project.write("kv-tan-thach/ngoi-nha-nhan-ai.md", exemplar_text(collective(unit="kv-tan-thach")))
    # Both files are told, so checking either one alone (`dvk check PATH`) still fails.
    found = [(d.path, d.code, d.params["other"]) for d in project.check().diagnostics]
    assert found == [
        (FILE, "slug.duplicate", "exemplars/kv-tan-thach/ngoi-nha-nhan-ai.md"),
        ("exemplars/kv-tan-thach/ngoi-nha-nhan-ai.md", "slug.duplicate", FILE),
    ]


def test_learned_from_must_name_an_existing_exemplar(project: TinyProject) -> None:
    assert only_problem(project, collective(learned_from=["khong-co"]))[2:] == ("learned_from[1]", "ref.exemplar")


def test_a_draft_is_checked_but_not_published(project: TinyProject) -> None:
    project.add(collective(draft=True))
    result = project.check()
    assert result.catalog.exemplars == []
    assert [(i.source, i.reason) for i in result.left_out] == [(FILE, "draft")]


def test_a_broken_file_is_left_out_and_says_why(project: TinyProject) -> None:
    project.add(collective(kind="group"))
    result = project.check()
    assert [(i.source, i.reason) for i in result.left_out] == [(FILE, "errors")]


def test_binary_and_non_utf8_files_get_a_message_not_a_crash(project: TinyProject) -> None:
    project.write("kv-giao-long/anh.md", b"\x89PNG\r\n\x1a\n\x00\x00")
    project.write("kv-giao-long/latin.md", "---\ntitle: Ng\xf4i nh\xe0\n---\n".encode("latin-1"))
    assert sorted(p[3] for p in problems(project)) == ["file.binary", "file.encoding"]


def test_bom_and_crlf_are_accepted(project: TinyProject) -> None:
    text = exemplar_text(collective()).replace("\n", "\r\n")
    project.write("kv-giao-long/ngoi-nha-nhan-ai.md", "\ufeff".encode() + text.encode())
    assert problems(project) == []


def test_the_cli_prints_vietnamese_by_default_and_english_on_request(project: TinyProject) -> None:
    project.add(collective(summary=None))
    vi = run_dvk("check", cwd=project.root)
    en = run_dvk("--lang", "en", "check", cwd=project.root)
    assert vi.returncode == en.returncode == 1
    assert f"{FILE}:2: summary: thiếu trường bắt buộc 'summary' — hãy thêm 'summary:'" in vi.stdout
    assert f"{FILE}:2: summary: required field 'summary' is missing — add 'summary:'" in en.stdout
    assert "Traceback" not in vi.stdout + vi.stderr


def test_the_cli_exits_zero_when_all_is_well(project: TinyProject) -> None:
    project.add(collective())
    done = run_dvk("check", cwd=project.root)
    assert done.returncode == 0, done.stdout
    assert "1 được công bố, 0 lỗi" in done.stdout


def test_github_actions_get_annotations(project: TinyProject, monkeypatch: Any) -> None:
    project.add(collective(summary=None))
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    done = run_dvk("check", cwd=project.root)
    assert f"::error file={FILE},line=2,title=dvk check::summary: thiếu trường" in done.stdout


def test_two_units_of_one_name_are_refused_naming_both_lines(project: TinyProject) -> None:
    units = project.root / "exemplars" / "units.yml"
    lines = units.read_text(encoding="utf-8").splitlines(keepends=True)
    first = next(i for i, line in enumerate(lines) if "name: Khối vận xã Giao Long," in line) + 1
    second = next(i for i, line in enumerate(lines) if "name: Khối vận xã Hữu Định," in line) + 1
    lines[second - 1] = lines[second - 1].replace("Khối vận xã Hữu Định", "Khối vận xã Giao Long")
    units.write_text("".join(lines), encoding="utf-8")
    project.add(collective())
    result = project.check()
    assert result.catalog is None
    (error,) = result.errors
    assert (error.path, error.line, error.code) == ("exemplars/units.yml", second, "name.duplicate")
    position = [u["id"] for u in yaml.safe_load("".join(lines))["units"]].index("kv-huu-dinh") + 1
    assert error.field == f"units[{position}].name"
    assert f"dòng {first}" in error.render() and f"units.yml:{second}:" in error.render()
    assert f"line {first}" in error.render("en")

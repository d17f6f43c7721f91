"""The contributor's workflow: `dvk new`, the issue form and `dvk import-issue`, the GitHub and
editor configuration, the field reference page, and `--help` in Vietnamese."""

from __future__ import annotations

import io
import json
import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import REPO, STORY, TinyProject, run_dvk
from dvk import cli
from dvk.contribute import issueform
from dvk.diagnostics import Severity
from dvk.progress import Progress, over
from dvk.schema import load_schema

# What a contributor types into each blank `dvk new` leaves (by key), and into `categories: []`.
FILL = {
    "summary": "Khối vận xã vận động Nhân dân lắp đèn năng lượng mặt trời trên 6 km đường quê.",
    "decision": "25-QĐ/ĐU", "date": "2025-04-15", "by": "Đảng ủy xã Giao Long",
    "start": "2024-04-01", "end": "2025-03-31",
    "name": "Chiều dài đường được lắp đèn", "target": "5", "result": "6.2", "measure": "km",
    "position": "Chi hội trưởng Chi hội Phụ nữ ấp 3", "consent": "2025-03-20",
}
BLANK = re.compile(r"^(\s*(?:- )?)([a-z_]+):(\s*#.*)?$")


def fill_blanks(text: str) -> str:
    """Replace every empty value with a real one, as a contributor would, and write the story."""
    out = []
    for line in text.split("\n"):
        m = BLANK.match(line)
        if m and m.group(2) in FILL:
            value = "Lê Thị Hoa" if m.group(2) == "name" and "person" in out[-2] else FILL[m.group(2)]
            line = f"{m.group(1)}{m.group(2)}: {value}"
        out.append(line.replace("categories: []", "categories: [mui-3]"))
    return "\n".join(out).rstrip("\n") + "\n" + STORY + "\n"


def new(project: TinyProject, *args: str, stdin: str | None = None) -> Any:
    if stdin is None:
        return run_dvk("new", *args, cwd=project.root)
    import subprocess
    import sys
    return subprocess.run([sys.executable, "-m", "dvk", "new", *args], cwd=project.root,
                          input=stdin, capture_output=True, text=True, timeout=120)


# --- dvk new -------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["collective", "individual"])
def test_a_scaffolded_file_with_its_blanks_filled_passes_the_checker(project: TinyProject, kind: str) -> None:
    result = new(project, "--unit", "kv-giao-long", "--kind", kind, "--title", "Đường quê sáng đèn")
    assert result.returncode == 0, result.stderr
    path = project.root / "exemplars/kv-giao-long/duong-que-sang-den.md"
    text = path.read_text(encoding="utf-8")
    assert text.split("\n")[1] == "# yaml-language-server: $schema=../../scripts/dvk/schema/exemplar.schema.json"

    blank = project.check()
    problems = [d for d in blank.diagnostics if d.severity is Severity.ERROR]
    assert problems and all(d.line for d in problems), "every blank is named with its line"
    assert {"summary", "recognition.decision", "recognition.date"} <= {d.field for d in problems}

    path.write_text(fill_blanks(text), encoding="utf-8")
    filled = project.check()
    assert filled.diagnostics == []
    (exemplar,) = filled.catalog.exemplars
    assert (exemplar.slug, exemplar.kind) == ("duong-que-sang-den", kind)


def test_a_scaffold_shows_every_field_with_a_vietnamese_comment(project: TinyProject) -> None:
    new(project, "--unit", "kv-giao-long", "--kind", "collective", "--title", "Đường quê sáng đèn")
    text = (project.root / "exemplars/kv-giao-long/duong-que-sang-den.md").read_text(encoding="utf-8")
    schema = load_schema("exemplar.schema.json")
    for name in schema["properties"]:
        if name in ("person", "consent"):  # the individual's block
            continue
        assert re.search(rf"^(# )?{name}:", text, re.M), name
    described = [line for line in text.split("\n") if line.startswith("# ") and ":" not in line[:20]]
    assert "# Mã đơn vị công nhận, có trong exemplars/units.yml (trùng tên thư mục chứa tệp)." in text
    assert len(described) >= 10


def test_the_file_name_comes_from_the_title_without_diacritics(project: TinyProject) -> None:
    result = new(project, "--unit", "kv-giao-long", "--kind", "individual",
                 "--title", "Đồng chí Đặng Văn Đức: “Đường điện nông thôn”")
    assert result.returncode == 0, result.stderr
    assert (project.root / "exemplars/kv-giao-long/dong-chi-dang-van-duc-duong-dien-nong-thon.md").is_file()


def test_new_never_overwrites_and_names_the_file_that_exists(project: TinyProject) -> None:
    args = ("--unit", "kv-giao-long", "--kind", "collective", "--title", "Đường quê sáng đèn")
    new(project, *args)
    path = project.root / "exemplars/kv-giao-long/duong-que-sang-den.md"
    path.write_text("đã sửa", encoding="utf-8")
    again = new(project, *args)
    assert again.returncode == 1
    assert "exemplars/kv-giao-long/duong-que-sang-den.md" in again.stderr and "không ghi đè" in again.stderr
    assert path.read_text(encoding="utf-8") == "đã sửa"


def test_new_refuses_a_slug_taken_by_another_unit(project: TinyProject) -> None:
    new(project, "--unit", "kv-giao-long", "--kind", "collective", "--title", "Đường quê sáng đèn")
    other = new(project, "--unit", "kv-an-phuoc", "--kind", "collective", "--title", "Đường quê sáng đèn")
    assert other.returncode == 1 and "--slug" in other.stderr


def test_an_unknown_unit_gets_a_did_you_mean(project: TinyProject) -> None:
    result = new(project, "--unit", "kv-giao-lon", "--kind", "collective", "--title", "Đường quê sáng đèn")
    assert result.returncode == 1
    assert "có phải ý bạn là 'kv-giao-long'?" in result.stderr
    assert not list((project.root / "exemplars").glob("*/duong-que*.md"))


def test_a_unit_may_be_typed_by_its_name(project: TinyProject) -> None:
    result = new(project, "--unit", "Khối vận xã Giao Long", "--kind", "tập thể", "--title", "Đường quê sáng đèn")
    assert result.returncode == 0, result.stderr
    assert (project.root / "exemplars/kv-giao-long/duong-que-sang-den.md").is_file()


def test_new_asks_for_what_is_missing_and_asks_again_after_a_wrong_answer(project: TinyProject) -> None:
    result = new(project, stdin="kv-giao-lon\nkv-giao-long\n3\n2\nChị Lê Thị Hoa\n")
    assert result.returncode == 0, result.stderr
    assert "có phải ý bạn là 'kv-giao-long'?" in result.stderr
    assert "collective (tập thể) hoặc individual (cá nhân)" in result.stderr
    text = (project.root / "exemplars/kv-giao-long/chi-le-thi-hoa.md").read_text(encoding="utf-8")
    assert "kind: individual" in text and "person:" in text and "criteria:" not in text


def test_new_without_answers_says_which_flags_to_use(project: TinyProject) -> None:
    result = new(project, "--unit", "kv-giao-long", stdin="")
    assert result.returncode == 1 and "--kind" in result.stderr and "Traceback" not in result.stderr


# --- the issue form and dvk import-issue ----------------------------------------------------------

FORM = REPO / issueform.FORM_PATH


def github_body(answers: dict[str, str | list[str]], form_path: Path = FORM) -> str:
    """An issue body the way GitHub renders a submitted form."""
    form = yaml.safe_load(form_path.read_text(encoding="utf-8"))
    parts = []
    for item in form["body"]:
        if item["type"] == "markdown":
            continue
        value = answers.get(item["id"])
        if item["type"] == "checkboxes":
            ticked = value or []
            text = "\n".join(f"- [{'X' if o['label'].split(' ')[0] in ticked else ' '}] {o['label']}"
                             for o in item["attributes"]["options"])
        else:
            text = value if value else "_No response_"
        parts.append(f"### {item['attributes']['label']}\n\n{text}")
    return "\n\n".join(parts) + "\n"


# A nomination for the open campaign of the sample (the form offers only open campaigns' lines).
COMPLETE = {
    "unit": "hoi-lhpn-phu-tuc-2025", "kind": "Tập thể (collective)", "title": "Ánh sáng đường quê",
    "model": "Ánh sáng đường quê", "categories": ["so-hoa-2026", "doan-ket-2026"], "fields": ["nong-thon-moi"],
    "groups": "thanh-nien", "summary": "Hội phụ nữ xã vận động Nhân dân lắp đèn trên các tuyến đường liên ấp.",
    "recognition-decision": "25-QĐ/ĐU", "recognition-date": "15/4/2026", "recognition-by": "Đảng ủy xã Phú Túc",
    "period-start": "2026-02-02", "period-end": "31/3/2026",
    "criteria": "Số hộ tham gia | 300 | 1.412 | hộ\nKinh phí vận động | 150 | 186,5 | triệu đồng",
    "contact-phone": "0275 3861 234",
    "story": STORY + "\n\n### Bài học\n\nViệc gì dân thấy rõ lợi ích thì dân đồng lòng làm.",
}


def import_issue(project: TinyProject, body: str, *args: str) -> Any:
    written = run_dvk("contribute-files", cwd=project.root)  # the project's own form, as a site writes it
    assert written.returncode == 0, written.stderr
    source = project.root / "issue.md"
    source.write_text(body, encoding="utf-8")
    return run_dvk("import-issue", str(source), *args, cwd=project.root)


def test_a_complete_nomination_becomes_a_valid_exemplar(project: TinyProject) -> None:
    result = import_issue(project, github_body(COMPLETE))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "exemplars/hoi-lhpn-phu-tuc-2025/anh-sang-duong-que.md" in result.stdout
    checked = project.check()
    assert checked.diagnostics == []
    (ex,) = checked.catalog.exemplars
    assert ex.categories == ("so-hoa-2026", "doan-ket-2026") and ex.groups == ("thanh-nien",)
    assert ex.campaign == "phu-tuc-2026", "the lines ticked name the campaign the form does not ask for"
    assert str(ex.recognition.date) == "2026-04-15" and str(ex.period.end) == "2026-03-31"
    assert [(c.target, c.result) for c in ex.criteria] == [(300, 1412), (150, 186.5)]
    assert "### Bài học" in ex.story, "a heading inside the story does not cut it"


def test_an_incomplete_nomination_is_written_with_its_blanks_named(project: TinyProject) -> None:
    answers = {**COMPLETE, "criteria": "", "period-end": "", "recognition-date": "mùa xuân"}
    result = import_issue(project, github_body(answers))
    assert result.returncode == 1
    assert "period.end" in result.stdout and "criteria" in result.stdout and "recognition.date" in result.stdout
    assert (project.root / "exemplars/hoi-lhpn-phu-tuc-2025/anh-sang-duong-que.md").is_file()


def test_an_individual_nomination(project: TinyProject) -> None:
    answers = {"unit": "hoi-lhpn-phu-tuc-2025", "kind": "Cá nhân (individual)", "title": "Chị Lê Thị Hoa",
               "categories": ["gan-dan-2026"], "summary": "Chi hội trưởng vận động hội viên tiết kiệm giúp nhau.",
               "recognition-decision": "12-QĐ/HPN", "recognition-date": "2026-03-08",
               "recognition-by": "Hội LHPN xã Phú Túc", "person-name": "Lê Thị Hoa",
               "person-position": "Chi hội trưởng", "consent": "20/3/2026", "story": STORY}
    result = import_issue(project, github_body(answers))
    assert result.returncode == 0, result.stdout + result.stderr
    assert project.check().diagnostics == []


def test_a_nomination_for_an_unknown_unit_writes_nothing(project: TinyProject) -> None:
    result = import_issue(project, github_body({**COMPLETE, "unit": "hoi-lhpn-phu-tuc-2052"}))
    assert result.returncode == 2 and "hoi-lhpn-phu-tuc-2025" in result.stderr
    assert not list((project.root / "exemplars").glob("*/*.md"))
    fixed = import_issue(project, github_body({**COMPLETE, "unit": "hoi-lhpn-phu-tuc-2052"}),
                         "--unit", "hoi-lhpn-phu-tuc-2025")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr


def offered(form_path: Path) -> dict[str, list[str]]:
    """The codes each checkbox question of a form offers."""
    form = yaml.safe_load(form_path.read_text(encoding="utf-8"))
    return {item["id"]: [o["label"].split(" ")[0] for o in item["attributes"]["options"]]
            for item in form["body"] if item["type"] == "checkboxes"}


def placeholder(form_path: Path, question: str) -> str:
    form = yaml.safe_load(form_path.read_text(encoding="utf-8"))
    return next(item for item in form["body"] if item.get("id") == question)["attributes"]["placeholder"]


def test_the_form_offers_exactly_the_registry_codes_of_the_open_campaigns(sample_result: Any) -> None:
    registry = sample_result.catalog.registry
    codes = offered(FORM)
    assert codes["categories"] == [line.id for c in registry.campaigns.values() if c.is_open for line in c.categories]
    assert not {line.id for c in registry.campaigns.values() if not c.is_open
                for line in c.categories} & set(codes["categories"]), "a closed campaign takes no nomination"
    assert codes["fields"] == list(registry.fields)
    assert registry.is_current(registry.units[placeholder(FORM, "unit")]), "the example unit is one of today's"


def test_the_committed_form_is_what_dvk_contribute_files_writes() -> None:
    """Nobody edits the form by hand: a copy that drifted from the registries fails here (and in CI)."""
    result = run_dvk("contribute-files", "--check", cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr + "\nrun: dvk contribute-files"


def test_the_form_follows_the_registries(project: TinyProject) -> None:
    """Another campaign opened (its organiser long gone), a line retitled: the next form says so, and
    `--check` names the stale file until the command has written it again."""
    form = project.root / issueform.FORM_PATH
    assert run_dvk("contribute-files", cwd=project.root).returncode == 0
    path = project.root / "exemplars" / "campaigns.yml"
    campaigns = yaml.safe_load(path.read_text(encoding="utf-8"))
    first, second = campaigns[0], campaigns[1]
    first["status"] = "open"
    second["lines"]["categories"][0]["short"] = "Một nội dung viết lại"
    path.write_text(yaml.safe_dump(campaigns, allow_unicode=True, sort_keys=False), encoding="utf-8")
    stale = run_dvk("contribute-files", "--check", cwd=project.root)
    assert stale.returncode == 1 and issueform.FORM_PATH.as_posix() in stale.stderr
    assert "chạy dvk contribute-files rồi commit" in stale.stderr and "Traceback" not in stale.stderr
    assert "run dvk contribute-files" in run_dvk("--lang", "en", "contribute-files", "--check", cwd=project.root).stderr
    assert run_dvk("contribute-files", cwd=project.root).returncode == 0
    lines = [line["id"] for c in (first, second) for line in c["lines"]["categories"]]
    assert offered(form)["categories"] == lines
    text = form.read_text(encoding="utf-8")
    assert "Một nội dung viết lại" in text and first["short_name"] in text and second["short_name"] in text
    assert placeholder(form, "unit") == second["organiser"], "the example is an open campaign's organiser of today"
    assert run_dvk("contribute-files", "--check", cwd=project.root).returncode == 0


def test_every_form_question_is_a_field_of_the_schema() -> None:
    schema = load_schema("exemplar.schema.json")["properties"]
    for question in issueform.load_form(FORM):
        if question.id == "story":
            continue
        parent, _, child = question.id.partition("-")
        assert parent in schema and (not child or child in schema[parent]["properties"]), question.id


@pytest.mark.parametrize(("typed", "value"), [("1.500", 1500), ("6,2", 6.2), ("1.234,5", 1234.5),
                                              ("12", 12), ("0.5", 0.5), ("mười", "mười")])
def test_numbers_are_read_as_vietnamese_write_them(typed: str, value: object) -> None:
    assert issueform.number(typed) == value


# --- GitHub, pre-commit, VS Code --------------------------------------------------------------------

def make_targets() -> set[str]:
    text = (REPO / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][a-z-]*):", text, re.M))


def assert_command_exists(command: str) -> None:
    """A `make X` names a target of the Makefile; a `dvk …` call parses with our parser."""
    words = shlex.split(command)
    if words[0] == "make":
        assert set(words[1:]) <= make_targets(), command
    elif Path(words[0]).name == "dvk":
        cli.build_parser().parse_args(words[1:])


def workflow(name: str) -> dict[Any, Any]:
    return yaml.safe_load((REPO / ".github" / "workflows" / name).read_text(encoding="utf-8"))


def steps(flow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in flow["jobs"].values() for step in job.get("steps", [])]


@pytest.mark.parametrize("name", ["kiem-tra.yml", "trang-web.yml"])
def test_workflows_call_only_commands_that_exist(name: str) -> None:
    runs = [line for step in steps(workflow(name)) for line in step.get("run", "").splitlines() if line]
    assert runs
    for line in runs:
        assert_command_exists(line)


def test_pull_requests_run_the_checker_the_strict_build_and_the_tests() -> None:
    flow = workflow("kiem-tra.yml")
    assert "pull_request" in flow[True]  # YAML 1.1 reads the key `on` as true
    runs = [step.get("run") or "" for step in steps(flow)]
    checker = next(i for i, run in enumerate(runs) if ".venv/bin/dvk check $changed" in run)
    assert "else .venv/bin/dvk check; fi" in runs[checker]  # nothing changed in exemplars/: all
    assert checker < runs.index("make site") < runs.index("make test")


def test_main_is_published_with_the_official_pages_actions() -> None:
    flow = workflow("trang-web.yml")
    assert flow[True]["push"]["branches"] == ["main"]
    used = [step.get("uses", "").split("@")[0] for step in steps(flow)]
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in used
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


def test_a_pull_request_only_restores_the_cache_main_wrote_and_never_saves_one() -> None:
    pull, deploy = steps(workflow("kiem-tra.yml")), steps(workflow("trang-web.yml"))
    actions = [step.get("uses", "").split("@")[0] for step in pull]
    assert "actions/cache/restore" in actions
    assert not {"actions/cache", "actions/cache/save"} & set(actions)
    (restore,) = [step for step in pull if step.get("uses", "").startswith("actions/cache/restore@")]
    (saved,) = [step for step in deploy if step.get("uses", "").startswith("actions/cache@")]
    assert restore["with"]["restore-keys"] == saved["with"]["restore-keys"]
    assert saved["with"]["key"].startswith(saved["with"]["restore-keys"])
    runs = [step.get("run") or "" for step in deploy]
    cleaning = next(i for i, run in enumerate(runs) if "git rm -r -q --cached --ignore-unmatch .cache" in run)
    assert "rm -rf .cache site site-offline" in runs[cleaning]
    assert cleaning < deploy.index(saved) < runs.index("make site")


def test_the_pre_commit_hook_runs_the_checker_on_exemplar_changes() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (hook,) = config["repos"][0]["hooks"]
    assert config["repos"][0]["repo"] == "local" and hook["files"] == "^exemplars/"
    assert re.match(hook["files"], "exemplars/kv-giao-long/x.md")
    assert_command_exists(hook["entry"])


def test_codeowners_names_a_reviewer_for_every_unit_folder(sample_result: Any) -> None:
    lines = (REPO / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
    owned = {line.split()[0] for line in lines if line and not line.startswith("#")}
    for unit in sample_result.catalog.registry.units:
        assert f"/exemplars/{unit}/" in owned, unit


def jsonc(path: Path) -> Any:
    return json.loads("\n".join(line for line in path.read_text(encoding="utf-8").splitlines()
                                if not line.strip().startswith("//")))


def test_the_vs_code_task_puts_checker_messages_on_their_lines(project: TinyProject) -> None:
    from conftest import collective
    project.add(collective(summary=None, recognition={"decision": "15-QĐ/BDVHU", "date": "2024-13-02",
                                                      "by": "Ban Dân vận"}), story="Quá ngắn.")
    project.write("kv-giao-long/nfd.md", "---\n" + "title: Chi\u0309 Hoa\n---\nx\n")
    lines = [d.render() for d in project.check().diagnostics]
    (task,) = [t for t in jsonc(REPO / ".vscode" / "tasks.json")["tasks"] if t["label"] == "dvk check"]
    assert_command_exists("dvk " + " ".join(task["args"]))
    warning, error = (re.compile(m["pattern"]["regexp"]) for m in task["problemMatcher"])
    seen = {"warning": 0, "error": 0}
    for line in lines:
        if not re.match(r"^\S+:\d+: ", line):
            continue  # a message with no line has nowhere to be drawn
        kind = "warning" if warning.match(line) else "error" if error.match(line) else None
        assert kind is not None, line
        assert not (warning.match(line) and error.match(line)), line
        seen[kind] += 1
    assert seen["error"] >= 2 and seen["warning"] >= 1


# --- the field reference ---------------------------------------------------------------------------

def schema_fields(sub: dict[str, Any], root: dict[str, Any], prefix: str = "") -> list[str]:
    names = []
    for key, child in sub.get("properties", {}).items():
        name = f"{prefix}{key}"
        names.append(name)
        items = child.get("items", {})
        names += schema_fields(child, root, name + ".") + schema_fields(items, root, name + "[].")
    return names


def test_the_field_reference_lists_every_schema_field(sample_site: Path, read_html: Any) -> None:
    schema = load_schema("exemplar.schema.json")
    page = read_html(sample_site / "dong-gop" / "truong-du-lieu" / "index.html")
    shown = {code.get_text() for code in page.select("article code")}
    fields = schema_fields(schema, schema)
    assert len(fields) > 40
    assert [f for f in fields if f not in shown] == []
    table = page.select("article table")[0]
    required = {row.select("td")[0].get_text(): row.select("td")[2].get_text()
                for row in table.select("tbody tr")}
    assert required["title"] == "mọi điển hình"
    assert required["criteria"] == "tập thể" and required["consent"] == "cá nhân"
    assert required["photos"] == "không"


def test_every_schema_field_has_a_vietnamese_description_and_an_example() -> None:
    schema = load_schema("exemplar.schema.json")

    def walk(sub: dict[str, Any], prefix: str = "") -> None:
        for key, child in sub.get("properties", {}).items():
            assert re.search(r"[à-ỹ]", child.get("description", "")), prefix + key
            scalar_or_codes = child.get("type") not in ("object", "array") or (
                "items" in child and "properties" not in child["items"])
            if scalar_or_codes:
                assert child.get("examples") or "$ref" in child, prefix + key
            walk(child, f"{prefix}{key}.")
            walk(child.get("items", {}), f"{prefix}{key}[].")
    walk(schema)


# --- help and progress -----------------------------------------------------------------------------

@pytest.mark.parametrize("verb", sorted(cli.VERBS))
def test_every_verb_has_vietnamese_help_with_examples(verb: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main([verb, "--help"])
    assert done.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith(f"cách dùng: dvk {verb}")
    assert "tuỳ chọn:" in text and "in hướng dẫn này rồi thoát" in text
    assert "ví dụ:" in text and re.search(rf"^  (.*\| )?dvk {verb}\b", text, re.M)
    assert "show this help" not in text and "usage:" not in text


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_counts_on_a_terminal_and_stays_silent_elsewhere() -> None:
    screen, log = Terminal(), io.StringIO()
    assert list(over(range(100), "Đọc tệp", screen)) == list(range(100))
    assert list(over(range(100), "Đọc tệp", log)) == list(range(100))
    assert log.getvalue() == ""
    shown = screen.getvalue()
    assert shown.count("\r") == 20 and shown.endswith("\rĐọc tệp: 100/100\n")
    small = Terminal()
    progress = Progress("Dựng trang", 3, small)
    for _ in range(3):
        progress.step()
    assert small.getvalue() == "\rDựng trang: 1/3\rDựng trang: 2/3\rDựng trang: 3/3\n"

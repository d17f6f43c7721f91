"""The web form's configuration is printed from the schema and the registries at every build,
so it cannot drift from what `dvk check` accepts; its page alone has the policy its bundle needs;
the contributors' guide takes its links from the configuration."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import REPO, STORY, TinyProject, jpeg, run_dvk
from dvk.pages.placeholders import NAMES, PLACEHOLDER, fill
from dvk.pages.webform import _message, decap_config
from dvk.pipeline import check, settings_for
from dvk.project import Project
from dvk.schema import EXEMPLAR, fields_of_kind, load_schema, required_fields, resolve, schema_at

SITE_YML = yaml.safe_load((REPO / "exemplars" / "site.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def config() -> dict[str, Any]:
    project = Project(REPO)
    result = check(project)
    assert result.catalog is not None
    return decap_config(result.catalog.registry, settings_for(project, result))


def collection(config: dict[str, Any], kind: str) -> dict[str, Any]:
    return next(c for c in config["collections"] if c["filter"] == {"field": "kind", "value": kind})


@pytest.mark.parametrize("kind", ["collective", "individual"])
def test_each_kind_has_the_fields_the_schema_gives_it_and_requires_what_the_schema_requires(
        config: dict[str, Any], kind: str) -> None:
    fields = collection(config, kind)["fields"]
    assert [f["name"] for f in fields] == [*fields_of_kind(kind), "body"]
    needed = required_fields(kind)
    assert {f["name"] for f in fields if f.get("required")} == needed | {"body"}
    kind_field = next(f for f in fields if f["name"] == "kind")
    assert (kind_field["widget"], kind_field["default"]) == ("hidden", kind)
    schema = load_schema(EXEMPLAR)
    for field in fields:
        if field["name"] != "body":
            assert field["label"] == resolve(schema, schema["properties"][field["name"]])["title"]


def test_the_choices_are_the_registries(config: dict[str, Any], sample_result: Any) -> None:
    registry = sample_result.catalog.registry
    fields = {f["name"]: f for f in collection(config, "collective")["fields"]}
    assert {o["value"] for o in fields["unit"]["options"]} == set(registry.units)
    assert [o["value"] for o in fields["categories"]["options"]] == list(registry.categories)
    assert fields["categories"]["multiple"] is True and fields["categories"]["min"] == 1
    assert [o["value"] for o in fields["campaign"]["options"]] == list(registry.campaigns)


def _walk(fields: list[dict[str, Any]], path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], dict[str, Any]]]:
    found = []
    for field in fields:
        here = (*path, field["name"])
        found.append((here, field))
        found.extend(_walk(field.get("fields", []), here))
    return found


def test_every_rule_of_a_text_field_is_a_validation_that_admits_the_schemas_example_and_speaks_the_catalogue(
        config: dict[str, Any]) -> None:
    schema = load_schema(EXEMPLAR)
    checked = 0
    for path, field in _walk(collection(config, "collective")["fields"]):
        if path == ("body",):
            continue
        steps: list[str | int] = []
        for step in path:
            sub = schema_at(schema, tuple(steps)) if steps else schema
            if sub is not None and sub.get("type") == "array":
                steps.append(0)
            steps.append(step)
        sub = schema_at(schema, tuple(steps))
        assert sub is not None, path
        ruled = "pattern" in sub or "minLength" in sub
        if sub.get("type") == "string" and ruled and field["widget"] in ("string", "text"):
            pattern, message = field["pattern"]
            for example in sub.get("examples", []):
                assert re.match(pattern, example), (path, pattern, example)
            if "maxLength" in sub:
                assert not re.match(pattern, "1" * (sub["maxLength"] + 1)), path
            if "pattern" in sub:
                assert message == _message("form.pattern", example=(sub.get("examples") or [""])[0])
            else:
                assert message == _message("form.length", low=sub.get("minLength", 0), high=sub.get("maxLength", ""))
            checked += 1
    assert checked >= 10


def test_the_built_form_page_alone_allows_what_its_bundle_needs(sample_site: Path) -> None:
    form = sample_site / "dong-gop" / "bieu-mau"
    assert (form / "config.yml").is_file()
    if (REPO / "node_modules" / "decap-cms").is_dir():
        assert (form / "decap" / "decap-cms.js").is_file()
    relaxed = [p.relative_to(sample_site).as_posix() for p in sample_site.rglob("*.html")
               if "'unsafe-eval'" in p.read_text(encoding="utf-8", errors="replace")[:2000]]
    assert relaxed == ["dong-gop/bieu-mau/index.html"]
    head = BeautifulSoup((form / "index.html").read_text(encoding="utf-8"), "html.parser").head
    assert head is not None and head.find().get("http-equiv") == "Content-Security-Policy"


def test_the_guide_lists_the_three_routes_easiest_first_with_links_from_the_configuration(
        sample_site: Path) -> None:
    page = BeautifulSoup((sample_site / "dong-gop" / "index.html").read_text(encoding="utf-8"), "html.parser")
    article = page.find("article")
    assert article is not None and "{dvk:" not in article.get_text()
    first = article.find("h2")
    assert first is not None and first.get("id") == "ba-cach-gui"
    routes = first.find_next("ol").find_all("li", recursive=False)
    contribute = SITE_YML["contribute"]
    assert [li.find("a")["href"] for li in routes] == [
        "bieu-mau/", f"{contribute['repository']}/issues/new?template={contribute['issue_form']}",
        contribute["repository"]]
    text = article.get_text(" ")
    for said in (contribute["office"]["name"], contribute["office"]["email"], contribute["review"]["by"],
                 f"{contribute['review']['days']} ngày làm việc"):
        assert said in text


def test_every_placeholder_the_guide_uses_is_one_the_build_fills() -> None:
    guide = (REPO / "content" / "dong-gop.md").read_text(encoding="utf-8")
    used = {m.group(1) for m in PLACEHOLDER.finditer(guide)}
    assert used and used <= set(NAMES)


def test_a_site_without_a_contribute_section_or_node_packages_says_what_to_configure(tmp_path: Path) -> None:
    project = TinyProject(tmp_path / "project")
    site_yml = project.root / "exemplars" / "site.yml"
    text = site_yml.read_text(encoding="utf-8")
    site_yml.write_text(text[:text.index("# Cách đóng góp")], encoding="utf-8")
    site = tmp_path / "site"
    done = run_dvk("build", "--site-dir", str(site), cwd=project.root)
    assert done.returncode == 0, done.stderr
    guide = (site / "dong-gop" / "index.html").read_text(encoding="utf-8")
    assert "(chưa cấu hình: contribute trong exemplars/site.yml)" in guide
    form = (site / "dong-gop" / "bieu-mau" / "index.html").read_text(encoding="utf-8")
    assert "npm ci" in form and "<script" not in form
    assert fill("{dvk:nothing}", "dong-gop.md", settings_for(Project(project.root), check(Project(project.root)))) \
        == "{dvk:nothing}"


def test_the_file_the_form_writes_is_read_as_written(project: TinyProject) -> None:
    """Decap's front matter as it saves it (unquoted dates, lists of objects, the story after it,
    the photo's bare name), byte for byte from a saved entry: the checker accepts it."""
    project.write("kv-giao-long/den.jpg", jpeg())
    project.write("kv-giao-long/mo-hinh-anh-sang-duong-que.md", (
        "---\ntitle: Mô hình “Ánh sáng đường quê”\nkind: collective\nunit: kv-giao-long\n"
        "categories:\n  - mui-3\nsummary: Đoàn viên lắp 120 bóng đèn năng lượng mặt trời trên đường liên ấp.\n"
        "recognition:\n  decision: 15-QĐ/BDVHU\n  date: 2024-09-02\n  by: Ban Dân vận Huyện ủy Châu Thành\n"
        "period:\n  start: 2024-04-01\n  end: 2025-06-30\n"
        "criteria:\n  - name: Số bóng đèn\n    target: 100\n    result: 120.5\n    measure: bóng\n"
        "photos:\n  - file: den.jpg\n    caption: Đèn mới trên đường liên ấp\n    credit: Khối vận xã Giao Long\n"
        f"draft: false\n---\n{STORY}"))
    result = project.check()
    assert [d.render() for d in result.diagnostics if d.severity == "error"] == []
    assert [e.slug for e in result.catalog.exemplars] == ["mo-hinh-anh-sang-duong-que"]  # type: ignore[union-attr]

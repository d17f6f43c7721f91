"""A contributor's text is never Markdown on a generated page: it is text, whatever it holds.

Every text field of the exemplar schema (the schema is walked, so a new field is covered or
this test fails) and the story carry Markdown, HTML and template syntax: fences, admonitions,
attribute lists, raw tags, entities, a Jinja expression, links to `javascript:`. The project is
built for real, and beside it the same project with plain text; no page of the hostile build
may have an element or attribute (outside the story, whose own allow-list is checked) that the
plain build lacks, and every field shows its text as typed. The same holds for the exported
Markdown tree built by a MkDocs that runs none of our Python.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from conftest import (
    REPO,
    STORY,
    TinyProject,
    build_without_plugin,
    collective,
    exemplar_text,
    individual,
    jpeg,
    run_dvk,
)
from dvk.text.story import STORY_ATTRIBUTES, STORY_TAGS

SCHEMA = json.loads((REPO / "scripts/dvk/schema/exemplar.schema.json").read_text(encoding="utf-8"))
PAYLOADS = {
    "fence": "```\n{: onclick=alert(1) }",
    "tilde": "~~~ {: .x onerror=alert(1) }",
    "admonition": '!!! warning "x"\n    boxed',
    "attr-list": "{: onclick=alert(1) }",
    "img": "<img src=anh.jpg onerror=alert(1)>",  # the story may show its own photo
    "script": "<script>alert(1)</script>",
    "entities": "&lt;script&gt; &#x3C;b&#x3E;",
    "jinja": "{{ 7*7 }} {% raw %}",
    "js-link": "[x](javascript:alert(1))",
    "nonchar": "a\ufffeb \U0001F600 \u2028",
}
# The loader refuses a noncharacter anywhere (`load.hygiene`); the story carries everything else.
HOSTILE_STORY = (STORY + "\n\n" + "\n\n".join(PAYLOADS.values()).replace("\ufffe", "")
                 + "\n\n```\nunclosed fence\n")


def text_fields(schema: dict[str, Any] = SCHEMA) -> list[str]:
    """Every string the schema lets a contributor write (not a choice from a list), nested ones
    included, as dotted paths: `title`, `criteria[].name`, `contact.office`, …"""
    found: list[str] = []

    def walk(path: str, sub: dict[str, Any]) -> None:
        while "$ref" in sub:
            sub = schema["$defs"][sub["$ref"].rsplit("/", 1)[-1]]
        if sub.get("type") == "object":
            for key, child in sub.get("properties", {}).items():
                walk(f"{path}.{key}" if path else key, child)
        elif sub.get("type") == "array":
            walk(f"{path}[]", sub["items"])
        elif sub.get("type") == "string" and "enum" not in sub:
            found.append(path)

    walk("", schema)
    return found


def full(kind: str) -> dict[str, Any]:
    """A valid exemplar with every optional field present, in plain text."""
    shared = {
        "model": "Ngôi nhà nhân ái", "groups": ["phu-nu"], "fields": ["van-hoa-xa-hoi"],
        "steps": [{"step": 1, "date": "2024-04-01", "note": "Khảo sát từng hộ nghèo"}],
        "nominations": [{"level": "huyen", "date": "2024-08-01", "note": "Đề nghị công nhận"}],
        "media": [{"outlet": "Báo Đồng Khởi", "programme": "Dân vận khéo", "title": "Ngôi nhà mới",
                   "date": "2024-10-01", "url": "https://example.vn/bai"}],
        "photos": [{"file": "anh.jpg", "caption": "Bàn giao nhà", "credit": "Hội LHPN xã"}],
        "contact": {"office": "Văn phòng Khối vận", "phone": "0275 3860 123", "email": "vp@example.vn"},
        "recognition": {"decision": "15-QĐ/BDVHU", "date": "2024-09-02", "by_unit": "bdv-huyen-uy",
                        "by": "Ban Dân vận Huyện ủy Châu Thành", "form": "Giấy khen"},
        "campaign": "dong-khoi-moi-2024-2025",
    }
    if kind == "collective":
        return collective(**shared)
    return individual(**shared, learned_from=["tap-the-plain"])


def values(data: Any, path: str) -> Iterator[tuple[Any, str]]:
    """(container, key) for each place a dotted path names in `data`."""
    head, _, rest = path.partition(".")
    key, many = head.removesuffix("[]"), head.endswith("[]")
    if not isinstance(data, dict) or key not in data:
        return
    if not rest:
        if many:
            yield from ((data[key], i) for i in range(len(data[key])))
        else:
            yield data, key
        return
    for item in (data[key] if many else [data[key]]):
        yield from values(item, rest)


def hostile(data: dict[str, Any], field: str, payload: str, attempt: int) -> None:
    """The payload in `field`: after the plain value, then glued to it (a pattern may forbid
    the space), then the plain value back (the checker refused the payload there)."""
    for container, key in values(data, field):
        plain = container[key]
        container[key] = [f"{plain} {payload}", f"{plain}{payload.replace(' ', '')}", plain][attempt]


KINDS = ("collective", "individual")
SLUGS = [f"{kind}-{name}" for name in PAYLOADS for kind in KINDS]


def exemplar(slug: str, attempts: dict[tuple[str, str], int] | None) -> dict[str, Any]:
    kind, _, name = slug.partition("-")
    data = full(kind)
    for field in text_fields() if attempts is not None else ():
        hostile(data, field, PAYLOADS[name], attempts[slug, field])
    return data


def hostile_project(root: Path, plain: bool) -> tuple[TinyProject, dict[tuple[str, str], int]]:
    """One collective and one individual exemplar per payload, in plain text or hostile; for a
    hostile one, how far each field got (`hostile`'s attempt: 2 is the checker refusing it)."""
    project = TinyProject(root)
    (root / "exemplars" / "kv-giao-long" / "anh.jpg").parent.mkdir(parents=True, exist_ok=True)
    (root / "exemplars" / "kv-giao-long" / "anh.jpg").write_bytes(jpeg())
    project.add(full("collective"), slug="tap-the-plain")
    attempts = {(slug, field): 0 for slug in SLUGS for field in text_fields()}
    while True:
        for slug in SLUGS:
            project.write(f"kv-giao-long/{slug}.md", exemplar_text(exemplar(slug, None if plain else attempts),
                                                                   STORY if plain else HOSTILE_STORY))
        errors = project.check().errors
        if not errors:
            return project, attempts
        # A refused field can bring others along (a photo file refused, the story's image is
        # undeclared): move on the fields named, and fail only when no field can move.
        keys = {(Path(e.path).stem, re.sub(r"\[\d+\]", "[]", e.field)) for e in errors}
        movable = {key for key in keys if attempts.get(key, 2) < 2}
        assert not plain and movable, "\n".join(e.render() for e in errors)
        for key in movable:
            attempts[key] += 1


def build(project: TinyProject, export: bool) -> Path:
    if not export:
        done = run_dvk("build", "--site-dir", str(project.root / "site"), cwd=project.root)
        assert done.returncode == 0, done.stderr
        return project.root / "site"
    tree = project.root / "tree"
    done = run_dvk("export-markdown", str(tree), cwd=project.root)
    assert done.returncode == 0, done.stderr
    return build_without_plugin(tree, project.root / "exported")


@pytest.fixture(scope="module", params=["plugin", "export"])
def sites(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
          ) -> tuple[Path, Path, dict[tuple[str, str], int]]:
    """The plain and the hostile build, by `dvk build` or from the exported Markdown tree."""
    export = request.param == "export"
    plain, _ = hostile_project(tmp_path_factory.mktemp("plain") / "project", plain=True)
    bad, attempts = hostile_project(tmp_path_factory.mktemp("hostile") / "project", plain=False)
    return build(plain, export), build(bad, export), attempts


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def pairs(node: Tag) -> set[tuple[str, str]]:
    return {(el.name, attr) for el in node.find_all(True) for attr in ("", *el.attrs)}


def outside_story(page: BeautifulSoup) -> BeautifulSoup:
    page = copy.copy(page)
    for story in page.select(".dvk-story"):
        story.clear()
    return page


def text(node: Tag) -> str:
    return " ".join(node.get_text(" ").split())


Sites = tuple[Path, Path, dict[tuple[str, str], int]]
# Fields that name something (a unit, a photo file, a page) or are dates: shown as what they
# name, or formatted, never as typed.
NOT_TEXT = {"unit", "campaign", "recognition.by_unit", "nominations[].level", "categories[]", "fields[]", "groups[]",
            "learned_from[]", "photos[].file",
            "media[].url", "consent", "recognition.date", "period.start", "period.end",
            "steps[].date", "nominations[].date", "media[].date"}


def test_every_text_field_of_the_schema_is_in_the_test() -> None:
    fields = set(text_fields())
    assert {"title", "summary", "model", "person.name", "person.position", "criteria[].name",
            "criteria[].measure", "recognition.decision", "recognition.by", "recognition.form",
            "steps[].note", "nominations[].note", "media[].outlet", "media[].programme",
            "media[].title", "photos[].caption", "photos[].credit", "contact.office"} <= fields
    for kind, only_other in (("collective", {"person.name", "person.position", "consent", "learned_from[]"}),
                             ("individual", {"period.start", "period.end", "criteria[].name",
                                             "criteria[].measure"})):
        assert {f for f in fields if not any(True for _ in values(full(kind), f))} == only_other, kind


def test_the_checker_takes_every_payload_in_every_free_text_field(sites: Sites) -> None:
    """So the tests below see each payload on the page; only a pattern (or the characters the
    loader refuses) keeps one out, and then the field shows its plain value."""
    _, _, attempts = sites
    free = {f for f in text_fields() if f not in NOT_TEXT and "pattern" not in json.dumps(_schema_of(f))}
    refused = {key for key, attempt in attempts.items() if attempt == 2 and key[1] in free
               and not key[0].endswith("-nonchar")}
    assert not refused


def _schema_of(field: str) -> dict[str, Any]:
    sub: dict[str, Any] = SCHEMA
    for part in field.split("."):
        key = part.removesuffix("[]")
        while "$ref" in sub:
            sub = SCHEMA["$defs"][sub["$ref"].rsplit("/", 1)[-1]]
        sub = sub["properties"][key]
        while "$ref" in sub:
            sub = SCHEMA["$defs"][sub["$ref"].rsplit("/", 1)[-1]]
        if part.endswith("[]"):
            sub = sub["items"]
    return sub


def test_no_page_has_an_element_or_attribute_that_plain_text_does_not_give(sites: Sites) -> None:
    plain, bad, _ = sites
    pages = sorted(p.relative_to(bad) for p in bad.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        extra = pairs(outside_story(soup(bad / page))) - pairs(outside_story(soup(plain / page)))
        assert not extra, (page, extra)


def test_the_story_keeps_to_its_own_allow_list(sites: Sites) -> None:
    _, bad, _ = sites
    for slug in SLUGS:
        story = soup(bad / "dien-hinh" / slug / "index.html").select_one(".dvk-story")
        assert "{{ 7*7 }}" in story.get_text() and "```" in story.get_text()
        for element in story.find_all(True):
            assert element.name in STORY_TAGS, (slug, element)
            allowed = STORY_ATTRIBUTES.get(element.name, set()) | (
                {"id"} if re.fullmatch(r"h\d", element.name) else set()) | ({"rel"} if element.name == "a" else set())
            assert set(element.attrs) <= allowed, (slug, element)


URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "data", "poster", "xlink:href"}


def test_nothing_runs_and_no_link_leads_to_script(sites: Sites) -> None:
    _, bad, _ = sites
    for page in bad.rglob("*.html"):
        for element in soup(page).find_all(True):
            assert not [a for a in element.attrs if a.lower().startswith("on")], (page, element)
            for attr in URL_ATTRIBUTES & set(element.attrs):
                value = re.sub(r"[\s\x00-\x1f]", "", str(element[attr])).lower()
                assert not value.startswith(("javascript:", "vbscript:", "data:")), (page, element)
            if element.name == "script":
                assert "alert" not in element.get_text(), page


def test_every_field_shows_its_text_as_typed(sites: Sites) -> None:
    _, bad, attempts = sites
    for slug in SLUGS:
        data = exemplar(slug, attempts)
        page = soup(bad / "dien-hinh" / slug / "index.html")
        shown = text(page.select_one("article"))
        for field in text_fields():
            for container, key in values(data, field):
                if field not in NOT_TEXT:
                    assert " ".join(container[key].split()) in shown, (slug, field, container[key])
        title = " ".join(data["title"].split())
        assert text(page.select_one("article h1")) == title + " ¶"
        assert text(page.title).startswith(title), slug  # the front matter kept it whole

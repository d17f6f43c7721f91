"""No campaign, plan, unit, place, level or outlet of any project lives in the code: the names,
numbers and ids of the sample's registries AND of the province fixture's are data, so none of them
may appear in scripts/ (code, comments, docstrings, templates, schemas, frames), theme/, the
hand-written files of .github/, or the parts of mkdocs.yml a reader sees (the navigation and the
description). scripts/bench/ and scripts/tools/
make the sample's and the benchmarks' data, so they are data, not code. A short, reviewed allowlist
(tests/names-allowlist.txt) holds the few mentions that are not the registries' data."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import REPO
from dvk.contribute.issueform import FORM_PATH

PROJECTS = {"sample": REPO, "province": REPO / "tests" / "fixtures" / "province"}
ALLOWLIST = REPO / "tests" / "names-allowlist.txt"


def fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def registry(project: Path, name: str) -> Any:
    path = project / "exemplars" / name
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None


def _names(entry: dict[str, Any], *keys: str) -> Iterator[str]:
    for key in keys:
        if isinstance(entry.get(key), str):
            yield entry[key]
    for former in entry.get("renamed_from") or ():
        yield former["name"]


def tokens_of(project: Path) -> dict[str, str]:
    """Every name, number and long id the project's registries hold (folded → as written)."""
    found: list[str] = []
    ids: list[str] = []
    units = registry(project, "units.yml") or {}
    kinds = [k for level in units.get("levels", ()) for k in level.get("area_kinds", ())]
    for level in units.get("levels", ()):
        found += _names(level, "name")
    for act in units.get("acts", ()):
        found += _names(act, "number", "title", "issuer")
    for area in units.get("areas", units.get("communes", ())):
        found += _names(area, "name")
        ids.append(area["id"])
        for kind in kinds:  # "huyện Châu Thành" → "Châu Thành" too (a proper name of two words or more)
            if area["name"].casefold().startswith(kind.casefold() + " "):
                bare = area["name"][len(kind) + 1:]
                if len(bare.split()) >= 2:
                    found.append(bare)
    for unit in units.get("units", ()):
        found += _names(unit, "name")
        ids.append(unit["id"])
    for campaign in registry(project, "campaigns.yml") or ():
        ids.append(campaign["id"])
        found += _names(campaign, "name", "short_name")
        plan = campaign["plan"]
        found += _names(plan, "number", "title", "issuer")
        for base in plan.get("based_on", ()):
            found += _names(base, "number", "issuer")
        found += _names(campaign["lines"], "name")
        found += [c["title"] for c in campaign["lines"]["categories"]]
        if campaign.get("steps"):
            found += _names(campaign["steps"], "name")
            found += campaign["steps"]["items"]
    for outlet in registry(project, "outlets.yml") or ():
        found += _names(outlet, "name")
        found += outlet.get("aliases", ())
    site = registry(project, "site.yml") or {}
    if site.get("column"):
        found.append(site["column"]["name"])
    tokens = {fold(t): t for t in found if len(t) >= 4}
    tokens |= {fold(i): i for i in ids if i.count("-") >= 1}
    return tokens


def allowed() -> set[tuple[str, str]]:
    """(file relative to the repository, token as folded) pairs, one `path: token` a line."""
    pairs = set()
    for line in ALLOWLIST.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            path, _, token = line.partition(": ")
            pairs.add((path.strip(), fold(token.strip())))
    return pairs


def code_files() -> Iterator[tuple[str, str]]:
    """(path, text) of everything that is code or the frame of every page."""
    scripts = REPO / "scripts"
    for pattern in ("**/*.py", "**/*.j2", "dvk/schema/*.json", "dvk/**/*.yml"):
        for path in sorted(scripts.glob(pattern)):
            # the benchmarks' synthetic projects and the tool that draws the sample's own photos
            # (tools/draw_sample_photos.py, one photo per sample file) are the sample's data
            if path.relative_to(scripts).parts[0] not in ("bench", "tools"):
                yield str(path.relative_to(REPO)), path.read_text(encoding="utf-8")
    for path in sorted((REPO / "theme").rglob("*")):
        if path.is_file():
            yield str(path.relative_to(REPO)), path.read_text(encoding="utf-8")
    # The repository's GitHub files a contributor meets (the pull request template, the workflows)
    # are written by hand, so they are code here. Not the issue form, which `dvk contribute-files`
    # writes from the registries (tests/test_contributor.py keeps the committed copy equal to it),
    # nor CODEOWNERS, which by its nature is one row per unit folder.
    github = REPO / ".github"
    for path in sorted(github.rglob("*")):
        if path.is_file() and path.relative_to(REPO) != FORM_PATH and path.name != "CODEOWNERS":
            yield str(path.relative_to(REPO)), path.read_text(encoding="utf-8")
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Lenient)
    yield "mkdocs.yml", yaml.safe_dump({"nav": config.get("nav"), "site_description": config.get(
        "site_description")}, allow_unicode=True)


class _Lenient(yaml.SafeLoader):
    """mkdocs.yml names a Python function with a tag; this test reads only the nav."""


_Lenient.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def occurrences(text: str, token: str) -> bool:
    # a whole word or id: "an-phuoc" is not inside "kv-an-phuoc-x", "Mẫu" not inside "mẫuX";
    # the substring test first, as the regex is costly over every file and token
    return token in text and re.search(rf"(?<![\w-]){re.escape(token)}(?![\w-])", text) is not None


@pytest.mark.parametrize("name", PROJECTS)
def test_no_name_number_or_id_of_the_registries_is_written_in_the_code(name: str) -> None:
    tokens = tokens_of(PROJECTS[name])
    assert len(tokens) >= 20, "the registries were read"
    permitted = allowed()
    found = []
    for path, text in code_files():
        folded = fold(text)
        found += [f"{path}: {written}" for token, written in tokens.items()
                  if (path, token) not in permitted and occurrences(folded, token)]
    assert not found, "names of the registries' data in the code:\n" + "\n".join(sorted(set(found)))


def test_every_allowlisted_mention_is_still_there() -> None:
    """A stale entry would let a name back in unnoticed."""
    texts = dict(code_files())
    for path, token in allowed():
        assert path in texts and occurrences(fold(texts[path]), token), f"{path}: {token}"

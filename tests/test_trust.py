"""Nothing in a cache is trusted: the check cache is data checked entry by entry, a made photo or
card is a regular file inside .cache matching what was written, and a repository that tracks its
caches or built sites is refused."""

from __future__ import annotations

import json
import pickle
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import TinyProject, collective, run_dvk
from dvk.pages import webform
from dvk.site import policy
from dvk.validate import cache

WITH_ERROR = collective(period={"start": "2025-01-01", "end": "2024-01-01"})


def stored(project: TinyProject) -> dict:
    """The store as {"format": …, "entries": […]} (the file holds the first line, then an entry a line)."""
    head, *lines = (project.root / cache.CACHE_FILE).read_text(encoding="utf-8").split("\n")
    return {**json.loads(head), "entries": [json.loads(line) for line in lines]}


def store(project: TinyProject, value: object) -> None:
    """Write `value` as a store: a mapping as `stored` gives it (entries of any shape, written as
    dvk writes them), text as it is, anything else as JSON."""
    if isinstance(value, dict) and "format" in value:
        text = "\n".join([json.dumps({"format": value["format"]}),
                          *(json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
                            for entry in value.get("entries", []))])
    else:
        text = value if isinstance(value, str) else json.dumps(value)
    (project.root / cache.CACHE_FILE).write_text(text, encoding="utf-8")


def codes(project: TinyProject) -> list[str]:
    return [d.code for d in project.check().diagnostics]


def test_the_check_cache_is_json_and_a_warm_check_says_what_a_cold_one_did(project: TinyProject) -> None:
    project.add(WITH_ERROR)
    cold = project.check().diagnostics
    entries = stored(project)["entries"]
    assert [entry["rel"] for entry in entries] == ["exemplars/kv-giao-long/ngoi-nha-nhan-ai.md"]
    warm = project.check()
    assert warm.diagnostics == cold == [d for d in warm.exemplar_docs[0].diagnostics]
    assert warm.exemplar_docs[0].line_of(("period", "end")) == cold[0].line


def test_a_preview_adds_each_edit_to_the_store_and_a_fresh_check_finds_every_file_there(
        project: TinyProject, monkeypatch: pytest.MonkeyPatch) -> None:
    edited = [project.add(collective(), slug=slug) for slug in ("mot", "hai", "ba")][1]
    project.check()
    for n in range(4):  # one process, as `dvk serve`: each check adds the edited file's entry
        edited.write_text(edited.read_text(encoding="utf-8") + f"\nSửa lần {n}.\n", encoding="utf-8")
        project.check()
        assert len(stored(project)["entries"]) == 4 + n
    edited.write_text(edited.read_text(encoding="utf-8") + "\nSửa lần nữa.\n", encoding="utf-8")
    project.check()  # as many entries of earlier edits as of files: written whole again
    assert len(stored(project)["entries"]) == 3

    for memo in ("_checked", "_stamps", "_entries", "_keys"):  # what a new process starts with
        monkeypatch.setattr(cache, memo, {})
    checked: list[Path] = []
    real = cache._check_all
    monkeypatch.setattr(cache, "_check_all", lambda paths, *rest: checked.extend(paths) or real(paths, *rest))
    assert project.check().diagnostics == [] and checked == []


def test_a_planted_pickle_is_never_opened(project: TinyProject) -> None:
    class Boom:
        def __reduce__(self) -> tuple:
            return (exec, ("raise SystemExit('the pickle ran')",))
    folder = project.root / cache.CACHE_FILE.parent
    folder.mkdir(parents=True)
    (folder / "checked.pickle").write_bytes(pickle.dumps({"x": Boom()}))
    (folder / "checked.json").write_bytes(pickle.dumps({"x": Boom()}))
    project.add(collective())
    assert codes(project) == []


def test_an_entry_for_another_key_or_file_is_not_trusted(project: TinyProject) -> None:
    project.add(WITH_ERROR)
    project.check()
    whole = stored(project)
    entry = whole["entries"][0]
    for forged in ({**entry, "diagnostics": []} | {"key": entry["key"][::-1]},
                   {**entry, "diagnostics": [], "rel": "exemplars/kv-giao-long/khac.md"}):
        store(project, {**whole, "entries": [forged]})
        assert codes(project) == ["period.order"]


def test_a_malformed_entry_is_checked_afresh_never_a_traceback(project: TinyProject) -> None:
    project.add(WITH_ERROR)
    project.check()
    whole = stored(project)
    entry = whole["entries"][0]
    diagnostic = entry["diagnostics"][0]
    broken = [
        {**entry, "parsed": {**entry["parsed"], "data": ["not", "a", "mapping"]}},
        {**entry, "parsed": {**entry["parsed"], "lines": [["two", "title"]]}},
        {**entry, "parsed": {**entry["parsed"], "lines": [[2, ["a", "list"]]]}},
        {**entry, "story_line": "1"},
        {**entry, "diagnostics": [[*diagnostic[:3], "no.such.code", {}, "error"]]},
        {**entry, "diagnostics": [[*diagnostic[:4], {}, "error"]]},  # a message missing its values
        {**entry, "diagnostics": [[*diagnostic[:5], "fatal"]]},
        {**entry, "diagnostics": [[*diagnostic[:4], {}]]},
        {key: value for key, value in entry.items() if key != "story"},
        "not an entry",
    ]
    for bad in broken:
        store(project, {**whole, "entries": [bad]})
        assert codes(project) == ["period.order"], bad
    for garbage in ({"format": 99, "entries": [entry]}, [entry], {"format": cache.FORMAT}, "\n".join(
            [json.dumps({"format": cache.FORMAT}), json.dumps(entry)[:-1]])):  # the last line cut short
        store(project, garbage)
        assert codes(project) == ["period.order"]
    (project.root / cache.CACHE_FILE).write_bytes(b'{"format": 2}\n{"key"')
    assert codes(project) == ["period.order"]
    assert stored(project)["entries"][0]["diagnostics"] == entry["diagnostics"]  # remade, whole


# --- a repository that tracks what dvk makes ----------------------------------------------------

def git(project: TinyProject, *args: str) -> None:
    subprocess.run(["git", *args], cwd=project.root, check=True, capture_output=True)


def test_a_repository_that_tracks_its_cache_or_built_site_is_refused(project: TinyProject) -> None:
    project.add(collective())
    git(project, "init", "-q")
    for name in (".cache/cards/abc/og.png", ".cache/cards/abc/manifest.json", "site/index.html"):
        (project.root / name).parent.mkdir(parents=True, exist_ok=True)
        (project.root / name).write_text("x")
    git(project, "add", "-f", ".cache", "site", "exemplars")
    found = {d.path: d for d in project.check().errors}
    assert set(found) == {".cache/", "site/"} and found[".cache/"].code == "repo.tracked_made"
    assert ".cache/cards/abc/manifest.json, .cache/cards/abc/og.png" in found[".cache/"].render()
    assert "git rm -r --cached site" in found["site/"].render()
    done = run_dvk("--lang", "en", "check", cwd=project.root)
    assert done.returncode == 1
    assert ("the git repository tracks 2 files under .cache/" in done.stdout
            and "untrack them: git rm -r --cached .cache, then commit" in done.stdout)
    git(project, "rm", "-r", "-q", "--cached", ".cache", "site")
    assert project.check().errors == []


def test_a_tracked_check_cache_is_not_believed(project: TinyProject) -> None:
    project.add(WITH_ERROR)
    project.check()
    whole = stored(project)
    store(project, {**whole, "entries": [{**whole["entries"][0], "diagnostics": []}]})  # forged
    assert codes(project) == []  # an untracked cache is ours, and believed
    git(project, "init", "-q")
    git(project, "add", "-f", ".cache")
    assert codes(project) == ["repo.tracked_made", "period.order"]


def test_outside_a_git_work_tree_nothing_is_asked(project: TinyProject) -> None:
    (project.root / "site").mkdir()
    (project.root / "site/index.html").write_text("x")
    project.add(collective())
    assert codes(project) == []


# --- a Content-Security-Policy on every page ---------------------------------------------------

def test_every_built_page_starts_its_head_with_a_policy_naming_exactly_its_theme_scripts(
        sample_site: Path) -> None:
    pages = sorted(sample_site.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        first = soup.head.find(True)
        assert first.name == "meta" and first["http-equiv"] == "Content-Security-Policy", path
        directives = dict(part.split(" ", 1) for part in first["content"].split("; "))
        assert directives["default-src"] == "'self'" and directives["object-src"] == "'none'"
        assert "frame-ancestors" not in directives  # a <meta> cannot carry it
        for tag in soup.select("article script"):
            tag.decompose()  # whatever the content holds is never vouched for
        inline = [s.string or "" for s in soup.find_all("script")
                  if not s.get("src") and s.get("type", "") != "application/json"]
        hashes = {policy.script_hash(text) for text in inline}
        # the web form's page alone adds what its script needs (pages/webform.py says why)
        served = path.parent.relative_to(sample_site).as_posix()
        widened = dict(webform.POLICY).get("script-src", "").split() if served == "dong-gop/bieu-mau" else []
        assert set(directives["script-src"].split()) == {"'self'", *hashes, *widened}, path


def test_a_script_in_the_content_is_not_vouched_for_and_data_blocks_need_no_hash() -> None:
    content = "<p>Bài viết</p><script>alert(1)</script>"
    page = ("<html><head><script>theme()</script><script type='application/json'>{}</script></head>"
            f"<body><article>{content}</article><script type=module>more()</script></body></html>")
    rule = policy.policy(page, content)
    assert policy.script_hash("theme()") in rule and policy.script_hash("more()") in rule
    assert policy.script_hash("alert(1)") not in rule and policy.script_hash("{}") not in rule
    assert policy.policy(page, content, offline=True).startswith("default-src 'self' file:;")
    marked = policy.with_policy(page, content)
    assert marked.startswith('<html><head><meta http-equiv="Content-Security-Policy" content="default-src')
    assert marked == policy.with_policy(page, content)  # same page, same bytes

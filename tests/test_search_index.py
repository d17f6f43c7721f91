"""Search index: one fold rule, built from the catalog and content/, in small pieces."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import TinyProject, collective, run_dvk
from dvk import urls
from dvk.pages import search

CASES = json.loads((Path(__file__).parent / "search_fold_cases.json").read_text(encoding="utf-8"))


def test_fold_drops_tone_marks_and_turns_đ_into_d() -> None:
    for text, folded in CASES:
        assert search.fold(text) == folded, text


def _index(project: TinyProject, **kwargs: object) -> dict[str, bytes]:
    catalog = project.check().catalog
    assert catalog is not None
    return search.index_files(search.documents(catalog, {"gioi-thieu.md": "---\ntitle: Về cao điểm\n"
                                                         "description: Đồng Khởi mới\n---\n# Về\nNội dung"}),
                              **kwargs)


def _calls(files: dict[str, bytes], prefix: str) -> dict[str, object]:
    found = {}
    for path, data in files.items():
        if path.startswith(f"search/{prefix}"):
            found[path] = json.loads(re.fullmatch(rb"dvkSearch\.\w+\((?:\d+,)?(.*)\);\n", data).group(1))
    return found


def test_keys_are_folded_and_exact_spellings_are_kept_apart(project: TinyProject) -> None:
    project.add(collective(title="Dân vận khéo ở ấp Đồng Khởi"), slug="dan-van-kheo")
    merged: dict[str, dict[str, object]] = {}
    for piece in _calls(_index(project), "t").values():
        merged.update(piece)
    assert {"dân"} <= set(merged["dan"]) and "đồng" in merged["dong"]
    assert all(key == search.fold(key) for key in merged)
    assert list(merged) == sorted(merged), "sorted tokens: a prefix lives in one run of pieces"


def test_index_names_the_first_token_of_every_piece_and_the_metadata_links_pages(project: TinyProject) -> None:
    project.add(collective(), slug="ngoi-nha-nhan-ai")
    files = _index(project)
    index = _calls(files, "index")["search/index.js"]
    assert len(index["chunks"]) == len(_calls(files, "t"))
    rows = [row for piece in _calls(files, "m").values() for row in piece]
    assert len(rows) == index["docs"]
    assert rows[0][:2] == ["dien-hinh/ngoi-nha-nhan-ai/", "Mô hình “Ngôi nhà nhân ái”"]
    assert ["gioi-thieu/", "Về cao điểm", "Trang", "Đồng Khởi mới"] in rows


def test_a_copy_for_a_folder_links_html_files(project: TinyProject) -> None:
    project.add(collective(), slug="ngoi-nha-nhan-ai")
    rows = [row for piece in _calls(_index(project, directory_urls=False), "m").values() for row in piece]
    assert rows[0][0] == "dien-hinh/ngoi-nha-nhan-ai/index.html"
    assert urls.served("index.md", False) == "index.html" and urls.served("index.md") == ""


def test_same_input_same_index_bytes(project: TinyProject) -> None:
    project.add(collective(), slug="ngoi-nha-nhan-ai")
    assert _index(project) == _index(project)


def test_export_markdown_writes_the_index_next_to_the_pages(project: TinyProject, tmp_path: Path) -> None:
    project.add(collective(), slug="ngoi-nha-nhan-ai")
    result = run_dvk("export-markdown", str(tmp_path / "out"), cwd=project.root)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "search" / "index.js").read_bytes().startswith(b"dvkSearch.index(")


def test_the_built_site_has_our_search_and_not_materials(sample_site: Path, read_html) -> None:
    page = read_html(sample_site / "index.html")
    box = page.select_one("form[role=search] input#dvk-search-input")
    assert box is not None and page.select_one("label[for=dvk-search-input]").get_text(strip=True)
    assert not (sample_site / "search" / "search_index.json").exists()
    assert (sample_site / "search" / "index.js").is_file()
    assert page.select_one("[data-md-component=search]") is None

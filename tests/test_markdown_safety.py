"""Nothing a contributor writes runs as script on the public site — proven on the built HTML.

Two exemplars carry hostile text in every field that reaches a page (title, summary, model,
person, criteria, captions, credits, media titles and links, contact, the story); `dvk build`
builds the real site, and every HTML file of it is searched for anything that could run.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from conftest import STORY, TinyProject, collective, individual, jpeg, run_dvk

SCRIPT = "<script>alert('xss')</script>"
IMG = '<img src="https://evil.example/p.png" onerror="alert(1)">'
LINK = "[bấm](javascript:alert(1))"
ATTR = '{: onclick="alert(1)" }'
HOSTILE_STORY = f"""{STORY}

{SCRIPT}

<IMG SRC="javascript:alert(1)"> <img/src="data:image/svg+xml,<svg onload=alert(1)>">
<p onmouseover="alert(1)" style="x">Di chuột</p> <iframe src="https://evil.example/"></iframe>

{LINK} [data](data:text/html;base64,PHNjcmlwdD4=) [ref][evil] ![pixel][px]
<a href="JaVaScRiPt:alert(1)">hoa thường</a> <a href="&#106;avascript:alert(1)">thực thể</a>

[evil]: javascript:alert(1)
[px]: https://evil.example/pixel.png

Đoạn cuối {ATTR}
{ATTR}

<svg><script>alert(1)</script></svg> <math><mtext><table><mglyph><style><img src=x onerror=alert(1)>
<form action="https://evil.example/"><input name="q"></form> <object data="x.swf"></object>
"""


def _hostile_fields(kind: Callable[..., dict[str, Any]], **extra: Any) -> dict[str, Any]:
    photo = {"file": "anh.jpg", "caption": f"Ảnh {SCRIPT}", "credit": f"{IMG} {ATTR}"}
    media = {"outlet": f"Báo {SCRIPT}", "programme": "Dân vận khéo", "title": f"Bài {LINK} {IMG}",
             "date": "2024-05-01", "url": 'https://example.vn/a"onmouseover="alert(1)'}
    return kind(
        title=f"Mô hình {SCRIPT} {ATTR}",
        summary=f"Tóm tắt {IMG} và {LINK} | cột | <!-- chú thích --> {ATTR}",
        model=f"Mô hình <b onclick=x>{ATTR}</b>",
        photos=[photo], media=[media],
        contact={"office": f"Văn phòng {SCRIPT}", "phone": "0275 3860 123",
                 "email": "vp@example.vn"},
        recognition={"decision": "15-QĐ/BDVHU", "date": "2024-09-02", "by": f"Ban {IMG}",
                     "form": f"Giấy khen {LINK}"},
        **extra)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    project = TinyProject(tmp_path_factory.mktemp("xss") / "project")
    guide = project.root / "content" / "dong-gop.md"
    if not guide.exists():  # the contributors' guide lands on main separately; the nav names it
        guide.write_text("# Đóng góp\n\n## Ảnh {#anh}\n", encoding="utf-8")
    folder = project.root / "exemplars" / "kv-giao-long"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "anh.jpg").write_bytes(jpeg())
    project.add(_hostile_fields(
        collective, criteria=[{"name": f"Tiêu chí {IMG}", "target": 1, "result": 2, "measure": SCRIPT}]),
        slug="tap-the-doc-hai", story=HOSTILE_STORY)
    project.add(_hostile_fields(
        individual, person={"name": f"Chị {SCRIPT}", "position": f"Chi hội {IMG}"}),
        slug="ca-nhan-doc-hai", story=HOSTILE_STORY)
    site = project.root / "site"
    done = run_dvk("build", "--site-dir", str(site), cwd=project.root)
    assert done.returncode == 0, done.stderr
    return site, done.stderr


def _pages(site: Path) -> list[tuple[Path, BeautifulSoup]]:
    return [(p, BeautifulSoup(p.read_text("utf-8"), "html.parser")) for p in sorted(site.rglob("*.html"))]


def test_both_hostile_exemplars_are_published(hostile_site: tuple[Path, str]) -> None:
    site, log = hostile_site
    for slug in ("tap-the-doc-hai", "ca-nhan-doc-hai"):
        assert (site / "dien-hinh" / slug / "index.html").is_file()
    # ... and the build said what the sanitiser removes (warnings, not silence).
    assert "thẻ HTML <script> trong câu chuyện sẽ bị loại bỏ" in log


def test_no_script_of_a_contributor_reaches_any_page(hostile_site: tuple[Path, str]) -> None:
    site, _ = hostile_site
    for path, soup in _pages(site):
        for script in soup.find_all("script"):
            assert "alert" not in script.get_text(), path
            assert not script.get("src", "").startswith(("http:", "https:", "//")), path
        for tag in ("iframe", "object", "embed", "form", "input", "svg", "math", "style"):
            found = [t for t in soup.find_all(tag) if "alert" in str(t) or "evil" in str(t)]
            assert not found, (path, found)


def test_no_event_handler_attribute_on_any_element(hostile_site: tuple[Path, str]) -> None:
    site, _ = hostile_site
    for path, soup in _pages(site):
        for element in soup.find_all(True):
            handlers = [a for a in element.attrs if a.lower().startswith("on")]
            assert not handlers, (path, element.name, handlers)


def test_no_javascript_or_data_url_in_any_link_or_source(hostile_site: tuple[Path, str]) -> None:
    site, _ = hostile_site
    for path, soup in _pages(site):
        for element in soup.find_all(True):
            for attr in ("href", "src", "action", "data", "formaction", "xlink:href"):
                value = re.sub(r"[\s\x00-\x1f]", "", str(element.get(attr, ""))).lower()
                assert not value.startswith(("javascript:", "data:", "vbscript:")), (path, element)


def test_no_image_from_outside_the_site(hostile_site: tuple[Path, str]) -> None:
    site, _ = hostile_site
    for path, soup in _pages(site):
        for img in soup.find_all("img"):
            assert not re.match(r"^(https?:)?//", img.get("src", "")), (path, img)


def test_hostile_text_is_shown_as_text(hostile_site: tuple[Path, str],
                                       read_html: Callable[[Path], BeautifulSoup]) -> None:
    site, _ = hostile_site
    page = read_html(site / "dien-hinh" / "tap-the-doc-hai" / "index.html")
    assert f"Mô hình {SCRIPT} {ATTR}" in page.find("h1").get_text()
    assert "Tiêu chí <img src=" in page.get_text()
    person = read_html(site / "dien-hinh" / "ca-nhan-doc-hai" / "index.html")
    assert f"Chị {SCRIPT}" in person.get_text()


def test_the_own_photo_still_shows_in_the_story_and_gallery(hostile_site: tuple[Path, str],
                                                           read_html: Callable[[Path], BeautifulSoup]) -> None:
    site, _ = hostile_site
    page = read_html(site / "dien-hinh" / "tap-the-doc-hai" / "index.html")
    shown = {img["src"] for img in page.find_all("img") if img.get("src", "").startswith("anh-")}
    assert shown, "the story's image and the gallery show the published variant"
    for src in shown:
        assert (site / "dien-hinh" / "tap-the-doc-hai" / src).is_file()
    assert not (site / "dien-hinh" / "tap-the-doc-hai" / "anh.jpg").exists(), "never the original"

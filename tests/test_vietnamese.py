"""The built sample site reads as one careful Vietnamese text: one style of tone marks, dashes
and dates on every page, a tab title that names the site once, heading links in Vietnamese, and
sentences that end with a full stop. Code (what a contributor types) is left as typed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, NavigableString

from dvk.text.orthography import house_style, new_style_tones

REPO = Path(__file__).resolve().parent.parent

VERBATIM = ("script", "style", "code", "pre", "kbd", "samp")


@pytest.fixture(scope="module")
def texts(sample_site: Path) -> list[tuple[str, str]]:
    """(page, text node) for every text a reader sees on every page, code left out."""
    found = []
    for path in sorted(sample_site.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        page = path.relative_to(sample_site).as_posix()
        found += [(page, str(node)) for node in soup.find_all(string=True)
                  if isinstance(node, NavigableString) and type(node) is NavigableString
                  and not node.find_parent(VERBATIM) and node.strip()]
    return found


def offenders(texts: list[tuple[str, str]], pattern: re.Pattern[str]) -> Iterator[str]:
    for page, text in texts:
        for match in pattern.finditer(text):
            yield f"{page}: …{text[max(match.start() - 20, 0):match.end() + 20]}…"


def test_every_page_writes_tone_marks_in_the_new_style(texts: list[tuple[str, str]]) -> None:
    old = [f"{page}: {word}" for page, text in texts
           for word in re.findall(r"\w+", text) if new_style_tones(word) != word]
    assert old == [], "\n".join(old[:30])


def test_a_dash_between_words_is_always_a_spaced_en_dash(texts: list[tuple[str, str]]) -> None:
    # not a spaced hyphen, not an em dash; a range of years is closed up: "2024–2025".
    # Material's own English 404 ("404 - Not found") is read once the theme has its own
    # (theme/404.html, issue 19's showcase work); until then it is not ours to check.
    ours = [(page, text) for page, text in texts if page != "404.html" or (REPO / "theme" / "404.html").exists()]
    wrong = list(offenders(ours, re.compile(r"(?<=\S) - (?=\S)|—|\d{4} [-–] \d{4}")))
    assert wrong == [], "\n".join(wrong[:30])


def test_every_date_is_written_one_way(texts: list[tuple[str, str]]) -> None:
    # dd/mm/yyyy, never d/m/yyyy nor "ngày 2 tháng 9 năm 2024"
    wrong = list(offenders(texts, re.compile(
        r"(?<![\d/])(?:\d/\d{1,2}|\d{1,2}/\d)/\d{4}(?![\d/])|tháng \d{1,2} năm \d{4}")))
    assert wrong == [], "\n".join(wrong[:30])


def test_the_home_page_title_names_the_site_once(sample_site: Path, read_html) -> None:
    home = read_html(sample_site / "index.html")
    name = home.select_one("meta[property='og:site_name']")
    title = home.title.get_text(strip=True)
    site_name = name["content"] if name else "Điển hình “Dân vận khéo”"
    assert title == site_name
    statistics = read_html(sample_site / "thong-ke" / "index.html").title.get_text(strip=True)
    assert statistics.startswith("Thống kê") and statistics.endswith(f" – {site_name}")
    assert statistics.count(site_name) == 1


def test_every_heading_link_says_what_it_is_in_vietnamese(sample_site: Path) -> None:
    titles: set[str] = set()
    for path in sample_site.rglob("*.html"):
        titles |= set(re.findall(r'class="headerlink" href="[^"]*" title="([^"]*)"', path.read_text(encoding="utf-8")))
    assert titles == {"Liên kết đến mục này"}


def test_every_line_of_a_unit_page_ends_its_sentence(sample_site: Path, read_html) -> None:
    unended = []
    for path in sorted((sample_site / "don-vi").glob("*/index.html")):
        article = read_html(path).select_one("article")
        if article is None:  # a merged unit's address, leading to the unit that absorbed it
            continue
        for block in article.find_all(["p", "li"]):
            # a list inside, the breadcrumbs (a path, not prose) or a box's title (a heading)
            if (block.find(["p", "li", "ul", "ol"]) or block.find_parent("nav")
                    or "admonition-title" in block.get("class", [])):
                continue
            for br in block.find_all("br"):  # a line break the reader sees; the source's are spaces
                br.replace_with("\u2028")
            for line in block.get_text().split("\u2028"):
                line = " ".join(line.split())
                if line and not re.search(r"[.!?…:]$", line):
                    unended.append(f"{path.parent.name}: {line}")
    assert unended == [], "\n".join(unended[:30])


@pytest.mark.parametrize(("typed", "read"), [
    ("cụ thể hoá, minh hoạ, Uỷ ban, thuỷ lợi, khoẻ", "cụ thể hóa, minh họa, Ủy ban, thủy lợi, khỏe"),
    ("quý, hoạch, hoán đổi, tuyến", "quý, hoạch, hoán đổi, tuyến"),    # "qu-", or a final consonant
    ("chính trị - xã hội — nhiệm kỳ", "chính trị – xã hội – nhiệm kỳ"),
    ("- mục\n  - mục con\nPT-TH, 58-KH", "- mục\n  - mục con\nPT-TH, 58-KH"),  # lists, words
    ("0275 - 3861 234", "0275 - 3861 234"),                          # a number is left as typed
    ("ngày 1/7/2025, Nghị định 13/2023/NĐ-CP", "ngày 01/07/2025, Nghị định 13/2023/NĐ-CP"),
])
def test_a_file_is_read_in_the_site_s_one_style(typed: str, read: str) -> None:
    assert house_style(typed) == read
    assert house_style(typed).count("\n") == typed.count("\n")

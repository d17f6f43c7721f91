"""The campaign's numbers, as the Board counts them (Plan 58-KH/BDVHU, II.2.1 and III.1).

Counting rules, stated once here and on the statistics page:

* A window (first and last day) selects exemplars by their recognition date. Nominations and
  airings count only when dated on or before the window's last day, so a report for 2024 gives
  the same numbers whenever it is run.
* An exemplar counts at the level of the unit named in its file — the unit that was recognized:
  a commune Khối vận that merged later still counts toward the 94 commune-level exemplars.
* The "at least one per unit" target applies to the units standing on the window's last day
  (today's units when the window is open). A unit merged by then is no longer a unit that must
  meet it: its exemplars count for the unit that absorbed it. Communes follow the same rule.

Every table is plain data (`Table`): the page renders it, draws its chart from the same rows,
and writes it as CSV; the `dvk report` formats use the same tables.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from .. import urls
from ..model import KIND_NAMES, LEVEL_NAMES, NOMINATION_LEVELS, STEP_NAMES, Catalog, Exemplar, Unit, merged_by, standing
from ..settings import Campaign
from ..text.collate import sort_key
from ..text.formats import vi_short_date
from .tables import Cell, Link, Table

NOMINATION_NAMES = {level: f"Đề nghị {name}" for level, name in NOMINATION_LEVELS.items()}
AIRED = "Đã lên chuyên mục “Dân vận khéo”"


def percent(value: int, target: int) -> float:
    return round(100 * value / target, 1) if target else 0.0


@dataclass(frozen=True)
class UnitTally:
    """One standing unit's exemplars in the window, with the former units counted under it."""

    unit: Unit
    absorbed: tuple[Unit, ...]
    exemplars: tuple[Exemplar, ...]
    kinds: Counter[str] = field(default_factory=Counter)
    categories: Counter[str] = field(default_factory=Counter)
    nominated: Counter[str] = field(default_factory=Counter)
    aired: int = 0


class Statistics:
    """Every count of one window over a catalog, computed in one pass over its exemplars."""

    def __init__(self, catalog: Catalog, campaign: Campaign, start: date | None = None,
                 end: date | None = None) -> None:
        self.catalog, self.campaign = catalog, campaign
        self.registry = catalog.registry
        self.start, self.end = start, end
        self.exemplars = [e for e in catalog.exemplars
                          if (start is None or e.recognition.date >= start)
                          and (end is None or e.recognition.date <= end)]
        units = self.registry.units
        self.units = sorted((u for u in units.values() if not merged_by(u, end)),
                            key=lambda u: (list(LEVEL_NAMES).index(u.level), sort_key(u.name), u.id))
        by_unit: defaultdict[str, list[Exemplar]] = defaultdict(list)
        for ex in self.exemplars:
            by_unit[standing(units, ex.unit, end).id].append(ex)
        absorbed: defaultdict[str, list[Unit]] = defaultdict(list)
        for unit in sorted(units.values(), key=lambda u: sort_key(u.name)):
            if merged_by(unit, end):
                absorbed[standing(units, unit.id, end).id].append(unit)
        self.tallies = [self._tally(u, by_unit.get(u.id, []), absorbed.get(u.id, [])) for u in self.units]

    # --- what counts ------------------------------------------------------------------------

    def _dated(self, day: date) -> bool:
        return self.end is None or day <= self.end

    def nominated(self, ex: Exemplar, level: str) -> bool:
        return any(n.level == level and self._dated(n.date) for n in ex.nominations)

    def aired(self, ex: Exemplar) -> bool:
        return any(m.is_column_airing and self._dated(m.date) for m in ex.media)

    def current_step(self, ex: Exemplar) -> int | None:
        """The latest of the five steps the exemplar had reached by the window's last day."""
        steps = [s for s in ex.steps if self._dated(s.date)]
        return max(steps, key=lambda s: (s.date, s.step)).step if steps else None

    def level(self, ex: Exemplar) -> str:
        """The level of the unit that was recognized, as it was then."""
        return self.registry.units[ex.unit].level

    def _tally(self, unit: Unit, exemplars: list[Exemplar], absorbed: list[Unit]) -> UnitTally:
        return UnitTally(
            unit=unit, absorbed=tuple(absorbed), exemplars=tuple(exemplars),
            kinds=Counter(e.kind for e in exemplars),
            categories=Counter(c for e in exemplars for c in e.categories),
            nominated=Counter(level for e in exemplars for level in NOMINATION_NAMES
                              if self.nominated(e, level)),
            aired=sum(1 for e in exemplars if self.aired(e)),
        )

    def progress(self) -> dict[str, int]:
        levels = Counter(self.level(e) for e in self.exemplars)
        return {
            "total": len(self.exemplars), "target_total": self.campaign.target_total,
            "district": levels["huyen"], "target_district": self.campaign.target_levels["huyen"],
            "commune": levels["xa"], "target_commune": self.campaign.target_levels["xa"],
            "units": len(self.tallies),
            "units_met": sum(1 for t in self.tallies if t.exemplars),
        }

    @property
    def newest(self) -> date | None:
        """The last recognition counted: the date the page's numbers stand at."""
        return max((e.recognition.date for e in self.exemplars), default=None)

    # --- the tables -----------------------------------------------------------------------------

    def targets_table(self) -> Table:
        p, c = self.progress(), self.campaign
        rows = (("Toàn huyện", p["total"], p["target_total"]),
                ("Cấp huyện", p["district"], p["target_district"]),
                ("Cấp xã", p["commune"], p["target_commune"]),
                ("Đơn vị có ít nhất 1 điển hình", p["units_met"], p["units"]))
        return Table(
            "chi-tieu", "Kết quả so với chỉ tiêu",
            f"Số điển hình đã công nhận so với chỉ tiêu của Kế hoạch {c.plan}: ít nhất {c.target_total} điển "
            f"hình (cấp huyện {c.target_levels['huyen']:02d}, cấp xã {c.target_levels['xa']:02d}) và mỗi đơn vị "
            "ít nhất 01 điển hình.",
            ("Chỉ tiêu", "Đã đạt", "Mục tiêu", "Tỷ lệ (%)"),
            tuple((label, value, target, percent(value, target)) for label, value, target in rows),
            target=2)

    def units_table(self) -> Table:
        """Units with none first (they are the ones to follow up), then by level and name."""
        ranked = sorted(self.tallies, key=lambda t: bool(t.exemplars))
        rows = tuple((Link(t.unit.name, urls.unit(t.unit.id)), LEVEL_NAMES[t.unit.level],
                      len(t.exemplars), "Đạt" if t.exemplars else "Chưa đạt",
                      ", ".join(u.name for u in t.absorbed))
                     for t in ranked)
        return Table(
            "don-vi", "Theo đơn vị",
            "Số điển hình của từng đơn vị và chỉ tiêu mỗi đơn vị ít nhất 01 điển hình; đơn vị chưa có "
            "điển hình đứng đầu bảng. Điển hình của đơn vị đã sáp nhập tính cho đơn vị tiếp nhận.",
            ("Đơn vị", "Cấp", "Số điển hình", "Chỉ tiêu ít nhất 01", "Gồm cả đơn vị cũ"), rows,
            total=("Cộng", "", len(self.exemplars), f"{sum(1 for t in self.tallies if t.exemplars)}"
                   f"/{len(self.tallies)} đạt", ""),
            value=2)

    def communes_table(self) -> Table:
        communes = self.registry.communes
        counts = Counter(standing(communes, self.registry.units[e.unit].commune, self.end).id
                         for e in self.exemplars if self.registry.units[e.unit].commune)
        standing_now = sorted((c for c in communes.values() if not merged_by(c, self.end)),
                              key=lambda c: (sort_key(c.name), c.id))
        return Table(
            "xa", "Theo xã, thị trấn",
            "Số điển hình của các đơn vị cấp xã, theo xã, thị trấn; điển hình của xã đã sáp nhập tính "
            "cho xã, thị trấn tiếp nhận.",
            ("Xã, thị trấn", "Số điển hình"), tuple((c.name, counts[c.id]) for c in standing_now),
            total=("Cộng", sum(counts.values())))

    def _tally_table(self, key: str, title: str, description: str, heading: str,
                     entries: Iterable[tuple[str, Cell]], values: Iterable[Iterable[str]],
                     none: str | None = None) -> Table:
        """Exemplars per entry of a registry; one exemplar may count under several entries."""
        listed = [list(v) for v in values]
        counts = Counter(v for vs in listed for v in vs)
        rows = [(label, counts[key_]) for key_, label in entries]
        if none:
            rows.append((none, sum(1 for vs in listed if not vs)))
        return Table(key, title, description, (heading, "Số điển hình"), tuple(rows))

    def categories_table(self) -> Table:
        reg = self.registry
        return self._tally_table(
            "noi-dung", "Theo nội dung thi đua “Hai chân – Ba mũi”",
            "Một điển hình có thể thuộc nhiều nội dung, nên tổng các dòng có thể lớn hơn số điển hình.",
            "Nội dung", ((c.id, Link(f"{c.title}: {c.short}", urls.category(c.id)))
                         for c in reg.categories.values()),
            (e.categories for e in self.exemplars))

    def groups_table(self) -> Table:
        groups = sorted(self.registry.groups.values(), key=lambda g: sort_key(g.title))
        return self._tally_table(
            "nhom", "Theo nhóm",
            "Một điển hình có thể thuộc nhiều nhóm hoặc không thuộc nhóm nào.",
            "Nhóm", ((g.id, Link(g.title, urls.group(g.id))) for g in groups),
            (e.groups for e in self.exemplars), none="Không thuộc nhóm nào")

    def fields_table(self) -> Table:
        fields = sorted(self.registry.fields.values(), key=lambda f: sort_key(f.title))
        return self._tally_table(
            "linh-vuc", "Theo lĩnh vực",
            "Một điển hình có thể thuộc nhiều lĩnh vực hoặc chưa ghi lĩnh vực.",
            "Lĩnh vực", ((f.id, Link(f.title, urls.field(f.id))) for f in fields),
            (e.fields for e in self.exemplars), none="Chưa ghi lĩnh vực")

    def kinds_table(self) -> Table:
        return self._tally_table(
            "loai", "Theo loại", "Điển hình tập thể và điển hình cá nhân.", "Loại",
            KIND_NAMES.items(), ((e.kind,) for e in self.exemplars))

    def months_table(self) -> Table:
        """Every month from the first recognition to the last, months with none included."""
        counts = Counter((e.recognition.date.year, e.recognition.date.month) for e in self.exemplars)
        rows: list[tuple[Cell, ...]] = []
        if counts:
            (year, month), last, running = min(counts), max(counts), 0
            while (year, month) <= last:
                running += counts[year, month]
                rows.append((f"Tháng {month}/{year}", counts[year, month], running))
                year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return Table(
            "thang", "Theo tháng công nhận",
            "Số điển hình được công nhận trong từng tháng, theo ngày của quyết định công nhận, và số "
            "lũy kế từ đầu cao điểm thi đua.",
            ("Tháng", "Số điển hình", "Lũy kế"), tuple(rows), total=("Cộng", len(self.exemplars), ""))

    def steps_table(self) -> Table:
        counts = Counter(step for step in map(self.current_step, self.exemplars) if step)
        rows = [(f"Bước {n}: {name}", counts[n]) for n, name in STEP_NAMES.items()]
        rows.append(("Chưa ghi bước nào", len(self.exemplars) - sum(counts.values())))
        return Table(
            "buoc", "Theo bước của quy trình năm bước",
            "Bước mới nhất mà mỗi điển hình đã đến trong quy trình “xây dựng, tuyên truyền nhân rộng, "
            "học tập, bình xét, công nhận bắt kịp và vượt qua điển hình” (Kế hoạch 330-KH/TU).",
            ("Bước", "Số điển hình"), tuple(rows))

    def nominations_table(self) -> Table:
        return Table(
            "de-nghi", "Đề nghị cấp trên biểu dương, nhân rộng",
            "Số điển hình được đề nghị lên cấp huyện, cấp tỉnh; một điển hình có thể được đề nghị cả "
            "hai cấp.",
            ("Đề nghị", "Số điển hình"),
            tuple((name, sum(1 for e in self.exemplars if self.nominated(e, level)))
                  for level, name in NOMINATION_NAMES.items()))

    def airing_table(self) -> Table:
        aired = sum(1 for e in self.exemplars if self.aired(e))
        return Table(
            "len-song", "Lên chuyên mục “Dân vận khéo”",
            "Số điển hình đã được giới thiệu trên chuyên mục “Dân vận khéo” của Đài Phát thanh – "
            "Truyền hình và số điển hình chưa lên sóng.",
            ("Chuyên mục", "Số điển hình"),
            ((AIRED, aired), ("Chưa lên chuyên mục", len(self.exemplars) - aired)))

    def page_tables(self) -> list[Table]:
        return [self.targets_table(), self.units_table(), self.communes_table(),
                self.categories_table(), self.groups_table(), self.fields_table(), self.kinds_table(),
                self.months_table(), self.steps_table(), self.nominations_table(), self.airing_table()]

    def report_table(self) -> Table:
        """The Board's count report: one row per unit, by level then Vietnamese order."""
        categories = list(self.registry.categories.values())
        rows = tuple(
            (t.unit.name, LEVEL_NAMES[t.unit.level], len(t.exemplars),
             *(t.kinds[k] for k in KIND_NAMES), *(t.categories[c.id] for c in categories),
             *(t.nominated[level] for level in NOMINATION_NAMES), t.aired)
            for t in self.tallies)
        total = ("Cộng", "", *(sum(row[i] for row in rows) for i in range(2, len(rows[0])))) if rows else None
        return Table(
            "bao-cao", "Số điển hình theo đơn vị", self.window_text(),
            ("Đơn vị", "Cấp", "Số điển hình", *KIND_NAMES.values(), *(c.title for c in categories),
             *NOMINATION_NAMES.values(), AIRED),
            rows, total=total, value=2)

    def window_text(self) -> str:
        if self.end:
            since = f"từ ngày {vi_short_date(self.start)} " if self.start else ""
            return (f"Điển hình được công nhận {since}đến ngày {vi_short_date(self.end)}; "
                    f"đề nghị, lên sóng và các bước tính đến ngày {vi_short_date(self.end)}.")
        if self.newest:
            return f"Số liệu tính đến lần công nhận gần nhất, ngày {vi_short_date(self.newest)}."
        return "Chưa có điển hình nào được công bố."

"""A campaign's numbers, as its Board counts them, against that campaign's own targets.

Counting rules, stated once here and on the statistics page:

* Only the campaign's exemplars count (its `campaign:`, or the site's default campaign).
* A window (first and last day) selects exemplars by their recognition date; without one, the
  campaign's whole period. Nominations and airings count only when dated on or before the
  window's last day, so a report for 2024 gives the same numbers whenever it is run.
* An exemplar counts at the level of the unit named in its file — the unit that was recognized:
  a commune Khối vận that merged later still counts toward the commune-level target.
* Per-unit targets apply to the campaign's participants (`participants.under` and the units
  below it) standing on the count's day: the window's last day, or `participants.as_of` when
  that is earlier (a campaign that outlived its units), or today for an open campaign. A unit
  merged by then is no longer a unit that must meet them: its exemplars count for the unit that
  absorbed it. Areas follow the same rule.
* A closed campaign reads as a final result; an open one says what is left and the days left.

Every table is plain data (`Table`): the page renders it, draws its chart from the same rows,
and writes it as CSV; the `dvk report` formats use the same tables.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from .. import urls
from ..model import KIND_NAMES, Campaign, Catalog, Exemplar, Target, Unit, merged_by, standing
from ..text.collate import sort_key
from ..text.formats import vi_short_date
from .tables import Cell, Link, Table


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


@dataclass(frozen=True)
class TargetResult:
    """One target of the campaign, counted: `done` of `goal`, and what is `left`."""

    target: Target
    done: int
    goal: int

    @property
    def label(self) -> str:
        return self.target.label

    @property
    def left(self) -> int:
        return max(self.goal - self.done, 0)

    @property
    def met(self) -> bool:
        return self.done >= self.goal


class Statistics:
    """Every count of one campaign over one window, computed in one pass over its exemplars."""

    def __init__(self, catalog: Catalog, campaign: Campaign, start: date | None = None,
                 end: date | None = None) -> None:
        self.catalog, self.campaign = catalog, campaign
        self.registry = registry = catalog.registry
        self.start, self.end = start, end
        self.exemplars = [e for e in catalog.exemplars if e.campaign == campaign.id
                          and (start is None or e.recognition.date >= start)
                          and (end is None or e.recognition.date <= end)]
        last = end or campaign.last_day
        if campaign.is_open and registry.today and end is None:
            last = min(last, max(registry.today, campaign.period.start))
        as_of = campaign.participants.as_of
        self.day = min(last, as_of) if as_of else last  # the day units and areas stand on
        units = registry.units
        ranks = {lv: level.rank for lv, level in registry.levels.items()}
        chosen = {u.id: u for u in registry.units_under(campaign.participants.under, self.day,
                                                        campaign.participants.include_self)}
        by_unit: defaultdict[str, list[Exemplar]] = defaultdict(list)
        for ex in self.exemplars:
            now = standing(units, ex.unit, self.day)
            by_unit[now.id].append(ex)
            chosen.setdefault(now.id, now)  # counted even when outside the participants
        self.participants = set(registry.units_under(campaign.participants.under, self.day,
                                                     campaign.participants.include_self))
        self.units = sorted(chosen.values(), key=lambda u: (ranks.get(u.level, 0), sort_key(u.name), u.id))
        absorbed: defaultdict[str, list[Unit]] = defaultdict(list)
        for unit in sorted(units.values(), key=lambda u: sort_key(u.name)):
            # only the units that passed their work on while the campaign ran matter to it
            during = unit.until is None or unit.until >= campaign.period.start
            if during and merged_by(unit, self.day) and standing(units, unit.id, self.day).id in chosen:
                absorbed[standing(units, unit.id, self.day).id].append(unit)
        self.tallies = [self._tally(u, by_unit.get(u.id, []), absorbed.get(u.id, [])) for u in self.units]

    # --- what counts ------------------------------------------------------------------------

    def _dated(self, day: date) -> bool:
        return self.end is None or day <= self.end

    def nominated(self, ex: Exemplar, level: str) -> bool:
        return any(n.level == level and self._dated(n.date) for n in ex.nominations)

    def aired(self, ex: Exemplar) -> bool:
        return any(m.is_column_airing and self._dated(m.date) for m in ex.media)

    def current_step(self, ex: Exemplar) -> int | None:
        """The latest of the campaign's steps the exemplar had reached by the window's last day."""
        steps = [s for s in ex.steps if self._dated(s.date)]
        return max(steps, key=lambda s: (s.date, s.step)).step if steps else None

    def level(self, ex: Exemplar) -> str:
        """The level of the unit that was recognized, as it was then."""
        return self.registry.units[ex.unit].level

    @property
    def nomination_names(self) -> dict[str, str]:
        return {lv: f"Đề nghị {self.registry.nomination_name(lv)}" for lv in self.campaign.nomination_levels}

    @property
    def column_name(self) -> str:
        column = self.registry.column
        return column.name if column else ""

    @property
    def aired_label(self) -> str:
        return f"Đã lên chuyên mục “{self.column_name}”"

    def _tally(self, unit: Unit, exemplars: list[Exemplar], absorbed: list[Unit]) -> UnitTally:
        return UnitTally(
            unit=unit, absorbed=tuple(absorbed), exemplars=tuple(exemplars),
            kinds=Counter(e.kind for e in exemplars),
            categories=Counter(c for e in exemplars for c in e.categories),
            nominated=Counter(level for e in exemplars for level in self.campaign.nomination_levels
                              if self.nominated(e, level)),
            aired=sum(1 for e in exemplars if self.aired(e)),
        )

    # --- the targets --------------------------------------------------------------------------

    def _keeps(self, target: Target, ex: Exemplar) -> bool:
        unit = self.registry.units[ex.unit]
        return ((target.level is None or unit.level == target.level)
                and (not target.types or unit.type in target.types)
                and (target.unit is None
                     or target.unit in (ex.unit, standing(self.registry.units, ex.unit, self.day).id))
                and (target.kind is None or ex.kind == target.kind)
                and (not target.categories or bool(set(target.categories) & set(ex.categories))))

    def targets(self) -> list[TargetResult]:
        """Each target as the plan states it, counted: a total, or units meeting a minimum each."""
        found = []
        for target in self.campaign.targets:
            if target.each_unit:
                tallies = [t for t in self.tallies if t.unit in self.participants
                           and (target.level is None or t.unit.level == target.level)
                           and (not target.types or t.unit.type in target.types)
                           and (target.unit is None or t.unit.id == target.unit)]
                met = sum(1 for t in tallies
                          if sum(1 for e in t.exemplars if self._keeps(target, e)) >= target.min)
                found.append(TargetResult(target, met, len(tallies)))
            else:
                found.append(TargetResult(target, sum(1 for e in self.exemplars if self._keeps(target, e)),
                                          target.min))
        return found

    def progress(self) -> dict[str, int]:
        """The figures the home page prints: the whole, the two levels by rank, the units."""
        results = self.targets()
        whole = [r for r in results if not r.target.each_unit and not r.target.level]
        levels = sorted((r for r in results if r.target.level and not r.target.each_unit),
                        key=lambda r: self.registry.levels[r.target.level or ""].rank)
        each = [r for r in results if r.target.each_unit]
        (total, target_total), (district, target_district) = self._pick(whole, 0), self._pick(levels, 0)
        (commune, target_commune), (met, units) = self._pick(levels, 1), self._pick(each, 0)
        return {"total": total, "target_total": target_total, "district": district,
                "target_district": target_district, "commune": commune, "target_commune": target_commune,
                "units": units, "units_met": met}

    def units_with_none(self) -> int:
        """The units counted that have no exemplar (the table by unit lists them first)."""
        return sum(1 for t in self.tallies if not t.exemplars)

    @staticmethod
    def _pick(results: list[TargetResult], i: int) -> tuple[int, int]:
        return (results[i].done, results[i].goal) if len(results) > i else (0, 0)

    def status(self) -> dict[str, object]:
        """Where the campaign stands: a final result when closed; when open, the days left and
        what is left of each target (as data for the pages)."""
        today = self.registry.today or date.today()
        results = self.targets()
        days = (self.campaign.last_day - today).days if self.campaign.is_open else 0
        return {"open": self.campaign.is_open, "final": not self.campaign.is_open,
                "days_left": max(days, 0), "targets": results,
                "left": {r.target.id: r.left for r in results}}

    @property
    def newest(self) -> date | None:
        """The last recognition counted: the date the page's numbers stand at."""
        return max((e.recognition.date for e in self.exemplars), default=None)

    # --- the tables -----------------------------------------------------------------------------

    def targets_table(self) -> Table:
        c = self.campaign
        stated = "; ".join(f"{t.label}: ít nhất {t.min:02d}" + (" mỗi đơn vị" if t.each_unit else "")
                           for t in c.targets)
        return Table(
            "chi-tieu", "Kết quả so với chỉ tiêu",
            f"Số điển hình đã công nhận so với chỉ tiêu của Kế hoạch {c.plan.number}: {stated}."
            + (" Chỉ tiêu theo đơn vị: số đơn vị đã đạt so với số đơn vị phải thực hiện." if any(
                t.each_unit for t in c.targets) else ""),
            ("Chỉ tiêu", "Đã đạt", "Mục tiêu", "Tỷ lệ (%)"),
            tuple((r.label, r.done, r.goal, percent(r.done, r.goal)) for r in self.targets()),
            target=2)

    def units_table(self) -> Table:
        """Units with none first (they are the ones to follow up), then by level and name."""
        names = self.registry.level_names
        each = next((t for t in self.campaign.targets if t.each_unit and not t.types and not t.level), None)
        least = each.min if each else 1
        ranked = sorted(self.tallies, key=lambda t: len(t.exemplars) >= least)
        rows = tuple((Link(t.unit.name, urls.unit(t.unit.id)), names.get(t.unit.level, t.unit.level),
                      len(t.exemplars), "Đạt" if len(t.exemplars) >= least else "Chưa đạt",
                      ", ".join(u.name for u in t.absorbed))
                     for t in ranked)
        return Table(
            "don-vi", "Theo đơn vị",
            f"Số điển hình của từng đơn vị và chỉ tiêu mỗi đơn vị ít nhất {least:02d} điển hình; đơn vị "
            "chưa đạt đứng đầu bảng. Điển hình của đơn vị đã sáp nhập tính cho đơn vị tiếp nhận.",
            ("Đơn vị", "Cấp", "Số điển hình", f"Chỉ tiêu ít nhất {least:02d}", "Gồm cả đơn vị cũ"), rows,
            total=("Cộng", "", len(self.exemplars), f"{sum(1 for t in self.tallies if len(t.exemplars) >= least)}"
                   f"/{len(self.tallies)} đạt", ""),
            value=2)

    def communes_table(self) -> Table:
        registry, low = self.registry, self.registry.lowest_level
        areas = registry.areas
        counts: Counter[str] = Counter()
        for e in self.exemplars:
            unit = registry.units[e.unit]
            area = unit.area_on(e.recognition.date)
            if area and low and areas[area].level == low.id:
                counts[standing(areas, area, self.day).id] += 1
        listed = (registry.areas_under(self.campaign.area, self.day) if self.campaign.area
                  else [a for a in areas.values() if a.lives_on(self.day)])
        listed = sorted((a for a in listed if low and a.level == low.id), key=lambda a: (sort_key(a.name), a.id))
        label = low.area_label if low else ""
        return Table(
            "xa", f"Theo {label}",
            f"Số điển hình của các đơn vị cấp cơ sở, theo {label}; điển hình của địa bàn đã sáp nhập "
            "tính cho địa bàn tiếp nhận.",
            (label[:1].upper() + label[1:], "Số điển hình"), tuple((a.name, counts[a.id]) for a in listed),
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
        return self._tally_table(
            "noi-dung", f"Theo nội dung thi đua “{self.campaign.lines_name}”",
            "Một điển hình có thể thuộc nhiều nội dung, nên tổng các dòng có thể lớn hơn số điển hình.",
            "Nội dung", ((c.id, Link(f"{c.title}: {c.short}", urls.category(c.id)))
                         for c in self.campaign.categories),
            (e.categories for e in self.exemplars))

    def groups_table(self) -> Table:
        titles = dict(self.campaign.group_titles)
        groups = sorted(self.registry.groups.values(), key=lambda g: sort_key(titles.get(g.id, g.title)))
        return self._tally_table(
            "nhom", "Theo nhóm",
            "Một điển hình có thể thuộc nhiều nhóm hoặc không thuộc nhóm nào.",
            "Nhóm", ((g.id, Link(titles.get(g.id, g.title), urls.group(g.id))) for g in groups),
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
            "lũy kế từ đầu chiến dịch.",
            ("Tháng", "Số điển hình", "Lũy kế"), tuple(rows), total=("Cộng", len(self.exemplars), ""))

    def steps_table(self) -> Table:
        steps = self.campaign.steps
        counts = Counter(step for step in map(self.current_step, self.exemplars) if step)
        rows = [(f"Bước {n}: {name}", counts[n]) for n, name in self.campaign.step_names.items()]
        rows.append(("Chưa ghi bước nào", len(self.exemplars) - sum(counts.values())))
        name = steps.name if steps else ""
        return Table(
            "buoc", f"Theo bước: {name}",
            "Bước mới nhất mà mỗi điển hình đã đến trong quy trình của chiến dịch "
            f"({steps.source if steps and steps.source else name}).",
            ("Bước", "Số điển hình"), tuple(rows))

    def nominations_table(self) -> Table:
        return Table(
            "de-nghi", "Đề nghị cấp trên biểu dương, nhân rộng",
            "Số điển hình được đề nghị lên từng cấp; một điển hình có thể được đề nghị nhiều cấp.",
            ("Đề nghị", "Số điển hình"),
            tuple((name, sum(1 for e in self.exemplars if self.nominated(e, level)))
                  for level, name in self.nomination_names.items()))

    def airing_table(self) -> Table:
        aired = sum(1 for e in self.exemplars if self.aired(e))
        return Table(
            "len-song", f"Lên chuyên mục “{self.column_name}”",
            f"Số điển hình đã được giới thiệu trên chuyên mục “{self.column_name}” và số điển hình chưa "
            "lên sóng.",
            ("Chuyên mục", "Số điển hình"),
            ((self.aired_label, aired), ("Chưa lên chuyên mục", len(self.exemplars) - aired)))

    def page_tables(self) -> list[Table]:
        return [self.targets_table(), self.units_table(), self.communes_table(),
                self.categories_table(), self.groups_table(), self.fields_table(), self.kinds_table(),
                self.months_table(), self.steps_table(), self.nominations_table(), self.airing_table()]

    def report_table(self) -> Table:
        """The Board's count report: one row per unit, by level then Vietnamese order."""
        categories = self.campaign.categories
        names = self.registry.level_names
        rows = tuple(
            (t.unit.name, names.get(t.unit.level, t.unit.level), len(t.exemplars),
             *(t.kinds[k] for k in KIND_NAMES), *(t.categories[c.id] for c in categories),
             *(t.nominated[level] for level in self.nomination_names), t.aired)
            for t in self.tallies)
        total = ("Cộng", "", *(sum(row[i] for row in rows) for i in range(2, len(rows[0])))) if rows else None
        return Table(
            "bao-cao", "Số điển hình theo đơn vị", self.window_text(),
            ("Đơn vị", "Cấp", "Số điển hình", *KIND_NAMES.values(), *(c.title for c in categories),
             *self.nomination_names.values(), self.aired_label),
            rows, total=total, value=2)

    def window_text(self) -> str:
        if self.end:
            since = f"từ ngày {vi_short_date(self.start)} " if self.start else ""
            return (f"Điển hình được công nhận {since}đến ngày {vi_short_date(self.end)}; "
                    f"đề nghị, lên sóng và các bước tính đến ngày {vi_short_date(self.end)}.")
        if self.newest:
            return f"Số liệu tính đến lần công nhận gần nhất, ngày {vi_short_date(self.newest)}."
        return "Chưa có điển hình nào được công bố."

    @property
    def as_of(self) -> date:
        """The day an open campaign's numbers are read on: the build's today."""
        return self.registry.today or date.today()

    def standing_text(self) -> str:
        """A closed campaign's result is final (tổng kết); an open one has days left."""
        c = self.campaign
        if not c.is_open:
            review = c.review("tong-ket")
            held = f" ({review.name}, ngày {vi_short_date(review.date)})" if review else ""
            return (f"Chiến dịch đã kết thúc ngày {vi_short_date(c.last_day)} và đã tổng kết{held}: "
                    "đây là kết quả cuối cùng.")
        days = self.status()["days_left"]
        return (f"Chiến dịch đang diễn ra, còn {days} ngày (đến ngày {vi_short_date(c.last_day)}), "
                f"tính đến ngày {vi_short_date(self.as_of)}.")

    def left_text(self) -> str:
        """What is left of an open campaign's targets, in one sentence ("" when closed or all met)."""
        if not self.campaign.is_open:
            return ""
        left = [f"{r.label} còn {r.left}" for r in self.targets() if r.left]
        return ("Còn phải đạt: " + "; ".join(left) + ".") if left else "Đã đạt mọi chỉ tiêu."

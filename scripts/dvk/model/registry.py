"""The registries: levels, acts, areas and units through time, campaigns, outlets, groups,
fields; and the one rule for "who carries this unit's work on day D" and "where is it now"."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol, TypeVar

from .campaign import Campaign
from .domain import Act, Area, Category, FieldOfWork, Group, Level, Outlet, Span, Unit, lives, span_on


class Successive(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def successor(self) -> str | None: ...
    @property
    def until(self) -> date | None: ...


Merging = TypeVar("Merging", bound=Successive)


def merged_by(entry: Successive, on: date | None) -> bool:
    """Whether `entry` had passed its work to a successor by day `on` (for good, when None)."""
    return entry.successor is not None and (on is None or entry.until is None or entry.until < on)


def standing(entries: Mapping[str, Merging], start: str, on: date | None = None) -> Merging:
    """The entry that carries `start`'s work on day `on` (following every succession when None).
    The one rule for units, areas and outlets alike; a cycle in the data stops, never loops."""
    entry = entries[start]
    seen = {entry.id}
    while entry.successor and entry.successor not in seen and entry.successor in entries \
            and merged_by(entry, on):
        seen.add(entry.successor)
        entry = entries[entry.successor]
    return entry


@dataclass(frozen=True)
class Column:
    """The broadcast column whose airings mark an exemplar as aired, and who ran it when."""

    name: str
    match: tuple[str, ...]
    outlets: tuple[Span, ...] = ()

    def airs(self, programme: str | None) -> bool:
        text = (programme or "").casefold()
        return any(m.casefold() in text for m in self.match)


@dataclass
class Registry:
    units: dict[str, Unit]
    areas: dict[str, Area]
    categories: dict[str, Category]  # of every campaign; ids are unique site-wide
    groups: dict[str, Group]
    fields: dict[str, FieldOfWork]
    levels: dict[str, Level] = field(default_factory=dict)  # from the top down
    types: dict[str, str] = field(default_factory=dict)  # type id → name
    acts: dict[str, Act] = field(default_factory=dict)
    campaigns: dict[str, Campaign] = field(default_factory=dict)
    outlets: dict[str, Outlet] = field(default_factory=dict)
    default_campaign_id: str | None = None
    column: Column | None = None
    publishers: tuple[Span, ...] = ()  # a unit id, or a name as written, by period
    today: date | None = None  # the day "now" means; None: after every succession in the data

    # --- levels -------------------------------------------------------------------------------

    @property
    def level_names(self) -> dict[str, str]:
        return {level.id: level.name for level in self.levels.values()}

    def nomination_name(self, level: str) -> str:
        """"cấp …", as a nomination reads: the level's name, lower-cased at its first letter."""
        name = self.levels[level].name if level in self.levels else level
        return name[:1].lower() + name[1:]

    @property
    def lowest_level(self) -> Level | None:
        return max(self.levels.values(), key=lambda lv: lv.rank, default=None)

    @property
    def communes(self) -> dict[str, Area]:
        """The areas of the lowest level (xã, phường, thị trấn in the sample), as pages list them."""
        low = self.lowest_level
        return {a.id: a for a in self.areas.values() if low is not None and a.level == low.id}

    # --- who carries a unit's work, and where it is now -------------------------------------

    @property
    def office_phones(self) -> dict[str, str]:
        """The office numbers the registry lists, by unit id: public by design."""
        return {u.id: u.office_phone for u in self.units.values() if u.office_phone}

    def is_current(self, entry: Unit | Area) -> bool:
        """Whether a unit or an area stands today: alive today, its work not passed on by then."""
        return entry.lives_on(self.today or date.max) and not merged_by(entry, self.today)

    def current_unit(self, unit_id: str) -> Unit:
        """The unit that carries this one's work today (itself when it ended with no successor)."""
        return standing(self.units, unit_id, self.today)

    def current_commune(self, commune_id: str) -> Area:
        """The area that administers this one's ground today."""
        return standing(self.areas, commune_id, self.today)

    def commune_of(self, unit_id: str) -> Area | None:
        """Today's commune of a unit's last area (None for units above the lowest level)."""
        unit = self.units[unit_id]
        return self.current_commune(unit.commune) if unit.commune else None

    def units_on(self, day: date) -> list[Unit]:
        """The units as they were on `day`: those alive then (a review reads its window's end)."""
        return [u for u in self.units.values() if u.lives_on(day)]

    def unit_on(self, unit_id: str, day: date) -> Unit:
        """The unit that carried this one's work on `day`."""
        return standing(self.units, unit_id, day)

    def where_now(self, unit_id: str) -> tuple[Unit | None, Area | None]:
        """The unit that carries `unit_id`'s work now and the area where that work is done now.
        A unit that ended with no successor has no unit now: its area's lineage says where."""
        day = self.today or date.max
        unit = standing(self.units, unit_id, self.today)
        if not unit.lives_on(day) and unit.ended:
            last = span_on(unit.areas, unit.until or day)
            area = standing(self.areas, last, self.today) if last else None
            return None, area if area and area.lives_on(day) else None
        area_id = unit.area_on(day)
        return unit, standing(self.areas, area_id, self.today) if area_id else None

    def former_note(self, unit_id: str) -> str | None:
        """"<unit> (cũ) — nay thuộc <area or unit of today>" for a unit that no longer works
        now; None for one that does. The pages print it beside an old unit's name."""
        unit = self.units[unit_id]
        if unit.lives_on(self.today or date.max) and not merged_by(unit, self.today):
            return None
        successor, area = self.where_now(unit_id)
        if area is not None:
            return f"{unit.name} (cũ) — nay thuộc {area.name}"
        if successor is not None and successor.id != unit.id:
            return f"{unit.name} (cũ) — nay thuộc {successor.name}"
        return f"{unit.name} (cũ)"

    def units_under(self, root: str, day: date, include_self: bool = True) -> list[Unit]:
        """The units living on `day` whose line of parents on that day reaches `root`."""
        return _under(self.units, root, day, include_self)

    def areas_under(self, root: str, day: date, include_self: bool = True) -> list[Area]:
        """The areas living on `day` whose line of parent areas on that day reaches `root`."""
        return _under(self.areas, root, day, include_self)

    # --- campaigns ------------------------------------------------------------------------------

    @property
    def default_campaign(self) -> Campaign:
        """The campaign of an exemplar that names none: site.yml's, or the only one there is."""
        if self.default_campaign_id:
            return self.campaigns[self.default_campaign_id]
        return next(iter(self.campaigns.values()))

    def campaign_id(self, named: str | None) -> str | None:
        """The campaign an exemplar belongs to: the one it names, else the default (if any)."""
        if named:
            return named
        if self.default_campaign_id or len(self.campaigns) == 1:
            return self.default_campaign.id
        return None

    @property
    def lines_title(self) -> str:
        """"Nội dung thi đua “…” và “…”": every campaign's family of lines, as the lists name them."""
        names = list(dict.fromkeys(f"“{c.lines_name}”" for c in self.campaigns.values()))
        return " ".join(["Nội dung thi đua", " và ".join(names)]).strip()

    def campaign_of_category(self, category: str) -> str | None:
        for campaign in self.campaigns.values():
            if any(c.id == category for c in campaign.categories):
                return campaign.id
        return None

    # --- outlets and the site ------------------------------------------------------------------

    def outlet(self, written: str) -> Outlet | None:
        """The outlet a `media[].outlet` means: its id, or one of its names or aliases."""
        if written in self.outlets:
            return self.outlets[written]
        folded = written.casefold()
        for outlet in self.outlets.values():
            names = (outlet.name, *outlet.aliases, *(f.name for f in outlet.renamed_from))
            if any(n.casefold() == folded for n in names):
                return outlet
        return None

    def outlet_name(self, written: str, day: date) -> str:
        """The outlet's name on the day of the airing; free text stays as written."""
        outlet = self.outlets.get(written)
        return outlet.name_on(day) if outlet else written

    def column_outlet_on(self, day: date) -> str | None:
        """Who runs the site's column on `day` (site.yml: column.outlets), by its name that day."""
        for span in self.column.outlets if self.column else ():
            if lives(span.start, span.until, day):
                return self.outlet_name(span.id, day)
        return None

    def publisher_on(self, day: date) -> str | None:
        """Who published the site on `day`: a unit's name on that day, or a name as written."""
        for entry in self.publishers:
            if lives(entry.start, entry.until, day):
                return self.units[entry.id].name_on(day) if entry.id in self.units else entry.id
        return None


Nested = TypeVar("Nested", Unit, Area)


def _under(pool: Mapping[str, Nested], root: str, day: date, include_self: bool) -> list[Nested]:
    found = []
    for entry in pool.values():
        if not entry.lives_on(day) or (entry.id == root and not include_self):
            continue
        seen, current = set(), entry.id
        while current and current not in seen and current in pool:
            if current == root:
                found.append(entry)
                break
            seen.add(current)
            current = span_on(pool[current].parents, day)
    return found

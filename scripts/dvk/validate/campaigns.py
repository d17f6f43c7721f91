"""Rules across the registries and through time (DESIGN §7): what each registry names exists,
dated links hold on their dates, and an exemplar fits its campaign and its unit's life.

Three passes, in the order the pipeline can run them: `check_registry_links` on the raw data
(every id a registry names is defined), `check_registry_dates` once the registry is built, and
`check_exemplar_times` for exemplar files against it. The registry is the model's; this module
only reads the attributes `DatedRegistry` names, so validate never imports a later stage.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date, timedelta
from typing import Any, Protocol

from ..diagnostics import Severity
from ..load import Document, dotted
from .suggest import suggest

Path = tuple[str | int, ...]


class DatedRegistry(Protocol):
    """What the time rules read of the model's `Registry`."""

    units: Mapping[str, Any]
    areas: Mapping[str, Any]
    levels: Mapping[str, Any]
    campaigns: Mapping[str, Any]
    outlets: Mapping[str, Any]
    categories: Mapping[str, Any]

    def campaign_id(self, named: str | None) -> str | None: ...
    def campaign_of_category(self, category: str) -> str | None: ...
    def outlet(self, written: str) -> Any: ...


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _lives(entry: Any, day: date) -> bool:
    return (entry.start is None or entry.start <= day) and (entry.until is None or day <= entry.until)


# --- pass 1: every id a registry names is defined ------------------------------------------------

def _ref(doc: Document, path: Path, value: Any, known: Iterable[str], code: str, where: str) -> None:
    known = list(known)
    if isinstance(value, str) and value not in known:
        doc.problem(code, path, value=value, suggestion=suggest(value, known, where))


def _dated_links(doc: Document, prefix: Path, entries: list[dict[str, Any]], pool: set[str],
                 acts: set[str], code: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """The successor and every `by` of a list of dated entries; yields the entries for more."""
    for i, entry in enumerate(entries):
        for key in ("merged_into", "renamed_to"):
            succession = entry.get(key)
            if isinstance(succession, dict):
                _ref(doc, (*prefix, i, key, "id"), succession.get("id"), pool, code, doc.rel)
                _ref(doc, (*prefix, i, key, "by"), succession.get("by"), acts, "ref.act", doc.rel)
        _ref(doc, (*prefix, i, "by"), entry.get("by"), acts, "ref.act", doc.rel)
        if isinstance(entry.get("ended"), dict):
            _ref(doc, (*prefix, i, "ended", "by"), entry["ended"].get("by"), acts, "ref.act", doc.rel)
        for j, old in enumerate(entry.get("renamed_from") or ()):
            _ref(doc, (*prefix, i, "renamed_from", j, "by"), old.get("by"), acts, "ref.act", doc.rel)
        yield i, entry


def _linked(doc: Document, path: Path, entry: dict[str, Any], one: str, many: str, known: set[str],
            code: str) -> None:
    _ref(doc, (*path, one), entry.get(one), known, code, doc.rel)
    for j, span in enumerate(entry.get(many) or ()):
        _ref(doc, (*path, many, j, "id"), span.get("id"), known, code, doc.rel)


def check_registry_links(docs: Mapping[str, Document]) -> None:
    """Every id a registry names is defined: acts, levels, types, areas, units, outlets,
    campaigns, categories (unique across campaigns), groups. Runs on schema-valid data."""
    units_doc, camp_doc, site_doc = docs["units.yml"], docs["campaigns.yml"], docs["site.yml"]
    outlets_doc, groups_doc = docs["outlets.yml"], docs["groups.yml"]
    data = units_doc.data
    acts = {a["id"] for a in data.get("acts", ())}
    levels = {lv["id"] for lv in data["levels"]}
    types = {t["id"] for t in data.get("types", ())}
    areas = {a["id"] for a in data["areas"]}
    units = {u["id"] for u in data["units"]}
    outlets = {o["id"] for o in outlets_doc.data}
    where = units_doc.rel
    for i, area in _dated_links(units_doc, ("areas",), data["areas"], areas, acts, "ref.area"):
        _ref(units_doc, ("areas", i, "level"), area.get("level"), levels, "ref.level", where)
        _linked(units_doc, ("areas", i), area, "parent", "parents", areas, "ref.area")
    for i, unit in _dated_links(units_doc, ("units",), data["units"], units, acts, "ref.unit"):
        _ref(units_doc, ("units", i, "level"), unit["level"], levels, "ref.level", where)
        if types:
            _ref(units_doc, ("units", i, "type"), unit["type"], types, "ref.type", where)
        _linked(units_doc, ("units", i), unit, "area", "areas", areas, "ref.area")
        _linked(units_doc, ("units", i), unit, "parent", "parents", units, "ref.parent")
    for _ in _dated_links(units_doc, ("levels",), data["levels"], levels, acts, "ref.level"):
        pass
    for _ in _dated_links(outlets_doc, (), outlets_doc.data, outlets, acts, "ref.outlet"):
        pass

    campaigns = [c["id"] for c in camp_doc.data]
    groups = {g["id"] for g in groups_doc.data}
    first: dict[str, int | None] = {}
    for i, campaign in enumerate(camp_doc.data):
        for key in ("organiser",):
            _ref(camp_doc, (i, key), campaign.get(key), units, "ref.unit", where)
        _ref(camp_doc, (i, "area"), campaign.get("area"), areas, "ref.area", where)
        _ref(camp_doc, (i, "participants", "under"), (campaign.get("participants") or {}).get("under"),
             units, "ref.unit", where)
        own = [c["id"] for c in campaign["lines"]["categories"]]
        for j, target in enumerate(campaign["targets"]):
            _ref(camp_doc, (i, "targets", j, "level"), target.get("level"), levels, "ref.level", where)
            _ref(camp_doc, (i, "targets", j, "unit"), target.get("unit"), units, "ref.unit", where)
            for k, kind in enumerate(target.get("types", ())):
                _ref(camp_doc, (i, "targets", j, "types", k), kind, types, "ref.type", where)
            for k, category in enumerate(target.get("categories", ())):
                _ref(camp_doc, (i, "targets", j, "categories", k), category, own, "ref.category", camp_doc.rel)
        for j, level in enumerate(campaign.get("nomination_levels", ())):
            _ref(camp_doc, (i, "nomination_levels", j), level, levels, "ref.level", where)
        for group in campaign.get("group_titles", {}):
            _ref(camp_doc, (i, "group_titles", group), group, groups, "ref.group", groups_doc.rel)
        for j, recognizer in enumerate(campaign.get("recognizers", ())):
            _ref(camp_doc, (i, "recognizers", j, "unit"), recognizer.get("unit"), units, "ref.unit", where)
        for j, category in enumerate(campaign["lines"]["categories"]):
            path = (i, "lines", "categories", j, "id")
            if category["id"] in first:
                camp_doc.problem("id.duplicate", path, value=category["id"], first=first[category["id"]])
            else:
                first[category["id"]] = camp_doc.line_of(path)
    site = site_doc.data
    for i, publisher in enumerate(site["publishers"]):
        _ref(site_doc, ("publishers", i, "unit"), publisher.get("unit"), units, "ref.unit", where)
    for i, run in enumerate((site.get("column") or {}).get("outlets", ())):
        _ref(site_doc, ("column", "outlets", i, "outlet"), run["outlet"], outlets, "ref.outlet", outlets_doc.rel)
    _ref(site_doc, ("default_campaign",), site.get("default_campaign"), campaigns, "ref.campaign", camp_doc.rel)
    if len(campaigns) > 1 and not site.get("default_campaign"):
        site_doc.problem("campaign.no_default", (), line=1, count=len(campaigns))


# --- pass 2: dated links hold on their dates ------------------------------------------------------

def check_registry_dates(docs: Mapping[str, Document], registry: DatedRegistry) -> None:
    """A successor lives from the day after its predecessor's last; a parent or an area lives
    through the period it is named for; an area's parent is of a higher level; nothing of a
    level outlives the level; nothing ends before it begins."""
    units_doc, outlets_doc = docs["units.yml"], docs["outlets.yml"]
    for section, pool in (("areas", registry.areas), ("units", registry.units)):
        for i, raw in enumerate(units_doc.data[section]):
            entry = pool[raw["id"]]
            _check_life(units_doc, (section, i), raw, entry, pool)
            level = registry.levels[entry.level]
            if level.until and (entry.until is None or entry.until > level.until):
                units_doc.problem("history.outlives_level", (section, i, "until"), name=entry.name,
                                  level=level.name, until=level.until.isoformat())
            links = (entry.parents, registry.areas if section == "areas" else registry.units, "parent")
            spans = [links] + ([(entry.areas, registry.areas, "area")] if section == "units" else [])
            for found, targets, word in spans:
                for j, span in enumerate(found):
                    other = targets[span.id]
                    key = (word if f"{word}s" not in raw else f"{word}s")
                    path = (section, i, key) if key == word else (section, i, key, j)
                    for day in (span.start, span.until):
                        if day and not _lives(other, day):
                            units_doc.problem("history.link_dead", path, value=span.id,
                                              day=day.isoformat())
                            break
                    if section == "areas" and registry.levels[other.level].rank >= level.rank:
                        units_doc.problem("history.parent_rank", path, value=span.id)
    for i, raw in enumerate(outlets_doc.data):
        _check_life(outlets_doc, (i,), raw, registry.outlets[raw["id"]], registry.outlets)


def _check_life(doc: Document, path: Path, raw: dict[str, Any], entry: Any, pool: Mapping[str, Any]) -> None:
    if entry.start and entry.until and entry.start > entry.until:
        doc.problem("history.order", (*path, "until"), start=entry.start.isoformat(),
                    until=entry.until.isoformat())
    if entry.successor and entry.until:
        nxt = entry.until + timedelta(days=1)
        if not _lives(pool[entry.successor], nxt):
            key = "merged_into" if "merged_into" in raw else "renamed_to"
            doc.problem("history.successor_dead", (*path, key, "id"), value=entry.successor,
                        day=nxt.isoformat())


# --- pass 3: an exemplar fits its campaign and its unit's life ------------------------------------

def check_exemplar_times(docs: Iterable[Document], registry: DatedRegistry) -> None:
    """An exemplar's campaign exists; it was recognized within it, in its lines, steps and
    nomination levels; its unit lived on the day (or did the work while it lived)."""
    areas = _Areas(registry)
    for doc in docs:
        data = doc.data
        if not isinstance(data, dict) or not isinstance(data.get("recognition"), dict):
            continue
        named = data.get("campaign")
        cid = registry.campaign_id(named if isinstance(named, str) else None)
        if cid not in registry.campaigns:
            if named:
                _ref(doc, ("campaign",), named, registry.campaigns, "ref.campaign", "exemplars/campaigns.yml")
            else:
                doc.problem("campaign.unnamed", ("unit",), allowed=", ".join(registry.campaigns))
            continue
        campaign = registry.campaigns[cid]
        day = _day(data["recognition"].get("date"))
        if day and not campaign.covers(day) and not _flagged(doc, ("recognition", "date")):
            doc.problem("campaign.date_outside", ("recognition", "date"), value=day.isoformat(),
                        campaign=campaign.id, start=campaign.period.start.isoformat(),
                        end=campaign.last_day.isoformat())
        own = [c.id for c in campaign.categories]
        for i, category in enumerate(data.get("categories") or ()):
            if category in registry.categories and category not in own:
                doc.problem("campaign.category", ("categories", i), value=category, campaign=campaign.id,
                            other=registry.campaign_of_category(category), allowed=", ".join(own))
        count = len(campaign.step_names)
        for i, step in enumerate(data.get("steps") or ()):
            if isinstance(step, dict) and isinstance(step.get("step"), int) and step["step"] > count:
                doc.problem("schema.range", ("steps", i, "step"), value=str(step["step"]), rule=f"≤ {count}")
        _check_nominations(doc, data, campaign, registry)
        if day:
            _check_unit_life(doc, data, day, registry)
            _check_by(doc, data, day, areas)
        _check_media(doc, data, registry)


def _flagged(doc: Document, path: Path) -> bool:
    """A field that already has a message (a future date, say) gets no second one from here."""
    return any(d.field == dotted(path) for d in doc.diagnostics)


def _check_nominations(doc: Document, data: dict[str, Any], campaign: Any, registry: DatedRegistry) -> None:
    for i, nomination in enumerate(data.get("nominations") or ()):
        if not isinstance(nomination, dict):
            continue
        level, when = nomination.get("level"), _day(nomination.get("date"))
        if level not in campaign.nomination_levels:
            doc.problem("campaign.nomination_level", ("nominations", i, "level"), value=level,
                        campaign=campaign.id, allowed=", ".join(campaign.nomination_levels) or "—")
        elif when and not _lives(registry.levels[level], when):
            doc.problem("campaign.nomination_ended", ("nominations", i, "date"), value=when.isoformat(),
                        level=registry.levels[level].name)


def _check_unit_life(doc: Document, data: dict[str, Any], day: date, registry: DatedRegistry) -> None:
    """The unit lived on the recognition date, or — the one exception — the work was done while
    it lived (the period's end or the first step on or before its last day)."""
    unit = registry.units.get(data.get("unit"))
    if unit is None or _lives(unit, day):
        return
    period = data.get("period") if isinstance(data.get("period"), dict) else {}
    steps = [s for s in data.get("steps") or () if isinstance(s, dict)]
    worked = [d for d in (_day(period.get("end")), _day(steps[0].get("date")) if steps else None) if d]
    if any(_lives(unit, d) for d in worked):
        return
    doc.problem("unit.not_alive", ("unit",), value=unit.id, day=day.isoformat(),
                start=unit.start.isoformat() if unit.start else "—",
                until=unit.until.isoformat() if unit.until else "—")


class _Areas:
    """The registry's areas by folded name, and which lived on a day: every exemplar asks, and
    a province has hundreds of areas."""

    def __init__(self, registry: DatedRegistry) -> None:
        self.folded = [(area, area.name.casefold()) for area in registry.areas.values()]
        self._living: dict[date, set[str]] = {}

    def living(self, day: date) -> set[str]:
        if day not in self._living:
            self._living[day] = {name for area, name in self.folded if _lives(area, day)}
        return self._living[day]


def _check_by(doc: Document, data: dict[str, Any], day: date, areas: _Areas) -> None:
    """A warning when `recognition.by` names an area that had ended by the recognition date."""
    by = data["recognition"].get("by")
    if not isinstance(by, str):
        return
    folded = by.casefold()
    for area, name in areas.folded:
        if area.until and area.until < day and name in folded and name not in areas.living(day):
            doc.problem("recognition.by_ended", ("recognition", "by"), severity=Severity.WARNING,
                        area=area.name, until=area.until.isoformat())
            return


def _check_media(doc: Document, data: dict[str, Any], registry: DatedRegistry) -> None:
    """A warning when an outlet is cited on a day it did not exist."""
    for i, item in enumerate(data.get("media") or ()):
        if not isinstance(item, dict) or not isinstance(item.get("outlet"), str):
            continue
        outlet, when = registry.outlet(item["outlet"]), _day(item.get("date"))
        if outlet is not None and when and not _lives(outlet, when):
            doc.problem("media.outlet_dead", ("media", i, "outlet"), severity=Severity.WARNING,
                        value=outlet.name, day=when.isoformat())

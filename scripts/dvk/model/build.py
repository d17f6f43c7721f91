"""Checked data → the model: `build_registry` and `build_exemplar`."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from .campaign import Campaign, Participants, Plan, Recognizer, Review, Steps, Target
from .domain import (
    Act,
    Area,
    Category,
    Contact,
    Criterion,
    Exemplar,
    FieldOfWork,
    FormerName,
    Group,
    Level,
    MediaAppearance,
    Nomination,
    Outlet,
    Period,
    Person,
    Photo,
    Recognition,
    Span,
    Step,
    Unit,
)
from .registry import Column, Registry


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def _former(items: list[dict[str, Any]] | None) -> tuple[FormerName, ...]:
    return tuple(FormerName(i["name"], _date(i.get("until"))) for i in items or ())


def _spans(entry: dict[str, Any], one: str, many: str) -> tuple[Span, ...]:
    """`parent: x` (for the whole life) or `parents: [{id, from, until}]`, as dated spans."""
    if entry.get(one):
        return (Span(entry[one], _date(entry.get("from")), _date(entry.get("until"))),)
    return tuple(Span(s["id"], _date(s.get("from")) or _date(entry.get("from")),
                      _date(s.get("until")) or _date(entry.get("until")))
                 for s in entry.get(many) or ())


def _history(entry: dict[str, Any]) -> dict[str, Any]:
    """The dated fields every unit and area shares (`Dated`: from, until, by, successor, ended)."""
    succession = entry.get("merged_into") or entry.get("renamed_to") or {}
    return {"start": _date(entry.get("from")), "until": _date(entry.get("until")), "by": entry.get("by"),
            "successor": succession.get("id"), "successor_by": succession.get("by"),
            "ended": "ended" in entry, "renamed_from": _former(entry.get("renamed_from"))}


def _period(span: dict[str, Any]) -> Period:
    return Period(date.fromisoformat(span["start"]), date.fromisoformat(span["end"]))


def _category(c: dict[str, Any]) -> Category:
    return Category(c["id"], c["title"], c["short"], c["description"])


def build_campaign(c: dict[str, Any]) -> Campaign:
    plan, lines, steps = c["plan"], c["lines"], c.get("steps")
    who = c.get("participants") or {"under": c["organiser"]}
    return Campaign(
        id=c["id"], name=c["name"], status=c["status"], period=_period(c["period"]),
        organiser=c["organiser"],
        plan=Plan(plan["number"], date.fromisoformat(plan["date"]), plan["issuer"], plan["title"],
                  plan.get("page"), plan.get("url"), tuple(b["number"] for b in plan.get("based_on", ()))),
        targets=tuple(Target(t["id"], t["label"], t["min"], t.get("source"), t.get("each") == "unit",
                             t.get("level"), tuple(t.get("types", ())), t.get("unit"), t.get("kind"),
                             tuple(t.get("categories", ())))
                      for t in c["targets"]),
        lines_name=lines["name"], categories=tuple(_category(x) for x in lines["categories"]),
        participants=Participants(who["under"], _date(who.get("as_of")), who.get("include_self", True)),
        short_name=c.get("short_name"), summary=c.get("summary"), sample=bool(c.get("sample")),
        closed_on=_date(c.get("closed_on")), area=c.get("area"), lines_source=lines.get("source"),
        steps=Steps(steps["name"], tuple(steps["items"]), steps.get("source")) if steps else None,
        nomination_levels=tuple(c.get("nomination_levels", ())),
        group_titles=tuple(c.get("group_titles", {}).items()),
        recognizers=tuple(Recognizer(r.get("unit"), r.get("name"), _date(r.get("from")), _date(r.get("until")))
                          for r in c.get("recognizers", ())),
        reviews=tuple(Review(r["kind"], r["name"], date.fromisoformat(r["date"]), _period(r["window"]))
                      for r in c.get("reviews", ())),
    )


def build_registry(docs: dict[str, Any], today: date | None = None) -> Registry:
    """The registry from the checked data of every file in exemplars/ (file name → data)."""
    units_doc, site = docs["units.yml"], docs["site.yml"]
    levels = {lv["id"]: Level(lv["id"], lv["name"], lv["rank"], tuple(lv.get("area_kinds", ())),
                              lv.get("area_label", ""), _date(lv.get("from")), _date(lv.get("until")))
              for lv in sorted(units_doc["levels"], key=lambda lv: lv["rank"])}
    lowest = max(levels.values(), key=lambda lv: lv.rank).id
    areas = {a["id"]: Area(a["id"], a["name"], a["level"], _spans(a, "parent", "parents"),
                           tuple(a.get("also_formed_from", ())), **_history(a))
             for a in units_doc["areas"]}
    units = {}
    for u in units_doc["units"]:
        spans = _spans(u, "area", "areas")
        last = spans[-1].id if spans else None
        units[u["id"]] = Unit(
            u["id"], u["name"], u["level"], u["type"], spans, _spans(u, "parent", "parents"),
            u.get("office_phone"), last if last in areas and areas[last].level == lowest else None,
            **_history(u))
    campaigns = {c["id"]: build_campaign(c) for c in docs["campaigns.yml"]}
    column = site.get("column")
    registry = Registry(
        units=units, areas=areas,
        categories={c.id: c for campaign in campaigns.values() for c in campaign.categories},
        groups={g["id"]: Group(g["id"], g["title"], g["description"]) for g in docs["groups.yml"]},
        fields={f["id"]: FieldOfWork(f["id"], f["title"], f["description"]) for f in docs["fields.yml"]},
        levels=levels, types={t["id"]: t["name"] for t in units_doc.get("types", ())},
        acts={a["id"]: Act(a["id"], a["number"], a["kind"], a["issuer"], a.get("title"), _date(a.get("adopted")),
                           _date(a.get("in_force")), a.get("note"), a.get("url"))
              for a in units_doc.get("acts", ())},
        campaigns=campaigns,
        outlets={o["id"]: Outlet(o["id"], o["name"], o.get("kind"), tuple(o.get("aliases", ())), o.get("url"),
                                 _date(o.get("from")), _date(o.get("until")),
                                 (o.get("merged_into") or o.get("renamed_to") or {}).get("id"),
                                 _former(o.get("renamed_from")))
                 for o in docs.get("outlets.yml") or ()},
        default_campaign_id=site.get("default_campaign"),
        column=Column(column["name"], tuple(column["match"]),
                      tuple(Span(o["outlet"], _date(o.get("from")), _date(o.get("until")))
                            for o in column.get("outlets", ()))) if column else None,
        publishers=tuple(Span(p.get("unit") or p["name"], _date(p.get("from")), _date(p.get("until")))
                         for p in site["publishers"]),
        today=today,
    )
    # Today's units and areas: alive today and not succeeded by then (what the lists show as now).
    registry.units = {k: replace(u, is_current=registry.is_current(u)) for k, u in units.items()}
    registry.areas = {k: replace(a, is_current=registry.is_current(a)) for k, a in areas.items()}
    return registry


def build_exemplar(slug: str, source: str, folder: Path, data: dict[str, Any],
                   story: str, registry: Registry) -> Exemplar:
    rec = data["recognition"]
    period = data.get("period")
    person = data.get("person")
    contact = data.get("contact")
    return Exemplar(
        slug=slug,
        source=source,
        title=data["title"],
        kind=data["kind"],
        unit=data["unit"],
        campaign=registry.campaign_id(data.get("campaign")) or "",
        categories=tuple(data["categories"]),
        summary=data["summary"],
        recognition=Recognition(rec["decision"], date.fromisoformat(rec["date"]), rec["by"],
                                rec.get("form")),
        story=story,
        period=Period(date.fromisoformat(period["start"]), date.fromisoformat(period["end"]))
        if period else None,
        criteria=tuple(Criterion(c["name"], c["target"], c["result"], c["measure"])
                       for c in data.get("criteria", ())),
        person=Person(person["name"], person["position"]) if person else None,
        consent=_date(data.get("consent")),
        model=data.get("model"),
        fields=tuple(data.get("fields", ())),
        groups=tuple(data.get("groups", ())),
        learned_from=tuple(data.get("learned_from", ())),
        steps=tuple(sorted((Step(s["step"], date.fromisoformat(s["date"]), s.get("note"))
                            for s in data.get("steps", ())), key=lambda s: s.step)),
        nominations=tuple(Nomination(n["level"], date.fromisoformat(n["date"]), n.get("note"))
                          for n in data.get("nominations", ())),
        media=tuple(sorted((MediaAppearance(registry.outlet_name(m["outlet"], date.fromisoformat(m["date"])),
                                            m["title"], date.fromisoformat(m["date"]),
                                            m.get("programme"), m.get("url"),
                                            bool(registry.column and registry.column.airs(m.get("programme"))))
                            for m in data.get("media", ())), key=lambda m: m.date)),
        photos=tuple(Photo(p["file"], p["caption"], p["credit"], folder / p["file"])
                     for p in data.get("photos", ())),
        contact=Contact(contact.get("office"), contact.get("phone"), contact.get("email"))
        if contact else None,
        draft=bool(data.get("draft", False)),
    )

"""Checked data → the model: `build_registry` and `build_exemplar`."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from .domain import (
    Category,
    Commune,
    Contact,
    Criterion,
    Exemplar,
    FieldOfWork,
    FormerName,
    Group,
    MediaAppearance,
    Nomination,
    Period,
    Person,
    Photo,
    Recognition,
    Step,
    Unit,
)
from .registry import Registry


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def _former(items: list[dict[str, Any]] | None) -> tuple[FormerName, ...]:
    return tuple(FormerName(i["name"], _date(i.get("until"))) for i in items or ())


def build_registry(units_doc: dict[str, Any], categories: list[dict[str, Any]],
                   groups: list[dict[str, Any]], fields: list[dict[str, Any]]) -> Registry:
    communes = {
        c["id"]: Commune(c["id"], c["name"], c.get("merged_into"), _date(c.get("merged_on")),
                         _former(c.get("renamed_from")))
        for c in units_doc.get("communes", [])
    }
    units = {
        u["id"]: Unit(u["id"], u["name"], u["level"], u["type"], u.get("commune"), u.get("parent"),
                      u.get("merged_into"), _date(u.get("merged_on")), _former(u.get("renamed_from")),
                      u.get("office_phone"))
        for u in units_doc["units"]
    }
    return Registry(
        communes=communes,
        units=units,
        categories={c["id"]: Category(c["id"], c["title"], c["short"], c["description"])
                    for c in categories},
        groups={g["id"]: Group(g["id"], g["title"], g["description"]) for g in groups},
        fields={f["id"]: FieldOfWork(f["id"], f["title"], f["description"]) for f in fields},
    )


def build_exemplar(slug: str, source: str, folder: Path, data: dict[str, Any],
                   story: str) -> Exemplar:
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
        media=tuple(sorted((MediaAppearance(m["outlet"], m["title"], date.fromisoformat(m["date"]),
                                            m.get("programme"), m.get("url"))
                            for m in data.get("media", ())), key=lambda m: m.date)),
        photos=tuple(Photo(p["file"], p["caption"], p["credit"], folder / p["file"])
                     for p in data.get("photos", ())),
        contact=Contact(contact.get("office"), contact.get("phone"), contact.get("email"))
        if contact else None,
        draft=bool(data.get("draft", False)),
    )

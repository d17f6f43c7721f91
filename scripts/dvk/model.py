"""The domain, as plain data: what a checked exemplar file and the registries mean.

Nothing here reads files or knows about MkDocs; `build_*` functions turn data that has already
passed the checker into these objects, and `Catalog` holds the indexes every page needs, built
once so that no page has to scan the whole list (no O(N²) builds).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal, TypeVar

from .collate import sort_key

Kind = Literal["collective", "individual"]
Level = Literal["huyen", "xa"]

KIND_NAMES = {"collective": "Tập thể", "individual": "Cá nhân"}
LEVEL_NAMES = {"huyen": "Cấp huyện", "xa": "Cấp xã"}
STEP_NAMES = {  # the five steps of Plan 330-KH/TU, as Plan 58-KH/BDVHU words them
    1: "Xây dựng “điển hình”",
    2: "Tuyên truyền, nhân rộng “điển hình”",
    3: "Tổ chức học tập các “điển hình”",
    4: "Bình xét, đánh giá việc học và làm theo, bắt kịp và vượt qua “điển hình”",
    5: "Quyết định công nhận kết quả bắt kịp và vượt qua “điển hình”",
}
COLUMN = "dân vận khéo"  # an airing on this programme marks an exemplar as aired


@dataclass(frozen=True)
class FormerName:
    name: str
    until: date | None = None


@dataclass(frozen=True)
class Commune:
    id: str
    name: str
    merged_into: str | None = None
    merged_on: date | None = None
    renamed_from: tuple[FormerName, ...] = ()


@dataclass(frozen=True)
class Unit:
    id: str
    name: str
    level: Level
    type: str
    commune: str | None = None
    parent: str | None = None
    merged_into: str | None = None
    merged_on: date | None = None
    renamed_from: tuple[FormerName, ...] = ()

    @property
    def is_current(self) -> bool:
        return self.merged_into is None

    def name_on(self, day: date) -> str:
        """The name the unit bore on a day: a former name until its `until` date, then the next."""
        for former in sorted((f for f in self.renamed_from if f.until), key=lambda f: f.until or day):
            if former.until and day <= former.until:
                return former.name
        return self.name


@dataclass(frozen=True)
class Category:
    """One line of "Hai chân – Ba mũi"."""

    id: str
    title: str
    short: str
    description: str


@dataclass(frozen=True)
class Group:
    id: str
    title: str
    description: str


@dataclass(frozen=True)
class FieldOfWork:
    """A lĩnh vực, as emulation records across the country use them."""

    id: str
    title: str
    description: str


@dataclass(frozen=True)
class Recognition:
    decision: str
    date: date
    by: str
    form: str | None = None


@dataclass(frozen=True)
class Period:
    start: date
    end: date


@dataclass(frozen=True)
class Criterion:
    name: str
    target: float
    result: float
    measure: str

    @property
    def percent(self) -> float:
        return 100.0 * self.result / self.target


@dataclass(frozen=True)
class Person:
    name: str
    position: str


@dataclass(frozen=True)
class Step:
    step: int
    date: date
    note: str | None = None


@dataclass(frozen=True)
class Nomination:
    level: Literal["huyen", "tinh"]
    date: date
    note: str | None = None


@dataclass(frozen=True)
class MediaAppearance:
    outlet: str
    title: str
    date: date
    programme: str | None = None
    url: str | None = None

    @property
    def is_column_airing(self) -> bool:
        return COLUMN in (self.programme or "").casefold()


@dataclass(frozen=True)
class Photo:
    file: str
    caption: str
    credit: str
    source: Path


@dataclass(frozen=True)
class Contact:
    office: str | None = None
    phone: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class Exemplar:
    slug: str
    source: str  # path relative to the project, for messages and "edit this page"
    title: str
    kind: Kind
    unit: str
    categories: tuple[str, ...]
    summary: str
    recognition: Recognition
    story: str  # Markdown as the contributor wrote it; rendered safely by `render`
    period: Period | None = None
    criteria: tuple[Criterion, ...] = ()
    person: Person | None = None
    consent: date | None = None
    model: str | None = None
    fields: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    learned_from: tuple[str, ...] = ()
    steps: tuple[Step, ...] = ()
    nominations: tuple[Nomination, ...] = ()
    media: tuple[MediaAppearance, ...] = ()
    photos: tuple[Photo, ...] = ()
    contact: Contact | None = None
    draft: bool = False

    @property
    def current_step(self) -> Step | None:
        return max(self.steps, key=lambda s: (s.date, s.step)) if self.steps else None

    @property
    def last_airing(self) -> date | None:
        airings = [m.date for m in self.media if m.is_column_airing]
        return max(airings) if airings else None


Merged = TypeVar("Merged", Unit, Commune)


def _follow_mergers(entries: dict[str, Merged], start: str) -> Merged:
    entry = entries[start]
    seen = {entry.id}
    while entry.merged_into and entry.merged_into not in seen:  # a cycle stops, never loops
        seen.add(entry.merged_into)
        entry = entries[entry.merged_into]
    return entry


@dataclass
class Registry:
    communes: dict[str, Commune]
    units: dict[str, Unit]
    categories: dict[str, Category]
    groups: dict[str, Group]
    fields: dict[str, FieldOfWork]

    def current_unit(self, unit_id: str) -> Unit:
        """Follow `merged_into` to the unit that carries this one's work today."""
        return _follow_mergers(self.units, unit_id)

    def current_commune(self, commune_id: str) -> Commune:
        """Follow `merged_into` to the commune that administers this one's area today."""
        return _follow_mergers(self.communes, commune_id)

    def commune_of(self, unit_id: str) -> Commune | None:
        """Today's commune of a unit's area (None for district-level units)."""
        unit = self.units[unit_id]
        return self.current_commune(unit.commune) if unit.commune else None


@dataclass
class Catalog:
    """The published exemplars and every index the pages need, computed once."""

    registry: Registry
    exemplars: list[Exemplar]  # published, sorted by title in Vietnamese order
    by_slug: dict[str, Exemplar] = field(default_factory=dict)
    by_unit: dict[str, list[Exemplar]] = field(default_factory=dict)  # under the current unit
    by_category: dict[str, list[Exemplar]] = field(default_factory=dict)
    by_group: dict[str, list[Exemplar]] = field(default_factory=dict)
    by_field: dict[str, list[Exemplar]] = field(default_factory=dict)
    by_commune: dict[str, list[Exemplar]] = field(default_factory=dict)  # under today's commune
    by_kind: dict[str, list[Exemplar]] = field(default_factory=dict)
    replicated_by: dict[str, list[Exemplar]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        indexes: dict[str, defaultdict[str, list[Exemplar]]] = {
            name: defaultdict(list)
            for name in ("by_unit", "by_category", "by_group", "by_field", "by_commune", "by_kind",
                         "replicated_by")
        }
        for ex in self.exemplars:
            self.by_slug[ex.slug] = ex
            indexes["by_unit"][self.registry.current_unit(ex.unit).id].append(ex)
            indexes["by_kind"][ex.kind].append(ex)
            commune = self.registry.commune_of(ex.unit)
            if commune:
                indexes["by_commune"][commune.id].append(ex)
            for key, values in (("by_category", ex.categories), ("by_group", ex.groups),
                                ("by_field", ex.fields), ("replicated_by", ex.learned_from)):
                for value in values:
                    indexes[key][value].append(ex)
        for name, index in indexes.items():
            setattr(self, name, dict(index))

    def newest(self, count: int) -> list[Exemplar]:
        ranked = sorted(self.exemplars, key=lambda e: e.slug)
        ranked.sort(key=lambda e: e.recognition.date, reverse=True)
        return ranked[:count]


def by_title(exemplars: list[Exemplar]) -> list[Exemplar]:
    return sorted(exemplars, key=lambda e: (sort_key(e.title), e.slug))


# --- building from checked data -------------------------------------------------------------

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
                      u.get("merged_into"), _date(u.get("merged_on")), _former(u.get("renamed_from")))
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

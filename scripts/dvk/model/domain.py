"""The domain, as plain data: what a checked exemplar file and the registries mean.

Nothing here reads files or knows about MkDocs; `model.build` turns data that has already
passed the checker into these objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from pathlib import Path
from typing import Literal

from ..schema import EXEMPLAR, labels

Kind = Literal["collective", "individual"]

KIND_NAMES = labels(EXEMPLAR, "/properties/kind")


def hashed_once(self: object) -> int:
    """A frozen record's hash, computed once per object: a preview keys every page by the
    exemplars and units it shows (`pages.Memo`), at every page of every build. (The objects
    never leave the process, whose hashes of text would differ.)"""
    try:
        return self.__dict__["_hash"]  # type: ignore[no-any-return]
    except KeyError:
        value = hash(tuple(getattr(self, f.name) for f in fields(self)))  # type: ignore[arg-type]
        object.__setattr__(self, "_hash", value)
        return value


def lives(start: date | None, until: date | None, day: date) -> bool:
    """Whether something dated `from`–`until` (both days counted in; open ends) lives on `day`:
    the one reading of the convention every dated registry entry follows."""
    return (start is None or start <= day) and (until is None or day <= until)


@dataclass(frozen=True)
class FormerName:
    name: str
    until: date | None = None


def name_on(name: str, former: tuple[FormerName, ...], day: date) -> str:
    """The name borne on a day: a former name until its `until` date, then the next."""
    for old in sorted((f for f in former if f.until), key=lambda f: f.until or day):
        if old.until and day <= old.until:
            return old.name
    return name


@dataclass(frozen=True)
class Span:
    """A reference that holds for a time: an area or a parent during `start`–`until`."""

    id: str
    start: date | None = None
    until: date | None = None


def span_on(spans: tuple[Span, ...], day: date) -> str | None:
    """The id a dated list gives for `day`: the period that covers it, else the nearest before
    (after an end) or the first (before a start)."""
    for span in spans:
        if lives(span.start, span.until, day):
            return span.id
    earlier = [s for s in spans if s.until and s.until < day]
    return (earlier[-1] if earlier else spans[0]).id if spans else None


@dataclass(frozen=True)
class Level:
    """A level of the system (units.yml: levels): its name is data, and it may end."""

    id: str
    name: str
    rank: int  # 1 = the top
    area_kinds: tuple[str, ...] = ()
    area_label: str = ""
    start: date | None = None
    until: date | None = None


@dataclass(frozen=True)
class Act:
    """A legal act that formed, merged, renamed or ended units and areas."""

    id: str
    number: str
    kind: str
    issuer: str
    title: str | None = None
    adopted: date | None = None
    in_force: date | None = None
    note: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Dated:
    """What every unit and area shares: a name, a life from `start` to `until` (the last day,
    counted in), the act that began it, and what became of it: a successor (merged into or
    renamed to, from the day after `until`) or an end with none. `is_current` is set at build:
    alive on the registry's today and not succeeded by then (today's units and areas)."""

    id: str
    name: str
    start: date | None = field(default=None, kw_only=True)
    until: date | None = field(default=None, kw_only=True)
    by: str | None = field(default=None, kw_only=True)
    successor: str | None = field(default=None, kw_only=True)
    successor_by: str | None = field(default=None, kw_only=True)
    ended: bool = field(default=False, kw_only=True)  # ended with no successor in the registry
    renamed_from: tuple[FormerName, ...] = field(default=(), kw_only=True)
    is_current: bool = field(default=True, kw_only=True)

    @property
    def merged_into(self) -> str | None:
        """The successor, once the work has passed to it (by the registry's today)."""
        return None if self.is_current else self.successor

    @property
    def merged_on(self) -> date | None:
        return self.until + timedelta(days=1) if self.until and self.merged_into else None

    def lives_on(self, day: date) -> bool:
        return lives(self.start, self.until, day)

    def name_on(self, day: date) -> str:
        return name_on(self.name, self.renamed_from, day)


@dataclass(frozen=True)
class Area(Dated):
    """An administrative area (province, district, commune) with its history."""

    level: str  # a level id (units.yml: levels)
    parents: tuple[Span, ...] = ()
    also_formed_from: tuple[str, ...] = ()


Commune = Area  # the pages' word for an area of the lowest level


@dataclass(frozen=True)
class Unit(Dated):
    __hash__ = hashed_once
    level: str  # a level id (units.yml: levels)
    type: str
    areas: tuple[Span, ...] = ()
    parents: tuple[Span, ...] = ()
    office_phone: str | None = None  # the office's number as the registry lists it (public)
    commune: str | None = None  # its latest area when that is of the lowest level (pages read it)

    @property
    def parent(self) -> str | None:
        return self.parents[-1].id if self.parents else None

    def area_on(self, day: date) -> str | None:
        return span_on(self.areas, day)

    def parent_on(self, day: date) -> str | None:
        return span_on(self.parents, day)


@dataclass(frozen=True)
class Outlet:
    """A newspaper, broadcaster or news site, with its names by date."""

    id: str
    name: str
    kind: str | None = None
    aliases: tuple[str, ...] = ()
    url: str | None = None
    start: date | None = None
    until: date | None = None
    successor: str | None = None
    renamed_from: tuple[FormerName, ...] = ()

    def lives_on(self, day: date) -> bool:
        return lives(self.start, self.until, day)

    def name_on(self, day: date) -> str:
        return name_on(self.name, self.renamed_from, day)


@dataclass(frozen=True)
class Category:
    """One line of a campaign's family of lines (campaigns.yml: lines)."""

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


MAX_PERCENT = 1e6  # shown as "1.000.000%": finite, and no run of digits an identity number could be


@dataclass(frozen=True)
class Criterion:
    name: str
    target: float
    result: float
    measure: str

    @property
    def percent(self) -> float:
        # The schema bounds both numbers (0 < target, result ≤ 1e12), but a tiny target can
        # still make the ratio overflow to infinity, which no page can print.
        return min(100.0 * self.result / self.target, MAX_PERCENT)


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
    level: str  # a level id (units.yml: levels)
    date: date
    note: str | None = None


@dataclass(frozen=True)
class MediaAppearance:
    outlet: str
    title: str
    date: date
    programme: str | None = None
    url: str | None = None
    is_column_airing: bool = False  # on the site's column (site.yml: column.match), set at build


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
    __hash__ = hashed_once
    slug: str
    source: str  # path relative to the project, for messages and "edit this page"
    title: str
    kind: Kind
    unit: str
    campaign: str  # the campaign it belongs to: its `campaign:`, else the site's default
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

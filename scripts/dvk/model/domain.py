"""The domain, as plain data: what a checked exemplar file and the registries mean.

Nothing here reads files or knows about MkDocs; `model.build` turns data that has already
passed the checker into these objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from ..schema import EXEMPLAR, REGISTRIES, labels

Kind = Literal["collective", "individual"]
Level = Literal["huyen", "xa"]

# One label table per vocabulary, read from the schema that defines the vocabulary.
KIND_NAMES = labels(EXEMPLAR, "/properties/kind")
LEVEL_NAMES = labels(REGISTRIES, "/$defs/units/properties/units/items/properties/level")
NOMINATION_LEVELS = labels(EXEMPLAR, "/properties/nominations/items/properties/level")
STEP_NAMES = {int(n): name for n, name in labels(EXEMPLAR, "/properties/steps/items/properties/step").items()}
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
    office_phone: str | None = None  # the office's number as the registry lists it (public)

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


MAX_PERCENT = 1e15


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

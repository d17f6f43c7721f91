"""A campaign (campaigns.yml) as data: its plan, period, targets, lines, steps, recognizers and
reviews. The software keeps only its own words: open or closed, so-ket or tong-ket, each unit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .domain import Category, Period, hashed_once


@dataclass(frozen=True)
class Plan:
    number: str
    date: date
    issuer: str
    title: str
    page: str | None = None  # the plan's text as a content page, e.g. "ke-hoach-58.md"
    url: str | None = None
    based_on: tuple[str, ...] = ()  # the numbers of the acts above it


@dataclass(frozen=True)
class Participants:
    """The units that must meet a per-unit target: `under` and every unit below it, standing on
    `as_of` (None: the last day of the window looked at)."""

    under: str
    as_of: date | None = None
    include_self: bool = True


@dataclass(frozen=True)
class Target:
    """One target as the plan states it: a minimum over the exemplars the filters keep, or, with
    `each_unit`, a minimum for every participating unit the filters keep."""

    id: str
    label: str
    min: int
    source: str | None = None
    each_unit: bool = False
    level: str | None = None
    types: tuple[str, ...] = ()
    unit: str | None = None
    kind: str | None = None
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class Steps:
    name: str
    items: tuple[str, ...]
    source: str | None = None


@dataclass(frozen=True)
class Recognizer:
    unit: str | None = None
    name: str | None = None
    start: date | None = None
    until: date | None = None


@dataclass(frozen=True)
class Review:
    kind: str  # so-ket | tong-ket | khac
    name: str
    date: date
    window: Period


@dataclass(frozen=True)
class Campaign:
    __hash__ = hashed_once
    id: str
    name: str
    status: str  # open | closed
    period: Period
    organiser: str
    plan: Plan
    targets: tuple[Target, ...]
    lines_name: str
    categories: tuple[Category, ...]
    participants: Participants
    short_name: str | None = None
    summary: str | None = None
    sample: bool = False
    closed_on: date | None = None
    area: str | None = None
    lines_source: str | None = None
    steps: Steps | None = None
    nomination_levels: tuple[str, ...] = ()
    group_titles: tuple[tuple[str, str], ...] = ()
    recognizers: tuple[Recognizer, ...] = ()
    reviews: tuple[Review, ...] = ()

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    @property
    def last_day(self) -> date:
        """The last day an exemplar of the campaign can be recognized."""
        return self.closed_on or self.period.end

    @property
    def step_names(self) -> dict[int, str]:
        return {n: name for n, name in enumerate(self.steps.items if self.steps else (), start=1)}

    def covers(self, day: date) -> bool:
        return self.period.start <= day <= self.last_day

    def review(self, kind: str) -> Review | None:
        """The campaign's last review of a kind (so-ket, tong-ket)."""
        found = [r for r in self.reviews if r.kind == kind]
        return found[-1] if found else None

"""The registries: units, communes, categories, groups, fields; and how mergers are followed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from .domain import Category, Commune, FieldOfWork, Group, Unit

Merging = TypeVar("Merging", Unit, Commune)


def merged_by(entry: Unit | Commune, on: date | None) -> bool:
    """Whether `entry` had merged into another by day `on` (by today when None)."""
    return entry.merged_into is not None and (on is None or entry.merged_on is None or entry.merged_on <= on)


def standing(entries: Mapping[str, Merging], start: str, on: date | None = None) -> Merging:
    """The entry that carries `start`'s work on day `on` (today when None), following mergers.
    The one rule for units and communes alike; a cycle in the data stops, never loops."""
    entry = entries[start]
    seen = {entry.id}
    while entry.merged_into and entry.merged_into not in seen and merged_by(entry, on):
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

    @property
    def office_phones(self) -> dict[str, str]:
        """The office numbers the registry lists, by unit id: public by design."""
        return {u.id: u.office_phone for u in self.units.values() if u.office_phone}

    def current_unit(self, unit_id: str) -> Unit:
        """The unit that carries this one's work today."""
        return standing(self.units, unit_id)

    def current_commune(self, commune_id: str) -> Commune:
        """The commune that administers this one's area today."""
        return standing(self.communes, commune_id)

    def commune_of(self, unit_id: str) -> Commune | None:
        """Today's commune of a unit's area (None for district-level units)."""
        unit = self.units[unit_id]
        return self.current_commune(unit.commune) if unit.commune else None

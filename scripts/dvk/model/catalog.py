"""The published exemplars with every index the pages need, built once (no O(N²) builds)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..text.collate import sort_key
from .domain import Exemplar
from .registry import Registry


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
        return newest_first(self.exemplars)[:count]


def newest_first(exemplars: list[Exemplar]) -> list[Exemplar]:
    """The newest recognition first; the same day in slug order, so the order is stable."""
    ranked = sorted(exemplars, key=lambda e: e.slug)
    ranked.sort(key=lambda e: e.recognition.date, reverse=True)
    return ranked


def by_title(exemplars: list[Exemplar]) -> list[Exemplar]:
    return sorted(exemplars, key=lambda e: (sort_key(e.title), e.slug))



"""By commune: today's communes with the units and exemplars of their area, the former ones as
history (lineage), and their old addresses (`/xa/<old-id>/` leads to the commune of today)."""

from __future__ import annotations

from collections.abc import Iterator

from .. import urls
from ..model import Commune, Registry
from ..text.collate import Key, sort_key
from ..text.formats import vi_short_date
from .base import Site, SiteFile
from .paging import exemplar_pages
from .redirects import redirect


def proper_name(registry: Registry, commune: Commune) -> str:
    """A commune's name without the word of its kind ("xã", "phường": its level's `area_kinds`),
    as readers look it up."""
    level = registry.levels.get(commune.level)
    for kind in sorted(level.area_kinds if level else (), key=len, reverse=True):
        if commune.name.casefold().startswith(kind.casefold() + " "):
            return commune.name[len(kind) + 1:]
    return commune.name


def commune_key(registry: Registry, commune: Commune) -> Key:
    return sort_key(proper_name(registry, commune))


def files(site: Site) -> Iterator[SiteFile]:
    registry, catalog = site.registry, site.catalog
    def key(commune: Commune) -> Key:
        return commune_key(registry, commune)
    current = sorted((c for c in registry.communes.values() if c.is_current), key=key)
    former = sorted((c for c in registry.communes.values() if not c.is_current), key=key)
    yield site.render("xa/index.md", "communes.html.j2", communes=current, former=former,
                      counts={c.id: len(catalog.by_commune.get(c.id, [])) for c in current})
    for commune in current:
        units = sorted((u for u in registry.units.values()
                        if u.is_current and u.commune and registry.current_commune(u.commune).id == commune.id),
                       key=lambda u: sort_key(u.name))
        yield from exemplar_pages(site, urls.commune(commune.id), "commune.html.j2",
                                  catalog.by_commune.get(commune.id, []), commune=commune, units=units,
                                  absorbed=[c for c in former if registry.current_commune(c.id).id == commune.id])
    for old in former:
        now = registry.current_commune(old.id)
        if now.id == old.id:
            continue  # ended with no successor: no commune of today to lead to
        note = f"{old.name} đã nhập vào {now.name}" + (
            f" từ ngày {vi_short_date(old.merged_on)}." if old.merged_on else ".")
        yield redirect(site, urls.commune(old.id), old.name, urls.commune(now.id), now.name, note)

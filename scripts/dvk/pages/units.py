"""Units: today's by level, the former ones as history with their lineage; a page for every unit
that still has one (today's, and those that ended with no one to carry their work), and the old
addresses of units whose work passed to a successor lead to the unit that carries it today."""

from __future__ import annotations

from collections.abc import Iterator

from .. import urls
from ..model import Registry, Unit
from ..text.collate import sort_key
from ..text.formats import vi_short_date
from .base import Site, SiteFile
from .paging import exemplar_pages
from .redirects import redirect


def passed_on(registry: Registry, unit: Unit) -> bool:
    """A former unit whose work a unit of today carries: its address leads there."""
    return not unit.is_current and registry.current_unit(unit.id).id != unit.id


def files(site: Site) -> Iterator[SiteFile]:
    registry, catalog = site.registry, site.catalog
    current = [u for u in registry.units.values() if u.is_current]
    levels = {level: units for level in registry.levels
              if (units := sorted((u for u in current if u.level == level), key=lambda u: sort_key(u.name)))}
    former = sorted((u for u in registry.units.values() if not u.is_current),
                    key=lambda u: (sort_key(u.name), u.id))
    yield site.render("don-vi/index.md", "units.html.j2", levels=levels, former=former,
                      counts={u: len(catalog.by_unit.get(u, [])) for u in registry.units})
    for unit in sorted(registry.units.values(), key=lambda u: u.id):
        if passed_on(registry, unit):
            continue
        commune = registry.communes.get(unit.commune or "")
        line = registry.former_note(unit.id) or (
            registry.level_names.get(unit.level, unit.level) + (f" · {commune.name}" if commune else ""))
        image, card = site.card(urls.unit(unit.id), unit.name, line)
        yield from exemplar_pages(site, urls.unit(unit.id), "unit.html.j2", catalog.by_unit.get(unit.id, []),
                                  unit=unit, absorbed=[u for u in former if u.id != unit.id
                                              and registry.current_unit(u.id).id == unit.id],
                                  image=image)
        yield card


def redirect_files(site: Site) -> Iterator[SiteFile]:
    """Units merged in a reorganisation keep their URL: `/don-vi/<old-id>/` leads to the unit
    that carries their work today."""
    registry = site.registry
    for old in sorted((u for u in registry.units.values() if passed_on(registry, u)), key=lambda u: u.id):
        now = registry.current_unit(old.id)
        note = f"{old.name} đã sáp nhập vào {registry.units[old.successor or now.id].name}" + (
            f" từ ngày {vi_short_date(old.merged_on)}." if old.merged_on else ".")
        if old.successor != now.id:
            note += f" Nay thuộc {now.name}."
        note += " Các điển hình của đơn vị cũ nay được giới thiệu ở trang đơn vị mới."
        yield redirect(site, urls.unit(old.id), old.name, urls.unit(now.id), now.name, note)
        # its social card stays too: a post that shared the old page keeps its picture
        yield site.card(urls.unit(old.id), old.name, registry.former_note(old.id) or now.name)[1]

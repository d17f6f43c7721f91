"""Units by level, one page per unit standing today, and the old addresses of merged units."""

from __future__ import annotations

from collections.abc import Iterator

from .. import urls
from ..model import LEVEL_NAMES
from ..text.collate import sort_key
from ..text.formats import vi_short_date
from .base import Site, SiteFile
from .redirects import redirect


def files(site: Site) -> Iterator[SiteFile]:
    registry, catalog = site.registry, site.catalog
    current = [u for u in registry.units.values() if u.is_current]
    levels = {level: sorted((u for u in current if u.level == level), key=lambda u: sort_key(u.name))
              for level in LEVEL_NAMES}
    former = sorted((u for u in registry.units.values() if not u.is_current), key=lambda u: sort_key(u.name))
    yield site.render("don-vi/index.md", "units.html.j2", levels=levels, former=former,
                      counts={u: len(catalog.by_unit.get(u, [])) for u in registry.units})
    for unit in current:
        commune = registry.communes.get(unit.commune or "")
        image, card = site.card(urls.unit(unit.id), unit.name,
                                LEVEL_NAMES[unit.level] + (f" · {commune.name}" if commune else ""))
        yield site.render(urls.unit(unit.id), "unit.html.j2", unit=unit,
                          exemplars=catalog.by_unit.get(unit.id, []),
                          absorbed=[u for u in former if registry.current_unit(u.id).id == unit.id],
                          image=image)
        yield card


def redirect_files(site: Site) -> Iterator[SiteFile]:
    """Units merged in a reorganisation keep their URL: `/don-vi/<old-id>/` leads to the unit
    that carries their work today."""
    registry = site.registry
    for old in sorted((u for u in registry.units.values() if not u.is_current), key=lambda u: u.id):
        now = registry.current_unit(old.id)
        note = f"{old.name} đã sáp nhập vào {now.name}" + (
            f" từ ngày {vi_short_date(old.merged_on)}." if old.merged_on else ".")
        note += " Các điển hình của đơn vị cũ nay được giới thiệu ở trang đơn vị mới."
        yield redirect(site, urls.unit(old.id), old.name, urls.unit(now.id), now.name, note)

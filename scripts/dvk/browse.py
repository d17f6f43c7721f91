"""More ways in: by commune and by kind; and the old addresses of merged units and communes.

Units and communes merged in the reorganisation keep their URL: `/don-vi/<old-id>/` and
`/xa/<old-id>/` become small redirect pages (meta refresh + canonical + a visible link), so a
link printed in 2024 still lands on the unit or commune that carries the work today.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from . import urls
from .collate import Key, sort_key
from .model import KIND_NAMES, Commune
from .render import vi_date

if TYPE_CHECKING:  # pages lists these families, so it imports this module, not the reverse
    from .pages import Site, SiteFile

# "xã", "thị trấn", "phường" name the kind of commune; readers look a commune up by its proper name.
_ADMIN_PREFIX = re.compile(r"^(xã|thị trấn|phường|thị xã)\s+", re.IGNORECASE)


def commune_key(commune: Commune) -> Key:
    return sort_key(_ADMIN_PREFIX.sub("", commune.name))


def commune_pages(site: Site) -> Iterator[SiteFile]:
    registry, catalog = site.registry, site.catalog
    current = sorted((c for c in registry.communes.values() if c.merged_into is None), key=commune_key)
    former = sorted((c for c in registry.communes.values() if c.merged_into), key=commune_key)
    yield site.render("xa/index.md", "communes.md.j2", communes=current, former=former,
                      counts={c.id: len(catalog.by_commune.get(c.id, [])) for c in current})
    for commune in current:
        units = sorted((u for u in registry.units.values()
                        if u.is_current and u.commune and registry.current_commune(u.commune).id == commune.id),
                       key=lambda u: sort_key(u.name))
        yield site.render(urls.commune(commune.id), "commune.md.j2", commune=commune, units=units,
                          absorbed=[c for c in former if registry.current_commune(c.id).id == commune.id],
                          exemplars=catalog.by_commune.get(commune.id, []))
    for old in former:
        now = registry.current_commune(old.id)
        note = f"{old.name} đã nhập vào {now.name}" + (f" từ {vi_date(old.merged_on)}." if old.merged_on else ".")
        yield redirect(site, urls.commune(old.id), old.name, urls.commune(now.id), now.name, note)


def kind_pages(site: Site) -> Iterator[SiteFile]:
    kinds = sorted(KIND_NAMES, key=lambda k: sort_key(KIND_NAMES[k]))
    yield site.render("loai/index.md", "kinds.md.j2", kinds=kinds,
                      counts={k: len(site.catalog.by_kind.get(k, [])) for k in kinds})
    for kind in kinds:
        yield site.render(urls.kind(kind), "kind.md.j2", kind=kind,
                          exemplars=site.catalog.by_kind.get(kind, []))


def unit_redirect_pages(site: Site) -> Iterator[SiteFile]:
    registry = site.registry
    for old in sorted((u for u in registry.units.values() if not u.is_current), key=lambda u: u.id):
        now = registry.current_unit(old.id)
        note = f"{old.name} đã sáp nhập vào {now.name}" + (
            f" từ {vi_date(old.merged_on)}." if old.merged_on else ".")
        note += " Các điển hình của đơn vị cũ nay được giới thiệu ở trang đơn vị mới."
        yield redirect(site, urls.unit(old.id), old.name, urls.unit(now.id), now.name, note)


def redirect(site: Site, path: str, old_name: str, target: str, target_name: str, note: str) -> SiteFile:
    return site.render(path, "redirect.md.j2", old_name=old_name, target=target,
                       target_name=target_name, note=note,
                       redirect=urls.relative(path, urls.served(target)),
                       canonical=urls.directory(target))

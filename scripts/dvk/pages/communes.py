"""By commune: today's communes with the units and exemplars of their area, and the old
addresses of merged communes (`/xa/<old-id>/` leads to the commune that absorbed it)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import urls
from ..model import Commune
from ..text.collate import Key, sort_key
from ..text.formats import vi_short_date
from .base import Site, SiteFile
from .redirects import redirect

# "xã", "thị trấn", "phường" name the kind of commune; readers look a commune up by its proper name.
_ADMIN_PREFIX = re.compile(r"^(xã|thị trấn|phường|thị xã)\s+", re.IGNORECASE)


def commune_key(commune: Commune) -> Key:
    return sort_key(_ADMIN_PREFIX.sub("", commune.name))


def files(site: Site) -> Iterator[SiteFile]:
    registry, catalog = site.registry, site.catalog
    current = sorted((c for c in registry.communes.values() if c.is_current), key=commune_key)
    former = sorted((c for c in registry.communes.values() if not c.is_current), key=commune_key)
    yield site.render("xa/index.md", "communes.html.j2", communes=current, former=former,
                      counts={c.id: len(catalog.by_commune.get(c.id, [])) for c in current})
    for commune in current:
        units = sorted((u for u in registry.units.values()
                        if u.is_current and u.commune and registry.current_commune(u.commune).id == commune.id),
                       key=lambda u: sort_key(u.name))
        yield site.render(urls.commune(commune.id), "commune.html.j2", commune=commune, units=units,
                          absorbed=[c for c in former if registry.current_commune(c.id).id == commune.id],
                          exemplars=catalog.by_commune.get(commune.id, []))
    for old in former:
        now = registry.current_commune(old.id)
        note = f"{old.name} đã nhập vào {now.name}" + (
            f" từ ngày {vi_short_date(old.merged_on)}." if old.merged_on else ".")
        yield redirect(site, urls.commune(old.id), old.name, urls.commune(now.id), now.name, note)

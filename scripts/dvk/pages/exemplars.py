"""One page per exemplar, its social card and its photos; and the list of them all."""

from __future__ import annotations

from collections.abc import Iterator

from .. import urls
from ..media import photos
from ..media.photos import PhotoFile
from ..model import by_title
from .base import Asset, Site, SiteFile
from .paging import exemplar_pages


def files(site: Site) -> Iterator[SiteFile]:
    catalog, registry = site.catalog, site.registry
    yield from exemplar_pages(site, "dien-hinh/index.md", "exemplars.html.j2", catalog.exemplars)
    # previous and next within today's unit, in the order its page lists them
    neighbours = {ex.slug: (siblings[i - 1] if i else None, siblings[i + 1] if i + 1 < len(siblings) else None)
                  for siblings in catalog.by_unit.values() for i, ex in enumerate(siblings)}
    for ex in catalog.exemplars:
        path = urls.exemplar(ex.slug)
        previous, following = neighbours[ex.slug]
        current = registry.current_unit(ex.unit)
        line = registry.former_note(ex.unit) or registry.units[ex.unit].name
        image, card = site.card(path, ex.title, line, ex.photos[0].source if ex.photos else None)
        yield site.render(path, "exemplar.html.j2", ex=ex, unit=site.unit_of(ex), current=current,
                          campaign=site.campaign_of(ex),
                          commune=registry.commune_of(ex.unit), previous=previous, next=following,
                          learned_from=[catalog.by_slug[slug] for slug in ex.learned_from],
                          replicated_by=by_title(catalog.replicated_by.get(ex.slug, [])),
                          image=image)
        yield card
        for photo in ex.photos:
            for name in photos.cache_files(photo.source):
                yield Asset(urls.beside(path, name), PhotoFile(photo.source, name))

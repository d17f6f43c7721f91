"""One page per exemplar, its social card and its photos; and the list of them all."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from .. import urls
from ..media import photos
from ..media.photos import PhotoFile
from ..model import Exemplar, by_title
from .base import Asset, Site, SiteFile
from .paging import exemplar_pages


def files(site: Site) -> Iterator[SiteFile]:
    catalog = site.catalog
    yield from exemplar_pages(site, "dien-hinh/index.md", "exemplars.html.j2", catalog.exemplars)
    # previous and next within today's unit, in the order its page lists them
    neighbours = {ex.slug: (siblings[i - 1] if i else None, siblings[i + 1] if i + 1 < len(siblings) else None)
                  for siblings in catalog.by_unit.values() for i, ex in enumerate(siblings)}
    for ex in catalog.exemplars:
        previous, following = neighbours[ex.slug]
        learned_from = [catalog.by_slug[slug] for slug in ex.learned_from]
        replicated_by = by_title(catalog.replicated_by.get(ex.slug, []))
        # What else shows here (its unit, campaign, commune; the card's line) is the registry's
        # and the settings', which a preview's memo keeps nothing across: an exemplar's files are
        # taken whole from the last build when these are as they were, the very same objects,
        # which the made files and the private-data scan then know at once.
        yield from site.kept(partial(_own_files, site, ex, previous, following, learned_from, replicated_by),
                             "exemplar", ex, previous, following, learned_from, replicated_by)


def _own_files(site: Site, ex: Exemplar, previous: Exemplar | None, following: Exemplar | None,
               learned_from: list[Exemplar], replicated_by: list[Exemplar]) -> list[SiteFile]:
    """An exemplar's page, its social card and its photos."""
    registry = site.registry
    path = urls.exemplar(ex.slug)
    line = registry.former_note(ex.unit) or registry.units[ex.unit].name
    image, card = site.card(path, ex.title, line, ex.photos[0].source if ex.photos else None)
    page = site.render(path, "exemplar.html.j2", ex=ex, unit=site.unit_of(ex), current=registry.current_unit(ex.unit),
                       campaign=site.campaign_of(ex), commune=registry.commune_of(ex.unit), previous=previous,
                       next=following, learned_from=learned_from, replicated_by=replicated_by, image=image)
    return [page, card, *(Asset(urls.beside(path, name), PhotoFile(photo.source, name))
                          for photo in ex.photos for name in photos.cache_files(photo.source))]

"""By kind: collective and individual exemplars, each on a page of its own."""

from __future__ import annotations

from collections.abc import Iterator

from .. import urls
from ..model import KIND_NAMES
from ..text.collate import sort_key
from .base import Site, SiteFile
from .paging import exemplar_pages


def files(site: Site) -> Iterator[SiteFile]:
    kinds = sorted(KIND_NAMES, key=lambda k: sort_key(KIND_NAMES[k]))
    yield site.render("loai/index.md", "kinds.html.j2", kinds=kinds,
                      counts={k: len(site.catalog.by_kind.get(k, [])) for k in kinds})
    for kind in kinds:
        yield from exemplar_pages(site, urls.kind(kind), "kind.html.j2", site.catalog.by_kind.get(kind, []), kind=kind)

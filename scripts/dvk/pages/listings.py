"""Categories (nội dung thi đua), groups and fields: a title, a description, the exemplars."""

from __future__ import annotations

from collections.abc import Iterator

from .. import urls
from ..text.collate import sort_key
from .base import Site, SiteFile
from .paging import exemplar_pages


def files(site: Site) -> Iterator[SiteFile]:
    registry, catalog = site.registry, site.catalog
    families = (
        ("noi-dung/index.md", urls.category, registry.lines_title,
         list(registry.categories.values()), catalog.by_category, False),
        ("nhom/index.md", urls.group, "Nhóm điển hình",
         list(registry.groups.values()), catalog.by_group, True),
        ("linh-vuc/index.md", urls.field, "Lĩnh vực",
         list(registry.fields.values()), catalog.by_field, True),
    )
    for index_path, url_of, title, entries, index, sort in families:
        if sort:
            entries.sort(key=lambda e: sort_key(e.title))
        yield site.render(index_path, "listings.html.j2", title=title, entries=entries,
                          url_of=url_of, counts={e.id: len(index.get(e.id, [])) for e in entries})
        for entry in entries:
            heading = f"{entry.title}: {entry.short}" if hasattr(entry, "short") else entry.title
            image, card = site.card(url_of(entry.id), heading, title)
            yield from exemplar_pages(site, url_of(entry.id), "listing.html.j2", index.get(entry.id, []),
                                      entry=entry, image=image, family_title=title, family_path=index_path)
            yield card

"""Stage 4, pages: the model → site files, as (path, Markdown) pages and copied assets.

This is the product's core output. It knows nothing about MkDocs: the hook hands these files
to MkDocs in memory, and `dvk export-markdown` writes them to disk for any other engine.

Templates (templates/*.md.j2) print every value escaped for Markdown and HTML unless the value
is `Markup` — our own links and the sanitised story — so forgetting a filter is safe. A macro's
output is already escaped inside, so its call takes `| safe`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from . import browse, feeds, fieldref, opendata, photos, search, storydesk, urls
from .cards import FILE_NAME as CARD_FILE
from .cards import Card
from .charts import bar_chart
from .collate import sort_key
from .model import KIND_NAMES, LEVEL_NAMES, STEP_NAMES, Catalog, Exemplar, Unit, by_title
from .photos import PhotoFile
from .render import attribute, inline, number, safe_url, story_html, vi_date, vi_short_date
from .stats import Statistics
from .storydesk import Kit


@dataclass(frozen=True)
class Page:
    path: str  # docs-relative, e.g. "dien-hinh/<slug>/index.md"
    markdown: str


@dataclass(frozen=True)
class Asset:
    """A file of the site that is not a page: copied from `source`, or generated `data`."""

    path: str  # docs-relative destination
    source: Path | PhotoFile | Card | Kit | None = None  # a file copied, or one `media.make` makes ...
    data: bytes | None = None  # ... or bytes made at build time (CSV, SVG, …)


SiteFile = Page | Asset


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return inline(value)


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("dvk", "templates"),
        finalize=_finalize,
        autoescape=False,  # escaping for Markdown is `_finalize`'s job, not HTML autoescape
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        vi_date=vi_date, short_date=vi_short_date, number=number,
        kind_name=KIND_NAMES.__getitem__, level_name=LEVEL_NAMES.__getitem__,
        attr=lambda text: Markup(attribute(text)),
        url=lambda link: Markup(safe_url(link)),
    )
    env.globals.update(STEP_NAMES=STEP_NAMES, front_matter=front_matter)
    return env


@lru_cache(maxsize=65536)
def _story(source: str, images: tuple[tuple[str, str], ...]) -> Markup:
    """Rendering and sanitising is the costliest step per page; a preview rebuild reuses it."""
    return Markup(story_html(source, dict(images)))


def front_matter(**values: Any) -> Markup:
    """YAML front matter; JSON scalars are valid YAML and need no further quoting rules."""
    lines = ["---"]
    for key, value in values.items():
        if value is not None:
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    lines.append("---")
    return Markup("\n".join(lines) + "\n")


class Site:
    """Renders the pages of one catalog; each `*_pages` method yields one family of pages."""

    def __init__(self, catalog: Catalog, *, site_url: str | None = None,
                 content: Mapping[str, str] | None = None, directory_urls: bool = True) -> None:
        self.catalog = catalog
        self.registry = catalog.registry
        self.site_url = site_url  # feeds and open data need absolute links; None: no feeds
        self.content = content or {}  # hand-written pages (docs path → Markdown), for search
        self.directory_urls = directory_urls  # False for a copy opened from a folder (file://)

    def render(self, path: str, template: str, **context: Any) -> Page:
        def href(target: str) -> Markup:
            return Markup(urls.relative(path, target))

        # A page with feeds of its own (a unit, a category) links them in its text. Only the
        # site-wide feeds go in the head: Material fetches `sitemap.xml` beside every
        # <link rel=alternate>, and there is none beside a unit's feed.
        own_feeds = urls.feeds(path) if path in self.feed_pages else None
        markdown = _environment().get_template(template).render(
            catalog=self.catalog, registry=self.registry, href=href, urls=urls,
            unit_of=self.unit_of, story=self.story, rendition=photos.rendition, sizes=photos.SIZES,
            front_matter=front_matter, own_feeds=own_feeds, **context)
        return Page(path, markdown)

    @cached_property
    def feed_pages(self) -> set[str]:
        return feeds.feed_pages(self)

    @staticmethod
    def card(page: str, card: Card) -> tuple[str, Asset]:
        """The page's social card: its docs-relative path (front matter `image:`) and the asset."""
        image = urls.beside(page, CARD_FILE)
        return image, Asset(image, card)

    def unit_of(self, exemplar: Exemplar) -> Unit:
        return self.registry.units[exemplar.unit]

    @staticmethod
    def story(exemplar: Exemplar) -> Markup:
        images = tuple((p.file, photos.published_name(p.source, p.file)) for p in exemplar.photos)
        return _story(exemplar.story, images)

    # --- families of pages --------------------------------------------------------------

    def home_pages(self) -> Iterator[SiteFile]:
        yield self.render("index.md", "home.md.j2", newest=self.catalog.newest(6),
                          progress=self.progress())

    def exemplar_pages(self) -> Iterator[SiteFile]:
        yield self.render("dien-hinh/index.md", "exemplars.md.j2",
                          exemplars=self.catalog.exemplars)
        # previous and next within today's unit, in the order its page lists them
        neighbours = {ex.slug: (siblings[i - 1] if i else None, siblings[i + 1] if i + 1 < len(siblings) else None)
                      for siblings in self.catalog.by_unit.values() for i, ex in enumerate(siblings)}
        for ex in self.catalog.exemplars:
            path = urls.exemplar(ex.slug)
            previous, following = neighbours[ex.slug]
            current = self.registry.current_unit(ex.unit)
            image, card = self.card(path, Card(ex.title, current.name,
                                               ex.photos[0].source if ex.photos else None))
            yield self.render(path, "exemplar.md.j2", ex=ex, unit=self.unit_of(ex), current=current,
                              commune=self.registry.commune_of(ex.unit), previous=previous, next=following,
                              replicated_by=by_title(self.catalog.replicated_by.get(ex.slug, [])),
                              image=image)
            yield card
            for photo in ex.photos:
                for name in photos.cache_files(photo.source):
                    yield Asset(urls.beside(path, name), PhotoFile(photo.source, name))

    def search_files(self) -> Iterator[SiteFile]:
        for path, data in search.search_files(self.catalog, self.content, self.directory_urls):
            yield Asset(path, data=data)

    def unit_pages(self) -> Iterator[SiteFile]:
        current = [u for u in self.registry.units.values() if u.is_current]
        levels = {level: sorted((u for u in current if u.level == level),
                                key=lambda u: sort_key(u.name))
                  for level in ("huyen", "xa")}
        former = sorted((u for u in self.registry.units.values() if not u.is_current),
                        key=lambda u: sort_key(u.name))
        yield self.render("don-vi/index.md", "units.md.j2", levels=levels, former=former,
                          counts={u: len(self.catalog.by_unit.get(u, [])) for u in self.registry.units})
        for unit in current:
            commune = self.registry.communes.get(unit.commune or "")
            image, card = self.card(urls.unit(unit.id), Card(
                unit.name, LEVEL_NAMES[unit.level] + (f" · {commune.name}" if commune else "")))
            yield self.render(urls.unit(unit.id), "unit.md.j2", unit=unit,
                              exemplars=self.catalog.by_unit.get(unit.id, []),
                              absorbed=[u for u in former
                                        if self.registry.current_unit(u.id).id == unit.id],
                              image=image)
            yield card

    def listing_pages(self) -> Iterator[SiteFile]:
        """Categories (nội dung), groups and fields: a title, a description, the exemplars."""
        families = (
            ("noi-dung/index.md", urls.category, "Nội dung thi đua “Hai chân – Ba mũi”",
             list(self.registry.categories.values()), self.catalog.by_category, False),
            ("nhom/index.md", urls.group, "Nhóm điển hình",
             list(self.registry.groups.values()), self.catalog.by_group, True),
            ("linh-vuc/index.md", urls.field, "Lĩnh vực",
             list(self.registry.fields.values()), self.catalog.by_field, True),
        )
        for index_path, url_of, title, entries, index, sort in families:
            if sort:
                entries.sort(key=lambda e: sort_key(e.title))
            yield self.render(index_path, "listings.md.j2", title=title, entries=entries,
                              url_of=url_of, counts={e.id: len(index.get(e.id, [])) for e in entries})
            for entry in entries:
                heading = f"{entry.title}: {entry.short}" if hasattr(entry, "short") else entry.title
                image, card = self.card(url_of(entry.id), Card(heading, title))
                yield self.render(url_of(entry.id), "listing.md.j2", entry=entry,
                                  exemplars=index.get(entry.id, []), image=image)
                yield card

    def statistics_pages(self) -> Iterator[SiteFile]:
        """/thong-ke/: every count with its chart and table, and each table as CSV beside it."""
        stats = Statistics(self.catalog)
        tables = stats.page_tables()
        yield self.render("thong-ke/index.md", "statistics.md.j2", stats=stats, tables=tables,
                          chart=lambda table: Markup(bar_chart(table)),
                          table_md=lambda table: Markup(table.markdown(
                              lambda target: urls.relative("thong-ke/index.md", target))),
                          csv_path=lambda table: urls.beside("thong-ke/index.md", f"{table.key}.csv"))
        for table in tables:
            yield Asset(urls.beside("thong-ke/index.md", f"{table.key}.csv"), data=table.csv())

    def progress(self) -> dict[str, int]:
        return Statistics(self.catalog).progress()


# Every family of pages, in the order they are generated. Later stages add theirs here.
FAMILIES: tuple[Callable[[Site], Iterable[SiteFile]], ...] = (
    Site.home_pages, Site.exemplar_pages, Site.unit_pages, Site.listing_pages,
    Site.statistics_pages,
    browse.commune_pages, browse.kind_pages, browse.unit_redirect_pages,
    storydesk.desk_pages, storydesk.story_kit_files, feeds.feed_files, opendata.open_data_files,
    fieldref.field_reference_pages, Site.search_files,
)


def generate(catalog: Catalog, *, site_url: str | None = None, content: Mapping[str, str] | None = None,
             directory_urls: bool = True) -> list[SiteFile]:
    site = Site(catalog, site_url=site_url, content=content, directory_urls=directory_urls)
    return [file for family in FAMILIES for file in family(site)]

"""What every family of pages shares: the files a family yields and the context it renders in.

A family is a module of this package with one function, `files(site)`, that yields `Page`s and
`Asset`s; `pages/__init__.py` lists the families once. Templates (templates/*.md.j2) print every
value escaped for Markdown and HTML unless the value is `Markup` — our own links and the
sanitised story — so forgetting a filter is safe. A macro's output is already escaped inside, so
its call takes `| safe`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from .. import urls
from ..media import photos
from ..media.cards import FILE_NAME as CARD_FILE
from ..media.cards import Card
from ..media.kit import Kit
from ..media.photos import PhotoFile
from ..model import KIND_NAMES, LEVEL_NAMES, STEP_NAMES, Catalog, Exemplar, Registry, Unit
from ..settings import Settings
from ..text.escape import attribute, inline, safe_url
from ..text.formats import number, vi_date, vi_short_date
from ..text.story import story_html


@dataclass(frozen=True)
class Page:
    path: str  # docs-relative, e.g. "dien-hinh/<slug>/index.md"
    markdown: str


@dataclass(frozen=True)
class Asset:
    """A file of the site that is not a page: copied from `source`, or generated `data`."""

    path: str  # docs-relative destination
    source: Path | PhotoFile | Card | Kit | None = None  # a file copied, or one `site.make` makes ...
    data: bytes | None = None  # ... or bytes made at build time (CSV, SVG, …)


SiteFile = Page | Asset


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return inline(value)


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("dvk.pages", "templates"),
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


@dataclass
class Site:
    """The context every family renders in: the catalog, the settings, the shared helpers."""

    catalog: Catalog
    settings: Settings
    content: Mapping[str, str] = field(default_factory=dict)  # hand-written pages (docs path → Markdown)
    feed_pages: frozenset[str] = frozenset()  # pages with feeds of their own, linked in their text

    @property
    def registry(self) -> Registry:
        return self.catalog.registry

    def render(self, path: str, template: str, **context: Any) -> Page:
        def href(target: str) -> Markup:
            return Markup(urls.relative(path, target))

        # A page with feeds of its own (a unit, a category) links them in its text. Only the
        # site-wide feeds go in the head: Material fetches `sitemap.xml` beside every
        # <link rel=alternate>, and there is none beside a unit's feed.
        own_feeds = urls.feeds(path) if path in self.feed_pages else None
        markdown = _environment().get_template(template).render(
            catalog=self.catalog, registry=self.registry, settings=self.settings, href=href, urls=urls,
            unit_of=self.unit_of, story=self.story, rendition=photos.rendition, sizes=photos.SIZES,
            front_matter=front_matter, own_feeds=own_feeds, **context)
        return Page(path, markdown)

    def card(self, page: str, title: str, line: str, photo: Path | None = None) -> tuple[str, Asset]:
        """The page's social card: its docs-relative path (front matter `image:`) and the asset."""
        image = urls.beside(page, CARD_FILE)
        return image, Asset(image, Card(title, line, self.settings.card_line, photo))

    def unit_of(self, exemplar: Exemplar) -> Unit:
        return self.registry.units[exemplar.unit]

    @staticmethod
    def story(exemplar: Exemplar) -> Markup:
        images = tuple((p.file, photos.published_name(p.source, p.file)) for p in exemplar.photos)
        return _story(exemplar.story, images)

"""What every family of pages shares: the files a family yields and the context it renders in.

A family is a module of this package with one function, `files(site)`, that yields `Page`s and
`Asset`s; `pages/__init__.py` lists the families once. A page is finished HTML: templates
(templates/*.html.j2) autoescape every value unless it is `Markup` (the sanitised story, the
charts), so HTML escaping is the one mechanism for contributor text, and no engine ever parses
that text as Markdown. A template states its front matter as `{% set meta = dict(...) %}`.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
import zlib
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from .. import urls
from ..media import photos
from ..media.cards import FILE_NAME as CARD_FILE
from ..media.cards import Card
from ..media.photos import PhotoFile
from ..model import KIND_NAMES, Campaign, Catalog, Exemplar, Registry, Unit
from ..settings import Settings
from ..text.escape import safe_url
from ..text.formats import number, vi_short_date
from ..text.slugs import slugify
from ..text.story import story_html


def pack(data: bytes) -> bytes:
    """What a site file holds until it is written: its bytes compressed. A build holds every
    file at once (the private-data scan reads them all before any is published), and 10,000
    exemplars' pages and data are 700 MB as text but a tenth of that packed."""
    return zlib.compress(data, 1)


def pack_pieces(pieces: Iterable[bytes]) -> bytes:
    """`pack` of the bytes `pieces` hold, never holding them whole."""
    packer = zlib.compressobj(1)
    return b"".join([*(packer.compress(piece) for piece in pieces), packer.flush()])


def unpack(packed: bytes) -> bytes:
    return zlib.decompress(packed)


@dataclass(frozen=True)
class Page:
    """A generated page: its front matter for the theme and its finished HTML body."""

    path: str  # docs-relative, e.g. "dien-hinh/<slug>/index.md"
    meta: Mapping[str, Any]  # title, description, template, image, …: plain text
    packed: bytes  # the HTML body in UTF-8, `pack`ed
    titled: bool = False  # the body has its own <h1> (else the theme prints the title as one)

    @classmethod
    def of(cls, path: str, meta: Mapping[str, Any], html: str) -> Page:
        return cls(path, meta, pack(html.encode("utf-8")), "<h1" in html)

    @property
    def html(self) -> str:
        return unpack(self.packed).decode("utf-8")

    @cached_property
    def digest(self) -> str:
        """Of everything the page is (its address, front matter and body): the private-data scan
        and the preview ask it of every page of every build, and a page a preview kept is the
        same object as before."""
        return _digest(self.path.encode(), repr(sorted(self.meta.items())).encode(), self.packed)

    def front_matter(self) -> str:
        """YAML front matter in ASCII: JSON scalars are valid YAML, and escaped to ASCII no
        character (a noncharacter, a control character) can break the engine's YAML reader.
        Text is HTML-escaped here because the theme prints `page.meta` values as they are."""
        lines = ["---"]
        for key, value in self.meta.items():
            if value is not None:
                lines.append(f"{key}: {_yaml_scalar(escape(value) if isinstance(value, str) else value)}")
        lines.append("---")
        return "\n".join(lines) + "\n"


# JSON writes a character beyond the BMP as a surrogate pair, which YAML reads as two lone
# surrogates; YAML's own escape is \UXXXXXXXX. (An escaped backslash is matched first and kept.)
_SURROGATES = re.compile(r"(\\\\)|\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})")


def _yaml_scalar(value: Any) -> str:
    def astral(match: re.Match[str]) -> str:
        if match.group(1):
            return match.group(1)
        high, low = int(match.group(2), 16), int(match.group(3), 16)
        return f"\\U{0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00):08X}"
    return _SURROGATES.sub(astral, json.dumps(value, ensure_ascii=True))


@dataclass(frozen=True)
class Asset:
    """A file of the site that is not a page: copied from `source`, or generated `data`."""

    path: str  # docs-relative destination
    source: Path | PhotoFile | Card | None = None  # a file copied, or one `site.make` makes ...
    packed: bytes | None = None  # ... or bytes made at build time (CSV, SVG, …), `pack`ed
    # An HTML file outside the theme gets the site's Content-Security-Policy like every page;
    # `policy` adds sources per directive that this file alone needs (the web form's bundle).
    policy: tuple[tuple[str, str], ...] = ()
    # Third-party code copied as published (the web form's bundle, pinned by package-lock.json):
    # made from no file of the project, so the private-data scan reads its name only.
    vendored: bool = False

    @classmethod
    def made(cls, path: str, data: bytes, policy: tuple[tuple[str, str], ...] = ()) -> Asset:
        return cls(path, packed=pack(data), policy=policy)

    @classmethod
    def made_of(cls, path: str, pieces: Iterable[bytes]) -> Asset:
        """A large file made from its `pieces` (`pack_pieces`)."""
        return cls(path, packed=pack_pieces(pieces))

    @property
    def data(self) -> bytes | None:
        return None if self.packed is None else unpack(self.packed)

    @cached_property
    def digest(self) -> str | None:
        """Of the address and the bytes made (as `Page.digest`); None for a file copied or made
        later, whose bytes are not here."""
        return None if self.packed is None else _digest(self.path.encode(), self.packed)


def _digest(*parts: bytes) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.hexdigest()


SiteFile = Page | Asset


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("dvk.pages", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        short_date=vi_short_date, number=number, slug=slugify,
        kind_name=KIND_NAMES.__getitem__, level_name=_level_name, url=safe_url,
    )
    return env


@jinja2.pass_context
def _level_name(context: jinja2.runtime.Context, level: str) -> str:
    """A level's name is the registry's (units.yml: levels): read from the page's own registry."""
    return context["registry"].level_names.get(level, level)


@lru_cache(maxsize=65536)
def _story(source: str, images: tuple[tuple[str, str], ...]) -> Markup:
    """Rendering and sanitising is the costliest step per page; a preview rebuild reuses it."""
    return Markup(story_html(source, dict(images)))


_ROOT = "\x00root\x00/"  # in a row rendered once: where each page puts its way up to the root


class Memo:
    """What a build made, each thing under the values it was made from (the page's address, its
    template and every value handed to it; an exemplar's row; an exemplar's record), for the
    next build of a preview to take again instead of making it anew: after an edit to one
    exemplar, only what shows that exemplar is made again. Everything also reads the registries,
    the settings, the hand-written pages and the photos' sizes (`world`): when any of those
    changes, nothing is kept. What a build did not ask for is forgotten after it."""

    def __init__(self, lasting: bool = True) -> None:
        # A build without a next one (not a preview) keeps only what it asks for twice itself
        self.lasting = lasting
        self.world: object = None
        self._last: dict[Hashable, Any] = {}
        self._now: dict[Hashable, Any] = {}

    def begin(self, world: object) -> Memo:
        self._last = self._now if world == self.world else {}
        self._now = {}
        self.world = world
        return self

    def carried(self, name: str, make: Callable[[Any], Any]) -> Any:
        """`make(what it made in the last build)` (None in the first), kept for the next."""
        found = make(self._last.pop(("carried", name), None))
        if self.lasting:
            self._now[("carried", name)] = found
        return found

    def get(self, key: Hashable | None, make: Callable[[], Any], again: bool = False) -> Any:
        """What `make()` made under `key` in this build or the last, else `make()` now. A key
        that is None (values that cannot be compared) always makes; `again`: this build asks
        for it more than once."""
        if key is None or not (self.lasting or again):
            return make()
        found = self._now.get(key, _MISSING)
        if found is _MISSING:
            found = self._last.pop(key, _MISSING)
            self._now[key] = found = make() if found is _MISSING else found
        return found


_MISSING = object()


class _Key:
    """A page's key, hashed once: a key holds the page's every value (a list page, the dozens of
    exemplars it shows), and each lookup of a plain tuple would hash them all again."""

    __slots__ = ("hash", "parts")

    def __init__(self, parts: tuple[Any, ...]) -> None:
        self.parts = parts
        self.hash = hash(parts)

    def __hash__(self) -> int:
        return self.hash

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Key) and self.hash == other.hash and self.parts == other.parts


def _key(*parts: Any) -> Hashable | None:
    """`parts` as a key of the memo: lists and mappings as tuples; None if anything in them
    cannot be hashed (the memo then makes it every time)."""
    try:
        return _Key(_frozen(parts))
    except TypeError:
        return None


def _frozen(value: Any) -> Any:
    kind = _kinds.get(type(value)) or _kind(type(value))
    if kind == _SEQUENCE:
        return tuple(map(_frozen, value))
    if kind == _MAPPING:
        return tuple((name, _frozen(item)) for name, item in value.items())
    return value


_OTHER, _SEQUENCE, _MAPPING = 1, 2, 3
_kinds: dict[type, int] = {}  # a key holds tens of thousands of values, of a dozen types


def _kind(of: type) -> int:
    _kinds[of] = _SEQUENCE if issubclass(of, list | tuple) else _MAPPING if issubclass(of, Mapping) else _OTHER
    return _kinds[of]


@dataclass
class Site:
    """The context every family renders in: the catalog, the settings, the shared helpers."""

    catalog: Catalog
    settings: Settings
    content: Mapping[str, str] = field(default_factory=dict)  # hand-written pages (docs path → Markdown)
    feed_pages: frozenset[str] = frozenset()  # pages with feeds of their own, linked in their text
    memo: Memo = field(default_factory=Memo, repr=False)

    @property
    def registry(self) -> Registry:
        return self.catalog.registry

    def render(self, path: str, template: str, **context: Any) -> Page:
        # A page with feeds of its own (a unit, a category) links them in its text. Only the
        # site-wide feeds go in the head (theme/main.html), the one place feed readers look.
        own_feeds = urls.feeds(path) if path in self.feed_pages else None
        return self.memo.get(_key("page", path, template, own_feeds, context),
                             lambda: self._render(path, template, own_feeds, context))

    def _render(self, path: str, template: str, own_feeds: Any, context: dict[str, Any]) -> Page:
        def href(target: str) -> str:
            # Finished HTML: no engine rewrites `.md` targets, so link where the page is served.
            return urls.served(urls.relative(path, target), self.settings.directory_urls) or "./"

        def row(exemplar: Exemplar, show_unit: bool, extra: str) -> Markup:
            return self._row(exemplar, show_unit, extra, path)

        module = _environment().get_template(template).make_module(
            self._context(href, row=row, own_feeds=own_feeds, **context))
        return Page.of(path, dict(module.meta), str(module))

    def _context(self, href: Callable[[str], str], **context: Any) -> dict[str, Any]:
        # No `catalog`: a template sees only what its family hands it, which is what the memo
        # keys a page by.
        return dict(registry=self.registry, settings=self.settings, href=href, urls=urls,
                    unit_of=self.unit_of, campaign_of=self.campaign_of, story=self.story,
                    rendition=photos.rendition, sizes=photos.SIZES, **context)

    def _row(self, exemplar: Exemplar, show_unit: bool, extra: str, page: str) -> Markup:
        """An exemplar's row in a list, the same on every page of every list it is in but for
        the way up to the site's root: rendered once (with links from the root, behind `_ROOT`),
        then given each page's way up. An exemplar is in a dozen lists, each in two orders."""
        def from_root(target: str) -> str:
            return _ROOT + urls.served(target, self.settings.directory_urls)

        rendered = self.memo.get(("row", exemplar, show_unit, extra), lambda: _environment().get_template(
            "_row.html.j2").render(self._context(from_root, ex=exemplar, show_unit=show_unit, extra=extra)),
            again=True)
        folder = posixpath.dirname(page)
        return Markup(rendered.replace(_ROOT, "../" * (folder.count("/") + 1) if folder else ""))

    def once(self, what: str, exemplar: Exemplar, make: Callable[[], Any]) -> Any:
        """`make()` the first time `what` of `exemplar` is asked for (in this build, or in the
        last build of a preview if the exemplar is as it was), then as made."""
        return self.memo.get((what, exemplar), make, again=True)

    def carried(self, name: str, make: Callable[[Any], Any]) -> Any:
        """`make(what it made for `name` in the last build of a preview)`, or `make(None)`: for
        what is made anew in part, from what it was (the search index)."""
        return self.memo.carried(name, make)

    def kept(self, make: Callable[[], Any], *made_from: Any) -> Any:
        """`make()`, unless this build or the last made it from the same values `made_from`
        (the first names what is made)."""
        return self.memo.get(_key(*made_from), make)

    def card(self, page: str, title: str, line: str, photo: Path | None = None) -> tuple[str, Asset]:
        """The page's social card: its docs-relative path (front matter `image:`) and the asset."""
        image = urls.beside(page, CARD_FILE)
        return image, Asset(image, Card(title, line, self.settings.card_line, photo))

    def unit_of(self, exemplar: Exemplar) -> Unit:
        return self.registry.units[exemplar.unit]

    def campaign_of(self, exemplar: Exemplar) -> Campaign:
        return self.registry.campaigns[exemplar.campaign]

    @staticmethod
    def story(exemplar: Exemplar) -> Markup:
        images = tuple((p.file, photos.published_name(p.source, p.file)) for p in exemplar.photos)
        return _story(exemplar.story, images)

"""RSS 2.0 and Atom feeds of new recognitions: site-wide, per campaign, per category and per unit.

A feed is read outside the site, so every link is absolute (from `site_url`); without a site
address there are no feeds. Dates come from the data (the recognition date, at midnight in
Vietnam), never from the clock, so the same data gives the same bytes.

Each format is encoded for what reads it. Feed readers read an RSS `description` as HTML, so
contributor text goes in HTML-escaped (then XML-escaped by ElementTree): `<img onerror=…>` in a
summary reaches the reader as those characters, never as an element. Atom says what it holds:
its summary is `type="text"`. Titles are text in both (RSS 2.0 and Atom's default).
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from email.utils import format_datetime
from functools import partial

from .. import urls
from ..model import Catalog, Exemplar, newest_first
from ..settings import Settings
from ..text.formats import vi_short_date
from .base import Asset, Site, SiteFile

ATOM = "http://www.w3.org/2005/Atom"
ET.register_namespace("atom", ATOM)
VIETNAM = timezone(timedelta(hours=7))
ITEMS = 50  # newest recognitions per feed; the open data has them all


@dataclass(frozen=True)
class Feed:
    page: str  # the docs-relative page the feed follows; the feeds sit beside it
    title: str
    description: str
    exemplars: list[Exemplar]


def feeds_of(catalog: Catalog, settings: Settings) -> list[Feed]:
    """Every feed of the site: the whole site, each campaign, each category and each unit. A unit
    whose work passed to another keeps its feed's address, and it follows the unit of today."""
    registry, title = catalog.registry, settings.site_title
    found = [Feed("index.md", f"{title}: mới công nhận",
                  "Các tập thể, cá nhân điển hình mới được công nhận.", catalog.exemplars)]
    found += [Feed(urls.campaign(c.id), f"{title}: {c.name}", c.summary or c.name,
                   [e for e in catalog.exemplars if e.campaign == c.id]) for c in registry.campaigns.values()]
    found += [Feed(urls.category(c.id), f"{title}: {c.title} – {c.short}", c.description,
                   catalog.by_category.get(c.id, [])) for c in registry.categories.values()]
    for unit in registry.units.values():
        now = registry.current_unit(unit.id)
        found.append(Feed(urls.unit(unit.id), f"{title}: {now.name}",
                          f"Điển hình mới được công nhận của {now.name}.", catalog.by_unit.get(now.id, [])))
    return found


def feed_pages(catalog: Catalog, settings: Settings) -> frozenset[str]:
    """The pages that have feeds of their own (none without the site's address)."""
    return frozenset(feed.page for feed in feeds_of(catalog, settings)) if settings.site_url else frozenset()


def _moment(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=VIETNAM)


def _describe(site: Site, ex: Exemplar) -> str:
    unit = site.registry.current_unit(ex.unit)
    return (f"{ex.summary} – {unit.name}; quyết định {ex.recognition.decision}, "
            f"ngày {vi_short_date(ex.recognition.date)}.")


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = text
    return element


def _serialise(root: ET.Element) -> bytes:
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def rss(site: Site, feed: Feed, site_url: str) -> bytes:
    rss_path, _ = urls.feeds(feed.page)
    entries = newest_first(feed.exemplars)[:ITEMS]
    root = ET.Element("rss", {"version": "2.0"})
    channel = _sub(root, "channel")
    _sub(channel, "title", feed.title)
    _sub(channel, "link", urls.absolute(site_url, feed.page))
    _sub(channel, "description", html.escape(feed.description, quote=False))
    _sub(channel, "language", "vi")
    if entries:
        _sub(channel, "lastBuildDate", format_datetime(_moment(entries[0].recognition.date)))
    _sub(channel, f"{{{ATOM}}}link", href=urls.absolute(site_url, rss_path), rel="self",
         type="application/rss+xml")
    for ex in entries:
        link = urls.absolute(site_url, urls.exemplar(ex.slug))
        item = _sub(channel, "item")
        _sub(item, "title", ex.title)
        _sub(item, "link", link)
        _sub(item, "guid", link, isPermaLink="true")
        _sub(item, "pubDate", format_datetime(_moment(ex.recognition.date)))
        _sub(item, "description", html.escape(_describe(site, ex), quote=False))
        campaign = site.campaign_of(ex)
        _sub(item, "category", campaign.name, domain=urls.absolute(site_url, urls.campaign(campaign.id)))
        for category in ex.categories:
            _sub(item, "category", site.registry.categories[category].title)
    return _serialise(root)


def atom(site: Site, feed: Feed, site_url: str) -> bytes:
    _, atom_path = urls.feeds(feed.page)
    entries = newest_first(feed.exemplars)[:ITEMS]
    updated = entries[0].recognition.date if entries else site.registry.default_campaign.period.start
    # Atom as the default namespace, written out: ElementTree would prefix every tag otherwise.
    root = ET.Element("feed", {"xmlns": ATOM, "xml:lang": "vi"})
    _sub(root, "title", feed.title)
    _sub(root, "subtitle", feed.description, type="text")
    _sub(root, "id", urls.absolute(site_url, feed.page))
    _sub(root, "link", rel="alternate", type="text/html",
         href=urls.absolute(site_url, feed.page))
    _sub(root, "link", rel="self", type="application/atom+xml",
         href=urls.absolute(site_url, atom_path))
    _sub(root, "updated", _moment(updated).isoformat())
    _sub(_sub(root, "author"), "name", site.settings.publisher)
    for ex in entries:
        link = urls.absolute(site_url, urls.exemplar(ex.slug))
        entry = _sub(root, "entry")
        _sub(entry, "title", ex.title)
        _sub(entry, "id", link)
        _sub(entry, "link", rel="alternate", type="text/html", href=link)
        _sub(entry, "published", _moment(ex.recognition.date).isoformat())
        _sub(entry, "updated", _moment(ex.recognition.date).isoformat())
        _sub(entry, "summary", _describe(site, ex), type="text")
        campaign = site.campaign_of(ex)
        _sub(entry, "category", term=campaign.id, label=campaign.name,
             scheme=urls.absolute(site_url, urls.campaign(campaign.id)))
        for category in ex.categories:
            _sub(entry, "category", term=category,
                 label=site.registry.categories[category].title)
    return _serialise(root)


def files(site: Site) -> Iterator[SiteFile]:
    site_url = site.settings.site_url
    if not site_url:
        return
    for feed in feeds_of(site.catalog, site.settings):
        # A feed shows its newest entries only: it is made from them (and its own words)
        made_from = (feed.page, feed.title, feed.description, newest_first(feed.exemplars)[:ITEMS])
        for path, write in zip(urls.feeds(feed.page), (rss, atom), strict=True):
            yield site.kept(partial(_feed_file, path, write, site, feed, site_url), path, *made_from)


def _feed_file(path: str, write: Callable[[Site, Feed, str], bytes], site: Site, feed: Feed, site_url: str) -> Asset:
    return Asset.made(path, write(site, feed, site_url))

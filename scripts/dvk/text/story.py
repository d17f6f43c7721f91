"""The story: contributor Markdown → sanitised HTML, and what the sanitiser will remove.

`story_html` renders the Markdown, then an allow-list sanitiser (nh3/Ammonia) keeps only
harmless tags; links must be http(s) or mailto, images must be files from the exemplar's own
folder. Short fields never come here: the page templates' HTML escaping shows them as typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from html.parser import HTMLParser
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

STORY_TAGS = {
    "p", "br", "hr", "strong", "em", "b", "i", "u", "s", "sub", "sup", "mark", "small",
    "blockquote", "ul", "ol", "li", "code", "pre", "h3", "h4", "h5", "h6",
    "table", "thead", "tbody", "tr", "th", "td", "a", "img", "figure", "figcaption",
}
STORY_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title", "width", "height"},
                    "th": {"align"}, "td": {"align"}, "ol": {"start"}}
_SAFE_IMAGE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
URL_SCHEMES = {"http", "https", "mailto"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def _attribute_filter(images: Mapping[str, str] | None) -> Callable[[str, str, str], str | None]:
    """Keep attributes as they are, except an image: only a file of the exemplar's own folder,
    shown as the published file `images` names for it (the original is never published)."""
    def keep(tag: str, attr: str, value: str) -> str | None:
        if tag == "img" and attr == "src":
            if not _SAFE_IMAGE.match(value):
                return None
            return value if images is None else images.get(value)
        return value
    return keep


_TOP_LEVEL = 3  # the story sits in a section of the page (h1 the page, h2 the section)


class _HeadingLevels(Treeprocessor):
    """Headings as an outline under the page's own: the story's highest level becomes h3 and none
    goes more than one level deeper than the heading before it, so a story that opens with `##`
    or jumps from `#` to `###` never skips a level (assistive technology reads the outline)."""

    def run(self, root: Element) -> None:
        headings = [el for el in root.iter() if el.tag in _HEADINGS]
        ranks = {level: rank for rank, level in enumerate(sorted({int(el.tag[1]) for el in headings}))}
        previous = _TOP_LEVEL - 1
        for el in headings:
            level = min(_TOP_LEVEL + ranks[int(el.tag[1])], previous + 1, 6)
            el.tag = f"h{level}"
            previous = level


class _Outline(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_HeadingLevels(md), "dvk-heading-levels", 5)


@cache
def _markdown() -> markdown.Markdown:
    return markdown.Markdown(extensions=["tables", "sane_lists", _Outline()], output_format="html")


@lru_cache(maxsize=64)  # the checker asks twice per file (its reading, its findings), the build once
def _story_markup(source: str) -> str:
    md = _markdown()
    md.reset()
    return md.convert(source)


def story_html(source: str, images: Mapping[str, str] | None = None) -> str:
    return nh3.clean(
        _story_markup(source),
        tags=STORY_TAGS,
        attributes=STORY_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        attribute_filter=_attribute_filter(images),
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


_BLOCKS = {"p", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr", "ul", "ol", "figure", "hr"}


class _Text(HTMLParser):
    """The text of sanitised story HTML, with the breaks a reader sees."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "li":
            self.parts.append("\n\n- ")
        elif tag == "br":
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def story_text(html: str) -> str:
    """Plain text of a story as `story_html` publishes it: what open data and story kits carry,
    so markup a contributor wrote (a `<script>`, an `onerror`) never leaves as markup."""
    reader = _Text()
    reader.feed(html)
    reader.close()
    text = "".join(reader.parts)
    paragraphs = (" ".join(line.split()) for line in text.split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


@dataclass(frozen=True)
class StoryFinding:
    """Something in a story that `story_html` removes (tag, attribute, link) or must check (image)."""

    kind: str  # "tag" | "attribute" | "link" | "image"
    value: str


class _Inspector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[StoryFinding, None] = {}  # ordered set

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in STORY_TAGS:
            self.found[StoryFinding("tag", tag)] = None
            return
        allowed = STORY_ATTRIBUTES.get(tag, set())
        for name, value in attrs:
            if name not in allowed:
                self.found[StoryFinding("attribute", f"{tag} {name}")] = None
            elif tag == "a" and name == "href" and value and not _allowed_link(value):
                self.found[StoryFinding("link", value)] = None
            elif tag == "img" and name == "src":
                self.found[StoryFinding("image", value or "")] = None


def _allowed_link(link: str) -> bool:
    scheme = urlsplit(link.strip()).scheme.lower()
    return scheme in URL_SCHEMES or (not scheme and ":" not in link.split("/")[0])


def story_findings(source: str) -> list[StoryFinding]:
    """What the sanitiser will drop from a story, and the images it refers to, in order.

    The checker turns these into messages, so a contributor learns why part of the story
    does not show instead of finding it silently gone."""
    inspector = _Inspector()
    inspector.feed(_story_markup(source))
    inspector.close()
    return list(inspector.found)

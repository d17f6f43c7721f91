"""Search that forgives missing diacritics: a static index, chunked, readable from file://.

Why our own engine (measured; see SEARCH.md): Material's search folds nothing ("dan van kheo"
finds nothing), writes one index of 43.6 MB at 10,000 pages and runs in a Web Worker that
Chromium refuses from file://. Pagefind folds diacritics but loads its index with fetch() and
WebAssembly, which Chromium also refuses from file://. This index is plain JavaScript files
loaded with <script src> (allowed from file://), cut into small pieces so that a reader
downloads only the pieces a query needs.

The one rule of matching is `fold`: NFD, drop combining marks, đ → d, lower case. The index
keys are folded tokens; under each key the exact (lower-case) spellings are kept apart, so a
query typed with diacritics ranks exact spellings first. theme/assets/dvk-search.js folds the
query by the same rule; tests/search_fold_cases.json holds the cases both must agree on.

Files written (all under search/), each a call to `dvkSearch.*` so a <script> tag can load it:

* `search/index.js`  — `dvkSearch.index({docs, meta, chunks})`: the number of documents, the
  number of documents per metadata piece, the first token of every postings piece;
* `search/t<n>.js`    — `dvkSearch.postings(n, {token: {spelling: postings}})`, tokens sorted
  so that a prefix lives in one run of pieces; postings are sparse ([doc, score, …], doc numbers
  delta-encoded) or dense (one character per document), whichever is shorter (`postings`);
* `search/m<n>.js`    — `dvkSearch.meta(n, [[url, title, context, snippet], …])`.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Any

import yaml

from .. import urls
from ..model import Catalog, Exemplar
from .base import Asset, Site, SiteFile

# Field weights: a word in the title says more about a page than the same word in its story.
TITLE, MODEL, SUMMARY, PLACE, STORY = 10, 8, 4, 3, 1
MAX_SCORE = 74  # a score is one printable character in the dense form of postings:
_SCORE_CHARS = "".join(chr(c) for c in range(48, 48 + MAX_SCORE + 2) if c != 92)  # "0"…"{", no "\\"
REPEATS = 3  # a word counts at most this often in a story (once in a short field), so a long
#             page does not outweigh a title
POSTINGS_BYTES = 16_000  # a postings piece closes past this size (one very common word may exceed)
META_PER_PIECE = 16  # documents per metadata piece: ten results touch at most ten small files
SNIPPET_CHARS = 160

_TOKEN = re.compile(r"[^\W_]+")  # runs of letters and digits (JS: /[\p{L}\p{N}]+/gu)
# Link targets, tags, attributes. No span may hold its own opener, so each character is scanned
# by one attempt at most: with '<[^>]*>' every '<' left open scanned to the end (64 KB: 9 s).
_MARKUP = re.compile(r"\]\([^()]*\)|<[^<>]*>|\{[^{}\n]*\}|[#*_`>|]")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """'Điển hình MỚI' → 'dien hinh moi': the form in which index and query meet."""
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))
    return bare.replace("đ", "d").replace("Đ", "D").lower()


def words(text: str) -> list[str]:
    """The words as spelled (NFC, lower case); `fold` each to meet the index."""
    return _TOKEN.findall(unicodedata.normalize("NFC", text).lower())


@dataclass(frozen=True)
class Document:
    """One page as search sees it: where it is, what a result shows, and its weighted texts."""

    path: str  # docs-relative source, e.g. dien-hinh/<slug>/index.md
    title: str
    context: str  # the line under the title: unit · commune, or the section
    snippet: str
    texts: tuple[tuple[str, int], ...]  # (text, weight)


def exemplar_document(catalog: Catalog, ex: Exemplar) -> Document:
    registry = catalog.registry
    unit, current = registry.units[ex.unit], registry.current_unit(ex.unit)
    places = list(dict.fromkeys(u.name for u in (unit, current)))
    communes = [registry.communes[u.commune].name for u in (unit, current)
                if u.commune and u.commune in registry.communes]
    places += [c for c in dict.fromkeys(communes) if c not in places]
    texts = [(ex.title, TITLE), (ex.summary, SUMMARY), (" ".join(places), PLACE),
             (plain_text(ex.story), STORY)]
    if ex.model:
        texts.insert(1, (ex.model, MODEL))
    if ex.person:
        texts.append((ex.person.name, SUMMARY))
    return Document(urls.exemplar(ex.slug), ex.title, " · ".join(places), ex.summary, tuple(texts))


def registry_documents(catalog: Catalog) -> Iterator[Document]:
    """The generated pages that are not exemplars: campaigns, units (those with a page of their
    own, not a redirect), the campaigns' lines, groups, fields."""
    registry = catalog.registry
    for campaign in registry.campaigns.values():
        yield Document(urls.campaign(campaign.id), campaign.name, f"Chiến dịch · {campaign.plan.number}",
                       _snippet(campaign.summary or ""), ((campaign.name, TITLE), (campaign.summary or "", SUMMARY)))
    for unit in registry.units.values():
        if registry.current_unit(unit.id).id == unit.id:
            commune = registry.communes.get(unit.commune or "")
            place = commune.name if commune else registry.level_names.get(unit.level, unit.level)
            yield Document(urls.unit(unit.id), unit.name, f"Đơn vị · {place}", "",
                           ((unit.name, TITLE), (place, PLACE)))
    sections = (
        ("noi-dung/index.md", registry.lines_title, urls.category,
         [(c.id, f"{c.title}: {c.short}", c.description) for c in registry.categories.values()]),
        ("nhom/index.md", "Nhóm điển hình", urls.group,
         [(g.id, g.title, g.description) for g in registry.groups.values()]),
        ("linh-vuc/index.md", "Lĩnh vực", urls.field,
         [(f.id, f.title, f.description) for f in registry.fields.values()]),
    )
    for index_path, section, url_of, entries in sections:
        yield Document(index_path, section, "Danh mục", "",
                       ((section, TITLE), (" ".join(t for _, t, _ in entries), STORY)))
        for entry_id, title, description in entries:
            yield Document(url_of(entry_id), title, section, _snippet(description),
                           ((title, TITLE), (description, SUMMARY)))


def content_documents(content: Mapping[str, str]) -> Iterator[Document]:
    """Hand-written pages (content/*.md): title and description from the front matter (or the
    first heading), then the text."""
    for path in sorted(content):
        meta, body = _front_matter(content[path])
        heading = re.search(r"^#\s+(.+?)\s*(\{[^}]*\})?\s*$", body, re.M)
        title = str(meta.get("title") or (heading.group(1) if heading else path.removesuffix(".md")))
        description = str(meta.get("description") or "")
        text = plain_text(body)
        yield Document(path, title, "Trang", _snippet(description or text),
                       ((title, TITLE), (description, SUMMARY), (text, STORY)))


def _front_matter(markdown: str) -> tuple[dict[str, Any], str]:
    match = re.match(r"---\n(.*?)\n---\s*\n", markdown, re.S)
    if not match:
        return {}, markdown
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError:  # MkDocs reports it; search just reads the page as text
        meta = None
    return (meta if isinstance(meta, dict) else {}), markdown[match.end():]


def plain_text(markdown: str) -> str:
    return " ".join(_MARKUP.sub(" ", markdown).split())


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SNIPPET_CHARS else text[:SNIPPET_CHARS].rsplit(" ", 1)[0] + "…"


def documents(catalog: Catalog, content: Mapping[str, str] | None = None,
              of: Callable[[Exemplar], Document] | None = None) -> list[Document]:
    """Every document of the index; `of` gives an exemplar's (as `exemplar_document` would)."""
    found = [(of or partial(exemplar_document, catalog))(ex) for ex in catalog.exemplars]
    found += registry_documents(catalog)
    found += content_documents(content or {})
    return found


# --- the index files -------------------------------------------------------------------------

def _script(call: str, *args: object) -> bytes:
    body = ",".join(json.dumps(a, ensure_ascii=False, separators=(",", ":")) for a in args)
    return f"dvkSearch.{call}({body});\n".encode()


Scores = dict[str, dict[str, dict[int, int]]]  # folded token → spelling → document → score


def _contributions(doc: Document) -> dict[tuple[str, str], int]:
    """(folded, spelling) → the score this document gives it."""
    found: dict[tuple[str, str], int] = {}
    for text, weight in doc.texts:
        for spelling, count in Counter(words(text)).items():
            key = (fold(spelling), spelling)
            found[key] = found.get(key, 0) + weight * min(count, REPEATS if weight == STORY else 1)
    return found


def _encode(per_spelling: dict[str, dict[int, int]]) -> dict[str, list[int] | str]:
    """One token's postings, each spelling in the shorter of two forms: [doc, score, doc,
    score, …] with doc numbers delta-encoded (rare words), or a string with one character per
    document, its score's character or "0" for none (common words)."""
    encoded: dict[str, list[int] | str] = {}
    for spelling in sorted(per_spelling):
        found = sorted(per_spelling[spelling].items())
        flat, previous = [], 0
        for number, score in found:
            flat += [number - previous, min(score, MAX_SCORE)]
            previous = number
        encoded[spelling] = flat
        if found[-1][0] + 1 < len(json.dumps(flat, separators=(",", ":"))):
            dense = ["0"] * (found[-1][0] + 1)
            for number, score in found:
                dense[number] = _SCORE_CHARS[min(score, MAX_SCORE)]
            encoded[spelling] = "".join(dense)
    return encoded


@dataclass
class Postings:
    """The index's postings for `docs`: scores, and each token's encoding (`_encode`)."""

    docs: list[Document]
    scores: Scores
    encoded: dict[str, dict[str, list[int] | str]]

    @classmethod
    def of(cls, docs: list[Document]) -> Postings:
        scores: Scores = defaultdict(lambda: defaultdict(dict))
        for number, doc in enumerate(docs):
            for (folded, spelling), score in _contributions(doc).items():
                scores[folded][spelling][number] = score
        return cls(docs, scores, {folded: _encode(scores[folded]) for folded in scores})

    def updated(self, docs: list[Document]) -> Postings:
        """The postings for `docs`, from these: a preview's edit changes a document or two, and
        only the tokens they hold are encoded again. Documents added, removed or reordered
        renumber the rest: then everything is."""
        changed = [n for n, (old, new) in enumerate(zip(self.docs, docs, strict=False)) if old != new]
        if len(docs) != len(self.docs) or len(changed) > len(docs) // 10:
            return Postings.of(docs)
        touched: set[str] = set()
        for number in changed:
            # only the tokens whose score changed: a common word is in every document
            before, after = _contributions(self.docs[number]), _contributions(docs[number])
            for folded, spelling in before.keys() - after.keys():
                del self.scores[folded][spelling][number]
                touched.add(folded)
            for (folded, spelling), score in after.items():
                if before.get((folded, spelling)) != score:
                    self.scores[folded][spelling][number] = score
                    touched.add(folded)
        for folded in touched:
            kept = {spelling: found for spelling, found in self.scores[folded].items() if found}
            if kept:
                self.scores[folded] = defaultdict(dict, kept)
                self.encoded[folded] = _encode(kept)
            else:
                del self.scores[folded]
                self.encoded.pop(folded, None)
        return Postings(docs, self.scores, self.encoded)


def postings(docs: list[Document]) -> dict[str, dict[str, list[int] | str]]:
    """folded token → spelling → the documents that hold it and their scores (`_encode`)."""
    encoded = Postings.of(docs).encoded
    return {folded: encoded[folded] for folded in sorted(encoded)}


def index_files(docs: list[Document], directory_urls: bool = True,
                found: Postings | None = None) -> dict[str, bytes]:
    """Every file of the search index, by docs-relative path; same documents → same bytes.
    `found` may give the documents' postings, made already."""
    encoded = (found or Postings.of(docs)).encoded
    files: dict[str, bytes] = {}
    firsts: list[str] = []
    piece: dict[str, dict[str, list[int] | str]] = {}
    size = 0

    def close() -> None:
        nonlocal piece, size
        files[f"search/t{len(firsts) - 1}.js"] = _script("postings", len(firsts) - 1, piece)
        piece, size = {}, 0

    for token in sorted(encoded):
        spellings = encoded[token]
        if not piece:
            firsts.append(token)
        piece[token] = spellings
        size += len(token) + sum(len(s) + len(p) * (1 if isinstance(p, str) else 4)
                                 for s, p in spellings.items())
        if size >= POSTINGS_BYTES:
            close()
    if piece:
        close()
    for start in range(0, len(docs), META_PER_PIECE):
        rows = [[urls.served(d.path, directory_urls), d.title, d.context, d.snippet]
                for d in docs[start:start + META_PER_PIECE]]
        files[f"search/m{start // META_PER_PIECE}.js"] = _script("meta", start // META_PER_PIECE, rows)
    files["search/index.js"] = _script("index", {"docs": len(docs), "meta": META_PER_PIECE,
                                                 "chunks": firsts})
    return files


_POSTINGS_FILE = re.compile(r"search/t\d+\.js")


def words_of(path: str, data: bytes) -> list[str] | None:
    """The words a postings piece holds, or None if `path` is not one. The rest of a piece is
    document numbers and scores in a code of digits, which no one reads (`site.scan` reads the
    words; the titles and snippets shown are in the metadata pieces, read whole)."""
    if not _POSTINGS_FILE.fullmatch(path):
        return None
    text = data.decode("utf-8")
    piece = json.loads(text[text.index(",") + 1:text.rindex(")")])
    return [spelling for spellings in piece.values() for spelling in spellings]


def files(site: Site) -> Iterator[SiteFile]:
    catalog = site.catalog
    docs = documents(catalog, site.content, lambda ex: site.kept(partial(exemplar_document, catalog, ex), "search", ex))
    found = site.carried("search postings", lambda last: Postings.of(docs) if last is None else last.updated(docs))
    for path, data in sorted(index_files(docs, site.settings.directory_urls, found).items()):
        yield site.kept(lambda path=path, data=data: Asset.made(path, data), path, data)

"""The one pipeline: load → validate → model (`check`), then → pages → made files (`build`).

`check(project)` is the whole checker and `build(...)` the whole site; the CLI, the MkDocs
plugin and the tests all call them, so there is exactly one answer to "is this file published,
and if not, why?", and one way the site's files come to be. Nothing below imports this module.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import schema, urls
from .collector import paused, settled
from .diagnostics import Diagnostic, Severity, sort_key
from .load import REGISTRY_FILES, Document, exemplar_paths, read_exemplar, read_registry
from .load.tracked import link_problems, linked_made, tracked_made, tracked_problems
from .model import Catalog, Exemplar, Registry, build_exemplar, build_registry, by_title
from .project import Project
from .settings import Settings, read_engine_settings, settings_of
from .validate import (
    IndexEntry,
    check_against_schema,
    check_exemplar_times,
    check_references,
    check_registry_dates,
    check_registry_links,
    checked_documents,
)

# The site's stages (pages, made files, the last scan) are imported by `build` when it runs:
# they load the templates, the workbook and image libraries, more than the whole check costs
# to start (`dvk check FILE` in CI, the checker's own workers).
if TYPE_CHECKING:
    from .pages import Memo, SiteFile
    from .site.make import Tally

REGISTRY_PARTS = {"site.yml": "site", "campaigns.yml": "campaigns", "units.yml": "units",
                  "outlets.yml": "outlets", "groups.yml": "entries", "fields.yml": "entries"}


@dataclass
class LeftOut:
    """A file that is not published, and why: 'draft' or 'errors'."""

    source: str
    reason: str


@dataclass
class CheckResult:
    registry_docs: list[Document]
    exemplar_docs: list[Document]
    catalog: Catalog | None
    left_out: list[LeftOut] = field(default_factory=list)
    site: Mapping[str, Any] | None = None  # the checked exemplars/site.yml
    repository: list[Diagnostic] = field(default_factory=list)  # about the project, not one file

    @property
    def diagnostics(self) -> list[Diagnostic]:
        found = [d for doc in (*self.registry_docs, *self.exemplar_docs) for d in doc.diagnostics]
        return sorted([*found, *self.repository], key=sort_key)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.WARNING]


def check(project: Project, today: date | None = None,
          only: Collection[Path] | None = None) -> CheckResult:
    """Check every exemplar file, or `only` those named (see `select`) against an index of the rest."""
    with paused():
        return _check(project, today or date.today(), only)


def _check(project: Project, today: date, only: Collection[Path] | None) -> CheckResult:
    tracked, linked = tracked_made(project), linked_made(project)
    repository = tracked_problems(project, tracked) + link_problems(project, linked)
    registry_docs, registry = load_registry(project, today)
    paths = exemplar_paths(project.exemplars_dir)
    named, others = paths, []
    if only is not None:
        named, others = _split(paths, only, project.root)
    # A cache that came with the repository is someone else's word: neither read nor written.
    docs = checked_documents(project.root, named, today,
                             remember=project.cache_dir not in tracked and project.cache_dir not in linked)
    if registry is None:
        return CheckResult(registry_docs, docs, None, repository=repository)
    site = next(doc.data for doc in registry_docs if doc.path.name == "site.yml")
    known = {"units": set(registry.units), "categories": set(registry.categories),
             "groups": set(registry.groups), "fields": set(registry.fields)}
    index = [IndexEntry.of(doc) for doc in docs]
    index += [index_entry(path, project.root) for path in others]
    check_references(docs, known, index, registry.office_phones)
    check_exemplar_times(docs, registry)

    global _last_model
    last = _last_model if _last_model is not None and _last_model.root == project.root else None
    if last is not None and last.registry == registry:
        registry = last.registry
    model = _Model(project.root, registry)
    published: list[Exemplar] = []
    left_out: list[LeftOut] = []
    for doc in docs:
        if not doc.ok:
            left_out.append(LeftOut(doc.rel, "errors"))
            continue
        exemplar = model.exemplar(doc, last)
        if exemplar.draft:
            left_out.append(LeftOut(doc.rel, "draft"))
        else:
            published.append(exemplar)
    _drop_dangling_links(published)
    if last is not None and last.registry is registry:
        published = [old if (old := last.published.get(ex.source)) is ex or old == ex else ex for ex in published]
    model.published = {ex.source: ex for ex in published}
    _last_model = model
    return CheckResult(registry_docs, docs, Catalog(registry, by_title(published)), left_out, site,
                       repository)


@dataclass
class _Model:
    """What this process's last check of a project built. The next check (a preview's, after
    an edit) takes its registry and exemplars wherever they are equal to the new ones: the
    preview's memo (`pages.Memo`) keys every page by the objects it shows, and keys of the same
    objects compare at once, where equal copies compare field by field."""

    root: Path
    registry: Registry
    built: dict[str, tuple[Document, Exemplar]] = field(default_factory=dict)  # by file, as read
    published: dict[str, Exemplar] = field(default_factory=dict)  # by source file, links dropped

    def exemplar(self, doc: Document, last: _Model | None) -> Exemplar:
        """The exemplar `doc` describes; the last check's own when it read the very same data
        (`validate.cache` hands on one document per content) under the same registry."""
        known = last.built.get(doc.rel) if last is not None and last.registry is self.registry else None
        if (known is not None and doc.parsed is not None and known[0].parsed is doc.parsed
                and known[0].story is doc.story):
            exemplar = known[1]
        else:
            exemplar = build_exemplar(doc.path.stem, doc.rel, doc.path.parent, doc.data, doc.story, self.registry)
        self.built[doc.rel] = (doc, exemplar)
        return exemplar


_last_model: _Model | None = None


def _split(paths: list[Path], only: Collection[Path], root: Path) -> tuple[list[Path], list[Path]]:
    """The files to check fully, and the rest. A named file that no longer exists (deleted in a
    pull request) brings in the files whose `learned_from` still names it."""
    wanted = {path.resolve() for path in only}
    named = [p for p in paths if p.resolve() in wanted]
    gone = {p.stem for p in wanted if not p.exists()}
    rest = [p for p in paths if p.resolve() not in wanted]
    if gone:
        citing = {p for p in rest if gone & set(index_entry(p, root).learned_from)}
        named = sorted([*named, *citing])
        rest = [p for p in rest if p not in citing]
    return named, rest


def index_entry(path: Path, root: Path) -> IndexEntry:
    """The cheap way to know another file: only a file that mentions `learned_from` is parsed."""
    rel = path.relative_to(root).as_posix()
    try:
        mentions_links = b"learned_from" in path.read_bytes()
    except OSError:
        mentions_links = False
    if not mentions_links:
        return IndexEntry(path.stem, rel)
    return IndexEntry.of(read_exemplar(path, root))


def select(project: Project, targets: list[Path]) -> tuple[set[Path] | None, list[Path]]:
    """Which exemplar files `dvk check PATH…` checks: (files or None for all, ignored targets).

    An exemplar file stands for itself (even deleted), a folder for the exemplars in it, a
    photo for the exemplars beside it; a registry or the schema can break any file, so it
    means all of them. Anything outside exemplars/ (README, content pages) is ignored."""
    folder = project.exemplars_dir.resolve()
    chosen: set[Path] = set()
    ignored: list[Path] = []
    for target in targets:
        path = target.resolve()
        if not path.is_relative_to(folder):
            ignored.append(target)
        elif path.is_dir():
            chosen.update(exemplar_paths(path))
        elif path.suffix.lower() == ".md":
            chosen.add(path)
        elif path.parent == folder:
            return None, ignored  # a registry file
        else:
            chosen.update(p for p in exemplar_paths(path.parent) if p.parent == path.parent)
    return {p.resolve() for p in chosen}, ignored


def _drop_dangling_links(published: list[Exemplar]) -> None:
    """A `learned_from` naming a draft or a file left out links nowhere on the public site."""
    slugs = {e.slug for e in published}
    for i, ex in enumerate(published):
        kept = tuple(s for s in ex.learned_from if s in slugs)
        if kept != ex.learned_from:
            published[i] = replace(ex, learned_from=kept)


# --- registries ---------------------------------------------------------------------------------

def load_registry(project: Project, today: date | None = None) -> tuple[list[Document], Registry | None]:
    """The registries, checked: each against its schema, then the ids they name, then their
    dates; None for the registry while any of these has an error. `today` is the day "now"
    means for the views that follow mergers (None: after every one in the data)."""
    docs = {name: read_registry(project.exemplars_dir / name, project.root)
            for name in REGISTRY_FILES}
    for name, doc in docs.items():
        if doc.parsed is not None:
            check_against_schema(doc, schema.REGISTRIES, REGISTRY_PARTS[name])
    if not all(doc.ok for doc in docs.values()):
        return list(docs.values()), None
    units_doc = docs["units.yml"]
    for section in ("levels", "acts", "areas", "units"):
        _check_unique(units_doc, (section,))
    # Two units of one name at one time cannot be told apart on the site, in feeds or in the
    # Board's report; a unit formed on 01/7/2025 may carry the name of the one it succeeded.
    _check_unique(units_doc, ("units",), "name", "name.duplicate", _lives_apart)
    for name in ("campaigns.yml", "outlets.yml", "groups.yml", "fields.yml"):
        _check_unique(docs[name], ())
    check_registry_links(docs)
    if not all(doc.ok for doc in docs.values()):
        return list(docs.values()), None
    registry = build_registry({name: doc.data for name, doc in docs.items()}, today)
    check_registry_dates(docs, registry)
    if not all(doc.ok for doc in docs.values()):
        return list(docs.values()), None
    return list(docs.values()), registry


def _items(doc: Document, path: tuple[str, ...]) -> list[dict[str, object]]:
    data = doc.data
    for step in path:
        data = data[step]
    return data or []


def _check_unique(doc: Document, path: tuple[str, ...], key: str = "id", code: str = "id.duplicate",
                  apart: Callable[[dict[str, Any], dict[str, Any]], bool] = lambda a, b: False) -> None:
    """Each item's `key` is given once (or only by items `apart` says never meet); a repeat is
    reported at its line, naming the first's."""
    first: dict[object, list[tuple[dict[str, Any], int | None]]] = {}
    for i, item in enumerate(_items(doc, path)):
        where = (*path, i, key)
        met = [line for other, line in first.get(item[key], ()) if not apart(item, other)]
        if met:
            doc.problem(code, where, value=item[key], first=met[0])
        else:
            first.setdefault(item[key], []).append((item, doc.line_of(where)))


def _lives_apart(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two registry entries whose lives (from … until, both days included) share no day."""
    return bool((a.get("until") and b.get("from") and a["until"] < b["from"])
                or (b.get("until") and a.get("from") and b["until"] < a["from"]))


# --- the site -----------------------------------------------------------------------------------

@dataclass
class Built:
    """A build's outcome: what the checker said, the settings, every file of the site — or,
    when a made file carries private data (`leaks`), no file at all: nothing is published."""

    result: CheckResult
    settings: Settings | None = None
    files: list[SiteFile] = field(default_factory=list)
    tally: Tally = field(default_factory=lambda: _no_photos())
    leaks: list[Diagnostic] = field(default_factory=list)


def _no_photos() -> Tally:
    from .site.make import Tally

    return Tally()


def build(project: Project, engine: Mapping[str, Any], content: Mapping[str, str] | None = None,
          result: CheckResult | None = None, memo: Memo | None = None) -> Built:
    """check → catalog → site files → made files. `engine` is `settings.engine_settings` of the
    engine's configuration; `content` the hand-written pages (docs path → Markdown). Without a
    catalog (broken registries) there is nothing to build: `files` stays empty. A preview hands
    the same `memo` to each build (`pages.Memo`)."""
    from .pages import generate
    from .site.make import make
    from .site.scan import private_data_published

    result = result or check(project)
    if result.catalog is None or result.site is None or result.repository:
        return Built(result)  # nothing is made into, or from, folders the repository should not hold
    registry = result.catalog.registry
    settings = settings_of(engine, result.site, publisher_now(registry, result.site),
                           registry.today or date.today(), project.vendor_dir)
    pin_build_date(result.catalog)
    # What exists before the site is made (the catalog, the memo, the engine's own objects)
    # lives through it: the collector walks only what making it adds.
    with settled():
        made, tally = make(with_policies(generate(result.catalog, settings, content, memo), settings),
                           project.cache_dir, again=memo is not None)
        published = {e.source for e in result.catalog.exemplars}
        sources = [*result.registry_docs, *(d for d in result.exemplar_docs if d.rel in published)]
        leaks = private_data_published(made, result.catalog.registry.office_phones.values(), sources,
                                       project.cache_dir, again=memo is not None)
    return Built(result, settings, [] if leaks else made, tally, leaks)


def with_policies(files: list[SiteFile], settings: Settings) -> list[SiteFile]:
    """Every HTML file made outside the theme (the web form) with its Content-Security-Policy,
    as the engine face gives one to every page it renders."""
    from .pages import Asset
    from .site.policy import with_policy

    return [Asset.made(item.path, with_policy(item.data.decode("utf-8"), offline=not settings.directory_urls,
                                              extra=item.policy).encode("utf-8"), item.policy)
            if isinstance(item, Asset) and item.packed is not None and item.path.endswith(".html") else item
            for item in files]


def settings_for(project: Project, result: CheckResult, **engine: Any) -> Settings:
    """The settings a build of `result` uses: mkdocs.yml's, with `engine` overriding it."""
    assert result.site is not None, "no settings without checked registries"
    assert result.catalog is not None
    registry = result.catalog.registry
    return settings_of({**read_engine_settings(project.config_file), **engine}, result.site,
                       publisher_now(registry, result.site), registry.today or date.today(),
                       project.vendor_dir)


def publisher_now(registry: Registry, site: Mapping[str, Any]) -> str:
    """Who publishes the site now (site.yml: publishers, by date), else the site's title."""
    return registry.publisher_on(registry.today or date.today()) or site["title"]


def pin_build_date(catalog: Catalog) -> None:
    """Same input, same bytes: engines stamp pages and the sitemap with the build date unless
    SOURCE_DATE_EPOCH is set, so pin it to the newest recognition in the data."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return
    newest = catalog.newest(1)
    if newest:
        moment = datetime.combine(newest[0].recognition.date, time(), tzinfo=UTC)
        os.environ["SOURCE_DATE_EPOCH"] = str(int(moment.timestamp()))


@dataclass(frozen=True)
class Frame:
    """What the engine's frame around every page takes from the data, not from mkdocs.yml: the
    site's description, the sample notice, and the campaigns' entries of the navigation."""

    description: str
    sample_data: bool
    campaign_nav: tuple[tuple[str, str], ...]  # (title, docs path): each campaign, then its plan


def frame(project: Project, docs_dir: Path) -> Frame | None:
    """The frame from the checked registries (None while they have errors: the build says why).
    A plan's page is listed only when the project has it (content/<plan.page>)."""
    docs, registry = load_registry(project)
    if registry is None:
        return None
    site = next(d.data for d in docs if d.rel.endswith("site.yml"))
    entries: list[tuple[str, str]] = []
    for campaign in registry.campaigns.values():
        entries.append((campaign.short_name or campaign.name, urls.campaign(campaign.id)))
        if campaign.plan.page and (docs_dir / campaign.plan.page).is_file():
            entries.append((f"Kế hoạch {campaign.plan.number}", campaign.plan.page))
    return Frame(site.get("description") or "",
                 bool(site.get("sample_data")) or any(c.sample for c in registry.campaigns.values()),
                 tuple(entries))

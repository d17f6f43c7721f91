"""One project on disk and the pipeline over it: load → validate → model.

`check(project)` is the whole checker; the CLI, the MkDocs hook and the tests all call it, so
there is exactly one answer to "is this file published, and if not, why?".
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from .diagnostics import Diagnostic, Severity, sort_key
from .filecache import checked_documents
from .load import REGISTRY_FILES, Document, exemplar_paths, read_exemplar, read_registry
from .model import Catalog, Exemplar, Registry, build_exemplar, build_registry, by_title
from .validate import IndexEntry, check_against_schema, check_references, suggest

REGISTRY_PARTS = {"units.yml": "units", "categories.yml": "categories",
                  "groups.yml": "entries", "fields.yml": "entries"}


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def exemplars_dir(self) -> Path:
        return self.root / "exemplars"

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def cache_dir(self) -> Path:
        return self.root / ".cache"  # made photos and cards (dvk.media); gitignored

    @property
    def config_file(self) -> Path:
        return self.root / "mkdocs.yml"

    @classmethod
    def find(cls, start: Path | None = None) -> Project:
        """The nearest folder at or above `start` that holds mkdocs.yml and exemplars/."""
        here = (start or Path.cwd()).resolve()
        for folder in (here, *here.parents):
            if (folder / "mkdocs.yml").is_file() and (folder / "exemplars").is_dir():
                return cls(folder)
        return cls(here)


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

    @property
    def diagnostics(self) -> list[Diagnostic]:
        found = [d for doc in (*self.registry_docs, *self.exemplar_docs) for d in doc.diagnostics]
        return sorted(found, key=sort_key)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.WARNING]


def check(project: Project, today: date | None = None,
          only: Collection[Path] | None = None) -> CheckResult:
    """Check every exemplar file, or `only` those named (see `select`) against an index of the rest."""
    today = today or date.today()
    registry_docs, registry = load_registry(project)
    paths = exemplar_paths(project.exemplars_dir)
    named, others = paths, []
    if only is not None:
        named, others = _split(paths, only, project.root)
    docs = checked_documents(project.root, named, today)
    if registry is None:
        return CheckResult(registry_docs, docs, None)
    known = {"units": set(registry.units), "categories": set(registry.categories),
             "groups": set(registry.groups), "fields": set(registry.fields)}
    index = [IndexEntry.of(doc) for doc in docs]
    index += [index_entry(path, project.root) for path in others]
    check_references(docs, known, index)

    published: list[Exemplar] = []
    left_out: list[LeftOut] = []
    for doc in docs:
        if not doc.ok:
            left_out.append(LeftOut(doc.rel, "errors"))
            continue
        exemplar = build_exemplar(doc.path.stem, doc.rel, doc.path.parent, doc.data, doc.story)
        if exemplar.draft:
            left_out.append(LeftOut(doc.rel, "draft"))
        else:
            published.append(exemplar)
    _drop_dangling_links(published)
    return CheckResult(registry_docs, docs, Catalog(registry, by_title(published)), left_out)


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

def load_registry(project: Project) -> tuple[list[Document], Registry | None]:
    docs = {name: read_registry(project.exemplars_dir / name, project.root)
            for name in REGISTRY_FILES}
    for name, doc in docs.items():
        if doc.parsed is not None:
            check_against_schema(doc, "registries.schema.json", REGISTRY_PARTS[name])
    if not all(doc.ok for doc in docs.values()):
        return list(docs.values()), None
    units_doc = docs["units.yml"]
    _check_ids(units_doc, ("communes",))
    _check_ids(units_doc, ("units",))
    for name in ("categories.yml", "groups.yml", "fields.yml"):
        _check_ids(docs[name], ())
    _check_unit_links(units_doc)
    if not all(doc.ok for doc in docs.values()):
        return list(docs.values()), None
    registry = build_registry(units_doc.data, docs["categories.yml"].data,
                              docs["groups.yml"].data, docs["fields.yml"].data)
    return list(docs.values()), registry


def _items(doc: Document, path: tuple[str, ...]) -> list[dict[str, object]]:
    data = doc.data
    for step in path:
        data = data[step]
    return data


def _check_ids(doc: Document, path: tuple[str, ...]) -> None:
    first: dict[object, int | None] = {}
    for i, item in enumerate(_items(doc, path)):
        where = (*path, i, "id")
        if item["id"] in first:
            doc.problem("id.duplicate", where, value=item["id"], first=first[item["id"]])
        else:
            first[item["id"]] = doc.line_of(where)


def _check_unit_links(doc: Document) -> None:
    communes = {c["id"] for c in doc.data["communes"]}
    units = {u["id"] for u in doc.data["units"]}
    where = "exemplars/units.yml"
    for i, commune in enumerate(doc.data["communes"]):
        target = commune.get("merged_into")
        if target is not None and target not in communes:
            doc.problem("ref.commune", ("communes", i, "merged_into"), value=target,
                        suggestion=suggest(target, communes, where))
    for i, unit in enumerate(doc.data["units"]):
        for key, known, code in (("commune", communes, "ref.commune"),
                                 ("parent", units, "ref.parent"),
                                 ("merged_into", units, "ref.unit")):
            value = unit.get(key)
            if value is not None and value not in known:
                doc.problem(code, ("units", i, key), value=value,
                            suggestion=suggest(value, known, where))

"""Cross-file rules: references to the registries and to other exemplars (`learned_from`).

Run on every check over every file (never cached): a file's references are only right or wrong
against all the others. Learning circles are found with Tarjan's algorithm, iteratively.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..diagnostics import Severity
from ..load import Document
from .privacy import dialled, is_landline, mask
from .rules import SLUG, as_list
from .suggest import suggest


@dataclass(frozen=True)
class IndexEntry:
    """What the cross-file rules need to know of one exemplar file: its slug and its links."""

    slug: str
    rel: str
    learned_from: tuple[str, ...] = ()

    @classmethod
    def of(cls, doc: Document) -> IndexEntry:
        data = doc.data if isinstance(doc.data, dict) else {}
        links = tuple(v for v in as_list(data.get("learned_from")) if isinstance(v, str))
        return cls(doc.path.stem, doc.rel, links)


def check_references(docs: list[Document], known: dict[str, set[str]],
                     index: list[IndexEntry], office_phones: Mapping[str, str] | None = None) -> None:
    """Cross-file rules for `docs`: registries, and other exemplars as `index` (every file) knows them.
    `office_phones` are the units' registered office numbers (unit id → number)."""
    by_slug: dict[str, list[str]] = {}
    for entry in index:
        by_slug.setdefault(entry.slug, []).append(entry.rel)
    component = _learning_circles(index)
    for doc in docs:
        slug = doc.path.stem
        others = [rel for rel in by_slug.get(slug, ()) if rel != doc.rel]
        if others:
            doc.problem("slug.duplicate", line=1, value=slug, other=", ".join(sorted(others)))
        data = doc.data
        if not isinstance(data, dict):
            continue
        _check_ref(doc, ("unit",), data.get("unit"), known["units"], "ref.unit", "exemplars/units.yml")
        check_office_phone(doc, office_phones or {})
        for key, registry, code, where in (
            ("categories", "categories", "ref.category", "exemplars/campaigns.yml"),
            ("groups", "groups", "ref.group", "exemplars/groups.yml"),
            ("fields", "fields", "ref.field", "exemplars/fields.yml"),
        ):
            for i, value in enumerate(as_list(data.get(key))):
                _check_ref(doc, (key, i), value, known[registry], code, where)
        for i, value in enumerate(as_list(data.get("learned_from"))):
            if value == slug:
                doc.problem("ref.self", ("learned_from", i), value=value)
            elif isinstance(value, str) and component.get(value, -1) == component.get(slug, -2):
                cycle = " → ".join((slug, *_path_between(index, value, slug)))
                doc.problem("ref.cycle", ("learned_from", i), value=value, cycle=cycle)
            else:
                _check_ref(doc, ("learned_from", i), value, by_slug, "ref.exemplar", "exemplars/")


def check_office_phone(doc: Document, office_phones: Mapping[str, str]) -> None:
    """`contact.phone` is published as the unit office's number, so it is one: a landline, or
    the number the registry lists for the exemplar's unit (an office that uses a mobile)."""
    contact = doc.data.get("contact")
    phone = contact.get("phone") if isinstance(contact, dict) else None
    if not isinstance(phone, str) or is_landline(phone):
        return
    unit = doc.data.get("unit")
    registered = office_phones.get(unit) if isinstance(unit, str) else None
    if registered is None or dialled(registered) != dialled(phone):
        doc.problem("privacy.contact_phone", ("contact", "phone"), value=mask(dialled(phone)),
                    unit=unit if isinstance(unit, str) else "?")


def _graph(index: list[IndexEntry]) -> dict[str, list[str]]:
    graph: dict[str, list[str]] = {}
    for entry in index:
        graph.setdefault(entry.slug, []).extend(entry.learned_from)
    return graph


def _learning_circles(index: list[IndexEntry]) -> dict[str, int]:
    """Strongly connected components of `learned_from` (Tarjan, iterative: chains can be long).

    Two exemplars in the same component of more than one member learn from each other
    through some chain; each component gets its own number, singletons get none."""
    graph = _graph(index)
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    component: dict[str, int] = {}
    for root in sorted(graph):
        if root in order:
            continue
        work = [(root, iter(graph.get(root, ())))]
        order[root] = low[root] = len(order)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in order:
                    order[child] = low[child] = len(order)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(graph.get(child, ()))))
                elif child in on_stack:
                    low[node] = min(low[node], order[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == order[node]:
                members = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    members.append(member)
                    if member == node:
                        break
                if len(members) > 1:
                    for member in members:
                        component[member] = order[node]
    return component


def _path_between(index: list[IndexEntry], start: str, goal: str) -> list[str]:
    """The shortest `learned_from` chain from `start` to `goal`, both included (breadth first)."""
    graph = _graph(index)
    came_from: dict[str, str | None] = {start: None}
    queue = [start]
    for node in queue:
        if node == goal:
            break
        for child in graph.get(node, ()):
            if child not in came_from:
                came_from[child] = node
                queue.append(child)
    path: list[str] = []
    node: str | None = goal
    while node is not None:
        path.append(node)
        node = came_from.get(node)
    return path[::-1]


def _check_ref(doc: Document, path: tuple[str | int, ...], value: Any, known: Iterable[str],
               code: str, where: str) -> None:
    if isinstance(value, str) and SLUG.match(value) and value not in known:
        doc.problem(code, path, value=value, suggestion=suggest(value, known, where))


def errors_in(docs: Iterable[Document]) -> bool:
    return any(d.severity is Severity.ERROR for doc in docs for d in doc.diagnostics)

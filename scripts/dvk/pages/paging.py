"""Lists that grow with the site, cut into pages of a fixed size: no page grows with the site.

Every list of exemplars (and the story desk) is one ordered sequence per order the reader may
choose; each sequence is cut into pages of `EXEMPLARS_PER_PAGE` (`DESK_ROWS_PER_PAGE`). Page 1
of the list's own order stays at the list's address (`urls.list_page`), so every link printed
before keeps working; the other pages are real pages, reached without JavaScript by the pager
and the order links (`_macros.html.j2`: `pager`, `orders`).

Only page 1 of the list's own order enters the search index: the exemplars are indexed on
their own pages, and twenty pages titled "Đơn vị X – trang n" would crowd the results. They all
stay in the sitemap: a crawler that follows it reaches every exemplar in a few links.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .. import urls
from ..model import Exemplar, newest_first
from .base import Page, Site

# 50 rows of a list (thumbnail, title, line, summary) are about 40 KB of HTML: a phone scrolls
# through them in a minute, and a long unit's page stays one screenful of pager. A desk row
# carries more (photo, contact, kit), but an editor scans rather than reads: 100 rows are about
# 140 KB, and a filter over the whole desk fetches a tenth as many pages as it would at 10.
EXEMPLARS_PER_PAGE = 50
DESK_ROWS_PER_PAGE = 100

# The orders a reader may choose for a list of exemplars: its name on the control, the words
# of the sentence that says how the list is ordered, and the order itself. The catalog and its
# indexes keep the exemplars A–Z already (pipeline: `by_title`), so that order is the list as given.
ORDERS: dict[str, tuple[str, str, Callable[[list[Exemplar]], list[Exemplar]]]] = {
    "title": ("Tên A–Z", "theo thứ tự chữ cái tiếng Việt", list),
    "newest": ("Mới công nhận", "mới công nhận trước", newest_first),
}
NEAR = 2  # numbered links on either side of the current page; the rest behind an ellipsis


@dataclass(frozen=True)
class Pager:
    """Where a page sits in its list: which order, which page of how many."""

    list_page: str  # the list's own address (docs path)
    order: str  # the key of this page's order
    own: bool  # this order is the list's own (its page 1 is at the list's address)
    number: int
    count: int
    total: int  # items in the whole list
    orders: tuple[tuple[str, str, bool], ...]  # (label, page 1 of that order, current); () for one

    def path(self, number: int) -> str:
        return urls.list_page(self.list_page, number, None if self.own else self.order)

    @property
    def at_address(self) -> bool:
        return self.own and self.number == 1

    @property
    def suffix(self) -> str:
        """What a title and the breadcrumbs add: "… – trang 2/7" (nothing on a one-page list)."""
        return f" – trang {self.number}/{self.count}" if self.count > 1 else ""

    @property
    def ordered(self) -> str:
        return ORDERS[self.order][1] if self.order in ORDERS else ""

    @property
    def previous(self) -> str | None:
        return self.path(self.number - 1) if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.path(self.number + 1) if self.number < self.count else None

    def numbers(self) -> list[int | None]:
        """1 … 4 5 [6] 7 8 … 20: the first, the last and the current page's neighbours; None is an
        ellipsis (never in place of a single page: that page's number is as short)."""
        shown = sorted({1, self.count, *range(max(1, self.number - NEAR), min(self.count, self.number + NEAR) + 1)})
        out: list[int | None] = []
        last = 0
        for n in shown:
            if n - last == 2:
                out.append(n - 1)
            elif n - last > 2:
                out.append(None)
            out.append(n)
            last = n
        return out


def pages(site: Site, page: str, template: str, sequences: Sequence[tuple[str, list[Any]]],
          size: int, name: str, at_address: Mapping[str, Any] | None = None, **context: Any) -> Iterator[Page]:
    """Every page of a list: `sequences` holds (order, items), the list's own order first; each
    page renders `template` with its slice of the items as `name` and its `pager`; the page at
    the list's address gets `at_address` too (what the list's subject says of itself: the other
    pages carry the list alone, and are not made again when only that changes)."""
    own = sequences[0][0]
    orders = tuple((ORDERS[key][0], urls.list_page(page, 1, None if key == own else key), False)
                   for key, _ in sequences) if len(sequences) > 1 else ()
    for key, items in sequences:
        slices = [items[i:i + size] for i in range(0, len(items), size)] or [[]]
        marked = tuple((label, first, first == urls.list_page(page, 1, None if key == own else key))
                       for label, first, _ in orders)
        for number, chunk in enumerate(slices, 1):
            pager = Pager(page, key, key == own, number, len(slices), len(items), marked)
            told = at_address or {} if pager.at_address else {}
            rendered = site.render(pager.path(number), template, pager=pager, **{name: chunk}, **told, **context)
            meta = {**rendered.meta, "title": rendered.meta["title"] + pager.suffix}
            if not pager.at_address:
                meta["search"] = {"exclude": True}
            yield Page(rendered.path, meta, rendered.packed, rendered.titled)


def exemplar_pages(site: Site, page: str, template: str, exemplars: list[Exemplar],
                   own: str = "title", at_address: Mapping[str, Any] | None = None,
                   **context: Any) -> Iterator[Page]:
    """A list of exemplars (given A–Z, as the catalog keeps them) in its own order (A–Z unless
    told) and, when it has two or more, the other order too, each paged."""
    keys = [own, *(key for key in ORDERS if key != own)] if len(exemplars) > 1 else [own]
    yield from pages(site, page, template, [(key, ORDERS[key][2](exemplars)) for key in keys],
                     EXEMPLARS_PER_PAGE, "exemplars", at_address, **context)

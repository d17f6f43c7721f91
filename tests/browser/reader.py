"""What a reader's browser sees, as checks that return the problems they find (empty = fine).

The checks are plain functions over a Playwright page so that the suite can assert them on the
sample site and, in test_checks_catch_a_broken_page.py, prove they report a page broken on purpose.
"""

from __future__ import annotations

import contextlib
import functools
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import ConsoleMessage, Locator, Page, Request, ViewportSize

from bench.localserver import HOST, QuietFiles, serving
from dvk.urls import LIST_PAGE_NAME

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
BLOCKING = ("serious", "critical")  # axe impacts that fail the suite; minor/moderate are advice
PHONE: ViewportSize = {"width": 360, "height": 740}  # a small Android phone
SCREENS: dict[str, ViewportSize] = {"phone": PHONE, "desktop": {"width": 1280, "height": 800}}


# Every kind of page a reader lands on. A pattern with `*` stands for its largest page (the unit
# with the most exemplars, the fullest exemplar): the most content, the most that can go wrong.
# Pages other issues are building skip, saying so, until they exist.
PAGE_TYPES = {
    "home": "",
    "units": "don-vi/",
    "unit": "don-vi/*/",
    "exemplars": "dien-hinh/",
    "exemplar": "dien-hinh/*/",
    "categories": "noi-dung/",
    "category": "noi-dung/*/",
    "groups": "nhom/",
    "group": "nhom/*/",
    "fields": "linh-vuc/",
    "field": "linh-vuc/*/",
    "commune": "xa/*/",
    "plan": "ke-hoach-58/",
    "guide": "dong-gop/",
    "statistics": "thong-ke/",
    "story-desk": "bien-tap/",
    "open-data": "du-lieu/",
    "not-found": "404.html",
}


def pages_of_type(site: Path, pattern: str) -> list[Path]:
    """The built pages a PAGE_TYPES pattern names, largest first; never a page of a list
    (`dien-hinh/*/` names exemplars, not `dien-hinh/trang-2/` nor `dien-hinh/moi-nhat/`)."""
    found = (f for f in site.glob(pattern + "index.html") if not LIST_PAGE_NAME.fullmatch(f.parent.name))
    return sorted(found, key=lambda f: (-f.stat().st_size, f))


class _FilesAndNotFoundPage(QuietFiles):
    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        # As the hosts do (nginx `error_page 404 /404.html`, GitHub Pages): a missing address, at
        # any depth, gets the site's own 404.html with the status 404.
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve(folder: Path) -> contextlib.AbstractContextManager[str]:
    """Serve `folder` over HTTP on 127.0.0.1 and a free port; the `with` yields the base URL ('http://…/')."""
    return serving(functools.partial(_FilesAndNotFoundPage, directory=str(folder)))


# Added to every page before its own scripts run: each refusal of the Content-Security-Policy.
WATCH_POLICY = """
window.__dvkRefused = [];
document.addEventListener('securitypolicyviolation', (event) => window.__dvkRefused.push(
    `${event.effectiveDirective} refused ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`));
"""


def policy_refusals(page: Page) -> list[str]:
    """What the page's Content-Security-Policy refused since it loaded (WATCH_POLICY must be in)."""
    return page.evaluate("() => window.__dvkRefused")


def policy_of(page: Page) -> str | None:
    """The page's policy, if it is the first element of <head> (where it covers everything)."""
    return page.evaluate("""() => {
        const first = document.head.firstElementChild;
        return first && first.httpEquiv === 'Content-Security-Policy' ? first.content : null;
    }""")


@dataclass
class Recorder:
    """Everything a page did that a reader does not see but suffers: errors and requests."""

    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> None:
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.console_errors.append(f"uncaught: {error}"))
        page.on("request", self._request)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            where = message.location.get("url", "")
            self.console_errors.append(f"{message.text} ({where})" if where else message.text)

    def _request(self, request: Request) -> None:
        self.requests.append(request.url)

    def foreign_requests(self) -> list[str]:
        """Requests to any host but ours: a CDN, a font service, a tracker."""
        return [url for url in self.requests
                if urlsplit(url).scheme not in ("data", "blob", "about") and urlsplit(url).hostname != HOST]


@dataclass(frozen=True)
class Visit:
    """A page as it was opened, and what it did meanwhile."""

    page: Page
    recorder: Recorder


def sideways_overflow(page: Page) -> list[str]:
    """The elements that stick out past the right edge, when the page scrolls sideways."""
    return page.evaluate("""() => {
        const root = document.documentElement;
        if (root.scrollWidth <= root.clientWidth) return [];
        const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
            [...el.classList].map((c) => '.' + c).join('');
        const wide = [...document.body.querySelectorAll('*')].filter(
            (el) => el.getBoundingClientRect().right > root.clientWidth + 1);
        // the outermost offenders: their children stick out only because they do
        const outermost = wide.filter((el) => !wide.includes(el.parentElement));
        return [`page is ${root.scrollWidth}px wide in a ${root.clientWidth}px viewport`,
                ...outermost.slice(0, 5).map((el) =>
                    `${describe(el)} reaches ${Math.round(el.getBoundingClientRect().right)}px`)];
    }""")


def accessibility_violations(page: Page) -> list[str]:
    """axe-core's serious and critical violations on the page, one line per rule."""
    # Evaluated, not added as a <script>: the page's Content-Security-Policy rightly refuses an
    # inline script it does not know, and what the test runs is no part of the page.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{rule['id']} ({rule['impact']}): {rule['help']} — "
        + ", ".join(" ".join(node["target"]) for node in rule["nodes"][:5])
        for rule in results["violations"] if rule["impact"] in BLOCKING
    ]


def search(page: Page, query: str, top: int = 5) -> Locator:
    """Type `query` into the site's search box, as a reader does; the titles of the first results."""
    box = page.get_by_label("Tìm điển hình, đơn vị, nội dung")
    box.fill("")
    box.press_sequentially(query)
    # The results panel says which query it answers; that ends the wait.
    page.wait_for_function("q => document.getElementById('dvk-search-results').dataset.query === q", arg=query)
    return page.locator(f".dvk-search__list > li:nth-child(-n+{top}) .dvk-search__title")

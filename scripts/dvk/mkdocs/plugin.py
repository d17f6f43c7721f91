"""The MkDocs plugin (`plugins: [dvk]`): hands the core's generated files to MkDocs in memory.

Events only; everything of substance is `dvk.pipeline.build`. An engine that runs no Python
plugins builds the tree that `dvk export-markdown` writes instead. The plugin defines
`on_startup`, so MkDocs keeps one instance for a whole `mkdocs serve`: what the previous build
handed over lives on it, and a preview rebuilds only what an edit changed.

A generated page is finished HTML. MkDocs gets a Markdown file of its front matter and a
placeholder, and `on_page_content` puts our HTML in the placeholder's place: Python-Markdown
never parses a contributor's text. Nor the placeholder: `on_pre_page` gives a generated page a
render of its own, so MkDocs builds no Markdown converter for it (a tenth of a build's time).
"""

from __future__ import annotations

import logging
import os
import types
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import jinja2
import jinja2.bccache
from mkdocs.commands.build import get_context
from mkdocs.config import config_options
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_build_date, is_error_template
from mkdocs.utils.templates import TemplateContext

from .. import collector, findings
from ..diagnostics import Severity
from ..pages import Asset, Memo, Page, unpack
from ..pages.placeholders import NAMES, fill, unknown
from ..pipeline import CheckResult, build, frame
from ..progress import Progress
from ..project import Project
from ..settings import Settings, engine_settings
from ..site.policy import with_policy
from ..text.formats import vi_short_date

log = logging.getLogger("mkdocs.plugins.dvk")
PLACEHOLDER = "dvk\n"  # a generated page's Markdown body, replaced by its HTML (`on_page_content`)
# A generated page's content until its output is written (`on_post_page`); the theme reads one
# thing of it, whether the page has its own <h1> (else it prints the page's title as one).
BODY, BODY_TITLED = "<!--dvk:body-->", "<!--dvk:body <h1>-->"


class DvkPlugin(BasePlugin):
    # The navigation section the campaigns' pages and plans go in (mkdocs.yml names the
    # section and its hand-written pages; the campaigns are data, so the plugin adds them).
    config_scheme = (("campaigns_section", config_options.Type(str, default="Các chiến dịch")),)

    def __init__(self) -> None:
        self.preview = False
        self.handed_over: dict[str, str] = {}  # docs path → digest of what the last build gave MkDocs
        self.bodies: dict[str, tuple[Page, str]] = {}  # generated page's docs path → it, its stand-in
        self.progress: Progress | None = None
        self.settings: Settings | None = None
        self.checked: CheckResult | None = None  # a check the CLI has just run, for the next build only
        self.memo: Memo | None = None  # what a preview's last build made (`pages.Memo`)
        self.survivors: collector.Survivors | None = None  # what it keeps alive, out of the collector's way
        self.compiled = _Compiled()  # the theme's templates, compiled once for a whole preview
        self.content: tuple[dict[str, str], str | None] | None = None  # the last build's pages, site_url
        self.order: list[str] = []  # every generated page of this build, in order (the sitemap's)
        self.entries: dict[str, tuple[bool, str | None, str | None]] = {}  # a page's sitemap entry

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # In a build, a checker message is a warning, so strict mode stops the build; in a preview
        # it is shown without stopping, so a contributor still sees the rest of the site.
        self.preview = command == "serve"
        self.memo = Memo() if self.preview else None
        self.survivors = collector.Survivors() if self.preview else None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """The frame from the data: the description and sample notice of site.yml, and each
        campaign (its page, its plan's page) in the campaigns' section of the navigation."""
        if self.survivors is not None:
            self.survivors.begin()  # the first event of every build
        found = frame(Project(Path(config.config_file_path).resolve().parent), Path(config.docs_dir))
        if found is None:
            return config  # the registries have errors: on_files reports them and stops
        config.site_description = config.site_description or found.description
        config.extra.setdefault("sample_data", found.sample_data)
        entries = [{title: path} for title, path in found.campaign_nav]
        title = self.config["campaigns_section"]
        nav = config.nav if config.nav is not None else []
        section = next((item for item in nav if isinstance(item, dict) and title in item), None)
        if section is None:
            nav.append({title: entries})
        else:
            section[title] = entries + list(section[title] or [])
        config.nav = nav
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        project = Project(Path(config.config_file_path).resolve().parent)
        content = {f.src_uri: f.content_string for f in files.documentation_pages()}  # for search
        built = build(project, engine_settings(config), content, self.checked, self.memo)
        self.checked = None  # a preview's next build checks the files as they are then
        for diagnostic in built.result.diagnostics:
            # A checker warning (a neutralised story tag, NFD text) must not abort a strict build;
            # `dvk check --strict` is where warnings become errors. A preview never stops.
            stops = diagnostic.severity is Severity.ERROR and not self.preview
            log.log(logging.WARNING if stops else logging.INFO, diagnostic.render())
        for line in findings.left_out_lines(built.result):
            log.info(line)
        if built.settings is None:
            raise Abort("dvk: danh mục trong exemplars/ hoặc thư mục của dự án có lỗi, "
                        "không thể dựng trang (xem ở trên).")
        log.info("dvk: %s", built.tally.line())
        config.extra["dvk_footer"] = footer(built.settings)
        self.settings = built.settings
        if built.leaks:  # even a preview: a preview is served, and may be shared
            for leak in built.leaks:
                log.error(leak.render())
            raise Abort("dvk: tệp sắp công bố chứa dữ liệu cá nhân (xem ở trên); không dựng trang.")
        self.bodies = {}
        taken = {file.src_uri for file in files}
        cache = f"{project.cache_dir}{os.sep}"
        # A hand-written page links generated ones, which MkDocs checks when it renders it: after
        # an edit to one, every page is handed over, as in the first build.
        whole = not self.handed_over or (content, config.site_url) != self.content
        self.content = (content, config.site_url)
        named = set(_nav_paths(config.nav))
        self.order = []
        for item in built.files:
            if item.path in taken:
                raise Abort(f"dvk: content/{item.path} trùng với một trang được sinh tự động; "
                            "hãy đổi tên hoặc xóa tệp đó.")
            if isinstance(item, Page):
                self.order.append(item.path)
                if self._kept_page(item, whole, named):
                    continue
                self.bodies[item.path] = (item, BODY_TITLED if item.titled else BODY)
                # The digest covers the body too: the placeholder is the same on every page.
                file = _Generated.generated(config, item.path, content=item.front_matter() + PLACEHOLDER)
                file.unchanged = self.preview and self._unchanged(item.path, item.digest)
            elif self._kept(item, cache):
                continue
            elif item.packed is not None:
                file = _Generated.generated(config, item.path, content=b"")
                file.packed = item.packed
            else:
                kind = _Linked if str(item.source).startswith(cache) else File
                file = kind.generated(config, item.path, abs_src_path=str(item.source))
            files.append(file)
        self.progress = Progress("Dựng trang", len(files.documentation_pages()))
        # What the build made lives until MkDocs has written it: the cycle collector leaves it
        # alone meanwhile (as `pipeline.build` does while making it).
        collector.freeze()
        return files

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._built()

    def on_build_error(self, *, error: Exception) -> None:
        self._built()
        self.handed_over.clear()  # what the failed build wrote is unknown: the next hands over all

    def on_shutdown(self) -> None:
        collector.leaving()  # MkDocs calls it last: its `build`, `gh-deploy` and `serve` exit next

    def _built(self) -> None:
        """A preview keeps what the build made for the next one; a build keeps nothing."""
        if self.survivors is not None:
            self.survivors.keep()
        else:
            collector.thaw()

    def _unchanged(self, path: str, digest: str | None) -> bool:
        """Whether what `path` has now (its `digest`) is what it had in the previous build;
        remembers it for the next."""
        same = digest is not None and self.handed_over.get(path) == digest
        self.handed_over[path] = digest
        return same

    def _kept_page(self, item: Page, whole: bool, named: set[str]) -> bool:
        """Whether a page the last build wrote as it is now stays out of MkDocs, as an unchanged
        asset does (`_kept`). MkDocs makes a page object of every page it is handed, its
        address and canonical address among them (a tenth of a rebuild at 10,000 exemplars);
        the navigation's own pages are always handed over, and the sitemap, which lists every
        page, gets the kept ones' entries as the last build gave them (`on_template_context`)."""
        return (self.preview and not whole and item.path not in named and item.path in self.entries
                and self.handed_over.get(item.path) == item.digest)

    def _kept(self, item: Asset, cache: str) -> bool:
        """Whether the last build of this preview wrote this asset as it is now (the same bytes,
        or the same entry of the cache, whose name is its content's key): it is in the site
        folder, which a dirty build never cleans, so MkDocs is not told of it at all. Most of a
        site's files are such assets; MkDocs otherwise makes, sorts and checks each at every
        build. Pages: `_kept_page`."""
        if not self.preview:
            return False
        if item.packed is not None:
            return self._unchanged(item.path, item.digest)
        source = str(item.source)
        return self._unchanged(item.path, source if source.startswith(cache) else None)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        if self.preview:
            for file in files.documentation_pages():
                page = file.page
                if page is not None and file.src_uri in self.bodies:
                    self.entries[file.src_uri] = (page.is_link, page.abs_url, page.canonical_url)
        return nav

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        # MkDocs makes a new environment for every build: a preview's rebuild compiled the theme anew.
        if self.preview:
            env.bytecode_cache = self.compiled
        return env

    def on_pre_page(self, page: MkDocsPage, *, config: MkDocsConfig, files: Files) -> MkDocsPage:
        if page.file.src_uri in self.bodies:
            page.render = types.MethodType(_render_finished, page)  # type: ignore[method-assign]
        return page

    def on_page_markdown(self, markdown: str, *, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        # A hand-written page's `{dvk:…}` placeholders, filled from the configuration.
        if page.file.src_uri in self.bodies or self.settings is None:
            return markdown
        for name in unknown(markdown):
            log.warning("dvk: content/%s: không có chỗ điền {dvk:%s} — hãy dùng một trong: %s",
                        page.file.src_uri, name, ", ".join(NAMES))
        return fill(markdown, page.file.src_uri, self.settings)

    def on_page_content(self, html: str, *, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        # MkDocs holds every page's content from its first pass to its last; a generated page's
        # stays packed until its own output is written (`on_post_page`).
        generated = self.bodies.get(page.file.src_uri)
        return html if generated is None else generated[1]

    def on_post_page(self, output: str, *, page: MkDocsPage, config: MkDocsConfig) -> str:
        if self.progress is not None:
            self.progress.step()
        generated = self.bodies.get(page.file.src_uri)
        if not self.preview:
            # The preview's live reload injects an inline script of its own, different on every
            # response: no policy could name it. The preview runs on the contributor's machine.
            output = with_policy(output, page.content or "", offline=not config.use_directory_urls)
        if generated is None:
            return output
        item, stand_in = generated
        return output.replace(stand_in, item.html, 1)

    def on_template_context(self, context: TemplateContext, *, template_name: str,
                            config: MkDocsConfig) -> TemplateContext:
        # MkDocs links an error page (404.html) from the site's root path, for a server that sends
        # it for a missing address at any depth. The copy opened from a folder has no server and
        # no root: there the page sits at the folder's top, and links relative to it.
        if is_error_template(template_name) and not config.use_directory_urls:
            context.update(get_context(context["nav"], context["pages"], config, base_url="."))
        if template_name == "sitemap.xml" and self.preview:
            handed = {file.src_uri: file for file in context["pages"]}
            day = get_build_date()  # every page's, in MkDocs
            context["pages"] = [*(file for file in context["pages"] if file.src_uri not in self.entries),
                                *(handed.get(path) or _Entry(_Sitemapped(*self.entries[path], day))
                                  for path in self.order)]
        return context

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        # The theme's own pages (404.html): no Markdown in them, the same policy as every page.
        if self.preview or not template_name.endswith(".html"):
            return output_content
        return with_policy(output_content, offline=not config.use_directory_urls)

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: object) -> LiveReloadServer:
        # Exemplars live outside docs_dir; watch them so an edit rebuilds the preview.
        server.watch(str(Path(config.config_file_path).resolve().parent / "exemplars"))
        return server


@dataclass(frozen=True)
class _Sitemapped:
    """What the sitemap template reads of a page."""

    is_link: bool
    abs_url: str | None
    canonical_url: str | None
    update_date: str


@dataclass(frozen=True)
class _Entry:
    """A page the preview kept out of MkDocs, as the sitemap template reads a file."""

    page: _Sitemapped


def _nav_paths(nav: object) -> Iterator[str]:
    """Every page the navigation names (mkdocs.yml's, and the campaigns' section)."""
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from _nav_paths(value)
    elif isinstance(nav, list):
        for value in nav:
            yield from _nav_paths(value)


def footer(settings: Settings) -> dict[str, str]:
    """What every page's footer prints (theme/partials/copyright.html): plain text, one URL."""
    lines = {"publisher": settings.publisher, "licence": settings.licence.name,
             "licence_url": settings.licence.url}
    if settings.address:
        lines["address"] = settings.address
    if settings.updated:
        lines["updated"] = vi_short_date(settings.updated)
        lines["updated_iso"] = settings.updated.isoformat()
    return lines


def _render_finished(page: MkDocsPage, config: MkDocsConfig, files: Files) -> None:
    """What `Page.render` leaves on a page whose body is the placeholder: no headings (so no
    table of contents), no anchors, no links; `on_page_content` then puts the HTML in."""
    page.content = ""
    page.toc = get_toc([])
    page._title_from_render = None
    page.present_anchor_ids = set()
    page.links_to_anchors = {}


class _Linked(File):
    """A made file (a photo variant, a social card) published as a second name of its entry in
    the cache, not a copy: most of a site's bytes are photos, and copying them, then deleting
    the copies at the next build, was a tenth of a warm build. The entry is verified against
    its manifest before every build (`site.make`), so a change through this name is undone."""

    def copy_file(self, dirty: bool = False) -> None:
        if dirty and not self.is_modified():
            return
        assert self.abs_src_path is not None
        target = self.abs_dest_path
        os.makedirs(os.path.dirname(target), exist_ok=True)
        try:
            if os.path.lexists(target):
                os.unlink(target)
            os.link(self.abs_src_path, target)
        except OSError:  # another file system, or one without links
            super().copy_file(dirty)


class _Compiled(jinja2.BytecodeCache):
    """Compiled templates in memory, each under its name and the checksum of its source."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


class _Generated(File):
    """A file the core made: a page's front matter, or a file's bytes held `packed` until MkDocs
    writes them. One the same as in the previous build of this preview is `unchanged`: a dirty
    build skips it, so an edit to one exemplar re-renders its page and the lists that show it."""

    packed: bytes | None = None
    unchanged: bool = False

    def is_modified(self) -> bool:
        return not (self.unchanged and os.path.isfile(self.abs_dest_path))

    def copy_file(self, dirty: bool = False) -> None:
        if self.packed is None or (dirty and not self.is_modified()):
            return super().copy_file(dirty)
        os.makedirs(os.path.dirname(self.abs_dest_path), exist_ok=True)
        with open(self.abs_dest_path, "wb") as output:
            output.write(unpack(self.packed))

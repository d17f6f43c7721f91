"""The MkDocs plugin (`plugins: [dvk]`): hands the core's generated files to MkDocs in memory.

Events only; everything of substance is `dvk.pipeline.build`. An engine that runs no Python
plugins builds the tree that `dvk export-markdown` writes instead. The plugin defines
`on_startup`, so MkDocs keeps one instance for a whole `mkdocs serve`: what the previous build
handed over lives on it, and a preview rebuilds only what an edit changed.

A generated page is finished HTML. MkDocs gets a Markdown file of its front matter and a
placeholder, and `on_page_content` puts our HTML in the placeholder's place: Python-Markdown
never parses a contributor's text.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage

from .. import findings
from ..diagnostics import Severity
from ..pages import Page
from ..pages.placeholders import NAMES, fill, unknown
from ..pipeline import build
from ..progress import Progress
from ..project import Project
from ..settings import Settings, engine_settings
from ..site.policy import with_policy

log = logging.getLogger("mkdocs.plugins.dvk")
PLACEHOLDER = "dvk\n"  # a generated page's Markdown body, replaced by its HTML (`on_page_content`)


class DvkPlugin(BasePlugin):
    def __init__(self) -> None:
        self.preview = False
        self.handed_over: dict[str, str] = {}  # docs path → digest of what the last build gave MkDocs
        self.bodies: dict[str, str] = {}  # generated page's docs path → its finished HTML
        self.progress: Progress | None = None
        self.settings: Settings | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # In a build, a checker message is a warning, so strict mode stops the build; in a preview
        # it is shown without stopping, so a contributor still sees the rest of the site.
        self.preview = command == "serve"

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        project = Project(Path(config.config_file_path).resolve().parent)
        content = {f.src_uri: f.content_string for f in files.documentation_pages()}  # for search
        built = build(project, engine_settings(config), content)
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
        self.settings = built.settings
        if built.leaks:  # even a preview: a preview is served, and may be shared
            for leak in built.leaks:
                log.error(leak.render())
            raise Abort("dvk: tệp sắp công bố chứa dữ liệu cá nhân (xem ở trên); không dựng trang.")
        self.bodies = {}
        for item in built.files:
            if files.get_file_from_path(item.path) is not None:
                raise Abort(f"dvk: content/{item.path} trùng với một trang được sinh tự động; "
                            "hãy đổi tên hoặc xoá tệp đó.")
            if isinstance(item, Page):
                self.bodies[item.path] = item.html
                source = item.front_matter() + PLACEHOLDER
                # The digest covers the body too: the placeholder is the same on every page.
                unchanged = self.preview and self._unchanged(item.path, (source + item.html).encode())
                files.append((_Unchanged if unchanged else File).generated(config, item.path, content=source))
            elif item.data is not None:
                kind = _Unchanged if self.preview and self._unchanged(item.path, item.data) else File
                files.append(kind.generated(config, item.path, content=item.data))
            else:
                files.append(File.generated(config, item.path, abs_src_path=str(item.source)))
        self.progress = Progress("Dựng trang", len(files.documentation_pages()))
        return files

    def _unchanged(self, path: str, content: bytes) -> bool:
        """Whether `content` is what `path` had in the previous build; remembers it for the next."""
        digest = hashlib.blake2b(content, digest_size=16).hexdigest()
        same = self.handed_over.get(path) == digest
        self.handed_over[path] = digest
        return same

    def on_page_markdown(self, markdown: str, *, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        # A hand-written page's `{dvk:…}` placeholders, filled from the configuration.
        if page.file.src_uri in self.bodies or self.settings is None:
            return markdown
        for name in unknown(markdown):
            log.warning("dvk: content/%s: không có chỗ điền {dvk:%s} — hãy dùng một trong: %s",
                        page.file.src_uri, name, ", ".join(NAMES))
        return fill(markdown, page.file.src_uri, self.settings)

    def on_page_content(self, html: str, *, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        return self.bodies.get(page.file.src_uri, html)

    def on_post_page(self, output: str, *, page: MkDocsPage, config: MkDocsConfig) -> str:
        if self.progress is not None:
            self.progress.step()
        if self.preview:
            # The preview's live reload injects an inline script of its own, different on every
            # response: no policy could name it. The preview runs on the contributor's machine.
            return output
        return with_policy(output, page.content or "", offline=not config.use_directory_urls)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        # The theme's own pages (404.html): no Markdown in them, the same policy as every page.
        if self.preview or not template_name.endswith(".html"):
            return output_content
        return with_policy(output_content, offline=not config.use_directory_urls)

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: object) -> LiveReloadServer:
        # Exemplars live outside docs_dir; watch them so an edit rebuilds the preview.
        server.watch(str(Path(config.config_file_path).resolve().parent / "exemplars"))
        return server


class _Unchanged(File):
    """Generated exactly as in the previous build of this preview: a dirty build skips it, so
    an edit to one exemplar re-renders its page and the lists that show it, not the whole site."""

    def is_modified(self) -> bool:
        return not os.path.isfile(self.abs_dest_path)

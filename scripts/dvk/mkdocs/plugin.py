"""The MkDocs plugin (`plugins: [dvk]`): hands the core's generated files to MkDocs in memory.

Events only; everything of substance is `dvk.pipeline.build`. An engine that runs no Python
plugins builds the tree that `dvk export-markdown` writes instead. The plugin defines
`on_startup`, so MkDocs keeps one instance for a whole `mkdocs serve`: what the previous build
handed over lives on it, and a preview rebuilds only what an edit changed.
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

from .. import findings
from ..diagnostics import Severity
from ..pages import Page
from ..pipeline import build
from ..progress import Progress
from ..project import Project
from ..settings import engine_settings

log = logging.getLogger("mkdocs.plugins.dvk")


class DvkPlugin(BasePlugin):
    def __init__(self) -> None:
        self.preview = False
        self.handed_over: dict[str, str] = {}  # docs path → digest of what the last build gave MkDocs
        self.progress: Progress | None = None

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
            raise Abort("dvk: danh mục trong exemplars/ có lỗi, không thể dựng trang (xem ở trên).")
        log.info("dvk: %s", built.tally.line())
        if built.leaks:  # even a preview: a preview is served, and may be shared
            for leak in built.leaks:
                log.error(leak.render())
            raise Abort("dvk: tệp sắp công bố chứa dữ liệu cá nhân (xem ở trên); không dựng trang.")
        for item in built.files:
            if files.get_file_from_path(item.path) is not None:
                raise Abort(f"dvk: content/{item.path} trùng với một trang được sinh tự động; "
                            "hãy đổi tên hoặc xoá tệp đó.")
            if isinstance(item, Page) or item.data is not None:
                data = item.markdown.encode() if isinstance(item, Page) else item.data
                kind = _Unchanged if self.preview and self._unchanged(item.path, data) else File
                files.append(kind.generated(config, item.path, content=data))
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

    def on_post_page(self, output: str, *, page: object, config: MkDocsConfig) -> str:
        if self.progress is not None:
            self.progress.step()
        return output

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: object) -> LiveReloadServer:
        # Exemplars live outside docs_dir; watch them so an edit rebuilds the preview.
        server.watch(str(Path(config.config_file_path).resolve().parent / "exemplars"))
        return server


class _Unchanged(File):
    """Generated exactly as in the previous build of this preview: a dirty build skips it, so
    an edit to one exemplar re-renders its page and the lists that show it, not the whole site."""

    def is_modified(self) -> bool:
        return not os.path.isfile(self.abs_dest_path)

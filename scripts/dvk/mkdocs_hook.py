"""MkDocs adapter: hands the core's generated pages to MkDocs as in-memory files.

Everything of substance happens in the core (`dvk.project.check`, `dvk.pages.generate`); this
module only translates. An engine that runs no Python hooks builds the tree that
`dvk export-markdown` writes instead.
"""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime, time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files

from dvk import preview
from dvk.diagnostics import Severity
from dvk.media import make
from dvk.pages import Page, generate
from dvk.progress import Progress
from dvk.project import CheckResult, Project, check
from dvk.report import left_out_lines

log = logging.getLogger("mkdocs.hooks.dvk")


def on_startup(command: str, dirty: bool) -> None:
    # In a build, a checker message is a warning, so strict mode stops the build; in a preview it
    # is shown without stopping, so a contributor still sees the rest of the site while fixing a
    # file. Kept in the package: MkDocs re-executes this file for every rebuild of a preview.
    preview.active = command == "serve"


def _project(config: MkDocsConfig) -> Project:
    return Project(Path(config.config_file_path).resolve().parent)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    result = check(_project(config))
    for diagnostic in result.diagnostics:
        # A checker warning (a neutralised story tag, NFD text) must not abort a strict build;
        # `dvk check --strict` is where warnings become errors. A preview never stops.
        stops = diagnostic.severity is Severity.ERROR and not preview.active
        log.log(logging.WARNING if stops else logging.INFO, diagnostic.render())
    for line in left_out_lines(result):
        log.info(line)
    if result.catalog is None:
        raise Abort("dvk: danh mục trong exemplars/ có lỗi, không thể dựng trang (xem ở trên).")
    _pin_build_date(result)
    written = {f.src_uri: f.content_string for f in files.documentation_pages()}  # for search
    made, tally = make(generate(result.catalog, site_url=config.site_url, content=written,
                                directory_urls=config.use_directory_urls), _project(config).cache_dir)
    log.info("dvk: %s", tally.line())
    for item in made:
        if files.get_file_from_path(item.path) is not None:
            raise Abort(f"dvk: content/{item.path} trùng với một trang được sinh tự động; "
                        "hãy đổi tên hoặc xoá tệp đó.")
        if isinstance(item, Page) or item.data is not None:
            data = item.markdown.encode() if isinstance(item, Page) else item.data
            kind = _Unchanged if preview.active and preview.unchanged(item.path, data) else File
            files.append(kind.generated(config, item.path, content=data))
        else:
            files.append(File.generated(config, item.path, abs_src_path=str(item.source)))
    global _pages
    _pages = Progress("Dựng trang", len(files.documentation_pages()))
    return files


_pages: Progress | None = None


class _Unchanged(File):
    """Generated exactly as in the previous build of this preview: a dirty build skips it, so
    an edit to one exemplar re-renders its page and the lists that show it, not the whole site."""

    def is_modified(self) -> bool:
        return not os.path.isfile(self.abs_dest_path)


def on_post_page(output: str, page: object, config: MkDocsConfig) -> str:
    if _pages is not None:
        _pages.step()
    return output


def _pin_build_date(result: CheckResult) -> None:
    """Same input, same bytes: MkDocs stamps pages and the sitemap with the build date unless
    SOURCE_DATE_EPOCH is set, so pin it to the newest recognition in the data."""
    if "SOURCE_DATE_EPOCH" in os.environ or result.catalog is None:
        return
    newest = result.catalog.newest(1)
    if newest:
        moment = datetime.combine(newest[0].recognition.date, time(), tzinfo=UTC)
        os.environ["SOURCE_DATE_EPOCH"] = str(int(moment.timestamp()))


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    # Exemplars live outside docs_dir; watch them so an edit rebuilds the preview.
    server.watch(str(_project(config).exemplars_dir))
    return server

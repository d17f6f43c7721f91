"""Running MkDocs for `dvk build` and `dvk serve`: the only place the CLI meets the engine."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.commands.serve import serve as mkdocs_serve
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from ..pipeline import CheckResult
from ..project import Project


def _logging() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO)


def build_site(project: Project, site_dir: Path, offline: bool = False,
               checked: CheckResult | None = None) -> str | None:
    """Build the site strictly into `site_dir`; the engine's complaint, or None when built.
    `checked` is the project's check that the caller has just run and printed: the plugin
    builds from it instead of checking everything a second time."""
    _logging()
    try:
        # From file:// a link to `dien-hinh/x/` opens a folder listing; the offline copy links to
        # `dien-hinh/x/index.html` instead. The public site keeps its stable directory URLs.
        config = load_config(str(project.config_file), site_dir=str(site_dir), strict=True,
                             use_directory_urls=not offline)
        plugin = config.plugins.get("dvk")
        if checked is not None and plugin is not None:
            plugin.checked = checked  # type: ignore[attr-defined]
        build(config)
    except MkDocsException as exc:
        return str(exc)
    return None


def serve(project: Project, dev_addr: str) -> None:
    _logging()
    # Dirty builds: after the first, only what an edit changed is rendered again (the plugin
    # marks the generated pages that came out the same). Not strict: MkDocs warns about every
    # dirty build, and a preview shows a broken file's messages without stopping.
    mkdocs_serve(str(project.config_file), dev_addr=dev_addr, livereload=True, build_type="dirty",
                 strict=False)

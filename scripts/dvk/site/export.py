"""Write the site's files as a plain Markdown tree: `content/` plus every generated page and
asset, for an engine that reads `mkdocs.yml` but runs no Python plugins.

A generated page is finished HTML; written as its front matter and one raw HTML block on a
single line, which Python-Markdown keeps as it is: no line of a contributor's text can start a
Markdown block (a fence, an admonition, a list), because there is no such line.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

from ..pages import Page, SiteFile


def copy_content(content_dir: Path, out: Path) -> dict[str, str]:
    """Copy the hand-written pages into `out`; their text by docs path (search covers them)."""
    shutil.copytree(content_dir, out, dirs_exist_ok=True)
    return {path.relative_to(out).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(out.rglob("*.md"))}


def write_tree(files: Iterable[SiteFile], out: Path) -> None:
    for item in files:
        target = out / item.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(item, Page):
            target.write_text(markdown_file(item), encoding="utf-8")
        elif (data := item.data) is not None:
            target.write_bytes(data)
        else:
            shutil.copyfile(item.source, target)


def markdown_file(page: Page) -> str:
    # A newline inside the HTML becomes `&#10;`: inside <pre> still a newline for the browser,
    # elsewhere whitespace, as it was.
    body = page.html.strip().replace("\r", "&#13;").replace("\n", "&#10;")
    return f'{page.front_matter()}<div class="dvk-page">{body}</div>\n'

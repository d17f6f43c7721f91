"""A redirect page: a merged unit's or commune's old address leads to where its work is today.

A small page (meta refresh + canonical + a visible link), so a link printed in 2024 still lands
on the unit or commune that carries the work today, from any host and from a folder.
"""

from __future__ import annotations

from .. import urls
from .base import Page, Site


def redirect(site: Site, path: str, old_name: str, target: str, target_name: str, note: str) -> Page:
    return site.render(path, "redirect.html.j2", old_name=old_name, target=target,
                       target_name=target_name, note=note,
                       redirect=urls.relative(path, urls.served(target, directory_urls=False)),
                       canonical=urls.served(target))

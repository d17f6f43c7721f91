"""Engines that run no Python of ours, reading a tree written by `dvk export-markdown`."""

from __future__ import annotations

import os
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]


def config_without_plugin(tree: Path, site: Path, repo: Path = REPO) -> Path:
    """The project's mkdocs.yml for an exported tree, as an engine that runs no Python of ours
    reads it (MkDocs without our plugin, Zensical): no plugin, no toc slugify of ours. Written
    beside the tree and naming it relative to itself, as a project does: Zensical stops on an
    absolute docs_dir, and on a docs_dir or site_dir outside the configuration's folder (so
    `site` belongs beside `tree`)."""
    config = yaml.safe_load((repo / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "!!python/name:dvk.text.slugs.slugify", "removed"))
    config["plugins"] = []
    for extension in config["markdown_extensions"]:
        if isinstance(extension, dict) and "toc" in extension:
            extension["toc"].pop("slugify")
    config_file = tree.parent / f"{site.name}-mkdocs.yml"
    config.update(docs_dir=os.path.relpath(tree, config_file.parent), site_dir=str(site), strict=False)
    config["theme"]["custom_dir"] = str(repo / "theme")
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return config_file

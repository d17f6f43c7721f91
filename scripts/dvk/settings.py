"""What is true of the whole site, read once per build: the seam between configuration and code.

`Settings` is assembled by the pipeline from two places: the engine's `mkdocs.yml` (the site's
name and public address, whether URLs are folders) and `exemplars/site.yml`, checked against
its schema like every registry (who publishes, under which licence, the line on the social
cards). Campaigns, their periods and targets are registries (`campaigns.yml`, `model.Campaign`).
No module below keeps a name, number or date of a campaign, unit or place.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class Licence:
    name: str
    url: str
    attribution: str = ""  # the credit to give when the data is reused (site.yml: licence)

    def as_json(self) -> dict[str, str]:
        return {"name": self.name, "url": self.url}


@dataclass(frozen=True)
class Contribute:
    """How people send an exemplar (site.yml: contribute): the repository, who to ask, who
    reviews and how fast, and the OAuth proxy that signs the web form in to GitHub."""

    repository: str  # https://github.com/<owner>/<name>
    branch: str
    issue_form: str | None
    office: str
    office_phone: str | None
    office_email: str | None
    reviewer: str
    review_days: int
    auth_base_url: str | None
    auth_endpoint: str

    @property
    def repo_slug(self) -> str:
        """`owner/name`, as the web form's GitHub backend names the repository."""
        return "/".join(self.repository.rstrip("/").split("/")[-2:])

    @property
    def nomination_url(self) -> str:
        """The nomination issue form, opened on GitHub (its list of forms when none is named)."""
        base = self.repository.rstrip("/") + "/issues/new"
        return f"{base}?template={self.issue_form}" if self.issue_form else f"{base}/choose"


@dataclass(frozen=True)
class Settings:
    site_title: str
    site_url: str | None  # feeds and open data need absolute links; None: no feeds
    directory_urls: bool  # False for a copy opened from a folder (file://)
    publisher: str
    licence: Licence
    card_line: str  # the line above the title on every social card
    permalink_title: str  # a heading's link to itself, as mkdocs.yml's toc extension titles it
    description: str = ""  # what the site holds (site.yml: description), for the home page
    address: str | None = None  # the publisher's office, in every page's footer
    updated: date | None = None  # the day the site was built, "cập nhật" in every page's footer
    contribute: Contribute | None = None
    # The npm packages' folder (node_modules): the web form's bundle is copied from it, pinned by
    # package-lock.json; None, or a folder without it, gives a form page that says so.
    vendor_dir: Path | None = None


def engine_settings(config: Mapping[str, Any]) -> dict[str, Any]:
    """The part of `mkdocs.yml` the core reads: the site's name, address and URL style."""
    url = config.get("site_url")
    return {"site_title": str(config.get("site_name") or ""),
            "site_url": url if isinstance(url, str) and url else None,
            "directory_urls": config.get("use_directory_urls", True) is not False,
            "permalink_title": str(_toc_options(config).get("permalink_title") or "Permanent link")}


def _toc_options(config: Mapping[str, Any]) -> Mapping[str, Any]:
    """The toc extension's options: MkDocs keeps them in `mdx_configs`, the YAML file in the
    `markdown_extensions` list (Python-Markdown's own default title is "Permanent link")."""
    if isinstance(config.get("mdx_configs"), Mapping):
        return config["mdx_configs"].get("toc") or {}
    for extension in config.get("markdown_extensions") or []:
        if isinstance(extension, Mapping) and isinstance(extension.get("toc"), Mapping):
            return extension["toc"]
    return {}


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without MkDocs: its `!!python/name:` and `!ENV` tags are not needed here."""


_ConfigLoader.add_multi_constructor("", lambda loader, tag, node: None)


def read_engine_settings(config_file: Path) -> dict[str, Any]:
    """`engine_settings` of a mkdocs.yml read as plain YAML (no engine needed); a file that
    cannot be read gives no address, so no feeds: building reports a broken mkdocs.yml itself."""
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except (OSError, yaml.YAMLError):
        config = None
    return engine_settings(config if isinstance(config, dict) else {})


def settings_of(engine: Mapping[str, Any], site: Mapping[str, Any], publisher: str,
                updated: date | None = None, vendor_dir: Path | None = None) -> Settings:
    """Settings from `engine_settings`, the checked data of `exemplars/site.yml`, who
    publishes the site now (a dated entry of site.yml, resolved by the registry), the day of
    the build and the npm packages' folder."""
    return Settings(
        **engine,
        publisher=publisher,
        licence=Licence(site["licence"]["name"], site["licence"]["url"], site["licence"].get("attribution", "")),
        card_line=site.get("card_tagline") or site["title"],
        description=site.get("description") or "",
        address=site.get("address"),
        updated=updated,
        contribute=contribute_of(site.get("contribute")),
        vendor_dir=vendor_dir,
    )


def contribute_of(data: Mapping[str, Any] | None) -> Contribute | None:
    if not data:
        return None
    office, review, form = data["office"], data["review"], data.get("form") or {}
    return Contribute(
        repository=data["repository"], branch=data.get("branch") or "main",
        issue_form=data.get("issue_form"), office=office["name"], office_phone=office.get("phone"),
        office_email=office.get("email"), reviewer=review["by"], review_days=review["days"],
        auth_base_url=form.get("base_url"), auth_endpoint=form.get("auth_endpoint") or "auth")

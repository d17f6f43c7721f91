"""One project on disk: where its files are. A leaf every stage may name."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def exemplars_dir(self) -> Path:
        return self.root / "exemplars"

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def cache_dir(self) -> Path:
        return self.root / ".cache"  # made photos and cards (dvk.site.make); gitignored

    def site_dir(self, offline: bool = False) -> Path:
        """Where `dvk build` writes the site by default; gitignored."""
        return self.root / ("site-offline" if offline else "site")

    @property
    def nginx_dir(self) -> Path:
        """Where `dvk nginx-config` writes the server's configuration by default; gitignored."""
        return self.root / "build" / "nginx"

    @property
    def made_dirs(self) -> tuple[Path, ...]:
        """The folders dvk makes: never part of the repository (`load.tracked`)."""
        return (self.cache_dir, self.site_dir(), self.site_dir(offline=True))

    @property
    def vendor_dir(self) -> Path:
        """The npm packages (`npm ci`, pinned by package-lock.json): the web form's bundle."""
        return self.root / "node_modules"

    @property
    def config_file(self) -> Path:
        return self.root / "mkdocs.yml"

    @classmethod
    def find(cls, start: Path | None = None) -> Project:
        """The nearest folder at or above `start` that holds mkdocs.yml and exemplars/."""
        here = (start or Path.cwd()).resolve()
        for folder in (here, *here.parents):
            if (folder / "mkdocs.yml").is_file() and (folder / "exemplars").is_dir():
                return cls(folder)
        return cls(here)

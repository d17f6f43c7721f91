"""Hosting the built site: on the province's own nginx, or past one host (rsync, S3 + CDN).

After `site/` (it reads only what `dvk build` wrote) and beside the conductor: `tree.py` reads
the built site as a server sees it, `rules.py` states once how each file is served (type,
compression, cache lifetime, headers), `compress.py` writes the precompressed copies,
`nginx.py` the server's configuration, and `rsync.py` and `s3.py` deploy only what changed.
"""

from __future__ import annotations

from pathlib import Path

from . import rsync
from .compress import Precompressed, precompress
from .outcomes import HostingError, Synced
from .tree import BuiltSite, read_site


def prepared(site_dir: Path, cache: Path) -> tuple[BuiltSite, Precompressed]:
    """The site `dvk build` wrote into `site_dir`, with its precompressed copies up to date."""
    if not (site_dir / "index.html").is_file():
        raise HostingError("host.no_site", str(site_dir))
    try:
        return precompress(read_site(site_dir), cache)
    except OSError as exc:
        raise HostingError("host.io", str(exc.filename or site_dir), reason=exc.strerror or str(exc)) from None


def deploy(site: BuiltSite, target: str, endpoint_url: str | None = None, dry_run: bool = False) -> Synced:
    """Send what changed to `target`: `s3://bucket/folder` to object storage, anything rsync
    takes (a folder, `host:/path`, `rsync://host/module/path`) by rsync."""
    if target.startswith("s3://"):
        from . import s3  # boto3 is optional (the `s3` extra): loaded only to deploy there

        return s3.deploy(site, target, endpoint_url, dry_run)
    if "://" in target and not target.startswith("rsync://"):
        raise HostingError("host.target", target, target=target)
    return rsync.deploy(site, target, dry_run)


__all__ = ["BuiltSite", "HostingError", "Precompressed", "Synced", "deploy", "prepared", "read_site"]

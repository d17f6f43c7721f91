"""Deploying to a web server by rsync: only the files whose bytes changed travel.

A build of the same input gives the same bytes, so rsync's `--checksum` (compare the files'
content, not their times: every build writes every file anew) finds exactly the pages an edit
changed. Files the site no longer has are deleted at the end (`--delete-after`), and the new
files are put in place together (`--delay-updates`), so a reader never sees half a deploy. The
precompressed copies go along: the server's nginx sends them (`nginx.py`).

The target is what rsync takes: a folder on this machine, `host:/path` (over ssh) or
`rsync://host[:port]/module/path` (an rsync daemon).
"""

from __future__ import annotations

import shutil
import subprocess

from .outcomes import HostingError, Synced
from .tree import BuiltSite

TIMEOUT = 120  # seconds without any data before rsync gives up (an unreachable or stuck server)


def deploy(site: BuiltSite, target: str, dry_run: bool = False) -> Synced:
    rsync = shutil.which("rsync")
    if rsync is None:
        raise HostingError("host.rsync_missing", target)
    command = [rsync, "--recursive", "--checksum", "--delete", "--delete-after", "--delay-updates",
               "--perms", "--chmod=D755,F644",  # readable by the web server, whoever built the site
               f"--timeout={TIMEOUT}", "--out-format=%i %n"]
    if target.startswith("rsync://"):
        command.append(f"--contimeout={TIMEOUT}")
    if dry_run:
        command.append("--dry-run")
    try:
        done = subprocess.run([*command, f"{site.root}/", target], capture_output=True, text=True,
                              errors="replace", stdin=subprocess.DEVNULL)
    except OSError as exc:
        raise HostingError("host.rsync_failed", target, status="-", reason=exc.strerror or str(exc)) from None
    if done.returncode != 0:
        reason = next((line for line in reversed(done.stderr.splitlines()) if line.strip()), "")
        raise HostingError("host.rsync_failed", target, status=done.returncode, reason=reason.strip())
    # Each changed item is one line: `<f…` / `>f…` a file sent, `*deleting` one removed.
    changes = [line.split(" ", 1)[0] for line in done.stdout.splitlines()]
    sent = sum(1 for change in changes if change[:2] in ("<f", ">f"))
    deleted = sum(1 for line in done.stdout.splitlines()
                  if line.startswith("*deleting") and not line.endswith("/"))
    return Synced(sent, deleted, len(site.files) + len(site.variants), dry_run)

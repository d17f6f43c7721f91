"""Whether the repository tracks what dvk makes: the caches (.cache/) and the built sites.

A cache or a built site in the repository is content nobody checked: a committed .cache could
hold forged check results or photo entries, a committed site/ pages no build made. So `check`
asks git which files it tracks under those folders and refuses them (`repo.tracked_made`).
Without git, or outside a git work tree, there is nothing to ask and nothing is refused.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from ..diagnostics import Diagnostic
from ..project import Project

SHOWN = 5  # files named in the message; the count says how many more


def tracked_made(project: Project) -> dict[Path, list[str]]:
    """Each made folder that git tracks files under → those files (posix, from the root)."""
    folders = [folder.relative_to(project.root).as_posix() for folder in project.made_dirs]
    try:
        listed = subprocess.run(["git", "ls-files", "-z", "--", *folders], cwd=project.root,
                                capture_output=True, timeout=30, check=True).stdout
    except (OSError, subprocess.SubprocessError):  # no git, not a work tree, or git refused
        return {}
    found: dict[Path, list[str]] = {}
    for name in sorted(listed.decode("utf-8", "replace").split("\0")):
        folder = next((f for f in folders if name.startswith(f + "/")), None)
        if folder is not None:
            found.setdefault(project.root / folder, []).append(name)
    return found


def linked_made(project: Project) -> list[Path]:
    """The made folders that are links: whatever is made there goes wherever the link points."""
    return [folder for folder in project.made_dirs if folder.is_symlink()]


def link_problems(project: Project, linked: list[Path]) -> list[Diagnostic]:
    return [Diagnostic(folder.relative_to(project.root).as_posix(), None, "", "repo.made_link",
                       {"folder": folder.relative_to(project.root).as_posix()}) for folder in linked]


def tracked_problems(project: Project, tracked: dict[Path, list[str]]) -> list[Diagnostic]:
    """One error per tracked made folder, naming its files and the command that untracks them."""
    problems = []
    for folder, names in tracked.items():
        rel = folder.relative_to(project.root).as_posix()
        more = len(names) - SHOWN
        shown = ", ".join(names[:SHOWN]) + (f" (+{more})" if more > 0 else "")
        problems.append(Diagnostic(rel + "/", None, "", "repo.tracked_made",
                                   {"folder": rel, "count": len(names), "files": shown}))
    return problems

"""The cycle collector around builds (`dvk.collector`): a preview keeps what its builds made out
of the collector's way without leaking what dies, and a build leaves the collector as it was.

Each test runs in a child process: freezing is process-wide, and pytest's own objects would
be frozen with the test's."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import TinyProject, collective

SURVIVORS = """
import gc, json, weakref
from dvk.collector import Survivors

class Node:
    def __init__(self):
        self.me = self  # a cycle: only the collector frees it

survivors = Survivors()
survivors.begin()
kept = [Node() for _ in range(1000)]  # what a first build keeps
survivors.keep()
after_first = (gc.isenabled(), gc.get_freeze_count() > 0)

survivors.begin()  # a rebuild: the collector waits for its end
off_during = not gc.isenabled()
made = Node()
died_in_rebuild = weakref.ref(made)
del made
survivors.keep()
freed_at_end = died_in_rebuild() is None

old = weakref.ref(kept[0])
del kept[0]  # a cycle that dies among frozen objects stays until the next full pass ...
survivors.begin(); survivors.keep()
waits = old() is not None
survivors.begin()
more = [Node() for _ in range(gc.get_freeze_count())]  # ... once the frozen objects have doubled
survivors.keep()
print(json.dumps({"after_first": after_first, "off_during": off_during, "freed_at_end": freed_at_end,
                  "waits": waits, "freed_at_full_pass": old() is None, "on_after": gc.isenabled()}))
"""


def test_a_preview_frees_what_dies_in_a_rebuild_at_its_end_and_what_dies_among_survivors_once_they_double() -> None:
    done = subprocess.run([sys.executable, "-c", SURVIVORS], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"after_first": [True, True], "off_during": True, "freed_at_end": True,
                                       "waits": True, "freed_at_full_pass": True, "on_after": True}


BUILDS = """
import gc, json, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

root, site, command = sys.argv[1], sys.argv[2], sys.argv[3]
seen = []
for n in range(2):
    config = load_config(str(Path(root) / "mkdocs.yml"), site_dir=site, strict=False)
    if n == 0:
        config.plugins.on_startup(command=command, dirty=command == "serve")
    build(config, dirty=command == "serve")
    seen.append([gc.isenabled(), gc.get_freeze_count() > 0])
print(json.dumps(seen))
"""


def _states(tmp_path: Path, command: str) -> list[list[bool]]:
    project = TinyProject(tmp_path / command)
    project.add(collective(), "mot")
    done = subprocess.run([sys.executable, "-c", BUILDS, str(project.root), str(tmp_path / f"{command}-site"), command],
                          cwd=project.root, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_between_a_previews_builds_the_collector_is_on_and_what_the_preview_keeps_is_frozen(tmp_path: Path) -> None:
    assert _states(tmp_path, "serve") == [[True, True], [True, True]]


def test_a_build_leaves_the_collector_on_and_nothing_frozen(tmp_path: Path) -> None:
    assert _states(tmp_path, "build") == [[True, False], [True, False]]


# What a process holds when it exits: frozen and the collector off (an atexit hook sees it; the
# interpreter's last full pass comes after the hooks).
AT_EXIT = """
import atexit, gc, json, sys
atexit.register(lambda: print(json.dumps([gc.isenabled(), gc.get_freeze_count() > 1000])))
if sys.argv[1] == "dvk":
    from dvk.cli import run
    sys.argv = ["dvk", "check"]
    run()
else:
    from mkdocs.__main__ import cli
    cli(["build", "-q", "-d", sys.argv[2]])
"""


def _at_exit(project: TinyProject, *args: str) -> tuple[int, list[bool]]:
    done = subprocess.run([sys.executable, "-c", AT_EXIT, *args], cwd=project.root, capture_output=True,
                          text=True, timeout=600)
    return done.returncode, json.loads(done.stdout.strip().splitlines()[-1])


def test_the_dvk_command_exits_with_its_answer_leaving_what_it_holds_to_the_system(tmp_path: Path) -> None:
    project = TinyProject(tmp_path / "p")
    project.add(collective(), "mot")
    assert _at_exit(project, "dvk") == (0, [False, True])
    project.add(collective(unit="khong-co"), "hai")  # an error: the exit code says so
    assert _at_exit(project, "dvk") == (1, [False, True])


def test_mkdocs_own_build_with_the_plugin_exits_leaving_what_it_holds_to_the_system(tmp_path: Path) -> None:
    project = TinyProject(tmp_path / "p")
    project.add(collective(), "mot")
    assert _at_exit(project, "mkdocs", str(tmp_path / "site")) == (0, [False, True])

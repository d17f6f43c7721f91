"""The cycle collector around a build: what lives through a stage is not walked again and again.

A build makes millions of small objects and keeps most of them (the documents, the catalog, the
site's files). Python's cycle collector walks every live object at each full pass: a second and
more at 10,000 exemplars, several times a build. One rule for each situation, here only:
- `paused()`: a stage that piles up objects and makes no cycle (reading and modelling the
  files) runs with the collector off;
- `settled()`: what exists before a stage lives through it, frozen, so the collector walks only
  what the stage makes (the face that froze first is the one that thaws);
- `Survivors`: a preview keeps what each build made for the next one (the memo, the model);
  it stays frozen between builds, and is walked again only once it has doubled; a rebuild runs
  with the collector off, and what it made is walked once at its end;
- `leaving()`: the process ends now: the interpreter's last full pass at exit would walk
  everything it still holds, only for the system to take the memory back whole.

A leaf: the validate and site stages and the faces all use it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@contextmanager
def settled() -> Iterator[None]:
    """Freezes what exists now for the block; thaws it after, unless it was frozen already (a
    preview's survivors, or the face's own freeze around the engine), which stays frozen."""
    outer = _frozen
    freeze()
    try:
        yield
    finally:
        if not outer:
            thaw()


class Survivors:
    """What a preview's builds leave alive, kept out of the collector's way: after each build,
    what it made and still holds is frozen, and the next build runs with the collector off (it
    walked the preview's objects whole several times a rebuild: 2 s of 12 at 10,000 exemplars).
    What that build made is walked once, at its end. Cycles that die later among frozen objects
    are freed at the next full pass, which comes once the frozen objects have doubled since the
    last one: the memory they hold stays below what the preview really uses."""

    def __init__(self) -> None:
        self.after_full_pass = 0  # frozen objects just after the last full pass

    def begin(self) -> None:
        """A build starts: after the first, the collector waits for its end (`keep`)."""
        if self.after_full_pass:
            gc.disable()

    def keep(self) -> None:
        """A build ended (or failed): what it left is frozen, and the collector back on."""
        global _added
        _added += gc.get_count()[0]
        gc.collect()  # walks only what is not frozen: what this build made since its last freeze
        freeze()
        if not self.after_full_pass or _added >= self.after_full_pass:
            gc.unfreeze()
            gc.collect()
            gc.freeze()
            self.after_full_pass, _added = gc.get_freeze_count(), 0
        gc.enable()


# Objects added (made less freed) while the collector was off, counted at each freeze, which
# starts the count again; and whether anything is frozen. Asking the collector either walks
# every frozen object (`gc.get_freeze_count`: 0.2 s at 10,000).
_added = 0
_frozen = False


def thaw() -> None:
    """The end of a build that keeps nothing for a next one: everything is the collector's again."""
    global _frozen
    gc.unfreeze()
    _frozen = False


def freeze() -> None:
    """What exists now lives until the build ends (`thaw`, or a preview's `Survivors.keep`)."""
    global _added, _frozen
    _added += gc.get_count()[0]
    gc.freeze()
    _frozen = True


def leaving() -> None:
    """The process has done its work and exits next (`dvk`, or MkDocs's own command): nothing it
    holds is walked again. The last full pass at exit took 1.2 s of a 3.4 s `dvk check` at 10,000."""
    gc.disable()
    freeze()

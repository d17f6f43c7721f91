"""A smoke run of `make bench`: every figure is measured and reported beside its target.
(Timings are read, never asserted: the figures belong in the benchmark, not in pass/fail.)"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from bench.run import TARGETS, _run, measure, report


def test_a_small_benchmark_measures_every_figure_and_names_its_target(tmp_path: Path) -> None:
    figures = measure(20, tmp_path, search=False)
    for name in ("check_cold", "check_warm", "build_cold", "build", "build_memory_mb", "rebuild",
                 "output_mb", "page_kb_mean", "page_kb_max", "baseline", "adversarial_s"):
        assert getattr(figures, name) > 0, name
    assert sorted(figures.engines) == ["MkDocs", "Zensical"]
    assert not [v for v in figures.engines.values() if v.startswith("fails")], figures.engines
    text = report([figures])
    for label in ("check, warm", "full build, warm caches", "full build ÷ bare", "peak memory",
                  "rebuild after one edit", "search payload", "exemplar page HTML", "largest exported Markdown page",
                  "exported tree built by Zensical",
                  "slowest single file, adversarial set"):
        assert label in text
    assert f"≤ {TARGETS['rebuild_1k_s']:.0f} s at 1,000" in text
    assert f"≤ {TARGETS['adversarial_s']:.0f} s, any file under the size limit" in text
    assert "search not measured" in text or figures.search_kb is not None


def test_an_engine_that_stops_responding_is_stopped_and_reported_while_a_busy_one_runs_on(tmp_path: Path) -> None:
    started = time.monotonic()
    with pytest.raises(SystemExit, match="stopped responding: no CPU time for 2 s"):
        _run([sys.executable, "-c", "import time; time.sleep(600)"], tmp_path, stall=2)
    assert time.monotonic() - started < 60
    seconds, _ = _run([sys.executable, "-c", "import time\nend = time.time() + 4\nwhile time.time() < end: pass"],
                      tmp_path, stall=2)
    assert seconds >= 4
    with pytest.raises(SystemExit, match="failed"):
        _run([sys.executable, "-c", "raise SystemExit(3)"], tmp_path, stall=2)

"""A smoke run of `make bench`: every figure is measured and reported beside its target.
(Timings are read, never asserted: the figures belong in the benchmark, not in pass/fail.)"""

from __future__ import annotations

from pathlib import Path

from bench.run import TARGETS, measure, report


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

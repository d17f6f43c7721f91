"""`make bench`: the whole pipeline measured on synthetic projects, each figure beside its target.

    PYTHONPATH=scripts python -m bench 100 1000 10000   (or: make bench)

For each count: a synthetic project (`bench.synthetic`) in a temporary folder, then
- check: `dvk check`, cold (no cache) and warm;
- full build: `dvk build` (check, pages, photos, cards, MkDocs), with cold and warm caches, and
  its peak memory;
- rebuild: one exemplar edited, the site rebuilt the way `dvk serve` rebuilds it;
- search payload: the bytes a reader loads before the first result (`bench.search`, Chromium);
- output budget: files and bytes of the whole site, of one exemplar's folder (page, photos,
  card, kit) by its number of photos, the largest social card and the largest page;
- baseline: the same exemplar pages built by bare MkDocs + Material (no hook, no pipeline of
  ours), and our full build as a ratio of it, from the same run;
- adversarial: the slowest `dvk check FILE` in a set of hostile files just under the size
  limit (`bench.adversarial`), measured once (with the first count).
Timings are figures to read, not tests: the suite only runs a small smoke of this (100).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from dvk.media import cards, photos
from dvk.urls import LIST_PAGE_NAME

from .adversarial import TARGET_S as ADVERSARIAL_S
from .adversarial import slowest
from .engines import config_without_plugin
from .synthetic import write_synthetic_project

STALL = 60.0  # seconds without CPU time after which an engine has stopped responding
TARGETS = {
    "check_10k_s": 3.0, "linear_ratio": 11.0, "baseline_ratio": 1.25, "rebuild_1k_s": 2.0,
    "rebuild_10k_s": 5.0, "search_10k_kb": 500.0, "page_kb": 60.0, "memory_10k_mb": 1024.0,
    "adversarial_s": ADVERSARIAL_S, "two_photo_files": 10, "two_photo_kb": 600.0, "card_kb": 80.0,
}


@dataclass
class Figures:
    count: int
    check_cold: float = 0.0
    check_warm: float = 0.0
    build_cold: float = 0.0
    build_cold_cores: float = 0.0  # CPU seconds of the cold build (every process) ÷ its wall seconds
    build: float = 0.0
    build_memory_mb: float = 0.0
    rebuild: float = 0.0
    search_kb: float | None = None
    search_seconds: float | None = None
    output_mb: float = 0.0
    output_files: int = 0
    # an exemplar's own folder by its number of photos: (folders, mean files, mean KB)
    folders: dict[int, tuple[int, float, float]] = field(default_factory=dict)
    card_kb_max: float = 0.0
    largest_page: tuple[float, str] = (0.0, "")  # KB, path of the largest HTML page
    largest_markdown: tuple[float, str] = (0.0, "")  # KB, path of the largest exported Markdown page
    # the whole exported tree built by an engine that runs none of our code: "s / MB", or why not
    engines: dict[str, str] = field(default_factory=dict)
    page_kb_mean: float = 0.0
    page_kb_max: float = 0.0
    baseline: float = 0.0
    adversarial_s: float | None = None  # the slowest single hostile file, and which one
    adversarial_case: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def baseline_ratio(self) -> float:
        return self.build / self.baseline if self.baseline else float("nan")


def _run(args: list[str], cwd: Path, stall: float | None = None) -> tuple[float, float]:
    """Seconds and peak memory (MB) of one child process; its failure stops the benchmark."""
    seconds, memory, _ = _run_counted(args, cwd, stall)
    return seconds, memory


def _run_counted(args: list[str], cwd: Path, stall: float | None = None) -> tuple[float, float, float]:
    """Seconds, peak memory (MB) and CPU seconds (the child and the processes it waited for).
    `stall`: a child whose CPU time stands still that long has stopped responding (Zensical
    0.0.73 on a tree of about 2^16 files), and is stopped: a failure, not a bench that never ends."""
    start = time.perf_counter()
    # One pipe for both: `dvk check` says what is wrong on stdout, the engines on stderr.
    child = subprocess.Popen(args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert child.stdout is not None
    output: list[bytes] = []
    reader = threading.Thread(target=lambda: output.append(child.stdout.read()), daemon=True)
    reader.start()
    stalled, (status, usage) = _waited(child.pid, stall)
    reader.join()
    child.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    if stalled:
        raise SystemExit(f"bench: {Path(args[0]).name} stopped responding: no CPU time for {stall:.0f} s, "
                         f"stopped after {seconds:.0f} s")
    if child.returncode != 0:
        raise SystemExit(f"bench: {' '.join(args)} failed:\n{b''.join(output).decode(errors='replace')[-3000:]}")
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def _waited(pid: int, stall: float | None) -> tuple[bool, tuple[int, resource.struct_rusage]]:
    """(whether it was stopped for standing still, its exit status and resource use)."""
    if stall is None:
        _, status, usage = os.wait4(pid, 0)
        return False, (status, usage)
    cpu, since = -1, time.monotonic()
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            return False, (status, usage)
        now = _cpu_ticks(pid)
        if now != cpu:
            cpu, since = now, time.monotonic()
        elif time.monotonic() - since > stall:
            os.kill(pid, signal.SIGKILL)
            _, status, usage = os.wait4(pid, 0)
            return True, (status, usage)
        time.sleep(1)


def _cpu_ticks(pid: int) -> int:
    """The process's CPU time so far, its threads' and its waited-for children's (/proc)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return -1
    return sum(int(value) for value in fields[11:15])  # utime, stime, cutime, cstime


def _dvk(*args: str) -> list[str]:
    return [sys.executable, "-m", "dvk", *args]


def measure(count: int, root: Path, search: bool = True, adversarial: bool = True) -> Figures:
    figures = Figures(count)
    if adversarial:
        figures.adversarial_s, figures.adversarial_case, _ = slowest(root / "adversarial")
    project = write_synthetic_project(root / "project", count)
    cache = project / ".cache"
    shutil.rmtree(cache, ignore_errors=True)
    figures.check_cold, _ = _run(_dvk("check"), project)
    figures.check_warm, _ = _run(_dvk("check"), project)
    site = root / "site"
    # Cold: every social card drawn, every story rendered. Warm: the state of any build after
    # the first (the caches are keyed by content): what the linear and baseline targets measure.
    figures.build_cold, _, cpu = _run_counted(_dvk("build", "--site-dir", str(site)), project)
    figures.build_cold_cores = cpu / figures.build_cold
    figures.build, figures.build_memory_mb = _run(_dvk("build", "--site-dir", str(site)), project)
    figures.rebuild = _rebuild(project, root / "preview")
    # Exemplar pages only: dien-hinh/trang-2/ and dien-hinh/moi-nhat/ are pages of the list of
    # all exemplars (bounded by paging, and counted under the largest page).
    pages = [p.stat().st_size for p in (site / "dien-hinh").glob("*/index.html")
             if not LIST_PAGE_NAME.fullmatch(p.parent.name)]
    figures.page_kb_mean = sum(pages) / len(pages) / 1024
    figures.page_kb_max = max(pages) / 1024
    _budget(site, figures)
    figures.baseline = _baseline(project, root / "bare", figures)
    figures.engines = _engines(root / "bare" / "export")
    if search:
        figures.search_kb, figures.search_seconds = _search(site, figures)
    else:
        figures.notes.append("search not measured (--no-search)")
    return figures


def _budget(site: Path, figures: Figures) -> None:
    """What the site stores: in all, per exemplar folder (by photos), its cards, its largest page."""
    sizes = {p: p.stat().st_size for p in site.rglob("*") if p.is_file()}
    figures.output_mb = sum(sizes.values()) / 1024 / 1024
    figures.output_files = len(sizes)
    by_photos: dict[int, list[tuple[int, int]]] = {}
    widths = len(photos.WIDTHS)  # every bench photo is wider than the widest variant
    for folder in (site / "dien-hinh").iterdir():
        if folder.is_dir() and (folder / "index.html").is_file():
            own = [sizes[p] for p in folder.iterdir() if p in sizes]
            shots = sum(1 for p in folder.iterdir() if p.suffix == f".{photos.EXT}") // widths
            by_photos.setdefault(shots, []).append((len(own), sum(own)))
    figures.folders = {n: (len(rows), sum(f for f, _ in rows) / len(rows), sum(b for _, b in rows) / len(rows) / 1024)
                       for n, rows in sorted(by_photos.items())}
    figures.card_kb_max = max((b for p, b in sizes.items() if p.name == cards.FILE_NAME), default=0) / 1024
    page, largest = max(((p, b) for p, b in sizes.items() if p.suffix == ".html"), key=lambda pb: pb[1])
    figures.largest_page = (largest / 1024, str(page.relative_to(site)))


def _rebuild(project: Path, site: Path) -> float:
    """As `dvk serve` does: a first dirty build, an edit to one exemplar, the timed rebuild."""
    probe = f"""
import sys, time
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
def once():
    config = load_config({str(project / 'mkdocs.yml')!r}, site_dir={str(site)!r}, strict=False)
    build(config, dirty=True)
first = load_config({str(project / 'mkdocs.yml')!r}, site_dir={str(site)!r}, strict=False)
first.plugins.on_startup(command="serve", dirty=True)
build(first, dirty=True)
edited = sorted(Path({str(project / 'exemplars')!r}).glob("*/*.md"))[0]
edited.write_text(edited.read_text(encoding="utf-8").replace("summary: ", "summary: Đã sửa. ", 1), encoding="utf-8")
start = time.perf_counter()
once()
print(time.perf_counter() - start)
"""
    done = subprocess.run([sys.executable, "-c", probe], cwd=project, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"bench: the rebuild probe failed:\n{(done.stderr + done.stdout)[-3000:]}")
    return float(done.stdout.strip().splitlines()[-1])


def _baseline(project: Path, bare: Path, figures: Figures) -> float:
    """Bare MkDocs + Material on the same exemplar pages: our Markdown, none of our code. The
    export it reads is measured too: its largest page (an engine's search refuses a page too large)."""
    tree = bare / "docs"
    subprocess.run(_dvk("export-markdown", str(bare / "export")), cwd=project, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    size, largest = max((p.stat().st_size, p) for p in (bare / "export").rglob("*.md"))
    figures.largest_markdown = (size / 1024, str(largest.relative_to(bare / "export")))
    pages = sorted((bare / "export" / "dien-hinh").glob("*/index.md"))
    for page in pages:
        target = tree / "dien-hinh" / page.parent.name / "index.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(page, target)
    (tree / "index.md").write_text("# Trang chủ\n", encoding="utf-8")
    config = {"site_name": "Baseline", "docs_dir": str(tree), "site_dir": str(bare / "site"),
              # Our theme overrides are templates only (no Python), and the pages name them.
              "theme": {"name": "material", "language": "vi", "font": False,
                        "custom_dir": str(project / "theme"), "features": ["navigation.prune"]},
              "nav": [{"Trang chủ": "index.md"}],
              "markdown_extensions": ["admonition", "attr_list", "md_in_html", "tables", "toc"],
              "validation": {"omitted_files": "ignore", "unrecognized_links": "ignore",
                             "anchors": "ignore", "links": {"not_found": "ignore"}}}
    (bare / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    seconds, _ = _run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(bare / "mkdocs.yml")], bare)
    return seconds


def _engines(tree: Path) -> dict[str, str]:
    """The exported tree, whole, built by MkDocs without our plugin and by Zensical (each site
    beside the tree: Zensical wants both within its configuration's folder)."""
    out = tree.parent
    commands = {"MkDocs": [sys.executable, "-m", "mkdocs", "build", "-q", "-f"],
                "Zensical": [str(Path(sys.executable).with_name("zensical")), "build", "-f"]}
    found = {}
    for name, command in commands.items():
        config = config_without_plugin(tree, out / f"{name.lower()}-site")
        try:
            seconds, memory = _run([*command, str(config)], out, stall=STALL)
            found[name] = f"{seconds:.1f} s / {memory:.0f} MB"
        except SystemExit as failed:  # the figure is that it fails, and why
            found[name] = "fails: " + " ".join(str(failed).split())[-160:]
    return found


def _search(site: Path, figures: Figures) -> tuple[float | None, float | None]:
    try:
        from .search import first_result
        results = first_result(site)
    except Exception as exc:  # no Chromium or Playwright here: say so, measure the rest
        figures.notes.append(f"search not measured ({type(exc).__name__}: {exc})"[:200])
        return None, None
    return max(r[2] for r in results) / 1024, max(r[1] for r in results)


def report(runs: list[Figures]) -> str:
    by = {f.count: f for f in runs}
    lines = ["| figure | " + " | ".join(f"{f.count:,}" for f in runs) + " | target |",
             "|---|" + "---:|" * len(runs) + "---|"]

    def row(name: str, values: list[str], target: str) -> None:
        lines.append(f"| {name} | " + " | ".join(values) + f" | {target} |")

    row("check, cold (s)", [f"{f.check_cold:.2f}" for f in runs], f"≤ {TARGETS['check_10k_s']:.0f} s at 10,000")
    row("check, warm (s)", [f"{f.check_warm:.2f}" for f in runs], "")
    row("full build, cold caches (s)", [f"{f.build_cold:.1f}" for f in runs], "")
    row("cold build: cores kept busy (CPU s ÷ s)", [f"{f.build_cold_cores:.2f}" for f in runs],
        f"every core ({os.cpu_count()} here)")
    row("full build, warm caches (s)", [f"{f.build:.1f}" for f in runs], "linear")
    row("bare MkDocs + Material, same pages (s)", [f"{f.baseline:.1f}" for f in runs], "")
    row("full build ÷ bare", [f"{f.baseline_ratio:.2f}" for f in runs], f"≤ {TARGETS['baseline_ratio']}")
    row("peak memory of the build (MB)", [f"{f.build_memory_mb:.0f}" for f in runs],
        f"≤ {TARGETS['memory_10k_mb']:.0f} MB at 10,000")
    row("rebuild after one edit, as `dvk serve` (s)", [f"{f.rebuild:.2f}" for f in runs],
        f"≤ {TARGETS['rebuild_1k_s']:.0f} s at 1,000, ≤ {TARGETS['rebuild_10k_s']:.0f} s at 10,000")
    row("search payload before the first result (KB)",
        [f"{f.search_kb:.0f}" if f.search_kb is not None else "–" for f in runs],
        f"≤ {TARGETS['search_10k_kb']:.0f} KB at 10,000")
    row("time to the first result (s)",
        [f"{f.search_seconds:.2f}" if f.search_seconds is not None else "–" for f in runs], "")
    row("output size (MB)", [f"{f.output_mb:.1f}" for f in runs], "")
    row("output files", [f"{f.output_files:,}" for f in runs], "")
    row("whole site ÷ exemplars: files / KB", [f"{f.output_files / f.count:.1f} / {f.output_mb * 1024 / f.count:.0f}"
                                               for f in runs], "")
    for shots in range(5):
        row(f"exemplar folder with {shots} photo{'s' if shots != 1 else ''}: files / KB",
            [f"{f.folders[shots][1]:.1f} / {f.folders[shots][2]:.0f}" if shots in f.folders else "–" for f in runs],
            f"≤ {TARGETS['two_photo_files']} files, ≤ {TARGETS['two_photo_kb']:.0f} KB" if shots == 2 else "")
    row("largest social card (KB)", [f"{f.card_kb_max:.0f}" for f in runs], f"≤ {TARGETS['card_kb']:.0f} KB")
    row("largest page (KB)", [f"{f.largest_page[0]:.0f} ({f.largest_page[1]})" for f in runs],
        "bounded: no page grows with the site")
    for engine in ("MkDocs", "Zensical"):
        row(f"exported tree built by {engine}, no plugin (s / peak MB)",
            [f.engines.get(engine, "–") for f in runs], "builds: every page bounded")
    row("largest exported Markdown page (KB)",
        [f"{f.largest_markdown[0]:.0f} ({f.largest_markdown[1]})" for f in runs], "bounded, as the pages")
    row("slowest single file, adversarial set (CPU s)",
        [f"{f.adversarial_s:.2f} ({f.adversarial_case})" if f.adversarial_s is not None else "–" for f in runs],
        f"≤ {TARGETS['adversarial_s']:.0f} s, any file under the size limit")
    row("exemplar page HTML, mean / max (KB)", [f"{f.page_kb_mean:.1f} / {f.page_kb_max:.1f}" for f in runs],
        f"≤ {TARGETS['page_kb']:.0f} KB")
    if 1000 in by and 10000 in by:
        ratio = by[10000].build / by[1000].build
        lines.append(f"\nt(10,000) ÷ t(1,000) for the full build: {ratio:.1f} (target ≤ {TARGETS['linear_ratio']:.0f})")
    for f in runs:
        lines += [f"\n{f.count:,}: {note}" for note in f.notes]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench",
                                     description="Đo toàn bộ quy trình trên dữ liệu tổng hợp.")
    parser.add_argument("counts", nargs="*", type=int, default=[100, 1000, 10000],
                        help="số điển hình tổng hợp (mặc định 100 1000 10000)")
    parser.add_argument("--no-search", action="store_true", help="bỏ qua phép đo tìm kiếm trong Chromium")
    args = parser.parse_args(argv)
    runs = []
    for i, count in enumerate(args.counts):
        with tempfile.TemporaryDirectory(prefix=f"dvk-bench-{count}-") as folder:
            print(f"… {count:,} điển hình", file=sys.stderr, flush=True)
            runs.append(measure(count, Path(folder), search=not args.no_search, adversarial=i == 0))
    print(report(runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())

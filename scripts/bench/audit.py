"""`make audit`: Lighthouse (the npm registry's, pinned in package.json) on Debian's Chromium, mobile
profile, over the built site served compressed as the hosts serve it (bench.gzipserve).

    PYTHONPATH=scripts python -m bench.audit SITE_DIR

For the home page, the fullest exemplar, the fullest unit, the statistics, the desk and the guide
it prints the four scores beside their targets and the bytes that arrived before the first paint.
Advice, not a test: the scores move with the machine's load (performance above all), so nothing
here passes or fails. Needs `npm ci` (node_modules/.bin/lighthouse) and CHROME_PATH (default
/usr/bin/chromium). Lighthouse's whole reports (opportunities, diagnostics, the LCP element) are
kept in AUDIT_REPORTS (default build/audit-reports/), one PAGE.json each, to read what to fix.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from dvk.urls import LIST_PAGE_NAME

from .gzipserve import serving

REPO = Path(__file__).resolve().parents[2]
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
# page → its path; `*` stands for the largest such page (the most content, the most that can go wrong)
PAGES = {"home": "", "exemplar": "dien-hinh/*/", "unit": "don-vi/*/", "statistics": "thong-ke/",
         "desk": "bien-tap/", "guide": "dong-gop/"}


def _path(site: Path, pattern: str) -> str:
    if "*" not in pattern:
        return pattern
    # never a page of a list (dien-hinh/moi-nhat/, dien-hinh/trang-2/): `*` names an exemplar, a unit
    largest = max((f for f in site.glob(pattern + "index.html") if not LIST_PAGE_NAME.fullmatch(f.parent.name)),
                  key=lambda f: (f.stat().st_size, f.as_posix()))
    return largest.parent.relative_to(site).as_posix() + "/"


def lighthouse(url: str, out: Path) -> dict:
    chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
                    "--chrome-flags=--headless --no-sandbox", f"--only-categories={','.join(CATEGORIES)}"],
                   check=True, env={**os.environ, "CHROME_PATH": chrome}, timeout=600)
    return json.loads(out.read_text(encoding="utf-8"))


def bytes_before_first_paint(report: dict) -> int:
    """What crossed the network (compressed) before the first contentful paint, as observed."""
    paint = report["audits"]["metrics"]["details"]["items"][0]["observedFirstContentfulPaint"]
    return sum(item.get("transferSize", 0) for item in report["audits"]["network-requests"]["details"]["items"]
               if item.get("networkEndTime", paint + 1) <= paint)


def shortfalls(report: dict) -> list[str]:
    """The scored audits below full marks, for the categories short of their target."""
    found = []
    for name, target in CATEGORIES.items():
        category = report["categories"][name]
        if round(100 * (category["score"] or 0)) >= target:
            continue
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight") and audit.get("score") is not None and audit["score"] < 1:
                found.append(f"{name}: {ref['id']} {audit.get('displayValue', '')}".rstrip())
    return found


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    if not LIGHTHOUSE.exists():
        print(f"no Lighthouse at {LIGHTHOUSE}: run `npm ci` first", file=sys.stderr)
        return 2
    site = Path(argv[0])
    heads = ["page", *(f"{name} (≥ {target})" if target < 100 else f"{name} (100)"
                       for name, target in CATEGORIES.items()), "KB before first paint", "path"]
    rows, notes = [], []
    reports = Path(os.environ.get("AUDIT_REPORTS", REPO / "build" / "audit-reports"))
    reports.mkdir(parents=True, exist_ok=True)
    with serving(site) as base:
        for page, pattern in PAGES.items():
            path = _path(site, pattern)
            report = lighthouse(base + path, reports / f"{page}.json")
            scores = [round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES]
            marks = [f"{s} {'✓' if s >= t else '✗'}" for s, t in zip(scores, CATEGORIES.values(), strict=True)]
            rows.append([page, *marks, f"{bytes_before_first_paint(report) / 1024:.1f}", "/" + path])
            notes += [f"{page}: {line}" for line in shortfalls(report)]
    widths = [max(len(str(r[i])) for r in [heads, *rows]) for i in range(len(heads))]
    for row in [heads, ["-" * w for w in widths], *rows]:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
    if notes:
        print("\nBelow full marks:\n" + "\n".join(f"- {n}" for n in notes))
    print("\nLighthouse 12, mobile profile (simulated throttling), gzip; performance varies with the machine's load.")
    print(f"Whole reports: {reports}/PAGE.json")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

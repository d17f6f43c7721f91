"""The slowest single file the checker meets in an adversarial set: `dvk check FILE`, cold.

    PYTHONPATH=scripts python -m bench.adversarial [--keep DIR]

Each file does one hostile thing as hard as a file under the size limit can (or as hard as the
bounds of `dvk.load.bounds` let it, when they are the point): YAML nested or wide, numbers too
long, characters no text may hold, stories that made Python-Markdown or a regex super-linear,
an individual's story the privacy patterns work hardest on, one photo listed a thousand times.
The figure is the slowest check of one file (its own process, no cache), beside its target,
in CPU seconds of that process (user + system): on a machine shared with other work, wall time
measures the neighbours too. It includes starting Python and importing the package, which
`honest` (the check of a plain file) shows alone.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import yaml
from PIL import Image

from dvk.load import MAX_FILE_BYTES
from dvk.load.bounds import MAX_BLOCK_CHARS, MAX_BLOCKS, MAX_LINE_PREFIX, MAX_MARKS

from .synthetic import REPO

TARGET_S = 2.0
ROOM = MAX_FILE_BYTES - 2_000  # just under the limit, with room for the front matter
FRONT = {
    "title": "Mô hình “Ngôi nhà nhân ái”", "kind": "collective", "unit": "kv-giao-long",
    "categories": ["mui-3"], "summary": "Khối vận xã vận động xây 12 căn nhà nhân ái cho hộ nghèo.",
    "recognition": {"decision": "15-QĐ/BDVHU", "date": "2024-09-02", "by": "Ban Dân vận Huyện ủy"},
    "period": {"start": "2024-04-01", "end": "2025-06-30"},
    "criteria": [{"name": "Số căn nhà", "target": 10, "result": 12, "measure": "căn"}],
}
WORDS = "Khối vận xã cùng bà con làm đường, xây nhà, giữ gìn xóm ấp sạch đẹp và bình yên. "


def _fill(unit: str, size: int = ROOM) -> str:
    return unit * max(1, size // len(unit.encode()))


def _blocks(block: str, limit: int = MAX_BLOCKS) -> str:
    """As many copies of `block` as fit, one blank line apart, within the block count bound."""
    count = min(limit, ROOM // (len(block.encode()) + 2))
    return "\n\n".join([block] * count)


def _spread(mark: str, count: int) -> str:
    """`count` of `mark`, each opening a block as long as the bound allows (so each scans far)."""
    filler = _fill(WORDS, MAX_BLOCK_CHARS - 10)[:MAX_BLOCK_CHARS - 10]
    return "\n\n".join(mark + filler for _ in range(min(count, ROOM // (MAX_BLOCK_CHARS + 2))))


def _file(front: str | None = None, story: str = WORDS * 8, **changes: object) -> str:
    data = {**FRONT, **changes}
    head = front if front is not None else yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return f"---\n{head}---\n{story}\n"


def _yaml_head(extra: str) -> str:
    return yaml.safe_dump(FRONT, allow_unicode=True, sort_keys=False) + extra + "\n"


def _individual_story(text: str) -> str:
    data = {**FRONT, "kind": "individual", "person": {"name": "Lê Thị Hồng", "position": "Chi hội trưởng"},
            "consent": "2024-08-01"}
    del data["period"], data["criteria"]
    return f"---\n{yaml.safe_dump(data, allow_unicode=True, sort_keys=False)}---\n{text}\n"


CASES: dict[str, Callable[[], str]] = {
    # YAML
    "yaml-flow-deep": lambda: _file(_yaml_head("model: " + _fill("["))),
    "yaml-flow-wide": lambda: _file(_yaml_head("groups: [" + _fill("a, ") + "a]")),
    "yaml-flow-nested-pairs": lambda: _file(_yaml_head("groups: " + _fill("[" * 30 + "]" * 30))),
    "yaml-block-stairs": lambda: _file(_yaml_head("groups:\n" + "".join(
        "  " * i + "- \n" for i in range(int((ROOM / 2) ** 0.5))))),
    "yaml-many-keys": lambda: _file(_yaml_head("".join(f"k{i}: x\n" for i in range(ROOM // 12)))),
    "yaml-aliases": lambda: _file(_yaml_head("a: &a [x, x, x, x, x, x, x, x]\n" + "".join(
        f"b{i}: [*a, *a, *a, *a, *a, *a, *a, *a]\n" for i in range(ROOM // 40)))),
    "yaml-long-scalar": lambda: _file(_yaml_head("model: " + _fill("a"))),
    "yaml-long-number": lambda: _file(_yaml_head("model: " + _fill("9"))),
    "yaml-quotes-escapes": lambda: _file(_yaml_head('model: "' + _fill("\\u202e\\x07") + '"')),
    # text no one may write
    "text-controls": lambda: _file(story=_fill("a\x07")),
    "text-bidi": lambda: _file(story=_fill("a\u202e")),
    "text-invisible-title": lambda: _file(title=_fill("\u200b", 500)),
    "text-nfd": lambda: _file(story=_fill("e\u0301 ")),
    # stories past a bound (refused before Markdown) ...
    "story-line-of-brackets": lambda: _file(story=_fill("[")),
    "story-line-of-angles": lambda: _file(story=_fill("<")),
    "story-line-of-stars": lambda: _file(story=_fill("*_")),
    "story-line-of-images": lambda: _file(story=_fill("![](")),
    "story-line-of-backticks": lambda: _file(story=_fill("`")),
    "story-line-of-backslashes": lambda: _file(story=_fill("\\")),
    "story-many-blocks": lambda: _file(story=_fill("a\n\n")),
    "story-deep-lists": lambda: _file(story=_fill("- ")),
    # ... and stories as hard as the bounds let them be
    "story-open-brackets-far": lambda: _file(story=_spread("[", MAX_MARKS["["])),
    "story-open-angles-far": lambda: _file(story=_spread("<a ", MAX_MARKS["<"])),
    "story-backslash-blocks": lambda: _file(story=_blocks(_fill("\\", MAX_BLOCK_CHARS)[:MAX_BLOCK_CHARS])),
    "story-star-blocks": lambda: _file(story=_blocks(_fill("*_", MAX_BLOCK_CHARS)[:MAX_BLOCK_CHARS])),
    "story-backtick-blocks": lambda: _file(story=_blocks(_fill("`a", MAX_BLOCK_CHARS)[:MAX_BLOCK_CHARS])),
    "story-table-blocks": lambda: _file(story=_blocks("\n".join(["|" * 60] * (MAX_BLOCK_CHARS // 61)))),
    "story-nested-list-blocks": lambda: _file(story=_blocks("\n".join(
        ["- " * (MAX_LINE_PREFIX // 2) + "a"] * (MAX_BLOCK_CHARS // (MAX_LINE_PREFIX + 2))))),
    "story-entities": lambda: _file(story=_blocks(_fill("&#", MAX_BLOCK_CHARS)[:MAX_BLOCK_CHARS])),
    "story-tiny-blocks": lambda: _file(story=_blocks("a", MAX_BLOCKS)),
    "story-long-honest": lambda: _file(story=_blocks(_fill(WORDS, MAX_BLOCK_CHARS)[:MAX_BLOCK_CHARS])),
    "honest": lambda: _file(),
    # the privacy patterns, on an individual's story
    "privacy-spaces-after-house": lambda: _individual_story("số nhà" + _fill(" ") + "x"),
    "privacy-spaces-after-id": lambda: _individual_story("cccd" + _fill(" ") + "x"),
    "privacy-digits": lambda: _individual_story(_blocks(_fill("0", MAX_BLOCK_CHARS)[:MAX_BLOCK_CHARS])),
    "privacy-digit-groups": lambda: _individual_story(_blocks(_fill("0 9", MAX_BLOCK_CHARS)[:MAX_BLOCK_CHARS])),
    "privacy-house-words": lambda: _individual_story(_blocks(_fill("số nhà ", MAX_BLOCK_CHARS)[:MAX_BLOCK_CHARS])),
    "privacy-links": lambda: _individual_story(_blocks(_fill("http:", MAX_BLOCK_CHARS)[:MAX_BLOCK_CHARS])),
}


def _photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4000, 3000), (200, 120, 40)).save(out, "JPEG", quality=95)
    return out.getvalue()


def write_set(root: Path) -> list[Path]:
    """A project at `root` (created) with one adversarial exemplar per case; their paths."""
    root.mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "exemplars" / "kv-giao-long").mkdir(parents=True)
    for registry in sorted((REPO / "exemplars").glob("*.yml")):
        shutil.copy(registry, root / "exemplars" / registry.name)
    folder = root / "exemplars" / "kv-giao-long"
    paths = []
    for name, make in CASES.items():
        text = make()
        assert len(text.encode()) <= MAX_FILE_BYTES, (name, len(text.encode()))
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
        paths.append(folder / f"{name}.md")
    photo_folder = root / "exemplars" / "kv-tan-thach"  # its own folder: a photo is checked by content
    photo_folder.mkdir()
    (photo_folder / "anh.jpg").write_bytes(_photo())
    listed = [{"file": "anh.jpg", "caption": "Bàn giao nhà", "credit": "Khối vận"}] * 1000
    (photo_folder / "photo-listed-1000-times.md").write_text(
        _file(unit="kv-tan-thach", photos=listed), encoding="utf-8")
    paths.append(photo_folder / "photo-listed-1000-times.md")
    return paths


def cpu_seconds(args: list[str], cwd: Path) -> float:
    """User + system seconds of one child process; a crash or a traceback stops the benchmark."""
    child = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert child.stderr is not None
    errors = child.stderr.read().decode(errors="replace")
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 1) or "Traceback" in errors:
        raise SystemExit(f"bench: {' '.join(args)} failed:\n{errors[-3000:]}")
    return usage.ru_utime + usage.ru_stime


def slowest(root: Path) -> tuple[float, str, list[tuple[str, float]]]:
    """(seconds, case) of the slowest `dvk check FILE`, and every case's time, slowest first."""
    times = []
    for path in write_set(root):
        shutil.rmtree(root / ".cache", ignore_errors=True)
        times.append((path.stem, cpu_seconds([sys.executable, "-m", "dvk", "check", str(path)], root)))
    times.sort(key=lambda item: -item[1])
    return times[0][1], times[0][0], times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="write the set into this folder and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dvk-adversarial-") as folder:
        seconds, case, times = slowest(args.keep or Path(folder) / "project")
    for name, spent in times:
        print(f"{spent:6.2f} s  {name}")
    print(f"slowest single file: {seconds:.2f} s of CPU ({case}), target ≤ {TARGET_S:.0f} s")


if __name__ == "__main__":
    main()

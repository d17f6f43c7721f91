"""Synthetic but realistic projects for benchmarks: N exemplars with ~400-word Vietnamese stories.

Deterministic for a given (count, seed). Used by `dvk.bench` and by tests that need volume.
"""

from __future__ import annotations

import random
import shutil
from datetime import date, timedelta
from pathlib import Path

import yaml

from .load import REGISTRY_FILES

REPO = Path(__file__).resolve().parents[2]

_WORDS = (
    "cán bộ", "đảng viên", "hội viên", "đoàn viên", "bà con", "nhân dân", "ấp", "khu phố", "xã",
    "vận động", "tuyên truyền", "đồng thuận", "hiến đất", "mở rộng", "đường giao thông", "nông thôn mới",
    "mô hình", "điển hình", "dân vận khéo", "Đồng Khởi mới", "hai chân", "ba mũi", "an sinh",
    "hộ nghèo", "nhà tình thương", "sinh kế", "chuyển đổi số", "dừa hữu cơ", "bưởi da xanh",
    "phân loại rác", "môi trường", "an ninh trật tự", "hòa giải", "dân chủ ở cơ sở", "kiến nghị",
    "lắng nghe", "gần dân", "sát dân", "trách nhiệm", "công khai", "minh bạch", "kết quả", "bài học",
    "nhân rộng", "học tập", "bắt kịp", "vượt qua", "khen thưởng", "biểu dương", "phối hợp",
    "Mặt trận", "phụ nữ", "thanh niên", "nông dân", "cựu chiến binh", "công an", "dân quân",
    "mỗi tháng", "năm 2024", "năm 2025", "hiệu quả", "thiết thực", "sáng tạo", "đổi mới",
)
_KINDS = ("collective",) * 7 + ("individual",) * 3
_MEASURES = ("hộ", "căn", "km", "triệu đồng", "buổi", "người", "mô hình")


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(8, 16))]
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _story(rng: random.Random, words: int = 400) -> str:
    paragraphs, count = [], 0
    while count < words:
        paragraph = " ".join(_sentence(rng) for _ in range(rng.randint(4, 7)))
        count += len(paragraph.split())
        paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def _day(rng: random.Random, start: date, span: int) -> date:
    return start + timedelta(days=rng.randrange(span))


def exemplar(rng: random.Random, index: int, unit: str, categories: list[str]) -> tuple[str, str]:
    """(slug, file text) of one synthetic exemplar."""
    kind = rng.choice(_KINDS)
    recognized = _day(rng, date(2024, 4, 1), 600)
    data: dict[str, object] = {
        "title": f"Điển hình số {index}: {rng.choice(_WORDS)} {rng.choice(_WORDS)}",
        "kind": kind,
        "unit": unit,
        "categories": sorted(rng.sample(categories, rng.randint(1, 2))),
        "summary": _sentence(rng)[:280],
        "recognition": {"decision": f"{index}-QĐ/BDVHU", "date": recognized.isoformat(),
                        "by": "Ban Dân vận Huyện ủy Châu Thành", "form": "Giấy khen"},
        "steps": [{"step": s, "date": (recognized + timedelta(days=20 * s)).isoformat(),
                   "note": _sentence(rng)[:120]} for s in range(1, rng.randint(1, 5) + 1)
                  if recognized + timedelta(days=20 * s) <= date(2026, 1, 1)],
        "contact": {"office": "Văn phòng Khối vận", "phone": "0275 3861 234",
                    "email": "khoivan@example.vn"},
    }
    if not data["steps"]:
        data.pop("steps")
    if kind == "collective":
        data["model"] = f"Mô hình {rng.choice(_WORDS)}"
        data["period"] = {"start": (recognized - timedelta(days=180)).isoformat(),
                          "end": recognized.isoformat()}
        data["criteria"] = [{"name": f"Tiêu chí {rng.choice(_WORDS)}", "target": rng.randint(5, 50),
                             "result": rng.randint(3, 60), "measure": rng.choice(_MEASURES)}
                            for _ in range(rng.randint(2, 3))]
    else:
        data["person"] = {"name": f"Nguyễn Văn {index}", "position": "Bí thư chi bộ ấp"}
        data["consent"] = (recognized - timedelta(days=10)).isoformat()
    if rng.random() < 0.4:
        data["media"] = [{"outlet": "Đài Phát thanh - Truyền hình Bến Tre", "programme": "Dân vận khéo",
                          "title": _sentence(rng)[:100], "date": recognized.isoformat(),
                          "url": f"https://example.vn/dvk/{index}"}]
    front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)
    return f"dien-hinh-tong-hop-{index:05d}", f"---\n{front}---\n{_story(rng)}\n"


def write_synthetic_project(root: Path, count: int, seed: int = 58) -> Path:
    """A project at `root`: this repo's config, content, theme and registries, plus `count`
    synthetic exemplars spread over the current units."""
    root.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml",):
        shutil.copy(REPO / name, root / name)
    for name in ("content", "theme"):
        shutil.copytree(REPO / name, root / name, dirs_exist_ok=True)
    (root / "exemplars").mkdir(exist_ok=True)
    for name in REGISTRY_FILES:
        shutil.copy(REPO / "exemplars" / name, root / "exemplars" / name)
    scripts = root / "scripts"
    scripts.mkdir(exist_ok=True)
    if not (scripts / "dvk").exists():
        (scripts / "dvk").symlink_to(REPO / "scripts" / "dvk")
    units_doc = yaml.safe_load((REPO / "exemplars" / "units.yml").read_text(encoding="utf-8"))
    units = [u["id"] for u in units_doc["units"] if "merged_into" not in u]
    categories = [c["id"] for c in
                  yaml.safe_load((REPO / "exemplars" / "categories.yml").read_text(encoding="utf-8"))]
    rng = random.Random(seed)
    for index in range(count):
        unit = units[index % len(units)]
        slug, text = exemplar(rng, index, unit, categories)
        folder = root / "exemplars" / unit
        folder.mkdir(exist_ok=True)
        (folder / f"{slug}.md").write_text(text, encoding="utf-8")
    return root

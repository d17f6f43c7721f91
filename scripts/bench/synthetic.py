"""Synthetic but realistic exemplars for benchmarks: a whole project in a folder, any count.

`write_synthetic_project(root, count, seed)` copies this repository's mkdocs.yml, content/,
theme/ and registries, links scripts/dvk, and writes `count` valid exemplar files of about 400
words of Vietnamese each, spread over the current units, categories, groups and fields, with 0–4
phone photos each (`PHOTO_SHARE`; drawn from a pool of `POOL` distinct 12-megapixel photos made
once by `bench.photos.pool` and hard-linked, so 10,000 exemplars do not take 50 GB). Same
seed → same bytes. Proper names are drawn syllable by syllable, so the vocabulary grows with the
count the way real names do (a benchmark of search size needs that, not a fixed word list).

    PYTHONPATH=scripts python -m bench.synthetic /tmp/bench 10000
"""

from __future__ import annotations

import os
import random
import shutil
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from dvk.text.slugs import slugify

from .photos import pool

REPO = Path(__file__).resolve().parents[2]
# How many exemplars have 0, 1, 2, 3, 4 photos (a nomination usually sends one or two).
PHOTO_SHARE = (0.25, 0.30, 0.25, 0.12, 0.08)
POOL = 32  # distinct photos: the photo cache is keyed by content, so a cold build makes POOL
CAPTIONS = ("Bà con góp ngày công mở rộng đường", "Lễ bàn giao nhà cho hộ khó khăn",
            "Tổ Dân vận đến từng nhà lắng nghe ý kiến", "Vườn dừa hữu cơ của tổ hợp tác")

SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Trương", "Bùi", "Đặng", "Đỗ",
            "Ngô", "Dương", "Lý", "Đoàn", "Châu", "Lâm", "Tô", "Mai", "Hồ")
MIDDLES = ("Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc", "Quốc", "Kim", "Hoàng", "Thành")
ONSETS = ("b", "c", "ch", "d", "đ", "g", "h", "kh", "l", "m", "n", "ng", "nh", "ph", "qu", "s", "t",
          "th", "tr", "v", "x", "")
RHYMES = ("a", "à", "á", "ạ", "an", "ân", "ăng", "anh", "ành", "ảnh", "ao", "âu", "ên", "ết", "iên",
          "iếu", "inh", "ình", "o", "ô", "ơ", "oa", "oài", "ong", "ông", "ồng", "ư", "ương", "ường",
          "uy", "uyên", "ùng", "ứng", "ai", "ải", "ói", "ơn", "ức", "iệp", "ạnh", "ượng", "uân")
# Words the checker reads as the start of a home address (validate/privacy.py) when a number follows.
ADDRESS_WORDS = frozenset({"nhà", "số", "hẻm", "ngõ", "ngách", "kiệt", "đường"})
HAMLETS = ("Phú Hòa", "An Thới", "Giao Hòa", "Tân Hưng", "Mỹ Thạnh", "Phước Hậu", "Long Thạnh",
           "Bình Thới", "Quới Thạnh", "Tiên Tây")
MODELS = ("Ngôi nhà nhân ái", "Tuyến đường nông thôn mới", "Chi hội không có hộ nghèo",
          "Ấp văn minh, sạch đẹp", "Tổ hợp tác trồng dừa hữu cơ", "Dân vận khéo trong giải phóng mặt bằng",
          "Khu dân cư kiểu mẫu", "Quỹ tín dụng tiết kiệm phụ nữ", "Thanh niên khởi nghiệp",
          "Tổ hòa giải ở cơ sở", "Camera an ninh ấp", "Gom rác đổi quà", "Mái ấm công đoàn",
          "Cựu chiến binh giúp nhau làm kinh tế", "Vườn cây ăn trái liên kết")
SENTENCES = (
    "Trước năm 2024, nhiều hộ ở ấp {hamlet} còn khó khăn, đường sá lầy lội mỗi mùa mưa.",
    "{person} cùng Tổ Dân vận ấp đến từng nhà lắng nghe ý kiến, giải thích chủ trương của Đảng "
    "và chính sách của Nhà nước.",
    "Khối vận xã phối hợp Ủy ban MTTQ và các đoàn thể khảo sát {number} hộ, lập danh sách cần hỗ trợ.",
    "Bà con góp {number} ngày công, hiến {number} mét vuông đất để mở rộng đường liên ấp.",
    "Mô hình “{model}” được triển khai theo phương châm dân biết, dân bàn, dân làm, dân kiểm tra, "
    "dân giám sát, dân thụ hưởng.",
    "Sau một năm, thu nhập bình quân của các hộ tham gia tăng khoảng {number} phần trăm.",
    "Chi hội vận động mạnh thường quân đóng góp {number} triệu đồng, xây {number} căn nhà cho hộ nghèo.",
    "Phong trào thi đua “Dân vận khéo” tạo sức lan tỏa trong Nhân dân.",
    "Ban Dân vận Huyện ủy đánh giá cao cách làm sáng tạo, công khai, minh bạch của đơn vị.",
    "Người dân tin tưởng, đồng thuận hơn, tự nguyện tham gia giữ gìn an ninh trật tự ở khu dân cư.",
    "Đoàn viên thanh niên tình nguyện dọn vệ sinh, trồng {number} cây xanh dọc kênh {hamlet}.",
    "Hội viên phụ nữ tiết kiệm mỗi tháng một ít, giúp nhau vay vốn không lãi để chăn nuôi, trồng trọt.",
    "Cán bộ xã thực hiện tốt Quy chế dân chủ ở cơ sở, tiếp dân định kỳ và trả lời kiến nghị đúng hạn.",
    "Bài học rút ra là phải sâu sát cơ sở, nói đi đôi với làm, cán bộ đảng viên gương mẫu đi trước.",
    "Nhiều mô hình “Ba mũi” được nhân rộng ra các ấp lân cận như {hamlet} và {hamlet2}.",
    "{person} cho biết: “Có dân là có tất cả, việc gì khó mấy có dân cùng làm cũng xong”.",
    "Trong năm, đơn vị tổ chức {number} buổi sinh hoạt chuyên đề về xây dựng nông thôn mới nâng cao.",
    "Các hộ chuyển đổi cây trồng sang dừa hữu cơ, bưởi da xanh, sầu riêng theo hướng liên kết tiêu thụ.",
    "Lực lượng dân quân cùng bà con đắp đê bao, phòng chống hạn mặn, bảo vệ {number} hécta vườn cây.",
    "Ủy ban nhân dân xã khen thưởng {number} tập thể và cá nhân có thành tích xuất sắc.",
)


class _Names:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def syllable(self) -> str:
        word = self.rng.choice(ONSETS) + self.rng.choice(RHYMES)
        while word in ADDRESS_WORDS:  # "ấp Va Nhà số 5060" reads as a home address, rightly refused
            word = self.rng.choice(ONSETS) + self.rng.choice(RHYMES)
        return word[0].upper() + word[1:]

    def person(self) -> str:
        return f"{self.rng.choice(SURNAMES)} {self.rng.choice(MIDDLES)} {self.syllable()}"

    def hamlet(self) -> str:
        if self.rng.random() < 0.6:
            return self.rng.choice(HAMLETS)
        return f"{self.syllable()} {self.syllable()}"


def story(rng: random.Random, words: int = 400) -> str:
    names = _Names(rng)
    paragraphs: list[str] = []
    sentences: list[str] = []
    count = 0
    while count < words:
        sentence = rng.choice(SENTENCES).format(
            hamlet=names.hamlet(), hamlet2=names.hamlet(), person=names.person(),
            model=rng.choice(MODELS), number=rng.randint(2, 2000))
        sentences.append(sentence)
        count += len(sentence.split())
        if len(sentences) == 5:
            paragraphs.append(" ".join(sentences))
            sentences = []
    if sentences:
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)


def exemplar(rng: random.Random, number: int, unit: str, categories: list[str], groups: list[str],
             fields: list[str], recognizer: str, photos: int = 0) -> tuple[str, str]:
    names = _Names(rng)
    model = rng.choice(MODELS)
    title = f"Mô hình “{model}” ấp {names.hamlet()} số {number}"
    recognized = date(2024, 5, 1) + timedelta(days=rng.randint(0, 540))
    data = {
        "title": title, "kind": "collective", "unit": unit,
        "categories": sorted(rng.sample(categories, rng.randint(1, 2))),
        "groups": sorted(rng.sample(groups, 1)), "fields": sorted(rng.sample(fields, 1)),
        "model": model,
        "summary": f"{names.person()} và bà con ấp {names.hamlet()} thực hiện mô hình “{model}”, "
                   f"giúp {rng.randint(5, 300)} hộ dân.",
        "recognition": {"decision": f"{rng.randint(1, 300)}-QĐ/BDVHU", "date": recognized.isoformat(),
                        "by": recognizer},
        "period": {"start": "2024-04-01", "end": "2025-06-30"},
        "criteria": [{"name": "Số hộ tham gia", "target": 100, "result": rng.randint(80, 200),
                      "measure": "hộ"}],
    }
    slug = slugify(title)
    if photos:
        data["photos"] = [{"file": f"{slug}-{i}.jpg", "caption": rng.choice(CAPTIONS),
                           "credit": "Khối vận xã"} for i in range(1, photos + 1)]
    front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return slug, f"---\n{front}---\n{story(rng)}\n"


def write_synthetic_project(root: Path, count: int, seed: int = 1, photos: bool = True) -> Path:
    """A project at `root` (created; must not exist) with `count` synthetic exemplars."""
    root.mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for folder in ("content", "theme"):
        shutil.copytree(REPO / folder, root / folder)
    (root / "exemplars").mkdir()
    for registry in sorted((REPO / "exemplars").glob("*.yml")):
        shutil.copy(registry, root / "exemplars" / registry.name)

    def load(name: str) -> Any:
        return yaml.safe_load((root / "exemplars" / name).read_text(encoding="utf-8"))

    # Units that worked through the synthetic period (2024-04-01 to 2025-06-30): recognized
    # during it, or after it for work done while they lived; the default campaign's lines.
    units = sorted(u["id"] for u in load("units.yml")["units"]
                   if "from" not in u and str(u.get("until", "9999-12-31")) >= "2025-06-30")
    campaigns = {c["id"]: c for c in load("campaigns.yml")}
    campaign = campaigns[load("site.yml").get("default_campaign") or next(iter(campaigns))]
    categories = sorted(c["id"] for c in campaign["lines"]["categories"])
    groups, fields = sorted(g["id"] for g in load("groups.yml")), sorted(f["id"] for f in load("fields.yml"))
    # The campaign's organiser recognizes them (a name from the registry, as of its first day)
    recognizer = next(u["name"] for u in load("units.yml")["units"] if u["id"] == campaign["organiser"])
    rng = random.Random(seed)
    shots = pool(min(POOL, max(count, 4))) if photos else []
    for number in range(1, count + 1):
        unit = units[number % len(units)]
        taken = rng.choices(range(len(PHOTO_SHARE)), PHOTO_SHARE)[0] if photos else 0
        slug, text = exemplar(rng, number, unit, categories, groups, fields, recognizer, taken)
        path = root / "exemplars" / unit / f"{slug}.md"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        for i, shot in enumerate(rng.sample(shots, taken), start=1):
            _link(shot, path.parent / f"{slug}-{i}.jpg")
    return root


def _link(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system: a copy
        shutil.copyfile(source, target)


if __name__ == "__main__":
    write_synthetic_project(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 1)

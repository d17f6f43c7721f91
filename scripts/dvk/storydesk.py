"""For broadcast editors: the story desk page and one story kit (.zip) per exemplar.

The desk lists every published exemplar, not yet aired first, then newest recognition; its
filters are a small script over the rows' data-* attributes, so without JavaScript the page is
the whole sorted table. A kit holds what an editor needs to prepare a segment — the text, the
pitch, the photos with their credits, the office contact — made from the public record only.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from . import urls
from .collate import sort_key
from .model import KIND_NAMES, LEVEL_NAMES, Exemplar
from .opendata import LICENCE, exemplar_document, record
from .photos import PhotoFile, published_name
from .render import number, vi_short_date

if TYPE_CHECKING:
    from .pages import Site, SiteFile

KIT_TEXT = "tu-lieu.txt"


def desk_order(exemplars: list[Exemplar]) -> list[Exemplar]:
    """Not yet aired first, then the newest recognition, then by title."""
    ranked = sorted(exemplars, key=lambda e: (sort_key(e.title), e.slug))
    ranked.sort(key=lambda e: (e.last_airing is not None, -e.recognition.date.toordinal()))
    return ranked


def desk_pages(site: Site) -> Iterator[SiteFile]:
    catalog, registry = site.catalog, site.registry
    rows = desk_order(catalog.exemplars)
    units = sorted({registry.current_unit(e.unit) for e in rows}, key=lambda u: sort_key(u.name))
    yield site.render(urls.desk(), "desk.md.j2", rows=rows, units=units, thumbnail=published_name,
                      categories=list(registry.categories.values()), levels=LEVEL_NAMES,
                      kinds=KIND_NAMES, feeds=bool(site.site_url),
                      # Raw HTML: links MkDocs will not rewrite, and phone numbers as dialled.
                      link=lambda target: Markup(urls.link(urls.desk(), target)),
                      tel=lambda phone: Markup(re.sub(r"[^0-9+]", "", phone)),
                      aired=sum(1 for e in rows if e.last_airing))


def kit_text(rec: dict[str, Any]) -> str:
    """The kit's reading copy: plain text an editor opens anywhere (Notepad, Word, a phone)."""
    def day(iso: str) -> str:
        return vi_short_date(date.fromisoformat(iso))

    recog = rec["recognition"]
    lines = ["TƯ LIỆU ĐIỂN HÌNH “DÂN VẬN KHÉO”", "", rec["title"], "", f"Giới thiệu: {rec['summary']}",
             f"Loại: {KIND_NAMES[rec['kind']]}"]
    if rec["person"]:
        lines.append(f"Cá nhân: {rec['person']['name']}, {rec['person']['position']}")
    if rec["model"]:
        lines.append(f"Mô hình: {rec['model']}")
    unit = rec["current_unit"]["name"]
    if rec["unit"]["id"] != rec["current_unit"]["id"]:
        unit += f" (khi công nhận: {rec['unit']['name']})"
    lines += [
        f"Đơn vị: {unit}",
        "Nội dung thi đua: " + "; ".join(f"{c['title']}: {c['short']}" for c in rec["categories"]),
        f"Quyết định công nhận: số {recog['decision']}, ngày {day(recog['date'])}, của {recog['by']}"
        + (f" ({recog['form']})" if recog["form"] else ""),
        "Chuyên mục “Dân vận khéo”: " + (f"đã lên sóng, lần gần nhất {day(rec['last_airing'])}"
                                          if rec["aired"] else "chưa lên sóng"),
    ]
    contact = rec["contact"]
    if contact:
        parts = [contact["office"], contact["phone"] and f"điện thoại {contact['phone']}", contact["email"]]
        lines.append("Liên hệ văn phòng: " + " · ".join(p for p in parts if p))
    lines.append(f"Trang điển hình: {rec['url']}")
    if rec["criteria"]:
        lines += ["", "TIÊU CHÍ THI ĐUA"]
        lines += [f"- {c['name']}: chỉ tiêu {number(c['target'])} {c['measure']}, kết quả "
                  f"{number(c['result'])} {c['measure']} ({number(round(c['percent']))}%)"
                  for c in rec["criteria"]]
    if rec["photos"]:
        lines += ["", "ẢNH (thư mục anh/; khi dùng, ghi tên tác giả)"]
        lines += [f"- anh/{p['file']}: {p['caption']} (Ảnh: {p['credit']})" for p in rec["photos"]]
    lines += ["", "CÂU CHUYỆN", "", rec["story_markdown"], "",
              f"Văn bản và dữ liệu: giấy phép {LICENCE['name']} ({LICENCE['url']}). "
              "Ảnh thuộc tác giả ghi ở trên."]
    return "\r\n".join(lines) + "\r\n"  # CRLF: Notepad on older Windows shows one line otherwise


@dataclass(frozen=True)
class Kit:
    """A story kit, zipped by `media.make` once its photos' variants exist: the kit carries the
    largest published JPEG of each photo, never the original with the phone's metadata."""

    folder: str
    day: date
    texts: tuple[tuple[str, bytes], ...]
    photos: tuple[tuple[str, PhotoFile], ...]

    def zip(self, file_of: Callable[[PhotoFile], Path]) -> bytes:
        """A deterministic zip: sorted entries, the recognition date as every entry's timestamp."""
        entries = {name: (data, zipfile.ZIP_DEFLATED) for name, data in self.texts}
        for name, photo in self.photos:  # already compressed: stored as they are
            entries[name] = (file_of(photo).read_bytes(), zipfile.ZIP_STORED)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as kit:
            for name in sorted(entries):
                data, method = entries[name]
                info = zipfile.ZipInfo(f"{self.folder}/{name}",
                                       date_time=(self.day.year, self.day.month, self.day.day, 0, 0, 0))
                info.compress_type = method
                info.create_system = 3  # otherwise it depends on the OS that builds
                info.external_attr = 0o644 << 16
                kit.writestr(info, data, compresslevel=9 if method == zipfile.ZIP_DEFLATED else None)
        return out.getvalue()


def story_kit(site: Site, ex: Exemplar) -> Kit:
    rec = record(site, ex)
    texts = (
        (KIT_TEXT, ("\ufeff" + kit_text(rec)).encode("utf-8")),  # BOM: Vietnamese in any editor
        ("dien-hinh.json", exemplar_document(rec)),
    )
    kit_photos = tuple((f"anh/{name}", PhotoFile(photo.source, name)) for photo in ex.photos
                       for name in [published_name(photo.source, photo.file)])
    return Kit(ex.slug, ex.recognition.date, texts, kit_photos)


def story_kit_files(site: Site) -> Iterator[SiteFile]:
    from .pages import Asset  # pages imports this module's family

    for ex in site.catalog.exemplars:
        yield Asset(urls.story_kit(ex.slug), story_kit(site, ex))

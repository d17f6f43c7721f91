"""One story kit (.zip) per exemplar: what an editor needs to prepare a segment — the text, the
pitch, the photos' addresses with their credits, the office contact — made from the public record
only. The photos themselves are the published ones beside the page (`media.kit`)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from .. import urls
from ..media.kit import Kit
from ..model import KIND_NAMES, Exemplar
from ..settings import Licence
from ..text.formats import number, vi_short_date
from .base import Asset, Site, SiteFile
from .opendata import exemplar_document, record

KIT_TEXT = "tu-lieu.txt"


def kit_text(rec: dict[str, Any], licence: Licence, column: str) -> str:
    """The kit's reading copy: plain text an editor opens anywhere (Notepad, Word, a phone)."""
    def day(iso: str) -> str:
        return vi_short_date(date.fromisoformat(iso))

    recog = rec["recognition"]
    lines = ["TƯ LIỆU ĐIỂN HÌNH" + (f" “{column.upper()}”" if column else ""), "", rec["title"], "",
             f"Giới thiệu: {rec['summary']}",
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
        f"Chuyên mục “{column}”: " + (f"đã lên sóng, lần gần nhất {day(rec['last_airing'])}"
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
        lines += ["", "ẢNH (tải từ địa chỉ ghi bên cạnh; khi dùng, ghi tên tác giả)"]
        lines += [f"- {p['url']}: {p['caption']} (Ảnh: {p['credit']})" for p in rec["photos"]]
    lines += ["", "CÂU CHUYỆN", "", rec["story_text"], "",
              f"Văn bản và dữ liệu: giấy phép {licence.name} ({licence.url}). "
              "Ảnh thuộc tác giả ghi ở trên."]
    return "\r\n".join(lines) + "\r\n"  # CRLF: Notepad on older Windows shows one line otherwise


def story_kit(site: Site, ex: Exemplar) -> Kit:
    rec = record(site, ex)
    column = site.registry.column.name if site.registry.column else ""
    text = kit_text(rec, site.settings.licence, column)
    texts = (
        (KIT_TEXT, ("\ufeff" + text).encode("utf-8")),  # BOM: Vietnamese in any editor
        ("dien-hinh.json", exemplar_document(site, ex)),
    )
    return Kit(ex.slug, ex.recognition.date, texts)


def files(site: Site) -> Iterator[SiteFile]:
    for ex in site.catalog.exemplars:
        yield site.kept(lambda ex=ex: Asset.made(urls.story_kit(ex.slug), story_kit(site, ex).zip()), "kit", ex)

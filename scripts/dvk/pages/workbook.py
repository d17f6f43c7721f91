"""The Excel template for `dvk import-xlsx` (/dong-gop/mau-danh-sach-dien-hinh.xlsx).

Its columns are `schema.workbook.columns()`, so the template cannot offer a column the importer
does not read; a second sheet says what each column holds and which codes it takes (the
registries). Same registries, same bytes (`stats.board_report.workbook_bytes`).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from .. import urls
from ..model import Registry
from ..schema import EXEMPLAR, load_schema, required_fields
from ..schema.examples import first_example
from ..schema.workbook import GUIDE, SHEET, Column, columns
from ..stats.board_report import workbook_bytes
from ..text.tables import cell_text
from ..validate.rules import MIN_STORY_WORDS
from .base import Asset, Site, SiteFile

MOMENT = datetime(1980, 1, 1)  # the template is dated by nothing that changes


def files(site: Site) -> Iterator[SiteFile]:
    # Made from the registries alone, which the memo's world holds: a preview makes it once.
    yield site.memo.get(("workbook template",), lambda: Asset.made(urls.workbook_template(), template(site.registry)))


def template(registry: Registry) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    cols = columns()
    sheet.append([cell_text(c.header) for c in cols])
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    for index, cell in enumerate(sheet[1], start=1):
        cell.font, cell.alignment = bold, wrap
        sheet.column_dimensions[get_column_letter(index)].width = 24
    sheet.freeze_panes = "B2"

    guide = workbook.create_sheet(GUIDE)
    guide.append(["Cột", "Bắt buộc", "Ghi gì", "Ví dụ"])
    for cell in guide[1]:
        cell.font = bold
    for column in cols:
        guide.append([cell_text(column.header), _needed(column), cell_text(_what(column)),
                      cell_text(_example(column))])
    guide.append([])
    guide.append([cell_text("Mã đơn vị (cột “Đơn vị công nhận”: ghi mã hoặc tên đơn vị)")])
    for unit in registry.units.values():
        guide.append([unit.id, cell_text(unit.name)])
    guide.append([])
    guide.append([cell_text("Mã nội dung thi đua (ghi mã hoặc tên, cách nhau bằng dấu phẩy)")])
    for category in registry.categories.values():
        guide.append([category.id, cell_text(f"{category.title}: {category.short}")])
    for letter, width in zip("ABCD", (34, 14, 80, 40), strict=True):
        guide.column_dimensions[letter].width = width
    workbook.properties.title = "Danh sách điển hình (mẫu để nhập)"
    return workbook_bytes(workbook, MOMENT)


def _needed(column: Column) -> str:
    top = str(column.path[0])
    kinds = [kind for kind in ("collective", "individual") if top in required_fields(kind)]
    if column.dotted == "body" or len(kinds) == 2:
        return "có"
    return {"collective": "với tập thể", "individual": "với cá nhân"}.get(kinds[0], "") if kinds else ""


def _what(column: Column) -> str:
    text = str(column.schema.get("description", ""))
    if column.kind == "date":
        return f"{text} Ghi ngày kiểu ngày của Excel, hoặc 19/5/2024."
    if column.codes:
        return f"{text} Nhiều mã cách nhau bằng dấu phẩy."
    return text or f"Bối cảnh, việc đã làm, kết quả, bài học (ít nhất {MIN_STORY_WORDS} từ)."


def _example(column: Column) -> str:
    example = first_example(column.schema, load_schema(EXEMPLAR))
    if isinstance(example, list):
        return ", ".join(map(str, example))
    return "" if example is None else str(example)

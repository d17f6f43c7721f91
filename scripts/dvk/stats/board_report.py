"""The Board's count report (`dvk report`): per unit, for a window of recognition dates.

Three forms of the same `Statistics` tables: Markdown fit to print, CSV (UTF-8 with BOM, as the
site's downloads), and an Excel workbook written by openpyxl. The workbook is made deterministic
— fixed document dates and fixed zip entry times — so the 2024 report has the same bytes
whenever it is run. Unit and category names are data: openpyxl stores a text beginning with '='
as a live formula, so every text cell goes through `text.tables.cell_text`, the CSV's rule.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from ..text.escape import inline
from ..text.formats import vi_short_date
from ..text.tables import cell_text
from .counts import Statistics
from .tables import Table

# openpyxl is imported by the functions that write a workbook: the command line names the
# formats (`FORMATS`) for every verb, and `dvk check` should not start a spreadsheet writer.
if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

TITLE = "Báo cáo số lượng điển hình"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry


def title(stats: Statistics) -> str:
    """“Báo cáo số lượng điển hình “<column>””: the movement's name is the column's (site.yml)."""
    return f"{TITLE} “{stats.column_name}”" if stats.column_name else TITLE


def subtitle(stats: Statistics) -> str:
    return f"{stats.campaign.name} (Kế hoạch {stats.campaign.plan.number})"


def notes(stats: Statistics) -> list[str]:
    """What a reader of the printed report needs to read the numbers right."""
    lines = [stats.window_text(), stats.standing_text(),
             "Một điển hình có thể thuộc nhiều nội dung thi đua; cột “Đã lên chuyên mục” đếm điển hình "
             f"đã được giới thiệu trên chuyên mục “{stats.column_name}”."]
    lines += [f"{c.title}: {c.short}." for c in stats.campaign.categories]
    for tally in stats.tallies:
        for old in tally.absorbed:
            since = f" (từ {vi_short_date(old.until + timedelta(days=1))})" if old.until else ""
            lines.append(f"Số liệu của {old.name} tính cho {tally.unit.name}{since}.")
    missing = [t.unit.name for t in stats.tallies if not t.exemplars]
    if missing:
        lines.append(f"Đơn vị chưa có điển hình ({len(missing)}): {', '.join(missing)}.")
    return lines


def as_markdown(stats: Statistics) -> str:
    # Unit and category names are data: `Table.markdown` and `inline` escape them.
    parts = [f"# {title(stats)}", "", inline(subtitle(stats)), "",
             "## Kết quả so với chỉ tiêu", "", stats.targets_table().markdown(), "",
             "## Số điển hình theo đơn vị", "", stats.report_table().markdown(), "", "## Ghi chú", ""]
    parts += [f"- {inline(line)}" for line in notes(stats)]
    return "\n".join(parts).replace("\n\n\n", "\n\n") + "\n"


def as_csv(stats: Statistics) -> bytes:
    return stats.report_table().csv()


def as_xlsx(stats: Statistics) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Theo đơn vị"
    _write_table(sheet, stats.report_table())
    _write_table(workbook.create_sheet("Chỉ tiêu"), stats.targets_table())
    sheet = workbook.create_sheet("Ghi chú")
    for line in (title(stats), subtitle(stats), *notes(stats)):
        sheet.append(_cells([line]))
    sheet.column_dimensions["A"].width = 120

    moment = datetime.combine(stats.end or stats.newest or stats.campaign.period.start, time())
    workbook.properties.title, workbook.properties.subject = title(stats), stats.window_text()
    return workbook_bytes(workbook, moment)


def workbook_bytes(workbook: Workbook, moment: datetime) -> bytes:
    """A workbook's file, the same bytes for the same content: dated `moment`, fixed zip times."""
    from openpyxl.writer.excel import ExcelWriter

    props = workbook.properties
    props.creator = props.lastModifiedBy = "dvk"
    props.created = props.modified = moment
    raw = io.BytesIO()
    # Workbook.save would stamp `modified` with the clock; its writer, called directly, does not.
    ExcelWriter(workbook, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED)).save()
    return _fixed_zip_times(raw.getvalue())


def _cells(values: Iterable[object]) -> list[int | float | str]:
    """A row as cells: numbers as numbers, everything else as text that is never a formula."""
    return [value if isinstance(value, int | float) else cell_text(value) for value in values]


def _write_table(sheet: Worksheet, table: Table) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sheet.append(_cells(table.columns))
    for row in (*table.rows, *([table.total] if table.total else [])):
        sheet.append(_cells(row))
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    if table.total:
        for cell in sheet[sheet.max_row]:
            cell.font = bold
    sheet.freeze_panes = "B2"
    for i, column in enumerate(table.columns, start=1):
        longest = max((len(str(row[i - 1])) for row in table.rows), default=0)
        sheet.column_dimensions[get_column_letter(i)].width = min(max(longest, len(column) // 2, 8) + 2, 60)


def _fixed_zip_times(data: bytes) -> bytes:
    """openpyxl stamps each zip entry with the current time; give every entry a fixed one."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


FORMATS = {"markdown": lambda s: as_markdown(s).encode("utf-8"), "csv": as_csv, "xlsx": as_xlsx}

"""The Excel list of exemplars (one row per model): its columns, read from the exemplar schema.

The template the site offers (`pages/webform.py`) and `dvk import-xlsx` (`contribute/xlsx.py`)
both use these columns, so a column exists exactly when the schema has the field. A row holds
what units keep in their lists: the scalar fields, each object's members, lists of codes in one
cell (comma separated), a few criteria as numbered groups of columns, and the story. What a row
cannot hold (photos, media, steps) is added to the file afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import EXEMPLAR, field_order, load_schema, resolve

CRITERIA_COLUMNS = 3  # groups of criteria columns in the template; more are added in the file
MAX_CRITERIA = 50  # numbered groups the importer reads, beyond the template's
SHEET = "Danh sách"  # the template's sheet of rows
GUIDE = "Hướng dẫn"  # the template's sheet that explains the columns (never rows)
STORY = "body"
# Lists of objects that do not fit in a row, besides `criteria`: filled in the file afterwards.
NOT_IN_A_ROW = frozenset({"steps", "nominations", "media", "photos", "draft"})


@dataclass(frozen=True)
class Column:
    path: tuple[str | int, ...]  # where the value goes: ("recognition", "date"), ("criteria", 0, "name")
    header: str  # the Vietnamese heading of the template
    schema: dict[str, Any]  # the (resolved) schema of the value
    codes: bool = False  # a list of codes, written in one cell

    @property
    def dotted(self) -> str:
        """`recognition.date`, `criteria[1].name`: as the checker names the field."""
        out = ""
        for step in self.path:
            out += f"[{step + 1}]" if isinstance(step, int) else (f".{step}" if out else step)
        return out

    @property
    def kind(self) -> str:
        """How a cell is read: date | number | integer | codes | text."""
        if self.codes:
            return "codes"
        if self.schema.get("pattern", "").startswith("^[0-9]{4}-"):
            return "date"
        return {"number": "number", "integer": "integer"}.get(self.schema.get("type", ""), "text")


def columns(groups: int = CRITERIA_COLUMNS) -> list[Column]:
    """The template's columns in order; `groups` numbered groups of columns for each list."""
    root = load_schema(EXEMPLAR)
    out: list[Column] = []
    for name in field_order():
        if name in NOT_IN_A_ROW:
            continue
        sub = resolve(root, root["properties"][name])
        if sub.get("type") == "object":
            for key, child in sub["properties"].items():
                child = resolve(root, child)
                out.append(Column((name, key), f"{sub['title']}: {child['title']}", child))
        elif sub.get("type") == "array" and "properties" in resolve(root, sub["items"]):
            item = resolve(root, sub["items"])
            for index in range(groups):
                for key, child in item["properties"].items():
                    out.append(Column((name, index, key), f"{item_title(sub, index)}: {child['title']}",
                                      resolve(root, child)))
        else:
            out.append(Column((name,), sub["title"], sub, codes=sub.get("type") == "array"))
    out.append(Column((STORY,), "Câu chuyện", {"type": "string"}))
    return out


def item_title(sub: dict[str, Any], index: int) -> str:
    return f"{sub['title']} {index + 1}"



def headings() -> list[str]:
    """The template's headings, in order (for a 'did you mean')."""
    return [column.header for column in columns()]

"""The GitHub issue form for a nomination: `dvk contribute-files` writes it, `dvk import-issue`
reads a submitted one into a new exemplar.

The form is the frame `issueform.yml` (every question and its wording) with what is data filled
in from the registries as they stand: the lines of content of the open campaigns, the fields, and
examples taken from an open campaign's organiser and from groups.yml. Nothing of a campaign is
written by hand, so a new campaign's form is one command away, and a test keeps the committed
copy equal to what the command writes.

GitHub renders a form's answers as `### <label>` sections with the value below, `_No response_`
for an empty one and `- [X] <option>` for ticked boxes. The form file itself says which label
is which field (its `id`: `recognition-date` is `recognition.date`), so renaming a label in the
form needs no change here. Values are taken as typed, with the two conversions a Vietnamese
form needs (dates written 19/5/2024, numbers written 1.500 or 6,2); anything else that is
wrong is left for the checker to name, with its line, in the file this writes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..model import Campaign, Registry, Unit
from .scaffold import NewExemplar, ScaffoldError, check_kind, check_unit

FORM_PATH = Path(".github") / "ISSUE_TEMPLATE" / "de-cu-dien-hinh.yml"
FRAME = Path(__file__).with_name("issueform.yml")
HEADER = """\
# Biểu mẫu đề cử điển hình. TỆP SINH TỰ ĐỘNG: đừng sửa tay. `dvk contribute-files` ghi nó từ khung
# scripts/dvk/contribute/issueform.yml (câu chữ) và các danh mục trong exemplars/ (nội dung thi
# đua của các chiến dịch đang mở, lĩnh vực, ví dụ); sửa chúng rồi chạy lại lệnh. `dvk import-issue`
# đọc chính tệp này để biết mỗi mục là trường nào (theo `id`: "recognition-date" là recognition.date).
"""
NO_RESPONSE = "_No response_"
_TICKED = re.compile(r"^- \[[xX]\] `?([a-z0-9]+(?:-[a-z0-9]+)*)")
_VN_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")


# --- writing the form --------------------------------------------------------------------------

def offered_campaigns(registry: Registry) -> list[Campaign]:
    """The campaigns a nomination is for: the open ones; every one while none is open, as a form
    with no lines to tick could not be sent at all."""
    campaigns = list(registry.campaigns.values())
    return [c for c in campaigns if c.is_open] or campaigns


def form_text(registry: Registry) -> str:
    """The issue form as the registries stand (same registries, same bytes)."""
    campaigns = offered_campaigns(registry)
    several = len(campaigns) > 1
    example = _example_unit(registry, campaigns)
    words = {
        # the movement's name is the column's (site.yml), as the Board's report titles it
        "movement": f" “{registry.column.name}”" if registry.column else "",
        "unit": example.id,
        "recognizer": example.name,
        "groups": ", ".join(list(registry.groups)[:2]),
        "campaigns": "; ".join(f"{c.short_name or c.name}: nội dung “{c.lines_name}”" for c in campaigns) + ".",
    }
    options = {
        "categories": [f"{line.id} — {line.title}: {line.short}" + (f" ({c.short_name or c.name})" if several else "")
                       for c in campaigns for line in c.categories],
        "fields": [f"{f.id} — {f.title}" for f in registry.fields.values()],
    }
    form = _filled(yaml.safe_load(FRAME.read_text(encoding="utf-8")), words)
    for item in form["body"]:
        if item.get("id") in options:
            item["attributes"]["options"] = [{"label": label} for label in options[item["id"]]]
        if item.get("attributes", {}).get("placeholder") == "":
            del item["attributes"]["placeholder"]  # nothing in the registry to show
    return HEADER + yaml.dump(form, Dumper=_FormDumper, allow_unicode=True, sort_keys=False,
                              width=4096)


def _example_unit(registry: Registry, campaigns: list[Campaign]) -> Unit:
    """One of today's units to show as an example: an offered campaign's organiser (or the unit
    that carries its work now), else the first of today's units in units.yml."""
    organisers = [registry.current_unit(c.organiser) for c in campaigns]
    return next((u for u in [*organisers, *registry.units.values()] if registry.is_current(u)), organisers[0])


def _filled(node: Any, words: Mapping[str, str]) -> Any:
    if isinstance(node, dict):
        return {key: _filled(value, words) for key, value in node.items()}
    if isinstance(node, list):
        return [_filled(value, words) for value in node]
    return node.format_map(words) if isinstance(node, str) else node


class _FormDumper(yaml.SafeDumper):
    """Block style, lists indented under their key, one line a value; a text of several lines as
    a literal block, as it was typed."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


_FormDumper.add_representer(str, lambda dumper, text: dumper.represent_scalar(
    "tag:yaml.org,2002:str", text, style="|" if "\n" in text else None))


# --- reading a submitted one ------------------------------------------------------------------

@dataclass(frozen=True)
class Question:
    id: str
    label: str
    type: str  # input | textarea | dropdown | checkboxes


def load_form(path: Path) -> list[Question]:
    """The questions of the issue form, in order (markdown blocks carry no answer)."""
    form = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Question(item["id"], item["attributes"]["label"], item["type"])
            for item in form["body"] if item["type"] != "markdown"]


def answers(body: str, questions: list[Question]) -> dict[str, str]:
    """Split a rendered issue body into {question id: raw answer}.

    Only the form's own labels start a section, so a story with its own `### heading` stays whole.
    """
    by_label = {f"### {q.label}": q.id for q in questions}
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in body.replace("\r\n", "\n").split("\n"):
        if line.rstrip() in by_label:
            current = found.setdefault(by_label[line.rstrip()], [])
        elif current is not None:
            current.append(line)
    out = {}
    for key, lines in found.items():
        text = "\n".join(lines).strip()
        out[key] = "" if text == NO_RESPONSE else _unfence(text)
    return out


def _unfence(text: str) -> str:
    """A textarea with `render:` comes back inside a code fence."""
    lines = text.split("\n")
    if len(lines) >= 2 and lines[0].startswith("```") and lines[-1].startswith("```"):
        return "\n".join(lines[1:-1]).strip()
    return text


def to_exemplar(body: str, questions: list[Question], registry: Registry, unit: str | None = None) -> NewExemplar:
    """The exemplar a nomination describes; `unit` replaces the unit typed in it (or raises)."""
    kinds = {q.id: q.type for q in questions}
    raw = answers(body, questions)
    for needed in ("unit", "kind", "title"):
        if not raw.get(needed):
            label = next(q.label for q in questions if q.id == needed)
            raise ScaffoldError(f"đề cử thiếu mục “{label}” — hãy bổ sung trong issue rồi chạy lại")
    values: dict[str, Any] = {}
    for key, text in raw.items():
        if key in ("unit", "kind", "title", "story") or not text:
            continue
        value = _value(key, text, kinds[key])
        if value in (None, [], ""):
            continue
        parent, _, child = key.partition("-")
        if child:
            values.setdefault(parent, {})[child] = value
        else:
            values[key] = value
    # The form asks for lines, not a campaign: the lines ticked name it. Lines of two campaigns
    # name none, and the checker says which lines belong to which.
    named = {registry.campaign_of_category(line) for line in values.get("categories", ())}
    if len(named) == 1 and (campaign := named.pop()) and campaign != registry.campaign_id(None):
        values["campaign"] = campaign
    kind_text = raw["kind"]
    inside = re.search(r"\(([a-z]+)\)\s*$", kind_text)
    return NewExemplar(unit=check_unit(unit or raw["unit"], registry),
                       kind=check_kind(inside.group(1) if inside else kind_text),
                       title=" ".join(raw["title"].split()), values=values, story=raw.get("story", ""))


def _value(key: str, text: str, kind: str) -> Any:
    if kind == "checkboxes":
        return [m.group(1) for line in text.split("\n") if (m := _TICKED.match(line.strip()))]
    if key == "groups":
        return [part.strip() for part in re.split(r"[,;\s]+", text) if part.strip()]
    if key == "criteria":
        return [_criterion(line) for line in text.split("\n") if line.strip()]
    if key.endswith(("date", "start", "end")) or key == "consent":
        return iso_date(text)
    return " ".join(text.split()) if kind == "input" or key == "summary" else text


def _criterion(line: str) -> dict[str, Any]:
    parts = [p.strip() for p in line.strip().strip("|").split("|")]
    parts += [""] * (4 - len(parts))
    name, target, result, measure = parts[:4]
    item: dict[str, Any] = {"name": name, "target": number(target), "result": number(result),
                            "measure": measure}
    return {k: v for k, v in item.items() if v not in ("", None)}


def iso_date(text: str) -> str:
    """'19/5/2024' → '2024-05-19'; anything else is kept for the checker to judge."""
    text = text.strip()
    m = _VN_DATE.match(text)
    return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}" if m else text


def number(text: str) -> int | float | str:
    """A number as Vietnamese write it: '1.500' is fifteen hundred, '6,2' is six point two."""
    text = text.strip().replace(" ", "")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    elif _THOUSANDS.match(text):
        text = text.replace(".", "")
    try:
        value = float(text)
    except ValueError:
        return text  # not a number: the checker says so on its line
    return int(value) if value.is_integer() and "." not in text else value

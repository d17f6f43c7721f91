"""`dvk import-issue`: a nomination made with the GitHub issue form → a new exemplar.

GitHub renders a form's answers as `### <label>` sections with the value below, `_No response_`
for an empty one and `- [X] <option>` for ticked boxes. The form file itself says which label
is which field (its `id`: `recognition-date` is `recognition.date`), so renaming a label in the
form needs no change here. Values are taken as typed, with the two conversions a Vietnamese
form needs (dates written 19/5/2024, numbers written 1.500 or 6,2); anything else that is
wrong is left for the checker to name, with its line, in the file this writes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .scaffold import NewExemplar, ScaffoldError, check_kind

FORM_PATH = Path(".github") / "ISSUE_TEMPLATE" / "de-cu-dien-hinh.yml"
NO_RESPONSE = "_No response_"
_TICKED = re.compile(r"^- \[[xX]\] `?([a-z0-9]+(?:-[a-z0-9]+)*)")
_VN_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")


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


def to_exemplar(body: str, questions: list[Question], unit_of: Any) -> NewExemplar:
    """The exemplar a nomination describes. `unit_of` turns the typed unit into an id (or raises)."""
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
    kind_text = raw["kind"]
    inside = re.search(r"\(([a-z]+)\)\s*$", kind_text)
    return NewExemplar(unit=unit_of(raw["unit"]), kind=check_kind(inside.group(1) if inside else kind_text),
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

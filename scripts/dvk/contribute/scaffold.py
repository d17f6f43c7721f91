"""`dvk new` and `dvk import-issue`: write a new exemplar file that shows every field.

The file is laid out from the JSON Schema itself (field order, which fields each kind needs,
the Vietnamese description of every field as a comment above it), so a scaffold cannot drift
from what the checker demands. A blank is an empty value (`date:`): the checker names each one
with its line until it is filled. Optional fields the contributor has nothing for are shown as
commented examples, so they cost nothing and are one keystroke from being used.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..load import exemplar_paths
from ..model import Registry
from ..schema import EXEMPLAR, field_order, fields_of_kind, load_schema, required_fields, resolve
from ..schema.examples import example_block, first_example, yaml_scalar
from ..text.slugs import slugify
from ..validate.suggest import suggest

SCHEMA_LINE = "# yaml-language-server: $schema=../../scripts/dvk/schema/exemplar.schema.json"
KINDS = ("collective", "individual")
MAX_SLUG = 80
REGISTRY_LISTS = {"categories": "categories", "fields": "fields", "groups": "groups"}


class ScaffoldError(Exception):
    """A request `dvk new` cannot honour; the message says what to do instead."""


@dataclass
class NewExemplar:
    unit: str
    kind: str
    title: str
    values: dict[str, Any] = field(default_factory=dict)  # what is known beyond the three
    story: str = ""
    slug: str | None = None

    @property
    def file_slug(self) -> str:
        return self.slug or slug_for(self.title)


def slug_for(title: str) -> str:
    """The file name for a title: ascii, hyphens, cut at a word boundary if very long."""
    slug = slugify(title)
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rsplit("-", 1)[0]
    return slug


# --- validation of the three answers ------------------------------------------------------------

def check_unit(value: str, registry: Registry) -> str:
    """The unit id for what was typed: an id, or a name (as units.yml writes it); else an error."""
    value = value.strip()
    if value in registry.units:
        return value
    by_name = {slugify(u.name): u.id for u in registry.units.values()}
    if slugify(value) in by_name:
        return by_name[slugify(value)]
    hint = suggest(slugify(value), registry.units, "exemplars/units.yml")["vi"]
    raise ScaffoldError(f"không có đơn vị '{value}' — {hint}")


def check_kind(value: str) -> str:
    answer = value.strip().lower()
    aliases = {"1": "collective", "tap-the": "collective", "2": "individual", "ca-nhan": "individual"}
    answer = aliases.get(slugify(answer), answer)
    if answer not in KINDS:
        raise ScaffoldError(f"loại '{value}' không hợp lệ — hãy ghi collective (tập thể) "
                            "hoặc individual (cá nhân)")
    return answer


def check_title(value: str) -> str:
    title = " ".join(value.split())
    rule = load_schema(EXEMPLAR)["properties"]["title"]
    if not rule["minLength"] <= len(title) <= rule["maxLength"] or not slugify(title):
        raise ScaffoldError(f"tên điển hình cần từ {rule['minLength']} đến {rule['maxLength']} "
                            "ký tự, có chữ cái")
    return title


# --- writing -----------------------------------------------------------------------------------

def target_path(exemplars_dir: Path, new: NewExemplar) -> Path:
    """Where the file goes; refuses a name that exists anywhere (slugs are unique site-wide)."""
    slug = new.file_slug
    path = exemplars_dir / new.unit / f"{slug}.md"
    taken = next((p for p in exemplar_paths(exemplars_dir) if p.stem == slug), None)
    if path.exists() or taken is not None:
        where = (taken or path).relative_to(exemplars_dir.parent).as_posix()
        raise ScaffoldError(f"đã có tệp {where}; không ghi đè — hãy đặt tên khác bằng --slug")
    return path


def write(exemplars_dir: Path, new: NewExemplar, registry: Registry) -> Path:
    path = target_path(exemplars_dir, new)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as out:  # "x": never overwrite
        out.write(render(new, registry))
    return path


def render(new: NewExemplar, registry: Registry) -> str:
    schema = load_schema(EXEMPLAR)
    values = {**new.values, "title": new.title, "kind": new.kind, "unit": new.unit}
    needed = required_fields(new.kind)
    lines = ["---", SCHEMA_LINE,
             "# Điền mọi chỗ trống sau dấu ':' rồi chạy `dvk check`; mỗi chỗ còn trống được báo",
             "# kèm số dòng. Ngày ghi YYYY-MM-DD. Dòng bắt đầu bằng '#' là ghi chú, máy bỏ qua;",
             "# bỏ dấu '# ' ở đầu các dòng ví dụ khi muốn dùng trường đó."]
    mine = fields_of_kind(new.kind)
    for name in field_order():
        if name not in mine and name not in values:
            continue
        sub = resolve(schema, schema["properties"][name])
        lines.append("")
        lines.append(f"# {sub['description']}{_registry_note(name, registry)}")
        lines.extend(_field(name, sub, values.get(name), name in needed, schema, 0))
    lines += ["", "# Sau dòng '---' dưới đây là câu chuyện (ít nhất 40 từ): bối cảnh, việc đã làm,",
              "# kết quả, bài học. Viết thành đoạn văn; cách một dòng trống để sang đoạn mới.",
              "---", ""]
    if new.story.strip():
        lines += [new.story.strip(), ""]
    return "\n".join(lines)


def _registry_note(name: str, registry: Registry) -> str:
    part = REGISTRY_LISTS.get(name)
    if part is None:
        return ""
    entries: Mapping[str, Any] = getattr(registry, part)
    return " Mã dùng được: " + "; ".join(f"{e.id} ({e.title})" for e in entries.values()) + "."


def _field(name: str, sub: dict[str, Any], value: Any, needed: bool, root: dict[str, Any],
           depth: int) -> Iterator[str]:
    pad = "  " * depth
    kind = sub.get("type")
    if kind == "object" and "properties" in sub:
        if value is None and not needed:
            yield from (f"{pad}# {line}" for line in example_block(name, sub, root))
            return
        yield f"{pad}{name}:"
        yield from _members(sub, value or {}, root, depth + 1)
    elif kind == "array" and "properties" in resolve(root, sub["items"]):
        item = resolve(root, sub["items"])
        if value:
            yield f"{pad}{name}:"
            for entry in value:
                yield from _list_item(item, entry, root, depth + 1)
        elif needed:
            yield f"{pad}{name}:"
            yield from _list_item(item, {}, root, depth + 1)
        else:
            yield f"{pad}# ví dụ:"
            yield from (f"{pad}#   {line}" for line in example_block("", item, root, item=True))
            yield f"{pad}{name}: []"
    elif kind == "array":
        shown = ", ".join(map(str, value or ()))
        yield f"{pad}{name}: [{shown}]"
    elif value is None and kind == "boolean":
        yield f"{pad}{name}: false"
    elif value is None and not needed:
        yield f"{pad}# {name}: {yaml_scalar(first_example(sub, root))}"
    else:
        yield f"{pad}{name}: {yaml_scalar(value)}".rstrip()


def _members(sub: dict[str, Any], value: Mapping[str, Any], root: dict[str, Any],
             depth: int) -> Iterator[str]:
    needed = set(sub.get("required", ()))
    for key, child in sub["properties"].items():
        child = resolve(root, child)
        yield f"{'  ' * depth}# {child['description']}"
        yield from _field(key, child, value.get(key), key in needed, root, depth)


def _list_item(item: dict[str, Any], value: Mapping[str, Any], root: dict[str, Any],
               depth: int) -> Iterator[str]:
    """One `- key: value` entry; a blank entry carries each member's description at its end."""
    needed = set(item.get("required", ()))
    dash = "- "
    for key, child in item["properties"].items():
        if key not in value and key not in needed:
            continue
        child = resolve(root, child)
        lead, dash = "  " * depth + dash, "  "
        line = f"{lead}{key}: {yaml_scalar(value.get(key))}".rstrip()
        yield line if key in value else f"{line}  # {child['description']}"

"""The web form (/dong-gop/bieu-mau/): Decap CMS, configured at every build from the schema.

A contributor who has never used git fills a Vietnamese form; Decap's editorial workflow saves
each submission as a branch and opens a pull request, where the checker runs as on any other.
Its collections are printed here from `exemplar.schema.json` and the registries — one per kind
(the fields that kind may carry, the ones it must), labels and help from the schema's
descriptions, choices from `x-labels` and the registries, and every pattern and length rule as a
validation whose message is the checker's own (`diagnostics.catalogue`, `form.*`) — so the form
cannot accept what `dvk check` refuses in the fields it can state, and the file it writes is
`exemplars/<unit>/<slug>.md` with its photos beside it.

The bundle is the npm package `decap-cms` (pinned by package-lock.json), copied from
node_modules into the site: nothing is fetched from a CDN. Without node_modules the page says
how to install it, and nothing else changes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml
from markupsafe import escape

from .. import urls
from ..diagnostics import CATALOGUE
from ..model import KIND_NAMES, Registry
from ..schema import EXEMPLAR, fields_of_kind, load_schema, required_fields, resolve
from ..settings import Settings
from ..text.collate import sort_key
from ..text.formats import vi_short_date
from ..validate.rules import MIN_STORY_WORDS
from .base import Asset, Site, SiteFile

BUNDLE = Path("decap-cms") / "dist"  # inside node_modules
ENTRY = "decap-cms.js"
# Where decap-server (npm `decap-server`, MODE=git) listens: a contributor's preview and the
# browser test. Decap talks to it only when the form itself is served from this machine.
LOCAL_PROXY = "http://127.0.0.1:8081/api/v1"
GITHUB_API = "https://api.github.com"
GUIDE = "dong-gop.md"  # the contributors' guide (content/), linked for those without JavaScript
# Registry vocabularies offered as choices: field → the Registry mapping.
CHOICES = {"categories": "categories", "fields": "fields", "groups": "groups", "campaign": "campaigns",
           "level": "levels"}

# The page's Content-Security-Policy beyond the site's (site/policy.py), and why each source:
# Decap validates its configuration with Ajv, which compiles validators into functions at
# run time ('unsafe-eval'; there is still no inline script and no script from elsewhere); it
# reads uploaded photos back as blob: URLs and shows the signed-in person's GitHub picture; it
# talks to GitHub's API and, on this machine only, to the local proxy. Only this page has them.
POLICY = (("script-src", "'unsafe-eval'"), ("img-src", "blob: https://avatars.githubusercontent.com"),
          ("connect-src", f"'self' blob: {GITHUB_API} {LOCAL_PROXY.rsplit('/api', 1)[0]}"))


# Vietnamese for the phrases of the form that Decap's own `vi` locale leaves in English; merged
# into it by `vi.js` before the form first renders (Decap reads its phrases once its config loads).
PHRASES: dict[str, Any] = {
    "collection": {
        "collectionTop": {"viewAs": "Xem dạng", "viewAsList": "Danh sách", "viewAsGrid": "Lưới",
                          "groupBy": "Nhóm theo"},
        "entries": {"unpublishedHeader": "Mục chưa công bố"},
        "groups": {"other": "Khác", "negateLabel": "Không phải %{label}"},
    },
    "editor": {
        "editorControl": {"field": {"widgetLabel": "Ô %{widgetLabel}"}},
        "editorInterface": {"togglePreview": "Bật, tắt xem trước", "toggleScrollSync": "Cuộn cùng nhau",
                            "toggleNotes": "Bật, tắt ghi chú"},
        "editorNotesPane": {"title": "Ghi chú", "emptyState": "Chưa có ghi chú.", "addNote": "Thêm ghi chú",
                            "addPlaceholder": "Thêm ghi chú…", "editPlaceholder": "Sửa ghi chú…", "save": "Lưu",
                            "cancel": "Huỷ", "edit": "Sửa", "delete": "Xoá", "resolve": "Đã xong",
                            "unresolve": "Mở lại", "confirmDelete": "Xoá ghi chú này?",
                            "shortcut": "Mẹo: bấm Ctrl+Enter để thêm ghi chú nhanh"},
        "editorToolbar": {
            "statusInfoTooltipDraft": "Mục đang là bản nháp. Khi đã đủ, đổi trạng thái thành “Đang xét duyệt” "
                                      "để gửi duyệt.",
            "statusInfoTooltipInReview": "Mục đang được xét duyệt; không cần làm gì thêm, nhưng vẫn sửa được."},
        "editorWidgets": {
            "image": {"chooseMultiple": "Chọn ảnh", "chooseUrl": "Chèn từ địa chỉ web",
                      "replaceUrl": "Thay bằng địa chỉ web", "promptUrl": "Nhập địa chỉ web của ảnh",
                      "addMore": "Thêm ảnh", "removeAll": "Gỡ mọi ảnh"},
            "file": {"chooseMultiple": "Chọn tệp", "chooseUrl": "Chèn từ địa chỉ web",
                     "replaceUrl": "Thay bằng địa chỉ web", "promptUrl": "Nhập địa chỉ web của tệp",
                     "addMore": "Thêm tệp", "removeAll": "Gỡ mọi tệp"},
            "datetime": {"setToNow": "Ghi %{fieldLabel} là hôm nay"},
            "list": {"add": "Thêm %{item}", "addType": "Thêm %{item}"},
            "object": {"expand": "Mở ra", "collapse": "Thu gọn"},
        },
    },
    "mediaLibrary": {
        "mediaLibraryCard": {"copy": "Chép", "copyUrl": "Chép địa chỉ", "copyPath": "Chép đường dẫn",
                             "copyName": "Chép tên", "copied": "Đã chép"},
        "mediaLibraryModal": {"close": "Đóng"},
    },
    "ui": {"settingsDropdown": {"account": "Tài khoản"}},
}


def files(site: Site) -> Iterator[SiteFile]:
    bundle = _bundle(site.settings.vendor_dir)
    # Made from the registries and settings alone (`Memo.world`)
    yield site.kept(lambda: Asset.made(urls.web_form("config.yml"), yaml.safe_dump(
        decap_config(site.registry, site.settings), allow_unicode=True, sort_keys=False, width=100).encode("utf-8")),
        "web form configuration")
    yield Asset.made(urls.web_form(), _page(site.settings, bundle is not None).encode("utf-8"),
                     policy=POLICY)
    if bundle is not None:
        yield Asset.made(urls.web_form("vi.js"), _phrases_script().encode("utf-8"))
        for path in sorted(bundle.iterdir()):
            # The entry, its chunks and its WebAssembly; not the source maps or the duplicate `cms.js`.
            if path.name == ENTRY or path.name.endswith(f".{ENTRY}") or path.suffix == ".wasm":
                yield Asset(urls.web_form(f"decap/{path.name}"), source=path, vendored=True)


def _bundle(vendor_dir: Path | None) -> Path | None:
    folder = vendor_dir / BUNDLE if vendor_dir is not None else None
    return folder if folder is not None and (folder / ENTRY).is_file() else None


def _page(settings: Settings, installed: bool) -> str:
    title = escape(f"Gửi điển hình – {settings.site_title}")
    guide = urls.served(urls.relative(urls.web_form(), GUIDE), settings.directory_urls)
    if installed:
        body = ('<noscript>Biểu mẫu cần JavaScript. Cách gửi khác: '
                f'<a href="{guide}">hướng dẫn đóng góp</a>.</noscript>\n'
                '<script src="decap/decap-cms.js"></script>\n<script src="vi.js"></script>')
    else:
        body = ("<p>Biểu mẫu chưa được cài trong bản dựng này: chạy <code>npm ci</code> ở thư mục "
                f'của kho rồi dựng lại. Cách gửi khác: <a href="{guide}">hướng dẫn đóng góp</a>.</p>')
    return ('<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="robots" content="noindex">\n'
            f"<title>{title}</title>\n"
            '<link href="config.yml" type="text/yaml" rel="cms-config-url">\n'
            f"</head>\n<body>\n{body}\n</body>\n</html>\n")


def _phrases_script() -> str:
    phrases = json.dumps(PHRASES, ensure_ascii=False, indent=1)
    return ("// The form's Vietnamese phrases that Decap CMS's own `vi` locale lacks "
            "(generated by scripts/dvk/pages/webform.py).\n"
            "(function (extra) {\n"
            "  function put(target, source) {\n"
            "    Object.keys(source).forEach(function (key) {\n"
            "      if (typeof source[key] !== 'object') { target[key] = source[key]; return; }\n"
            "      target[key] = target[key] || {};\n"
            "      put(target[key], source[key]);\n"
            "    });\n"
            "  }\n"
            "  var vi = JSON.parse(JSON.stringify(window.CMS.getLocale('vi')));\n"
            "  put(vi, extra);\n"
            "  window.CMS.registerLocale('vi', vi);\n"
            f"}})({phrases});\n")


# --- the configuration ------------------------------------------------------------------------

def decap_config(registry: Registry, settings: Settings) -> dict[str, Any]:
    contribute = settings.contribute
    backend: dict[str, Any] = {"name": "github", "repo": contribute.repo_slug if contribute else "",
                               "branch": contribute.branch if contribute else "main",
                               "commit_messages": {"create": "Thêm điển hình {{slug}} ({{collection}})",
                                                   "update": "Sửa điển hình {{slug}} ({{collection}})",
                                                   "uploadMedia": "Thêm ảnh {{path}}"}}
    if contribute and contribute.auth_base_url:
        backend.update(base_url=contribute.auth_base_url, auth_endpoint=contribute.auth_endpoint)
    return {
        "backend": backend,
        "local_backend": {"url": LOCAL_PROXY},
        "publish_mode": "editorial_workflow",
        "locale": "vi",
        "site_url": settings.site_url or "",
        "omit_empty_optional_fields": True,
        "media_folder": "exemplars",
        "public_folder": "",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [_collection(kind, registry) for kind in KIND_NAMES],
    }


def _collection(kind: str, registry: Registry) -> dict[str, Any]:
    schema = load_schema(EXEMPLAR)
    needed = required_fields(kind)
    fields = [_field(name, schema["properties"][name], name in needed, schema, registry, kind)
              for name in fields_of_kind(kind)]
    fields.append({"name": "body", "label": "Câu chuyện", "widget": "text", "required": True,
                   "hint": "Bối cảnh, việc đã làm, kết quả, bài học; cách một dòng trống để sang đoạn mới.",
                   "pattern": [rf"^\s*(\S+\s+){{{MIN_STORY_WORDS - 1},}}\S+",
                               _message("form.story", limit=MIN_STORY_WORDS)]})
    return {
        "name": f"dien-hinh-{urls.KIND_SLUGS[kind]}",
        "label": f"Điển hình {KIND_NAMES[kind].lower()}",
        "label_singular": f"điển hình {KIND_NAMES[kind].lower()}",
        "folder": "exemplars",
        "path": "{{unit}}/{{slug}}",
        "extension": "md",
        "format": "frontmatter",
        "create": True,
        "identifier_field": "title",
        "summary": "{{title}}",
        "filter": {"field": "kind", "value": kind},
        # Photos go into the exemplar's own folder, named as the file's `photos[].file` says.
        "media_folder": "",
        "public_folder": "",
        "fields": fields,
    }


def _field(name: str, raw: Mapping[str, Any], required: bool, root: dict[str, Any],
           registry: Registry, kind: str) -> dict[str, Any]:
    sub = resolve(root, dict(raw))
    out: dict[str, Any] = {"name": name, "label": sub.get("title", name), "required": required}
    if sub.get("description"):
        out["hint"] = sub["description"]
    if name == "kind":
        return {**out, "widget": "hidden", "default": kind}
    if name in ("unit", "by_unit"):
        return {**out, "widget": "select", "options": _unit_options(registry)}
    if name in CHOICES:
        entries = getattr(registry, CHOICES[name])
        options = [{"label": _entry_label(entry), "value": entry.id} for entry in entries.values()]
        multiple = sub.get("type") == "array"
        out.update(widget="select", options=options, multiple=multiple)
        if multiple and sub.get("minItems"):
            out["min"] = sub["minItems"]
        return out
    if "enum" in sub:
        labels = sub.get("x-labels", {})
        return {**out, "widget": "select",
                "options": [{"label": labels.get(str(v), str(v)), "value": v} for v in sub["enum"]]}
    kind_of = sub.get("type")
    if kind_of == "object":
        inner = set(sub.get("required", ()))
        return {**out, "widget": "object", "collapsed": False,
                "fields": [_field(key, child, key in inner, root, registry, kind)
                           for key, child in sub["properties"].items()]}
    if kind_of == "array":
        items = resolve(root, sub["items"])
        if "properties" in items:
            inner = set(items.get("required", ()))
            out.update(widget="list", fields=[_field(key, child, key in inner, root, registry, kind)
                                              for key, child in items["properties"].items()])
        else:
            out.update(widget="list")  # a list of codes, typed one after another
        if sub.get("minItems"):
            out["min"] = sub["minItems"]
        if sub.get("maxItems"):
            out["max"] = sub["maxItems"]
        return out
    if kind_of in ("number", "integer"):
        out.update(widget="number", value_type="int" if kind_of == "integer" else "float")
        low = sub.get("minimum", sub.get("exclusiveMinimum"))
        if low is not None:
            out["min"] = low
        if sub.get("maximum") is not None and sub["maximum"] < 1e9:
            out["max"] = sub["maximum"]
        return out
    if kind_of == "boolean":
        return {**out, "widget": "boolean", "default": False}
    if sub.get("pattern", "").startswith("^[0-9]{4}-"):
        return {**out, "widget": "datetime", "format": "YYYY-MM-DD", "date_format": "DD/MM/YYYY",
                "time_format": False}
    if _is_photo(sub):
        return {**out, "widget": "image", "choose_url": False}
    out["widget"] = "text" if sub.get("maxLength", 0) > 200 else "string"
    rule = _pattern(sub)
    if rule is not None:
        out["pattern"] = rule
    return out


def _entry_label(entry: Any) -> str:
    short = getattr(entry, "short", None) or getattr(entry, "short_name", None)
    title = getattr(entry, "title", None) or getattr(entry, "name", entry.id)
    return f"{title}: {short}" if short and short != title else str(title)


def _unit_options(registry: Registry) -> list[dict[str, str]]:
    units = sorted(registry.units.values(), key=lambda u: (sort_key(u.name), u.id))
    return [{"label": u.name + (f" (đến {vi_short_date(u.until)})" if u.until else ""), "value": u.id}
            for u in units]


def _is_photo(sub: Mapping[str, Any]) -> bool:
    return "jpe?g" in sub.get("pattern", "")


def _pattern(sub: Mapping[str, Any]) -> list[str] | None:
    """The schema's pattern and length rules as one JavaScript pattern and the checker's message."""
    low, high = sub.get("minLength"), sub.get("maxLength")
    pattern = sub.get("pattern")
    if pattern is None and low is None and high is None:
        return None
    length = rf"(?=[\s\S]{{{low or 0},{high or ''}}}$)" if low or high else ""
    body = pattern.removeprefix("^") if pattern else r"[\s\S]*$"
    example = (sub.get("examples") or [""])[0]
    if pattern:
        message = _message("form.pattern", example=example)
    else:
        message = _message("form.length", low=low or 0, high=high or "")
    return [f"^{length}{body}", message]


def _message(code: str, **params: Any) -> str:
    what, fix = CATALOGUE[code]["vi"]
    return f"{what.format(**params)} — {fix.format(**params)}"

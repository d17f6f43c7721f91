"""The `dvk` command: check, build, serve, export-markdown.

Works the same on Windows (`.venv\\Scripts\\dvk build`) as under `make`. Whatever a contributor
writes, the answer is a message and an exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from . import report
from .pages import Page, generate
from .project import CheckResult, Project, check

EXAMPLES = """\
ví dụ:
  dvk check                     kiểm tra mọi tệp trong exemplars/
  dvk check --lang en           thông báo bằng tiếng Anh
  dvk build                     kiểm tra rồi dựng trang vào site/
  dvk build --offline           bản mở thẳng từ thư mục / USB (file://) vào site-offline/
  dvk serve                     xem trước tại http://127.0.0.1:8000, tự tải lại khi sửa
  dvk export-markdown out/      ghi cây Markdown thuần (content/ + trang sinh tự động)
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dvk", description="Công bố điển hình “Dân vận khéo”: kiểm tra và dựng trang.",
        epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=None,
                        help="thư mục dự án (mặc định: thư mục chứa mkdocs.yml gần nhất)")
    parser.add_argument("--lang", choices=("vi", "en"), default="vi",
                        help="ngôn ngữ thông báo: vi (mặc định) hoặc en")
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="LỆNH")

    p = verbs.add_parser("check", help="kiểm tra các tệp điển hình",
                         description="Kiểm tra mọi tệp điển hình và danh mục; thoát mã 1 nếu có lỗi.")
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="text (mặc định) hoặc json cho công cụ khác")
    p.add_argument("--strict", action="store_true", help="coi cảnh báo là lỗi")

    p = verbs.add_parser("build", help="kiểm tra rồi dựng trang web vào site/",
                         description="Kiểm tra, rồi dựng trang bằng MkDocs (chế độ nghiêm ngặt).")
    p.add_argument("--site-dir", type=Path, default=None,
                   help="thư mục đích (mặc định site/, hoặc site-offline/ với --offline)")
    p.add_argument("--offline", action="store_true",
                   help="bản để mở từ thư mục hoặc USB: liên kết tới tệp .html thay vì thư mục")

    p = verbs.add_parser("serve", help="xem trước trang, tự tải lại khi sửa",
                         description="Chạy máy chủ xem trước; sửa tệp là trang tự cập nhật.")
    p.add_argument("--dev-addr", default="127.0.0.1:8000", help="địa chỉ:cổng (mặc định 127.0.0.1:8000)")

    p = verbs.add_parser("export-markdown", help="ghi cây Markdown thuần ra một thư mục",
                         description="Ghi content/ cùng các trang sinh tự động vào THƯ_MỤC, "
                                     "để dựng bằng công cụ không chạy hook của MkDocs.")
    p.add_argument("directory", type=Path, metavar="THƯ_MỤC")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    project = Project(args.root.resolve()) if args.root else Project.find()
    try:
        return VERBS[args.verb](project, args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug of ours must still not greet a contributor with a traceback
        if os.environ.get("DVK_DEBUG"):
            raise
        print(f"dvk: lỗi không mong đợi ({type(exc).__name__}: {exc}). "
              "Chạy lại với DVK_DEBUG=1 để xem chi tiết và báo cho nhóm phát triển.",
              file=sys.stderr)
        return 2


def _print_check(result: CheckResult, lang: str, stream: object = sys.stdout) -> None:
    github = os.environ.get("GITHUB_ACTIONS") == "true"
    for d in result.diagnostics:
        print(report.github_annotation(d, lang) if github else d.render(lang), file=stream)
    for line in report.left_out_lines(result, lang):
        print(line, file=stream)
    print(report.summary(result, lang), file=stream)


def cmd_check(project: Project, args: argparse.Namespace) -> int:
    result = check(project)
    if args.format == "json":
        print(report.as_json(result, args.lang))
    else:
        _print_check(result, args.lang)
    failed = result.errors or (args.strict and result.warnings) or result.catalog is None
    return 1 if failed else 0


def _mkdocs_logging() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO)


def cmd_build(project: Project, args: argparse.Namespace) -> int:
    result = check(project)
    _print_check(result, args.lang, sys.stderr)
    if result.errors or result.catalog is None:
        return 1
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    _mkdocs_logging()
    site_dir = (args.site_dir or project.root / ("site-offline" if args.offline else "site")).resolve()
    try:
        # From file:// a link to `dien-hinh/x/` opens a folder listing; the offline copy links to
        # `dien-hinh/x/index.html` instead. The public site keeps its stable directory URLs.
        config = load_config(str(project.config_file), site_dir=str(site_dir), strict=True,
                             use_directory_urls=not args.offline)
        build(config)
    except MkDocsException as exc:
        print(f"dvk: dựng trang thất bại: {exc}", file=sys.stderr)
        return 1
    return 0


def cmd_serve(project: Project, args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve

    _mkdocs_logging()
    serve(str(project.config_file), dev_addr=args.dev_addr, livereload=True)
    return 0


def cmd_export_markdown(project: Project, args: argparse.Namespace) -> int:
    result = check(project)
    _print_check(result, args.lang, sys.stderr)
    if result.catalog is None:
        return 1
    out: Path = args.directory
    if out.exists() and any(out.iterdir()):
        print(f"dvk: thư mục {out} không trống; hãy chọn một thư mục mới hoặc xoá nó trước.",
              file=sys.stderr)
        return 1
    shutil.copytree(project.content_dir, out, dirs_exist_ok=True)
    content = {path.relative_to(out).as_posix(): path.read_text(encoding="utf-8")
               for path in sorted(out.rglob("*.md"))}
    for item in generate(result.catalog, content):
        target = out / item.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(item, Page):
            target.write_text(item.markdown, encoding="utf-8")
        elif item.data is not None:
            target.write_bytes(item.data)
        else:
            shutil.copyfile(item.source, target)
    return 1 if result.errors else 0


VERBS = {"check": cmd_check, "build": cmd_build, "serve": cmd_serve,
         "export-markdown": cmd_export_markdown}


if __name__ == "__main__":
    sys.exit(main())

"""The `dvk` command: check, build, serve, export-markdown, report.

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
from datetime import date, datetime
from pathlib import Path

from . import countreport, report
from .media import make
from .pages import Page, generate
from .project import CheckResult, Project, check
from .render import vi_short_date
from .stats import CAMPAIGN_END, CAMPAIGN_START, Statistics

EXAMPLES = """\
ví dụ:
  dvk check                     kiểm tra mọi tệp trong exemplars/
  dvk check --lang en           thông báo bằng tiếng Anh
  dvk build                     kiểm tra rồi dựng trang vào site/
  dvk serve                     xem trước tại http://127.0.0.1:8000, tự tải lại khi sửa
  dvk export-markdown out/      ghi cây Markdown thuần (content/ + trang sinh tự động)
  dvk report --from 2024-01-01 --to 2024-12-31    báo cáo sơ kết năm 2024 (Markdown)
"""
REPORT_EXAMPLES = """\
Số liệu tính theo ngày của quyết định công nhận; đề nghị, lên sóng và các bước tính đến
ngày --to. Vì vậy báo cáo năm 2024 chạy lúc nào cũng ra cùng một kết quả.
Ngày viết YYYY-MM-DD (2024-12-31) hoặc DD/MM/YYYY (31/12/2024).

ví dụ:
  dvk report --from 2024-01-01 --to 2024-12-31                 sơ kết năm 2024, in ra màn hình
  dvk report --from 2024-01-01 --to 2024-12-31 --output so-ket-2024.md
  dvk report --to 2025-12-31 --format xlsx --output tong-ket.xlsx   tổng kết, tệp Excel
  dvk report --from 01/01/2025 --to 31/12/2025 --format csv --output 2025.csv
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
    p.add_argument("--site-dir", type=Path, default=None, help="thư mục đích (mặc định site/)")

    p = verbs.add_parser("serve", help="xem trước trang, tự tải lại khi sửa",
                         description="Chạy máy chủ xem trước; sửa tệp là trang tự cập nhật.")
    p.add_argument("--dev-addr", default="127.0.0.1:8000", help="địa chỉ:cổng (mặc định 127.0.0.1:8000)")

    p = verbs.add_parser("export-markdown", help="ghi cây Markdown thuần ra một thư mục",
                         description="Ghi content/ cùng các trang sinh tự động vào THƯ_MỤC, "
                                     "để dựng bằng công cụ không chạy hook của MkDocs.")
    p.add_argument("directory", type=Path, metavar="THƯ_MỤC")

    p = verbs.add_parser("report", help="báo cáo số lượng điển hình theo đơn vị",
                         description="Báo cáo số điển hình của từng đơn vị (công nhận, theo loại, theo "
                                     "nội dung thi đua, đề nghị cấp trên, lên chuyên mục “Dân vận khéo”) "
                                     "trong một khoảng thời gian, so với chỉ tiêu của Kế hoạch 58-KH/BDVHU.",
                         epilog=REPORT_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--from", dest="start", metavar="NGÀY", default=CAMPAIGN_START.isoformat(),
                   help=f"từ ngày công nhận (mặc định {vi_short_date(CAMPAIGN_START)}, ngày ban hành kế hoạch)")
    p.add_argument("--to", dest="end", metavar="NGÀY", default=CAMPAIGN_END.isoformat(),
                   help=f"đến ngày công nhận, tính cả ngày này (mặc định {vi_short_date(CAMPAIGN_END)})")
    p.add_argument("--format", choices=tuple(countreport.FORMATS), default="markdown",
                   help="markdown (mặc định, để in), csv hoặc xlsx (Excel)")
    p.add_argument("--output", type=Path, metavar="TỆP", default=None,
                   help="ghi vào TỆP thay vì in ra màn hình (bắt buộc với xlsx khi in ra màn hình)")
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
    site_dir = (args.site_dir or project.root / "site").resolve()
    try:
        config = load_config(str(project.config_file), site_dir=str(site_dir), strict=True)
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
    made, tally = make(generate(result.catalog), project.cache_dir)
    print(tally.line(args.lang), file=sys.stderr)
    for item in made:
        target = out / item.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(item, Page):
            target.write_text(item.markdown, encoding="utf-8")
        elif item.data is not None:
            target.write_bytes(item.data)
        else:
            shutil.copyfile(item.source, target)
    return 1 if result.errors else 0


def _day(text: str, option: str) -> date | None:
    """A date as the Board writes it, ISO or Vietnamese; None (after a message) when it is not one."""
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    print(f"dvk report: {option} “{text}” không phải một ngày có thật — viết YYYY-MM-DD "
          "(ví dụ 2024-12-31) hoặc DD/MM/YYYY (ví dụ 31/12/2024).", file=sys.stderr)
    return None


def cmd_report(project: Project, args: argparse.Namespace) -> int:
    start, end = _day(args.start, "--from"), _day(args.end, "--to")
    if start is None or end is None:
        return 2
    if start > end:
        print(f"dvk report: --from ({vi_short_date(start)}) sau --to ({vi_short_date(end)}); "
              "hãy đổi lại cho đúng thứ tự.", file=sys.stderr)
        return 2
    if args.output is None and args.format == "xlsx" and sys.stdout.isatty():
        print("dvk report: tệp Excel không in ra màn hình được; thêm --output TỆP.xlsx.", file=sys.stderr)
        return 2
    result = check(project)
    if result.errors:
        _print_check(result, args.lang, sys.stderr)  # the report counts what is published
    if result.catalog is None:
        return 1
    data = countreport.FORMATS[args.format](Statistics(result.catalog, start, end))
    if args.output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return 0
    try:
        args.output.write_bytes(data)
    except OSError as exc:
        print(f"dvk report: không ghi được {args.output}: {exc.strerror}.", file=sys.stderr)
        return 1
    print(f"Đã ghi báo cáo vào {args.output}.", file=sys.stderr)
    return 0


VERBS = {"check": cmd_check, "build": cmd_build, "serve": cmd_serve,
         "export-markdown": cmd_export_markdown, "report": cmd_report}


if __name__ == "__main__":
    sys.exit(main())

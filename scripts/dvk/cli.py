"""The `dvk` command: check, build, serve, export-markdown, report, new, import-issue.

Works the same on Windows (`.venv\\Scripts\\dvk build`) as under `make`. Whatever a contributor
writes, the answer is a message and an exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from pathlib import Path

import yaml

from . import countreport, issueform, report, scaffold
from .diagnostics import Severity
from .media import make
from .model import Registry
from .pages import Page, generate
from .project import CheckResult, Project, check, load_registry, select
from .render import vi_short_date
from .slugs import slugify
from .stats import CAMPAIGN_END, CAMPAIGN_START, Statistics
from .validate import SLUG

EXAMPLES = """\
ví dụ:
  dvk check                     kiểm tra mọi tệp trong exemplars/
  dvk check exemplars/kv-giao-long/ngoi-nha-nhan-ai.md
                                chỉ kiểm tra tệp đã sửa (vẫn đối chiếu slug, learned_from với các tệp khác)
  dvk check --lang en           thông báo bằng tiếng Anh
  dvk build                     kiểm tra rồi dựng trang vào site/
  dvk build --offline           bản mở thẳng từ thư mục / USB (file://) vào site-offline/
  dvk serve                     xem trước tại http://127.0.0.1:8000, tự tải lại khi sửa
  dvk export-markdown out/      ghi cây Markdown thuần (content/ + trang sinh tự động)
  dvk report --from 2024-01-01 --to 2024-12-31    báo cáo sơ kết năm 2024 (Markdown)
  dvk new                       tạo tệp điển hình mới (hỏi đơn vị, loại, tên)
  dvk import-issue de-cu.md     chuyển một đề cử (issue trên GitHub) thành tệp điển hình

Mỗi lệnh có hướng dẫn riêng: dvk LỆNH --help, ví dụ dvk new --help.
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

# Examples shown by `dvk LỆNH --help`: every verb says how it is typed in practice.
VERB_EXAMPLES = {
    "check": """\
ví dụ:
  dvk check                     kiểm tra mọi tệp điển hình và danh mục
  dvk check --lang en           thông báo bằng tiếng Anh
  dvk check --format json       kết quả dạng JSON cho công cụ khác
  dvk check --strict            coi cả cảnh báo là lỗi (như khi dựng trang)
Trên GitHub Actions (GITHUB_ACTIONS=true), mỗi lỗi thành một chú thích trên đúng dòng của tệp.
""",
    "build": """\
ví dụ:
  dvk build                     kiểm tra rồi dựng trang vào site/
  dvk build --site-dir /tmp/web dựng vào thư mục khác
Trên Windows: .venv\\Scripts\\dvk build
""",
    "serve": """\
ví dụ:
  dvk serve                     mở http://127.0.0.1:8000 trong trình duyệt; Ctrl+C để dừng
  dvk serve --dev-addr 0.0.0.0:8080
                                cho máy khác trong mạng nội bộ xem cùng
""",
    "export-markdown": """\
ví dụ:
  dvk export-markdown out/      ghi cây Markdown vào out/ (thư mục phải trống hoặc chưa có)
""",
    "new": """\
ví dụ:
  dvk new                       hỏi lần lượt: mã đơn vị, loại điển hình, tên điển hình
  dvk new --unit kv-giao-long --kind collective --title "Mô hình “Ánh sáng đường quê”"
                                không hỏi gì; tạo exemplars/kv-giao-long/mo-hinh-anh-sang-duong-que.md
  dvk new --unit hoi-lhpn-giao-long --kind individual --title "Chị Lê Thị Hoa" --slug le-thi-hoa
                                tự đặt tên tệp
Tệp mới có đủ các trường, mỗi trường một dòng ghi chú tiếng Việt; điền chỗ trống rồi chạy dvk check.
""",
    "import-issue": """\
ví dụ:
  dvk import-issue de-cu.md     đọc nội dung issue đã lưu vào tệp de-cu.md
  gh issue view 12 --json body -q .body | dvk import-issue -
                                đọc thẳng issue số 12 (cần GitHub CLI)
  dvk import-issue de-cu.md --unit kv-giao-long
                                sửa mã đơn vị ghi sai trong đề cử
Mã thoát: 0 = đã tạo tệp và tệp hợp lệ; 1 = đã tạo tệp nhưng còn chỗ cần bổ sung (được liệt kê);
2 = không tạo được tệp.
""",
}


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                  groups: Iterable[argparse._MutuallyExclusiveGroup], prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "cách dùng: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """Help in Vietnamese throughout; a verb's examples are its epilog, laid out as written."""

    def __init__(self, prog: str | None = None, **kwargs: object) -> None:
        verb = (prog or "").rsplit(" ", 1)[-1]
        kwargs.setdefault("epilog", VERB_EXAMPLES.get(verb))
        kwargs.update(formatter_class=_Formatter, add_help=False)
        super().__init__(prog=prog, **kwargs)  # type: ignore[arg-type]
        self._positionals.title = "đối số"
        self._optionals.title = "tuỳ chọn"
        self.add_argument("-h", "--help", action="help", help="in hướng dẫn này rồi thoát")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="dvk", description="Công bố điển hình “Dân vận khéo”: kiểm tra và dựng trang.",
        epilog=EXAMPLES)
    parser.add_argument("--root", type=Path, default=None,
                        help="thư mục dự án (mặc định: thư mục chứa mkdocs.yml gần nhất)")
    parser.add_argument("--lang", choices=("vi", "en"), default="vi",
                        help="ngôn ngữ thông báo: vi (mặc định) hoặc en")
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="LỆNH",
                                  parser_class=_Parser)

    p = verbs.add_parser("check", help="kiểm tra các tệp điển hình",
                         description="Kiểm tra mọi tệp điển hình và danh mục; thoát mã 1 nếu có lỗi.")
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="text (mặc định) hoặc json cho công cụ khác")
    p.add_argument("--strict", action="store_true", help="coi cảnh báo là lỗi")
    p.add_argument("paths", nargs="*", type=Path, metavar="TỆP",
                   help="chỉ kiểm tra các tệp hoặc thư mục này (mặc định: tất cả)")

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

    p = verbs.add_parser("new", help="tạo tệp điển hình mới từ mẫu",
                         description="Tạo exemplars/<mã-đơn-vị>/<tên-tệp>.md với đủ các trường. "
                                     "Thiếu tuỳ chọn nào thì lệnh hỏi; có đủ cả ba thì không hỏi. "
                                     "Không bao giờ ghi đè tệp đã có.")
    p.add_argument("--unit", metavar="MÃ", help="mã đơn vị (exemplars/units.yml), hoặc tên đơn vị")
    p.add_argument("--kind", metavar="LOẠI", help="collective (tập thể) hoặc individual (cá nhân)")
    p.add_argument("--title", metavar="TÊN", help="tên điển hình; tên tệp được tạo từ đây (bỏ dấu, đ → d)")
    p.add_argument("--slug", metavar="TÊN_TỆP", help="tự đặt tên tệp (chữ thường không dấu, số, '-')")

    p = verbs.add_parser("import-issue", help="chuyển một đề cử trên GitHub thành tệp điển hình",
                         description="Đọc nội dung một issue tạo bằng biểu mẫu “Đề cử điển hình” "
                                     "(.github/ISSUE_TEMPLATE/de-cu-dien-hinh.yml) và ghi tệp điển hình "
                                     "tương ứng, rồi kiểm tra tệp đó. TỆP là '-' để đọc từ đầu vào chuẩn.")
    p.add_argument("source", metavar="TỆP", help="tệp chứa nội dung issue, hoặc '-'")
    p.add_argument("--unit", metavar="MÃ", help="dùng mã đơn vị này thay cho mã ghi trong đề cử")
    p.add_argument("--slug", metavar="TÊN_TỆP", help="tự đặt tên tệp")
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
    only = None
    if args.paths:
        only, ignored = select(project, args.paths)
        for path in ignored:
            note = "bỏ qua {}: không nằm trong {}" if args.lang == "vi" else "ignoring {}: not under {}"
            print("dvk: " + note.format(path, project.exemplars_dir), file=sys.stderr)
    result = check(project, only=only)
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
    # Dirty builds: after the first, only what an edit changed is rendered again (the hook
    # marks the generated pages that came out the same). Not strict: MkDocs warns about every
    # dirty build, and a preview shows a broken file's messages without stopping.
    serve(str(project.config_file), dev_addr=args.dev_addr, livereload=True, build_type="dirty",
          strict=False)
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
    made, tally = make(generate(result.catalog, site_url=_site_url(project), content=content),
                       project.cache_dir)
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


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without MkDocs: its `!!python/name:` and `!ENV` tags are not needed here."""


_ConfigLoader.add_multi_constructor("", lambda loader, tag, node: None)


def _site_url(project: Project) -> str | None:
    """The site's public address from mkdocs.yml, as the feeds' absolute links need it."""
    try:
        config = yaml.load(project.config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except (OSError, yaml.YAMLError):
        return None  # no address, no feeds; `dvk build` reports a broken mkdocs.yml itself
    url = config.get("site_url") if isinstance(config, dict) else None
    return url if isinstance(url, str) and url else None




def _registry_or_report(project: Project, lang: str) -> Registry | None:
    docs, registry = load_registry(project)
    if registry is None:
        for doc in docs:
            for d in doc.diagnostics:
                print(d.render(lang), file=sys.stderr)
        print("dvk: danh mục trong exemplars/ có lỗi; hãy sửa trước.", file=sys.stderr)
    return registry


def _ask(question: str, given: str | None, accept: Callable[[str], str]) -> str:
    """A flag's value if given (an error if wrong), else ask until the answer is usable."""
    if given is not None:
        return accept(given)
    while True:
        try:
            answer = input(question)
        except EOFError:
            raise scaffold.ScaffoldError("chưa có câu trả lời — hãy dùng --unit, --kind, --title") from None
        try:
            return accept(answer)
        except scaffold.ScaffoldError as problem:
            print(f"  {problem}", file=sys.stderr)


def cmd_new(project: Project, args: argparse.Namespace) -> int:
    registry = _registry_or_report(project, args.lang)
    if registry is None:
        return 1
    try:
        unit = _ask("Mã đơn vị (ví dụ kv-giao-long): ", args.unit,
                    lambda text: scaffold.check_unit(text, registry))
        kind = _ask("Loại điển hình — 1. tập thể (collective), 2. cá nhân (individual): ",
                    args.kind, scaffold.check_kind)
        title = _ask("Tên điển hình: ", args.title, scaffold.check_title)
        new = scaffold.NewExemplar(unit, kind, title, slug=_slug(args.slug))
        path = scaffold.write(project.exemplars_dir, new, registry)
    except scaffold.ScaffoldError as problem:
        print(f"dvk: {problem}", file=sys.stderr)
        return 1
    rel = path.relative_to(project.root).as_posix()
    print(f"Đã tạo {rel}\n"
          f"Tiếp theo: mở tệp, điền các chỗ trống sau dấu ':', viết câu chuyện sau dòng '---' "
          f"cuối, rồi chạy: dvk check")
    current = registry.current_unit(unit)
    if current.id != unit:
        print(f"Lưu ý: đơn vị {unit} nay thuộc {current.name} ({current.id}); "
              "chỉ dùng mã cũ cho điển hình được công nhận trước khi sáp nhập.")
    return 0


def _slug(value: str | None) -> str | None:
    if value is not None and not SLUG.match(value):
        raise scaffold.ScaffoldError(f"tên tệp '{value}' không hợp lệ — ví dụ {slugify(value) or 'ten-dien-hinh'}")
    return value


def cmd_import_issue(project: Project, args: argparse.Namespace) -> int:
    registry = _registry_or_report(project, args.lang)
    if registry is None:
        return 2
    form = project.root / issueform.FORM_PATH
    try:
        if args.source == "-":
            body = sys.stdin.buffer.read().decode("utf-8-sig")
        else:
            body = Path(args.source).read_text(encoding="utf-8-sig")
        questions = issueform.load_form(form)
    except (OSError, UnicodeDecodeError) as exc:
        print(f"dvk: không đọc được {exc.filename if isinstance(exc, OSError) else args.source}: {exc}",
              file=sys.stderr)
        return 2
    try:
        def unit_of(text: str) -> str:
            return scaffold.check_unit(args.unit or text, registry)
        new = issueform.to_exemplar(body, questions, unit_of)
        new.slug = _slug(args.slug)
        path = scaffold.write(project.exemplars_dir, new, registry)
    except scaffold.ScaffoldError as problem:
        print(f"dvk: {problem}", file=sys.stderr)
        return 2
    rel = path.relative_to(project.root).as_posix()
    print(f"Đã tạo {rel}")
    result = check(project)
    mine = [d for d in result.diagnostics if d.path == rel]
    for d in mine:
        print(d.render(args.lang))
    if any(d.severity is Severity.ERROR for d in mine):
        print(f"Tệp còn {len(mine)} chỗ cần bổ sung; sửa rồi chạy dvk check.")
        return 1
    print("Tệp hợp lệ.")
    return 0


VERBS = {"check": cmd_check, "build": cmd_build, "serve": cmd_serve,
         "export-markdown": cmd_export_markdown, "report": cmd_report, "new": cmd_new,
         "import-issue": cmd_import_issue}


if __name__ == "__main__":
    sys.exit(main())

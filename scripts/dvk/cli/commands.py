"""The verbs of `dvk`: each turns parsed arguments into calls to the pipeline and prints."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit

from .. import findings, hosting
from ..contribute import issueform, scaffold
from ..diagnostics import Diagnostic, Severity
from ..hosting import nginx
from ..model import Registry
from ..pipeline import CheckResult, build, check, load_registry, select
from ..project import Project
from ..settings import read_engine_settings
from ..text.formats import vi_short_date
from ..text.slugs import slugify
from ..validate import SLUG


def _print_check(result: CheckResult, lang: str, stream: object = sys.stdout) -> None:
    github = os.environ.get("GITHUB_ACTIONS") == "true"
    for d in result.diagnostics:
        print(findings.github_annotation(d, lang) if github else d.render(lang), file=stream)
    for line in findings.left_out_lines(result, lang):
        print(line, file=stream)
    print(findings.summary(result, lang), file=stream)


def cmd_check(project: Project, args: argparse.Namespace) -> int:
    only = None
    if args.paths:
        only, ignored = select(project, args.paths)
        for path in ignored:
            note = "bỏ qua {}: không nằm trong {}" if args.lang == "vi" else "ignoring {}: not under {}"
            print("dvk: " + note.format(path, project.exemplars_dir), file=sys.stderr)
    result = check(project, only=only)
    if args.format == "json":
        print(findings.as_json(result, args.lang))
    else:
        _print_check(result, args.lang)
    failed = result.errors or (args.strict and result.warnings) or result.catalog is None
    return 1 if failed else 0


def cmd_build(project: Project, args: argparse.Namespace) -> int:
    result = check(project)
    _print_check(result, args.lang, sys.stderr)
    if result.errors or result.catalog is None:
        return 1
    from ..mkdocs import run  # the engine is loaded only for the verbs that need it

    site_dir = (args.site_dir or project.site_dir(args.offline)).resolve()
    problem = run.build_site(project, site_dir, offline=args.offline, checked=result)
    if problem:
        print(f"dvk: dựng trang thất bại: {problem}", file=sys.stderr)
        return 1
    return 0


def cmd_serve(project: Project, args: argparse.Namespace) -> int:
    from ..mkdocs import run

    run.serve(project, args.dev_addr)
    return 0


# The site's stages, the workbook and the statistics are imported by the verbs that use them:
# `dvk check` (in CI, on every pull request) would otherwise start them all, for nothing.

def cmd_export_markdown(project: Project, args: argparse.Namespace) -> int:
    from ..pages.placeholders import fill
    from ..site.export import copy_content, write_tree

    result = check(project)
    _print_check(result, args.lang, sys.stderr)
    if result.catalog is None:
        return 1
    out: Path = args.directory
    if out.exists() and any(out.iterdir()):
        print(f"dvk: thư mục {out} không trống; hãy chọn một thư mục mới hoặc xoá nó trước.",
              file=sys.stderr)
        return 1
    content = copy_content(project.content_dir, out)
    built = build(project, read_engine_settings(project.config_file), content, result)
    print(built.tally.line(args.lang), file=sys.stderr)
    if built.leaks:
        for leak in built.leaks:
            print(leak.render(args.lang), file=sys.stderr)
        shutil.rmtree(out)  # the hand-written pages copied so far: nothing half-published
        print("dvk: tệp sắp công bố chứa dữ liệu cá nhân (xem ở trên); không xuất gì.", file=sys.stderr)
        return 1
    write_tree(built.files, out)
    if built.settings is not None:  # the hand-written pages, their placeholders filled
        for path, text in content.items():
            (out / path).write_text(fill(text, path, built.settings), encoding="utf-8")
    return 1 if result.errors else 0


def _site_url_host(project: Project) -> str:
    """The host name of mkdocs.yml's site_url: whom the server answers to by default."""
    return urlsplit(read_engine_settings(project.config_file).get("site_url") or "").hostname or "_"


def cmd_nginx_config(project: Project, args: argparse.Namespace) -> int:
    site_dir = (args.site_dir or project.site_dir()).resolve()
    out = (args.output or project.nginx_dir).resolve()
    try:
        site, done = hosting.prepared(site_dir, project.cache_dir)
        server = nginx.Server(args.server_root or site_dir, args.listen, args.server_name or _site_url_host(project))
        written = nginx.write(out, site, server)
    except hosting.HostingError as problem:
        print(f"dvk nginx-config: {problem.render(args.lang)}", file=sys.stderr)
        return 1
    print(done.line(args.lang), file=sys.stderr)
    names = ", ".join(str(path) for path in written)
    if args.lang == "vi":
        print(f"Đã ghi {names} ({site.redirect_pages} địa chỉ cũ chuyển hướng 301).\n"
              f"Chạy thử: nginx -p {out} -c {nginx.MAIN_FILE} -e logs/error.log -g 'daemon off;'\n"
              f"Trên máy chủ: chép {nginx.SITE_FILE} vào /etc/nginx/sites-available/ (cần gói nginx và "
              "libnginx-mod-http-brotli-static).", file=sys.stderr)
    else:
        print(f"Wrote {names} ({site.redirect_pages} old addresses redirected with 301).\n"
              f"Try it: nginx -p {out} -c {nginx.MAIN_FILE} -e logs/error.log -g 'daemon off;'\n"
              f"On the server: copy {nginx.SITE_FILE} into /etc/nginx/sites-available/ (needs the packages "
              "nginx and libnginx-mod-http-brotli-static).", file=sys.stderr)
    return 0


def cmd_deploy(project: Project, args: argparse.Namespace) -> int:
    site_dir = (args.site_dir or project.site_dir()).resolve()
    try:
        site, done = hosting.prepared(site_dir, project.cache_dir)
        print(done.line(args.lang), file=sys.stderr)
        synced = hosting.deploy(site, args.target, args.endpoint_url, args.dry_run)
    except hosting.HostingError as problem:
        print(f"dvk deploy: {problem.render(args.lang)}", file=sys.stderr)
        return 1
    print(synced.line(args.lang), file=sys.stderr)
    return 0


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
    from ..stats import Statistics
    from ..stats.board_report import FORMATS

    result = check(project)
    if result.errors:
        _print_check(result, args.lang, sys.stderr)  # the report counts what is published
    if result.catalog is None or result.site is None:
        return 1
    registry = result.catalog.registry
    if args.campaign and args.campaign not in registry.campaigns:
        print(f"dvk report: không có chiến dịch “{args.campaign}” — hãy dùng một trong: "
              f"{', '.join(registry.campaigns)}.", file=sys.stderr)
        return 2
    campaign = registry.campaigns[args.campaign] if args.campaign else registry.default_campaign
    review = campaign.review(args.review) if args.review else None
    if args.review and review is None:
        print(f"dvk report: chiến dịch {campaign.id} chưa có đợt {args.review} trong campaigns.yml.",
              file=sys.stderr)
        return 2
    # By default: the campaign's whole period; an open campaign's up to today.
    first, last = (review.window.start, review.window.end) if review else (
        campaign.period.start, min(campaign.last_day, date.today()) if campaign.is_open else campaign.last_day)
    if args.as_of:
        last = _day(args.as_of, "--as-of")
    start = _day(args.start, "--from") if args.start else first
    end = _day(args.end, "--to") if args.end else last
    if start is None or end is None:
        return 2
    if start > end:
        print(f"dvk report: --from ({vi_short_date(start)}) sau --to ({vi_short_date(end)}); "
              "hãy đổi lại cho đúng thứ tự.", file=sys.stderr)
        return 2
    if args.output is None and args.format == "xlsx" and sys.stdout.isatty():
        print("dvk report: tệp Excel không in ra màn hình được; thêm --output TỆP.xlsx.", file=sys.stderr)
        return 2
    data = FORMATS[args.format](Statistics(result.catalog, campaign, start, end))
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
        unit = _ask("Mã đơn vị (ví dụ ma-don-vi): ", args.unit,
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
        new = issueform.to_exemplar(body, questions, registry, unit=args.unit)
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


def cmd_contribute_files(project: Project, args: argparse.Namespace) -> int:
    """The files of the repository that the registries decide (the issue form), written anew or,
    with --check, compared with what is there (CI and a test keep the committed copy in step)."""
    registry = _registry_or_report(project, args.lang)
    if registry is None:
        return 2
    path = project.root / issueform.FORM_PATH
    text = issueform.form_text(registry)
    rel = issueform.FORM_PATH.as_posix()
    try:
        current = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        current = None
    if current == text:
        print(f"{rel}: đã khớp với các danh mục.")
        return 0
    if args.check:
        print(Diagnostic(rel, None, "", "repo.stale_form", {"file": rel}).render(args.lang), file=sys.stderr)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
    print(f"Đã ghi {rel}.")
    return 0


def cmd_import_xlsx(project: Project, args: argparse.Namespace) -> int:
    from ..contribute import xlsx

    registry = _registry_or_report(project, args.lang)
    if registry is None:
        return 2
    done = xlsx.import_workbook(Path(args.source), project.exemplars_dir, registry)
    for line in xlsx.rendered(done, project.root, args.lang):
        print(line)
    written = {path.relative_to(project.root).as_posix() for path in done.written}
    checked = [d for d in check(project).diagnostics if d.path in written] if written else []
    for d in checked:
        print(d.render(args.lang))
    unusable = any(d.severity is Severity.ERROR for d in done.problems)
    if not done.written and not done.existing and unusable:
        return 2
    return 1 if unusable or any(d.severity is Severity.ERROR for d in checked) else 0


VERBS: dict[str, Callable[[Project, argparse.Namespace], int]] = {
    "check": cmd_check, "build": cmd_build, "serve": cmd_serve, "export-markdown": cmd_export_markdown,
    "report": cmd_report, "new": cmd_new, "import-issue": cmd_import_issue,
    "nginx-config": cmd_nginx_config, "deploy": cmd_deploy,
    "import-xlsx": cmd_import_xlsx, "contribute-files": cmd_contribute_files,
}

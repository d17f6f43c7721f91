"""The `dvk` command line: its verbs, options and Vietnamese help with examples for each verb."""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from pathlib import Path

from ..stats.board_report import FORMATS

EXAMPLES = """\
ví dụ:
  dvk check                     kiểm tra mọi tệp trong exemplars/
  dvk check exemplars/ma-don-vi/ngoi-nha-nhan-ai.md
                                chỉ kiểm tra tệp đã sửa (vẫn đối chiếu slug, learned_from với các tệp khác)
  dvk check --lang en           thông báo bằng tiếng Anh
  dvk build                     kiểm tra rồi dựng trang vào site/
  dvk build --offline           bản mở thẳng từ thư mục / USB (file://) vào site-offline/
  dvk serve                     xem trước tại http://127.0.0.1:8000, tự tải lại khi sửa
  dvk export-markdown out/      ghi cây Markdown thuần (content/ + trang sinh tự động)
  dvk report --from 2024-01-01 --to 2024-12-31    báo cáo sơ kết năm 2024 (Markdown)
  dvk new                       tạo tệp điển hình mới (hỏi đơn vị, loại, tên)
  dvk import-issue de-cu.md     chuyển một đề cử (issue trên GitHub) thành tệp điển hình
  dvk contribute-files          ghi lại biểu mẫu đề cử trên GitHub từ các danh mục (sau khi sửa danh mục)
  dvk nginx-config              cấu hình nginx cho trang đã dựng (nén sẵn, chuyển hướng 301, 404, bảo mật)
  dvk deploy may-chu:/var/www/dvk   chỉ gửi các tệp đã đổi lên máy chủ web (rsync) hoặc kho S3
  dvk import-xlsx danh-sach.xlsx  mỗi hàng của danh sách Excel thành một tệp điển hình (bản nháp)

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
  dvk report --campaign MÃ --review so-ket                    báo cáo sơ kết của một chiến dịch
  dvk report --campaign MÃ --as-of 30/06/2026                 số liệu của chiến dịch tính đến một ngày
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
    "nginx-config": """\
ví dụ:
  dvk nginx-config              nén sẵn site/ và ghi build/nginx/dvk.conf, build/nginx/nginx.conf
  dvk nginx-config --listen 127.0.0.1:8080
                                chạy thử trên máy này: nginx -p build/nginx -c nginx.conf -g 'daemon off;'
  dvk nginx-config --server-root /var/www/dvk --server-name dienhinh.example.gov.vn
                                cho máy chủ của tỉnh: chép build/nginx/dvk.conf vào /etc/nginx/sites-available/
Chạy lại sau mỗi lần dựng trang: các địa chỉ cũ và chính sách bảo mật lấy từ trang đã dựng.
""",
    "deploy": """\
ví dụ:
  dvk deploy /var/www/dvk       chép vào một thư mục trên máy này
  dvk deploy web@may-chu:/var/www/dvk
                                gửi qua ssh bằng rsync (chỉ các tệp đổi khác; xoá tệp không còn)
  dvk deploy rsync://may-chu/dvk/
                                gửi tới dịch vụ rsync (rsync daemon)
  dvk deploy s3://ten-bucket/ --endpoint-url https://s3.example.vn
                                gửi lên kho S3 (cần pip install 'dvk[s3]'; khoá trong AWS_ACCESS_KEY_ID,
                                AWS_SECRET_ACCESS_KEY)
  dvk deploy s3://ten-bucket/ --dry-run
                                chỉ cho biết sẽ gửi, xoá bao nhiêu tệp
""",
    "new": """\
ví dụ:
  dvk new                       hỏi lần lượt: mã đơn vị, loại điển hình, tên điển hình
  dvk new --unit ma-don-vi --kind collective --title "Mô hình “Ánh sáng đường quê”"
                                không hỏi gì; tạo exemplars/ma-don-vi/mo-hinh-anh-sang-duong-que.md
  dvk new --unit ma-hoi-phu-nu --kind individual --title "Chị Lê Thị Hoa" --slug le-thi-hoa
                                tự đặt tên tệp
Tệp mới có đủ các trường, mỗi trường một dòng ghi chú tiếng Việt; điền chỗ trống rồi chạy dvk check.
""",
    "import-issue": """\
ví dụ:
  dvk import-issue de-cu.md     đọc nội dung issue đã lưu vào tệp de-cu.md
  gh issue view 12 --json body -q .body | dvk import-issue -
                                đọc thẳng issue số 12 (cần GitHub CLI)
  dvk import-issue de-cu.md --unit ma-don-vi
                                sửa mã đơn vị ghi sai trong đề cử
Mã thoát: 0 = đã tạo tệp và tệp hợp lệ; 1 = đã tạo tệp nhưng còn chỗ cần bổ sung (được liệt kê);
2 = không tạo được tệp.
""",
    "contribute-files": """\
Biểu mẫu đề cử (.github/ISSUE_TEMPLATE/de-cu-dien-hinh.yml) liệt kê nội dung thi đua của các chiến
dịch đang mở và các lĩnh vực: chạy lại lệnh sau mỗi lần sửa campaigns.yml, fields.yml, units.yml.

ví dụ:
  dvk contribute-files          ghi lại biểu mẫu theo các danh mục hiện nay
  dvk contribute-files --check  chỉ kiểm tra: mã thoát 1 nếu tệp trong kho khác với tệp lệnh sẽ ghi
""",
    "import-xlsx": """\
Cột đặt tên như tệp mẫu /dong-gop/mau-danh-sach-dien-hinh.xlsx (tải ở trang Đóng góp). Mỗi ô không
dùng được được báo: tệp[trang tính]:hàng: cột: điều sai — cách sửa. Nhập lại cùng danh sách không
tạo tệp trùng: hàng đã có tệp được bỏ qua.

ví dụ:
  dvk import-xlsx danh-sach-2024.xlsx
  dvk --lang en import-xlsx danh-sach-2024.xlsx   thông báo bằng tiếng Anh
Mã thoát: 0 = mọi hàng đã nhập và các tệp hợp lệ; 1 = có ô không dùng được hoặc tệp còn chỗ cần
bổ sung (được liệt kê); 2 = không nhập được hàng nào.
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


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="dvk", description="Công bố điển hình: kiểm tra và dựng trang.",
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

    p = verbs.add_parser("nginx-config", help="cấu hình nginx cho trang đã dựng",
                         description="Nén sẵn các tệp văn bản của trang đã dựng (.gz, .br) và ghi cấu hình "
                                     "nginx: tệp nén sẵn, thời hạn lưu đệm, trang 404, chuyển hướng 301 cho "
                                     "địa chỉ cũ, các tiêu đề bảo mật.")
    p.add_argument("--site-dir", type=Path, default=None, help="trang đã dựng (mặc định site/)")
    p.add_argument("--output", type=Path, default=None, metavar="THƯ_MỤC",
                   help="nơi ghi cấu hình (mặc định build/nginx/)")
    p.add_argument("--server-root", type=Path, default=None, metavar="THƯ_MỤC",
                   help="thư mục của trang trên máy chủ nginx (mặc định: chính --site-dir)")
    p.add_argument("--listen", default="80", metavar="ĐỊA_CHỈ", help="cổng, hoặc địa chỉ:cổng (mặc định 80)")
    p.add_argument("--server-name", default=None, metavar="TÊN_MÁY",
                   help="tên máy chủ (mặc định: tên trong site_url của mkdocs.yml)")

    p = verbs.add_parser("deploy", help="gửi trang đã dựng lên máy chủ web hoặc kho S3",
                         description="Chỉ gửi các tệp có nội dung đổi khác và xoá các tệp trang không còn: "
                                     "bằng rsync tới một thư mục hoặc máy chủ web, hoặc lên kho lưu trữ S3 "
                                     "(đằng sau một CDN).")
    p.add_argument("target", metavar="ĐÍCH",
                   help="thư mục, máy:/đường/dẫn, rsync://máy/module/đường/dẫn hoặc s3://bucket/thư-mục")
    p.add_argument("--site-dir", type=Path, default=None, help="trang đã dựng (mặc định site/)")
    p.add_argument("--endpoint-url", default=None, metavar="URL",
                   help="địa chỉ kho S3 không phải của Amazon (hoặc đặt AWS_ENDPOINT_URL)")
    p.add_argument("--dry-run", action="store_true", help="chỉ cho biết sẽ gửi, xoá những gì; không gửi")

    p = verbs.add_parser("report", help="báo cáo số lượng điển hình theo đơn vị",
                         description="Báo cáo số điển hình của từng đơn vị (công nhận, theo loại, theo "
                                     "nội dung thi đua, đề nghị cấp trên, lên chuyên mục) "
                                     "trong một khoảng thời gian, so với chỉ tiêu của chính chiến dịch ấy "
                                     "(exemplars/campaigns.yml).",
                         epilog=REPORT_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--campaign", metavar="MÃ", default=None,
                   help="mã chiến dịch (exemplars/campaigns.yml; mặc định: chiến dịch mặc định của site.yml)")
    p.add_argument("--review", choices=("so-ket", "tong-ket"), default=None,
                   help="báo cáo của đợt sơ kết hoặc tổng kết (khoảng ngày của đợt, campaigns.yml: reviews)")
    p.add_argument("--as-of", dest="as_of", metavar="NGÀY", default=None,
                   help="số liệu tính đến ngày này, từ đầu chiến dịch")
    p.add_argument("--from", dest="start", metavar="NGÀY", default=None,
                   help="từ ngày công nhận (mặc định: ngày bắt đầu của chiến dịch)")
    p.add_argument("--to", dest="end", metavar="NGÀY", default=None,
                   help="đến ngày công nhận, tính cả ngày này (mặc định: ngày kết thúc của chiến dịch)")
    p.add_argument("--format", choices=tuple(FORMATS), default="markdown",
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

    p = verbs.add_parser("contribute-files", help="ghi biểu mẫu đề cử trên GitHub từ các danh mục",
                         description="Ghi biểu mẫu đề cử (.github/ISSUE_TEMPLATE/de-cu-dien-hinh.yml) từ khung "
                                     "của nó và các danh mục trong exemplars/: nội dung thi đua của các chiến "
                                     "dịch đang mở, lĩnh vực, ví dụ về đơn vị hiện nay.")
    p.add_argument("--check", action="store_true",
                   help="không ghi; thoát mã 1 nếu tệp hiện có khác với tệp lệnh sẽ ghi")

    p = verbs.add_parser("import-xlsx", help="nhập danh sách điển hình từ tệp Excel",
                         description="Đọc tệp Excel (mỗi hàng một mô hình) và ghi mỗi hàng thành một tệp "
                                     "điển hình bản nháp (draft: true) trong thư mục của đơn vị, rồi kiểm tra "
                                     "các tệp đó.")
    p.add_argument("source", metavar="TỆP", help="tệp .xlsx")
    return parser



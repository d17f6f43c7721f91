"""The last line of defence: every made file of the site is read for private data before
anything is published.

The checker reads each exemplar file (validate/privacy.py); this reads what the build made of
them — page bodies as generated, feeds, JSON, CSV, search index files, the text inside each
story kit, and every file name — with the same reader (`text.reading`) and the same rules, so
private data that came in another way (a registry text, a template, a rule that failed) stops
the build instead of reaching the public. Photos and other binary files are judged by name
only: their content was judged when they were made (metadata stripped, `media.photos`).

Reading is the costliest step of a warm build, and its verdict depends only on the bytes read,
the numbers allowed and our code: a file found clean is remembered by the digest of those
(`Clean`, in `.cache/dvk/`), and the next build reads only what changed. Only "clean" is
remembered: a file with a finding is read again every time, so its message is always whole.
"""

from __future__ import annotations

import hashlib
import io
import os
import posixpath
import zipfile
from bisect import bisect_right
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import accumulate
from pathlib import Path, PurePosixPath

from ..diagnostics import Diagnostic
from ..load import Document, dotted
from ..pages import Asset, Page, SiteFile, search
from ..text.reading import BREAK, read_text
from ..validate.cache import code_version, file_stamp
from ..validate.privacy import Finding, dialled, find_private_data
from ..validate.rules import private_data_in

MEMO_FILE = Path("dvk") / "scanned-clean.txt"  # inside the project's cache folder

TEXT_SUFFIXES = frozenset({".md", ".html", ".htm", ".xml", ".json", ".csv", ".txt", ".js", ".svg",
                           ".css", ".webmanifest", ".yml", ".yaml"})


@dataclass(frozen=True)
class Leak:
    """Private data in a made file: where (`output`, a path inside the site; `line` in it)."""

    output: str
    line: int | None
    finding: Finding


KIND_WORDS = {"id_number": {"vi": "số CCCD/CMND", "en": "an ID card number"},
              "phone": {"vi": "số điện thoại di động riêng", "en": "a personal mobile number"},
              "address": {"vi": "địa chỉ nhà riêng", "en": "a home address"}}
_UNKNOWN = {"vi": "không tìm thấy trong tệp nguồn (một mẫu trang, hay mã nguồn?)",
            "en": "not found in any source file (a template, or the code?)"}


def private_data_published(files: Iterable[SiteFile], office_phones: Iterable[str],
                           sources: Iterable[Document], cache: Path | None = None,
                           again: bool = False) -> list[Diagnostic]:
    """One message per leak in the made `files`, naming the made file and, where the same
    data is in one of `sources` (the registries, the published exemplar files), that file,
    line and field. The registered `office_phones` are public by design. With a `cache`
    folder, files found clean by an earlier build (same bytes, same code) are not read again;
    `again`: this process builds again (a preview), and keeps the memo it writes."""
    allowed = {dialled(phone) for phone in office_phones}
    clean = Clean.load(cache / MEMO_FILE, allowed) if cache is not None else Clean(allowed)
    leaks = scan(files, allowed, clean)
    if cache is not None:
        clean.save(cache / MEMO_FILE, again)
    if not leaks:
        return []
    wanted = {leak.finding.key for leak in leaks}
    origins: dict[str, dict[str, None]] = {}
    for doc in sources:
        for path, line, finding in private_data_in(doc, allowed):
            if finding.key in wanted:
                where = f"{doc.rel}:{line}" if line else doc.rel
                origins.setdefault(finding.key, {})[f"{where} ({dotted(path) or '-'})"] = None
    return [Diagnostic(leak.output, leak.line, "", "privacy.published",
                       {"what": KIND_WORDS[leak.finding.kind], "value": leak.finding.text,
                        "source": ", ".join(origins.get(leak.finding.key, ())) or _UNKNOWN})
            for leak in leaks]


class Clean:
    """Digests of what was read and found clean, valid for one version of our code and one set
    of allowed numbers (the file's first line says which); any other first line starts empty.

    A JSON or CSV file is read by its records (`Records`) and remembered with them, as a group:
    the files of all records change with every edit, and are read again only where their
    records did, even after a build that skipped them whole."""

    def __init__(self, allowed: Collection[str]) -> None:
        self.version = _version(allowed)
        self.known: set[str] = set()  # files, and records, found clean before
        self.groups: dict[str, tuple[str, ...]] = {}  # a file found clean → its records
        self.found: set[str] = set()  # clean in this build: the next build's memo
        self.found_groups: dict[str, tuple[str, ...]] = {}

    @classmethod
    def load(cls, path: Path, allowed: Collection[str]) -> Clean:
        memo = cls(allowed)
        last = _written.get(path)
        if last is not None and last[0] == file_stamp(path) and last[1].version == memo.version:
            # The memo as this process wrote it (a preview's last build): not read again.
            memo.groups = dict(last[1].found_groups)
            memo.known = last[1].found.union(*memo.groups.values())
            return memo
        try:
            head, *entries = path.read_text(encoding="ascii").split("\n")
        except (OSError, UnicodeDecodeError):
            return memo
        if head != memo.version:
            return memo
        same: dict[str, str] = {}  # a record of many files, held once
        for entry in entries:
            whole, _, records = entry.partition(_GROUP)
            if len(whole) != 32:
                continue
            if records:
                memo.groups[whole] = tuple(same.setdefault(d, d) for d in records.split(_GROUP) if len(d) == 32)
                memo.known.update(memo.groups[whole])
            else:
                memo.known.add(whole)
        return memo

    def save(self, path: Path, again: bool = False) -> None:
        """Write the memo for the next build; `again`: keep it for this process's next build too
        (a build without one would hold a province's digests for nothing)."""
        if self.found == self.known and self.found_groups == self.groups:
            return
        grouped = {record for records in self.found_groups.values() for record in records}
        entries = [*sorted(self.found - grouped),
                   *(_GROUP.join((whole, *records)) for whole, records in sorted(self.found_groups.items()))]
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}")
        partial.write_text("\n".join([self.version, *entries]), encoding="ascii")
        os.replace(partial, path)
        _written.clear()
        if again:
            _written[path] = (file_stamp(path), self)

    def knows(self, digest: str) -> bool:
        """Whether `digest` was found clean before; remembered for the next build if so."""
        if digest in self.known:
            self.found.add(digest)
            return True
        return False

    def read(self, item: SiteFile, leaks: Iterator[Leak], seen: Records) -> Iterator[Leak]:
        """`leaks` (the reading of `item`), unless the same bytes were found clean before."""
        digest = _digest(item)
        by_records = _read_by_records(item)
        if by_records and digest in self.groups:
            self.found_groups[digest] = self.groups[digest]
            return
        if not by_records and self.knows(digest):
            return
        seen.digests = []
        found = list(leaks)
        if not found and by_records:
            self.found_groups[digest] = tuple(dict.fromkeys(seen.digests))
        elif not found:
            self.found.add(digest)
        yield from found


_GROUP = " "  # between a file's digest and its records' in the memo
_written: dict[Path, tuple[tuple[int, int, int] | None, Clean]] = {}  # the memo this process last wrote




def _version(allowed: Collection[str]) -> str:
    return hashlib.blake2b("\n".join([code_version(), *sorted(allowed)]).encode(), digest_size=16).hexdigest()


def _digest(item: SiteFile) -> str:
    """What the reading of `item` depends on: its path (names are read too) and the bytes read
    (none for a file judged by its name only, a photo)."""
    if item.digest is not None:
        return item.digest
    digest = hashlib.blake2b(item.path.encode(), digest_size=16)
    if _read_from_source(item):
        assert isinstance(item.source, Path)
        digest.update(item.source.read_bytes())
    return digest.hexdigest()


def scan(files: Iterable[SiteFile], allowed: Collection[str] = (), clean: Clean | None = None) -> list[Leak]:
    """Every leak in `files` (made: kits zipped, photos in the cache). `allowed` holds numbers
    that are public by design (`dialled` digits)."""
    seen = Records(clean)
    if clean is None:
        return [leak for item in files for leak in _leaks(item, allowed, seen)]
    return [leak for item in files for leak in clean.read(item, _leaks(item, allowed, seen), seen)]


class Records:
    """Record → its findings, each record read once in a scan: the open data give every record
    twice, per exemplar and all together. A record that an earlier build found clean (`clean`)
    is not read again: the files of all records change with every edit, a record at a time.
    Records are known by their digests: the file of all records is tens of MB at a province's
    scale, and the scan must not hold it whole, nor its records."""

    def __init__(self, clean: Clean | None = None) -> None:
        self.clean = clean
        self.found: dict[str, list[Finding]] = {}  # a record's digest → its findings (offsets in it)
        self.digests: list[str] = []  # of the records read since the caller last emptied it

    def read(self, records: list[str], allowed: Collection[str]) -> list[list[Finding]]:
        """The findings of each of `records`, reading (at once) only those not read before."""
        digests = [_record_digest(record) for record in records]
        self.digests += digests
        new: dict[str, str] = {}
        for record, digest in zip(records, digests, strict=True):
            if digest in self.found or digest in new:
                continue
            if self.clean is not None and self.clean.knows(digest):
                self.found[digest] = []
            else:
                new[digest] = record
        if new:
            keys, texts = list(new), list(new.values())
            starts = list(accumulate((len(text) + 1 for text in texts[:-1]), initial=0))
            found: dict[str, list[Finding]] = {key: [] for key in keys}
            for finding in find_private_data(read_text(BREAK.join(texts)), allowed):
                at = bisect_right(starts, finding.offset) - 1
                found[keys[at]].append(replace(finding, offset=finding.offset - starts[at]))
            self.found.update(found)
            if self.clean is not None:
                self.clean.found.update(key for key in keys if not found[key])
        return [self.found[digest] for digest in digests]


def _record_digest(record: str) -> str:
    return hashlib.blake2b(b"record\0" + record.encode(), digest_size=16).hexdigest()


def _leaks(item: SiteFile, allowed: Collection[str], seen: Records) -> Iterator[Leak]:
    yield from _in_name(item.path, allowed)
    if isinstance(item, Page):
        meta = "\n".join(str(value) for value in item.meta.values() if value is not None)
        yield from _in_text(item.path, f"{meta}\n{item.html}", allowed)
    elif isinstance(item, Asset) and (data := item.data) is not None:
        if item.path.endswith(".zip"):
            yield from _in_zip(item.path, data, allowed, seen)
        elif (words := search.words_of(item.path, data)) is not None:
            yield from _in_text(item.path, BREAK.join(words), allowed, lines=False)
        elif _read_by_records(item):
            yield from _in_records(item.path, data, allowed, seen)
        elif _is_text(item.path):
            yield from _in_text(item.path, data.decode("utf-8", "replace"), allowed)
    elif _read_from_source(item):
        assert isinstance(item.source, Path)
        yield from _in_text(item.path, item.source.read_bytes().decode("utf-8", "replace"), allowed)


def _read_by_records(item: SiteFile) -> bool:
    return isinstance(item, Asset) and item.packed is not None and item.path.endswith(tuple(RECORD_SUFFIXES))


def _read_from_source(item: SiteFile) -> bool:
    """A text file copied as it is, which is read; not the vendored code (its name only)."""
    return isinstance(item, Asset) and isinstance(item.source, Path) and _is_text(item.path) and not item.vendored


def _in_name(path: str, allowed: Collection[str], name: str | None = None) -> Iterator[Leak]:
    for finding in find_private_data(read_text(path if name is None else name), allowed):
        yield Leak(path, None, finding)


def _in_text(path: str, text: str, allowed: Collection[str], lines: bool = True) -> Iterator[Leak]:
    for finding in find_private_data(read_text(text), allowed):
        yield Leak(path, text.count("\n", 0, finding.offset) + 1 if lines else None, finding)


BATCH_CHARACTERS = 1 << 20


def _in_records(path: str, data: bytes, allowed: Collection[str], seen: Records) -> Iterator[Leak]:
    """A JSON or CSV file a record at a time, each distinct record read once, in runs of about
    `BATCH_CHARACTERS`: a reading holds several copies of its text and a way back for each
    change, and the file of all records read at once held more memory than the rest of the
    build. Private data never spans two records, which are two exemplars' (or a heading's)."""
    batch: list[tuple[int, str]] = []
    size = 0
    for first, record in RECORD_SUFFIXES[posixpath.splitext(path)[1]](data):
        if batch and size + len(record) > BATCH_CHARACTERS:
            yield from _leaks_in(path, batch, seen.read([text for _, text in batch], allowed))
            batch, size = [], 0
        batch.append((first, record))
        size += len(record) + 1
    yield from _leaks_in(path, batch, seen.read([text for _, text in batch], allowed))


def _leaks_in(path: str, batch: list[tuple[int, str]], found: list[list[Finding]]) -> Iterator[Leak]:
    for (first, record), findings in zip(batch, found, strict=True):
        for finding in findings:
            yield Leak(path, first + record.count("\n", 0, finding.offset), finding)


def _json_lines(data: bytes) -> Iterator[tuple[int, str]]:
    """(line number, line): no JSON string spans lines (a line break in one is written \\n)."""
    for number, raw in enumerate(io.BytesIO(data), 1):  # UTF-8 never has the byte \n inside a character
        yield number, raw.decode("utf-8", "replace").strip()


def _csv_rows(data: bytes) -> Iterator[tuple[int, str]]:
    """(first line number, row): a row ends at a line break outside quotes, that is after an even
    number of quotes (a quote inside a quoted cell is written twice)."""
    lines: list[str] = []
    quotes = first = 0
    for number, raw in enumerate(io.BytesIO(data), 1):
        line = raw.decode("utf-8", "replace")
        if not lines:
            first = number
        lines.append(line)
        quotes += line.count('"')
        if quotes % 2 == 0:
            yield first, "".join(lines).rstrip("\r\n")
            lines, quotes = [], 0
    if lines:
        yield first, "".join(lines)


RECORD_SUFFIXES = {".json": _json_lines, ".csv": _csv_rows}


def _in_zip(path: str, data: bytes, allowed: Collection[str], seen: Records) -> Iterator[Leak]:
    with zipfile.ZipFile(io.BytesIO(data)) as kit:
        for info in kit.infolist():
            inner = f"{path}/{info.filename}"
            yield from _in_name(inner, allowed, info.filename)
            if info.filename.endswith(tuple(RECORD_SUFFIXES)):
                # A kit's record is the exemplar's open data file again: its lines are read once.
                yield from _in_records(inner, kit.read(info), allowed, seen)
            elif _is_text(info.filename):
                yield from _in_text(inner, kit.read(info).decode("utf-8", "replace"), allowed)


def _is_text(path: str) -> bool:
    return posixpath.splitext(path)[1].lower() in TEXT_SUFFIXES

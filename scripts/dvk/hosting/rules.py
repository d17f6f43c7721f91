"""How every file of the built site is served, stated once for every host: its type, whether it
is sent compressed, how long a browser or a CDN may keep it, and the headers that go with it.

`nginx.py` writes these rules into the server's configuration and `s3.py` onto each object it
uploads, so the province's own server and the object storage behind a CDN answer alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath


@dataclass(frozen=True)
class FileType:
    mime: str
    text: bool  # UTF-8 text: sent with its charset, and precompressed

    @property
    def content_type(self) -> str:
        return f"{self.mime}; charset=utf-8" if self.text else self.mime


# Every kind of file the site holds (tests/test_hosting.py fails on a built file of another kind,
# which would otherwise reach readers as application/octet-stream). Already compressed formats
# (images, fonts, archives) are not compressed again.
TYPES: dict[str, FileType] = {
    ".html": FileType("text/html", True),
    ".css": FileType("text/css", True),
    ".js": FileType("text/javascript", True),  # RFC 9239
    ".json": FileType("application/json", True),
    ".map": FileType("application/json", True),  # source maps of the theme's scripts
    ".xml": FileType("application/xml", True),  # the sitemap and the feeds
    ".svg": FileType("image/svg+xml", True),
    ".csv": FileType("text/csv", True),
    ".txt": FileType("text/plain", True),
    ".webmanifest": FileType("application/manifest+json", True),
    ".yml": FileType("text/yaml", True),  # the web form's configuration, read by its script
    ".wasm": FileType("application/wasm", False),  # the web form's bundle (browsers require the type)
    ".ico": FileType("image/vnd.microsoft.icon", False),
    ".png": FileType("image/png", False),
    ".jpg": FileType("image/jpeg", False),
    ".jpeg": FileType("image/jpeg", False),
    ".webp": FileType("image/webp", False),
    ".avif": FileType("image/avif", False),
    ".gif": FileType("image/gif", False),
    ".woff2": FileType("font/woff2", False),
    ".pdf": FileType("application/pdf", False),
    ".zip": FileType("application/zip", False),
    ".gz": FileType("application/gzip", False),  # the engine's sitemap.xml.gz
    ".xlsx": FileType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", False),
}
DEFAULT_TYPE = "application/octet-stream"


def file_type(path: str) -> FileType | None:
    return TYPES.get(PurePosixPath(path).suffix.lower())


def compressible(path: str) -> bool:
    kind = file_type(path)
    return kind is not None and kind.text


# A compressible file's precompressed copies lie beside it, named by the encoding's suffix
# (`index.html.gz`), as nginx's gzip_static and brotli_static look for them.
VARIANTS = {".gz": "gzip", ".br": "br"}  # suffix → Content-Encoding


def original_of(path: str) -> str | None:
    """The file `path` is a precompressed copy of, if its name says it is one."""
    suffix = PurePosixPath(path).suffix
    if suffix not in VARIANTS:
        return None
    stem = path.removesuffix(suffix)
    return stem if compressible(stem) else None


# A file whose name carries a hash of its bytes never changes under that name: browsers and CDNs
# keep it a year without asking. Material names its bundles so (`bundle.a5f9d56c.min.js`).
# Every other file (pages, photos, our own scripts, the search index) keeps its name when its
# bytes change, so it is revalidated on each use: a 304 when unchanged, never a stale page.
HASHED = r"\.[0-9a-f]{8}\.min\.(?:js|css)(?:\.map)?$"  # the same text is an nginx (PCRE) regex
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
_HASHED = re.compile(HASHED)


def cache_control(path: str) -> str:
    return IMMUTABLE if _HASHED.search(path) else REVALIDATE


def security_headers(policy: str) -> dict[str, str]:
    """The headers sent with every answer; `policy` is the site's Content-Security-Policy."""
    return {
        "Content-Security-Policy": policy,
        "X-Content-Type-Options": "nosniff",  # a file is only ever what its type says
        "Referrer-Policy": "strict-origin-when-cross-origin",  # another site learns the host, not the page
        "X-Frame-Options": "DENY",  # frame-ancestors 'none' for browsers that predate it
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    }

"""A static server that compresses as the hosts do, for `make audit` (never part of the site).

    PYTHONPATH=scripts python -m bench.gzipserve SITE_DIR [PORT]

Text (HTML, CSS, JavaScript, SVG, JSON, XML) goes out gzip-compressed when the browser accepts
it, a folder answers with its index.html, a missing path with the site's 404.html and status 404,
and assets carry a cache lifetime, as GitHub Pages, Netlify or the Board's nginx would send them.
"""

from __future__ import annotations

import contextlib
import gzip
import mimetypes
import sys
import threading
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import localserver

COMPRESSED = ("text/", "application/javascript", "application/json", "application/xml",
              "image/svg+xml", "application/rss+xml", "application/atom+xml")
TYPES = {".js": "application/javascript", ".mjs": "application/javascript", ".webp": "image/webp",
         ".svg": "image/svg+xml", ".xml": "application/xml", ".json": "application/json"}


def _handler(root: Path) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def _find(self) -> tuple[Path, int]:
            path = (root / unquote(urlsplit(self.path).path).lstrip("/")).resolve()
            if path.is_dir():
                path = path / "index.html"
            if root in path.parents and path.is_file():
                return path, 200
            return root / "404.html", 404

        def _answer(self, body: bool) -> None:
            path, status = self._find()
            data = path.read_bytes() if path.is_file() else b"not found"
            kind = TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            self.send_response(status)
            self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
            if kind.startswith(COMPRESSED) and "gzip" in self.headers.get("Accept-Encoding", ""):
                data = gzip.compress(data, compresslevel=6, mtime=0)
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Vary", "Accept-Encoding")
            html = kind == "text/html"
            self.send_header("Cache-Control", "no-cache" if html else "public, max-age=31536000")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if body:
                self.wfile.write(data)

        def do_GET(self) -> None:
            self._answer(True)

        def do_HEAD(self) -> None:
            self._answer(False)

    return Handler


def serving(root: Path, port: int = 0) -> contextlib.AbstractContextManager[str]:
    """Serve `root` on 127.0.0.1 (a free port unless given); the `with` yields the base URL."""
    return localserver.serving(_handler(root.resolve()), port)


if __name__ == "__main__":
    with serving(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 8000) as url:
        print(f"serving {sys.argv[1]} at {url} (gzip); Ctrl-C stops")
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()

"""A web server on this machine for a measurement or a test (never part of the site): any
request handler, on 127.0.0.1 and a free port, in a thread, for as long as a `with` lasts.

`bench.gzipserve` (the hosts' compression, for `make audit`) and the browser tests
(`tests/browser/reader.py`, the hostile site of `tests/gate/`) serve through it.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from socketserver import BaseRequestHandler

HOST = "127.0.0.1"


class QuietFiles(SimpleHTTPRequestHandler):
    """A folder's files as `http.server` sends them, without its log line per request (a line a
    page would bury the output of a test or a measurement)."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serving(handler: Callable[..., BaseRequestHandler], port: int = 0) -> Iterator[str]:
    """Answer with `handler` on 127.0.0.1 (a free port unless given); yields the base URL
    ('http://127.0.0.1:PORT/'). The server stops, and its thread ends, when the block ends."""
    server = ThreadingHTTPServer((HOST, port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


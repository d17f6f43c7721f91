"""The site's nginx configuration (Debian's nginx), written from the built site and `rules.py`.

Two files. `dvk.conf` holds what goes in nginx's `http {}`: two maps and the site's `server {}`;
on the province's server it goes in /etc/nginx/sites-available/ as it is. `nginx.conf` is a
whole configuration around it for running nginx by hand as any user (`make serve-prod`, the
tests): pid, logs and temporary files stay in the folder it is written to.

What the server does, and why:
- Precompressed copies (`compress.py`): gzip_static and brotli_static send `x.html.gz` or
  `x.html.br` to a reader who accepts them; nothing is compressed per request.
- Cache-Control from `rules.cache_control`, as a map of the same pattern.
- Every redirect page of the site is a real 301 to the same place (a map of every address it
  answers to), with a relative Location, right behind any proxy, name or port.
- Any missing path answers 404 with the site's own 404.html (its links start at the root).
- The security headers of `rules.security_headers` on every answer, errors and redirects too.
"""

from __future__ import annotations

import getpass
import re
from dataclasses import dataclass, field
from pathlib import Path

from .outcomes import HostingError
from .rules import DEFAULT_TYPE, HASHED, IMMUTABLE, REVALIDATE, TYPES, security_headers
from .tree import BuiltSite

BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")  # libnginx-mod-http-brotli-static
SITE_FILE = "dvk.conf"
MAIN_FILE = "nginx.conf"
# nginx's defaults for a map's hash table: its buckets (bytes) and the most buckets it may use.
_BUCKET = 64
_MAP_MAX = 2048
_PER_BUCKET = 4  # keys a bucket must hold: nginx then finds a table without searching for a perfect hash


@dataclass(frozen=True)
class Server:
    root: Path  # where the built site lies on the machine nginx runs on
    listen: str = "80"  # nginx `listen`: a port, or address:port
    server_name: str = "_"
    brotli: bool = field(default_factory=BROTLI_MODULE.exists)  # Debian's module is installed


def _quote(value: str) -> str:
    """A value as nginx reads it back: no variable (`$`), no escape, no line break."""
    if any(c in value for c in '"\\$\n\r'):
        raise HostingError("host.nginx_value", SITE_FILE, value=value)
    return f'"{value}"'


_WORD = re.compile(r"[\w.:\[\]*-]+", re.ASCII)  # an address:port or a server name: nothing nginx would read as syntax


def _word(value: str) -> str:
    if not _WORD.fullmatch(value):
        raise HostingError("host.nginx_value", SITE_FILE, value=value)
    return value


def _regex(pattern: str) -> str:
    """A map's regex key: nginx keeps `\\.` as written and only unescapes \\\\, \\", \\', \\t, \\r, \\n."""
    if '"' in pattern or "\n" in pattern or re.search(r"\\[\\\"'trn]", pattern):
        raise ValueError(f"not a regex nginx reads back as written: {pattern!r}")
    return f'"~{pattern}"'


def site_config(site: BuiltSite, server: Server) -> str:
    """`dvk.conf`: the maps and the server, for nginx's http {} context."""
    moved = site.redirects
    lines = ["# Written by `dvk nginx-config` from the built site; written again after each build.", ""]
    lines += _map_hash(list(moved))
    lines += ["# The old addresses of the site: each answers 301 with the address its page leads to.",
              "map $uri $dvk_moved {", '    default "";']
    lines += [f"    {_quote(old)} {_quote(new)};" for old, new in moved.items()]
    lines += ["}", "",
              "# Files named by a hash of their bytes are kept a year; every other file is revalidated.",
              "map $uri $dvk_cache {", f"    default {_quote(REVALIDATE)};",
              f"    {_regex(HASHED)} {_quote(IMMUTABLE)};", "}", "",
              "# The site's policy; a page whose own policy allows more (the web form) is sent its own.",
              "map $uri $dvk_policy {", f"    default {_quote(site.policy)};"]
    lines += [f"    {_quote(address)} {_quote(own)};" for address, own in site.widened.items()]
    lines += ["}", ""]
    text_types = sorted({kind.mime for kind in TYPES.values() if kind.text} - {"text/html"})
    by_type: dict[str, list[str]] = {}
    for suffix, kind in TYPES.items():
        by_type.setdefault(kind.mime, []).append(suffix.removeprefix("."))
    lines += ["server {", f"    listen {_word(server.listen)};", f"    server_name {_word(server.server_name)};",
              f"    root {_quote(str(server.root))};", "    index index.html;",
              "    server_tokens off;", "    absolute_redirect off;", "",
              "    # The site's own types (the same table gives S3 its Content-Type).", "    types {"]
    lines += [f"        {mime} {' '.join(suffixes)};" for mime, suffixes in sorted(by_type.items())]
    lines += ["    }", f"    default_type {DEFAULT_TYPE};", "    charset utf-8;",
              f"    charset_types {' '.join(text_types)};", "",
              "    gzip_static on;", "    gzip_vary on;"]
    if server.brotli:
        lines.append("    brotli_static on;")
    lines += ["", "    error_page 404 /404.html;",
              "    log_not_found off;  # a missing page is the reader's 404, not the server's error", ""]
    headers = {**security_headers("$dvk_policy"), "Cache-Control": "$dvk_cache"}
    for name, value in headers.items():
        shown = value if value.startswith("$dvk_") else _quote(value)
        lines.append(f"    add_header {name} {shown} always;")
    lines += ["", "    if ($dvk_moved) {", "        return 301 $dvk_moved;", "    }", "",
              "    location / {", "    }", "}", ""]
    return "\n".join(lines)


def _map_hash(keys: list[str]) -> list[str]:
    """The map hash settings a map of `keys` needs, where nginx's defaults would not do: many old
    addresses, or long ones, would stop nginx with "could not build map_hash"."""
    def aligned(n: int) -> int:
        return (n + 7) // 8 * 8

    # nginx's NGX_HASH_ELT_SIZE: a pointer, then the key and its length, aligned; a bucket ends in a pointer
    element = 8 + aligned(max((len(k) for k in keys), default=0) + 2)
    bucket = _BUCKET
    while bucket < _PER_BUCKET * element + 8:
        bucket *= 2
    size = _MAP_MAX
    while size < len(keys):
        size *= 2
    return ([f"map_hash_bucket_size {bucket};"] if bucket > _BUCKET else []) + (
        [f"map_hash_max_size {size};"] if size > _MAP_MAX else [])


def main_config(server: Server) -> str:
    """`nginx.conf`: nginx run by hand with `-p <this folder> -c nginx.conf`, as whoever runs it."""
    lines = ["# Written by `dvk nginx-config`: nginx for this machine, run by hand:",
             f"#   nginx -p <this folder> -c {MAIN_FILE} -e logs/error.log -g 'daemon off;'"]
    if server.brotli:
        lines.append(f"load_module {BROTLI_MODULE};")
    lines += [
        # As root nginx would hand its workers to another user, who may not read the site.
        f"user {getpass.getuser()};",
        "worker_processes 1;",
        "pid nginx.pid;",
        "error_log logs/error.log warn;",
        "events {", "    worker_connections 256;", "}",
        "http {",
        "    access_log logs/access.log;",
        *(f"    {kind}_temp_path tmp/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")),
        "    sendfile on;",
        f"    include {SITE_FILE};",
        "}", ""]
    return "\n".join(lines)


def write(folder: Path, site: BuiltSite, server: Server) -> list[Path]:
    """Both files into `folder`, with the folders nginx writes in; the paths written."""
    texts = {SITE_FILE: site_config(site, server), MAIN_FILE: main_config(server)}
    try:
        for sub in ("logs", "tmp"):
            (folder / sub).mkdir(parents=True, exist_ok=True)
        for name, text in texts.items():
            (folder / name).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise HostingError("host.io", str(exc.filename or folder), reason=exc.strerror or str(exc)) from None
    return [folder / name for name in texts]

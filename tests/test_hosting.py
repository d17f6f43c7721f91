"""The built site on Debian's nginx, as `dvk nginx-config` configures it, over real HTTP on 127.0.0.1:
pages with their types and security headers, precompressed copies, cache lifetimes, the site's
404 for any missing path, and real 301s for the old addresses of merged units and communes."""

from __future__ import annotations

import gzip
import subprocess
import sys
import zlib
from pathlib import Path

import brotli
import pytest

from conftest import REPO, run_dvk
from dvk.hosting import BuiltSite, nginx, prepared, read_site
from dvk.hosting.compress import ENCODINGS
from dvk.hosting.rules import IMMUTABLE, REVALIDATE, compressible, file_type
from dvk.hosting.tree import addresses
from dvk.pipeline import CheckResult
from dvk.site.policy import allowed_hashes, page_policy
from served import NGINX, need, request


def policy_header(url: str) -> str:
    answer = request(url, "/")
    policy = answer.header("Content-Security-Policy")
    assert policy is not None
    return policy


def directive(policy: str, name: str) -> set[str]:
    return next(set(part.split()[1:]) for part in policy.split("; ") if part.split()[0] == name)


# --- pages, types, headers ----------------------------------------------------------------------

def test_every_file_of_the_built_site_has_a_type_of_its_own(served_site: BuiltSite) -> None:
    untyped = [name for name in served_site.files if file_type(name) is None]
    assert not untyped, f"served as application/octet-stream: {untyped[:10]}"


@pytest.mark.parametrize("path", ["/", "/dien-hinh/", "/don-vi/", "/thong-ke/", "/bien-tap/"])
def test_a_page_is_served_as_utf8_html_with_every_security_header(nginx_url: str, path: str) -> None:
    answer = request(nginx_url, path)
    assert answer.status == 200
    assert answer.header("Content-Type") == "text/html; charset=utf-8"
    assert answer.header("X-Content-Type-Options") == "nosniff"
    assert answer.header("Referrer-Policy") == "strict-origin-when-cross-origin"
    assert answer.header("X-Frame-Options") == "DENY"
    assert "camera=()" in (answer.header("Permissions-Policy") or "")
    assert answer.header("Server") == "nginx"  # no version told


def test_the_header_policy_runs_only_the_sites_own_scripts(nginx_url: str) -> None:
    policy = policy_header(nginx_url)
    assert directive(policy, "default-src") == {"'self'"}
    assert directive(policy, "object-src") == {"'none'"}
    assert directive(policy, "frame-ancestors") == {"'none'"}
    scripts = directive(policy, "script-src")
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
    assert {word for word in scripts if not word.startswith("'sha256-")} == {"'self'"}


def test_the_header_policy_allows_each_pages_own_inline_scripts_and_no_other(
        nginx_url: str, sample_site: Path) -> None:
    scripts = directive(policy_header(nginx_url), "script-src")
    pages = {page: allowed_hashes(page.read_text(encoding="utf-8")) for page in sample_site.rglob("*.html")}
    assert not [page for page, hashes in pages.items() if not hashes <= scripts]
    assert scripts - {"'self'"} == set().union(*pages.values())


def test_the_web_form_alone_is_sent_the_wider_policy_its_own_page_states(
        nginx_url: str, served_site: BuiltSite) -> None:
    # A header can only narrow what a page's <meta> allows: the form, whose page allows more
    # (pages/webform.py says why), would not run under the site's header.
    own = page_policy((served_site.root / "dong-gop" / "bieu-mau" / "index.html").read_text(encoding="utf-8"))
    assert own is not None and "'unsafe-eval'" in own
    form = request(nginx_url, "/dong-gop/bieu-mau/").header("Content-Security-Policy")
    assert form == f"{own}; frame-ancestors 'none'"
    assert set(served_site.widened) == set(addresses("dong-gop/bieu-mau/index.html"))
    assert "'unsafe-eval'" not in policy_header(nginx_url)


def test_a_file_keeps_its_type_and_the_security_headers(nginx_url: str, served_site: BuiltSite) -> None:
    for name, expected in (("feed.xml", "application/xml; charset=utf-8"), ("du-lieu/exemplars.json",
                           "application/json; charset=utf-8"), ("assets/images/favicon.png", "image/png")):
        assert name in served_site.files
        answer = request(nginx_url, "/" + name)
        assert (answer.status, answer.header("Content-Type")) == (200, expected), name
        assert answer.header("X-Content-Type-Options") == "nosniff"
    photo = next(name for name in served_site.files if name.endswith(".webp"))
    assert request(nginx_url, "/" + photo).header("Content-Type") == "image/webp"


# --- compression --------------------------------------------------------------------------------

def test_a_reader_who_accepts_gzip_gets_the_precompressed_copy(nginx_url: str, served_site: BuiltSite) -> None:
    answer = request(nginx_url, "/dien-hinh/", Accept_Encoding="gzip")
    assert answer.status == 200
    assert answer.header("Content-Encoding") == "gzip"
    assert answer.header("Vary") == "Accept-Encoding"
    assert answer.body == served_site.path("dien-hinh/index.html.gz").read_bytes()
    assert gzip.decompress(answer.body) == served_site.path("dien-hinh/index.html").read_bytes()


def test_a_reader_who_accepts_brotli_gets_the_smaller_copy(nginx_url: str, served_site: BuiltSite) -> None:
    if not nginx.BROTLI_MODULE.exists():
        need(str(nginx.BROTLI_MODULE), "libnginx-mod-http-brotli-static")
    answer = request(nginx_url, "/dien-hinh/", Accept_Encoding="br, gzip")
    assert answer.header("Content-Encoding") == "br"
    assert brotli.decompress(answer.body) == served_site.path("dien-hinh/index.html").read_bytes()
    assert len(answer.body) < len(served_site.path("dien-hinh/index.html.gz").read_bytes())


def test_a_reader_who_accepts_no_encoding_gets_the_file_as_built(nginx_url: str, served_site: BuiltSite) -> None:
    answer = request(nginx_url, "/dien-hinh/")
    assert answer.header("Content-Encoding") is None
    assert answer.body == served_site.path("dien-hinh/index.html").read_bytes()


def test_every_text_file_has_its_copies_and_no_other_file_has_any(served_site: BuiltSite) -> None:
    texts = [name for name in served_site.files if compressible(name)]
    assert texts
    copies = set(served_site.variants)
    for name in texts:
        data = served_site.path(name).read_bytes()
        for encoding in ENCODINGS:
            copy = name + encoding.suffix
            if copy in copies:
                assert encoding.decompress(served_site.path(copy).read_bytes(), len(data)) == data, copy
            else:
                assert len(encoding.compress(data)) >= len(data), f"{copy} is missing"
    assert not [copy for copy in copies if copy.rsplit(".", 1)[0] not in texts]


def test_precompressed_copies_are_the_same_bytes_on_every_run(tmp_path: Path) -> None:
    for run in ("first", "second"):
        site = tmp_path / run / "site"
        site.mkdir(parents=True)
        (site / "index.html").write_text("<!doctype html><title>Trang chủ</title>" + "Dân vận khéo. " * 200,
                                         encoding="utf-8")
        prepared(site, tmp_path / run / ".cache")
    for copy in ("index.html.gz", "index.html.br"):
        assert (tmp_path / "first/site" / copy).read_bytes() == (tmp_path / "second/site" / copy).read_bytes()
    header = (tmp_path / "first/site/index.html.gz").read_bytes()[:10]
    assert header[4:8] == b"\0\0\0\0", "gzip names no time"
    assert header[3] == 0, "gzip names no file"


def test_a_cached_copy_that_does_not_decompress_to_the_file_is_made_again(tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / ".cache"
    site.mkdir()
    page = "<!doctype html><title>Trang</title>" + "Bến Tre " * 300
    (site / "index.html").write_text(page, encoding="utf-8")
    prepared(site, cache)
    for entry in (cache / "compressed").rglob("*"):
        if entry.is_file():
            entry.write_bytes(gzip.compress(b"<script>alert(1)</script>" * 20, mtime=0))
    _, done = prepared(site, cache)
    assert done.made == 2
    assert gzip.decompress((site / "index.html.gz").read_bytes()).decode("utf-8") == page
    assert brotli.decompress((site / "index.html.br").read_bytes()).decode("utf-8") == page


def test_a_cached_copy_that_would_expand_past_its_file_is_not_unpacked_whole(tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / ".cache"
    site.mkdir()
    page = "<!doctype html><title>Trang</title>" + "Bến Tre " * 300
    (site / "index.html").write_text(page, encoding="utf-8")
    prepared(site, cache)
    bomb = gzip.compress(b"\0" * 50_000_000, mtime=0)  # 50 KB that would unpack to 50 MB
    for entry in (cache / "compressed").rglob("*"):
        if entry.is_file() and "gzip" in entry.as_posix():
            entry.write_bytes(bomb)
    gz = next(e for e in ENCODINGS if e.suffix == ".gz")
    with pytest.raises(zlib.error):
        gz.decompress(bomb, len(page.encode("utf-8")))  # stops one byte past the file's size
    _, done = prepared(site, cache)
    assert done.made == 1
    assert gzip.decompress((site / "index.html.gz").read_bytes()).decode("utf-8") == page


def test_a_copy_whose_file_is_gone_is_removed_and_a_tiny_file_gets_none(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>ok</p>", encoding="utf-8")
    (site / "old.html.gz").write_bytes(gzip.compress(b"<p>stale</p>", mtime=0))
    built, done = prepared(site, tmp_path / ".cache")
    assert not (site / "old.html.gz").exists()
    assert not (site / "index.html.gz").exists(), "a copy larger than its file helps no one"
    assert (built.variants, done.removed) == ((), 1)


# --- cache lifetimes ----------------------------------------------------------------------------

def test_a_hashed_asset_is_kept_a_year_and_everything_else_is_revalidated(
        nginx_url: str, served_site: BuiltSite) -> None:
    hashed = [name for name in served_site.files if name.startswith("assets/javascripts/bundle.")]
    assert hashed, "Material's bundle carries a hash in its name"
    assert request(nginx_url, "/" + hashed[0]).header("Cache-Control") == IMMUTABLE
    for path in ("/", "/assets/dvk.js", "/search/index.js", "/feed.xml"):
        assert request(nginx_url, path).header("Cache-Control") == REVALIDATE, path


def test_an_unchanged_page_is_revalidated_with_a_304(nginx_url: str) -> None:
    first = request(nginx_url, "/gioi-thieu/", Accept_Encoding="gzip")
    tag = first.header("ETag")
    assert tag
    again = request(nginx_url, "/gioi-thieu/", Accept_Encoding="gzip", If_None_Match=tag)
    assert (again.status, again.body) == (304, b"")


# --- 404 and redirects --------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/khong-co/", "/dien-hinh/khong-co-dien-hinh-nay/", "/a/b/c/d.html",
                                  "/don-vi/khong-co/anh-960.webp"])
def test_any_missing_path_answers_404_with_the_sites_own_page(nginx_url: str, served_site: BuiltSite,
                                                              path: str) -> None:
    answer = request(nginx_url, path)
    assert answer.status == 404
    assert answer.header("Content-Type") == "text/html; charset=utf-8"
    assert answer.body == served_site.path("404.html").read_bytes()
    assert answer.header("Content-Security-Policy") == policy_header(nginx_url)


def test_a_folder_without_its_final_slash_is_redirected_to_it(nginx_url: str) -> None:
    answer = request(nginx_url, "/dien-hinh")
    assert (answer.status, answer.header("Location")) == (301, "/dien-hinh/")


def test_every_merged_unit_and_commune_answers_301_with_where_its_work_is_now(
        nginx_url: str, sample_result: CheckResult) -> None:
    registry = sample_result.catalog.registry
    # an ended unit with no successor keeps a page of its own (its lineage); a merged one leads on
    moved = [(f"/don-vi/{u.id}/", f"/don-vi/{registry.current_unit(u.id).id}/")
             for u in registry.units.values() if registry.current_unit(u.id).id != u.id]
    moved += [(f"/xa/{c.id}/", f"/xa/{registry.current_commune(c.id).id}/")
              for c in registry.communes.values() if registry.current_commune(c.id).id != c.id]
    assert moved, "the sample registry has merged units and communes"
    for old, new in moved:
        for typed in (old, old.rstrip("/"), old + "index.html"):
            answer = request(nginx_url, typed)
            assert (answer.status, answer.header("Location")) == (301, new), typed
            assert answer.header("Content-Security-Policy"), "a redirect carries the headers too"
        assert request(nginx_url, new).status == 200


def test_every_page_of_the_previous_site_answers_on_nginx_at_most_one_301_away(nginx_url: str) -> None:
    lines = (REPO / "tests" / "previous-urls.txt").read_text(encoding="utf-8").splitlines()
    lost = []
    for address in ("/" + line for line in lines if line.endswith("/") and not line.startswith("#")):
        answer = request(nginx_url, address)
        if answer.status == 301:
            answer = request(nginx_url, answer.header("Location") or "")
        if answer.status != 200:
            lost.append(f"{address} ({answer.status})")
    assert not lost, lost


def test_the_redirect_addresses_of_a_page_are_its_folder_with_and_without_slash_and_its_file() -> None:
    assert addresses("don-vi/x/index.html") == ["/don-vi/x/", "/don-vi/x", "/don-vi/x/index.html"]
    assert addresses("cu.html") == ["/cu.html"]


def test_nginx_takes_a_map_of_many_long_old_addresses(tmp_path: Path) -> None:
    binary = need(NGINX, "nginx")
    site = tmp_path / "site"
    site.mkdir()
    moved = {f"/dien-hinh/{'mot-dien-hinh-co-ten-rat-dai-' * 3}{i}/": "/dien-hinh/" for i in range(5000)}
    built = BuiltSite(site, (), (), moved, frozenset(), {})
    nginx.write(tmp_path / "conf", built, nginx.Server(site, "127.0.0.1:1"))
    test = subprocess.run([binary, "-t", "-p", str(tmp_path / "conf"), "-c", nginx.MAIN_FILE,
                           "-e", "logs/error.log"], capture_output=True, text=True)
    assert test.returncode == 0, test.stderr


# --- the command --------------------------------------------------------------------------------

def test_nginx_config_writes_both_files_for_the_built_site(served_site: BuiltSite, tmp_path: Path) -> None:
    out = tmp_path / "conf"
    done = run_dvk("nginx-config", "--site-dir", str(served_site.root), "--output", str(out),
                   "--server-root", "/var/www/dvk", "--server-name", "dienhinh.example.vn", cwd=REPO)
    assert done.returncode == 0, done.stderr
    text = (out / nginx.SITE_FILE).read_text(encoding="utf-8")
    assert 'root "/var/www/dvk";' in text and "server_name dienhinh.example.vn;" in text
    assert "error_page 404 /404.html;" in text
    assert f"include {nginx.SITE_FILE};" in (out / nginx.MAIN_FILE).read_text(encoding="utf-8")
    assert "địa chỉ cũ chuyển hướng 301" in done.stderr
    assert read_site(served_site.root).variants == served_site.variants


@pytest.mark.parametrize(("lang", "words"), [("vi", "chưa có trang đã dựng"), ("en", "no built site here")])
def test_nginx_config_without_a_built_site_says_so_without_a_traceback(tmp_path: Path, lang: str,
                                                                       words: str) -> None:
    done = run_dvk("--lang", lang, "nginx-config", "--site-dir", str(tmp_path / "site"),
                   "--output", str(tmp_path / "conf"), cwd=REPO)
    assert done.returncode == 1
    assert words in done.stderr and "dvk build" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_server_name_nginx_would_read_as_syntax_is_refused(served_site: BuiltSite, tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "dvk", "nginx-config", "--site-dir", str(served_site.root),
                           "--output", str(tmp_path), "--server-name", "x; include /etc/passwd"],
                          cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 1
    assert "không ghi được 'x; include /etc/passwd' vào cấu hình nginx" in done.stderr
    assert not (tmp_path / nginx.SITE_FILE).exists()

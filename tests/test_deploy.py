"""`dvk deploy`: only the files whose bytes changed travel, to a folder or an rsync daemon on
127.0.0.1 by rsync, and to S3-compatible storage (moto's server on 127.0.0.1), stored with the
same types, encodings and cache lifetimes nginx serves; every refusal is a message, never a
traceback."""

from __future__ import annotations

import filecmp
import gzip
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO
from dvk.hosting import BuiltSite, Synced, deploy, prepared
from dvk.hosting.rules import IMMUTABLE, REVALIDATE
from dvk.hosting.s3 import MANIFEST
from served import free_port, need, rsync_daemon

BUCKET = "dvk-site"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
               "AWS_DEFAULT_REGION": "us-east-1"}


@pytest.fixture
def site(served_site: BuiltSite, tmp_path: Path) -> BuiltSite:
    """A copy of the served sample site that a test may change, as a new build would."""
    copy = tmp_path / "site"
    shutil.copytree(served_site.root, copy)
    return prepared(copy, REPO / ".cache")[0]


def rebuilt(site: BuiltSite, changed: str, removed: str) -> BuiltSite:
    """The site after a build in which one page changed and one file went away."""
    page = site.path(changed)
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", "<p>Đã sửa.</p></body>"), encoding="utf-8")
    site.path(removed).unlink()
    return prepared(site.root, REPO / ".cache")[0]


def same_tree(a: Path, b: Path) -> bool:
    def names(root: Path) -> set[str]:
        return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    return names(a) == names(b) and all(filecmp.cmp(a / n, b / n, shallow=False) for n in names(a))


def run_deploy(*args: str, env: dict[str, str] | None = None, lang: str = "vi") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dvk", "--lang", lang, "deploy", *args], cwd=REPO,
                          capture_output=True, text=True, timeout=300, env={**os.environ, **(env or {})})


# --- rsync --------------------------------------------------------------------------------------

def test_rsync_sends_everything_once_then_only_what_a_build_changed(site: BuiltSite, tmp_path: Path) -> None:
    need("rsync", "rsync")
    target = tmp_path / "www"
    first = deploy(site, str(target))
    assert first.sent == len(site.files) + len(site.variants) and first.deleted == 0
    assert same_tree(site.root, target)
    assert deploy(site, str(target)).sent == 0, "a build of the same input sends nothing"

    site = rebuilt(site, "gioi-thieu/index.html", "feed.xml")
    after = deploy(site, str(target))
    # the page and its two precompressed copies; the feed and its two copies are deleted
    assert (after.sent, after.deleted) == (3, 3)
    assert same_tree(site.root, target)
    assert "Đã sửa." in (target / "gioi-thieu/index.html").read_text(encoding="utf-8")


def test_a_dry_run_says_what_it_would_send_and_sends_nothing(served_site: BuiltSite, tmp_path: Path) -> None:
    need("rsync", "rsync")
    target = tmp_path / "www"
    target.mkdir()
    done = deploy(served_site, str(target), dry_run=True)
    assert done.sent == len(served_site.files) + len(served_site.variants)
    assert not any(target.iterdir())
    assert done.line().startswith("Sẽ gửi") and done.line("en").startswith("Would send")


def test_rsync_sends_to_an_rsync_daemon(site: BuiltSite, tmp_path: Path) -> None:
    module = tmp_path / "module"
    module.mkdir()
    work = tmp_path / "daemon"
    work.mkdir()
    with rsync_daemon(module, work) as address:
        done = run_deploy(address, "--site-dir", str(site.root))
        assert done.returncode == 0, done.stderr
        assert "Đã gửi" in done.stderr and "Traceback" not in done.stderr
        assert same_tree(site.root, module)
        again = run_deploy(address, "--site-dir", str(site.root))
        assert "Đã gửi 0 tệp" in again.stderr


def test_an_unreachable_rsync_daemon_is_a_message(served_site: BuiltSite) -> None:
    need("rsync", "rsync")
    done = run_deploy(f"rsync://127.0.0.1:{free_port()}/site/", "--site-dir", str(served_site.root))
    assert done.returncode == 1
    assert "rsync dừng với mã" in done.stderr and "Traceback" not in done.stderr


def test_without_rsync_the_deploy_says_how_to_install_it(served_site: BuiltSite, tmp_path: Path) -> None:
    done = run_deploy(str(tmp_path / "www"), "--site-dir", str(served_site.root), env={"PATH": str(tmp_path)},
                      lang="en")
    assert done.returncode == 1
    assert "no rsync command" in done.stderr and "apt-get install rsync" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_target_of_another_kind_is_a_message(served_site: BuiltSite) -> None:
    done = run_deploy("https://example.vn/site/", "--site-dir", str(served_site.root))
    assert done.returncode == 1
    assert "không hiểu đích gửi 'https://example.vn/site/'" in done.stderr


# --- S3 -----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    """moto's S3 server on 127.0.0.1 and a free port."""
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


@pytest.fixture
def bucket(s3_endpoint: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Any:
    """A new, empty bucket (and the credentials to reach it, in the environment)."""
    import boto3

    for name, value in CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    client = boto3.client("s3", endpoint_url=s3_endpoint)
    name = f"{BUCKET}-{len(client.list_buckets()['Buckets'])}"
    client.create_bucket(Bucket=name)
    return client, name


def keys(client: Any, bucket: str) -> set[str]:
    pages = client.get_paginator("list_objects_v2").paginate(Bucket=bucket)
    return {item["Key"] for page in pages for item in page.get("Contents", [])}


@pytest.fixture(scope="module")
def deployed(served_site: BuiltSite, s3_endpoint: str) -> Iterator[tuple[Any, str, Synced]]:
    """The sample site deployed once into a bucket of its own: the client, the bucket, what was sent."""
    import boto3

    with pytest.MonkeyPatch.context() as env:
        for variable, value in CREDENTIALS.items():
            env.setenv(variable, value)
        client = boto3.client("s3", endpoint_url=s3_endpoint)
        client.create_bucket(Bucket=BUCKET)
        yield client, BUCKET, deploy(served_site, f"s3://{BUCKET}/", s3_endpoint)


def test_s3_stores_each_file_as_nginx_serves_it(served_site: BuiltSite, deployed: tuple[Any, str, Synced]) -> None:
    client, name, done = deployed
    assert done.sent == len(served_site.files)
    assert keys(client, name) == {*served_site.files, MANIFEST}, "one object per file: the copies are its encodings"

    page = client.get_object(Bucket=name, Key="dien-hinh/index.html")
    assert page["ContentType"] == "text/html; charset=utf-8"
    assert page["ContentEncoding"] == "gzip"
    assert page["CacheControl"] == REVALIDATE
    assert gzip.decompress(page["Body"].read()) == served_site.path("dien-hinh/index.html").read_bytes()

    bundle = next(n for n in served_site.files if n.startswith("assets/javascripts/bundle."))
    assert client.head_object(Bucket=name, Key=bundle)["CacheControl"] == IMMUTABLE
    photo = next(n for n in served_site.files if n.endswith(".webp"))
    stored = client.get_object(Bucket=name, Key=photo)
    assert stored["ContentType"] == "image/webp" and "ContentEncoding" not in stored
    assert stored["Body"].read() == served_site.path(photo).read_bytes()


def test_s3_answers_an_old_address_with_a_redirect(served_site: BuiltSite,
                                                   deployed: tuple[Any, str, Synced]) -> None:
    client, name, _ = deployed
    old = [address for address in served_site.redirects if address.endswith("/index.html")]
    assert old
    for address in old:
        stored = client.head_object(Bucket=name, Key=address.lstrip("/"))
        assert stored["WebsiteRedirectLocation"] == served_site.redirects[address]


def test_s3_sends_again_only_what_a_build_changed_and_deletes_what_it_removed(
        site: BuiltSite, bucket: Any, s3_endpoint: str) -> None:
    client, name = bucket
    target = f"s3://{name}/dvk/"
    deploy(site, target, s3_endpoint)
    assert deploy(site, target, s3_endpoint).sent == 0, "a build of the same input sends nothing"

    site = rebuilt(site, "gioi-thieu/index.html", "feed.xml")
    after = deploy(site, target, s3_endpoint)
    assert (after.sent, after.deleted) == (1, 1)
    assert keys(client, name) == {f"dvk/{n}" for n in (*site.files, MANIFEST)}
    page = client.get_object(Bucket=name, Key="dvk/gioi-thieu/index.html")["Body"].read()
    assert "Đã sửa." in gzip.decompress(page).decode("utf-8")


def test_a_dry_run_to_s3_stores_nothing(served_site: BuiltSite, bucket: Any, s3_endpoint: str) -> None:
    client, name = bucket
    assert deploy(served_site, f"s3://{name}/", s3_endpoint, dry_run=True).sent == len(served_site.files)
    assert keys(client, name) == set()


def test_a_missing_bucket_is_a_message(served_site: BuiltSite, s3_endpoint: str) -> None:
    done = run_deploy("s3://khong-co-bucket-nay/", "--endpoint-url", s3_endpoint, "--site-dir", str(served_site.root),
                      env=CREDENTIALS)
    assert done.returncode == 1
    assert "không có bucket 'khong-co-bucket-nay'" in done.stderr and "Traceback" not in done.stderr


def test_no_credentials_is_a_message(served_site: BuiltSite, s3_endpoint: str, tmp_path: Path) -> None:
    bare = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    bare.update(AWS_SHARED_CREDENTIALS_FILE=str(tmp_path / "none"), AWS_CONFIG_FILE=str(tmp_path / "none"),
                AWS_EC2_METADATA_DISABLED="true")
    done = subprocess.run([sys.executable, "-m", "dvk", "--lang", "en", "deploy", f"s3://{BUCKET}/",
                           "--endpoint-url", s3_endpoint, "--site-dir", str(served_site.root)],
                          cwd=REPO, capture_output=True, text=True, timeout=300, env=bare)
    assert done.returncode == 1
    assert "no access key" in done.stderr and "AWS_ACCESS_KEY_ID" in done.stderr
    assert "Traceback" not in done.stderr


def test_an_unreachable_endpoint_is_a_message(served_site: BuiltSite) -> None:
    done = run_deploy(f"s3://{BUCKET}/", "--endpoint-url", f"http://127.0.0.1:{free_port()}",
                      "--site-dir", str(served_site.root), env=CREDENTIALS)
    assert done.returncode == 1
    assert "không kết nối được tới kho S3" in done.stderr and "Traceback" not in done.stderr

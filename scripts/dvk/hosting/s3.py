"""Deploying to S3-compatible object storage (behind a CDN): only the objects whose bytes changed.

Object storage cannot compare a file's content cheaply, so the bucket keeps a manifest beside
the site (`.dvk-manifest.json`): each key with the sha256 of what was uploaded there and of the
headers it was stored with. A deploy uploads the keys whose entry differs, deletes the keys the
site no longer has, and writes the new manifest last (after a failure the old manifest stands,
and the next deploy sends again whatever it does not vouch for).

Each object is stored as `rules.py` says a file is served: its Content-Type (charset for text),
its Cache-Control, and for text the gzip copy with `Content-Encoding: gzip` (storage cannot choose
an encoding per request, and every browser reads gzip). A redirect page is also stored with
`x-amz-website-redirect-location`, so the bucket's website endpoint answers 301 as nginx does.
The security headers are the CDN's to add (a response-headers policy): storage keeps none.

Credentials, region and endpoint come from the environment as for any AWS tool
(AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_DEFAULT_REGION, AWS_ENDPOINT_URL, ~/.aws/), or
`--endpoint-url` for storage that is not Amazon's.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from .outcomes import HostingError, Synced
from .rules import DEFAULT_TYPE, cache_control, file_type
from .tree import BuiltSite

MANIFEST = ".dvk-manifest.json"
THREADS = 8  # uploads in flight: object storage answers each request slowly, and in parallel
_BATCH = 1000  # keys one DeleteObjects request may name

T = TypeVar("T")


@dataclass(frozen=True)
class Upload:
    """One object as it is stored: its key, the file whose bytes it holds, and its headers."""

    key: str
    body: Path
    headers: dict[str, str]  # boto3's names: ContentType, CacheControl, …

    def fingerprint(self) -> str:
        """What the manifest keeps: the body's sha256 and the headers, so a change of either
        (a page edited, a cache rule changed) sends the object again."""
        with self.body.open("rb") as stream:
            digest = hashlib.file_digest(stream, "sha256").hexdigest()
        return f"{digest} {json.dumps(self.headers, sort_keys=True)}"


def uploads(site: BuiltSite, prefix: str = "") -> list[Upload]:
    """Every object of the site, as `rules.py` says its file is served."""
    found = []
    copies = set(site.variants)
    for name in site.files:
        kind = file_type(name)
        headers = {"ContentType": kind.content_type if kind else DEFAULT_TYPE, "CacheControl": cache_control(name)}
        body = site.path(name)
        if f"{name}.gz" in copies:
            body = site.path(f"{name}.gz")
            headers["ContentEncoding"] = "gzip"
        moved = site.redirects.get("/" + name)
        if moved is not None:
            headers["WebsiteRedirectLocation"] = moved
        found.append(Upload(prefix + name, body, headers))
    return found


def parse_target(target: str) -> tuple[str, str]:
    """`s3://bucket/folder/` → ("bucket", "folder/")."""
    parts = urlsplit(target)
    if parts.scheme != "s3" or not parts.netloc:
        raise HostingError("host.target", target, target=target)
    prefix = parts.path.strip("/")
    return parts.netloc, f"{prefix}/" if prefix else ""


def deploy(site: BuiltSite, target: str, endpoint_url: str | None = None, dry_run: bool = False,
           client: Any = None) -> Synced:
    bucket, prefix = parse_target(target)
    where = endpoint_url or target
    with _answers(where, bucket):
        client = client or _client(endpoint_url)
        before = _manifest(client, bucket, prefix)
        objects = uploads(site, prefix)
        now = {upload.key: upload.fingerprint() for upload in objects}
        changed = [upload for upload in objects if before.get(upload.key) != now[upload.key]]
        gone = sorted(set(before) - set(now))
        if not dry_run:
            _each(lambda upload: _put(client, bucket, upload), changed)
            for start in range(0, len(gone), _BATCH):
                client.delete_objects(Bucket=bucket, Delete={
                    "Objects": [{"Key": key} for key in gone[start:start + _BATCH]], "Quiet": True})
            client.put_object(Bucket=bucket, Key=prefix + MANIFEST, ContentType="application/json",
                              CacheControl="no-store", Body=json.dumps(
                                  {"version": 1, "objects": now}, indent=0, sort_keys=True).encode("utf-8"))
    return Synced(len(changed), len(gone), len(objects), dry_run)


def _client(endpoint_url: str | None) -> Any:
    try:
        import boto3
        from botocore.config import Config
    except ImportError:
        raise HostingError("host.s3_library", "boto3") from None
    config = Config(retries={"max_attempts": 3, "mode": "standard"}, connect_timeout=10, read_timeout=60)
    return boto3.client("s3", endpoint_url=endpoint_url, config=config)


def _manifest(client: Any, bucket: str, prefix: str) -> dict[str, str]:
    """The keys the last deploy stored and what it stored there; none before the first."""
    from botocore.exceptions import ClientError

    try:
        body = client.get_object(Bucket=bucket, Key=prefix + MANIFEST)["Body"].read()
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
            return {}
        raise
    try:
        objects = json.loads(body)["objects"]
    except (ValueError, KeyError, TypeError):
        return {}  # an unreadable manifest vouches for nothing: every object is sent again
    return {str(k): str(v) for k, v in objects.items()} if isinstance(objects, dict) else {}


def _put(client: Any, bucket: str, upload: Upload) -> None:
    client.put_object(Bucket=bucket, Key=upload.key, Body=upload.body.read_bytes(), **upload.headers)


def _each(work: Callable[[T], None], items: list[T]) -> None:
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        for _ in pool.map(work, items):
            pass


@contextmanager
def _answers(where: str, bucket: str) -> Iterator[None]:
    """The storage's refusals as catalogue messages."""
    try:
        from botocore.exceptions import (
            BotoCoreError,
            ClientError,
            EndpointConnectionError,
            NoCredentialsError,
            PartialCredentialsError,
        )
    except ImportError:
        raise HostingError("host.s3_library", "boto3") from None
    try:
        yield
    except (NoCredentialsError, PartialCredentialsError):
        raise HostingError("host.s3_credentials", where) from None
    except EndpointConnectionError as error:
        raise HostingError("host.s3_unreachable", where, reason=str(error)) from None
    except ClientError as error:
        code = error.response.get("Error", {}).get("Code", "?")
        if code == "NoSuchBucket":
            raise HostingError("host.s3_bucket", where, bucket=bucket) from None
        if code in ("InvalidAccessKeyId", "SignatureDoesNotMatch", "AccessDenied", "403", "Forbidden"):
            raise HostingError("host.s3_denied", where, reason=code, bucket=bucket) from None
        raise HostingError("host.s3_failed", where, reason=code) from None
    except BotoCoreError as error:  # timeouts, a connection closed midway, a malformed endpoint
        raise HostingError("host.s3_unreachable", where, reason=str(error)) from None

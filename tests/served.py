"""Real servers on 127.0.0.1 for the hosting tests: Debian's nginx with the configuration
`dvk nginx-config` writes, an rsync daemon, and plain HTTP requests that follow no redirect."""

from __future__ import annotations

import contextlib
import getpass
import http.client
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from dvk.hosting import BuiltSite, nginx

HOST = "127.0.0.1"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
STARTUP = 20.0  # seconds a server may take to accept connections before the test fails


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


def need(program: str, package: str) -> str:
    """The program's path; without it, CI fails (it must install the package) and a developer skips."""
    found = shutil.which(program) or (program if Path(program).is_file() else None)
    if found is None:
        message = f"no {program}: install it with `apt-get install {package}` (.ci/run does)"
        if in_ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _wait_for(port: int, process: subprocess.Popen[bytes], logs: list[Path]) -> None:
    deadline = time.monotonic() + STARTUP
    while time.monotonic() < deadline:
        if process.poll() is not None:
            said = "\n".join(log.read_text(errors="replace") for log in logs if log.is_file())
            raise AssertionError(f"the server stopped at start:\n{said}")
        with contextlib.suppress(OSError), socket.create_connection((HOST, port), timeout=1):
            return
        time.sleep(0.1)
    raise AssertionError(f"the server did not answer on port {port} within {STARTUP} s")


@contextlib.contextmanager
def _running(command: list[str], port: int, work: Path, logs: list[Path]) -> Iterator[None]:
    """`command` running until the block ends; what it printed goes to work/output.log."""
    output = work / "output.log"
    with output.open("wb") as stream:
        process = subprocess.Popen(command, stdout=stream, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        _wait_for(port, process, [output, *logs])
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def nginx_serving(site: BuiltSite, prefix: Path) -> Iterator[str]:
    """nginx serving `site` on a free port of 127.0.0.1, in the foreground of a process of its own
    (pid, logs, temporary files under `prefix`); yields the base URL, without its final slash."""
    binary = need(NGINX, "nginx")
    port = free_port()
    nginx.write(prefix, site, nginx.Server(site.root, f"{HOST}:{port}"))
    test = subprocess.run([binary, "-t", "-p", str(prefix), "-c", nginx.MAIN_FILE, "-e", "logs/error.log"],
                          capture_output=True, text=True)
    assert test.returncode == 0, test.stderr
    command = [binary, "-p", str(prefix), "-c", nginx.MAIN_FILE, "-e", "logs/error.log", "-g", "daemon off;"]
    with _running(command, port, prefix, [prefix / "logs" / "error.log"]):
        yield f"http://{HOST}:{port}"


@contextlib.contextmanager
def rsync_daemon(folder: Path, work: Path) -> Iterator[str]:
    """An rsync daemon on a free port of 127.0.0.1 with one writable module over `folder`;
    yields the module's address (rsync://127.0.0.1:PORT/site/)."""
    binary = need("rsync", "rsync")
    port = free_port()
    user = getpass.getuser()
    config = work / "rsyncd.conf"
    config.write_text(f"pid file = {work / 'rsyncd.pid'}\nuse chroot = no\nuid = {user}\ngid = {user}\n"
                      f"[site]\n    path = {folder}\n    read only = no\n", encoding="utf-8")
    command = [binary, "--daemon", "--no-detach", f"--address={HOST}", f"--port={port}",
               f"--config={config}", f"--log-file={work / 'rsyncd.log'}"]
    with _running(command, port, work, [work / "rsyncd.log"]):
        yield f"rsync://{HOST}:{port}/site/"


@dataclass(frozen=True)
class Answer:
    status: int
    headers: dict[str, str]  # names in lower case
    body: bytes

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


def request(base: str, path: str, method: str = "GET", **headers: str) -> Answer:
    """One request as a plain HTTP client sends it: no redirect followed, nothing decompressed."""
    address = base.removeprefix("http://")
    host, port = address.split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    try:
        connection.request(method, path, headers={name.replace("_", "-"): value for name, value in headers.items()})
        response = connection.getresponse()
        return Answer(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
    finally:
        connection.close()

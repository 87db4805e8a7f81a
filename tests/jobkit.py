"""Helpers for the jobs tests: a real Redis on loopback, real `serve` and `worker` processes,
polling a job to its end, and the loopback webhook receiver.

Redis: ``LLM_EXTRACT_TEST_REDIS_URL`` (exported by .ci/run, which starts Debian's
redis-server) or, when unset, a private redis-server this module starts on a free port;
the distributed tests skip, saying why, only when neither is possible.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx

from tests.servicekit import KEY, auth

REDIS_ENV = "LLM_EXTRACT_TEST_REDIS_URL"
OTHER_KEY = "test_other_Xr3vQ8mKp2LwN7dYc5HfJz1TgB6sEa9UoVi4"  # passes the env key entropy rule


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _ping(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=2).ping())
    except Exception:
        return False


@contextmanager
def redis_server() -> Iterator[str | None]:
    """A Redis URL (db 0, flushed by the caller), or None with the reason printed."""
    url = os.environ.get(REDIS_ENV)
    if url:
        yield url if _ping(url) else None
        return
    binary = shutil.which("redis-server")
    if binary is None:
        yield None
        return
    port = free_port()
    workdir = tempfile.mkdtemp(prefix="llm-extract-redis-")
    proc = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", workdir],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    try:
        deadline = time.monotonic() + 10
        while not _ping(url):
            if proc.poll() is not None or time.monotonic() > deadline:
                yield None
                return
            time.sleep(0.05)
        yield url
    finally:
        proc.terminate()
        proc.wait(10)
        shutil.rmtree(workdir, ignore_errors=True)


def wait_job(base: str, job_id: str, *, key: str = KEY, timeout: float = 60.0) -> dict[str, Any]:
    """Poll the job until it is done or failed (bounded)."""
    deadline = time.monotonic() + timeout
    while True:
        body: dict[str, Any] = httpx.get(f"{base}/v1/jobs/{job_id}", headers=auth(key), timeout=10).json()
        if body.get("status") in ("done", "failed"):
            return body
        if time.monotonic() > deadline:
            raise AssertionError(f"job {job_id} did not finish in {timeout} s: {body.get('counts')}")
        time.sleep(0.05)


def results(base: str, job_id: str, key: str = KEY) -> list[dict[str, Any]]:
    response = httpx.get(f"{base}/v1/jobs/{job_id}/results", headers=auth(key), timeout=30)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/jsonl")
    return [json.loads(line) for line in response.text.splitlines()]


def as_cli_bytes(result: dict[str, Any]) -> str:
    """The CLI's document from a results line (its ``result`` is that document on one line)."""
    return json.dumps(result, indent=2, ensure_ascii=False) + "\n"


def child_env(tmp: Path, **extra: str) -> dict[str, str]:
    """An environment for `serve`/`worker` children: none of the caller's LLM_EXTRACT_* settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LLM_EXTRACT_", "OPENAI_"))}
    env.update(
        LLM_EXTRACT_API_KEYS=f"{KEY},{OTHER_KEY}",
        LLM_EXTRACT_KEYS_FILE=str(tmp / "keys.json"),
        LLM_EXTRACT_CACHE_DIR=str(tmp / "cache"),
        LLM_EXTRACT_RATE_LIMIT="100000",
        LLM_EXTRACT_RATE_BURST="100000",
    )
    env.update(extra)
    return env


class Child:
    """A `llm-extract` subprocess (stdout/stderr to a file), stopped at the end of the block."""

    def __init__(self, args: list[str], env: Mapping[str, str], log: Path) -> None:
        self.log = log
        self._out = log.open("ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "llm_extract.cli", *args], env=dict(env), stdout=self._out, stderr=self._out
        )

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def stop(self, timeout: float = 20.0) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self._out.close()
        return int(self.proc.returncode)


def serve(tmp: Path, env: Mapping[str, str], port: int | None = None, name: str = "api") -> tuple[Child, str]:
    """`llm-extract serve` on a free port; returns once /v1/healthz answers."""
    port = port or free_port()
    child = Child(["serve", "--port", str(port)], env, tmp / f"{name}.log")
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(base + "/v1/healthz", timeout=1).status_code == 200:
                return child, base
        except httpx.HTTPError:
            pass
        if child.proc.poll() is not None or time.monotonic() > deadline:
            child.stop()
            raise AssertionError(f"serve did not start: {child.log.read_text()[-2000:]}")
        time.sleep(0.1)


class Receiver:
    """A loopback webhook receiver: answers each POST with the next scripted status (then 200)."""

    def __init__(self, statuses: list[int]) -> None:
        self.statuses = list(statuses)
        self.received: list[tuple[dict[str, str], bytes, int]] = []
        self.delivered = threading.Event()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                status = outer.statuses.pop(0) if outer.statuses else 200
                outer.received.append(({k.lower(): v for k, v in self.headers.items()}, body, status))
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()
                if status == 200:
                    outer.delivered.set()

            def log_message(self, *args: Any) -> None:
                return None

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def __enter__(self) -> Receiver:
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def job_app(
    tmp: Path,
    *,
    jobs: Any = None,
    backends: Mapping[str, Any] | None = None,
    llm_settings: Any = None,
    **overrides: Any,
) -> Any:
    """An app with the jobs API (embedded unless ``jobs.queue_url``) and two clients' keys."""
    from pydantic import SecretStr

    from llm_extract.backends.rules import RulesBackend
    from llm_extract.jobs.settings import JobSettings
    from llm_extract.llm.settings import LlmSettings
    from llm_extract.service.app import create_app
    from llm_extract.service.keys import KeyStore
    from llm_extract.service.settings import ServiceSettings
    from tests.servicekit import provider_of

    settings = ServiceSettings(
        cache_dir=tmp / "cache",
        keys_file=tmp / "keys.json",
        api_keys=(SecretStr(KEY), SecretStr(OTHER_KEY)),
        **{"default_backend": "rules", **overrides},
    )
    return create_app(
        settings,
        provider=provider_of(backends or {"rules": RulesBackend()}),
        keys=KeyStore(settings.keys_file, settings.api_keys),
        llm_settings=llm_settings or LlmSettings(),
        jobs=jobs or JobSettings(data_dir=tmp / "jobs", webhook_backoff=0.05),
    )

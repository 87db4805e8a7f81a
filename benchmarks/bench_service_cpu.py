"""CPU per request of the service app itself, without HTTP: what a cache hit costs the handler side.

Drives the ASGI app in-process (the middleware, routing, authentication, rate limit, cache and
access log of a real ``create_app``; no sockets, no HTTP parser) and prints CPU microseconds per
request, the median of ``--runs`` runs, for a cached ``POST /v1/extractions`` (with and without
a query string, which take different routes through the handler) and ``GET /v1/healthz``. With
``--redis URL`` the cache, rate limit and revocations are shared through that Redis, as under
``serve --workers N``; without it they are this process's. CPU time holds on a busy machine
where wrk's requests/second (benchmarks/http_load.sh) does not, so this is the figure to compare
before and after a change to the service's per-request work.

    .venv/bin/python benchmarks/bench_service_cpu.py [--requests 3000] [--runs 5] [--redis redis://127.0.0.1:6379/0]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pydantic import SecretStr  # noqa: E402

from llm_extract.jobs.settings import load_job_settings  # noqa: E402
from llm_extract.service.app import create_app  # noqa: E402
from llm_extract.service.logs import configure_json_logging  # noqa: E402
from llm_extract.service.settings import ServiceSettings  # noqa: E402

KEY = "bench_" + "Q1BVIHBlciByZXF1ZXN0IG9mIHRoZSBzZXJ2aWNl"  # passes the env key entropy rule
CORPUS = REPO.parent / "shared" / "corpus" / "dwc-2016" / "text"
SEED = REPO / "examples" / "letters" / "seed-001.txt"

App = Callable[
    [dict[str, Any], Callable[[], Awaitable[dict[str, Any]]], Callable[[Any], Awaitable[None]]], Awaitable[None]
]


def scope_for(method: str, path: str, query: bytes, body: bytes) -> dict[str, Any]:
    headers = [
        (b"host", b"127.0.0.1"),
        (b"authorization", b"Bearer " + KEY.encode()),
        (b"content-type", b"text/plain"),
        (b"content-length", str(len(body)).encode()),
    ]
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query,
        "root_path": "",
        "headers": headers,
        "client": ("127.0.0.1", 40000),
        "server": ("127.0.0.1", 8000),
    }


async def request(app: App, scope: dict[str, Any], body: bytes) -> int:
    status = 0
    sent = False

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        await asyncio.Event().wait()  # the client never disconnects
        raise AssertionError

    async def send(message: Any) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app({**scope, "state": {}}, receive, send)
    return status


async def cpu_per_request(app: App, scope: dict[str, Any], body: bytes, count: int, concurrency: int = 8) -> float:
    """CPU microseconds per request, ``concurrency`` requests in flight (as wrk's connections are)."""
    statuses: list[int] = []

    async def client(n: int) -> None:
        for _ in range(n):
            statuses.append(await request(app, scope, body))

    started = time.process_time()
    await asyncio.gather(*(client(count // concurrency) for _ in range(concurrency)))
    spent = time.process_time() - started
    if set(statuses) != {200}:
        raise SystemExit(f"unexpected answers: {sorted(set(statuses))}")
    return spent * 1e6 / len(statuses)


async def measure(args: argparse.Namespace, folder: Path) -> None:
    settings = ServiceSettings(
        api_keys=(SecretStr(KEY),),
        keys_file=folder / "keys.json",
        cache_dir=folder / "cache",
        rate_limit=1e9,  # enforced (its cost is measured), never binding
        rate_burst=1_000_000,
    )
    jobs = load_job_settings({}, queue_url=args.redis) if args.redis else load_job_settings({}, data_dir=folder)
    app = create_app(settings, jobs=jobs)
    configure_json_logging()
    sink = open(os.devnull, "w")  # noqa: SIM115 - the access log's writes are part of the cost
    for handler in logging.getLogger("llm_extract").handlers:
        if isinstance(handler, logging.StreamHandler):
            handler.setStream(sink)
    letters = sorted(CORPUS.glob("*.txt")) or [SEED]
    letter = letters[0].read_bytes()
    cases = {
        "cached POST /v1/extractions": ("POST", "/v1/extractions", b"", letter),
        "cached POST /v1/extractions?lang=en": ("POST", "/v1/extractions", b"lang=en", letter),
        "GET /v1/healthz": ("GET", "/v1/healthz", b"", b""),
    }
    async with app.router.lifespan_context(app):
        for name, (method, path, query, body) in cases.items():
            scope = scope_for(method, path, query, body)
            await cpu_per_request(app, scope, body, 200)  # fills the cache, warms everything up
            runs = [await cpu_per_request(app, scope, body, args.requests) for _ in range(args.runs)]
            each = ", ".join(f"{r:.0f}" for r in runs)
            print(f"{name:40s} {statistics.median(runs):7.0f} us CPU/request (runs: {each})")
    sink.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000, help="requests per run")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--redis", help="share cache, limits and revocations through this Redis (redis://...)")
    args = parser.parse_args()
    shared = "Redis " + args.redis if args.redis else "this process"
    print(f"shared state: {shared}; {args.requests} requests x {args.runs} runs")
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(measure(args, Path(folder)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

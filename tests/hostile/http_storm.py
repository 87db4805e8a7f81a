"""A stream of hostile HTTP traffic against a loopback server, with /v1/healthz polled throughout.

Used by ``tests/hostile/test_http_health.py`` (a short run) and
``benchmarks/bench_hostile_http.py`` (a longer one that prints the figures). Each
attacker loops over invented abuse: malformed bytes, invalid keys (soon throttled),
half-sent heads left hanging (slowloris), oversized and never-finished bodies,
invalid JSON, and, with ``letters=True``, hostile letters (runs of spaces, one long
word, many fake item headings) sent for extraction with a valid key. One poller asks
``/v1/healthz`` every ``poll_every`` seconds on its own connection and records latency.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from tests.pdfkit import letter_pdf, save_state_bomb

REPO = Path(__file__).resolve().parents[2]

MALFORMED = [
    b"HELLO\r\n\r\n",
    b"GET /v1/healthz HTTP/1.1\r\nBroken header\r\n\r\n",
    b"GET /v1/\x00 HTTP/1.1\r\nHost: x\r\n\r\n",
    b"POST /v1/extractions HTTP/1.1\r\nHost: x\r\nContent-Length: ten\r\n\r\n",
    b"POST /v1/extractions HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    b"GET /v1/healthz HTTP/1.1\r\nHost: x\r\nX-Pad: " + b"a" * 40_000,
    bytes(range(256)),
]


def rotated_pdf() -> bytes:
    """A real-shaped letter as a PDF (the attack mixes bombs with PDFs that must still be read)."""
    seed = (REPO / "examples" / "letters" / "seed-000.txt").read_text(encoding="utf-8")
    return letter_pdf(seed)


def hostile_letters() -> list[str]:
    """The shapes that froze the parser (issue 14, finding 2), planted in a public seed letter:
    a run of spaces in the decisions section, one very long word in a rationale, fake items."""
    seed = (REPO / "examples" / "letters" / "seed-000.txt").read_text(encoding="utf-8")
    anchor = "The Final Determination was based on decisions"
    rationale = "Decision rationale: "
    fake = "".join(f"FAKE ITEM {i}:  Overturned\nDecision rationale: x\n" for i in range(300))
    return [
        seed.replace(anchor, " " * 30_000 + anchor, 1),
        seed.replace(rationale, rationale + "a" * 40_000 + " ", 1),
        seed.replace(anchor, fake + anchor, 1),
    ]


@dataclass
class StormResult:
    polls: list[float] = field(default_factory=list)
    """Seconds each /v1/healthz answer took."""
    poll_failures: int = 0
    failures: Counter[str] = field(default_factory=Counter)
    attacks: Counter[str] = field(default_factory=Counter)
    answers: Counter[int] = field(default_factory=Counter)

    def p(self, q: float) -> float:
        ordered = sorted(self.polls)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("inf")

    def summary(self) -> str:
        ms = [x * 1000 for x in self.polls]
        return (
            f"healthz polls: {len(ms)} answered, {self.poll_failures} failed {dict(self.failures)}; "
            f"p50 {statistics.median(ms):.1f} ms, p99 {self.p(0.99) * 1000:.1f} ms, max {max(ms):.1f} ms | "
            f"hostile requests: {sum(self.attacks.values())} ({', '.join(f'{k} {v}' for k, v in sorted(self.attacks.items()))}); "  # noqa: E501
            f"answers by status: {dict(sorted(self.answers.items()))}"
        )


async def _raw(host: str, port: int, payload: bytes, hold: float = 0.0) -> int:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        writer.write(payload)
        await writer.drain()
        if hold:
            await asyncio.sleep(hold)
        data = await asyncio.wait_for(reader.read(4096), 30)
        return int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/1.1 ") else 0
    except (ConnectionError, TimeoutError, ValueError, IndexError):
        return 0
    finally:
        writer.close()


async def _attacker(base: str, key: str, rng: random.Random, until: float, result: StormResult, letters: bool) -> None:
    parts = urlsplit(base)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    kinds = ["malformed", "bad-key", "slowloris", "too-large", "bad-json", "stalled-body"]
    if letters:
        kinds += ["letter"] * 3 + ["pdf"] * 2
    bombs = hostile_letters()
    pdfs = [save_state_bomb(), rotated_pdf()] if letters else []
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        while time.monotonic() < until:
            kind = rng.choice(kinds)
            result.attacks[kind] += 1
            status = 0
            try:
                if kind == "malformed":
                    status = await _raw(host, port, rng.choice(MALFORMED))
                elif kind == "slowloris":
                    status = await _raw(host, port, b"GET /v1/healthz HTTP/1.1\r\nHost: x\r\n")
                elif kind == "stalled-body":
                    head = f"POST /v1/extractions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {key}\r\n"
                    status = await _raw(host, port, head.encode() + b"Content-Length: 100000\r\n\r\nabc")
                elif kind == "bad-key":
                    bad = {"Authorization": f"Bearer lxk_{rng.getrandbits(256):064x}"}
                    status = (await client.post("/v1/extractions", json={"text": "x"}, headers=bad)).status_code
                elif kind == "too-large":
                    headers = {"Authorization": f"Bearer {key}", "Content-Type": "text/plain"}
                    status = (await client.post("/v1/extractions", content=b"x" * 300_000, headers=headers)).status_code
                elif kind == "bad-json":
                    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
                    status = (await client.post("/v1/extractions", content=b'{"text": ', headers=headers)).status_code
                elif kind == "pdf":  # a PDFium memory bomb or a rotated letter, read in the bounded reader
                    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/pdf"}
                    pdf = rng.choice(pdfs)
                    status = (
                        await client.post("/v1/extractions?cache=false", content=pdf, headers=headers)
                    ).status_code
                else:
                    headers = {"Authorization": f"Bearer {key}"}
                    body = {"text": rng.choice(bombs)}
                    status = (await client.post("/v1/extractions?cache=false", json=body, headers=headers)).status_code
            except httpx.HTTPError:
                status = 0
            result.answers[status] += 1


async def _poller(base: str, until: float, every: float, result: StormResult) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=10) as client:
        while time.monotonic() < until:
            started = time.perf_counter()
            try:
                status = (await client.get("/v1/healthz")).status_code
                failure = None if status == 200 else f"HTTP {status}"
            except httpx.HTTPError as exc:
                failure = type(exc).__name__
            took = time.perf_counter() - started
            if failure is None:
                result.polls.append(took)
            else:
                result.poll_failures += 1
                result.failures[failure] += 1
            await asyncio.sleep(max(0.0, every - took))


@contextmanager
def serve_process(folder: Path, key: str, *flags: str, env: dict[str, str] | None = None) -> Iterator[str]:
    """``llm-extract serve`` in its own process (so the load generator cannot steal the server's GIL)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    extra = env or {}
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LLM_EXTRACT_", "OPENAI_"))}
    env |= extra
    env |= {
        "LLM_EXTRACT_API_KEYS": key,
        "LLM_EXTRACT_KEYS_FILE": str(folder / "keys.json"),
        "LLM_EXTRACT_CACHE_DIR": str(folder / "cache"),
    }
    cli = Path(sys.executable).with_name("llm-extract")
    command = [str(cli), "serve", "--port", str(port), *flags]
    log = folder / "serve.log"  # a file, not a pipe: a full pipe would block the server's logging
    with log.open("wb") as sink:
        proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=sink)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"serve exited: {log.read_text(errors='replace')[-500:]}")
            try:
                if httpx.get(base + "/v1/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _attack_process(base: str, key: str, seconds: float, attackers: int, letters: bool, out: Any) -> None:
    """The attackers, in their own process (so the poller's timings are not the load generator's)."""
    result = StormResult()
    until = time.monotonic() + seconds
    rng = random.Random(14)

    async def run() -> None:
        await asyncio.gather(
            *(_attacker(base, key, random.Random(rng.random()), until, result, letters) for _ in range(attackers))
        )

    asyncio.run(run())
    out.put((dict(result.attacks), dict(result.answers)))


def storm(
    base: str, key: str, *, seconds: float, attackers: int = 16, poll_every: float = 0.02, letters: bool = False
) -> StormResult:
    """Run ``attackers`` hostile clients (another process) and one healthz poller against ``base``."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_attack_process, args=(base, key, seconds, attackers, letters, queue))
    process.start()
    result = StormResult()
    try:
        asyncio.run(_poller(base, time.monotonic() + seconds, poll_every, result))
        attacks, answers = queue.get(timeout=seconds + 120)
    finally:
        process.join(30)
        if process.is_alive():
            process.kill()
    result.attacks.update(attacks)
    result.answers.update(answers)
    return result

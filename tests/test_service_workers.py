"""`llm-extract serve --workers N`: several processes on one port give the same answers as one.

A real `serve` subprocess on 127.0.0.1 (an ephemeral port); the settings given on the command
line must reach every worker process (here: the cache directory and a tight batch limit).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import redis

from llm_extract.backends.rules import RulesBackend
from llm_extract.engine.pipeline import Extractor, to_json
from llm_extract.letter.inputs import LetterInput
from tests.jobkit import redis_server
from tests.servicekit import SEEDS

KEY = "workers_test_R7kN2pXq9LmW4vTz8bYc3HdJ6sFg1QaE"  # passes the env key entropy rule


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    with redis_server() as redis_url:
        if redis_url is None:
            pytest.skip("no Redis server (Debian's redis-server): --workers N needs LLM_EXTRACT_QUEUE_URL")
        queue = redis_url.rsplit("/", 1)[0] + "/5"  # a database of its own on a shared test server
        redis.Redis.from_url(queue).flushdb()
        yield from _serve(tmp_path, queue)


def _serve(tmp_path: Path, queue: str) -> Iterator[tuple[str, Path]]:
    port = _free_port()
    cache_dir = tmp_path / "cache"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LLM_EXTRACT_", "OPENAI_"))}
    env.update(LLM_EXTRACT_API_KEYS=KEY, LLM_EXTRACT_KEYS_FILE=str(tmp_path / "keys.json"), LLM_EXTRACT_QUEUE_URL=queue)
    args = [sys.executable, "-m", "llm_extract.cli", "serve", "--port", str(port), "--workers", "2"]
    args += ["--cache-dir", str(cache_dir), "--max-batch", "2"]
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
            assert proc.poll() is None, proc.communicate()[1]
        yield url, cache_dir
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_every_worker_answers_with_the_cli_settings(server: tuple[str, Path]) -> None:
    url, _cache_dir = server
    headers = {"Authorization": f"Bearer {KEY}", "Content-Type": "text/plain"}
    expected = {
        seed: to_json(Extractor(RulesBackend()).extract(LetterInput(seed.name, seed.read_bytes())).extraction)
        for seed in SEEDS
    }
    hits = 0
    with httpx.Client(timeout=30) as client:  # new connections spread over the worker processes
        for _ in range(3):
            for seed, document in expected.items():
                answer = httpx.post(f"{url}/extractions", content=seed.read_bytes(), headers=headers, timeout=30)
                assert answer.status_code == 200, answer.text
                assert answer.text == document
                hits += answer.headers.get("X-Cache") == "hit"
        too_many = client.post(
            f"{url}/extractions/batch",
            files=[("files", (s.name, s.read_bytes(), "text/plain")) for s in SEEDS[:3]],
            headers={"Authorization": f"Bearer {KEY}"},
        )
    assert too_many.status_code == 413  # --max-batch 2 reached the worker that answered
    # The result cache is shared through Redis: after the first round every answer is a hit,
    # whichever process computed the letter.
    assert hits >= 2 * len(expected)


def test_several_workers_without_a_shared_queue_are_refused(tmp_path: Path) -> None:
    """The embedded job store belongs to one process: N processes on it could run a job twice."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LLM_EXTRACT_", "OPENAI_"))}
    env.update(LLM_EXTRACT_API_KEYS=KEY, LLM_EXTRACT_KEYS_FILE=str(tmp_path / "keys.json"))
    args = [sys.executable, "-m", "llm_extract.cli", "serve", "--port", str(_free_port()), "--workers", "2"]
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "LLM_EXTRACT_QUEUE_URL" in done.stderr and "Traceback" not in done.stderr

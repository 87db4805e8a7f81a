"""The jobs API as operators run it: real `llm-extract serve` processes, a slow LLM endpoint.

* An accepted job survives the server being killed (SIGKILL) before it ran: the restarted
  server finishes it, with exactly one result per letter.
* The 504 scenario of issue 13: a letter that times out synchronously behind a slow LLM
  endpoint completes through /v1/jobs, the client never holding a connection open.
* `serve` on a taken port exits 2 with a clear message.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from llm_extract.jobs.settings import JobSettings
from tests.faultserver import FaultServer
from tests.jobkit import as_cli_bytes, child_env, free_port, job_app, results, serve, wait_job
from tests.letterkit import simple
from tests.llm_support import backend, settings
from tests.servicekit import SEEDS, auth, expected_document, running

#: Enough letters that the server is still working when it is killed right after its 202: at
#: about 1.5 ms a one-item letter, 60 such letters were all done before the kill landed.
LETTERS = 1000  # the most a batch may hold


def test_an_accepted_job_survives_a_killed_server(tmp_path: Path) -> None:
    env = child_env(tmp_path, LLM_EXTRACT_JOB_WORKERS="1")
    texts = [simple(4 + i % 12).clean() + "\n" * (i // 4) for i in range(LETTERS)]
    letters = [{"id": f"c{i}", "text": t} for i, t in enumerate(texts)]
    port = free_port()
    first, base = serve(tmp_path, env, port, name="api-1")
    try:
        accepted = httpx.post(base + "/v1/jobs", json={"letters": letters}, headers=auth(), timeout=30)
        assert accepted.status_code == 202, accepted.text
        job_id = accepted.json()["id"]
    finally:
        first.kill()  # SIGKILL: no graceful shutdown, letters mid-run
    second, base = serve(tmp_path, env, port, name="api-2")
    try:
        before = httpx.get(f"{base}/v1/jobs/{job_id}", headers=auth()).json()
        final = wait_job(base, job_id, timeout=120)
        lines = results(base, job_id)
    finally:
        assert second.stop() in (0, -15)  # uvicorn re-raises SIGTERM after a graceful shutdown
    assert before["counts"]["done"] < LETTERS, "the job finished before the kill: the test proves nothing"
    assert final["status"] == "done" and final["counts"]["done"] == LETTERS
    assert [line["id"] for line in lines] == [f"c{i}" for i in range(LETTERS)]
    for line, text in zip(lines, texts, strict=True):
        assert as_cli_bytes(line["result"]) == expected_document(text.encode())
    log = (tmp_path / "api-2.log").read_text()
    records = [json.loads(line) for line in log.splitlines() if line.startswith("{")]
    assert records and all("ts" in r and "level" in r for r in records)
    assert "Independent Medical Review" not in log and "test-key" not in log, "letter text or keys in the log"


def test_a_letter_too_slow_for_a_request_completes_as_a_job(tmp_path: Path) -> None:
    seed = SEEDS[1].read_bytes()
    with FaultServer(latency=0.6, max_lifetime=60) as server:
        hybrid = backend("hybrid", settings(base_url=server.url, timeout=5.0))
        app = job_app(
            tmp_path,
            backends={"hybrid": hybrid},
            default_backend="hybrid",
            request_timeout=0.5,
            jobs=JobSettings(data_dir=tmp_path / "jobs"),
        )
        with running(app) as base, httpx.Client(base_url=base, headers=auth(), timeout=30) as client:
            sync = client.post("/v1/extractions", content=seed, headers={"Content-Type": "text/plain"})
            job = client.post("/v1/jobs", json={"letters": [{"id": "slow", "text": seed.decode()}], "cache": False})
            # Accepted before the work is done (the LLM answers only after 0.6 s per call).
            assert job.status_code == 202 and job.json()["status"] in ("queued", "running")
            final = wait_job(base, job.json()["id"], timeout=60)
            (line,) = results(base, job.json()["id"])
    assert sync.status_code == 504 and sync.json()["code"] == "extraction-timeout"
    assert final["status"] == "done" and final["backend"] == "hybrid"
    assert line["ok"] and line["id"] == "slow"
    assert line["result"]["provenance"]["backend"] == "hybrid"
    assert len(server.requests) >= 2, "the job did not call the LLM endpoint"


def test_serve_refuses_a_taken_port_with_exit_code_2(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        started = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-m", "llm_extract.cli", "serve", "--port", str(port)],
            env=child_env(tmp_path),
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 2
    assert f"port {port} on 127.0.0.1 is already in use" in done.stderr
    assert "--port" in done.stderr and "Traceback" not in done.stderr
    assert time.monotonic() - started < 30

"""Bounded loopback load test of the distributed deployment, with failures injected.

2 API processes and 3 worker processes on one real Redis; 300 letters in 10 jobs of
30 (seed letters and invented ones, the rules backend, cache off so every letter is
really extracted). Mid-run one worker is killed with SIGKILL and one API process is
restarted. Every letter must end with exactly one result, identical to the CLI's
document for its bytes. Prints letters/s, job latency p50/p95 and redeliveries (the
README quotes a run); asserts correctness only, never speed.
"""

from __future__ import annotations

import signal
import statistics
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import redis

from tests.jobkit import Child, as_cli_bytes, child_env, free_port, redis_server, results, serve
from tests.letterkit import simple
from tests.servicekit import SEEDS, auth, expected_document

JOBS, PER_JOB = 10, 30


@pytest.fixture
def redis_url() -> Iterator[str]:
    with redis_server() as url:
        if url is None:
            pytest.skip("no Redis: set LLM_EXTRACT_TEST_REDIS_URL or install redis-server (.ci/run does both)")
        redis.Redis.from_url(url).flushdb()
        yield url


def _texts() -> list[str]:
    # Letters of 150 to 300 items (about 30-60 ms each) keep a worker busy long enough that a kill
    # lands mid-letter: with 60-150 items (15-25 ms) both of a worker's threads were now and then
    # between letters at the kill, and nothing was redelivered (1 CI run in 6).
    bases = [p.read_text() for p in SEEDS] + [simple(n).clean() for n in (150, 200, 250, 300)]
    return [bases[i % len(bases)] + "\n" * (i // len(bases)) for i in range(JOBS * PER_JOB)]


def _finished_letters(base: str) -> int:
    """Letters finished across all jobs, from /metrics (one cheap request)."""
    for line in httpx.get(base + "/metrics", timeout=5).text.splitlines():
        if line.startswith("llm_extract_job_letters_total{"):
            total = float(line.rsplit(" ", 1)[1])
            if 'outcome="ok"' in line:
                return int(total)
    return 0


def _status(base: str, job_id: str) -> dict[str, object] | None:
    try:
        response = httpx.get(f"{base}/v1/jobs/{job_id}", headers=auth(), timeout=5)
    except httpx.HTTPError:
        return None  # that API process is restarting
    return response.json() if response.status_code == 200 else None


def _running(base: str, submitted: dict[str, tuple[float, str, int]]) -> set[tuple[str, int]]:
    """The letters some worker is extracting now, as (job id, index)."""
    found: set[tuple[str, int]] = set()
    for job_id in submitted:
        view = _status(base, job_id)
        for letter in view["letters"] if view else []:
            if letter["status"] == "running":
                found.add((job_id, letter["index"]))
    return found


def _frozen_mid_letter(worker: Child, base: str, submitted: dict[str, tuple[float, str, int]]) -> bool:
    """Freeze ``worker``; True (left frozen) when a letter still runs 0.8 s later, which only a
    frozen worker can be holding; else let it go on and return False. (0.8 s is below the
    2 s heartbeat timeout, so nothing is redelivered while it is only frozen.)"""
    worker.proc.send_signal(signal.SIGSTOP)
    before = _running(base, submitted)
    time.sleep(0.8)
    if before & _running(base, submitted):
        return True
    worker.proc.send_signal(signal.SIGCONT)
    time.sleep(0.03)
    return False


def test_300_letters_survive_a_killed_worker_and_a_restarted_api(
    redis_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    texts = _texts()
    expected = [expected_document(t.encode()) for t in texts]
    env = child_env(tmp_path, LLM_EXTRACT_QUEUE_URL=redis_url, LLM_EXTRACT_QUEUE_HEARTBEAT_TIMEOUT="2")
    port_b = free_port()
    api_a, a = serve(tmp_path, env, name="api-a")
    api_b, b = serve(tmp_path, env, port_b, name="api-b")
    children = [api_a, api_b]
    try:
        submitted: dict[str, tuple[float, str, int]] = {}
        started = time.monotonic()
        refused: list[str] = []

        def submit() -> None:
            for j in range(JOBS):
                letters = [{"id": f"j{j}-l{i}", "text": texts[j * PER_JOB + i]} for i in range(PER_JOB)]
                sent = time.monotonic()
                response = httpx.post(
                    (a, b)[j % 2] + "/v1/jobs",
                    json={"letters": letters, "cache": False},
                    headers={**auth(), "Idempotency-Key": f"load-{j}"},
                    timeout=30,
                )
                if response.status_code != 202:
                    refused.append(response.text)
                submitted[response.json()["id"]] = (sent, (a, b)[j % 2], j)

        # Every job is queued before the workers start, so when one is killed the queue still
        # holds a backlog and the killed worker holds letters (a fast letter would otherwise
        # let it sit idle between jobs, with nothing to redeliver).
        submit()
        assert not refused and len(submitted) == JOBS, refused
        workers = [Child(["worker", "--concurrency", "2"], env, tmp_path / f"worker-{n}.log") for n in range(3)]
        children += workers

        finished: dict[str, float] = {}
        deadline = time.monotonic() + 60
        # Kill worker 0 once it is consuming and the run is under way, at a moment it is
        # extracting a letter: frozen (SIGSTOP), a letter it holds stays "running" while the
        # other workers' letters (30-60 ms each) finish. Without this check both of its
        # threads were now and then between letters at the kill, and nothing was redelivered.
        while (killed_at := _finished_letters(a)) < 30 or b'"letter done"' not in workers[0].log.read_bytes():
            assert time.monotonic() < deadline, "the workers did not start"
            time.sleep(0.02)
        while not _frozen_mid_letter(workers[0], a, submitted):
            assert time.monotonic() < deadline, "worker 0 was never caught mid-letter"
        workers[0].kill()  # SIGKILL mid-letter: the letters it holds must be redelivered to the others
        api_b.stop()  # and one API process goes away and comes back while the jobs run
        api_b, b = serve(tmp_path, env, port_b, name="api-b2")
        children[1] = api_b
        deadline = time.monotonic() + 180
        while len(finished) < JOBS:
            assert time.monotonic() < deadline, f"only {len(finished)} of {JOBS} jobs finished"
            for job_id, (_, base, _) in submitted.items():
                view = _status(base if base == a else b, job_id)
                if view is not None and view["status"] in ("done", "failed") and job_id not in finished:
                    finished[job_id] = time.monotonic()
            time.sleep(0.05)
        elapsed = max(finished.values()) - started

        replay = httpx.post(
            b + "/v1/jobs",
            json={"letters": [{"id": f"j1-l{i}", "text": texts[PER_JOB + i]} for i in range(PER_JOB)], "cache": False},
            headers={**auth(), "Idempotency-Key": "load-1"},
            timeout=30,
        )
        redeliveries = sum(
            letter["attempts"] - 1
            for job_id in submitted
            for letter in httpx.get(f"{b}/v1/jobs/{job_id}", headers=auth()).json()["letters"]
        )
        metrics = httpx.get(a + "/metrics").text
        for job_id, (_, _, j) in submitted.items():
            lines = results((a, b)[j % 2], job_id)
            assert [line["id"] for line in lines] == [f"j{j}-l{i}" for i in range(PER_JOB)], "lost or duplicated"
            for i, line in enumerate(lines):
                assert line["ok"], line["error"]
                assert as_cli_bytes(line["result"]) == expected[j * PER_JOB + i], f"job {j} letter {i} differs"
    finally:
        for child in children:
            child.stop()
    assert killed_at < JOBS * PER_JOB * 0.8, "the worker was killed too late to matter"
    assert replay.status_code == 200 and replay.json()["id"] in submitted
    assert redeliveries >= 1, "the killed worker was not mid-letter: nothing was redelivered"
    assert f"llm_extract_job_redeliveries_total {float(redeliveries)}" in metrics
    assert 'llm_extract_job_letters_total{outcome="ok"} 300.0' in metrics, "a letter was counted twice"
    latencies = sorted(finished[job_id] - submitted[job_id][0] for job_id in submitted)
    p95 = latencies[min(len(latencies) - 1, round(0.95 * (len(latencies) - 1)))]
    with capsys.disabled():
        print(
            f"\n[jobs load] {JOBS * PER_JOB} letters in {JOBS} jobs, 2 API + 3 workers (x2 threads), "
            f"worker SIGKILLed after {killed_at} letters, one API restarted: "
            f"{JOBS * PER_JOB / elapsed:.1f} letters/s, job latency p50 {statistics.median(latencies):.1f} s "
            f"p95 {p95:.1f} s, {redeliveries} redelivered letter(s)"
        )

"""Distributed jobs against a real Redis: workers in their own processes, replicas sharing state.

Redis comes from .ci/run (LLM_EXTRACT_TEST_REDIS_URL) or is started here when Debian's
redis-server is installed; the tests skip, saying so, only when neither works.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import redis

from llm_extract.jobs.settings import JobSettings
from tests.jobkit import OTHER_KEY, Child, as_cli_bytes, child_env, job_app, redis_server, results, wait_job
from tests.servicekit import KEY, SEEDS, auth, expected_document, running


@pytest.fixture(scope="module")
def redis_base() -> Iterator[str]:
    with redis_server() as url:
        if url is None:
            pytest.skip("no Redis: set LLM_EXTRACT_TEST_REDIS_URL or install redis-server (.ci/run does both)")
        yield url


@pytest.fixture
def redis_url(redis_base: str) -> str:
    redis.Redis.from_url(redis_base).flushdb()
    return redis_base


def _jobs(url: str, tmp: Path) -> JobSettings:
    return JobSettings(queue_url=url, data_dir=tmp / "unused", heartbeat_timeout=2.0, webhook_backoff=0.05)


def test_workers_in_other_processes_run_the_jobs_an_api_replica_accepts(redis_url: str, tmp_path: Path) -> None:
    env = child_env(tmp_path, LLM_EXTRACT_QUEUE_URL=redis_url)
    worker = Child(["worker", "--concurrency", "2"], env, tmp_path / "worker.log")
    letters = [{"id": p.name, "text": p.read_text()} for p in SEEDS]
    try:
        with running(job_app(tmp_path, jobs=_jobs(redis_url, tmp_path))) as base:
            job_id = httpx.post(base + "/v1/jobs", json={"letters": letters}, headers=auth()).json()["id"]
            final = wait_job(base, job_id, timeout=90)
            lines = results(base, job_id)
            assert httpx.get(f"{base}/v1/jobs/{job_id}", headers=auth(OTHER_KEY)).status_code == 404
    finally:
        assert worker.stop() == 0, (tmp_path / "worker.log").read_text()[-2000:]
    assert final["status"] == "done" and final["counts"]["done"] == len(SEEDS)
    for line, path in zip(lines, SEEDS, strict=True):
        assert line["id"] == path.name
        assert as_cli_bytes(line["result"]) == expected_document(path.read_bytes())


def test_two_replicas_share_cache_rate_limits_jobs_and_revocations(redis_url: str, tmp_path: Path) -> None:
    jobs = _jobs(redis_url, tmp_path)
    a_app = job_app(tmp_path / "a", jobs=jobs, rate_limit=1, rate_burst=4)
    b_app = job_app(tmp_path / "b", jobs=jobs, rate_limit=1, rate_burst=4)
    text = {"Content-Type": "text/plain"}
    with running(a_app) as a, running(b_app) as b:
        first = httpx.post(a + "/v1/extractions", content=SEEDS[1].read_bytes(), headers={**auth(), **text})
        second = httpx.post(b + "/v1/extractions", content=SEEDS[1].read_bytes(), headers={**auth(), **text})
        accepted = httpx.post(a + "/v1/jobs", json={"letters": [{"text": "x"}]}, headers=auth())
        shared = httpx.get(f"{b}/v1/jobs/{accepted.json()['id']}", headers=auth(KEY))
        limited = httpx.post(b + "/v1/extractions", content=b"x", headers={**auth(), **text})
        seen_on_b = httpx.get(f"{b}/v1/jobs/{accepted.json()['id']}", headers=auth(OTHER_KEY))
        revoke = subprocess.run(
            [sys.executable, "-m", "llm_extract.cli", "keys", "revoke", "env-2"],
            env=child_env(tmp_path, LLM_EXTRACT_QUEUE_URL=redis_url),
            capture_output=True,
            text=True,
            timeout=60,
        )
        refused_a = httpx.get(f"{a}/v1/jobs/{accepted.json()['id']}", headers=auth(OTHER_KEY))
        refused_b = httpx.get(f"{b}/v1/jobs/{accepted.json()['id']}", headers=auth(OTHER_KEY))
    assert first.headers["x-cache"] == "miss" and second.headers["x-cache"] == "hit", "cache not shared"
    assert first.text == second.text
    assert accepted.status_code == 202
    assert shared.status_code == 200 and shared.json()["id"] == accepted.json()["id"], "jobs not shared"
    assert limited.status_code == 429, "the burst of 4 is shared by both replicas"
    assert seen_on_b.status_code == 404  # another key, on another replica
    assert revoke.returncode == 0 and "every replica" in revoke.stderr, revoke.stderr
    assert refused_a.status_code == 401 and refused_b.status_code == 401


def test_a_shared_revocation_and_rate_limit_keep_their_order_in_one_round_trip(redis_url: str, tmp_path: Path) -> None:
    """With Redis the revocation check and the key's token are one script call: a key without the
    right gets 403 and spends no token, a revoked key gets 401 (never 403 or 429)."""
    from pydantic import SecretStr

    from llm_extract.backends.rules import RulesBackend
    from llm_extract.jobs.shared import RedisRevocations
    from llm_extract.llm.settings import LlmSettings
    from llm_extract.service.app import create_app
    from llm_extract.service.keys import KeyStore
    from llm_extract.service.settings import ServiceSettings
    from tests.servicekit import EXTRACT_ONLY, provider_of

    settings = ServiceSettings(
        cache_dir=tmp_path / "cache",
        keys_file=tmp_path / "keys.json",
        api_keys=(SecretStr(KEY), SecretStr(EXTRACT_ONLY + ":extract")),
        default_backend="rules",
        rate_limit=1,
        rate_burst=2,
    )
    app = create_app(
        settings,
        provider=provider_of({"rules": RulesBackend()}),
        keys=KeyStore(settings.keys_file, settings.api_keys),
        llm_settings=LlmSettings(),
        jobs=_jobs(redis_url, tmp_path),
    )
    assert app.state.service.limiter.checks_revocations
    text = {"Content-Type": "text/plain", **auth(EXTRACT_ONLY)}
    letter = SEEDS[1].read_bytes()
    with running(app) as base, httpx.Client(base_url=base) as client:
        forbidden = [
            client.post("/v1/extractions/batch", json={"letters": [{"text": "x"}]}, headers=auth(EXTRACT_ONLY))
        ]
        forbidden += [
            client.post("/v1/extractions/batch", json={"letters": [{"text": "x"}]}, headers=auth(EXTRACT_ONLY))
        ]
        allowed = [client.post("/v1/extractions", content=letter, headers=text) for _ in range(2)]
        limited = client.post("/v1/extractions", content=letter, headers=text)
        RedisRevocations(redis.Redis.from_url(redis_url)).revoke("env-2")
        revoked = [
            client.post("/v1/extractions", content=letter, headers=text),
            client.post("/v1/extractions/batch", json={"letters": [{"text": "x"}]}, headers=auth(EXTRACT_ONLY)),
        ]
        still = client.post("/v1/extractions", content=letter, headers={**text, **auth()})
    assert [r.status_code for r in forbidden] == [403, 403]
    assert [r.status_code for r in allowed] == [200, 200], "a 403 spent a token"
    assert limited.status_code == 429 and limited.json()["code"] == "rate-limited"
    assert [r.status_code for r in revoked] == [401, 401]
    assert still.status_code == 200


def test_redis_admits_several_requests_in_one_call_in_their_order(redis_url: str) -> None:
    """One script call takes each request's token in turn and checks each key's revocation."""
    from llm_extract.jobs.shared import RedisBuckets, RedisRevocations

    client = redis.Redis.from_url(redis_url)
    RedisRevocations(client).revoke("gone")
    buckets = RedisBuckets(client)
    waits = buckets.admit_many(
        [("a", True), ("gone", True), ("a", True), ("a", False), ("a", True), ("b", True)], rate=1.0, burst=2.0
    )
    assert waits[:4] == [0.0, None, 0.0, 0.0]
    assert waits[4] is not None and 0.9 < waits[4] <= 1.0, "the third token of a burst of 2 waits about a second"
    assert waits[5] == 0.0, "another key has its own bucket"
    assert buckets.admit("gone", 1.0, 2.0, take=True) is None
    assert buckets.take("gone", 1.0, 2.0) == 0.0, "take alone checks no revocation"

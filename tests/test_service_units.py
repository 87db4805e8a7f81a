"""Service building blocks without a server: keys, rate limiter, settings, readiness checks."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.responses import JSONResponse
from pydantic import SecretStr

from llm_extract.engine.cache import RecentDocuments
from llm_extract.errors import ConfigError
from llm_extract.llm.settings import LlmSettings
from llm_extract.service.keys import KeyStore, Scope, create_key, hash_key, new_key, read_keys_file, revoke_key
from llm_extract.service.limits import RateLimiter
from llm_extract.service.problems import LimitsUnavailable, RateLimited
from llm_extract.service.readiness import CacheCheck, LlmEndpointCheck, llm_check, run_checks
from llm_extract.service.settings import load_service_settings
from tests.servicekit import running


def test_keys_file_stores_only_hashes_and_rights(tmp_path: Path) -> None:
    path = tmp_path / "k" / "keys.json"
    key, record = create_key(path, name="intake", scopes=[Scope.extract])
    stored = path.read_text()
    assert key not in stored and hash_key(key) in stored
    assert json.loads(stored)["keys"][0]["scopes"] == ["extract"]
    store = KeyStore(path)
    principal = store.authenticate(key)
    assert principal is not None and principal.key_id == record.id and principal.scopes == {Scope.extract}
    assert store.authenticate(key + "x") is None and store.authenticate("") is None
    assert revoke_key(path, record.id) and not revoke_key(path, record.id)
    assert read_keys_file(path).keys == []


def test_env_keys_with_and_without_scopes() -> None:
    a, b, c = new_key(), new_key(), new_key()
    store = KeyStore(None, [SecretStr(a), SecretStr(b + ":batch")])
    first, second = store.authenticate(a), store.authenticate(b)
    assert first is not None and first.key_id == "env-1" and first.scopes == set(Scope)
    assert second is not None and second.scopes == {Scope.batch}
    with pytest.raises(ConfigError, match="unknown scope"):
        KeyStore(None, [SecretStr(c + ":admin")])
    with pytest.raises(ConfigError, match="shorter"):
        KeyStore(None, [SecretStr("short")])


def test_invalid_keys_file_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "keys.json"
    path.write_text('{"keys": [{"id": "x", "sha256": "nothex"}]}')
    with pytest.raises(ConfigError, match="invalid"):
        KeyStore(path)


def test_token_bucket_allows_burst_then_says_when_to_retry() -> None:
    now = [0.0]
    limiter = RateLimiter(per_minute=60, burst=3, clock=lambda: now[0])
    for _ in range(3):
        limiter.acquire("k")
    with pytest.raises(RateLimited) as caught:
        limiter.acquire("k")
    assert caught.value.retry_after == 1 and caught.value.headers() == {"Retry-After": "1"}
    limiter.acquire("other")
    now[0] = 1.0
    limiter.acquire("k")


class _CountingBuckets:
    """A shared bucket store in memory that records each round trip's requests."""

    def __init__(self, tokens: int, revoked: frozenset[str] = frozenset(), fail: bool = False) -> None:
        self.tokens, self.revoked, self.fail = tokens, revoked, fail
        self.trips: list[list[tuple[str, bool]]] = []

    def take(self, key_id: str, rate: float, burst: float) -> float:
        raise AssertionError("the combined check sends admit_many only")

    def admit(self, key_id: str, rate: float, burst: float, *, take: bool) -> float | None:
        raise AssertionError("the combined check sends admit_many only")

    def admit_many(self, requests: Sequence[tuple[str, bool]], rate: float, burst: float) -> list[float | None]:
        self.trips.append(list(requests))
        if self.fail:
            raise ConnectionError("the queue server went away")
        waits: list[float | None] = []
        for key_id, take in requests:
            if key_id in self.revoked:
                waits.append(None)
            elif take and self.tokens > 0:
                self.tokens -= 1
                waits.append(0.0)
            else:
                waits.append(0.0 if not take else 1.0)
        return waits


def test_requests_arriving_together_share_one_round_trip_and_keep_their_order() -> None:
    store = _CountingBuckets(tokens=3, revoked=frozenset({"gone"}))
    limiter = RateLimiter(per_minute=60, burst=3, store=store, checks_revocations=True)
    asked = [("k", True), ("gone", True), ("k", True), ("k", False), ("k", True), ("k", True)]

    async def arrive() -> tuple[list[float | None], float | None]:
        together = await asyncio.gather(*(limiter.admit(key, take=take) for key, take in asked))
        later = await limiter.admit("k", take=True)
        return list(together), later

    together, later = asyncio.run(arrive())
    assert together == [0.0, None, 0.0, 0.0, 0.0, 1.0]  # three tokens, taken in arrival order
    assert later == 1.0
    assert store.trips == [asked, [("k", True)]]


def test_a_failed_round_trip_fails_each_request_in_it_and_the_next_one_is_sent() -> None:
    store = _CountingBuckets(tokens=5, fail=True)
    limiter = RateLimiter(per_minute=60, burst=5, store=store, checks_revocations=True)

    async def arrive() -> list[float | BaseException | None]:
        return await asyncio.gather(
            limiter.admit("a", take=True), limiter.admit("b", take=True), return_exceptions=True
        )

    failed = asyncio.run(arrive())
    # a typed 503 for each request (never a 500 with a traceback), each its own error
    assert [type(x) for x in failed] == [LimitsUnavailable, LimitsUnavailable] and failed[0] is not failed[1]
    assert isinstance(failed[0], LimitsUnavailable) and failed[0].http_status == 503
    assert "ConnectionError" in failed[0].message and failed[0].headers() == {"Retry-After": "5"}
    store.fail = False
    assert asyncio.run(arrive()) == [0.0, 0.0]
    assert len(store.trips) == 2


def test_settings_from_environment_and_errors_name_the_variable() -> None:
    settings = load_service_settings(
        {"LLM_EXTRACT_API_KEYS": " k1 , k2:batch ,", "LLM_EXTRACT_MAX_PAGES": "9", "LLM_EXTRACT_CACHE_DIR": "/tmp/x"},
        max_batch=3,
    )
    assert [k.get_secret_value() for k in settings.api_keys] == ["k1", "k2:batch"]
    assert (settings.max_pages, settings.max_batch, str(settings.cache_dir)) == (9, 3, "/tmp/x")
    with pytest.raises(ConfigError, match="LLM_EXTRACT_RATE_LIMIT"):
        load_service_settings({"LLM_EXTRACT_RATE_LIMIT": "fast"})


def test_llm_check_is_not_configured_without_an_endpoint() -> None:
    report = asyncio.run(run_checks([llm_check(LlmSettings()), CacheCheck(None)]))
    assert report.status == "ready"
    assert [(c.name, c.status) for c in report.checks] == [
        ("llm_endpoint", "not_configured"),
        ("cache", "not_configured"),
    ]
    broken = asyncio.run(run_checks([llm_check(ConfigError("LLM_EXTRACT_MODE is invalid"))]))
    assert broken.status == "not_ready" and "LLM_EXTRACT_MODE" in (broken.checks[0].detail or "")


def test_llm_check_probes_a_configured_endpoint_on_loopback() -> None:
    stub = FastAPI()

    @stub.get("/v1/models")
    async def models() -> JSONResponse:
        return JSONResponse({"data": [{"id": "tiny"}]})

    @stub.get("/locked/v1/models")
    async def locked() -> JSONResponse:
        return JSONResponse({"error": "no"}, status_code=401)

    with running(stub) as url:
        settings = LlmSettings(base_url=url + "/v1", model="tiny")
        ok = asyncio.run(run_checks([llm_check(settings)]))
        rejected = asyncio.run(run_checks([LlmEndpointCheck(url + "/locked/v1", "k")]))
    assert ok.status == "ready" and ok.checks[0].detail == "HTTP 200"
    assert rejected.status == "not_ready" and "401" in (rejected.checks[0].detail or "")
    gone = asyncio.run(run_checks([LlmEndpointCheck(url + "/v1", timeout=1)]))
    assert gone.status == "not_ready" and "unreachable" in (gone.checks[0].detail or "")


class _Store:
    """A DocumentCache that counts the reads reaching it."""

    def __init__(self) -> None:
        self.docs: dict[str, str] = {}
        self.reads = 0

    def get(self, key: str) -> str | None:
        self.reads += 1
        return self.docs.get(key)

    def set(self, key: str, document: str) -> None:
        self.docs[key] = document

    def writable(self) -> bool:
        return True

    def close(self) -> None:
        return None


def test_recent_documents_answer_repeats_in_memory_and_write_through() -> None:
    store = _Store()
    store.docs["old"] = "o" * 10
    recent = RecentDocuments(store, max_chars=25)
    assert recent.get("old") == "o" * 10 and recent.get("old") == "o" * 10
    assert store.reads == 1  # the second read never reached the store
    assert recent.get("absent") is None and recent.get("absent") is None and store.reads == 3  # misses are not kept
    recent.set("a", "a" * 10)
    assert store.docs["a"] == "a" * 10  # written through for other processes
    recent.get("old")  # now the most recently used
    recent.set("b", "b" * 10)  # 30 characters > 25: the least recently used ("a") goes
    assert len(recent) == 2
    reads = store.reads
    assert recent.get("old") == "o" * 10 and recent.get("b") == "b" * 10 and store.reads == reads
    assert recent.get("a") == "a" * 10 and store.reads == reads + 1  # back from the store
    recent.set("huge", "h" * 26)  # larger than the whole budget: stored, not remembered
    assert store.docs["huge"] == "h" * 26 and recent.get("huge") == "h" * 26 and store.reads == reads + 2

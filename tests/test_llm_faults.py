"""Transport faults against a real loopback HTTP server that misbehaves on cue.

The server (tests/faultserver.py) answers with the FAKE model when it does answer.
Timeouts and backoff are tiny so the whole file runs in a few seconds; every loop
is bounded and the server stops by itself.
"""

from __future__ import annotations

import time

import pytest

from llm_extract.backends.base import ExtractOptions
from llm_extract.engine.pipeline import Extractor
from llm_extract.errors import ConfigError, InternalError, LlmRejectedError, LlmTransportError
from llm_extract.llm.client import AdaptiveLimiter
from tests.faultserver import FaultServer
from tests.llm_support import SEEDS, backend, seed, seed_input, settings


@pytest.mark.parametrize("fault", ["429", "500", "503", "hang", "truncate", "nonjson", "drop"])
def test_each_transport_fault_is_retried_then_succeeds(fault: str) -> None:
    with FaultServer([fault, fault], hang=1.0) as server:
        b = backend("hybrid", settings(base_url=server.url, timeout=0.3))
        ex = b.extract(seed(0), ExtractOptions())
    assert ex.grounding is not None and ex.grounding.fell_back == 0
    assert server.requests[:3] == [fault, fault, "ok"]
    totals = b.account.totals
    assert (totals.calls, totals.attempts, totals.transport_retries, totals.reasks) == (2, 4, 2, 0)


def test_retry_after_is_honoured() -> None:
    with FaultServer(["429"], retry_after=0.4) as server:
        b = backend("hybrid", settings(base_url=server.url, retry_max=1.0))
        started = time.perf_counter()
        b.extract(seed(0), ExtractOptions())
        elapsed = time.perf_counter() - started
    assert elapsed >= 0.4


def test_retries_are_bounded_and_end_in_a_typed_error() -> None:
    with FaultServer(["500"] * 10) as server:
        b = backend("hybrid", settings(base_url=server.url, retry_attempts=3))
        with pytest.raises(LlmTransportError) as info:
            b.extract(seed(0), ExtractOptions())
    assert server.requests == ["500", "500", "500"]
    assert "HTTP 500" in str(info.value) and info.value.hint
    assert b.account.totals.attempts == 3 and b.account.totals.transport_retries == 2


def test_other_4xx_are_not_retried() -> None:
    with FaultServer(["400"] * 5) as server:
        b = backend("hybrid", settings(base_url=server.url))
        with pytest.raises(LlmRejectedError):
            b.extract(seed(0), ExtractOptions())
    assert server.requests == ["400"]


def test_unreachable_server_is_a_typed_error_quickly() -> None:
    b = backend("hybrid", settings(base_url="http://127.0.0.1:9/v1", retry_attempts=2))
    with pytest.raises(LlmTransportError, match="connection"):
        b.extract(seed(0), ExtractOptions())


def test_no_letter_is_lost_in_a_faulty_concurrent_batch() -> None:
    script = ["429", "500", "hang", "truncate", "nonjson", "drop", "ok", "500", "500", "500", "500", "ok"]
    letters = [seed_input(n % len(SEEDS)) for n in range(10)]
    with FaultServer(script, hang=0.6) as server:
        b = backend("hybrid", settings(base_url=server.url, timeout=0.3, max_concurrency=4))
        results = list(Extractor(b).run_concurrent(letters, 4))
    assert [r.name for r in results] == [letter.name for letter in letters]
    assert all(r.ok or (r.error is not None and r.error.code == "llm-transport") for r in results)
    assert sum(r.ok for r in results) >= 9  # at most one letter can draw four 500s in a row
    assert b.account.totals.attempts == len(server.requests)


def test_limiter_halves_on_overload_and_grows_back() -> None:
    limiter = AdaptiveLimiter(8)
    limiter.overloaded()
    limiter.overloaded()
    assert limiter.limit == 2
    for _ in range(2):
        limiter.succeeded()
    assert limiter.limit == 3
    for _ in range(100):
        limiter.succeeded()
    assert limiter.limit == 8


@pytest.mark.parametrize(("status", "hint"), [("401", "LLM_EXTRACT_API_KEY"), ("404", "LLM_EXTRACT_MODEL")])
def test_credentials_and_model_errors_say_what_to_set(status: str, hint: str) -> None:
    with FaultServer([status] * 3) as server:
        b = backend("hybrid", settings(base_url=server.url))
        with pytest.raises(ConfigError) as info:
            b.extract(seed(0), ExtractOptions())
    assert hint in str(info.value) and server.requests == [status]


class _BrokenTransport:
    """A FAKE transport that fails in a way no HTTP client would (a bug, or a replay with
    no recording): the letter must end with a typed error, never a silent fallback."""

    def handle_request(self, request: object) -> object:
        raise RuntimeError("transport bug")

    def close(self) -> None:
        return None


def test_unexpected_transport_failure_is_an_error_not_a_fallback() -> None:
    import httpx2

    class Broken(_BrokenTransport, httpx2.BaseTransport):
        pass

    b = backend("hybrid", settings(max_reasks=1), Broken())
    result = Extractor(b).extract(seed_input(0))
    assert not result.ok
    assert isinstance(result.error, LlmTransportError | InternalError)
    assert result.error.code in {"llm-transport", "internal-error"}

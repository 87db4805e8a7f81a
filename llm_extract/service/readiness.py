"""Readiness checks: pluggable probes of what extraction depends on.

A check is any object with a ``name`` and an async ``probe()`` returning a status
and a short detail. The defaults are the result cache (a write must round-trip)
and the LLM endpoint (it must answer HTTP) when the LLM settings configure one;
when they do not, the check reports ``not_configured``, which does not make the
service unready: the ``rules`` backend needs no endpoint.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from typing import Literal, Protocol

import anyio
import httpx
from pydantic import BaseModel, ConfigDict

from llm_extract.engine.cache import DocumentCache
from llm_extract.errors import ConfigError
from llm_extract.llm.settings import LlmSettings

CheckStatus = Literal["ok", "fail", "not_configured"]
CHECK_TIMEOUT = 3.0


class CheckResult(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    status: CheckStatus
    detail: str | None = None
    ms: float
    """How long the probe took."""


class ReadinessReport(BaseModel):
    """``ready`` (HTTP 200) when no check failed, else ``not_ready`` (HTTP 503)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    status: Literal["ready", "not_ready"]
    checks: list[CheckResult]


class ReadinessCheck(Protocol):
    name: str

    async def probe(self) -> tuple[CheckStatus, str | None]: ...


class CacheCheck:
    """The cache is writable (or deliberately disabled)."""

    name = "cache"

    def __init__(self, cache: DocumentCache | None) -> None:
        self.cache = cache

    async def probe(self) -> tuple[CheckStatus, str | None]:
        if self.cache is None:
            return "not_configured", "the cache is disabled"
        ok = await anyio.to_thread.run_sync(self.cache.writable)
        return ("ok", None) if ok else ("fail", "the cache directory is not writable")


class LlmEndpointCheck:
    """The configured OpenAI-compatible endpoint answers ``GET /models``.

    Any HTTP answer except 401/403 counts as reachable (some local servers lack
    /models); a rejected key or no answer at all fails the check.
    """

    name = "llm_endpoint"

    def __init__(self, base_url: str, api_key: str | None = None, timeout: float = 2.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key
        self.timeout = timeout

    async def probe(self) -> tuple[CheckStatus, str | None]:
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        try:
            async with httpx.AsyncClient(timeout=self.timeout) as client:
                response = await client.get(f"{self.base_url}/models", headers=headers)
        except httpx.HTTPError as exc:
            return "fail", f"unreachable ({type(exc).__name__})"
        if response.status_code in (401, 403):
            return "fail", f"the endpoint rejected the API key (HTTP {response.status_code})"
        return "ok", f"HTTP {response.status_code}"


class StaticCheck:
    """A fixed answer: an LLM endpoint that is not configured, or whose settings are invalid."""

    def __init__(self, name: str, status: CheckStatus, detail: str | None) -> None:
        self.name = name
        self._answer: tuple[CheckStatus, str | None] = (status, detail)

    async def probe(self) -> tuple[CheckStatus, str | None]:
        return self._answer


def llm_check(settings: LlmSettings | ConfigError) -> ReadinessCheck:
    """The LLM endpoint check for these settings (not configured without a base URL)."""
    if isinstance(settings, ConfigError):
        return StaticCheck("llm_endpoint", "fail", f"invalid LLM settings: {settings.message}")
    if settings.base_url is None:
        return StaticCheck("llm_endpoint", "not_configured", "no LLM endpoint configured (rules backend only)")
    key = settings.api_key.get_secret_value() if settings.api_key else None
    return LlmEndpointCheck(settings.base_url, key, timeout=min(settings.connect_timeout, CHECK_TIMEOUT))


async def _run(check: ReadinessCheck) -> CheckResult:
    started = time.perf_counter()
    try:
        async with asyncio.timeout(CHECK_TIMEOUT):
            status, detail = await check.probe()
    except TimeoutError:
        status, detail = "fail", "timed out"
    except Exception as exc:  # a broken probe makes the service unready, not a 500
        status, detail = "fail", f"probe error ({type(exc).__name__})"
    return CheckResult(
        name=check.name, status=status, detail=detail, ms=round((time.perf_counter() - started) * 1000, 1)
    )


async def run_checks(checks: Sequence[ReadinessCheck]) -> ReadinessReport:
    """Run every check concurrently; any ``fail`` makes the service not ready."""
    results = list(await asyncio.gather(*(_run(c) for c in checks)))
    ready = all(r.status != "fail" for r in results)
    return ReadinessReport(status="ready" if ready else "not_ready", checks=results)

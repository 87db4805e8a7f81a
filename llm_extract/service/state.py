"""Everything one service process holds, attached to the app as ``app.state.service``."""

from __future__ import annotations

from dataclasses import dataclass, field

from fastapi import Request

from llm_extract.jobs.runtime import JobRuntime
from llm_extract.service.keys import KeyStore
from llm_extract.service.limits import AuthThrottle, RateLimiter
from llm_extract.service.metrics import ServiceMetrics
from llm_extract.service.readiness import ReadinessCheck
from llm_extract.service.runner import ExtractionRunner
from llm_extract.service.schemas import VersionInfo
from llm_extract.service.settings import ServiceSettings


@dataclass
class ServiceState:
    settings: ServiceSettings
    keys: KeyStore
    limiter: RateLimiter
    runner: ExtractionRunner
    checks: list[ReadinessCheck]
    auth_throttle: AuthThrottle
    jobs: JobRuntime | None = None
    """The jobs API's store and queue (None: jobs disabled on this server)."""
    metrics: ServiceMetrics = field(default_factory=ServiceMetrics)
    version: VersionInfo | None = field(default=None)
    """Computed on first request to /v1/version (building LLM backends may read prompt files)."""


def service_state(request: Request) -> ServiceState:
    state = request.app.state.service
    assert isinstance(state, ServiceState)
    return state

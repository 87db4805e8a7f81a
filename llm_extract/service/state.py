"""Everything one service process holds, attached to the app as ``app.state.service``."""

from __future__ import annotations

from dataclasses import dataclass, field

from fastapi import Request

from .keys import KeyStore
from .limits import RateLimiter
from .readiness import ReadinessCheck
from .runner import ExtractionRunner
from .schemas import VersionInfo
from .settings import ServiceSettings


@dataclass
class ServiceState:
    settings: ServiceSettings
    keys: KeyStore
    limiter: RateLimiter
    runner: ExtractionRunner
    checks: list[ReadinessCheck]
    version: VersionInfo | None = field(default=None)
    """Computed on first request to /v1/version (building LLM backends may read prompt files)."""


def service_state(request: Request) -> ServiceState:
    state = request.app.state.service
    assert isinstance(state, ServiceState)
    return state

"""Operator configuration of the HTTP service, from the environment and ``serve`` flags.

Like :mod:`llm_extract.llm.settings`, the variables are read by hand and validated
by a strict pydantic model, so a typo becomes a :class:`ConfigError` naming the
variable to fix. The names avoid the LLM backends' variables (``LLM_EXTRACT_API_KEY``
is the LLM provider's key; ``LLM_EXTRACT_API_KEYS``, plural, holds the service's
client keys).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, SecretStr

from llm_extract.engine.cache import CACHE_DIR_ENV
from llm_extract.envconfig import PREFIX, read_env, validate_settings

API_KEYS_ENV = PREFIX + "API_KEYS"
KEYS_FILE_ENV = PREFIX + "KEYS_FILE"


def default_keys_file() -> Path:
    """Where ``llm-extract keys create`` stores key hashes unless told otherwise."""
    return Path(platformdirs.user_config_dir("llm-extract")) / "keys.json"


class ServiceSettings(BaseModel):
    """Limits and wiring of one server process; every field has an ``LLM_EXTRACT_*`` variable."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    keys_file: Path | None = None
    """JSON file of hashed API keys written by ``llm-extract keys create`` (None: the default path)."""
    api_keys: tuple[SecretStr, ...] = ()
    """Plain keys from ``LLM_EXTRACT_API_KEYS`` (``key`` or ``key:extract+batch``), for scripted deployments."""
    max_body_bytes: int = Field(default=10 * 1024 * 1024, ge=1024)
    """Largest request body accepted (413 beyond it)."""
    max_pages: int = Field(default=50, ge=1, le=10_000)
    """Largest PDF accepted, in pages (413 beyond it)."""
    max_batch: int = Field(default=20, ge=1, le=1000)
    """Most letters in one batch request (413 beyond it)."""
    request_timeout: float = Field(default=60.0, gt=0)
    """Seconds allowed to receive the body and extract (408 / 504 beyond it)."""
    rate_limit: float = Field(default=600.0, gt=0)
    """Requests per minute per API key, sustained (429 with Retry-After beyond it)."""
    rate_burst: int = Field(default=60, ge=1)
    """Requests a key may send at once before the sustained rate applies."""
    auth_failures: float = Field(default=10.0, gt=0)
    """Invalid keys per minute one client address may send, sustained (then 429 ``auth-throttled``)."""
    auth_failure_burst: int = Field(default=20, ge=1)
    """Invalid keys one client address may send at once before the sustained rate applies."""
    header_timeout: float = Field(default=10.0, gt=0, le=600)
    """Seconds a connection may take to send a request line and headers (408, then closed)."""
    keep_alive_timeout: int = Field(default=5, ge=1, le=600)
    """Seconds an idle keep-alive connection is kept open between requests."""
    max_connections: int = Field(default=512, ge=1, le=100_000)
    """Open connections at most; one more is answered 503 ``server-busy`` and closed."""
    workers: int = Field(default=4, ge=1, le=64)
    """Threads for parsing and PDF work (kept off the event loop)."""
    cache: bool = True
    """Use the result cache (clients can still bypass it per request)."""
    cache_dir: Path | None = None
    """Cache directory (None: ``$LLM_EXTRACT_CACHE_DIR`` or the user cache dir)."""
    default_backend: str | None = None
    """Backend used when a request names none (None: ``LLM_EXTRACT_BACKEND`` via the LLM settings)."""

    def resolved_keys_file(self) -> Path:
        return self.keys_file or default_keys_file()


_ENV_FIELDS: dict[str, str] = {
    "keys_file": "KEYS_FILE",
    "max_body_bytes": "MAX_BODY_BYTES",
    "max_pages": "MAX_PAGES",
    "max_batch": "MAX_BATCH",
    "request_timeout": "REQUEST_TIMEOUT",
    "rate_limit": "RATE_LIMIT",
    "rate_burst": "RATE_BURST",
    "workers": "WORKERS",
    "auth_failures": "AUTH_FAILURES",
    "auth_failure_burst": "AUTH_FAILURE_BURST",
    "header_timeout": "HEADER_TIMEOUT",
    "keep_alive_timeout": "KEEP_ALIVE_TIMEOUT",
    "max_connections": "MAX_CONNECTIONS",
}


def load_service_settings(env: Mapping[str, str] | None = None, **overrides: Any) -> ServiceSettings:
    """Settings from ``env`` (default: the process environment), then non-None ``overrides``."""
    env = os.environ if env is None else env
    raw = read_env(env, _ENV_FIELDS)
    keys = [k.strip() for k in env.get(API_KEYS_ENV, "").split(",") if k.strip()]
    if keys:
        raw["api_keys"] = tuple(keys)
    if env.get(CACHE_DIR_ENV, "").strip():
        raw["cache_dir"] = env[CACHE_DIR_ENV].strip()
    raw.update({k: v for k, v in overrides.items() if v is not None})
    return validate_settings(ServiceSettings, raw, _ENV_FIELDS)

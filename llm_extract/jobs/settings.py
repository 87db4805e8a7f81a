"""Job settings, from ``LLM_EXTRACT_*`` variables (the same validation as every other setting)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from llm_extract.envconfig import PREFIX, read_env, validate_settings

QUEUE_URL_ENV = PREFIX + "QUEUE_URL"
DAY = 86_400.0


class JobSettings(BaseModel):
    """How jobs are queued, run and kept."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    queue_url: str | None = Field(default=None, pattern=r"^rediss?://")
    """``redis://host:port/db``: share jobs, cache, limits and revocations between replicas and workers.
    None: the embedded store (SQLite) with in-process workers."""
    retention: float = Field(default=7 * DAY, gt=0)
    """Seconds a finished job's results are kept before they are deleted (default 7 days)."""
    embedded_workers: int = Field(default=2, ge=1, le=64)
    """Letters extracted at once by the in-process workers (embedded mode)."""
    max_letters: int = Field(default=1000, ge=1, le=100_000)
    """Most letters in one job (413 beyond it)."""
    max_attempts: int = Field(default=3, ge=1, le=20)
    """Deliveries of one letter before it ends with ``letter-retries-exhausted``."""
    heartbeat_timeout: float = Field(default=60.0, ge=1.0)
    """Seconds without a heartbeat after which a worker is presumed dead and its letters are redelivered."""
    webhook_attempts: int = Field(default=6, ge=1, le=20)
    """Deliveries of a completion webhook before giving up (backoff 1, 2, 4 ... s)."""
    webhook_backoff: float = Field(default=1.0, gt=0)
    """First retry delay of a webhook, in seconds (doubled each time)."""
    data_dir: Path | None = None
    """Where the embedded store lives (None: ``jobs.sqlite3`` beside the result cache)."""


_ENV_FIELDS: dict[str, str] = {
    "queue_url": "QUEUE_URL",
    "retention": "JOB_RETENTION",
    "embedded_workers": "JOB_WORKERS",
    "max_letters": "JOB_MAX_LETTERS",
    "max_attempts": "JOB_MAX_ATTEMPTS",
    "heartbeat_timeout": "QUEUE_HEARTBEAT_TIMEOUT",
    "webhook_attempts": "WEBHOOK_ATTEMPTS",
    "webhook_backoff": "WEBHOOK_BACKOFF",
    "data_dir": "JOB_DATA_DIR",
}


def load_job_settings(env: Mapping[str, str] | None = None, **overrides: Any) -> JobSettings:
    """Settings from ``env`` (default: the process environment), then non-None ``overrides``."""
    env = os.environ if env is None else env
    raw = read_env(env, _ENV_FIELDS)
    raw.update({k: v for k, v in overrides.items() if v is not None})
    return validate_settings(JobSettings, raw, _ENV_FIELDS)

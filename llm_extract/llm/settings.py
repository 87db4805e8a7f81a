"""Configuration of the LLM backends, read from the environment and validated.

pydantic-settings is not a dependency, so :func:`load_settings` reads the variables
itself and hands them to :class:`LlmSettings`, a strict pydantic model: a typo in a
value becomes a :class:`~llm_extract.errors.ConfigError` that names the variable to
fix, never a traceback. Nothing here talks to the network.

Pointing llm-extract at OpenAI, a vLLM cluster, Ollama or a llama.cpp server is a
matter of these variables only (see docs/llm.md).
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator

from llm_extract.contract.fielddocs import describe_fields
from llm_extract.contract.models import BACKENDS, BackendName
from llm_extract.envconfig import PREFIX, read_env, validate_settings
from llm_extract.errors import ConfigError
from llm_extract.resources import data_path

OPENAI_URL = "https://api.openai.com/v1"
DEFAULT_PROMPTS_DIR = data_path("prompts")


class InstructorMode(StrEnum):
    """How the schema is sent: servers differ in what they support.

    ``tools`` (function calling) works on OpenAI, vLLM, Ollama and llama-cpp-python;
    ``json_schema`` (``response_format`` with a schema) on OpenAI, vLLM and recent
    llama.cpp; ``json`` (schema in the prompt, JSON object output) anywhere else.
    """

    tools = "tools"
    json_schema = "json_schema"
    json = "json"


class _Settings(BaseModel):
    # Field docstrings are field descriptions, built on first use (see llm_extract.contract.fielddocs).
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        describe_fields(cls)


class Price(_Settings):
    """USD per million tokens."""

    input: float = Field(ge=0)
    """Price of one million prompt tokens."""
    output: float = Field(ge=0)
    """Price of one million completion tokens."""


class LlmSettings(_Settings):
    """Everything the LLM backends need; every field has an ``LLM_EXTRACT_*`` variable."""

    backend: BackendName = "rules"
    """Default backend; ``hybrid`` when a base URL is configured, else ``rules``."""
    base_url: str | None = None
    """OpenAI-compatible endpoint, e.g. ``http://127.0.0.1:8080/v1``."""
    model: str | None = None
    """Model name sent in each request (any name for a single-model llama.cpp server)."""
    api_key: SecretStr | None = None
    """API key; local servers accept any value."""
    timeout: float = Field(default=120.0, gt=0)
    """Seconds to wait for one HTTP response before it counts as a transport fault."""
    connect_timeout: float = Field(default=10.0, gt=0)
    """Seconds to wait for a connection."""
    max_concurrency: int = Field(default=4, ge=1, le=256)
    """Most requests in flight at once (the adaptive limiter backs off below this)."""
    mode: InstructorMode = InstructorMode.tools
    """How the response schema is sent to the server."""
    temperature: float = Field(default=0.0, ge=0, le=2)
    """Sampling temperature; 0 for repeatable answers."""
    max_tokens: int = Field(default=1024, ge=16)
    """Completion token cap per call (also the budget's worst case per call)."""
    max_reasks: int = Field(default=2, ge=0, le=10)
    """Validation re-asks per call after the first answer, before falling back."""
    retry_attempts: int = Field(default=5, ge=1, le=20)
    """HTTP attempts per request for transport faults (429, 5xx, timeouts, drops)."""
    retry_initial: float = Field(default=0.5, ge=0)
    """First backoff in seconds; doubles per attempt, with full jitter."""
    retry_max: float = Field(default=20.0, ge=0)
    """Cap on one backoff wait in seconds (also caps an honoured Retry-After)."""
    prices: dict[str, Price] = {}
    """Price table by model name; a missing model costs 0 unless a budget is set."""
    budget_usd: float | None = Field(default=None, gt=0)
    """Stop the run cleanly before its cost would exceed this many US dollars."""
    prompts_dir: Path = DEFAULT_PROMPTS_DIR
    """Directory of the versioned prompt files."""

    @field_validator("base_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value.rstrip("/") if value else value

    def price(self) -> Price | None:
        """The price of the configured model, if the table has it."""
        return self.prices.get(self.model or "")

    def require_endpoint(self, backend: str) -> None:
        """Raise a ConfigError naming exactly what to set for an LLM backend."""
        missing = []
        if self.base_url is None:
            missing.append(f"{PREFIX}BASE_URL (e.g. http://127.0.0.1:8080/v1 for llama.cpp, or set OPENAI_API_KEY)")
        if not self.model:
            missing.append(f"{PREFIX}MODEL (e.g. gpt-4o-mini, or any name for a llama.cpp server)")
        if missing:
            raise ConfigError(
                f"the '{backend}' backend needs an endpoint: {PREFIX}BASE_URL and {PREFIX}MODEL",
                hint="set " + " and ".join(missing) + "; or use --backend rules",
            )
        if self.budget_usd is not None and self.price() is None:
            raise ConfigError(
                f"a budget is set but the price table has no entry for model '{self.model}'",
                hint=f'set {PREFIX}PRICES, e.g. \'{{"{self.model}": {{"input": 0.15, "output": 0.6}}}}\' '
                f"(USD per million tokens), or unset {PREFIX}BUDGET_USD",
            )


_ENV_FIELDS: dict[str, str] = {
    "backend": "BACKEND",
    "base_url": "BASE_URL",
    "model": "MODEL",
    "api_key": "API_KEY",
    "timeout": "TIMEOUT",
    "connect_timeout": "CONNECT_TIMEOUT",
    "max_concurrency": "MAX_CONCURRENCY",
    "mode": "MODE",
    "temperature": "TEMPERATURE",
    "max_tokens": "MAX_TOKENS",
    "max_reasks": "MAX_REASKS",
    "retry_attempts": "RETRY_ATTEMPTS",
    "retry_initial": "RETRY_INITIAL",
    "retry_max": "RETRY_MAX",
    "prices": "PRICES",
    "budget_usd": "BUDGET_USD",
    "prompts_dir": "PROMPTS_DIR",
}


def _raw_from_env(env: Mapping[str, str]) -> dict[str, Any]:
    raw = read_env(env, _ENV_FIELDS)
    if "api_key" not in raw and env.get("OPENAI_API_KEY"):
        raw["api_key"] = env["OPENAI_API_KEY"]
    if "base_url" not in raw:
        if env.get("OPENAI_BASE_URL"):
            raw["base_url"] = env["OPENAI_BASE_URL"]
        elif "api_key" in raw:
            raw["base_url"] = OPENAI_URL
    if "backend" not in raw and PREFIX + "BASE_URL" in env and env[PREFIX + "BASE_URL"].strip():
        raw["backend"] = "hybrid"
    if "prices" in raw:
        raw["prices"] = _prices(raw["prices"])
    return raw


def _prices(value: str) -> Any:
    """The price table is JSON, inline or in a file: ``{"model": {"input": .., "output": ..}}``."""
    text = Path(value).read_text(encoding="utf-8") if not value.lstrip().startswith("{") else value
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(
            f"{PREFIX}PRICES is not valid JSON ({exc})",
            hint='use {"<model>": {"input": <USD per 1M tokens>, "output": <USD per 1M tokens>}} '
            "or a path to such a file",
        ) from None


def load_settings(env: Mapping[str, str] | None = None, **overrides: Any) -> LlmSettings:
    """Settings from ``env`` (default: the process environment), then ``overrides``.

    ``overrides`` are command-line values; ``None`` means "not given". Raises a
    ConfigError that names the variable whose value is wrong.
    """
    try:
        raw = _raw_from_env(os.environ if env is None else env)
    except OSError as exc:
        raise ConfigError(f"cannot read {PREFIX}PRICES ({exc.strerror})", hint="check the path") from None
    raw.update({k: v for k, v in overrides.items() if v is not None})
    return validate_settings(LlmSettings, raw, _ENV_FIELDS, _hint)


def _hint(field: str) -> str:
    hints = {
        "backend": f"set {PREFIX}BACKEND (or --backend) to one of: {', '.join(BACKENDS)}",
        "mode": f"set {PREFIX}MODE to one of: {', '.join(m.value for m in InstructorMode)}",
        "base_url": f"set {PREFIX}BASE_URL to the server's OpenAI-compatible root, e.g. http://127.0.0.1:8080/v1",
        "prices": f'set {PREFIX}PRICES to {{"<model>": {{"input": 0.15, "output": 0.6}}}} (USD per 1M tokens)',
    }
    return hints.get(field, f"fix {PREFIX}{_ENV_FIELDS.get(field, field.upper())}")

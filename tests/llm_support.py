"""Helpers shared by the LLM tests (settings for tests, seed letters, backends on fakes)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx2

from llm_extract.backends.llm import HybridBackend, LlmBackend
from llm_extract.inputs import LetterInput, LetterText, load_path, read_letter
from llm_extract.llm_client import LlmClient
from llm_extract.llm_settings import LlmSettings, load_settings

REPO = Path(__file__).resolve().parent.parent
SEEDS = sorted((REPO / "examples" / "letters").glob("seed-*.txt"))


def settings(**overrides: Any) -> LlmSettings:
    """Test settings: no environment, small timeouts and backoff so faults resolve fast."""
    values: dict[str, Any] = {"base_url": "http://127.0.0.1:9/v1", "model": "fake-model", "backend": "hybrid",
                              "timeout": 2.0, "connect_timeout": 1.0, "retry_initial": 0.01, "retry_max": 0.05,
                              "retry_attempts": 4, "max_reasks": 2}
    values.update(overrides)
    return load_settings({}, **values)


def backend(kind: str, s: LlmSettings, transport: httpx2.BaseTransport | None = None) -> HybridBackend | LlmBackend:
    client = LlmClient(s, transport=transport)
    return HybridBackend(s, client=client) if kind == "hybrid" else LlmBackend(s, client=client)


def seed(n: int = 0) -> LetterText:
    return read_letter(load_path(SEEDS[n]))


def seed_input(n: int = 0) -> LetterInput:
    return load_path(SEEDS[n])

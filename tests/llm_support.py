"""Helpers shared by the LLM tests (settings for tests, seed letters, backends on fakes),
and the cassette conventions shared by every test that replays a real recording."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import httpx2
import vcr

from llm_extract.backends.llm import HybridBackend, LlmBackend
from llm_extract.letter.inputs import LetterInput, LetterText, load_path, read_letter
from llm_extract.llm.client import LlmClient
from llm_extract.llm.settings import LlmSettings, load_settings

REPO = Path(__file__).resolve().parent.parent
SEEDS = sorted((REPO / "examples" / "letters").glob("seed-*.txt"))

# ------------------------------------------------------------------ cassettes
# Recorded by `make record` (scripts/record_cassettes.py) from a real server; replayed
# offline with record_mode="none". Requests match on method, path and the whole JSON
# body except ``model``; keys, cookies and request ids are scrubbed before writing.

CASSETTES = REPO / "cassettes"
RECORDING = os.environ.get("LLM_EXTRACT_RECORD") == "1"
MODEL = os.environ.get("LLM_EXTRACT_RECORD_MODEL", "recorded-model") if RECORDING else "recorded-model"
SCRUBBED_HEADERS = [
    "authorization",
    "api-key",
    "x-api-key",
    "openai-organization",
    "openai-project",
    "cookie",
    "set-cookie",
    "x-request-id",
    "openai-processing-ms",
    "cf-ray",
]


def settings(**overrides: Any) -> LlmSettings:
    """Test settings: no environment, small timeouts and backoff so faults resolve fast."""
    values: dict[str, Any] = {
        "base_url": "http://127.0.0.1:9/v1",
        "model": "fake-model",
        "backend": "hybrid",
        "timeout": 2.0,
        "connect_timeout": 1.0,
        "retry_initial": 0.01,
        "retry_max": 0.05,
        "retry_attempts": 4,
        "max_reasks": 2,
    }
    values.update(overrides)
    return load_settings({}, **values)


def backend(kind: str, s: LlmSettings, transport: httpx2.BaseTransport | None = None) -> HybridBackend | LlmBackend:
    client = LlmClient(s, transport=transport)
    return HybridBackend(s, client=client) if kind == "hybrid" else LlmBackend(s, client=client)


def seed(n: int = 0) -> LetterText:
    return read_letter(load_path(SEEDS[n]))


def seed_input(n: int = 0) -> LetterInput:
    return load_path(SEEDS[n])


def _body(request: Any) -> dict[str, Any]:
    body = json.loads(request.body or b"{}")
    body.pop("model", None)
    return body


def _same_body(r1: Any, r2: Any) -> None:
    assert _body(r1) == _body(r2), "request differs from the recording: re-record with `make record`"


def _scrub_request(request: Any) -> Any:
    for name in list(request.headers):
        if name.lower() in SCRUBBED_HEADERS:
            del request.headers[name]
    return request


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    headers = response.get("headers", {})
    for name in list(headers):
        if name.lower() in SCRUBBED_HEADERS:
            del headers[name]
    return response


def open_cassette(name: str) -> Any:
    """The cassette ``name`` in cassettes/. Recording starts it afresh: vcrpy's "all" mode
    keeps a file's old interactions and appends the new ones, which would mix two
    recordings (and count old requests as sent)."""
    if RECORDING:
        (CASSETTES / name).unlink(missing_ok=True)
    return cassette_vcr().use_cassette(name)


def cassette_vcr() -> vcr.VCR:
    """Records everything when ``LLM_EXTRACT_RECORD=1``; otherwise replays only, never the network."""
    v = vcr.VCR(
        cassette_library_dir=str(CASSETTES),
        record_mode="all" if RECORDING else "none",
        match_on=["method", "path", "same_body"],
        filter_headers=SCRUBBED_HEADERS,
        filter_query_parameters=["api-key", "api_key", "key"],
        before_record_request=_scrub_request,
        before_record_response=_scrub_response,
        decode_compressed_response=True,
    )
    v.register_matcher("same_body", _same_body)
    return v


def recorded_settings(**overrides: Any) -> LlmSettings:
    """The endpoint recorded from when recording; any URL when replaying (never contacted)."""
    values: dict[str, Any] = {
        "base_url": os.environ.get("LLM_EXTRACT_RECORD_BASE_URL", "http://127.0.0.1:9/v1"),
        "model": MODEL,
        "max_tokens": int(os.environ.get("LLM_EXTRACT_RECORD_MAX_TOKENS", "400")),
        "timeout": 300.0,
        "max_reasks": 1,
        "api_key": os.environ.get("OPENAI_API_KEY") if RECORDING else None,
    }
    values.update(overrides)
    return settings(**values)

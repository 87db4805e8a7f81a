"""Run the HTTP service for tests: real uvicorn on 127.0.0.1, an ephemeral port, a thread.

Tests talk to it over real loopback HTTP with httpx. Backends, keys and limits are
injected (never read from the environment), so no test depends on the machine's
configuration or reaches anything but loopback.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import uvicorn
from fastapi import FastAPI
from pydantic import SecretStr

from llm_extract.backends.base import Backend, ExtractOptions, Language
from llm_extract.backends.rules import RulesBackend
from llm_extract.contract.models import Extraction
from llm_extract.engine.pipeline import Extractor
from llm_extract.errors import ConfigError
from llm_extract.evaluation.fixtures import REPO_ROOT
from llm_extract.letter.inputs import LetterInput, LetterText
from llm_extract.llm.settings import LlmSettings
from llm_extract.service.app import create_app
from llm_extract.service.keys import KeyStore
from llm_extract.service.readiness import ReadinessCheck
from llm_extract.service.server import configured_protocol, server_config
from llm_extract.service.settings import ServiceSettings

KEY = "test_all_9sVIPDwtC1eWYyPWqqtd6C0mTrLcmg0futWYfbVx"
EXTRACT_ONLY = "test_extract_FjZR-aHWjwtGfPeyC-_bEQzwZzksgjdna2uvUVJJ"
BATCH_ONLY = "test_batch_pGNaiH60UyiA6L1n9hQ6BeF9eB5AIL8LgOEtAEdf"
SEEDS = sorted((REPO_ROOT / "examples" / "letters").glob("seed-*.txt"))


def auth(key: str = KEY) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


class SlowBackend:
    """The rules backend behind a delay, counting how often it really computes."""

    name = "slow"

    def __init__(self, delay: float = 0.05) -> None:
        self.inner = RulesBackend()
        self.delay = delay
        self.calls = 0
        self._lock = threading.Lock()

    def identity(self) -> dict[str, Any]:
        return {**self.inner.identity(), "backend": self.name, "delay": self.delay}

    def extract(self, letter: LetterText, options: ExtractOptions) -> Extraction:
        with self._lock:
            self.calls += 1
        time.sleep(self.delay)
        return self.inner.extract(letter, options)


def provider_of(backends: Mapping[str, Backend]) -> Any:
    """A backend provider over fixed instances; a missing name is a configuration gap."""

    def provide(name: str | None) -> Backend:
        if (name or "rules") not in backends:
            raise ConfigError(f"backend '{name}' is not configured here", hint="use rules")
        return backends[name or "rules"]

    return provide


def make_app(
    tmp: Path,
    *,
    backends: Mapping[str, Backend] | None = None,
    checks: Sequence[ReadinessCheck] | None = None,
    **overrides: Any,
) -> FastAPI:
    settings = ServiceSettings(
        cache_dir=tmp / "cache",
        keys_file=tmp / "keys.json",
        api_keys=(SecretStr(KEY), SecretStr(EXTRACT_ONLY + ":extract"), SecretStr(BATCH_ONLY + ":batch")),
        default_backend="rules",
        **overrides,
    )
    return create_app(
        settings,
        provider=provider_of(backends or {"rules": RulesBackend()}),
        checks=checks,
        keys=KeyStore(settings.keys_file, settings.api_keys),
        llm_settings=LlmSettings(),
    )


@contextmanager
def running(app: FastAPI, parser: str | None = None) -> Iterator[str]:
    """Serve ``app`` on 127.0.0.1 (ephemeral port) until the block ends; yields the base URL.

    ``parser``: ``h11`` for the guarded h11 protocol instead of ``serve``'s httptools one."""
    config = server_config(app, host="127.0.0.1", port=0)  # the protocol, timeouts and cap `serve` uses
    if parser is not None:
        settings = app.state.service.settings
        config.http = configured_protocol(
            header_timeout=settings.header_timeout, max_connections=settings.max_connections, parser=parser
        )
    config.timeout_graceful_shutdown = 2
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="uvicorn-test", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def expected_document(data: bytes, lang: Language = "en") -> str:
    """What the CLI pipeline produces for these bytes (the service must return the same)."""
    result = Extractor(RulesBackend(), options=ExtractOptions(lang=lang)).extract(LetterInput("x", data))
    assert result.document is not None, result.error
    return result.document

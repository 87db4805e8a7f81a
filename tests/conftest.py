"""Shared fixtures: the corpus directory (tests skip when it is absent), an isolated cache,
an environment cleared of the caller's LLM settings, and a guard against outbound network."""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from llm_extract.evaluation.fixtures import default_corpus

pytest_plugins = ["pytester"]


def corpus_dir() -> Path | None:
    """``$LLM_EXTRACT_CORPUS`` or ``../shared/corpus/dwc-2016`` beside the repo."""
    override = os.environ.get("LLM_EXTRACT_CORPUS")
    if override:
        return Path(override) if Path(override).is_dir() else None
    return default_corpus()


@pytest.fixture
def corpus() -> Path:
    found = corpus_dir()
    if found is None:
        pytest.skip("shared corpus not found beside the repo (../shared/corpus/dwc-2016)")
    return found


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test reads or writes the user's real cache."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("LLM_EXTRACT_CACHE_DIR", str(cache))
    return cache


_KEEP = ("LLM_EXTRACT_CORPUS", "LLM_EXTRACT_RECORD", "LLM_EXTRACT_EVAL_RUNS_DIR", "LLM_EXTRACT_TEST_")
"""Variables that steer the test run itself (corpus location, cassette recording), not the code under test."""


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """A shell's ``LLM_EXTRACT_BASE_URL`` (as the README's llama.cpp recipe leaves it) or
    ``OPENAI_API_KEY`` must not change what a test sees or send letters anywhere."""
    for name in list(os.environ):
        if name.startswith(("LLM_EXTRACT_", "OPENAI_")) and not name.startswith(_KEEP):
            monkeypatch.delenv(name)


def _is_loopback(address: Any) -> bool:
    if not isinstance(address, tuple):
        return True  # AF_UNIX paths and socketpairs stay on this machine
    host = str(address[0])
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def _no_outbound_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Any connection to a non-loopback address fails the test, even if the code under
    test catches the refusal (it is recorded and reported at teardown)."""
    attempts: list[str] = []
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex

    def check(address: Any) -> None:
        if not _is_loopback(address):
            attempts.append(repr(address))
            raise ConnectionRefusedError(f"test tried to reach {address!r}: tests stay on loopback")

    def connect(self: socket.socket, address: Any) -> None:
        check(address)
        real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        check(address)
        return real_connect_ex(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    yield
    if attempts:
        pytest.fail(f"outbound network attempted (tests must stay on loopback): {', '.join(attempts)}")

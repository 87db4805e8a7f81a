"""Which backend an eval runs, and the cache identity it runs under.

``rules`` is built here directly: the reference backend must be evaluable whatever
the environment says. ``llm`` and ``hybrid`` come from the shared factory
(:func:`llm_extract.backends.factory.make_backend`), configured by the same
``LLM_EXTRACT_*`` variables as ``llm-extract extract``, so the eval scores exactly
what users run; the factory's :class:`~llm_extract.errors.ConfigError` says what to
set when an endpoint is missing.

The eval wraps every backend in :class:`Fingerprinted`, which adds a hash of the
extraction code to the backend's identity. The cache key is built from that
identity, so after a parser rule is edited (and ``PARSER_VERSION`` forgotten) the
eval re-extracts instead of scoring stale cached results, while an unchanged tree
still hits the cache and a cached LLM eval costs no calls.
"""

from __future__ import annotations

import hashlib
import socket
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from llm_extract.backends import factory
from llm_extract.backends.base import Backend, ExtractOptions
from llm_extract.backends.rules import RulesBackend
from llm_extract.contract.models import BACKENDS, Extraction
from llm_extract.errors import ConfigError, LlmTransportError
from llm_extract.letter.inputs import LetterText

PACKAGE_DIR = Path(__file__).resolve().parent.parent

#: Parts of the package that cannot change an extraction: the harness itself, the
#: command line and the HTTP service. Everything else is fingerprinted.
_NOT_EXTRACTION = ("evaluation/", "service/", "cli/", "__main__.py")


def code_fingerprint(package_dir: Path = PACKAGE_DIR) -> str:
    """sha256 over the extraction code and its data tables (relative paths and bytes, sorted)."""
    digest = hashlib.sha256()
    for path in sorted([*package_dir.rglob("*.py"), *package_dir.glob("text/data/*")]):
        rel = path.relative_to(package_dir).as_posix()
        if rel.startswith(_NOT_EXTRACTION) or "__pycache__" in rel:
            continue
        digest.update(rel.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


class Fingerprinted:
    """A backend whose cache identity also covers the extraction code."""

    def __init__(self, inner: Backend, fingerprint: str) -> None:
        self.inner = inner
        self.name = inner.name
        self.fingerprint = fingerprint

    def identity(self) -> dict[str, Any]:
        return {**self.inner.identity(), "eval_code_sha256": self.fingerprint}

    def extract(self, letter: LetterText, options: ExtractOptions) -> Extraction:
        return self.inner.extract(letter, options)


def make_backend(name: str) -> Backend:
    """The backend called ``name``; a :class:`ConfigError` says why one is unavailable."""
    if name == "rules":
        return RulesBackend()
    if name not in BACKENDS:
        raise ConfigError(f"unknown backend '{name}'", hint=f"use one of: {', '.join(BACKENDS)}")
    return factory.make_backend(name)


def endpoint_of(backend: Backend) -> str | None:
    """The base URL an LLM backend calls (None for ``rules``)."""
    settings = getattr(backend, "settings", None)
    url = getattr(settings, "base_url", None)
    return str(url) if url else None


def check_reachable(backend: Backend, timeout: float = 3.0) -> None:
    """Fail in seconds, naming the endpoint, when nothing listens there.

    Only a TCP connect: a server that is up but answers badly is caught by the
    letters themselves (the run stops after a few endpoint failures in a row).
    """
    url = endpoint_of(backend)
    if url is None:
        return
    parts = urlsplit(url)
    host = parts.hostname or "localhost"
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise LlmTransportError(
            f"cannot reach the LLM endpoint {url} ({reason})",
            hint="start the server there, or point LLM_EXTRACT_BASE_URL at a running one",
        ) from None

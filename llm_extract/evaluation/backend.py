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
from pathlib import Path
from typing import Any

from llm_extract.backends import factory
from llm_extract.backends.base import Backend, ExtractOptions
from llm_extract.backends.rules import RulesBackend
from llm_extract.contract.models import BACKENDS, Extraction
from llm_extract.errors import ConfigError
from llm_extract.letter.inputs import LetterText

PACKAGE_DIR = Path(__file__).resolve().parent.parent

#: Parts of the package that cannot change an extraction: the harness itself, the
#: command line and the HTTP service. Everything else is fingerprinted.
_NOT_EXTRACTION = ("evaluation/", "service/", "cli.py")


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

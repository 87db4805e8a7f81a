"""Choosing a backend by name: ``rules`` (default), ``llm`` or ``hybrid``.

The CLI, the HTTP service and the eval harness all build backends here, so one
configuration (environment or :class:`~llm_extract.llm.settings.LlmSettings`) gives
the same backend everywhere. The LLM backends are imported lazily: ``rules`` never
loads openai or instructor.
"""

from __future__ import annotations

from llm_extract.backends.base import Backend
from llm_extract.backends.rules import RulesBackend
from llm_extract.contract.models import BACKENDS
from llm_extract.errors import ConfigError
from llm_extract.llm.settings import LlmSettings, load_settings


def make_backend(name: str | None = None, settings: LlmSettings | None = None) -> Backend:
    """The backend called ``name`` (default: the settings' backend), configured by ``settings``
    (default: the environment). Raises a ConfigError that says exactly what to set."""
    settings = settings or load_settings()
    name = name or settings.backend
    if name not in BACKENDS:
        raise ConfigError(f"unknown backend '{name}'", hint=f"use one of: {', '.join(BACKENDS)}")
    if name == "rules":
        return RulesBackend()
    settings.require_endpoint(name)
    from llm_extract.backends.llm import HybridBackend, LlmBackend

    return HybridBackend(settings) if name == "hybrid" else LlmBackend(settings)

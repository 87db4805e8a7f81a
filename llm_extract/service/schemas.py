"""Response models of the HTTP API beyond the v1 extraction contract itself.

Extraction results are :class:`~llm_extract.contract.models.Extraction` documents, byte for
byte what the CLI writes; these models wrap them (batches) or describe the service.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from llm_extract.contract.models import Extraction, PromptRef
from llm_extract.service.problems import Problem


class _Response(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Health(_Response):
    status: Literal["ok"] = "ok"


class BackendInfo(_Response):
    name: str
    identity: dict[str, Any]
    """Everything about the backend that changes its output (versions, model, prompt hashes)."""


class VersionInfo(_Response):
    package: str
    api: Literal["v1"] = "v1"
    schema_version: str
    """Version of the extraction contract (``schema_version`` in every document)."""
    parser: str
    summary_templates: str
    default_backend: str
    backends: list[BackendInfo]
    """Backends this server can run, with their identities."""
    prompts: list[PromptRef]
    """Versioned prompt files shipped for the LLM backends (name, version, sha256)."""


class BatchItem(_Response):
    """One letter of a batch: its document, or the problem that stopped it."""

    index: int
    """Position in the request, from 0."""
    id: str | None = None
    """The client's ``id`` for this letter (JSON batches)."""
    ok: bool
    cache: Literal["hit", "miss", "shared", "off"]
    """How the cache served it: hit, computed (miss), joined an identical request (shared), or off."""
    result: Extraction | None = None
    error: Problem | None = None


class BatchResponse(_Response):
    letters: int
    ok: int
    failed: int
    results: list[BatchItem]

"""The HTTP API intake tools call (``llm-extract serve``): FastAPI on the shared pipeline.

Small modules, one concern each: settings, keys (hashed API keys), auth (the
bearer dependency), limits (rate and size), problems (RFC 9457 errors), accesslog
(request ids, text-free logs), intake (bodies to letters), runner (thread pool and
in-flight de-duplication), readiness, routes, spec (OpenAPI) and app (the factory).

Importing this package does not import FastAPI (the CLI registers ``serve`` and
``keys`` from :mod:`.cli` without paying for it); ``create_app`` loads it on use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from llm_extract.service.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from llm_extract.service.app import create_app

        return create_app
    raise AttributeError(name)

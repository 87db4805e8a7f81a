"""The OpenAPI document: request bodies, problem responses and the committed copy.

Extraction endpoints read their bodies by hand (four content types), so their
request bodies are declared here. Every error response is documented as
``application/problem+json`` with the :class:`Problem` schema and the list of
error codes that status can carry, generated from the error tree so the document
cannot drift from the code. ``python -m llm_extract.service.spec`` rewrites the
committed ``schema/openapi.json``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic.json_schema import models_json_schema

import llm_extract.errors  # noqa: F401
from llm_extract.errors import LlmExtractError
from llm_extract.service.intake import BatchRequest, ExtractionRequest
from llm_extract.service.problems import PROBLEM_BASE, PROBLEM_MEDIA_TYPE, TITLES, Problem

PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}


def _error_classes(root: type[LlmExtractError] = LlmExtractError) -> Iterator[type[LlmExtractError]]:
    for sub in root.__subclasses__():
        yield sub
        yield from _error_classes(sub)


def codes_by_status() -> dict[int, list[str]]:
    """Every error code the service can answer with, grouped by HTTP status."""
    table: dict[int, set[str]] = {}
    for cls in _error_classes():
        table.setdefault(cls.http_status, set()).add(cls.code)
    return {status: sorted(codes) for status, codes in sorted(table.items())}


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    table = codes_by_status()
    out: dict[int | str, dict[str, Any]] = {}
    for status in statuses:
        codes = table.get(status, [])
        listed = "; ".join(f"`{c}` ({TITLES.get(c, c)})" for c in codes)
        out[status] = {
            "description": f"Problem types: {listed}" if listed else "Problem",
            "content": {PROBLEM_MEDIA_TYPE: {"schema": PROBLEM_REF}},
        }
        if status in _PROBLEM_HEADERS:
            out[status]["headers"] = _PROBLEM_HEADERS[status]
    return out


_PROBLEM_HEADERS: dict[int, dict[str, Any]] = {
    401: {
        "WWW-Authenticate": {
            "description": 'Always `Bearer realm="llm-extract"`.',
            "required": True,
            "schema": {"type": "string"},
        }
    },
    429: {
        "Retry-After": {
            "description": "Seconds to wait before retrying.",
            "required": True,
            "schema": {"type": "integer", "minimum": 1},
        }
    },
}

EXTRACTION_HEADERS: dict[str, Any] = {
    "X-Cache": {
        "description": "How the cache served the letter: `hit`, `miss` (computed), `shared` (joined an "
        "identical request in flight) or `off` (cache=false or disabled).",
        "required": True,
        "schema": {"type": "string", "enum": ["hit", "miss", "shared", "off"]},
    },
}


def single_body() -> dict[str, Any]:
    binary = {"type": "string", "format": "binary"}
    return {
        "requestBody": {
            "required": True,
            "content": {
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "required": ["file"],
                        "properties": {"file": {**binary, "description": "The letter: a PDF or a UTF-8 text file."}},
                    }
                },
                "application/pdf": {"schema": binary},
                "text/plain": {"schema": {"type": "string"}},
                "application/json": {"schema": {"$ref": "#/components/schemas/ExtractionRequest"}},
            },
        }
    }


def batch_body() -> dict[str, Any]:
    return {
        "requestBody": {
            "required": True,
            "content": {
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "required": ["files"],
                        "properties": {
                            "files": {
                                "type": "array",
                                "items": {"type": "string", "format": "binary"},
                                "description": "The letters: PDFs or UTF-8 text files.",
                            }
                        },
                    }
                },
                "application/json": {"schema": {"$ref": "#/components/schemas/BatchRequest"}},
            },
        }
    }


DESCRIPTION = f"""Grounded decisions and plain-language summaries from California workers' compensation
IMR final determination letters. Authenticate with `Authorization: Bearer <key>`. Errors are RFC 9457
`application/problem+json` documents whose `type` is `{PROBLEM_BASE}<code>`."""


def openapi_document(app: FastAPI) -> dict[str, Any]:
    """FastAPI's document plus the request-body and problem schemas the routes reference."""
    if app.openapi_schema is not None:
        return app.openapi_schema
    doc = get_openapi(title=app.title, version=app.version, description=DESCRIPTION, routes=app.routes)
    _, extra = models_json_schema(
        [(m, "validation") for m in (ExtractionRequest, BatchRequest, Problem)],
        ref_template="#/components/schemas/{model}",
    )
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    for name, schema in extra.get("$defs", {}).items():
        schemas.setdefault(name, schema)
    app.openapi_schema = doc
    return doc


def openapi_json(app: FastAPI) -> str:
    return json.dumps(openapi_document(app), indent=2, sort_keys=True) + "\n"

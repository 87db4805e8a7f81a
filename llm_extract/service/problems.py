"""RFC 9457 problem details: one stable ``type`` URI per error code.

The service's own errors join the package's single error tree (they subclass
:class:`~llm_extract.errors.LlmExtractError`), so a letter error raised deep in the
pipeline and an auth failure at the edge render the same way. ``type`` is built
from the error's ``code`` and never changes; ``detail`` and ``hint`` are safe to show
and log because no error message carries letter text.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect

from llm_extract.errors import InternalError, LlmExtractError

log = logging.getLogger(__name__)

PROBLEM_BASE = "https://llm-extract.invalid/problems/"
PROBLEM_MEDIA_TYPE = "application/problem+json"
CLIENT_CLOSED_REQUEST = 499
"""Logged (never sent) when the client disconnects before its body arrived (nginx's convention)."""


class ServiceError(LlmExtractError):
    """A request-level failure of the HTTP service (not of one letter)."""

    code = "bad-request"
    http_status = 400

    def headers(self) -> dict[str, str]:
        """Extra response headers this error requires (e.g. Retry-After)."""
        return {}


class BadRequest(ServiceError):
    """The request could not be read (e.g. malformed multipart or JSON)."""


class Unauthorized(ServiceError):
    code = "unauthorized"
    http_status = 401

    def headers(self) -> dict[str, str]:
        return {"WWW-Authenticate": 'Bearer realm="llm-extract"'}


class Forbidden(ServiceError):
    code = "forbidden"
    http_status = 403


class NotFound(ServiceError):
    code = "not-found"
    http_status = 404


class MethodNotAllowed(ServiceError):
    code = "method-not-allowed"
    http_status = 405


class RequestTimeout(ServiceError):
    """The client did not send its body within the request timeout."""

    code = "request-timeout"
    http_status = 408


class RequestTooLarge(ServiceError):
    code = "request-too-large"
    http_status = 413


class BatchTooLarge(ServiceError):
    code = "batch-too-large"
    http_status = 413


class UnsupportedMediaType(ServiceError):
    code = "unsupported-media-type"
    http_status = 415


class InvalidRequest(ServiceError):
    """Parameters or JSON fields failed validation; ``errors`` says which (never their values)."""

    code = "invalid-request"
    http_status = 422

    def __init__(self, message: str, *, errors: Sequence[FieldError] = (), hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.errors = list(errors)


class BackendUnavailable(ServiceError):
    code = "backend-unavailable"
    http_status = 422


class RateLimited(ServiceError):
    code = "rate-limited"
    http_status = 429

    def __init__(self, message: str, *, retry_after: int, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.retry_after = retry_after

    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after)}


class AuthThrottled(RateLimited):
    """Too many invalid keys from one client address (counted per address, not per key)."""

    code = "auth-throttled"


class HeaderTimeout(ServiceError):
    """The client did not finish sending the request line and headers in time (slowloris)."""

    code = "header-timeout"
    http_status = 408


class HeadersTooLarge(ServiceError):
    code = "headers-too-large"
    http_status = 431


class KeysUnavailable(ServiceError):
    """The server's keys file is unusable, so it cannot tell a valid key from a revoked one."""

    code = "keys-unavailable"
    http_status = 503

    def headers(self) -> dict[str, str]:
        return {"Retry-After": "30"}


class LimitsUnavailable(ServiceError):
    """The shared rate limits and revocations (the queue server) could not be reached, so the
    request can be neither admitted nor refused on its key's limit."""

    code = "limits-unavailable"
    http_status = 503

    def headers(self) -> dict[str, str]:
        return {"Retry-After": "5"}


class ServerBusy(ServiceError):
    """The server holds its maximum number of connections."""

    code = "server-busy"
    http_status = 503

    def headers(self) -> dict[str, str]:
        return {"Retry-After": "1"}


class ExtractionTimeout(ServiceError):
    code = "extraction-timeout"
    http_status = 504


TITLES: Mapping[str, str] = {
    "bad-request": "The request could not be read",
    "unauthorized": "A valid API key is required",
    "forbidden": "The API key lacks the right for this operation",
    "not-found": "No such resource",
    "method-not-allowed": "Method not allowed on this resource",
    "request-timeout": "The request body did not arrive in time",
    "request-too-large": "The request body is too large",
    "batch-too-large": "The batch has too many letters",
    "unsupported-media-type": "Unsupported content type",
    "not-acceptable": "None of the accepted media types can be produced",
    "invalid-request": "The request parameters are invalid",
    "backend-unavailable": "The requested backend is not available",
    "rate-limited": "Too many requests for this API key",
    "auth-throttled": "Too many failed authentications from this address",
    "header-timeout": "The request headers did not arrive in time",
    "headers-too-large": "The request headers are too large",
    "keys-unavailable": "The server cannot check API keys right now",
    "limits-unavailable": "The server cannot check rate limits right now",
    "server-busy": "The server has too many open connections",
    "extraction-timeout": "Extraction did not finish in time",
    "invalid-input": "The input is not a usable letter",
    "empty-input": "The letter is empty",
    "binary-input": "The letter is binary, not text",
    "unsupported-file": "Unsupported file type",
    "unrecognized-letter": "Not a recognised IMR determination letter",
    "pdf-error": "The PDF could not be read",
    "not-a-pdf": "The file is not a PDF",
    "corrupt-pdf": "The PDF is damaged",
    "pdf-password-required": "The PDF needs a password",
    "pdf-no-text-layer": "The PDF has no text layer (needs OCR)",
    "pdf-too-many-pages": "The PDF has too many pages",
    "pdf-too-complex": "The PDF needs more memory or time than a letter may use",
    "letter-too-complex": "The letter needs more processing time than a letter may use",
    "output-collision": "Two inputs would be written to the same output file",
    "input-too-large": "The letter file is too large",
    "config-error": "The service is misconfigured",
    "cache-error": "The result cache failed",
    "internal-error": "Internal error",
    "llm-error": "The LLM backend failed",
    "llm-transport": "The LLM endpoint could not be reached",
    "llm-rejected": "The LLM endpoint rejected the request",
    "llm-answer-invalid": "The model's answer failed validation",
    "budget-exceeded": "The LLM cost budget is exhausted",
    "browser-error": "Headless Chromium failed",
    "browser-not-found": "Headless Chromium is not installed",
    "idempotency-key-reused": "The Idempotency-Key was used for a different request",
    "jobs-unavailable": "The jobs API is not enabled",
    "letter-retries-exhausted": "The letter failed on every delivery allowed",
}


class FieldError(BaseModel):
    """Which request field failed and why (its value is never echoed: it may be letter text)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    loc: str
    """Dotted location, e.g. ``query.lang`` or ``body.letters.0.text``."""
    msg: str
    type: str


class Problem(BaseModel):
    """RFC 9457 problem details, with the error ``code`` and a ``hint`` on how to fix it."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    type: str
    """Stable URI naming the error kind: ``https://llm-extract.invalid/problems/<code>``."""
    title: str
    """Short summary of the error kind (the same for every occurrence)."""
    status: int
    """HTTP status code."""
    detail: str
    """What went wrong in this occurrence (never contains letter text)."""
    code: str
    """The error code (last segment of ``type``), as printed by the CLI."""
    hint: str | None = None
    """How to fix it."""
    instance: str | None = None
    """``urn:llm-extract:request:<request id>`` of the request that failed."""
    request_id: str | None = None
    retry_after: int | None = None
    """Seconds to wait before retrying (rate-limited and auth-throttled)."""
    errors: list[FieldError] | None = None
    """Per-field validation failures (invalid-request only)."""


def problem_type(code: str) -> str:
    return PROBLEM_BASE + code


def problem_for(error: LlmExtractError, request_id: str | None = None) -> Problem:
    """The problem document for an error; unknown codes still get a stable type."""
    return Problem(
        type=problem_type(error.code),
        title=TITLES.get(error.code, error.code.replace("-", " ").capitalize()),
        status=error.http_status,
        detail=error.message,
        code=error.code,
        hint=error.hint or None,
        instance=f"urn:llm-extract:request:{request_id}" if request_id else None,
        request_id=request_id,
        retry_after=error.retry_after if isinstance(error, RateLimited) else None,
        errors=error.errors if isinstance(error, InvalidRequest) else None,
    )


def problem_response(error: LlmExtractError, request_id: str | None = None) -> Response:
    problem = problem_for(error, request_id)
    headers = error.headers() if isinstance(error, ServiceError) else {}
    body = problem.model_dump_json(exclude_none=True)
    return Response(body, status_code=problem.status, media_type=PROBLEM_MEDIA_TYPE, headers=headers)


def request_id_of(request: Request) -> str | None:
    value = getattr(request.state, "request_id", None)
    return value if isinstance(value, str) else None


def answer(request: Request, error: LlmExtractError) -> Response:
    """The problem response for a request, noting the code for the access log."""
    request.state.error = error.code
    return problem_response(error, request_id_of(request))


def field_errors(raw: Sequence[Any]) -> list[FieldError]:
    """pydantic/FastAPI errors without their ``input`` and ``ctx`` (which may hold letter text)."""
    out = []
    for item in raw[:20]:
        loc = ".".join(str(part) for part in item.get("loc", ()))
        out.append(FieldError(loc=loc, msg=str(item.get("msg", "")), type=str(item.get("type", ""))))
    return out


_STATUS_ERRORS: Mapping[int, type[ServiceError]] = {
    404: NotFound,
    405: MethodNotAllowed,
    413: RequestTooLarge,
    415: UnsupportedMediaType,
}


def _allowed(request: Request, first: str) -> str:
    """Every method the API documents at this path (Starlette names only the first route's)."""
    methods = {m.strip() for m in first.split(",") if m.strip()}
    path = request.url.path
    for template, operations in request.app.openapi().get("paths", {}).items():
        if re.fullmatch(re.sub(r"\{[^/]+\}", "[^/]+", template), path):
            methods |= {m.upper() for m in operations}
    return ", ".join(sorted(methods))


def install_handlers(app: FastAPI) -> None:
    """Render every error, including framework and unexpected ones, as problem+json."""

    async def on_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, LlmExtractError)
        return answer(request, exc)

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        kind = _STATUS_ERRORS.get(exc.status_code, BadRequest)
        error = kind(str(exc.detail) if exc.status_code < 500 else "server error")
        error.http_status = exc.status_code if exc.status_code < 500 else 500
        if exc.status_code == 404 and len(request.url.path) > 1 and request.url.path.endswith("/"):
            error.hint = "remove the trailing slash (the API never redirects)"
        response = answer(request, error)
        if exc.status_code == 405 and exc.headers:
            response.headers.update({k: v for k, v in exc.headers.items() if k.lower() == "allow"})
            response.headers["Allow"] = _allowed(request, response.headers["Allow"])
        return response

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        error = InvalidRequest(
            "the request failed validation",
            errors=field_errors(exc.errors()),
            hint="see 'errors' for the fields to fix",
        )
        return answer(request, error)

    async def on_disconnect(request: Request, exc: Exception) -> Response:
        # The client went away mid-body: nobody will read this; 499 marks it in the access log.
        return Response(status_code=CLIENT_CLOSED_REQUEST)

    async def on_crash(request: Request, exc: Exception) -> Response:
        log.error("unhandled %s", type(exc).__name__, exc_info=exc)
        error = InternalError("internal error", hint="report it with the request id")
        return answer(request, error)

    app.add_exception_handler(LlmExtractError, on_error)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(ClientDisconnect, on_disconnect)
    app.add_exception_handler(Exception, on_crash)

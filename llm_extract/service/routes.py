"""The /v1 endpoints: extraction (one letter or a batch), health, readiness, version."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Awaitable, Callable, Coroutine
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response
from fastapi.routing import APIRoute

from llm_extract.backends.base import Language
from llm_extract.contract.models import BACKENDS, SCHEMA_VERSION, Extraction, PromptRef
from llm_extract.errors import LlmExtractError
from llm_extract.parse.parser import PARSER_VERSION
from llm_extract.render.api import to_html, to_text
from llm_extract.service import intake, negotiate
from llm_extract.service.auth import bearer, require
from llm_extract.service.keys import Principal, Scope
from llm_extract.service.problems import ExtractionTimeout, RequestTimeout, problem_for, problem_response, request_id_of
from llm_extract.service.readiness import ReadinessReport, run_checks
from llm_extract.service.runner import Outcome, RunOptions
from llm_extract.service.schemas import BackendInfo, BatchResponse, Health, VersionInfo
from llm_extract.service.spec import EXTRACTION_HEADERS, batch_body, problem_responses, single_body
from llm_extract.service.state import ServiceState, service_state
from llm_extract.summary.templates import TEMPLATES_VERSION
from llm_extract.version import __version__

router = APIRouter(prefix="/v1")

LangQuery = Annotated[Language | None, Query(description="Summary language: en (default) or es.")]
BackendQuery = Annotated[
    str | None, Query(pattern=intake.BACKEND_PATTERN, max_length=32, description="Backend name (default: rules).")
]
CacheQuery = Annotated[bool, Query(description="Read and write the result cache.")]


async def query_options(lang: LangQuery = None, backend: BackendQuery = None, cache: CacheQuery = True) -> RunOptions:
    """Async on purpose: FastAPI runs a plain ``def`` dependency in its thread pool, a thread hop
    per request that cost more CPU than the rest of a cache hit's handler."""
    return RunOptions(lang=lang or "en", backend=backend, cache=cache)


@router.get("/healthz", response_model=Health, tags=["service"], summary="Liveness")
async def healthz() -> Health:
    """Answers as long as the process serves requests (no dependency is probed)."""
    return Health()


@router.get(
    "/readyz",
    response_model=ReadinessReport,
    tags=["service"],
    summary="Readiness",
    responses={503: {"model": ReadinessReport, "description": "A check failed"}},
)
async def readyz(request: Request) -> JSONResponse:
    """Whether the cache is writable and the LLM endpoint, when configured, answers."""
    report = await run_checks(service_state(request).checks)
    return JSONResponse(report.model_dump(mode="json"), status_code=200 if report.status == "ready" else 503)


@router.get("/version", response_model=VersionInfo, tags=["service"], summary="Versions")
async def version(request: Request) -> VersionInfo:
    """Package, contract, parser, summary template and prompt versions, and the backends' identities."""
    state = service_state(request)
    if state.version is None:
        state.version = build_version(state)
    return state.version


admit_extract = require(Scope.extract)
DEFAULT_OPTIONS = RunOptions()


_BOOLEANS = {
    **dict.fromkeys(("1", "true", "t", "yes", "y", "on"), True),
    **dict.fromkeys(("0", "false", "f", "no", "n", "off"), False),
}
"""The spellings of a boolean query value that FastAPI (pydantic) accepts, case aside."""
_BACKEND = re.compile(intake.BACKEND_PATTERN)


def plain_options(query: bytes) -> RunOptions | None:
    """The options of a plain query string (``lang``, ``backend``, ``cache``, each at most once,
    each valid, nothing escaped), or None when it needs FastAPI's parsing and validation."""
    if not query:
        return DEFAULT_OPTIONS
    if b"%" in query or b"+" in query or not query.isascii():
        return None
    values: dict[str, str] = {}
    for part in query.decode("ascii").split("&"):
        name, equals, value = part.partition("=")
        if not equals or name in values or name not in ("lang", "backend", "cache"):
            return None
        values[name] = value
    lang, backend, cache = values.get("lang"), values.get("backend"), values.get("cache")
    if lang is not None and lang not in ("en", "es"):
        return None
    if backend is not None and _BACKEND.match(backend) is None:
        return None
    use_cache = True if cache is None else _BOOLEANS.get(cache.lower())
    if use_cache is None:
        return None
    return RunOptions(lang="es" if lang == "es" else "en", backend=backend, cache=use_cache)


class PlainQueryRoute(APIRoute):
    """The extraction route, answering a request with a plain query string (:func:`plain_options`,
    e.g. none or ``?cache=false``) without FastAPI's dependency solving.

    Why: FastAPI re-inspects every dependency and query parameter on each request, about 0.2 ms
    of CPU, more than the rest of a cache hit's handler (measured in-process). For a plain query
    string the options are read directly and the handler calls the same two steps itself: the
    bearer credentials (the same :data:`~llm_extract.service.auth.bearer` object) and the same admission
    (:data:`admit_extract`: throttle, key, right, rate limit, declared size, in that order),
    then the endpoint. Any other query string takes FastAPI's own path, validation and all;
    errors raised either way reach the same exception handlers. The OpenAPI document is unchanged."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        solved = super().get_route_handler()
        endpoint = self.endpoint

        async def handle(request: Request) -> Response:
            options = plain_options(request.scope["query_string"])
            if options is None:
                return await solved(request)
            principal = await admit_extract(request, await bearer(request))
            response: Response = await endpoint(request, principal, options)
            return response

        return handle


async def extract(
    request: Request,
    principal: Annotated[Principal, Depends(admit_extract)],
    options: Annotated[RunOptions, Depends(query_options)],
) -> Response:
    """One letter as a multipart upload (field ``file``), a text/plain or application/pdf body, or JSON
    ``{"text": ...}``. ``Accept`` picks the answer: the JSON document (default), or the worker's
    summary as ``text/plain`` or a printable ``text/html`` page, in the chosen ``lang``. Errors are
    problem+json with a stable ``type`` per error."""
    representation = negotiate.choose(request.headers.get("accept"))
    state = service_state(request)
    deadline = asyncio.get_running_loop().time() + state.settings.request_timeout
    body = await _read(intake.single(request, options), deadline)
    letter = body.letters[0]
    assert not isinstance(letter, LlmExtractError)
    try:
        outcome = state.runner.cached(letter, body.options)
        if outcome is None:
            async with asyncio.timeout_at(deadline):
                outcome = await state.runner.extract(letter, body.options, looked_up=True)
    except TimeoutError:
        raise ExtractionTimeout(
            "the letter was not extracted within the request timeout",
            hint="retry later; the result may then come from the cache",
        ) from None
    _note(request, [outcome])
    result = outcome.result
    if result.error is not None:
        return problem_response(result.error, request_id_of(request))
    assert result.document is not None
    headers = {"X-Cache": outcome.cache, "Vary": "Accept"}
    if representation == negotiate.TEXT:
        return Response(to_text(result.extraction), media_type=negotiate.TEXT + negotiate.CHARSET, headers=headers)
    if representation == negotiate.HTML:
        return Response(to_html(result.extraction), media_type=negotiate.HTML + negotiate.CHARSET, headers=headers)
    return Response(result.document, media_type="application/json", headers=headers)


router.add_api_route(
    "/extractions",
    extract,
    methods=["POST"],
    route_class_override=PlainQueryRoute,
    response_model=Extraction,
    tags=["extraction"],
    summary="Extract one letter",
    responses={
        200: {
            "description": "The v1 extraction document (JSON, the default), or the worker's summary as plain "
            "text (`Accept: text/plain`) or as a printable HTML page (`Accept: text/html`).",
            "headers": EXTRACTION_HEADERS,
            "content": {
                negotiate.TEXT: {"schema": {"type": "string"}},
                negotiate.HTML: {"schema": {"type": "string"}},
            },
        },
        **problem_responses(400, 401, 402, 403, 404, 406, 408, 413, 415, 422, 429, 500, 502, 504),
    },
    openapi_extra=single_body(),
)
# First in the router: the router tries its routes in order, and the busiest route first saves
# matching four others on every extraction (paths do not overlap, the OpenAPI document is sorted).
router.routes.insert(0, router.routes.pop())


@router.post(
    "/extractions/batch",
    response_model=BatchResponse,
    tags=["extraction"],
    summary="Extract several letters",
    responses=problem_responses(400, 401, 402, 403, 404, 406, 408, 413, 415, 422, 429, 500, 502),
    openapi_extra=batch_body(),
)
async def extract_batch(
    request: Request,
    principal: Annotated[Principal, Depends(require(Scope.batch))],
    options: Annotated[RunOptions, Depends(query_options)],
) -> Response:
    """Up to ``max_batch`` letters as a multipart upload (repeated field ``files``) or JSON
    ``{"letters": [{"id": ..., "text": ...}, {"content_base64": ...}]}``. Always 200 once the request is
    accepted: each letter carries its document or its own problem, in request order. JSON only
    (an ``Accept`` without JSON is a 406)."""
    negotiate.choose(request.headers.get("accept"), (negotiate.JSON,))
    state = service_state(request)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + state.settings.request_timeout
    body = await _read(intake.batch(request, options, state.settings.max_batch), deadline)
    outcomes = await state.runner.extract_many(body.letters, body.options, deadline - loop.time())
    _note(request, outcomes)
    return Response(batch_json(outcomes, body.ids), media_type="application/json")


async def _read(reading: Awaitable[intake.Intake], deadline: float) -> intake.Intake:
    """Receive and decode the body within the request timeout (408 if the client is too slow)."""
    try:
        async with asyncio.timeout_at(deadline):
            return await reading
    except TimeoutError:
        raise RequestTimeout(
            "the request body did not arrive within the request timeout",
            hint="send the body promptly, or raise LLM_EXTRACT_REQUEST_TIMEOUT",
        ) from None


def _note(request: Request, outcomes: list[Outcome]) -> None:
    """Counts for the access log (never names, ids or text)."""
    request.state.letters = len(outcomes)
    request.state.failed = sum(not o.result.ok for o in outcomes)
    request.state.cache_hits = sum(o.cache == "hit" for o in outcomes)
    service_state(request).metrics.observe_outcomes(outcomes)
    errors = {o.result.error.code for o in outcomes if o.result.error is not None}
    if errors:
        request.state.error = ",".join(sorted(errors))


def batch_json(outcomes: list[Outcome], ids: list[str | None]) -> str:
    """The batch response, embedding each stored document verbatim (no re-serialisation)."""
    items = []
    for index, (outcome, client_id) in enumerate(zip(outcomes, ids, strict=True)):
        result = outcome.result
        head = json.dumps({"index": index, "id": client_id, "ok": result.ok, "cache": outcome.cache})[:-1]
        if result.document is not None:
            items.append(f'{head}, "result": {result.document}, "error": null}}')
        else:
            assert result.error is not None
            problem = problem_for(result.error).model_dump_json(exclude_none=True)
            items.append(f'{head}, "result": null, "error": {problem}}}')
    ok = sum(o.result.ok for o in outcomes)
    return (
        f'{{"letters": {len(outcomes)}, "ok": {ok}, "failed": {len(outcomes) - ok}, "results": [{", ".join(items)}]}}\n'
    )


def build_version(state: ServiceState) -> VersionInfo:
    runner = state.runner
    backends = []
    for name in BACKENDS:
        try:
            backends.append(BackendInfo(name=name, identity=runner.backend(name).identity()))
        except LlmExtractError:
            continue  # not configured on this server
    try:
        default = runner.backend(None).name
    except LlmExtractError:
        default = runner.default_backend or "rules"
    return VersionInfo(
        package=__version__,
        schema_version=SCHEMA_VERSION,
        parser=PARSER_VERSION,
        summary_templates=TEMPLATES_VERSION,
        default_backend=default,
        backends=backends,
        prompts=shipped_prompts(),
    )


def shipped_prompts() -> list[PromptRef]:
    """The LLM prompt files' versions and hashes; empty when they cannot be loaded."""
    try:
        from llm_extract.llm.prompts import REQUIRED_PLACEHOLDERS, PromptSet
        from llm_extract.llm.settings import DEFAULT_PROMPTS_DIR

        return PromptSet(DEFAULT_PROMPTS_DIR, tuple(sorted(REQUIRED_PLACEHOLDERS))).refs()
    except (LlmExtractError, ImportError, OSError):
        return []

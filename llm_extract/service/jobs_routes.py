"""The /v1/jobs endpoints: accept letters at once (202), extract them in the background.

For letters a client cannot wait for (an LLM backend can take minutes a letter): the
POST answers as soon as the letters are stored, workers extract them, and the client
polls ``GET /v1/jobs/{id}``, reads ``/results`` as JSON Lines, or gets a signed webhook.
A job is visible only to the key that created it; any other key gets 404, exactly as
for a job that does not exist.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import Annotated

import anyio
from fastapi import APIRouter, Depends, Header, Path, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import Field

from llm_extract.errors import LlmExtractError
from llm_extract.jobs.models import (
    FINISHED,
    JobOptions,
    JobRecord,
    JobView,
    LetterRecord,
    Outcome,
    new_job_id,
    utcnow,
    view,
)
from llm_extract.jobs.runtime import JobRuntime
from llm_extract.jobs.store import IdempotencyConflict, NewLetter
from llm_extract.jobs.webhook import webhook_secret
from llm_extract.jobs.work import letter_error
from llm_extract.service import intake
from llm_extract.service.auth import require
from llm_extract.service.keys import Principal, Scope
from llm_extract.service.problems import NotFound, ServiceError, problem_for
from llm_extract.service.routes import BackendQuery, CacheQuery, LangQuery, _read
from llm_extract.service.runner import RunOptions
from llm_extract.service.spec import batch_body, problem_responses
from llm_extract.service.state import ServiceState, service_state

router = APIRouter(prefix="/v1/jobs", tags=["jobs"])

JSONL_MEDIA_TYPE = "application/jsonl"
CALLBACK_PATTERN = r"^https?://[^\s]{1,2000}$"
JobId = Annotated[str, Path(pattern=r"^job_[0-9a-f]{24}$", description="The job id from POST /v1/jobs.")]


class IdempotencyKeyReused(ServiceError):
    code = "idempotency-key-reused"
    http_status = 409


class JobsUnavailable(ServiceError):
    code = "jobs-unavailable"
    http_status = 503


class JobRequest(intake.BatchRequest):
    """Letters for a job as JSON, with an optional completion webhook."""

    callback_url: str | None = Field(default=None, pattern=CALLBACK_PATTERN)
    """Where to POST the signed completion notice (see docs/jobs.md)."""


def runtime_of(state: ServiceState) -> JobRuntime:
    if state.jobs is None:
        raise JobsUnavailable("the jobs API is not enabled on this server", hint="use the synchronous endpoints")
    return state.jobs


def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/")


async def _owned(state: ServiceState, principal: Principal, job_id: str) -> tuple[JobRecord, list[LetterRecord]]:
    runtime = runtime_of(state)
    job = await anyio.to_thread.run_sync(runtime.store.get, job_id)
    if job is None or job.owner != principal.key_id:
        raise NotFound("no such job", hint="check the job id; jobs are deleted when their retention ends")
    letters = await anyio.to_thread.run_sync(runtime.store.letters, job_id)
    return job, letters


def _fingerprint(body: intake.Intake, options: RunOptions, callback_url: str | None) -> str:
    parts = [json.dumps([options.lang, options.backend, options.cache, callback_url])]
    for item, client_id in zip(body.letters, body.ids, strict=True):
        digest = item.code if isinstance(item, LlmExtractError) else item.sha256
        parts.append(f"{client_id}\x00{digest}")
    return hashlib.sha256("\x1e".join(parts).encode("utf-8")).hexdigest()


def _bearer(request: Request) -> str:
    return request.headers.get("authorization", "").partition(" ")[2].strip()


@router.post(
    "",
    status_code=202,
    response_model=JobView,
    summary="Submit letters as a job",
    responses={
        202: {"description": "Accepted: the job and its links (also in Location)."},
        200: {"description": "A replay of an earlier request with the same Idempotency-Key: that job."},
        **problem_responses(400, 401, 403, 404, 408, 409, 413, 415, 422, 429, 500, 503),
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                **batch_body()["requestBody"]["content"],
                "application/json": {"schema": {"$ref": "#/components/schemas/JobRequest"}},
            },
        }
    },
)
async def create_job(
    request: Request,
    principal: Annotated[Principal, Depends(require(Scope.batch))],
    lang: LangQuery = None,
    backend: BackendQuery = None,
    cache: CacheQuery = True,
    callback_url: Annotated[
        str | None, Query(pattern=CALLBACK_PATTERN, description="Completion webhook URL (multipart uploads).")
    ] = None,
    idempotency_key: Annotated[
        str | None,
        Header(max_length=255, description="Repeat a request safely: the same key returns the same job."),
    ] = None,
) -> Response:
    """Multipart (repeated field ``files``; each result carries the file name as ``id``) or JSON
    ``{"letters": [{"id": ..., "text": ...}], "callback_url": ...}``. Answers 202 once the letters are
    stored; a letter that cannot be decoded is recorded as failed at once."""
    state = service_state(request)
    runtime = runtime_of(state)
    query = RunOptions(lang=lang or "en", backend=backend, cache=cache)
    deadline = anyio.current_time() + state.settings.request_timeout
    reading = intake.batch(request, query, runtime.settings.max_letters, model=JobRequest)
    body = await _read(reading, deadline)
    if isinstance(body.extra, JobRequest) and body.extra.callback_url:
        callback_url = body.extra.callback_url
    state.runner.backend(body.options.backend)  # an unavailable backend is the caller's 422 now, not per letter
    letters = [
        NewLetter(index=i, id=client_id, data=None, outcome=Outcome(error=letter_error(item)))
        if isinstance(item, LlmExtractError)
        else NewLetter(index=i, id=client_id, data=item.data)
        for i, (item, client_id) in enumerate(zip(body.letters, body.ids, strict=True))
    ]
    record = JobRecord(
        id=new_job_id(),
        owner=principal.key_id,
        created=utcnow(),
        options=JobOptions(
            lang=body.options.lang,
            backend=body.options.backend or state.runner.default_backend,
            cache=body.options.cache,
        ),
        total=len(letters),
        callback_url=callback_url,
        webhook_secret=webhook_secret(_bearer(request)) if callback_url else None,
        base_url=_base(request),
        fingerprint=_fingerprint(body, body.options, callback_url),
    )
    try:
        job, created = await anyio.to_thread.run_sync(lambda: runtime.store.create(record, letters, idempotency_key))
    except IdempotencyConflict:
        raise IdempotencyKeyReused(
            "this Idempotency-Key was used for a different request",
            hint="use a new key for a new request",
        ) from None
    if created:
        waiting = [n.index for n in letters if n.outcome is None]
        await anyio.to_thread.run_sync(runtime.dispatch, job.id, waiting)
        if job.done:
            runtime.notify(job)
    request.state.letters = len(letters)
    stored = await anyio.to_thread.run_sync(runtime.store.letters, job.id)
    shown = view(job, stored, _base(request))
    headers = {"Location": shown.links.self}
    if not created:
        headers["Idempotent-Replayed"] = "true"
    return JSONResponse(shown.model_dump(mode="json"), status_code=202 if created else 200, headers=headers)


@router.get(
    "/{job_id}",
    response_model=JobView,
    summary="A job's status",
    responses=problem_responses(401, 403, 404, 422, 429, 503),
)
async def get_job(
    request: Request, job_id: JobId, principal: Annotated[Principal, Depends(require(Scope.batch))]
) -> JobView:
    """Status (``queued|running|done|failed``), counts, and each letter's status and attempts."""
    job, letters = await _owned(service_state(request), principal, job_id)
    return view(job, letters, _base(request))


@router.get(
    "/{job_id}/results",
    summary="A job's results as JSON Lines",
    responses={
        200: {
            "description": "One line per finished letter, in request order: "
            '`{"index", "id", "ok", "result", "error"}` with `result` the v1 extraction document '
            "(the CLI's document on one line) or `error` a problem. Letters still running are left out "
            "(see the X-Job-Status header: all letters are present once it is done or failed).",
            "content": {JSONL_MEDIA_TYPE: {"schema": {"type": "string"}}},
            "headers": {"X-Job-Status": {"schema": {"type": "string"}, "description": "The job's status."}},
        },
        **problem_responses(401, 403, 404, 422, 429, 503),
    },
)
async def job_results(
    request: Request, job_id: JobId, principal: Annotated[Principal, Depends(require(Scope.batch))]
) -> Response:
    job, letters = await _owned(service_state(request), principal, job_id)
    shown = view(job, letters, _base(request))
    return StreamingResponse(
        _lines(letters),
        media_type=JSONL_MEDIA_TYPE,
        headers={"X-Job-Status": shown.status.value},
    )


def result_line(letter: LetterRecord) -> str:
    """One JSON line; the document is the CLI's, with insignificant whitespace removed."""
    head = json.dumps({"index": letter.index, "id": letter.id, "ok": letter.document is not None})[:-1]
    if letter.document is not None:
        compact = json.dumps(json.loads(letter.document), ensure_ascii=False, separators=(",", ":"))
        return f'{head},"result":{compact},"error":null}}\n'
    assert letter.error is not None
    error = LlmExtractError(letter.error.message, hint=letter.error.hint)
    error.code = letter.error.code
    error.http_status = letter.error.http_status
    problem = problem_for(error).model_dump_json(exclude_none=True)
    return f'{head},"result":null,"error":{problem}}}\n'


def _lines(letters: list[LetterRecord]) -> Iterator[str]:
    for letter in letters:
        if letter.status in FINISHED:
            yield result_line(letter)


@router.delete(
    "/{job_id}",
    status_code=204,
    summary="Cancel and delete a job",
    responses={204: {"description": "Cancelled and deleted"}, **problem_responses(401, 403, 404, 422, 429, 503)},
)
async def delete_job(
    request: Request, job_id: JobId, principal: Annotated[Principal, Depends(require(Scope.batch))]
) -> Response:
    """Letters not yet started will not run; stored letters and results are deleted now (a letter
    running at this moment finishes on its worker, and its result is discarded)."""
    state = service_state(request)
    await _owned(state, principal, job_id)
    await anyio.to_thread.run_sync(runtime_of(state).store.delete, job_id)
    return Response(status_code=204)

"""What a job is, as stored and as shown: records for the stores, views for the API.

A job belongs to the API key that created it (``owner``, the key id) and is shown
only to that key. Letter bytes are kept only until the letter is extracted; results
(documents or problems) are kept until the job expires, ``retention`` after it ended.
"""

from __future__ import annotations

import datetime as dt
import secrets
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from llm_extract.backends.base import Language


class JobStatus(StrEnum):
    """``queued``: no letter started; ``running``; ``done``: every letter has its document or
    problem and at least one succeeded; ``failed``: every letter ended with a problem. A cancelled
    job is deleted at once (404), so it has no status of its own."""

    queued = "queued"
    running = "running"
    done = "done"
    failed = "failed"


class LetterStatus(StrEnum):
    queued = "queued"
    running = "running"
    done = "done"
    failed = "failed"


FINISHED = frozenset({LetterStatus.done, LetterStatus.failed})
WebhookState = Literal["none", "pending", "delivered", "failed"]


def new_job_id() -> str:
    return "job_" + secrets.token_hex(12)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)


class JobOptions(_Model):
    lang: Language = "en"
    backend: str | None = None
    cache: bool = True


class JobRecord(_Model):
    """One job as stored (the webhook secret never leaves the stores and the webhook sender)."""

    id: str
    owner: str
    created: dt.datetime
    options: JobOptions
    total: int
    callback_url: str | None = None
    webhook_secret: str | None = None
    finished: dt.datetime | None = None
    expires: dt.datetime | None = None
    ok: int = 0
    failed: int = 0
    webhook: WebhookState = "none"
    base_url: str = ""
    """The API's address as the caller used it, for the links in the completion webhook."""
    fingerprint: str = ""
    """sha256 of the request (for Idempotency-Key replays)."""

    @property
    def done(self) -> bool:
        return self.ok + self.failed >= self.total


class LetterError(_Model):
    """A letter's typed error, enough to render its RFC 9457 problem (no letter text)."""

    code: str
    message: str
    hint: str | None = None
    http_status: int = 422


class LetterRecord(_Model):
    """One letter of a job: where it is, how many deliveries it took, and how it ended."""

    index: int
    id: str | None = None
    status: LetterStatus = LetterStatus.queued
    attempts: int = 0
    document: str | None = None
    error: LetterError | None = None


class Outcome(_Model):
    """What a worker writes for a letter: its document or its error."""

    document: str | None = None
    error: LetterError | None = None
    cached: bool = False
    usage: dict[str, float] = Field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.document is not None


# -- API views ---------------------------------------------------------------------------


class JobCounts(_Model):
    letters: int
    """Letters in the job."""
    queued: int
    running: int
    done: int
    """Letters with a document."""
    failed: int
    """Letters that ended with a problem."""


class LetterView(_Model):
    index: int
    """Position in the request, from 0."""
    id: str | None = None
    """The caller's id (JSON) or the uploaded file name (multipart)."""
    status: LetterStatus
    attempts: int
    """Deliveries so far (more than 1 means the letter was redelivered or retried)."""
    error: str | None = None
    """The problem code when the letter failed."""


class JobLinks(_Model):
    self: str
    results: str


class JobView(_Model):
    """A job's state as ``GET /v1/jobs/{id}`` shows it."""

    id: str
    status: JobStatus
    created: dt.datetime
    finished: dt.datetime | None = None
    expires: dt.datetime | None = None
    """When the job and its results will be deleted."""
    lang: Language
    backend: str | None = None
    cache: bool
    counts: JobCounts
    webhook: WebhookState
    """Delivery of the completion webhook (``none`` without a ``callback_url``)."""
    letters: list[LetterView]
    links: JobLinks


def job_status(job: JobRecord, letters: list[LetterRecord]) -> JobStatus:
    if job.done:
        return JobStatus.done if job.ok else JobStatus.failed
    if any(letter.attempts or letter.status in FINISHED for letter in letters):
        return JobStatus.running
    return JobStatus.queued


def view(job: JobRecord, letters: list[LetterRecord], base: str) -> JobView:
    counts: dict[str, int] = {s.value: 0 for s in LetterStatus}
    for letter in letters:
        counts[letter.status.value] += 1
    return JobView(
        id=job.id,
        status=job_status(job, letters),
        created=job.created,
        finished=job.finished,
        expires=job.expires,
        lang=job.options.lang,
        backend=job.options.backend,
        cache=job.options.cache,
        counts=JobCounts(letters=job.total, **counts),
        webhook=job.webhook,
        letters=[
            LetterView(
                index=r.index,
                id=r.id,
                status=r.status,
                attempts=r.attempts,
                error=r.error.code if r.error else None,
            )
            for r in letters
        ],
        links=JobLinks(self=f"{base}/v1/jobs/{job.id}", results=f"{base}/v1/jobs/{job.id}/results"),
    )


def webhook_body(job: JobRecord, letters: list[LetterRecord]) -> dict[str, Any]:
    """The completion notice: ids, status and counts only (never results or letter text)."""
    shown = view(job, letters, job.base_url)
    return {
        "event": "job.finished",
        "job": shown.id,
        "status": shown.status.value,
        "counts": shown.counts.model_dump(),
        "links": shown.links.model_dump(),
    }

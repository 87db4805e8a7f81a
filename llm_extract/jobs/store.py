"""The job store interface both deployments implement (SQLite embedded, Redis distributed).

Every write a worker makes is idempotent: :meth:`JobStore.finish` records a letter's
outcome only if the letter has none yet, so a letter delivered twice (a worker killed
after writing but before acknowledging) never duplicates or overwrites a result, and
exactly one call reports that it completed the job (which sends the webhook once).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from llm_extract.jobs.models import JobRecord, LetterRecord, Outcome, utcnow


@dataclass(frozen=True)
class NewLetter:
    """A letter as accepted: its bytes to extract, or an outcome already known (it failed to decode)."""

    index: int
    id: str | None
    data: bytes | None
    outcome: Outcome | None = None


@dataclass(frozen=True)
class Claim:
    """A letter handed to a worker: the bytes and which delivery this is (1 = first)."""

    data: bytes
    attempt: int


class IdempotencyConflict(Exception):
    """The Idempotency-Key was used before for a different request (the caller's job id is kept)."""


USAGE_FIELDS = ("calls", "attempts", "prompt_tokens", "completion_tokens", "fallbacks", "cost_usd")


class JobStore(Protocol):
    """Job state shared by the API (create, read, delete) and the workers (claim, finish)."""

    def create(
        self, job: JobRecord, letters: list[NewLetter], idempotency_key: str | None = None
    ) -> tuple[JobRecord, bool]:
        """Store a new job; with a key already used by this owner for the same request, return that
        job and False instead (:class:`IdempotencyConflict` for a different request)."""
        ...

    def get(self, job_id: str) -> JobRecord | None:
        """The job, or None if it does not exist, was deleted or expired."""
        ...

    def letters(self, job_id: str) -> list[LetterRecord]:
        """The job's letters in request order, with their outcomes."""
        ...

    def claim(self, job_id: str, index: int) -> Claim | None:
        """Mark a letter running and return its bytes; None when it already has its outcome or the
        job is gone (a redelivered or cancelled letter: the worker skips it)."""
        ...

    def finish(self, job_id: str, index: int, outcome: Outcome) -> JobRecord | None:
        """Record the outcome if the letter has none yet; return the job if this write ended it."""
        ...

    def set_webhook(self, job_id: str, state: str) -> None: ...

    def delete(self, job_id: str) -> bool:
        """Cancel and delete the job now: letters not yet run will not run; results are gone."""
        ...

    def purge_expired(self) -> int:
        """Delete jobs whose retention has passed; the number deleted."""
        ...

    def requeue_orphans(self) -> list[tuple[str, int]]:
        """Letters accepted but never dispatched (the API stopped in between), for re-dispatch."""
        ...

    def mark_dispatched(self, job_id: str) -> None: ...

    def job_states(self) -> dict[str, int]:
        """Unfinished jobs by state (``queued``, ``running``) for the metrics."""
        ...

    def queue_depth(self) -> int:
        """Letters accepted and not yet finished (queued or running)."""
        ...

    def counters(self) -> dict[str, float]:
        """Totals since the store was created: letters by outcome, redeliveries, cache hits, LLM usage."""
        ...

    def close(self) -> None: ...


def finished_now(job: JobRecord, retention: float) -> JobRecord:
    """The job with its end time, expiry and webhook state set, if its last letter just ended."""
    if not job.done or job.finished is not None:
        return job
    now = utcnow()
    return job.model_copy(
        update={
            "finished": now,
            "expires": now + dt.timedelta(seconds=retention),
            "webhook": "pending" if job.callback_url else "none",
        }
    )


def outcome_counters(outcome: Outcome) -> dict[str, float]:
    counts = {"letters_ok" if outcome.ok else "letters_failed": 1.0, "cache_hits": float(outcome.cached)}
    counts.update({f"llm_{name}": float(outcome.usage.get(name, 0.0)) for name in USAGE_FIELDS})
    return counts

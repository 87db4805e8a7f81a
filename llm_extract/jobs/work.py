"""One letter of a job, start to end: claim it, extract it, write its outcome once.

Whoever delivers the letter (a Dramatiq worker, or the embedded in-process workers)
calls :meth:`LetterWork.run`. Delivery is at least once, so this is written to be run
twice for the same letter safely: a letter that already has its outcome is skipped at
claim time, and :meth:`~llm_extract.jobs.store.JobStore.finish` ignores a second write.

Transient failures (the LLM endpoint unreachable, the cache failing) raise
:class:`RetryLetter` so the queue delivers the letter again with backoff; after
``max_attempts`` deliveries (counting redeliveries after a worker crash) the letter
ends with the typed error ``letter-retries-exhausted``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from llm_extract.backends.base import Backend, ExtractOptions
from llm_extract.engine.cache import DocumentCache
from llm_extract.engine.pipeline import Extractor, LetterResult
from llm_extract.errors import CacheError, ConfigError, LlmExtractError, LlmTransportError
from llm_extract.jobs.models import JobOptions, JobRecord, LetterError, Outcome
from llm_extract.jobs.shared import InflightGate, LocalGate
from llm_extract.jobs.store import USAGE_FIELDS, JobStore
from llm_extract.letter.inputs import LetterInput

log = logging.getLogger(__name__)

BackendProvider = Callable[[str | None], Backend]
TRANSIENT: tuple[type[LlmExtractError], ...] = (LlmTransportError, CacheError)


class LetterRetriesExhausted(LlmExtractError):
    """A letter failed transiently on every delivery allowed."""

    code = "letter-retries-exhausted"
    http_status = 503


class RetryLetter(Exception):
    """Ask the queue to deliver this letter again later (a transient failure)."""


def letter_error(error: LlmExtractError) -> LetterError:
    return LetterError(code=error.code, message=error.message, hint=error.hint or None, http_status=error.http_status)


def outcome_of(result: LetterResult) -> Outcome:
    usage = result.usage.model_dump() if result.usage is not None else {}
    return Outcome(
        document=result.document,
        error=letter_error(result.error) if result.error is not None else None,
        cached=result.cached,
        usage={name: float(usage.get(name, 0)) for name in USAGE_FIELDS if usage.get(name)},
    )


def exhausted(attempts: int, last: str) -> Outcome:
    error = LetterRetriesExhausted(
        f"the letter failed on all {attempts} deliveries (last error: {last})",
        hint="check the LLM endpoint and workers, then submit the letter again",
    )
    return Outcome(error=letter_error(error))


class Extractors:
    """Extractors by job options, built once per process (backends can be costly to build)."""

    def __init__(self, provider: BackendProvider, cache: DocumentCache | None, max_pages: int) -> None:
        self.provider = provider
        self.cache = cache
        self.max_pages = max_pages
        self._built: dict[tuple[str | None, str, bool], Extractor] = {}
        self._lock = threading.Lock()

    def get(self, options: JobOptions) -> Extractor:
        use_cache = options.cache and self.cache is not None
        slot = (options.backend, options.lang, use_cache)
        with self._lock:
            if slot not in self._built:
                self._built[slot] = Extractor(
                    self.provider(options.backend),
                    cache=self.cache if use_cache else None,
                    options=ExtractOptions(lang=options.lang),
                    max_pages=self.max_pages,
                )
            return self._built[slot]


class LetterWork:
    """Runs letters of stored jobs; ``on_finished`` gets each job once, when its last letter ends."""

    def __init__(
        self,
        store: JobStore,
        extractors: Extractors,
        *,
        max_attempts: int,
        on_finished: Callable[[JobRecord], None],
        gate: InflightGate | None = None,
    ) -> None:
        self.store = store
        self.extractors = extractors
        self.max_attempts = max_attempts
        self.on_finished = on_finished
        self.gate = gate or LocalGate()

    def run(self, job_id: str, index: int) -> None:
        claim = self.store.claim(job_id, index)
        if claim is None:
            return  # finished already (a redelivery) or the job was deleted
        job = self.store.get(job_id)
        if job is None:
            return
        if claim.attempt > self.max_attempts:  # it crashed its workers every time
            self._finish(job_id, index, exhausted(claim.attempt - 1, "worker lost"))
            return
        outcome = self._extract(job, index, claim.data)
        if outcome.error is not None and outcome.error.code in {c.code for c in TRANSIENT}:
            if claim.attempt < self.max_attempts:
                log.warning("letter retried", extra={"job": job_id, "index": index, "error": outcome.error.code})
                raise RetryLetter(outcome.error.code)
            outcome = exhausted(claim.attempt, outcome.error.code)
        self._finish(job_id, index, outcome)

    def give_up(self, job_id: str, index: int, reason: str) -> None:
        """End a letter whose deliveries all failed with an unexpected error (e.g. the store was down)."""
        self._finish(job_id, index, exhausted(self.max_attempts, reason))

    def _extract(self, job: JobRecord, index: int, data: bytes) -> Outcome:
        try:
            extractor = self.extractors.get(job.options)
        except ConfigError as exc:
            return Outcome(error=letter_error(exc))
        letter = LetterInput(f"letters[{index}]", data)
        if extractor.cache is None:
            return outcome_of(extractor.extract(letter))
        return outcome_of(self.gate.run(extractor.key(letter), lambda: extractor.extract(letter)))

    def _finish(self, job_id: str, index: int, outcome: Outcome) -> None:
        finished = self.store.finish(job_id, index, outcome)
        if finished is not None:
            log.info("job finished", extra={"job": job_id, "ok": finished.ok, "failed": finished.failed})
            self.on_finished(finished)

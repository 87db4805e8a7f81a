"""The distributed deployment: letters and webhooks as Dramatiq messages on Redis.

Why Dramatiq (docs/jobs.md has the comparison): its Redis broker acknowledges a
message only after the actor returns, keeps unacknowledged messages in a per-worker
set, and moves them back to the queue when that worker's heartbeat stops (a worker
killed with SIGKILL mid-letter): at-least-once delivery without visibility timeouts
that would redeliver a slow LLM letter while its worker is still busy. Retries with
exponential backoff, a bounded count and an "exhausted" hook are built in.

One message per letter (``extract_letter(job_id, index)``), so any number of workers
share a job's letters; one per webhook (``send_webhook(job_id)``), retried with backoff
on the same queue machinery.
"""

from __future__ import annotations

import logging
from typing import Any

import dramatiq
from dramatiq.brokers.redis import RedisBroker
from dramatiq.middleware import AgeLimit, Callbacks, Pipelines, Retries, ShutdownNotifications, TimeLimit

from llm_extract.jobs.models import JobRecord, webhook_body
from llm_extract.jobs.store import JobStore
from llm_extract.jobs.webhook import encode, post_once
from llm_extract.jobs.work import LetterWork, RetryLetter

log = logging.getLogger(__name__)

NAMESPACE = "llm-extract-queue"
LETTERS_QUEUE = "letters"
WEBHOOKS_QUEUE = "webhooks"
LETTER_TIME_LIMIT_MS = 60 * 60 * 1000
"""A letter running longer than an hour is interrupted (and retried)."""
MAINTENANCE_CHANCE = 50_000
"""Of a million broker commands, how many also requeue dead workers' messages (5%)."""


class QueueBroker:
    """The Dramatiq broker and actors of one process; the API sends, ``llm-extract worker`` runs them."""

    def __init__(
        self,
        url: str,
        store: JobStore,
        *,
        max_attempts: int,
        heartbeat_timeout: float,
        webhook_attempts: int,
        webhook_backoff: float,
    ) -> None:
        self.store = store
        self.work: LetterWork | None = None
        self.broker = RedisBroker(  # type: ignore[no-untyped-call]
            url=url,
            namespace=NAMESPACE,
            heartbeat_timeout=int(heartbeat_timeout * 1000),
            maintenance_chance=MAINTENANCE_CHANCE,
            middleware=[
                AgeLimit(),
                TimeLimit(time_limit=LETTER_TIME_LIMIT_MS),
                ShutdownNotifications(),
                Callbacks(),
                Pipelines(),
                Retries(max_retries=max_attempts + 2, min_backoff=1000, max_backoff=60_000),
            ],
        )
        self.extract_letter = dramatiq.actor(
            actor_name="extract_letter",
            queue_name=LETTERS_QUEUE,
            broker=self.broker,
            on_retry_exhausted="letter_given_up",
        )(self._extract_letter)
        self.letter_given_up = dramatiq.actor(
            actor_name="letter_given_up", queue_name=LETTERS_QUEUE, broker=self.broker
        )(self._letter_given_up)
        self.send_webhook = dramatiq.actor(
            actor_name="send_webhook",
            queue_name=WEBHOOKS_QUEUE,
            broker=self.broker,
            max_retries=max(webhook_attempts - 1, 0),
            min_backoff=int(webhook_backoff * 1000),
            max_backoff=3_600_000,
            on_retry_exhausted="webhook_given_up",
        )(self._send_webhook)
        self.webhook_given_up = dramatiq.actor(
            actor_name="webhook_given_up", queue_name=WEBHOOKS_QUEUE, broker=self.broker
        )(self._webhook_given_up)

    # -- the API side ------------------------------------------------------------------

    def dispatch(self, job_id: str, indexes: list[int]) -> None:
        """One message per letter; the job is marked dispatched once all are on the queue."""
        for index in indexes:
            self.extract_letter.send(job_id, index)
        self.store.mark_dispatched(job_id)

    def redispatch_orphans(self) -> int:
        """Letters of jobs whose API process stopped before dispatching them (duplicates are harmless)."""
        orphans = self.store.requeue_orphans()
        by_job: dict[str, list[int]] = {}
        for job_id, index in orphans:
            by_job.setdefault(job_id, []).append(index)
        for job_id, indexes in by_job.items():
            self.dispatch(job_id, indexes)
        return len(orphans)

    def notify(self, job: JobRecord) -> None:
        if job.callback_url and job.webhook == "pending":
            self.send_webhook.send(job.id)

    def queue_depth(self) -> int:
        """Messages waiting on the letters queue (not counting those being worked on)."""
        return int(self.broker.do_qsize(LETTERS_QUEUE))

    # -- the worker side ---------------------------------------------------------------

    def _extract_letter(self, job_id: str, index: int) -> None:
        assert self.work is not None, "this process only sends letters"
        try:
            self.work.run(job_id, index)
        except RetryLetter:
            raise  # Dramatiq redelivers it after a backoff

    def _letter_given_up(self, message: dict[str, Any], retry: dict[str, Any]) -> None:
        assert self.work is not None
        job_id, index = message["args"]
        self.work.give_up(str(job_id), int(index), "worker error")

    def _send_webhook(self, job_id: str) -> None:
        job = self.store.get(job_id)
        if job is None or job.webhook != "pending" or not job.callback_url or not job.webhook_secret:
            return
        body = encode(webhook_body(job, self.store.letters(job_id)))
        if not post_once(job.callback_url, job.webhook_secret, body):
            raise WebhookNotDelivered(job_id)
        self.store.set_webhook(job_id, "delivered")

    def _webhook_given_up(self, message: dict[str, Any], retry: dict[str, Any]) -> None:
        self.store.set_webhook(str(message["args"][0]), "failed")

    def close(self) -> None:
        self.broker.close()


class WebhookNotDelivered(Exception):
    """The receiver did not answer 2xx: Dramatiq retries with backoff."""

"""Wiring of the jobs machinery for one process: store, queue, shared state and the letter work.

:func:`build_runtime` picks the deployment from the settings: with ``queue_url`` the Redis
store, Dramatiq broker and shared cache, gate, buckets and revocations; without it the
SQLite store and in-process workers. API processes and ``llm-extract worker`` both call it
(``run_letters`` says whether this process extracts letters itself).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from llm_extract.backends.base import Backend
from llm_extract.backends.rules import RulesBackend
from llm_extract.engine.cache import DocumentCache, default_cache_dir
from llm_extract.errors import ConfigError
from llm_extract.jobs.broker import QueueBroker
from llm_extract.jobs.embedded import EmbeddedQueue
from llm_extract.jobs.models import JobRecord
from llm_extract.jobs.redis_store import RedisJobStore
from llm_extract.jobs.settings import QUEUE_URL_ENV, JobSettings
from llm_extract.jobs.shared import (
    BucketStore,
    InflightGate,
    RedisBuckets,
    RedisCache,
    RedisGate,
    RedisRevocations,
    RevocationStore,
    connect,
)
from llm_extract.jobs.sqlite_store import SqliteJobStore
from llm_extract.jobs.store import JobStore
from llm_extract.jobs.work import BackendProvider, Extractors, LetterWork
from llm_extract.llm.settings import LlmSettings


def warm_up() -> None:
    """Load what the first extraction would otherwise load (the pronunciation dictionary behind
    the readability score takes about a second), before taking requests or letters."""
    from llm_extract.summary.readability import score

    score("The reviewer read the whole file.", "en")
    score("El revisor leyó todo el expediente.", "es")


def default_provider(llm: LlmSettings | ConfigError) -> BackendProvider:
    """Backends by name via the shared factory; ``rules`` never needs the LLM settings."""

    def provide(name: str | None) -> Backend:
        if name == "rules" or (name is None and not isinstance(llm, LlmSettings)):
            return RulesBackend()
        if isinstance(llm, ConfigError):
            raise llm
        from llm_extract.backends.factory import make_backend

        return make_backend(name, llm)

    return provide


def store_path(settings: JobSettings, cache_dir: Path | None) -> Path:
    """The embedded store: ``$LLM_EXTRACT_JOB_DATA_DIR/jobs.sqlite3``, else beside the cache directory."""
    if settings.data_dir is not None:
        return settings.data_dir / "jobs.sqlite3"
    cache = cache_dir or default_cache_dir()
    return cache.with_name(cache.name + "-jobs") / "jobs.sqlite3"


@dataclass
class JobRuntime:
    settings: JobSettings
    store: JobStore
    queue: EmbeddedQueue | QueueBroker
    cache: DocumentCache | None
    """The shared result cache (distributed), or None to keep the local one."""
    gate: InflightGate | None = None
    buckets: BucketStore | None = None
    revocations: RevocationStore | None = None
    work: LetterWork | None = None

    @property
    def distributed(self) -> bool:
        return isinstance(self.queue, QueueBroker)

    def start(self, provider: BackendProvider, cache: DocumentCache | None, max_pages: int, run_letters: bool) -> None:
        """Start extracting letters here (embedded always; distributed only in workers)."""
        if self.distributed:
            assert isinstance(self.queue, QueueBroker)
            with contextlib.suppress(Exception):  # the queue may be down; the next sweep retries
                self.queue.redispatch_orphans()
        if not run_letters and self.distributed:
            return
        self.work = LetterWork(
            self.store,
            Extractors(provider, cache, max_pages),
            max_attempts=self.settings.max_attempts,
            on_finished=self.notify,
            gate=self.gate,
        )
        if isinstance(self.queue, EmbeddedQueue):
            self.queue.start(self.work)
        else:
            self.queue.work = self.work

    def dispatch(self, job_id: str, indexes: list[int]) -> None:
        self.queue.dispatch(job_id, indexes)

    def notify(self, job: JobRecord) -> None:
        self.queue.notify(job)

    def queue_depth(self) -> int:
        return self.store.queue_depth()

    def stop(self) -> None:
        if isinstance(self.queue, EmbeddedQueue):
            self.queue.stop()
        else:
            self.queue.close()
        self.store.close()


def build_runtime(settings: JobSettings, *, cache_dir: Path | None) -> JobRuntime:
    """The runtime for the settings (nothing is started: see :meth:`JobRuntime.start`)."""
    if settings.queue_url is None:
        store = SqliteJobStore(store_path(settings, cache_dir), settings.retention)
        queue = EmbeddedQueue(
            store,
            workers=settings.embedded_workers,
            webhook_attempts=settings.webhook_attempts,
            webhook_backoff=settings.webhook_backoff,
        )
        return JobRuntime(settings, store, queue, cache=None)
    client = connect(settings.queue_url)
    try:
        client.ping()
    except Exception as exc:
        raise ConfigError(
            f"cannot reach the queue server named by {QUEUE_URL_ENV} ({type(exc).__name__})",
            hint="start Redis or fix the URL (redis://host:port/db)",
        ) from None
    redis_store = RedisJobStore(client, settings.retention)
    broker = QueueBroker(
        settings.queue_url,
        redis_store,
        max_attempts=settings.max_attempts,
        heartbeat_timeout=settings.heartbeat_timeout,
        webhook_attempts=settings.webhook_attempts,
        webhook_backoff=settings.webhook_backoff,
    )
    return JobRuntime(
        settings,
        redis_store,
        broker,
        cache=RedisCache(client),
        gate=RedisGate(client),
        buckets=RedisBuckets(client),
        revocations=RedisRevocations(client),
    )

"""The embedded deployment: worker threads inside the API process, the SQLite store as the queue.

There is no server to install. The queue is the store's letters table: a letter
accepted is a committed row, so nothing accepted can be lost by a restart, and on
start-up letters left running by a stopped process are queued again. Threads take the
oldest queued letter; a transient failure puts the letter back after a backoff.
Webhooks go out from their own thread so a slow receiver never holds up extraction;
one still pending when the process stopped is sent after the restart.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor

from llm_extract.jobs.models import JobRecord, LetterRecord, webhook_body
from llm_extract.jobs.sqlite_store import SqliteJobStore
from llm_extract.jobs.webhook import deliver, encode
from llm_extract.jobs.work import LetterWork, RetryLetter

log = logging.getLogger(__name__)

HOUSEKEEPING_INTERVAL = 60.0


class EmbeddedQueue:
    """In-process workers over a :class:`SqliteJobStore`."""

    def __init__(
        self,
        store: SqliteJobStore,
        *,
        workers: int,
        webhook_attempts: int,
        webhook_backoff: float,
        retry_backoff: float = 1.0,
    ) -> None:
        self.store = store
        self.workers = workers
        self.webhook_attempts = webhook_attempts
        self.webhook_backoff = webhook_backoff
        self.retry_backoff = retry_backoff
        self.work: LetterWork | None = None
        self._wake = threading.Condition()
        self._taken: set[tuple[str, int]] = set()
        self._stopping = threading.Event()
        self._threads: list[threading.Thread] = []
        self._hooks = ThreadPoolExecutor(max_workers=2, thread_name_prefix="llm-extract-webhook")

    def start(self, work: LetterWork) -> None:
        self.work = work
        recovered = self.store.recover()
        if recovered:
            log.info("letters requeued after a restart", extra={"letters": recovered})
        self.store.purge_expired()
        for job in self.store.pending_webhooks():
            self.notify(job)
        for n in range(self.workers):
            thread = threading.Thread(target=self._loop, name=f"llm-extract-job-{n}", daemon=True)
            thread.start()
            self._threads.append(thread)
        keeper = threading.Thread(target=self._housekeeping, name="llm-extract-jobs-housekeeping", daemon=True)
        keeper.start()
        self._threads.append(keeper)

    def dispatch(self, job_id: str, indexes: list[int]) -> None:
        """The letters are in the store already: wake the workers."""
        with self._wake:
            self._wake.notify_all()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop taking letters; letters running now finish or are requeued at the next start."""
        self._stopping.set()
        with self._wake:
            self._wake.notify_all()
        for thread in self._threads:
            thread.join(timeout)
        self._hooks.shutdown(wait=False, cancel_futures=True)

    def _next(self) -> tuple[str, int] | None:
        with self._wake:
            while not self._stopping.is_set():
                found = self.store.queued(1, frozenset(self._taken))
                if found:
                    self._taken.add(found[0])
                    return found[0]
                self._wake.wait(1.0)
        return None

    def _loop(self) -> None:
        assert self.work is not None
        while (item := self._next()) is not None:
            job_id, index = item
            try:
                self.work.run(job_id, index)
            except RetryLetter:
                self._later(job_id, index)
            except Exception:
                log.exception("letter failed unexpectedly", extra={"job": job_id, "index": index})
                self._later(job_id, index)
            finally:
                with self._wake:
                    self._taken.discard(item)

    def _later(self, job_id: str, index: int) -> None:
        def release() -> None:
            self.store.release(job_id, index)
            with self._wake:
                self._wake.notify_all()

        timer = threading.Timer(self.retry_backoff, release)
        timer.daemon = True
        timer.start()

    def _housekeeping(self) -> None:
        while not self._stopping.wait(HOUSEKEEPING_INTERVAL):
            try:
                purged = self.store.purge_expired()
                if purged:
                    log.info("expired jobs deleted", extra={"jobs": purged})
            except Exception:
                log.exception("housekeeping failed")

    def notify(self, job: JobRecord) -> None:
        """Send the completion webhook in the background (the job is done whatever happens to it)."""
        if job.callback_url and job.webhook_secret and job.webhook == "pending":
            self._hooks.submit(self._send, job, self.store.letters(job.id))

    def _send(self, job: JobRecord, letters: list[LetterRecord]) -> None:
        assert job.callback_url is not None and job.webhook_secret is not None
        body = encode(webhook_body(job, letters))
        ok = deliver(
            job.callback_url,
            job.webhook_secret,
            body,
            attempts=self.webhook_attempts,
            backoff=self.webhook_backoff,
            sleep=self._pause,
        )
        self.store.set_webhook(job.id, "delivered" if ok else "failed")

    def _pause(self, seconds: float) -> None:
        self._stopping.wait(seconds)

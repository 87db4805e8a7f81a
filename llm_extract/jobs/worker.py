"""``llm-extract worker``: a Dramatiq worker process for the letters and webhooks queues.

Stops on SIGTERM or SIGINT: it stops fetching, lets running letters finish (up to
``grace`` seconds) and hands back prefetched ones. A worker that dies without that
(SIGKILL, power loss) has its letters redelivered to the others once its heartbeat is
older than ``LLM_EXTRACT_QUEUE_HEARTBEAT_TIMEOUT``.
"""

from __future__ import annotations

import logging
import signal
import threading

from dramatiq import Worker

from llm_extract.engine.cache import DocumentCache
from llm_extract.jobs.broker import QueueBroker
from llm_extract.jobs.runtime import JobRuntime, warm_up
from llm_extract.jobs.work import BackendProvider

log = logging.getLogger(__name__)

SWEEP_INTERVAL = 30.0


def run_worker(
    runtime: JobRuntime,
    provider: BackendProvider,
    *,
    cache: DocumentCache | None,
    concurrency: int,
    max_pages: int,
    grace: float = 30.0,
    stop: threading.Event | None = None,
) -> None:
    """Work until ``stop`` is set or a termination signal arrives."""
    assert isinstance(runtime.queue, QueueBroker), "workers need LLM_EXTRACT_QUEUE_URL"
    stop = stop or threading.Event()
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())
    warm_up()
    runtime.start(provider, cache, max_pages, run_letters=True)
    worker = Worker(runtime.queue.broker, worker_threads=concurrency, worker_timeout=500)
    worker.start()
    log.info("worker started", extra={"concurrency": concurrency})
    try:
        while not stop.wait(SWEEP_INTERVAL):
            try:
                runtime.queue.redispatch_orphans()
            except Exception:
                log.exception("orphan sweep failed")
    finally:
        log.info("worker stopping")
        worker.stop(timeout=int(grace * 1000))
        runtime.stop()

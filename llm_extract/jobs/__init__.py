"""Durable asynchronous jobs: many letters accepted at once, extracted by workers, results kept for a while.

Two deployments share one code path (:mod:`.work` runs one letter, whoever delivers it):

* **embedded** (no ``LLM_EXTRACT_QUEUE_URL``): job state in a SQLite file beside the cache
  (:mod:`.sqlite_store`) and worker threads inside the API process (:mod:`.embedded`). A job
  accepted with 202 survives a restart of the process.
* **distributed** (``LLM_EXTRACT_QUEUE_URL=redis://...``): job state in Redis
  (:mod:`.redis_store`), letters delivered by Dramatiq on the same Redis (:mod:`.broker`) to
  ``llm-extract worker`` processes on any machine, and the result cache, in-flight
  de-duplication, rate-limit buckets and key revocations shared through it (:mod:`.shared`).

See docs/jobs.md for the choice of Dramatiq and the delivery guarantees.
"""

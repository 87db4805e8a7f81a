"""The distributed job store: job state in the same Redis as the queue.

Per job, a hash ``job:<id>`` (the record, counts, end time) and hashes of letter ids,
statuses, attempts, outcomes and (until each letter ends) letter bytes. Claiming and
finishing a letter are single Lua scripts, so they are atomic across any number of
workers: an outcome is written with HSETNX (a redelivery cannot overwrite it) and only
the write that ends the job reports it. When a job ends, every key of it is given the
retention as its time to live: Redis deletes the results itself, on time, even if no
process of ours is running.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

import redis

from llm_extract.jobs.models import JobRecord, LetterRecord, LetterStatus, Outcome
from llm_extract.jobs.shared import PREFIX
from llm_extract.jobs.sqlite_store import idempotency_digest
from llm_extract.jobs.store import Claim, IdempotencyConflict, NewLetter, finished_now, outcome_counters

ACTIVE = PREFIX + "jobs:active"
UNDISPATCHED = PREFIX + "jobs:undispatched"
COUNTERS = PREFIX + "counters"
ORPHAN_AFTER = 30.0
"""Seconds after which a job accepted but not marked dispatched is dispatched again by a sweep."""
PARTS = ("ids", "st", "att", "out", "in")

_CLAIM = """
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local st = redis.call('HGET', KEYS[2], ARGV[1])
if st == 'done' or st == 'failed' then return false end
local payload = redis.call('HGET', KEYS[4], ARGV[1])
if not payload then return false end
redis.call('HSET', KEYS[2], ARGV[1], 'running')
local att = redis.call('HINCRBY', KEYS[3], ARGV[1], 1)
redis.call('HSET', KEYS[1], 'started', '1')
if att > 1 then redis.call('HINCRBY', KEYS[5], 'redeliveries', 1) end
return {att, payload}
"""

_FINISH = """
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[2]) == 0 then return 0 end
for i = 10, #ARGV, 2 do redis.call('HINCRBYFLOAT', KEYS[8], ARGV[i], ARGV[i + 1]) end
redis.call('HSET', KEYS[3], ARGV[1], ARGV[3])
redis.call('HDEL', KEYS[4], ARGV[1])
redis.call('HINCRBY', KEYS[1], ARGV[4], 1)
local ok = tonumber(redis.call('HGET', KEYS[1], 'ok') or '0')
local failed = tonumber(redis.call('HGET', KEYS[1], 'failed') or '0')
local total = tonumber(redis.call('HGET', KEYS[1], 'total'))
if ok + failed < total then return 1 end
if redis.call('HSETNX', KEYS[1], 'finished', ARGV[5]) == 0 then return 1 end
redis.call('HSET', KEYS[1], 'expires', ARGV[6], 'webhook', ARGV[7])
redis.call('SREM', KEYS[6], ARGV[9])
local ttl = tonumber(ARGV[8])
for i = 1, 7 do
  if i ~= 6 then redis.call('EXPIRE', KEYS[i], ttl) end
end
local idem = redis.call('HGET', KEYS[1], 'idem')
if idem then redis.call('EXPIRE', idem, ttl) end
return 2
"""


def _key(job_id: str, part: str = "") -> str:
    return f"{PREFIX}job:{job_id}" + (f":{part}" if part else "")


class RedisJobStore:
    """:class:`~llm_extract.jobs.store.JobStore` on Redis; safe from any number of processes."""

    def __init__(self, client: redis.Redis, retention: float) -> None:
        self.client = client
        self.retention = retention
        self._claim = client.register_script(_CLAIM)
        self._finish = client.register_script(_FINISH)

    def create(
        self, job: JobRecord, letters: list[NewLetter], idempotency_key: str | None = None
    ) -> tuple[JobRecord, bool]:
        idem = None
        if idempotency_key is not None:
            idem = f"{PREFIX}idem:{job.owner}:{idempotency_digest(idempotency_key)}"
            if not self.client.set(idem, job.id, nx=True):
                return self._replay(idem, job), False
        known = [n for n in letters if n.outcome is not None]
        job = job.model_copy(
            update={
                "ok": sum(bool(n.outcome and n.outcome.ok) for n in known),
                "failed": sum(bool(n.outcome and not n.outcome.ok) for n in known),
            }
        )
        job = finished_now(job, self.retention)
        fields: dict[Any, Any] = {
            "record": job.model_dump_json(),
            "total": str(job.total),
            "ok": str(job.ok),
            "failed": str(job.failed),
        }
        if idem is not None:
            fields["idem"] = idem
        if job.finished is not None and job.expires is not None:
            fields.update(finished=job.finished.isoformat(), expires=job.expires.isoformat(), webhook=job.webhook)
        pipe = self.client.pipeline(transaction=True)
        pipe.hset(_key(job.id), mapping=fields)
        ids: dict[Any, Any] = {str(n.index): n.id for n in letters if n.id is not None}
        if ids:
            pipe.hset(_key(job.id, "ids"), mapping=ids)
        pipe.hset(
            _key(job.id, "st"),
            mapping={str(n.index): _status(n.outcome).value for n in letters},
        )
        payloads = {str(n.index): n.data for n in letters if n.outcome is None and n.data is not None}
        if payloads:
            pipe.hset(_key(job.id, "in"), mapping=payloads)  # type: ignore[arg-type]
        outs: dict[Any, Any] = {str(n.index): n.outcome.model_dump_json() for n in known if n.outcome is not None}
        if outs:
            pipe.hset(_key(job.id, "out"), mapping=outs)
        if job.finished is None:
            pipe.sadd(ACTIVE, job.id)
            pipe.zadd(UNDISPATCHED, {job.id: time.time()})
        else:
            for part in ("", *PARTS):
                pipe.expire(_key(job.id, part), int(self.retention) + 1)
            if idem is not None:
                pipe.expire(idem, int(self.retention) + 1)
        pipe.execute()
        return job, True

    def _replay(self, idem: str, job: JobRecord) -> JobRecord:
        for _ in range(50):  # the first request may still be writing its job
            existing_id = self.client.get(idem)
            existing = self.get(_text(existing_id)) if existing_id is not None else None
            if existing is not None:
                if existing.fingerprint != job.fingerprint:
                    raise IdempotencyConflict(existing.id)
                return existing
            time.sleep(0.02)
        raise IdempotencyConflict("unknown")

    def get(self, job_id: str) -> JobRecord | None:
        raw = self.client.hgetall(_key(job_id))
        if not raw or b"record" not in raw:
            return None
        fields = {_text(k): _text(v) for k, v in raw.items()}
        update: dict[str, object] = {"ok": int(fields.get("ok", 0)), "failed": int(fields.get("failed", 0))}
        if "finished" in fields:
            update["finished"] = dt.datetime.fromisoformat(fields["finished"])
            update["expires"] = dt.datetime.fromisoformat(fields["expires"])
            update["webhook"] = fields.get("webhook", "none")
        return JobRecord.model_validate_json(fields["record"]).model_copy(update=update)

    def letters(self, job_id: str) -> list[LetterRecord]:
        pipe = self.client.pipeline(transaction=False)
        pipe.hget(_key(job_id), "total")
        for part in ("ids", "st", "att", "out"):
            pipe.hgetall(_key(job_id, part))
        total, ids, st, att, out = pipe.execute()
        if total is None:
            return []
        records = []
        for index in range(int(total)):
            field = str(index).encode()
            outcome = Outcome.model_validate_json(out[field]) if field in out else None
            records.append(
                LetterRecord(
                    index=index,
                    id=ids[field].decode() if field in ids else None,
                    status=LetterStatus(st.get(field, b"queued").decode()),
                    attempts=int(att.get(field, 0)),
                    document=outcome.document if outcome else None,
                    error=outcome.error if outcome else None,
                )
            )
        return records

    def claim(self, job_id: str, index: int) -> Claim | None:
        keys = [_key(job_id), _key(job_id, "st"), _key(job_id, "att"), _key(job_id, "in"), COUNTERS]
        got = self._claim(keys=keys, args=[str(index)])
        if not got:
            return None
        attempt, payload = got
        return Claim(data=bytes(payload), attempt=int(attempt))

    def finish(self, job_id: str, index: int, outcome: Outcome) -> JobRecord | None:
        probe = self.get(job_id)
        if probe is None:
            return None
        preview = finished_now(probe.model_copy(update={"ok": probe.total, "failed": 0}), self.retention)
        assert preview.finished is not None and preview.expires is not None
        keys = [_key(job_id, p) for p in ("", "out", "st", "in", "ids", "att")]
        keys.insert(5, ACTIVE)  # KEYS[6]
        keys.append(COUNTERS)  # KEYS[8]: counted in the same script as the result, so a worker
        # killed right after writing a result can never leave it uncounted (or count it twice)
        counts = [x for name, value in outcome_counters(outcome).items() if value for x in (name, repr(value))]
        result = self._finish(
            keys=keys,
            args=[
                str(index),
                outcome.model_dump_json(include={"document", "error"}),
                _status(outcome).value,
                "ok" if outcome.ok else "failed",
                preview.finished.isoformat(),
                preview.expires.isoformat(),
                preview.webhook,
                str(int(self.retention) + 1),
                job_id,
                *counts,
            ],
        )
        return self.get(job_id) if int(result) == 2 else None

    def set_webhook(self, job_id: str, state: str) -> None:
        if self.client.exists(_key(job_id)):
            self.client.hset(_key(job_id), "webhook", state)

    def delete(self, job_id: str) -> bool:
        idem = self.client.hget(_key(job_id), "idem")
        pipe = self.client.pipeline(transaction=True)
        pipe.delete(*[_key(job_id, p) for p in ("", *PARTS)])
        pipe.srem(ACTIVE, job_id)
        pipe.zrem(UNDISPATCHED, job_id)
        if idem is not None:
            pipe.delete(_text(idem))
        return bool(pipe.execute()[0])

    def purge_expired(self) -> int:
        return 0  # every finished job's keys carry the retention as their TTL: Redis deletes them

    def requeue_orphans(self) -> list[tuple[str, int]]:
        found = []
        for raw in self.client.zrangebyscore(UNDISPATCHED, 0, time.time() - ORPHAN_AFTER):
            job_id = _text(raw)
            found += [(job_id, r.index) for r in self.letters(job_id) if r.status is LetterStatus.queued]
        return found

    def mark_dispatched(self, job_id: str) -> None:
        self.client.zrem(UNDISPATCHED, job_id)

    def _active(self) -> list[tuple[str, bool, int]]:
        ids = [_text(raw) for raw in self.client.smembers(ACTIVE)]
        pipe = self.client.pipeline(transaction=False)
        for job_id in ids:
            pipe.hmget(_key(job_id), "started", "total", "ok", "failed")
        rows = []
        for job_id, (started, total, ok, failed) in zip(ids, pipe.execute(), strict=True):
            if total is not None:
                rows.append((job_id, started is not None, int(total) - int(ok or 0) - int(failed or 0)))
        return rows

    def job_states(self) -> dict[str, int]:
        states = {"queued": 0, "running": 0}
        for _, started, _ in self._active():
            states["running" if started else "queued"] += 1
        return states

    def queue_depth(self) -> int:
        return sum(left for _, _, left in self._active())

    def counters(self) -> dict[str, float]:
        return {_text(k): float(v) for k, v in self.client.hgetall(COUNTERS).items()}

    def close(self) -> None:
        self.client.close()


def _status(outcome: Outcome | None) -> LetterStatus:
    if outcome is None:
        return LetterStatus.queued
    return LetterStatus.done if outcome.ok else LetterStatus.failed


def _text(value: object) -> str:
    """A Redis reply as text (the client returns bytes)."""
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)

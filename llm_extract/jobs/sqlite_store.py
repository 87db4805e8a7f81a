"""The embedded job store: one SQLite file (WAL mode) beside the result cache.

Accepting a job commits its letters before the API answers 202, so a job survives a
crash or restart of the process; letters that were running when the process stopped
go back to the queue when it starts again (:meth:`SqliteJobStore.recover`). One
process owns the file: the embedded deployment is one machine, one API process.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from llm_extract.errors import ConfigError
from llm_extract.jobs.models import FINISHED, JobRecord, LetterError, LetterRecord, LetterStatus, Outcome
from llm_extract.jobs.store import Claim, IdempotencyConflict, NewLetter, finished_now, outcome_counters

SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    record TEXT NOT NULL,
    expires REAL
);
CREATE TABLE IF NOT EXISTS letters (
    job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    client_id TEXT,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    payload BLOB,
    document TEXT,
    error TEXT,
    PRIMARY KEY (job_id, idx)
);
CREATE INDEX IF NOT EXISTS letters_status ON letters(status);
CREATE TABLE IF NOT EXISTS idempotency (
    owner TEXT NOT NULL,
    key TEXT NOT NULL,
    job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    PRIMARY KEY (owner, key)
);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value REAL NOT NULL);
"""


def idempotency_digest(key: str) -> str:
    """Keys are stored hashed: a caller may put anything in them."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class SqliteJobStore:
    """:class:`~llm_extract.jobs.store.JobStore` on a local SQLite file; thread-safe (one lock)."""

    def __init__(self, path: Path, retention: float) -> None:
        self.path = path
        self.retention = retention
        self._lock = threading.Lock()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=30)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.executescript(SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise ConfigError(
                f"cannot open the job store at {path} ({exc})",
                hint="set LLM_EXTRACT_JOB_DATA_DIR (or LLM_EXTRACT_CACHE_DIR) to a writable directory",
            ) from None

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def create(
        self, job: JobRecord, letters: list[NewLetter], idempotency_key: str | None = None
    ) -> tuple[JobRecord, bool]:
        with self._tx() as db:
            if idempotency_key is not None:
                row = db.execute(
                    "SELECT j.record FROM idempotency i JOIN jobs j ON j.id = i.job_id WHERE i.owner=? AND i.key=?",
                    (job.owner, idempotency_digest(idempotency_key)),
                ).fetchone()
                if row is not None:
                    existing = JobRecord.model_validate_json(row[0])
                    if existing.fingerprint != job.fingerprint:
                        raise IdempotencyConflict(existing.id)
                    return existing, False
            known = [n for n in letters if n.outcome is not None]
            job = job.model_copy(
                update={
                    "ok": sum(bool(n.outcome and n.outcome.ok) for n in known),
                    "failed": sum(bool(n.outcome and not n.outcome.ok) for n in known),
                }
            )
            job = finished_now(job, self.retention)
            db.execute(
                "INSERT INTO jobs (id, owner, record, expires) VALUES (?, ?, ?, ?)",
                (job.id, job.owner, job.model_dump_json(), job.expires.timestamp() if job.expires else None),
            )
            db.executemany(
                "INSERT INTO letters (job_id, idx, client_id, status, payload, document, error) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [_letter_row(job.id, n) for n in letters],
            )
            if idempotency_key is not None:
                db.execute(
                    "INSERT INTO idempotency (owner, key, job_id) VALUES (?, ?, ?)",
                    (job.owner, idempotency_digest(idempotency_key), job.id),
                )
        return job, True

    def get(self, job_id: str) -> JobRecord | None:
        with self._lock:
            row = self._db.execute("SELECT record, expires FROM jobs WHERE id=?", (job_id,)).fetchone()
        if row is None:
            return None
        if row[1] is not None and row[1] <= time.time():
            self.purge_expired()
            return None
        return JobRecord.model_validate_json(row[0])

    def letters(self, job_id: str) -> list[LetterRecord]:
        with self._lock:
            rows = self._db.execute(
                "SELECT idx, client_id, status, attempts, document, error FROM letters WHERE job_id=? ORDER BY idx",
                (job_id,),
            ).fetchall()
        return [
            LetterRecord(
                index=idx,
                id=client_id,
                status=LetterStatus(status),
                attempts=attempts,
                document=document,
                error=LetterError.model_validate_json(error) if error else None,
            )
            for idx, client_id, status, attempts, document, error in rows
        ]

    def claim(self, job_id: str, index: int) -> Claim | None:
        with self._tx() as db:
            row = db.execute(
                "SELECT status, attempts, payload FROM letters WHERE job_id=? AND idx=?", (job_id, index)
            ).fetchone()
            if row is None or LetterStatus(row[0]) in FINISHED or row[2] is None:
                return None
            db.execute(
                "UPDATE letters SET status='running', attempts=attempts+1 WHERE job_id=? AND idx=?", (job_id, index)
            )
            if row[1] >= 1:
                _bump(db, {"redeliveries": 1})
            return Claim(data=bytes(row[2]), attempt=row[1] + 1)

    def finish(self, job_id: str, index: int, outcome: Outcome) -> JobRecord | None:
        status = LetterStatus.done if outcome.ok else LetterStatus.failed
        with self._tx() as db:
            changed = db.execute(
                "UPDATE letters SET status=?, document=?, error=?, payload=NULL "
                "WHERE job_id=? AND idx=? AND status NOT IN ('done', 'failed')",
                (
                    status.value,
                    outcome.document,
                    outcome.error.model_dump_json() if outcome.error else None,
                    job_id,
                    index,
                ),
            ).rowcount
            if changed != 1:
                return None  # already finished (a redelivery) or the job was deleted
            _bump(db, outcome_counters(outcome))
            row = db.execute("SELECT record FROM jobs WHERE id=?", (job_id,)).fetchone()
            job = JobRecord.model_validate_json(row[0])
            job = job.model_copy(update={"ok": job.ok + outcome.ok, "failed": job.failed + (not outcome.ok)})
            job = finished_now(job, self.retention)
            db.execute(
                "UPDATE jobs SET record=?, expires=? WHERE id=?",
                (job.model_dump_json(), job.expires.timestamp() if job.expires else None, job_id),
            )
        return job if job.done else None

    def set_webhook(self, job_id: str, state: str) -> None:
        with self._tx() as db:
            row = db.execute("SELECT record FROM jobs WHERE id=?", (job_id,)).fetchone()
            if row is not None:
                job = JobRecord.model_validate_json(row[0]).model_copy(update={"webhook": state})
                db.execute("UPDATE jobs SET record=? WHERE id=?", (job.model_dump_json(), job_id))

    def delete(self, job_id: str) -> bool:
        with self._tx() as db:
            return db.execute("DELETE FROM jobs WHERE id=?", (job_id,)).rowcount == 1

    def purge_expired(self) -> int:
        with self._tx() as db:
            count = db.execute("DELETE FROM jobs WHERE expires IS NOT NULL AND expires <= ?", (time.time(),)).rowcount
        if count:
            with self._lock:
                self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # deleted means gone from the disk too
        return count

    def recover(self) -> int:
        """Letters left running by a stopped process go back to the queue (call once at start-up)."""
        with self._tx() as db:
            return db.execute("UPDATE letters SET status='queued' WHERE status='running'").rowcount

    def release(self, job_id: str, index: int) -> None:
        """Put a running letter back in the queue (a transient failure, retried later)."""
        with self._tx() as db:
            db.execute(
                "UPDATE letters SET status='queued' WHERE job_id=? AND idx=? AND status='running'", (job_id, index)
            )

    def pending_webhooks(self) -> list[JobRecord]:
        """Finished jobs whose webhook was not delivered yet (e.g. the process stopped first)."""
        with self._lock:
            rows = self._db.execute("SELECT record FROM jobs WHERE expires IS NOT NULL").fetchall()
        jobs = [JobRecord.model_validate_json(row[0]) for row in rows]
        return [job for job in jobs if job.webhook == "pending"]

    def queued(self, limit: int, skip: frozenset[tuple[str, int]] = frozenset()) -> list[tuple[str, int]]:
        """Letters waiting to run, oldest first (for the in-process workers)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT job_id, idx FROM letters WHERE status='queued' ORDER BY rowid LIMIT ?", (limit + len(skip),)
            ).fetchall()
        return [(job_id, idx) for job_id, idx in rows if (job_id, idx) not in skip][:limit]

    def requeue_orphans(self) -> list[tuple[str, int]]:
        return []  # the queue is the letters table itself: nothing can be accepted and not queued

    def mark_dispatched(self, job_id: str) -> None:
        return None

    def job_states(self) -> dict[str, int]:
        states = {"queued": 0, "running": 0}
        with self._lock:
            rows = self._db.execute(
                "SELECT j.id, MAX(l.attempts) FROM jobs j JOIN letters l ON l.job_id = j.id "
                "WHERE j.expires IS NULL GROUP BY j.id"
            ).fetchall()
        for _, attempts in rows:
            states["running" if attempts else "queued"] += 1
        return states

    def queue_depth(self) -> int:
        with self._lock:
            row = self._db.execute("SELECT COUNT(*) FROM letters WHERE status IN ('queued', 'running')").fetchone()
        return int(row[0])

    def counters(self) -> dict[str, float]:
        with self._lock:
            rows = self._db.execute("SELECT name, value FROM counters").fetchall()
        return {name: float(value) for name, value in rows}

    def close(self) -> None:
        with self._lock:
            self._db.close()


def _letter_row(job_id: str, letter: NewLetter) -> tuple[object, ...]:
    outcome = letter.outcome
    if outcome is None:
        return (job_id, letter.index, letter.id, LetterStatus.queued.value, letter.data, None, None)
    status = LetterStatus.done if outcome.ok else LetterStatus.failed
    error = outcome.error.model_dump_json() if outcome.error else None
    return (job_id, letter.index, letter.id, status.value, None, outcome.document, error)


def _bump(db: sqlite3.Connection, counts: dict[str, float]) -> None:
    db.executemany(
        "INSERT INTO counters (name, value) VALUES (?, ?) "
        "ON CONFLICT(name) DO UPDATE SET value = value + excluded.value",
        [(name, value) for name, value in counts.items() if value],
    )

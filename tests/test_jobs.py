"""The jobs API on the embedded default (SQLite store, in-process workers), over real loopback HTTP."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from llm_extract.backends.base import ExtractOptions
from llm_extract.backends.rules import RulesBackend
from llm_extract.contract.models import Extraction
from llm_extract.jobs.settings import JobSettings
from llm_extract.jobs.webhook import SIGNATURE_HEADER, verify, webhook_secret
from llm_extract.letter.inputs import LetterText
from tests.jobkit import OTHER_KEY, Receiver, as_cli_bytes, job_app, results, wait_job
from tests.servicekit import KEY, SEEDS, auth, expected_document, running

LETTERS = [{"id": f"claim-{i}", "text": SEEDS[i % len(SEEDS)].read_text()} for i in range(6)]


def _submit(base: str, body: dict[str, Any], key: str = KEY, **kw: Any) -> httpx.Response:
    return httpx.post(base + "/v1/jobs", json=body, headers={**auth(key), **kw.pop("headers", {})}, timeout=30, **kw)


def test_a_json_job_completes_with_the_cli_documents_and_the_callers_ids(tmp_path: Path) -> None:
    with running(job_app(tmp_path)) as base:
        accepted = _submit(base, {"letters": [*LETTERS, {"id": "junk", "text": "Milk, eggs, bread."}]})
        assert accepted.status_code == 202, accepted.text
        job = accepted.json()
        assert job["status"] in ("queued", "running", "done")
        assert accepted.headers["location"] == job["links"]["self"] == f"{base}/v1/jobs/{job['id']}"
        final = wait_job(base, job["id"])
        lines = results(base, job["id"])
    assert final["status"] == "done"
    assert final["counts"] == {"letters": 7, "queued": 0, "running": 0, "done": 6, "failed": 1}
    assert [line["id"] for line in lines] == [*(f"claim-{i}" for i in range(6)), "junk"]
    for line, letter in zip(lines, LETTERS, strict=False):
        assert line["ok"] is True and line["error"] is None
        assert as_cli_bytes(line["result"]) == expected_document(letter["text"].encode())
    assert lines[-1]["ok"] is False and lines[-1]["error"]["code"] == "unrecognized-letter"
    assert lines[-1]["error"]["type"].endswith("/unrecognized-letter")


def test_a_multipart_job_names_results_by_file_name_and_takes_options(tmp_path: Path) -> None:
    files = [("files", (f"letter-{i}.txt", p.read_bytes(), "text/plain")) for i, p in enumerate(SEEDS[:3])]
    with running(job_app(tmp_path)) as base:
        r = httpx.post(base + "/v1/jobs", params={"lang": "es"}, files=files, headers=auth(), timeout=30)
        assert r.status_code == 202, r.text
        assert r.json()["lang"] == "es"
        wait_job(base, r.json()["id"])
        lines = results(base, r.json()["id"])
    assert [line["id"] for line in lines] == ["letter-0.txt", "letter-1.txt", "letter-2.txt"]
    for line, path in zip(lines, SEEDS[:3], strict=True):
        assert as_cli_bytes(line["result"]) == expected_document(path.read_bytes(), "es")


def test_another_keys_job_is_not_found(tmp_path: Path) -> None:
    with running(job_app(tmp_path)) as base:
        job_id = _submit(base, {"letters": LETTERS[:1]}).json()["id"]
        for method, path in (("GET", ""), ("GET", "/results"), ("DELETE", "")):
            r = httpx.request(method, f"{base}/v1/jobs/{job_id}{path}", headers=auth(OTHER_KEY))
            assert r.status_code == 404 and r.json()["code"] == "not-found", (method, path)
        missing = httpx.get(f"{base}/v1/jobs/job_{'0' * 24}", headers=auth())
        assert missing.status_code == 404 and missing.text.replace(job_id, "") == missing.text
        assert wait_job(base, job_id)["status"] == "done"  # the owner still sees it


def test_idempotency_key_returns_the_same_job_and_refuses_a_different_body(tmp_path: Path) -> None:
    with running(job_app(tmp_path)) as base:
        first = _submit(base, {"letters": LETTERS[:2]}, headers={"Idempotency-Key": "intake-42"})
        again = _submit(base, {"letters": LETTERS[:2]}, headers={"Idempotency-Key": "intake-42"})
        other_key = _submit(base, {"letters": LETTERS[:2]}, key=OTHER_KEY, headers={"Idempotency-Key": "intake-42"})
        changed = _submit(base, {"letters": LETTERS[:3]}, headers={"Idempotency-Key": "intake-42"})
        wait_job(base, first.json()["id"])
        assert len(results(base, first.json()["id"])) == 2
    assert first.status_code == 202 and again.status_code == 200
    assert again.json()["id"] == first.json()["id"] and again.headers["idempotent-replayed"] == "true"
    assert other_key.status_code == 202 and other_key.json()["id"] != first.json()["id"]
    assert changed.status_code == 409 and changed.json()["code"] == "idempotency-key-reused"


class GatedBackend:
    """The rules backend, held at a gate until the test opens it (to act on a job mid-run)."""

    name = "rules"

    def __init__(self) -> None:
        self.inner = RulesBackend()
        self.gate = threading.Event()
        self.calls = 0

    def identity(self) -> dict[str, Any]:
        return self.inner.identity()

    def extract(self, letter: LetterText, options: ExtractOptions) -> Extraction:
        self.calls += 1
        self.gate.wait(20)
        return self.inner.extract(letter, options)


def test_delete_cancels_a_running_job_and_deletes_its_results(tmp_path: Path) -> None:
    gated = GatedBackend()
    app = job_app(tmp_path, backends={"rules": gated}, jobs=JobSettings(data_dir=tmp_path / "jobs", embedded_workers=1))
    with running(app) as base:
        job_id = _submit(base, {"letters": LETTERS, "cache": False}).json()["id"]
        deadline = time.monotonic() + 10
        while gated.calls == 0 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert httpx.get(f"{base}/v1/jobs/{job_id}", headers=auth()).json()["status"] == "running"
        deleted = httpx.delete(f"{base}/v1/jobs/{job_id}", headers=auth())
        gated.gate.set()
        time.sleep(0.3)
        after = httpx.get(f"{base}/v1/jobs/{job_id}", headers=auth())
        gone = httpx.get(f"{base}/v1/jobs/{job_id}/results", headers=auth())
    assert deleted.status_code == 204
    assert after.status_code == 404 and gone.status_code == 404
    assert gated.calls == 1, "letters not started when the job was deleted must not run"


def test_results_expire_and_are_deleted(tmp_path: Path) -> None:
    app = job_app(tmp_path, jobs=JobSettings(data_dir=tmp_path / "jobs", retention=1.0))
    with running(app) as base:
        job_id = _submit(base, {"letters": LETTERS[:1]}).json()["id"]
        assert wait_job(base, job_id)["expires"] is not None
        time.sleep(1.2)
        assert httpx.get(f"{base}/v1/jobs/{job_id}", headers=auth()).status_code == 404
    import sqlite3

    db = sqlite3.connect(tmp_path / "jobs" / "jobs.sqlite3")
    assert db.execute("SELECT COUNT(*) FROM letters").fetchone() == (0,), "results must be deleted, not hidden"
    assert db.execute("SELECT COUNT(*) FROM jobs").fetchone() == (0,)


def test_the_completion_webhook_is_signed_and_retried(tmp_path: Path) -> None:
    with Receiver([500, 503]) as receiver, running(job_app(tmp_path)) as base:
        job_id = _submit(base, {"letters": LETTERS[:2], "callback_url": receiver.url}).json()["id"]
        wait_job(base, job_id)
        assert receiver.delivered.wait(10), "the webhook was not delivered"
        deadline = time.monotonic() + 5
        while httpx.get(f"{base}/v1/jobs/{job_id}", headers=auth()).json()["webhook"] != "delivered":
            assert time.monotonic() < deadline
            time.sleep(0.05)
    assert [status for _, _, status in receiver.received] == [500, 503, 200]
    headers, body, _ = receiver.received[-1]
    secret = webhook_secret(KEY)
    assert verify(secret, body, headers[SIGNATURE_HEADER.lower()])
    assert not verify(webhook_secret(OTHER_KEY), body, headers[SIGNATURE_HEADER.lower()])
    assert not verify(secret, body.replace(b"done", b"fail"), headers[SIGNATURE_HEADER.lower()])
    assert not verify(secret, body, headers[SIGNATURE_HEADER.lower()], now=time.time() + 3600), "stale accepted"
    notice = json.loads(body)
    assert notice["job"] == job_id and notice["status"] == "done" and notice["counts"]["done"] == 2
    assert set(notice) == {"event", "job", "status", "counts", "links"}, "ids and counts only, never results"


def test_metrics_report_requests_jobs_and_letters(tmp_path: Path) -> None:
    with running(job_app(tmp_path)) as base:
        job_id = _submit(base, {"letters": LETTERS[:3]}).json()["id"]
        wait_job(base, job_id)
        sync = httpx.post(
            base + "/v1/extractions", content=SEEDS[0].read_bytes(), headers={**auth(), "Content-Type": "text/plain"}
        )
        assert sync.headers["x-cache"] == "hit", "the job filled the cache the synchronous endpoint reads"
        text = httpx.get(base + "/metrics").text
    assert 'llm_extract_http_requests_total{method="POST",route="/v1/jobs",status="202"} 1.0' in text
    assert 'llm_extract_job_letters_total{outcome="ok"} 3.0' in text
    assert "llm_extract_queue_depth 0.0" in text
    assert 'llm_extract_jobs{state="queued"} 0.0' in text
    assert 'llm_extract_sync_letters_total{cache="hit",outcome="ok"} 1.0' in text
    assert "llm_extract_http_request_duration_seconds_bucket" in text
    assert job_id not in text and KEY not in text


class UnreachableBackend:
    """An LLM backend whose endpoint never answers (a transient failure on every delivery)."""

    name = "llm"

    def __init__(self) -> None:
        self.calls = 0

    def identity(self) -> dict[str, Any]:
        return {"backend": self.name}

    def extract(self, letter: LetterText, options: ExtractOptions) -> Extraction:
        from llm_extract.errors import LlmTransportError

        self.calls += 1
        raise LlmTransportError("the LLM endpoint could not be reached", hint="check LLM_EXTRACT_BASE_URL")


def test_transient_failures_are_retried_a_bounded_number_of_times_then_typed(tmp_path: Path) -> None:
    down = UnreachableBackend()
    jobs = JobSettings(data_dir=tmp_path / "jobs", max_attempts=2)
    app = job_app(tmp_path, backends={"rules": RulesBackend(), "llm": down}, jobs=jobs)
    with running(app) as base:
        job_id = _submit(base, {"letters": LETTERS[:1], "backend": "llm"}).json()["id"]
        final = wait_job(base, job_id, timeout=30)
        (line,) = results(base, job_id)
    assert down.calls == 2
    assert final["status"] == "failed" and final["letters"][0]["attempts"] == 2
    assert line["error"]["code"] == "letter-retries-exhausted" and line["error"]["status"] == 503
    assert "llm-transport" in line["error"]["detail"]

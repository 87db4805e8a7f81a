"""Every error the API can answer with: auth, limits, timeouts, bad bodies, bad letters.

Each is checked over real HTTP for its status, its problem+json body with the
stable ``type`` URI, and any header it requires (WWW-Authenticate, Retry-After).
"""

from __future__ import annotations

import json
import logging
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from llm_extract.service.problems import PROBLEM_BASE, TITLES
from llm_extract.service.spec import codes_by_status
from tests.letterkit import simple
from tests.pdfkit import encrypt, letter_pdf, make_pdf
from tests.servicekit import BATCH_ONLY, EXTRACT_ONLY, KEY, SEEDS, SlowBackend, auth, make_app, running

LETTER = SEEDS[0].read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    app = make_app(tmp_path_factory.mktemp("svc"), max_pages=3, max_batch=4, max_body_bytes=200_000)
    with running(app) as url:
        yield url


@pytest.fixture
def client(base: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base, headers=auth(), timeout=30) as c:
        yield c


def problem(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["type"] == PROBLEM_BASE + code
    assert (body["status"], body["code"], body["title"]) == (status, code, TITLES[code])
    assert body["request_id"] == response.headers["x-request-id"]
    assert body["instance"] == f"urn:llm-extract:request:{body['request_id']}"
    assert isinstance(body, dict)
    return body


def test_every_error_code_has_a_title_and_one_status() -> None:
    codes = [c for cs in codes_by_status().values() for c in cs]
    assert len(codes) == len(set(codes))
    assert set(codes) == set(TITLES), "give each new error code a title in llm_extract/service/problems.py"


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer nope-not-a-key"}, {"Authorization": "Basic eDp5"}])
def test_401_without_a_valid_key(base: str, headers: dict[str, str]) -> None:
    response = httpx.post(base + "/v1/extractions", json={"text": LETTER}, headers=headers)
    body = problem(response, 401, "unauthorized")
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert "key" in str(body["detail"])


def test_401_comes_before_any_other_check(base: str) -> None:
    huge = b"x" * 300_000
    response = httpx.post(base + "/v1/extractions/batch", content=huge, headers={"Content-Type": "text/csv"})
    problem(response, 401, "unauthorized")


def test_403_for_a_key_without_the_right(client: httpx.Client) -> None:
    body = problem(
        client.post("/v1/extractions/batch", json={"letters": [{"text": LETTER}]}, headers=auth(EXTRACT_ONLY)),
        403,
        "forbidden",
    )
    assert "batch" in str(body["detail"])
    problem(client.post("/v1/extractions", json={"text": LETTER}, headers=auth(BATCH_ONLY)), 403, "forbidden")
    assert client.post("/v1/extractions", json={"text": LETTER}, headers=auth(EXTRACT_ONLY)).status_code == 200


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({}, (401, "unauthorized")),
        ({"Authorization": "Basic eDp5"}, (401, "unauthorized")),
        ({"Authorization": "Bearer nope-not-a-key"}, (401, "unauthorized")),
        (auth(BATCH_ONLY), (403, "forbidden")),
        ({**auth(), "Accept": "image/png"}, (406, "not-acceptable")),
        ({**auth(), "Content-Type": "text/csv"}, (415, "unsupported-media-type")),
        ({**auth(), "Content-Length": "300000"}, (413, "request-too-large")),
        (auth(EXTRACT_ONLY), (200, None)),
    ],
)
def test_a_request_without_a_query_string_is_answered_as_one_with(
    base: str, headers: dict[str, str], expected: tuple[int, str | None]
) -> None:
    """Without a query string the extraction route skips FastAPI's dependency solving
    (routes.PlainQueryRoute): the answers must be those of the full path (``?cache=true``, the default)."""
    status, code = expected
    headers = dict(headers)
    body = headers.pop("Content-Length", None)
    content = b"x" * int(body) if body else LETTER.encode()
    headers = {"Content-Type": "text/plain", **headers}
    for query in ("", "?cache=true"):
        response = httpx.post(base + "/v1/extractions" + query, content=content, headers=headers)
        if code is None:
            assert response.status_code == status and response.json()["schema_version"]
        else:
            problem(response, status, code)


@pytest.mark.parametrize("query", ["lang=es", "cache=FALSE", "backend=rules&lang=en&cache=1", "lang=es&cache=off"])
def test_a_plain_query_string_is_answered_as_by_fastapi(client: httpx.Client, query: str) -> None:
    """A plain query skips FastAPI's dependency solving; an unknown extra parameter (which FastAPI
    ignores) sends the same request down FastAPI's own path: the answers must be the same."""
    text = {"Content-Type": "text/plain"}
    plain = client.post(f"/v1/extractions?{query}", content=LETTER.encode(), headers=text)
    full = client.post(f"/v1/extractions?{query}&unused=1", content=LETTER.encode(), headers=text)
    assert plain.status_code == full.status_code == 200
    assert plain.content == full.content
    assert (
        (plain.headers["x-cache"] == "off")
        == (full.headers["x-cache"] == "off")
        == (query.lower().endswith(("cache=false", "cache=off")))
    )


def test_plain_options_reads_only_what_it_can_validate_exactly() -> None:
    from llm_extract.service.routes import plain_options
    from llm_extract.service.runner import RunOptions

    assert plain_options(b"") == RunOptions()
    assert plain_options(b"cache=false") == RunOptions(cache=False)
    assert plain_options(b"lang=es&backend=rules&cache=Yes") == RunOptions(lang="es", backend="rules", cache=True)
    for left in (
        b"lang=fr",
        b"lang=",
        b"cache=2",
        b"cache",
        b"backend=Rules",
        b"lang=es&lang=en",
        b"x=1",
        b"lang=e%73",
    ):
        assert plain_options(left) is None, left  # FastAPI's validation answers these


def test_413_body_too_large_declared_or_streamed(client: httpx.Client) -> None:
    big = b"a" * 250_000
    problem(
        client.post("/v1/extractions", content=big, headers={"Content-Type": "text/plain"}), 413, "request-too-large"
    )

    def chunks() -> Iterator[bytes]:
        for _ in range(25):
            yield b"b" * 10_000

    problem(
        client.post("/v1/extractions", content=chunks(), headers={"Content-Type": "text/plain"}),
        413,
        "request-too-large",
    )
    files = {"file": ("big.pdf", big, "application/pdf")}
    problem(client.post("/v1/extractions", files=files), 413, "request-too-large")


def test_413_too_many_pages_and_too_many_letters(client: httpx.Client) -> None:
    pdf = make_pdf([[f"page of text number {i}"] for i in range(5)])
    body = problem(
        client.post("/v1/extractions", content=pdf, headers={"Content-Type": "application/pdf"}),
        413,
        "pdf-too-many-pages",
    )
    assert "5 pages" in str(body["detail"])
    letters = [{"text": LETTER}] * 5
    problem(client.post("/v1/extractions/batch", json={"letters": letters}), 413, "batch-too-large")
    files = [("files", ("a.txt", b"x", "text/plain"))] * 5
    problem(client.post("/v1/extractions/batch", files=files), 413, "batch-too-large")


def test_429_with_retry_after(tmp_path: Path) -> None:
    with running(make_app(tmp_path, rate_limit=6, rate_burst=2)) as url, httpx.Client(base_url=url) as c:
        codes = [c.get("/v1/healthz").status_code for _ in range(3)]  # health checks are never limited
        for _ in range(2):
            assert c.post("/v1/extractions", json={"text": LETTER}, headers=auth()).status_code == 200
        limited = c.post("/v1/extractions", json={"text": LETTER}, headers=auth())
        body = problem(limited, 429, "rate-limited")
        retry_after = int(limited.headers["retry-after"])
        assert 1 <= retry_after <= 10 and body["retry_after"] == retry_after
        other_key = c.post("/v1/extractions", json={"text": LETTER}, headers=auth(EXTRACT_ONLY))
        assert other_key.status_code == 200  # buckets are per key
    assert codes == [200, 200, 200]


def test_415_unsupported_media_types(client: httpx.Client) -> None:
    problem(
        client.post("/v1/extractions", content=b"a,b", headers={"Content-Type": "text/csv"}),
        415,
        "unsupported-media-type",
    )
    problem(
        client.post(
            "/v1/extractions", content=LETTER.encode("utf-16"), headers={"Content-Type": "text/plain; charset=utf-16"}
        ),
        415,
        "unsupported-media-type",
    )
    problem(
        client.post("/v1/extractions/batch", content=LETTER, headers={"Content-Type": "text/plain"}),
        415,
        "unsupported-media-type",
    )
    problem(
        client.post("/v1/extractions", content=b"PK\x03\x04zip", headers={"Content-Type": "application/pdf"}),
        415,
        "not-a-pdf",
    )
    problem(client.post("/v1/extractions", files={"file": ("a.pdf", b"plain words", "text/plain")}), 415, "not-a-pdf")


def test_422_validation_never_echoes_values(client: httpx.Client) -> None:
    body = problem(client.post("/v1/extractions", params={"lang": "fr"}, json={"text": LETTER}), 422, "invalid-request")
    assert [e["loc"] for e in body["errors"]] == ["query.lang"]
    secret = "Jane Q. Worker, 123 Main St"
    body = problem(client.post("/v1/extractions", json={"text": secret, "color": secret}), 422, "invalid-request")
    assert secret not in json.dumps(body)
    problem(
        client.post("/v1/extractions", content=b"{not json", headers={"Content-Type": "application/json"}),
        422,
        "invalid-request",
    )
    problem(client.post("/v1/extractions", files={"other": ("a.txt", b"x", "text/plain")}), 422, "invalid-request")
    problem(client.post("/v1/extractions/batch", json={"letters": []}), 422, "invalid-request")
    problem(
        client.post("/v1/extractions", params={"backend": "hybrid"}, json={"text": LETTER}), 422, "backend-unavailable"
    )


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"   \n", "empty-input"),
        (b"\x00\x01\x02binary" * 10, "binary-input"),
        (b"\xff\xfe\xfa not utf-8", "binary-input"),
        (b"Milk, eggs, bread.", "unrecognized-letter"),
        (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage", "corrupt-pdf"),
        (encrypt(make_pdf([["Secret"]]), user_password="s3cret"), "pdf-password-required"),
        (make_pdf([[], []]), "pdf-no-text-layer"),
    ],
    ids=["empty", "binary", "not-utf8", "unrecognized", "corrupt", "password", "no-text-layer"],
)
def test_letter_errors_have_distinct_types(client: httpx.Client, data: bytes, code: str) -> None:
    body = problem(
        client.post("/v1/extractions", files={"file": ("letter", data, "application/octet-stream")}), 422, code
    )
    assert body["hint"]


def test_404_and_405_are_problems(client: httpx.Client) -> None:
    problem(client.get("/v1/nope"), 404, "not-found")
    response = client.get("/v1/extractions")
    problem(response, 405, "method-not-allowed")
    assert "POST" in response.headers["allow"]


def test_malformed_multipart_is_400(client: httpx.Client) -> None:
    response = client.post(
        "/v1/extractions", content=b"--x\r\ngarbage", headers={"Content-Type": "multipart/form-data"}
    )
    problem(response, 400, "bad-request")


def test_408_when_the_body_is_too_slow(tmp_path: Path) -> None:
    with running(make_app(tmp_path, request_timeout=0.5)) as url:
        host, port = url.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=5) as s:
            s.sendall(
                (
                    f"POST /v1/extractions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {KEY}\r\n"
                    "Content-Type: text/plain\r\nContent-Length: 1000\r\n\r\npartial"
                ).encode()
            )
            started = time.monotonic()
            reply = ""
            while "request-timeout" not in reply and (chunk := s.recv(65536)):
                reply += chunk.decode()
        assert reply.startswith("HTTP/1.1 408") and PROBLEM_BASE + "request-timeout" in reply
        assert time.monotonic() - started < 3


def test_504_when_extraction_is_too_slow_then_the_retry_is_a_hit(tmp_path: Path) -> None:
    slow = SlowBackend(delay=0.8)
    app = make_app(tmp_path, backends={"rules": slow}, request_timeout=0.3)
    with running(app) as url, httpx.Client(base_url=url, headers=auth()) as c:
        problem(c.post("/v1/extractions", json={"text": LETTER}), 504, "extraction-timeout")
        batch = c.post("/v1/extractions/batch", json={"letters": [{"text": SEEDS[1].read_text()}]})
        assert batch.status_code == 200 and batch.json()["results"][0]["error"]["code"] == "extraction-timeout"
        time.sleep(1.0)  # the computation went on and filled the cache
        retry = c.post("/v1/extractions", json={"text": LETTER})
        assert retry.status_code == 200 and retry.headers["x-cache"] == "hit"
    assert slow.calls == 2


def access_records(caplog: pytest.LogCaptureFixture) -> list[dict[str, Any]]:
    return [json.loads(r.getMessage()) for r in caplog.records if r.name == "llm_extract.service.access"]


def test_access_log_has_ids_sizes_and_timings_but_no_text_or_keys(
    client: httpx.Client, caplog: pytest.LogCaptureFixture
) -> None:
    letter = simple(2).clean()
    with caplog.at_level(logging.INFO, logger="llm_extract"):
        ok = client.post("/v1/extractions", json={"text": letter}, headers={"X-Request-ID": "log-test-1"})
        client.post("/v1/extractions", files={"file": ("Jane Doe letter.pdf", letter_pdf(letter), "application/pdf")})
        httpx.post(str(client.base_url) + "/v1/extractions", json={"text": letter})
        deadline = time.monotonic() + 5  # the server logs just after it has answered
        while len(records := access_records(caplog)) < 3 and time.monotonic() < deadline:
            time.sleep(0.01)
    first = next(r for r in records if r["request_id"] == "log-test-1")
    assert first["status"] == 200 and first["key_id"] == "env-1" and first["letters"] == 1
    assert first["bytes_in"] > len(letter) and first["bytes_out"] == len(ok.content) and first["ms"] > 0
    assert any(r["status"] == 401 and r["error"] == "unauthorized" and "key_id" not in r for r in records)
    everything = "\n".join(r.getMessage() for r in caplog.records)
    for secret in (KEY, "Jane Doe", letter[:40], ok.json()["summary"]["headline"]):
        assert secret not in everything


def test_readyz_is_503_when_a_check_fails(tmp_path: Path) -> None:
    from llm_extract.service.readiness import StaticCheck

    checks = [StaticCheck("cache", "ok", None), StaticCheck("llm_endpoint", "fail", "unreachable (ConnectError)")]
    with running(make_app(tmp_path, checks=checks)) as url:
        response = httpx.get(url + "/v1/readyz")
        health = httpx.get(url + "/v1/healthz")
    assert response.status_code == 503 and response.json()["status"] == "not_ready"
    assert health.status_code == 200

"""Finding 7, errors below the app: every answer is problem JSON, and nothing redirects before auth.

The probe got uvicorn's plain-text ``Invalid HTTP request received.`` for 158 of 2,741
error bodies, and a 307 to ``http://<client's Host>/v1/extractions`` for a trailing-slash
URL before any key was checked.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from llm_extract.service.problems import PROBLEM_BASE, TITLES
from tests.hostile.rawhttp import RawResponse, exchange
from tests.servicekit import auth, make_app, running

GOOD = b"GET /v1/healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"

MALFORMED: dict[str, bytes] = {
    "garbage request line": b"HELLO\r\n\r\n",
    "no version": b"GET /v1/healthz\r\nHost: x\r\n\r\n",
    "space in target": b"GET /v1/he lthz HTTP/1.1\r\nHost: x\r\n\r\n",
    "non-ASCII target": "GET /v1/h\u00e9althz HTTP/1.1\r\nHost: x\r\n\r\n".encode("latin-1"),
    "NUL in target": b"GET /v1/\x00 HTTP/1.1\r\nHost: x\r\n\r\n",
    "header without colon": b"GET /v1/healthz HTTP/1.1\r\nHost: x\r\nBroken header\r\n\r\n",
    "space before colon": b"GET /v1/healthz HTTP/1.1\r\nHost : x\r\n\r\n",
    "missing Host": b"GET /v1/healthz HTTP/1.1\r\n\r\n",
    "two Content-Lengths": b"POST /v1/extractions HTTP/1.1\r\nHost: x\r\n"
    b"Content-Length: 3\r\nContent-Length: 4\r\n\r\nabc",
    "non-numeric Content-Length": b"POST /v1/extractions HTTP/1.1\r\nHost: x\r\nContent-Length: ten\r\n\r\n",
    "negative Content-Length": b"POST /v1/extractions HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
    "bad chunk size": b"POST /v1/extractions HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n",
    "unknown transfer coding": b"POST /v1/extractions HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n",
    "bare LF then binary": b"GET /v1/healthz HTTP/1.1\nHost: x\n\x00\x01\x02\n\n",
    "TLS hello on plain port": bytes.fromhex("1603010200010001fc0303") + bytes(40) + b"\r\n\r\n",
}

TOLERATED: dict[str, bytes] = {
    "obsolete line folding": b"GET /v1/healthz HTTP/1.1\r\nHost: x\r\nX-A: a\r\n  b\r\n\r\n",
    "control character in value": b"GET /v1/healthz HTTP/1.1\r\nHost: x\r\nX-A: a\x01b\r\n\r\n",
    "unknown minor version": b"GET /v1/healthz HTTP/9.9\r\nHost: x\r\n\r\n",  # h11 reads it as HTTP/1.1
    "websocket upgrade": b"GET /v1/healthz HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
    b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
}


@pytest.fixture(scope="module", params=["httptools", "h11"])
def base(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Iterator[str]:
    """``serve``'s protocol (httptools), and the h11 one it replaced: both must answer alike."""
    with running(make_app(tmp_path_factory.mktemp("svc")), parser=request.param) as url:
        yield url


def assert_problem(response: RawResponse, status: int | None = None) -> dict[str, object]:
    assert response.headers["content-type"] == "application/problem+json", (response.status, response.body[:80])
    body = response.json()
    assert isinstance(body, dict)
    assert body["type"] == PROBLEM_BASE + str(body["code"]) and body["title"] == TITLES[str(body["code"])]
    assert body["status"] == response.status and response.status >= 400
    if status is not None:
        assert response.status == status
    return body


@pytest.mark.parametrize("payload", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_requests_get_problem_json(base: str, payload: bytes) -> None:
    response = exchange(base, payload)
    body = assert_problem(response)
    if body["code"] == "bad-request":
        assert response.headers["connection"] == "close"


@pytest.mark.parametrize("payload", TOLERATED.values(), ids=TOLERATED.keys())
def test_odd_but_tolerated_requests_get_an_ordinary_answer(base: str, payload: bytes) -> None:
    response = exchange(base, payload.replace(b"Host: x\r\n", b"Host: x\r\nConnection: close\r\n"))
    assert response.status == 200 and response.json() == {"status": "ok"}  # no upgrade, no 400


def test_oversized_headers_are_a_431_problem(base: str) -> None:
    payload = b"GET /v1/healthz HTTP/1.1\r\nHost: x\r\n" + b"X-Pad: " + b"a" * 40_000  # no end in sight
    body = assert_problem(exchange(base, payload), 431)
    assert body["code"] == "headers-too-large"


def test_random_bytes_never_get_a_plain_text_answer(base: str) -> None:
    rng = random.Random(14)
    for _ in range(60):
        start = GOOD[: rng.randrange(len(GOOD))]
        noise = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 40)))
        response = exchange(base, start + noise + b"\r\n\r\n")
        if response.status >= 400:
            assert_problem(response)
    assert exchange(base, GOOD).status == 200  # and the server still serves


@pytest.mark.parametrize(
    ("method", "path"),
    [("POST", "/v1/extractions/"), ("POST", "/v1/extractions/batch/"), ("GET", "/v1/healthz/"), ("GET", "/v1/")],
)
def test_a_trailing_slash_is_not_redirected_before_auth(base: str, method: str, path: str) -> None:
    request = f"{method} {path} HTTP/1.1\r\nHost: attacker.example\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    response = exchange(base, request.encode())
    assert "location" not in response.headers
    body = assert_problem(response, 404)
    assert "attacker" not in response.body.decode()
    if path != "/v1/":
        assert "trailing slash" in str(body["hint"])


def test_the_same_paths_without_a_slash_still_work(base: str) -> None:
    assert httpx.get(base + "/v1/healthz", follow_redirects=False).status_code == 200
    response = httpx.post(base + "/v1/extractions/", headers=auth(), json={"text": "x"}, follow_redirects=False)
    assert response.status_code == 404 and "location" not in response.headers


def test_a_refused_malformed_request_does_not_disturb_other_clients(tmp_path: Path) -> None:
    with running(make_app(tmp_path)) as url, httpx.Client(base_url=url) as client:
        assert client.get("/v1/healthz").status_code == 200
        for payload in MALFORMED.values():
            exchange(url, payload)
        assert client.get("/v1/healthz").status_code == 200  # the same keep-alive connection

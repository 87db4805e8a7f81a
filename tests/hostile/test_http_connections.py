"""Finding 7, connections: idle and incomplete ones are timed out, and their number is capped.

The probe held 1,003 idle or half-sent connections open for 95 s (never closed) and
found no connection cap. Here a server with a 1 s header timeout and a 40-connection
cap is given idle sockets, half-sent request heads and a slowloris that keeps
dribbling bytes; each must be closed within the timeout (plus scheduling slack), and
a connection beyond the cap must get a 503 problem at once, not hang.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.hostile.rawhttp import connect, parse, read_response, read_until_closed
from tests.servicekit import make_app, running

HEADER_TIMEOUT = 1.0
SLACK = 1.5
"""Scheduling slack on a loaded 2-core CI machine: closes must land within timeout + slack."""

PARTIAL = b"POST /v1/extractions HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"


@pytest.fixture
def base(tmp_path: Path) -> Iterator[str]:
    app = make_app(tmp_path, header_timeout=HEADER_TIMEOUT, keep_alive_timeout=1, max_connections=40)
    with running(app) as url:
        yield url


def _closed_within(socks: list[socket.socket], budget: float) -> list[tuple[bytes, float]]:
    started = time.monotonic()
    out = []
    for sock in socks:
        left = max(0.01, budget - (time.monotonic() - started))
        data, took = read_until_closed(sock, left)
        out.append((data, took if took == float("inf") else time.monotonic() - started))
        sock.close()
    return out


def test_idle_and_half_sent_connections_are_closed_after_the_header_timeout(base: str) -> None:
    started = time.monotonic()
    idle = [connect(base) for _ in range(15)]
    partial = [connect(base) for _ in range(15)]
    for sock in partial:
        sock.sendall(PARTIAL)
    results = _closed_within(idle + partial, HEADER_TIMEOUT + SLACK)
    elapsed = time.monotonic() - started
    assert all(took != float("inf") for _, took in results), "a connection was still open after the timeout"
    assert all(data == b"" for data, _ in results[:15])  # idle: closed silently
    for data, _ in results[15:]:
        response = parse(data)
        assert response.status == 408 and response.headers["content-type"] == "application/problem+json"
        assert response.json()["code"] == "header-timeout"
    assert elapsed >= HEADER_TIMEOUT * 0.9  # not closed early either
    print(f"30 idle/half-sent connections all closed {elapsed:.2f} s after opening (timeout {HEADER_TIMEOUT} s)")


def test_a_slowloris_that_keeps_sending_is_closed_too(base: str) -> None:
    sock = connect(base)
    started = time.monotonic()
    sent = 0
    try:
        for byte in PARTIAL + b"X-Drip: " + b"a" * 200:
            sock.sendall(bytes([byte]))
            sent += 1
            time.sleep(0.05)
            if time.monotonic() - started > HEADER_TIMEOUT + SLACK:
                break
    except (BrokenPipeError, ConnectionResetError):
        pass
    data, _ = read_until_closed(sock, SLACK)
    sock.close()
    assert time.monotonic() - started < HEADER_TIMEOUT + 2 * SLACK
    assert parse(data).status == 408, f"still reading after {sent} bytes"


def test_the_head_of_a_second_request_on_a_kept_alive_connection_is_timed_out(base: str) -> None:
    with connect(base) as sock:
        sock.sendall(b"GET /v1/healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        assert parse(read_response(sock, 5)).status == 200
        sock.sendall(b"GET /v1/healthz HTTP/1.1\r\n")  # then nothing more
        started = time.monotonic()
        data, took = read_until_closed(sock, HEADER_TIMEOUT + SLACK)
    assert took != float("inf") and parse(data).status == 408
    assert time.monotonic() - started < HEADER_TIMEOUT + SLACK


def test_connections_beyond_the_cap_get_503_at_once_and_capacity_returns(base: str) -> None:
    held = [connect(base) for _ in range(40)]
    time.sleep(0.2)  # let the server accept them all
    started = time.monotonic()
    extra = [connect(base) for _ in range(20)]
    answers = [parse(read_response(sock, 2)) for sock in extra]
    assert time.monotonic() - started < 2
    for response in answers:
        assert response.status == 503 and response.headers["content-type"] == "application/problem+json"
        assert response.json()["code"] == "server-busy" and response.headers["retry-after"] == "1"
    for sock in extra + held:
        sock.close()
    time.sleep(0.2)
    assert httpx.get(base + "/v1/healthz").status_code == 200


def test_an_httpx_client_beyond_the_cap_reads_the_503_not_a_reset(base: str) -> None:
    with httpx.Client() as client:  # built first: making a client takes a while
        held = [connect(base) for _ in range(40)]
        time.sleep(0.2)
        try:
            body = b"x" * 50_000  # still being sent when the answer comes
            response = client.post(base + "/v1/extractions", content=body, headers={"Content-Type": "text/plain"})
            assert response.status_code == 503 and response.json()["code"] == "server-busy"
        finally:
            for sock in held:
                sock.close()


def test_a_body_that_never_arrives_ends_with_the_request_timeout(tmp_path: Path) -> None:
    from tests.servicekit import auth

    app = make_app(tmp_path, request_timeout=1.0, header_timeout=HEADER_TIMEOUT)
    with running(app) as url, connect(url) as sock:
        head = f"POST /v1/extractions HTTP/1.1\r\nHost: x\r\nAuthorization: {auth()['Authorization']}\r\n"
        sock.sendall(head.encode() + b"Content-Type: text/plain\r\nContent-Length: 1000\r\n\r\nabc")
        started = time.monotonic()
        response = parse(read_response(sock, 1.0 + SLACK + 1))
    assert response.status == 408 and response.json()["code"] == "request-timeout"
    assert time.monotonic() - started < 1.0 + SLACK

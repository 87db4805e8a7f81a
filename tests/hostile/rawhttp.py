"""Raw HTTP/1.1 over loopback sockets: for requests no HTTP client would send."""

from __future__ import annotations

import contextlib
import json
import socket
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit


@dataclass
class RawResponse:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


def address(base: str) -> tuple[str, int]:
    parts = urlsplit(base)
    assert parts.hostname is not None and parts.port is not None
    return parts.hostname, parts.port


def connect(base: str, timeout: float = 5.0) -> socket.socket:
    sock = socket.create_connection(address(base), timeout=timeout)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def read_until_closed(sock: socket.socket, timeout: float) -> tuple[bytes, float]:
    """Everything the server sends until it closes; and the seconds that took (``inf``: still open)."""
    started = time.monotonic()
    chunks: list[bytes] = []
    sock.settimeout(timeout)
    try:
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                return b"".join(chunks), time.monotonic() - started
            chunks.append(chunk)
    except TimeoutError:
        return b"".join(chunks), float("inf")
    except ConnectionResetError:
        return b"".join(chunks), time.monotonic() - started


def parse(data: bytes) -> RawResponse:
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", len(body)))
    return RawResponse(status, headers, body[:length])


def _complete(data: bytes) -> bool:
    head, found, body = data.partition(b"\r\n\r\n")
    if not found:
        return False
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return len(body) >= int(value)
    return False


def read_response(sock: socket.socket, timeout: float) -> bytes:
    """One response: until its Content-Length is in, or the server closes."""
    sock.settimeout(timeout)
    data = b""
    try:
        while not _complete(data):
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
    except (TimeoutError, ConnectionResetError):
        pass
    return data


def exchange(base: str, payload: bytes, timeout: float = 5.0) -> RawResponse:
    """Send ``payload`` as is and read the first response."""
    with connect(base, timeout) as sock:
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # answered and closed early: read it
            sock.sendall(payload)
        data = read_response(sock, timeout)
    assert data, f"no answer to {payload[:60]!r}"
    return parse(data)

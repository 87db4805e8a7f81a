"""One structured log line per request: ids, status, sizes and timings only.

The line carries the request id, the API key's id (never the key), method, route
path (never the query string), status, bytes in and out, duration, and counters the
handlers add (letters, cache hits, error code). Letter text, summaries, file names
and client-supplied letter ids never reach it: handlers can only add to an
allow-listed set of fields.
"""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("llm_extract.service.access")

REQUEST_ID_HEADER = "x-request-id"
_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
LOGGED_STATE = ("key_id", "letters", "failed", "cache_hits", "error")
"""Request-state fields handlers may set for the access log (all counts, ids or codes)."""


def request_id(headers: list[tuple[bytes, bytes]]) -> str:
    """The client's X-Request-ID when it is a safe token, else a new random one."""
    for name, value in headers:
        if name == REQUEST_ID_HEADER.encode():
            candidate = value.decode("latin-1")
            if _SAFE_ID.match(candidate):
                return candidate
    return uuid.uuid4().hex


class AccessLogMiddleware:
    """Assigns the request id (echoed as X-Request-ID) and logs the request when done."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        rid = request_id(scope["headers"])
        state: dict[str, Any] = scope.setdefault("state", {})
        state["request_id"] = rid
        sizes = {"in": 0, "out": 0}
        status = 500

        async def counting_receive() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                sizes["in"] += len(message.get("body", b""))
            return message

        async def tagging_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
                message["headers"] = [*message.get("headers", []), (REQUEST_ID_HEADER.encode(), rid.encode())]
            elif message["type"] == "http.response.body":
                sizes["out"] += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, counting_receive, tagging_send)
        finally:
            record: dict[str, Any] = {
                "request_id": rid,
                "method": scope["method"],
                "path": scope["path"][:128],
                "status": status,
                "bytes_in": sizes["in"],
                "bytes_out": sizes["out"],
                "ms": round((time.perf_counter() - started) * 1000, 1),
            }
            record.update({k: state[k] for k in LOGGED_STATE if k in state})
            log.info(json.dumps(record, separators=(",", ":")))

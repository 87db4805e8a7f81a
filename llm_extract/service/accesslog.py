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
from typing import TYPE_CHECKING, Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from llm_extract.service.limits import too_large

if TYPE_CHECKING:
    from llm_extract.service.metrics import ServiceMetrics

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


class AccessLine(dict[str, Any]):
    """An access-log record: its message is the compact JSON object (what any handler prints),
    and :class:`~llm_extract.service.logs.JsonFormatter` merges the fields without re-parsing it."""

    def __str__(self) -> str:
        return json.dumps(self, separators=(",", ":"))


class AccessLogMiddleware:
    """Assigns the request id (echoed as X-Request-ID), enforces the body limit, counts the request
    in the metrics and logs it when done.

    One pure ASGI layer for the three, not three: each layer wraps ``receive`` and ``send`` in new
    closures per request, and a cache hit is cheap enough for that to show. The body limit counts
    bytes as they arrive and raises from inside ``receive``, i.e. while a handler reads its body
    (after authentication), so a chunked upload without Content-Length cannot make the server
    buffer more than ``body_limit`` bytes either.
    """

    def __init__(self, app: ASGIApp, metrics: ServiceMetrics | None = None, body_limit: int | None = None) -> None:
        self.app = app
        self.metrics = metrics
        self.body_limit = body_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        rid = request_id(scope["headers"])
        state: dict[str, Any] = scope.setdefault("state", {})
        state["request_id"] = rid
        limit = self.body_limit
        bytes_in = bytes_out = 0
        status = 500

        async def counting_receive() -> Message:
            nonlocal bytes_in
            message = await receive()
            if message["type"] == "http.request":
                bytes_in += len(message.get("body", b""))
                if limit is not None and bytes_in > limit:
                    raise too_large(limit)
            return message

        async def tagging_send(message: Message) -> None:
            nonlocal status, bytes_out
            if message["type"] == "http.response.start":
                status = int(message["status"])
                message["headers"] = [*message.get("headers", []), (REQUEST_ID_HEADER.encode(), rid.encode())]
            elif message["type"] == "http.response.body":
                bytes_out += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, counting_receive, tagging_send)
        finally:
            seconds = time.perf_counter() - started
            if self.metrics is not None:
                self.metrics.observe_request(scope, status, seconds)
            record = AccessLine(
                request_id=rid,
                method=scope["method"],
                path=scope["path"][:128],
                status=status,
                bytes_in=bytes_in,
                bytes_out=bytes_out,
                ms=round(seconds * 1000, 1),
            )
            record.update({k: state[k] for k in LOGGED_STATE if k in state})
            log.info(record)

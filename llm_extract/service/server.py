"""The uvicorn server behind ``llm-extract serve``: timeouts, a connection cap, problem JSON.

uvicorn alone times out idle keep-alive connections only: a connection that sends
nothing, or half a request line and headers (slowloris), is held forever, there is
no cap on connections, and an invalid request gets uvicorn's plain-text 400. The
protocol here is uvicorn's h11 protocol with three additions:

- a **header timeout**: from the moment a connection opens, or a new request's first
  byte arrives, the request line and headers must be complete within
  ``header_timeout`` seconds. A connection that sent nothing is closed silently
  (as uvicorn closes idle keep-alive connections); one with a partial request gets a
  408 ``header-timeout`` problem, then is closed. The body is bounded by the
  service's ``request_timeout`` (408 ``request-timeout``), idle keep-alive
  connections by ``keep_alive_timeout``;
- a **connection cap**: a connection beyond ``max_connections`` gets a 503
  ``server-busy`` problem (Retry-After: 1) and is closed at once, so a flood of
  connections costs one small write each and cannot exhaust file descriptors;
- **problem JSON for the server's own errors**: an invalid request line, header or
  body framing is a 400 ``bad-request`` problem, a header block over the h11 limit
  (16 KiB) a 431 ``headers-too-large`` problem, each with ``Connection: close``.
"""

from __future__ import annotations

import asyncio
import re
from typing import Any, ClassVar

import uvicorn
from fastapi import FastAPI
from h11._connection import DEFAULT_MAX_INCOMPLETE_EVENT_SIZE
from uvicorn.protocols.http.h11_impl import STATUS_PHRASES, H11Protocol

from llm_extract.errors import LlmExtractError
from llm_extract.service.problems import (
    PROBLEM_MEDIA_TYPE,
    BadRequest,
    HeadersTooLarge,
    HeaderTimeout,
    ServerBusy,
    ServiceError,
    problem_for,
)
from llm_extract.service.settings import ServiceSettings


def raw_problem(error: LlmExtractError, default_headers: list[tuple[bytes, bytes]]) -> bytes:
    """A complete HTTP/1.1 problem response that closes the connection, for use below ASGI."""
    body = problem_for(error).model_dump_json(exclude_none=True).encode("utf-8")
    extra = error.headers() if isinstance(error, ServiceError) else {}
    headers = [
        *default_headers,
        (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
        *((k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in extra.items()),
    ]
    head = b"HTTP/1.1 %d %s\r\n" % (error.http_status, STATUS_PHRASES[error.http_status])
    return head + b"".join(k + b": " + v + b"\r\n" for k, v in headers) + b"\r\n" + body


LINGER = 1.0
"""Seconds a refused connection is read (and discarded) after its answer, before it is closed."""


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with a header timeout, a connection cap and problem JSON errors."""

    header_timeout: ClassVar[float] = 10.0
    max_connections: ClassVar[int] = 512

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._head_timer: asyncio.TimerHandle | None = None
        self._refused = False
        size = self.config.h11_max_incomplete_event_size
        self._max_head = size if size is not None else DEFAULT_MAX_INCOMPLETE_EVENT_SIZE

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        if len(self.connections) > self.max_connections:
            self._refuse(ServerBusy("the server holds its maximum number of connections", hint="retry in a second"))
            return
        self._arm_head_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_head_timer()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._refused:
            return  # answered and closing: whatever else arrives is discarded
        if self._head_timer is None and self._between_requests():
            self._arm_head_timer()  # the first byte of a new request: its head must follow in time
        cycle = self.cycle
        super().data_received(data)
        if self.cycle is not cycle:
            self._cancel_head_timer()  # the request line and headers are complete

    def handle_events(self) -> None:
        try:
            super().handle_events()
        except (UnicodeError, ValueError):  # e.g. a request target h11 accepts but that is not ASCII
            self.send_400_response("Invalid HTTP request received.")

    def send_400_response(self, msg: str) -> None:
        if self.cycle is not None and not self.cycle.response_complete:
            if self.cycle.response_started:  # broken framing mid-response: nothing more can be said
                self.transport.close()
                return
            self.cycle.disconnected = True
        if len(self.conn.trailing_data[0]) > self._max_head:
            error: ServiceError = HeadersTooLarge(
                f"the request line and headers exceed {self._max_head} bytes", hint="send fewer or shorter headers"
            )
        else:
            error = BadRequest(
                "the request is not valid HTTP/1.1",
                hint="check the request line, the header names and values, and Content-Length/Transfer-Encoding",
            )
        self._refuse(error)

    def _between_requests(self) -> bool:
        return self.cycle is None or self.cycle.response_complete

    def _arm_head_timer(self) -> None:
        self._cancel_head_timer()
        self._head_timer = self.loop.call_later(self.header_timeout, self._head_timed_out)

    def _cancel_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_timed_out(self) -> None:
        self._head_timer = None
        if self.transport.is_closing() or not self._between_requests():
            return
        if self.conn.trailing_data[0]:
            self._refuse(
                HeaderTimeout(
                    f"the request line and headers did not arrive within {self.header_timeout:g} s",
                    hint="send the whole request head at once",
                )
            )
            return
        self.transport.close()  # idle: close silently, as uvicorn does after keep_alive_timeout

    def _refuse(self, error: ServiceError) -> None:
        """Answer ``error`` below the ASGI app (no request was admitted) and close the connection.

        The close lingers: the response is flushed and the write side shut (FIN), then input is
        read and dropped for up to :data:`LINGER` seconds, so a client still sending its request
        reads the answer instead of a connection reset. The connection no longer counts
        towards the cap meanwhile.
        """
        self._cancel_head_timer()
        if self._refused or self.transport.is_closing():
            return
        self._refused = True
        self.connections.discard(self)
        self.transport.write(raw_problem(error, self.server_state.default_headers))
        if self.transport.can_write_eof():
            self.transport.write_eof()
            self.loop.call_later(LINGER, self.transport.close)
        else:
            self.transport.close()


_CONFIGURED = re.compile(r"^GuardedH11Protocol_(\d+)ms_(\d+)$")
_protocols: dict[str, type[GuardedH11Protocol]] = {}


def configured_protocol(*, header_timeout: float, max_connections: int) -> type[GuardedH11Protocol]:
    """The protocol class with these limits (uvicorn builds one instance per connection).

    Named after its limits and resolvable as an attribute of this module, so uvicorn can pickle
    the configuration holding it to ``serve --workers N`` processes.
    """
    return _protocol_named(f"GuardedH11Protocol_{round(header_timeout * 1000)}ms_{max_connections}")


def _protocol_named(name: str) -> type[GuardedH11Protocol]:
    if name not in _protocols:
        match = _CONFIGURED.match(name)
        if match is None:
            raise AttributeError(name)
        attrs = {
            "header_timeout": int(match[1]) / 1000,
            "max_connections": int(match[2]),
            "__module__": __name__,
            "__qualname__": name,
        }
        _protocols[name] = type(name, (GuardedH11Protocol,), attrs)
    return _protocols[name]


def __getattr__(name: str) -> Any:  # unpickling a configured protocol in another process
    return _protocol_named(name)


def server_options(settings: ServiceSettings) -> dict[str, Any]:
    """uvicorn options for ``serve`` (one process or ``--workers N``): h11 with the guards above, no
    WebSocket upgrades, no uvicorn access log (the service logs its own), quiet server logs."""
    protocol = configured_protocol(header_timeout=settings.header_timeout, max_connections=settings.max_connections)
    return {
        "http": protocol,
        "ws": "none",
        "access_log": False,
        "log_config": None,
        "log_level": "warning",
        "timeout_keep_alive": settings.keep_alive_timeout,
        "timeout_graceful_shutdown": 10,
    }


def server_config(app: FastAPI, *, host: str, port: int, settings: ServiceSettings | None = None) -> uvicorn.Config:
    """The configuration ``serve`` runs ``app`` with (tests use it too)."""
    if settings is None:
        service = getattr(app.state, "service", None)  # None for a plain app (tests' fake endpoints)
        settings = service.settings if service is not None else ServiceSettings()
    return uvicorn.Config(app, host=host, port=port, lifespan="on", **server_options(settings))

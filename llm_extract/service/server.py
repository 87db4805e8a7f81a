"""The uvicorn server behind ``llm-extract serve``: timeouts, a connection cap, problem JSON.

uvicorn alone times out idle keep-alive connections only: a connection that sends
nothing, or half a request line and headers (slowloris), is held forever, there is
no cap on connections, and an invalid request gets uvicorn's plain-text 400. The
protocol here is uvicorn's httptools protocol (or its h11 one, the same rules) with three additions:

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
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

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


class _Guards:
    """The header timeout, the connection cap and the refusal shared by both protocols below.

    A mixin in front of a uvicorn protocol class; :meth:`_partial_head` says whether a request has
    begun but its head is incomplete (the parsers keep that differently)."""

    header_timeout: ClassVar[float] = 10.0
    max_connections: ClassVar[int] = 512

    # provided by the uvicorn protocol class the mixin is combined with
    connections: set[Any]
    cycle: Any
    loop: asyncio.AbstractEventLoop
    transport: asyncio.Transport
    server_state: Any
    _head_timer: asyncio.TimerHandle | None
    _refused: bool

    def _partial_head(self) -> bool:
        raise NotImplementedError

    def connection_made(self, transport: Any) -> None:  # an asyncio.Transport (uvicorn's protocols say so)
        super().connection_made(transport)  # type: ignore[misc]
        self._guard_connection()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_head_timer()
        super().connection_lost(exc)  # type: ignore[misc]

    def _guard_connection(self) -> None:
        """Called once the connection is made: refuse it over the cap, else start the head clock."""
        if len(self.connections) > self.max_connections:
            self._refuse(ServerBusy("the server holds its maximum number of connections", hint="retry in a second"))
            return
        self._arm_head_timer()

    def _abandon_cycle(self) -> bool:
        """Before a refusal mid-request: False when a response is already under way (nothing more can
        be said: the connection is closed), else the request's app stops receiving and True."""
        if self.cycle is not None and not self.cycle.response_complete:
            if self.cycle.response_started:
                self.transport.close()
                return False
            self.cycle.disconnected = True
        return True

    def _between_requests(self) -> bool:
        return self.cycle is None or bool(self.cycle.response_complete)

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
        if self._partial_head():
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


def _head_too_large(limit: int) -> HeadersTooLarge:
    return HeadersTooLarge(f"the request line and headers exceed {limit} bytes", hint="send fewer or shorter headers")


def _bad_request() -> BadRequest:
    return BadRequest(
        "the request is not valid HTTP/1.1",
        hint="check the request line, the header names and values, and Content-Length/Transfer-Encoding",
    )


class GuardedH11Protocol(_Guards, H11Protocol):
    """uvicorn's h11 protocol with a header timeout, a connection cap and problem JSON errors."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._head_timer = None
        self._refused = False
        size = self.config.h11_max_incomplete_event_size
        self._max_head = size if size is not None else DEFAULT_MAX_INCOMPLETE_EVENT_SIZE

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
        if not self._abandon_cycle():
            return
        too_large = len(self.conn.trailing_data[0]) > self._max_head
        self._refuse(_head_too_large(self._max_head) if too_large else _bad_request())

    def _partial_head(self) -> bool:
        return bool(self.conn.trailing_data[0])


class _HeadTooLarge(Exception):
    """Raised from a parser callback to stop parsing a request head over the limit."""


class GuardedHttpToolsProtocol(_Guards, HttpToolsProtocol):
    """uvicorn's httptools (llhttp) protocol with the same guards, and h11's rules where they differ.

    Why: llhttp parses a request in C, about 0.14 ms of CPU less than h11 per request, which is a
    good part of what a cached extraction costs. What h11 did for the service and llhttp does not
    is added here, so clients see the same answers: a request head is bounded (h11's 16 KiB; 431
    ``headers-too-large``), HTTP/1.1 requires a Host header and a request line its version (400
    otherwise), any ``HTTP/d.d`` above 1.1 is read as 1.1, and header values are read as h11 reads
    them (obsolete line folding and control characters tolerated; CR and LF still end a line). A
    request asking for an upgrade (no WebSockets here) is answered and its connection closed, as
    llhttp reads nothing after it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._head_timer = None
        self._refused = False
        self._max_head = DEFAULT_MAX_INCOMPLETE_EVENT_SIZE
        self._in_head = True
        """From the end of a request (or the connection's start) until the next request's headers end."""
        self._head_bytes = 0
        self._head_size = 0
        self._head_over = False
        self._has_host = False
        self.parser.set_dangerous_leniencies(lenient_data_after_close=True, lenient_headers=True, lenient_version=True)

    def data_received(self, data: bytes) -> None:
        if self._refused:
            return  # answered and closing: whatever else arrives is discarded
        if self._head_timer is None and self._between_requests():
            self._arm_head_timer()  # the first byte of a new request: its head must follow in time
        if self._in_head:
            self._head_bytes += len(data)
        cycle = self.cycle
        super().data_received(data)
        if self.cycle is not cycle:
            self._cancel_head_timer()  # the request line and headers are complete
            if self.parser is not None and self.parser.should_upgrade():
                self.cycle.keep_alive = False  # llhttp stops reading at an upgrade: close after the answer
        over = self._in_head and self._head_bytes > self._max_head  # a head with no end in sight
        if over and not self._refused and self._abandon_cycle():
            self._refuse(_head_too_large(self._max_head))

    def send_400_response(self, msg: str) -> None:
        if not self._abandon_cycle():
            return
        self._refuse(_head_too_large(self._max_head) if self._head_over else _bad_request())

    def _partial_head(self) -> bool:
        return self._head_bytes > 0

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._head_size = 0
        self._has_host = False

    def on_url(self, url: bytes) -> None:
        super().on_url(url)
        self._add_to_head(len(url) + 16)

    def on_header(self, name: bytes, value: bytes) -> None:
        super().on_header(name, value)
        self._add_to_head(len(name) + len(value) + 4)
        if name.lower() == b"host":
            self._has_host = True

    def on_headers_complete(self) -> None:
        version = self.parser.get_http_version()
        if version < "1.0" or (version != "1.0" and not self._has_host):
            raise ValueError("no HTTP version, or an HTTP/1.1 request without Host")
        self._in_head = False
        self._head_bytes = 0
        super().on_headers_complete()
        if version not in ("1.0", "1.1"):
            self.scope["http_version"] = "1.1"  # as h11 reads any HTTP/d.d

    def on_message_complete(self) -> None:
        super().on_message_complete()
        self._in_head = True
        self._head_bytes = 0

    def _add_to_head(self, size: int) -> None:
        self._head_size += size
        if self._head_size > self._max_head:
            self._head_over = True
            raise _HeadTooLarge


_CONFIGURED = re.compile(r"^Guarded(H11|HttpTools)Protocol_(\d+)ms_(\d+)$")
_BASES: dict[str, type[_Guards]] = {"H11": GuardedH11Protocol, "HttpTools": GuardedHttpToolsProtocol}
_protocols: dict[str, type[_Guards]] = {}


def configured_protocol(*, header_timeout: float, max_connections: int, parser: str = "httptools") -> type[_Guards]:
    """The protocol class with these limits (uvicorn builds one instance per connection); ``parser``
    is ``httptools`` (the default, faster) or ``h11``.

    Named after its limits and resolvable as an attribute of this module, so uvicorn can pickle
    the configuration holding it to ``serve --workers N`` processes.
    """
    kind = {"httptools": "HttpTools", "h11": "H11"}[parser]
    return _protocol_named(f"Guarded{kind}Protocol_{round(header_timeout * 1000)}ms_{max_connections}")


def _protocol_named(name: str) -> type[_Guards]:
    if name not in _protocols:
        match = _CONFIGURED.match(name)
        if match is None:
            raise AttributeError(name)
        attrs = {
            "header_timeout": int(match[2]) / 1000,
            "max_connections": int(match[3]),
            "__module__": __name__,
            "__qualname__": name,
        }
        _protocols[name] = type(name, (_BASES[match[1]],), attrs)
    return _protocols[name]


def __getattr__(name: str) -> Any:  # unpickling a configured protocol in another process
    return _protocol_named(name)


def server_options(settings: ServiceSettings) -> dict[str, Any]:
    """uvicorn options for ``serve`` (one process or ``--workers N``): httptools with the guards above
    (and uvloop's event loop when installed, uvicorn's default), no WebSocket upgrades, no uvicorn
    access log (the service logs its own), quiet server logs."""
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

"""A small OpenAI-compatible HTTP server on loopback that misbehaves on request.

For fault-injection tests and the benchmark: it binds 127.0.0.1 on an ephemeral
port, answers ``POST /v1/chat/completions`` with the FAKE model of
:mod:`tests.llm_fakes`, and follows a script of faults, one per request:

``429`` (with ``Retry-After``), ``500``, ``503``, ``400``, ``401``, ``404``, ``hang`` (sleeps past the
client's timeout, bounded), ``truncate`` (promises more body than it sends, then
closes), ``nonjson`` (a 200 with an HTML body), ``drop`` (closes without answering)
and ``ok``. With ``latency`` set, every answer waits that long first (a fixed-latency
endpoint for the benchmark).

It stops by itself: every loop is bounded, and a watchdog shuts the server down
after ``max_lifetime`` seconds even if a test forgets to.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.llm_fakes import FakeModel


class FaultServer:
    """Context manager: ``with FaultServer(script=["429", "ok"]) as server: server.url``."""

    def __init__(
        self,
        script: Iterable[str] = (),
        *,
        model: FakeModel | None = None,
        latency: float = 0.0,
        retry_after: float = 0.05,
        hang: float = 1.0,
        max_lifetime: float = 120.0,
    ) -> None:
        self.script: deque[str] = deque(script)
        self.model = model or FakeModel()
        self.latency = latency
        self.retry_after = retry_after
        self.hang = hang
        self.max_lifetime = max_lifetime
        self.requests: list[str] = []
        """The behaviour served to each request, in arrival order."""
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._threads: list[threading.Thread] = []

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def next_behaviour(self) -> str:
        with self._lock:
            behaviour = self.script.popleft() if self.script else "ok"
            self.requests.append(behaviour)
            return behaviour

    def __enter__(self) -> FaultServer:
        serve = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        watchdog = threading.Timer(self.max_lifetime, self._server.shutdown)
        watchdog.daemon = True
        self._threads = [serve]
        self._watchdog = watchdog
        serve.start()
        watchdog.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._watchdog.cancel()
        self._server.shutdown()
        self._server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # else headers and body meet delayed ACKs: +40 ms a call

            def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
                return

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length", "0")))
                behaviour = server.next_behaviour()
                if behaviour == "drop":
                    self.close_connection = True
                    self.connection.close()
                    return
                if behaviour == "hang":
                    time.sleep(server.hang)
                    self.close_connection = True
                    return
                if behaviour in ("429", "500", "503", "400", "401", "404"):
                    headers = {"Retry-After": f"{server.retry_after:g}"} if behaviour == "429" else {}
                    self._send(int(behaviour), json.dumps({"error": {"message": "injected fault"}}).encode(), headers)
                    return
                if behaviour == "nonjson":
                    self._send(200, b"<html>upstream proxy error</html>", {}, "text/html")
                    return
                if server.latency:
                    time.sleep(server.latency)
                payload = json.dumps(server.model.complete(json.loads(body))).encode()
                if behaviour == "truncate":
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload[: len(payload) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                self._send(200, payload, {})

            def _send(
                self, status: int, payload: bytes, headers: dict[str, str], content_type: str = "application/json"
            ) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(payload)))
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(payload)

        return Handler


def main() -> None:
    """Serve a fixed-latency endpoint in its own process (for the benchmark).

    Prints the URL on stdout, then serves until stdin closes or ``--max-lifetime`` passes.
    """
    import argparse
    import sys

    parser = argparse.ArgumentParser(description="fixed-latency fake OpenAI-compatible endpoint on 127.0.0.1")
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--max-lifetime", type=float, default=600.0)
    args = parser.parse_args()
    with FaultServer(latency=args.latency, max_lifetime=args.max_lifetime) as server:
        print(server.url, flush=True)
        watchdog = threading.Thread(target=sys.stdin.read, daemon=True)
        watchdog.start()
        watchdog.join(timeout=args.max_lifetime)


if __name__ == "__main__":
    main()

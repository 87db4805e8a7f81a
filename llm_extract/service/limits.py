"""Request limits: per-key rate limiting and a hard cap on body size.

Both are cheap checks done on the event loop before any letter work starts, so an
abusive or runaway client costs the service almost nothing.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from llm_extract.jobs.shared import BucketStore
from llm_extract.service.problems import RateLimited, RequestTooLarge


@dataclass
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    """A token bucket per API key: ``burst`` requests at once, refilled at ``per_minute``.

    Runs on the event loop only (no locks needed). One request costs one token,
    whether it carries one letter or a batch: batches are bounded by ``max_batch``.
    """

    def __init__(
        self,
        per_minute: float,
        burst: int,
        clock: Callable[[], float] = time.monotonic,
        store: BucketStore | None = None,
    ) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(burst)
        self.clock = clock
        self.store = store
        """Shared buckets (several replicas, one limit); None: this process's buckets."""
        self._buckets: dict[str, _Bucket] = {}

    def acquire(self, key_id: str) -> None:
        """Take a token for ``key_id`` or raise :class:`RateLimited` with the wait in seconds."""
        if self.store is not None:
            shared_wait = self.store.take(key_id, self.rate, self.burst)
            if shared_wait <= 0:
                return
            raise self._limited(max(1, math.ceil(shared_wait)))
        now = self.clock()
        bucket = self._buckets.setdefault(key_id, _Bucket(self.burst, now))
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.updated) * self.rate)
        bucket.updated = now
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            return
        raise self._limited(max(1, math.ceil((1.0 - bucket.tokens) / self.rate)))

    def _limited(self, wait: int) -> RateLimited:
        return RateLimited(
            f"rate limit of {self.rate * 60:g} requests per minute exceeded",
            retry_after=wait,
            hint=f"retry after {wait} s; batch letters into one request to send more",
        )


def too_large(limit: int) -> RequestTooLarge:
    return RequestTooLarge(
        f"the request body exceeds the limit of {limit} bytes",
        hint="send one letter per request or a smaller batch",
    )


def check_content_length(headers: list[tuple[bytes, bytes]], limit: int) -> None:
    """Reject early on a declared Content-Length over the limit (called after auth)."""
    for name, value in headers:
        if name == b"content-length":
            try:
                declared = int(value)
            except ValueError:
                return
            if declared > limit:
                raise too_large(limit)


class BodyLimitMiddleware:
    """Counts body bytes as they arrive and stops reading past the limit.

    The check raises from inside ``receive``, i.e. while a handler reads its body
    (after authentication), so a chunked upload without Content-Length cannot make
    the server buffer more than ``limit`` bytes either.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise too_large(self.limit)
            return message

        await self.app(scope, counted, send)

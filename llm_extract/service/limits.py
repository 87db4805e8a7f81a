"""Request limits: per-key rate limiting, failed-authentication throttling per address,
and a hard cap on body size (the declared size here; the streamed bytes are counted by
:class:`~llm_extract.service.accesslog.AccessLogMiddleware`, which raises :func:`too_large`).

Both are cheap checks done on the event loop before any letter work starts, so an
abusive or runaway client costs the service almost nothing.
"""

from __future__ import annotations

import asyncio
import functools
import ipaddress
import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from llm_extract.jobs.shared import BucketStore
from llm_extract.service.problems import AuthThrottled, LimitsUnavailable, RateLimited, RequestTooLarge


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
        *,
        checks_revocations: bool = False,
    ) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(burst)
        self.clock = clock
        self.store = store
        """Shared buckets (several replicas, one limit); None: this process's buckets."""
        self.checks_revocations = checks_revocations and store is not None
        """Whether the shared store also checks revocations (:meth:`admit`), so authentication
        skips its own check: one round trip to the queue server per request instead of two."""
        self._buckets: dict[str, _Bucket] = {}
        self._pending: list[tuple[str, bool, asyncio.Future[float | None]]] = []

    async def admit(self, key_id: str, *, take: bool) -> float | None:
        """With :attr:`checks_revocations`: None when ``key_id`` is revoked, else the seconds to wait
        for a token (0.0: taken, or not asked to ``take``); pass the wait to :meth:`enforce`.

        Requests that reach this in the same turn of the event loop share one round trip to the
        shared store, sent at the start of the next turn: a busy server's cached answers cost a
        fraction of a round trip each, not one (benchmarks/http_load.sh, two workers, 4
        alternations: about 1,000 -> 830 us of server CPU per cached answer, 1,630 -> 2,000
        req/s medians; 1.6-4 requests a trip on average). Each request still takes its own token
        atomically, in arrival order. Sending from a thread instead, so the loop need not wait
        for Redis, was tried: the answer's return waits for the GIL, and the p99 doubled."""
        assert self.store is not None
        loop = asyncio.get_running_loop()
        waiting: asyncio.Future[float | None] = loop.create_future()
        self._pending.append((key_id, take, waiting))
        if len(self._pending) == 1:
            loop.call_soon(self._send)
        return await waiting

    def _send(self) -> None:
        pending, self._pending = self._pending, []
        assert self.store is not None
        try:
            waits = self.store.admit_many([(key_id, take) for key_id, take, _ in pending], self.rate, self.burst)
        except Exception as exc:  # any failure of the shared store is each waiting request's 503
            for *_, waiting in pending:
                if not waiting.done():
                    waiting.set_exception(self._unavailable(exc))
            return
        for (*_, waiting), wait in zip(pending, waits, strict=True):
            if not waiting.done():  # a request cancelled meanwhile (its client left) took its token anyway
                waiting.set_result(wait)

    @staticmethod
    def _unavailable(exc: Exception) -> LimitsUnavailable:
        return LimitsUnavailable(
            f"the shared rate limits could not be checked ({type(exc).__name__})",
            hint="retry shortly; the operator must check the queue server (LLM_EXTRACT_QUEUE_URL, see /v1/readyz)",
        )

    def enforce(self, wait: float) -> None:
        """Raise :class:`RateLimited` for a positive wait from :meth:`admit`."""
        if wait > 0:
            raise self._limited(max(1, math.ceil(wait)))

    def acquire(self, key_id: str) -> None:
        """Take a token for ``key_id`` or raise :class:`RateLimited` with the wait in seconds."""
        if self.store is not None:
            self.enforce(self.store.take(key_id, self.rate, self.burst))
            return
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


class AuthThrottle:
    """Failed authentications per client address: a token bucket of failures.

    An address may present ``burst`` invalid keys at once, then ``per_minute``; past
    that, every request from it gets 429 with Retry-After (even with a valid key, or
    the throttle would tell a guesser which guess was right) until its allowance
    refills, which takes seconds, not forever. Requests without any key cost nothing.
    IPv6 addresses are grouped by /64 (one host usually holds the whole block). At
    most ``max_addresses`` are tracked; when full, addresses back at a full allowance
    are forgotten first, then the oldest.
    """

    def __init__(
        self,
        per_minute: float,
        burst: int,
        *,
        max_addresses: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(burst)
        self.max_addresses = max_addresses
        self.clock = clock
        self._buckets: dict[str, _Bucket] = {}

    @staticmethod
    @functools.lru_cache(maxsize=4096)  # parsing an address costs more than the rest of the check
    def address_key(host: str | None) -> str:
        if not host:
            return "-"
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            return host[:64]
        if isinstance(address, ipaddress.IPv6Address):
            if address.ipv4_mapped is not None:
                return str(address.ipv4_mapped)
            return str(ipaddress.IPv6Network((address, 64), strict=False))
        return str(address)

    def _refilled(self, key: str) -> _Bucket | None:
        bucket = self._buckets.get(key)
        if bucket is not None:
            now = self.clock()
            bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.updated) * self.rate)
            bucket.updated = now
        return bucket

    def check(self, host: str | None) -> None:
        """Raise :class:`AuthThrottled` while ``host`` has no failures left."""
        bucket = self._refilled(self.address_key(host))
        if bucket is None or bucket.tokens >= 1.0:
            return
        wait = max(1, math.ceil((1.0 - bucket.tokens) / self.rate))
        raise AuthThrottled(
            "too many requests with an invalid API key from this address",
            retry_after=wait,
            hint=f"retry after {wait} s with a valid key; check the key your client sends",
        )

    def failed(self, host: str | None) -> None:
        """Count one invalid key presented by ``host``."""
        key = self.address_key(host)
        bucket = self._refilled(key)
        if bucket is None:
            self._make_room()
            bucket = self._buckets[key] = _Bucket(self.burst, self.clock())
        bucket.tokens = max(0.0, bucket.tokens - 1.0)

    def _make_room(self) -> None:
        if len(self._buckets) < self.max_addresses:
            return
        for key in [k for k in self._buckets if self._refilled(k) and self._buckets[k].tokens >= self.burst]:
            del self._buckets[key]
        while len(self._buckets) >= self.max_addresses:
            del self._buckets[next(iter(self._buckets))]

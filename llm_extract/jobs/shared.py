"""State that replicas must share when they serve one queue, behind small interfaces.

Each interface has a local implementation (one process, the embedded default) and a
Redis one (``LLM_EXTRACT_QUEUE_URL``), so two API replicas behind a load balancer
behave like one: the same result cache, one computation per identical letter in
flight, one rate-limit bucket per key, and a key revoked on one machine is refused
on all of them within a request.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

import redis

from llm_extract.errors import CacheError

T = TypeVar("T")
PREFIX = "llm-extract:"
CACHE_TTL = 30 * 86_400
"""Seconds a shared cache entry lives (the disk cache has a size cap instead)."""
INFLIGHT_TTL_MS = 15 * 60 * 1000
"""Longest a computation may hold its in-flight lock (a crashed holder frees it then)."""


def connect(url: str) -> redis.Redis:
    """A client for the queue URL; connections are made lazily and pooled."""
    return redis.Redis.from_url(url, socket_timeout=30, socket_connect_timeout=5, health_check_interval=30)


class InflightGate(Protocol):
    """Runs ``compute`` once per key at a time; later callers wait, then compute (and hit the cache)."""

    def run(self, key: str, compute: Callable[[], T]) -> T: ...


class LocalGate:
    """Per-process gate: threads with the same key take turns."""

    def __init__(self) -> None:
        self._locks: dict[str, tuple[threading.Lock, int]] = {}
        self._guard = threading.Lock()

    def run(self, key: str, compute: Callable[[], T]) -> T:
        with self._guard:
            lock, users = self._locks.get(key, (threading.Lock(), 0))
            self._locks[key] = (lock, users + 1)
        try:
            with lock:
                return compute()
        finally:
            with self._guard:
                lock, users = self._locks[key]
                if users <= 1:
                    del self._locks[key]
                else:
                    self._locks[key] = (lock, users - 1)


class RedisGate:
    """Cluster-wide gate: a lock key with a time-out; waiters poll until it is released."""

    def __init__(self, client: redis.Redis, poll: float = 0.05) -> None:
        self.client = client
        self.poll = poll

    def run(self, key: str, compute: Callable[[], T]) -> T:
        name = PREFIX + "inflight:" + key
        token = str(time.time_ns())
        if self.client.set(name, token, nx=True, px=INFLIGHT_TTL_MS):
            try:
                return compute()
            finally:
                self.client.eval(_RELEASE, 1, name, token)
        deadline = time.monotonic() + INFLIGHT_TTL_MS / 1000
        while self.client.exists(name) and time.monotonic() < deadline:
            time.sleep(self.poll)
        return compute()


_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


class RedisCache:
    """The result cache in Redis (a :class:`~llm_extract.engine.cache.DocumentCache`)."""

    def __init__(self, client: redis.Redis) -> None:
        self.client = client

    def get(self, key: str) -> str | None:
        try:
            value = self.client.get(PREFIX + "cache:" + key)
        except redis.RedisError as exc:
            raise CacheError(f"the shared cache failed ({type(exc).__name__})", hint="check the queue server") from None
        return value.decode("utf-8") if isinstance(value, bytes) else None

    def set(self, key: str, document: str) -> None:
        try:
            self.client.set(PREFIX + "cache:" + key, document.encode("utf-8"), ex=CACHE_TTL)
        except redis.RedisError as exc:
            raise CacheError(f"the shared cache failed ({type(exc).__name__})", hint="check the queue server") from None

    def writable(self) -> bool:
        try:
            probe = PREFIX + "probe"
            self.client.set(probe, b"ok", ex=60)
            return bool(self.client.get(probe) == b"ok")
        except redis.RedisError:
            return False

    def close(self) -> None:
        return None  # the client is shared with the job store


class BucketStore(Protocol):
    """Token buckets by API key id: take one token, or say how long until one is available."""

    def take(self, key_id: str, rate: float, burst: float) -> float:
        """0.0 when a token was taken, else seconds until one will be (``rate`` tokens per second)."""
        ...

    def admit(self, key_id: str, rate: float, burst: float, *, take: bool) -> float | None:
        """The key's revocation check and :meth:`take` in one step: None when ``key_id`` is
        revoked (nothing taken), else as :meth:`take` (0.0 without ``take``)."""
        ...

    def admit_many(self, requests: Sequence[tuple[str, bool]], rate: float, burst: float) -> list[float | None]:
        """:meth:`admit` for each ``(key_id, take)`` in order, as if one after another, in one
        round trip (requests that arrive together share it)."""
        ...


class RedisBuckets:
    """Token buckets in Redis, updated atomically with the server's clock (replicas' clocks may differ)."""

    def __init__(self, client: redis.Redis) -> None:
        self.client = client
        self._script = client.register_script(_ADMIT)

    def take(self, key_id: str, rate: float, burst: float) -> float:
        (wait,) = self._script(keys=[PREFIX + "bucket:" + key_id], args=[repr(rate), repr(burst), key_id, "1"])
        return float(wait)

    def admit(self, key_id: str, rate: float, burst: float, *, take: bool) -> float | None:
        return self.admit_many([(key_id, take)], rate, burst)[0]

    def admit_many(self, requests: Sequence[tuple[str, bool]], rate: float, burst: float) -> list[float | None]:
        keys = [REVOKED] + [PREFIX + "bucket:" + key_id for key_id, _ in requests]
        args = [repr(rate), repr(burst)]
        for key_id, take in requests:
            args += [key_id, "1" if take else "0"]
        waits = self._script(keys=keys, args=args)
        return [None if wait == b"revoked" else float(wait) for wait in waits]


REVOKED = PREFIX + "revoked"
"""The set of revoked key ids (see :class:`RedisRevocations`)."""

_ADMIT = (
    """
local now_parts = redis.call('TIME')
local now = tonumber(now_parts[1]) + tonumber(now_parts[2]) / 1000000
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local revoked = KEYS[1] == '"""
    + REVOKED
    + """'
local first = revoked and 2 or 1
local out = {}
for i = first, #KEYS do
  local id = ARGV[2 * (i - first) + 3]
  local take = ARGV[2 * (i - first) + 4]
  if revoked and redis.call('SISMEMBER', KEYS[1], id) == 1 then
    out[#out + 1] = 'revoked'
  elseif take == '0' then
    out[#out + 1] = '0'
  else
    local state = redis.call('HMGET', KEYS[i], 'tokens', 'updated')
    local tokens = tonumber(state[1]) or burst
    local updated = tonumber(state[2]) or now
    tokens = math.min(burst, tokens + math.max(0, now - updated) * rate)
    local wait = 0
    if tokens >= 1 then tokens = tokens - 1 else wait = (1 - tokens) / rate end
    redis.call('HSET', KEYS[i], 'tokens', tostring(tokens), 'updated', tostring(now))
    redis.call('EXPIRE', KEYS[i], math.ceil(burst / rate) + 60)
    out[#out + 1] = tostring(wait)
  end
end
return out
"""
)
"""Each ``(key id, take)`` pair in ARGV after the rate and burst: the revocation check (when
KEYS[1] is :data:`REVOKED`) and a token from its bucket, in order, in one atomic call."""


class RevocationStore(Protocol):
    """Key ids revoked everywhere (the keys file is per machine; a revocation must not be)."""

    def is_revoked(self, key_id: str) -> bool: ...

    def revoke(self, key_id: str) -> None: ...


class RedisRevocations:
    def __init__(self, client: redis.Redis) -> None:
        self.client = client

    def is_revoked(self, key_id: str) -> bool:
        return bool(self.client.sismember(REVOKED, key_id))

    def revoke(self, key_id: str) -> None:
        self.client.sadd(REVOKED, key_id)

"""Completion webhooks: signed, timestamped, retried with backoff, never in the job's way.

The body is JSON with ids, status and counts only (never results). It is signed with
HMAC-SHA256 under the caller's webhook secret, over ``"<timestamp>.<body>"``, and sent
with ``X-LLM-Extract-Signature: t=<unix seconds>,v1=<hex>``; a receiver recomputes the
signature (:func:`verify`) and rejects stale timestamps, which stops replays.

The webhook secret of an API key is ``HMAC-SHA256(key=<API key>, msg="llm-extract webhook v1")``
in hex: the caller derives it from the key it already holds, and the server (which
stores only a hash of the key) derives it while the key is presented, at job creation,
and keeps it with the job until the job expires.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from collections.abc import Callable
from typing import Any

import httpx

log = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-LLM-Extract-Signature"
TOLERANCE = 300
"""Seconds a receiver should accept between the signature's timestamp and its clock."""
TIMEOUT = 10.0


def webhook_secret(api_key: str) -> str:
    """The per-key secret that signs this key's webhooks."""
    return hmac.new(api_key.encode("utf-8"), b"llm-extract webhook v1", hashlib.sha256).hexdigest()


def sign(secret: str, body: bytes, timestamp: int) -> str:
    mac = hmac.new(secret.encode("utf-8"), str(timestamp).encode("ascii") + b"." + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def verify(secret: str, body: bytes, header: str, *, now: float | None = None, tolerance: int = TOLERANCE) -> bool:
    """Whether ``header`` is a valid, fresh signature of ``body`` (what a receiver runs)."""
    parts = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    try:
        timestamp = int(parts["t"])
    except (KeyError, ValueError):
        return False
    if abs((now if now is not None else time.time()) - timestamp) > tolerance:
        return False
    expected = sign(secret, body, timestamp).split("v1=", 1)[1]
    return hmac.compare_digest(expected, parts.get("v1", ""))


def encode(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, separators=(",", ":"), sort_keys=True).encode("utf-8")


def post_once(url: str, secret: str, body: bytes) -> bool:
    """One delivery; True on a 2xx answer. Redirects are not followed (the target must be exact)."""
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "llm-extract-webhook/1",
        SIGNATURE_HEADER: sign(secret, body, int(time.time())),
    }
    try:
        response = httpx.post(url, content=body, headers=headers, timeout=TIMEOUT, follow_redirects=False)
    except httpx.HTTPError as exc:
        log.warning("webhook delivery failed", extra={"error": type(exc).__name__})
        return False
    if response.is_success:
        return True
    log.warning("webhook delivery refused", extra={"status": response.status_code})
    return False


def deliver(
    url: str,
    secret: str,
    body: bytes,
    *,
    attempts: int,
    backoff: float,
    sleep: Callable[[float], None] = time.sleep,
) -> bool:
    """Deliver with exponential backoff (``backoff``, 2x, 4x ...); True once a delivery succeeds."""
    for attempt in range(attempts):
        if post_once(url, secret, body):
            return True
        if attempt + 1 < attempts:
            sleep(backoff * 2**attempt)
    return False

"""Deterministic result cache on diskcache.

The key hashes everything that changes a result and nothing else (inspect_ai's
rule): backend identity (name, version, prompt or template versions and hashes,
model, parameters), schema version, options such as the summary language, and the
input bytes. The value is the exact JSON document that was written, so a hit is
byte-identical to the run that filled it and costs no parsing or network.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any, Protocol

from llm_extract.errors import CacheError
from llm_extract.text.digest import canonical_json, sha256_text

CACHE_DIR_ENV = "LLM_EXTRACT_CACHE_DIR"


def default_cache_dir() -> Path:
    """``$LLM_EXTRACT_CACHE_DIR``, else the user cache directory for llm-extract."""
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs  # here: a `--no-cache` run never needs it

    return Path(platformdirs.user_cache_dir("llm-extract"))


def cache_key(identity: dict[str, Any], input_sha256: str) -> str:
    """sha256 over canonical JSON of what determines the output.

    The same as ``sha256_json({"identity": identity, "input": input_sha256})``, with the identity's
    canonical JSON written once per identity object: an extractor asks with the same (never
    changed) identity dict for every letter, and writing it cost more than the rest of the key.
    """
    entry = _identities.get(id(identity))
    if entry is None or entry[0] is not identity:
        if len(_identities) >= 64:
            _identities.clear()
        entry = _identities[id(identity)] = (identity, canonical_json(identity))
    # canonical_json's own layout: keys sorted ("identity" < "input"), no spaces
    return sha256_text(f'{{"identity":{entry[1]},"input":{canonical_json(input_sha256)}}}')


_identities: dict[int, tuple[dict[str, Any], str]] = {}
"""Identity dicts (held, so their ids stay theirs) and their canonical JSON, for :func:`cache_key`."""


class DocumentCache(Protocol):
    """What the pipeline needs of a cache: :class:`ResultCache` on one machine, or a shared
    store (``llm_extract.jobs.shared.RedisCache``) when several replicas serve one queue."""

    def get(self, key: str) -> str | None: ...

    def set(self, key: str, document: str) -> None: ...

    def writable(self) -> bool: ...

    def close(self) -> None: ...


class RecentDocuments:
    """A bounded in-process LRU of recent documents in front of another :class:`DocumentCache`.

    Why: a service answers the same letters again and again, and each hit from a shared (Redis)
    or disk cache is a round trip plus ~20 KB copied and decoded, most of a cache hit's cost.
    Safe because a key names its document for good (the key hashes everything that changes
    the output), so a remembered document is byte-identical to the one in the store behind;
    writes go through to that store at once, so other processes see them as before. Bounded by
    total characters (``max_chars``); the least recently used documents go first. Thread-safe:
    extractions write from worker threads while hits are read on the event loop.
    """

    def __init__(self, store: DocumentCache, max_chars: int = 64 * 1024 * 1024) -> None:
        self.store = store
        self.max_chars = max_chars
        self._docs: OrderedDict[str, str] = OrderedDict()
        self._chars = 0
        self._lock = threading.Lock()

    def get(self, key: str) -> str | None:
        with self._lock:
            document = self._docs.get(key)
            if document is not None:
                self._docs.move_to_end(key)
                return document
        document = self.store.get(key)
        if document is not None:
            self._remember(key, document)
        return document

    def set(self, key: str, document: str) -> None:
        self.store.set(key, document)
        self._remember(key, document)

    def _remember(self, key: str, document: str) -> None:
        if len(document) > self.max_chars:
            return
        with self._lock:
            previous = self._docs.pop(key, None)
            if previous is not None:
                self._chars -= len(previous)
            self._docs[key] = document
            self._chars += len(document)
            while self._chars > self.max_chars:
                _, dropped = self._docs.popitem(last=False)
                self._chars -= len(dropped)

    def __len__(self) -> int:
        return len(self._docs)

    def writable(self) -> bool:
        return self.store.writable()

    def close(self) -> None:
        self.store.close()


class ResultCache:
    """A directory of finished results, safe to share between processes."""

    def __init__(self, directory: Path | None = None) -> None:
        import diskcache  # here, not at the top: `--no-cache` runs never load it (~20 ms a process)

        self.directory = directory or default_cache_dir()
        self._timeout = diskcache.Timeout
        try:
            self._cache = diskcache.Cache(str(self.directory), size_limit=2**31)
        except (OSError, self._timeout) as exc:
            raise CacheError(
                f"cannot open the cache at {self.directory} ({exc})",
                hint=f"set {CACHE_DIR_ENV} to a writable directory, or run with --no-cache",
            ) from None

    def get(self, key: str) -> str | None:
        value = self._cache.get(key)
        return value if isinstance(value, str) else None

    def set(self, key: str, document: str) -> None:
        try:
            self._cache.set(key, document)
        except (OSError, self._timeout) as exc:
            raise CacheError(
                f"cannot write to the cache at {self.directory} ({exc})",
                hint=f"free disk space, set {CACHE_DIR_ENV}, or run with --no-cache",
            ) from None

    def stats(self) -> dict[str, int | str]:
        return {"directory": str(self.directory), "entries": len(self._cache), "bytes": self._cache.volume()}

    def clear(self) -> int:
        return int(self._cache.clear())

    def writable(self) -> bool:
        """Whether a write round-trips (for readiness checks)."""
        probe = "__llm_extract_probe__"
        try:
            self._cache.set(probe, "ok", expire=60)
            return bool(self._cache.get(probe) == "ok")
        except (OSError, self._timeout):
            return False

    def close(self) -> None:
        self._cache.close()

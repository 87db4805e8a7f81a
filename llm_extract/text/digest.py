"""sha256 of canonical JSON: the one way identities, cache keys and run ids are hashed."""

from __future__ import annotations

import hashlib
import json
from typing import Any


def canonical_json(value: Any) -> str:
    """Sorted keys, no spaces, UTF-8 kept; values JSON cannot encode are written with ``str``."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sha256_json(value: Any) -> str:
    """sha256 (hex) of :func:`canonical_json` of ``value``."""
    return sha256_text(canonical_json(value))

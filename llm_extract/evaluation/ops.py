"""Per-letter operations accounting: latency, calls, attempts, re-asks, tokens, cost.

The pipeline counts an LLM backend's traffic per letter and attaches it to the
result as ``usage`` (never to the cached document: a cache hit made no calls). The
harness copies those counts into the letter's record. The rules backend, and any
cache hit, has no usage: every count is zero, which is the truth.
"""

from __future__ import annotations

from typing import Any

from llm_extract.engine.pipeline import LetterResult
from llm_extract.evaluation.records import Ops


def _count(usage: Any, name: str) -> int:
    value = getattr(usage, name, 0)
    return int(value) if isinstance(value, int | float) else 0


def ops_of(result: LetterResult) -> Ops:
    """The letter's latency and cost, from the result's usage when it has one."""
    usage = getattr(result, "usage", None)
    cost = getattr(usage, "cost_usd", 0.0)
    return Ops(
        seconds=round(result.seconds, 6),
        cached=result.cached,
        calls=_count(usage, "calls"),
        attempts=_count(usage, "attempts"),
        reasks=_count(usage, "reasks"),
        prompt_tokens=_count(usage, "prompt_tokens"),
        completion_tokens=_count(usage, "completion_tokens"),
        cost_usd=float(cost) if isinstance(cost, int | float) else 0.0,
    )

"""A processing-time budget per letter, checked cooperatively by the CPU-bound stages.

One letter must never stall a batch, a service worker or the event loop. The regexes
on letter text are linear in its length, and inputs are capped at 20 MiB, but a long
hostile letter can still cost seconds; :class:`~llm_extract.engine.pipeline.Extractor`
therefore gives every letter a budget, and the parser and the rules backend call
:func:`check` between their steps, which stops the letter with a typed
:class:`~llm_extract.errors.LetterTooComplexError` once the budget is spent.

The budget counts CPU time of the thread doing the letter (``time.thread_time``), not
wall time: waiting for an LLM server, for the PDF reader process or for the GIL while
other letters run is not the letter's cost, and must not fail it under load. A Python
thread cannot be stopped from outside, which is why the check is cooperative.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from llm_extract.errors import LetterTooComplexError

DEFAULT_LETTER_SECONDS = 3.0
"""Real letters need 10-50 ms of CPU for the rules backend; 60 times that is a hostile input."""

_BUDGET: ContextVar[tuple[float, float] | None] = ContextVar("llm_extract_letter_budget", default=None)
"""(deadline in thread CPU time, seconds allowed) of the letter being processed in this context."""


@contextmanager
def letter_budget(seconds: float | None = DEFAULT_LETTER_SECONDS) -> Iterator[None]:
    """Give the letter processed inside the block ``seconds`` of CPU time (None: unlimited)."""
    token = _BUDGET.set((time.thread_time() + seconds, seconds) if seconds is not None else None)
    try:
        yield
    finally:
        _BUDGET.reset(token)


def check(stage: str) -> None:
    """Raise if the current letter has spent its budget; ``stage`` names where (for the message)."""
    budget = _BUDGET.get()
    if budget is not None and time.thread_time() > budget[0]:
        raise LetterTooComplexError(
            f"the letter needed more than its {budget[1]:g} s of processing time (stopped while {stage}); "
            "the other letters are unaffected",
            hint="check that the file is one IMR letter; unusual text (very long runs of one character or "
            "thousands of repeated headings) is not a letter this tool can read",
        )

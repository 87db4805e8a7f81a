"""Calls, attempts, re-asks, tokens and cost, per letter and per run, with a budget.

Counting happens where the traffic is: the HTTP transport of the LLM client sees
every attempt (including failed ones, re-asks and transport retries) and reports it
here. A per-letter :class:`Usage` is found through a context variable that the
pipeline opens around each letter (:func:`letter_scope`), so concurrent letters on a
thread pool never mix their counts. The run totals live in a :class:`RunAccount`.

Usage is never written into the cached document: a cache hit must be byte-identical
to the run that filled it, and token counts differ between runs.

The budget is checked *before* each HTTP attempt with a worst case for that attempt
(every request byte a prompt token, plus ``max_tokens`` of completion), and that worst
case is held until the real usage is known, so concurrent calls cannot overshoot it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from pydantic import BaseModel, ConfigDict

from llm_extract.contract.fielddocs import describe_fields
from llm_extract.errors import BudgetExceededError
from llm_extract.llm.settings import Price


class Usage(BaseModel):
    """Counters for one letter or one run."""

    # Field docstrings are field descriptions, built on first use (see llm_extract.contract.fielddocs).
    model_config = ConfigDict(extra="forbid", defer_build=True)

    calls: int = 0
    """Logical model calls (one per prompt use), however many attempts each took."""
    attempts: int = 0
    """HTTP requests sent, including transport retries and validation re-asks."""
    reasks: int = 0
    """Attempts made because the previous answer failed a validation check."""
    transport_retries: int = 0
    """Attempts made because the previous one hit a transport fault."""
    prompt_tokens: int = 0
    """Prompt tokens the server reported, over every attempt that returned usage."""
    completion_tokens: int = 0
    """Completion tokens the server reported, over every attempt that returned usage."""
    cost_usd: float = 0.0
    """Cost from the configured price table (0 when the model has no price)."""
    fallbacks: int = 0
    """Fields that fell back to the parser or the rules."""

    def add(self, other: Usage) -> None:
        for name in type(self).model_fields:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def line(self) -> str:
        """One human-readable line (for stderr)."""
        return (
            f"{self.calls} call(s), {self.attempts} attempt(s), {self.reasks} re-ask(s), "
            f"{self.transport_retries} transport retr{'y' if self.transport_retries == 1 else 'ies'}, "
            f"{self.prompt_tokens} prompt + {self.completion_tokens} completion tokens, "
            f"${self.cost_usd:.6f}, {self.fallbacks} fallback field(s)"
        )


describe_fields(Usage)

_LETTER: ContextVar[Usage | None] = ContextVar("llm_extract_letter_usage", default=None)


@contextmanager
def letter_scope() -> Iterator[Usage]:
    """Count everything done in this context (this thread or task) for one letter."""
    usage = Usage()
    token = _LETTER.set(usage)
    try:
        yield usage
    finally:
        _LETTER.reset(token)


def current_letter() -> Usage | None:
    return _LETTER.get()


class RunAccount:
    """Thread-safe run totals, pricing and the optional budget."""

    def __init__(self, price: Price | None = None, budget_usd: float | None = None) -> None:
        self.price = price
        self.budget_usd = budget_usd
        self.totals = Usage()
        self._held = 0.0
        self._lock = threading.Lock()
        self.exhausted = False
        """Set once a call was refused for the budget: later letters fail fast."""

    def cost(self, prompt_tokens: int, completion_tokens: int) -> float:
        if self.price is None:
            return 0.0
        return (prompt_tokens * self.price.input + completion_tokens * self.price.output) / 1_000_000

    def check_open(self) -> None:
        """Refuse new work once the budget has stopped the run."""
        if self.exhausted:
            raise self._budget_error()

    def reserve(self, worst_prompt_tokens: int, worst_completion_tokens: int) -> float:
        """Hold the worst-case cost of one attempt, or refuse it before it is sent."""
        if self.budget_usd is None:
            return 0.0
        worst = self.cost(worst_prompt_tokens, worst_completion_tokens)
        with self._lock:
            if self.totals.cost_usd + self._held + worst > self.budget_usd:
                self.exhausted = True
                raise self._budget_error()
            self._held += worst
        return worst

    def _budget_error(self) -> BudgetExceededError:
        return BudgetExceededError(
            f"the run's budget of ${self.budget_usd:.4f} would be exceeded by the next call "
            f"(spent ${self.totals.cost_usd:.4f}); no further calls were made",
            hint="raise LLM_EXTRACT_BUDGET_USD, or re-run: finished letters come from the cache",
        )

    def record(
        self,
        held: float = 0.0,
        *,
        attempt: bool = False,
        reask: bool = False,
        retry: bool = False,
        call: bool = False,
        prompt_tokens: int = 0,
        completion_tokens: int = 0,
        fallbacks: int = 0,
    ) -> None:
        """Add one event to the run and to the current letter; release its held cost."""
        delta = Usage(
            calls=int(call),
            attempts=int(attempt),
            reasks=int(reask),
            transport_retries=int(retry),
            prompt_tokens=prompt_tokens,
            completion_tokens=completion_tokens,
            cost_usd=self.cost(prompt_tokens, completion_tokens),
            fallbacks=fallbacks,
        )
        with self._lock:
            self._held = max(0.0, self._held - held)
            self.totals.add(delta)
        letter = current_letter()
        if letter is not None:
            letter.add(delta)

    def snapshot(self) -> Usage:
        with self._lock:
            return self.totals.model_copy()

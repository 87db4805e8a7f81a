"""Errors of the LLM backends, as one more family of the llm-extract error tree.

They live beside the LLM code (rather than in :mod:`llm_extract.errors`) only so the
LLM work could land without editing a shared file; every class derives from
:class:`~llm_extract.errors.LlmExtractError`, carries a stable ``code`` and a
``hint``, and never carries letter text or model output (they are logged and shown).
"""

from __future__ import annotations

from .errors import LlmExtractError


class LlmError(LlmExtractError):
    """A letter could not be extracted by an LLM backend."""

    code = "llm-error"
    http_status = 502


class LlmTransportError(LlmError):
    """The endpoint kept failing (5xx, 429, timeouts, dropped connections, bad bodies)
    after the bounded transport retries."""

    code = "llm-transport"
    http_status = 502


class LlmRejectedError(LlmError):
    """The endpoint refused the request with a 4xx that retrying cannot fix."""

    code = "llm-rejected"
    http_status = 502


class LlmAnswerError(LlmError):
    """The model's answer failed its checks after the allowed re-asks and there is no
    parser result to fall back to (``llm`` backend on a layout the parser cannot read)."""

    code = "llm-answer-invalid"
    http_status = 422


class BudgetExceededError(LlmError):
    """The run's cost budget would be exceeded by the next call, so it was not made."""

    code = "budget-exceeded"
    http_status = 402

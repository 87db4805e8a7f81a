"""The one module that talks to an LLM: openai + instructor + httpx2 + tenacity.

Two retry layers, kept apart on purpose:

* **Transport faults** (429 honouring ``Retry-After``, 5xx, timeouts, dropped
  connections, truncated or non-JSON bodies) are retried by :class:`ResilientTransport`,
  an httpx2 transport under the OpenAI client, with tenacity's jittered exponential
  backoff, a cap per wait and a bounded attempt count. Other 4xx are returned
  untouched (retrying cannot fix them). The OpenAI client's own retries are switched
  off (``max_retries=0``) so this is the only transport retry layer.
* **Validation failures** (an answer that fails a grounding check) are re-asked by
  instructor, bounded by ``max_reasks``; :meth:`LlmClient.structured` then returns
  the last raw answer so the backend can keep what passed and fall back on the rest.

Because the transport sees every HTTP attempt, it is also where usage is counted
(:mod:`llm_extract.llm.accounting`) and where the budget refuses a call before it is
sent. An :class:`AdaptiveLimiter` caps requests in flight and halves the cap when
the server says it is overloaded (429/503), growing it back one step per window of
successes.

Nothing here logs letter text or model output: instructor's own error logging
(which prints answers) is silenced, and errors carry status codes, never bodies.
"""

from __future__ import annotations

import email.utils
import json
import logging
import random
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx2
import instructor
import openai
from instructor.v2.core.errors import (
    IncompleteOutputException,
    InstructorError,
    InstructorRetryException,
    ResponseParsingError,
)
from pydantic import BaseModel, ValidationError
from tenacity import RetryCallState, Retrying, retry_if_exception_type, stop_after_attempt

from llm_extract.errors import ConfigError, LlmExtractError, LlmRejectedError, LlmTransportError
from llm_extract.llm.accounting import RunAccount
from llm_extract.llm.settings import InstructorMode, LlmSettings

log = logging.getLogger(__name__)
# instructor logs failed answers (which quote letters) at ERROR level: keep PHI out of logs.
logging.getLogger("instructor").setLevel(logging.CRITICAL + 1)

_MODES: dict[InstructorMode, instructor.Mode] = {
    InstructorMode.tools: instructor.Mode.TOOLS,
    InstructorMode.json_schema: instructor.Mode.JSON_SCHEMA,
    InstructorMode.json: instructor.Mode.JSON,
}
_RETRY_STATUS = frozenset({408, 409, 425, 429, 500, 502, 503, 504})
_OVERLOAD_STATUS = frozenset({429, 503})


class TransportFault(Exception):
    """A retryable fault of one HTTP attempt (never carries a body)."""

    def __init__(self, kind: str, *, status: int | None = None, retry_after: float | None = None) -> None:
        super().__init__(kind if status is None else f"{kind} (HTTP {status})")
        self.kind = kind
        self.status = status
        self.retry_after = retry_after


class AdaptiveLimiter:
    """A semaphore whose size backs off when the server says it is overloaded (AIMD)."""

    def __init__(self, maximum: int) -> None:
        self.maximum = maximum
        self.limit = maximum
        self.in_flight = 0
        self._successes = 0
        self._cond = threading.Condition()

    @contextmanager
    def slot(self) -> Iterator[None]:
        with self._cond:
            while self.in_flight >= self.limit:
                self._cond.wait()
            self.in_flight += 1
        try:
            yield
        finally:
            with self._cond:
                self.in_flight -= 1
                self._cond.notify()

    def overloaded(self) -> None:
        """Halve the limit (never below one)."""
        with self._cond:
            self.limit = max(1, self.limit // 2)
            self._successes = 0

    def succeeded(self) -> None:
        """Grow the limit by one after a full window of successes."""
        with self._cond:
            self._successes += 1
            if self.limit < self.maximum and self._successes >= self.limit:
                self.limit += 1
                self._successes = 0
                self._cond.notify()


def parse_retry_after(headers: httpx2.Headers) -> float | None:
    """Seconds from ``retry-after-ms``, or ``Retry-After`` in seconds or as an HTTP date."""
    if (ms := headers.get("retry-after-ms")) is not None:
        try:
            return max(0.0, float(ms) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value) if value else None
        return max(0.0, parsed.timestamp() - time.time()) if parsed else None


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int
    initial: float
    cap: float

    def wait(self, state: RetryCallState) -> float:
        """``Retry-After`` when the server gave one (capped), else full-jitter exponential backoff."""
        fault = state.outcome.exception() if state.outcome else None
        if isinstance(fault, TransportFault) and fault.retry_after is not None:
            return min(fault.retry_after, self.cap)
        ceiling = min(self.cap, self.initial * 2 ** (state.attempt_number - 1))
        return random.uniform(0, ceiling)


class ResilientTransport(httpx2.BaseTransport):
    """Retries transport faults with tenacity; counts usage; enforces the budget."""

    def __init__(
        self,
        inner: httpx2.BaseTransport,
        *,
        policy: RetryPolicy,
        account: RunAccount,
        limiter: AdaptiveLimiter,
        max_tokens: int,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.inner = inner
        self.policy = policy
        self.account = account
        self.limiter = limiter
        self.max_tokens = max_tokens
        self.sleep = sleep

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        retrying = Retrying(
            stop=stop_after_attempt(self.policy.attempts),
            wait=self.policy.wait,
            retry=retry_if_exception_type(TransportFault),
            sleep=self.sleep,
            reraise=True,
        )
        for attempt in retrying:
            with attempt:
                if attempt.retry_state.attempt_number > 1:
                    self.account.record(retry=True)
                return self._once(request)
        raise AssertionError("unreachable: tenacity either returns or re-raises")  # pragma: no cover

    def _worst_case(self, request: httpx2.Request) -> tuple[int, int]:
        """Upper bounds for one attempt: a prompt token is at least one byte."""
        body = request.content
        try:
            cap = int(json.loads(body).get("max_tokens") or self.max_tokens)
        except (ValueError, AttributeError):
            cap = self.max_tokens
        return len(body) + 64, cap

    def _once(self, request: httpx2.Request) -> httpx2.Response:
        held = self.account.reserve(*self._worst_case(request))
        prompt = completion = 0
        try:
            with self.limiter.slot():
                response = self._send(request)
            status = response.status_code
            if status in _OVERLOAD_STATUS:
                self.limiter.overloaded()
            if status in _RETRY_STATUS:
                response.close()
                raise TransportFault("server fault", status=status, retry_after=parse_retry_after(response.headers))
            if 200 <= status < 300:
                prompt, completion = _usage_of(response)
                self.limiter.succeeded()
            return response
        finally:
            self.account.record(held, attempt=True, prompt_tokens=prompt, completion_tokens=completion)

    def _send(self, request: httpx2.Request) -> httpx2.Response:
        try:
            response = self.inner.handle_request(request)
            response.read()
        except httpx2.TimeoutException:
            raise TransportFault("timeout") from None
        except httpx2.TransportError as exc:
            raise TransportFault(f"connection error ({type(exc).__name__})") from None
        return response

    def close(self) -> None:
        self.inner.close()


def _usage_of(response: httpx2.Response) -> tuple[int, int]:
    """Token usage of a 2xx body; a body that is not JSON is a transport fault."""
    try:
        body = json.loads(response.content)
    except (ValueError, UnicodeDecodeError):
        raise TransportFault("malformed body (not JSON)", status=response.status_code) from None
    if not isinstance(body, dict):
        raise TransportFault("malformed body (not an object)", status=response.status_code)
    usage = body.get("usage") or {}
    return int(usage.get("prompt_tokens") or 0), int(usage.get("completion_tokens") or 0)


@dataclass
class Structured:
    """How one structured call ended: a validated value, or the last raw answer."""

    value: BaseModel | None
    raw: dict[str, Any] | None = None
    """The last answer as JSON, when every attempt failed validation."""
    note: str | None = None
    """Why there is no value (the check that failed last, or the output was cut off)."""


class LlmClient:
    """A configured endpoint: structured calls with re-asks over a resilient transport."""

    def __init__(
        self,
        settings: LlmSettings,
        *,
        transport: httpx2.BaseTransport | None = None,
        account: RunAccount | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if settings.base_url is None or not settings.model:
            settings.require_endpoint("llm")
        self.settings = settings
        self.model = settings.model or ""
        self.account = account or RunAccount(settings.price(), settings.budget_usd)
        self.limiter = AdaptiveLimiter(settings.max_concurrency)
        self.mode = _MODES[settings.mode]
        timeout = httpx2.Timeout(settings.timeout, connect=settings.connect_timeout)
        resilient = ResilientTransport(
            transport or httpx2.HTTPTransport(),
            policy=RetryPolicy(settings.retry_attempts, settings.retry_initial, settings.retry_max),
            account=self.account,
            limiter=self.limiter,
            max_tokens=settings.max_tokens,
            sleep=sleep,
        )
        self._http = httpx2.Client(transport=resilient, timeout=timeout)
        key = settings.api_key.get_secret_value() if settings.api_key else "not-needed"
        self._openai = openai.OpenAI(
            base_url=settings.base_url, api_key=key, max_retries=0, timeout=timeout, http_client=self._http
        )
        self._instructor = instructor.from_openai(self._openai, mode=self.mode)
        self._instructor.on("parse:error", self._on_parse_error)

    def _on_parse_error(self, error: Exception, **meta: Any) -> None:
        """A failed answer that will be re-asked (not the last attempt) is one re-ask."""
        if not meta.get("is_last_attempt", False):
            self.account.record(reask=True)

    def identity(self) -> dict[str, Any]:
        """Settings that change answers (the base URL does not: the model name does)."""
        s = self.settings
        return {
            "model": self.model,
            "mode": s.mode.value,
            "temperature": s.temperature,
            "max_tokens": s.max_tokens,
            "max_reasks": s.max_reasks,
        }

    def structured(
        self, messages: list[dict[str, str]], response_model: type[BaseModel], context: dict[str, Any]
    ) -> Structured:
        """One logical call. Raises a typed error for transport faults and refusals;
        returns the last raw answer when validation re-asks ran out."""
        self.account.check_open()
        self.account.record(call=True)
        try:
            value = self._instructor.chat.completions.create(
                model=self.model,
                messages=messages,  # type: ignore[arg-type]
                response_model=response_model,
                max_retries=self.settings.max_reasks,
                context=context,
                strict=False,
                temperature=self.settings.temperature,
                max_tokens=self.settings.max_tokens,
            )
            return Structured(value=value)
        except IncompleteOutputException:
            return Structured(value=None, note="output cut off at max_tokens")
        except InstructorRetryException as exc:
            _raise_cause(exc)
            if not _answer_failed(exc):
                raise LlmTransportError(
                    f"the LLM call failed unexpectedly ({type(exc.__cause__).__name__})",
                    hint="this is not a rejected answer; check the server and the client's log",
                ) from None
            return Structured(value=None, raw=self._raw(exc.last_completion), note=_first_problem(exc))
        except (openai.OpenAIError, InstructorError) as exc:
            _raise_cause(exc)
            raise LlmTransportError(
                f"the LLM call failed ({type(exc).__name__})", hint="check the server's log"
            ) from None

    def _raw(self, completion: Any) -> dict[str, Any] | None:
        """The JSON the model returned, however the mode carried it."""
        try:
            message = completion.choices[0].message
            if self.mode is instructor.Mode.TOOLS and message.tool_calls:
                text = message.tool_calls[0].function.arguments
            else:
                text = message.content or ""
            text = text.strip().removeprefix("```json").removeprefix("```").removesuffix("```")
            data = json.loads(text)
        except (AttributeError, IndexError, TypeError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def close(self) -> None:
        self._openai.close()


_ANSWER_ERRORS = (ValidationError, json.JSONDecodeError, ResponseParsingError)
"""What an answer that failed its checks raises; anything else is not the model's fault."""


def _answer_failed(exc: InstructorRetryException) -> bool:
    """True only when re-asks ran out because the answers failed validation.

    Instructor also wraps unexpected errors (a broken transport, a replay that has no
    recording) in InstructorRetryException; treating those as a rejected answer would
    quietly fall back to the parser and hide the fault.
    """
    return isinstance(exc.__cause__, _ANSWER_ERRORS) and bool(exc.failed_attempts)


def _first_problem(exc: InstructorRetryException) -> str:
    """The first of our own check messages from the last failed attempt.

    Only lines our validators wrote (``- ...``) are kept: pydantic's own messages can
    echo the model's output, which may quote the letter, and notes end up in logs.
    """
    last = exc.failed_attempts[-1].exception if exc.failed_attempts else None
    for line in str(last or "").splitlines():
        if line.startswith("- "):  # pydantic appends " [type=..., input_value=<the answer>]" to the last line
            return "checks failed after re-asks: " + line[2:].split(" [type=", 1)[0].strip()
    return "checks failed after re-asks: the answer did not match the schema"


def _causes(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _raise_cause(exc: BaseException) -> None:
    """Turn a transport fault, a refusal or a budget stop anywhere in the chain into a typed error."""
    for cause in _causes(exc):
        if isinstance(cause, LlmExtractError):
            raise cause from None
        if isinstance(cause, TransportFault):
            raise LlmTransportError(
                f"the endpoint kept failing: {cause} after the allowed attempts",
                hint="check that the server is up and not overloaded; raise LLM_EXTRACT_RETRY_ATTEMPTS "
                "or LLM_EXTRACT_TIMEOUT, or lower --concurrency",
            ) from None
        if isinstance(cause, openai.APIStatusError):
            raise _status_error(cause.status_code) from None
        if isinstance(cause, openai.APIConnectionError) and cause.__cause__ is None:
            raise LlmTransportError("could not reach the endpoint", hint="check LLM_EXTRACT_BASE_URL") from None


def _status_error(status: int) -> LlmExtractError:
    if status in (401, 403):
        return ConfigError(
            f"the endpoint refused the credentials (HTTP {status})",
            hint="set LLM_EXTRACT_API_KEY (or OPENAI_API_KEY) to a valid key",
        )
    if status == 404:
        return ConfigError(
            "the endpoint has no such model or path (HTTP 404)",
            hint="check LLM_EXTRACT_MODEL and that LLM_EXTRACT_BASE_URL ends in /v1",
        )
    return LlmRejectedError(
        f"the endpoint rejected the request (HTTP {status})",
        hint="the server may not support this mode: try LLM_EXTRACT_MODE=tools or json",
    )

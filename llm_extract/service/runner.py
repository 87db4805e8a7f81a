"""Running extractions for the service: off the event loop, once per identical letter.

Parsing and PDF work run in a bounded thread pool so the loop keeps answering
(health checks included) while a batch is being extracted. Identical concurrent
requests (same backend identity, options and input bytes, i.e. the same cache key)
share one computation through an in-flight map; the computation runs as its own
task, so a client that times out or disconnects does not cancel it for the others,
and its result still reaches the cache.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

import anyio

from llm_extract.backends.base import Backend, ExtractOptions, Language
from llm_extract.engine.cache import DocumentCache
from llm_extract.engine.pipeline import Extractor, LetterResult
from llm_extract.errors import ConfigError, LlmExtractError
from llm_extract.jobs.shared import InflightGate
from llm_extract.letter.inputs import LetterInput
from llm_extract.service.problems import BackendUnavailable, ExtractionTimeout

BackendProvider = Callable[[str | None], Backend]
"""Builds the backend named (None: the configured default); raises ConfigError when it cannot."""

CacheUse = Literal["hit", "miss", "shared", "off"]


@dataclass(frozen=True)
class RunOptions:
    lang: Language = "en"
    backend: str | None = None
    cache: bool = True


@dataclass(frozen=True)
class Outcome:
    """One letter's result and how the cache served it (``shared``: joined an identical request)."""

    result: LetterResult
    cache: CacheUse


class ExtractionRunner:
    """Backends, extractors and the in-flight map of one service process."""

    def __init__(
        self,
        provider: BackendProvider,
        *,
        cache: DocumentCache | None,
        max_pages: int,
        workers: int,
        default_backend: str | None = None,
        gate: InflightGate | None = None,
    ) -> None:
        self.provider = provider
        self.gate = gate
        """Cluster-wide de-duplication (several replicas); the in-flight map covers this process."""
        self.cache = cache
        self.max_pages = max_pages
        self.default_backend = default_backend
        self._limiter = anyio.CapacityLimiter(workers)
        self._backends: dict[str | None, Backend] = {}
        self._extractors: dict[tuple[str | None, str, bool], Extractor] = {}
        self._inflight: dict[str, asyncio.Task[LetterResult]] = {}

    def backend(self, name: str | None) -> Backend:
        """The backend for a request (memoized); a configuration gap is the client's 422."""
        name = name or self.default_backend
        if name not in self._backends:
            try:
                self._backends[name] = self.provider(name)
            except ConfigError as exc:
                raise BackendUnavailable(exc.message, hint=exc.hint or None) from None
        return self._backends[name]

    def extractor(self, options: RunOptions) -> Extractor:
        use_cache = options.cache and self.cache is not None
        slot = (options.backend or self.default_backend, options.lang, use_cache)
        if slot not in self._extractors:
            self._extractors[slot] = Extractor(
                self.backend(options.backend),
                cache=self.cache if use_cache else None,
                options=ExtractOptions(lang=options.lang),
                max_pages=self.max_pages,
            )
        return self._extractors[slot]

    def cached(self, letter: LetterInput, options: RunOptions) -> Outcome | None:
        """The cache's answer for ``letter``, or None (then :meth:`extract`); never computes.

        A hit is a memory or one store read: answered on the event loop, without the thread hop a
        computation needs (which doubled the CPU cost of a cached request), and without arming
        the request's extraction time-out around :meth:`extract`."""
        extractor = self.extractor(options)
        if extractor.cache is None:
            return None
        key = extractor.key(letter)
        if key in self._inflight:
            return None  # being computed: join it in extract
        hit = extractor.cached(letter, key)
        return Outcome(hit, "hit") if hit is not None else None

    async def extract(self, letter: LetterInput, options: RunOptions, *, looked_up: bool = False) -> Outcome:
        """Extract one letter, joining an identical computation already under way (``looked_up``: the
        caller has just had None from :meth:`cached`, so the cache is not asked again)."""
        if not looked_up and (hit := self.cached(letter, options)) is not None:
            return hit
        extractor = self.extractor(options)
        use_cache = extractor.cache is not None
        key = extractor.key(letter) + ("" if use_cache else ":no-cache")
        task = self._inflight.get(key)
        shared = task is not None
        if task is None:
            task = asyncio.ensure_future(self._compute(extractor, letter, key if use_cache else None))
            self._inflight[key] = task
            task.add_done_callback(lambda done: self._forget(key, done))
        result = await asyncio.shield(task)
        if not use_cache:
            return Outcome(result, "off")
        return Outcome(result, "hit" if result.cached else "shared" if shared else "miss")

    async def extract_many(
        self, letters: Sequence[LetterInput | LlmExtractError], options: RunOptions, timeout: float
    ) -> list[Outcome]:
        """Extract each letter concurrently; a failure or time-out stays with its letter."""
        self.extractor(options)  # an unavailable backend fails the request, not each letter
        tasks: dict[int, asyncio.Task[Outcome]] = {}
        outcomes: dict[int, Outcome] = {}
        for i, item in enumerate(letters):
            if isinstance(item, LlmExtractError):
                outcomes[i] = Outcome(LetterResult(name=item.source or f"letters[{i}]", error=item), "off")
            else:
                tasks[i] = asyncio.ensure_future(self.extract(item, options))
        if tasks:
            await asyncio.wait(tasks.values(), timeout=max(timeout, 0.001))
        for i, task in tasks.items():
            outcomes[i] = self._settle(i, task)
        return [outcomes[i] for i in range(len(letters))]

    @staticmethod
    def _settle(index: int, task: asyncio.Task[Outcome]) -> Outcome:
        if not task.done():
            task.cancel()  # only the wait: the shared computation carries on and fills the cache
            error = ExtractionTimeout(
                "the letter was not extracted within the request timeout",
                hint="retry; the result may then come from the cache",
            )
            return Outcome(LetterResult(name=f"letters[{index}]", error=error), "off")
        exc = task.exception()
        if isinstance(exc, LlmExtractError):
            return Outcome(LetterResult(name=f"letters[{index}]", error=exc), "off")
        if exc is not None:
            raise exc
        return task.result()

    async def _compute(self, extractor: Extractor, letter: LetterInput, shared_key: str | None = None) -> LetterResult:
        gate = self.gate
        if gate is None or shared_key is None:
            return await anyio.to_thread.run_sync(extractor.extract, letter, limiter=self._limiter)
        return await anyio.to_thread.run_sync(
            lambda: gate.run(shared_key, lambda: extractor.extract(letter)), limiter=self._limiter
        )

    def _forget(self, key: str, done: asyncio.Task[LetterResult]) -> None:
        if self._inflight.get(key) is done:
            del self._inflight[key]

    @property
    def inflight(self) -> int:
        return len(self._inflight)

"""Letter in, JSON document out: backend + cache + batch error isolation.

Shared by the CLI, the HTTP service and the eval harness so all three produce the
same bytes for the same input. A batch never stops on one bad letter: every letter
ends as a :class:`LetterResult` holding either its document or a typed error.
"""

from __future__ import annotations

import functools
import logging
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from llm_extract.backends.base import Backend, ExtractOptions
from llm_extract.budget import DEFAULT_LETTER_SECONDS, letter_budget
from llm_extract.contract.models import Extraction
from llm_extract.contract.schema import contract_sha256
from llm_extract.engine.cache import DocumentCache, cache_key
from llm_extract.errors import InternalError, LlmExtractError
from llm_extract.letter.inputs import LetterInput, read_letter
from llm_extract.letter.pdf import DEFAULT_MAX_PAGES
from llm_extract.llm.accounting import Usage, letter_scope

if TYPE_CHECKING:
    from concurrent.futures import Future

log = logging.getLogger(__name__)


def to_json(extraction: Extraction) -> str:
    """The canonical serialisation: stable key order, 2-space indent, final newline."""
    return extraction.model_dump_json(indent=2) + "\n"


@dataclass
class LetterResult:
    """How one letter ended: a document, or an error saying why not."""

    name: str
    document: str | None = None
    error: LlmExtractError | None = None
    cached: bool = False
    seconds: float = 0.0
    _extraction: Extraction | None = field(default=None, repr=False)
    usage: Usage | None = None
    """Model calls, attempts, tokens and cost of this letter (LLM backends; never cached)."""

    @property
    def ok(self) -> bool:
        return self.document is not None

    @property
    def extraction(self) -> Extraction:
        """The parsed document (validated lazily: cache hits skip it unless asked)."""
        if self._extraction is None:
            if self.document is None:
                raise ValueError("this letter failed; it has no extraction")
            self._extraction = Extraction.model_validate_json(self.document)
        return self._extraction


@dataclass
class RunStats:
    letters: int = 0
    ok: int = 0
    failed: int = 0
    cache_hits: int = 0
    seconds: float = 0.0

    def add(self, result: LetterResult) -> None:
        self.letters += 1
        self.ok += result.ok
        self.failed += not result.ok
        self.cache_hits += result.cached
        self.seconds += result.seconds

    @property
    def hit_rate(self) -> float:
        return self.cache_hits / self.letters if self.letters else 0.0


class Extractor:
    """Runs one backend over letters, through the cache when one is given."""

    def __init__(
        self,
        backend: Backend,
        *,
        cache: DocumentCache | None = None,
        options: ExtractOptions | None = None,
        max_pages: int = DEFAULT_MAX_PAGES,
        letter_seconds: float | None = DEFAULT_LETTER_SECONDS,
    ) -> None:
        self.backend = backend
        self.cache = cache
        self.options = options or ExtractOptions()
        self.max_pages = max_pages
        self.letter_seconds = letter_seconds
        """CPU seconds one letter may use (None: unlimited); past it the letter ends as
        ``letter-too-complex`` and the batch goes on (see :mod:`llm_extract.budget`)."""

    @functools.cached_property
    def _identity(self) -> dict[str, Any]:
        """What the cache key covers; computed on first use (hashing the contract's JSON
        Schema costs ~20 ms, wasted on a `--no-cache` run)."""
        return {
            "backend": self.backend.identity(),
            "options": self.options.identity(),
            "contract": contract_sha256(),
        }

    def key(self, letter: LetterInput) -> str:
        return cache_key(self._identity, letter.sha256)

    def cached(self, letter: LetterInput, key: str | None = None) -> LetterResult | None:
        """The cached result for ``letter`` (``key``: its :meth:`key`, if known), or None; never computes.

        For callers that answer hits inline and send only misses to a worker thread."""
        if self.cache is None:
            return None
        started = time.perf_counter()
        hit = self.cache.get(key or self.key(letter))
        if hit is None:
            return None
        result = LetterResult(name=letter.name, document=hit, cached=True, seconds=time.perf_counter() - started)
        self._log(letter, result)
        return result

    def extract(self, letter: LetterInput) -> LetterResult:
        """Extract one letter; never raises for a bad letter."""
        started = time.perf_counter()
        with letter_scope() as usage:
            result = self._extract(letter)
        result.seconds = time.perf_counter() - started
        result.usage = usage if usage.attempts or usage.calls else None
        self._log(letter, result)
        return result

    @staticmethod
    def _log(letter: LetterInput, result: LetterResult) -> None:
        log.info(
            "letter done",
            extra={
                "input_sha256": letter.sha256[:12],
                "ok": result.ok,
                "cached": result.cached,
                "error": result.error.code if result.error else None,
            },
        )

    def _extract(self, letter: LetterInput) -> LetterResult:
        key = self.key(letter) if self.cache is not None else ""
        if self.cache is not None and (hit := self.cache.get(key)) is not None:
            return LetterResult(name=letter.name, document=hit, cached=True)
        try:
            with letter_budget(self.letter_seconds):
                text = read_letter(letter, max_pages=self.max_pages)
                extraction = self.backend.extract(text, self.options)
        except LlmExtractError as exc:
            return LetterResult(name=letter.name, error=exc.with_source(exc.source or letter.name))
        except Exception as exc:  # a bug must not sink the rest of the batch
            log.exception("internal error", extra={"input_sha256": letter.sha256[:12]})
            error = InternalError(
                f"internal error ({type(exc).__name__}); the other letters are unaffected",
                hint="please report this with the input's sha256 " + letter.sha256[:12],
                source=letter.name,
            )
            return LetterResult(name=letter.name, error=error)
        document = to_json(extraction)
        if self.cache is not None:
            self.cache.set(key, document)
        return LetterResult(name=letter.name, document=document, _extraction=extraction)

    def run(self, letters: Iterable[LetterInput | LlmExtractError]) -> Iterator[LetterResult]:
        """Extract each letter in order; inputs that failed to load pass through as errors."""
        for item in letters:
            if isinstance(item, LlmExtractError):
                yield LetterResult(name=item.source or "<input>", error=item)
            else:
                yield self.extract(item)

    def run_concurrent(
        self, letters: Iterable[LetterInput | LlmExtractError], concurrency: int
    ) -> Iterator[LetterResult]:
        """Like :meth:`run`, with up to ``concurrency`` letters in flight on a thread pool.

        Results come back in input order (so output files and stdout lines are the
        same whatever the concurrency), and every letter still ends as a result or a
        typed error. Threads suit this work: it waits on the network, and the LLM
        client's limiter keeps requests within what the server accepts.
        """
        if concurrency <= 1:
            yield from self.run(letters)
            return
        from concurrent.futures import Future, ThreadPoolExecutor  # here: one-at-a-time runs never load it

        window: deque[Future[LetterResult]] = deque()
        with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="llm-extract") as pool:
            for item in letters:
                if isinstance(item, LlmExtractError):
                    done: Future[LetterResult] = Future()
                    done.set_result(LetterResult(name=item.source or "<input>", error=item))
                    window.append(done)
                else:
                    window.append(pool.submit(self.extract, item))
                while len(window) >= 2 * concurrency:
                    yield window.popleft().result()
            while window:
                yield window.popleft().result()

"""Case-insensitive searches tried only where a match can start.

Python's ``re`` has no fast scan for a pattern that starts with ``\\b`` or a
case-insensitive letter: it runs the whole pattern at every character (~20-60 ns
each), although a match can only start where its first word occurs. An
:class:`Anchored` pattern finds those places with ``str.find`` in the lowered text
(:func:`~llm_extract.text.prefilter.lowered`: every letter a case-insensitive ASCII
literal can match is lowered to that literal, at the same offset) and runs the
pattern there alone, in order, so it returns exactly the matches of ``search`` and
``finditer``.

The first words are derived from the pattern itself (one copy of every rule). A
pattern whose start cannot be read (a character class, an optional first part, a
Python without the parser) is searched the ordinary way; so is a text whose lowered
form does not keep its offsets.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from typing import Any

from llm_extract.text.prefilter import lowered

__all__ = ["Anchored", "lowered"]

try:  # the stdlib's own regex parser: private, so its absence only switches anchoring off
    _PARSER: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - every supported Python has it
    _PARSER = None

_ZERO_WIDTH = frozenset({"AT", "ASSERT", "ASSERT_NOT"})
"""``\\b``, ``^``, look-arounds: they consume nothing, so the word after them starts the match."""
_REPEATS = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})


class Anchored:
    """A compiled pattern and, derived on first use, the words its matches start with.

    ``search`` and ``finditer`` take the text and its :func:`lowered` form (computed
    once per text by the caller) and return the pattern's own matches.
    """

    __slots__ = ("_match", "_word", "_words", "pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._match = pattern.match
        self._words: tuple[str, ...] | None = None
        """None until derived (on first use: deriving costs ~40 us a pattern)."""
        self._word = ""
        """The first word when there is only one (the fast path), else empty."""

    @property
    def words(self) -> tuple[str, ...]:
        """The lowered words every match starts with; empty when searched the ordinary way."""
        if self._words is None:
            words = _starts(list(_PARSER.parse(self.pattern.pattern, self.pattern.flags))) if _PARSER else None
            self._words = tuple(sorted(words or ()))
            self._word = self._words[0] if len(self._words) == 1 else ""
        return self._words

    def search(self, text: str, low: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        """``pattern.search(text, start, end)``, run only where a match can start."""
        if end is None:
            end = len(text)
        if self._words is None:
            self.words  # noqa: B018 (derives them)
        if (word := self._word) and len(low) == len(text):
            match = self._match
            at = low.find(word, start, end)
            while at >= 0:
                if (m := match(text, at, end)) is not None:
                    return m
                at = low.find(word, at + 1, end)
            return None
        return self._search_words(text, low, start, end)

    def _search_words(self, text: str, low: str, start: int, end: int) -> re.Match[str] | None:
        """:meth:`search` for a pattern with several first words, or none (then the ordinary way)."""
        words = self.words
        if not words or len(low) != len(text):
            return self.pattern.search(text, start, end)
        # the next occurrence of each word (``end`` when there is none); the nearest is tried
        nexts = [end if (i := low.find(w, start, end)) < 0 else i for w in words]
        while (at := min(nexts)) < end:
            if (m := self._match(text, at, end)) is not None:
                return m
            for k, i in enumerate(nexts):
                if i == at:
                    nexts[k] = end if (i := low.find(words[k], at + 1, end)) < 0 else i
        return None

    def finditer(self, text: str, low: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text, start, end)``, run only where a match can start.

        Each word is looked for once along the text: the next search goes on from where the
        last one stopped, not from the start of every match."""
        if end is None:
            end = len(text)
        words = self.words
        if not words or len(low) != len(text):
            yield from self.pattern.finditer(text, start, end)
            return
        match = self._match
        pos = start  # where the next match may start: after the last one (never empty)
        nexts = [end if (i := low.find(w, start, end)) < 0 else i for w in words]
        while (at := min(nexts)) < end:
            if (m := match(text, at, end)) is not None:
                yield m
                pos = m.end()
            after = max(at + 1, pos)
            for k, i in enumerate(nexts):
                if i < after:
                    nexts[k] = end if (i := low.find(words[k], after, end)) < 0 else i


def _starts(items: list[Any]) -> set[str] | None:
    """The lowered literal words every match of the sequence ``items`` starts with, or None."""
    for index, (op, arg) in enumerate(items):
        name = str(op)
        if name in _ZERO_WIDTH:
            continue
        if name == "LITERAL":
            word = []
            for op2, arg2 in items[index:]:
                if str(op2) != "LITERAL" or arg2 >= 128:
                    break
                word.append(chr(arg2).lower())
            return {"".join(word)} if word else None
        if name == "SUBPATTERN":
            return _starts(list(arg[-1]))
        if name == "BRANCH":
            found: set[str] = set()
            for branch in arg[1]:
                words = _starts(list(branch))
                if words is None:
                    return None
                found |= words
            return found
        if name in _REPEATS and arg[0] >= 1:
            return _starts(list(arg[2]))
        return None
    return None

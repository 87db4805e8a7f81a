"""Patterns run only on texts holding the words their matches need.

The summary's finders run long case-insensitive patterns (kinds of care, what the records
lacked, Spanish service names) over rationales and service names; Python's ``re`` scans
every character for each of them. :class:`~llm_extract.text.prefilter.Prefilter` derives
from each pattern the words its matches contain, so there is one copy of every rule.

Deriving those words parses the patterns (~8 ms for all of the summary's), more than a
single letter's scans cost. So each screen lets its first :data:`PATIENCE` texts through
unscreened and derives its words only then: a process that summarises one letter (the
command line) never pays for them, and a service pays once. Either way the same patterns
match, only faster.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from llm_extract.text.prefilter import Prefilter, Screen

__all__ = ["PATIENCE", "FirstWords", "Screened", "Windowed"]

PATIENCE = 48
"""Texts a screen lets through before deriving its patterns' words (a letter brings ~5-20)."""


class Screened:
    """A :class:`~llm_extract.text.prefilter.Screen` of some prefilters that never leaves out
    one whose pattern needs no word (a conjunction of no groups): a screen tests a word bit,
    and a text holding none of its words has none set. Screens from its
    :data:`PATIENCE`-th text on."""

    def __init__(self, prefilters: Iterable[Prefilter]) -> None:
        self._prefilters = tuple(prefilters)
        self._all = frozenset(self._prefilters)
        self._screen = Screen(self._prefilters)
        self._always: int | None = None
        self._waiting = PATIENCE

    def mask(self, text: str) -> int:
        """Bit ``k`` set for each ``k``-th prefilter whose pattern may match in ``text`` (the
        others cannot): tested with a shift, no set of prefilters built per text."""
        if self._waiting:
            self._waiting -= 1
            return -1
        if self._always is None:
            self._always = sum(1 << k for k, p in enumerate(self._prefilters) if not all(p.alternatives))
        return self._screen.mask(text) | self._always

    def indices(self, text: str) -> Sequence[int]:
        """The indices of the prefilters whose patterns may match in ``text``, in order: read
        off the set bits of :meth:`mask`, so a text costs its few admitted patterns, not a
        test per pattern."""
        mask = self.mask(text)
        if mask == -1:
            return range(len(self._prefilters))
        found: list[int] = []
        while mask:
            bit = mask & -mask
            found.append(bit.bit_length() - 1)
            mask ^= bit
        return found

    def admitted(self, text: str) -> frozenset[Prefilter] | set[Prefilter]:
        """The prefilters whose patterns may match in ``text`` (see :meth:`mask`)."""
        mask = self.mask(text)
        if mask == -1:
            return self._all
        return {p for k, p in enumerate(self._prefilters) if mask >> k & 1}


class FirstWords:
    """One pattern's necessary condition in words: every match holds a word of each group of
    one of its prefilter's conjunctions, so where no conjunction has all its groups in the
    lower-cased text, the pattern cannot match. A few substring searches instead of a scan;
    checked from the :data:`PATIENCE`-th text on.

    All groups, not only the first (most selective) one: a pattern's first group may be a
    word most rationales hold ("treatment" for "this treatment was already authorized"), and
    then only the others rule the rationale out before the pattern is run through it.
    """

    def __init__(self, prefilter: Prefilter) -> None:
        self._prefilter = prefilter
        self._needs: tuple[tuple[tuple[str, ...], ...], ...] | None = None
        self._waiting = PATIENCE

    def may_match(self, low: str, start: int, end: int) -> bool:
        """False when the pattern cannot match in ``[start, end)`` of a text whose
        :func:`~llm_extract.text.prefilter.lowered` form is ``low`` (the same offsets:
        lowering keeps each character's place)."""
        if self._waiting:
            self._waiting -= 1
            return True
        needs = self._needs
        if needs is None:
            needs = self._needs = self._derive()
        # Each word is looked for once, and only while a conjunction may still hold.
        found: dict[str, bool] = {}
        for conjunction in needs:
            for group in conjunction:
                for word in group:
                    hit = found.get(word)
                    if hit is None:
                        hit = found[word] = low.find(word, start, end) >= 0
                    if hit:
                        break
                else:
                    break  # no word of this group: not this conjunction
            else:
                return True
        return False

    def _derive(self) -> tuple[tuple[tuple[str, ...], ...], ...]:
        """The conjunctions' groups of words (the most selective group first), each once."""
        alternatives = self._prefilter.alternatives
        # A word may be marked with a space where it stands at a word boundary: its core occurs in any case.
        conjunctions = (
            tuple(tuple(sorted({word.strip() for word in group})) for group in conjunction)
            for conjunction in alternatives
        )
        return tuple(dict.fromkeys(conjunctions))  # a conjunction of no groups holds in any text


class Windowed:
    """One pattern's matches in a window of a text, tried only where one of the words its
    matches begin with begins (:meth:`~llm_extract.text.prefilter.Prefilter.finditer` with
    the window's start and end) instead of at every character: a rationale is searched by a
    dozen patterns.

    The matches are the pattern's own in ``text`` with ``pos``/``endpos``: the prefilter reads
    the whole text's lowered form, so ``\\b`` and look-behinds see the characters before the
    window as ``re`` does. From the :data:`PATIENCE`-th window on, like the screens: deriving
    the first words parses the pattern.
    """

    def __init__(self, pattern: re.Pattern[str], prefilter: Prefilter | None = None) -> None:
        """``prefilter``: the pattern's own, when a screen has one already (derived once)."""
        self.pattern = pattern
        self._prefilter = Prefilter(pattern) if prefilter is None else prefilter
        self._waiting = PATIENCE

    def finditer(self, text: str, start: int, end: int, low: str) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text, start, end)``, given ``low``: the whole ``text`` lowered
        (:func:`~llm_extract.text.prefilter.lowered`)."""
        if self._waiting:
            self._waiting -= 1
            return self.pattern.finditer(text, start, end)
        return self._prefilter.finditer(text, low, start, end)

    def search(self, text: str, start: int, end: int, low: str) -> re.Match[str] | None:
        """``pattern.search(text, start, end)`` (see :meth:`finditer`)."""
        if self._waiting:
            self._waiting -= 1
            return self.pattern.search(text, start, end)
        return self._prefilter.search(text, low, start, end)

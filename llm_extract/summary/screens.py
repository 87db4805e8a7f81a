"""Patterns run only on texts holding the words their matches need.

The summary's finders run long case-insensitive patterns (kinds of care, what the records
lacked, Spanish service names) over rationales and service names; Python's ``re`` scans
every character for each of them. :class:`~llm_extract.text.prefilter.Screen` reads a
text's words once and says which patterns may match there, from words derived from the
patterns themselves.
"""

from __future__ import annotations

from collections.abc import Iterable

from llm_extract.text.prefilter import Prefilter, Screen

__all__ = ["Screened"]


class Screened:
    """A :class:`~llm_extract.text.prefilter.Screen` of some prefilters that never leaves out
    one whose pattern needs no word (a conjunction of no groups): a screen tests a word bit,
    and a text holding none of its words has none set."""

    def __init__(self, prefilters: Iterable[Prefilter]) -> None:
        self._prefilters = tuple(prefilters)
        self._screen = Screen(self._prefilters)
        self._always: frozenset[Prefilter] | None = None

    def admitted(self, text: str) -> set[Prefilter]:
        """The prefilters whose patterns may match in ``text`` (the others cannot)."""
        if self._always is None:
            self._always = frozenset(p for p in self._prefilters if not all(p.alternatives))
        may = self._screen.admitted(text)
        return may | self._always if self._always else may

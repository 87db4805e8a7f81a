"""Cheap necessary conditions for regular expressions: the words every match contains.

Running a few dozen case-insensitive patterns over every sentence of a rationale costs
~90 ns per character per pattern (Python's ``re`` has no fast scan for a pattern that
starts with ``\\b`` or a case-insensitive letter). Most sentences cannot match most
patterns, and a substring test (``"lack" in sentence``) says so a hundred times
faster. :class:`Prefilter` derives those words from the pattern itself, so there is
one copy of every rule: nothing to keep in sync by hand.

The derivation is sound by construction: it only reads literal text that every match
must consume and treats anything it does not understand as "no requirement". A
pattern with no usable words (or a Python whose parser it cannot read) is simply
always run, so a prefilter can make matching faster but never change what matches.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from typing import Any

__all__ = ["Prefilter", "lowered"]

#: Words shorter than this occur in nearly every sentence: testing them costs more than it saves.
_MIN_WORD = 2

#: Non-ASCII characters that a case-insensitive ``re`` literal treats as an ASCII letter, and
#: which ``str.lower`` would not map to that letter one for one ("İ" lowers to two characters).
_ASCII_CASE = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})

try:  # the stdlib's own regex parser: private, so its absence only switches prefiltering off
    _PARSER: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - every supported Python has it
    _PARSER = None

_Clauses = tuple[tuple[str, ...], ...]


def lowered(text: str) -> str:
    """``text`` as the prefilter reads it: lower case, every letter a pattern's literal can match kept in place."""
    return text.lower() if text.isascii() else text.translate(_ASCII_CASE).lower()


class Prefilter:
    """A compiled pattern and the words (in groups) every match of it contains.

    A match contains at least one word of every group, so a text lacking all words of
    one group cannot match. The groups are derived on first use, so a process that
    never runs the pattern never pays for parsing it again.
    """

    __slots__ = ("_groups", "pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._groups: _Clauses | None = None

    @property
    def groups(self) -> _Clauses:
        """Lower-case ASCII words: every match contains one word of each group."""
        if self._groups is None:
            self._groups = _required(self.pattern)
        return self._groups

    def admits(self, low: str) -> bool:
        """False only when no match is possible in the text whose :func:`lowered` form is ``low``."""
        for group in self._groups if self._groups is not None else self.groups:
            for word in group:
                if word in low:
                    break
            else:
                return False
        return True

    def search(self, text: str, low: str) -> re.Match[str] | None:
        """``pattern.search(text)``, skipped when ``low`` (``lowered(text)``) rules a match out."""
        return self.pattern.search(text) if self.admits(low) else None

    def finditer(self, text: str, low: str) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)``, skipped when ``low`` (``lowered(text)``) rules a match out."""
        return self.pattern.finditer(text) if self.admits(low) else iter(())


def _required(pattern: re.Pattern[str]) -> _Clauses:
    """The word groups of ``pattern``, most selective first, without redundant words."""
    if _PARSER is None:  # pragma: no cover
        return ()
    clauses = {_minimal(c) for c in _sequence(_PARSER.parse(pattern.pattern, pattern.flags))}
    usable = [c for c in clauses if min(map(len, c)) >= _MIN_WORD]
    return tuple(sorted(usable, key=lambda c: (-min(map(len, c)), c)))


def _minimal(words: frozenset[str]) -> tuple[str, ...]:
    """The words not containing another word of the group (a text with "notes" has "not")."""
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))


def _sequence(items: Any) -> list[frozenset[str]]:
    """Groups a match of the sequence ``items`` (a parsed subpattern) must satisfy, all of them.

    Adjacent literals form one word; a group, a repeat of at least once and an
    alternation pass on their own requirements; anything else (classes, ``\\b``,
    lookarounds, optional parts) requires nothing and ends the current word.
    """
    clauses: list[frozenset[str]] = []
    word: list[str] = []

    def end_word() -> None:
        if word:
            clauses.append(frozenset({"".join(word)}))
            word.clear()

    for op, arg in items:
        name = str(op)
        if name == "LITERAL" and arg < 128:
            word.append(chr(arg).lower())
            continue
        end_word()
        if name == "SUBPATTERN":
            clauses.extend(_sequence(arg[-1]))
        elif name == "ATOMIC_GROUP":
            clauses.extend(_sequence(arg))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and arg[0] >= 1:
            clauses.extend(_sequence(arg[2]))
        elif name == "BRANCH":
            best = [_most_selective(_sequence(alternative)) for alternative in arg[1]]
            if all(best):
                clauses.append(frozenset().union(*best))
    end_word()
    return clauses


def _most_selective(clauses: list[frozenset[str]]) -> frozenset[str]:
    """The group whose shortest word is longest (empty when there is no group)."""
    return max(clauses, key=lambda c: min(map(len, c)), default=frozenset())

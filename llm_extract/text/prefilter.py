"""Cheap necessary conditions for regular expressions: the words every match contains.

Running a few dozen case-insensitive patterns over every sentence of a rationale costs
~80 ns per character per pattern (Python's ``re`` has no fast scan for a pattern that
starts with ``\\b`` or a case-insensitive letter), although most sentences cannot match
most patterns. A :class:`Screen` reads a sentence's words once and says which of its
patterns may match there; only those are run. The words are derived from each
pattern itself, so there is one copy of every rule and nothing to keep in sync.

The derivation is sound by construction: it only reads literal text that every match
must consume and treats anything it does not understand as "no requirement". A
pattern with no usable words (or a Python whose parser it cannot read) is simply
always run, so screening makes matching faster but never changes what matches.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial, reduce
from operator import or_
from typing import Any

__all__ = ["Prefilter", "Screen", "lowered"]

#: Words shorter than this occur in nearly every sentence: they would only cost time.
_MIN_WORD = 2

#: At most this many groups are kept per alternative, the most selective ones.
_MAX_GROUPS = 4

#: Alternatives are expanded (``(A|B)C`` into ``AC``, ``BC``) up to this many; beyond it
#: an alternation's words are merged into groups that any of its branches satisfies.
_MAX_ALTERNATIVES = 16

#: Words remembered per screen before the memory is dropped (hostile text has endless new words).
_MAX_MEMO = 50_000

try:  # the stdlib's own regex parser: private, so its absence only switches screening off
    _PARSER: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - every supported Python has it
    _PARSER = None

_Group = frozenset[str]
_Conjunction = list[_Group]


def lowered(text: str) -> str:
    """``text`` as the screen reads it: lower case, every letter a pattern's literal can match kept in place.

    ``str.lower`` maps each character to its lower case one for one, except U+0130 (to "i"
    and a combining dot); U+0131 and U+017F have no ASCII lower case although a
    case-insensitive ``i`` or ``s`` matches them. Those three are put right.
    """
    low = text.lower()
    if low.isascii():
        return low
    return low.replace("i\u0307", "i").replace("\u0131", "i").replace("\u017f", "s")


class Prefilter:
    """A compiled pattern and, derived on first use, the words its matches contain.

    ``alternatives`` is a list of conjunctions: every match satisfies at least one of
    them, that is, contains a word of each of its groups (lower-case ASCII, no
    whitespace). A case-sensitive pattern's words are lowered too, which only makes
    them match more often. Identity is the object, so a prefilter is a cheap set member.
    """

    __slots__ = ("_alternatives", "pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._alternatives: list[_Conjunction] | None = None

    @property
    def alternatives(self) -> list[_Conjunction]:
        if self._alternatives is None:
            self._alternatives = _required(self.pattern)
        return self._alternatives


class Screen:
    """Several prefilters, screened together: one pass over a text's words for all of them.

    Each distinct word of the prefilters gets one bit; a text's words (``str.split``
    tokens, remembered with the bits of the words inside them) give the bits present,
    and a prefilter passes when one of its conjunctions has a word of every group.

    A token also remembers the conjunctions its words start (those with one of its words
    in their first, most selective group), so a text costs one OR per token and a full
    check only for the few conjunctions it starts, not one per prefilter.
    """

    def __init__(self, prefilters: Sequence[Prefilter]) -> None:
        self._prefilters = tuple(prefilters)
        self._index = {p: i for i, p in enumerate(self._prefilters)}
        self._table: _Table | None = None
        self._memo = _TokenBits()

    def bit(self, prefilter: Prefilter) -> int:
        """The bit that stands for ``prefilter`` in :meth:`mask`."""
        return 1 << self._index[prefilter]

    def mask(self, text: str) -> int:
        """The bits (:meth:`bit`) of the prefilters whose patterns may match in ``text``."""
        table = self._table if self._table is not None else self._build()
        found = reduce(or_, map(self._memo.__getitem__, lowered(text).split()), 0)
        admitted = table.always
        started = found & table.started
        if started:
            present = found >> table.shift
            checks = table.checks
            while started:
                low = started & -started
                prefilter, siblings, words, groups = checks[low.bit_length() - 1]
                started ^= low
                if present & words == words:
                    for group in groups:
                        if not present & group:
                            break
                    else:
                        admitted |= prefilter
                        started &= ~siblings  # admitted: its other conjunctions need no check
        return admitted

    def admitted(self, text: str) -> set[Prefilter]:
        """The prefilters whose patterns may match in ``text`` (the others cannot)."""
        mask = self.mask(text)
        return {p for i, p in enumerate(self._prefilters) if mask >> i & 1}

    def _build(self) -> _Table:
        bits: dict[str, int] = {}
        always = 0
        owners: list[int] = []  # per conjunction: the bit of its prefilter
        conjunctions: list[tuple[int, ...]] = []
        for i, p in enumerate(self._prefilters):
            mine = _weakest(
                [tuple(reduce(or_, map(partial(_bit, bits), group), 0) for group in c) for c in p.alternatives]
            )
            if not all(mine):  # an alternative with no group: the pattern always runs
                always |= 1 << i
                continue
            owners += [1 << i] * len(mine)
            conjunctions += mine
        siblings: dict[int, int] = {}
        for k, owner in enumerate(owners):
            siblings[owner] = siblings.get(owner, 0) | 1 << k
        checks = []
        starts: dict[int, int] = {}  # word bit -> the conjunctions whose first group holds it
        for k, (owner, groups) in enumerate(zip(owners, conjunctions, strict=True)):
            single = [g for g in groups if g & (g - 1) == 0]  # one word: tested together
            checks.append((owner, siblings[owner], reduce(or_, single, 0), tuple(g for g in groups if g not in single)))
            for word_bit in _bits_of(groups[0]):
                starts[word_bit] = starts.get(word_bit, 0) | 1 << k
        shift = len(conjunctions)
        by_pair: dict[str, list[tuple[str, int]]] = {}
        self._memo.by_pair = by_pair
        for word, word_bit in bits.items():
            by_pair.setdefault(word[:2], []).append((word, word_bit << shift | starts.get(word_bit, 0)))
        self._table = _Table(tuple(checks), (1 << shift) - 1, shift, always)
        return self._table


@dataclass(frozen=True)
class _Table:
    checks: tuple[tuple[int, int, int, tuple[int, ...]], ...]
    """Per conjunction: its prefilter's bit, the bits of that prefilter's conjunctions,
    the words it needs all of, and the groups of several words it needs one of each."""
    started: int
    """All conjunction bits (a token's value holds those it starts below ``shift``)."""
    shift: int
    """Where a token's word bits begin."""
    always: int
    """The prefilters that always run (an alternative needs no word)."""


def _bit(bits: dict[str, int], word: str) -> int:
    """The bit of ``word``, assigned on first sight."""
    if word not in bits:
        bits[word] = 1 << len(bits)
    return bits[word]


def _weakest(conjunctions: list[tuple[int, ...]]) -> list[tuple[int, ...]]:
    """The conjunctions, in order, without repeats and those that imply another (a superset of its groups).

    Alternatives merged from one alternation often come out alike or nested; the
    disjunction is the same with each tested once and the weakest only.
    """
    sets = [frozenset(c) for c in conjunctions]
    return [
        c
        for i, c in enumerate(conjunctions)
        if not any(other < sets[i] or (other == sets[i] and j < i) for j, other in enumerate(sets))
    ]


def _bits_of(group: int) -> list[int]:
    """The single bits of the set ``group``."""
    out = []
    while group:
        low = group & -group
        out.append(low)
        group ^= low
    return out


class _TokenBits(dict[str, int]):
    """Token -> what its words give the screen (word bits above the conjunctions they start), on first sight."""

    by_pair: dict[str, list[tuple[str, int]]]
    """The screen's words with their values, by their first two characters (set when the screen is built)."""

    def __missing__(self, token: str) -> int:
        found = 0
        by_pair = self.by_pair
        for i in range(len(token) - 1):
            for word, value in by_pair.get(token[i : i + 2], ()):
                if token.startswith(word, i):
                    found |= value
        if len(self) >= _MAX_MEMO:
            self.clear()
        self[token] = found
        return found


# --- derivation -------------------------------------------------------------------------


def _required(pattern: re.Pattern[str]) -> list[_Conjunction]:
    """The conjunctions of ``pattern``, each cut to its most selective usable groups."""
    if _PARSER is None:  # pragma: no cover
        return [[]]
    out = []
    for conjunction in _dnf(_PARSER.parse(pattern.pattern, pattern.flags)):
        groups = {_minimal(g) for g in conjunction if min(map(len, g)) >= _MIN_WORD}
        out.append(sorted(groups, key=_selectivity, reverse=True)[:_MAX_GROUPS])
    return out


def _dnf(items: Any) -> list[_Conjunction]:
    """Conjunctions, one of which every match of the sequence ``items`` (a parsed subpattern) satisfies.

    Adjacent literals form one word; a group, a repeat of at least once and an
    alternation pass on their own requirements; anything else (classes, ``\\b``,
    lookarounds, optional parts) requires nothing and ends the current word.
    """
    result: list[_Conjunction] = [[]]
    word: list[str] = []

    def then(part: list[_Conjunction]) -> None:
        nonlocal result
        if len(result) * len(part) > _MAX_ALTERNATIVES:
            part = [_merged(part)]
        result = [a + b for a in result for b in part]

    def end_word() -> None:
        if word:
            then([[frozenset({"".join(word)})]])
            word.clear()

    for op, arg in items:
        name = str(op)
        if name == "LITERAL" and arg < 128 and not chr(arg).isspace():
            word.append(chr(arg).lower())
            continue
        end_word()
        if name == "SUBPATTERN":
            then(_dnf(arg[-1]))
        elif name == "ATOMIC_GROUP":
            then(_dnf(arg))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and arg[0] >= 1:
            then(_dnf(arg[2]))
        elif name == "BRANCH":
            then(_alternation([_dnf(alternative) for alternative in arg[1]]))
    end_word()
    return result


def _alternation(branches: list[list[_Conjunction]]) -> list[_Conjunction]:
    """The conjunctions of ``A|B|...``: all of the branches', or one per branch when too many."""
    expanded = [c for branch in branches for c in branch]
    if len(expanded) <= _MAX_ALTERNATIVES:
        return expanded
    return [_merged(branch) for branch in branches]


def _merged(alternatives: list[_Conjunction]) -> _Conjunction:
    """One conjunction every alternative satisfies: each group of each alternative, joined
    with its counterpart in every other alternative.

    Any choice of counterparts is sound. The counterpart is the group sharing the most
    words, else the one at the nearest position: alternatives expanded from one
    sequence (``(no|lack of) X (a|b)``) keep their groups in pattern order.
    """
    if not all(alternatives):
        return []
    merged: dict[_Group, None] = {}
    for alternative in alternatives:
        for i, group in enumerate(alternative):
            joined = set(group)
            for other in alternatives:
                j = max(range(len(other)), key=lambda j: (len(other[j] & group), -abs(j - i)))
                joined |= other[j]
            merged[frozenset(joined)] = None
    return list(merged)


def _minimal(words: _Group) -> _Group:
    """The words not containing another word of the group (a text with "notes" has "not")."""
    return frozenset(w for w in words if not any(o != w and o in w for o in words))


def _selectivity(group: _Group) -> tuple[int, int, list[str]]:
    """Longer words are rarer; fewer words are cheaper to look for (then a fixed order)."""
    return min(map(len, group)), -len(group), sorted(group)

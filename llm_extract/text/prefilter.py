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
always run, so screening makes matching faster but never changes what matches. Words
that the pattern puts at a word boundary (``\\bno\\s``) must stand at one in the text
too ("no" is inside "know"; " no " is not).

The screen works in bits: a word per bit, and per token (remembered) the groups of
conjunctions it satisfies, laid out so that a text costs one OR per token and a few
shifts and ANDs for all conjunctions at once. A caller can ask about the few patterns it needs
now (:meth:`Screen.passing`) and about others later from the same words.

A pattern that begins with ``\\b`` and a case-insensitive word makes ``re`` try every
character; :meth:`Prefilter.finditer` tries only where one of the words every match
begins with (derived the same way) begins in the lowered text, with the same matches.
"""

from __future__ import annotations

import hashlib
import importlib
import re
from collections.abc import Iterator, Mapping, Sequence
from functools import partial, reduce
from operator import or_
from typing import Any

from llm_extract.text import rxcache

__all__ = ["Derived", "Prefilter", "Screen", "lowered", "table_source"]

#: Words shorter than this occur in nearly every sentence: they would only cost time.
_MIN_WORD = 2

#: At most this many groups are kept per alternative, the most selective ones.
_MAX_GROUPS = 4

#: Alternatives are expanded (``(A|B)C`` into ``AC``, ``BC``) up to this many; beyond it
#: an alternation's words are merged into groups that any of its branches satisfies.
_MAX_ALTERNATIVES = 32

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
    """A compiled pattern and, derived on first use, the words its matches contain and start with.

    ``alternatives`` is a list of conjunctions: every match satisfies at least one of
    them, that is, contains a word of each of its groups (lower-case ASCII, no
    whitespace). A case-sensitive pattern's words are lowered too, which only makes
    them match more often. Identity is the object, so a prefilter is a cheap set member.

    ``starts`` are words (lower-case ASCII) one of which every match begins with, or
    None when the pattern gives no such words: :meth:`finditer` then tries the pattern
    only where one begins instead of at every character.

    ``branches``: for a pattern that is an alternation (``\\b(?:A...|B...)``), each
    branch's own ``alternatives`` and ``starts`` (else empty). A text without a branch's
    words has no match through that branch, so :meth:`Screen.finditer` looks only for
    the first words of the branches it has.
    """

    __slots__ = (
        "_alternatives",
        "_branch_firsts",
        "_branches",
        "_compiled",
        "_firsts",
        "_known",
        "_starts",
        "_tree",
        "flags",
        "source",
    )

    def __init__(
        self, pattern: re.Pattern[str] | str, table: Mapping[str, Derived] | None = None, flags: int = 0
    ) -> None:
        """``pattern`` compiled, or its text (and ``flags``) to compile when it first runs.

        ``table``: derivations made beforehand (see :func:`table_source`), looked up by
        :attr:`fingerprint`; a pattern missing there (or changed since) is derived on first use.
        """
        if isinstance(pattern, str):
            self.source, self.flags, self._compiled = pattern, flags, None
        else:
            self.source, self.flags, self._compiled = pattern.pattern, pattern.flags, pattern
        self._known = table.get(self.fingerprint) if table else None
        self._alternatives: list[_Conjunction] | None = None
        self._starts: tuple[str, ...] | bool | None = False
        self._branches: tuple[_Branch, ...] | None = None
        self._firsts: tuple[tuple[str, bool], ...] | None = None
        self._branch_firsts: dict[int, tuple[tuple[str, bool], ...] | None] = {}
        self._tree: Any = None

    @property
    def pattern(self) -> re.Pattern[str]:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = rxcache.compile(self.source, self.flags)
        return compiled

    @property
    def fingerprint(self) -> str:
        """The key of the pattern (its text and flags) in a table of derivations: the table
        holds no copy of the pattern, and a changed pattern no longer finds its old entry."""
        return hashlib.blake2b(f"{int(self.flags)}:{self.source}".encode(), digest_size=12).hexdigest()

    @property
    def alternatives(self) -> list[_Conjunction]:
        if self._alternatives is None:
            if self._known is not None:
                self._alternatives = _conjunctions(self._known[0])
            else:
                self._alternatives = _required(self._parsed())
        return self._alternatives

    @property
    def starts(self) -> tuple[str, ...] | None:
        if self._starts is False:
            self._starts = self._known[1] if self._known is not None else _starting(self._parsed(), self._multiline())
        return self._starts  # type: ignore[return-value]

    @property
    def branches(self) -> tuple[_Branch, ...]:
        if self._branches is None:
            if self._known is not None:
                self._branches = tuple((_conjunctions(a), starts) for a, starts in self._known[2])
            else:
                self._branches = _branches(self._parsed(), self._multiline())
        return self._branches

    def derived(self) -> Derived:
        """The derivation of the pattern, made now (what a table made beforehand holds)."""
        tree, multiline = self._parsed(), self._multiline()
        return (
            _sorted_groups(_required(tree)),
            _starting(tree, multiline),
            tuple((_sorted_groups(a), starts) for a, starts in _branches(tree, multiline)),
        )

    def _parsed(self) -> list[Any]:
        """The parsed pattern (``re``'s own parser), read once for all derivations."""
        if self._tree is None:
            self._tree = _PARSER.parse(self.source, self.flags) if _PARSER is not None else []
        return list(self._tree)

    def _multiline(self) -> bool:
        """``^`` matches after every line break (the flag given or set inside the pattern)."""
        self._parsed()
        return bool(getattr(getattr(self._tree, "state", None), "flags", 0) & re.MULTILINE)

    def finditer(self, text: str, low: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text, start, end)``, given ``low = lowered(text)``.

        ``re`` cannot skip ahead to where a case-insensitive pattern that starts with
        ``\\b`` may match, so it tries every character; ``str.find`` on the lowered text
        finds the few places where one of the pattern's first words begins, and only
        those are tried. The matches are the same: every match begins at such a place
        (lowering keeps offsets when it keeps the length), the earliest place that
        matches is the leftmost match, and the next is looked for after it. (``\\b`` and
        look-behinds see the text before ``start``, as ``re`` does.)
        """
        if end is None:
            end = len(text)
        firsts = self._firsts
        if firsts is None:
            firsts = self._firsts = _places_of(self.starts)
        if not firsts or len(low) != len(text):
            return self.pattern.finditer(text, start, end)
        return self._tried(text, low, start, end, firsts)

    def _tried(
        self, text: str, low: str, start: int, end: int, firsts: tuple[tuple[str, bool], ...]
    ) -> Iterator[re.Match[str]]:
        """The matches of the pattern tried where one of ``firsts`` begins (see :meth:`finditer`)."""
        match = (self._compiled or self.pattern).match
        places: list[int] = []
        find = low.find
        for core, bounded in firsts:
            if core == _AT_START:
                if start == 0:  # ``^`` (not multiline) matches only where the text begins
                    places.append(0)
                continue
            # A word marked on the left follows \\b: it cannot begin right after a word character.
            i = find(core, start, end)
            while i >= 0:
                if not (bounded and i and ((c := low[i - 1]).isalnum() or c == "_")):
                    places.append(i)
                i = find(core, i + 1, end)
        if len(firsts) > 1:
            places.sort()
        pos = start
        for i in places:
            if i >= pos:
                m = match(text, i, end)
                if m is not None:
                    yield m
                    pos = m.end()

    def search(self, text: str, low: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        """``pattern.search(text, start, end)``, given ``low = lowered(text)`` (see :meth:`finditer`).

        The places are visited in order and the search stops at the first match: a long
        text (a whole letter) is read only up to it.
        """
        if end is None:
            end = len(text)
        firsts = self._firsts
        if firsts is None:
            firsts = self._firsts = _places_of(self.starts)
        pattern = self._compiled or self.pattern
        if not firsts or len(low) != len(text):
            return pattern.search(text, start, end)
        match, find = pattern.match, low.find
        if len(firsts) == 1:
            core, bounded = firsts[0]
            if core == _AT_START:
                return match(text, 0, end) if start == 0 else None
            i = find(core, start, end)
            while i >= 0:
                if (
                    not (bounded and i and ((c := low[i - 1]).isalnum() or c == "_"))
                    and (m := match(text, i, end)) is not None
                ):
                    return m
                i = find(core, i + 1, end)
            return None
        # the next place of each first word (``end`` when there is none); the nearest is tried
        nexts = [_next_place(low, core, bounded, start, end) for core, bounded in firsts]
        while (at := min(nexts)) < end:
            if (m := match(text, at, end)) is not None:
                return m
            for k, i in enumerate(nexts):
                if i == at:
                    nexts[k] = _next_place(low, *firsts[k], at + 1, end)
        return None

    def firsts_of(self, admitted: int) -> tuple[tuple[str, bool], ...] | None:
        """The first places (see :func:`_places_of`) of the branches ``admitted`` (bits, in the
        order of :attr:`branches`); None when one of them has no first words."""
        found = self._branch_firsts.get(admitted, False)
        if found is False:
            branches = self.branches
            words: set[str] = set()
            for k, (_, starts) in enumerate(branches):
                if admitted >> k & 1:
                    if starts is None:
                        words.clear()
                        break
                    words.update(starts)
            else:
                found = _places_of(_pruned(words)) if words else ()
            if found is False:
                found = None
            self._branch_firsts[admitted] = found  # at most 2**len(branches) sets, few in practice
        return found  # type: ignore[return-value]


_Sorted = tuple[tuple[tuple[str, ...], ...], ...]
#: A pattern's derivation made beforehand: its ``alternatives`` (groups as sorted tuples), ``starts``
#: and ``branches`` (each branch's alternatives and starts).
Derived = tuple[_Sorted, tuple[str, ...] | None, tuple[tuple[_Sorted, tuple[str, ...] | None], ...]]

#: A branch of an alternation: its conjunctions and first words.
_Branch = tuple[list["_Conjunction"], tuple[str, ...] | None]


def _conjunctions(groups: _Sorted) -> list[_Conjunction]:
    return [[frozenset(group) for group in c] for c in groups]


def _sorted_groups(conjunctions: list[_Conjunction]) -> _Sorted:
    return tuple(tuple(tuple(sorted(group)) for group in c) for c in conjunctions)


def _next_place(low: str, core: str, bounded: bool, start: int, end: int) -> int:
    """Where ``core`` next begins in ``low[start:end]`` (after no word character when
    ``bounded``; ``^``: only at 0), or ``end``."""
    if core == _AT_START:
        return 0 if start == 0 < end else end
    i = low.find(core, start, end)
    while i > 0 and bounded and _is_word(low[i - 1]):
        i = low.find(core, i + 1, end)
    return end if i < 0 else i


def _places_of(starts: tuple[str, ...] | None) -> tuple[tuple[str, bool], ...]:
    """First words as (word, follows \\b), for ``str.find``."""
    return tuple((w.lstrip(" "), w[0] == " ") for w in starts) if starts else ()


def table_source(prefilters: Sequence[Prefilter], doc: str) -> str:
    """The text of a Python module holding the derivations of ``prefilters`` as ``TABLE``.

    Deriving every pattern costs tens of milliseconds in a fresh process (it parses
    each one); a module written by this is read in well under one.
    """
    lines = [f'"""{doc}"""', "", "from llm_extract.text.prefilter import Derived", "", "TABLE: dict[str, Derived] = {"]
    for p in prefilters:
        lines.append(f"    {p.fingerprint!r}: {p.derived()!r},")
    lines.append("}")
    return "\n".join(lines) + "\n"


class Screen:
    """Several prefilters, screened together: one pass over a text's words for all of them.

    Each distinct word of the prefilters gets one bit; a text's words (``str.split``
    tokens, remembered with the bits of the words inside them) give the bits present,
    and a prefilter passes when one of its conjunctions has a word of every group.

    The groups are tested all at once, not conjunction by conjunction: a token also
    remembers, per place ``j`` of a conjunction's groups (a *slot*), the conjunctions
    whose ``j``-th group holds one of its words, each slot a row of one bit per
    conjunction. OR-ing a text's tokens gives, per slot, the conjunctions whose group
    there the text satisfies; a conjunction with fewer groups has its empty slots set
    beforehand. The AND of the rows is then the conjunctions the text satisfies: a text
    costs one OR per token and a few shifts, however many conjunctions its words touch.
    """

    def __init__(self, prefilters: Sequence[Prefilter]) -> None:
        self._prefilters = tuple(prefilters)
        self._index = {p: i for i, p in enumerate(self._prefilters)}
        self._table: _Table | None = None

    def bit(self, prefilter: Prefilter) -> int:
        """The bit that stands for ``prefilter`` in :meth:`mask`."""
        return 1 << self._index[prefilter]

    def mask(self, text: str) -> int:
        """The bits (:meth:`bit`) of the prefilters whose patterns may match in ``text``."""
        return self.passing(self.words(lowered(text)), -1)

    def words(self, low: str) -> int:
        """What the words of a text give the screen, for :meth:`passing` (``low = lowered(text)``)."""
        table = self._table if self._table is not None else self._build()
        return reduce(or_, map(table.memo.__getitem__, low.split()), 0)

    def passing(self, words: int, among: int) -> int:
        """The bits of the prefilters in ``among`` (bits, -1: all) whose patterns may match in the text.

        Only the prefilters asked about are reported, so a caller can screen what it
        needs now and ask about the rest later with the same ``words``.
        """
        table = self._table if self._table is not None else self._build()
        admitted = table.always & among
        met = table.met(words) & (table.every if among == -1 else table.conjunctions_of(among))
        owners, siblings = table.owners, table.siblings
        while met:
            owner = owners[(met & -met).bit_length() - 1]
            admitted |= owner
            met &= ~siblings[owner]  # admitted: its other conjunctions need no reading
        return admitted

    def passes(self, words: int, bit: int) -> bool:
        """:meth:`passing` for one prefilter (its ``bit``)."""
        table = self._table if self._table is not None else self._build()
        return bool(table.always & bit) or bool(table.met(words) & table.siblings.get(bit, 0))

    def finditer(self, prefilter: Prefilter, text: str, low: str, words: int) -> Iterator[re.Match[str]]:
        """``prefilter.finditer(text, low)``, given what the words of ``text`` give the screen
        (``words``, see :meth:`words`).

        Of a pattern that is an alternation, only the first words of the branches whose
        words the text has are looked for: a match through another branch would have
        brought that branch's words. The matches are the same (a place where only such a
        branch could begin a match has none)."""
        table = self._table if self._table is not None else self._build()
        checks = table.branches.get(prefilter)
        if checks is None:  # made on first use: a letter needs few of them
            checks = table.branches[prefilter] = _branch_checks(prefilter, table.bits)
        if not checks or len(low) != len(text):
            return prefilter.finditer(text, low)
        present = words >> table.shift
        admitted = 0
        for k, conjunctions in enumerate(checks):
            for needed, groups in conjunctions:
                if present & needed == needed:
                    for group in groups:
                        if not present & group:
                            break
                    else:
                        admitted |= 1 << k
                        break
        firsts = prefilter.firsts_of(admitted)
        if firsts is None:
            return prefilter.pattern.finditer(text)
        return prefilter._tried(text, low, 0, len(text), firsts)

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
        width = len(conjunctions)
        # A power of two, so that :meth:`_Table.met` ANDs the slots by halving (the extra slots are given).
        slots = 1 << (max(map(len, conjunctions), default=1) - 1).bit_length()
        given = 0  # the empty slots of conjunctions with fewer groups: satisfied by any text
        of_word: dict[int, int] = {}  # word bit -> the slot bits of the groups that hold it
        for k, groups in enumerate(conjunctions):
            for j in range(slots):
                if j < len(groups):
                    for word_bit in _bits_of(groups[j]):
                        of_word[word_bit] = of_word.get(word_bit, 0) | 1 << (j * width + k)
                else:
                    given |= 1 << (j * width + k)
        shift = slots * width
        memo = _TokenBits()
        for word, word_bit in bits.items():
            core = word.strip()
            memo.by_pair.setdefault(core[:2], []).append(
                (core, word[0] == " ", word[-1] == " ", word_bit << shift | of_word.get(word_bit, 0))
            )
        if self._table is None:  # two threads may build at once: every caller then reads the first table
            self._table = _Table(tuple(owners), width, slots, given, always, siblings, memo, bits)
        return self._table


class _Table:
    """What a screen reads texts with, made on first use (a plain class: cheap to define at import)."""

    __slots__ = (
        "_subsets",
        "always",
        "bits",
        "branches",
        "every",
        "folds",
        "given",
        "memo",
        "owners",
        "shift",
        "siblings",
        "width",
    )

    def __init__(
        self,
        owners: tuple[int, ...],
        width: int,
        slots: int,
        given: int,
        always: int,
        siblings: dict[int, int],
        memo: _TokenBits,
        bits: dict[str, int],
    ) -> None:
        self.owners = owners
        """Per conjunction: its prefilter's bit."""
        self.width = width
        """How many conjunctions there are: the bits of one slot."""
        self.folds = tuple(width * (slots >> k) for k in range(1, slots.bit_length()))
        """The shifts that AND the upper half of the slots left onto the lower, until one is left."""
        self.given = given
        """The slot bits that any text satisfies (slots past a conjunction's last group)."""
        self.every = (1 << width) - 1
        """All conjunction bits."""
        self.shift = slots * width
        """Where a token's word bits begin (below them: its slot bits)."""
        self.always = always
        """The prefilters that always run (an alternative needs no word)."""
        self.siblings = siblings
        """Prefilter bit -> the bits of its conjunctions."""
        self.memo = memo
        """Token -> what its words give the screen."""
        self.bits = bits
        """Word -> its bit (above the token's slot bits, see ``shift``)."""
        self.branches: dict[Prefilter, _BranchChecks] = {}
        """Prefilter -> per branch of its alternation, per conjunction: the words it needs
        all of and the groups of several words it needs one of each."""
        self._subsets: dict[int, int] = {}

    def met(self, words: int) -> int:
        """The conjunctions (bits) whose every group has a word among ``words``: the AND of the
        slots, by halves (bits past the slots only reach bits the next halving does not read)."""
        met = words | self.given
        for fold in self.folds:
            met &= met >> fold
        return met & self.every

    def conjunctions_of(self, among: int) -> int:
        """The bits of the conjunctions of the prefilters ``among`` (remembered for a few sets)."""
        found = self._subsets.get(among)
        if found is None:
            if len(self._subsets) >= 64:  # callers ask about a few fixed sets; stay bounded anyway
                self._subsets.clear()
            found = self._subsets[among] = reduce(or_, (c for p, c in self.siblings.items() if p & among), 0)
        return found


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


_BranchChecks = tuple[tuple[tuple[int, tuple[int, ...]], ...], ...]


def _branch_checks(prefilter: Prefilter, bits: Mapping[str, int]) -> _BranchChecks:
    """Per branch of the prefilter's alternation (none if it is not one), per conjunction: the
    words it needs all of and its groups of several words, as bits. A group with a word the
    screen does not read is left out (it would need nothing the screen can check)."""
    branches = prefilter.branches
    if len(branches) < 2:
        return ()
    return tuple(
        tuple(
            _split([reduce(or_, (bits[w] for w in group), 0) for group in c if all(w in bits for w in group)])
            for c in alternatives
        )
        for alternatives, _ in branches
    )


def _split(groups: Sequence[int]) -> tuple[int, tuple[int, ...]]:
    """A conjunction's groups as the words it needs all of (groups of one word, tested
    together) and the groups of several words it needs one of each."""
    single = [g for g in groups if g & (g - 1) == 0]
    return reduce(or_, single, 0), tuple(g for g in groups if g not in single)


def _bits_of(group: int) -> list[int]:
    """The single bits of the set ``group``."""
    out = []
    while group:
        low = group & -group
        out.append(low)
        group ^= low
    return out


class _TokenBits(dict[str, int]):
    """Token -> what its words give the screen (word bits above the slot bits of their groups), on first sight."""

    def __init__(self) -> None:
        super().__init__()
        self.by_pair: dict[str, list[tuple[str, bool, bool, int]]] = {}
        """The screen's words (without marks, whether marked left and right, their value), by their
        first two characters."""

    def __missing__(self, token: str) -> int:
        """Tokens are split at whitespace, so their ends are word boundaries; inside, a word
        marked on the left also counts after an "i", which may have lost a combining dot
        to lowering (the original text then had a boundary there)."""
        found = 0
        by_pair = self.by_pair
        for i in range(len(token) - 1):
            for word, left, right, value in by_pair.get(token[i : i + 2], ()):
                if (
                    token.startswith(word, i)
                    and (not left or i == 0 or token[i - 1] == "i" or not _is_word(token[i - 1]))
                    and (not right or i + len(word) == len(token) or not _is_word(token[i + len(word)]))
                ):
                    found |= value
        if len(self) >= _MAX_MEMO:
            self.clear()
        self[token] = found
        return found


# --- derivation -------------------------------------------------------------------------


def _required(items: list[Any]) -> list[_Conjunction]:
    """The conjunctions of the parsed pattern ``items``, each cut to its most selective usable groups."""
    if _PARSER is None:  # pragma: no cover
        return [[]]
    return _cut(_dnf(items))


def _cut(conjunctions: list[_Conjunction]) -> list[_Conjunction]:
    """Each conjunction cut to its most selective usable groups."""
    out = []
    for conjunction in conjunctions:
        groups = {_minimal(g) for g in conjunction if min(len(w.strip()) for w in g) >= _MIN_WORD}
        out.append(sorted(groups, key=_selectivity, reverse=True)[:_MAX_GROUPS])
    return out


#: At most this many first words are derived for a pattern.
_MAX_STARTS = 24


#: A first word that stands for the start of the text (``^``): the only place such a match can begin.
_AT_START = "^"

#: Parsed items that consume nothing, so a match's first word comes after them.
_ZERO_WIDTH = frozenset({"AT", "ASSERT", "ASSERT_NOT"})


def _starting(items: list[Any], multiline: bool) -> tuple[str, ...] | None:
    """Words one of which every match of the parsed pattern ``items`` begins with (None: no such words known)."""
    words = _first_words(items)
    if not words or len(words) > _MAX_STARTS or (_AT_START in words and multiline):
        return None  # (a multiline ``^`` matches after every line break, not only where the text begins)
    return _pruned(words)


def _pruned(words: set[str]) -> tuple[str, ...]:
    """The words, sorted, without those that begin with another: where they begin, so does the other."""
    return tuple(sorted(w for w in words if not any(o != w and _begins_where(w, o) for o in words)))


def _branches(items: list[Any], multiline: bool) -> tuple[_Branch, ...]:
    """Each branch's conjunctions and first words, when the pattern is an alternation (see
    :func:`_top_branches`): as many conjunctions as the whole pattern would have, at most
    :data:`_MAX_ALTERNATIVES` (beyond, one merged per branch), so checking them stays cheap."""
    branches = _top_branches(items)
    dnfs = [_dnf(b) for b in branches]
    if sum(map(len, dnfs)) > _MAX_ALTERNATIVES:
        dnfs = [[_merged(d)] for d in dnfs]
    return tuple((_cut(d), _starting(b, multiline)) for d, b in zip(dnfs, branches, strict=True))


def _top_branches(items: list[Any]) -> list[list[Any]]:
    """The pattern as alternatives of its own, when it is an alternation, alone or between
    ``\\b`` and look-arounds (``re`` moves those out of the branches when all share them):
    ``P(?:A|B)S`` is ``PAS|PBS``."""
    zero_width = [str(op) in _ZERO_WIDTH for op, _ in items]
    if zero_width.count(False) != 1:
        return []
    k = zero_width.index(False)
    op, arg = items[k]
    if str(op) == "SUBPATTERN" and len(arg[-1]) == 1:
        op, arg = arg[-1][0]
    if str(op) != "BRANCH" or len(arg[1]) > _MAX_ALTERNATIVES:
        return []
    return [items[:k] + list(branch) + items[k + 1 :] for branch in arg[1]]


def _begins_where(word: str, other: str) -> bool:
    """True when wherever ``word`` begins (marks included), ``other`` does too."""
    core, other_core = word.lstrip(" "), other.lstrip(" ")
    return core.startswith(other_core) and (other_core is other or core is not word)


def _first_words(items: list[Any], left: bool = False) -> set[str] | None:
    """Non-empty literal prefixes, one of which begins every match of the sequence ``items``.

    Only what surely consumes text first counts: literals (ASCII letters and digits),
    a group or an alternation all of whose branches have first words, a repeat of at
    least once. A literal run is extended by the first words of what follows it. A
    word right after ``\\b`` (``left``: the sequence starts there) is marked with a space.
    """
    i = 0
    while i < len(items) and str(items[i][0]) in _ZERO_WIDTH:
        if str(items[i][0]) == "AT" and str(items[i][1]) in ("AT_BEGINNING", "AT_BEGINNING_STRING"):
            return {_AT_START}  # the match begins where the text does
        left = left or (str(items[i][0]) == "AT" and str(items[i][1]) == "AT_BOUNDARY")
        i += 1
    if i == len(items):
        return None
    op, arg = items[i]
    name = str(op)
    if _literal(op, arg) is not None:
        word = []
        while i < len(items) and (c := _literal(*items[i])) is not None and c.isalnum():
            word.append(c)
            i += 1
        if not word:
            return None
        after = _first_words(list(items[i:])) if i < len(items) and str(items[i][0]) not in _ZERO_WIDTH else None
        mark = " " if left else ""  # the literal is a letter or digit: \\b before it means a boundary there
        if after and len(after) <= _MAX_STARTS and _AT_START not in after:
            return {mark + "".join(word) + w.lstrip(" ") for w in after}
        return {mark + "".join(word)}
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and arg[0] == 0:
        # Optional: a match begins with it or, without it, with what follows.
        taken, skipped = _first_words(list(arg[2]), left), _first_words(list(items[i + 1 :]), left)
        return taken | skipped if taken is not None and skipped is not None else None
    if name == "SUBPATTERN":
        return _first_words(list(arg[-1]), left)
    if name == "BRANCH":
        out: set[str] = set()
        for branch in arg[1]:
            words = _first_words(list(branch), left)
            if words is None:
                return None
            out |= words
        return out
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and arg[0] >= 1:
        return _first_words(list(arg[2]), left)
    return None


def _dnf(items: Any, left: bool = False, right: bool = False) -> list[_Conjunction]:
    """Conjunctions, one of which every match of the sequence ``items`` (a parsed subpattern) satisfies.

    Adjacent literals form one word; a group, a repeat of at least once and an
    alternation pass on their own requirements; anything else (classes, ``\\b``,
    lookarounds, optional parts) requires nothing and ends the current word.

    A word that surely stands at a word boundary is marked with a space on that side
    (``" no "`` for ``\\bno\\s``): the text must have it there too, not inside a longer
    word ("no" is in "know" and "diagnosis", " no" is not). ``left``/``right`` say
    whether the sequence itself starts/ends at such a boundary.
    """
    result: list[_Conjunction] = [[]]
    word: list[str] = []
    items = list(items)
    word_left = bounded = left  # bounded: the character before the next item is no word character

    def then(part: list[_Conjunction]) -> None:
        nonlocal result
        if len(result) * len(part) > _MAX_ALTERNATIVES:
            part = [_merged(part)]
        result = [a + b for a in result for b in part]

    def end_word(k: int) -> None:
        if word:
            core = "".join(word)
            marked = (" " if word_left and _is_word(core[0]) else "") + core
            # An "i" may have lost a combining dot after it in lowering (see ``lowered``): no right mark.
            if _boundary_at(items, k, right) and _is_word(core[-1]) and core[-1] != "i":
                marked += " "
            then([[frozenset({marked})]])
            word.clear()

    for k, (op, arg) in enumerate(items):
        name = str(op)
        c = _literal(op, arg)
        if c is not None and not c.isspace():
            if not word:
                word_left = bounded
            word.append(c)
            bounded = not _is_word(c)
            continue
        end_word(k)
        inner_right = _boundary_at(items, k + 1, right)
        if name == "SUBPATTERN":
            then(_dnf(arg[-1], bounded, inner_right))
        elif name == "ATOMIC_GROUP":
            then(_dnf(arg, bounded, inner_right))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and arg[0] >= 1:
            # Only the first round surely follows what came before; what follows a round is unknown.
            then(_dnf(arg[2], bounded, inner_right and arg[1] == 1))
        elif name == "BRANCH":
            then(_alternation([_dnf(alternative, bounded, inner_right) for alternative in arg[1]]))
        bounded = _ends_with_boundary(op, arg)
    end_word(len(items))
    return result


def _literal(op: Any, arg: Any) -> str | None:
    """The lowered ASCII character a parsed item matches, if it is one: a literal, or a class
    of one letter's cases (``[Uu]``); None otherwise."""
    name = str(op)
    if name == "LITERAL":
        return chr(arg).lower() if arg < 128 else None
    if name == "IN" and arg and all(str(o) == "LITERAL" and a < 128 for o, a in arg):
        cases = {chr(a).lower() for _, a in arg}
        if len(cases) == 1:
            return cases.pop()
    return None


def _is_word(c: str) -> bool:
    """``re``'s ``\\w`` (for one character): lowering keeps it, so the screen may read lowered text."""
    return c.isalnum() or c == "_"


def _boundary_at(items: list[Any], k: int, right: bool) -> bool:
    """True when, before item ``k`` of ``items``, a word that ends in a word character surely ends
    (``\\b``, the end, or a character that is no word character); ``right`` is the answer past the end."""
    if k >= len(items):
        return right
    op, arg = items[k]
    name = str(op)
    if name == "AT":
        return str(arg) in ("AT_BOUNDARY", "AT_END", "AT_END_STRING")
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and arg[0] >= 1 and len(arg[2]) >= 1:
        op, arg = next(iter(arg[2]))
        name = str(op)
    return _no_word_character(name, arg)


def _ends_with_boundary(op: Any, arg: Any) -> bool:
    """True when after this item the character before is surely no word character, or a word
    character there would break its ``\\b`` (so a word that starts next starts at a boundary)."""
    name = str(op)
    if name == "AT":
        return str(arg) in ("AT_BOUNDARY", "AT_BEGINNING", "AT_BEGINNING_STRING")
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and arg[0] >= 1 and len(arg[2]) == 1:
        op, arg = next(iter(arg[2]))
        name = str(op)
    return _no_word_character(name, arg)


def _no_word_character(name: str, arg: Any) -> bool:
    """True when the single-character item (a literal or a class) matches no word character."""
    if name == "LITERAL":
        return not _is_word(chr(arg)) and arg < 128
    if name == "IN":
        return all(
            (str(o) == "LITERAL" and a < 128 and not _is_word(chr(a)))
            or (str(o) == "CATEGORY" and str(a) in ("CATEGORY_SPACE", "CATEGORY_NOT_WORD"))
            for o, a in arg
        )
    return False


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

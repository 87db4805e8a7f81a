"""Rule-based Spanish syllabification and the Fernández-Huerta readability score.

Why not textstat: textstat 0.7.8 counts Spanish syllables with Pyphen's *hyphenation* patterns
(``len(positions) + 1``). Hyphenation is not syllabification: Pyphen never breaks off a one-letter
first syllable or a short last one (``aprobado`` -> 3, ``día`` -> 1, ``oído`` -> 2), so textstat
undercounts the short, vowel-rich words that plain Spanish is full of. Spanish spelling is regular
enough that the syllable rules of the RAE and ASALE (Ortografía de la lengua española, 2010) can be
implemented exactly, which is what this module does.

Syllable rules implemented (orthographic syllables, as used for accentuation):

* Nuclei: ``a e o`` (and ``á é ó``) are open ("strong") vowels; ``i u ü`` and ``y`` when it is a
  vowel are closed ("weak"). Two strong vowels are a hiatus (``le-er``, ``cre-er``, ``ca-os``). Strong +
  unaccented weak, in either order, is a diphthong (``cui-da-do``, ``hue-vo``, ``re-so-nan-cia``).
  An accented weak vowel next to a strong one breaks the diphthong (``dí-as``, ``pa-ís``, ``re-ú-ne``,
  ``o-í-do``). Two *different* weak vowels are always a diphthong, even with an accent
  (``cui-da-do``, ``ciu-dad``, ``lin-güís-ti-ca``, ``cuí-da-te``); the same weak vowel twice is a hiatus
  (``chi-i-ta``). Weak + strong + weak is a triphthong (``buey``, ``U-ru-guay``, ``a-ve-ri-guáis``).
  A nucleus holds at most one strong vowel (``pa-ra-noi-a``). Following the RAE convention, verbs
  in -uar/-uir keep their spelling diphthong (``e-va-lua-ción``, ``ac-tuar``, ``huir``) even though
  many speakers pronounce a hiatus there.
* ``u`` is silent in ``que qui gue gui`` (and ``qu`` before any vowel): ``guí-a``, ``gue-rra``,
  ``quie-ro``; ``ü`` is pronounced and weak (``pin-güi-no``, ``ver-güen-za``).
* ``y`` is a vowel (weak, like ``i``) when no vowel follows it (``hoy``, ``muy``, ``rey``, ``y``), a
  consonant otherwise (``ma-yo``, ``a-yu-da``).
* An ``h`` between vowels does not prevent a diphthong (``prohi-bir``, ``ahu-ma-do``, as the RAE prescribes),
  but ``h`` + weak vowel + another vowel starts a new syllable (``ca-ca-hue-te``, ``re-huir``).
* Consonants: ``ch ll rr`` and the silent-u ``qu gu`` are single consonants. One consonant between
  nuclei opens the next syllable (``a-pro-ba-do``); the onset clusters ``pr br tr dr cr kr gr fr pl bl
  cl kl gl fl`` are never split (``a-pro-ba-do``, ``com-pra``); otherwise the last consonant (or last
  cluster) goes right (``ins-tan-te``, ``obs-truc-ción``). ``tl`` is split (``at-le-ta``), the usual
  convention in Spain. Prefix boundaries (``sub-ra-yar``) are not detected: syllable *counts* are
  unaffected, only the split position.

``count_syllables_es`` returns the number of nuclei, but at least 1 for a token that has letters
and no vowel (``Sr``, ``Dr``, ``km``), so abbreviations are not "free" in the formula.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from itertools import pairwise
from typing import Final, Literal, NamedTuple

from llm_extract.text import rxcache
from llm_extract.text.syllables_en import sentence_pieces

__all__ = [
    "SentenceMeasure",
    "count_syllables_es",
    "fernandez_huerta",
    "list_words_es",
    "split_sentences_es",
    "syllabify_es",
]

_STRONG: Final = frozenset("aeoáéóàèòâêôäëö")
_WEAK: Final = frozenset("iuüy")  # y only when it is a vowel
_ACCENTED_WEAK: Final = frozenset("íúìùïî")
_VOWEL_LETTERS: Final = _STRONG | _WEAK | _ACCENTED_WEAK
_BASE: Final = {"í": "i", "ì": "i", "ï": "i", "î": "i", "y": "i", "ú": "u", "ù": "u", "ü": "u"}
_ONSET_CLUSTERS: Final = frozenset({"pr", "br", "tr", "dr", "cr", "kr", "gr", "fr", "pl", "bl", "cl", "kl", "gl", "fl"})

# A word is a run of letters: digits, hyphens and apostrophes separate words.
_WORD: Final = rxcache.compile(r"[^\W\d_]+")


class _Unit(NamedTuple):
    """One sound unit of a word: a vowel letter or a consonant (possibly a digraph like ``ch``).

    A named tuple, not a frozen dataclass: a new word builds one per letter, and a tuple is
    made several times faster (a frozen dataclass sets each field through ``object.__setattr__``).
    """

    text: str
    vowel: bool


def _units(word: str) -> list[_Unit]:
    """Split a lower-case letter string into vowel letters and consonant units."""
    units: list[_Unit] = []
    append = units.append
    i = 0
    n = len(word)
    while i < n:
        c = word[i]
        nxt = word[i + 1] if i + 1 < n else ""
        if (c == "q" or c == "g") and nxt == "u" and i + 2 < n:
            after = word[i + 2]
            if after in "eéiíèì" or (c == "q" and after in _VOWEL_LETTERS):
                append(_new(_Unit, (c + nxt, False)))  # silent u: que, qui, gue, gui
                i += 2
                continue
        if (c == "c" and nxt == "h") or (c == nxt and (c == "l" or c == "r")):  # ch, ll, rr
            append(_new(_Unit, (c + nxt, False)))
            i += 2
        elif c == "y":
            append(_new(_Unit, (c, nxt not in _VOWEL_LETTERS)))
            i += 1
        else:
            append(_new(_Unit, (c, c in _VOWEL_LETTERS)))
            i += 1
    return units


_new = tuple.__new__
"""Builds a :class:`_Unit` without the Python-level ``__new__`` a named tuple adds (a new word
makes one per letter)."""


def _hiatus(prev: str, cur: str, nucleus_has_strong: bool) -> bool:
    """Decide whether vowel ``cur`` starts a new nucleus after vowel ``prev`` (RAE rules)."""
    prev_strong = prev in _STRONG
    cur_strong = cur in _STRONG
    if cur_strong and (prev_strong or nucleus_has_strong):
        return True
    if prev_strong or cur_strong:
        # strong + weak: the diphthong breaks only if the weak vowel carries the accent
        return prev in _ACCENTED_WEAK or cur in _ACCENTED_WEAK
    # two weak vowels: diphthong unless it is the same vowel twice (chi-i-ta)
    return _BASE.get(prev, prev) == _BASE.get(cur, cur)


def _nuclei(units: list[_Unit]) -> list[tuple[int, int]]:
    """Return ``(first, last)`` unit indices of each syllable nucleus (an intercalated h may be inside)."""
    nuclei: list[tuple[int, int]] = []
    for index, unit in enumerate(units):
        if not unit.vowel:
            continue
        if nuclei:
            first, last = nuclei[-1]
            gap = index - last - 1
            joined_by_h = gap == 1 and units[last + 1].text == "h"
            if gap == 0 or joined_by_h:
                prev = units[last].text
                has_strong = any(units[k].vowel and units[k].text in _STRONG for k in range(first, last + 1))
                split = _hiatus(prev, unit.text, has_strong)
                if not split and joined_by_h and unit.text not in _STRONG:
                    # h + weak vowel + vowel is a new syllable with a glide onset: ca-ca-hue-te
                    nxt = units[index + 1] if index + 1 < len(units) else None
                    split = nxt is not None and nxt.vowel
                if not split:
                    nuclei[-1] = (first, index)
                    continue
        nuclei.append((index, index))
    return nuclei


def _consonants_to_next(consonants: list[str]) -> int:
    """How many of the consonant units between two nuclei begin the next syllable."""
    n = len(consonants)
    if n <= 1:
        return n
    if consonants[-2] + consonants[-1] in _ONSET_CLUSTERS:
        return 2
    return 1


def _syllabify_letters(word: str) -> list[str]:
    """Syllabify one lower-case run of letters; a vowel-less run is returned as one syllable."""
    units = _units(word)
    nuclei = _nuclei(units)
    if not nuclei:
        return [word]
    syllables: list[str] = []
    start = 0
    for (_, last), (next_first, _) in pairwise(nuclei):
        consonants = [u.text for u in units[last + 1 : next_first]]
        boundary = next_first - _consonants_to_next(consonants)
        syllables.append("".join(u.text for u in units[start:boundary]))
        start = boundary
    syllables.append("".join(u.text for u in units[start:]))
    return syllables


def _letters(text: str) -> list[str]:
    """NFC-normalise, lower-case and return the letter runs of ``text``."""
    return _WORD.findall(unicodedata.normalize("NFC", text).lower())


def syllabify_es(word: str) -> list[str]:
    """Split a Spanish word into lower-case orthographic syllables: ``"tratamiento"`` -> tra-ta-mien-to.

    Non-letters (digits, hyphens, apostrophes) separate parts, which are syllabified independently.
    """
    return [syllable for part in _letters(word) for syllable in _syllabify_letters(part)]


@lru_cache(maxsize=65536)
def _count_part(part: str) -> int:
    """Nuclei in one lower-case letter run, at least 1 (abbreviations like ``sr`` still cost a syllable)."""
    return max(1, len(_nuclei(_units(part))))


def count_syllables_es(word: str) -> int:
    """Count the syllables of a Spanish word (0 for a string without letters).

    A string holding several letter runs (``médico-legal``) gets the sum of its parts.
    """
    return sum(_count_part(part) for part in _letters(word))


def list_words_es(text: str) -> list[str]:
    """Return the words of ``text``: maximal runs of letters, so numbers are not words.

    Why: a date like ``12/05/2016`` or a dose like ``50 mg`` should not change the score as if it were
    text to decode; ``médico-legal`` counts as two words; ``Dr.`` counts as the word ``Dr``.
    """
    return _WORD.findall(unicodedata.normalize("NFC", text))


_ABBREVIATIONS: Final = frozenset(
    {
        "sr", "sra", "srta", "sres", "dr", "dra", "dres", "lic", "ing", "arq", "ud", "uds", "vd", "vds",
        "núm", "nro", "pág", "págs", "art", "arts", "cap", "ej", "aprox", "tel", "av", "avda", "dpto",
        "depto", "admón", "cía", "ee", "uu",
    }
)  # fmt: skip
_LAST_WORD: Final = rxcache.compile(r"[^\W\d_]+$")
_NON_SPACE: Final = rxcache.compile(r"\S")  # \s is str.isspace(), so this finds what str.lstrip() keeps
# Candidate sentence ends: runs of ";" or of . ! ? and the ellipsis character (U+2026), followed by
# any closing quotes/brackets: ) ] » " ' and typographic right quotes (U+201D, U+2019).
_TERMINATOR: Final = rxcache.compile("(?:;+|[.!?\u2026]+[)\\]»\"'\u201d\u2019]*)")
_OPENING_MARKS: Final = frozenset("¿¡«\"'([\u201c\u2018")
# Blank lines and bulleted / numbered list items at the start of a line separate sentences.
# blank lines, or list items starting with - * and bullet/middle dot/en dash/em dash, or "1." / "1)"
_LIST_ITEM: Final = rxcache.compile("\n\\s*(?:[-*\u2022\u00b7\u2013\u2014]|\\d+[.)])\\s+|\n\\s*\n")


def split_sentences_es(text: str) -> list[str]:
    """Split Spanish text into sentences; only pieces containing at least one word are returned.

    Boundaries: every ``;`` (Fernández Huerta counted ``punto`` and ``punto y coma``); ``. ! ?`` and ``...``
    when followed by the end of the text, or by whitespace and then a capital letter or an opening
    mark (``¿ ¡ « " (``); blank lines; and bulleted or numbered list items at the start of a line.
    A period is not a boundary after a known abbreviation (``Dr.``, ``Sra.``, ``pág.``; see
    ``_ABBREVIATIONS``) or a single capital initial (``J. Pérez``), nor when no space follows
    (``2.5``, ``EE.UU.``) or a lower-case word or digit follows (``etc. y``, ``pág. 5``). Single line
    breaks inside a paragraph count as spaces because letters are often hard-wrapped.
    """
    text = unicodedata.normalize("NFC", text)
    return [sentence for block in _LIST_ITEM.split(text) for part in _parts(block) for sentence in _sentences(part)]


def _closes(block: str, begin: int, end: int) -> bool:
    """Whether the terminator ``block[begin:end]`` ends a sentence (see :func:`split_sentences_es`)."""
    return block[begin] == ";" or _ends_sentence(block, begin, end)


def _parts(block: str) -> list[str]:
    """``block`` cut after each line that ends a sentence, so each part can be split on its own.

    Why: split per part, the parts of fixed sentences are memoised (:func:`_sentences`) and a
    summary only pays for its lines holding letter values. Exact: a cut falls right after a
    terminator that closes a sentence in the whole block, so the block's sentences are the
    parts' sentences; inside a part every other terminator sees the same following character
    (the part ends with its closing terminator), and an abbreviation is looked for only in the
    word before the period, which the line break before the part bounds in both.
    """
    parts: list[str] = []
    start = end = 0
    lines = block.split("\n")
    for index, line in enumerate(lines[:-1]):
        end += len(line)
        ending = _line_end(line)
        if ending is None:
            closes = False
        elif ending == "as the block says":
            closes = _closes(block, end - len(line), end)
        else:
            closes = ending == "closes" or _closes_at_break(block, end, lines[index + 1], ending)
        if closes:
            parts.append(block[start:end])
            start = end
        end += 1
    parts.append(block[start:])
    return parts


_LineEnd = Literal["closes", "before capital", "at end", "as the block says"]


@lru_cache(maxsize=4096)
def _line_end(line: str) -> _LineEnd | None:
    """How the terminator that ends ``line`` closes a sentence: always (a ``;``), before an
    opening word (``. ! ?``), only at the end of the text (a period after an abbreviation or
    initial), or None when the line does not end with a terminator. Memoised: most lines are
    fixed sentences.

    Exact for :func:`_closes` at the end of a line of a block: a terminator never holds a
    line break, so a line's terminators are the block's, and the abbreviation is the letter
    run before the period, which the line break bounds. Unless the terminator starts the
    line: the abbreviation search's ``$`` matches before the line break, so the word then is
    the previous line's last one ("as the block says").
    """
    begin = _last_run(line)
    if begin is None:
        return None
    if line[begin] == ";":
        return "closes"
    if begin == 0 and line[begin] == ".":
        return "as the block says"
    return "at end" if line[begin] == "." and _is_abbreviation(line, begin) else "before capital"


_RUN_MARKS: Final = ".!?\u2026"
_RUN_CLOSERS: Final = ")]»\"'\u201d\u2019"
"""The two character classes of a :data:`_TERMINATOR` run that is not a ``;`` run."""


def _last_run(line: str) -> int | None:
    """Where the :data:`_TERMINATOR` run ending ``line`` begins (None: no run ends it), read
    back from the end instead of finding every run of a long line.

    Exact: runs are found left to right, each as long as it goes, and the three character
    classes are disjoint, so a run ending the line is the line's final run of ``;``, or its
    final run of marks (``. ! ?``, the ellipsis) with the closing quotes and brackets after
    it; no earlier run can take part of it.
    """
    end = len(line)
    i = end
    if i and line[i - 1] == ";":
        while i and line[i - 1] == ";":
            i -= 1
        return i
    while i and line[i - 1] in _RUN_CLOSERS:
        i -= 1
    marks = i
    while i and line[i - 1] in _RUN_MARKS:
        i -= 1
    return i if i < marks else None


def _closes_at_break(block: str, end: int, after: str, ending: _LineEnd) -> bool:
    """:func:`_ends_sentence` for a terminator ending the line that ends at ``end`` (a line
    break), followed by the line ``after``."""
    if after and not after[0].isspace():
        first = after[0]  # the usual case: the next line starts with its first word
    else:
        following = _NON_SPACE.search(block, end)
        if following is None:
            return True
        first = following.group()
    return ending == "before capital" and (first in _OPENING_MARKS or first.isupper())


@lru_cache(maxsize=4096)
def _sentences(part: str) -> tuple[str, ...]:
    """The sentences of one part of a block (memoised: most parts are fixed sentences)."""
    pieces: list[str] = []
    start = 0
    for match in _TERMINATOR.finditer(part):
        if _closes(part, match.start(), match.end()):
            pieces.append(part[start : match.end()])
            start = match.end()
    pieces.append(part[start:])
    return tuple(" ".join(piece.split()) for piece in pieces if _WORD.search(piece))


def _sentence_count(text: str) -> int:
    """``len(split_sentences_es(text))``, without building the sentences: each part is
    counted from its pieces (:func:`_part_count`)."""
    text = unicodedata.normalize("NFC", text)
    return sum(_part_count(part) for block in _LIST_ITEM.split(text) for part in _parts(block))


@lru_cache(maxsize=4096)
def _part_count(part: str) -> int:
    """``len(_sentences(part))``, memoised, counted piece by piece when the part is new.

    Why: a part is often one long line holding a few letter values (the dated appeal
    paragraph), so only its pieces holding them are new. Pieces are cut where
    :func:`~llm_extract.text.syllables_en.sentence_pieces` cuts: after a ``. ! ?`` that
    whitespace follows, which ends a terminator run (the whitespace is no closing mark).
    Exact: a run never spans a cut, and whether a run inside a piece closes a sentence
    depends on the piece alone (the next non-space character is in it, since a piece but the
    last ends with its final run, and the abbreviation is the letter run before the period,
    which whitespace bounds). Only the run that ends a piece looks past it: it closes when
    nothing but whitespace follows, or when the next piece begins with a capital or an
    opening mark and the run is no period after an abbreviation (:func:`_ends_sentence`). A
    sentence is kept when it holds a word, and a letter run lies inside one piece.
    """
    pieces = sentence_pieces(part)
    if len(pieces) == 1:
        return len(_sentences(part))
    facts = [_piece_sentences(piece, k == len(pieces) - 1) for k, piece in enumerate(pieces)]
    if any(facts[k][2] is None for k in range(len(facts) - 1)):  # a piece but the last ends with a run
        return len(_sentences(part))
    count = 0
    open_word = False  # the sentence under way holds a word
    for k, (words, tail, abbreviation, _) in enumerate(facts):
        if words:
            count += (open_word or words[0]) + sum(words[1:])
            open_word = tail
        else:
            open_word = open_word or tail
        if k + 1 < len(facts):
            following = facts[k + 1][3]  # None: only whitespace follows (the last piece)
            if following is None or ((following in _OPENING_MARKS or following.isupper()) and not abbreviation):
                count += open_word
                open_word = False
    return count + open_word


@lru_cache(maxsize=8192)
def _piece_sentences(piece: str, last: bool) -> tuple[tuple[bool, ...], bool, bool | None, str | None]:
    """What :func:`_part_count` needs of one piece: whether each sentence the piece closes
    itself holds a word, whether the rest after them does, whether the run ending the piece
    (unless ``last``) is a period after an abbreviation, and the piece's first non-space
    character (None: no run ends the piece, or it holds only whitespace)."""
    runs = list(_TERMINATOR.finditer(piece))
    final = runs.pop() if not last and runs and runs[-1].end() == len(piece) else None
    words: list[bool] = []
    start = 0
    for match in runs:
        if _closes(piece, match.start(), match.end()):
            words.append(_WORD.search(piece, start, match.end()) is not None)
            start = match.end()
    abbreviation = None if final is None else piece[final.start()] == "." and _is_abbreviation(piece, final.start())
    first = _NON_SPACE.search(piece)
    return tuple(words), _WORD.search(piece, start) is not None, abbreviation, None if first is None else first.group()


def _ends_sentence(block: str, begin: int, end: int) -> bool:
    """Decide whether the terminator ``block[begin:end]`` (a run of ``. ! ?`` or ellipsis) closes a sentence."""
    following = _NON_SPACE.search(block, end)  # found in place: copying the rest of a long block was slow
    if following is None:
        return True
    if not block[end].isspace():
        return False
    first = following.group()
    if not (first in _OPENING_MARKS or first.isupper()):
        return False
    return not (block[begin] == "." and _is_abbreviation(block, begin))


def _is_abbreviation(block: str, dot: int) -> bool:
    """True if the period at ``dot`` closes a known abbreviation or a single initial (``J. Pérez``)."""
    match = _LAST_WORD.search(block, max(0, dot - 40), dot)
    if match is None:
        return False
    word = match.group()
    return word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


SentenceMeasure = Literal["words_per_sentence", "sentences_per_100_words"]


def fernandez_huerta(text: str, *, sentence_measure: SentenceMeasure = "words_per_sentence") -> float:
    """Fernández-Huerta (1959) lecturabilidad: ``L = 206.84 - 0.60 * P - 1.02 * F``.

    ``P`` = syllables per 100 words (``100 * syllables / words``, via ``count_syllables_es``).

    ``F`` is the sentence term. By default it is the average number of words per sentence
    (``words / sentences``). The formula is often printed with ``F`` = "sentences per 100 words", but
    that reading is a transcription error (Gwillim Law, 2011, "Error in the Fernandez Huerta
    Readability Formula"; the correction is adopted by legible.es and matches textstat): the
    formula adapts Flesch's ``206.835 - 0.846 * wl - 1.015 * sl`` term by term, where ``sl`` is
    words per sentence, and with sentences per 100 words the score would *fall* when a long
    sentence is split in two, rewarding the opposite of plain language. Pass
    ``sentence_measure="sentences_per_100_words"`` to get that literal variant
    (``F = 100 * sentences / words``) for comparison with tools that use it.

    Words are ``list_words_es`` (letter runs; numbers are ignored) and sentences are
    ``split_sentences_es``. The result is not rounded or clipped; 0.0 for a text without words
    (textstat's convention). Higher is easier: 90-100 very easy, 80-90 easy, 70-80 fairly easy,
    60-70 standard, 50-60 fairly difficult, 30-50 difficult, 0-30 very difficult.
    """
    n_words = n_syllables = 0
    for line in text.split("\n"):
        line_words, line_syllables = _line_counts(line)
        n_words += line_words
        n_syllables += line_syllables
    if not n_words:
        return 0.0
    n_sentences = max(1, _sentence_count(text))
    syllables_per_100_words = 100 * n_syllables / n_words
    if sentence_measure == "words_per_sentence":
        sentence_term = n_words / n_sentences
    elif sentence_measure == "sentences_per_100_words":
        sentence_term = 100 * n_sentences / n_words
    else:
        raise ValueError(f"unknown sentence_measure: {sentence_measure!r}")
    return 206.84 - 0.60 * syllables_per_100_words - 1.02 * sentence_term


@lru_cache(maxsize=4096)
def _line_counts(line: str) -> tuple[int, int]:
    """(words, syllables) of one line, memoised: summaries repeat their fixed lines letter after letter.

    Exact for the whole text: words are letter runs, which a line break ends, and NFC
    normalisation never changes or moves a line break. A line seen for the first time is
    counted sentence by sentence (cut at a whitespace character after ``.``, ``!`` or ``?``,
    see :func:`~llm_extract.text.syllables_en.sentence_pieces`), so that only its sentences
    holding letter values are new: whitespace ends a letter run too, and NFC composes no
    character across it.
    """
    pieces = sentence_pieces(line)
    if len(pieces) == 1:
        return _piece_counts(line)
    words = syllables = 0
    for piece in pieces:
        piece_words, piece_syllables = _piece_counts(piece)
        words += piece_words
        syllables += piece_syllables
    return words, syllables


@lru_cache(maxsize=8192)
def _piece_counts(piece: str) -> tuple[int, int]:
    """:func:`_line_counts` of one sentence of a line."""
    words = list_words_es(piece)
    return len(words), sum(map(_word_syllables, words))


@lru_cache(maxsize=65536)
def _word_syllables(word: str) -> int:
    """:func:`count_syllables_es` of one word of a line, memoised: a line seen for the first time
    is mostly words seen before."""
    return count_syllables_es(word)

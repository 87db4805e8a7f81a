"""Hard-word check against the Dale-Chall familiar-word list, and the Dale-Chall grade.

Why: a grade formula says *that* a summary is hard; a writer (or an LLM rewrite loop) needs to know
*which* words to replace. The Dale-Chall list (``data/easy_words_en.txt``, ~3000 words that 80% of US
4th graders know; copied from textstat, MIT, see the file header) is the standard yardstick for
"words a grade-6 reader knows".

Word rules used by both ``hard_words`` and ``dale_chall_score``:

* A word is a run of letters/digits, possibly joined by internal apostrophes (``don't``) or hyphens
  (``follow-up``). Curly apostrophes count as ``'``.
* Ignored (never hard): anything containing a digit (``24``, ``L4``, ``3rd``, ``1/19/2009`` parts) and
  single letters (``a``, ``I``, the ``x`` of ``x-ray``, list markers).
* Known: the word itself, a listed form with a final period (``Mr`` -> ``mr.``), or a glossary word.
* Contractions and possessives are reduced first: ``'s``, ``'ll``, ``'re``, ``'ve``, ``'d``, ``'m`` and
  ``n't`` are removed (``doctor's`` -> ``doctor``, ``it'll`` -> ``it``) unless the full form is listed.
* Regular inflections of a known base word are known (one suffix, the base must have >= 2 letters):
  plural/3rd person ``-s``, ``-es``, ``-ies``->``y``; past ``-ed``, ``-d`` after ``e`` (``used``), doubled
  consonant (``stopped``), ``-ied``->``y``; ``-ing``, ``-ing`` with dropped ``e`` (``making``), doubled
  consonant (``running``); comparative ``-er``/``-est`` with the same ``e``/doubling/``y``->``i`` variants
  (``nicer``, ``bigger``, ``happiest``); adverb ``-ly``, ``-ily``->``y`` (``happily``), ``-ly``->``-le``
  (``simply``). Stacked suffixes (``workers`` = work+er+s) are known only if the singly-inflected
  form (``worker``) is listed.
* A hyphenated word is known if the whole form is known (``good-bye``) or every part is.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path
from typing import Final

from llm_extract.text import rxcache
from llm_extract.text.syllables_en import sentence_pieces

__all__ = [
    "dale_chall_grade",
    "dale_chall_score",
    "easy_words",
    "hard_words",
    "is_known_word",
]

_LIST_FILE: Final = "easy_words_en.txt"

_RIGHT_QUOTE: Final = "\u2019"  # typographic apostrophe, normalised to "'"
_TOKEN: Final = rxcache.compile(r"[^\W_]+(?:['\-][^\W_]+)*")
_CONTRACTION: Final = rxcache.compile(r"(?:'s|'ll|'re|'ve|'d|'m|n't)$")
_VOWELS: Final = frozenset("aeiou")


@cache
def easy_words() -> frozenset[str]:
    """Return the Dale-Chall familiar-word list (lower case), loaded once from the sibling data file."""
    text = Path(__file__).with_name("data").joinpath(_LIST_FILE).read_text(encoding="utf-8")
    return frozenset(line for line in text.split("\n") if line and not line.startswith("#"))


def _doubled(stem: str) -> str | None:
    """Undo consonant doubling (``stopp`` -> ``stop``) or return None if the stem does not end doubled."""
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
        return stem[:-1]
    return None


def _bases(word: str) -> Iterator[str]:
    """Yield the candidate base words of ``word`` under the documented one-suffix inflection rule."""
    for suffix in ("ing", "est", "ed", "er"):
        if word.endswith(suffix):
            stem = word[: -len(suffix)]
            yield stem
            yield stem + "e"  # making -> make, nicer -> nice, nicest -> nice
            if (undoubled := _doubled(stem)) is not None:
                yield undoubled  # running -> run, bigger -> big
            if suffix != "ing" and stem.endswith("i"):
                yield stem[:-1] + "y"  # carried -> carry, happier -> happy, happiest -> happy
    if word.endswith("ies"):
        yield word[:-3] + "y"  # babies -> baby
    if word.endswith("es"):
        yield word[:-2]  # boxes -> box
    if word.endswith("s") and not word.endswith("ss"):
        yield word[:-1]  # cats -> cat
    if word.endswith("ly"):
        yield word[:-2]  # quickly -> quick
        yield word[:-1] + "e"  # simply -> simple, gently -> gentle
        if word.endswith("ily"):
            yield word[:-3] + "y"  # happily -> happy


def _known_simple(word: str, glossary: frozenset[str]) -> bool:
    """Check one lower-case word without hyphens (see the module docstring for the rules)."""
    easy = easy_words()

    def listed(candidate: str) -> bool:
        return candidate in easy or candidate in glossary or candidate + "." in easy

    if len(word) <= 1 or any(ch.isdigit() for ch in word) or listed(word):
        return True
    if "'" in word:
        word = _CONTRACTION.sub("", word)  # doctor's -> doctor, it'll -> it
        if "'" in word or len(word) <= 1:
            return len(word) <= 1 or listed(word)
        if listed(word):
            return True
    return any(len(base) >= 2 and listed(base) for base in _bases(word))


def is_known_word(word: str, glossary: frozenset[str] = frozenset()) -> bool:
    """True if ``word`` (one token, any case) counts as familiar under the module's rules."""
    word = word.lower().replace(_RIGHT_QUOTE, "'")
    if word in glossary or _known_without_glossary(word):
        return True
    # A glossary only adds words, so only a word unknown without it needs this (uncached) check.
    return bool(glossary) and all(_known_simple(part, glossary) for part in word.split("-") if part)


@lru_cache(maxsize=16384)
def _known_without_glossary(word: str) -> bool:
    """``is_known_word`` for a lower-case word and an empty glossary, memoised (summaries reuse their words)."""
    return word in easy_words() or all(_known_simple(part, frozenset()) for part in word.split("-") if part)


def _tokens(text: str) -> list[str]:
    """Words of ``text`` as defined in the module docstring (curly apostrophes normalised)."""
    return _TOKEN.findall(text.replace(_RIGHT_QUOTE, "'"))


def hard_words(text: str, glossary: frozenset[str] = frozenset()) -> list[str]:
    """Return the words of ``text`` that are not familiar, each once, in order of first appearance.

    Words are returned as first written (with typographic apostrophes normalised to ``'``) and de-duplicated
    case-insensitively, so ``MRI`` stays readable in a message to the writer. ``glossary`` holds
    extra lower-case words to accept (names, terms the summary explains); inflections of glossary
    words are accepted too. Numbers and single letters are never reported.
    """
    seen: set[str] = set()  # the words reported, and those the glossary makes familiar
    result: list[str] = []
    for line in text.split("\n"):
        for token, key in _unknown_in(line):
            if key in seen:
                continue
            seen.add(key)
            # A glossary only adds familiar words, so only a word unknown without it is checked with it.
            if not (glossary and _known_with(key, glossary)):
                result.append(token)
    return result


@lru_cache(maxsize=8192)
def _known_with(key: str, glossary: frozenset[str]) -> bool:
    """:func:`is_known_word` of a lower-case word unknown without a glossary, memoised per
    glossary: summaries meet the same few unknown words with one of a few glossaries (a
    glossary's hash is kept by the set, and the summary hands the same set object again)."""
    return is_known_word(key, glossary)


@lru_cache(maxsize=8192)
def _unknown_in(line: str) -> tuple[tuple[str, str], ...]:
    """The words of one line that are unfamiliar without a glossary, each once as first
    written, with its lower-case key.

    Memoised per line because summaries are mostly fixed sentences; without the glossary in
    the key, since a summary's glossary depends on the letter while its lines do not. Exact
    for :func:`hard_words`: no word spans a line break, and whether a word is familiar
    depends on its key alone, so a key's first spelling in the text is its first spelling
    in the first line that has it. A line seen for the first time is read sentence by
    sentence (cut where :func:`~llm_extract.text.syllables_en.sentence_pieces` cuts, at
    whitespace, which no word spans either), so that only its sentences holding letter
    values are new.
    """
    pieces = sentence_pieces(line)
    if len(pieces) == 1:
        return _unknown_in_piece(line)
    seen: set[str] = set()
    found: list[tuple[str, str]] = []
    for piece in pieces:
        for token, key in _unknown_in_piece(piece):
            if key not in seen:
                seen.add(key)
                found.append((token, key))
    return tuple(found)


@lru_cache(maxsize=8192)
def _unknown_in_piece(piece: str) -> tuple[tuple[str, str], ...]:
    """:func:`_unknown_in` of one sentence of a line."""
    seen: set[str] = set()
    found: list[tuple[str, str]] = []
    for token in _tokens(piece):
        key = token.lower()
        if key not in seen:
            seen.add(key)
            if not _known_without_glossary(key):
                found.append((token, key))
    return tuple(found)


# --- Dale-Chall score -------------------------------------------------------------------------

_ABBREVIATIONS: Final = frozenset(
    {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "vs", "etc", "inc", "dept", "approx", "e.g", "i.e", "a.m", "p.m", "u.s"}
)
# closing quotes/brackets that may follow a terminator: ) ] " ' and typographic right quotes
_TERMINATOR: Final = rxcache.compile("[.!?]+[)\\]\"'\u201d\u2019]*")
# blank lines, or list items starting with - * and bullet/middle dot/en dash/em dash, or "1." / "1)"
_LIST_ITEM: Final = rxcache.compile("\n\\s*(?:[-*\u2022\u00b7\u2013\u2014]|\\d+[.)])\\s+|\n\\s*\n")
_OPENING_MARKS: Final = frozenset("\"'([\u201c\u2018")  # " ' ( [ and typographic quotes
_LAST_TOKEN: Final = rxcache.compile(r"[\w.]+$")


def _ends_sentence(block: str, begin: int, end: int) -> bool:
    """A terminator ends a sentence at the end of text or before whitespace + capital/quote/bracket."""
    rest = block[end:]
    following = rest.lstrip()
    if not following:
        return True
    if not rest[0].isspace() or not (following[0].isupper() or following[0] in _OPENING_MARKS):
        return False
    if block[begin] != ".":
        return True
    match = _LAST_TOKEN.search(block, max(0, begin - 40), begin)
    word = match.group().lower() if match else ""
    return not (word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()))


def _count_sentences(text: str) -> int:
    """Count sentences with at least one word: ``. ! ?`` before a capital or the end, blank lines, list items.

    Abbreviations such as ``Dr.``, ``e.g.`` and ``a.m.`` and single initials do not end a sentence.
    """
    count = 0
    for block in _LIST_ITEM.split(text):
        start = 0
        for match in _TERMINATOR.finditer(block):
            if _ends_sentence(block, match.start(), match.end()):
                count += bool(_TOKEN.search(block, start, match.end()))
                start = match.end()
        count += bool(_TOKEN.search(block, start))
    return count


def dale_chall_score(text: str, glossary: frozenset[str] = frozenset()) -> float:
    """Dale-Chall raw score: ``0.1579 * PDW + 0.0496 * ASL`` (+ 3.6365 when PDW > 5).

    PDW is the percentage of words that are not familiar (every occurrence counts; numbers and
    single letters are words but familiar), ASL the average words per sentence. This is the 1948
    Dale-Chall regression, which is what most tools (textstat included) report as the "New
    Dale-Chall" score when used with the revised word list; the 1995 book's own procedure is a
    cloze-score table lookup that cannot be computed from a formula. Returns 0.0 for text without
    words. Unlike textstat, inflections of listed words are familiar here (see module docstring).
    """
    tokens = _tokens(text)
    if not tokens:
        return 0.0
    hard = sum(1 for token in tokens if not is_known_word(token, glossary))
    pdw = 100 * hard / len(tokens)
    asl = len(tokens) / max(1, _count_sentences(text))
    score = 0.1579 * pdw + 0.0496 * asl
    if pdw > 5:
        score += 3.6365
    return score


# (upper score bound, grade): Dale & Chall's correction table for the raw score.
_GRADE_TABLE: Final = ((5.0, 4.0), (6.0, 6.0), (7.0, 8.0), (8.0, 10.0), (9.0, 12.0), (10.0, 15.0))


def dale_chall_grade(text: str, glossary: frozenset[str] = frozenset()) -> float:
    """US grade level from the Dale-Chall score via the adjusted (grade-equivalent) table.

    Score bands -> grade returned: < 5.0 -> 4 ("4 and below"), 5.0-5.9 -> 6 (grades 5-6), 6.0-6.9 -> 8,
    7.0-7.9 -> 10, 8.0-8.9 -> 12, 9.0-9.9 -> 15 (college), >= 10.0 -> 16 (college graduate). We return
    the *upper* grade of each band so that "grade <= 6" means the whole band is within a grade-6
    reader's reach. Text without words gets 4.0.
    """
    score = dale_chall_score(text, glossary)
    for bound, grade in _GRADE_TABLE:
        if score < bound:
            return grade
    return 16.0

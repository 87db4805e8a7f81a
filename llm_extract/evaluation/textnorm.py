"""Text normalisation shared by the scorers.

Labels are written by hand from the letter, predictions come from a parser or a
model, and summaries are written for a reader. The three spell the same fact in
different ways (line breaks, typographic quotes, ``12/09/2016`` vs ``December 9,
2016``), so every comparison here goes through one of these functions rather than
raw string equality. What each one tolerates is deliberate:

* :func:`fold` only removes layout (whitespace runs, curly quotes and dashes): it is
  used for exact-match field scoring, where case and spelling must still agree.
* :func:`match_key` also drops case and punctuation: it is used only to *pair*
  predicted with labeled items, never to decide that a value is correct.
* :func:`find_dates` / :func:`numbers_in` turn the facts a summary states into
  comparable values, so a date spelled out in words still matches the letter.
"""

from __future__ import annotations

import datetime as dt
import re
from difflib import SequenceMatcher

_TYPO = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u00a0": " ",
})
_NOT_WORD = re.compile(r"[^0-9a-z]+")

MONTHS: dict[str, tuple[str, ...]] = {
    "en": ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
           "octubre", "noviembre", "diciembre"),
}
_NUMERIC_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})(?![\d/-]|\.\d)")
_EN_DATE = re.compile(rf"\b({'|'.join(MONTHS['en'])})\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.I)
_ES_DATE = re.compile(rf"\b(\d{{1,2}})\s+de\s+({'|'.join(MONTHS['es'])})\s+(?:de|del)\s+(\d{{4}})\b", re.I)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_INTEGER = re.compile(r"\d+")

#: Facts every summary may state although no letter does: the appeal window is fixed
#: by regulation (30 days, 5 more when served by mail, 8 CCR 10575(c)). Whole phrases
#: are allowed, not bare numbers, so "30 visits" in a summary is still caught.
PROCEDURAL_FACTS = re.compile(
    r"\b30\s+(?:days|d[ií]as)\b"
    r"|\b5\s+(?:more\s+)?(?:days|d[ií]as)(?:\s+m[aá]s)?\b"
    r"|\b8\s+CCR\s+10575\s*\(c\)",
    re.I,
)


def fold(text: str) -> str:
    """Whitespace runs to one space, typographic quotes/dashes to ASCII; case kept."""
    return " ".join(text.translate(_TYPO).split())


def match_key(text: str) -> str:
    """Case- and punctuation-insensitive form used only to pair items."""
    return " ".join(_NOT_WORD.sub(" ", fold(text).casefold()).split())


def similarity(a: str, b: str, floor: float = 0.0) -> float:
    """1.0 for the same item text up to case/punctuation, else a difflib ratio.

    Below ``floor`` the exact value does not matter to the caller, so difflib's
    cheap upper bounds are returned when they already fall short (most pairs of
    different items in a long letter).
    """
    ka, kb = match_key(a), match_key(b)
    if ka == kb:
        return 1.0
    matcher = SequenceMatcher(None, ka, kb, autojunk=False)
    for bound in (matcher.real_quick_ratio, matcher.quick_ratio, matcher.ratio):
        value = bound()
        if value < floor:
            return value
    return value


def _year(raw: str) -> int:
    """Two-digit years as the labeling rules read them: ``98`` is 1998, ``14`` is 2014."""
    year = int(raw)
    if year >= 100:
        return year
    return 2000 + year if year < 50 else 1900 + year


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[dt.date, tuple[int, int]]]:
    """Every date written as ``m/d/y``, ``m-d-y``, ``Month d, yyyy`` or ``d de mes de yyyy``."""
    found: list[tuple[dt.date, tuple[int, int]]] = []
    for m in _NUMERIC_DATE.finditer(text):
        if (day := _date(_year(m.group(3)), int(m.group(1)), int(m.group(2)))) is not None:
            found.append((day, m.span()))
    for m in _EN_DATE.finditer(text):
        month = MONTHS["en"].index(m.group(1).lower()) + 1
        if (day := _date(int(m.group(3)), month, int(m.group(2)))) is not None:
            found.append((day, m.span()))
    for m in _ES_DATE.finditer(text):
        month = MONTHS["es"].index(m.group(2).lower()) + 1
        if (day := _date(int(m.group(3)), month, int(m.group(1)))) is not None:
            found.append((day, m.span()))
    return found


def numbers_in(text: str) -> set[float]:
    """Numeric values written in ``text`` (``09`` and ``9`` are the same number).

    Both ``320.5`` and its parts count: a dosage like ``320.5/30/16mg`` is split
    differently depending on what surrounds it.
    """
    return {float(n) for n in _NUMBER.findall(text)} | {float(n) for n in _INTEGER.findall(text)}


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


class LetterFacts:
    """The dates and numbers one letter contains, computed once per letter."""

    def __init__(self, letter: str) -> None:
        self.dates = {d for d, _ in find_dates(letter)}
        self.numbers = numbers_in(letter)

    def unsupported(self, statement: str) -> list[str]:
        """Dates and numbers ``statement`` gives that the letter does not contain.

        Dates are compared as dates (any spelling); the numbers inside a recognised
        date are not counted again. The fixed procedural phrases are allowed.
        Returned as ISO dates and plain numbers: never a piece of letter text.
        """
        dates = find_dates(statement)
        problems = [d.isoformat() for d, _ in dates if d not in self.dates]
        rest = PROCEDURAL_FACTS.sub(" ", _blank(statement, [span for _, span in dates]))
        problems.extend(n for n in _NUMBER.findall(rest) if float(n) not in self.numbers)
        return problems


def unsupported_facts(statement: str, letter: str) -> list[str]:
    """:meth:`LetterFacts.unsupported` for a single statement."""
    return LetterFacts(letter).unsupported(statement)

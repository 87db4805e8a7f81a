"""The fact check: every date and number a summary states must occur in its letter.

The verifier runs it on model summaries and the eval on every backend's summaries;
one implementation, so the two can never disagree about an unsupported fact.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from llm_extract.text import rxcache
from llm_extract.text.dates import appeal_deadlines, dates_in, find_dates

_NUMBER = rxcache.compile(r"\d+(?:\.\d+)?")
_INTEGER = rxcache.compile(r"\d+")

PROCEDURAL_PHRASES: tuple[str, ...] = (
    r"30\s+(?:days|d[ií]as)",
    r"(?:5|10|20)\s+(?:more\s+|working\s+)?(?:days|d[ií]as)(?:\s+(?:m[aá]s|h[aá]biles))?",
    r"12\s+(?:months|meses)",
    r"Lab\.\s+Code\s+(?:4610\.6|4610|139\.6)(?:\s*\([a-z]\))*",
    r"8\s+CCR\s+(?:10575|10605|9792\.10\.7|9792\.12)(?:\s*\([a-z]\))*",
)
"""The procedural phrases a summary may state although no letter does: the appeal
window, the mail extensions, the 5-working-day and 20-day rules for approved care,
the 12-month rule for a new request, and the citations of the "Legal basis" section.
Each is a row of WORKER-FACTS.md (see ``llm_extract/summary/next_steps.py``). Whole
phrases are allowed, not bare numbers, so "30 visits" in a summary is still caught."""

PROCEDURAL_FACTS = rxcache.compile("|".join(rf"\b{p}" for p in PROCEDURAL_PHRASES), re.I)
""":data:`PROCEDURAL_PHRASES` as one pattern."""


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


@dataclass(frozen=True)
class Unsupported:
    """What a statement gives that its letter does not contain (ISO dates, numbers as written)."""

    dates: list[str]
    numbers: list[str]

    def all(self) -> list[str]:
        return self.dates + self.numbers


class LetterFacts:
    """The dates and numbers one letter contains, computed once per letter."""

    def __init__(self, letter: str, deadlines_from: dt.date | None = None) -> None:
        """``deadlines_from``: the date a summary counted the appeal deadline from (its
        decision date). When the letter states that date, the deadlines the one rule in
        :func:`~llm_extract.text.dates.appeal_deadlines` gives from it are allowed as
        derived facts; no other date that is not in the letter is."""
        self.dates = dates_in(letter)
        self.numbers = numbers_in(letter)
        self.derived: set[dt.date] = set()
        if deadlines_from is not None and deadlines_from in self.dates:
            self.derived = set(appeal_deadlines(deadlines_from).values())

    def check(self, statement: str) -> Unsupported:
        """Dates and numbers ``statement`` gives that the letter does not contain.

        Dates are compared as dates (any spelling); the numbers inside a recognised
        date are not counted again. The fixed procedural phrases and the derived
        deadlines are allowed.
        Never returns a piece of letter text: only ISO dates and plain numbers.
        """
        dates = find_dates(statement)
        missing_dates = [d.isoformat() for d, _ in dates if d not in self.dates and d not in self.derived]
        rest = PROCEDURAL_FACTS.sub(" ", _blank(statement, [span for _, span in dates]))
        missing_numbers = [n for n in _NUMBER.findall(rest) if float(n) not in self.numbers]
        return Unsupported(dates=missing_dates, numbers=missing_numbers)

    def unsupported(self, statement: str) -> list[str]:
        """:meth:`check` as one list, dates first."""
        return self.check(statement).all()


def unsupported_facts(statement: str, letter: str, deadlines_from: dt.date | None = None) -> list[str]:
    """:meth:`LetterFacts.unsupported` for a single statement."""
    return LetterFacts(letter, deadlines_from).unsupported(statement)

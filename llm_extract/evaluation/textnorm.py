"""Text normalisation for the scorers: the rules live in :mod:`llm_extract.text`, pairing here.

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

from difflib import SequenceMatcher

from llm_extract.text.dates import find_dates
from llm_extract.text.facts import LetterFacts, numbers_in, unsupported_facts
from llm_extract.text.fold import fold, match_key

__all__ = ["LetterFacts", "find_dates", "fold", "match_key", "numbers_in", "similarity", "unsupported_facts"]


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

"""Readability scores for the plain-language summaries.

English uses the Flesch-Kincaid grade (a US school grade; the target is grade 6 or
lower, the usual goal for patient materials). Spanish uses Fernandez-Huerta reading
ease (0-100, higher is easier; 70 or more reads as "fairly easy"), the Spanish
adaptation of Flesch reading ease.

Both are computed by the standard library only, from compact tables shipped as
package data (``llm_extract/text/data``), so a process pays a few milliseconds for its
first score instead of textstat's one-second load of the CMU pronouncing dictionary:

* English: :mod:`llm_extract.text.syllables_en` reproduces textstat 0.7.8's
  ``flesch_kincaid_grade`` bit for bit (same tokenisation, same CMU-derived syllable
  counts, same order of float operations), so English grades are exactly the ones the
  summaries were calibrated against.
* Spanish: :mod:`llm_extract.text.syllables_es` counts syllables by the RAE rules.
  textstat counted Spanish syllables with hyphenation patterns, which undercount short
  vowel-rich words (``día``, ``oído``, ``aprobado``), so Spanish scores differ from the
  textstat-era ones (by design: they are now correct).

:func:`hard_words` lists the English words a grade-6 reader may not know (Dale-Chall
familiar-word list plus regular inflections), for writers and checks that need to say
*which* words make a summary hard, not only that it is.
"""

from __future__ import annotations

from llm_extract.contract.languages import LangCode
from llm_extract.contract.models import Readability, ReadabilityMetric
from llm_extract.text.syllables_en import flesch_kincaid_grade

__all__ = ["ENGLISH_TARGET", "SPANISH_TARGET", "hard_words", "score"]

ENGLISH_TARGET = 6.0
"""Highest acceptable Flesch-Kincaid grade."""
SPANISH_TARGET = 70.0
"""Lowest acceptable Fernandez-Huerta reading ease."""

_DECIMALS = 2
"""Scores are rounded so that identical summaries serialise identically."""


def _rounded(value: float) -> float:
    """Round to a fixed precision; ``+ 0.0`` turns ``-0.0`` into ``0.0``."""
    return round(value, _DECIMALS) + 0.0


def score(text: str, lang: LangCode, hard_words: list[str] | None = None) -> Readability:
    """Score ``text``: Flesch-Kincaid grade for English, Fernandez-Huerta for Spanish.

    Empty text scores 0.0 in both metrics (textstat's convention), which meets the
    English target and misses the Spanish one. ``hard_words`` (see :func:`hard_words`)
    is stored with the score when the caller has them.
    """
    if lang == "en":
        grade = _rounded(flesch_kincaid_grade(text))
        return Readability(
            metric=ReadabilityMetric.flesch_kincaid_grade,
            score=grade,
            target=ENGLISH_TARGET,
            meets_target=grade <= ENGLISH_TARGET,
            hard_words=hard_words,
        )
    if lang == "es":
        from llm_extract.text.syllables_es import fernandez_huerta  # on first use: most runs are English

        ease = _rounded(fernandez_huerta(text))
        return Readability(
            metric=ReadabilityMetric.fernandez_huerta,
            score=ease,
            target=SPANISH_TARGET,
            meets_target=ease >= SPANISH_TARGET,
            hard_words=hard_words,
        )
    raise ValueError(f"unsupported summary language: {lang!r}")


def hard_words(text: str, glossary: frozenset[str] | set[str] | tuple[str, ...] = frozenset()) -> list[str]:
    """The English words of ``text`` a grade-6 reader may not know, each once, in order of appearance.

    A word is familiar when it is on the Dale-Chall list of ~3,000 words most US 4th
    graders know, is a regular inflection of one (``approved``, ``visits``), or is in
    ``glossary`` (terms the summary explains, names; compared in lower case). Numbers
    and single letters are never reported. Words come back as written (``MRI``), so a
    message can quote them. Advisory: nothing here gates a summary.
    """
    from llm_extract.text.easy_words import hard_words as find_hard_words  # on first use: not on the extract path

    return find_hard_words(text, frozenset(word.lower() for word in glossary))

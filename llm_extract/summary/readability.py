"""Readability scores for the plain-language summaries.

English uses the Flesch-Kincaid grade (a US school grade; the target is grade 6 or
lower, the usual goal for patient materials). Spanish uses Fernandez-Huerta reading
ease (0-100, higher is easier; 70 or more reads as "fairly easy"), the Spanish
adaptation of Flesch reading ease.

Both come from textstat 0.7.8, which counts syllables offline with the bundled
CMU dictionary and Pyphen hyphenation tables. Newer textstat releases fetch NLTK
data at run time, which fails without network, so the version is pinned and this
module only uses calls that exist in 0.7.8. Each language has its own
``textstatistics`` instance: the module-level textstat functions share one global
language setting, and switching it for Spanish would change English scores computed
elsewhere in the process.
"""

from __future__ import annotations

from typing import Literal

from textstat.textstat import textstatistics

from llm_extract.contract.models import Readability, ReadabilityMetric

__all__ = ["ENGLISH_TARGET", "SPANISH_TARGET", "score"]

ENGLISH_TARGET = 6.0
"""Highest acceptable Flesch-Kincaid grade."""
SPANISH_TARGET = 70.0
"""Lowest acceptable Fernandez-Huerta reading ease."""

_DECIMALS = 2
"""Scores are rounded so that identical summaries serialise identically."""


def _statistics(lang: str) -> textstatistics:
    stats = textstatistics()
    stats.set_lang(lang)
    return stats


_ENGLISH = _statistics("en_US")
_SPANISH = _statistics("es")


def _rounded(value: float) -> float:
    """Round to a fixed precision; ``+ 0.0`` turns ``-0.0`` into ``0.0``."""
    return round(value, _DECIMALS) + 0.0


def score(text: str, lang: Literal["en", "es"]) -> Readability:
    """Score ``text``: Flesch-Kincaid grade for English, Fernandez-Huerta for Spanish.

    Empty text scores 0.0 in both metrics (textstat's convention), which meets the
    English target and misses the Spanish one.
    """
    if lang == "en":
        grade = _rounded(_ENGLISH.flesch_kincaid_grade(text))
        return Readability(
            metric=ReadabilityMetric.flesch_kincaid_grade,
            score=grade,
            target=ENGLISH_TARGET,
            meets_target=grade <= ENGLISH_TARGET,
        )
    if lang == "es":
        ease = _rounded(_SPANISH.fernandez_huerta(text))
        return Readability(
            metric=ReadabilityMetric.fernandez_huerta,
            score=ease,
            target=SPANISH_TARGET,
            meets_target=ease >= SPANISH_TARGET,
        )
    raise ValueError(f"unsupported summary language: {lang!r}")

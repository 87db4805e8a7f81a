"""Reading scores recomputed by the harness, memoised in the result cache.

The harness re-scores every summary itself rather than trusting the score a
backend reports. The score is a pure function of the text, the language and the
code (the fingerprint covers readability.py and its tables), so it is memoised
under that key next to the cached documents.
"""

from __future__ import annotations

import hashlib

from llm_extract.backends.base import Language
from llm_extract.contract.models import Readability
from llm_extract.engine.cache import ResultCache
from llm_extract.summary.readability import score

_NAMESPACE = "llm-extract-eval-readability/1"


class Grader:
    """``score(text, lang)`` through an optional cache."""

    def __init__(self, cache: ResultCache | None, fingerprint: str) -> None:
        self.cache = cache
        self.fingerprint = fingerprint

    def _key(self, text: str, lang: Language) -> str:
        material = "\0".join((_NAMESPACE, self.fingerprint, lang, text))
        return hashlib.sha256(material.encode("utf-8")).hexdigest()

    def score(self, text: str, lang: str) -> Readability:
        language: Language = "es" if lang == "es" else "en"
        if self.cache is None:
            return score(text, language)
        key = self._key(text, language)
        hit = self.cache.get(key)
        if hit is not None:
            return Readability.model_validate_json(hit)
        result = score(text, language)
        self.cache.set(key, result.model_dump_json())
        return result

"""Library entry points: one letter in, one validated :class:`Extraction` out."""

from __future__ import annotations

from pathlib import Path

from llm_extract.backends.base import Backend, ExtractOptions, Language
from llm_extract.backends.rules import RulesBackend
from llm_extract.contract.models import Extraction
from llm_extract.letter.inputs import from_text, load_path, read_letter


def extract_text(text: str, *, lang: Language = "en", backend: Backend | None = None) -> Extraction:
    """Extract a letter given as text; raises a typed error if it cannot be read."""
    letter = read_letter(from_text(text))
    return (backend or RulesBackend()).extract(letter, ExtractOptions(lang=lang))


def extract_file(path: str | Path, *, lang: Language = "en", backend: Backend | None = None) -> Extraction:
    """Extract a ``.txt`` or ``.pdf`` letter from disk."""
    letter = read_letter(load_path(Path(path)))
    return (backend or RulesBackend()).extract(letter, ExtractOptions(lang=lang))

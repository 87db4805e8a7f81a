"""The renderers' entry points: an extraction in, the worker's document out."""

from __future__ import annotations

from llm_extract.contract.models import Extraction
from llm_extract.render.document import build_document
from llm_extract.render.html import render_html
from llm_extract.render.text import render_text
from llm_extract.render.words import Lang


def to_text(extraction: Extraction, lang: Lang | None = None) -> str:
    """The worker's document as plain text (``lang`` defaults to the summary's language)."""
    return render_text(build_document(extraction, lang))


def to_html(extraction: Extraction, lang: Lang | None = None) -> str:
    """The worker's document as a self-contained printable HTML page."""
    return render_html(build_document(extraction, lang))

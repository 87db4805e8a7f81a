"""llm-extract: grounded decisions and plain-language summaries from IMR letters.

The public surface is small on purpose: extract a letter (text or file), the
output contract models, and the error tree. Everything else is internal.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .api import extract_file, extract_text
from .errors import LlmExtractError
from .models import Decision, Extraction, Outcome, Summary

__all__ = [
    "Decision",
    "Extraction",
    "LlmExtractError",
    "Outcome",
    "Summary",
    "__version__",
    "extract_file",
    "extract_text",
]

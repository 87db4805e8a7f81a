"""llm-extract: grounded decisions and plain-language summaries from IMR letters.

The public surface is small on purpose: extract a letter (text or file), the
output contract models, and the error tree. Everything else is internal.

The names are loaded on first use (PEP 562), so ``import llm_extract`` stays cheap
for the command line and importing a sub-package never runs the whole pipeline's
imports through this file (no import cycle through the package root).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from llm_extract.version import __version__

if TYPE_CHECKING:
    from llm_extract.contract.models import Decision, Extraction, Outcome, Summary
    from llm_extract.engine.api import extract_file, extract_text
    from llm_extract.errors import LlmExtractError

_LAZY = {
    "Decision": "llm_extract.contract.models",
    "Extraction": "llm_extract.contract.models",
    "Outcome": "llm_extract.contract.models",
    "Summary": "llm_extract.contract.models",
    "extract_file": "llm_extract.engine.api",
    "extract_text": "llm_extract.engine.api",
    "LlmExtractError": "llm_extract.errors",
}

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


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'llm_extract' has no attribute {name!r}")
    return getattr(import_module(module), name)

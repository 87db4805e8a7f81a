"""The one interface every extraction backend implements.

The pipeline (and the CLI, the HTTP service and the eval harness) only ever talk to
a :class:`Backend`; the core never imports a provider. A backend declares its
``identity``: everything about it that can change its output. That dict, and only
it, goes into cache keys, so a prompt edit or model change invalidates exactly the
results it affects.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from llm_extract.contract.languages import LangCode
from llm_extract.contract.models import Extraction
from llm_extract.letter.inputs import LetterText

Language = LangCode


@dataclass(frozen=True)
class ExtractOptions:
    """Per-request options that change the output."""

    lang: Language = "en"

    def identity(self) -> dict[str, Any]:
        return {"lang": self.lang}


class Backend(Protocol):
    name: str

    def identity(self) -> dict[str, Any]:
        """Everything about this backend that changes its output (versions, model, prompts)."""
        ...

    def extract(self, letter: LetterText, options: ExtractOptions) -> Extraction:
        """Extract one letter, or raise an :class:`~llm_extract.errors.LlmExtractError`."""
        ...

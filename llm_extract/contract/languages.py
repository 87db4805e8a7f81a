"""The languages a summary and the worker's document are written in: one list for every layer.

The command line, the eval command, the summary and the renderers all name their language
from here, so adding a language is one edit (and its templates).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

LangCode = Literal["en", "es"]
"""A language as the summary and renderers type it."""


class Lang(StrEnum):
    """A language as the command line offers it (the same codes as :data:`LangCode`)."""

    en = "en"
    es = "es"

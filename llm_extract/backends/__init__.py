"""Extraction backends. Only the LLM backend module may import openai/instructor."""

from .base import Backend, ExtractOptions, Language
from .rules import RulesBackend

__all__ = ["Backend", "ExtractOptions", "Language", "RulesBackend"]

"""Extraction backends. Only the LLM backend module may import openai/instructor."""

from llm_extract.backends.base import Backend, ExtractOptions, Language
from llm_extract.backends.rules import RulesBackend

__all__ = ["Backend", "ExtractOptions", "Language", "RulesBackend"]

"""Shared fixtures: the corpus directory (tests skip when it is absent) and an isolated cache."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from llm_extract.fixtures import default_corpus


def corpus_dir() -> Path | None:
    """``$LLM_EXTRACT_CORPUS`` or ``../shared/corpus/dwc-2016`` beside the repo."""
    override = os.environ.get("LLM_EXTRACT_CORPUS")
    if override:
        return Path(override) if Path(override).is_dir() else None
    return default_corpus()


@pytest.fixture
def corpus() -> Path:
    found = corpus_dir()
    if found is None:
        pytest.skip("shared corpus not found beside the repo (../shared/corpus/dwc-2016)")
    return found


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test reads or writes the user's real cache."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("LLM_EXTRACT_CACHE_DIR", str(cache))
    return cache

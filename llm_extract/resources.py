"""Where the package's data lives: the repo checkout, or the copy shipped in the wheel.

``prompts/``, ``evals/`` (fixtures, thresholds, baselines) and ``examples/letters/`` stay
at the top of the repo as the editable source of truth. A wheel carries a copy of the
parts a user needs at run time under ``llm_extract/_data/`` (see ``setup.py``), laid out
the same way, so every path below resolves the same in both places.
"""

from __future__ import annotations

import functools
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
SOURCE_ROOT = PACKAGE_DIR.parent
PACKAGED_ROOT = PACKAGE_DIR / "_data"

DATA_DIRS = ("prompts", "evals", "examples")
"""Top-level folders whose run-time parts ship as package data."""


@functools.cache
def in_checkout() -> bool:
    """True when running from the source tree (editable install or ``python -m`` in the repo)."""
    return (SOURCE_ROOT / "pyproject.toml").is_file() and (SOURCE_ROOT / "prompts").is_dir()


def data_root() -> Path:
    """The folder holding ``prompts/``, ``evals/`` and ``examples/``."""
    return SOURCE_ROOT if in_checkout() else PACKAGED_ROOT


def data_path(*parts: str) -> Path:
    """A path below :func:`data_root`, e.g. ``data_path("prompts")``."""
    return data_root().joinpath(*parts)

"""The installed package's version, read from its metadata (one source: pyproject.toml).

Read straight from the ``llm_extract-<version>.dist-info`` folder on ``sys.path`` when there
is exactly one: importing :mod:`importlib.metadata` costs ~40 ms of CPU per process (it
pulls in email, zipfile and csv), a seventh of a cold ``llm-extract extract``. Anything
unusual (several installs side by side, zipped or egg installs) falls back to it.
"""

from __future__ import annotations

import sys
from pathlib import Path


def _from_dist_info() -> str | None:
    for entry in sys.path:
        try:
            found = list(Path(entry or ".").glob("llm_extract-*.dist-info"))
        except OSError:
            continue
        if len(found) > 1:
            return None
        if found:
            name = found[0].name.removesuffix(".dist-info")
            return name.split("-", 1)[1]
    return None


def _from_metadata() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("llm-extract")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"


__version__ = _from_dist_info() or _from_metadata()

__all__ = ["__version__"]

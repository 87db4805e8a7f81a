"""pydantic's plugin discovery, without :mod:`importlib.metadata` when no plugin is installed.

pydantic looks for its plugins (the ``pydantic`` entry-point group) when it builds its
first validator: ``pydantic.plugin._loader`` imports :mod:`importlib.metadata` (~25 ms of
CPU per process: it pulls in email, zipfile and csv, which :mod:`llm_extract.version`
already avoids for the same reason) and then reads the entry points of every installed
distribution, in every cold ``llm-extract extract``, to find none.

:func:`skip_discovery_without_plugins` reads the same declarations directly (the
``entry_points.txt`` of each ``.dist-info`` or ``.egg-info`` folder on ``sys.path``, as
importlib.metadata does) and only when none declares the ``pydantic`` group does it stand
in for the loader with one that finds nothing: what pydantic's own discovery would have
found. A declared plugin, anything unusual on ``sys.path`` (a zip, an unreadable folder)
or a loader already imported leaves pydantic's discovery in place.
"""

from __future__ import annotations

import importlib
import os
import sys
import types
from collections.abc import Iterable

__all__ = ["declares_pydantic_plugins", "skip_discovery_without_plugins"]

_LOADER = "pydantic.plugin._loader"
_GROUP = "[pydantic]"
_METADATA_SUFFIXES = (".dist-info", ".egg-info")


def skip_discovery_without_plugins() -> bool:
    """Stand in for pydantic's plugin loader when no installed distribution declares a
    plugin; True when it did. Call before the first model builds its validator."""
    if _LOADER in sys.modules or _other_finders() or declares_pydantic_plugins(sys.path) is not False:
        return False
    loader = types.ModuleType(_LOADER, "No pydantic plugin is installed (see llm_extract.contract.plugins).")
    loader.get_plugins = _no_plugins  # type: ignore[attr-defined]  # the one name pydantic 2.14 imports from it
    loader.__dict__["__getattr__"] = _real_name  # any other name: a later pydantic's loader (PEP 562)
    sys.modules[_LOADER] = loader
    return True


def _real_name(name: str) -> object:
    """A name the stand-in does not have, from pydantic's own loader (imported only then): a
    pydantic newer than the one this was written for may ask its loader for more than
    ``get_plugins``, and then gets what it asked for instead of an ImportError."""
    if name.startswith("__"):
        raise AttributeError(name)  # import machinery probing dunders: not the loader's names
    del sys.modules[_LOADER]
    try:
        real = importlib.import_module(_LOADER)
    except BaseException:
        raise AttributeError(name) from None
    return getattr(real, name)


def _no_plugins() -> tuple[()]:
    """What ``pydantic.plugin._loader.get_plugins`` returns when no plugin is installed."""
    return ()


def _other_finders() -> bool:
    """Whether an import hook besides the path finder lists distributions too: importlib.metadata
    would ask it, and only importlib.metadata knows how."""
    from importlib.machinery import PathFinder

    return any(hasattr(finder, "find_distributions") and finder is not PathFinder for finder in sys.meta_path)


def declares_pydantic_plugins(path: Iterable[str]) -> bool | None:
    """Whether a distribution on ``path`` declares a ``pydantic`` entry point; None when
    that cannot be told without importlib.metadata (an entry that is a file or cannot be listed)."""
    for entry in path:
        folder = entry or "."
        if not os.path.isdir(folder):
            if os.path.exists(folder):
                return None  # a zip or an egg: importlib.metadata reads inside it
            continue
        try:
            names = os.listdir(folder)
        except OSError:
            return None
        for name in names:
            if name.endswith(_METADATA_SUFFIXES) and _declares(os.path.join(folder, name, "entry_points.txt")):
                return True
    return False


def _declares(entry_points: str) -> bool:
    """Whether an ``entry_points.txt`` has a ``[pydantic]`` section (a missing file has none)."""
    try:
        with open(entry_points, encoding="utf-8") as file:
            return any(line.strip() == _GROUP for line in file)
    except (FileNotFoundError, NotADirectoryError):  # no entry points, or an egg-info file
        return False
    except (OSError, UnicodeDecodeError):
        return True  # unreadable: let importlib.metadata decide

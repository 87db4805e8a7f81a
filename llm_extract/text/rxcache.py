"""Compiled regular expressions kept between processes, as ``.pyc`` files keep bytecode.

A cold ``llm-extract extract`` compiles a few hundred patterns (the parser's, the reason
cues', the summary's), and ``re`` spends ~70 ms of CPU parsing them into SRE code: about
a sixth of the run, repeated by every process although the patterns never change.
:func:`compile` does what ``re.compile`` does, but keeps what the parse produced (the SRE
code list, the group count and names) in one file and builds the pattern from it with
``_sre.compile``, as ``re._compiler.compile`` itself does after parsing, in the processes
that follow.

The cache is only a cache: the file is stamped with the exact Python build and the SRE
engine's magic number and code size, and checksummed; a file from another Python, a
damaged or foreign file, an entry ``_sre`` refuses and a place that cannot be written all
mean ``re``'s own compile, silently. The file lives in this package's ``__pycache__``
when that can be written (as the bytecode does), else in the user cache directory, else
nowhere; it is rewritten at exit only when a process compiled patterns it did not hold.

Only patterns fixed by the source belong here (a pattern built from a letter's text would
only grow the file); :data:`MAX_ENTRIES` bounds it anyway.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # the C engine under re, no stubs
import atexit
import contextlib
import marshal
import os
import re
import sys
import zlib
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]  # re's own halves, no stubs

__all__ = ["DEFAULT", "MAX_ENTRIES", "RegexCache", "compile"]

_Key = tuple[str, int]
"""A pattern's text and the flags it was compiled with."""
_Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
"""What ``_sre.compile`` takes after the pattern: final flags, code, groups, groupindex, indexgroup.
The code is kept as its words' bytes (native unsigned ints, ``_sre.CODESIZE`` each): the file
then reads in ~0.4 ms instead of ~2.6 ms as lists of ints, and only the patterns a process
uses are turned back into lists."""

MAX_ENTRIES = 1024
"""Entries a file may hold (the package compiles ~480): beyond it, only what the writing process
used is kept, so patterns edited away during development do not slow every later load."""

_FORMAT = 2
_STAMP = (
    "llm-extract regex cache",
    _FORMAT,
    sys.version,
    sys.implementation.cache_tag,
    _sre.MAGIC,
    _sre.CODESIZE,
    _sre.MAXREPEAT,
    _sre.MAXGROUPS,
    sys.maxunicode,
)
"""A file made by any other Python (or engine, or layout of this file) is not read."""

_FILE_NAME = f"regex.{sys.implementation.cache_tag}.cache"
_UNCACHED = re.DEBUG | re.TEMPLATE  # re.compile prints or warns for these: left to it


class RegexCache:
    """Compiled patterns by ``(pattern, flags)``, read from and written to the first usable place.

    ``places`` are candidate files, in order of preference: the first that holds a valid
    cache is read (once, on first use); at exit, if patterns were compiled that it did not
    hold, the merged table is written to the first place that can be written.
    """

    def __init__(
        self, places: list[Path] | None = None, *, write_at_exit: bool = True, max_entries: int = MAX_ENTRIES
    ) -> None:
        self._places = places
        self._write_at_exit = write_at_exit
        self._max_entries = max_entries
        self._known: dict[_Key, _Entry] | None = None
        self._new: dict[_Key, _Entry] = {}
        self._used: set[_Key] = set()
        self._registered = False
        self.hits = 0
        """Patterns built from the file's entries."""
        self.misses = 0
        """Patterns parsed and compiled in this process (each is added to the file at exit)."""

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        """``re.compile(pattern, flags)``, from the cache when it holds the pattern."""
        flags = int(flags)
        if flags & _UNCACHED or not isinstance(pattern, str):
            return re.compile(pattern, flags)
        key = (pattern, flags)
        known = self._known if self._known is not None else self._load()
        entry = known.get(key)
        if entry is not None:
            try:
                final_flags, code, groups, groupindex, indexgroup = entry
                words = memoryview(code).cast("I").tolist()
                compiled: re.Pattern[str] = _sre.compile(pattern, final_flags, words, groups, groupindex, indexgroup)
            except Exception:  # damaged entry: _sre validates the code it is given
                known.pop(key, None)
            else:
                self._used.add(key)
                self.hits += 1
                return compiled
        return self._compile_new(pattern, flags, key)

    def _compile_new(self, pattern: str, flags: int, key: _Key) -> re.Pattern[str]:
        """Parse and compile as ``re._compiler.compile`` does, keeping the parts for the file."""
        try:
            parsed = _parser.parse(pattern, flags)
            code = _compiler._code(parsed, flags)
            groupindex = dict(parsed.state.groupdict)
            indexgroup: list[str | None] = [None] * parsed.state.groups
            for name, index in groupindex.items():
                indexgroup[index] = name
            final_flags, groups = flags | parsed.state.flags, parsed.state.groups - 1
            compiled: re.Pattern[str] = _sre.compile(pattern, final_flags, code, groups, groupindex, tuple(indexgroup))
            from array import array  # here: only a process that compiles something new needs it

            words = array("I", code)
        except re.error:
            raise
        except Exception:  # re's internals differ from 3.11's: its public compile still works
            return re.compile(pattern, flags)
        if words.itemsize != _sre.CODESIZE:  # pragma: no cover - a C unsigned int is 4 bytes where CPython runs
            return compiled
        entry: _Entry = (final_flags, words.tobytes(), groups, groupindex, tuple(indexgroup))
        self._new[key] = entry
        self._used.add(key)
        self.misses += 1
        if self._write_at_exit and not self._registered:
            self._registered = True
            atexit.register(self.save)
        return compiled

    def patterns(self) -> list[tuple[str, int]]:
        """The ``(pattern, flags)`` compiled through this cache in this process, sorted."""
        return sorted(self._used)

    def _load(self) -> dict[_Key, _Entry]:
        known: dict[_Key, _Entry] = {}
        for place in self._candidates(creating=False):
            found = _read(place)
            if found is not None:
                known = found
                break
        self._known = known
        return known

    def save(self) -> Path | None:
        """Write the table if this process added to it; the place written, or None."""
        if not self._new:
            return None
        known = self._known or {}
        merged = {**known, **self._new}
        if len(merged) > self._max_entries:
            merged = {key: entry for key, entry in merged.items() if key in self._used}
        try:
            payload = marshal.dumps(merged)
        except ValueError:  # pragma: no cover - every entry is made of ints, strs, bytes and dicts
            return None
        data = marshal.dumps((_STAMP, zlib.crc32(payload), payload))
        for place in self._candidates(creating=True):
            if _write(place, data):
                self._known, self._new = merged, {}
                return place
        return None

    def _candidates(self, *, creating: bool) -> list[Path]:
        if self._places is not None:
            return self._places
        return _default_places(creating=creating)


def _read(place: Path) -> dict[_Key, _Entry] | None:
    """The table in ``place`` if it is a valid cache made by this very Python, else None."""
    try:
        data = place.read_bytes()
        stamp, checksum, payload = marshal.loads(data)
        if stamp != _STAMP or zlib.crc32(payload) != checksum:
            return None
        table = marshal.loads(payload)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return table if isinstance(table, dict) else None


def _write(place: Path, data: bytes) -> bool:
    """Write ``data`` to ``place`` atomically (a reader sees the old file or the new one)."""
    temporary = place.with_name(f"{place.name}.{os.getpid()}.tmp")
    try:
        place.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        os.replace(temporary, place)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        return False
    return True


def _default_places(*, creating: bool) -> list[Path]:
    """This package's ``__pycache__``, then the user cache directory, looked up only when
    needed: a process that finds (or may write) the file beside the package never imports
    platformdirs."""
    beside = Path(__file__).resolve().parent / "__pycache__" / _FILE_NAME
    if not creating and (beside.is_file() or _writable(beside.parent)):
        return [beside]
    try:
        import platformdirs

        user = Path(platformdirs.user_cache_dir("llm-extract")) / _FILE_NAME
    except Exception:  # no home directory, or no platformdirs: nowhere else to look
        return [beside]
    return [beside, user]


def _writable(directory: Path) -> bool:
    """``directory`` can be written, or created in a parent that can."""
    return os.access(directory if directory.is_dir() else directory.parent, os.W_OK)


DEFAULT = RegexCache()
"""The package's cache, which :func:`compile` uses."""


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)`` for a pattern fixed by the source, kept between processes."""
    return DEFAULT.compile(pattern, flags)

"""Where ``extract --out`` writes each letter's document, and how, safely.

Names can never collide, and a run never loses a letter:

* A letter found inside a directory argument keeps its path relative to that
  directory (``letters/2016/a.pdf`` with ``--out out`` gives ``out/2016/a.json``), so
  same-named letters in different sub-folders stay apart.
* In one folder, letters that share a stem (``a.txt`` and ``a.pdf``) are all named
  with their suffix (``a.txt.json``, ``a.pdf.json``), whichever comes first.
* Files named directly on the command line are written by file name; two of them with
  the same name (``x/a.txt y/a.txt``) are refused before anything is written, with an
  error naming both: pass their folder instead, or run them separately.

Each document is written to a unique temporary file in its target folder and renamed
over the target (atomic on POSIX), so concurrent runs into one folder never see a
partial file or each other's temporary files; the last rename wins.
"""

from __future__ import annotations

import os
import tempfile
from collections import defaultdict
from pathlib import Path

from llm_extract.errors import OutputCollisionError


def output_names(inputs: list[tuple[Path, Path]]) -> dict[Path, Path]:
    """Input file -> document path relative to ``--out``, from (file, name relative to its argument)."""
    by_stem: dict[Path, list[tuple[Path, Path]]] = defaultdict(list)
    for path, relative in inputs:
        by_stem[relative.parent / relative.stem].append((path, relative))
    names: dict[Path, Path] = {}
    for stem, group in by_stem.items():
        for path, relative in group:
            names[path] = stem.with_name(f"{relative.name}.json" if len(group) > 1 else f"{stem.name}.json")
    owners: dict[Path, list[Path]] = defaultdict(list)
    for path, name in names.items():
        owners[name].append(path)
    clashes = [paths for paths in owners.values() if len(paths) > 1]
    if clashes:
        shown = "; ".join(" and ".join(str(p) for p in paths) for paths in clashes[:3])
        raise OutputCollisionError(
            f"these inputs would be written to the same file under --out: {shown}; nothing was written",
            hint="pass the folder that holds them (sub-folders are kept under --out) or run them separately",
        )
    return names


def write_atomic(target: Path, content: str | bytes) -> None:
    """Write ``content`` (text as UTF-8) to ``target`` through a unique temporary file renamed into place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

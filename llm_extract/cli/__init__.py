"""Command line: ``llm-extract extract|cache|schema|serve|keys|worker|eval``.

:func:`main` is the console script. A plain ``extract`` line and the bare ``--help`` run
without importing typer (:mod:`llm_extract.cli.lean`, :mod:`llm_extract.cli.helptext`);
everything else, other help pages and usage errors included, goes to the typer app
(:mod:`llm_extract.cli.typerapp`, also reachable here as ``app``). All three read the
commands' one definition in :mod:`llm_extract.cli.commands`.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from llm_extract.cli.collector import turn_off

if TYPE_CHECKING:
    from llm_extract.cli.typerapp import app

__all__ = ["app", "main"]


def main(argv: Sequence[str] | None = None) -> Any:
    """Run the command line (``argv`` defaults to ``sys.argv[1:]``); returns or raises the exit code.

    Run as the process's own command line (no ``argv``), ``extract`` turns the cyclic garbage
    collector off for the rest of the process. Start-up creates ~57,000 tracked objects that
    live until exit (pydantic's schemas, the regex cache's table, word lists); the collector
    visits each about twice as they age, 82 collections and ~15-40 ms of CPU in a cold
    one-letter run, and finds next to nothing (:mod:`llm_extract.cli.collector`, which turns it
    back on for a batch of more than one letter). An in-process caller that passes ``argv``
    keeps its collector.
    """
    args = sys.argv[1:] if argv is None else list(argv)
    if args == ["--help"]:
        from llm_extract.cli.helptext import print_main_help

        if (code := print_main_help()) is not None:
            return code
    if args[:1] == ["extract"]:
        if argv is None:
            turn_off()
        from llm_extract.cli.lean import run_extract

        code = run_extract(args[1:])
        if code is not None:
            return code
    from llm_extract.cli.typerapp import app

    return app() if argv is None else app(args)


def __getattr__(name: str) -> Any:
    if name == "app":  # loaded on first use: importing typer is what `main` avoids
        from llm_extract.cli.typerapp import app

        return app
    raise AttributeError(f"module 'llm_extract.cli' has no attribute {name!r}")

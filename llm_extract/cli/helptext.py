"""``llm-extract --help`` without typer: the main command's help from the commands' one definition.

Importing typer (and its copy of click) costs ~50-80 ms of CPU, about two thirds of a cold
``--help``. The page typer would print is simple enough to write here from what typer itself
reads (:data:`~llm_extract.cli.commands.APP_HELP`, the annotations of ``common_options``, the
commands' docstrings and :data:`~llm_extract.cli.commands.LAZY_COMMANDS`), laid out as click
lays it out: usage line, help paragraph, then the options and commands as two-column lists
wrapped to the terminal's width (at most 80 columns). tests/test_cli_help.py checks that the
page is byte-for-byte typer's at several widths, so a change to typer's layout fails there
rather than drifting.

Only the bare ``--help`` of the main command is answered here; every other help page and
usage error is typer's.
"""

from __future__ import annotations

import contextlib
import errno
import inspect
import os
import shutil
import sys
import textwrap
from collections.abc import Callable, Sequence
from typing import Any

from llm_extract.cli import commands
from llm_extract.cli.lean import Declared, Recorder, quiet_stdio

_HELP_OPTION = ("--help", "Show this message and exit.")
_COL_MAX = 30
_COL_SPACING = 2
_INDENT = 2


def program_name() -> str | None:
    """The name click would show in the usage line, or None where click would say ``python -m ...``."""
    main = sys.modules.get("__main__")
    if getattr(main, "__package__", None):
        return None
    return os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else None


def page_width() -> int:
    """click's help width: the terminal's columns (``COLUMNS`` first), at most 80, less 2, at least 50."""
    return max(min(shutil.get_terminal_size().columns, 80) - 2, 50)


def main_help(prog: str, width: int) -> str:
    """The main command's ``--help`` page, as typer prints it (without the final newline)."""
    lines = [_usage(prog, "[OPTIONS] COMMAND [ARGS]...", width), ""]
    lines.append(_wrap(commands.APP_HELP, width, " " * _INDENT))
    lines += ["", "Options:", *_definitions([*_option_rows(commands.common_options), _HELP_OPTION], width)]
    rows = _command_rows(width)
    lines += ["", "Commands:", *_definitions(rows, width)]
    return "\n".join(lines)


def print_main_help() -> int | None:
    """Print the main ``--help`` page and return the exit code; None (nothing printed) where typer
    must answer instead. Output that cannot be written (a full disk, a closed pipe) is one line on
    stderr and exit code 1, not a traceback."""
    prog = program_name()
    if prog is None or any(key.startswith("_") and key.endswith("_COMPLETE") for key in os.environ):
        return None
    try:
        sys.stdout.write(main_help(prog, page_width()) + "\n")
        sys.stdout.flush()
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            with contextlib.suppress(OSError):
                sys.stderr.write(
                    f"error [output] cannot write the help page ({exc.strerror}); check where stdout goes\n"
                )
        quiet_stdio()  # no second error while flushing at exit
        return 1
    return 0


def _usage(prog: str, args: str, width: int) -> str:
    prefix = f"Usage: {prog} "
    return _wrap(args, width, " " * len(prefix), first=prefix)


def _wrap(text: str, width: int, indent: str, *, first: str | None = None) -> str:
    wrapper = textwrap.TextWrapper(
        width, initial_indent=indent if first is None else first, subsequent_indent=indent, replace_whitespace=False
    )
    return wrapper.fill(" ".join(text.split()))


def _option_rows(command: Callable[..., Any]) -> list[tuple[str, str]]:
    """(names, help) of each option of a typer callback, read from its annotations (flags only)."""
    signature = inspect.signature(command, eval_str=True, locals={"typer": Recorder})
    rows = []
    for parameter in signature.parameters.values():
        declared = [extra for extra in getattr(parameter.annotation, "__metadata__", ()) if isinstance(extra, Declared)]
        names = declared[0].names if declared else ()
        # click lists the shorter prefixes first ("-v, --verbose")
        ordered = sorted(names, key=lambda name: len(name) - len(name.lstrip("-")))
        rows.append((", ".join(ordered), declared[0].settings.get("help", "") if declared else ""))
    return rows


def _command_rows(width: int) -> list[tuple[str, str]]:
    """The command list in typer's order: own commands, lazy commands, groups, lazy groups."""
    named: list[tuple[str, str]] = [(c.__name__.replace("_", "-"), inspect.getdoc(c) or "") for c in commands.COMMANDS]
    lazy = commands.LAZY_COMMANDS
    named += [(name, spec.help) for name, spec in lazy.items() if not spec.group]
    named.append(("cache", commands.CACHE_HELP))
    named += [(name, spec.help) for name, spec in lazy.items() if spec.group]
    limit = width - 6 - max(len(name) for name, _ in named)
    return [(name, short_help(text, limit)) for name, text in named]


def short_help(text: str, limit: int) -> str:
    """click's one-line help of a command: its first paragraph, cut at a sentence's end or with "..."."""
    words = text.split("\n\n", 1)[0].split()
    total = 0
    for i, word in enumerate(words):
        total += len(word) + (i > 0)
        if total > limit:
            break
        if word.endswith("."):
            return " ".join(words[: i + 1])
        if total == limit and i != len(words) - 1:
            break
    else:
        return " ".join(words)
    total += len("...")
    while i > 0:
        total -= len(words[i]) + (i > 0)
        if total <= limit:
            break
        i -= 1
    return " ".join(words[:i]) + "..."


def _definitions(rows: Sequence[tuple[str, str]], width: int) -> list[str]:
    """click's two-column list (``write_dl``) at the section indent."""
    first_col = min(max(len(name) for name, _ in rows), _COL_MAX) + _COL_SPACING
    text_width = max(width - first_col - 2, 10)
    pad = " " * (first_col + _INDENT)
    lines = []
    for name, text in rows:
        head = " " * _INDENT + name
        if not text:
            lines.append(head)
            continue
        wrapped = textwrap.wrap(" ".join(text.split()), text_width) or [""]
        if len(name) <= first_col - _COL_SPACING:
            lines.append(head + " " * (first_col - len(name)) + wrapped[0])
        else:
            lines += [head, pad + wrapped[0]]
        lines += [pad + line for line in wrapped[1:]]
    return lines

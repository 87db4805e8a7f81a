"""The command line's consoles: plain lines are written directly, rich is loaded only to format."""

from __future__ import annotations

import sys
from functools import cached_property
from typing import Any


class LazyConsole:
    """A rich ``Console`` made on first use (importing rich costs ~40 ms a process)."""

    def __init__(self, *, stderr: bool) -> None:
        self._stderr = stderr

    @cached_property
    def _console(self) -> Any:
        from rich.console import Console

        return Console(stderr=self._stderr, highlight=False)

    def print(self, text: str, *, soft_wrap: bool = False) -> None:
        """Print like rich; plain text to a pipe or file is written directly (what rich would write)."""
        stream = sys.stderr if self._stderr else sys.stdout
        if soft_wrap and "[" not in text and not stream.isatty() and "_console" not in self.__dict__:
            stream.write(text + "\n")
            return
        self._console.print(text, soft_wrap=soft_wrap)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._console, name)

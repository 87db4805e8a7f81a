"""The typer app's commands that are imported only when invoked.

A cold ``llm-extract --help`` used to import FastAPI, the eval harness and rich before
doing anything (0.6-0.9 s of CPU per run). Here ``serve``, ``keys`` and ``eval`` are
registered by name and imported only when invoked (their one-line help for the command
list is kept in :data:`llm_extract.cli.commands.LAZY_COMMANDS`).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup
from typer.main import get_command

from llm_extract.cli.commands import LAZY_COMMANDS


def load_command(name: str) -> Any:
    """Import a lazy command's module and build its click command (typer's own conversion)."""
    spec = LAZY_COMMANDS[name]
    target = getattr(import_module(spec.module), spec.attribute)
    # Registered on a throw-away parent exactly as `app.add_typer` / `app.command` would.
    parent = typer.Typer(rich_markup_mode=None, add_completion=False)
    if isinstance(target, typer.Typer):
        target.rich_markup_mode = None  # the same plain help as the rest of the CLI
        parent.add_typer(target, name=name)
    else:
        parent.command(name)(target)
        parent.command("_")(lambda: None)  # a second command keeps typer from collapsing the parent
    group = get_command(parent)
    assert isinstance(group, TyperGroup)
    return group.commands[name]


class LazyGroup(TyperGroup):
    """The main command group: eager commands as usual, lazy ones imported when resolved."""

    _listing = False

    def list_commands(self, ctx: Any) -> list[str]:
        eager = [n for n in super().list_commands(ctx) if n not in LAZY_COMMANDS]
        commands = [n for n in eager if not isinstance(self.commands[n], TyperGroup)]
        groups = [n for n in eager if n not in commands]
        lazy_commands = [n for n, spec in LAZY_COMMANDS.items() if not spec.group]
        lazy_groups = [n for n, spec in LAZY_COMMANDS.items() if spec.group]
        return [*commands, *lazy_commands, *groups, *lazy_groups]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        spec = LAZY_COMMANDS.get(cmd_name)
        if spec is not None and cmd_name not in self.commands:
            if getattr(self, "_listing", False):
                return TyperCommand(cmd_name, help=spec.help)  # a stand-in for the command list
            self.commands[cmd_name] = load_command(cmd_name)
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The command list without importing the lazy commands (their help line is kept above)."""
        self._listing = True
        try:
            super().format_commands(ctx, formatter)
        finally:
            self._listing = False

"""The typer app: help, usage errors and every command, built from :mod:`llm_extract.cli.commands`.

Imported for everything but a plain ``extract`` (see :mod:`llm_extract.cli.lean`); the
commands, their options and their help are defined once, in ``commands``.
"""

from __future__ import annotations

import typer

from llm_extract.cli import commands
from llm_extract.cli.lazy import LazyGroup

commands.bind_typer()

app = typer.Typer(
    name="llm-extract",
    help=commands.APP_HELP,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    # Plain click help: typer's rich help formatter costs ~0.1 s of CPU per `--help`.
    rich_markup_mode=None,
    # `serve`, `keys` and `eval` are imported only when invoked (FastAPI, the eval harness).
    cls=LazyGroup,
)
cache_app = typer.Typer(help=commands.CACHE_HELP, no_args_is_help=True, rich_markup_mode=None)
app.add_typer(cache_app, name="cache")

app.callback()(commands.common_options)
for command in commands.COMMANDS:
    app.command()(command)
for name, command in commands.CACHE_COMMANDS.items():
    cache_app.command(name)(command)

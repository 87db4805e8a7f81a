"""``llm-extract extract ...`` run without typer, from the one definition in :mod:`llm_extract.cli.commands`.

Importing typer and building its command costs ~30 ms of CPU, a tenth of a cold
``extract``. The command's options are read here from the very annotations typer reads
(evaluated with a stand-in for ``typer.Option``/``typer.Argument`` that records what they
were given), and a command line made only of what this parser understands runs the
command directly: known options with a value (``--name value`` or ``--name=value``),
flags, ``--``, and the arguments anywhere, as click parses them.

Anything else is left to typer, which parses the whole line again and answers in its own
words (nothing has run by then): ``--help``, an unknown or repeated option, a value that
does not convert or breaks a limit, a value that looks like an option, no argument, an
option setting not listed in :data:`_PASSIVE`. tests/test_cli_lean.py checks that both
parsers give the command the same values.
"""

from __future__ import annotations

import errno
import inspect
import os
import sys
from collections.abc import Callable, Sequence
from enum import Enum
from pathlib import Path
from types import NoneType, UnionType
from typing import Annotated, Any, NamedTuple, Union, get_args, get_origin

_PASSIVE = frozenset({"help", "metavar", "show_default", "rich_help_panel", "min", "max"})
"""Option settings that leave parsing as it is (``min`` and ``max`` are checked here)."""

_LEAVES = (Path, str, int, bool)
"""Value types parsed here, besides enums (``bool`` options are flags)."""


_NO_PYDANTIC_PLUGINS = "PYDANTIC_DISABLE_PLUGINS"
"""Set (unless the user set it) while ``extract`` runs: pydantic otherwise scans every installed
distribution's entry points for its plugins when the first model is built (~5 ms of CPU).
The command's own models use none; a user who wants a plugin in it sets the variable to ""."""


class Refused(Exception):
    """The command line needs typer (see the module docstring)."""


class Declared(NamedTuple):
    """What ``typer.Option(...)`` or ``typer.Argument(...)`` was given, recorded rather than built.

    (Named tuples rather than dataclasses here: three frozen dataclasses cost ~1 ms more to make.)
    """

    argument: bool
    names: tuple[str, ...]
    settings: dict[str, Any]


class Recorder:
    """Stands in for the ``typer`` module (same names) while a command's annotations are evaluated."""

    @staticmethod
    def Option(*names: str, **settings: Any) -> Declared:
        return Declared(False, names, settings)

    @staticmethod
    def Argument(*names: str, **settings: Any) -> Declared:
        return Declared(True, names, settings)


class Param(NamedTuple):
    name: str
    kind: type
    many: bool
    settings: dict[str, Any]


class Spec(NamedTuple):
    """A command's parameters as this parser sees them."""

    options: dict[str, tuple[Param, bool | None]]
    """Option name -> its parameter and, for a flag, the value it sets."""
    argument: Param | None
    defaults: dict[str, Any]
    required: frozenset[str]


def read_spec(command: Callable[..., Any]) -> Spec:
    """The parameters of a command written for typer, from its annotations."""
    signature = inspect.signature(command, eval_str=True, locals={"typer": Recorder})
    options: dict[str, tuple[Param, bool | None]] = {}
    argument: Param | None = None
    defaults: dict[str, Any] = {}
    for parameter in signature.parameters.values():
        if get_origin(parameter.annotation) is not Annotated:
            raise Refused(parameter.name)
        base, *extras = get_args(parameter.annotation)
        declared = [extra for extra in extras if isinstance(extra, Declared)]
        if len(declared) != 1 or not set(declared[0].settings) <= _PASSIVE:
            raise Refused(parameter.name)
        kind, many = _value_type(base)
        param = Param(parameter.name, kind, many, declared[0].settings)
        if parameter.default is not inspect.Parameter.empty:
            defaults[parameter.name] = parameter.default
        names = declared[0].names
        if declared[0].argument:
            if argument is not None or names:
                raise Refused(parameter.name)
            argument = param
            continue
        if many or any(not name.startswith("-") or "/" in name for name in names):
            raise Refused(parameter.name)
        if kind is bool and not names:  # typer's default pair of flags
            dashed = parameter.name.replace("_", "-")
            options[f"--{dashed}"] = (param, True)
            options[f"--no-{dashed}"] = (param, False)
            continue
        for name in names or (f"--{parameter.name.replace('_', '-')}",):
            options[name] = (param, True if kind is bool else None)
    required = frozenset(signature.parameters) - set(defaults)
    return Spec(options, argument, defaults, required)


def _value_type(annotation: Any) -> tuple[type, bool]:
    """(value type, whether a list) of ``T``, ``T | None`` or ``list[T]``, for the types parsed here."""
    if isinstance(annotation, UnionType) or get_origin(annotation) is Union:
        members = [member for member in get_args(annotation) if member is not NoneType]
        if len(members) != 1:
            raise Refused(str(annotation))
        annotation = members[0]
    many = get_origin(annotation) is list
    if many:
        (annotation,) = get_args(annotation)
    if annotation in _LEAVES or (isinstance(annotation, type) and issubclass(annotation, Enum)):
        return annotation, many
    raise Refused(str(annotation))


def parse(spec: Spec, args: Sequence[str]) -> dict[str, Any]:
    """The command's keyword arguments for ``args``, or :class:`Refused`."""
    values: dict[str, Any] = {}
    positional: list[str] = []
    index = 0
    while index < len(args):
        token = args[index]
        index += 1
        if token == "--":
            positional.extend(args[index:])
            break
        if token == "-" or not token.startswith("-"):
            positional.append(token)
            continue
        name, equals, attached = token.partition("=") if token.startswith("--") else (token, "", "")
        found = spec.options.get(name)
        if found is None:
            raise Refused(token)
        param, flag = found
        if param.name in values:
            raise Refused(token)
        if flag is not None:
            if equals:
                raise Refused(token)
            values[param.name] = flag
            continue
        if not equals:
            if index == len(args) or args[index].startswith("-"):
                raise Refused(token)
            attached = args[index]
            index += 1
        values[param.name] = _convert(param, attached)
    if spec.argument is not None:
        if not positional or (len(positional) > 1 and not spec.argument.many):
            raise Refused("arguments")
        converted = [_convert(spec.argument, raw) for raw in positional]
        values[spec.argument.name] = converted if spec.argument.many else converted[0]
    elif positional:
        raise Refused("arguments")
    if not spec.required <= set(values):
        raise Refused("missing")
    return {**spec.defaults, **values}


def _convert(param: Param, raw: str) -> Any:
    kind = param.kind
    if raw == "":
        raise Refused(param.name)
    if kind is Path:
        return Path(raw)
    if kind is str:
        return raw
    if kind is int:
        if not (raw.isascii() and raw.isdigit()):
            raise Refused(param.name)
        number = int(raw)
        low, high = param.settings.get("min"), param.settings.get("max")
        if (low is not None and number < low) or (high is not None and number > high):
            raise Refused(param.name)
        return number
    if issubclass(kind, Enum):
        for member in kind:
            if member.value == raw:
                return member
    raise Refused(param.name)


def run_extract(args: Sequence[str]) -> int | None:
    """Run ``extract`` with ``args`` (what follows the command's name) and return its exit code;
    None, having done nothing, when the line is typer's to parse."""
    if any(key.startswith("_") and key.endswith("_COMPLETE") for key in os.environ):
        return None  # a shell-completion request (click reads _<PROG>_COMPLETE)
    from llm_extract.cli import commands

    try:
        kwargs = parse(read_spec(commands.extract), args)
    except Refused:
        return None
    plugins = os.environ.get(_NO_PYDANTIC_PLUGINS)
    if plugins is None:
        os.environ[_NO_PYDANTIC_PLUGINS] = "__all__"
    try:  # what click's main does around a command, for the failures a command line meets
        commands.common_options()
        commands.extract(**kwargs)
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            raise
        quiet_stdio()  # the reader went away (`| head`): no second error while flushing at exit
        return 1
    finally:
        if plugins is None:
            del os.environ[_NO_PYDANTIC_PLUGINS]
    return 0


def quiet_stdio() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        try:
            os.dup2(devnull, stream.fileno())
        except (OSError, ValueError):
            continue

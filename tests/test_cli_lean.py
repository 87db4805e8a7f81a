"""The typer-free `extract` parser (cli.lean) gives the command what typer would, or leaves the line to typer."""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Annotated, Any

import pytest
import typer
from typer.testing import CliRunner

from llm_extract.cli import commands, lean, main

ACCEPTED = [
    ["a.txt"],
    ["a.txt", "dir", "b.pdf"],
    ["--no-cache", "--format", "json", "a.txt"],
    ["a.txt", "--format=text", "--lang", "es", "b.txt"],
    ["--out", "out", "--cache-dir", "c", "--max-pages", "3", "--backend", "llm", "--concurrency", "4", "a.txt"],
    ["--lang=en", "--", "--not-an-option.txt", "-"],
    ["--concurrency", "1", "--max-pages", "0", "x"],
]

REFUSED = [
    [],
    ["--help"],
    ["-h"],
    ["--bogus", "a.txt"],
    ["--lang", "fr", "a.txt"],
    ["--format", "JSON", "a.txt"],
    ["--concurrency", "0", "a.txt"],
    ["--concurrency", "two", "a.txt"],
    ["--max-pages", "-3", "a.txt"],
    ["--format", "json", "--format", "text", "a.txt"],
    ["--out", "--no-cache", "a.txt"],
    ["--no-cache=yes", "a.txt"],
    ["--backend=", "a.txt"],
    ["a.txt", "--out"],
    ["--format"],
]


def _typer_kwargs(args: list[str]) -> dict[str, Any]:
    """What typer passes to `extract` for ``args`` (the command itself is not run)."""
    seen: dict[str, Any] = {}
    commands.bind_typer()

    @functools.wraps(commands.extract)
    def probe(**kwargs: Any) -> None:
        seen.update(kwargs)

    app = typer.Typer()
    app.command("extract")(probe)
    app.command("other")(lambda: None)  # two commands keep typer from collapsing the group
    result = CliRunner().invoke(app, ["extract", *args])
    assert result.exit_code == 0, result.output
    return seen


@pytest.mark.parametrize("args", ACCEPTED, ids=" ".join)
def test_lean_parser_gives_what_typer_gives(args: list[str]) -> None:
    parsed = lean.parse(lean.read_spec(commands.extract), args)
    typed = _typer_kwargs(args)
    assert parsed == typed
    assert {name: type(value) for name, value in parsed.items()} == {name: type(v) for name, v in typed.items()}


@pytest.mark.parametrize("args", REFUSED, ids=" ".join)
def test_lines_it_does_not_understand_are_left_to_typer(args: list[str]) -> None:
    with pytest.raises(lean.Refused):
        lean.parse(lean.read_spec(commands.extract), args)


def test_a_refused_line_gets_typers_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert lean.run_extract(["--lang", "fr", "a.txt"]) is None
    with pytest.raises(SystemExit) as exited:
        main(["extract", "--lang", "fr", "a.txt"])
    assert exited.value.code == 2
    assert "Invalid value for '--lang'" in capsys.readouterr().err


def test_an_option_setting_it_does_not_know_makes_it_refuse_the_command() -> None:
    def command(path: Annotated[Path, typer.Option(exists=True)]) -> None:
        pass

    with pytest.raises(lean.Refused):
        lean.read_spec(command)


def test_a_plain_line_runs_the_command_and_returns_its_exit_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "missing.txt")
    with pytest.raises(SystemExit) as exited:
        lean.run_extract(["--no-cache", "--format", "json", missing])
    assert exited.value.code == 1
    assert "missing.txt" in capsys.readouterr().err
    seed = Path(__file__).resolve().parent.parent / "examples" / "letters" / "seed-000.txt"
    assert main(["extract", "--no-cache", "--format", "json", str(seed)]) == 0
    assert '"decisions"' in capsys.readouterr().out


def test_pydantic_plugins_are_not_looked_up_during_extract_unless_the_user_says(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[str | None] = []

    @functools.wraps(commands.extract)
    def probe(**kwargs: Any) -> None:
        seen.append(os.environ.get("PYDANTIC_DISABLE_PLUGINS"))

    monkeypatch.setattr(commands, "extract", probe)
    monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS", raising=False)
    assert lean.run_extract(["a.txt"]) == 0
    assert "PYDANTIC_DISABLE_PLUGINS" not in os.environ  # restored once the command is done
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "")  # the user's choice is left alone
    assert lean.run_extract(["a.txt"]) == 0
    assert seen == ["__all__", ""]

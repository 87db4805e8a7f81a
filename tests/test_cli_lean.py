"""The typer-free `extract` parser (cli.lean) gives the command what typer would, or leaves the line to typer."""

from __future__ import annotations

import functools
import gc
import os
import subprocess
import sys
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


SEEDS = sorted(str(p) for p in (Path(__file__).resolve().parent.parent / "examples" / "letters").glob("*.txt"))

_AS_THE_PROCESS = """
import gc, sys
from llm_extract.cli import main
sys.argv = ["llm-extract", *sys.argv[1:]]
code = main()
print("@@GC@@", gc.isenabled(), code)
"""


def test_extract_as_the_process_runs_without_the_cycle_collector_and_an_in_process_caller_keeps_it() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _AS_THE_PROCESS, "extract", "--no-cache", "--format", "json", SEEDS[0]],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.stdout.rsplit("@@GC@@", 1)[1].split() == ["False", "0"], done.stderr
    assert gc.isenabled()
    assert main(["extract", "--no-cache", "--format", "json", SEEDS[0]]) == 0
    assert gc.isenabled()


def test_a_batch_as_the_process_turns_the_collector_back_on() -> None:
    # a letter that fails leaves its error's traceback in a cycle: thousands of them must be collected
    done = subprocess.run(
        [sys.executable, "-c", _AS_THE_PROCESS, "extract", "--no-cache", "--format", "json", *SEEDS[:2]],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.stdout.rsplit("@@GC@@", 1)[1].split() == ["True", "0"], done.stderr


def _cyclic_garbage_of(args: list[str]) -> int:
    """The objects only the cycle collector could free that running ``extract args`` left behind."""
    gc.collect()
    gc.disable()
    try:
        assert main(["extract", *args]) == 0
        return gc.collect()
    finally:
        gc.enable()


@pytest.mark.parametrize("options", [["--format", "json"], ["--format", "text", "--lang", "es"]])
def test_a_batch_of_letters_leaves_no_more_cyclic_garbage_than_one_letter(
    options: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Why the command line may run without the collector: memory cannot grow with the letters."""
    batch = [tmp_path / "in" / f"{n}-{Path(seed).name}" for n in range(4) for seed in SEEDS]
    for path, seed in zip(batch, SEEDS * 4, strict=True):
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(Path(seed).read_bytes())
    _cyclic_garbage_of(["--no-cache", *options, *SEEDS])  # imports and first-use tables
    one = _cyclic_garbage_of(["--no-cache", *options, SEEDS[0]])
    many = _cyclic_garbage_of(["--no-cache", *options, *map(str, batch)])
    written = _cyclic_garbage_of(["--no-cache", "--out", str(tmp_path / "out"), *options, *map(str, batch)])
    capsys.readouterr()
    assert many <= one
    assert written <= one + 50  # creating the folder and naming the files: once per command, not per letter

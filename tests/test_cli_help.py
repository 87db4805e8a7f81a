"""The bare ``llm-extract --help`` is written without typer (cli.helptext); it must be typer's page.

Each case runs two fresh processes at one terminal width: the console script (the lean page)
and typer's app directly. Any difference (a new command, an option, a changed docstring, or
a typer release that lays the page out differently) fails here.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from llm_extract.cli.helptext import short_help

ROOT = Path(__file__).resolve().parent.parent
CLI = Path(sys.executable).parent / "llm-extract"
_TYPER = "import sys; sys.argv[0] = 'llm-extract'; from llm_extract.cli.typerapp import app; app()"


def _run(args: list[str], columns: int) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": str(columns)}
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False)


@pytest.mark.parametrize("columns", [200, 80, 57, 40])
def test_the_lean_help_page_is_typers_page(columns: int) -> None:
    lean = _run([str(CLI), "--help"], columns)
    typer_page = _run([sys.executable, "-c", _TYPER, "--help"], columns)
    assert (lean.returncode, typer_page.returncode) == (0, 0), lean.stderr + typer_page.stderr
    assert lean.stdout.startswith("Usage: llm-extract [OPTIONS] COMMAND [ARGS]...")
    assert lean.stdout == typer_page.stdout


def test_help_run_as_a_module_is_left_to_typer_with_its_program_name() -> None:
    done = _run([sys.executable, "-m", "llm_extract", "--help"], 80)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Usage: python -m llm_extract [OPTIONS] COMMAND [ARGS]...")


_HELP_LINES = [
    "Print the schema. Then stop.",
    "Extract job letters from the queue at LLM_EXTRACT_QUEUE_URL (see docs/jobs.md); stops on SIGTERM.",
    "Serve the HTTP API (see docs/http-api.md and docs/jobs.md). Needs at least one API key.",
    "Short help",
    "First paragraph only\n\nnot this one",
    "exactly twenty chars",
]


@pytest.mark.parametrize("text", _HELP_LINES)
def test_a_commands_help_line_is_cut_as_click_cuts_it(text: str) -> None:
    from typer._click.utils import make_default_short_help

    for limit in range(8, 100):
        assert short_help(text, limit) == make_default_short_help(text, limit), limit


def test_a_help_page_that_cannot_be_written_is_one_line_and_exit_code_1() -> None:
    full = Path("/dev/full")
    if not full.exists():
        pytest.skip("no /dev/full on this system")
    with full.open("w") as sink:
        done = subprocess.run(
            [str(CLI), "--help"], cwd=ROOT, stdout=sink, stderr=subprocess.PIPE, text=True, check=False
        )
    assert done.returncode == 1
    assert done.stderr.startswith("error [output] cannot write the help page") and "Traceback" not in done.stderr

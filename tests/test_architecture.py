"""The layering is enforced: a wrong-way import or an import cycle fails the checks.

Each test copies the package to a scratch folder, plants one bad import and runs the
same check ``scripts/test`` runs, which must then fail and name the problem.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "llm_extract", tmp_path / "llm_extract", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def _plant(root: Path, module: str, line: str) -> None:
    path = root.joinpath(*module.split(".")).with_suffix(".py")
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")


def _run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(list(args), cwd=root, env=env, capture_output=True, text=True, timeout=120)


def test_the_layer_contracts_hold_on_the_real_tree() -> None:
    done = _run(ROOT, str(BIN / "lint-imports"), "--no-cache")
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_wrong_way_import_breaks_the_layer_contract(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    _plant(root, "llm_extract.text.fold", "import llm_extract.engine.cache  # noqa: E402,F401")
    done = _run(root, str(BIN / "lint-imports"), "--no-cache")
    assert done.returncode != 0
    assert "llm_extract.text.fold -> llm_extract.engine.cache" in done.stdout


def test_a_provider_import_outside_the_llm_package_is_refused(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    _plant(root, "llm_extract.verify.grounding", "import openai  # noqa: E402,F401")
    done = _run(root, str(BIN / "lint-imports"), "--no-cache")
    assert done.returncode != 0
    assert "llm_extract.verify.grounding -> openai" in done.stdout


@pytest.mark.parametrize("planted", [False, True])
def test_the_cycle_check_finds_a_planted_cycle(tmp_path: Path, planted: bool) -> None:
    root = _copy(tmp_path)
    if planted:  # service.state is imported by service.routes; make it import routes back
        _plant(root, "llm_extract.service.state", "import llm_extract.service.routes  # noqa: E402,F401")
    done = _run(root, sys.executable, str(ROOT / "scripts" / "check_cycles.py"))
    assert (done.returncode != 0) is planted, done.stdout
    if planted:
        assert "llm_extract.service.routes" in done.stdout and "llm_extract.service.state" in done.stdout

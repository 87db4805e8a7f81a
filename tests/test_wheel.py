"""The wheel works anywhere: built, installed into a fresh venv and run outside the repo.

Dependencies come from this test run's own environment (a ``.pth`` line in the fresh
venv), so nothing is downloaded; llm-extract itself comes only from the wheel.
"""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(args: list[str], cwd: Path, env: dict[str, str], timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    """(bin dir, working dir outside the repo, environment) of a fresh venv holding the wheel."""
    tmp = tmp_path_factory.mktemp("wheel")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LLM_EXTRACT_", "OPENAI_", "PYTHON"))}
    env.update(HOME=str(tmp / "home"), XDG_CACHE_HOME=str(tmp / "cache"), XDG_DATA_HOME=str(tmp / "data"))
    source = tmp / "src"  # a clean copy: a wheel build must not see the checkout's build/ or caches
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".venv",
            ".git",
            "__pycache__",
            "build",
            "*.egg-info",
            ".mypy_cache",
            ".ruff_cache",
            ".pytest_cache",
            "evals/runs",
            "evals/reports",
            "out",
            ".tools",
        ),
    )
    built = _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "-w",
            str(tmp / "dist"),
            str(source),
        ],
        tmp,
        env,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    wheel = next((tmp / "dist").glob("llm_extract-*.whl"))
    target = tmp / "venv"
    venv.EnvBuilder(with_pip=False).create(target)
    purelib = next(target.glob("lib/python*/site-packages"))
    deps = [p for p in site.getsitepackages() if Path(p).is_dir()]
    (purelib / "_deps.pth").write_text("\n".join(deps) + "\n", encoding="utf-8")
    done = _run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(target / "bin" / "python"),
            "install",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        tmp,
        env,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    work = tmp / "elsewhere"
    work.mkdir()
    shutil.copy(ROOT / "examples" / "letters" / "seed-003.txt", work / "letter.txt")
    return target / "bin", work, env


def test_the_wheel_is_what_runs(installed: tuple[Path, Path, dict[str, str]]) -> None:
    bin_dir, work, env = installed
    done = _run([str(bin_dir / "python"), "-c", "import llm_extract.resources as r; print(r.data_root())"], work, env)
    assert done.returncode == 0, done.stderr
    assert "site-packages/llm_extract/_data" in done.stdout


def test_extract_a_seed_outside_the_repo(installed: tuple[Path, Path, dict[str, str]]) -> None:
    bin_dir, work, env = installed
    done = _run([str(bin_dir / "llm-extract"), "extract", "letter.txt", "--format", "json", "--no-cache"], work, env)
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert doc["provenance"]["backend"] == "rules"
    assert [d["outcome"] for d in doc["decisions"]] and doc["summary"]["text"]


def test_gated_eval_on_the_shipped_seed_fixtures(installed: tuple[Path, Path, dict[str, str]]) -> None:
    bin_dir, work, env = installed
    done = _run([str(bin_dir / "llm-extract"), "eval", "--backend", "rules", "--gate"], work, env)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "gate passed" in done.stdout + done.stderr


def test_hybrid_against_an_unreachable_endpoint_is_a_transport_error(
    installed: tuple[Path, Path, dict[str, str]],
) -> None:
    bin_dir, work, env = installed
    env = {
        **env,
        "LLM_EXTRACT_BASE_URL": "http://127.0.0.1:9/v1",
        "LLM_EXTRACT_MODEL": "m",
        "LLM_EXTRACT_RETRY_INITIAL": "0.01",
        "LLM_EXTRACT_RETRY_MAX": "0.02",
    }
    done = _run(
        [
            str(bin_dir / "llm-extract"),
            "extract",
            "letter.txt",
            "--backend",
            "hybrid",
            "--no-cache",
            "--format",
            "json",
        ],
        work,
        env,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    assert "llm-transport" in done.stderr
    assert "does not exist" not in done.stderr and "Traceback" not in done.stderr

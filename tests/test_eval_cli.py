"""``llm-extract eval`` as a user and CI meet it: run, report, compare, gate, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from llm_extract.cli import app
from llm_extract.evaluation.records import list_runs, load_run, save_run
from llm_extract.evaluation.runner import run_eval
from tests.evalkit import SEEDS, copy_fixtures, flip_first, text_sha

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout + result.stderr


def dirs(tmp_path: Path) -> list[str]:
    return ["--runs-dir", str(tmp_path / "runs"), "--report", str(tmp_path / "reports")]


def test_gated_run_without_corpus_scores_the_seeds_and_writes_three_reports(tmp_path: Path) -> None:
    code, output = invoke("eval", "--gate", "--corpus", str(tmp_path / "absent"), *dirs(tmp_path))
    assert code == 0, output
    assert "65 fixture letter(s) missing" in output
    assert "gate passed" in output and "outcomes  1.000 (matched items)" in output
    assert "reasons   cover" in output
    assert len(output.splitlines()) <= 40, output  # the default report fits a screen
    runs = list((tmp_path / "runs").glob("*.jsonl"))
    assert len(runs) == 1
    record = load_run(runs[0])
    assert record.metrics["letters.scored"] == 5 and record.meta.backend == "rules"
    assert record.meta.git_commit is None or len(record.meta.git_commit) == 40
    stem = runs[0].stem
    assert (tmp_path / "reports" / f"{stem}.md").is_file()
    assert (tmp_path / "reports" / f"{stem}.html").read_text().startswith("<!DOCTYPE html>")
    # the second run of the same code is served from the cache
    code, output = invoke("eval", "--corpus", str(tmp_path / "absent"), *dirs(tmp_path))
    assert code == 0 and load_run(list_runs(tmp_path / "runs")[-1]).metrics["ops.cache_hit_rate"] == 1


def test_gate_exits_1_listing_what_failed_for_a_broken_label(tmp_path: Path) -> None:
    fixtures = copy_fixtures(tmp_path / "fixtures")
    label = fixtures / "seed-001.json"
    data = json.loads(label.read_text())
    data["expected"]["case"]["date_of_injury"] = "1999-01-01"
    label.write_text(json.dumps(data))
    code, output = invoke(
        "eval",
        "--gate",
        "--fixtures",
        str(fixtures),
        "--corpus",
        str(tmp_path / "absent"),
        "--no-cache",
        *dirs(tmp_path),
    )
    assert code == 1, output
    assert "gate FAILED" in output
    assert "fields.accuracy = 0.9" in output and "must be >= 1" in output
    assert "fields.header" in output
    assert "case.date_of_injury" in output  # the letters-with-problems table names the field


def test_compare_two_runs_lists_changed_letters_and_gates_b_against_a(tmp_path: Path) -> None:
    runs = tmp_path / "runs"
    a = save_run(run_eval(flip_first([]), SEEDS, corpus=None).record, runs)
    b = save_run(run_eval(flip_first([text_sha(SEEDS[2])]), SEEDS, corpus=None).record, runs)
    code, output = invoke("eval", "--compare", str(a), str(b), *dirs(tmp_path))
    assert code == 0, output
    assert "changed letters (1): seed-002" in output
    assert "decisions[1].outcome" in output and "broke" in output
    assert "not significant" in output
    assert list((tmp_path / "reports").glob("compare-*.md"))
    code, output = invoke("eval", "--compare", "previous", "latest", "--gate", *dirs(tmp_path))
    assert code == 1, output
    assert "outcome.accuracy" in output and "may be worse by at most 0" in output


def test_compare_against_the_committed_baseline(tmp_path: Path) -> None:
    save_run(run_eval(flip_first([]), SEEDS, corpus=None).record, tmp_path / "runs")
    code, output = invoke("eval", "--compare", "baseline", "latest", *dirs(tmp_path))
    assert code == 0, output
    assert "5 letter(s)" in output  # the seeds both runs scored


def test_llm_backend_without_an_endpoint_is_a_clear_config_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in (
        "LLM_EXTRACT_BASE_URL",
        "LLM_EXTRACT_MODEL",
        "LLM_EXTRACT_BACKEND",
        "OPENAI_API_KEY",
        "OPENAI_BASE_URL",
    ):
        monkeypatch.delenv(name, raising=False)
    code, output = invoke("eval", "--backend", "llm", "--corpus", str(tmp_path / "absent"), *dirs(tmp_path))
    assert code == 2
    assert "[config-error]" in output and "needs an endpoint" in output
    assert not (tmp_path / "runs").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--only", "seed-000", "--only", "nope"], "unknown fixture id(s): nope"),
        (["--compare", "no-such-run", "latest"], "no run 'no-such-run'"),
        (["--thresholds", "/nonexistent/thresholds.toml", "--gate"], "cannot read the thresholds"),
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    code, output = invoke("eval", *args, "--corpus", str(tmp_path / "absent"), *dirs(tmp_path))
    assert code == 2, output
    assert message in output

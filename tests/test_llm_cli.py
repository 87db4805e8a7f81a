"""`llm-extract extract --backend ... --concurrency ...` against the loopback fault server (FAKE model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from llm_extract.cli import app
from tests.faultserver import FaultServer
from tests.llm_support import SEEDS

runner = CliRunner()


@pytest.fixture
def endpoint_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "LLM_EXTRACT_BACKEND", "LLM_EXTRACT_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LLM_EXTRACT_MODEL", "fake-model")
    monkeypatch.setenv("LLM_EXTRACT_RETRY_INITIAL", "0.01")
    monkeypatch.setenv("LLM_EXTRACT_RETRY_MAX", "0.05")


def test_hybrid_batch_prints_usage_and_reruns_from_the_cache(
    endpoint_env: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with FaultServer(["429", "500"]) as server:
        monkeypatch.setenv("LLM_EXTRACT_BASE_URL", server.url)
        args = ["extract", "--backend", "hybrid", "--concurrency", "3", "--cache-dir", str(tmp_path / "c")]
        first = runner.invoke(app, [*args, "--out", str(tmp_path / "a"), *map(str, SEEDS)])
        calls = len(server.requests)
        second = runner.invoke(app, [*args, "--out", str(tmp_path / "b"), *map(str, SEEDS)])
    assert first.exit_code == 0, first.stderr
    assert "hybrid usage: 10 call(s), 12 attempt(s), 0 re-ask(s), 2 transport retries" in first.stderr
    assert len(server.requests) == calls == 12
    assert "5 cache hit(s)" in second.stderr and "0 call(s)" in second.stderr
    for seed in SEEDS:
        a = (tmp_path / "a" / f"{seed.stem}.json").read_bytes()
        assert a == (tmp_path / "b" / f"{seed.stem}.json").read_bytes()
        assert json.loads(a)["grounding"]["fell_back"] == 0


def test_llm_backend_without_an_endpoint_is_a_config_error(endpoint_env: None) -> None:
    result = runner.invoke(app, ["extract", "--backend", "llm", str(SEEDS[0])])
    assert result.exit_code == 2
    assert "[config-error]" in result.stderr and "LLM_EXTRACT_BASE_URL" in result.stderr


def test_unknown_backend_is_a_config_error(endpoint_env: None) -> None:
    result = runner.invoke(app, ["extract", "--backend", "gpt", str(SEEDS[0])])
    assert result.exit_code == 2 and "rules, llm, hybrid" in result.stderr


def test_rules_stays_the_default(endpoint_env: None) -> None:
    result = runner.invoke(app, ["extract", "--format", "json", "--no-cache", str(SEEDS[0])])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["provenance"]["backend"] == "rules"
    assert "usage" not in result.stderr

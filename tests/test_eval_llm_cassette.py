"""The gated eval on the LLM path, replayed offline from a real-model recording.

Runs the eval harness (``run_eval`` and ``run_gate``, as ``llm-extract eval --backend
hybrid --gate`` does) on the ``hybrid`` backend over the 5 committed seed fixtures,
with every HTTP exchange replayed from ``cassettes/eval_hybrid_seeds.yaml``. That
cassette was recorded by ``make record`` (scripts/record_cassettes.py) from
llama-cpp-python's server running SmolLM2-135M-Instruct on 127.0.0.1; it is never
hand-written. Only the seed letters (committed in ``examples/letters/``) are used, so
the cassette holds no corpus text.

Replay uses the same conventions as tests/test_llm_cassettes.py (tests/llm_support.py):
``record_mode="none"``, requests matched on method, path and the whole JSON body
except ``model``, keys and request ids scrubbed. Letters run one at a time with a
concurrency of 1, so the requests are sent in the recorded order. A prompt, schema or
parser change that alters a request makes the replay fail: re-record with
``make record ARGS="--suite eval"``.

The run must pass the ``[backends.hybrid]`` gates of evals/thresholds.toml, including
the regression checks against the committed baseline (evals/baselines/hybrid.jsonl).
Set ``LLM_EXTRACT_EVAL_RUNS_DIR`` to also write the run record there (that is how the
baseline is regenerated; see evals/README.md, "LLM path in CI").
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from llm_extract.evaluation.gate import load_thresholds, run_gate
from llm_extract.evaluation.records import RunRecord, load_run, save_run
from llm_extract.evaluation.runner import run_eval
from tests.evalkit import SEEDS
from tests.llm_support import CASSETTES, MODEL, RECORDING, backend, open_cassette, recorded_settings

CASSETTE = "eval_hybrid_seeds.yaml"


def _failed_letters(record: RunRecord) -> str:
    failed = [f"{x.id}: {x.error}" for x in record.letters if x.status != "ok"]
    if not failed:
        return ""
    return (
        "letters failed (if a request differed from the recording, re-record with "
        '`make record ARGS="--suite eval"`):\n  ' + "\n  ".join(failed)
    )


def test_hybrid_eval_from_cassette_passes_its_gate() -> None:
    assert [f.id for f in SEEDS] == [f"seed-00{n}" for n in range(5)], "the 5 committed seed fixtures"
    if not RECORDING and not (CASSETTES / CASSETTE).exists():
        pytest.fail(f'missing cassette {CASSETTE}: record it with `make record ARGS="--suite eval"`')
    with open_cassette(CASSETTE) as cas:
        # The run record names the model that was recorded (``model`` is not matched on).
        model = MODEL if RECORDING else str(json.loads(cas.requests[0].body)["model"])
        hybrid = backend("hybrid", recorded_settings(backend="hybrid", model=model, max_concurrency=1))
        run = run_eval(hybrid, SEEDS, corpus=None, cache=None, jobs=1)
    record = run.record
    m = record.metrics
    assert m["letters.failed"] == 0, _failed_letters(record)
    if not RECORDING:  # the run asked exactly what was recorded, in full
        assert cas.all_played, (
            f"only {cas.play_count} of {len(cas.responses)} recorded answers were replayed: a request differed "
            "from the recording (a prompt, answer schema or parser change?); re-record with "
            '`make record ARGS="--suite eval"`'
        )
    assert m["ops.calls"] == 10 and m["ops.attempts"] == len(cas.requests)  # enrichment + summary per letter
    assert record.meta.backend == "hybrid" and record.meta.model == model and record.meta.jobs == 1
    assert {"hybrid_enrichment", "summary_en"} <= {p.name for p in record.meta.prompts}
    assert m["ops.cache_hit_rate"] == 0

    if runs_dir := os.environ.get("LLM_EXTRACT_EVAL_RUNS_DIR"):
        save_run(record, Path(runs_dir))
    limits = load_thresholds().for_backend("hybrid")
    baseline_path = limits.baseline_path()
    assert baseline_path is None or baseline_path.is_file(), f"the hybrid baseline {baseline_path} is missing"
    baseline = load_run(baseline_path) if baseline_path is not None else None
    result = run_gate(record, limits, baseline)
    assert result.checks, "the hybrid gate has no checks"
    assert result.passed, "hybrid gate FAILED:\n  " + "\n  ".join(c.message for c in result.failures)

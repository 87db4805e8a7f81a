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

SmolLM2-135M is a weak model on purpose: most of its answers fail their checks and fall
back to the parser and the templates. The test asserts that the eval *says so*: per
field, how many answers were accepted, rejected (and why) or fell back; that the
default ``[backends.hybrid]`` gates (the bar for a capable model) FAIL on it; and that
it passes the ``smollm2-replay`` profile, whose gates say they are for a weak model and
hold the fallbacks exact and the model's contribution at the committed baseline
(evals/baselines/hybrid.jsonl). Set ``LLM_EXTRACT_EVAL_RUNS_DIR`` to also write the run
record there (that is how the baseline is regenerated; see evals/README.md, "LLM path
in CI").
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from rich.console import Console

from llm_extract.evaluation.gate import load_thresholds, run_gate
from llm_extract.evaluation.present import ReportInput, model_rows
from llm_extract.evaluation.records import RunRecord, load_run, save_run
from llm_extract.evaluation.report_terminal import print_run
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


def test_hybrid_eval_from_cassette_reports_what_the_weak_model_did() -> None:
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

    # What the model did, per field, with the rejection causes.
    rows = {r.kind: r for r in model_rows(record.letters)}
    assert {"treatment_category", "body_region", "request", "reasons", "summary", "all"} <= set(rows)
    assert all(r.accepted is not None and r.fallback is not None for r in rows.values())
    assert rows["all"].causes, "every rejected answer has a cause"
    assert (m["model.fallback"] or 0) >= 0.5, "SmolLM2's answers are mostly not used"
    assert m["model.cause.other"] == 0, "a check message no cause rule knows: extend evaluation/contribution.py"
    console = Console(record=True, width=100)
    print_run(console, ReportInput(record=record))
    shown = console.export_text()
    assert "what the model contributed" in shown and rows["all"].causes[0][0] in shown

    # The default gates are for a capable model: this replay fails them, on the model's share.
    default = run_gate(record, load_thresholds().for_backend("hybrid"))
    assert not default.passed
    failed = {c.metric for c in default.failures}
    assert failed and all(name.startswith("model.") for name in failed), sorted(failed)

    # The profile for this weak model: fallbacks exact, contribution no worse than the baseline.
    thresholds = load_thresholds()
    assert "weak" in thresholds.profiles["smollm2-replay"].description.lower()
    limits = thresholds.for_backend("hybrid", "smollm2-replay")
    baseline_path = limits.baseline_path()
    assert baseline_path is not None and baseline_path.is_file(), f"the hybrid baseline {baseline_path} is missing"
    result = run_gate(record, limits, load_run(baseline_path))
    assert result.checks, "the smollm2-replay gate has no checks"
    assert result.passed, "smollm2-replay gate FAILED:\n  " + "\n  ".join(c.message for c in result.failures)

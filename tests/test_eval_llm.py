"""The harness on the LLM backends, offline: the fake model under the real client stack.

Uses the LLM tests' fake model (tests/llm_fakes.py), which answers from the parser
and never touches the network. Checks what only an LLM backend exercises: usage
accounting per letter, prompt provenance in the run record, re-asks, and a fully
cached second run that makes no calls.
"""

from __future__ import annotations

from pathlib import Path

from llm_extract.engine.cache import ResultCache
from llm_extract.evaluation.gate import load_thresholds, run_gate
from llm_extract.evaluation.runner import run_eval
from tests.evalkit import SEEDS
from tests.llm_fakes import FakeModel, FakeTransport
from tests.llm_support import backend, settings


def test_hybrid_eval_records_usage_prompts_and_passes_its_gate(tmp_path: Path) -> None:
    model = FakeModel(behaviour="ungrounded_first")  # every first answer fails its checks: one re-ask each
    hybrid = backend("hybrid", settings(backend="hybrid"), FakeTransport(model))
    cache = ResultCache(tmp_path / "cache")
    run = run_eval(hybrid, SEEDS, corpus=None, cache=cache)
    m = run.record.metrics
    assert m["outcome.accuracy"] == 1.0 and m["summary.outcomes_correct"] == 1.0 and m["grounding.rate"] == 1.0
    assert m["ops.calls"] == 10 and m["ops.attempts"] == 20 and m["ops.reasks"] == 10  # 2 calls per letter
    assert (m["ops.tokens"] or 0) > 0 and m["ops.cache_hit_rate"] == 0
    assert all(x.ops.calls == 2 for x in run.record.letters)
    meta = run.record.meta
    assert meta.backend == "hybrid" and meta.model == "fake-model"
    assert {"hybrid_enrichment", "summary_en"} <= {p.name for p in meta.prompts}
    assert all(p.version and p.sha256 and len(p.sha256) == 64 for p in meta.prompts)
    assert run_gate(run.record, load_thresholds().for_backend("hybrid")).passed

    sent = len(model.requests)
    again = run_eval(hybrid, SEEDS, corpus=None, cache=cache)
    assert len(model.requests) == sent  # fully cached: no request reached the model
    assert again.record.metrics["ops.calls"] == 0 and again.record.metrics["ops.cache_hit_rate"] == 1.0
    assert again.record.metrics["outcome.accuracy"] == 1.0

"""The eval gates plain words: a summary that leaves a hard word unexplained fails the gate."""

from __future__ import annotations

from llm_extract.backends.rules import RulesBackend
from llm_extract.evaluation.fixtures import load_fixtures
from llm_extract.evaluation.metrics import aggregate
from llm_extract.evaluation.runner import run_eval

SEEDS = [f for f in load_fixtures() if f.id.startswith("seed-")]


def test_rules_summaries_leave_no_hard_word_unexplained() -> None:
    run = run_eval(RulesBackend(), SEEDS, corpus=None)
    assert run.record.metrics["summary.plain_words"] == 1.0


def test_a_summary_reporting_a_hard_word_lowers_the_metric() -> None:
    run = run_eval(RulesBackend(), SEEDS, corpus=None)
    letters = run.record.letters
    first = letters[0]
    assert first.summary is not None
    spoiled = first.model_copy(update={"summary": first.summary.model_copy(update={"hard_words": ["petition"]})})
    metrics = aggregate([spoiled, *letters[1:]])
    assert metrics["summary.plain_words"] == (len(letters) - 1) / len(letters)

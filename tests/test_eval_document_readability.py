"""The eval scores and gates the worker's document, not only the summary text."""

from __future__ import annotations

import pytest

from llm_extract.backends.rules import RulesBackend
from llm_extract.evaluation.gate import load_thresholds, run_gate
from llm_extract.evaluation.metrics import aggregate
from llm_extract.evaluation.runner import EvalRun, run_eval
from llm_extract.render.reading import document_readability
from tests.evalkit import SEEDS

RULES = load_thresholds().for_backend("rules")


@pytest.fixture(scope="module", params=["en", "es"])
def seeds_run(request: pytest.FixtureRequest) -> EvalRun:
    return run_eval(RulesBackend(), SEEDS, corpus=None, lang=request.param)


def test_every_seed_document_is_scored_by_the_one_rule(seeds_run: EvalRun) -> None:
    assert seeds_run.record.metrics["summary.document_at_target"] == 1.0
    for letter in seeds_run.letters:
        score, extraction = letter.record.summary, letter.extraction
        assert score is not None and extraction is not None
        page = document_readability(extraction)
        assert (score.document_grade, score.document_meets_target) == (page.score, page.meets_target)
        assert score.document_grade != score.grade  # the document, not the summary text


def test_a_document_missing_the_target_fails_the_rules_gate(seeds_run: EvalRun) -> None:
    letters = seeds_run.record.letters
    first = letters[0]
    assert first.summary is not None
    spoiled = first.model_copy(update={"summary": first.summary.model_copy(update={"document_meets_target": False})})
    metrics = aggregate([spoiled, *letters[1:]])
    assert metrics["summary.document_at_target"] == (len(letters) - 1) / len(letters)
    record = seeds_run.record.model_copy(update={"letters": [spoiled, *letters[1:]], "metrics": metrics})
    result = run_gate(record, RULES)
    assert [c.metric for c in result.failures] == ["summary.document_at_target"]

"""The hand-labeled reasons are well-formed and their evidence is the letter's own words."""

from __future__ import annotations

from pathlib import Path

from llm_extract.evaluation.fixtures import iter_available, load_fixtures
from llm_extract.parse.parser import parse
from llm_extract.text.fold import fold

from .conftest import corpus_dir

EVALS = Path(__file__).resolve().parent.parent / "evals"


def test_every_item_has_reason_labels() -> None:
    decisions = [d for f in load_fixtures() for d in f.expected.decisions]
    assert len(decisions) == 165
    assert all(d.reasons is not None for d in decisions)
    for d in decisions:
        assert d.reasons is not None
        assert ("criteria_met" in d.reasons.gold) == (d.outcome.value == "overturned")


def test_evidence_is_quoted_from_the_items_rationale() -> None:
    checked = 0
    for fixture, path in iter_available(load_fixtures(), corpus_dir()):
        if path is None:
            continue
        parsed = parse(path.read_text(encoding="utf-8"))
        for label, decision in zip(fixture.expected.decisions, parsed.decisions, strict=True):
            assert label.reasons is not None
            assert fold(label.reasons.evidence) in fold(decision.rationale or ""), (fixture.id, decision.index)
            checked += 1
    assert checked >= 5


def test_the_holdout_list_names_a_third_of_the_corpus_fixtures() -> None:
    held = [line for line in (EVALS / "holdout.txt").read_text().splitlines() if line and not line.startswith("#")]
    corpus = {f.id for f in load_fixtures() if f.letter.corpus_case}
    assert set(held) <= corpus and 0.25 < len(held) / len(corpus) < 0.42

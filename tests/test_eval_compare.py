"""Comparing two runs: deltas, the changed letters and values, and the paired test."""

from __future__ import annotations

from pathlib import Path

from llm_extract.backends.rules import RulesBackend
from llm_extract.evaluation.compare import compare_runs
from llm_extract.evaluation.records import load_run, save_run
from llm_extract.evaluation.runner import run_eval
from tests.evalkit import SEEDS, drop_last, flip_first, text_sha


def test_two_parser_settings_show_exactly_the_changed_letters_and_values(tmp_path: Path) -> None:
    before = run_eval(RulesBackend(), SEEDS, corpus=None).record
    broken = flip_first([text_sha(SEEDS[1]), text_sha(SEEDS[4])])
    after = run_eval(broken, SEEDS, corpus=None).record
    # through the files, as the CLI does
    a = load_run(save_run(before, tmp_path))
    b = load_run(save_run(after, tmp_path))
    c = compare_runs(a, b)
    assert c.changed_letters == ["seed-001", "seed-004"]
    outcome = [
        (ch.letter, ch.path, ch.before, ch.after, ch.expected, ch.kind)
        for ch in c.changes
        if ch.path.endswith(".outcome")
    ]
    assert outcome == [
        ("seed-001", "decisions[1].outcome", "upheld", "overturned", "upheld", "broke"),
        ("seed-004", "decisions[1].outcome", "overturned", "upheld", "overturned", "broke"),
    ]
    wrong = [ch for ch in c.changes if ch.path == "summary.wrong_items"]
    assert [(ch.letter, ch.before, ch.after) for ch in wrong] == [("seed-001", [], ["1"]), ("seed-004", [], ["1"])]
    delta = c.delta("outcome.accuracy")
    assert delta is not None and delta.before == 1.0 and delta.after == 5 / 7 and delta.verdict == "worse"
    t = c.outcome_test
    assert (t.items, t.only_a_right, t.only_b_right, t.both_wrong) == (7, 2, 0, 0)
    assert t.mcnemar_p == 0.5 and not t.significant
    assert "not significant" in t.verdict
    assert t.ci_low <= t.delta == -2 / 7 <= t.ci_high


def test_fixing_is_reported_as_fixed_and_identical_runs_have_no_changes() -> None:
    broken = run_eval(drop_last([text_sha(SEEDS[0])]), SEEDS, corpus=None).record
    good = run_eval(RulesBackend(), SEEDS, corpus=None).record
    c = compare_runs(broken, good)
    assert c.changed_letters == ["seed-000"]
    kinds = [(ch.path, ch.before, ch.after, ch.kind) for ch in c.changes]
    assert ("decisions[2].service", "(missing)", "MASSAGE THERAPY X 12 ON THE LUMBAR", "fixed") in kinds
    assert not [k for k in kinds if k[0] == "decisions[2].outcome"]  # a dropped item is no outcome change
    assert c.delta("items.recall").verdict == "better"  # type: ignore[union-attr]
    same = compare_runs(good, run_eval(RulesBackend(), SEEDS, corpus=None).record)
    assert same.changes == [] and same.outcome_test.verdict == "no outcome changed"


def test_runs_on_different_letter_sets_compare_on_the_shared_letters() -> None:
    full = run_eval(RulesBackend(), SEEDS, corpus=None).record
    part = run_eval(RulesBackend(), SEEDS[:2], corpus=None).record
    c = compare_runs(full, part)
    assert c.letters_compared == 2
    assert c.only_in_a == ["seed-002", "seed-003", "seed-004"] and c.only_in_b == []
    assert all(d.verdict in ("same", "n/a") for d in c.metrics if not d.name.startswith("ops."))

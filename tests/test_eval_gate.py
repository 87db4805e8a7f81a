"""Gates: pass on the rules backend, fail on a broken label, a broken parser rule, or a regression."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from llm_extract.backends.base import ExtractOptions
from llm_extract.backends.rules import RulesBackend
from llm_extract.contract.models import Extraction
from llm_extract.errors import ConfigError, UnrecognizedLetterError
from llm_extract.evaluation.fixtures import load_fixtures
from llm_extract.evaluation.gate import THRESHOLDS_FILE, Limits, load_thresholds, run_gate
from llm_extract.evaluation.metrics import METRICS
from llm_extract.evaluation.records import load_run
from llm_extract.evaluation.runner import EvalRun, run_eval
from llm_extract.letter.inputs import LetterText
from tests.evalkit import SEEDS, copy_fixtures, drop_last, flip_first, text_sha

RULES = load_thresholds().for_backend("rules")
BASELINE = load_run(RULES.baseline_path())  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def seeds_run() -> EvalRun:
    return run_eval(RulesBackend(), SEEDS, corpus=None)


def failed(result_checks: list[str], metric: str) -> bool:
    return any(m.startswith(metric) for m in result_checks)


def test_committed_thresholds_and_baseline_are_valid() -> None:
    thresholds = load_thresholds(THRESHOLDS_FILE)
    assert set(thresholds.backends) == {"rules", "llm", "hybrid"}
    assert BASELINE.meta.backend == "rules"
    assert BASELINE.metrics["letters.scored"] == len(load_fixtures())
    assert BASELINE.metrics["outcome.accuracy"] == 1.0


def test_gate_passes_on_the_rules_backend_seeds(seeds_run: EvalRun) -> None:
    result = run_gate(seeds_run.record, RULES, BASELINE)
    assert result.passed, [c.message for c in result.failures]
    assert any("missing" in n or "both runs scored" in n for n in result.notes) or not seeds_run.record.letters


def test_gate_passes_on_every_fixture(corpus: Path) -> None:
    started = time.perf_counter()
    run = run_eval(RulesBackend(), load_fixtures(), corpus=corpus)
    seconds = time.perf_counter() - started
    assert run.record.metrics["letters.scored"] == 70 and run.record.metrics["letters.missing"] == 0
    result = run_gate(run.record, RULES, BASELINE)
    assert result.passed, [c.message for c in result.failures]
    assert not [n for n in result.notes if "missing" in n]
    # Speed is a figure, not a gate (a busy CI machine is not a regression): benchmarks/bench.py measures it.
    print(f"the full rules eval took {seconds:.2f} s")


def test_gate_fails_when_a_label_is_broken(tmp_path: Path) -> None:
    fixtures = copy_fixtures(tmp_path / "fixtures")
    label = fixtures / "seed-002.json"
    data = json.loads(label.read_text())
    data["expected"]["decisions"][0]["outcome"] = "overturned"
    data["expected"]["patient"]["age"] += 1
    label.write_text(json.dumps(data))
    seeds = [f for f in load_fixtures(fixtures) if f.letter.path is not None]
    run = run_eval(RulesBackend(), seeds, corpus=None, fixtures_dir=fixtures)
    result = run_gate(run.record, RULES, BASELINE)
    messages = [c.message for c in result.failures]
    assert not result.passed
    # the label now says overturned where the letter (and the parser) say upheld
    for metric in (
        "outcome.accuracy",
        "outcome.overturned.recall",
        "outcome.upheld.precision",
        "fields.accuracy",
        "fields.header",
        "summary.outcomes_correct",
    ):
        assert failed(messages, metric), (metric, messages)
    assert "the labels changed since the baseline: a regression may be a label change" in result.notes


def test_gate_fails_when_a_parser_rule_is_broken() -> None:
    run = run_eval(flip_first([text_sha(SEEDS[4])]), SEEDS, corpus=None)
    result = run_gate(run.record, RULES, BASELINE)
    messages = [c.message for c in result.failures]
    assert failed(messages, "outcome.accuracy = 0.8571, must be >= 1")  # 6 of 7 seed items
    assert failed(messages, "outcome.overturned.recall = 0, must be >= 1")
    # the broken backend's summary follows its wrong outcome, which the label contradicts
    assert failed(messages, "summary.outcomes_correct")
    # and its outcome span still reads "Overturned": the value is no longer grounded
    assert failed(messages, "grounding.ungrounded = 1, must be <= 0")
    assert any(c.rule == "regression" and c.metric == "outcome.accuracy" for c in result.failures)


def test_dropped_item_fails_item_and_field_gates() -> None:
    run = run_eval(drop_last([text_sha(SEEDS[0])]), SEEDS, corpus=None)
    result = run_gate(run.record, RULES)
    messages = [c.message for c in result.failures]
    assert failed(messages, "items.f1") and failed(messages, "fields.decision")
    assert "no baseline run: regression checks skipped" in result.notes


def test_one_flip_is_a_regression_but_not_significant() -> None:
    limits = Limits(max_regression={"outcome.accuracy": 0.0}, outcome_significance=0.05)
    run = run_eval(flip_first([text_sha(SEEDS[0])]), SEEDS, corpus=None)
    result = run_gate(run.record, limits, BASELINE)
    by_rule = {c.rule: c for c in result.checks}
    assert not by_rule["regression"].passed
    assert by_rule["significance"].passed and by_rule["significance"].actual == 1.0
    assert "not significant" in by_rule["significance"].message


def test_significant_drop_fails_the_significance_gate() -> None:
    limits = Limits(outcome_significance=0.05)
    run = run_eval(flip_first(), SEEDS, corpus=None)  # 5 of 8 outcomes flipped
    fewer = run_eval(flip_first(), SEEDS[:1], corpus=None)
    assert run_gate(fewer.record, limits, BASELINE).passed  # one letter's flip is not evidence
    result = run_gate(run.record, limits, BASELINE)
    # 5 discordant items all one way: p = 2/32 = 0.0625, still not below 0.05
    assert result.passed
    strict = run_gate(run.record, Limits(outcome_significance=0.1), BASELINE)
    assert not strict.passed and "significant" in strict.failures[0].message


def test_unknown_metric_in_thresholds_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "t.toml"
    path.write_text('version = 1\n[backends.rules.min]\n"outcome.acuracy" = 1.0\n')
    with pytest.raises(ConfigError, match=r"unknown metric\(s\): outcome.acuracy"):
        load_thresholds(path)
    path.write_text('version = 1\n[backends.rules.max_regression]\n"items.expected" = 1\n')
    with pytest.raises(ConfigError, match="cannot regress"):
        load_thresholds(path)
    with pytest.raises(ConfigError, match="no gates for backend"):
        load_thresholds().for_backend("other")


def test_undefined_metric_is_skipped_not_failed(seeds_run: EvalRun) -> None:
    upheld_only = run_eval(RulesBackend(), SEEDS[:1], corpus=None)
    result = run_gate(upheld_only.record, RULES)
    skipped = [c for c in result.checks if c.skipped]
    assert {c.metric for c in skipped} == {"outcome.overturned.recall", "outcome.overturned.precision"}
    assert "letters.scored = 1, must be >= 5" in [c.message for c in result.failures]
    assert not [c for c in result.failures if c.metric.startswith("outcome.")]


class Failing:
    """A backend that cannot read one letter (as an LLM backend might after its retries)."""

    name = "rules"

    def __init__(self, target: str) -> None:
        self.target = target
        self.inner = RulesBackend()

    def identity(self) -> dict[str, str]:
        return {"backend": "failing"}

    def extract(self, letter: LetterText, options: ExtractOptions) -> Extraction:
        if letter.text_sha256 == self.target:
            raise UnrecognizedLetterError("not a letter this backend reads")
        return self.inner.extract(letter, options)


def test_a_failed_letter_counts_every_label_wrong_and_fails_the_gate() -> None:
    run = run_eval(Failing(text_sha(SEEDS[0])), SEEDS, corpus=None)
    letter = run.record.letters[0]
    assert letter.status == "error"
    assert letter.error == "[unrecognized-letter] seed-000: not a letter this backend reads"
    assert letter.fields and all(f.missing and not f.correct for f in letter.fields)
    m = run.record.metrics
    assert m["letters.failed"] == 1 and m["items.recall"] == 5 / 7 and m["summary.outcomes_correct"] == 5 / 7
    result = run_gate(run.record, RULES)
    assert "letters.failed = 1, must be <= 0" in [c.message for c in result.failures]


def test_readme_documents_every_metric() -> None:
    readme = (Path(__file__).resolve().parent.parent / "evals" / "README.md").read_text(encoding="utf-8")
    assert [name for name in METRICS if f"`{name}`" not in readme] == []
    assert "[labeling rules](LABELING.md)" in readme

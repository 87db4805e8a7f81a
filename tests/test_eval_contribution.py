"""The eval shows what the model actually did, and what really went wrong.

* model contribution: accepted / rejected (by cause) / fell back per field, empty
  answers never accepted, and a gate that fails a prompt whose answers all fall back;
* honest alignment: a service-name-only change is an item and field error, never an
  outcome error;
* runs that explain themselves: ``--compare`` names what differs (prompt versions)
  and shows old and new summary text side by side;
* operable failures: an endpoint nobody listens on stops the eval in one line, and a
  run whose endpoint keeps failing stops after a few letters.
"""

from __future__ import annotations

import re
import shutil
import socket
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from llm_extract.backends.base import ExtractOptions
from llm_extract.backends.rules import RulesBackend
from llm_extract.cli import app
from llm_extract.contract.models import Decision, Extraction, FieldOrigin, FieldSource, Grounding
from llm_extract.errors import LlmTransportError
from llm_extract.evaluation.compare import compare_runs
from llm_extract.evaluation.contribution import cause_of, field_uses
from llm_extract.evaluation.gate import load_thresholds, run_gate
from llm_extract.evaluation.records import save_run
from llm_extract.evaluation.runner import EndpointBreaker, run_eval
from llm_extract.letter.inputs import LetterText
from tests.evalkit import SEEDS, Broken, text_sha
from tests.llm_fakes import FakeModel, FakeTransport
from tests.llm_support import REPO, backend, seed, settings

runner = CliRunner()


# ------------------------------------------------------------------ model contribution


def test_check_messages_map_to_causes() -> None:
    prefix = "checks failed after re-asks: "
    assert cause_of(prefix + "item 1 category_quote: the quote was not found in this item's part of the letter; copy")
    assert cause_of("item 2 category_quote: the quote was not found in this item's part of the letter") == (
        "quote_not_in_item"
    )
    assert cause_of("reviewer_quote: the quote was not found in the letter; copy the words") == "quote_not_found"
    assert cause_of("item 1 category_quote: the quote is empty; copy the exact words") == "empty"
    assert cause_of("the model gave no reasons; the rules found some") == "empty"
    assert cause_of(prefix + "summary item 1: approved must be false (the letter's decision is upheld)") == (
        "outcome_disagreement"
    )
    assert cause_of("item 1 reason 'criteria_met' contradicts the item's outcome (upheld)") == "outcome_disagreement"
    assert cause_of(prefix + "headline: the date 2016-01-02 does not occur in the letter; remove it") == (
        "unsupported_fact"
    )
    assert cause_of(prefix + "the summary reads at grade 9.1; use shorter sentences") == "grade_too_high"
    assert cause_of(prefix + "the answer did not match the schema") == "schema_error"
    assert cause_of("item 1 body_region: the value must be written inside body_region_quote") == "value_not_in_quote"
    assert cause_of(prefix + "answer exactly one entry for each item number [1, 2] (got [1])") == "wrong_items"
    assert cause_of("output cut off at max_tokens") == "cut_off"
    assert cause_of("no answer for this item") == "no_answer"
    assert cause_of("a check nobody has mapped yet") == "other"


def _with_grounding(doc: Extraction, origins: list[FieldOrigin]) -> Extraction:
    fell = sum(o.source is FieldSource.fallback for o in origins)
    return doc.model_copy(
        update={"grounding": Grounding(from_model=len(origins) - fell, fell_back=fell, fields=origins)}
    )


def test_an_empty_model_answer_is_never_accepted() -> None:
    doc = RulesBackend().extract(seed(0), ExtractOptions())
    assert field_uses(doc) is None  # rules: no model, nothing to report
    first: Decision = doc.decisions[0]
    no_reasons = doc.model_copy(update={"decisions": [first.model_copy(update={"reasons": []}), *doc.decisions[1:]]})
    origins = [
        FieldOrigin(field="decisions/1/reasons", source=FieldSource.model),  # "from model", but empty
        FieldOrigin(field="decisions/1/body_region", source=FieldSource.model),  # no enrichment at all: empty
        FieldOrigin(field="summary", source=FieldSource.model),
        FieldOrigin(
            field="decisions/2/treatment_category",
            source=FieldSource.fallback,
            note="checks failed after re-asks: item 2 category_quote: the quote was not found in this item's part",
        ),
        FieldOrigin(field="decisions/2/request", source=FieldSource.fallback, note="output cut off at max_tokens"),
    ]
    uses = field_uses(_with_grounding(no_reasons, origins))
    assert uses is not None
    assert [(u.status, u.cause) for u in uses] == [
        ("rejected", "empty"),
        ("rejected", "empty"),
        ("accepted", None),
        ("rejected", "quote_not_in_item"),
        ("unanswered", "cut_off"),
    ]


def test_answers_that_all_fall_back_fail_the_default_hybrid_gate() -> None:
    rejected = run_eval(
        backend("hybrid", settings(backend="hybrid"), FakeTransport(FakeModel("ungrounded"))), SEEDS, corpus=None
    )
    m = rejected.record.metrics
    # the parser-derived metrics still look perfect: only the model.* figures tell
    assert m["outcome.accuracy"] == 1.0 and m["fields.accuracy"] == 1.0
    # the fake's wrong answers: every category quote invented, every summary states a number
    # the letter lacks; its regions, request details and reasons are still right
    assert m["model.summary.accepted"] == 0.0 and m["model.summary.fallback"] == 1.0
    assert m["model.treatment_category.rejected"] == 1.0
    assert (m["model.cause.quote_not_in_item"], m["model.cause.unsupported_fact"]) == (7, 5)
    assert (m["model.accepted"] or 1) < 0.6
    assert (m["model.tokens_per_accepted"] or 0) > 0
    result = run_gate(rejected.record, load_thresholds().for_backend("hybrid"))
    failed = {c.metric for c in result.failures}
    assert {"model.accepted", "model.summary.accepted", "model.treatment_category.accepted"} <= failed

    grounded = run_eval(
        backend("hybrid", settings(backend="hybrid"), FakeTransport(FakeModel("grounded"))), SEEDS, corpus=None
    )
    g = grounded.record.metrics
    assert g["model.summary.accepted"] == 1.0 and g["model.treatment_category.accepted"] == 1.0
    assert (g["model.body_region.accepted"] or 0) < 1.0  # items whose letter states no region: empty, not accepted
    assert (g["model.cause.empty"] or 0) > 0
    assert (g["model.tokens_per_accepted"] or 0) > 0
    assert run_gate(grounded.record, load_thresholds().for_backend("hybrid")).passed


# ------------------------------------------------------------------ honest alignment


def _shorten_first(ds: list[Decision]) -> list[Decision]:
    """The first item's service cut to its first word: a text error, outcome untouched."""
    return [ds[0].model_copy(update={"service": ds[0].service.split()[0]}), *ds[1:]] if ds else ds


def test_a_service_name_only_change_is_an_item_and_field_error_not_an_outcome_error() -> None:
    target = SEEDS[1]
    good = run_eval(RulesBackend(), SEEDS, corpus=None).record
    short = run_eval(Broken("short-service", _shorten_first, [text_sha(target)]), SEEDS, corpus=None).record
    m = short.metrics
    assert (m["items.missed"], m["items.spurious"]) == (1, 1)
    assert (m["items.recall"] or 1) < 1 and (m["fields.decision"] or 1) < 1
    assert m["outcome.accuracy"] == good.metrics["outcome.accuracy"] == 1.0
    assert m["items.matched"] == (good.metrics["items.matched"] or 0) - 1
    c = compare_runs(good, short)
    assert c.outcome_test.verdict == "no outcome changed"
    assert c.delta("outcome.accuracy").verdict == "same"  # type: ignore[union-attr]
    paths = {(ch.letter, ch.path, ch.kind) for ch in c.changes}
    assert (target.id, "decisions[1].service", "broke") in paths
    assert not [p for p in paths if p[1].endswith(".outcome")]
    gate = run_gate(short, load_thresholds().for_backend("rules"), good)
    assert {"items.f1", "fields.accuracy"} <= {f.metric for f in gate.failures}
    assert not [f for f in gate.failures if f.metric.startswith("outcome.")]


# ------------------------------------------------------------------ compare explains itself


def _current_summary_version() -> str:
    found = re.search(r'^version = "([^"]+)"', (REPO / "prompts" / "summary_en.toml").read_text(), re.M)
    assert found is not None
    return found.group(1)


def _prompts_with_summary_version(dest: Path, version: str) -> Path:
    """A copy of the prompts whose summary_en prompt has another version (the wording is unchanged)."""
    shutil.copytree(REPO / "prompts", dest)
    path = dest / "summary_en.toml"
    text, n = re.subn(r'^version = "[^"]+"', f'version = "{version}"', path.read_text(), count=1, flags=re.M)
    assert n == 1
    path.write_text(text)
    return dest


def test_compare_names_the_prompt_version_change_and_shows_both_summary_texts(tmp_path: Path) -> None:
    runs = tmp_path / "runs"
    old = backend("hybrid", settings(backend="hybrid"), FakeTransport(FakeModel("grounded")))
    new_settings = settings(backend="hybrid", prompts_dir=_prompts_with_summary_version(tmp_path / "p", "99"))
    new = backend("hybrid", new_settings, FakeTransport(FakeModel("ungrounded")))  # v2 answers all fall back
    a = save_run(run_eval(old, SEEDS[:2], corpus=None).record, runs)
    b = save_run(run_eval(new, SEEDS[:2], corpus=None).record, runs)
    result = runner.invoke(
        app, ["eval", "--compare", str(a), str(b), "--runs-dir", str(runs), "--report", str(tmp_path / "rep")]
    )
    output = result.stdout + result.stderr
    assert result.exit_code == 0, output
    old = _current_summary_version()
    assert f"differs: prompt summary_en: summary_en@{old}#" in output and "-> summary_en@99#" in output
    assert "summary text, seed-000" in output
    assert "A (fake-model)" in output and "B (rules)" in output  # the model's text beside the fallback's
    assert "model.summary.accepted" in output  # the contribution change is a metric change
    report = next((tmp_path / "rep").glob("compare-*.md")).read_text()
    assert "| prompt summary_en |" in report and "### Summary text, seed-000" in report


def test_latency_of_cache_hits_is_never_compared_with_computed_latency(tmp_path: Path) -> None:
    from llm_extract.engine.cache import ResultCache

    cache = ResultCache(tmp_path / "cache")
    computed = run_eval(RulesBackend(), SEEDS, corpus=None, cache=cache).record
    cached = run_eval(RulesBackend(), SEEDS, corpus=None, cache=cache).record
    assert cached.metrics["ops.latency_p50"] is None and cached.metrics["ops.letters_computed"] == 0
    assert cached.metrics["ops.cached_latency_mean"] is not None
    c = compare_runs(computed, cached)
    assert c.latency_letters == 0
    assert all(d.verdict == "n/a" for d in c.metrics if d.name.startswith("ops.latency"))


def test_an_only_run_is_not_a_label_change() -> None:
    full = run_eval(RulesBackend(), SEEDS, corpus=None).record
    part = run_eval(RulesBackend(), SEEDS[:2], corpus=None).record
    assert full.meta.fixtures_sha256 != part.meta.fixtures_sha256
    c = compare_runs(full, part)
    assert c.same_labels
    assert [d.what for d in c.differences] == ["letter set"]


# ------------------------------------------------------------------ operable failures


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_an_unreachable_endpoint_stops_the_eval_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"http://127.0.0.1:{_closed_port()}/v1"
    monkeypatch.setenv("LLM_EXTRACT_BASE_URL", url)
    monkeypatch.setenv("LLM_EXTRACT_MODEL", "any-model")
    started = time.perf_counter()
    result = runner.invoke(
        app, ["eval", "--backend", "hybrid", "--runs-dir", str(tmp_path / "r"), "--report", str(tmp_path / "p")]
    )
    seconds = time.perf_counter() - started
    output = (result.stdout + result.stderr).strip()
    assert result.exit_code == 2, output
    assert len(output.splitlines()) == 1 and url in output and "cannot reach the LLM endpoint" in output
    assert not (tmp_path / "r").exists()  # no run record of letters that were never tried
    print(f"closed-port eval exited in {seconds:.2f} s")


class Down:
    """A backend whose endpoint fails every call (as after the transport's retries)."""

    name = "hybrid"

    def __init__(self) -> None:
        self.calls = 0

    def identity(self) -> dict[str, str]:
        return {"backend": "down"}

    def extract(self, letter: LetterText, options: ExtractOptions) -> Extraction:
        self.calls += 1
        raise LlmTransportError("the endpoint kept failing: HTTP 503", hint="check the server")


def test_a_run_whose_endpoint_keeps_failing_stops_after_a_few_letters() -> None:
    down = Down()
    with pytest.raises(LlmTransportError, match="HTTP 503"):
        run_eval(down, SEEDS, corpus=None, breaker=EndpointBreaker(limit=3))
    assert down.calls == 3  # the other two letters were not tried


def test_variants_run_the_same_letters_side_by_side_with_paired_tests(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.faultserver import FaultServer

    v2 = _prompts_with_summary_version(tmp_path / "prompts-v2", "99")
    with FaultServer(model=FakeModel("grounded")) as server:
        monkeypatch.setenv("LLM_EXTRACT_BASE_URL", server.url)
        monkeypatch.setenv("LLM_EXTRACT_MODEL", "fake-model")
        result = runner.invoke(
            app,
            [
                "eval",
                "--backend",
                "hybrid",
                "--only",
                "seed-000",
                "--only",
                "seed-001",
                "--no-cache",
                "--variant",
                f"v1=prompts={REPO / 'prompts'}",
                "--variant",
                f"v2=prompts={v2}",
                "--runs-dir",
                str(tmp_path / "runs"),
                "--report",
                str(tmp_path / "rep"),
            ],
        )
    output = result.stdout + result.stderr
    assert result.exit_code == 0, output
    assert "variants (deltas against v1)" in output and "model.summary.accepted" in output
    old = _current_summary_version()
    assert f"v2 vs v1: prompt summary_en: summary_en@{old}#" in output and "summary_en@99#" in output
    assert "outcome (paired, 4 items) no outcome changed" in output
    assert len(list((tmp_path / "runs").glob("*.jsonl"))) == 2


def test_bad_variants_are_usage_errors(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "--variant", "x=colour=blue", "--runs-dir", str(tmp_path)])
    assert result.exit_code == 2 and "unknown key(s) colour" in result.stdout + result.stderr


def test_too_many_failed_letters_exit_3_in_one_line(tmp_path: Path) -> None:
    fixtures = tmp_path / "fixtures"
    shutil.copytree(REPO / "evals" / "fixtures", fixtures)
    corpus = tmp_path / "corpus" / "text"
    corpus.mkdir(parents=True)
    case = "CM16-0213037"
    assert (fixtures / f"{case}.json").is_file()
    (corpus / f"{case}.txt").write_text("This is not an IMR determination letter.\n", encoding="utf-8")
    args = ["eval", "--fixtures", str(fixtures), "--corpus", str(corpus.parent), "--only", case, "--no-cache"]
    result = runner.invoke(app, [*args, "--runs-dir", str(tmp_path / "runs"), "--report", str(tmp_path / "rep")])
    output = (result.stdout + result.stderr).strip()
    assert result.exit_code == 3, output
    assert len(output.splitlines()) == 1 and "1 of 1 letters failed" in output and "unrecognized" in output

"""Compare two runs: per-metric deltas, every changed value, and a paired test.

Runs are compared on the letters both of them scored (a seed-only run against a
full baseline compares the seeds), re-aggregating both from their letter records so
the numbers are like for like. Changes are listed at label-centred paths with
before and after values and whether each was correct, so "item 2 of CM16-0231745
went from upheld (right) to overturned (wrong)" reads straight off the report.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from llm_extract.evaluation.metrics import METRICS, aggregate
from llm_extract.evaluation.records import FieldResult, LetterRecord, Record, RunMeta, RunRecord, Value
from llm_extract.evaluation.stats import mcnemar_exact, paired_bootstrap

Verdict = Literal["better", "worse", "same", "changed", "n/a"]
ChangeKind = Literal["fixed", "broke", "changed", "info"]
ALPHA = 0.05
"""Significance level for calling an outcome-accuracy change real."""


class MetricDelta(Record):
    name: str
    before: float | None
    after: float | None
    delta: float | None
    verdict: Verdict


class FieldChange(Record):
    letter: str
    path: str
    before: Value
    after: Value
    expected: Value = None
    kind: ChangeKind


class PairedTest(Record):
    """Exact McNemar and a letter-level paired bootstrap for outcome accuracy."""

    items: int
    both_right: int
    only_a_right: int
    only_b_right: int
    both_wrong: int
    mcnemar_p: float
    delta: float
    ci_low: float
    ci_high: float
    resamples: int
    significant: bool

    @property
    def verdict(self) -> str:
        if self.only_a_right == self.only_b_right == 0:
            return "no outcome changed"
        direction = "better" if self.delta > 0 else "worse" if self.delta < 0 else "unchanged on balance"
        if self.significant:
            return f"{direction}, significant (McNemar p = {self.mcnemar_p:.3g})"
        return f"{direction} but not significant (McNemar p = {self.mcnemar_p:.3g}): could be noise"


class RunSide(Record):
    run_id: str
    backend: str
    model: str | None
    prompts: list[str]
    parser_version: str
    git_commit: str | None
    created_at: str

    @classmethod
    def of(cls, meta: RunMeta) -> RunSide:
        return cls(
            run_id=meta.run_id,
            backend=meta.backend,
            model=meta.model,
            prompts=[f"{p.name}@{p.version or '?'}#{(p.sha256 or '')[:8]}" for p in meta.prompts],
            parser_version=meta.parser_version,
            git_commit=(meta.git_commit or "")[:10] or None,
            created_at=meta.created_at.isoformat(),
        )


class Comparison(Record):
    a: RunSide
    b: RunSide
    same_labels: bool
    letters_compared: int
    only_in_a: list[str]
    only_in_b: list[str]
    metrics: list[MetricDelta]
    changes: list[FieldChange]
    outcome_test: PairedTest

    @property
    def changed_letters(self) -> list[str]:
        return sorted({c.letter for c in self.changes})

    def delta(self, name: str) -> MetricDelta | None:
        return next((m for m in self.metrics if m.name == name), None)


def _verdict(name: str, before: float | None, after: float | None) -> Verdict:
    if before is None or after is None:
        return "n/a" if before is None and after is None else "changed"
    if abs(after - before) < 1e-9:
        return "same"
    better = METRICS[name].better
    if better == "none":
        return "changed"
    return "better" if (after > before) == (better == "higher") else "worse"


def metric_deltas(a: dict[str, float | None], b: dict[str, float | None]) -> list[MetricDelta]:
    out = []
    for name in METRICS:
        before, after = a.get(name), b.get(name)
        delta = after - before if before is not None and after is not None else None
        out.append(
            MetricDelta(name=name, before=before, after=after, delta=delta, verdict=_verdict(name, before, after))
        )
    return out


def _kind(was: FieldResult | None, now: FieldResult | None) -> ChangeKind:
    if was is None or now is None or was.correct == now.correct:
        return "changed"
    return "fixed" if now.correct else "broke"


def _field_changes(letter: str, a: LetterRecord, b: LetterRecord) -> Iterator[FieldChange]:
    before = {f.path: f for f in a.fields}
    after = {f.path: f for f in b.fields}
    for path in list(before) + [p for p in after if p not in before]:
        was, now = before.get(path), after.get(path)
        if (
            was is not None
            and now is not None
            and (was.predicted, was.correct, was.missing) == (now.predicted, now.correct, now.missing)
        ):
            continue
        label = now if now is not None else was
        yield FieldChange(
            letter=letter,
            path=path,
            before=_shown(was),
            after=_shown(now),
            expected=label.expected if label is not None else None,
            kind=_kind(was, now),
        )


def _shown(result: FieldResult | None) -> Value:
    if result is None:
        return "(not scored)"
    return "(missing)" if result.missing else result.predicted


def _info(letter: str, path: str, before: Value, after: Value) -> FieldChange | None:
    return None if before == after else FieldChange(letter=letter, path=path, before=before, after=after, kind="info")


def _spurious(x: LetterRecord) -> list[str]:
    return [
        f"#{p.predicted} {p.predicted_service} ({p.predicted_outcome.value if p.predicted_outcome else '?'})"
        for p in x.items
        if p.expected is None
    ]


def _other_changes(letter: str, a: LetterRecord, b: LetterRecord) -> Iterator[FieldChange | None]:
    yield _info(letter, "status", a.status if not a.error else a.error, b.status if not b.error else b.error)
    yield _info(letter, "items.spurious", _spurious(a), _spurious(b))
    sa, sb = a.summary, b.summary
    if sa is not None and sb is not None:
        if abs(sa.grade - sb.grade) >= 0.01:
            yield _info(letter, "summary.grade", sa.grade, sb.grade)
        yield _info(letter, "summary.meets_target", sa.meets_target, sb.meets_target)
        yield _info(letter, "summary.wrong_items", [str(i) for i in sa.wrong_items], [str(i) for i in sb.wrong_items])
        yield _info(letter, "summary.unsupported", sa.unsupported, sb.unsupported)
    ga, gb = a.grounding, b.grounding
    if ga is not None and gb is not None:
        yield _info(letter, "grounding.ungrounded", ga.ungrounded, gb.ungrounded)


def outcome_test(pairs: list[tuple[LetterRecord, LetterRecord]], resamples: int = 2000) -> PairedTest:
    """Pair each labeled item's outcome correctness across the two runs."""
    counts = {"rr": 0, "rw": 0, "wr": 0, "ww": 0}
    per_letter: list[tuple[int, int, int]] = []
    for a, b in pairs:
        right_a, right_b = _outcome_marks(a), _outcome_marks(b)
        keys = sorted(set(right_a) & set(right_b))
        for k in keys:
            counts[("r" if right_a[k] else "w") + ("r" if right_b[k] else "w")] += 1
        per_letter.append((len(keys), sum(right_a[k] for k in keys), sum(right_b[k] for k in keys)))
    delta, lo, hi = paired_bootstrap(per_letter, resamples=resamples)
    p = mcnemar_exact(counts["rw"], counts["wr"])
    return PairedTest(
        items=sum(counts.values()),
        both_right=counts["rr"],
        only_a_right=counts["rw"],
        only_b_right=counts["wr"],
        both_wrong=counts["ww"],
        mcnemar_p=p,
        delta=delta,
        ci_low=lo,
        ci_high=hi,
        resamples=resamples,
        significant=p < ALPHA,
    )


def _outcome_marks(x: LetterRecord) -> dict[int, bool]:
    return {p.expected: p.expected_outcome == p.predicted_outcome for p in x.items if p.expected is not None}


def compare_runs(a: RunRecord, b: RunRecord) -> Comparison:
    """Everything that differs between run A (before) and run B (after)."""
    scored_a = {x.id: x for x in a.letters if x.scored}
    scored_b = {x.id: x for x in b.letters if x.scored}
    common = [i for i in scored_a if i in scored_b]
    pairs = [(scored_a[i], scored_b[i]) for i in common]
    changes: list[FieldChange] = []
    for i, (x, y) in zip(common, pairs, strict=True):
        changes.extend(_field_changes(i, x, y))
        changes.extend(c for c in _other_changes(i, x, y) if c is not None)
    same_set = set(scored_a) == set(scored_b)
    metrics_a = aggregate([x for x, _ in pairs], a.meta.wall_seconds if same_set else None)
    metrics_b = aggregate([y for _, y in pairs], b.meta.wall_seconds if same_set else None)
    return Comparison(
        a=RunSide.of(a.meta),
        b=RunSide.of(b.meta),
        same_labels=a.meta.fixtures_sha256 == b.meta.fixtures_sha256,
        letters_compared=len(common),
        only_in_a=sorted(set(scored_a) - set(scored_b)),
        only_in_b=sorted(set(scored_b) - set(scored_a)),
        metrics=metric_deltas(metrics_a, metrics_b),
        changes=changes,
        outcome_test=outcome_test(pairs),
    )

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

from pydantic import Field

from llm_extract.evaluation.metrics import METRICS, aggregate
from llm_extract.evaluation.records import FieldResult, LetterRecord, Record, RunRecord, Value
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
    templates_version: str | None = None
    labels: str = ""
    code: str = ""
    lang: str = "en"
    letters: int = 0

    @classmethod
    def of(cls, record: RunRecord) -> RunSide:
        meta = record.meta
        commit = (meta.git_commit or "")[:10]
        return cls(
            run_id=meta.run_id,
            backend=meta.backend,
            model=meta.model,
            prompts=[f"{p.name}@{p.version or '?'}#{(p.sha256 or '')[:8]}" for p in meta.prompts],
            parser_version=meta.parser_version,
            git_commit=(commit + (" (dirty)" if meta.git_dirty else "")) if commit else None,
            created_at=meta.created_at.isoformat(),
            templates_version=meta.templates_version,
            labels=meta.fixtures_sha256[:12],
            code=meta.code_sha256[:12],
            lang=meta.lang,
            letters=sum(x.scored for x in record.letters),
        )


class Difference(Record):
    """One way the two runs' set-ups differ (what may explain the changes)."""

    what: str
    a: str
    b: str


class TextChange(Record):
    """A letter whose summary text changed: both texts, for side-by-side reading."""

    letter: str
    a: str | None
    b: str | None
    a_by: str | None = None
    b_by: str | None = None


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
    differences: list[Difference] = Field(default_factory=list)
    texts: list[TextChange] = Field(default_factory=list)
    latency_letters: int = 0
    """Letters computed (not cache hits) in both runs: the only ones latency is compared on."""

    @property
    def changed_letters(self) -> list[str]:
        return sorted({c.letter for c in self.changes} | {t.letter for t in self.texts})

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
        if (was is None or now is None) and path.endswith(".outcome"):
            continue  # the item is unmatched on one side: an item change, listed with its other values
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
    for path, before, after in _output_values(a, b):
        yield _info(letter, path, before, after)
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


def _outputs(x: LetterRecord, model: bool) -> dict[str, Value]:
    values: dict[str, Value] = {}
    for item in x.outputs.items if x.outputs is not None else []:
        values[f"outputs[{item.index}].reasons"] = item.reasons
        for name, value in (item.enrichment or {}).items():
            values[f"outputs[{item.index}].{name}"] = value
    for use in (x.model or []) if model else []:
        values[f"model.{use.field}"] = use.status + (f" ({use.cause})" if use.cause else "")
    return values


def _output_values(a: LetterRecord, b: LetterRecord) -> Iterator[tuple[str, Value, Value]]:
    """Output values beyond the labels (reasons, enrichment, what the model contributed)."""
    if a.outputs is None or b.outputs is None:  # a record from before outputs were kept
        return
    model = a.model is not None and b.model is not None
    va, vb = _outputs(a, model), _outputs(b, model)
    for path in list(va) + [p for p in vb if p not in va]:
        yield path, va.get(path, "(none)"), vb.get(path, "(none)")


def _text_change(letter: str, a: LetterRecord, b: LetterRecord) -> TextChange | None:
    oa, ob = a.outputs, b.outputs
    if oa is None or ob is None or oa.summary_text == ob.summary_text:
        return None
    return TextChange(letter=letter, a=oa.summary_text, b=ob.summary_text, a_by=oa.summary_by, b_by=ob.summary_by)


def differences(
    a: RunSide, b: RunSide, letters_a: set[str], letters_b: set[str], same_labels: bool
) -> list[Difference]:
    """What differs between the two runs' set-ups, in the order a reader checks it."""
    pairs = [
        ("backend", a.backend, b.backend),
        ("model", a.model or "-", b.model or "-"),
        ("parser version", a.parser_version, b.parser_version),
        ("templates version", a.templates_version or "?", b.templates_version or "?"),
        ("extraction code", a.code, b.code),
        ("commit", a.git_commit or "-", b.git_commit or "-"),
        ("labels", a.labels if not same_labels else "", b.labels if not same_labels else ""),
        ("language", a.lang, b.lang),
    ]
    out = [Difference(what=w, a=x, b=y) for w, x, y in pairs if x != y]
    prompts_a = {p.split("@", 1)[0]: p for p in a.prompts}
    prompts_b = {p.split("@", 1)[0]: p for p in b.prompts}
    for name in sorted(set(prompts_a) | set(prompts_b)):
        pa, pb = prompts_a.get(name, "-"), prompts_b.get(name, "-")
        if pa != pb:
            out.append(Difference(what=f"prompt {name}", a=pa, b=pb))
    if letters_a != letters_b:
        out.append(
            Difference(
                what="letter set",
                a=f"{len(letters_a)} letters ({len(letters_a - letters_b)} not in B)",
                b=f"{len(letters_b)} letters ({len(letters_b - letters_a)} not in A)",
            )
        )
    return out


def _same_labels(a: RunRecord, b: RunRecord, pairs: list[tuple[LetterRecord, LetterRecord]]) -> bool:
    """Labels compared letter by letter where the records say, so an ``--only`` run is no false alarm."""
    if pairs and all(x.labels_sha256 and y.labels_sha256 for x, y in pairs):
        return all(x.labels_sha256 == y.labels_sha256 for x, y in pairs)
    return a.meta.fixtures_sha256 == b.meta.fixtures_sha256


_LATENCY = ("ops.latency_mean", "ops.latency_p50", "ops.latency_p95", "ops.latency_max", "ops.cached_latency_mean")


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
    """Outcome right or wrong per matched labeled item (an unmatched item is not an outcome error)."""
    return {p.expected: p.expected_outcome == p.predicted_outcome for p in x.items if p.matched and p.expected}


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
    texts = [t for i, (x, y) in zip(common, pairs, strict=True) if (t := _text_change(i, x, y)) is not None]
    same_set = set(scored_a) == set(scored_b)
    metrics_a = aggregate([x for x, _ in pairs], a.meta.wall_seconds if same_set else None)
    metrics_b = aggregate([y for _, y in pairs], b.meta.wall_seconds if same_set else None)
    # Latency only where both runs computed the letter: a cache hit is a disk read, and
    # comparing it with a model call would call any cached run "faster".
    computed = [(x, y) for x, y in pairs if not x.ops.cached and not y.ops.cached]
    lat_a, lat_b = aggregate([x for x, _ in computed]), aggregate([y for _, y in computed])
    for name in _LATENCY:
        metrics_a[name], metrics_b[name] = (
            (lat_a[name], lat_b[name]) if name != "ops.cached_latency_mean" else (None, None)
        )
    if not computed or any(x.ops.cached or y.ops.cached for x, y in pairs):
        metrics_a["ops.wall_seconds"] = metrics_b["ops.wall_seconds"] = None
    side_a, side_b = RunSide.of(a), RunSide.of(b)
    same_labels = _same_labels(a, b, pairs)
    return Comparison(
        a=side_a,
        b=side_b,
        differences=differences(side_a, side_b, set(scored_a), set(scored_b), same_labels),
        texts=texts,
        latency_letters=len(computed),
        same_labels=same_labels,
        letters_compared=len(common),
        only_in_a=sorted(set(scored_a) - set(scored_b)),
        only_in_b=sorted(set(scored_b) - set(scored_a)),
        metrics=metric_deltas(metrics_a, metrics_b),
        changes=changes,
        outcome_test=outcome_test(pairs),
    )

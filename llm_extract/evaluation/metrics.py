"""The metric registry and the aggregation of letter records into run metrics.

Every metric has one dotted name (``outcome.overturned.recall``), a direction and a
unit. Gates, comparisons and all three reports read this registry, so a metric is
defined once and a typo in ``thresholds.toml`` is an error rather than a gate that
silently never fires.

Aggregates are computed from :class:`~.records.LetterRecord` only, never from live
documents, so the same function re-scores a stored run on any subset of letters
(used to compare a seed-only CI run with a full baseline on the letters they share).
Counts are micro-averaged over items or fields; a letter that failed counts every
labeled value as wrong. A ratio whose denominator is zero is ``None`` (undefined),
never 0 or 1: "no overturned item predicted" must not read as perfect precision.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from llm_extract.contract.models import Outcome, ReasonCode
from llm_extract.evaluation.contribution import CAUSES, KINDS, kind_of
from llm_extract.evaluation.records import LetterRecord, ReasonMarks
from llm_extract.evaluation.scoring import CASE_FIELDS, DECISION_FIELDS, PATIENT_FIELDS, REVIEWER_FIELDS, field_kind

Better = Literal["higher", "lower", "none"]
Unit = Literal["ratio", "count", "seconds", "usd", "score"]


@dataclass(frozen=True)
class MetricSpec:
    name: str
    label: str
    better: Better
    unit: Unit

    @property
    def section(self) -> str:
        return self.name.split(".", 1)[0]


def _spec(name: str, label: str, better: Better = "higher", unit: Unit = "ratio") -> MetricSpec:
    return MetricSpec(name, label, better, unit)


REASON_CODES = [c.value for c in ReasonCode]

_FIELD_KINDS = (
    [f"case.{n}" for n in CASE_FIELDS]
    + [f"reviewer.{n}" for n in REVIEWER_FIELDS]
    + [f"patient.{n}" for n in PATIENT_FIELDS]
    + [f"decision.{n}" for n in DECISION_FIELDS if n != "outcome"]
)

_SPECS: list[MetricSpec] = [
    _spec("letters.total", "fixtures", "none", "count"),
    _spec("letters.scored", "letters scored", "higher", "count"),
    _spec("letters.failed", "letters failed", "lower", "count"),
    _spec("letters.missing", "letters missing (corpus absent)", "lower", "count"),
    _spec("letters.failed_share", "share of scored letters that failed", "lower"),
    _spec("items.precision", "item precision"),
    _spec("items.recall", "item recall"),
    _spec("items.f1", "item F1"),
    _spec("items.expected", "labeled items", "none", "count"),
    _spec("items.predicted", "predicted items", "none", "count"),
    _spec("items.matched", "labeled items matched to a prediction", "none", "count"),
    _spec("items.missed", "labeled items not matched", "lower", "count"),
    _spec("items.spurious", "predicted items matching no label", "lower", "count"),
    _spec("outcome.accuracy", "outcome accuracy (over matched items)"),
    _spec("outcome.overturned.recall", "overturned recall"),
    _spec("outcome.overturned.precision", "overturned precision"),
    _spec("outcome.upheld.recall", "upheld recall"),
    _spec("outcome.upheld.precision", "upheld precision"),
    _spec("fields.accuracy", "all fields (micro)"),
    _spec("fields.header", "header, reviewer, patient (micro)"),
    _spec("fields.decision", "item fields (micro)"),
    *(_spec(f"fields.{k}", k) for k in _FIELD_KINDS),
    _spec("summary.at_target", "summaries at/below reading target"),
    _spec("summary.plain_words", "English summaries with no unexplained hard word"),
    _spec("summary.document_at_target", "worker's documents at/below reading target"),
    _spec("summary.document_readability_max", "document reading score, max", "none", "score"),
    _spec("summary.document_readability_min", "document reading score, min", "none", "score"),
    _spec("summary.readability_mean", "reading score, mean", "none", "score"),
    _spec("summary.readability_median", "reading score, median", "none", "score"),
    _spec("summary.readability_max", "reading score, max", "none", "score"),
    _spec("summary.outcomes_correct", "item outcomes stated correctly"),
    _spec("summary.outcomes_mentioned", "items mentioned"),
    _spec("summary.unsupported_facts", "numbers/dates not in the letter", "lower", "count"),
    _spec("summary.letters_with_unsupported", "letters with unsupported facts", "lower", "count"),
    _spec("summary.words_median", "summary words, median", "none", "count"),
    _spec("summary.words_max", "summary words, max", "none", "count"),
    _spec("reasons.items", "matched items with reason labels", "none", "count"),
    _spec("reasons.coverage", "items showing at least one reason"),
    _spec("reasons.precision", "shown codes that are gold or acceptable"),
    _spec("reasons.recall", "gold codes shown"),
    _spec("reasons.primary_hit", "items whose primary ground is shown"),
    _spec("reasons.misinform", "items showing a code in neither list", "lower"),
    *(
        spec
        for code in REASON_CODES
        for spec in (
            _spec(f"reasons.code.{code}.precision", f"{code}: shown and labeled / shown"),
            _spec(f"reasons.code.{code}.recall", f"{code}: gold and shown / gold"),
        )
    ),
    _spec("grounding.rate", "values grounded in their span"),
    _spec("grounding.ungrounded", "ungrounded values", "lower", "count"),
    _spec("grounding.checked", "values checked", "none", "count"),
    _spec("model.fields", "model-backed values", "none", "count"),
    _spec("model.accepted", "model answers accepted (non-empty, every check passed)"),
    _spec("model.rejected", "model answers rejected by a check (or empty)", "lower"),
    _spec("model.unanswered", "values the model gave no answer for", "lower"),
    _spec("model.fallback", "values that fell back to parser/templates", "lower"),
    *(
        spec
        for kind in KINDS
        for spec in (
            _spec(f"model.{kind}.accepted", f"{kind}: accepted"),
            _spec(f"model.{kind}.rejected", f"{kind}: rejected", "lower"),
            _spec(f"model.{kind}.fallback", f"{kind}: fell back", "lower"),
        )
    ),
    *(_spec(f"model.cause.{c}", f"values not used because: {c}", "lower", "count") for c in CAUSES),
    _spec("model.reasks_per_accepted", "re-asks per accepted value", "lower", "count"),
    _spec("model.tokens_per_accepted", "tokens per accepted value", "lower", "count"),
    _spec("ops.latency_mean", "latency per computed letter, mean", "lower", "seconds"),
    _spec("ops.latency_p50", "latency per computed letter, p50", "lower", "seconds"),
    _spec("ops.latency_p95", "latency per computed letter, p95", "lower", "seconds"),
    _spec("ops.latency_max", "latency per computed letter, max", "lower", "seconds"),
    _spec("ops.letters_computed", "letters computed (not cache hits)", "none", "count"),
    _spec("ops.cached_latency_mean", "latency per cache hit, mean (never compared)", "none", "seconds"),
    _spec("ops.wall_seconds", "whole eval, wall time", "lower", "seconds"),
    _spec("ops.calls", "model calls", "lower", "count"),
    _spec("ops.attempts", "HTTP attempts", "lower", "count"),
    _spec("ops.reasks", "re-asks", "lower", "count"),
    _spec("ops.prompt_tokens", "prompt tokens", "lower", "count"),
    _spec("ops.completion_tokens", "completion tokens", "lower", "count"),
    _spec("ops.tokens", "tokens", "lower", "count"),
    _spec("ops.cost_usd", "cost", "lower", "usd"),
    _spec("ops.cache_hit_rate", "cache hit rate", "none", "ratio"),
]
METRICS: dict[str, MetricSpec] = {s.name: s for s in _SPECS}

Metrics = dict[str, float | None]


def ratio(num: float, den: float) -> float | None:
    return num / den if den else None


def f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def percentile(values: Sequence[float], q: float) -> float | None:
    """Linear-interpolated percentile (``q`` in 0..100); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def _letters(letters: Sequence[LetterRecord]) -> Metrics:
    scored = [x for x in letters if x.scored]
    return {
        "letters.total": len(letters),
        "letters.scored": len(scored),
        "letters.failed": sum(x.status == "error" for x in letters),
        "letters.missing": sum(x.status == "missing" for x in letters),
        "letters.failed_share": ratio(sum(x.status == "error" for x in letters), len(scored)),
    }


def _items(scored: Sequence[LetterRecord]) -> Metrics:
    pairs = [p for x in scored for p in x.items]
    expected = sum(p.expected is not None for p in pairs)
    predicted = sum(p.predicted is not None for p in pairs)
    matched = [p for p in pairs if p.matched]
    precision, recall = ratio(len(matched), predicted), ratio(len(matched), expected)
    out: Metrics = {
        "items.precision": precision,
        "items.recall": recall,
        "items.f1": f1(precision, recall),
        "items.expected": expected,
        "items.predicted": predicted,
        "items.matched": len(matched),
        "items.missed": expected - len(matched),
        "items.spurious": predicted - len(matched),
    }
    # Outcomes are scored on matched items only: an item the alignment could not pair
    # (a shortened service name) is counted above, as an item error, never as an outcome error.
    right = sum(p.expected_outcome == p.predicted_outcome for p in matched)
    out["outcome.accuracy"] = ratio(right, len(matched))
    for c in Outcome:
        hits = sum(p.expected_outcome is c and p.predicted_outcome is c for p in matched)
        out[f"outcome.{c.value}.recall"] = ratio(hits, sum(p.expected_outcome is c for p in matched))
        out[f"outcome.{c.value}.precision"] = ratio(hits, sum(p.predicted_outcome is c for p in matched))
    return out


def _reasons(scored: Sequence[LetterRecord]) -> Metrics:
    marks: list[ReasonMarks] = [p.reasons for x in scored for p in x.items if p.reasons is not None]
    shown = sum(len(m.shown) for m in marks)
    fair = sum(c in m.gold or c in m.acceptable for m in marks for c in m.shown)
    gold = sum(len(m.gold) for m in marks)
    found = sum(c in m.shown for m in marks for c in m.gold)
    out: Metrics = {
        "reasons.items": len(marks),
        "reasons.coverage": ratio(sum(bool(m.shown) for m in marks), len(marks)),
        "reasons.precision": ratio(fair, shown),
        "reasons.recall": ratio(found, gold),
        "reasons.primary_hit": ratio(sum(m.primary in m.shown for m in marks), len(marks)),
        "reasons.misinform": ratio(
            sum(any(c not in m.gold and c not in m.acceptable for c in m.shown) for m in marks), len(marks)
        ),
    }
    for code in REASON_CODES:
        with_code = [m for m in marks if code in m.shown]
        labeled = [m for m in marks if code in m.gold]
        out[f"reasons.code.{code}.precision"] = ratio(
            sum(code in m.gold or code in m.acceptable for m in with_code), len(with_code)
        )
        out[f"reasons.code.{code}.recall"] = ratio(sum(code in m.shown for m in labeled), len(labeled))
    return out


def _model(scored: Sequence[LetterRecord]) -> Metrics:
    uses = [u for x in scored if x.model is not None for u in x.model]
    if not any(x.model is not None for x in scored):
        return {}
    accepted = sum(u.status == "accepted" for u in uses)
    out: Metrics = {
        "model.fields": len(uses),
        "model.accepted": ratio(accepted, len(uses)),
        "model.rejected": ratio(sum(u.status == "rejected" for u in uses), len(uses)),
        "model.unanswered": ratio(sum(u.status == "unanswered" for u in uses), len(uses)),
        "model.fallback": ratio(len(uses) - accepted, len(uses)),
    }
    for kind in KINDS:
        mine = [u for u in uses if kind_of(u.field) == kind]
        took = sum(u.status == "accepted" for u in mine)
        out[f"model.{kind}.accepted"] = ratio(took, len(mine))
        out[f"model.{kind}.rejected"] = ratio(sum(u.status == "rejected" for u in mine), len(mine))
        out[f"model.{kind}.fallback"] = ratio(len(mine) - took, len(mine))
    for cause in CAUSES:
        out[f"model.cause.{cause}"] = sum(u.cause == cause for u in uses)
    # Cost per accepted value, on the letters that were computed (a cache hit cost nothing).
    computed = [x for x in scored if x.model is not None and not x.ops.cached]
    took_computed = sum(u.status == "accepted" for x in computed for u in x.model or [])
    out["model.reasks_per_accepted"] = ratio(sum(x.ops.reasks for x in computed), took_computed)
    out["model.tokens_per_accepted"] = ratio(
        sum(x.ops.prompt_tokens + x.ops.completion_tokens for x in computed), took_computed
    )
    return out


def _fields(scored: Sequence[LetterRecord]) -> Metrics:
    results = [f for x in scored for f in x.fields if field_kind(f.path) != "decision.outcome"]
    out: Metrics = {}

    def acc(selected: Iterable[bool]) -> float | None:
        marks = list(selected)
        return ratio(sum(marks), len(marks))

    out["fields.accuracy"] = acc(f.correct for f in results)
    out["fields.header"] = acc(f.correct for f in results if not f.path.startswith("decisions["))
    out["fields.decision"] = acc(f.correct for f in results if f.path.startswith("decisions["))
    for kind in _FIELD_KINDS:
        out[f"fields.{kind}"] = acc(f.correct for f in results if field_kind(f.path) == kind)
    return out


def _summary(scored: Sequence[LetterRecord]) -> Metrics:
    summaries = [x.summary for x in scored if x.summary is not None]
    grades = [s.grade for s in summaries]
    words = [float(s.words) for s in summaries]
    labeled = sum(p.expected is not None for x in scored for p in x.items)
    checked = [s for s in summaries if s.hard_words is not None]
    pages = [s for s in summaries if s.document_grade is not None]
    page_grades = [s.document_grade for s in pages if s.document_grade is not None]
    return {
        "summary.at_target": ratio(sum(s.meets_target for s in summaries), len(scored)),
        "summary.plain_words": ratio(sum(s.hard_words == [] for s in checked), len(checked)),
        "summary.document_at_target": ratio(sum(bool(s.document_meets_target) for s in pages), len(pages)),
        "summary.document_readability_max": max(page_grades) if page_grades else None,
        "summary.document_readability_min": min(page_grades) if page_grades else None,
        "summary.readability_mean": statistics.fmean(grades) if grades else None,
        "summary.readability_median": percentile(grades, 50),
        "summary.readability_max": max(grades) if grades else None,
        "summary.outcomes_correct": ratio(sum(s.items_correct for s in summaries), labeled),
        "summary.outcomes_mentioned": ratio(sum(s.items_mentioned for s in summaries), labeled),
        "summary.unsupported_facts": sum(len(s.unsupported) for s in summaries),
        "summary.letters_with_unsupported": sum(bool(s.unsupported) for s in summaries),
        "summary.words_median": percentile(words, 50),
        "summary.words_max": max(words) if words else None,
    }


def _grounding(scored: Sequence[LetterRecord]) -> Metrics:
    checks = [x.grounding for x in scored if x.grounding is not None]
    checked = sum(g.checked for g in checks)
    return {
        "grounding.rate": ratio(sum(g.grounded for g in checks), checked),
        "grounding.ungrounded": sum(len(g.ungrounded) for g in checks),
        "grounding.checked": checked,
    }


def _ops(scored: Sequence[LetterRecord]) -> Metrics:
    ops = [x.ops for x in scored]
    # A cache hit's latency is a disk read: reported apart, never mixed with computed latency.
    seconds = [o.seconds for o in ops if not o.cached]
    cached = [o.seconds for o in ops if o.cached]
    prompt, completion = sum(o.prompt_tokens for o in ops), sum(o.completion_tokens for o in ops)
    return {
        "ops.latency_mean": statistics.fmean(seconds) if seconds else None,
        "ops.latency_p50": percentile(seconds, 50),
        "ops.latency_p95": percentile(seconds, 95),
        "ops.latency_max": max(seconds) if seconds else None,
        "ops.letters_computed": len(seconds),
        "ops.cached_latency_mean": statistics.fmean(cached) if cached else None,
        "ops.calls": sum(o.calls for o in ops),
        "ops.attempts": sum(o.attempts for o in ops),
        "ops.reasks": sum(o.reasks for o in ops),
        "ops.prompt_tokens": prompt,
        "ops.completion_tokens": completion,
        "ops.tokens": prompt + completion,
        "ops.cost_usd": sum(o.cost_usd for o in ops),
        "ops.cache_hit_rate": ratio(sum(o.cached for o in ops), len(ops)),
    }


def aggregate(letters: Sequence[LetterRecord], wall_seconds: float | None = None) -> Metrics:
    """Every registered metric over ``letters`` (missing letters only count as missing)."""
    scored = [x for x in letters if x.scored]
    out: Metrics = {
        **_letters(letters),
        **_items(scored),
        **_reasons(scored),
        **_fields(scored),
        **_summary(scored),
        **_grounding(scored),
        **_model(scored),
        **_ops(scored),
        "ops.wall_seconds": wall_seconds,
    }
    return {name: out.get(name) for name in METRICS}


def confusion(letters: Sequence[LetterRecord]) -> dict[str, dict[str, int]]:
    """Rows: labeled outcome (or ``(none)`` for spurious items); columns: predicted (or ``(missed)``).

    The ``(none)`` row and ``(missed)`` column are item-matching errors, not outcome errors."""
    rows = [c.value for c in Outcome] + ["(none)"]
    cols = [c.value for c in Outcome] + ["(missed)"]
    table = {r: dict.fromkeys(cols, 0) for r in rows}
    for p in (p for x in letters if x.scored for p in x.items):
        row = p.expected_outcome.value if p.expected_outcome else "(none)"
        col = p.predicted_outcome.value if p.predicted_outcome else "(missed)"
        table[row][col] += 1
    return table


def grade_histogram(letters: Sequence[LetterRecord]) -> list[tuple[str, int]]:
    """Counts of summary reading scores in readable bins (grades for English, ease for Spanish)."""
    summaries = [x.summary for x in letters if x.summary is not None]
    if not summaries:
        return []
    if summaries[0].metric == "flesch_kincaid_grade":
        edges: list[tuple[str, float, float]] = [
            ("<= 4", -1e9, 4),
            ("4-5", 4, 5),
            ("5-6", 5, 6),
            ("6-7", 6, 7),
            ("7-8", 7, 8),
            ("8-10", 8, 10),
            ("> 10", 10, 1e9),
        ]
    else:
        edges = [("< 50", -1e9, 50), ("50-60", 50, 60), ("60-70", 60, 70), ("70-80", 70, 80), (">= 80", 80, 1e9)]
    counts = []
    for label, lo, hi in edges:
        counts.append(
            (
                label,
                sum(
                    lo < s.grade <= hi if s.metric == "flesch_kincaid_grade" else lo <= s.grade < hi for s in summaries
                ),
            )
        )
    return counts

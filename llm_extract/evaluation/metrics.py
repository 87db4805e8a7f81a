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

from llm_extract.contract.models import Outcome
from llm_extract.evaluation.records import LetterRecord
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
    _spec("items.precision", "item precision"),
    _spec("items.recall", "item recall"),
    _spec("items.f1", "item F1"),
    _spec("items.expected", "labeled items", "none", "count"),
    _spec("items.predicted", "predicted items", "none", "count"),
    _spec("outcome.accuracy", "outcome accuracy (over labeled items)"),
    _spec("outcome.overturned.recall", "overturned recall"),
    _spec("outcome.overturned.precision", "overturned precision"),
    _spec("outcome.upheld.recall", "upheld recall"),
    _spec("outcome.upheld.precision", "upheld precision"),
    _spec("fields.accuracy", "all fields (micro)"),
    _spec("fields.header", "header, reviewer, patient (micro)"),
    _spec("fields.decision", "item fields (micro)"),
    *(_spec(f"fields.{k}", k) for k in _FIELD_KINDS),
    _spec("summary.at_target", "summaries at/below reading target"),
    _spec("summary.readability_mean", "reading score, mean", "none", "score"),
    _spec("summary.readability_median", "reading score, median", "none", "score"),
    _spec("summary.readability_max", "reading score, max", "none", "score"),
    _spec("summary.outcomes_correct", "item outcomes stated correctly"),
    _spec("summary.outcomes_mentioned", "items mentioned"),
    _spec("summary.unsupported_facts", "numbers/dates not in the letter", "lower", "count"),
    _spec("summary.letters_with_unsupported", "letters with unsupported facts", "lower", "count"),
    _spec("summary.words_median", "summary words, median", "none", "count"),
    _spec("summary.words_max", "summary words, max", "none", "count"),
    _spec("grounding.rate", "values grounded in their span"),
    _spec("grounding.ungrounded", "ungrounded values", "lower", "count"),
    _spec("grounding.checked", "values checked", "none", "count"),
    _spec("ops.latency_mean", "latency per letter, mean", "lower", "seconds"),
    _spec("ops.latency_p50", "latency per letter, p50", "lower", "seconds"),
    _spec("ops.latency_p95", "latency per letter, p95", "lower", "seconds"),
    _spec("ops.latency_max", "latency per letter, max", "lower", "seconds"),
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
    }


def _items(scored: Sequence[LetterRecord]) -> Metrics:
    pairs = [p for x in scored for p in x.items]
    expected = sum(p.expected is not None for p in pairs)
    predicted = sum(p.predicted is not None for p in pairs)
    matched = sum(p.expected is not None and p.predicted is not None for p in pairs)
    precision, recall = ratio(matched, predicted), ratio(matched, expected)
    out: Metrics = {
        "items.precision": precision,
        "items.recall": recall,
        "items.f1": f1(precision, recall),
        "items.expected": expected,
        "items.predicted": predicted,
    }
    right = sum(p.expected_outcome is not None and p.expected_outcome == p.predicted_outcome for p in pairs)
    out["outcome.accuracy"] = ratio(right, expected)
    for c in Outcome:
        hits = sum(p.expected_outcome is c and p.predicted_outcome is c for p in pairs)
        out[f"outcome.{c.value}.recall"] = ratio(hits, sum(p.expected_outcome is c for p in pairs))
        out[f"outcome.{c.value}.precision"] = ratio(hits, sum(p.predicted_outcome is c for p in pairs))
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
    return {
        "summary.at_target": ratio(sum(s.meets_target for s in summaries), len(scored)),
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
    seconds = [o.seconds for o in ops]
    prompt, completion = sum(o.prompt_tokens for o in ops), sum(o.completion_tokens for o in ops)
    return {
        "ops.latency_mean": statistics.fmean(seconds) if seconds else None,
        "ops.latency_p50": percentile(seconds, 50),
        "ops.latency_p95": percentile(seconds, 95),
        "ops.latency_max": max(seconds) if seconds else None,
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
        **_fields(scored),
        **_summary(scored),
        **_grounding(scored),
        **_ops(scored),
        "ops.wall_seconds": wall_seconds,
    }
    return {name: out.get(name) for name in METRICS}


def confusion(letters: Sequence[LetterRecord]) -> dict[str, dict[str, int]]:
    """Rows: labeled outcome (or ``(none)`` for spurious items); columns: predicted (or ``(missed)``)."""
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

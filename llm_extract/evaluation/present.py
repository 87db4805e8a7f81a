"""Formatting shared by the terminal, Markdown and HTML reports.

One place decides how a metric or a value is shown, which metrics lead the summary
and how a letter's problems are listed, so the three reports never disagree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from llm_extract.evaluation.compare import Comparison
from llm_extract.evaluation.contribution import KINDS, kind_of
from llm_extract.evaluation.gate import GateResult
from llm_extract.evaluation.metrics import METRICS, REASON_CODES, Metrics, ratio
from llm_extract.evaluation.records import FieldResult, LetterRecord, RunRecord, Value

SECTIONS = {
    "letters": "Letters",
    "items": "Items",
    "outcome": "Outcomes",
    "reasons": "Reasons",
    "fields": "Fields (exact match)",
    "summary": "Summaries",
    "grounding": "Grounding",
    "model": "Model contribution",
    "ops": "Operations",
}

#: The metrics a reviewer looks at first (the terminal shows these plus anything off).
KEY_METRICS = (
    "letters.scored",
    "letters.failed",
    "letters.missing",
    "items.f1",
    "items.precision",
    "items.recall",
    "outcome.accuracy",
    "outcome.overturned.recall",
    "outcome.overturned.precision",
    "outcome.upheld.recall",
    "outcome.upheld.precision",
    "reasons.coverage",
    "reasons.precision",
    "reasons.recall",
    "reasons.primary_hit",
    "reasons.misinform",
    "fields.accuracy",
    "fields.header",
    "fields.decision",
    "summary.at_target",
    "summary.document_at_target",
    "summary.readability_median",
    "summary.readability_max",
    "summary.outcomes_correct",
    "summary.unsupported_facts",
    "summary.words_median",
    "grounding.rate",
    "grounding.ungrounded",
    "model.accepted",
    "model.rejected",
    "model.fallback",
    "model.reasks_per_accepted",
    "model.tokens_per_accepted",
    "ops.latency_p50",
    "ops.latency_p95",
    "ops.wall_seconds",
    "ops.calls",
    "ops.reasks",
    "ops.tokens",
    "ops.cost_usd",
    "ops.cache_hit_rate",
)


@dataclass
class ReportInput:
    """Everything a report may show about one run."""

    record: RunRecord
    gate: GateResult | None = None
    comparison: Comparison | None = None
    """Against the baseline, when one is configured."""


def fmt_metric(name: str, value: float | None) -> str:
    if value is None:
        return "n/a"
    unit = METRICS[name].unit if name in METRICS else "score"
    if unit == "ratio":
        return f"{value:.3f}"
    if unit == "count":
        return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
    if unit == "seconds":
        return f"{value * 1000:.1f} ms" if abs(value) < 1 else f"{value:.2f} s"
    if unit == "usd":
        return f"${value:.4f}"
    return f"{value:.2f}"


def fmt_delta(name: str, delta: float | None) -> str:
    if delta is None or abs(delta) < 1e-12:
        return ""
    sign = "+" if delta > 0 else "-"
    return sign + fmt_metric(name, abs(delta)).lstrip("$")


def fmt_value(value: Value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(value) + "]"
    return str(value)


def variant_metrics(all_metrics: Sequence[Metrics], *, verbose: bool = False) -> list[str]:
    """Metrics for a side-by-side table: the key ones (every one with ``verbose``) defined in any run."""
    names = list(METRICS) if verbose else [n for n in METRICS if n in KEY_METRICS or n.endswith(".accepted")]
    return [n for n in names if any(m.get(n) is not None for m in all_metrics)]


@dataclass(frozen=True)
class ModelRow:
    """What the model contributed to one kind of field, over a run."""

    kind: str
    values: int
    accepted: float | None
    rejected: float | None
    unanswered: float | None
    fallback: float | None
    causes: list[tuple[str, int]]


def model_rows(letters: Sequence[LetterRecord]) -> list[ModelRow]:
    """Per field kind: shares accepted / rejected / unanswered / fell back, and rejection causes."""
    uses = [u for x in letters if x.scored and x.model is not None for u in x.model]
    rows = []
    for kind in [*KINDS, "all"]:
        mine = [u for u in uses if kind == "all" or kind_of(u.field) == kind]
        if not mine:
            continue
        n = len(mine)
        took = sum(u.status == "accepted" for u in mine)
        causes = Counter(u.cause for u in mine if u.cause)
        rows.append(
            ModelRow(
                kind=kind,
                values=n,
                accepted=ratio(took, n),
                rejected=ratio(sum(u.status == "rejected" for u in mine), n),
                unanswered=ratio(sum(u.status == "unanswered" for u in mine), n),
                fallback=ratio(n - took, n),
                causes=causes.most_common(),
            )
        )
    return rows


def fmt_causes(causes: list[tuple[str, int]], limit: int | None = None) -> str:
    shown = causes if limit is None else causes[:limit]
    more = f", +{len(causes) - len(shown)} more" if len(causes) > len(shown) else ""
    return ", ".join(f"{c} {n}" for c, n in shown) + more


def reason_code_rows(letters: Sequence[LetterRecord]) -> list[tuple[str, int, int, str, str]]:
    """Per reason code: items labeled gold, items showing it, precision, recall."""
    marks = [p.reasons for x in letters if x.scored for p in x.items if p.reasons is not None]
    rows = []
    for code in REASON_CODES:
        gold = sum(code in m.gold for m in marks)
        shown = sum(code in m.shown for m in marks)
        if not gold and not shown:
            continue
        fair = sum(code in m.shown and (code in m.gold or code in m.acceptable) for m in marks)
        found = sum(code in m.shown and code in m.gold for m in marks)
        rows.append(
            (
                code,
                gold,
                shown,
                fmt_metric("reasons.precision", ratio(fair, shown)),
                fmt_metric("reasons.recall", ratio(found, gold)),
            )
        )
    return rows


def problems(letter: LetterRecord) -> list[FieldResult]:
    return [f for f in letter.fields if not f.correct]


def letter_issues(letter: LetterRecord) -> list[str]:
    """One short line per problem that is not a field mismatch (summary, grounding, items)."""
    out = []
    if letter.error:
        out.append(f"extraction failed: {letter.error}")
    out.extend(f"spurious item #{p.predicted}: {p.predicted_service}" for p in letter.items if p.expected is None)
    out.extend(
        f"item {p.expected} not matched to any predicted item (an item error, not an outcome error)"
        for p in letter.items
        if p.expected is not None and p.predicted is None
    )
    s = letter.summary
    if s is not None:
        if not s.meets_target:
            out.append(f"summary reading score {s.grade:.2f} misses target {s.target:g}")
        if s.wrong_items:
            out.append("summary misstates or omits item(s) " + ", ".join(str(i) for i in s.wrong_items))
        if s.unsupported:
            out.append("summary states facts not in the letter: " + ", ".join(s.unsupported))
    if letter.grounding is not None and letter.grounding.ungrounded:
        out.append("ungrounded: " + ", ".join(letter.grounding.ungrounded))
    return out


def has_problems(letter: LetterRecord) -> bool:
    return letter.scored and bool(problems(letter) or letter_issues(letter))


def metric_rows(
    metrics: Metrics, comparison: Comparison | None, names: list[str] | None = None
) -> list[tuple[str, str, str, str, str]]:
    """``(section, name, value, baseline, delta)`` rows in registry order."""
    wanted = names if names is not None else list(METRICS)
    rows = []
    for name in wanted:
        d = comparison.delta(name) if comparison else None
        rows.append(
            (
                SECTIONS[METRICS[name].section],
                name,
                fmt_metric(name, metrics.get(name)),
                fmt_metric(name, d.before) if d else "",
                fmt_delta(name, d.delta) if d else "",
            )
        )
    return rows


def terminal_metrics(metrics: Metrics) -> list[str]:
    """Key metrics, plus any field accuracy below 1 and any non-zero operation count."""
    names = list(KEY_METRICS)
    for name, value in metrics.items():
        if name in names or value is None:
            continue
        if (name.startswith("fields.") and value < 1) or (
            name.startswith(("ops.", "model.cause.")) and value and METRICS[name].unit != "seconds"
        ):
            names.append(name)
    return [n for n in METRICS if n in names]


def run_title(record: RunRecord) -> str:
    m = record.meta
    parts = [f"backend {m.backend}"]
    if m.model:
        parts.append(f"model {m.model}")
    parts.append(f"parser {m.parser_version}")
    if m.prompts:
        parts.append("prompts " + ", ".join(f"{p.name}@{p.version or '?'}" for p in m.prompts))
    if m.git_commit:
        parts.append(f"commit {m.git_commit[:10]}{' (dirty)' if m.git_dirty else ''}")
    return ", ".join(parts)

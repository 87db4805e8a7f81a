"""Formatting shared by the terminal, Markdown and HTML reports.

One place decides how a metric or a value is shown, which metrics lead the summary
and how a letter's problems are listed, so the three reports never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from llm_extract.evaluation.compare import Comparison
from llm_extract.evaluation.gate import GateResult
from llm_extract.evaluation.metrics import METRICS, Metrics
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
    "fields.accuracy",
    "fields.header",
    "fields.decision",
    "summary.at_target",
    "summary.readability_median",
    "summary.readability_max",
    "summary.outcomes_correct",
    "summary.unsupported_facts",
    "summary.words_median",
    "grounding.rate",
    "grounding.ungrounded",
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


def problems(letter: LetterRecord) -> list[FieldResult]:
    return [f for f in letter.fields if not f.correct]


def letter_issues(letter: LetterRecord) -> list[str]:
    """One short line per problem that is not a field mismatch (summary, grounding, items)."""
    out = []
    if letter.error:
        out.append(f"extraction failed: {letter.error}")
    out.extend(f"spurious item #{p.predicted}: {p.predicted_service}" for p in letter.items if p.expected is None)
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
            name.startswith("ops.") and value and METRICS[name].unit != "seconds"
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

"""The Markdown report: every metric, the gate, the baseline comparison, every problem.

Meant for pasting into a pull request. It holds label-level values (services,
dates) but no letter text, so it is safe to share where the fixtures are.
"""

from __future__ import annotations

from llm_extract.evaluation.compare import Comparison
from llm_extract.evaluation.metrics import grade_histogram
from llm_extract.evaluation.present import (
    ReportInput,
    fmt_causes,
    fmt_delta,
    fmt_metric,
    fmt_value,
    has_problems,
    letter_issues,
    metric_rows,
    model_rows,
    problems,
    reason_code_rows,
    run_title,
)

MAX_CHANGES = 200
MAX_TEXTS = 20
"""Longest list of changed values a report prints (the run records hold all of them)."""


def cell(text: str) -> str:
    """A Markdown table cell: pipes escaped, line breaks folded."""
    return " ".join(text.replace("\\", "\\\\").replace("|", "\\|").split()) or " "


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return [*lines, ""]


def _head(report: ReportInput) -> list[str]:
    r = report.record
    m = r.meta
    lines = [
        f"# Eval run {m.run_id}",
        "",
        f"{run_title(r)}.",
        "",
        f"Created {m.created_at.isoformat()}; {int(r.metrics['letters.scored'] or 0)} of "
        f"{int(r.metrics['letters.total'] or 0)} fixture letters scored in {m.wall_seconds:.2f} s "
        f"(labels {m.fixtures_sha256[:12]}, corpus `{m.corpus or 'none'}`, language {m.lang}).",
        "",
    ]
    missing = [x.id for x in r.letters if x.status == "missing"]
    if missing:
        lines += [
            f"**{len(missing)} fixture letter(s) missing** (no letter file under corpus "
            f"`{r.meta.corpus or '(none)'}`): " + ", ".join(missing),
            "",
        ]
    return lines


def _gate(report: ReportInput) -> list[str]:
    gate = report.gate
    if gate is None:
        return []
    lines = [f"## Gate: {'PASSED' if gate.passed else 'FAILED'}", ""]
    lines += [f"- FAILED {c.message}" for c in gate.failures]
    lines += [f"- note: {n}" for n in gate.notes]
    lines += [f"- {c.message}" for c in gate.checks if c.skipped]
    passed = sum(c.passed and not c.skipped for c in gate.checks)
    return [*lines, f"- {passed} check(s) passed", ""]


def comparison_lines(c: Comparison, title: str) -> list[str]:
    t = c.outcome_test
    lines = [
        f"## {title}",
        "",
        f"A = `{c.a.run_id}` ({c.a.backend}), B = `{c.b.run_id}` ({c.b.backend}); "
        f"{c.letters_compared} letter(s) compared.",
        "",
    ]
    if c.differences:
        lines += _table(["what differs", "A", "B"], [[d.what, d.a, d.b] for d in c.differences])
    else:
        lines += ["Same backend, model, prompts, parser, templates, code, labels and letters.", ""]
    if not c.same_labels:
        lines += ["**The labels of some letters differ between the two runs**: some changes may be label edits.", ""]
    if c.only_in_a or c.only_in_b:
        lines += [f"Only in A: {', '.join(c.only_in_a) or '-'}; only in B: {', '.join(c.only_in_b) or '-'}.", ""]
    lines += [
        f"Outcome accuracy (paired, {t.items} items): {t.verdict}. Discordant items: "
        f"{t.only_a_right} right only in A, {t.only_b_right} right only in B. Bootstrap over letters: "
        f"delta {t.delta:+.4f}, 95% CI [{t.ci_low:+.4f}, {t.ci_high:+.4f}] ({t.resamples} resamples).",
        "",
    ]
    moved = [d for d in c.metrics if d.verdict in ("better", "worse", "changed") and not d.name.startswith("ops.")]
    if moved:
        lines += _table(
            ["metric", "A", "B", "delta", ""],
            [
                [
                    d.name,
                    fmt_metric(d.name, d.before),
                    fmt_metric(d.name, d.after),
                    fmt_delta(d.name, d.delta),
                    d.verdict,
                ]
                for d in moved
            ],
        )
    else:
        lines += ["No quality metric changed.", ""]
    if c.changes:
        lines += [f"Changed values in {len(c.changed_letters)} letter(s): {', '.join(c.changed_letters)}", ""]
        rows = [
            [
                ch.letter,
                ch.path,
                fmt_value(ch.before),
                fmt_value(ch.after),
                fmt_value(ch.expected) if ch.kind != "info" else "",
                ch.kind,
            ]
            for ch in c.changes[:MAX_CHANGES]
        ]
        lines += _table(["letter", "value", "A", "B", "label", "kind"], rows)
        if len(c.changes) > MAX_CHANGES:
            lines += [f"... and {len(c.changes) - MAX_CHANGES} more (see the run records).", ""]
    elif not c.texts:
        lines += ["No letter changed.", ""]
    for text in c.texts[:MAX_TEXTS]:
        lines += [
            f"### Summary text, {text.letter}",
            "",
            *_table([f"A ({text.a_by or '?'})", f"B ({text.b_by or '?'})"], [[text.a or "(none)", text.b or "(none)"]]),
        ]
    if len(c.texts) > MAX_TEXTS:
        lines += [f"... and {len(c.texts) - MAX_TEXTS} more changed summary texts (see the run records).", ""]
    return lines


def _model(report: ReportInput) -> list[str]:
    rows = model_rows(report.record.letters)
    if not rows:
        return []
    m = report.record.metrics
    reasks = fmt_metric("model.reasks_per_accepted", m.get("model.reasks_per_accepted"))
    tokens = fmt_metric("model.tokens_per_accepted", m.get("model.tokens_per_accepted"))
    return [
        "## What the model contributed",
        "",
        "Accepted: the model answered, every check passed and the value is not empty; everything else fell "
        f"back to the parser or the templates. {reasks} re-asks and {tokens} tokens per accepted value.",
        "",
        *_table(
            ["field", "values", "accepted", "rejected", "no answer", "fell back", "why not used"],
            [
                [
                    r.kind,
                    str(r.values),
                    *(fmt_metric("model.accepted", v) for v in (r.accepted, r.rejected, r.unanswered, r.fallback)),
                    fmt_causes(r.causes),
                ]
                for r in rows
            ],
        ),
    ]


def _reason_codes(report: ReportInput) -> list[str]:
    rows = reason_code_rows(report.record.letters)
    if not rows:
        return []
    return [
        "## Reasons per code",
        "",
        *_table(["code", "items gold", "items shown", "precision", "recall"], [[str(c) for c in r] for r in rows]),
    ]


def _confusion(report: ReportInput) -> list[str]:
    table = report.record.confusion
    cols = list(next(iter(table.values())).keys()) if table else []
    rows = [[f"label {row}", *(str(v) for v in counts.values())] for row, counts in table.items()]
    return ["## Outcome confusion", "", "Rows: labeled outcome; columns: predicted.", "", *_table(["", *cols], rows)]


def _summaries(report: ReportInput) -> list[str]:
    hist = grade_histogram(report.record.letters)
    if not hist:
        return []
    return ["## Summary reading scores", "", *_table([label for label, _ in hist], [[str(n) for _, n in hist]])]


def _letters(report: ReportInput) -> list[str]:
    bad = [x for x in report.record.letters if has_problems(x)]
    lines = ["## Letters with problems", ""]
    if not bad:
        return [*lines, "None: every scored letter matches its label.", ""]
    for x in bad:
        lines += [f"### {x.id}", ""]
        mism = problems(x)
        if mism:
            lines += _table(
                ["value", "label", "predicted"],
                [[f.path, fmt_value(f.expected), "(missing)" if f.missing else fmt_value(f.predicted)] for f in mism],
            )
        lines += [f"- {issue}" for issue in letter_issues(x)] + [""]
    return lines


def render_markdown(report: ReportInput) -> str:
    lines = _head(report) + _gate(report)
    lines += [
        "## Metrics",
        "",
        *_table(
            ["section", "metric", "value", "baseline (same letters)", "delta"],
            [list(r) for r in metric_rows(report.record.metrics, report.comparison)],
        ),
    ]
    lines += _model(report) + _reason_codes(report) + _confusion(report) + _summaries(report)
    if report.comparison is not None:
        lines += comparison_lines(report.comparison, "Against the baseline")
    lines += _letters(report)
    return "\n".join(lines).rstrip() + "\n"


def render_comparison_markdown(c: Comparison) -> str:
    return (
        "\n".join(
            [f"# Eval comparison: {c.a.run_id} -> {c.b.run_id}", "", *comparison_lines(c, "Changes from A to B")]
        ).rstrip()
        + "\n"
    )

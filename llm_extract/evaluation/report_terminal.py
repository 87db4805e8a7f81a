"""The terminal report: about 40 lines by default, every detail with ``-v``.

The default view is what a prompt engineer reads before and after a change: one line
per group of metrics, what the model contributed (per field, with rejection causes),
the baseline verdict, the letters to look at (one line each, cut to the terminal
width), and every gate failure in full. ``-v`` adds the full metric table, the
confusion table, per-code reason figures and every problem value.

Built with rich; every string that comes from a letter or a label is escaped, since
a service name may contain square brackets that rich would read as markup. Lines a
log or grep must see whole (gate failures, errors) are never wrapped or cut.
"""

from __future__ import annotations

import difflib
import re

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from llm_extract.evaluation.compare import Comparison
from llm_extract.evaluation.gate import GateResult
from llm_extract.evaluation.metrics import Metrics
from llm_extract.evaluation.present import (
    SECTIONS,
    ReportInput,
    fmt_causes,
    fmt_delta,
    fmt_metric,
    fmt_value,
    has_problems,
    letter_issues,
    model_rows,
    problems,
    reason_code_rows,
    run_title,
    terminal_metrics,
)

MAX_LETTERS = 8
"""Letters listed by default (one line each); ``-v`` lists them all."""
MAX_METRIC_CHANGES = 8
MAX_CHANGES = 12
MAX_TEXTS = 2
MAX_TEXT_BLOCKS = 4


def _say(console: Console, line: str) -> None:
    """One line of text, never wrapped or cut: CI logs and greps must see each message whole."""
    console.print(line, soft_wrap=True)


def _line(console: Console, line: str) -> None:
    """One line cut to the terminal width (with an ellipsis), for lists a reader scans."""
    console.print(line, no_wrap=True, overflow="ellipsis")


def _m(metrics: Metrics, name: str) -> str:
    return fmt_metric(name, metrics.get(name))


def print_run(console: Console, report: ReportInput, *, verbose: bool = False) -> None:
    r = report.record
    _say(console, f"[bold]eval {escape(r.meta.run_id)}[/bold]  {escape(run_title(r))}")
    missing = [x.id for x in r.letters if x.status == "missing"]
    if missing:
        _say(
            console,
            f"[yellow]{len(missing)} fixture letter(s) missing[/yellow] (no letter file under "
            f"corpus {escape(r.meta.corpus or '(none)')}); scored the other {len(r.letters) - len(missing)}",
        )
    if verbose:
        console.print(_metrics_table(report))
        console.print(_confusion_table(report))
        _print_reason_codes(console, report)
    else:
        _print_summary_lines(console, report)
    _print_model(console, report, verbose=verbose)
    _print_letters(console, report, verbose=verbose)
    if report.comparison is not None:
        print_comparison(console, report.comparison, "against the baseline", details=verbose, verbose=verbose)
    if report.gate is not None:
        print_gate(console, report.gate)


def _print_summary_lines(console: Console, report: ReportInput) -> None:
    m = report.record.metrics
    lines = [
        f"letters   {_m(m, 'letters.scored')} scored, {_m(m, 'letters.failed')} failed, "
        f"{_m(m, 'letters.missing')} missing",
        f"items     F1 {_m(m, 'items.f1')}; {_m(m, 'items.matched')}/{_m(m, 'items.expected')} matched, "
        f"{_m(m, 'items.missed')} missed, {_m(m, 'items.spurious')} spurious",
        f"outcomes  {_m(m, 'outcome.accuracy')} (matched items); overturned R {_m(m, 'outcome.overturned.recall')} "
        f"P {_m(m, 'outcome.overturned.precision')}",
        f"fields    {_m(m, 'fields.accuracy')} (header {_m(m, 'fields.header')}, items {_m(m, 'fields.decision')})",
        f"reasons   cover {_m(m, 'reasons.coverage')} P {_m(m, 'reasons.precision')} R "
        f"{_m(m, 'reasons.recall')} primary {_m(m, 'reasons.primary_hit')} misinform {_m(m, 'reasons.misinform')}",
        f"summary   at target {_m(m, 'summary.at_target')} (document {_m(m, 'summary.document_at_target')}), "
        f"grade max {_m(m, 'summary.readability_max')}, "
        f"outcomes {_m(m, 'summary.outcomes_correct')}, invented facts {_m(m, 'summary.unsupported_facts')}",
        f"grounding {_m(m, 'grounding.rate')} ({_m(m, 'grounding.ungrounded')} ungrounded of "
        f"{_m(m, 'grounding.checked')})",
        _ops_line(m),
    ]
    for line in lines:
        _say(console, line)


def _ops_line(m: Metrics) -> str:
    computed = int(m.get("ops.letters_computed") or 0)
    scored = int(m.get("letters.scored") or 0)
    latency = (
        f"p50 {_m(m, 'ops.latency_p50')} p95 {_m(m, 'ops.latency_p95')} ({computed} computed)"
        if computed
        else "nothing computed"
    )
    hits = scored - computed
    cached = f"; {hits} cached, {_m(m, 'ops.cached_latency_mean')} each (apart)" if hits else ""
    calls = ""
    if m.get("ops.calls"):
        calls = f"; {_m(m, 'ops.calls')} calls, {_m(m, 'ops.reasks')} re-asks, {_m(m, 'ops.tokens')} tokens"
    return f"ops       {latency}{cached}{calls}; wall {_m(m, 'ops.wall_seconds')}"


def _print_model(console: Console, report: ReportInput, *, verbose: bool) -> None:
    rows = model_rows(report.record.letters)
    if not rows:
        return
    m = report.record.metrics
    if m.get("model.reasks_per_accepted") is None:
        cost = f"{_m(m, 'ops.reasks')} re-asks and {_m(m, 'ops.tokens')} tokens, nothing accepted"
    else:
        cost = (
            f"{_m(m, 'model.reasks_per_accepted')} re-asks and {_m(m, 'model.tokens_per_accepted')} tokens "
            "per accepted value"
        )
    table = Table(title=f"what the model contributed ({cost})", title_justify="left", box=None, pad_edge=False)
    for col in ("field", "values", "accepted", "rejected", "no answer", "fell back", "why not used"):
        if col == "why not used":
            table.add_column(col, overflow="fold", ratio=1)
        else:
            table.add_column(col, justify="left" if col == "field" else "right", no_wrap=True, min_width=len(col))
    for row in rows:
        table.add_row(
            row.kind,
            str(row.values),
            fmt_metric("model.accepted", row.accepted),
            fmt_metric("model.rejected", row.rejected),
            fmt_metric("model.unanswered", row.unanswered),
            fmt_metric("model.fallback", row.fallback),
            escape(fmt_causes(row.causes, None if verbose else 3)),
        )
    console.print(table)


def _metrics_table(report: ReportInput) -> Table:
    comparison = report.comparison
    table = Table(title="metrics", title_justify="left")
    for col in ("section", "metric", "value", *(("baseline", "delta") if comparison else ())):
        right = col in ("value", "baseline", "delta")
        table.add_column(col, justify="right" if right else "left", no_wrap=col == "metric")
    last = ""
    for name in terminal_metrics(report.record.metrics):
        section = SECTIONS[name.split(".", 1)[0]]
        row = [section if section != last else "", name, fmt_metric(name, report.record.metrics.get(name))]
        last = section
        if comparison is not None:
            d = comparison.delta(name)
            colour = {"better": "green", "worse": "red"}.get(d.verdict if d else "", "")
            delta = fmt_delta(name, d.delta) if d else ""
            row += [
                fmt_metric(name, d.before) if d else "",
                f"[{colour}]{delta}[/{colour}]" if colour and delta else delta,
            ]
        table.add_row(*row)
    return table


def _confusion_table(report: ReportInput) -> Table:
    table = Table(
        title="outcome confusion (rows: label, columns: predicted; (none)/(missed) are item errors)",
        title_justify="left",
    )
    conf = report.record.confusion
    cols = list(next(iter(conf.values())).keys()) if conf else []
    table.add_column("")
    for c in cols:
        table.add_column(c, justify="right")
    for row, counts in conf.items():
        table.add_row(f"label {row}", *(str(v) for v in counts.values()))
    return table


def _print_reason_codes(console: Console, report: ReportInput) -> None:
    rows = reason_code_rows(report.record.letters)
    if not rows:
        return
    table = Table(title="reasons per code (items)", title_justify="left")
    for col in ("code", "gold", "shown", "precision", "recall"):
        table.add_column(col, justify="left" if col == "code" else "right", no_wrap=True)
    for code, gold, shown, precision, recall in rows:
        table.add_row(code, str(gold), str(shown), precision, recall)
    console.print(table)


def _print_letters(console: Console, report: ReportInput, *, verbose: bool) -> None:
    bad = [x for x in report.record.letters if has_problems(x)]
    if not bad:
        _say(console, "[green]every scored letter matches its label[/green]")
        return
    if not verbose:
        _say(console, f"letters with problems ({len(bad)}):")
        for x in bad[:MAX_LETTERS]:
            wrong = problems(x)
            parts = [
                f"{f.path}: {fmt_value(f.expected)} -> {'(missing)' if f.missing else fmt_value(f.predicted)}"
                for f in wrong[:2]
            ]
            parts += letter_issues(x)[:2]
            extra = len(wrong) + len(letter_issues(x)) - len(parts)
            _line(console, f"  {escape(x.id)}: {escape('; '.join(parts))}" + (f" (+{extra} more)" if extra > 0 else ""))
        if len(bad) > MAX_LETTERS:
            _say(console, f"  ... and {len(bad) - MAX_LETTERS} more (-v, or the Markdown/HTML report)")
        return
    table = Table(title=f"letters with problems ({len(bad)})", title_justify="left")
    for col in ("letter", "value", "label", "predicted"):
        table.add_column(col, overflow="fold", no_wrap=col in ("letter", "value"))
    for x in bad:
        for f in problems(x):
            table.add_row(
                escape(x.id),
                escape(f.path),
                escape(fmt_value(f.expected)),
                "(missing)" if f.missing else escape(fmt_value(f.predicted)),
            )
        for issue in letter_issues(x):
            table.add_row(escape(x.id), "", "", escape(issue))
    console.print(table)


def print_gate(console: Console, gate: GateResult) -> None:
    if gate.passed:
        _say(console, f"[green bold]gate passed[/green bold] ({len(gate.checks)} check(s), backend {gate.backend})")
    else:
        _say(console, f"[red bold]gate FAILED[/red bold]: {len(gate.failures)} of {len(gate.checks)} check(s)")
        for check in gate.failures:
            _say(console, f"  [red]x[/red] {escape(check.message)}")
    for note in gate.notes:
        _say(console, f"  [yellow]note[/yellow] {escape(note)}")


def _print_header(console: Console, c: Comparison, title: str) -> None:
    t = c.outcome_test
    _say(
        console,
        f"[bold]compare {title}[/bold]: A {escape(c.a.run_id)} -> B {escape(c.b.run_id)}, "
        f"{c.letters_compared} letter(s)",
    )
    if c.differences:
        for d in c.differences:
            _say(console, f"  differs: {escape(d.what)}: {escape(d.a)} -> {escape(d.b)}")
    else:
        _say(console, "  same backend, model, prompts, parser, templates, code, labels and letters")
    if not c.same_labels:
        _say(console, "[yellow]the labels of some letters differ between the two runs[/yellow]")
    _say(
        console,
        f"outcome accuracy (paired, {t.items} matched items): {escape(t.verdict)}; bootstrap delta "
        f"{t.delta:+.4f}, 95% CI [{t.ci_low:+.4f}, {t.ci_high:+.4f}]",
    )


def print_comparison(
    console: Console, c: Comparison, title: str, *, details: bool = True, verbose: bool = False
) -> None:
    _print_header(console, c, title)
    moved = [d for d in c.metrics if d.verdict in ("better", "worse", "changed")]
    if not verbose:
        moved = [d for d in moved if not d.name.startswith("ops.") and d.verdict != "changed"]
    if moved:
        table = Table(title="metrics that changed", title_justify="left", box=None, pad_edge=False)
        for col in ("metric", "A", "B", "delta", ""):
            table.add_column(col, justify="right" if col in ("A", "B", "delta") else "left", no_wrap=True)
        limit = None if verbose else MAX_METRIC_CHANGES
        for d in moved[:limit]:
            colour = {"better": "green", "worse": "red"}.get(d.verdict, "")
            table.add_row(
                d.name,
                fmt_metric(d.name, d.before),
                fmt_metric(d.name, d.after),
                fmt_delta(d.name, d.delta),
                f"[{colour}]{d.verdict}[/{colour}]" if colour else d.verdict,
            )
        console.print(table)
        if limit is not None and len(moved) > limit:
            _say(console, f"... and {len(moved) - limit} more metric(s) (-v)")
    else:
        _say(console, "no quality metric changed")
    if not c.changed_letters:
        _say(console, "no letter changed (values, reasons, model use and summary text all identical)")
        return
    _line(console, f"changed letters ({len(c.changed_letters)}): {escape(', '.join(c.changed_letters))}")
    if not details:
        return
    _print_changes(console, c, verbose=verbose)
    _print_texts(console, c, verbose=verbose)


def _print_changes(console: Console, c: Comparison, *, verbose: bool) -> None:
    if not c.changes:
        return
    limit = None if verbose else MAX_CHANGES
    table = Table(title="changed values", title_justify="left")
    for col in ("letter", "value", "A", "B", "label", "kind"):
        table.add_column(col, overflow="fold", no_wrap=col in ("letter", "value", "kind"))
    for ch in c.changes[:limit]:
        colour = {"fixed": "green", "broke": "red"}.get(ch.kind, "")
        kind = f"[{colour}]{ch.kind}[/{colour}]" if colour else ch.kind
        table.add_row(
            escape(ch.letter),
            escape(ch.path),
            escape(fmt_value(ch.before)),
            escape(fmt_value(ch.after)),
            escape(fmt_value(ch.expected)) if ch.kind != "info" else "",
            kind,
        )
    console.print(table)
    if limit is not None and len(c.changes) > limit:
        _say(console, f"... and {len(c.changes) - limit} more changed value(s) (-v, or the Markdown report)")


_SENTENCE = re.compile(r"(?<=[.!?:])\s+|\n+")
MAX_BLOCK_CHARS = 300


def _cut(text: str, verbose: bool) -> str:
    return text if verbose or len(text) <= MAX_BLOCK_CHARS else text[: MAX_BLOCK_CHARS - 1].rstrip() + "…"


def changed_blocks(a: str, b: str) -> list[tuple[str, str]]:
    """The sentences that differ between two texts, as (A sentences, B sentences) blocks in order."""
    la, lb = _SENTENCE.split(a.strip()), _SENTENCE.split(b.strip())
    matcher = difflib.SequenceMatcher(None, la, lb, autojunk=False)
    return [
        (" ".join(la[i1:i2]), " ".join(lb[j1:j2])) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    ]


def _print_texts(console: Console, c: Comparison, *, verbose: bool) -> None:
    limit = None if verbose else MAX_TEXTS
    for t in c.texts[:limit]:
        what = "" if verbose else " (changed sentences only; -v for the whole texts)"
        table = Table(title=f"summary text, {escape(t.letter)}{what}", title_justify="left", expand=True)
        table.add_column(f"A ({escape(t.a_by or '?')})", ratio=1, overflow="fold")
        table.add_column(f"B ({escape(t.b_by or '?')})", ratio=1, overflow="fold")
        blocks = [(t.a or "(none)", t.b or "(none)")] if verbose else changed_blocks(t.a or "", t.b or "")
        for old, new in blocks[: None if verbose else MAX_TEXT_BLOCKS]:
            table.add_row(escape(_cut(old, verbose) or "(nothing)"), escape(_cut(new, verbose) or "(nothing)"))
        if not verbose and len(blocks) > MAX_TEXT_BLOCKS:
            table.add_row(f"... {len(blocks) - MAX_TEXT_BLOCKS} more changed block(s)", "")
        console.print(table)
    if limit is not None and len(c.texts) > limit:
        _say(console, f"... and {len(c.texts) - limit} more changed summary text(s) (-v, or the Markdown report)")

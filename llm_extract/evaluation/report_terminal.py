"""The terminal report: key metrics, confusion, gate and the letters to look at.

Built with rich; every string that comes from a letter or a label is escaped, since
a service name may contain square brackets that rich would read as markup.
"""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from llm_extract.evaluation.compare import Comparison
from llm_extract.evaluation.gate import GateResult
from llm_extract.evaluation.present import (
    SECTIONS,
    ReportInput,
    fmt_delta,
    fmt_metric,
    fmt_value,
    has_problems,
    letter_issues,
    problems,
    run_title,
    terminal_metrics,
)

MAX_LETTERS = 15
MAX_CHANGES = 40


def _say(console: Console, line: str) -> None:
    """One line of text, never wrapped: CI logs and greps must see each message whole."""
    console.print(line, soft_wrap=True)


def print_run(console: Console, report: ReportInput) -> None:
    r = report.record
    _say(console, f"[bold]eval {escape(r.meta.run_id)}[/bold]  {escape(run_title(r))}")
    missing = [x.id for x in r.letters if x.status == "missing"]
    if missing:
        _say(
            console,
            f"[yellow]{len(missing)} fixture letter(s) missing[/yellow] (no letter file under "
            f"corpus {escape(r.meta.corpus or '(none)')}); scored the other "
            f"{len(r.letters) - len(missing)}",
        )
    console.print(_metrics_table(report))
    console.print(_confusion_table(report))
    _print_letters(console, report)
    if report.comparison is not None:
        print_comparison(console, report.comparison, "against the baseline", details=False)
    if report.gate is not None:
        print_gate(console, report.gate)


def _metrics_table(report: ReportInput) -> Table:
    comparison = report.comparison
    table = Table(title="metrics", title_justify="left")
    for col in ("section", "metric", "value", *(("baseline", "delta") if comparison else ())):
        table.add_column(col, justify="right" if col in ("value", "baseline", "delta") else "left")
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
    table = Table(title="outcome confusion (rows: label, columns: predicted)", title_justify="left")
    conf = report.record.confusion
    cols = list(next(iter(conf.values())).keys()) if conf else []
    table.add_column("")
    for c in cols:
        table.add_column(c, justify="right")
    for row, counts in conf.items():
        table.add_row(f"label {row}", *(str(v) for v in counts.values()))
    return table


def _print_letters(console: Console, report: ReportInput) -> None:
    bad = [x for x in report.record.letters if has_problems(x)]
    if not bad:
        _say(console, "[green]every scored letter matches its label[/green]")
        return
    table = Table(title=f"letters with problems ({len(bad)})", title_justify="left")
    for col in ("letter", "value", "label", "predicted"):
        table.add_column(col, overflow="fold", no_wrap=col in ("letter", "value"))
    for x in bad[:MAX_LETTERS]:
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
    if len(bad) > MAX_LETTERS:
        _say(console, f"... and {len(bad) - MAX_LETTERS} more letter(s): see the Markdown or HTML report")


def print_gate(console: Console, gate: GateResult) -> None:
    if gate.passed:
        _say(console, f"[green bold]gate passed[/green bold] ({len(gate.checks)} check(s), backend {gate.backend})")
    else:
        _say(console, f"[red bold]gate FAILED[/red bold]: {len(gate.failures)} of {len(gate.checks)} check(s)")
        for check in gate.failures:
            _say(console, f"  [red]x[/red] {escape(check.message)}")
    for note in gate.notes:
        _say(console, f"  [yellow]note[/yellow] {escape(note)}")


def print_comparison(console: Console, c: Comparison, title: str, *, details: bool = True) -> None:
    t = c.outcome_test
    _say(
        console,
        f"[bold]compare {title}[/bold]: A {escape(c.a.run_id)} -> B {escape(c.b.run_id)}, "
        f"{c.letters_compared} letter(s)",
    )
    if not c.same_labels:
        _say(console, "[yellow]the labels differ between the two runs[/yellow]")
    _say(
        console,
        f"outcome accuracy (paired, {t.items} items): {escape(t.verdict)}; bootstrap delta "
        f"{t.delta:+.4f}, 95% CI [{t.ci_low:+.4f}, {t.ci_high:+.4f}]",
    )
    if details:
        moved = [d for d in c.metrics if d.verdict in ("better", "worse", "changed")]
        table = Table(title="metrics that changed", title_justify="left")
        for col in ("metric", "A", "B", "delta", ""):
            table.add_column(col, justify="right" if col in ("A", "B", "delta") else "left")
        for d in moved:
            colour = {"better": "green", "worse": "red"}.get(d.verdict, "")
            table.add_row(
                d.name,
                fmt_metric(d.name, d.before),
                fmt_metric(d.name, d.after),
                fmt_delta(d.name, d.delta),
                f"[{colour}]{d.verdict}[/{colour}]" if colour else d.verdict,
            )
        if moved:
            console.print(table)
    if not c.changes:
        _say(console, "no letter changed")
        return
    _say(console, f"changed values in {len(c.changed_letters)} letter(s): {escape(', '.join(c.changed_letters))}")
    table = Table(title="changed values", title_justify="left")
    for col in ("letter", "value", "A", "B", "label", "kind"):
        table.add_column(col, overflow="fold", no_wrap=col in ("letter", "value", "kind"))
    for ch in c.changes[:MAX_CHANGES]:
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
    if len(c.changes) > MAX_CHANGES:
        _say(console, f"... and {len(c.changes) - MAX_CHANGES} more: see the Markdown report")

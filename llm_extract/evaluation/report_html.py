"""The self-contained HTML report: one file, inline CSS, no scripts, no external assets.

Per letter it shows the letter text with every predicted evidence span highlighted
(hover for the field a span supports; ungrounded spans in red), the labeled and
predicted values side by side with mismatches marked, the predicted items, each
item's shown reasons beside its reason labels and the labeled evidence, what the
model contributed per field, and the plain-language summary with its reading score.
Letters with problems open by default; radio buttons (CSS only, no script) filter the
list to letters with problems or letters that differ from the baseline. Every piece
of letter text goes through :func:`html.escape`: a letter is untrusted input and may
contain markup.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from llm_extract.contract.models import Extraction, Outcome, Span
from llm_extract.evaluation.compare import Comparison
from llm_extract.evaluation.metrics import grade_histogram
from llm_extract.evaluation.present import (
    ReportInput,
    fmt_causes,
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
from llm_extract.evaluation.runner import LetterRun

MAX_CHANGES = 300
MAX_TEXTS = 50


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    label: str
    kind: str
    """CSS class suffix: value, upheld, overturned, block, reason or bad."""


def _value_marks(doc: Extraction) -> Iterator[Mark]:
    for name, span in doc.case.spans:
        if isinstance(span, Span):
            yield Mark(span.start, span.end, f"case.{name}", "value")
    for group, spans in (("reviewer", doc.reviewer.spans), ("patient", doc.patient.spans)):
        for name, span in spans:
            if isinstance(span, Span):
                yield Mark(span.start, span.end, f"{group}.{name}", "value")


def _decision_marks(doc: Extraction) -> Iterator[Mark]:
    for d in doc.decisions:
        at = f"decisions[{d.index}]"
        s = d.spans
        yield Mark(s.service.start, s.service.end, f"{at}.service", "value")
        yield Mark(
            s.outcome.start,
            s.outcome.end,
            f"{at}.outcome = {d.outcome.value}",
            "overturned" if d.outcome is Outcome.overturned else "upheld",
        )
        for name in ("original_request", "authorized_portion"):
            if (span := getattr(s, name)) is not None:
                yield Mark(span.start, span.end, f"{at}.{name}", "value")
        for name in ("claims_administrator_guideline", "maximus_guideline", "rationale"):
            if (span := getattr(s, name)) is not None:
                yield Mark(span.start, span.end, f"{at}.{name}", "block")
        for k, reason in enumerate(d.reasons):
            yield Mark(reason.span.start, reason.span.end, f"{at}.reasons[{k}] = {reason.code.value}", "reason")
        if d.enrichment is not None:
            for name, span in d.enrichment.spans:
                if isinstance(span, Span):
                    yield Mark(span.start, span.end, f"{at}.{name}", "value")


def marks_of(doc: Extraction, ungrounded: Sequence[str] = ()) -> list[Mark]:
    """Every evidence span of a document; spans of ungrounded values are marked ``bad``."""
    bad = set(ungrounded)
    out = []
    for m in [*_value_marks(doc), *_decision_marks(doc)]:
        path = m.label.split(" = ", 1)[0]
        hit = path in bad or any(b.startswith(path + "[") for b in bad)
        out.append(Mark(m.start, m.end, m.label, "bad") if hit else m)
    return out


def highlight(text: str, marks: Sequence[Mark]) -> str:
    """The letter as escaped HTML with each stretch coloured by the innermost span over it."""
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    out = []
    for a, b in itertools.pairwise(cuts):
        over = sorted((m for m in valid if m.start <= a and b <= m.end), key=lambda m: m.end - m.start)
        piece = esc(text[a:b])
        if not over:
            out.append(piece)
            continue
        title = esc("; ".join(m.label for m in over))
        out.append(f'<mark class="k-{over[0].kind}" title="{title}">{piece}</mark>')
    return "".join(out)


CSS = """
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0 auto;max-width:1400px;
padding:1em 2em;color:#1b1f24;background:#fff}
h1{font-size:1.5em}h2{font-size:1.2em;border-bottom:1px solid #d0d7de;padding-bottom:.2em;margin-top:1.6em}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #d0d7de;padding:.2em .5em;text-align:left;
vertical-align:top}th{background:#f6f8fa}td.num{text-align:right;font-variant-numeric:tabular-nums}
.pass{color:#1a7f37;font-weight:600}.fail{color:#cf222e;font-weight:600}.muted{color:#656d76}
tr.bad td{background:#ffebe9}tr.ok td.mark{color:#1a7f37}tr.bad td.mark{color:#cf222e;font-weight:700}
details.letter{border:1px solid #d0d7de;border-radius:6px;margin:.6em 0;padding:.3em .8em}
details.letter>summary{cursor:pointer;font-weight:600}
.badge{display:inline-block;border-radius:1em;padding:0 .6em;font-size:.85em;margin-left:.4em;font-weight:500}
.b-ok{background:#dafbe1;color:#1a7f37}.b-bad{background:#ffebe9;color:#cf222e}.b-miss{background:#eaeef2;color:#57606a}
.cols{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1.2em}
pre{white-space:pre-wrap;word-wrap:break-word;background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;
padding:.7em;font:12.5px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;max-height:48em;overflow:auto}
mark{border-radius:2px;padding:0 1px}
mark.k-value{background:#fff3b0}mark.k-upheld{background:#ffd8b5;font-weight:700}
mark.k-overturned{background:#aceebb;font-weight:700}mark.k-block{background:#eef4ff}
mark.k-reason{background:#dcd0ff}mark.k-bad{background:#ffc1c0;outline:2px solid #cf222e}
.bar{display:inline-block;height:.9em;background:#54aeff;vertical-align:middle}
.legend mark{margin-right:.6em}
.r-gold{color:#1a7f37;font-weight:600}.r-ok{color:#9a6700}.r-bad{color:#cf222e;font-weight:700}
input[name=f]{display:none}.filter{margin:.6em 0}
.filter label{margin-right:1em;cursor:pointer;border:1px solid #d0d7de;border-radius:1em;padding:0 .7em}
#f-all:checked~.filter label[for=f-all],#f-bad:checked~.filter label[for=f-bad],
#f-diff:checked~.filter label[for=f-diff]{background:#0969da;color:#fff}
#f-bad:checked~.letters details.letter:not(.bad){display:none}
#f-bad:checked~.letters tr.row:not(.bad){display:none}
#f-diff:checked~.letters details.letter:not(.diff){display:none}
#f-diff:checked~.letters tr.row:not(.diff){display:none}
"""


def _meta(report: ReportInput) -> str:
    r = report.record
    m = r.meta
    rows = [
        ("run", m.run_id),
        ("backend", m.backend),
        ("model", m.model or "-"),
        ("prompts", ", ".join(f"{p.name}@{p.version or '?'} #{(p.sha256 or '')[:12]}" for p in m.prompts) or "-"),
        ("parser", m.parser_version),
        ("package", m.package_version),
        ("commit", f"{m.git_commit or '-'}{' (dirty)' if m.git_dirty else ''}"),
        ("created", m.created_at.isoformat()),
        ("labels", m.fixtures_sha256[:16]),
        ("corpus", m.corpus or "none"),
        ("language", m.lang),
        (
            "letters",
            f"{fmt_metric('letters.scored', r.metrics.get('letters.scored'))} scored, "
            f"{fmt_metric('letters.failed', r.metrics.get('letters.failed'))} failed, "
            f"{fmt_metric('letters.missing', r.metrics.get('letters.missing'))} missing",
        ),
        ("wall time", f"{m.wall_seconds:.2f} s"),
    ]
    return "<table>" + "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in rows) + "</table>"


def _gate(report: ReportInput) -> str:
    gate = report.gate
    if gate is None:
        return ""
    verdict = '<span class="pass">PASSED</span>' if gate.passed else '<span class="fail">FAILED</span>'
    items = [f'<li class="fail">{esc(c.message)}</li>' for c in gate.failures]
    items += [f'<li class="muted">note: {esc(n)}</li>' for n in gate.notes]
    items += [f'<li class="muted">{esc(c.message)}</li>' for c in gate.checks if c.skipped]
    passed = sum(c.passed and not c.skipped for c in gate.checks)
    items.append(f"<li>{passed} check(s) passed</li>")
    return f"<h2>Gate: {verdict}</h2><ul>{''.join(items)}</ul>"


def _metrics(report: ReportInput) -> str:
    rows = metric_rows(report.record.metrics, report.comparison)
    body = "".join(
        f"<tr><td>{esc(s)}</td><td>{esc(n)}</td><td class=num>{esc(v)}</td><td class=num>{esc(b)}</td>"
        f"<td class=num>{esc(d)}</td></tr>"
        for s, n, v, b, d in rows
    )
    return (
        "<h2>Metrics</h2><table><tr><th>section</th><th>metric</th><th>value</th><th>baseline (same letters)</th>"
        f"<th>delta</th></tr>{body}</table>"
    )


def _confusion(report: ReportInput) -> str:
    table = report.record.confusion
    if not table:
        return ""
    cols = list(next(iter(table.values())).keys())
    head = "".join(f"<th>{esc(c)}</th>" for c in cols)
    body = "".join(
        f"<tr><th>label {esc(r)}</th>" + "".join(f"<td class=num>{v}</td>" for v in counts.values()) + "</tr>"
        for r, counts in table.items()
    )
    return (
        f"<h2>Outcome confusion</h2><p class=muted>Rows: label; columns: predicted.</p><table><tr><th></th>{head}"
        f"</tr>{body}</table>"
    )


def _histogram(report: ReportInput) -> str:
    hist = grade_histogram(report.record.letters)
    if not hist:
        return ""
    top = max(n for _, n in hist) or 1
    rows = "".join(
        f'<tr><td>{esc(label)}</td><td class=num>{n}</td><td><span class=bar style="width:'
        f'{200 * n // top}px"></span></td></tr>'
        for label, n in hist
    )
    return f"<h2>Summary reading scores</h2><table>{rows}</table>"


def comparison_html(c: Comparison, title: str) -> str:
    t = c.outcome_test
    parts = [
        f"<h2>{esc(title)}</h2><p>A = <code>{esc(c.a.run_id)}</code>, B = <code>{esc(c.b.run_id)}</code>; "
        f"{c.letters_compared} letter(s) compared. Outcome accuracy (paired, {t.items} items): "
        f"<b>{esc(t.verdict)}</b>; bootstrap delta {t.delta:+.4f}, "
        f"95% CI [{t.ci_low:+.4f}, {t.ci_high:+.4f}].</p>"
    ]
    if c.differences:
        rows = "".join(f"<tr><td>{esc(d.what)}</td><td>{esc(d.a)}</td><td>{esc(d.b)}</td></tr>" for d in c.differences)
        parts.append(f"<table><tr><th>what differs</th><th>A</th><th>B</th></tr>{rows}</table>")
    if not c.same_labels:
        parts.append('<p class="fail">The labels of some letters differ between the two runs.</p>')
    for text in c.texts[:MAX_TEXTS]:
        parts.append(
            f"<h4>Summary text, {esc(text.letter)}</h4><div class=cols><div><b>A</b> ({esc(text.a_by or '?')})"
            f"<pre>{esc(text.a or '(none)')}</pre></div><div><b>B</b> ({esc(text.b_by or '?')})"
            f"<pre>{esc(text.b or '(none)')}</pre></div></div>"
        )
    if not c.changes:
        return "".join(parts) + ("<p>No letter changed.</p>" if not c.texts else "")
    rows = "".join(
        f'<tr class="{"bad" if ch.kind == "broke" else "ok"}"><td><a href="#letter-{esc(ch.letter)}">'
        f"{esc(ch.letter)}</a></td><td>{esc(ch.path)}</td><td>{esc(fmt_value(ch.before))}</td>"
        f"<td>{esc(fmt_value(ch.after))}</td><td>{esc(fmt_value(ch.expected)) if ch.kind != 'info' else ''}</td>"
        f"<td>{esc(ch.kind)}</td></tr>"
        for ch in c.changes[:MAX_CHANGES]
    )
    return "".join(parts) + (
        f"<table><tr><th>letter</th><th>value</th><th>A</th><th>B</th><th>label</th><th>kind</th></tr>{rows}</table>"
    )


def _classes(x: LetterRun, changed: set[str]) -> str:
    r = x.record
    return " ".join(c for c, on in (("bad", has_problems(r) or r.status == "error"), ("diff", r.id in changed)) if on)


def _index(letters: Sequence[LetterRun], changed: set[str]) -> str:
    rows = []
    for x in letters:
        r = x.record
        grade = f"{r.summary.grade:.2f}" if r.summary else ""
        ops = (
            (
                f"<td class=num>{esc(fmt_metric('ops.latency_mean', r.ops.seconds))}</td>"
                f"<td>{'hit' if r.ops.cached else ''}</td><td class=num>{r.ops.calls}</td>"
                f"<td class=num>{r.ops.reasks}</td>"
            )
            if r.scored
            else "<td></td><td></td><td></td><td></td>"
        )
        rows.append(
            f'<tr class="row {_classes(x, changed)}"><td><a href="#letter-{esc(r.id)}">{esc(r.id)}</a></td>'
            f"<td>{_badge(x)}</td>"
            f"<td class=num>{len(problems(r)) if r.scored else ''}</td><td class=num>{esc(grade)}</td>"
            f"{ops}</tr>"
        )
    return (
        "<table><tr><th>letter</th><th>status</th><th>mismatched values</th>"
        "<th>summary score</th><th>latency</th><th>cache</th><th>calls</th><th>re-asks</th></tr>"
        f"{''.join(rows)}</table>"
    )


def _badge(x: LetterRun) -> str:
    r = x.record
    if r.status == "missing":
        return '<span class="badge b-miss">missing</span>'
    if r.status == "error":
        return '<span class="badge b-bad">failed</span>'
    return '<span class="badge b-bad">problems</span>' if has_problems(r) else '<span class="badge b-ok">ok</span>'


def _fields_table(x: LetterRun) -> str:
    rows = []
    for f in x.record.fields:
        predicted = "(missing)" if f.missing else fmt_value(f.predicted)
        rows.append(
            f'<tr class="{"ok" if f.correct else "bad"}"><td>{esc(f.path)}</td>'
            f"<td>{esc(fmt_value(f.expected))}</td><td>{esc(predicted)}</td>"
            f'<td class="mark">{"&#10003;" if f.correct else "&#10007;"}</td></tr>'
        )
    return "<table><tr><th>value</th><th>label</th><th>predicted</th><th></th></tr>" + "".join(rows) + "</table>"


def _items_table(doc: Extraction) -> str:
    rows = []
    for d in doc.decisions:
        e = d.enrichment
        extra = ""
        if e is not None:
            extra = f"{e.treatment_category.value if e.treatment_category else ''} {e.body_region or ''}".strip()
        rows.append(
            f"<tr><td class=num>{d.index}</td><td>{esc(d.service)}</td><td>{esc(d.outcome.value)}</td>"
            f"<td>{'yes' if d.partial else ''}</td><td>{esc(', '.join(r.code.value for r in d.reasons))}</td>"
            f"<td>{esc(extra)}</td></tr>"
        )
    return (
        "<table><tr><th>#</th><th>service</th><th>outcome</th><th>partial</th><th>reasons</th>"
        f"<th>enrichment</th></tr>{''.join(rows)}</table>"
    )


def _target(met: bool) -> str:
    return '<span class="pass">meets target</span>' if met else '<span class="fail">misses target</span>'


def _summary_block(x: LetterRun) -> str:
    doc, score = x.extraction, x.record.summary
    if doc is None or score is None:
        return ""
    status = _target(score.meets_target)
    page = ""
    if score.document_grade is not None:
        page = f" The worker's document: {score.document_grade:.2f}, {_target(bool(score.document_meets_target))}."
    return (
        f"<h4>Summary ({esc(doc.summary.language)}, by {esc(doc.summary.generated_by)})</h4>"
        f"<p>{esc(score.metric)} {score.grade:.2f} (target {score.target:g}): {status}; {score.words} words; "
        f"{score.items_correct}/{score.items_expected} outcomes stated correctly.{page}</p>"
        f"<pre>{esc(doc.summary.text)}</pre>"
    )


def _code(code: str, gold: list[str], acceptable: list[str]) -> str:
    kind = "r-gold" if code in gold else "r-ok" if code in acceptable else "r-bad"
    title = "gold" if code in gold else "acceptable" if code in acceptable else "in neither list: misinforms"
    return f'<span class="{kind}" title="{title}">{esc(code)}</span>'


def _reasons_table(x: LetterRun) -> str:
    """Each labeled item: the codes shown (marked gold / acceptable / neither), the labels, the evidence."""
    labels = x.fixture.expected.decisions
    doc = x.extraction
    by_index = {d.index: d for d in doc.decisions} if doc is not None else {}
    rows = []
    for pair in x.record.items:
        if pair.expected is None:
            continue
        want = labels[pair.expected - 1].reasons
        if want is None:
            continue
        marks = pair.reasons
        if marks is None:
            shown_html = '<span class="muted">(item not matched)</span>'
        else:
            shown_html = ", ".join(_code(c, want.gold, want.acceptable) for c in marks.shown) or (
                '<span class="r-bad">none shown</span>'
            )
        spans = ""
        decision = by_index.get(pair.predicted) if pair.predicted is not None else None
        if decision is not None and x.text is not None:
            spans = "<br>".join(
                f"<b>{esc(r.code.value)}</b>: &ldquo;{esc(x.text[r.span.start : r.span.end])}&rdquo;"
                for r in decision.reasons
            )
        hit = marks is not None and want.primary in marks.shown
        rows.append(
            f'<tr class="{"ok" if hit else "bad"}"><td class=num>{pair.expected}</td><td>{shown_html}</td>'
            f"<td>{esc(', '.join(want.gold))}</td><td>{esc(', '.join(want.acceptable))}</td>"
            f"<td>{esc(want.primary)}{' (' + esc(want.other_note) + ')' if want.other_note else ''}</td>"
            f"<td>&ldquo;{esc(want.evidence)}&rdquo;</td><td>{spans}</td></tr>"
        )
    if not rows:
        return ""
    return (
        "<h4>Reasons: shown vs labeled</h4><table><tr><th>item</th><th>shown</th><th>gold</th><th>acceptable</th>"
        "<th>primary</th><th>labeled evidence</th><th>shown reasons' spans</th></tr>" + "".join(rows) + "</table>"
    )


def _model_table(x: LetterRun) -> str:
    uses = x.record.model
    if not uses:
        return ""
    rows = "".join(
        f'<tr class="{"ok" if u.status == "accepted" else "bad"}"><td>{esc(u.field)}</td><td>{esc(u.status)}</td>'
        f"<td>{esc(u.cause or '')}</td></tr>"
        for u in uses
    )
    return (
        f"<h4>What the model contributed</h4><table><tr><th>field</th><th>status</th><th>cause</th></tr>{rows}</table>"
    )


def _letter(x: LetterRun, changed: set[str]) -> str:
    r = x.record
    head = f"<summary>{esc(r.id)} {_badge(x)} <span class=muted>{esc(r.letter)}</span></summary>"
    if r.status == "missing":
        return (
            f'<details class="letter" id="letter-{esc(r.id)}">{head}<p class=muted>The letter is not '
            f"available (no letter file in the corpus directory); not scored.</p></details>"
        )
    issues = "".join(f"<li>{esc(i)}</li>" for i in letter_issues(r))
    left = [f"<ul>{issues}</ul>" if issues else "", "<h4>Labeled vs predicted</h4>", _fields_table(x)]
    if x.extraction is not None:
        left += [
            "<h4>Predicted items</h4>",
            _items_table(x.extraction),
            _reasons_table(x),
            _model_table(x),
            _summary_block(x),
        ]
    right = ""
    if x.text is not None:
        ungrounded = r.grounding.ungrounded if r.grounding else []
        marks = marks_of(x.extraction, ungrounded) if x.extraction is not None else []
        right = f"<h4>Letter with evidence spans</h4><pre class=letter>{highlight(x.text, marks)}</pre>"
    opened = " open" if has_problems(r) else ""
    return (
        f'<details class="letter {_classes(x, changed)}" id="letter-{esc(r.id)}"{opened}>{head}'
        f"<div class=cols><div>{''.join(left)}"
        f"</div><div>{right}</div></div></details>"
    )


LEGEND = (
    "<p class=legend>Spans: <mark class=k-value>value</mark><mark class=k-upheld>upheld</mark>"
    "<mark class=k-overturned>overturned</mark><mark class=k-block>guideline / rationale</mark>"
    "<mark class=k-reason>reason</mark><mark class=k-bad>ungrounded</mark> (hover a span for its field)</p>"
)


FILTER = (
    "<h2>Letters</h2><input type=radio name=f id=f-all checked><input type=radio name=f id=f-bad>"
    "<input type=radio name=f id=f-diff><p class=filter>Show: <label for=f-all>all letters</label>"
    "<label for=f-bad>letters with problems or failures</label>"
    "<label for=f-diff>letters that differ from the baseline</label></p>"
)
"""CSS-only filter: the radios are siblings of the letters block, the labels switch them."""


def _model_summary(report: ReportInput) -> str:
    rows = model_rows(report.record.letters)
    if not rows:
        return ""
    body = "".join(
        f"<tr><td>{esc(r.kind)}</td><td class=num>{r.values}</td>"
        + "".join(
            f"<td class=num>{esc(fmt_metric('model.accepted', v))}</td>"
            for v in (r.accepted, r.rejected, r.unanswered, r.fallback)
        )
        + f"<td>{esc(fmt_causes(r.causes))}</td></tr>"
        for r in rows
    )
    m = report.record.metrics
    return (
        "<h2>What the model contributed</h2><p class=muted>Accepted: the model answered, every check passed and "
        "the value is not empty. Everything else fell back to the parser or the templates. "
        f"{esc(fmt_metric('model.reasks_per_accepted', m.get('model.reasks_per_accepted')))} re-asks and "
        f"{esc(fmt_metric('model.tokens_per_accepted', m.get('model.tokens_per_accepted')))} tokens per accepted "
        "value.</p><table><tr><th>field</th><th>values</th><th>accepted</th><th>rejected</th><th>no answer</th>"
        f"<th>fell back</th><th>why not used</th></tr>{body}</table>"
    )


def _reason_codes(report: ReportInput) -> str:
    rows = reason_code_rows(report.record.letters)
    if not rows:
        return ""
    body = "".join(
        f"<tr><td>{esc(code)}</td><td class=num>{gold}</td><td class=num>{shown}</td><td class=num>{esc(p)}</td>"
        f"<td class=num>{esc(r)}</td></tr>"
        for code, gold, shown, p, r in rows
    )
    return (
        "<h2>Reasons per code</h2><table><tr><th>code</th><th>items gold</th><th>items shown</th>"
        f"<th>precision</th><th>recall</th></tr>{body}</table>"
    )


def render_html(report: ReportInput, letters: Sequence[LetterRun]) -> str:
    r = report.record
    parts = [
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Eval {esc(r.meta.run_id)}</title><style>{CSS}</style></head><body>",
        f"<h1>Eval run {esc(r.meta.run_id)}</h1><p>{esc(run_title(r))}</p>",
        _meta(report),
        _gate(report),
        _metrics(report),
        _confusion(report),
        _histogram(report),
    ]
    if report.comparison is not None:
        parts.append(comparison_html(report.comparison, "Against the baseline"))
    changed = set(report.comparison.changed_letters) if report.comparison is not None else set()
    parts += [
        _model_summary(report),
        _reason_codes(report),
        FILTER,
        '<div class="letters">',
        _index(letters, changed),
        "<h2>Per letter</h2>",
        LEGEND,
        *(_letter(x, changed) for x in letters),
        "</div></body></html>\n",
    ]
    return "".join(parts)

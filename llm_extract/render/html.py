"""The worker's document as one self-contained, printable HTML page.

No scripts, no external files (a Content-Security-Policy forbids loading any), inline
CSS only. Semantic headings; a table of what was asked, the decision and the main
reason (stacked into cards on narrow screens, so nothing scrolls sideways on a phone
or at 200% zoom); the next steps in a box; the legal basis in small print. Colours
meet WCAG AA contrast and the decision is never shown by colour alone (the words say
it).

Print CSS fits every letter of up to eight items on one US-letter page, English or
Spanish, with room for a longer reason or two: 9.5 pt Arial (metric twins: Liberation
Sans, which Debian's Chromium installs, and Helvetica; the screen's ``system-ui`` is often
the much wider DejaVu Sans on Linux), 0.4 in margins, the table's rows laid out as a
column of what was asked beside the decision and the reasons run together as one
paragraph (a table's fixed third column left the reasons in a narrow strip), the next
steps in two columns and the legal basis in 7.5 pt run in after its heading.

The table's column headings are marked ``data-page-only``: the text document states
the same facts row by row without them. Everything else on the page is, word for word
and in order, the text document (:func:`~.text.render_text`).
"""

from __future__ import annotations

from html import escape

from llm_extract.render.document import Document
from llm_extract.render.sheet import Row, Sheet, legal_line

CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 50rem; padding: 1rem; background: #fff; color: #1a1a1a;
  font: 1rem/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif; }
h1 { font-size: 1.45rem; line-height: 1.2; margin: 0 0 .4rem; }
h2 { font-size: 1.15rem; line-height: 1.25; margin: 1rem 0 .4rem; }
p, ul, dl, dd { margin: 0; }
p + p, .note { margin-top: .2rem; }
ul { padding-left: 1.25rem; }
.meta { display: flex; flex-wrap: wrap; gap: .1rem 1.5rem; }
.meta div { display: flex; flex-wrap: wrap; gap: 0 .35rem; }
.meta dt { font-weight: 600; }
.headline { font-size: 1.2rem; font-weight: 700; margin: .9rem 0 0; padding: .15rem 0 .15rem .7rem;
  border-left: .35rem solid #1f3a93; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; vertical-align: top; padding: .4rem .5rem .4rem 0; overflow-wrap: anywhere; }
thead th { font-size: .9rem; border-bottom: 2px solid #1a1a1a; }
tbody tr { border-bottom: 1px solid #767676; }
tbody th { font-weight: 400; width: 42%; }
.asked, .lead { font-weight: 600; }
.group li { font-weight: 400; }
.note { font-size: .92rem; }
td.decision { width: 9.5rem; }
.badge { display: inline-block; font-weight: 700; padding: 0 .35rem; border-radius: .25rem; border: 1px solid; }
tr.yes .badge { color: #0b5d1e; background: #e3f1e6; }
tr.no .badge { color: #8a1c1c; background: #fbe9e9; }
.steps { margin-top: 1rem; padding: .2rem 1rem .7rem; border: 2px solid #1f3a93; border-radius: .5rem;
  background: #f3f6fc; }
.steps h2 { margin-top: .4rem; }
.steps li + li { margin-top: .15rem; }
.legal, footer { font-size: .85rem; color: #3d3d3d; }
.legal h2 { font-size: .9rem; margin-top: .8rem; }
footer { margin-top: .9rem; padding-top: .4rem; border-top: 1px solid #767676; }
@media (max-width: 40rem) {
  table, tbody, tr, th, td { display: block; width: auto; }
  thead { display: none; }
  tbody tr { padding: .5rem 0; }
  tbody th, td.decision { width: auto; }
  th, td { padding: .1rem 0; }
}
@media print {
  @page { size: letter; margin: .35in; }
  body { max-width: none; padding: 0;
    font: 9pt/1.1 Arial, "Liberation Sans", Helvetica, "Helvetica Neue", sans-serif; }
  h1 { font-size: 13pt; margin-bottom: .15rem; }
  h2 { font-size: 10.5pt; margin: .35rem 0 .1rem; }
  .headline { font-size: 11pt; margin-top: .35rem; padding: 0 0 0 .5rem; border-left-width: .25rem; }
  table, thead, tbody { display: block; }
  tr { display: flow-root; padding: .1rem 0 .1rem 3.05in; break-inside: avoid; }
  tr > :first-child { float: left; width: 2.9in; margin-left: -3.05in; }
  th, td { display: inline; padding: 0; }
  thead tr { border-bottom: 2px solid #1a1a1a; }
  thead th { font-size: 9pt; border: 0; }
  thead th + th + th { margin-left: .5em; }
  .note, .badge { font-size: 9pt; }
  p + p, .note { margin-top: 0; }
  td.reason p { display: inline; }
  td.reason p + p { margin-left: .3em; }
  td.reason p.words { font-style: italic; }
  .steps { margin-top: .4rem; padding: 0 .6rem .25rem; border-width: 1.5px; }
  .steps h2 { margin-top: .2rem; }
  .steps ul { columns: 2; column-gap: 1.4rem; padding-left: 1rem; }
  .steps li + li { margin-top: .1rem; }
  .legal, footer { font-size: 7.5pt; line-height: 1.2; }
  .legal { margin-top: .15rem; }
  .legal h2 { display: inline; font-size: 7.5pt; margin: 0 .4em 0 0; }
  .legal p { display: inline; }
  footer { margin-top: .15rem; padding-top: .1rem; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""

_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


def _e(text: str) -> str:
    return escape(text, quote=True)


def _row(row: Row) -> str:
    if row.lead is None:
        asked = f'<p class="asked">{_e(row.asked[0])}</p>'
    else:
        items = "".join(f"<li>{_e(service)}</li>" for service in row.asked)
        asked = f'<div class="group"><p class="lead">{_e(row.lead)}</p><ul>{items}</ul></div>'
    notes = "".join(f'\n<p class="note">{_e(note)}</p>' for note in row.notes)
    reasons = "".join(f"<p>{_e(reason)}</p>" for reason in row.reasons)
    reasons += "".join(f'<p class="words">{_e(sentence)}</p>' for sentence in row.words)
    return (
        f'<tr class="{"yes" if row.approved else "no"}">\n'
        f'<th scope="row">{asked}{notes}</th>\n'
        f'<td class="decision"><span class="badge">{_e(row.decision)}</span></td>\n'
        f'<td class="reason">{reasons}</td>\n</tr>'
    )


def _table(sheet: Sheet) -> str:
    heads = "".join(f'<th scope="col">{_e(label)}</th>' for label in sheet.words.columns)
    rows = "\n".join(_row(row) for row in sheet.rows)
    return (
        '<section aria-labelledby="decided">\n'
        f'<h2 id="decided">{_e(sheet.words.decided)}</h2>\n'
        f"<table>\n<thead data-page-only><tr>{heads}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>\n"
        "</section>"
    )


def render_html(sheet: Document) -> str:
    """The document as a complete HTML page (UTF-8)."""
    words = sheet.words
    title = words.title + (f" ({sheet.case_number})" if sheet.case_number else "")
    meta = "".join(f"<div><dt>{_e(label)}</dt> <dd>{_e(value)}</dd></div>" for label, value in sheet.meta)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{sheet.lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{_e(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{_e(words.title)}</h1>",
        f'<dl class="meta">{meta}</dl>' if meta else "",
        "</header>",
        "<main>",
        f'<p class="headline">{_e(sheet.headline)}</p>',
        f'<p class="intro">{_e(sheet.intro)}</p>' if sheet.intro else "",
        _table(sheet) if sheet.rows else "",
        '<section class="steps" aria-labelledby="steps">',
        f'<h2 id="steps">{_e(words.steps)}</h2>',
        "<ul>" + "".join(f"<li>{_e(step)}</li>" for step in sheet.steps) + "</ul>",
        "</section>",
    ]
    if sheet.legal:
        parts += [
            '<section class="legal" aria-labelledby="legal">',
            f'<h2 id="legal">{_e(words.legal)}</h2>',
            f"<p>{_e(legal_line(sheet))}</p>",
            "</section>",
        ]
    parts += ["</main>", f"<footer><p>{_e(words.made_by)}</p></footer>", "</body>", "</html>"]
    return "\n".join(part for part in parts if part) + "\n"

"""The worker's document: the sheet, worded for the reader.

:func:`~.sheet.build_sheet` decides what the document says (which rows, grouped how,
which sentences); this module words it for the worker, with the summary's own rules:

* the summary's opening lines (what an IMR, the reviewer and "approved" are) follow
  the headline;
* each term of art (claims administrator, authorize, WCAB, ...) is explained where the
  document first uses it, as the summary text explains it where *it* first uses it
  (:class:`~llm_extract.summary.templates.Explainer`): the document shows the sentences
  in another order and leaves some out (a row's "Approved." stands for the summary's
  status), so the explanations are placed again rather than copied from the summary;
  so are the sentences about abbreviations in service names (MRI, #90, ...);
* in Spanish, the parts of a partly approved request carry the glossary's Spanish name
  with the letter's words kept in parentheses, as every other treatment does
  (``service_plain``).

The text and HTML renderers lay out the result, so both still say the same words.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from llm_extract.contract.models import Decision, Extraction, SummaryItem
from llm_extract.render.sheet import Row, Sheet, asked_for, build_sheet, item_notes, summary_in
from llm_extract.render.words import Lang
from llm_extract.summary.glossary import abbreviations_in
from llm_extract.summary.templates import Explainer, opening, spanish_part

__all__ = ["Document", "build_document", "named_decision"]


@dataclass(frozen=True)
class Document(Sheet):
    """A sheet worded for the worker, with the opening lines to show after the headline."""

    intro: str = ""


def _label(value: str | None, lang: str) -> str | None:
    """A letter value with its own-language name first (``silla de ruedas (Standard wheelchair ...)``)."""
    if value is None or lang != "es":
        return value
    plain = spanish_part(value)
    return value if plain is None else f"{plain} ({value.strip().removesuffix('.')})"


def named_decision(decision: Decision, lang: str) -> Decision:
    """The decision with the parts of a partly approved request named in ``lang``, for the
    sheet's row wording (``asked_for``, ``item_notes``); other decisions are unchanged."""
    if not decision.partial or lang != "es":
        return decision
    update = {
        "service": _label(decision.service, lang),
        "original_request": _label(decision.original_request, lang),
        "authorized_portion": _label(decision.authorized_portion, lang),
    }
    return decision.model_copy(update=update)


def _named_row(row: Row, decision: Decision, item: SummaryItem, sheet: Sheet) -> Row:
    if len(row.indices) > 1 or not decision.partial:
        return row
    named = named_decision(decision, sheet.lang)
    return dataclasses.replace(row, asked=(asked_for(named, item),), notes=item_notes(named, sheet.words))


def _explained_row(
    row: Row, decisions: Mapping[int, Decision], items: Mapping[int, SummaryItem], out: Explainer
) -> Row:
    """The row's sentences with the terms they use first explained, then the sentences about
    the abbreviations its services use first (as the summary puts them under the item)."""
    values = [*row.asked]
    for index in row.indices:
        decision = decisions[index]
        values += [v for v in (decision.service, decision.original_request, decision.authorized_portion) if v]
        values += [q.text for q in items[index].details]
    lead = out.say(row.lead, *values) if row.lead is not None else None
    notes = tuple(out.say(note, *values) for note in row.notes)
    label = out.say(row.decision)
    reasons = tuple(out.say(reason, *values) for reason in row.reasons)
    words: list[str] = []
    for index in row.indices:
        for abbreviation in abbreviations_in(decisions[index].service):
            if (sentence := out.explained(abbreviation)) is not None:
                words.append(sentence)
    return dataclasses.replace(row, lead=lead, notes=notes, decision=label, reasons=reasons, words=tuple(words))


def build_document(extraction: Extraction, lang: Lang | None = None) -> Document:
    """The worker's document for one extraction (in the summary's language unless ``lang`` says otherwise)."""
    sheet = build_sheet(extraction, lang)
    summary = summary_in(extraction, sheet.lang)
    decisions = {d.index: d for d in extraction.decisions}
    items = {i.index: i for i in summary.items}
    out = Explainer(sheet.lang)
    headline = out.say(sheet.headline)
    intro = out.say(opening(sheet.lang))
    rows = [_named_row(row, decisions[row.indices[0]], items[row.indices[0]], sheet) for row in sheet.rows]
    rows = [_explained_row(row, decisions, items, out) for row in rows]
    steps = tuple(out.say(step) for step in sheet.steps)
    fields = {f.name: getattr(sheet, f.name) for f in dataclasses.fields(sheet)}
    fields.update(headline=headline, rows=tuple(rows), steps=steps)
    return Document(**fields, intro=intro)

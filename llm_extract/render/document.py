"""The worker's document: the sheet, worded in the reader's language.

:func:`~.sheet.build_sheet` decides what the document says (which rows, grouped how,
which sentences); this module makes its letter values readable in the document's
language: in Spanish, the parts of a partly approved request carry the glossary's
Spanish name with the letter's words kept in parentheses, as every other treatment
does (``service_plain``). The text and HTML renderers lay out the result, so both
still say the same words.
"""

from __future__ import annotations

import dataclasses

from llm_extract.contract.models import Decision, Extraction
from llm_extract.render.sheet import Row, Sheet, asked_for, build_sheet, item_notes, summary_in
from llm_extract.render.words import Lang
from llm_extract.summary.glossary import spanish_name

__all__ = ["build_document", "named_decision"]


def _label(value: str | None, lang: str) -> str | None:
    """A letter value with its own-language name first (``silla de ruedas (Standard wheelchair ...)``)."""
    if value is None or lang != "es":
        return value
    plain = spanish_name(value)
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


def build_document(extraction: Extraction, lang: Lang | None = None) -> Sheet:
    """The worker's document for one extraction (in the summary's language unless ``lang`` says otherwise)."""
    sheet = build_sheet(extraction, lang)
    summary = summary_in(extraction, sheet.lang)
    decisions = {d.index: d for d in extraction.decisions}
    items = {i.index: i for i in summary.items}
    rows: list[Row] = []
    for row in sheet.rows:
        index = row.indices[0]
        decision = decisions.get(index)
        if len(row.indices) == 1 and decision is not None and decision.partial and index in items:
            named = named_decision(decision, sheet.lang)
            row = dataclasses.replace(
                row, asked=(asked_for(named, items[index]),), notes=item_notes(named, sheet.words)
            )
        rows.append(row)
    return dataclasses.replace(sheet, rows=tuple(rows))

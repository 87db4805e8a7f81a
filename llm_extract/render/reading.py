"""How the worker's document is scored for readability: one rule for the figures and the eval.

The summary's ``readability`` scores the summary text, but the worker reads the
document (``--format text`` / ``html``), whose sentences are composed differently: rows
grouped, the opening lines after the headline, explanations placed again. So the
document is scored as the worker reads it, with two things left out:

* the small print: the "Legal basis" citations (for a helper or a lawyer, not for the
  worker's reading) and the footer saying a program made the page;
* the letter's own words: treatment names and amounts quoted from the letter
  (``Decision.service``, the original request, the part approved before, the words a
  reason quotes), and in Spanish the parentheses that held them. These are the letter's
  identifiers: the worker needs them to match a row to the letter and the document may
  not rename them, so a formula counting "Lumbar epidural steroid injection L4-L5" as a
  long sentence of long words would measure the letter, not our wording. Every word we
  chose stays scored, the Spanish glossary names of those treatments included
  ("resonancia magnética, zona lumbar"), and so do the title, the case number and date,
  the headings, the headline, the opening lines, every row and every next step.

Readability itself (the formulas and targets) is :func:`llm_extract.summary.readability.score`;
this module only says which text is scored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from llm_extract.contract.models import Extraction, Readability
from llm_extract.render.document import Document, build_document
from llm_extract.render.sheet import summary_in
from llm_extract.render.text import render_text
from llm_extract.render.words import Lang
from llm_extract.summary.readability import score

__all__ = ["document_readability", "reading_text"]

#: Parentheses left holding nothing, or only our label ("en la carta:"), once the letter's words are out.
_EMPTY_PARENS = re.compile(r"[ \t]*\((?:[^()\n]*:)?[ \t]*\)")


def letter_words(extraction: Extraction, lang: Lang) -> list[str]:
    """The words the document quotes from the letter: treatment names, amounts, a reason's quotes."""
    summary = summary_in(extraction, lang)
    values: list[str] = []
    for d in extraction.decisions:
        values += [v for v in (d.service, d.original_request, d.authorized_portion) if v]
    for item in summary.items:
        values.append(item.service)
        values += [q.text for q in (item.asked, item.already_approved, item.decided) if q is not None]
        values += [q.text for q in item.details]
    return values


def _without(text: str, values: Iterable[str]) -> str:
    """``text`` with each value taken out where it stands as whole words, longest first."""
    for value in sorted({v.strip().removesuffix(".").strip() for v in values}, key=len, reverse=True):
        if value:
            text = re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", "", text)
    return _EMPTY_PARENS.sub("", text)


def _body(document: Document) -> str:
    """The document's text up to the small print (the legal basis and the footer)."""
    text = render_text(document)
    for heading in (document.words.legal, document.words.made_by):
        cut = text.find(f"\n\n{heading}")
        if cut != -1:
            text = text[:cut]
    return text + "\n"


def reading_text(extraction: Extraction, lang: Lang | None = None) -> str:
    """The text of the worker's document that readability is measured on (see the module's rule)."""
    document = build_document(extraction, lang)
    return _without(_body(document), letter_words(extraction, document.lang))


def document_readability(extraction: Extraction, lang: Lang | None = None) -> Readability:
    """The worker's document scored like the summary: Flesch-Kincaid (en), Fernández-Huerta (es)."""
    chosen: Lang = lang or extraction.summary.language
    return score(reading_text(extraction, chosen), chosen)

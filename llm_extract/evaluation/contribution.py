"""What the model actually contributed: per field, accepted, rejected (and why) or unanswered.

An LLM backend's document says, field by field, whether a value came from the model
or fell back to the parser or the templates (``Extraction.grounding``), with the
failed check's message as a note. The harness turns that into three disjoint
statuses per field:

* ``accepted``: the model answered, every check passed, and the value is not empty.
  An empty answer (no body region, no reasons, no request details) is never counted
  as accepted: it contributes nothing, whatever the backend's own count says;
* ``rejected``: the model answered and a check failed (or the answer was empty); the
  value shown is the parser's or the templates'. The cause is one of :data:`CAUSES`;
* ``unanswered``: there was no answer for the field to check (the call's output was
  cut off, the item was missing from the answer).

Everything not accepted *fell back*. Causes are read from the check messages of
:mod:`llm_extract.verify.grounding` and :mod:`llm_extract.llm.client` (short rule
names, never letter text); a message no pattern knows is ``other``, so a new check
shows up in the report instead of vanishing.
"""

from __future__ import annotations

import re
from typing import Literal

from llm_extract.contract.models import Decision, Extraction, FieldOrigin, FieldSource
from llm_extract.evaluation.records import FieldUse

Status = Literal["accepted", "rejected", "unanswered"]

#: Field kinds, in report order: enrichment and summary (both LLM backends), then the
#: values only the ``llm`` backend asks the model for.
KINDS = (
    "treatment_category",
    "body_region",
    "request",
    "reasons",
    "summary",
    "case",
    "reviewer",
    "patient",
    "decision",
)

CAUSES = (
    "quote_not_found",
    "quote_not_in_item",
    "value_not_in_quote",
    "outcome_disagreement",
    "unsupported_fact",
    "grade_too_high",
    "schema_error",
    "wrong_items",
    "empty",
    "cut_off",
    "no_answer",
    "other",
)
"""Why a model value was not used (README "Model contribution" explains each)."""

UNANSWERED = frozenset({"cut_off", "no_answer"})

_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (cause, re.compile(pattern, re.I))
    for cause, pattern in (
        ("empty", r"quote is empty|gave no reasons"),
        ("quote_not_in_item", r"not found in this item's part"),
        ("quote_not_found", r"quote was not found"),
        ("outcome_disagreement", r"contradicts the item's outcome|approved must be|must say plainly|outcome"),
        ("unsupported_fact", r"does not occur in the letter"),
        ("grade_too_high", r"reads at grade"),
        ("value_not_in_quote", r"must (?:each )?be (?:written|copied|stated) (?:from )?inside|is not written inside"),
        ("wrong_items", r"exactly one|must not repeat|no such item"),
        ("no_answer", r"no answer|not usable"),
        ("cut_off", r"cut off"),
        ("schema_error", r"schema|must look like|must be standard or expedited"),
    )
)


def cause_of(note: str | None) -> str:
    """The cause named by a fallback note (``other`` when no rule knows the message)."""
    text = (note or "").removeprefix("checks failed after re-asks: ")
    if not text:
        return "no_answer"
    return next((cause for cause, pattern in _RULES if pattern.search(text)), "other")


def kind_of(path: str) -> str:
    """``decisions/2/body_region`` -> ``body_region``; ``decisions/2`` -> ``decision``; ``case/x`` -> ``case``."""
    parts = path.split("/")
    if parts[0] == "decisions":
        return parts[2] if len(parts) > 2 else "decision"
    return parts[0]


def _empty(doc: Extraction, path: str) -> bool:
    """Whether the model's accepted value for ``path`` holds nothing."""
    parts = path.split("/")
    if parts[0] == "summary":
        return not doc.summary.text.strip()
    if parts[0] == "case":
        return getattr(doc.case, parts[1], None) is None
    if parts[0] == "reviewer":
        return not (doc.reviewer.licensed_in or doc.reviewer.specialties)
    if parts[0] == "patient":
        return doc.patient.age is None and doc.patient.sex is None
    if parts[0] == "decisions" and len(parts) > 2:
        decision = next((d for d in doc.decisions if str(d.index) == parts[1]), None)
        return decision is None or _empty_item_value(decision, parts[2])
    return False


def _empty_item_value(d: Decision, name: str) -> bool:
    if name == "reasons":
        return not d.reasons
    e = d.enrichment
    if e is None:
        return True
    if name == "request":
        return not any((e.quantity, e.frequency, e.duration))
    return getattr(e, name, None) is None


def _use(doc: Extraction, origin: FieldOrigin) -> FieldUse:
    if origin.source is FieldSource.model:
        if _empty(doc, origin.field):
            return FieldUse(field=origin.field, status="rejected", cause="empty")
        return FieldUse(field=origin.field, status="accepted")
    cause = cause_of(origin.note)
    return FieldUse(field=origin.field, status="unanswered" if cause in UNANSWERED else "rejected", cause=cause)


def field_uses(doc: Extraction) -> list[FieldUse] | None:
    """Each model-backed field's status; None for a backend that asks no model (rules)."""
    if doc.grounding is None:
        return None
    return [_use(doc, origin) for origin in doc.grounding.fields]

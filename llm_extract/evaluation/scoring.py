"""Score one extraction against its hand label: item alignment and field values.

Every label value becomes one :class:`FieldResult` at a label-centred path, so two
runs can be compared value by value even when one of them dropped or added an item.
What counts as correct:

* text values (service, original request, authorized portion) must be equal after
  :func:`~.textnorm.fold` (layout only; case and spelling must agree, as the
  labeling rules say "as written");
* list values (licensed states, specialties, guideline sources) are compared as sets;
* guideline sources are scored only where the label has them (the seeds);
* a labeled item with no prediction makes all of its values wrong (``missing``), so
  dropping a hard item never raises a field accuracy; its outcome is not scored at
  all: a service name the alignment could not pair is an item and field error, not
  an outcome error (outcome metrics are over matched items);
* reason codes are kept per matched item beside the item's reason labels
  (:class:`~.records.ReasonMarks`), for the reason metrics.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import Enum

from llm_extract.contract.models import Decision, Extraction
from llm_extract.evaluation.align import align
from llm_extract.evaluation.fixtures import Expected, ExpectedDecision
from llm_extract.evaluation.records import FieldResult, ItemPair, ReasonMarks, Value
from llm_extract.evaluation.textnorm import fold

CASE_FIELDS = (
    "case_number",
    "date_assigned",
    "date_of_injury",
    "decision_date",
    "ur_denial_date",
    "application_received",
    "priority",
)
REVIEWER_FIELDS = ("licensed_in", "specialties")
PATIENT_FIELDS = ("age", "sex")
DECISION_FIELDS = (
    "service",
    "outcome",
    "partial",
    "original_request",
    "authorized_portion",
    "claims_administrator_sources",
    "maximus_sources",
)
_TEXT_FIELDS = frozenset({"service", "original_request", "authorized_portion"})
_SET_FIELDS = frozenset({"licensed_in", "specialties", "claims_administrator_sources", "maximus_sources"})


def as_value(value: object) -> Value:
    """A model value as JSON (dates ISO, enums by value, lists of those)."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [str(as_value(v)) for v in value]
    raise TypeError(f"unscorable value of type {type(value).__name__}")


def same(name: str, expected: Value, predicted: Value) -> bool:
    if name in _SET_FIELDS and isinstance(expected, list) and isinstance(predicted, list):
        return {fold(v) for v in expected} == {fold(v) for v in predicted}
    if name in _TEXT_FIELDS and isinstance(expected, str) and isinstance(predicted, str):
        return fold(expected) == fold(predicted)
    return expected == predicted


def field_kind(path: str) -> str:
    """``decisions[3].service`` -> ``decision.service``; header paths unchanged."""
    if path.startswith("decisions["):
        return "decision." + path.split("].", 1)[1]
    return path


def _result(path: str, name: str, expected: object, predicted: object, *, missing: bool = False) -> FieldResult:
    e, p = as_value(expected), as_value(predicted)
    return FieldResult(path=path, expected=e, predicted=p, missing=missing, correct=not missing and same(name, e, p))


def header_fields(expected: Expected, got: Extraction | None) -> list[FieldResult]:
    """Case, reviewer and patient values; all ``missing`` when the letter failed."""
    groups = (
        ("case", CASE_FIELDS, expected.case, got.case if got else None),
        ("reviewer", REVIEWER_FIELDS, expected.reviewer, got.reviewer if got else None),
        ("patient", PATIENT_FIELDS, expected.patient, got.patient if got else None),
    )
    out = []
    for group, names, want, have in groups:
        for name in names:
            predicted = getattr(have, name) if have is not None else None
            out.append(_result(f"{group}.{name}", name, getattr(want, name), predicted, missing=have is None))
    return out


def decision_fields(position: int, want: ExpectedDecision, have: Decision | None) -> list[FieldResult]:
    out = []
    for name in DECISION_FIELDS:
        expected = getattr(want, name)
        if expected is None and name.endswith("_sources"):
            continue  # not labeled for this letter
        if name == "outcome" and have is None:
            continue  # an unmatched item is an item error, not an outcome error
        predicted = getattr(have, name) if have is not None else None
        out.append(_result(f"decisions[{position}].{name}", name, expected, predicted, missing=have is None))
    return out


def score_items(
    labels: Sequence[ExpectedDecision], decisions: Sequence[Decision]
) -> tuple[list[ItemPair], list[FieldResult], dict[int, Decision]]:
    """Align items, then score each labeled item's values against its partner.

    Returns the alignment rows, the item field results, and for each label position
    (1-based) the predicted decision it was paired with.
    """
    rows = align([d.service for d in labels], [d.service for d in decisions])
    pairs: list[ItemPair] = []
    fields: list[FieldResult] = []
    partner: dict[int, Decision] = {}
    for e, p, sim in rows:
        want = labels[e] if e is not None else None
        have = decisions[p] if p is not None else None
        pairs.append(
            ItemPair(
                expected=e + 1 if e is not None else None,
                predicted=have.index if have is not None else None,
                expected_outcome=want.outcome if want is not None else None,
                predicted_outcome=have.outcome if have is not None else None,
                similarity=round(sim, 4),
                predicted_service=have.service if have is not None and want is None else None,
                reasons=_reason_marks(want, have),
            )
        )
        if want is not None and e is not None:
            fields.extend(decision_fields(e + 1, want, have))
            if have is not None:
                partner[e + 1] = have
    return pairs, fields, partner


def _reason_marks(want: ExpectedDecision | None, have: Decision | None) -> ReasonMarks | None:
    if want is None or have is None or want.reasons is None:
        return None
    labels = want.reasons
    shown = list(dict.fromkeys(r.code.value for r in have.reasons))
    return ReasonMarks(shown=shown, gold=labels.gold, acceptable=labels.acceptable, primary=labels.primary)

"""Grounding: does each value's evidence span really contain the value?

Every value in the contract carries a :class:`~llm_extract.contract.models.Span` into the
letter text. A span that points at the wrong words is worse than no span: a
reviewer who clicks through sees evidence for something else. This module reads
each span back out of the letter and checks the value is written there (after
layout folding; dates in any spelling; case-insensitively for enum-like words).

Values with no literal form (a treatment category, the ``partial`` flag) are not
checked. A reason counts as grounded when its span lies inside its item's rationale.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from llm_extract.contract.models import Decision, Extraction, Span
from llm_extract.evaluation.records import GroundingScore
from llm_extract.evaluation.scoring import CASE_FIELDS
from llm_extract.text.dates import find_dates
from llm_extract.text.fold import fold
from llm_extract.text.lexicon import sex_pattern

Check = tuple[str, bool]


def _in_range(span: Span | None, text: str) -> bool:
    return span is not None and span.end <= len(text)


def _text_in(text: str, span: Span | None, value: str, *, ignore_case: bool = False) -> bool:
    if span is None or not _in_range(span, text):
        return False
    hay, needle = fold(text[span.start : span.end]), fold(value)
    if ignore_case:
        hay, needle = hay.casefold(), needle.casefold()
    return bool(needle) and needle in hay


def _date_in(text: str, span: Span | None, value: dt.date) -> bool:
    return (
        _in_range(span, text) and span is not None and value in {d for d, _ in find_dates(text[span.start : span.end])}
    )


def _case_checks(doc: Extraction, text: str) -> Iterator[Check]:
    case = doc.case
    for name in CASE_FIELDS:
        value = getattr(case, name)
        span = getattr(case.spans, name)
        if value is None:
            continue
        if isinstance(value, dt.date):
            yield f"case.{name}", _date_in(text, span, value)
        else:
            yield f"case.{name}", _text_in(text, span, str(getattr(value, "value", value)), ignore_case=True)


def _people_checks(doc: Extraction, text: str) -> Iterator[Check]:
    for name in ("licensed_in", "specialties"):
        for k, value in enumerate(getattr(doc.reviewer, name)):
            yield f"reviewer.{name}[{k}]", _text_in(text, getattr(doc.reviewer.spans, name), value)
    patient = doc.patient
    if patient.age is not None:
        span = patient.spans.age
        yield (
            "patient.age",
            _in_range(span, text)
            and span is not None
            and bool(re.search(rf"(?<!\d){patient.age}(?!\d)", text[span.start : span.end])),
        )
    if patient.sex is not None:
        span = patient.spans.sex
        yield (
            "patient.sex",
            _in_range(span, text)
            and span is not None
            and bool(sex_pattern(patient.sex.value).search(text[span.start : span.end])),
        )


def _inside(inner: Span, outer: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _decision_checks(d: Decision, text: str) -> Iterator[Check]:
    at = f"decisions[{d.index}]"
    yield f"{at}.service", _text_in(text, d.spans.service, d.service)
    yield f"{at}.outcome", _text_in(text, d.spans.outcome, d.outcome.value, ignore_case=True)
    for name in (
        "original_request",
        "authorized_portion",
        "claims_administrator_guideline",
        "maximus_guideline",
        "rationale",
    ):
        value = getattr(d, name)
        if value is not None:
            yield f"{at}.{name}", _text_in(text, getattr(d.spans, name), value)
    block = d.spans.rationale
    for k, reason in enumerate(d.reasons):
        ok = _in_range(reason.span, text) and (block is None or _inside(reason.span, block))
        yield f"{at}.reasons[{k}]", ok
    e = d.enrichment
    if e is not None:
        if e.body_region is not None:
            yield f"{at}.body_region", _text_in(text, e.spans.body_region, e.body_region, ignore_case=True)
        for name in ("quantity", "frequency", "duration"):
            value = getattr(e, name)
            if value is not None:
                yield f"{at}.{name}", _text_in(text, e.spans.request, value, ignore_case=True)


def check_grounding(doc: Extraction, text: str) -> GroundingScore:
    checks = [*_case_checks(doc, text), *_people_checks(doc, text)]
    for d in doc.decisions:
        checks.extend(_decision_checks(d, text))
    bad = [path for path, ok in checks if not ok]
    return GroundingScore(checked=len(checks), grounded=len(checks) - len(bad), ungrounded=bad)

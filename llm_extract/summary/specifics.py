"""The letter's own specifics behind an item line: amounts, guideline limits, what was missing.

Each finder returns :class:`~llm_extract.contract.models.Quote` values copied from the
letter with their spans, or nothing. A finder looks only inside the item's own text
(its heading, or the rationale words a recognised reason points to), so a number in a
quoted guideline about another condition is never presented as this item's limit. When
nothing specific is found, the summary falls back to the fixed general sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from llm_extract.contract.models import Decision, Outcome, Quote, Reason, ReasonCode, Span
from llm_extract.text.fold import fold_space

__all__ = [
    "Amounts",
    "GuidelineLimit",
    "Missing",
    "already_authorized",
    "amounts",
    "guideline_limit",
    "missing",
    "quote",
    "retrospective",
]

_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    "seventeen|eighteen|nineteen|twenty|twenty-four|thirty"
)
_NUM = rf"(?:\d+|{_NUMBER_WORDS})"
_VALUES = {w: i for i, w in enumerate(_NUMBER_WORDS.split("|")[:20], start=1)} | {"twenty-four": 24, "thirty": 30}

_RETROSPECTIVE = re.compile(r"\bretro(?:spective)?\b|\bDOS\b|\bdates? of service\b", re.I)
_ALREADY = re.compile(
    r"\b(?:this|the)\s+(?:same\s+)?(?:request|item|service|treatment)\s+(?:was|has|had)\s+(?:already|previously)\s+"
    r"(?:been\s+)?(?:authori[sz]ed|certified|approved)\b"
    r"|\b(?:is|was)\s+(?:a\s+)?duplicate(?:\s+request)?\b",
    re.I,
)
_NEGATION = re.compile(r"\b(?:not|never|no)\b", re.I)
_LIMIT = re.compile(
    rf"\b(?:of|allows?|allowing|warrants?|recommends?|recommending|to|only|maximum of|limited to)\s+"
    rf"(?:an?\s+)?(?:additional\s+)?(?:up\s+to\s+)?(?:an?\s+)?(?:additional\s+)?"
    rf"(?P<limit>(?P<low>{_NUM})(?:\s*(?:-|to)\s*(?P<high>{_NUM}))?\s+(?:\w+\s+)?(?P<unit>visits|sessions|treatments))\b",
    re.I,
)
_ASKED = (
    re.compile(r"\b(?:x|times|#)\s*(?P<n>\d+)\b", re.I),
    re.compile(rf"\b(?P<n>{_NUM})\s+(?:\w+\s+){{0,3}}?(?:visits|sessions|treatments)\b", re.I),
    re.compile(r"\((?P<n>\d+)\s+(?:visits|sessions)\)", re.I),
)


def quote(letter: str, start: int, end: int) -> Quote:
    """The letter's words in ``[start, end)``, line breaks folded, with their span."""
    return Quote(text=fold_space(letter[start:end]), span=Span(start=start, end=end))


def retrospective(service: str) -> bool:
    """Care already given: the heading says "Retrospective", "Retro", "DOS" or "date of service"."""
    return bool(_RETROSPECTIVE.search(service))


def already_authorized(decision: Decision, letter: str | None) -> bool:
    """Denied because the worker already has approval for it (or already has it).

    The reason code ``already_authorized`` decides when present. Without it, only a
    narrow statement in the rationale counts ("this request was already authorized",
    "a duplicate request"), never on a partly approved item, whose approved part the
    letter always calls authorized.
    """
    if decision.outcome is not Outcome.upheld or decision.partial:
        return False
    if any(r.code is ReasonCode.already_authorized for r in decision.reasons):
        return True
    span = decision.spans.rationale
    if letter is None or span is None:
        return False
    for m in _ALREADY.finditer(letter, span.start, span.end):
        sentence_start = letter.rfind(".", span.start, m.start()) + 1
        if not _NEGATION.search(letter, max(sentence_start, span.start), m.end()):
            return True
    return False


@dataclass(frozen=True)
class Amounts:
    """The three amounts of a partly approved item, each as the letter writes it."""

    asked: Quote
    already: Quote
    decided: Quote


def _field(letter: str | None, value: str | None, span: Span | None) -> Quote | None:
    if value is None:
        return None
    if letter is None or span is None:
        return Quote(text=value)
    return quote(letter, span.start, span.end)


def amounts(decision: Decision, letter: str | None) -> Amounts | None:
    """Asked / already approved / decided here, when the letter states all three."""
    if not decision.partial:
        return None
    asked = _field(letter, decision.original_request, decision.spans.original_request)
    already = _field(letter, decision.authorized_portion, decision.spans.authorized_portion)
    decided = _field(letter, decision.service, decision.spans.service)
    if asked is None or already is None or decided is None:
        return None
    return Amounts(asked=asked, already=already, decided=decided)


@dataclass(frozen=True)
class GuidelineLimit:
    """What the guideline allows and, when larger, what was asked for."""

    limit: Quote
    """E.g. ``4-6 visits``."""
    unit: str
    """The limit's unit word as written (``visits``)."""
    asked: Quote | None
    """The number asked for, from the item heading, when it exceeds the limit."""


def _value(raw: str) -> int | None:
    raw = raw.lower()
    return int(raw) if raw.isdigit() else _VALUES.get(raw)


def _asked(decision: Decision, letter: str, above: int) -> Quote | None:
    span = decision.spans.service
    for pattern in _ASKED:
        for m in pattern.finditer(letter, span.start, span.end):
            n = _value(m.group("n"))
            if n is not None and n > above:
                return quote(letter, m.start("n"), m.end("n"))
    return None


def guideline_limit(decision: Decision, reasons: list[Reason], letter: str | None) -> GuidelineLimit | None:
    """The limit the reviewer applied, from the words of the item's limit reason."""
    if letter is None:
        return None
    for reason in reasons:
        if reason.code is not ReasonCode.exceeds_guideline_limits:
            continue
        start = letter.rfind(".", 0, reason.span.start) + 1
        end = letter.find(".", reason.span.end)
        end = reason.span.end if end < 0 else end
        for m in _LIMIT.finditer(letter, start, end):
            high = _value(m.group("high") or m.group("low"))
            if high is None:
                continue
            limit = quote(letter, m.start("limit"), m.end("limit"))
            return GuidelineLimit(limit=limit, unit=m.group("unit").lower(), asked=_asked(decision, letter, high))
    return None


@dataclass(frozen=True)
class Missing:
    """What the rationale says the records lacked, as one of a few fixed sentences."""

    key: str
    """Which fixed sentence (see ``MISSING_SENTENCES`` in templates)."""
    words: Quote
    """The rationale words that say it."""


_MISSING: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "improvement",
        re.compile(
            r"\bfunctional\s+(?:improvement|benefit|gains?)\b|\bimprovement\s+in\s+function\b"
            r"|\bobjective\s+(?:improvement|benefit|gains?)\b",
            re.I,
        ),
    ),
    ("pain", re.compile(r"\bpain\s+(?:relief|reduction|scores?|levels?)\b|\bVAS\b|\breduction\s+in\s+pain\b", re.I)),
    (
        "visits",
        re.compile(
            r"\b(?:number|amount)\s+of\s+(?:prior|previous|completed|past|previously\s+\w+)?\s*"
            r"(?:\w+\s+){0,2}(?:sessions|visits|treatments)\b|\bhow\s+many\s+(?:sessions|visits)\b",
            re.I,
        ),
    ),
    ("drug_tests", re.compile(r"\burine\s+drug\s+(?:screens?|tests?|testing)\b|\bUDS\b", re.I)),
    ("home_exercise", re.compile(r"\bhome\s+exercise\b", re.I)),
    ("side_effects", re.compile(r"\b(?:side|adverse)\s+effects\b", re.I)),
)
_MISSING_CODES = frozenset({ReasonCode.missing_documentation, ReasonCode.no_functional_improvement})


_LACK = re.compile(r"\b(?:no|not|lack(?:ing)?|without|unclear|absence|absent|failed\s+to)\b", re.I)
_GUIDELINE_WORDS = re.compile(r"\b(?:guidelines?|recommend\w*|MTUS|ODG|ACOEM|criteria|indicated)\b", re.I)


def _lack_sentences(letter: str, rationale: Span) -> list[tuple[int, int]]:
    """Rationale sentences that say something was lacking, leaving out sentences about
    what a guideline asks for (a quoted criterion is not a finding about this worker)."""
    found: list[tuple[int, int]] = []
    start = rationale.start
    for m in re.finditer(r"\.(?:\s|$)", letter[rationale.start : rationale.end] + " "):
        end = min(rationale.start + m.end(), rationale.end)
        sentence = letter[start:end]
        if _LACK.search(sentence) and not _GUIDELINE_WORDS.search(sentence):
            found.append((start, end))
        start = end
    return found


def missing(decision: Decision, reasons: list[Reason], letter: str | None) -> list[Missing]:
    """What the records lacked: from the words of the item's documentation reasons, then
    from the rationale's other sentences that say something was lacking (each kind once)."""
    if letter is None or not any(r.code in _MISSING_CODES for r in reasons):
        return []
    places = [(r.span.start, r.span.end) for r in reasons if r.code in _MISSING_CODES]
    if decision.spans.rationale is not None:
        places += _lack_sentences(letter, decision.spans.rationale)
    found: list[Missing] = []
    for start, end in places:
        for key, pattern in _MISSING:
            if all(f.key != key for f in found) and (m := pattern.search(letter, start, end)) is not None:
                found.append(Missing(key=key, words=quote(letter, m.start(), m.end())))
    return found

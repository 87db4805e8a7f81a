"""Recognise the common reasons an IMR reviewer gives in a decision rationale.

Rationales mix two kinds of sentences: paraphrases or quotations of the guideline
("imaging is advised when red flags are present", "a brace is not recommended as the
only treatment, but ...") and the reviewer's findings about this case ("no red flags
were found on exam"). A reason is only what the reviewer concludes about the case, so
most rules ignore guideline statements, long quotations and conditional clauses ("if
a trial brings no functional improvement, stop"), and only fire when the words are
negated the right way ("no documented functional improvement" is a reason; "is not
in excess of" is not an excess).

The rules were calibrated on the 2016-17 DWC letters and the 2014-15 seed letters;
they favour precision over recall because the reasons are shown to injured workers:
an unrecognised reason falls back to "read the Decision rationale", a wrong one
misinforms.

Reasons explain the outcome, so the rules depend on it: denial reasons are only
looked for in upheld items (a reviewer approving care may still quote a limit the
request does not reach), and ``criteria_met`` only in overturned ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from llm_extract.contract.models import Outcome, Reason, ReasonCode, Span

__all__ = ["find_reasons"]

#: A span longer than this is narrowed from its sentence to the clause (then the
#: match), so evidence stays readable when a guideline quote runs on for lines.
_MAX_SPAN = 300

#: Quotations at least this long are guideline text; shorter quotes are scare quotes
#: around a term (``"red flag"``, ``"not recommended"``) and stay part of the prose.
_MIN_QUOTATION = 40

#: Ties in first mention are ordered from the most specific reason to the least.
_PRIORITY: dict[ReasonCode, int] = {
    code: rank
    for rank, code in enumerate(
        (
            ReasonCode.criteria_met,
            ReasonCode.related_item_not_approved,
            ReasonCode.no_functional_improvement,
            ReasonCode.exceeds_guideline_limits,
            ReasonCode.not_recommended,
            ReasonCode.findings_do_not_support,
            ReasonCode.other_treatment_first,
            ReasonCode.missing_documentation,
        )
    )
}

_FLAGS = re.IGNORECASE

# --- shared vocabulary -------------------------------------------------------------

#: Words that turn a finding into its absence ("no red flags", "lack of ...").
_NEG = (
    r"(?:\bno\b|\bnot\b|\bnor\b|\bwithout\b|\black\s+of\b|\babsen(?:ce\s+of|t)\b"
    r"|\bcannot\b|\bfail(?:s|ed)?\s+to\s+(?:document|demonstrate|show|provide|establish)\b"
    r"|\bargued\s+against\b)"
)

#: Narrower cues for findings: bare "not" there mostly negates guideline prose
#: ("the scan is not helpful in showing a pinched nerve").
_NEG_FINDING = (
    r"(?:\bno\b|\bnor\b|\bwithout\b|\black\s+of\b|\babsen(?:ce\s+of|t)\b"
    r"|\b(?:did|does|do)\s+not\s+(?:\w+\s+)?(?:reveal|indicate|demonstrate|show|suggest"
    r"|detail|establish|outline|document)\b|\bfail(?:s|ed)?\s+to\s+provide\b)"
)

_FUNCTIONAL_GAIN = (
    r"(?:functional\s+(?:improvement|benefits?|gains?|response)"
    r"|improvement\s+in\s+(?:function|pain\s+and\s+function|activities)"
    r"|improved\s+function|increased\s+function"
    r"|(?:objective|documented|measurable)\s+(?:and\s+measurable\s+)?(?:functional\s+)?improvement"
    r"|improvement\s+(?:with|from|after|during)\s+(?:the\s+)?(?:prior|previous|initial)"
    r"|objective\s+response\s+to\s+(?:the\s+)?prior)"
)

_CARE = (
    r"(?:conservative|first[- ]line|oral|other|antidepressants?|anticonvulsants?"
    r"|muscle\s+relaxants?|medications?|treatments?|therap(?:y|ies)|care)"
)

#: A conditional opener in the clause before a match means guideline logic, not a
#: finding ("when visits exceed the limit, reasons should be given").
_CONDITIONAL = re.compile(r"\b(?:if|when|unless|whether)\b", _FLAGS)

#: Sentences that report what a guideline says rather than what the reviewer found.
_GUIDELINE_OPENER = re.compile(
    r"^\W*(?:according\s+to\b|per\s|as\s+per\b|as\s+noted\s+in\b|recommended\s+as\b|criteria\b)",
    _FLAGS,
)
_GUIDELINE_VERB = re.compile(
    r"\b(?:guidelines?|MTUS|ACOEM|ODG|schedule)\b\s*[,;:]?\s*(?:\w+\s+){0,2}?"
    r"(?:states?|stated|recommends?|recommended|indicates?|notes?|discuss(?:es)?|supports?"
    r"|specif(?:y|ies)|advises?|clarifies|outlines?|encourages?|refers?|allows?|adds|says"
    r"|requires?|cites?|suggests?|stipulates?|address(?:es)?|provides?|(?:is|are)\s+silent)\b",
    _FLAGS,
)

_NEGATION_WORD = re.compile(r"\b(?:not|no|never|cannot)\b|n't\b", _FLAGS)

_ABBREVIATIONS = frozenset({"e.g", "i.e", "etc", "vs", "dr", "no", "fig", "approx", "st", "mr", "ms"})


@dataclass(frozen=True)
class _Rule:
    """One wording of a reason, with the guards that keep it precise."""

    code: ReasonCode
    pattern: re.Pattern[str]
    skip_guideline: bool = True
    """Ignore matches in a sentence that, up to the match, reports a guideline."""
    skip_quoted: bool = True
    """Ignore matches inside a long quotation (quoted guideline text)."""
    skip_conditional: bool = True
    """Ignore matches preceded in their clause by if/when/unless."""
    negatable: bool = False
    """Reject a positive wording negated just before or inside the match."""
    reject_after: re.Pattern[str] | None = None
    """Reject when the rest of the clause narrows the match (e.g. "as a primary")."""
    reject_before: re.Pattern[str] | None = None
    """Reject when the clause before the match qualifies it (e.g. "routinely")."""
    reject_sentence: re.Pattern[str] | None = None
    """Reject a sentence of a known boilerplate kind."""


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, _FLAGS)


_DENIAL_RULES: tuple[_Rule, ...] = (
    # --- an associated service falls with the surgery or procedure it belongs to --------
    _Rule(
        ReasonCode.related_item_not_approved,
        _rx(
            r"\b(?:as|since|because)\s+the\s+(?:requested\s+|primary\s+|proposed\s+)*(?:surgical\s+"
            r"(?:intervention|procedure)|surgery|operation|procedure)\s+(?:is|was|has\s+been)\s+"
            r"(?:not\s+(?:medically\s+necessary|certified|authorized|approved)|non-?certified|denied)"
        ),
        skip_guideline=False,
    ),
    # --- no functional improvement from prior treatment -----------------------------
    _Rule(ReasonCode.no_functional_improvement, _rx(_NEG + r"[^.;]{0,160}?" + _FUNCTIONAL_GAIN)),
    _Rule(
        ReasonCode.no_functional_improvement,
        _rx(
            _FUNCTIONAL_GAIN + r"[^.;]{0,80}?\b(?:was|were|is|are|has|have)\s+not\s+(?:been\s+)?"
            r"(?:indicated|documented|noted|shown|demonstrated|reported|provided|evident)\b"
        ),
    ),
    _Rule(
        ReasonCode.no_functional_improvement,
        _rx(r"\bno\s+reports?\s+of\s+improvement\b"),
    ),
    # --- more than the guideline allows ----------------------------------------------
    _Rule(
        ReasonCode.exceeds_guideline_limits,
        _rx(
            r"\b(?:exceed(?:s|ed|ing)?|in\s+excess\s+of|(?:is|are|was|were)\s+excessive"
            r"|surpass(?:es|ed)?|need\s+excess)\b"
        ),
        skip_guideline=False,
        negatable=True,
    ),
    # --- the guideline does not recommend it -----------------------------------------
    _Rule(
        ReasonCode.not_recommended,
        _rx(
            r"\bnot\s+(?:be\s+)?recommended\b|\bdo(?:es)?\s+not\s+(?:\w+\s+)?recommend\b"
            r"|\bunfavorable\s+\w+\s+position\b"
        ),
        skip_guideline=False,
        reject_after=_rx(
            r"\bas\s+(?:a|an|the)\s+(?:primary|stand-alone|standalone|sole|first|initial|isolated)\b"
            r"|^[\s\"']*(?:the\s+)?(?:routine(?:ly)?\b|for\s+(?:longer|more)\s+than|longer\s+than|beyond"
            r"|unless|except|for\s+routine|during|in\s+(?:patients|the\s+absence)|for\s+patients|without"
            r"|for\s+long|for\s+chronic|,?\s*but\b)"
        ),
        reject_before=_rx(r"\b(?:routinely|routine|long[- ]term|generally)\b"),
        reject_sentence=_rx(r"\bat\s+least\s+one\s+drug\b|\bbut\b[^.;]*\b(?:is|are|be)\s+recommended\b"),
    ),
    # --- records do not show what is needed --------------------------------------------
    _Rule(
        ReasonCode.missing_documentation,
        _rx(
            r"\black\s+of\s+(?:\w+\s+){0,2}?(?:documentation|information|documented)\b"
            r"|\b(?:no|without)\s+(?:\w+\s+){0,2}?documentation\b"
            r"|\babsence\s+of\s+(?:such\s+)?documentation\b"
        ),
    ),
    _Rule(
        ReasonCode.missing_documentation,
        _rx(
            r"\b(?:did|does|do|has|have|had)\s+not\s+(?:been\s+)?(?:clearly\s+)?"
            r"(?:document(?:ed)?|provided?|include[ds]?|specif(?:y|ied)|detail(?:ed)?|address(?:ed)?"
            r"|establish(?:ed)?\s+the\s+need|contain(?:ed)?|mention(?:ed)?)\b"
            r"|\b(?:is|was|were|are)\s+not\s+(?:clearly\s+)?(?:documented|provided|included|submitted"
            r"|specified|noted|stated)\b"
        ),
    ),
    _Rule(
        ReasonCode.missing_documentation,
        _rx(
            r"\b(?:records?|documentation|documents?|notes?|reports?)\b[^.;]{0,40}?"
            r"\b(?:did|does|do)\s+not\s+(?:\w+\s+)?(?:show|indicate|establish|reflect|demonstrate)\b"
        ),
    ),
    _Rule(
        ReasonCode.missing_documentation,
        _rx(r"\bfail(?:s|ed)?\s+to\s+(?:document|provide|specify|include|outline|detail)\b"),
    ),
    _Rule(
        ReasonCode.missing_documentation,
        _rx(
            r"\bno\s+(?:\w+\s+){0,2}?(?:mention|discussion|information|indication|rationale|explanation)\b"
            r"|\bunclear\b|\bnot\s+(?:certain|clear)\b"
            r"|\bnot\s+supported\s+by\s+the\s+(?:\w+\s+)?(?:documents|documentation|records)\b"
        ),
    ),
    # --- exam findings do not support it ------------------------------------------------
    _Rule(
        ReasonCode.findings_do_not_support,
        _rx(_NEG_FINDING + r"[^.;]{0,80}?\bred[- \"]{1,2}flags?\b"),
    ),
    _Rule(
        ReasonCode.findings_do_not_support,
        _rx(
            _NEG_FINDING + r"[^.;]{0,100}?\b(?:neurologic(?:al)?\s+(?:deficits?|dysfunction|findings"
            r"|compromise)|(?:nerve|nerve\s+root)\s+(?:compromise|impairment|dysfunction)"
            r"|tissue\s+insult|radiculopathy|radicular\s+(?:complaints|findings|symptoms)"
            r"|focal\s+neurologic)"
        ),
    ),
    _Rule(
        ReasonCode.findings_do_not_support,
        _rx(
            _NEG_FINDING + r"[^.;]{0,60}?\b(?:(?:physical\s+)?exam(?:ination)?\s+findings"
            r"|abnormal\s+findings|clinical\s+findings|findings\s+(?:consistent|to\s+(?:support|suggest)"
            r"|on\s+exam)|(?:on|in)\s+(?:the\s+)?(?:physical\s+)?exam(?:ination)?\b)"
        ),
    ),
    _Rule(
        ReasonCode.findings_do_not_support,
        _rx(
            r"(?:\bno\b|\black\s+of\b|\bwithout\b)[^.;]{0,40}?\b(?:subjective\s+complaints"
            r"|signs\s+(?:suggestive|of)|objective\s+functional\s+deficits)\b"
            r"|\bfindings\b[^.;]{0,60}?\b(?:do|does|did)\s+not\s+(?:support|provide|warrant|justify)\b"
        ),
    ),
    # --- other treatment must be tried or completed first -------------------------------
    _Rule(
        ReasonCode.other_treatment_first,
        _rx(
            r"(?:" + _NEG + r"|\bfails?\s+to\s+document\b)[^.;]{0,100}?\bfail(?:ed|ure|s)?\b"
            r"[^.;]{0,40}?\b" + _CARE
        ),
    ),
    _Rule(
        ReasonCode.other_treatment_first,
        _rx(r"(?:\bno\b|\bnot\b|\black\s+of\b)[^.;]{0,60}?\bother\b[^.;]{0,40}?\bfail"),
    ),
    _Rule(
        ReasonCode.other_treatment_first,
        _rx(
            r"\bprior\s+to\s+(?:the\s+)?completion\s+of\b|\bwithout\s+evidence\s+of\s+failure\b"
            r"|(?:\bno\b|\bnot\b|\black\s+of\b|\bwithout\b)[^.;]{0,80}?\b(?:exhausted|completed|tried)\b"
            r"[^.;]{0,60}?\b(?:conservative|physical\s+therapy|treatments?)\b"
            r"|(?:\bno\b|\black\s+of\b)[^.;]{0,60}?\b(?:recent\s+)?conservative\s+(?:care|treatment"
            r"|therapy|management)\b"
            r"|(?:\bno\b|\black\s+of\b|\bwithout\b)[^.;]{0,80}?\b(?:intoleran(?:ce|t)|contraindication)\b"
        ),
    ),
)

_APPROVAL_RULES: tuple[_Rule, ...] = (
    # A negated limit is a met criterion; it cannot go through the negation guard.
    _Rule(ReasonCode.criteria_met, _rx(r"\b(?:is|are|was|were)\s+not\s+in\s+excess\s+of\b")),
    _Rule(
        ReasonCode.criteria_met,
        _rx(
            r"\bmeets?\b[^.;]{0,60}?\b(?:guidelines?|criteria|recommendations?)\b"
            r"|\b(?:criteria|guidelines?|requirements)\b[^.;]{0,40}?\b(?:are|were|is|was|have\s+been"
            r"|has\s+been)\s+met\b"
            r"|\bwithin\s+(?:the\s+)?(?:recommended\s+)?guidelines?\b"
            r"|\bconsistent\s+with\s+(?:the\s+)?guidelines?\s+recommendations?\b"
            r"|\bcompatible\s+with\b[^.;]{0,60}?\b(?:MTUS|guidelines?)\b"
        ),
        negatable=True,
    ),
    _Rule(
        ReasonCode.criteria_met,
        _rx(
            r"\b(?:is|are|was|were)\s+(?:\w+\s+){0,3}?(?:medically\s+necessary|supported"
            r"|appropriate|warranted|indicated)\b"
        ),
        negatable=True,
    ),
)


# --- text handling -------------------------------------------------------------------


@dataclass(frozen=True)
class _Folded:
    """The region with whitespace folded, and where each character came from.

    Letters are PDF text layers: sentences wrap at arbitrary points and words are
    hyphenated across lines ("documen-\\ntation"). Rules match the folded text; spans
    are mapped back through ``origin`` so they index the letter exactly.
    """

    text: str
    origin: tuple[int, ...]

    def span(self, start: int, end: int) -> Span:
        """The absolute span of folded ``[start, end)``."""
        return Span(start=self.origin[start], end=self.origin[end - 1] + 1)


_FOLD = re.compile(r"(?<=[a-z])-[ \t]*\n\s*(?=[a-z])|\s+")


def _fold(text: str, start: int, end: int) -> _Folded:
    """Fold whitespace runs to one space and join words hyphenated at a line break."""
    chars: list[str] = []
    origin: list[int] = []
    pos = start
    for m in _FOLD.finditer(text, start, end):
        chars.extend(text[pos : m.start()])
        origin.extend(range(pos, m.start()))
        if not m.group().startswith("-"):
            chars.append(" ")
            origin.append(m.start())
        pos = m.end()
    chars.extend(text[pos:end])
    origin.extend(range(pos, end))
    return _Folded("".join(chars), tuple(origin))


_BOUNDARY = re.compile(r"[.!?][\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each sentence, trimmed, skipping abbreviations."""
    start = 0
    for m in _BOUNDARY.finditer(text):
        word = re.search(r"([\w.]+)$", text[start : m.start()])
        if word and word.group(1).lower() in _ABBREVIATIONS:
            continue
        yield from _trimmed(text, start, m.end())
        start = m.end()
    yield from _trimmed(text, start, len(text))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


def _quotations(text: str) -> list[tuple[int, int]]:
    """Ranges inside double quotes long enough to be quoted guideline text."""
    marks = [i for i, ch in enumerate(text) if ch == '"']
    pairs = zip(marks[0::2], marks[1::2], strict=False)
    return [(a, b) for a, b in pairs if b - a >= _MIN_QUOTATION]


def _is_guideline_statement(sentence: str) -> bool:
    """True for sentences that report a guideline instead of a case finding."""
    return bool(_GUIDELINE_OPENER.search(sentence) or _GUIDELINE_VERB.search(sentence))


def _clause_after(sentence: str, offset: int) -> str:
    """Up to 120 characters of ``sentence`` after ``offset``, stopping at a semicolon."""
    tail = sentence[offset : offset + 120]
    return tail.split(";", 1)[0]


def _clause_before(sentence: str, offset: int) -> str:
    """The clause of ``sentence`` that precedes ``offset`` (back to , ; : or start)."""
    cut = max(sentence.rfind(sep, 0, offset) for sep in ",;:")
    return sentence[cut + 1 : offset]


# --- matching ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Hit:
    code: ReasonCode
    start: int
    end: int
    """Folded offsets of the evidence."""


def _accepts(rule: _Rule, sentence: str, m: re.Match[str], quoted: bool) -> bool:
    """Apply a rule's guards to one match inside one sentence."""
    if rule.skip_quoted and quoted:
        return False
    if rule.skip_guideline and _is_guideline_statement(sentence[: m.end()]):
        return False
    before = _clause_before(sentence, m.start())
    if rule.skip_conditional and _CONDITIONAL.search(before):
        return False
    if rule.negatable and _negated(sentence, m):
        return False
    if rule.reject_after and rule.reject_after.search(_clause_after(sentence, m.end())):
        return False
    if rule.reject_before and rule.reject_before.search(before + m.group()):
        return False
    return not (rule.reject_sentence and rule.reject_sentence.search(sentence))


def _negated(sentence: str, m: re.Match[str]) -> bool:
    """True when a positive wording is negated inside or up to three words before it."""
    lead = " ".join(sentence[: m.start()].split()[-3:])
    return bool(_NEGATION_WORD.search(lead) or _NEGATION_WORD.search(m.group()))


def _inside(pos: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(a < pos < b for a, b in ranges)


def _narrow(folded: str, s_start: int, s_end: int, m_start: int, m_end: int) -> tuple[int, int]:
    """The evidence span: the sentence, or a clause of it when the sentence is too long.

    Clauses are tried from the widest (cut at ; : and quotes) to the narrowest (also
    cut at commas); the bare match is the last resort.
    """
    start, end = s_start, s_end
    for seps in (';:"', ';:",'):
        if end - start <= _MAX_SPAN:
            break
        left = max(folded.rfind(sep, start, m_start) for sep in seps)
        rights = [i for i in (folded.find(sep, m_end, end) for sep in seps) if i >= 0]
        start, end = next(
            _trimmed(folded, left + 1 if left >= 0 else start, min(rights) if rights else end),
            (m_start, m_end),
        )
    if end - start <= _MAX_SPAN:
        return start, end
    return m_start, m_end


def _hits(folded: str, rules: Sequence[_Rule]) -> Iterator[_Hit]:
    """Every accepted match of every rule, sentence by sentence."""
    quotes = _quotations(folded)
    for s_start, s_end in _sentences(folded):
        sentence = folded[s_start:s_end]
        for rule in rules:
            for m in rule.pattern.finditer(sentence):
                quoted = _inside(s_start + m.start(), quotes)
                if _accepts(rule, sentence, m, quoted):
                    start, end = _narrow(folded, s_start, s_end, s_start + m.start(), s_start + m.end())
                    yield _Hit(rule.code, start, end)
                    break


def find_reasons(text: str, start: int, end: int, outcome: Outcome) -> list[Reason]:
    """Recognise common reasons in the rationale ``text[start:end]``.

    Returns one :class:`Reason` per code, in order of first mention, with the span of
    the sentence (or clause, for very long sentences) that shows it, as absolute
    offsets into ``text``. Denial reasons are looked for only in upheld items and
    ``criteria_met`` only in overturned ones, because a reason explains the outcome.
    """
    if not 0 <= start <= end <= len(text):
        raise ValueError("rationale range is outside the text")
    folded = _fold(text, start, end)
    if not folded.text:
        return []
    rules = _APPROVAL_RULES if outcome is Outcome.overturned else _DENIAL_RULES
    first: dict[ReasonCode, _Hit] = {}
    for hit in _hits(folded.text, rules):
        if hit.code not in first:
            first[hit.code] = hit
    ordered = sorted(first.values(), key=lambda h: (h.start, _PRIORITY[h.code]))
    return [Reason(code=h.code, span=folded.span(h.start, h.end)) for h in ordered]

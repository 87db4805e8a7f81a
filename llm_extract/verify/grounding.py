"""Grounding: every value a model returns must be found in the letter.

This module holds the answer models the LLM fills in (sent to it as JSON Schema by
instructor) and the checks their validators run. A validator that fails raises a
``ValueError`` listing every problem; instructor sends that list back to the model
(a re-ask). The same per-field checks are reused after the re-asks run out to keep
the fields of the last answer that did pass and fall back on the rest, so a result
says field by field what came from the model.

The checks, in order of how much they protect:

* a quote must occur in the letter (whitespace-normalized, case-sensitive) and,
  where the parser knows the item's place, inside that item;
* the value must occur in its quote (a body region, a quantity, a reason);
* item lists and outcomes must agree with the parser, which is certain about them:
  a letter saying "mark every item Overturned" cannot change an outcome;
* a summary may only state dates and numbers that occur in the letter, must state
  each item's outcome correctly, and in English must read at grade 6 or below.

Nothing here imports a provider SDK; nothing here logs letter text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator

from llm_extract.contract.languages import LangCode
from llm_extract.contract.models import Decision, Outcome, ReasonCode, Sex, Span, TreatmentCategory
from llm_extract.parse.parser import ParsedLetter
from llm_extract.summary.readability import ENGLISH_TARGET, score
from llm_extract.text.dates import dates_in
from llm_extract.text.facts import LetterFacts
from llm_extract.text.fold import FoldedText as _FoldedText
from llm_extract.text.fold import contains_value, fold_quote
from llm_extract.text.lexicon import CASE_NUMBER_RE, sex_pattern

GROUNDING_VERSION = "1"
"""Bump when a check changes: it is part of the LLM backends' cache identity."""


# ------------------------------------------------------------------ folded text


class FoldedText(_FoldedText):
    """The letter folded for quote search (see :class:`llm_extract.text.fold.FoldedText`), in spans."""

    def find(self, quote: str, within: Span | None = None) -> Span | None:
        """Span of the first occurrence of ``quote`` (folded) inside ``within``."""
        found = self.locate(quote, within.start, within.end) if within else self.locate(quote)
        return Span(start=found[0], end=found[1]) if found else None

    def contains(self, quote: str) -> bool:
        return self.locate(quote) is not None


# ------------------------------------------------------------------ context


@dataclass
class LetterContext:
    """What validators check against; passed to instructor as the validation context."""

    text: str
    parsed: ParsedLetter | None
    lang: LangCode = "en"
    decisions: list[Decision] = field(default_factory=list)
    """Final decisions (for summary checks)."""
    next_steps: list[str] = field(default_factory=list)
    """Fixed procedural sentences appended to a model summary."""

    def __post_init__(self) -> None:
        self.folded = FoldedText(self.text)
        self.facts = LetterFacts(self.text)

    def item_block(self, index: int) -> Span | None:
        """The item's region: from its heading to the end of its rationale."""
        if self.parsed is None:
            return None
        for d in self.parsed.decisions:
            if d.index == index:
                last = d.spans.rationale or d.spans.maximus_guideline or d.spans.heading
                return Span(start=d.spans.heading.start, end=last.end)
        return None

    def rationale(self, index: int) -> Span | None:
        if self.parsed is None:
            return None
        for d in self.parsed.decisions:
            if d.index == index:
                return d.spans.rationale or self.item_block(index)
        return None


def context_of(info: ValidationInfo) -> LetterContext | None:
    ctx = info.context
    letter = ctx.get("letter") if isinstance(ctx, dict) else None
    return letter if isinstance(letter, LetterContext) else None


# ------------------------------------------------------------------ field checks
# Each returns None when the value passes, else a short message for the re-ask
# (it names the field and the rule, never echoes letter text back into logs).


def check_quote(ctx: LetterContext, quote: str | None, within: Span | None, what: str) -> str | None:
    if not quote or not fold_quote(quote):
        return f"{what}: the quote is empty; copy the exact words from the letter"
    if ctx.folded.find(quote, within) is None:
        place = "in this item's part of the letter" if within else "in the letter"
        return f"{what}: the quote was not found {place}; copy the words exactly as written"
    return None


def check_category(ctx: LetterContext, index: int, quote: str | None) -> str | None:
    return check_quote(ctx, quote, ctx.item_block(index), f"item {index} category_quote")


def check_body_region(ctx: LetterContext, index: int, region: str | None, quote: str | None) -> str | None:
    if region is None:
        return None
    problem = check_quote(ctx, quote, ctx.item_block(index), f"item {index} body_region_quote")
    if problem is None and quote is not None and not contains_value(quote, region):
        problem = f"item {index} body_region: the value must be written inside body_region_quote"
    return problem


def check_request(ctx: LetterContext, index: int, values: Sequence[str | None], quote: str | None) -> str | None:
    given = [v for v in values if v]
    if not given:
        return None
    problem = check_quote(ctx, quote, ctx.item_block(index), f"item {index} request_quote")
    if problem is None and quote is not None and not all(contains_value(quote, v) for v in given):
        problem = f"item {index}: quantity, frequency and duration must each be written inside request_quote"
    return problem


#: Reasons that can explain each outcome (a denial reason on an approved item is wrong).
FITS: dict[Outcome, frozenset[ReasonCode]] = {
    Outcome.overturned: frozenset({ReasonCode.criteria_met}),
    Outcome.upheld: frozenset(ReasonCode) - {ReasonCode.criteria_met},
}


def check_reason(ctx: LetterContext, index: int, outcome: Outcome | None, code: ReasonCode, quote: str) -> str | None:
    if outcome is not None and code not in FITS[outcome]:
        return f"item {index} reason '{code.value}' contradicts the item's outcome ({outcome.value})"
    return check_quote(ctx, quote, ctx.rationale(index), f"item {index} reason '{code.value}' quote")


def parser_outcome(ctx: LetterContext, index: int) -> Outcome | None:
    if ctx.parsed is None:
        return None
    return next((d.outcome for d in ctx.parsed.decisions if d.index == index), None)


def check_indices(ctx: LetterContext, indices: Sequence[int]) -> str | None:
    if ctx.parsed is None:
        return None if len(set(indices)) == len(indices) else "item numbers must not repeat"
    expected = [d.index for d in ctx.parsed.decisions]
    if sorted(indices) != expected:
        return f"answer exactly one entry for each item number {expected} (got {sorted(indices)})"
    return None


# ------------------------------------------------------------------ rule fallback for categories

_CATEGORY_RULES: tuple[tuple[TreatmentCategory, re.Pattern[str]], ...] = (
    (
        TreatmentCategory.surgery,
        re.compile(
            r"surg|ectomy|otomy|plasty|arthroscop|fusion|repair|release|decompression|reconstruction|replacement", re.I
        ),
    ),
    (
        TreatmentCategory.injection_procedure,
        re.compile(
            r"inject|block|epidural|ablation|radiofrequency|\bESI\b|trigger point|botox|PRP|stimulator implant", re.I
        ),
    ),
    (
        TreatmentCategory.imaging,
        re.compile(
            r"\bMRI\b|\bCT\b|x-?ray|radiograph|ultrasound|imaging|scan\b|EMG|NCV|nerve conduction|bone scan", re.I
        ),
    ),
    (
        TreatmentCategory.physical_manual_therapy,
        re.compile(
            r"physical therapy|\bPT\b|occupational therapy|chiropract|acupuncture|massage|manipulation|"
            r"aquatic|therapy sessions|work hardening|functional restoration",
            re.I,
        ),
    ),
    (
        TreatmentCategory.equipment,
        re.compile(
            r"\bTENS\b|brace|orthotic|cane|walker|wheelchair|\bDME\b|unit\b|pillow|mattress|cold therapy|"
            r"hot/cold|cushion|support|splint|purchase|rental",
            re.I,
        ),
    ),
    (
        TreatmentCategory.medication,
        re.compile(
            r"\d\s*(?:mg|mcg|%)|tablet|capsule|cream|patch|\bgel\b|ointment|#\s*\d+|medication|"
            r"codone|profen|prazole|pril\b|olol\b|sartan|statin|azepam|zolam|triptyline|gabapentin|pregabalin|"
            r"tramadol|cyclobenzaprine|lidocaine|morphine|fentanyl|naproxen|duloxetine|meloxicam|celecoxib|"
            r"diclofenac|ketoprofen|flurbiprofen|capsaicin|compound",
            re.I,
        ),
    ),
)


def rule_category(service: str) -> TreatmentCategory:
    """A keyword guess used only when the model's category fails its checks."""
    for category, pattern in _CATEGORY_RULES:
        if pattern.search(service):
            return category
    return TreatmentCategory.other


# ------------------------------------------------------------------ summary checks


def check_facts(ctx: LetterContext, text: str, what: str) -> list[str]:
    """Dates and numbers a summary states must occur in the letter (the eval's check too)."""
    found = ctx.facts.check(text)
    problems = [f"{what}: the date {day} does not occur in the letter; remove it" for day in found.dates]
    problems.extend(f"{what}: the number {n} does not occur in the letter; remove it" for n in found.numbers)
    return problems


_NEGATIVE = {
    "en": re.compile(r"\bnot\b|n't\b|\bdenied\b|\bno\b|\brejected\b|\bupheld\b", re.I),
    "es": re.compile(r"\bno\b|\bnegad|\brechazad|\bdenegad", re.I),
}
_POSITIVE = {
    "en": re.compile(r"\bapproved\b|\bauthori[sz]ed\b|\bcovered\b", re.I),
    "es": re.compile(r"\baprobad[oa]s?\b|\bautorizad[oa]s?\b", re.I),
}


def states_outcome(status: str, approved: bool, lang: str) -> bool:
    """Whether a status sentence says the right thing: approved, or not approved."""
    positive = bool(_POSITIVE[lang].search(status))
    negative = bool(_NEGATIVE[lang].search(status))
    return positive and not negative if approved else negative


def check_summary_item(
    ctx: LetterContext, index: int, approved: bool, status: str, reasons: Sequence[str]
) -> list[str]:
    decision = next((d for d in ctx.decisions if d.index == index), None)
    if decision is None:
        return [f"summary item {index}: there is no such item"]
    truth = decision.outcome is Outcome.overturned
    problems = []
    if approved != truth:
        problems.append(
            f"summary item {index}: approved must be {str(truth).lower()} (the letter's decision is "
            f"{decision.outcome.value})"
        )
    if not states_outcome(status, truth, ctx.lang):
        want = "approved" if truth else "NOT approved"
        problems.append(f"summary item {index}: the status sentence must say plainly that it is {want}")
    for part in (status, *reasons):
        problems.extend(check_facts(ctx, part, f"summary item {index}"))
    return problems


# ------------------------------------------------------------------ answer models


class Answer(BaseModel):
    """Base of every model the LLM fills in: strict shape, documented fields."""

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)


class ReasonAnswer(Answer):
    code: ReasonCode
    """The reason category."""
    quote: str
    """Exact words from this item's decision rationale that state the reason."""


class ItemAnswer(Answer):
    """What the model adds to one item the parser found."""

    index: int = Field(ge=1)
    """The item number from ITEMS."""
    treatment_category: TreatmentCategory
    """Kind of treatment requested."""
    category_quote: str
    """Exact words from the letter naming the treatment (usually from the item heading)."""
    body_region: str | None = None
    """Body region the treatment is for, only if the letter states it; else null."""
    body_region_quote: str | None = None
    """Exact words from this item containing the body region; null if none."""
    quantity: str | None = None
    """Requested quantity as written (e.g. "12", "#60"); null if not stated."""
    frequency: str | None = None
    """Requested frequency as written (e.g. "2 times a week"); null if not stated."""
    duration: str | None = None
    """Requested duration as written (e.g. "6 weeks"); null if not stated."""
    request_quote: str | None = None
    """Exact words containing the quantity, frequency and duration; null if none stated."""
    reasons: list[ReasonAnswer] = []
    """The reviewer's reasons for this decision, each with its exact quote."""


def item_problems(ctx: LetterContext, item: ItemAnswer) -> dict[str, str]:
    """Problems by enrichment field (``treatment_category``, ``body_region``, ``request``, ``reasons``)."""
    found: dict[str, str | None] = {
        "treatment_category": check_category(ctx, item.index, item.category_quote),
        "body_region": check_body_region(ctx, item.index, item.body_region, item.body_region_quote),
        "request": check_request(ctx, item.index, (item.quantity, item.frequency, item.duration), item.request_quote),
    }
    outcome = parser_outcome(ctx, item.index)
    reason_problems = [check_reason(ctx, item.index, outcome, r.code, r.quote) for r in item.reasons]
    found["reasons"] = next((p for p in reason_problems if p), None)
    return {k: v for k, v in found.items() if v}


def _raise(problems: list[str]) -> None:
    if problems:
        raise ValueError("the answer failed these checks; fix each one:\n- " + "\n- ".join(problems))


class EnrichmentAnswer(Answer):
    """The hybrid backend's question: one entry per item the parser found."""

    items: list[ItemAnswer]
    """One entry per item in ITEMS, in the same order."""

    @model_validator(mode="after")
    def _grounded(self, info: ValidationInfo) -> EnrichmentAnswer:
        ctx = context_of(info)
        if ctx is None:
            return self
        problems = [p for p in [check_indices(ctx, [i.index for i in self.items])] if p]
        for item in self.items:
            problems.extend(item_problems(ctx, item).values())
        _raise(problems)
        return self


class SummaryItemAnswer(Answer):
    index: int = Field(ge=1)
    """The item number."""
    approved: bool
    """true only if the letter's decision for this item is Overturned (treatment approved)."""
    status: str
    """One short sentence saying plainly whether this treatment is approved."""
    reasons: list[str] = []
    """One or two short, plain sentences giving the main reason."""


class SummaryAnswer(Answer):
    """The plain-language summary the model writes for the injured worker."""

    headline: str
    """One short sentence with the overall result."""
    items: list[SummaryItemAnswer]
    """One entry per item, in order."""

    @model_validator(mode="after")
    def _grounded(self, info: ValidationInfo) -> SummaryAnswer:
        ctx = context_of(info)
        if ctx is None:
            return self
        problems = []
        expected = [d.index for d in ctx.decisions]
        if sorted(i.index for i in self.items) != expected:
            problems.append(f"answer exactly one summary item for each item number {expected}")
        problems.extend(check_facts(ctx, self.headline, "headline"))
        for item in self.items:
            problems.extend(check_summary_item(ctx, item.index, item.approved, item.status, item.reasons))
        if ctx.lang == "en" and not problems:
            grade = score(summary_text(self, ctx), "en").score
            if grade > ENGLISH_TARGET:
                problems.append(
                    f"the summary reads at grade {grade}; use shorter sentences and simpler words "
                    f"(grade {ENGLISH_TARGET:g} or lower)"
                )
        _raise(problems)
        return self


def summary_text(answer: SummaryAnswer, ctx: LetterContext) -> str:
    """The whole summary as shown: the model's sentences, then the fixed next steps."""
    by_index = {d.index: d for d in ctx.decisions}
    blocks = [answer.headline.strip()]
    label = "Treatment" if ctx.lang == "en" else "Tratamiento"
    for item in sorted(answer.items, key=lambda i: i.index):
        service = by_index[item.index].service.rstrip(".") if item.index in by_index else ""
        lines = [f"{label}: {service}.", item.status.strip(), *(r.strip() for r in item.reasons)]
        blocks.append("\n".join(line for line in lines if line))
    blocks.append("\n".join(ctx.next_steps))
    return "\n\n".join(b for b in blocks if b) + "\n"


# ----------------------------------------------------------- whole-contract answer (llm backend)


class GroundedText(Answer):
    value: str
    """The value."""
    quote: str
    """Exact words from the letter containing the value."""


class GroundedDate(Answer):
    value: dt.date
    """The date as YYYY-MM-DD."""
    quote: str
    """Exact words from the letter containing the date as written."""


class CaseAnswer(Answer):
    case_number: GroundedText | None = None
    """IMR case number (CMyy-nnnnnnn), if the letter has one."""
    date_assigned: GroundedDate | None = None
    date_of_injury: GroundedDate | None = None
    decision_date: GroundedDate | None = None
    ur_denial_date: GroundedDate | None = None
    application_received: GroundedDate | None = None
    priority: GroundedText | None = None
    """standard or expedited."""


class DecisionAnswer(ItemAnswer):
    """One disputed item with its decision, all copied from the letter."""

    service: str
    """The treatment, copied exactly from the item heading."""
    outcome: Outcome
    """upheld (not approved) or overturned (approved), from the end of the item heading."""
    heading_quote: str
    """The item heading exactly, ending with the word Upheld or Overturned."""
    claims_administrator_guideline: str | None = None
    """The text after "Claims Administrator guideline:", copied exactly."""
    maximus_guideline: str | None = None
    """The text after "MAXIMUS guideline:", copied exactly."""
    rationale: str | None = None
    """The text after "Decision rationale:", copied exactly."""


class ExtractionAnswer(Answer):
    """The llm backend's question: the whole letter."""

    case: CaseAnswer
    reviewer_licensed_in: list[str] = []
    """States where the reviewer is licensed, as written."""
    reviewer_specialties: list[str] = []
    """The reviewer's board certifications or specialties, as written."""
    reviewer_quote: str | None = None
    """Exact words stating the reviewer's license and specialty."""
    patient_age: int | None = Field(default=None, ge=0, le=120)
    patient_sex: Sex | None = None
    patient_quote: str | None = None
    """Exact words stating the patient's age and sex."""
    decisions: list[DecisionAnswer]
    """Every disputed item, in the order of the letter."""

    @model_validator(mode="after")
    def _grounded(self, info: ValidationInfo) -> ExtractionAnswer:
        ctx = context_of(info)
        if ctx is None:
            return self
        problems = [p for p in case_problems(ctx, self.case).values()]
        problems.extend(p for p in (reviewer_problem(ctx, self), patient_problem(ctx, self)) if p)
        indices = [d.index for d in self.decisions]
        if (p := check_indices(ctx, indices)) is not None:
            problems.append(p)
        for d in self.decisions:
            problems.extend(decision_problems(ctx, d))
            problems.extend(item_problems(ctx, d).values())
        _raise(problems)
        return self


def _date_quote_ok(quote: str, value: dt.date) -> bool:
    return value in dates_in(quote)


def case_problems(ctx: LetterContext, case: CaseAnswer) -> dict[str, str]:
    problems: dict[str, str] = {}
    for name in CaseAnswer.model_fields:
        value: Any = getattr(case, name)
        if value is None:
            continue
        problem = check_quote(ctx, value.quote, None, f"case {name}")
        if problem is None:
            ok = (
                _date_quote_ok(value.quote, value.value)
                if isinstance(value, GroundedDate)
                else contains_value(value.quote, value.value)
            )
            problem = None if ok else f"case {name}: the value is not written inside its quote"
        if problem is None and name == "case_number" and not CASE_NUMBER_RE.match(value.value):
            problem = "case case_number must look like CM16-0123456"
        if problem is None and name == "priority" and value.value.lower() not in ("standard", "expedited"):
            problem = "case priority must be standard or expedited"
        if problem:
            problems[name] = problem
    return problems


def reviewer_problem(ctx: LetterContext, answer: ExtractionAnswer) -> str | None:
    values = answer.reviewer_licensed_in + answer.reviewer_specialties
    if not values:
        return None
    problem = check_quote(ctx, answer.reviewer_quote, None, "reviewer_quote")
    if problem is None and not all(contains_value(answer.reviewer_quote or "", v) for v in values):
        problem = "reviewer: every state and specialty must be written inside reviewer_quote"
    return problem


def patient_problem(ctx: LetterContext, answer: ExtractionAnswer) -> str | None:
    if answer.patient_age is None and answer.patient_sex is None:
        return None
    problem = check_quote(ctx, answer.patient_quote, None, "patient_quote")
    quote = answer.patient_quote or ""
    if problem is None and answer.patient_age is not None and str(answer.patient_age) not in quote:
        problem = "patient_age must be written inside patient_quote"
    if problem is None and answer.patient_sex is not None and not sex_pattern(answer.patient_sex.value).search(quote):
        problem = "patient_sex must be stated inside patient_quote"
    return problem


def decision_problems(ctx: LetterContext, d: DecisionAnswer) -> list[str]:
    """The core of one decision: heading, service, outcome and copied lines."""
    problems = []
    block = ctx.item_block(d.index)
    heading = check_quote(ctx, d.heading_quote, block, f"item {d.index} heading_quote")
    if heading:
        problems.append(heading)
    elif not contains_value(d.heading_quote, d.service):
        problems.append(f"item {d.index}: service must be copied from inside heading_quote")
    words = fold_quote(d.heading_quote).lower().rstrip(". ").split()
    if not words or words[-1] != d.outcome.value:
        problems.append(f"item {d.index}: outcome must be the last word of heading_quote (Upheld or Overturned)")
    truth = parser_outcome(ctx, d.index)
    if truth is not None and d.outcome is not truth:
        problems.append(f"item {d.index}: the outcome is wrong; the heading's last word decides it")
    for name in ("claims_administrator_guideline", "maximus_guideline", "rationale"):
        value = getattr(d, name)
        if value is not None and (p := check_quote(ctx, value, block, f"item {d.index} {name}")):
            problems.append(p)
    return problems

"""The v1 output contract: one JSON document per letter.

These models are the public interface intake tools code against. Field names under
``case``, ``reviewer``, ``patient`` and ``decisions`` are fixed by the contract;
anything added around them must be additive. Every model forbids unknown fields,
dates serialise as ISO ``YYYY-MM-DD`` and absent values are ``null``.

Character offsets (:class:`Span`) always index the exact text the extractor was
given: the decoded text file, or the text layer extracted from a PDF (whose sha256
is in ``provenance.text_sha256``).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

from llm_extract.contract.fielddocs import describe_fields
from llm_extract.contract.languages import LangCode
from llm_extract.contract.plugins import skip_discovery_without_plugins
from llm_extract.text.fold import fold
from llm_extract.text.lexicon import CASE_NUMBER_RE

SCHEMA_VERSION: Literal["1"] = "1"

# Before any model builds its validator (defaults such as ``CaseSpans()`` below build theirs):
# pydantic's plugin discovery costs a cold process ~25 ms to find no plugin.
skip_discovery_without_plugins()


BackendName = Literal["rules", "llm", "hybrid"]
"""The extraction backends a caller can choose (CLI ``--backend``, HTTP ``backend``, eval)."""
BACKENDS: tuple[BackendName, ...] = get_args(BackendName)


class Contract(BaseModel):
    """Base for every contract model: strict, immutable, documented."""

    # Field docstrings are the schema's field descriptions; built on first use so that they
    # are set first (see llm_extract.contract.fielddocs).
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        describe_fields(cls)


class Span(Contract):
    """Half-open character range ``[start, end)`` into the letter text."""

    start: int = Field(ge=0)
    """Offset of the first character."""
    end: int = Field(ge=0)
    """Offset one past the last character."""

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError("span end must not precede its start")
        return self


class Priority(StrEnum):
    standard = "standard"
    expedited = "expedited"


class Sex(StrEnum):
    male = "male"
    female = "female"


class Outcome(StrEnum):
    """``upheld``: the denial stands, the treatment is NOT approved.
    ``overturned``: the treatment is medically necessary and must be authorized."""

    upheld = "upheld"
    overturned = "overturned"


class GuidelineSource(StrEnum):
    """Guideline families named in a guideline line."""

    MTUS = "MTUS"
    ODG = "ODG"
    ACOEM = "ACOEM"
    other = "other"


class ReasonCode(StrEnum):
    """Common reasons reviewers give, recognised from the rationale text."""

    no_functional_improvement = "no_functional_improvement"
    exceeds_guideline_limits = "exceeds_guideline_limits"
    not_recommended = "not_recommended"
    missing_documentation = "missing_documentation"
    findings_do_not_support = "findings_do_not_support"
    other_treatment_first = "other_treatment_first"
    related_item_not_approved = "related_item_not_approved"
    """Denied because another service it goes with (a surgery, procedure, device, drug) was not approved."""
    already_authorized = "already_authorized"
    """Not needed because it was already authorized, or the worker already has it (a duplicate request)."""
    approved_trial_pending = "approved_trial_pending"
    """An initial trial or part was approved; whether more is needed depends on how that goes."""
    safety_risk = "safety_risk"
    """The care could harm this worker: a medicine mixing badly with another, their kidneys, liver,
    breathing, bleeding, falls, drowsiness at work, seizures or an overdose."""
    criteria_met = "criteria_met"


class CaseSpans(Contract):
    """Where each header value was found."""

    case_number: Span | None = None
    date_assigned: Span | None = None
    date_of_injury: Span | None = None
    decision_date: Span | None = None
    ur_denial_date: Span | None = None
    application_received: Span | None = None
    priority: Span | None = None


class Case(Contract):
    """Header facts. Letters before 2016 have no header: then all are null except a
    date of injury stated in the clinical case summary."""

    case_number: str | None = Field(default=None, pattern=CASE_NUMBER_RE.pattern)
    """IMR case number, ``CMyy-nnnnnnn``."""
    date_assigned: dt.date | None = None
    """Date the case was assigned to the reviewer."""
    date_of_injury: dt.date | None = None
    """Date of the work injury."""
    decision_date: dt.date | None = None
    """Date of the final determination."""
    ur_denial_date: dt.date | None = None
    """Date utilization review denied the request."""
    application_received: dt.date | None = None
    """Date the IMR application was received."""
    priority: Priority | None = None
    """Review priority."""
    spans: CaseSpans = CaseSpans()
    """Evidence for each value."""


class ReviewerSpans(Contract):
    licensed_in: Span | None = None
    specialties: Span | None = None


class Reviewer(Contract):
    """The expert reviewer's credentials (never a name: letters do not carry one)."""

    licensed_in: list[str] = []
    """States where the reviewer is licensed, as written (e.g. ``North Carolina``)."""
    specialties: list[str] = []
    """Board certifications and specialties, as written."""
    spans: ReviewerSpans = ReviewerSpans()


class PatientSpans(Contract):
    age: Span | None = None
    sex: Span | None = None


class Patient(Contract):
    """Age and sex as stated in the clinical case summary."""

    age: int | None = Field(default=None, ge=0, le=120)
    sex: Sex | None = None
    spans: PatientSpans = PatientSpans()


class Reason(Contract):
    """A recognised reason with the rationale words that show it."""

    code: ReasonCode
    span: Span
    """Where in the letter the reason is stated."""


class TreatmentCategory(StrEnum):
    """Kind of treatment an item asks for (added for the hybrid backend)."""

    medication = "medication"
    imaging = "imaging"
    physical_manual_therapy = "physical_manual_therapy"
    injection_procedure = "injection_procedure"
    surgery = "surgery"
    equipment = "equipment"
    other = "other"


class FieldSource(StrEnum):
    """Where a value produced by an LLM backend came from.

    ``model``: the model's answer, whose quote was found in the letter and which
    passed every check. ``fallback``: the model's answer failed its checks after the
    allowed re-asks (or the call failed), so the parser's or the rules' value is used.
    """

    model = "model"
    fallback = "fallback"


class EnrichmentSpans(Contract):
    """Evidence for each enrichment value: where its quote was found in the letter."""

    treatment_category: Span | None = None
    body_region: Span | None = None
    request: Span | None = None
    """The words stating quantity, frequency or duration."""


class EnrichmentSources(Contract):
    """For each enrichment value, whether the model's grounded answer was used."""

    treatment_category: FieldSource = FieldSource.fallback
    body_region: FieldSource = FieldSource.fallback
    request: FieldSource = FieldSource.fallback
    """Quantity, frequency and duration together."""
    reasons: FieldSource = FieldSource.fallback
    """The item's ``reasons`` list."""


class Enrichment(Contract):
    """What an LLM backend adds to a parsed item (additive to v1; absent for ``rules``)."""

    treatment_category: TreatmentCategory | None = None
    """Kind of treatment; a keyword rule supplies it when the model's answer fails."""
    body_region: str | None = None
    """Body region the treatment is for, as written in the letter."""
    quantity: str | None = None
    """Requested quantity as written (e.g. ``12``, ``#60``), when stated."""
    frequency: str | None = None
    """Requested frequency as written (e.g. ``2x/week``), when stated."""
    duration: str | None = None
    """Requested duration as written (e.g. ``6 weeks``), when stated."""
    spans: EnrichmentSpans = EnrichmentSpans()
    sources: EnrichmentSources = EnrichmentSources()


class DecisionSpans(Contract):
    heading: Span
    """The whole item heading, from its first word to the outcome word."""
    service: Span
    outcome: Span
    original_request: Span | None = None
    authorized_portion: Span | None = None
    claims_administrator_guideline: Span | None = None
    maximus_guideline: Span | None = None
    rationale: Span | None = None


class Decision(Contract):
    """One disputed item and the reviewer's decision on it."""

    index: int = Field(ge=1)
    """Position in the letter, from 1."""
    service: str
    """The treatment decided, as written (line breaks folded). For a partially
    certified request this is the remaining portion that IMR decided."""
    outcome: Outcome
    partial: bool = False
    """True when the claims administrator authorized part of the original request."""
    original_request: str | None = None
    """The original request, when the item was partially certified or modified."""
    authorized_portion: str | None = None
    """What the claims administrator already authorized, when stated."""
    claims_administrator_guideline: str | None = None
    """The claims administrator's guideline line, as written."""
    maximus_guideline: str | None = None
    """The reviewer's (MAXIMUS) guideline line, as written."""
    claims_administrator_sources: list[GuidelineSource] = []
    maximus_sources: list[GuidelineSource] = []
    rationale: str | None = None
    """The reviewer's decision rationale, as written (line breaks folded)."""
    reasons: list[Reason] = []
    """Common reasons recognised in the rationale, in order of first mention."""
    spans: DecisionSpans
    enrichment: Enrichment | None = None
    """Treatment category, body region and request details added by the ``hybrid``
    and ``llm`` backends; null for ``rules``."""

    @property
    def decides_whole_request(self) -> bool:
        """A partly authorized request whose whole original request went to IMR ("leaving the
        original request IMR eligible"): the review decided all of it, not a remainder, so a
        summary must not say it looked at "the rest"."""
        return (
            self.partial
            and self.original_request is not None
            and fold(self.original_request).casefold() == fold(self.service).casefold()
        )


class ReadabilityMetric(StrEnum):
    flesch_kincaid_grade = "flesch_kincaid_grade"
    fernandez_huerta = "fernandez_huerta"


class Readability(Contract):
    metric: ReadabilityMetric
    """``flesch_kincaid_grade`` for English (a US school grade, lower is easier);
    ``fernandez_huerta`` for Spanish (0-100 reading ease, higher is easier)."""
    score: float
    target: float
    """Grade 6 or lower for English; ease 70 or higher for Spanish."""
    meets_target: bool
    hard_words: list[str] | None = None
    """English only: words of the summary's own wording that are neither on the Dale-Chall
    list of familiar words nor explained in the summary (its glossary), in order of first
    use. Names quoted from the letter are not counted: the summary cannot rename them.
    The target is none. Null when not computed (Spanish, or a model's summary)."""


class SummaryItemKind(StrEnum):
    """What one item means for the worker."""

    approved = "approved"
    """The reviewer approved it (outcome overturned): it must now be authorized or paid for."""
    not_approved = "not_approved"
    """The denial stands (outcome upheld)."""
    already_approved = "already_approved"
    """Not approved by this review because the worker already has approval for it (or
    already has it): the review changed nothing. Counted apart in the headline."""


class Quote(Contract):
    """A value the summary copies from the letter, with where the letter says it."""

    text: str
    """The words as written in the letter (line breaks folded)."""
    span: Span | None = None
    """Where the letter says it; null only when the summary was built without the letter text."""


class SummaryItem(Contract):
    index: int = Field(ge=1)
    """The decision this line explains."""
    service: str
    approved: bool
    """True when the treatment must now be authorized (outcome overturned)."""
    status: str
    """Plain sentence saying whether the treatment is approved."""
    reasons: list[str] = []
    """Plain sentences giving the main reason, drawn from the rationale."""
    kind: SummaryItemKind = SummaryItemKind.not_approved
    """Approved, not approved, or already approved before this review."""
    service_plain: str | None = None
    """The treatment's name in the summary's language when it differs from the letter's
    (Spanish: translated with the letter's words kept in parentheses); null otherwise."""
    retrospective: bool = False
    """The care was already given ("Retrospective", "DOS", "date of service"): approval
    means it must be paid for, not authorized."""
    asked: Quote | None = None
    """Partly approved items: what the doctor asked for (the original request)."""
    already_approved: Quote | None = None
    """Partly approved items: the part approved before this review."""
    decided: Quote | None = None
    """Partly approved items: the part this review decided."""
    details: list[Quote] = []
    """Letter words behind the specific reason sentences (guideline limits, amounts asked,
    what the records lacked), each with its span."""


class NextStep(Contract):
    """One thing the worker can do or should know, with where the rule comes from."""

    text: str
    """The plain sentences, as they appear in the summary text."""
    facts: list[str]
    """Row ids of WORKER-FACTS.md every procedural statement in ``text`` comes from
    (see ``llm_extract/summary/next_steps.py``)."""
    dates: list[dt.date] = []
    """Calendar dates the sentences give (appeal deadlines worked out from the decision date)."""


class AppealDeadline(Contract):
    """The appeal deadline as calendar dates, worked out from the decision date.

    30 days after service, plus 5, 10 or 20 days when the letter is mailed (to an address
    in California, elsewhere in the United States, outside the United States). The date on
    the letter's proof of service decides; the summary assumes it was mailed on the
    decision date and says so."""

    mailed_on: dt.date
    """The date counted from: the letter's decision date."""
    mailed_on_span: Span | None = None
    """Where the letter states that date."""
    california: dt.date
    """Last day for an address in California (30 + 5 days)."""
    united_states: dt.date
    """Last day for an address elsewhere in the United States (30 + 10 days)."""
    outside_united_states: dt.date
    """Last day for an address outside the United States (30 + 20 days)."""


class GlossaryEntry(Contract):
    """A word the summary explains where it first uses it."""

    term: str
    """The word or abbreviation as used in the summary (or in the letter's service name)."""
    meaning: str
    """The plain explanation given in the text."""


class Summary(Contract):
    """Plain-language summary for the injured worker."""

    language: LangCode
    headline: str
    items: list[SummaryItem]
    next_steps: list[str]
    """What happens next, as plain sentences: ``steps`` texts, in order."""
    text: str
    """The whole summary as plain text, ready to show or send."""
    readability: Readability
    generated_by: str
    """``rules`` for the deterministic templates, otherwise the model that wrote it."""
    steps: list[NextStep] = []
    """``next_steps`` with the WORKER-FACTS.md rows each one states and its dates."""
    appeal_deadline: AppealDeadline | None = None
    """The appeal deadline as dates; null when the letter has no decision date."""
    glossary: list[GlossaryEntry] = []
    """Words the summary explains, in order of first use."""
    legal_basis: list[str] = []
    """Citations for the procedural sentences (the text's short "Legal basis" section)."""


class PromptRef(Contract):
    """A versioned prompt file an LLM backend used."""

    name: str
    version: str
    sha256: str
    """sha256 of the validated prompt content (changes whenever the wording does)."""


class Provenance(Contract):
    """What produced this document. Nothing here varies between identical runs."""

    package_version: str
    backend: str
    backend_version: str
    """Parser version for ``rules``; model name for LLM backends."""
    summary_templates_version: str
    schema_version: str = SCHEMA_VERSION
    letter_format: str
    """Which letter layout was recognised (e.g. ``dwc-2016`` or ``imr-2014``)."""
    input_kind: Literal["text", "pdf"]
    input_sha256: str
    """sha256 of the input bytes as received."""
    text_sha256: str
    """sha256 of the UTF-8 text that spans index into."""
    text_length: int
    pages: int | None = None
    """Number of PDF pages, for PDF input."""
    prompts: list[PromptRef] = []
    """Prompt files (name, version, hash) used by an LLM backend; empty for ``rules``."""


class FieldOrigin(Contract):
    """Whether one field of an LLM backend's result came from the model or fell back."""

    field: str
    """Path of the field, e.g. ``decisions/2/treatment_category`` or ``summary``."""
    source: FieldSource
    note: str | None = None
    """Why it fell back (the failed check's name, never letter text)."""


class Grounding(Contract):
    """Per-field origin of an LLM backend's answer (additive to v1; null for ``rules``)."""

    from_model: int
    """How many fields hold the model's grounded answer."""
    fell_back: int
    """How many fields fell back to the parser or the rules."""
    fields: list[FieldOrigin]


class Extraction(Contract):
    """The v1 result for one letter."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    case: Case
    reviewer: Reviewer
    patient: Patient
    decisions: list[Decision]
    summary: Summary
    provenance: Provenance
    grounding: Grounding | None = None
    """Which fields came from the model and which fell back (LLM backends only)."""

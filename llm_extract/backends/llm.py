"""The LLM backends: ``hybrid`` (parser structure + model enrichment and prose) and
``llm`` (the model reads the whole letter, for layouts the parser does not know).

Both send versioned prompts through :class:`~llm_extract.llm.client.LlmClient` and
accept nothing the grounding checks reject. The parser is the verifier: wherever it
is certain (items, outcomes, header facts), a model answer that disagrees is
re-asked and, when re-asks run out, replaced by the parser's value; the document's
``grounding`` section lists, field by field, what came from the model and what fell
back. Transport failures and budget stops are raised as typed errors rather than
silently falling back, so such a letter is not cached and a re-run retries it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from llm_extract.backends.base import ExtractOptions
from llm_extract.backends.rules import with_reasons
from llm_extract.contract.models import (
    SCHEMA_VERSION,
    Case,
    CaseSpans,
    Decision,
    DecisionSpans,
    Enrichment,
    EnrichmentSources,
    EnrichmentSpans,
    Extraction,
    FieldOrigin,
    FieldSource,
    Grounding,
    Outcome,
    Patient,
    PatientSpans,
    Priority,
    Provenance,
    Reason,
    Reviewer,
    ReviewerSpans,
    Span,
    Summary,
    SummaryItem,
)
from llm_extract.errors import LlmAnswerError, UnrecognizedLetterError
from llm_extract.letter.inputs import LetterText
from llm_extract.llm.accounting import RunAccount
from llm_extract.llm.client import LlmClient, Structured
from llm_extract.llm.prompts import PromptSet
from llm_extract.llm.settings import LlmSettings
from llm_extract.parse.parser import PARSER_VERSION, ParsedLetter, guideline_sources, parse
from llm_extract.summary.readability import score
from llm_extract.summary.templates import TEMPLATES_VERSION, build_summary
from llm_extract.text.digest import sha256_json
from llm_extract.text.fold import fold_quote
from llm_extract.text.fold import fold_space as fold
from llm_extract.verify.grounding import (
    GROUNDING_VERSION,
    CaseAnswer,
    DecisionAnswer,
    EnrichmentAnswer,
    ExtractionAnswer,
    ItemAnswer,
    LetterContext,
    SummaryAnswer,
    case_problems,
    decision_problems,
    item_problems,
    patient_problem,
    reviewer_problem,
    rule_category,
    summary_text,
)
from llm_extract.version import __version__

PROMPTS_HYBRID = ("hybrid_enrichment", "summary_en", "summary_es")
PROMPTS_LLM = ("extraction", "summary_en", "summary_es")


def schema_hash(*models: type[BaseModel]) -> str:
    """Hash of the JSON Schemas sent to the model: a schema change invalidates the cache."""
    return sha256_json([m.model_json_schema() for m in models])


@dataclass
class Origins:
    """Collects the per-field origin of one document."""

    fields: list[FieldOrigin] = field(default_factory=list)

    def add(self, path: str, from_model: bool, note: str | None = None) -> FieldSource:
        source = FieldSource.model if from_model else FieldSource.fallback
        self.fields.append(FieldOrigin(field=path, source=source, note=None if from_model else note))
        return source

    def report(self) -> Grounding:
        fell_back = sum(f.source is FieldSource.fallback for f in self.fields)
        return Grounding(from_model=len(self.fields) - fell_back, fell_back=fell_back, fields=self.fields)


def _answer_dict(result: Structured) -> dict[str, Any]:
    """The answer as plain data: the validated value, or the last raw answer, or nothing."""
    if result.value is not None:
        return result.value.model_dump(mode="json")
    return result.raw or {}


M = TypeVar("M", bound=BaseModel)


def _shaped(model: type[M], raw: Any) -> M | None:
    """Validate one sub-answer's shape only (no grounding context), or None."""
    try:
        return model.model_validate(raw)
    except ValidationError:
        return None


def _note(result: Structured, problem: str | None) -> str:
    return problem or result.note or "the model's answer was not usable"


class _LlmBackend:
    """Shared by both LLM backends: client, prompts, identity, summary and enrichment."""

    name = "llm"
    prompt_names: tuple[str, ...] = PROMPTS_LLM
    answer_models: tuple[type[BaseModel], ...] = (ExtractionAnswer, SummaryAnswer)
    item_model: type[ItemAnswer] = DecisionAnswer
    """The answer model of one item's enrichment (the llm backend's items carry more fields)."""

    def __init__(self, settings: LlmSettings, *, client: LlmClient | None = None) -> None:
        settings.require_endpoint(self.name)
        self.settings = settings
        self.prompts = PromptSet(settings.prompts_dir, self.prompt_names)
        self.client = client or LlmClient(settings)
        self._identity = {
            "backend": self.name,
            "package": __version__,
            "parser": PARSER_VERSION,
            "templates": TEMPLATES_VERSION,
            "schema": SCHEMA_VERSION,
            "grounding": GROUNDING_VERSION,
            "answer_schema": schema_hash(*self.answer_models),
            "prompts": [r.model_dump() for r in self.prompts.refs()],
            **self.client.identity(),
        }

    @property
    def account(self) -> RunAccount:
        return self.client.account

    def identity(self) -> dict[str, Any]:
        return dict(self._identity)

    # ---------------------------------------------------------------- enrichment

    def _enrich(
        self,
        ctx: LetterContext,
        decisions: list[Decision],
        items: dict[int, dict[str, Any]],
        result: Structured,
        origins: Origins,
    ) -> list[Decision]:
        return [self._enrich_one(ctx, d, items.get(d.index), result, origins) for d in decisions]

    def _enrich_one(
        self, ctx: LetterContext, d: Decision, raw: dict[str, Any] | None, result: Structured, origins: Origins
    ) -> Decision:
        item = _shaped(self.item_model, raw) if raw is not None else None
        problems = item_problems(ctx, item) if item is not None else {}
        model_reasons = _model_reasons(ctx, d.index, item) if item is not None and "reasons" not in problems else []
        if item is not None and "reasons" not in problems and not model_reasons and d.reasons:
            problems["reasons"] = "the model gave no reasons; the rules found some"  # an empty answer says nothing
        ok = {f: item is not None and f not in problems for f in ENRICHED_FIELDS}
        sources = EnrichmentSources(
            **{f: origins.add(f"decisions/{d.index}/{f}", ok[f], _note(result, problems.get(f))) for f in ok}
        )
        values, spans = _enrichment_values(ctx, d, item, ok)
        enrichment = Enrichment(**values, spans=spans, sources=sources)
        return d.model_copy(update={"enrichment": enrichment, "reasons": model_reasons if ok["reasons"] else d.reasons})

    # ---------------------------------------------------------------- summary

    def _summary(
        self, ctx: LetterContext, case: Case, decisions: list[Decision], options: ExtractOptions, origins: Origins
    ) -> Summary:
        rules = build_summary(case, decisions, options.lang, letter=ctx.text)
        ctx.decisions, ctx.next_steps = decisions, list(rules.next_steps)
        facts = _facts(ctx.text, case, decisions)
        prompt = self.prompts[f"summary_{options.lang}"]
        result = self.client.structured(
            prompt.render(letter=decisions_section(ctx.text, decisions), facts=facts), SummaryAnswer, {"letter": ctx}
        )
        answer = result.value
        if not isinstance(answer, SummaryAnswer):
            origins.add("summary", False, _note(result, None))
            return rules
        origins.add("summary", True)
        text = summary_text(answer, ctx)
        by_index = {d.index: d for d in decisions}
        items = [
            SummaryItem(
                index=i.index,
                service=by_index[i.index].service,
                approved=by_index[i.index].outcome is Outcome.overturned,
                status=i.status.strip(),
                reasons=[r.strip() for r in i.reasons if r.strip()],
            )
            for i in sorted(answer.items, key=lambda i: i.index)
        ]
        return Summary(
            language=options.lang,
            headline=answer.headline.strip(),
            items=items,
            next_steps=list(rules.next_steps),
            text=text,
            readability=score(text, options.lang),
            generated_by=self.client.model,
            steps=rules.steps,
            appeal_deadline=rules.appeal_deadline,
            legal_basis=rules.legal_basis,
        )

    def _provenance(self, letter: LetterText, parsed: ParsedLetter | None) -> Provenance:
        return Provenance(
            package_version=__version__,
            backend=self.name,
            backend_version=self.client.model,
            summary_templates_version=TEMPLATES_VERSION,
            schema_version=SCHEMA_VERSION,
            letter_format=parsed.letter_format if parsed else "unknown",
            input_kind=letter.kind,
            input_sha256=letter.input_sha256,
            text_sha256=letter.text_sha256,
            text_length=len(letter.text),
            pages=letter.pages,
            prompts=self.prompts.refs(),
        )

    def _finish(self, origins: Origins) -> Grounding:
        report = origins.report()
        if report.fell_back:
            self.account.record(fallbacks=report.fell_back)
        return report


ENRICHED_FIELDS = ("treatment_category", "body_region", "request", "reasons")


def _model_reasons(ctx: LetterContext, index: int, item: ItemAnswer) -> list[Reason]:
    """The model's reasons with the spans of their quotes, first mention of each code only."""
    seen: dict[str, Reason] = {}
    for r in item.reasons:
        span = ctx.folded.find(r.quote, ctx.rationale(index))
        if span is not None and r.code.value not in seen:
            seen[r.code.value] = Reason(code=r.code, span=span)
    return list(seen.values())


def _enrichment_values(
    ctx: LetterContext, d: Decision, item: ItemAnswer | None, ok: dict[str, bool]
) -> tuple[dict[str, Any], EnrichmentSpans]:
    """Values and evidence spans: the model's where its checks passed, else the fallbacks
    (the keyword rule for the category, with the service as evidence; nothing for the rest)."""
    block = ctx.item_block(d.index)
    values: dict[str, Any] = {"treatment_category": rule_category(d.service)}
    spans: dict[str, Span | None] = {"treatment_category": d.spans.service}
    if item is None:
        return values, EnrichmentSpans(**spans)
    if ok["treatment_category"]:
        values["treatment_category"] = item.treatment_category
        spans["treatment_category"] = ctx.folded.find(item.category_quote, block)
    if ok["body_region"] and item.body_region:
        quote = ctx.folded.find(item.body_region_quote or "", block)
        values["body_region"] = fold_quote(item.body_region)
        spans["body_region"] = ctx.folded.find(item.body_region, quote) or quote
    if ok["request"] and any((item.quantity, item.frequency, item.duration)):
        values.update(quantity=item.quantity, frequency=item.frequency, duration=item.duration)
        spans["request"] = ctx.folded.find(item.request_quote or "", block)
    return values, EnrichmentSpans(**spans)


def _items_by_index(raw: dict[str, Any], key: str) -> dict[int, dict[str, Any]]:
    """The answer's entries by item number (first one wins); malformed entries are skipped."""
    found: dict[int, dict[str, Any]] = {}
    entries = raw.get(key)
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("index"), int):
            found.setdefault(entry["index"], entry)
    return found


def decisions_section(text: str, decisions: list[Decision]) -> str:
    """The part of the letter the per-item calls need: from the first item heading to the end of
    the last item (its rationale). The header (addresses, case numbers) and the closing pages
    (appeal rights, service list) are a third to a half of a letter and are not sent: every quote
    these calls give must lie inside an item anyway (see ``LetterContext.item_block``). Quotes stay
    verifiable because the section is copied unchanged from the letter."""
    if not decisions:
        return text
    start = min(d.spans.heading.start for d in decisions)
    end = max((d.spans.rationale or d.spans.maximus_guideline or d.spans.heading).end for d in decisions)
    return text[start:end]


def _items_text(decisions: list[Decision]) -> str:
    lines = []
    for d in decisions:
        verdict = "Overturned (approved)" if d.outcome is Outcome.overturned else "Upheld (not approved)"
        lines.append(f"Item {d.index}: {d.service} -- decision: {verdict}")
    return "\n".join(lines)


def _facts(text: str, case: Case, decisions: list[Decision]) -> str:
    """What the summary must say, from the parser: outcomes, and dates as the letter writes them."""
    lines = []
    if case.decision_date and case.spans.decision_date:
        span = case.spans.decision_date
        lines.append(f"Decision date (as written in the letter): {text[span.start : span.end]}")
    for d in decisions:
        verdict = "APPROVED (must now be authorized)" if d.outcome is Outcome.overturned else "NOT APPROVED"
        reasons = ", ".join(r.code.value for r in d.reasons) or "see the rationale"
        lines.append(f"Item {d.index}: {d.service} -- {verdict}. Reason categories: {reasons}.")
    return "\n".join(lines)


class HybridBackend(_LlmBackend):
    """The parser gives the structure; the model adds categories, regions, request
    details and reasons, and writes the summary prose."""

    name = "hybrid"
    prompt_names = PROMPTS_HYBRID
    answer_models = (EnrichmentAnswer, SummaryAnswer)
    item_model = ItemAnswer

    def extract(self, letter: LetterText, options: ExtractOptions) -> Extraction:
        self.account.check_open()
        try:
            parsed = parse(letter.text)
        except UnrecognizedLetterError as exc:
            exc.hint = "the hybrid backend needs a layout the parser reads; use --backend llm for this letter"
            raise
        ctx = LetterContext(letter.text, parsed, options.lang)
        origins = Origins()
        decisions = with_reasons(letter.text, parsed.decisions)
        prompt = self.prompts["hybrid_enrichment"]
        result = self.client.structured(
            prompt.render(letter=decisions_section(letter.text, decisions), items=_items_text(decisions)),
            EnrichmentAnswer,
            {"letter": ctx},
        )
        decisions = self._enrich(ctx, decisions, _items_by_index(_answer_dict(result), "items"), result, origins)
        summary = self._summary(ctx, parsed.case, decisions, options, origins)
        return Extraction(
            case=parsed.case,
            reviewer=parsed.reviewer,
            patient=parsed.patient,
            decisions=decisions,
            summary=summary,
            provenance=self._provenance(letter, parsed),
            grounding=self._finish(origins),
        )


class LlmBackend(_LlmBackend):
    """The model extracts the whole contract; the parser, where it can read the letter,
    checks it and supplies the fallback values."""

    name = "llm"

    def extract(self, letter: LetterText, options: ExtractOptions) -> Extraction:
        self.account.check_open()
        try:
            parsed: ParsedLetter | None = parse(letter.text)
        except UnrecognizedLetterError:
            parsed = None
        ctx = LetterContext(letter.text, parsed, options.lang)
        result = self.client.structured(
            self.prompts["extraction"].render(letter=letter.text), ExtractionAnswer, {"letter": ctx}
        )
        if parsed is None and not isinstance(result.value, ExtractionAnswer):
            raise LlmAnswerError(
                f"the model's answer failed its checks after {self.settings.max_reasks} re-ask(s) and the parser "
                "cannot read this layout, so there is nothing to fall back to",
                hint="use a stronger model (LLM_EXTRACT_MODEL) or raise LLM_EXTRACT_MAX_REASKS",
            )
        raw = _answer_dict(result)
        origins = Origins()
        case = self._case(ctx, raw.get("case"), parsed, result, origins)
        reviewer = self._reviewer(ctx, raw, parsed, result, origins)
        patient = self._patient(ctx, raw, parsed, result, origins)
        decisions = self._decisions(ctx, _items_by_index(raw, "decisions"), parsed, result, origins)
        decisions = self._enrich(ctx, decisions, _items_by_index(raw, "decisions"), result, origins)
        summary = self._summary(ctx, case, decisions, options, origins)
        return Extraction(
            case=case,
            reviewer=reviewer,
            patient=patient,
            decisions=decisions,
            summary=summary,
            provenance=self._provenance(letter, parsed),
            grounding=self._finish(origins),
        )

    # Each section: the model's value when it is grounded, else the parser's.

    def _case(
        self, ctx: LetterContext, raw: Any, parsed: ParsedLetter | None, result: Structured, origins: Origins
    ) -> Case:
        answer = _shaped(CaseAnswer, raw) if isinstance(raw, dict) else None
        problems = case_problems(ctx, answer) if answer is not None else {}
        fallback = parsed.case if parsed else Case()
        values: dict[str, Any] = {}
        spans: dict[str, Span | None] = {}
        for name in Case.model_fields:
            if name == "spans":
                continue
            mine = getattr(answer, name, None) if answer is not None else None
            theirs = getattr(fallback, name)
            use_model = answer is not None and name not in problems and (mine is not None or theirs is None)
            origins.add(f"case/{name}", use_model, _note(result, problems.get(name)))
            if use_model and mine is not None:
                value = mine.value.lower() if name == "priority" else mine.value
                values[name] = Priority(value) if name == "priority" else value
                spans[name] = ctx.folded.find(mine.quote)
            else:
                values[name] = theirs
                spans[name] = getattr(fallback.spans, name)
        return Case(**values, spans=CaseSpans(**spans))

    def _reviewer(
        self, ctx: LetterContext, raw: dict[str, Any], parsed: ParsedLetter | None, result: Structured, origins: Origins
    ) -> Reviewer:
        answer = _shaped(ExtractionAnswer, {**raw, "case": {}, "decisions": []}) if raw else None
        problem = reviewer_problem(ctx, answer) if answer is not None else "no answer"
        fallback = parsed.reviewer if parsed else Reviewer()
        has_model = answer is not None and bool(answer.reviewer_licensed_in or answer.reviewer_specialties)
        use_model = answer is not None and problem is None and (has_model or not fallback.licensed_in)
        origins.add("reviewer", use_model, _note(result, problem))
        if not use_model or answer is None:
            return fallback
        span = ctx.folded.find(answer.reviewer_quote or "")
        return Reviewer(
            licensed_in=[fold(s) for s in answer.reviewer_licensed_in],
            specialties=[fold(s) for s in answer.reviewer_specialties],
            spans=ReviewerSpans(licensed_in=span, specialties=span),
        )

    def _patient(
        self, ctx: LetterContext, raw: dict[str, Any], parsed: ParsedLetter | None, result: Structured, origins: Origins
    ) -> Patient:
        answer = _shaped(ExtractionAnswer, {**raw, "case": {}, "decisions": []}) if raw else None
        problem = patient_problem(ctx, answer) if answer is not None else "no answer"
        fallback = parsed.patient if parsed else Patient()
        has_model = answer is not None and (answer.patient_age is not None or answer.patient_sex is not None)
        use_model = answer is not None and problem is None and (has_model or fallback.age is None)
        origins.add("patient", use_model, _note(result, problem))
        if not use_model or answer is None:
            return fallback
        span = ctx.folded.find(answer.patient_quote or "")
        return Patient(age=answer.patient_age, sex=answer.patient_sex, spans=PatientSpans(age=span, sex=span))

    def _decisions(
        self,
        ctx: LetterContext,
        items: dict[int, dict[str, Any]],
        parsed: ParsedLetter | None,
        result: Structured,
        origins: Origins,
    ) -> list[Decision]:
        indices = [d.index for d in parsed.decisions] if parsed else sorted(items)
        by_parser = {d.index: d for d in with_reasons(ctx.text, parsed.decisions)} if parsed else {}
        out = []
        for index in indices:
            answer = _shaped(DecisionAnswer, items.get(index)) if index in items else None
            problems = decision_problems(ctx, answer) if answer is not None else ["no answer for this item"]
            built = _decision_from(ctx, answer, by_parser.get(index)) if answer is not None and not problems else None
            origins.add(f"decisions/{index}", built is not None, _note(result, problems[0] if problems else None))
            decision = built or by_parser.get(index)
            if decision is None:
                raise LlmAnswerError(
                    f"item {index} could not be grounded and the parser cannot read this layout",
                    hint="use a stronger model (LLM_EXTRACT_MODEL)",
                )
            out.append(decision)
        return out


def _decision_from(ctx: LetterContext, a: DecisionAnswer, parsed: Decision | None) -> Decision | None:
    """A Decision built from the model's quotes (spans found in the letter)."""
    block = ctx.item_block(a.index)
    heading = ctx.folded.find(a.heading_quote, block)
    if heading is None:
        return None
    service = ctx.folded.find(a.service, heading) or heading
    words = ctx.text[heading.start : heading.end]
    at = words.lower().rfind(a.outcome.value)
    outcome = Span(start=heading.start + at, end=heading.start + at + len(a.outcome.value)) if at >= 0 else heading

    def line(value: str | None) -> tuple[str | None, Span | None]:
        return (fold_quote(value), ctx.folded.find(value, block)) if value else (None, None)

    ca, ca_span = line(a.claims_administrator_guideline)
    mx, mx_span = line(a.maximus_guideline)
    rationale, rationale_span = line(a.rationale)
    return Decision(
        index=a.index,
        service=fold_quote(a.service),
        outcome=a.outcome,
        partial=parsed.partial if parsed else False,
        original_request=parsed.original_request if parsed else None,
        authorized_portion=parsed.authorized_portion if parsed else None,
        claims_administrator_guideline=ca,
        maximus_guideline=mx,
        claims_administrator_sources=guideline_sources(ca),
        maximus_sources=guideline_sources(mx),
        rationale=rationale,
        reasons=parsed.reasons if parsed else [],
        spans=DecisionSpans(
            heading=heading,
            service=service,
            outcome=outcome,
            original_request=parsed.spans.original_request if parsed else None,
            authorized_portion=parsed.spans.authorized_portion if parsed else None,
            claims_administrator_guideline=ca_span,
            maximus_guideline=mx_span,
            rationale=rationale_span,
        ),
    )

"""The embedded default backend: the deterministic parser plus rule-based summaries.

Runs offline, needs no configuration, and is the reference every LLM backend is
verified against.
"""

from __future__ import annotations

from typing import Any

from llm_extract import budget
from llm_extract.backends.base import ExtractOptions
from llm_extract.contract.models import (
    SCHEMA_VERSION,
    Decision,
    Extraction,
    Outcome,
    Provenance,
    Reason,
    ReasonCode,
    Span,
)
from llm_extract.letter.inputs import LetterText
from llm_extract.parse import reason_model
from llm_extract.parse.parser import PARSER_VERSION, ParsedLetter, parse
from llm_extract.parse.reasons import (
    REASONS_VERSION,
    about_the_evidence,
    added_ground,
    find_reasons,
    harm_of_another,
    root_signs_absent_for,
    tied_item_approved,
    trial_not_begun,
    worker_finding,
)
from llm_extract.summary import glossary, specifics
from llm_extract.summary.templates import TEMPLATES_VERSION, build_summary
from llm_extract.version import __version__


def item_reasons(text: str, start: int, end: int, outcome: Outcome, service: str) -> list[Reason]:
    """The reasons recognised in one item's rationale ``text[start:end]`` (scoped to its service)."""
    reasons = _recognised(text, start, end, outcome, service)
    if (
        outcome is Outcome.upheld
        and any(r.code is not ReasonCode.missing_documentation for r in reasons)
        and reason_model.doubts_missing_record(text, start, end)
    ):
        # "the records did not give enough facts" beside another ground, where the item model all but rules it out:
        # the stock line readers most often found wrong (recognizer 4.12)
        reasons = [r for r in reasons if r.code is not ReasonCode.missing_documentation]
    return reasons


def _recognised(text: str, start: int, end: int, outcome: Outcome, service: str) -> list[Reason]:
    """What the rules and the learned models read in the rationale, before a doubtful missing record is dropped."""
    budget.check("finding the reasons")
    reasons = find_reasons(text, start, end, outcome, service)
    if outcome is not Outcome.upheld:
        return reasons
    medicine = specifics.is_medicine(service, glossary.abbreviations_in(service))
    reasons = with_safety(reasons, text, Span(start=start, end=end), medicine)
    if all(r.code is ReasonCode.missing_documentation or added_ground(text, r) for r in reasons) and not any(
        r.code is ReasonCode.findings_do_not_support for r in reasons
    ):
        # Nothing specific was recognised, or only grounds the reviewer adds to another ("also"): the
        # reviewer's own finding about the worker, if the rationale states one, is the main ground.
        finding = worker_finding(text, start, end)
        if finding is not None and not root_signs_absent_for(service, text, finding.span.start, finding.span.end):
            return [finding, *reasons]
    if not reasons:
        guessed = reason_model.guess(text, start, end)
        reasons = [guessed] if guessed is not None else []  # no rule names a ground: the learned model's
    elif (second := reason_model.second_ground(text, start, end, {r.code for r in reasons})) is not None:
        reasons = [*reasons, second]  # a ground the rules missed, after theirs
    if (pending := reason_model.pending_trial(text, start, end, reasons)) is not None:
        reasons = [pending, *reasons]  # the part approved must show its results first: the reviewer's main ground
    # grounds the item model is sure of, after every other (recognizer 2.86)
    reasons = [*reasons, *reason_model.more_grounds(text, start, end, reasons)]
    # the learned models' "care did not help" read in research on the care: the rules' verdict there is the
    # guideline's (recognizer 3.89, round 184's reader)
    reasons = [
        r for r in reasons if r.code is not ReasonCode.no_functional_improvement or not about_the_evidence(text, r.span)
    ]
    # nor a tie to care the same words say was found necessary ("the test requested at the same time has been found
    # necessary in this review"): never "the care this goes with was not approved" (recognizer 3.90, round 187's reader)
    reasons = [
        r for r in reasons if r.code is not ReasonCode.related_item_not_approved or not tied_item_approved(text, r.span)
    ]
    # nor a harm that is why another medicine was stopped ("Naproxen was stopped ... because of elevated blood
    # pressure", of omeprazole: recognizer 4.15, rounds 270 and 278's readers)
    reasons = [r for r in reasons if r.code is not ReasonCode.safety_risk or not harm_of_another(text, r.span, service)]
    if any(r.code is ReasonCode.approved_trial_pending for r in reasons) and trial_not_begun(text, start, end):
        # the approved part not begun: no result yet, not care that failed to help (recognizer 3.85)
        reasons = [r for r in reasons if r.code is not ReasonCode.no_functional_improvement]
    return reasons


def with_safety(reasons: list[Reason], text: str, rationale: Span, medicine: bool = True) -> list[Reason]:
    """``reasons`` with a refused item's ``safety_risk`` ground, read by the words the summary's
    safety sentence reads (a medicine's table of harms, or the harm other care may do): first where the
    reviewer gives or marks it as the main ground, else after the other specific grounds (before a missing
    record)."""
    harm = specifics.harm_in(text, rationale) if medicine else specifics.care_harm_in(text, rationale)
    if harm is None or harm.span is None:
        return reasons
    ground = Reason(code=ReasonCode.safety_risk, span=harm.span)
    if specifics.harm_first(harm, reasons, text, rationale):
        return [ground, *reasons]
    # Before a missing record, as every specific ground is (31 invented items had it after one).
    at = next((i for i, r in enumerate(reasons) if r.code is ReasonCode.missing_documentation), len(reasons))
    return [*reasons[:at], ground, *reasons[at:]]


def with_reasons(text: str, decisions: list[Decision]) -> list[Decision]:
    """Attach the reasons recognised in each item's rationale (for items parsed without them)."""
    out = []
    for d in decisions:
        span = d.spans.rationale
        reasons = item_reasons(text, span.start, span.end, d.outcome, d.service) if span else []
        out.append(d.model_copy(update={"reasons": reasons}))
    return out


def provenance(letter: LetterText, parsed: ParsedLetter, backend: str, backend_version: str) -> Provenance:
    return Provenance(
        package_version=__version__,
        backend=backend,
        backend_version=backend_version,
        summary_templates_version=TEMPLATES_VERSION,
        schema_version=SCHEMA_VERSION,
        letter_format=parsed.letter_format,
        input_kind=letter.kind,
        input_sha256=letter.input_sha256,
        text_sha256=letter.text_sha256,
        text_length=len(letter.text),
        pages=letter.pages,
    )


class RulesBackend:
    """Parser + rule-based reasons + template summaries."""

    name = "rules"

    def identity(self) -> dict[str, Any]:
        return {
            "backend": self.name,
            "package": __version__,
            "parser": PARSER_VERSION,
            "reasons": REASONS_VERSION,
            "templates": TEMPLATES_VERSION,
            "schema": SCHEMA_VERSION,
        }

    def extract(self, letter: LetterText, options: ExtractOptions) -> Extraction:
        parsed = parse(letter.text, reasons=item_reasons)  # each item validated once, with its reasons
        decisions = parsed.decisions
        budget.check("writing the summary")
        return Extraction(
            case=parsed.case,
            reviewer=parsed.reviewer,
            patient=parsed.patient,
            decisions=decisions,
            summary=build_summary(parsed.case, decisions, options.lang, letter=letter.text),
            provenance=provenance(letter, parsed, self.name, PARSER_VERSION),
        )

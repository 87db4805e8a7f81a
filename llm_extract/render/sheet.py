"""What the worker's document says, decided once for every format.

A :class:`Sheet` is the document as data: a title, the case number and decision date,
the summary's headline, one row per decided treatment (or per group of treatments
that share the decision and the reasons), the next steps and the legal basis. The
text, HTML and terminal renderers only lay a sheet out, so they cannot disagree.

Every sentence a worker reads comes from the summary (headline, reasons, next steps)
or from :mod:`.words`, filled with values copied from the extraction (service names,
the already-approved portion, the case number, the decision date): a reason code is
never shown, and the letter is never read again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from llm_extract.contract.models import (
    Decision,
    Extraction,
    Outcome,
    ReasonCode,
    Summary,
    SummaryItem,
    SummaryItemKind,
    TreatmentCategory,
)
from llm_extract.render.words import Lang, Words, clause, spell_date, words_for
from llm_extract.summary.templates import build_summary, held_status
from llm_extract.text.lexicon import SERVICE_COMMON_WORDS
from llm_extract.verify.grounding import rule_category

#: Kinds of treatment that other items "go with" (surgery and its supplies, a procedure and its follow-up).
_MAIN_KINDS = frozenset({TreatmentCategory.surgery, TreatmentCategory.injection_procedure})


@dataclass(frozen=True)
class Row:
    """One line of the decision table: a single treatment, or a group of treatments."""

    indices: tuple[int, ...]
    """Which decisions (``Decision.index``) the row stands for."""
    asked: tuple[str, ...]
    """What was asked for: one service, or each service of a group."""
    lead: str | None
    """For a group, the sentence introducing its treatments."""
    notes: tuple[str, ...]
    """For a partly approved request: what was already approved and what this review decided."""
    approved: bool
    decision: str
    """``Approved.`` or ``Not approved.``"""
    reasons: tuple[str, ...]
    """The summary's plain sentences for the main reason."""
    words: tuple[str, ...] = ()
    """What the words of the treatment's name mean (MRI, lumbar, an opioid, ...): said apart
    from the reasons, so an explanation does not read as one more reason."""


@dataclass(frozen=True)
class Sheet:
    """The worker's document, ready to lay out."""

    lang: Lang
    words: Words
    case_number: str | None
    decision_date: str | None
    """Spelled out in the document's language."""
    headline: str
    rows: tuple[Row, ...]
    steps: tuple[str, ...]
    legal: tuple[str, ...]
    """Citations for the small print."""

    @property
    def meta(self) -> tuple[tuple[str, str], ...]:
        """Label and value of each header fact the letter gave."""
        pairs = ((self.words.case_number, self.case_number), (self.words.decision_date, self.decision_date))
        return tuple((label, value) for label, value in pairs if value)


def summary_in(extraction: Extraction, lang: Lang) -> Summary:
    """The extraction's summary in ``lang``, rebuilt from its decisions when it was made in another language."""
    if extraction.summary.language == lang:
        return extraction.summary
    return build_summary(extraction.case, list(extraction.decisions), lang)


def build_sheet(extraction: Extraction, lang: Lang | None = None) -> Sheet:
    """The document for one extraction (in the summary's own language unless ``lang`` says otherwise)."""
    lang = lang or extraction.summary.language
    words = words_for(lang)
    summary = summary_in(extraction, lang)
    decisions = {d.index: d for d in extraction.decisions}
    pairs = [(decisions[item.index], item) for item in summary.items if item.index in decisions]
    day = extraction.case.decision_date
    return Sheet(
        lang=lang,
        words=words,
        case_number=extraction.case.case_number,
        decision_date=spell_date(day, words) if day else None,
        headline=summary.headline,
        rows=tuple(_rows(pairs, words)),
        steps=tuple(summary.next_steps),
        legal=tuple(summary.legal_basis),
    )


def item_notes(decision: Decision, words: Words) -> tuple[str, ...]:
    """For a partly approved request: the part approved before the review, and the part decided."""
    if not decision.partial:
        return ()
    notes = [clause(words.already_approved, decision.authorized_portion)] if decision.authorized_portion else []
    decided = words.decided_whole if decision.decides_whole_request else words.decided_part
    return (*notes, clause(decided, decision.service))


def service_name(decision: Decision, item: SummaryItem) -> str:
    """The treatment as the summary names it: its own-language name when it has one."""
    return item.service_plain or decision.service


def asked_for(decision: Decision, item: SummaryItem) -> str:
    """What was asked for: the original request of a partly approved item, else the treatment."""
    if decision.partial and decision.original_request:
        return decision.original_request
    return service_name(decision, item)


def decision_label(item: SummaryItem, words: Words) -> str:
    if item.approved:
        return words.approved
    if item.kind is SummaryItemKind.already_approved:
        return words.had_it if held_status(item.status) else words.had_approval
    return words.not_approved


def _single(decision: Decision, item: SummaryItem, words: Words) -> Row:
    return Row(
        indices=(decision.index,),
        asked=(asked_for(decision, item),),
        lead=None,
        notes=item_notes(decision, words),
        approved=item.approved,
        decision=decision_label(item, words),
        reasons=tuple(item.reasons),
    )


def _recognised(decision: Decision) -> bool:
    """Whether a reason the rules recognised explains this outcome (otherwise the summary
    points to the letter's rationale, which differs from item to item: never grouped)."""
    fits = (
        {ReasonCode.criteria_met}
        if decision.outcome is Outcome.overturned
        else set(ReasonCode) - {ReasonCode.criteria_met}
    )
    return any(r.code in fits for r in decision.reasons)


def _group_key(decision: Decision, item: SummaryItem) -> tuple[str, tuple[str, ...]] | None:
    """Items with equal keys say the same thing; partly approved items carry their own amounts."""
    if decision.partial or not item.reasons or not _recognised(decision):
        return None
    return item.status, tuple(item.reasons)


def _category(decision: Decision) -> TreatmentCategory:
    enriched = decision.enrichment.treatment_category if decision.enrichment else None
    return enriched or rule_category(decision.service)


def main_treatment(decisions: Sequence[Decision]) -> Decision | None:
    """The one denied surgery or procedure the "goes with" items belong to, if the letter has exactly one.

    A related item is denied because the treatment it goes with was not approved; the
    letter does not say which one by name, so it is only named when there is no doubt.
    """
    candidates = [
        d
        for d in decisions
        if d.outcome is Outcome.upheld
        and not any(r.code is ReasonCode.related_item_not_approved for r in d.reasons)
        and _category(d) in _MAIN_KINDS
    ]
    return candidates[0] if len(candidates) == 1 else None


_NAME_WORD = re.compile(r"[a-z]{5,}")


def _names(service: str) -> set[str]:
    """The words of five letters or more that name a service ("naproxen", "shoulder", "arthroscopy"), not
    the words any service may hold ("right", "sessions")."""
    return set(_NAME_WORD.findall(service.lower())) - SERVICE_COMMON_WORDS


def goes_with(decision: Decision, main: Decision, decisions: Sequence[Decision]) -> bool:
    """Whether a tied item goes with the letter's main treatment: not when its rationale names another
    refused item, itself tied to nothing, and nothing of the main one ("The omeprazole was prescribed to
    protect the stomach during the naproxen course": round 66's reader, told it went with the shoulder
    surgery)."""
    said = _names(decision.rationale or "")
    if said & _names(main.service):
        return True
    own = _names(decision.service) | _names(main.service)
    return not any(
        said & (_names(d.service) - own)
        for d in decisions
        if d is not decision
        and d is not main
        and d.outcome is Outcome.upheld
        and not any(r.code is ReasonCode.related_item_not_approved for r in d.reasons)
    )


def _group(members: list[tuple[Decision, SummaryItem]], main: str | None, words: Words) -> Row:
    first_decision, first_item = members[0]
    related = any(r.code is ReasonCode.related_item_not_approved for r in first_decision.reasons)
    if related and main is not None:
        lead = clause(words.group_with.replace("{count}", str(len(members))), main)
    else:
        lead = words.group_same.format(count=len(members))
    return Row(
        indices=tuple(d.index for d, _ in members),
        asked=tuple(service_name(d, item) for d, item in members),
        lead=lead,
        notes=(),
        approved=first_item.approved,
        decision=decision_label(first_item, words),
        reasons=tuple(first_item.reasons),
    )


def _kinds_apart(members: list[tuple[Decision, SummaryItem]]) -> list[list[tuple[Decision, SummaryItem]]]:
    """Split a group that shares a reason sentence by kind of care, unless its items go with one treatment.

    "What your doctor found ... did not show a need" is one sentence for a stomach pill and
    three x-rays, but the findings behind it differ, so a row saying "these 4 treatments have
    the same reason" reads as if one fact refused them all. Items of no known kind join the
    first known kind; items that go with a denied treatment stay together.
    """
    first_decision = members[0][0]
    if any(r.code is ReasonCode.related_item_not_approved for r in first_decision.reasons):
        return [members]
    known = [c for c in (_category(d) for d, _ in members) if c is not TreatmentCategory.other]
    if len(set(known)) < 2:
        return [members]
    parts: dict[TreatmentCategory, list[tuple[Decision, SummaryItem]]] = {}
    for decision, item in members:
        kind = _category(decision)
        parts.setdefault(known[0] if kind is TreatmentCategory.other else kind, []).append((decision, item))
    return list(parts.values())


def _rows(pairs: list[tuple[Decision, SummaryItem]], words: Words) -> list[Row]:
    """One row per item, except that items saying the same thing share one row, placed where the first was."""
    shared: dict[tuple[str, tuple[str, ...]], list[tuple[Decision, SummaryItem]]] = {}
    for decision, item in pairs:
        key = _group_key(decision, item)
        if key is not None:
            shared.setdefault(key, []).append((decision, item))
    group_of: dict[int, list[tuple[Decision, SummaryItem]]] = {}
    for members in shared.values():
        for part in _kinds_apart(members):
            for decision, _ in part:
                group_of[decision.index] = part
    decisions = [d for d, _ in pairs]
    found = main_treatment(decisions)
    main = next((service_name(d, item) for d, item in pairs if d is found), None)
    rows: list[Row] = []
    placed: set[int] = set()
    for decision, item in pairs:
        group = group_of.get(decision.index, [])
        if len(group) < 2:
            rows.append(_single(decision, item, words))
        elif id(group) not in placed:
            placed.add(id(group))
            with_main = found is not None and all(goes_with(d, found, decisions) for d, _ in group)
            rows.append(_group(group, main if with_main else None, words))
    return rows


def legal_line(sheet: Sheet) -> str:
    """The citations as one line of small print."""
    return "; ".join(sheet.legal) + "."

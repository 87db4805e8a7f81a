"""Deterministic plain-language summaries of an IMR determination.

The summary is for the injured worker, so it is built only from fixed, pre-written
sentences plus values copied from the letter (service names, amounts, the decision
date, a guideline's limit), each with its span. Nothing is generated: a reason the
rules did not recognise is never paraphrased, the reader is pointed to the letter's
"Decision rationale" instead.

An item line cannot mislead: care the worker already had approval for is said to be
so (and counted apart in the headline), a partly approved item shows what was asked
for, what was approved before and what this review decided as three quotes from the
letter, and approved care already given is to be *paid for*, not authorized.

The only facts not taken from the letter are procedural ones, each from a row of
WORKER-FACTS.md (see :mod:`llm_extract.summary.next_steps`); their citations go to a
short "Legal basis" section at the end. Terms of art are explained where first used
(:mod:`llm_extract.summary.glossary`). The wording avoids numbers that are not in the
letter or in those rules, and the words "upheld"/"overturned", which readers often
take the wrong way round. Spanish uses the "usted" form. Change any wording -> bump
:data:`TEMPLATES_VERSION`, since it is part of the output's provenance and cache key.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from llm_extract.contract.models import (
    Case,
    Decision,
    Outcome,
    Quote,
    ReasonCode,
    Span,
    Summary,
    SummaryItem,
    SummaryItemKind,
)
from llm_extract.summary import glossary, next_steps, specifics
from llm_extract.summary.readability import score
from llm_extract.text.dates import MONTHS
from llm_extract.text.easy_words import hard_words

__all__ = ["TEMPLATES_VERSION", "build_summary"]

TEMPLATES_VERSION = "4"
"""Version of the wording below; bump whenever a sentence changes."""

Lang = Literal["en", "es"]

#: At most this many reason sentences per item: the main reason, not the rationale.
_MAX_REASONS = 2
#: At most this many "your doctor's notes did not say ..." sentences per item.
_MAX_MISSING = 2

#: Reasons that can explain each outcome. Another backend could attach a denial
#: reason to an approved item; showing it would contradict the status line.
_FITS: dict[Outcome, frozenset[ReasonCode]] = {
    Outcome.overturned: frozenset({ReasonCode.criteria_met}),
    Outcome.upheld: frozenset(ReasonCode) - {ReasonCode.criteria_met, ReasonCode.already_authorized},
}


@dataclass(frozen=True)
class _Wording:
    """Every fixed sentence of one language."""

    headline_all_one: str
    headline_all_many: str
    headline_none_one: str
    headline_none_many: str
    headline_some: str
    headline_empty: str
    headline_already_all: str
    headline_already_some: str
    """Added after the headline when some items were already approved before this review."""
    intro: str
    dated: str
    """Takes ``{date}``."""
    months: tuple[str, ...]
    date_format: str
    """Takes ``{day}``, ``{month}``, ``{year}``."""
    treatment: str
    """Takes ``{service}``."""
    treatment_named: str
    """Takes ``{plain}`` and ``{service}`` (a translated name, the letter's words kept)."""
    approved: str
    approved_paid: str
    not_approved: str
    rest_approved: str
    rest_not_approved: str
    already_approved: str
    asked: str
    """Takes ``{value}``."""
    already_part: str
    """Takes ``{value}``."""
    decided: str
    """Takes ``{value}``."""
    reasons: dict[ReasonCode, str]
    limit: str
    """Takes ``{limit}`` (in the summary's language) and ``{original}`` (the letter's words)."""
    limit_asked: str
    """Takes ``{asked}``, ``{unit}`` and ``{original}``."""
    missing: dict[str, str]
    see_rationale: str
    next_heading: str
    legal_heading: str


_EN = _Wording(
    headline_all_one="The care in your review is approved.",
    headline_all_many="All of the care in your review is approved.",
    headline_none_one="The care in your review is not approved.",
    headline_none_many="None of the care in your review is approved.",
    headline_some="Some of the care in your review is approved, and some is not.",
    headline_empty="We could not find the decisions in this letter. Please read the letter itself.",
    headline_already_all="You already have approval for the care in this review. This review did not change that.",
    headline_already_some="For some of the care, you already have approval. This review did not change that.",
    intro=(
        "This is a short guide to your Independent Medical Review (IMR) letter. In an IMR, a new doctor looks "
        "at care your doctor asked for. This doctor does not work for you or your employer. This doctor is the "
        "reviewer. Approved means the reviewer said yes to the care."
    ),
    dated="The decision is dated {date}.",
    months=tuple(m.capitalize() for m in MONTHS["en"]),
    date_format="{month} {day}, {year}",
    treatment="Care: {service}.",
    treatment_named="Care: {plain} ({service}).",
    approved="This care is approved. The claims administrator must now authorize it.",
    approved_paid="This care is approved. You already had it, so the claims administrator must now pay for it.",
    not_approved="This care is not approved.",
    rest_approved="The rest is approved. The claims administrator must now authorize it.",
    rest_not_approved="The rest is not approved.",
    already_approved="You already have approval for this, or you already have it. This review did not change that.",
    asked="Your doctor asked for: {value}.",
    already_part="Already approved before this review: {value}.",
    decided="This review decided only on the rest: {value}.",
    reasons={
        ReasonCode.no_functional_improvement: (
            "Your doctor's notes did not show that past care helped you do more in daily life."
        ),
        ReasonCode.exceeds_guideline_limits: "Your doctor asked for more care than the medical guidelines allow.",
        ReasonCode.not_recommended: "The medical guidelines do not call for this care.",
        ReasonCode.missing_documentation: "Your doctor's notes did not give enough facts to show you need it.",
        ReasonCode.findings_do_not_support: (
            "What your doctor found when checking you did not show a need for this care."
        ),
        ReasonCode.other_treatment_first: "Other care should be tried or finished first.",
        ReasonCode.related_item_not_approved: ("The care it goes with was not approved. So this is not needed."),
        ReasonCode.approved_trial_pending: (
            "A first part of this care was approved. How that part helps you will show if you need more."
        ),
        ReasonCode.criteria_met: "The reviewer found that you need this care.",
    },
    limit="The medical guidelines allow {limit}.",
    limit_asked="Your doctor asked for {asked} {unit}.",
    missing={
        "improvement": "Your doctor's notes did not say how the past care helped you.",
        "pain": "Your doctor's notes did not give your pain levels before and after past care.",
        "visits": "Your doctor's notes did not say how many visits you already had.",
        "drug_tests": (
            "Your doctor's notes did not show the tests the medical guidelines ask for when you take this kind "
            "of medicine."
        ),
        "home_exercise": "Your doctor's notes did not say if you work out at home on your own.",
        "side_effects": "Your doctor's notes did not say if the medicine causes you problems.",
    },
    see_rationale='To see why, read the part called "Decision rationale" for this care in your letter.',
    next_heading="What you can do",
    legal_heading="Legal basis",
)

_ES = _Wording(
    headline_all_one="La atención de su revisión fue aprobada.",
    headline_all_many="Toda la atención de su revisión fue aprobada.",
    headline_none_one="La atención de su revisión no fue aprobada.",
    headline_none_many="Ninguna parte de la atención de su revisión fue aprobada.",
    headline_some="Una parte de la atención de su revisión fue aprobada y otra no.",
    headline_empty="No pudimos encontrar las decisiones en esta carta. Por favor, lea la carta.",
    headline_already_all="Usted ya tiene aprobación para la atención de esta revisión. Esta revisión no cambió eso.",
    headline_already_some="Para una parte de la atención, usted ya tiene aprobación. Esta revisión no cambió eso.",
    intro=(
        "Esta es una guía corta de su carta de Revisión Médica Independiente (IMR, por sus siglas en inglés). "
        "En una IMR, otro médico revisa la atención que su médico pidió. Este médico no trabaja para usted ni "
        "para su empleador. Este médico es el revisor. Aprobado quiere decir que el revisor dijo que sí a la "
        "atención."
    ),
    dated="La decisión tiene fecha del {date}.",
    months=MONTHS["es"],
    date_format="{day} de {month} de {year}",
    treatment="Tratamiento (así aparece en la carta, en inglés): {service}.",
    treatment_named="Tratamiento: {plain} (en la carta: {service}).",
    approved="Este tratamiento fue aprobado. El administrador de reclamos ahora debe autorizarlo.",
    approved_paid=(
        "Este tratamiento fue aprobado. Usted ya lo recibió, así que el administrador de reclamos ahora debe pagarlo."
    ),
    not_approved="Este tratamiento no fue aprobado.",
    rest_approved="El resto fue aprobado. El administrador de reclamos ahora debe autorizarlo.",
    rest_not_approved="El resto no fue aprobado.",
    already_approved="Usted ya tiene aprobación para esto, o ya lo tiene. Esta revisión no cambió eso.",
    asked="Su médico pidió (en la carta): {value}.",
    already_part="Ya aprobado antes de esta revisión (en la carta): {value}.",
    decided="Esta revisión decidió solo sobre el resto (en la carta): {value}.",
    reasons={
        ReasonCode.no_functional_improvement: (
            "Las notas de su médico no muestran que la atención anterior le haya ayudado a hacer más en su vida diaria."
        ),
        ReasonCode.exceeds_guideline_limits: "Su médico pidió más atención de la que permiten las guías médicas.",
        ReasonCode.not_recommended: "Las guías médicas no recomiendan este tratamiento.",
        ReasonCode.missing_documentation: (
            "Las notas de su médico no daban suficientes datos para mostrar que usted lo necesita."
        ),
        ReasonCode.findings_do_not_support: "Su examen médico no mostró que usted necesite este tratamiento.",
        ReasonCode.other_treatment_first: "Primero hay que probar o terminar otro tipo de atención.",
        ReasonCode.related_item_not_approved: (
            "El tratamiento principal al que va unido no fue aprobado. Por eso esto no se necesita."
        ),
        ReasonCode.approved_trial_pending: (
            "Se aprobó una primera parte de esta atención. Si necesita más depende de cómo le ayude esa parte."
        ),
        ReasonCode.criteria_met: "El revisor concluyó que usted necesita este tratamiento.",
    },
    limit="Las guías médicas permiten {limit} (en la carta: {original}).",
    limit_asked="Su médico pidió {asked} {unit} (en la carta: {original}).",
    missing={
        "improvement": "Las notas de su médico no decían cómo le ayudó la atención anterior.",
        "pain": "Las notas de su médico no daban su nivel de dolor antes y después de la atención anterior.",
        "visits": "Las notas de su médico no decían cuántas visitas ya tuvo.",
        "drug_tests": "Las notas de su médico no mostraban las pruebas de drogas que piden las guías médicas.",
        "home_exercise": "Las notas de su médico no decían si usted hace ejercicios en casa.",
        "side_effects": "Las notas de su médico no decían si el medicamento le causa problemas.",
    },
    see_rationale=('Para saber por qué, lea la parte llamada "Decision rationale" de este tratamiento en su carta.'),
    next_heading="Lo que usted puede hacer",
    legal_heading="Base legal",
)

_WORDING: dict[str, _Wording] = {"en": _EN, "es": _ES}


def _wording(lang: str) -> _Wording:
    try:
        return _WORDING[lang]
    except KeyError:
        raise ValueError(f"unsupported summary language: {lang!r}") from None


def _format_date(day: dt.date, words: _Wording) -> str:
    """Spell the month out: "12/09/2016" is read differently in the US and Mexico."""
    return words.date_format.format(day=day.day, month=words.months[day.month - 1], year=day.year)


def _value(value: str) -> str:
    """A letter value that ends a sentence, without doubling a final period."""
    return value[:-1] if value.endswith(".") else value


@dataclass
class _Writer:
    """Collects the text's sentences, explaining each term of art where it is first used,
    and remembers the letter values it quoted (the hard-word check skips those)."""

    lang: str
    defined: set[str] = field(default_factory=set)
    quoted: list[str] = field(default_factory=list)

    def say(self, sentence: str, *values: str) -> str:
        """``sentence`` (or fixed paragraph), each part followed by the explaining sentence
        of each term it uses first. A part holding a letter value is not split: the value
        may contain a period."""
        self.quoted.extend(v for v in values if v)
        parts = (sentence,) if values else _sentences(sentence)
        said: list[str] = []
        for part in parts:
            said.append(part)
            for term in glossary.terms_in(_blank(part, values), self.lang):
                if term.term in self.defined:
                    continue
                self.defined.add(term.term)
                if term.sentence is not None and term.meaning.casefold() not in sentence.casefold():
                    said.append(term.sentence)
        return " ".join(said)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÁÉÍÓÚÑ¿¡])")


@functools.lru_cache(maxsize=1024)
def _sentences(paragraph: str) -> tuple[str, ...]:
    """The sentences of a fixed paragraph (memoised: the same few paragraphs are said in every summary)."""
    return tuple(_SENTENCE_END.split(paragraph))


def _kind(decision: Decision, letter: str | None) -> SummaryItemKind:
    if decision.outcome is Outcome.overturned:
        return SummaryItemKind.approved
    if specifics.already_authorized(decision, letter):
        return SummaryItemKind.already_approved
    return SummaryItemKind.not_approved


def _headline(kinds: Sequence[SummaryItemKind], words: _Wording) -> str:
    """Say which care is approved without counting it; care approved before is told apart."""
    if not kinds:
        return words.headline_empty
    decided = [k is SummaryItemKind.approved for k in kinds if k is not SummaryItemKind.already_approved]
    if not decided:
        return words.headline_already_all
    if all(decided):
        line = words.headline_all_one if len(decided) == 1 else words.headline_all_many
    elif not any(decided):
        line = words.headline_none_one if len(decided) == 1 else words.headline_none_many
    else:
        line = words.headline_some
    if len(decided) < len(kinds):
        line = f"{line} {words.headline_already_some}"
    return line


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _main_codes(decision: Decision) -> list[ReasonCode]:
    """The item's main reasons, in order of first mention, at most two.

    "Lack of documentation of functional improvement" is recognised as both
    missing_documentation and no_functional_improvement; the specific reason says
    more, so missing_documentation is only kept when it stands on its own words.
    """
    fitting = [r for r in decision.reasons if r.code in _FITS[decision.outcome]]
    specific = [r.span for r in fitting if r.code is not ReasonCode.missing_documentation]
    codes: list[ReasonCode] = []
    for reason in fitting:
        if reason.code is ReasonCode.missing_documentation and any(_overlaps(reason.span, s) for s in specific):
            continue
        if reason.code not in codes:
            codes.append(reason.code)
    return codes[:_MAX_REASONS]


@dataclass
class _Item:
    """One item's summary line and its text block."""

    item: SummaryItem
    lines: list[str]


def _reasons(decision: Decision, letter: str | None, words: _Wording, out: _Writer) -> tuple[list[str], list[Quote]]:
    """Reason sentences: the letter's specifics when found, else the fixed sentence per code."""
    codes = _main_codes(decision)
    fitting = [r for r in decision.reasons if r.code in codes]
    sentences: list[str] = []
    details: list[Quote] = []
    for code in codes:
        if code is ReasonCode.exceeds_guideline_limits and (
            limit := specifics.guideline_limit(decision, fitting, letter)
        ):
            said = _amount(limit.limit.text, out.lang)
            if said is not None:
                sentences.append(out.say(words.limit.format(limit=said, original=limit.limit.text), limit.limit.text))
                details.append(limit.limit)
                asked = _amount(limit.asked.text, out.lang) if limit.asked is not None else None
                unit = _amount(limit.unit, out.lang)
                if limit.asked is not None and asked is not None and unit is not None:
                    original = limit.asked.text
                    sentence = words.limit_asked.format(asked=asked, unit=unit, original=original)
                    sentences.append(out.say(sentence, original, limit.unit))
                    details.append(limit.asked)
                continue
        if code in (ReasonCode.missing_documentation, ReasonCode.no_functional_improvement):
            found = specifics.missing(decision, fitting, letter)
            if found:
                for m in found[:_MAX_MISSING]:
                    if m.words not in details:
                        sentences.append(out.say(words.missing[m.key]))
                        details.append(m.words)
                continue
        sentence = out.say(words.reasons[code])
        if sentence not in sentences:
            sentences.append(sentence)
    return sentences or [out.say(words.see_rationale)], details


def _amount(amount: str, lang: str) -> str | None:
    """An amount from the letter in the summary's language (English: as written)."""
    return amount if lang == "en" else glossary.spanish_amount(amount)


def _service_line(service: str, lang: str, words: _Wording, out: _Writer) -> tuple[str, str | None]:
    plain = glossary.spanish_name(service) if lang == "es" else None
    value = _value(service)
    if plain is None:
        return out.say(words.treatment.format(service=value), value), None
    return out.say(words.treatment_named.format(plain=plain, service=value), value), f"{plain} ({value})"


def _status(kind: SummaryItemKind, partial: bool, retro: bool, words: _Wording) -> str:
    if kind is SummaryItemKind.already_approved:
        return words.already_approved
    if kind is SummaryItemKind.approved:
        if retro:
            return words.approved_paid
        return words.rest_approved if partial else words.approved
    return words.rest_not_approved if partial else words.not_approved


def _item(
    decision: Decision,
    kind: SummaryItemKind,
    letter: str | None,
    lang: str,
    words: _Wording,
    out: _Writer,
    explained: set[str],
) -> _Item:
    retro = specifics.retrospective(decision.service)
    lines: list[str] = []
    service_line, plain = _service_line(decision.service, lang, words, out)
    lines.append(service_line)
    parts = specifics.amounts(decision, letter)
    if parts is not None:
        lines.append(out.say(words.asked.format(value=_value(parts.asked.text)), parts.asked.text))
        lines.append(out.say(words.already_part.format(value=_value(parts.already.text)), parts.already.text))
        lines.append(out.say(words.decided.format(value=_value(parts.decided.text)), parts.decided.text))
    status = out.say(_status(kind, parts is not None, retro, words))
    lines.append(status)
    if kind is SummaryItemKind.already_approved:
        reasons: list[str] = []
        details: list[Quote] = []
    else:
        reasons, details = _reasons(decision, letter, words, out)
    lines.extend(reasons)
    for abbreviation in glossary.abbreviations_in(decision.service):
        if abbreviation.term not in explained:
            explained.add(abbreviation.term)
            lines.append(out.say(getattr(abbreviation, lang)))
    item = SummaryItem(
        index=decision.index,
        service=decision.service,
        approved=kind is SummaryItemKind.approved,
        status=status,
        reasons=reasons,
        kind=kind,
        service_plain=plain,
        retrospective=retro,
        asked=parts.asked if parts else None,
        already_approved=parts.already if parts else None,
        decided=parts.decided if parts else None,
        details=details,
    )
    return _Item(item=item, lines=lines)


def _blank(text: str, values: Sequence[str]) -> str:
    """``text`` with each value replaced by a space, longest first (a value may hold a shorter one)."""
    if not values:
        return text
    for value in sorted(set(values), key=len, reverse=True):
        text = text.replace(value, " ")
    return text


def _hard_words(text: str, quoted: Sequence[str]) -> list[str]:
    """English words of the summary's own wording that a grade-6 reader may not know and
    the summary does not explain. The letter's quoted values and proper names are left
    out (the summary cannot rename them); the "Legal basis" citations are for a helper."""
    known = _known_words(tuple(term.term for term in glossary.uses(text, "en")))
    # easy_words directly, not readability.hard_words: that one copies the glossary, and the
    # check is memoised per line and glossary, where comparing equal copies would cost more.
    return hard_words(_blank(text, [*quoted, *glossary.NAMES]), known)


_ABBREVIATION_WORDS = frozenset(w.lower() for a in glossary.ABBREVIATIONS for w in a.term.split("/"))
"""The words of the letter abbreviations the items explain (``MRI``, ``physical``, ``therapy``)."""


@functools.lru_cache(maxsize=256)
def _known_words(used: tuple[str, ...]) -> frozenset[str]:
    """The lower-case words the summary explains: those of the English terms it uses, and the
    abbreviations'. Memoised: summaries use one of a few sets of terms, and handing the same
    set to the hard-word check lets its memo compare sets by identity."""
    explained = frozenset(w for term in glossary.TERMS["en"] if term.term in used for w in term.words())
    return explained | _ABBREVIATION_WORDS


def build_summary(case: Case, decisions: list[Decision], lang: Lang, letter: str | None = None) -> Summary:
    """Build the plain-language summary of one letter from fixed templates.

    ``letter`` is the text the decisions' spans index into. With it, the summary
    quotes the letter's specifics (guideline limits, what the records lacked) and gives
    every quoted value its span; without it, only the fixed sentences are used.
    Deterministic: the same input always gives the same summary, byte for byte
    (``generated_by="rules"``).
    """
    words = _wording(lang)
    ordered = sorted(decisions, key=lambda d: d.index)
    out = _Writer(lang)
    kinds = [_kind(d, letter) for d in ordered]
    headline = out.say(_headline(kinds, words))
    opening = [out.say(words.intro)]
    if case.decision_date is not None:
        date = _format_date(case.decision_date, words)
        opening.append(out.say(words.dated.format(date=date), date))
    explained: set[str] = set()
    items = [_item(d, kind, letter, lang, words, out, explained) for d, kind in zip(ordered, kinds, strict=True)]
    approved = [i.item for i in items if i.item.kind is SummaryItemKind.approved]
    outcomes = next_steps.Outcomes(
        approved=any(not i.retrospective for i in approved),
        approved_given=any(i.retrospective for i in approved),
        refused=any(i.item.kind is SummaryItemKind.not_approved for i in items),
    )
    when = next_steps.deadline(case.decision_date, case.spans.decision_date)
    steps = next_steps.steps(outcomes, lang, when, lambda d: _format_date(d, words), out.say)
    basis = next_steps.legal_basis(steps)
    parts = ["\n".join([headline, *opening]), *("\n".join(i.lines) for i in items)]
    parts.append("\n".join([f"{words.next_heading}:", *(s.text for s in steps)]))
    parts.append(f"{words.legal_heading}: {'; '.join(basis)}.")
    text = "\n\n".join(parts) + "\n"
    hard = _hard_words(text[: text.rindex(f"{words.legal_heading}:")], out.quoted) if lang == "en" else None
    readability = score(text, lang, hard_words=hard)
    return Summary(
        language=lang,
        headline=headline,
        items=[i.item for i in items],
        next_steps=[s.text for s in steps],
        text=text,
        readability=readability,
        generated_by="rules",
        steps=steps,
        appeal_deadline=when,
        glossary=glossary.glossary_of(text, lang),
        legal_basis=basis,
    )

"""Deterministic plain-language summaries of an IMR determination.

The summary is for the injured worker, so it is built only from fixed, pre-written
sentences plus values copied from the letter (service names, the decision date,
the already-authorized portion). Nothing is generated: a reason the rules did not
recognise is never paraphrased, the reader is pointed to the letter's "Decision
rationale" instead. The only facts not taken from the letter are fixed procedural
ones: how to appeal (a verified petition to the WCAB within 30 days of service,
8 CCR 10575(c), plus 5 days when served by mail) and that approved treatment must
now be authorized.

The wording avoids numbers that are not in the letter (no "2 of 3": "some", "none"
and "all" instead) and the words "upheld"/"overturned", which readers often take
the wrong way round. English sentences are short and aim at a grade 6 reading
level; Spanish uses the "usted" form. Change any wording -> bump
:data:`TEMPLATES_VERSION`, since it is part of the output's provenance and cache key.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from llm_extract.contract.models import Case, Decision, Outcome, ReasonCode, Span, Summary, SummaryItem
from llm_extract.summary.readability import score

__all__ = ["TEMPLATES_VERSION", "build_summary"]

TEMPLATES_VERSION = "3"
"""Version of the wording below; bump whenever a sentence changes."""

Lang = Literal["en", "es"]

#: At most this many reason sentences per item: the main reason, not the rationale.
_MAX_REASONS = 2

#: Reasons that can explain each outcome. Another backend could attach a denial
#: reason to an approved item; showing it would contradict the status line.
_FITS: dict[Outcome, frozenset[ReasonCode]] = {
    Outcome.overturned: frozenset({ReasonCode.criteria_met}),
    Outcome.upheld: frozenset(ReasonCode) - {ReasonCode.criteria_met},
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
    intro: str
    dated: str
    """Takes ``{date}``."""
    months: tuple[str, ...]
    date_format: str
    """Takes ``{day}``, ``{month}``, ``{year}``."""
    treatment: str
    """Takes ``{service}``."""
    approved: str
    not_approved: str
    already_authorized: str
    """Takes ``{portion}``."""
    reasons: dict[ReasonCode, str]
    see_rationale: str
    next_heading: str
    authorize: str
    appeal: tuple[str, ...]


_EN = _Wording(
    headline_all_one="The treatment in your review is approved.",
    headline_all_many="All of the treatments in your review are approved.",
    headline_none_one="The treatment in your review is not approved.",
    headline_none_many="None of the treatments in your review are approved.",
    headline_some="Some of the treatments in your review are approved, and some are not.",
    headline_empty="We could not find the decisions in this letter. Please read the letter itself.",
    intro="This is a short guide to your Independent Medical Review (IMR) letter.",
    dated="The decision is dated {date}.",
    months=(
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    date_format="{month} {day}, {year}",
    treatment="Treatment: {service}.",
    approved="This treatment is approved. The claims administrator must now authorize it.",
    not_approved="This treatment is not approved.",
    already_authorized="Before this review, part of the request was already approved: {portion}.",
    reasons={
        ReasonCode.no_functional_improvement: (
            "The records did not show that past treatment helped you do more in daily life."
        ),
        ReasonCode.exceeds_guideline_limits: "The request was for more care than the medical guidelines allow.",
        ReasonCode.not_recommended: "The medical guidelines do not recommend this treatment.",
        ReasonCode.missing_documentation: "The records did not give enough facts to back up the request.",
        ReasonCode.findings_do_not_support: "Your exam results did not show a need for this treatment.",
        ReasonCode.other_treatment_first: "Other care should be tried or finished first.",
        ReasonCode.related_item_not_approved: (
            "The main treatment it goes with was not approved. So this is not needed."
        ),
        ReasonCode.already_authorized: (
            "You already have approval for this, or you already have it. This review did not change that."
        ),
        ReasonCode.approved_trial_pending: (
            "A first part of this care was approved. Whether you need more depends on how that part helps you."
        ),
        ReasonCode.criteria_met: "The reviewer found that you need this treatment.",
    },
    see_rationale='To see why, read the part called "Decision rationale" for this treatment in your letter.',
    next_heading="Here is what happens next.",
    authorize=(
        "The claims administrator is the company that handles your claim. It must now authorize the approved treatment."
    ),
    appeal=(
        "If you disagree with this decision, you can appeal it.",
        "To appeal, file a verified petition with the WCAB. That is the Workers' Compensation Appeals Board.",
        "You must file within 30 days from the date the decision was served on you. "
        "If it was served by mail, you get 5 more days. "
        "This rule is in 8 CCR 10575(c).",
    ),
)

_ES = _Wording(
    headline_all_one="El tratamiento de su revisión fue aprobado.",
    headline_all_many="Todos los tratamientos de su revisión fueron aprobados.",
    headline_none_one="El tratamiento de su revisión no fue aprobado.",
    headline_none_many="Ninguno de los tratamientos de su revisión fue aprobado.",
    headline_some="Algunos tratamientos de su revisión fueron aprobados y otros no.",
    headline_empty="No pudimos encontrar las decisiones en esta carta. Por favor, lea la carta.",
    intro="Esta es una guía corta de su carta de Revisión Médica Independiente (IMR, por sus siglas en inglés).",
    dated="La decisión tiene fecha del {date}.",
    months=(
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),
    date_format="{day} de {month} de {year}",
    treatment="Tratamiento: {service}.",
    approved="Este tratamiento fue aprobado. El administrador de reclamos ahora debe autorizarlo.",
    not_approved="Este tratamiento no fue aprobado.",
    already_authorized="Antes de esta revisión, ya se había aprobado una parte de la solicitud: {portion}.",
    reasons={
        ReasonCode.no_functional_improvement: (
            "Los registros no muestran que el tratamiento anterior le haya ayudado a hacer más en su vida diaria."
        ),
        ReasonCode.exceeds_guideline_limits: "Se pidió más de lo que permiten las guías médicas.",
        ReasonCode.not_recommended: "Las guías médicas no recomiendan este tratamiento.",
        ReasonCode.missing_documentation: "Los registros no daban suficientes datos para apoyar la solicitud.",
        ReasonCode.findings_do_not_support: "Los resultados de sus exámenes no muestran que lo necesite.",
        ReasonCode.other_treatment_first: "Primero hay que probar o terminar otro tipo de atención.",
        ReasonCode.related_item_not_approved: (
            "El tratamiento principal al que va unido no fue aprobado. Por eso esto no se necesita."
        ),
        ReasonCode.already_authorized: (
            "Usted ya tiene aprobación para esto, o ya lo tiene. Esta revisión no cambió eso."
        ),
        ReasonCode.approved_trial_pending: (
            "Se aprobó una primera parte de esta atención. Si necesita más depende de cómo le ayude esa parte."
        ),
        ReasonCode.criteria_met: "El revisor concluyó que usted necesita este tratamiento.",
    },
    see_rationale=('Para saber por qué, lea la parte llamada "Decision rationale" de este tratamiento en su carta.'),
    next_heading="Esto es lo que pasa ahora.",
    authorize=(
        "El administrador de reclamos es la compañía que maneja su reclamo. "
        "Ahora debe autorizar el tratamiento aprobado."
    ),
    appeal=(
        "Si no está de acuerdo con esta decisión, puede apelar.",
        "Para apelar, presente una petición verificada ante la WCAB. "
        "Es la Junta de Apelaciones de Compensación de Trabajadores "
        "(Workers' Compensation Appeals Board).",
        "Tiene 30 días desde la fecha en que se le notificó la decisión. "
        "Si se la notificaron por correo, tiene 5 días más. "
        "Esta regla está en 8 CCR 10575(c).",
    ),
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


def _sentence(template: str, value: str) -> str:
    """Fill a template whose value ends the sentence, without doubling a final period."""
    if value.endswith("."):
        value = value[:-1]
    return template.format(service=value, portion=value)


def _headline(decisions: Sequence[Decision], words: _Wording) -> str:
    """Say which treatments are approved without counting them."""
    approved = [d.outcome is Outcome.overturned for d in decisions]
    if not approved:
        return words.headline_empty
    if all(approved):
        return words.headline_all_one if len(approved) == 1 else words.headline_all_many
    if not any(approved):
        return words.headline_none_one if len(approved) == 1 else words.headline_none_many
    return words.headline_some


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


def _reason_sentences(decision: Decision, words: _Wording) -> list[str]:
    """Fixed sentences for the item's main reasons, or the pointer to the letter."""
    return [words.reasons[c] for c in _main_codes(decision)] or [words.see_rationale]


def _item(decision: Decision, words: _Wording) -> SummaryItem:
    approved = decision.outcome is Outcome.overturned
    return SummaryItem(
        index=decision.index,
        service=decision.service,
        approved=approved,
        status=words.approved if approved else words.not_approved,
        reasons=_reason_sentences(decision, words),
    )


def _item_lines(decision: Decision, item: SummaryItem, words: _Wording) -> list[str]:
    lines = [_sentence(words.treatment, item.service), item.status]
    if decision.partial and decision.authorized_portion:
        lines.append(_sentence(words.already_authorized, decision.authorized_portion))
    return lines + list(item.reasons)


def _next_steps(decisions: Sequence[Decision], words: _Wording) -> list[str]:
    """Authorization first when anything was approved, then the appeal window."""
    steps = [words.authorize] if any(d.outcome is Outcome.overturned for d in decisions) else []
    return steps + list(words.appeal)


def _text(headline: str, opening: list[str], blocks: list[list[str]], steps: list[str], words: _Wording) -> str:
    """Join the parts as plain text; every line is a full sentence so readability
    tools (which only split at . ! ?) see the same sentences a reader does."""
    parts = ["\n".join([headline, *opening]), *("\n".join(b) for b in blocks)]
    parts.append("\n".join([words.next_heading, *steps]))
    return "\n\n".join(parts) + "\n"


def build_summary(case: Case, decisions: list[Decision], lang: Lang) -> Summary:
    """Build the plain-language summary of one letter from fixed templates.

    Deterministic: the same case, decisions and language always give the same
    summary, byte for byte (``generated_by="rules"``).
    """
    words = _wording(lang)
    ordered = sorted(decisions, key=lambda d: d.index)
    headline = _headline(ordered, words)
    opening = [words.intro]
    if case.decision_date is not None:
        opening.append(words.dated.format(date=_format_date(case.decision_date, words)))
    items = [_item(d, words) for d in ordered]
    blocks = [_item_lines(d, item, words) for d, item in zip(ordered, items, strict=True)]
    steps = _next_steps(ordered, words)
    text = _text(headline, opening, blocks, steps, words)
    return Summary(
        language=lang,
        headline=headline,
        items=items,
        next_steps=steps,
        text=text,
        readability=score(text, lang),
        generated_by="rules",
    )

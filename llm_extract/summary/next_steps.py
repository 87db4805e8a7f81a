"""What a worker can do next: fixed sentences, each traced to a row of WORKER-FACTS.md.

``../shared/WORKER-FACTS.md`` (beside the repository) lists the procedural facts a
summary may state, each checked against its regulation or statute. Its rows have no
ids, so :data:`FACT_ROWS` names them: each id maps to words that occur in that row's
fact column and to the row's source. Every procedural sentence below is a
:class:`Step` naming the rows it states; ``tests/test_summary_next_steps.py`` checks
that every row id exists in the file and that no template sentence states a procedure
without one. Citations go to the short "Legal basis" section, never the main text.

Dates: the appeal deadline is given as calendar dates worked out from the decision
date by the one rule in :func:`llm_extract.text.dates.appeal_deadlines`.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from llm_extract.contract.models import AppealDeadline, NextStep, Span
from llm_extract.text.dates import appeal_deadlines

__all__ = ["FACT_ROWS", "FactRow", "Outcomes", "Step", "deadline", "legal_basis", "steps"]


@dataclass(frozen=True)
class FactRow:
    """One row of WORKER-FACTS.md."""

    words: str
    """Words that occur in the row's fact column (how a test finds the row)."""
    citation: str
    """The row's source, shortened for the "Legal basis" section."""


FACT_ROWS: dict[str, FactRow] = {
    "appeal": FactRow(
        "Either side (the worker or the employer) may appeal an IMR determination",
        "Lab. Code 4610.6(h); 8 CCR 10575(a)",
    ),
    "deadline": FactRow("no later than 30 days after service", "8 CCR 10575(c)"),
    "mail-extension": FactRow("extended by **5 days** for a California address", "8 CCR 10605"),
    "petition": FactRow("The petition must state its grounds specifically", "8 CCR 10575(b), (d), (e)"),
    "five-grounds": FactRow("Only **five grounds** are allowed", "Lab. Code 4610.6(h)"),
    "new-review": FactRow("Winning an appeal gets a **new IMR**", "Lab. Code 4610.6(i)"),
    "new-request": FactRow("A UR denial stays in effect for **12 months**", "Lab. Code 4610(k)"),
    "free-help": FactRow("Free help: DWC Information & Assistance (I&A) officers", "Lab. Code 139.6"),
    "approved-care": FactRow("must **authorize it within 5 working days**", "8 CCR 9792.10.7; 8 CCR 9792.12"),
}
"""WORKER-FACTS.md rows by id (the file's own order)."""


@dataclass(frozen=True)
class Outcomes:
    """What the items of one letter add up to, for choosing the steps."""

    approved: bool
    """Some item is approved and is care still to be given."""
    approved_given: bool
    """Some item is approved and is care already given (to be paid for)."""
    refused: bool
    """Some item is not approved by this review, care the worker already has included (the
    request was still upheld: a new request with new facts, and the appeal, apply to it)."""


@dataclass(frozen=True)
class Step:
    """A fixed paragraph of the next steps and the WORKER-FACTS.md rows it states."""

    rows: tuple[str, ...]
    en: str
    es: str
    applies: Callable[[Outcomes], bool] = field(repr=False)
    """When the step is shown (left out of repr: the wording fingerprint hashes the repr)."""


def _always(_: Outcomes) -> bool:
    return True


def _refused(o: Outcomes) -> bool:
    return o.refused


def _approved(o: Outcomes) -> bool:
    return o.approved


def _approved_given(o: Outcomes) -> bool:
    return o.approved_given


def _only_approved(o: Outcomes) -> bool:
    return not o.refused and (o.approved or o.approved_given)


STEPS: tuple[Step, ...] = (
    Step(
        ("approved-care",),
        "Tell your doctor's office that the care was approved. The claims administrator must authorize the "
        "approved care in 5 working days after it gets this decision. It can wait longer only if it appeals, or "
        "if it says for another reason that it does not have to pay. If it is late, the law can make it pay a "
        "fine.",
        "Dígale al consultorio de su médico que la atención fue aprobada. El administrador de reclamos debe "
        "autorizar la atención en 5 días hábiles después de recibir esta decisión. Solo puede "
        "esperar más si apela, o si dice que por otra razón no tiene que pagar. Si se atrasa, la ley puede "
        "hacerle pagar una multa.",
        _approved,
    ),
    Step(
        ("approved-care",),
        "For approved care you already had, the claims administrator must pay for it in 20 days after it gets "
        "this decision, unless it appeals, or says for another reason that it does not have to pay.",
        "Si usted ya recibió la atención aprobada, el administrador de reclamos debe pagarla en 20 días después de "
        "recibir esta decisión. Solo puede esperar más si apela, o si dice que por otra razón no tiene que pagar.",
        _approved_given,
    ),
    Step(
        ("new-request",),
        "Your doctor can ask again for care that was not approved. For 12 months, the answer stays no if the "
        "same doctor, or a doctor in the same office, asks for the same care. That changes only if your doctor "
        "shows new facts, or facts that were missing. Take your IMR letter to your doctor.",
        "Su médico puede volver a pedir la atención que no fue aprobada. Durante 12 meses, la respuesta sigue "
        "siendo no si el mismo médico, o un médico del mismo consultorio, pide la misma atención. Eso cambia "
        "solo si su médico muestra datos nuevos o datos que faltaban. Lleve su carta de IMR a su médico.",
        _refused,
    ),
    Step(
        ("free-help",),
        "You can get free help. Ask the Information and Assistance officers of the Division of Workers' "
        "Compensation (DWC). It is the state office for workers hurt on the job. You can also talk to a lawyer for "
        "workers hurt on the job.",
        "Puede pedir ayuda gratis. Pregunte a los oficiales de Información y Asistencia de la División de "
        "Compensación de Trabajadores (DWC). Es la oficina del estado para los trabajadores lesionados. También "
        "puede hablar con un abogado para trabajadores lesionados.",
        _always,
    ),
    Step(
        ("five-grounds", "new-review"),
        "An appeal can win for only five reasons. One: the state office that runs these reviews did something the law "
        "does not let it do. Two: fraud (lying or cheating). Three: the reviewer had a reason of his or her own, like "
        "money, to favor one side. Four: bias, which means treating you unfairly because of who you are: your race, "
        "the color of your skin, your ethnic group (the people your family comes from), or the country you come from. "
        "Or your faith, your age, if you are a man or a woman, who you love, or a disability (a lasting sickness or "
        "hurt that makes some things hard to do). Five: a plain mistake about a fact that anyone could see without "
        "being a doctor. Not agreeing with the reviewer's medical view is not one of the reasons. The court starts "
        "from the view that the decision is right. If you win, you get a new review by a different reviewer, not a yes "
        "to the care.",
        "Solo se puede ganar una apelación por una de estas cinco razones. Una: la oficina del estado que maneja "
        "estas revisiones hizo algo que la ley no le permite. Dos: fraude (mentiras o trampas). Tres: el revisor "
        "tenía una razón propia, como dinero, para favorecer a una parte. Cuatro: a usted lo trataron injustamente "
        "por ser quien es: por su raza, el color de su piel, su grupo étnico, su país de origen, su religión, su "
        "edad, su sexo, su orientación sexual o una discapacidad. Cinco: un error claro sobre un hecho que "
        "cualquiera puede ver sin ser médico. No estar de acuerdo con la opinión médica del revisor no es una "
        "de esas razones. El tribunal da por hecho que la decisión es correcta. Si usted gana, otro revisor hace "
        "una nueva revisión; el tribunal no aprueba el tratamiento.",
        _refused,
    ),
    Step(
        ("appeal",),
        "Either side, you or your employer, can appeal this decision to the WCAB.",
        "Cualquiera de las dos partes, usted o su empleador, puede apelar esta decisión ante la WCAB.",
        _only_approved,
    ),
    Step(
        ("appeal", "petition"),
        "An appeal is a written paper called a verified petition: you sign it and swear that it is true. It must say "
        "exactly why you appeal. It must give your IMR case number and your ADJ case number (the number of your case "
        "at the WCAB). It must be sent to the other side and to the IMR Unit of the DWC.",
        "Una apelación es un escrito llamado petición verificada (verified petition): usted la firma y jura "
        "que es verdad. Debe decir exactamente por qué apela. Debe dar su número de caso IMR y su número de "
        "caso ADJ (el número de su caso en la WCAB). Debe enviarse a la otra parte y a la Unidad de IMR de la DWC.",
        _refused,
    ),
)
"""Every fixed next-step paragraph, in the order they are shown (the deadline paragraph
goes in after :data:`DEADLINE_AFTER`)."""

DEADLINE_ROWS = ("appeal", "deadline", "mail-extension")
"""The rows the deadline paragraph states (it is where a denial's summary first says "appeal")."""
DEADLINE_AFTER = "free-help"
"""The deadline comes right after the practical steps (ask again, free help) and before the
appeal's grounds and paperwork: the one fact that runs out gets read first."""

_DEADLINE_DATED = {
    "en": (
        "You can also appeal to the WCAB, but only until a last day. If this letter was sent to you on {mailed} "
        "by mail, e-mail or fax (a copy sent over a phone line), the WCAB must get your appeal by {california}. "
        "That is 30 days, and 5 more days for an address in California. For an address in another state, it is "
        "10 more days instead: {united_states}. For an address outside the United States, it is 20 more days: "
        "{outside}. What counts is the date on the letter's proof of service, the page that says when and how "
        "the letter was sent."
    ),
    "es": (
        "También puede apelar ante la WCAB, pero solo hasta una fecha límite. Si esta carta se le envió por "
        "correo, correo electrónico o fax el {mailed}, la WCAB debe recibir su apelación a más tardar el "
        "{california}. Son 30 días, más 5 días por una dirección en California. Si la dirección está en otro "
        "estado, se suman 10 días en vez de 5 días: el {united_states}. Si está fuera de los Estados Unidos, se "
        "suman 20 días: el {outside}. Lo que cuenta es la fecha de la prueba de envío de la carta (proof of "
        "service, la página que dice cuándo y cómo se envió)."
    ),
}
_DEADLINE_UNDATED = {
    "en": (
        "You can also appeal to the WCAB, but only until a last day. The WCAB must get your appeal in 30 days after "
        "this letter was sent to you, and 5 more days if it was sent by mail, e-mail or fax (a copy sent over a phone "
        "line) to an address in California. For an address in another state, it is 10 more days instead. For an "
        "address outside the United States, it is 20 more days. What counts is the date on the letter's proof of "
        "service, the page that says when and how the letter was sent."
    ),
    "es": (
        "También puede apelar ante la WCAB, pero solo hasta una fecha límite. La WCAB debe recibir su apelación "
        "dentro de 30 días después de que se le envió esta carta, más 5 días si se envió por correo, correo "
        "electrónico o fax a una dirección en California. Si la dirección está en otro estado, se suman 10 días "
        "en vez de 5 días. Si está fuera de los Estados Unidos, se suman 20 días. Lo que cuenta es la fecha de "
        "la prueba de envío de la carta (proof of service, la página que dice cuándo y cómo se envió)."
    ),
}

LEGAL_BASIS_HEADING = {"en": "Legal basis", "es": "Base legal"}


def deadline(decision_date: dt.date | None, span: Span | None) -> AppealDeadline | None:
    """The appeal deadline counted from the decision date, or None without one."""
    if decision_date is None:
        return None
    last = appeal_deadlines(decision_date)
    return AppealDeadline(
        mailed_on=decision_date,
        mailed_on_span=span,
        california=last["california"],
        united_states=last["united_states"],
        outside_united_states=last["outside_united_states"],
    )


_Step = tuple[str, list[str], list[dt.date]]
"""A step before it is said: its fixed text, its WORKER-FACTS rows, the dates it gives."""


def _as_is(text: str) -> str:
    return text


def steps(
    outcomes: Outcomes,
    lang: str,
    when: AppealDeadline | None,
    format_date: Callable[[dt.date], str],
    say: Callable[[str], str] = _as_is,
) -> list[NextStep]:
    """The next steps for these outcomes: approved care, the new request, free help, the appeal.

    ``say`` turns each fixed paragraph into the summary's words (the summary passes its
    writer, which explains terms where first used), so each step is built once.
    """
    chosen: list[_Step] = [(getattr(s, lang), list(s.rows), []) for s in STEPS if s.applies(outcomes)]
    if outcomes.refused:
        timing: _Step
        if when is None:
            timing = (_DEADLINE_UNDATED[lang], list(DEADLINE_ROWS), [])
        else:
            text = _DEADLINE_DATED[lang].format(
                mailed=format_date(when.mailed_on),
                california=format_date(when.california),
                united_states=format_date(when.united_states),
                outside=format_date(when.outside_united_states),
            )
            dates = [when.mailed_on, when.california, when.united_states, when.outside_united_states]
            timing = (text, list(DEADLINE_ROWS), dates)
        after = next((i + 1 for i, (_, rows, _) in enumerate(chosen) if DEADLINE_AFTER in rows), len(chosen))
        chosen.insert(after, timing)
    # Said in reading order: a term is explained at the first step that uses it.
    return [NextStep(text=say(text), facts=rows, dates=dates) for text, rows, dates in chosen]


def legal_basis(chosen: Sequence[NextStep]) -> list[str]:
    """The citations of the rows the steps state, each once, in WORKER-FACTS.md order."""
    return list(_citations(frozenset(row for step in chosen for row in step.facts)))


@functools.lru_cache(maxsize=64)
def _citations(used: frozenset[str]) -> tuple[str, ...]:
    """:func:`legal_basis` of the rows ``used`` (memoised: summaries state one of a few sets of rows)."""
    cited: list[str] = []
    for rid, row in FACT_ROWS.items():
        if rid in used:
            cited.extend(c for c in row.citation.split("; ") if c not in cited)
    return tuple(cited)

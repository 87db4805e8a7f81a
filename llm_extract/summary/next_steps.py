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
    "approved-care": FactRow("must **authorize it within 5 working days**", "8 CCR 9792.10.7"),
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
    """Some item is not approved (and was not approved before this review)."""


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
        "The claims administrator must authorize the approved care in 5 working days after it gets this "
        "decision. It can wait longer only if it appeals, or if it says for another reason that it does not "
        "have to pay.",
        "El administrador de reclamos debe autorizar la atención aprobada dentro de 5 días hábiles después de "
        "recibir esta decisión. Solo puede esperar más si apela, o si dice que por otra razón no tiene que pagar.",
        _approved,
    ),
    Step(
        ("approved-care",),
        "For approved care you already had, the claims administrator must pay in 20 days after it gets this decision.",
        "Por la atención aprobada que usted ya recibió, el administrador de reclamos debe pagar dentro de "
        "20 días después de recibir esta decisión.",
        _approved_given,
    ),
    Step(
        ("new-request",),
        "Your doctor can ask again for care that was not approved. Asking again works only if your doctor "
        "shows new facts, or facts that were missing. Without new facts, the same doctor asking for the same "
        "care is turned down for 12 months. Show your doctor this letter.",
        "Su médico puede volver a pedir la atención que no fue aprobada. Volver a pedirla solo sirve si su "
        "médico muestra datos nuevos o datos que faltaban. Sin datos nuevos, si el mismo médico pide la misma "
        "atención, se la negarán por 12 meses. Muéstrele esta carta a su médico.",
        _refused,
    ),
    Step(
        ("free-help",),
        "You can get free help. The Division of Workers' Compensation (DWC) is the state office for workers "
        "hurt on the job. Its Information and Assistance officers answer questions from hurt workers at no "
        "cost. You "
        "can also talk to a lawyer who works on cases of workers hurt on the job.",
        "Usted puede recibir ayuda gratis. En la División de Compensación de Trabajadores del estado (DWC), "
        "los oficiales de Información y Asistencia contestan sin costo las preguntas de los trabajadores "
        "lesionados. También puede hablar con un abogado de compensación de trabajadores.",
        _always,
    ),
    Step(
        ("appeal", "five-grounds", "new-review"),
        "You can also appeal to the WCAB. But an appeal can win for only five reasons. One: the state "
        "office that runs these reviews did something the law does not let it do. Two: fraud. Three: the "
        "reviewer had a reason of his or her own, like money, to favor one side. Four: bias, such as "
        "because of your race, where you come from, your faith, your age, if you are a man or a "
        "woman, or a disability. Five: a plain mistake about a fact that anyone could see "
        "without being a doctor. Not agreeing with the reviewer's medical view is not one of the reasons. "
        "The court starts from the view that the decision is right. If you win, you get a new review by a "
        "different reviewer, not a yes to the care.",
        "También puede apelar ante la WCAB. Pero una apelación solo puede ganar por cinco razones. Uno: la "
        "oficina del estado que maneja estas revisiones hizo algo que la ley no le permite. Dos: fraude "
        "(mentiras o trampas). Tres: el revisor tenía una razón propia, como dinero, para favorecer a una "
        "parte. Cuatro: un trato injusto contra usted por quién es usted, por ejemplo por su raza, su origen, "
        "su religión, su edad, su sexo o una discapacidad. Cinco: un error claro sobre un hecho que "
        "cualquiera puede ver sin ser médico. No estar de acuerdo con la opinión médica del revisor no es una "
        "de esas razones. El tribunal parte de que la decisión es correcta. Si gana, le dan una nueva "
        "revisión con otro revisor, no un sí a la atención.",
        _refused,
    ),
    Step(
        ("appeal",),
        "Either side can appeal this decision to the WCAB.",
        "Cualquiera de las dos partes puede apelar esta decisión ante la WCAB.",
        _only_approved,
    ),
    Step(
        ("appeal", "petition"),
        "An appeal is a written paper called a verified petition: you sign it and swear that it is true. It "
        "must say exactly why you appeal. It must give your ADJ case number and your IMR case number. It must "
        "be sent to the other side and to the IMR Unit of the DWC.",
        "Una apelación es un escrito llamado petición verificada (verified petition): usted la firma y jura "
        "que es verdad. Debe decir exactamente por qué apela. Debe dar su número de caso ADJ y su número de "
        "caso IMR. Debe enviarse a la otra parte y a la Unidad de IMR de la DWC.",
        _refused,
    ),
)
"""Every fixed next-step paragraph, in the order they are shown."""

DEADLINE_ROWS = ("deadline", "mail-extension")
"""The rows the deadline paragraph states."""

_DEADLINE_DATED = {
    "en": (
        "There is a last day to appeal. If this letter was mailed to you on {mailed}, the WCAB must get your appeal "
        "by {california}. That is 30 days, and 5 days more for mail to an address in California. If the "
        "letter went to an address in another state, add 10 days, not 5 days: {united_states}. If it went to an "
        "address outside the United States, add 20 days: {outside}. The date on the letter's proof of "
        "service decides."
    ),
    "es": (
        "Hay una fecha límite. Si esta carta se le envió por correo el {mailed}, la WCAB debe recibir su "
        "apelación a más tardar el {california}. Son 30 días, más 5 días por el correo a una dirección en "
        "California. Si la dirección está en otro estado, se suman 10 días en vez de 5 días: el {united_states}. "
        "Si está fuera de los Estados Unidos, se suman 20 días: el {outside}. Lo que cuenta es la fecha de "
        "la prueba de envío de la carta (proof of service, la página que dice cuándo y cómo se envió)."
    ),
}
_DEADLINE_UNDATED = {
    "en": (
        "There is a last day to appeal. The WCAB must get your appeal in 30 days after this letter was sent to you, "
        "and 5 days more if it was mailed to an address in California. If it went to an address in another "
        "state, add 10 days, not 5 days. If it went to an address outside the United States, add 20 days. The "
        "date on the letter's proof of service decides."
    ),
    "es": (
        "Hay una fecha límite. La WCAB debe recibir su apelación dentro de 30 días después de que se le "
        "envió esta carta, más 5 días si se envió por correo a una dirección en California. Si la dirección "
        "está en otro estado, se suman 10 días en vez de 5 días. Si está fuera de los Estados Unidos, se suman "
        "20 días. Lo que cuenta es la fecha de la prueba de envío de la carta (proof of service, la página "
        "que dice cuándo y cómo se envió)."
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
    chosen = [NextStep(text=say(getattr(s, lang)), facts=list(s.rows)) for s in STEPS if s.applies(outcomes)]
    if not outcomes.refused:
        return chosen
    if when is None:
        timing = NextStep(text=say(_DEADLINE_UNDATED[lang]), facts=list(DEADLINE_ROWS))
    else:
        dates = [when.mailed_on, when.california, when.united_states, when.outside_united_states]
        text = _DEADLINE_DATED[lang].format(
            mailed=format_date(when.mailed_on),
            california=format_date(when.california),
            united_states=format_date(when.united_states),
            outside=format_date(when.outside_united_states),
        )
        timing = NextStep(text=say(text), facts=list(DEADLINE_ROWS), dates=dates)
    return [*chosen, timing]


def legal_basis(chosen: Sequence[NextStep]) -> list[str]:
    """The citations of the rows the steps state, each once, in WORKER-FACTS.md order."""
    used = {row for step in chosen for row in step.facts}
    cited: list[str] = []
    for rid, row in FACT_ROWS.items():
        if rid in used:
            cited.extend(c for c in row.citation.split("; ") if c not in cited)
    return cited

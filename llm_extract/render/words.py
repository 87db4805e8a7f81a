"""The document's own fixed words (titles, labels, group leads), in English and Spanish.

The summary's sentences (headline, status, reasons, next steps) come from the summary
package; only the document's frame is worded here. Same rules as the templates: short
words, "usted" in Spanish, dates spelled out so ``12/09/2016`` is not read as 12 September.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from llm_extract.contract.languages import LangCode
from llm_extract.text.dates import MONTHS

Lang = LangCode


@dataclass(frozen=True)
class Words:
    """Every fixed phrase of one language."""

    lang: Lang
    title: str
    case_number: str
    decision_date: str
    decided: str
    columns: tuple[str, str, str]
    """Column headings of the decision table: what was asked, the decision, the main reason."""
    approved: str
    not_approved: str
    had_approval: str
    """Decision of an item the worker already had approval for (the review changed nothing)."""
    had_it: str
    """Decision of an item the worker already has, with no approval said."""
    already_approved: str
    """Takes ``{portion}``: what the claims administrator approved before the review."""
    decided_part: str
    decided_whole: str
    """For a partly authorized request whose whole original request IMR decided."""
    """Takes ``{service}``: the part of a partly approved request this review looked at; the
    decision (``Not approved.``) follows it, so it cannot read as a "no" to the part approved before."""
    group_with: str
    """Takes ``{count}`` and ``{main}``: items that go with a main treatment that was not approved."""
    group_same: str
    """Takes ``{count}``: items with the same decision and the same reasons."""
    steps: str
    legal: str
    made_by: str
    date_format: str
    """Takes ``{day}``, ``{month}``, ``{year}``."""
    terminal_columns: tuple[str, str, str, str]


WORDS: dict[str, Words] = {
    "en": Words(
        lang="en",
        title="Your Independent Medical Review (IMR) decision, in plain words",
        case_number="Case number:",
        decision_date="Decision date:",
        decided="What was decided",
        columns=("What was asked for", "Decision", "Main reason"),
        approved="Approved.",
        not_approved="Not approved.",
        had_approval="Not approved this time: you already have it, or approval for it.",
        had_it="Not approved this time: you already have it.",
        already_approved="Already approved before this review: {portion}. This review did not change that part.",
        decided_part="This review looked at the rest ({service}):",
        decided_whole="This review looked at all the care your doctor asked for ({service}):",
        group_with="These {count} treatments go with {main}:",
        group_same="These {count} treatments have the same decision and the same reason:",
        steps="What you can do",
        legal="Legal basis",
        made_by=(
            "A computer program made this summary from your IMR letter. "
            "The letter is the official decision. Keep it, and read it if anything here is unclear."
        ),
        date_format="{month} {day}, {year}",
        terminal_columns=("#", "Treatment", "Decision", "Main reason"),
    ),
    "es": Words(
        lang="es",
        title="La decisión de su Revisión Médica Independiente (IMR), en palabras sencillas",
        case_number="Número de caso:",
        decision_date="Fecha de la decisión:",
        decided="Lo que se decidió",
        columns=("Lo que se pidió", "Decisión", "Razón principal"),
        approved="Aprobado.",
        not_approved="No aprobado.",
        had_approval="No aprobado esta vez: usted ya lo tiene, o ya tiene la aprobación.",
        had_it="No aprobado esta vez: usted ya lo tiene.",
        already_approved="Ya aprobado antes de esta revisión: {portion}. Esta revisión no cambió esa parte.",
        decided_part="El revisor decidió sobre el resto, {service}:",
        decided_whole="El revisor decidió sobre toda la atención que pidió su médico, {service}:",
        group_with="Estos {count} tratamientos van con {main}:",
        group_same="Estos {count} tratamientos tienen la misma decisión y la misma razón:",
        steps="Lo que usted puede hacer",
        legal="Base legal",
        made_by=(
            "Un programa de computadora hizo este resumen a partir de su carta de IMR. "
            "La carta es la decisión oficial. Guárdela y léala si algo aquí no le queda claro."
        ),
        date_format="{day} de {month} de {year}",
        terminal_columns=("#", "Tratamiento", "Decisión", "Razón principal"),
    ),
}


def words_for(lang: str) -> Words:
    try:
        return WORDS[lang]
    except KeyError:
        raise ValueError(f"unsupported document language: {lang!r}") from None


def spell_date(day: dt.date, words: Words) -> str:
    """``February 27, 2017`` / ``27 de febrero de 2017``."""
    month = MONTHS[words.lang][day.month - 1]
    if words.lang == "en":
        month = month.capitalize()
    return words.date_format.format(day=day.day, month=month, year=day.year)


def clause(template: str, value: str) -> str:
    """Fill a template whose value ends a sentence, without doubling a final period."""
    value = value.strip().removesuffix(".")
    return template.format(portion=value, service=value, main=value)

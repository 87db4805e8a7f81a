"""Next steps: every procedural sentence traces to a row of WORKER-FACTS.md; deadlines as dates."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from llm_extract.contract.models import Case, CaseSpans, Decision, DecisionSpans, Outcome, Span
from llm_extract.summary import next_steps
from llm_extract.summary import templates as t
from llm_extract.summary.templates import build_summary
from llm_extract.text.dates import appeal_deadlines
from llm_extract.text.facts import PROCEDURAL_PHRASES, LetterFacts

WORKER_FACTS = Path(__file__).resolve().parents[2] / "shared" / "WORKER-FACTS.md"

#: Words that make a sentence procedural: it says what the worker, the claims
#: administrator or the WCAB can or must do, by when.
PROCEDURAL = re.compile(
    r"appeal|apela|WCAB|petition|petici|days|d[ií]as|months|meses|lawyer|abogado|free help|ayuda gratis"
    r"|authorize|autoriz|must pay|debe pagar|ask again|volver a pedir|\bCCR\b|Lab\. Code",
    re.I,
)


def _decision(index: int, outcome: Outcome, service: str = "Knee brace") -> Decision:
    spans = DecisionSpans(heading=Span(start=0, end=1), service=Span(start=0, end=1), outcome=Span(start=0, end=1))
    return Decision(index=index, service=service, outcome=outcome, spans=spans)


def _rows() -> list[str]:
    """The fact and source cells of WORKER-FACTS.md's table, one string per row."""
    lines = WORKER_FACTS.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.startswith("| ") and not line.startswith("| fact") and "---" not in line]


@pytest.mark.skipif(not WORKER_FACTS.is_file(), reason="../shared/WORKER-FACTS.md is not beside the repository")
def test_every_row_id_names_one_row_of_worker_facts_and_its_source() -> None:
    rows = _rows()
    for rid, row in next_steps.FACT_ROWS.items():
        matches = [r for r in rows if row.words in r]
        assert len(matches) == 1, rid
        _fact, source = matches[0].strip("| ").rsplit(" | ", 1)
        for citation in row.citation.split("; "):
            law = re.match(r"(Lab\. Code [\d.]+|8 CCR [\d.]+)", citation)
            assert law is not None and law.group(1) in source, (rid, citation)


def test_every_step_names_known_rows() -> None:
    for step in next_steps.STEPS:
        assert step.rows and set(step.rows) <= set(next_steps.FACT_ROWS), step.en
    assert set(next_steps.DEADLINE_ROWS) <= set(next_steps.FACT_ROWS)


def _fixed_item_wording(words: object) -> list[str]:
    values = [v for v in vars(words).values() if isinstance(v, str)]
    for v in vars(words).values():
        if isinstance(v, dict):
            values += [x for x in v.values() if isinstance(x, str)]
    return values


def test_no_item_or_opening_sentence_states_a_procedure() -> None:
    """Only next-step paragraphs (each traced to rows) may state procedure; the item
    lines may say approved care must be authorized or paid for (row approved-care)."""
    approved_lines = {t._EN.approved, t._EN.approved_paid, t._EN.rest_approved, t._EN.rest_approved_paid}
    approved_lines |= {t._ES.approved, t._ES.approved_paid, t._ES.rest_approved, t._ES.rest_approved_paid}
    for words in (t._EN, t._ES):
        for sentence in _fixed_item_wording(words):
            if sentence in approved_lines:
                continue
            assert not PROCEDURAL.search(sentence), sentence


def test_every_procedural_sentence_of_a_summary_comes_from_a_traced_step() -> None:
    mixed = [_decision(1, Outcome.upheld), _decision(2, Outcome.overturned), _decision(3, Outcome.overturned, "DOS x")]
    case = Case(decision_date=dt.date(2016, 12, 9))
    for lang in ("en", "es"):
        summary = build_summary(case, mixed, lang)  # type: ignore[arg-type]
        assert [s.text for s in summary.steps] == summary.next_steps
        assert all(s.facts for s in summary.steps)
        body = summary.text.split("\n\n")
        steps_block = body[-2]
        for paragraph in body[:-2]:
            for sentence in re.split(r"(?<=[.!?])\s+", paragraph):
                if PROCEDURAL.search(sentence):
                    assert (
                        any(
                            sentence in s
                            for s in (t._EN.approved_paid, t._EN.approved, t._ES.approved, t._ES.approved_paid)
                        )
                        or "To authorize" in sentence
                        or ("Autorizar quiere" in sentence)
                        or "administrador de reclamos es" in sentence
                    ), sentence
        for step in summary.steps:
            assert step.text in steps_block


def test_steps_by_outcome() -> None:
    refused = build_summary(Case(), [_decision(1, Outcome.upheld)], "en")
    # Practical steps first, then the appeal with its last day, its grounds, its paperwork (A7).
    assert [s.facts for s in refused.steps] == [
        ["new-request"],
        ["free-help"],
        ["appeal", "deadline", "mail-extension"],
        ["five-grounds", "new-review"],
        ["appeal", "petition"],
    ]
    approved = build_summary(Case(), [_decision(1, Outcome.overturned)], "en")
    assert [s.facts for s in approved.steps] == [["approved-care"], ["free-help"], ["appeal"]]
    assert "5 working days" in approved.next_steps[0]
    # Something to do for a worker who won, from the approved-care row (A12).
    assert approved.next_steps[0].startswith("Tell your doctor's office that the care was approved.")
    assert "pay a fine" in approved.next_steps[0] and "8 CCR 9792.12" in approved.legal_basis
    assert "Either side, you or your employer, can appeal" in approved.next_steps[-1]
    given = build_summary(Case(), [_decision(1, Outcome.overturned, "Retrospective CT scan (DOS 11/18/16)")], "en")
    assert "must pay for it in 20 days" in given.next_steps[0]
    assert not any("5 working days" in s for s in given.next_steps)


def test_deadline_is_30_days_plus_the_mail_extension_from_the_decision_date() -> None:
    assert appeal_deadlines(dt.date(2016, 12, 9)) == {
        "california": dt.date(2017, 1, 13),
        "united_states": dt.date(2017, 1, 18),
        "outside_united_states": dt.date(2017, 1, 28),
    }
    case = Case(decision_date=dt.date(2016, 12, 9), spans=CaseSpans(decision_date=Span(start=15, end=25)))
    summary = build_summary(case, [_decision(1, Outcome.upheld)], "en")
    assert summary.appeal_deadline is not None and summary.appeal_deadline.mailed_on_span == Span(start=15, end=25)
    assert (
        "If this letter was sent to you on December 9, 2016 by mail, e-mail or fax (a copy sent over a phone line), "
        "the WCAB must get your appeal by January 13, 2017." in summary.text
    )
    assert "it is 10 more days instead: January 18, 2017" in summary.text
    assert "it is 20 more days: January 28, 2017" in summary.text
    assert "What counts is the date on the letter's proof of service" in summary.text
    spanish = build_summary(case, [_decision(1, Outcome.upheld)], "es")
    assert "la WCAB debe recibir su apelación a más tardar el 13 de enero de 2017" in spanish.text


def test_derived_deadlines_pass_the_fact_check_only_from_a_date_in_the_letter() -> None:
    letter = "Case Number: CM16-0000001\nDecision Date: 12/09/2016\nMRI x 2."
    case = Case(decision_date=dt.date(2016, 12, 9))
    summary = build_summary(case, [_decision(1, Outcome.upheld, "MRI x 2")], "en", letter=letter)
    assert LetterFacts(letter, dt.date(2016, 12, 9)).unsupported(summary.text) == []
    assert "2017-01-13" in LetterFacts(letter).unsupported(summary.text)
    assert "2017-01-13" in LetterFacts(letter, dt.date(2016, 12, 10)).unsupported(summary.text)
    assert LetterFacts(letter, dt.date(2016, 12, 9)).unsupported("Appeal by January 14, 2017.") == ["2017-01-14"]


def test_every_number_in_the_steps_is_a_listed_procedural_phrase() -> None:
    phrases = re.compile("|".join(PROCEDURAL_PHRASES), re.I)
    texts = [s.en for s in next_steps.STEPS] + [s.es for s in next_steps.STEPS]
    texts += [*next_steps._DEADLINE_UNDATED.values()]
    texts += [c for row in next_steps.FACT_ROWS.values() for c in row.citation.split("; ")]
    for text in texts:
        assert not re.search(r"\d", phrases.sub(" ", text)), text
    assert LetterFacts("").unsupported("You get 30 visits and 12 pills.") == ["30", "12"]


def test_legal_basis_lists_each_citation_once_at_the_end() -> None:
    summary = build_summary(Case(), [_decision(1, Outcome.upheld)], "en")
    assert summary.text.rstrip().endswith(f"Legal basis: {'; '.join(summary.legal_basis)}.")
    assert len(summary.legal_basis) == len(set(summary.legal_basis))
    assert "8 CCR 10605" in summary.legal_basis and "8 CCR 10575(c)" in summary.legal_basis
    main_text = summary.text.split("Legal basis:")[0]
    assert "CCR" not in main_text and "Lab. Code" not in main_text


#: Each WORKER-FACTS detail the plain wording must keep, per language (row, then the words).
_KEPT = {
    "en": {
        "five-grounds": (
            "your race",
            "the color of your skin",
            "your ethnic group",
            "the country you come from",
            "your faith",
            "your age",
            "if you are a man or a woman",
            "who you love",
            "disability",
        ),
        "new-request": ("12 months", "a doctor in the same office", "new facts, or facts that were missing"),
        "mail-extension": ("mail, e-mail or fax",),
    },
    "es": {
        "five-grounds": (
            "su raza",
            "el color de su piel",
            "su grupo étnico",
            "su país de origen",
            "su religión",
            "su edad",
            "su sexo",
            "su orientación sexual",
            "discapacidad",
        ),
        "new-request": ("12 meses", "un médico del mismo consultorio", "datos nuevos o datos que faltaban"),
        "mail-extension": ("correo, correo electrónico o fax",),
    },
}


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("dated", [True, False])
def test_the_plain_wording_keeps_each_detail_of_its_row(lang: str, dated: bool) -> None:
    """All nine grounds of bias (not "such as"); the 12-month rule covers the doctor's
    practice group and says what lifts it; the 5/10/20-day extension is for mail, e-mail
    or fax service, not mail alone (WORKER-FACTS rows five-grounds, new-request, mail-extension)."""
    case = Case(decision_date=dt.date(2016, 12, 9)) if dated else Case()
    summary = build_summary(case, [_decision(1, Outcome.upheld)], lang)  # type: ignore[arg-type]
    for row, phrases in _KEPT[lang].items():
        step = next(s for s in summary.steps if row in s.facts)
        for phrase in phrases:
            assert phrase in step.text, (row, phrase)
    assert "such as" not in summary.text and "turned down" not in summary.text


def test_the_last_day_to_appeal_comes_before_the_grounds_and_the_paperwork() -> None:
    """The appeal's deadline is the one fact that runs out: it is said where the summary
    first speaks of an appeal, before the five grounds and the petition (A7)."""
    case = Case(decision_date=dt.date(2016, 12, 9))
    for lang, words in (("en", "January 13, 2017"), ("es", "13 de enero de 2017")):
        summary = build_summary(case, [_decision(1, Outcome.upheld)], lang)  # type: ignore[arg-type]
        first_appeal = next(i for i, s in enumerate(summary.next_steps) if re.search(r"appeal|apela", s))
        assert words in summary.next_steps[first_appeal]
        assert "deadline" in summary.steps[first_appeal].facts

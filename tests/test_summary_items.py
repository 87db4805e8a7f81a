"""Item lines that cannot mislead, specific reasons with spans, plain words, Spanish names.

Letters are synthetic (tests/letterkit.py); each test names the feature it shows.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from llm_extract.backends.rules import with_reasons
from llm_extract.contract.models import (
    Case,
    Decision,
    DecisionSpans,
    Outcome,
    Reason,
    ReasonCode,
    Span,
    SummaryItemKind,
)
from llm_extract.parse.parser import parse
from llm_extract.summary import glossary
from llm_extract.summary.templates import build_summary
from llm_extract.text.facts import LetterFacts
from tests.letterkit import Item, Letter

PARTIAL = (
    "Physical therapy 12 visits was the original request. Physical therapy 6 visits was authorized by the "
    "Claims Administrator. The remaining IMR eligible portion of the original request, Physical therapy "
    "6 more visits is: Upheld"
)


def summarise(letter: Letter, lang: str = "en"):  # type: ignore[no-untyped-def]
    text = letter.clean()
    parsed = parse(text)
    decisions = with_reasons(text, parsed.decisions)
    return text, decisions, build_summary(parsed.case, decisions, lang, letter=text)  # type: ignore[arg-type]


def _decision(service: str, outcome: Outcome, reasons: list[Reason] | None = None, **extra: object) -> Decision:
    spans = DecisionSpans(heading=Span(start=0, end=1), service=Span(start=0, end=1), outcome=Span(start=0, end=1))
    return Decision.model_validate(
        {"index": 1, "service": service, "outcome": outcome, "reasons": reasons or [], "spans": spans, **extra}
    )


# ------------------------------------------------------------------ already approved


def test_already_authorized_item_is_not_reported_refused_and_is_counted_apart() -> None:
    duplicate = _decision(
        "Neurosurgeon visit", Outcome.upheld, [Reason(code=ReasonCode.already_authorized, span=Span(start=0, end=5))]
    )
    refused = _decision("Wound nurse", Outcome.upheld).model_copy(update={"index": 2})
    for lang, words in (("en", "You already have approval for this"), ("es", "Usted ya tiene aprobación")):
        summary = build_summary(Case(), [duplicate, refused], lang)  # type: ignore[arg-type]
        first = summary.items[0]
        assert first.kind is SummaryItemKind.already_approved and not first.approved
        assert first.status.startswith(words) and "not approved" not in first.status
        assert first.reasons == []
    only = build_summary(Case(), [duplicate], "en")
    assert only.headline.startswith("You already have approval for the care in this review.")
    assert "None of" not in only.headline and "not approved" not in only.headline
    both = build_summary(Case(), [duplicate, refused], "en")
    assert both.headline == (
        "The care in your review is not approved. For some of the care, you already have approval. "
        "This review did not change that."
    )


def test_rationale_saying_already_authorized_counts_without_the_code() -> None:
    said = Item(
        "Wound care nurse visits: Upheld",
        rationale="This request was already authorized on a prior review. It is not medically necessary.",
    )
    negated = Item(
        "Home health aide: Upheld",
        rationale="The request has not already been authorized. It is not medically necessary.",
    )
    _, _, summary = summarise(Letter([said, negated]))
    assert [i.kind for i in summary.items] == [SummaryItemKind.already_approved, SummaryItemKind.not_approved]


# ------------------------------------------------------------------ partial items


def test_partial_item_shows_three_amounts_from_the_letter_with_spans() -> None:
    text, decisions, summary = summarise(Letter([Item(PARTIAL)]))
    item = summary.items[0]
    assert decisions[0].partial
    quotes = [item.asked, item.already_approved, item.decided]
    assert [q.text if q else None for q in quotes] == [
        "Physical therapy 12 visits",
        "Physical therapy 6 visits",
        "Physical therapy 6 more visits",
    ]
    for q in quotes:
        assert q is not None and q.span is not None and text[q.span.start : q.span.end] == q.text
    assert "Your doctor asked for: Physical therapy 12 visits." in summary.text
    assert "Already approved before this review: Physical therapy 6 visits." in summary.text
    assert "This review decided only on the rest: Physical therapy 6 more visits." in summary.text
    assert item.status == "The rest is not approved."


def test_partial_heading_colon_form_shows_three_amounts() -> None:
    heading = (
        "Baclofen 10mg #90 was the original request. Baclofen 10mg #87 was authorized by the Claims "
        "Administrator. The remaining IMR eligible portion of the original request, Baclofen 100mg #3: Upheld"
    )
    _, decisions, summary = summarise(Letter([Item(heading)]))
    assert decisions[0].partial and decisions[0].service == "Baclofen 100mg #3"
    item = summary.items[0]
    assert item.asked and item.already_approved and item.decided
    assert len({item.asked.text, item.already_approved.text, item.decided.text}) == 3


# ------------------------------------------------------------------ care already given


def test_approved_care_already_given_must_be_paid_for() -> None:
    for service in (
        "Retrospective CT scan of the neck",
        "Cyclobenzaprine #30 DOS: 11/14/16",
        "E-stim, date of service",
    ):
        summary = build_summary(Case(), [_decision(service, Outcome.overturned)], "en")
        item = summary.items[0]
        assert item.retrospective and "must now pay for it" in item.status and "authorize" not in item.status
        assert any("must pay in 20 days" in s for s in summary.next_steps)
    spanish = build_summary(Case(), [_decision("Retrospective CT scan", Outcome.overturned)], "es")
    assert "debe pagarlo" in spanish.items[0].status


# ------------------------------------------------------------------ specific reasons


def test_guideline_limit_and_amount_asked_are_quoted_with_spans() -> None:
    item = Item(
        "Massage therapy x 12: Upheld",
        rationale="The request exceeds the guidelines recommendation of 4-6 visits over 8 weeks. "
        "It is not medically necessary.",
    )
    text, _, summary = summarise(Letter([item]))
    line = summary.items[0]
    assert "The medical guidelines allow 4-6 visits." in line.reasons[0]
    assert "Your doctor asked for 12 visits." in line.reasons
    assert [text[q.span.start : q.span.end] for q in line.details if q.span] == ["4-6 visits", "12"]
    spanish = summarise(Letter([item]), "es")[2]
    assert "Las guías médicas permiten 4-6 visitas (en la carta: 4-6 visits)." in spanish.items[0].reasons[0]


def test_limit_not_above_the_request_is_not_set_against_it() -> None:
    item = Item(
        "Massage therapy, 6 visits: Upheld",
        rationale="The request is in excess of the guidelines recommendation of 4-6 visits over 8 weeks.",
    )
    line = summarise(Letter([item]))[2].items[0]
    assert any("allow 4-6 visits" in r for r in line.reasons)
    assert not any("asked for 6" in r for r in line.reasons)


def test_missing_fact_is_named() -> None:
    item = Item(
        "Physical therapy x 8: Upheld",
        rationale="There is no documentation of objective functional improvement with prior therapy. "
        "There is lack of documentation of the number of prior physical therapy sessions.",
    )
    line = summarise(Letter([item]))[2].items[0]
    assert "Your doctor's notes did not say how the past care helped you." in line.reasons
    assert "Your doctor's notes did not say how many visits you already had." in line.reasons


def test_every_number_and_date_passes_the_verifier_fact_check() -> None:
    item = Item(
        "Acupuncture x 12: Upheld",
        rationale="Guidelines allow an initial trial of 3-4 visits. There is no documentation of pain relief.",
    )
    text, _, summary = summarise(Letter([item, Item(PARTIAL)]))
    decision_date = parse(text).case.decision_date
    for lang in ("en", "es"):
        summary = summarise(Letter([item, Item(PARTIAL)]), lang)[2]
        assert LetterFacts(text, decision_date).unsupported(summary.text) == [], lang


# ------------------------------------------------------------------ plain words


def test_terms_of_art_are_explained_where_first_used() -> None:
    decisions = [
        _decision(
            "EMG/NCV of the arms", Outcome.upheld, [Reason(code=ReasonCode.not_recommended, span=Span(start=0, end=1))]
        ),
        _decision("FCE", Outcome.overturned).model_copy(update={"index": 2}),
    ]
    for lang in ("en", "es"):
        summary = build_summary(Case(decision_date=dt.date(2016, 12, 9)), decisions, lang)  # type: ignore[arg-type]
        used = {e.term for e in summary.glossary}
        assert {"claims administrator" if lang == "en" else "administrador de reclamos", "WCAB"} <= used
        for entry in summary.glossary:
            first = re.search(rf"(?<!\w){re.escape(entry.term)}(?!\w)", summary.text, re.I)
            assert first is not None
            explained = summary.text.casefold().find(entry.meaning.casefold())
            assert explained >= 0, entry.term
            # the explanation is in the same block as the first use
            assert "\n\n" not in summary.text[min(first.start(), explained) : max(first.start(), explained)], entry
    english = build_summary(Case(), decisions, "en")
    assert "EMG is a test of your nerves." in english.text
    assert "NCV or NCS is a test of how fast your nerves work." in english.text
    assert "functional capacity evaluation (FCE)" in english.text
    assert english.readability.hard_words == []


def test_term_letters_match_only_their_lower_case_in_latin_1() -> None:
    """The glossary screens a Latin-1 line for terms by lower-casing it; that is sound only if
    no Latin-1 character matches a term letter case-insensitively without lower-casing to it."""
    letters = {c for terms in glossary.TERMS.values() for t in terms for c in t.term}
    for letter in letters:
        pattern = re.compile(re.escape(letter), re.I)
        for code in range(256):
            char = chr(code)
            assert bool(pattern.fullmatch(char)) == (char.lower() == letter.lower()), (letter, char)
    # outside Latin-1 the regex is looser than lower(): such lines are searched in full
    assert re.fullmatch("s", "\u017f", re.I) and "\u017f".lower() != "s"
    assert [e.term for e in glossary.glossary_of("\u0130MR Independent Medical Review", "en")] == ["IMR"]


def test_hard_words_are_reported() -> None:
    from llm_extract.summary.templates import _hard_words

    assert _hard_words("The rationale is inadequate.", []) == ["rationale", "inadequate"]
    assert _hard_words("The rationale is inadequate.", ["rationale is inadequate"]) == []
    explained = "It must authorize it. To authorize means to say yes so that the care can be given."
    assert _hard_words(explained, []) == []
    assert _hard_words("The claims administrator must authorize it.", []) == ["claims", "administrator", "authorize"]


# ------------------------------------------------------------------ Spanish


@pytest.mark.parametrize(
    ("service", "spanish"),
    [
        ("MRI of the lumbar spine", "resonancia magnética, zona lumbar"),
        ("Physical therapy 2 times a week for 6 weeks, right knee", "terapia física, rodilla, lado derecho"),
        (
            "EMG/NCV of the bilateral upper extremities",
            "electromiografía y estudio de conducción nerviosa, brazos, ambos lados",
        ),
        ("Norco 10/325mg #60", "medicamento"),
        ("Chest x-ray", "radiografía del pecho"),
        ("PT/OT 18 sessions left hand", "terapia física y ocupacional, mano, lado izquierdo"),
    ],
)
def test_spanish_names_for_services(service: str, spanish: str) -> None:
    assert glossary.spanish_name(service) == spanish


def test_unknown_service_keeps_the_letters_words_and_says_so() -> None:
    assert glossary.spanish_name("Hygiene kit deluxe") is None
    summary = build_summary(Case(), [_decision("Zorbex device", Outcome.upheld)], "es")
    assert "Tratamiento (así aparece en la carta, en inglés): Zorbex device." in summary.text
    assert glossary.spanish_amount("4-6 visits") == "4-6 visitas"
    assert glossary.spanish_amount("twelve sessions") == "doce sesiones"
    assert glossary.spanish_amount("6 massage visits") is None

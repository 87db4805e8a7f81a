"""The worker's document (text and HTML) says what the summary says, grouped, without codes."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

import pytest

from llm_extract.contract.models import Extraction, ReasonCode
from llm_extract.engine.api import extract_text
from llm_extract.evaluation.fixtures import REPO_ROOT
from llm_extract.render.api import to_html, to_text
from llm_extract.render.sheet import build_sheet, main_treatment
from llm_extract.render.text import LIST_MARK
from llm_extract.render.words import WORDS
from llm_extract.summary.glossary import TERMS
from llm_extract.summary.templates import opening
from llm_extract.text.fold import fold_space
from tests.letterkit import Item, Letter

EXAMPLE = REPO_ROOT / "docs" / "screenshots" / "example-letter.txt"
RELATED = (
    "As the requested surgical intervention is not medically necessary, the requested ancillary service is "
    "not medically necessary."
)


@pytest.fixture(scope="module")
def example() -> Extraction:
    return extract_text(EXAMPLE.read_text(encoding="utf-8"))


def test_related_items_share_one_row_naming_the_surgery(example: Extraction) -> None:
    sheet = build_sheet(example)
    assert [row.indices for row in sheet.rows] == [(1,), (2, 3, 4, 5), (6,), (7,)]
    group = sheet.rows[1]
    assert group.lead == "These 4 treatments go with Arthroscopic repair of the right shoulder:"
    assert group.asked[0] == "Associated surgical service: Shoulder sling"
    text = to_text(example)
    related = example.summary.items[1].reasons[0]
    assert all(item.reasons == [related] for item in example.summary.items[1:5])
    assert text.count(related) == 1


def test_partly_approved_item_shows_the_request_the_approved_part_and_the_decided_part(example: Extraction) -> None:
    row = build_sheet(example).rows[2]
    assert row.asked == ("Norco 10/325mg #60",)
    assert row.notes == (
        "Already approved before this review: Norco 10/325mg #20. This review did not change that part.",
        "This review looked at the rest (Norco 10/325mg #40):",
    )
    assert row.decision == "Not approved." and not row.approved


def test_case_number_decision_date_and_approved_item(example: Extraction) -> None:
    text = to_text(example)
    assert "Case number: CM16-0000001\nDecision date: December 9, 2016\n" in text
    approved = example.summary.items[6]
    # the reasons on one line (the reviewer's own words quoted after the fixed one), then the MRI's meaning
    said = " ".join(approved.reasons)
    assert approved.approved and f"- MRI of the right shoulder\n  Approved. {said}\n  An MRI " in text
    es = to_text(example, "es")
    assert "Número de caso: CM16-0000001\nFecha de la decisión: 9 de diciembre de 2016\n" in es
    surgery = extract_text(EXAMPLE.read_text(encoding="utf-8"), lang="es").summary.items[0]
    assert f"Estos 4 tratamientos van con {surgery.service_plain or surgery.service}:" in es
    # The parts of a partly approved request carry their Spanish name too, the letter's words kept.
    assert "- opioide, #60 (Norco 10/325mg #60)\n" in es
    assert (
        "Ya aprobado antes de esta revisión: opioide, #20 (Norco 10/325mg #20). Esta revisión no cambió esa parte."
        in es
    )
    assert "El revisor decidió sobre el resto, opioide, #40 (Norco 10/325mg #40):\n  No aprobado." in es


def test_no_reason_code_ever_reaches_the_worker(example: Extraction) -> None:
    for lang in ("en", "es"):
        for document in (to_text(example, lang), to_html(example, lang)):
            for code in ReasonCode:
                assert code.value not in document


def test_every_summary_sentence_is_in_the_document_in_both_languages(example: Extraction) -> None:
    for lang in ("en", "es"):
        text = to_text(example, lang)
        summary = build_sheet(example, lang)
        assert summary.headline in text
        for step in summary.steps:
            # The step's own sentences, in order; the document may explain a term elsewhere.
            said = [s for s in re.split(r"(?<=[.!?])\s+", step) if s not in _EXPLANATIONS[lang]]
            assert all(s in text for s in said), step
        assert all(s in text for s in re.split(r"(?<=[.!?])\s+", opening(lang)))


_EXPLANATIONS = {lang: {t.sentence for t in TERMS[lang] if t.sentence} for lang in ("en", "es")}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_document_explains_each_term_where_it_first_uses_it(example: Extraction, lang: str) -> None:
    """The words the summary explains (claims administrator, authorize, reviewer, IMR, ...)
    are explained in the document too, in the same list entry or paragraph as their first
    use, and an explanation is never left standing where the term is not used (A1)."""
    text = to_text(example, lang)
    # From the headline on (the title and the labels above it are the document's frame).
    body = text[text.index(build_sheet(example, lang).headline) : text.index(WORDS[lang].legal)]
    used = [t for t in TERMS[lang] if t.pattern().search(body)]
    assert {"claims administrator", "authorize", "reviewer", "IMR"} <= {t.term for t in used} or lang == "es"
    assert {"administrador de reclamos", "autorizar", "revisor", "IMR"} <= {t.term for t in used} or lang == "en"
    blocks = re.split(r"\n(?=\S|  - |- )", body)
    for term in used:
        if term.sentence is None:
            # Explained by the fixed wording (the title, the opening lines under the headline).
            assert term.meaning.casefold() in text.casefold(), term.term
            continue
        first = next(b for b in blocks if term.pattern().search(b))
        assert term.meaning.casefold() in first.casefold(), (term.term, first)
        if term.sentence in body:  # (else the fixed wording says the meaning itself)
            assert body.count(term.sentence) == 1, term.term
            holder = next(b for b in blocks if term.sentence in b)
            if not holder.startswith(opening(lang)[:40]):  # the opening lines explain up front
                assert term.pattern().search(holder.replace(term.sentence, "")), (term.term, holder)
    # The opening lines follow the headline, before the decisions.
    assert text.index(opening(lang)[:40]) < text.index(WORDS[lang].decided)


def test_a_letters_abbreviations_are_explained_once_in_the_document(example: Extraction) -> None:
    text = to_text(example)
    assert text.count("An MRI takes pictures of the inside of the body with a big magnet.") == 1
    assert text.count("A number after # is how many were asked for") == 1


def test_the_document_explains_body_parts_and_contrast_once_in_both_languages() -> None:
    # A reviewer found "cervical" and "without contrast" left unexplained beside real letters,
    # and "like how many pills" under visits.
    letter = Letter(
        [
            Item("MRI of the cervical spine without contrast: Upheld"),
            Item("Physical therapy for the cervical spine, #6: Upheld"),
        ]
    )
    extraction = extract_text(letter.clean())
    english = to_text(extraction)
    assert english.count("Cervical means the neck.") == 1
    assert english.count("Without contrast means no dye is put in your body for the pictures.") == 1
    assert "A number after # is how many were asked for." in english and "pill" not in english
    # Under the item that first uses the word, not the second.
    assert english.index("Cervical means the neck.") < english.index("Physical therapy for the cervical spine")
    spanish = to_text(extraction, "es")
    assert spanish.count("Cervical quiere decir del cuello.") == 1
    assert spanish.count("Without contrast (sin contraste) quiere decir") == 1
    assert "Un número después de # es la cantidad pedida." in spanish and "pastilla" not in spanish


def test_items_without_a_recognised_reason_are_never_grouped() -> None:
    letter = Letter([Item(f"Treatment number {i} for the knee: Upheld", rationale="Not necessary.") for i in (1, 2, 3)])
    sheet = build_sheet(extract_text(letter.clean()))
    assert [row.indices for row in sheet.rows] == [(1,), (2,), (3,)]
    assert all(row.lead is None for row in sheet.rows)


def test_items_sharing_a_reason_sentence_are_grouped_only_with_care_of_their_kind() -> None:
    # A real letter refused a stomach pill and three x-rays, each because the exam did not show
    # a need: one row saying "these 4 treatments have the same reason" read as if one finding
    # refused them all. The x-rays share a row; the pill stands alone.
    exam = "The examination did not document findings that would support the need for this request."
    letter = Letter(
        [
            Item("Pepcid 20mg #60: Upheld", rationale=exam),
            Item("X-ray of the pelvis: Upheld", rationale=exam),
            Item("X-rays of the lumbar spine: Upheld", rationale=exam),
        ]
    )
    extraction = extract_text(letter.clean())
    assert len({tuple(item.reasons) for item in extraction.summary.items}) == 1
    assert [row.indices for row in build_sheet(extraction).rows] == [(1,), (2, 3)]


def test_main_treatment_is_named_only_when_there_is_no_doubt() -> None:
    two_surgeries = Letter(
        [
            Item("Arthroscopy of the left knee: Upheld", rationale="Conservative care was not tried first."),
            Item("Carpal tunnel release, right: Upheld", rationale="Conservative care was not tried first."),
            Item("Associated surgical service: Brace: Upheld", rationale=RELATED),
            Item("Associated surgical service: Crutches: Upheld", rationale=RELATED),
        ]
    )
    extraction = extract_text(two_surgeries.clean())
    assert main_treatment(extraction.decisions) is None
    group = build_sheet(extraction).rows[-1]
    assert group.indices == (3, 4)
    assert group.lead == "These 2 treatments have the same decision and the same reason:"


def test_a_pill_tied_to_another_refused_medicine_does_not_go_with_the_surgery() -> None:
    # Round 66's reader: omeprazole, refused because the naproxen it protects against was refused, was shown
    # under "These 2 treatments go with Right shoulder arthroscopy".
    letter = Letter(
        [
            Item("Right shoulder arthroscopy: Upheld", rationale="Conservative care was not tried first."),
            Item("Pre-operative medical clearance: Upheld", rationale=RELATED),
            Item("Naproxen sodium 550mg #60: Upheld", rationale="She takes warfarin, so naproxen risks bleeding."),
            Item(
                "Omeprazole 20mg #30: Upheld",
                rationale="The omeprazole was prescribed to protect the stomach during the naproxen course. As the "
                "associated request is not medically necessary, this request is also not medically necessary.",
            ),
        ]
    )
    extraction = extract_text(letter.clean())
    assert [r.code for r in extraction.decisions[3].reasons][:1] == [ReasonCode.related_item_not_approved]
    leads = [row.lead for row in build_sheet(extraction).rows if 4 in row.indices]
    assert leads and not any(lead and "go with" in lead for lead in leads), leads


def test_a_summary_in_another_language_is_rebuilt_from_the_decisions(example: Extraction) -> None:
    assert example.summary.language == "en"
    spanish = extract_text(EXAMPLE.read_text(encoding="utf-8"), lang="es").summary
    assert build_sheet(example, "es").headline == spanish.headline != example.summary.headline


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs


def test_html_is_self_contained_semantic_and_escaped() -> None:
    hostile = Letter([Item('<script>alert("x")</script> & <img src=http://x.invalid/a.png>: Upheld')])
    page = to_html(extract_text(hostile.clean()), "es")
    parsed = _Collect()
    parsed.feed(page)
    assert "script" not in parsed.tags and "img" not in parsed.tags and "link" not in parsed.tags
    assert not [value for _, value in parsed.attrs if value and re.match(r"(https?:)?//", value)]
    assert "&lt;script&gt;" in page
    assert page.startswith('<!DOCTYPE html>\n<html lang="es">')
    assert "default-src 'none'" in page
    assert parsed.tags.count("h1") == 1 and "main" in parsed.tags and "th" in parsed.tags


def test_letter_without_decisions_still_gives_a_document() -> None:
    example = extract_text(EXAMPLE.read_text(encoding="utf-8"))
    empty = example.model_copy(update={"decisions": [], "summary": example.summary.model_copy(update={"items": []})})
    text = to_text(empty)
    assert "What was decided" not in text and "What you can do" in text
    assert "<table>" not in to_html(empty)


def test_text_and_page_say_the_same_words() -> None:
    """The page's text without its tags and column headings is the text document (checked in a real
    browser, with layout, in test_browser.py); here the cheap structural version."""
    example = extract_text(EXAMPLE.read_text(encoding="utf-8"))
    page = to_html(example)
    body = re.sub(r"<thead.*?</thead>|<head>.*?</head>", "", page, flags=re.S)
    words = fold_space(unescape(re.sub(r"<[^>]+>", " ", body)))
    text = fold_space(re.sub(rf"^\s*{re.escape(LIST_MARK)}", "", to_text(example), flags=re.M))
    assert words == text

"""Invented letters with fake or unusual structure: no invented decisions, no internal errors."""

from __future__ import annotations

import pytest

from llm_extract.contract.models import Outcome
from llm_extract.engine.api import extract_text
from llm_extract.errors import UnrecognizedLetterError
from llm_extract.parse.parser import parse
from tests.letterkit import Item, Letter, simple

SHAPES = ["clean", "pypdf", "double_spaced"]


@pytest.mark.parametrize("label", ["Decision rationale:", "MAXIMUS guideline:", "Claims Administrator guideline:"])
@pytest.mark.parametrize("position", [0, 1])
@pytest.mark.parametrize("line", ["and the request was Overturned", "Overturned", "Home care: Overturned"])
def test_a_fake_heading_inside_a_rationale_never_becomes_an_item(label: str, position: int, line: str) -> None:
    """The letter is refused (a structure that cannot be trusted), never given a third item."""
    letter = simple(2)
    letter.items[position].rationale = (
        f"The guideline criteria are not met. The claimant asked again\n{line}\n"
        f"{label} the claims administrator must now authorize it. Not necessary."
    )
    for shape in SHAPES:
        with pytest.raises(UnrecognizedLetterError, match="refus"):
            parse(getattr(letter, shape)())


def test_a_fake_heading_with_a_colon_inside_a_rationale_is_refused_end_to_end() -> None:
    letter = simple(1)
    letter.items[0].rationale = "Not met.\nWheelchair purchase: Overturned\nDecision rationale: approved. Done."
    with pytest.raises(UnrecognizedLetterError) as caught:
        extract_text(letter.clean())
    assert caught.value.code == "unrecognized-letter" and "invented item" in caught.value.message


def test_label_words_inside_prose_are_not_structure() -> None:
    letter = simple(2)
    letter.items[
        0
    ].rationale = "The prior reviewer wrote a Decision rationale: it was Overturned\nin 2015. Not necessary."
    decisions = parse(letter.clean()).decisions
    assert [d.outcome for d in decisions] == [Outcome.upheld, Outcome.upheld]


def test_a_label_line_before_the_first_heading_is_refused() -> None:
    letter = simple(2)
    text = letter.clean().replace("Treatment number 1", "Decision rationale: see below.\nTreatment number 1", 1)
    with pytest.raises(UnrecognizedLetterError, match="refusing"):
        parse(text)
    one_label = simple(2).clean().replace("Treatment number 1", "MAXIMUS guideline: x.\nTreatment number 1", 1)
    with pytest.raises(UnrecognizedLetterError, match="before the first item heading"):
        parse(one_label)


def test_items_with_labels_out_of_order_are_refused() -> None:
    text = simple(1).clean()
    swapped = (
        text.replace("Claims Administrator guideline:", "@@")
        .replace("MAXIMUS guideline:", "Claims Administrator guideline:")
        .replace("@@", "MAXIMUS guideline:")
    )
    with pytest.raises(UnrecognizedLetterError, match="known order"):
        parse(swapped)


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("outcome", ["Upheld", "Overturned"])
def test_partial_heading_with_colon_and_no_is(shape: str, outcome: str) -> None:
    heading = (
        "Baclofen 100mg #6 was the original request. Baclofen 100mg #3 was authorized by the Claims\n"
        f"Administrator. The remaining IMR eligible portion of the original request, Baclofen 100mg #3: {outcome}"
    )
    (d,) = parse(getattr(Letter([Item(heading)]), shape)()).decisions
    assert d.partial and d.outcome is Outcome(outcome.lower())
    assert (d.original_request, d.authorized_portion, d.service) == (
        "Baclofen 100mg #6",
        "Baclofen 100mg #3",
        "Baclofen 100mg #3",
    )


def test_modified_partial_heading_with_colon_and_no_is() -> None:
    heading = (
        "Purchase of a shower chair was the original request. The Claims Administrator authorized a\n"
        "shower chair for 1 month, leaving the original request IMR eligible. The original request,\n"
        "purchase of a shower chair: Upheld"
    )
    (d,) = parse(Letter([Item(heading)]).clean()).decisions
    assert d.partial
    assert (d.original_request, d.authorized_portion, d.service) == (
        "Purchase of a shower chair",
        "a shower chair for 1 month",
        "purchase of a shower chair",
    )


@pytest.mark.parametrize("label", ["State(s) of Licensure:", "Certification(s)/Specialty:"])
@pytest.mark.parametrize("shape", SHAPES)
def test_a_blank_credential_value_is_absent_not_an_internal_error(label: str, shape: str) -> None:
    letter = simple(2)
    states = "" if label.startswith("State") else " California,North Carolina"
    specialties = "" if label.startswith("Certification") else " Preventive Medicine, Occupational Medicine"
    letter.credentials = (
        "The Expert Reviewer has the following credentials:\n"
        f"State(s) of Licensure:{states}\nCertification(s)/Specialty:{specialties}\n"
    )
    extraction = extract_text(getattr(letter, shape)())
    reviewer = extraction.reviewer
    if label.startswith("State"):
        assert reviewer.licensed_in == [] and reviewer.spans.licensed_in is None
        assert reviewer.specialties[:2] == ["Preventive Medicine", "Occupational Medicine"]
    else:
        assert reviewer.specialties == [] and reviewer.spans.specialties is None
        assert reviewer.licensed_in == ["California", "North Carolina"]
    assert len(extraction.decisions) == 2


def test_both_credentials_blank_at_the_end_of_the_header() -> None:
    letter = simple(1)
    letter.credentials = "State(s) of Licensure:\nCertification(s)/Specialty:   \n"
    reviewer = parse(letter.clean()).reviewer
    assert reviewer.licensed_in == [] and reviewer.specialties == []

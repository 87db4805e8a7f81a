"""The reviewer's own finding about the worker as the ground, where no rule names one (recognizer 2.61).

Reviewers state the facts that fail an indication in words no list reaches ("This worker's knee
is stable to varus and valgus stress", "The applicant's BMI of 27 is not extreme obesity"): on
the invented rounds 55-61, 38 items whose main ground was such a finding showed no reason at all.
The rationales here are invented.
"""

from __future__ import annotations

import pytest

from llm_extract.backends.rules import item_reasons
from llm_extract.contract.models import Outcome
from llm_extract.parse.reasons import worker_finding

GUIDELINE = (
    "ODG states that a custom knee brace may be considered for ligament instability, a meniscal "
    "repair or a load-bearing occupation. "
)
SERVICE = "Custom hinged knee brace"


def _reasons(rationale: str, outcome: Outcome = Outcome.upheld, service: str = SERVICE) -> list[tuple[str, str]]:
    text = "Custom hinged knee brace:  Upheld\n\nDecision rationale: " + rationale + "\n"
    start = text.index(rationale)
    found = item_reasons(text, start, start + len(rationale), outcome, service)
    return [(r.code.value, text[r.span.start : r.span.end]) for r in found]


def test_a_plain_finding_about_the_worker_is_the_ground() -> None:
    finding = "This worker's ligaments are stable on examination, and he is not working on ladders or uneven ground."
    assert _reasons(GUIDELINE + finding + " The request is not medically necessary.") == [
        ("findings_do_not_support", finding)
    ]


def test_it_comes_before_a_missing_record() -> None:
    finding = "His ligaments were stable to varus and valgus stress, and he is not working at heights."
    # (a missing record the item model all but rules out is not told beside a finding since recognizer 4.12: "The
    # records do not document her work duties either" was, and here is not)
    assert [
        code for code, _ in _reasons(GUIDELINE + finding + " The records do not document her work duties either.")
    ] == ["findings_do_not_support"]
    shown = _reasons(
        GUIDELINE + finding + " There was no documentation of the brace's specifications or of a fitting plan."
    )
    assert [code for code, _ in shown] == ["findings_do_not_support", "missing_documentation"]
    assert shown[0][1] == finding


@pytest.mark.parametrize(
    "sentence",
    [
        # care tried, and what it did: another ground
        "The patient completed six sessions of therapy, which made no difference to his pain.",
        # a duration of use: a limit, not a finding
        "She has taken it nightly for about seven months and is not sleeping better.",
        # stress on what the records do show: no finding against the care
        "The examination does show joint line tenderness, so the diagnosis is not in question.",
        # an approval under way
        "The injured worker has not yet attended the sessions certified last month.",
        # a harm: the safety ground's business
        "He is not a candidate because of the fall risk from sedation.",
    ],
)
def test_sentences_giving_another_ground_are_not_taken(sentence: str) -> None:
    text = "Decision rationale: " + GUIDELINE + sentence
    assert worker_finding(text, len("Decision rationale: "), len(text)) is None
    # (recognizer 2.80's learned fallback may then name that other ground, never this finding)
    assert ("findings_do_not_support", sentence) not in _reasons(GUIDELINE + sentence)


def test_only_where_no_rule_names_a_ground() -> None:
    shown = _reasons(
        GUIDELINE + "There is no documented functional improvement from the prior brace. He is not working."
    )
    assert [code for code, _ in shown] == ["no_functional_improvement"]


def test_only_for_a_denial() -> None:
    # an approval shows only its own ground, criteria met (recognizer 3.57), never the worker's finding as a denial's
    shown = _reasons(GUIDELINE + "The patient has no history of ulcers.", Outcome.overturned)
    assert [code for code, _ in shown] == ["criteria_met"]


def test_a_guideline_sentence_about_a_patient_is_not_a_finding() -> None:
    rationale = "The guidelines state that the patient should not use a brace without instability."
    assert _reasons(rationale) == []
    assert worker_finding(rationale, 0, len(rationale)) is None


def test_a_ground_the_reviewer_adds_does_not_hide_the_finding() -> None:
    # Recognizer 2.68 (round 63): "She has also not had physical therapy" is a second ground, added; the
    # finding stated plainly before it is the main one.
    finding = "His ligaments were stable to varus and valgus stress, and he is not working at heights."
    shown = _reasons(GUIDELINE + finding + " He has also not had physical therapy.", service="Knee brace")
    assert [code for code, _ in shown] == ["findings_do_not_support", "other_treatment_first"]
    assert shown[0][1] == finding
    # a ground given plainly is the reviewer's, and no finding is put before it (since recognizer 2.84 the
    # learned model, sure of the finding at 0.8-0.9, adds it after)
    shown = _reasons(GUIDELINE + finding + " He has not had physical therapy.", service="Knee brace")
    assert shown[0][0] == "other_treatment_first"

"""The ``safety_risk`` ground: a refused medicine that could harm this worker is a coded reason,
read by the same words as the summary's safety sentence, ordered by where the reviewer puts it."""

from __future__ import annotations

import pytest

from llm_extract.backends.rules import with_reasons
from llm_extract.contract.models import ReasonCode
from llm_extract.parse.parser import parse
from llm_extract.summary.templates import build_summary
from tests.letterkit import Item, Letter

KIDNEYS = "He has stage 3 chronic kidney disease and takes lisinopril and a diuretic."
NO_GAIN = "There is no documented improvement in function with the naproxen taken since 2015."


def _reasons(item: Item) -> tuple[str, list[tuple[ReasonCode, str]]]:
    text = Letter([item]).clean()
    decision = with_reasons(text, parse(text).decisions)[0]
    return text, [(r.code, " ".join(text[r.span.start : r.span.end].split())) for r in decision.reasons]


def test_a_harm_given_before_every_other_ground_is_the_main_one() -> None:
    _, reasons = _reasons(Item("Naproxen 550mg #60: Upheld", rationale=f"{KIDNEYS} {NO_GAIN}"))
    assert reasons[0] == (ReasonCode.safety_risk, KIDNEYS)
    assert ReasonCode.no_functional_improvement in [code for code, _ in reasons]


def test_a_harm_given_after_the_main_ground_comes_after_it() -> None:
    _, reasons = _reasons(Item("Naproxen 550mg #60: Upheld", rationale=f"{NO_GAIN} {KIDNEYS}"))
    assert reasons[0][0] is ReasonCode.no_functional_improvement
    assert reasons[-1] == (ReasonCode.safety_risk, KIDNEYS)


def test_a_harm_given_after_a_missing_record_comes_before_it() -> None:
    # A missing record is the main ground only when nothing more specific is given (31 invented items showed
    # it before a harm; recognizer 2.63).
    missing = "The notes do not document a discussion of stomach protection."
    _, reasons = _reasons(Item("Naproxen 550mg #60: Upheld", rationale=f"{missing} {KIDNEYS}"))
    assert [code for code, _ in reasons] == [ReasonCode.safety_risk, ReasonCode.missing_documentation], reasons


def test_a_harm_the_reviewer_marks_as_the_main_concern_is_first() -> None:
    rationale = (
        f"{NO_GAIN} The overriding concern in this case is safety. He drives a forklift on the early shift and "
        "reports feeling drowsy for the first hours of work."
    )
    _, reasons = _reasons(Item("Zolpidem 10mg #30: Upheld", rationale=rationale))
    assert reasons[0][0] is ReasonCode.safety_risk, reasons


@pytest.mark.parametrize(
    ("heading", "rationale"),
    [
        # a guideline's warning about a whole class of drug is its verdict, not a harm to this worker
        (
            "Alprazolam 0.5mg #60: Upheld",
            "Per MTUS, benzodiazepines are not recommended for long-term use because long-term efficacy is "
            "unproven and there is a risk of dependence.",
        ),
        # a harm denied
        ("Naproxen 550mg #60: Upheld", f"{NO_GAIN} She has no kidney disease and no history of GI bleeding."),
        # care that is not a medicine: the harm words of a surgery's rationale are not read
        ("Lumbar fusion at L4-5: Upheld", f"{KIDNEYS} There are no imaging findings of instability."),
        # approved care has no denial grounds
        ("Naproxen 550mg #60: Overturned", f"{KIDNEYS} The medication is medically necessary."),
        # a question the guideline asks, in an edition named by its year (round 71's reader: omeprazole told "this
        # medicine could hurt you"; recognizer 2.88)
        (
            "Famotidine 20mg #60: Upheld",
            "The 2016 MTUS Chronic Pain Guidelines ask the prescriber to decide whether a patient taking an NSAID is "
            "at risk for gastrointestinal events. This patient is 39 and takes one NSAID at a standard dose.",
        ),
        # the guideline's list of the factors of a risk, beside this worker's facts (round 70's reader: omeprazole told
        # "this medicine could cause bleeding inside your body"; recognizer 2.87)
        (
            "Pantoprazole 40mg #30: Upheld",
            "A proton pump inhibitor is indicated for patients at intermediate or high risk for gastrointestinal "
            "events. The factors used to assign that risk are age over 65, prior peptic ulcer, GI bleeding or "
            "perforation, concurrent use of aspirin, corticosteroids or an anticoagulant, or high dose NSAIDs. None "
            "of these is listed for this 50-year-old patient.",
        ),
        # a rule for any patient who starts the medicine, beside this worker's facts (round 69's reader: told
        # "this medicine could hurt you"; recognizer 2.85)
        (
            "Oxycodone ER 10mg #30: Upheld",
            "When a long-acting opioid is prescribed for chronic pain, the prescriber should screen for the risk of "
            "addiction and overdose first. He stopped hydrocodone in October and now takes ibuprofen. No reason is "
            "documented for starting an extended-release agent.",
        ),
    ],
)
def test_no_safety_ground_without_a_harm_to_this_worker(heading: str, rationale: str) -> None:
    _, reasons = _reasons(Item(heading, rationale=rationale))
    assert ReasonCode.safety_risk not in [code for code, _ in reasons]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_summary_tells_a_harm_the_same_whichever_backend_coded_it(lang: str) -> None:
    # An LLM backend may return safety_risk, or not; the worker's sentences must not depend on it.
    text = Letter([Item("Naproxen 550mg #60: Upheld", rationale=f"{KIDNEYS} {NO_GAIN}")]).clean()
    parsed = parse(text)
    coded = with_reasons(text, parsed.decisions)
    assert ReasonCode.safety_risk in [r.code for r in coded[0].reasons]
    uncoded = [
        d.model_copy(update={"reasons": [r for r in d.reasons if r.code is not ReasonCode.safety_risk]}) for d in coded
    ]
    told = build_summary(parsed.case, coded, lang, letter=text)  # type: ignore[arg-type]
    assert told == build_summary(parsed.case, uncoded, lang, letter=text)  # type: ignore[arg-type]
    first = told.items[0].reasons[0]
    assert "kidney" in first or "riñones" in first, told.items[0].reasons


@pytest.mark.parametrize(
    "harm",
    [
        "Giving him a third sedating drug while he operates a crane is a hazard to him and to his crew.",
        "The deciding question is his safety, since he already dozes off at his desk on the current regimen.",
        "Her liver enzymes have tripled since June, which puts her at risk with daily acetaminophen.",
        "With his recent fall at home, it is not safe for him to add a second sleep medication.",
        # templates 119, round 65: a risk qualified, a risk carried, a risk of a longer harm
        "Taken at night as she walks to the bathroom, it places her at real risk of a hip fracture or head injury.",
        "Giving a vasoconstrictor to this worker under those circumstances carries a cardiovascular risk.",
    ],
)
def test_a_harm_said_without_the_word_risk_of_is_a_safety_ground(harm: str) -> None:
    # Templates 92: "hazard", "his safety", "at risk", "safe for him" (unseen reviewers' words for a harm).
    _, reasons = _reasons(Item("Zolpidem 10mg #30: Upheld", rationale=f"{harm} {NO_GAIN}"))
    assert reasons[0] == (ReasonCode.safety_risk, harm), reasons


def test_a_guidelines_safety_and_efficacy_is_no_harm_to_this_worker() -> None:
    rationale = (
        "Topical analgesics are largely experimental, with few trials of their safety and efficacy. "
        "The patient has not tried an antidepressant or an anticonvulsant first."
    )
    _, reasons = _reasons(Item("Flurbiprofen 20% cream 120g: Upheld", rationale=rationale))
    assert ReasonCode.safety_risk not in [code for code, _ in reasons]


@pytest.mark.parametrize(
    "harm",
    [
        # Templates 93, made on round 56 after it was measured once.
        "For this worker the risks of another sedating drug clearly outweigh what it might add.",
        "He takes fluoxetine for depression, and the notes never mention the interaction with tramadol.",
    ],
)
def test_a_harm_weighed_or_an_interaction_named_is_a_safety_ground(harm: str) -> None:
    _, reasons = _reasons(Item("Tramadol 50mg #60: Upheld", rationale=f"{harm} {NO_GAIN}"))
    assert reasons[0] == (ReasonCode.safety_risk, harm), reasons


def test_no_interaction_is_no_harm() -> None:
    rationale = f"{NO_GAIN} She takes no other medicine, so there is no drug interaction to weigh."
    _, reasons = _reasons(Item("Tramadol 50mg #60: Upheld", rationale=rationale))
    assert ReasonCode.safety_risk not in [code for code, _ in reasons]


def test_a_condition_together_with_another_is_not_a_medicine_mixing() -> None:
    # Round 55's reader: "together with a body mass index of 42" was told as "could be dangerous with other
    # medicines you take" (templates 93); a medicine "together with" another still is.
    apnea = (
        "This patient has obstructive sleep apnea that goes untreated, since she skips her CPAP, together with a "
        "body mass index of 41."
    )
    mixed = "She takes alprazolam together with oxycodone, which adds to the risk of respiratory depression."
    for harm, mixing in ((apnea, False), (mixed, True)):
        text = Letter([Item("Norco 10/325mg #90: Upheld", rationale=f"{harm} {NO_GAIN}")]).clean()
        parsed = parse(text)
        told = build_summary(parsed.case, with_reasons(text, parsed.decisions), "en", letter=text)  # type: ignore[arg-type]
        said = " ".join(told.items[0].reasons)
        assert "breathing" in said, said
        assert ("other medicines" in said) is mixing, said


def test_a_harm_stated_beside_the_workers_own_facts_is_a_safety_ground() -> None:
    # Round 59's reader: ketorolac after a stent, tramadol beside sertraline, were told no harm: the
    # sentence with the harm has no word for the worker, the one before it has.
    facts = "In this case, the claimant takes clopidogrel and aspirin after placement of a coronary stent."
    harm = "Adding ketorolac to dual antiplatelet therapy would increase the risk of bleeding."
    _, reasons = _reasons(Item("Ketorolac 10mg #20: Upheld", rationale=f"{facts} {harm} {NO_GAIN}"))
    assert (ReasonCode.safety_risk, harm) in reasons, reasons


def test_a_guidelines_harm_beside_the_workers_facts_is_still_the_guidelines() -> None:
    # "Page 68 of the MTUS identifies those individuals at heightened risk for gastrointestinal events":
    # the guideline's criteria, whatever the sentence after it says of the worker.
    rule = "Page 68 of the MTUS identifies individuals at heightened risk for gastrointestinal bleeding."
    _, reasons = _reasons(
        Item("Omeprazole 20mg #60: Upheld", rationale=f"{rule} The applicant, at age 29, met none of these criteria.")
    )
    assert ReasonCode.safety_risk not in [code for code, _ in reasons], reasons


def test_patients_in_general_beside_the_workers_facts_are_the_guidelines_group() -> None:
    # Round 146's reader: omeprazole was told "could cause bleeding inside your body" from "Patients are determined to
    # be at risk for gastrointestinal events if they ... have a history of peptic ulcer, GI bleeding or perforation",
    # the guideline's group, said beside the worker's facts.
    group = (
        "Patients are considered at risk for gastrointestinal events if they are over 65, have had a peptic ulcer or "
        "GI bleeding, or take aspirin or a blood thinner."
    )
    facts = "Here there is no indication that the injured worker takes an NSAID or has dyspepsia."
    _, reasons = _reasons(Item("Pantoprazole 40mg #30: Upheld", rationale=f"{group} {facts}"))
    assert ReasonCode.safety_risk not in [code for code, _ in reasons], reasons
    # the worker put in that group is this worker's harm
    own = "She had a bleeding ulcer last year and takes aspirin, which puts her in the highest GI risk group."
    _, reasons = _reasons(Item("Ibuprofen 800mg #60: Upheld", rationale=f"{group} {own} {NO_GAIN}"))
    assert (ReasonCode.safety_risk, own) in reasons, reasons


def test_a_list_of_diagnoses_is_background_not_a_harm_while_an_unweighed_risk_is() -> None:
    # Round 147's reader: Norco was told "could be risky for you because of your kidneys" from "The medical records
    # reveal the diagnosis of lumbar strain, ... and chronic kidney disease stage 3", the case's background (the
    # naproxen beside it was refused for that risk, in its own words)
    background = (
        "The records reveal the diagnosis of lumbar strain, lumbar degenerative disc disease, and chronic kidney "
        "disease stage 3."
    )
    _, reasons = _reasons(Item("Norco 5/325mg #60: Upheld", rationale=f"{background} {NO_GAIN}"))
    assert ReasonCode.safety_risk not in [code for code, _ in reasons], reasons
    unweighed = (
        "The records reveal the injured worker has chronic kidney disease stage 3, and there is no documentation "
        "that the risk of continued NSAID use has been weighed against its benefit."
    )
    _, reasons = _reasons(Item("Naproxen 550mg #60: Upheld", rationale=f"{background} {unweighed}"))
    assert (ReasonCode.safety_risk, unweighed) in reasons, reasons
    # one diagnosis the reviewer singles out is still this worker's risk
    singled = "Here, the applicant carries a diagnosis of stage 3 chronic kidney disease and uses an ACE inhibitor."
    _, reasons = _reasons(Item("Meloxicam 15mg #30: Upheld", rationale=f"{singled} {NO_GAIN}"))
    assert ReasonCode.safety_risk in [code for code, _ in reasons], reasons


def test_a_harm_granted_in_an_although_clause_is_not_the_ground() -> None:
    # Round 60's reader: omeprazole was told "could cause bleeding inside your body" from "Although she does take
    # warfarin, the Meloxicam has not been certified": the reviewer grants the risk factor, then refuses.
    rationale = (
        "The Omeprazole was requested to go with the Meloxicam. Although she does take warfarin, the Meloxicam has "
        "not been certified, and there are no GI complaints documented that would support a PPI on its own."
    )
    _, reasons = _reasons(Item("Omeprazole 20mg #30: Upheld", rationale=rationale))
    assert ReasonCode.safety_risk not in [code for code, _ in reasons], reasons
    # a harm after the granted clause still is
    harm = "Although the pain is real, she takes warfarin and ketorolac would raise her risk of bleeding."
    _, reasons = _reasons(Item("Ketorolac 10mg #20: Upheld", rationale=harm))
    assert ReasonCode.safety_risk in [code for code, _ in reasons], reasons


def test_beside_a_harm_the_missing_record_is_told_in_the_reviewers_words() -> None:
    # Round 62's readers (templates 117): two medicines refused for a bleeding risk were also told "did not give
    # enough facts to show you need it", which reads as if the care were not needed.
    missing = "The notes do not document a discussion of stomach protection."
    item = Item("Naproxen 550mg #60: Upheld", rationale=f"{KIDNEYS} {missing}")
    text = Letter([item]).clean()
    decisions = with_reasons(text, parse(text).decisions)
    told = build_summary(parse(text).case, decisions, "en", letter=text).items[0].reasons
    assert not any("enough facts" in line for line in told), told
    assert any("kidneys" in line for line in told), told
    assert any("stomach protection" in line for line in told), told


def test_a_number_that_fell_is_no_fall() -> None:
    # templates 120, round 65's reader: "a filtration rate that fell from 56 to 48" was told "could make you
    # too sleepy, or make you fall" beside the kidneys
    harm = "This worker has stage 3 chronic kidney disease with a filtration rate that fell from 56 to 48."
    text, _ = _reasons(Item("Meloxicam 15mg #30: Upheld", rationale=f"{harm} {NO_GAIN}"))
    parsed = parse(text)
    summary = build_summary(parsed.case, with_reasons(text, parsed.decisions), "en", letter=text)  # type: ignore[arg-type]
    told = summary.items[0].reasons
    assert any("kidneys" in sentence for sentence in told), told
    assert not any("fall" in sentence for sentence in told), told

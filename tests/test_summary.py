"""Template summaries built from hand-made decisions (no real letter text)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from llm_extract.contract.models import (
    Case,
    Decision,
    DecisionSpans,
    Outcome,
    Reason,
    ReasonCode,
    Span,
    Summary,
)
from llm_extract.summary.readability import score
from llm_extract.summary.templates import TEMPLATES_VERSION, build_summary

DATED = Case(decision_date=dt.date(2016, 12, 9))
UNDATED = Case()
FIXED_NUMBERS = {"30", "5", "10", "20", "12"}
"""Digits the templates may add: the appeal window, the mail extensions and the 12-month rule
(citations of the "Legal basis" section are checked apart)."""

#: The stock sentence of "the findings do not support it" where it first names the medical guidelines (templates 271:
#: "did not show the signs the medical guidelines look for", templates 168's, was wrong where the signs found rule the
#: care out).
FINDINGS_TOLD = (
    "The facts in your doctor's notes do not match what the medical guidelines ask for before this care. Medical "
    "guidelines are rules doctors use to decide what care works."
)


def reason(code: ReasonCode, start: int = 100, end: int = 150) -> Reason:
    return Reason(code=code, span=Span(start=start, end=end))


def decision(
    index: int,
    service: str,
    outcome: Outcome,
    reasons: list[Reason] | None = None,
    **extra: object,
) -> Decision:
    spans = DecisionSpans(heading=Span(start=0, end=10), service=Span(start=0, end=5), outcome=Span(start=7, end=10))
    return Decision.model_validate(
        {"index": index, "service": service, "outcome": outcome, "reasons": reasons or [], "spans": spans, **extra}
    )


DENIED_MRI = decision(1, "MRI of the left knee", Outcome.upheld, [reason(ReasonCode.findings_do_not_support)])
DENIED_THERAPY = decision(
    2,
    "Physical therapy x 12 for the neck",
    Outcome.upheld,
    [reason(ReasonCode.no_functional_improvement), reason(ReasonCode.exceeds_guideline_limits, 200, 240)],
)
APPROVED_BRACE = decision(3, "Knee brace", Outcome.overturned, [reason(ReasonCode.criteria_met)])


def numbers(text: str) -> set[str]:
    return set(re.findall(r"\d+", text))


def test_denied_items_say_not_approved_in_plain_words() -> None:
    summary = build_summary(DATED, [DENIED_MRI, DENIED_THERAPY], "en")
    assert summary.headline == "None of the care in your review is approved."
    assert [item.approved for item in summary.items] == [False, False]
    assert all(item.status == "This care is not approved." for item in summary.items)
    assert "upheld" not in summary.text.lower() and "overturned" not in summary.text.lower()


def test_approved_item_says_approved_and_must_be_authorized() -> None:
    summary = build_summary(DATED, [APPROVED_BRACE], "en")
    item = summary.items[0]
    assert item.approved
    assert "approved" in item.status and "not approved" not in item.status
    assert "authorize" in item.status
    assert summary.headline == "The care in your review is approved."
    assert any("must authorize the approved care in 5 working days" in step for step in summary.next_steps)
    assert item.reasons == ["The reviewer found that you need this care."]


def test_mixed_outcomes_use_some_not_counts() -> None:
    summary = build_summary(DATED, [DENIED_MRI, DENIED_THERAPY, APPROVED_BRACE], "en")
    assert summary.headline.startswith("Some of the care")
    # Three items, two denied: none of these counts may appear anywhere.
    assert not numbers(summary.text) & {"1", "2", "3"}


def test_no_numbers_beyond_letter_values_and_fixed_rules() -> None:
    partial = decision(
        1,
        "Norco 10/325mg #60",
        Outcome.upheld,
        partial=True,
        original_request="Norco 10/325mg #90",
        authorized_portion="Norco 10/325mg #30",
    )
    items = [partial, DENIED_THERAPY, APPROVED_BRACE]
    for lang in ("en", "es"):
        summary = build_summary(DATED, items, lang)
        values = [d.service for d in items] + [partial.original_request or "", partial.authorized_portion or ""]
        deadline = summary.appeal_deadline
        assert deadline is not None
        dates = [deadline.mailed_on, deadline.california, deadline.united_states, deadline.outside_united_states]
        letter_values = numbers(" ".join(values)) | {str(d.day) for d in dates} | {str(d.year) for d in dates}
        body = summary.text[: summary.text.rindex("\n\n")]  # without the "Legal basis" citations
        assert numbers(body) <= letter_values | FIXED_NUMBERS, lang


def test_appeal_window_is_stated() -> None:
    text = build_summary(UNDATED, [DENIED_MRI], "en").text
    for fact in ("verified petition", "WCAB", "Workers' Compensation Appeals Board", "30 days", "5 more days"):
        assert fact in text
    assert "8 CCR 10575(c)" in text.split("Legal basis:")[1]
    assert "8 CCR 10605" in text.split("Legal basis:")[1]


def test_no_authorization_step_when_nothing_is_approved() -> None:
    steps = build_summary(UNDATED, [DENIED_MRI], "en").next_steps
    assert not any("5 working days" in step for step in steps)


def test_service_is_quoted_as_written() -> None:
    odd = decision(1, "Associated surgical service: COLD THERAPY UNIT.", Outcome.upheld)
    summary = build_summary(UNDATED, [odd], "en")
    assert summary.items[0].service == "Associated surgical service: COLD THERAPY UNIT."
    assert "Care: Associated surgical service: COLD THERAPY UNIT.\n" in summary.text


def test_reasons_use_fixed_sentences_at_most_two() -> None:
    many = decision(
        1,
        "Acupuncture",
        Outcome.upheld,
        [
            reason(ReasonCode.not_recommended, 10, 20),
            reason(ReasonCode.other_treatment_first, 30, 40),
            reason(ReasonCode.exceeds_guideline_limits, 50, 60),
        ],
    )
    item = build_summary(UNDATED, [many], "en").items[0]
    assert item.reasons == [
        "The medical guidelines do not call for this care. "
        "Medical guidelines are rules doctors use to decide what care works.",
        # templates 155: not "Your doctor's notes did not show that other care was tried first" (rounds 85-87)
        "The reviewer found that other care must be tried first, and found not to work well enough, before this care.",
    ]


def test_unrecognised_reason_points_to_the_rationale() -> None:
    for lang, words in (("en", "Decision rationale"), ("es", "Decision rationale")):
        item = build_summary(UNDATED, [decision(1, "Hip pad", Outcome.upheld)], lang).items[0]  # type: ignore[arg-type]
        assert len(item.reasons) == 1 and words in item.reasons[0]


def test_documentation_reason_yields_to_the_specific_one_on_the_same_words() -> None:
    both = decision(
        1,
        "Chiropractic care",
        Outcome.upheld,
        [
            reason(ReasonCode.no_functional_improvement, 100, 180),
            reason(ReasonCode.missing_documentation, 100, 180),
            reason(ReasonCode.findings_do_not_support, 200, 260),
        ],
    )
    item = build_summary(UNDATED, [both], "en").items[0]
    assert item.reasons == [
        "Your doctor's notes did not show that past care helped you do more in daily life.",
        FINDINGS_TOLD,
    ]
    alone = decision(1, "Chiropractic care", Outcome.upheld, [reason(ReasonCode.missing_documentation)])
    assert "enough facts" in build_summary(UNDATED, [alone], "en").items[0].reasons[0]


def test_reasons_that_contradict_the_outcome_are_not_shown() -> None:
    contradictory = decision(1, "Knee brace", Outcome.upheld, [reason(ReasonCode.criteria_met)])
    item = build_summary(UNDATED, [contradictory], "en").items[0]
    assert "Decision rationale" in item.reasons[0]


def test_partial_item_mentions_the_authorized_portion() -> None:
    partial = decision(
        1,
        "Physical therapy x 6",
        Outcome.upheld,
        partial=True,
        original_request="Physical therapy x 12",
        authorized_portion="Physical therapy x 6",
    )
    text = build_summary(UNDATED, [partial], "en").text
    assert "Your doctor asked for: Physical therapy x 12.\n" in text
    assert "Already approved before this review: Physical therapy x 6. This review did not change that part.\n" in text
    assert "This review looked at the rest (Physical therapy x 6): not approved.\n" in text


def test_decision_date_is_written_out() -> None:
    assert "The decision is dated December 9, 2016." in build_summary(DATED, [DENIED_MRI], "en").text
    assert "9 de diciembre de 2016" in build_summary(DATED, [DENIED_MRI], "es").text
    assert "dated" not in build_summary(UNDATED, [DENIED_MRI], "en").text


def test_spanish_is_spanish_and_differs() -> None:
    items = [DENIED_MRI, DENIED_THERAPY, APPROVED_BRACE]
    english = build_summary(DATED, items, "en")
    spanish = build_summary(DATED, items, "es")
    assert spanish.language == "es" and spanish.text != english.text
    assert spanish.headline == "Una parte de la atención de su revisión fue aprobada y otra no."
    assert spanish.items[0].status == "Este tratamiento no fue aprobado."
    assert "debe autorizar" in spanish.text and "usted" in spanish.text
    assert "petición verificada" in spanish.text and "10575(c)" in spanish.text
    for sentence in ("This care is not approved.", "What you can do", "You can also appeal"):
        assert sentence not in spanish.text
    assert spanish.items[0].service == "MRI of the left knee"
    assert spanish.items[0].service_plain == "resonancia magnética, rodilla, lado izquierdo (MRI of the left knee)"
    assert "Tratamiento: resonancia magnética, rodilla, lado izquierdo (en la carta: MRI of the left knee)." in (
        spanish.text
    )


def test_readability_is_computed_on_the_text() -> None:
    for lang in ("en", "es"):
        summary = build_summary(DATED, [DENIED_MRI, APPROVED_BRACE], lang)
        assert summary.readability.model_copy(update={"hard_words": None}) == score(summary.text, lang)
        assert (summary.readability.hard_words is None) == (lang == "es")
    english = build_summary(DATED, [DENIED_MRI, DENIED_THERAPY, APPROVED_BRACE], "en")
    assert english.readability.meets_target and english.readability.score <= 6


def test_text_holds_headline_items_and_next_steps() -> None:
    summary = build_summary(DATED, [DENIED_THERAPY, DENIED_MRI], "en")
    assert summary.text.startswith(summary.headline + "\n")
    assert summary.text.index("MRI of the left knee") < summary.text.index("Physical therapy x 12")
    for part in [*(i.status for i in summary.items), *(r for i in summary.items for r in i.reasons)]:
        assert part in summary.text
    for step in summary.next_steps:
        assert step in summary.text
    assert [i.index for i in summary.items] == [1, 2]


def test_deterministic_rules_output() -> None:
    first = build_summary(DATED, [DENIED_MRI, APPROVED_BRACE], "en")
    second = build_summary(DATED, [DENIED_MRI, APPROVED_BRACE], "en")
    assert first.model_dump_json() == second.model_dump_json()
    assert first.generated_by == "rules"


#: sha256 of all fixed wording, per TEMPLATES_VERSION. The version is in provenance and
#: in cache keys, so changed wording under an old version would serve stale summaries.
WORDING_FINGERPRINTS = {
    "2": "8f5373cdcddb95a62df5e1939fdbc177cffd90f71efa871bdc1f040e681f188f",
    "3": "c7bee3dbe456d6f337dae1ecc1eef5853be91a1fd1bcff912be2f088fc44accf",
    "4": "6d697dc5e9188f1e8cf8d10abc5c9e1449287b7d091a60a774e8b9bc2b03209a",
    "5": "11383a4dc0769b3a6b1e4ff342ac292c3472713f8677e1b326bafb3b9d999473",
    "6": "b7f5542b358f901231489c951b702fd5f50f7cae8ca5c51fab2bb12d6a4b2499",
    "7": "5a041734ef26b070739e1e85e458e67ae1be7f638998902de0ae93d80a9dbc23",
    "8": "e044b9e2a188d89d5e193cf846a478b18462e2bfdeb50a763d550daea823349c",
    # 9: same wording as 8; Spanish names of request parts gained their amounts
    "9": "e044b9e2a188d89d5e193cf846a478b18462e2bfdeb50a763d550daea823349c",
    # 10: "all the care your doctor asked for" when IMR decided the whole original request; "decision" defined
    "10": "bb3c2a077c1cb5bbed1a6a9bd581586f00e89e405a2dd6b323d5c853bf3ea4a4",
    # 11: same wording as 10; care the worker already has gets the new-request and appeal steps,
    # and a taper note follows the rationale's advice to wean or taper
    "11": "bb3c2a077c1cb5bbed1a6a9bd581586f00e89e405a2dd6b323d5c853bf3ea4a4",
    # 12: "You already had (at least) 24 visits." when the rationale counts care had past the limit
    "12": "3cd8771a09b7d034bf0105989736314b01cdd4973f8c91e44dbe193eaf4841a2",
    # 13: "You already had this care before, or approval for it." as a second reason
    "13": "7d6aa5e516d08535b8a50420bd0bb592f7403af14eb9d51b54263f5a41c32481",
    # 14: care the worker already has leads the headline, and the other items are "the rest";
    # ESI, UDS, CBT and HHA explained (one abbreviation table for reading and explaining); which finding
    # was not seen, which care comes first, "was needed" for approved care already given; "#" no longer
    # said to count pills; TENS, EMS, E-stim and electrical stimulation each their own sentence;
    # cervical, thoracic, lumbar, lumbosacral, with/without contrast explained; "along with physical
    # therapy or working out" for a program the care must go with; "The reviewer expects you to keep
    # working out at home on your own." under a no whose rationale says so; three nerve findings told
    # apart; named care "did not show that you tried X first"; "call for" not "allow"; the related
    # care "is not needed" (it may not be in this review); surgery "planned, or that you would want it";
    # bilateral, associated surgical service, arthroscopy, pre-op, post-op and chiropractic explained;
    # "no trouble sleeping" dropped (an audit found it wrong); what a medicine in the heading is for;
    # "other care" as what the notes did not show; EMG "a test of the nerves that move your body";
    # no reason given for one more test: "why you need another test after the ones you had"; Spanish
    # wording corrected by a native-speaker review (subjunctive, agreement, facts the English states)
    # (the post-op explanation reads the shared text.lexicon.AFTER_SURGERY: "Post operative" too)
    "14": "0515d2ed4164ca6f787e2dc80c292767c54a3d468ad845c3357e0b9dd9ccfc6e",
    # 15: treatment words a worker may not know explained under the item (ultrasound, acupuncture,
    # biofeedback, epidural and steroid spelled out, facet and medial branch, radiofrequency ablation,
    # fluoroscopy, anesthesia, sedation, PRP, gel shots, spinal cord stimulator, sleep study,
    # arthrogram, functional restoration, work hardening, partial hospitalization, psychological care,
    # TOC, ortho, evaluation and consultation, pain management, meniscus, subacromial, decompression,
    # carpal tunnel, rotator cuff, debridement, fusion, laminectomy and discectomy, LSO, orthotics,
    # DME, cold therapy, CPM, compounded medicines, upper and lower extremities, SI joint, home health aide
    # spelled out)
    "15": "4a94ef31000d9d3f726561b5e687f95ca519f4bda2ad7049b04f904ccac22af5",
    # 16: a worker-view review of invented round 34: "Your doctor's notes did not show signs that you
    # need this care." for findings (the records, not only the exam); "this medicine", not "past
    # care", for a medicine the worker takes; no improvement said beside other missing facts
    "16": "bcc5ceaf38a0b7c520a8756726909a7113d9509d54c1f9bb2baa8abeb4d8f166",
    # 17: a worker-view review of invented round 35: a psychiatrist is a medical doctor (not talk
    # therapy); each medicine of a mix said by its name; "did not show that the past care helped
    # you"; spine levels, EKG/ECG, ER/XR/SR/XL, ODT, inpatient, skilled nursing, clearance, Botox,
    # carpal tunnel release, more medicine names and kinds (mood, headache) explained
    "17": "b7848c96063a601ca5f161dc1355af100b0faf153aafcc72a98ad70df8484c7c",
    # 18: same wording as 17; a main ground said by its stock sentence alone is followed by the
    # reviewer's words that show it ('The reviewer wrote: "..."'), when they are quotable
    "18": "b7848c96063a601ca5f161dc1355af100b0faf153aafcc72a98ad70df8484c7c",
    # 19: a worker-view review of invented round 36: PT/INR is a blood test (not physical therapy);
    # Botox may be for headaches too
    "19": "2cecc40b4dabdd7bc24ef4a5c0dbc85a31a4ab94a9ba39c15c9a2a8498d7bdc9",
    # 20: a worker-view review of invented round 36: a refused test the worker already had is said
    # first ("You already had this test, or one like it, on December 14, 2016."); a partly approved request is not
    # told "You already had this care before, or approval for it" as a reason; then round 37's: a
    # part approved before that only the case summary tells is kept ("Part of this request was
    # approved before this review ..."); spine levels explained with the item's own level
    "20": "e06759012c94622630afb204b2f467b7e3df45c0d53413f2ae9b81eeab52c899",
    # 21: same wording as 20; round 37's reader: a fact a sentence outside the ground holds is not
    # told missing ("x-rays show no instability", side effects named as a risk), and a guideline's
    # "should" or "is not suggested" sentence is not read as a fact the notes lack
    "21": "e06759012c94622630afb204b2f467b7e3df45c0d53413f2ae9b81eeab52c899",
    # 22: the Spanish of templates 20's five new sentences read by a native-speaker helper (2 corrected:
    # "Su carta dice cuál es esa parte.", "indican una parte de la espalda o del cuello")
    "22": "e2cb69fb1a46d0b60d36012228ef2db943949b2b60eb00a4d0d5512f54e69c43",
    # 23: same wording as 22; an approval quotes the case that meets the criteria (the reviewer's
    # last 5 sentences, not 3), a bare verdict ("The request meets the guideline criteria.") or a
    # guideline's report ("The MTUS states ... the patient ...") or a rule's condition is never quoted
    "23": "e2cb69fb1a46d0b60d36012228ef2db943949b2b60eb00a4d0d5512f54e69c43",
    # 24: same wording as 23; a refused repeat of a test the worker already had is "not approved",
    # not "you already have this care, or approval for it" (round 38's reader)
    "24": "e2cb69fb1a46d0b60d36012228ef2db943949b2b60eb00a4d0d5512f54e69c43",
    # 25: round 38's reader: a refused medicine whose rationale says it may harm this worker says so
    # ("The reviewer also found that this medicine could hurt you."); "request", "unsafe" and
    # "problems" were words the hard-word check flags: "before your doctor asked for this one",
    # "Part of what your doctor asked for", "causes you any trouble"
    "25": "a88de6e3f6f88afec95cbed3d274cc6121e751d2a3cd7e23769f3a179041fc37",
    # 26: chiropractic care "on your body by hand, most often the back or neck" (round 38's reader:
    # "back or neck" was wrong for an ankle)
    "26": "48e419b4fd913ad3d7e55e49f47477db500cbba9a1ed39eefda98580122f6686",
    # 27: under a ground about worry, sadness or sleep, an untried antidepressant is "medicines for
    # sadness or worry" (not "for nerve pain") and counseling "talking with a trained helper"
    "27": "0f2e4a0e4ed67e6d00efea4926b4e30f07982f7a0cfb340266a55cf56fa8472e",
    # 28: same wording as 27; the safety sentence also for a seizure disorder, liver disease, drowsiness
    # at work or with a fall, rebound headache, a prior overdose (never a harm denied or what a medicine
    # "can lead to" in anyone)
    "28": "0f2e4a0e4ed67e6d00efea4926b4e30f07982f7a0cfb340266a55cf56fa8472e",
    # 29: same wording as 28; "him" and "this/the worker" are words for this worker, so a sentence
    # about them can be quoted (and a harm to them said)
    "29": "0f2e4a0e4ed67e6d00efea4926b4e30f07982f7a0cfb340266a55cf56fa8472e",
    # 30: same wording as 29; an amount asked for counts the limit's own kind of thing ("12 sessions of
    # therapy" is not a number of injections)
    "30": "0f2e4a0e4ed67e6d00efea4926b4e30f07982f7a0cfb340266a55cf56fa8472e",
    # 31: same wording as 30; a test the letter dates or gives a result for is not told missing; a
    # missing gain in function is "helped you do more in daily life" for a medicine; kidney harm the
    # records document is said
    "31": "0f2e4a0e4ed67e6d00efea4926b4e30f07982f7a0cfb340266a55cf56fa8472e",
    # 32: same wording as 31; a quote starts after an opening "However,", "Here,", "In this case," or "and"
    "32": "0f2e4a0e4ed67e6d00efea4926b4e30f07982f7a0cfb340266a55cf56fa8472e",
    # 33: same wording as 32; a dated test ("the 11/15/2016 urine drug screen did not detect") and a fact
    # the notes give ("the progress notes give pain levels ...") are not told missing
    "33": "0f2e4a0e4ed67e6d00efea4926b4e30f07982f7a0cfb340266a55cf56fa8472e",
    # 34: the safety sentence names the harm where the reviewer's sentence does (medicines mixing,
    # breathing, kidneys, liver, bleeding, headaches, sleepiness or a fall); else "could hurt you"
    "34": "aea2d2eb676f8d9bacc0909e82ac9f19df88796f03484566c131bc03cb9d2441",
    # 35: "or make you fall" only where the reviewer's sentence names a fall (round 42's reader)
    "35": "3fdc47606d8203de1f96dcd58c7e989a485f9c65e78d7f4cc9fde13476c1424d",
    # 36: same wording as 35; the safety sentence for a harm the verdict sentence gives ("Given the risk of
    # bleeding, the request ...", "the risk of combining tramadol with sertraline"); a harm denied up to
    # 60 characters after its "no"
    "36": "3fdc47606d8203de1f96dcd58c7e989a485f9c65e78d7f4cc9fde13476c1424d",
    # 37: the safety sentence names a seizure ("could make you more likely to have fits") and an
    # overdose ("could be dangerous if you take too much of it")
    "37": "35bbbae121f555a1802e2e3019e7c22d4db297b749c09fc592ef530e6be97e4c",
    # 38: same wording as 37; pain levels the rationale gives anywhere are not told missing, nor x-rays
    # that "also show" a finding, nor a program the worker "failed to progress in" (round 43's reader)
    "38": "35bbbae121f555a1802e2e3019e7c22d4db297b749c09fc592ef530e6be97e4c",
    # 39: same wording as 38; the safety sentence comes first when the reviewer gives the harm before
    # every coded ground, and is read from the sentence that names the harm ("danger", "fallen", "the
    # likelihood of another fall" are harm words)
    "39": "35bbbae121f555a1802e2e3019e7c22d4db297b749c09fc592ef530e6be97e4c",
    # 40: the Spanish overdose sentence says "si usted toma más de la dosis que le indicaron" ("si usted
    # toma demasiado" reads as drinking too much: round 44's reader); visits the worker "will have
    # received" are not visits already had; how long the worker has taken a medicine "since" a date is
    # not the guidelines' limit
    "40": "b1215061cc1c45374eae2538e7c848041dbd8ae6ccf415c4f92be7b41221251d",
    # 41: same wording as 40; a finding said to be unchanged or stable is not told absent
    "41": "b1215061cc1c45374eae2538e7c848041dbd8ae6ccf415c4f92be7b41221251d",
    # 42: a safety sentence said first drops its "also" ("The reviewer found that ...", "El revisor
    # encontró que ...")
    "42": "d4c40e5be1254390833f50dddff71268c9b7137dc0fbc950763fb682142f7e2c",
    # 43: the overdose sentence says the medicine "could put you at risk of an overdose" and what an
    # overdose is ("could be dangerous if you take too much of it" read as if the dose prescribed
    # were safe, where the reviewer meant a prior overdose on an opioid with a benzodiazepine:
    # round 44's reader); Spanish alike
    "43": "70cdef4946671ef0ee39a698f69b7818ed4455583393f73bae7afc5f4897b59c",
    # 44: same wording as 43; a quoted clause with no full stop of its own gets one after the quote (it ran
    # on into the next sentence), and a "Given/Because/Since/As/With ..." clause is quoted with the verdict
    # it leads to, when the whole sentence has at most 40 words (round 45's reader: a clause that never ends)
    "44": "70cdef4946671ef0ee39a698f69b7818ed4455583393f73bae7afc5f4897b59c",
    # 45: a limit that holds only until the care is shown to work says so ("no more than 2 weeks, unless
    # it is shown to help you"); the approved-trial sentence no longer says a part of this care was
    # approved where the approved step came before it ("Part of this care, or a first step before it,
    # was already approved"; round 45's reader: diagnostic blocks before a nerve burning, a lower dose)
    "45": "e52b9d656ea0c60026cd2f5e4d8fbc49c568d3fecb84fa9bdb50451088a70a8f",
    # 46: same wording as 45; the reviewer's own "reason" ("the principal reason the request fails", "no
    # reason to suspect", "for reasons unrelated") is not told as a reason the doctor did not give
    "46": "e52b9d656ea0c60026cd2f5e4d8fbc49c568d3fecb84fa9bdb50451088a70a8f",
    # 47: same wording as 46; drowsiness and the work it endangers may be up to 120 characters apart
    # ("grogginess and dizziness, adverse effects that are of real concern in someone who operates a
    # forklift"; round 45's reader: a safety ground not told)
    "47": "e52b9d656ea0c60026cd2f5e4d8fbc49c568d3fecb84fa9bdb50451088a70a8f",
    # 48: a device never tried at home first is told so ("The medical guidelines ask that you first try
    # this care for a while, to see if it helps you. Your doctor's notes did not show such a try."), not
    # "other care was tried first" (round 45's reader: a TENS unit after therapy, a brace and naproxen)
    "48": "4c6f2ef782be76f548211ae24f4824d09945c6c1e194dcd253e8cdf164d5b39e",
    # 49: a Spanish service name says whether it is bought or rented ("compra", "alquiler") and names
    # the heel ("talón"): round 45's reader, "terapia de frío, rodilla" dropped the purchase that decided it
    "49": "815b883cd728117d51ea12fe446d27fa06f99fb8b3ccad33b0684b93151c3574",
    # 50: "PT/INR", "BMP"/"CMP" and "laboratory studies" have Spanish names (a blood test, not "terapia
    # física"); "why a second authorization" is not "another test after the ones you had" (round 46's reader)
    "50": "da6e873b397a51d71765716d25568b724561643439671e52504c009f78123c60",
    # 51: same wording as 50; "a mechanically unstable meniscus" is not a joint that moves too much
    # (round 46's reader)
    "51": "da6e873b397a51d71765716d25568b724561643439671e52504c009f78123c60",
    # 52: same wording as 51; the ground the reviewer marks as the main one ("the overriding concern", "the
    # main deficiency", "most importantly", "weighs most heavily") is quoted first (round 46's reader)
    "52": "da6e873b397a51d71765716d25568b724561643439671e52504c009f78123c60",
    # 53: the approved-trial sentence is again "A first part of this care was approved" for a course of
    # visits, sessions or hours (round 46's blind judge found templates 45's hedge worse there), and "A
    # first step before this care was already approved" for anything else (a dose, a nerve burning, a
    # device bought after a rental)
    "53": "fc33f604ee9623f59ddd45f80152bb4cd6ed1f9350c710b906fb7340e87d2121",
    # 54 (the fingerprint now covers glossary.SPANISH_MEDICINES too): a Spanish medicine item is named by its
    # kind ("opioide", "benzodiacepina", "relajante muscular", ...), "medicamento" only for none or a mix
    # (round 45's reader: every medicine was "medicamento", two items of one letter had one name)
    "54": "beb857ffa9176d0ea3e6f9e8f7ff239c1fdcf6b84e0ea99cb59368f735f4447b",
    # 55: Spanish names for common operations and procedures (disc and spine surgery, a fusion, carpal
    # tunnel release, joint replacements, a meniscus, hardware removal, a stimulator, nerve burning and
    # blocks, an injection, "después de la operación"): round 46's reader, surgeries had no Spanish name
    "55": "a874a8585da65afb088cdd84622347d9955a8ec0ff473eadb98caf923502e310",
    # 56 (a Spanish reader of templates 55): Spanish names for crutches, a drug screen, a functional
    # restoration program, orthotics, a back brace ("faja", not "férula"), a cream ("crema"); a patch names
    # its medicine; before or after the operation and "otra vez" are said after the name; the appeal step
    # and "apelar" in plainer Spanish ("Solo se puede ganar una apelación por una de estas cinco razones", "Si
    # usted gana, otro revisor hace una nueva revisión; el tribunal no aprueba el tratamiento")
    "56": "16f1d46ecde69e21ab6766eef5ab7762cad7338cbf46ca6ff2299a632beddf66",
    # 57: same wording as 56; "This patient's own history weighs most heavily" is about the worker, not a
    # sentence pointing back: the next sentence (the overdose that happened) is quoted first
    "57": "16f1d46ecde69e21ab6766eef5ab7762cad7338cbf46ca6ff2299a632beddf66",
    # 58: same wording as 57; an item no rule explains quotes the reviewer's sentence up to 60 words long
    # rather than none, never the letter's note on not stopping a medicine abruptly (round 46's reader)
    "58": "16f1d46ecde69e21ab6766eef5ab7762cad7338cbf46ca6ff2299a632beddf66",
    # 59: "more than the guidelines allow" says which kind of more when the letter gives no figure: a
    # medicine taken too long, a test repeated too often, a course asked for whole instead of a first try
    # (round 46's reader: "more care than the guidelines call for" was said of five different grounds)
    "59": "1266d7a1c220dfd234a491b0f2502a95897d0a98bfd6237db63b114374a15dd7",
    # 60: same wording as 59; an item no rule explains quotes its main ground rather than a sentence that
    # only adds one ("also", "Nor", "In addition"), which is quoted only when nothing else can be (round 46's
    # reader)
    "60": "1266d7a1c220dfd234a491b0f2502a95897d0a98bfd6237db63b114374a15dd7",
    # 61: kidney harm names the kidneys ("could hurt your kidneys, the parts of your body that clean your
    # blood"), as the Spanish does (round 46's reader: "Say 'kidneys'")
    "61": "d02ffd02224db97bdafd6c8972b13fb64b777a960c0198702027bd2b72b27871",
    # 62: same wording as 61; a quoted sentence that opens by pointing back ("That combination carries a
    # foreseeable hazard", "This is well beyond the recommended duration") is quoted with the sentence it
    # points at, unless that is a guideline's (round 46's reader: "That combination" with no combination)
    "62": "d02ffd02224db97bdafd6c8972b13fb64b777a960c0198702027bd2b72b27871",
    # 63: a medicine's use too long is "The medical guidelines say to take this medicine only for a short
    # time" ("advise" is not a word a grade-6 reader knows: the eval's plain-words figure fell on CM16-0247802)
    "63": "2e8d36bc10dee9100be040d486f5803cebd68f8c09e063f47b5ff96422986b26",
    # 64: same wording as 63; a harm the lab values show (a creatinine risen, an ALT over twice normal) is
    # named, the safety sentence comes first when the reviewer marks it as the main ground or no other
    # ground is coded, and a marked ground's short sentence is followed past a guideline's sentence
    # (round 47's reader: "the primary issue in this case is safety" told last as "also", or not at all)
    "64": "2e8d36bc10dee9100be040d486f5803cebd68f8c09e063f47b5ff96422986b26",
    # 65: same wording as 64; pain scores told "the same as a month earlier" are pain scores given, not
    # "your notes did not give your pain levels", and "a 15-day supply, longer than the guidelines support"
    # is a medicine's use too long (round 47's reader)
    "65": "2e8d36bc10dee9100be040d486f5803cebd68f8c09e063f47b5ff96422986b26",
    # 66 (a reader of the 23 held-out real letters): the illnesses a medicine is for ("diabetic painful
    # neuropathy, postherpetic neuralgia, or fibromyalgia") are not "nerve pain"; surgery not planned is not
    # surgery not wanted ("did not show that surgery is planned for you"); x-rays never taken are not x-rays
    # whose result is missing ("did not show x-rays taken before, or what they showed"); a companion
    # medicine's lack of benefit is not told as this medicine's
    "66": "68bcadadf7fbc57082dbcbdda145c0ee39abbecbf923d87ba03141edba201252",
    # 67: "one of the sicknesses" (not "illnesses", a hard word) the guidelines list for a medicine; an
    # oral suspension is explained ("a medicine you drink, in place of a pill"; the real-letter reader)
    "67": "d9cff4f4a0ac95d3be0d0b8e95b536daa0964ec717be4231a37a4c1b6fb40eb5",
    # 68: a nerve burning without its diagnostic block is told so ("did not show a test shot (a nerve block)
    # done first"), not "other care was tried first" (round 48's reader)
    "68": "0f5f1980a5c648b868b42a47461c97b71657e97574b924e61c3b18c1c9dcf32a",
    # 69: same sentences as 68; "ER", "XR", "SR" and "XL" are spelled out ("extended release") for the reason
    # rules (recognizer 2.39), so the abbreviations' table changed
    "69": "89d8a5ccf4ad5fc2e655a11342b036c445ae2c1703b018fbee2c7d7a3a26881a",
    # 70: same wording as 69; a liquid medicine's Spanish name is "medicamento líquido", not "medicamento,
    # medicamento líquido" (four items of a real letter, CM17-0013625)
    "70": "89d8a5ccf4ad5fc2e655a11342b036c445ae2c1703b018fbee2c7d7a3a26881a",
    # 71: the same sentences; an operation not planned is said beside the findings a picture lacked
    "71": "89d8a5ccf4ad5fc2e655a11342b036c445ae2c1703b018fbee2c7d7a3a26881a",
    # 72: the same sentences; a verdict's "Given ..., proceeding with ..." and "Based on ..." clauses are
    # quoted, and what the treating physician did not do is quoted where nothing about the worker is
    "72": "89d8a5ccf4ad5fc2e655a11342b036c445ae2c1703b018fbee2c7d7a3a26881a",
    # 73: x-rays taken bending are what the notes lacked, not "x-rays taken before"; a headache's preventive
    # medicines are not "medicines for nerve pain"; anesthesia and sedation have Spanish names, and a care's
    # Spanish name leaves out the other care it is for (round 49's reader)
    "73": "48d5a90f903aad5d3c8430bc457b9824cae0b30c7be5dc0374fc990e0410716b",
    # 74: the same sentences; the part approved before names its amount where the case summary gives it
    # ("Already approved before this review: 6 sessions.", round 49's reader)
    "74": "48d5a90f903aad5d3c8430bc457b9824cae0b30c7be5dc0374fc990e0410716b",
    # 75: the same sentences; "modified duty" (light work) is not utilization review's modification, so a
    # sentence with it may be quoted (round 49's reader: an approval with no reason)
    "75": "48d5a90f903aad5d3c8430bc457b9824cae0b30c7be5dc0374fc990e0410716b",
    # 76: a mix of medicines refused for a drug the guidelines do not recommend on the skin says which drug
    # ("The medical guidelines do not call for putting baclofen on the skin. ...": round 49's reader)
    "76": "d250ea9d78dd7c570ee70b120cdbfdecdb467fd4da8f2182b57d0f2d2a727399",
    # 77: a headache's preventive medicines are "que se toman cada día" in Spanish, not "todos los días" (a
    # number of days is a deadline's words, which no item sentence may use)
    "77": "7772906099991b3fca4a122c6c4458c967deb025908f6f6433c8c9953487ec15",
    # 78: the same sentences; a medicine "combined with an opioid" is a harm only where the sentence says so,
    # and a ground called "more pressing" or "of greater concern" is quoted first (round 50's reader)
    "78": "7772906099991b3fca4a122c6c4458c967deb025908f6f6433c8c9953487ec15",
    # 79: the same sentences; a second harm the reviewer's sentence names is told too, and a blood thinner or an
    # ulcer that bled is bleeding, told before the kidneys (round 50's reader)
    "79": "7772906099991b3fca4a122c6c4458c967deb025908f6f6433c8c9953487ec15",
    # 80: one drug not recommended on the skin is not called a mix; a test for a medicine is not that medicine;
    # the number of sessions asked for is not the visits already had; a limit's condition of efficacy stays in its
    # clause (round 51's reader, after it was measured)
    "80": "82e1206cd162e188c9327929da8a345aba64d23a2de79315a42e0e372f385645",
    # 81: a second ground the rules do not name, in a sentence that opens by adding it ("Moreover, ..."), is
    # quoted as "The reviewer also wrote: ..."; a connective without its comma is not quoted
    "81": "8659c681e1f0ce260b37fecf3643cb4eb49d758320645b14a5f3c9ea53964da0",
    # 82: a TENS unit is care to try first, named ("did not show that you tried a TENS unit first"), and another
    # device's trial is not this device's own (round 52's reader: an H-wave device)
    "82": "8534d5efd480061c195418b89178bc0e0ddf473f3b886bd08d6775f01c0e2afb",
    # 83: the same sentences; a guideline's definition ("Nonunion is considered to exist only after ...") is
    # not a fact the notes lacked (round 52's reader: "did not show x-rays taken before")
    "83": "8534d5efd480061c195418b89178bc0e0ddf473f3b886bd08d6775f01c0e2afb",
    # 84: the same sentences; one copy of each rule: an added ground's opening is _ADDING_FIRST's, its rule
    # words the guideline words' (so "indicated" and "criteria" now count), a mix is two kinds of medicine
    "84": "8534d5efd480061c195418b89178bc0e0ddf473f3b886bd08d6775f01c0e2afb",
    "85": "8534d5efd480061c195418b89178bc0e0ddf473f3b886bd08d6775f01c0e2afb",
    "86": "8534d5efd480061c195418b89178bc0e0ddf473f3b886bd08d6775f01c0e2afb",
    "87": "8534d5efd480061c195418b89178bc0e0ddf473f3b886bd08d6775f01c0e2afb",
    "88": "8534d5efd480061c195418b89178bc0e0ddf473f3b886bd08d6775f01c0e2afb",
    "89": "8534d5efd480061c195418b89178bc0e0ddf473f3b886bd08d6775f01c0e2afb",
    "90": "8534d5efd480061c195418b89178bc0e0ddf473f3b886bd08d6775f01c0e2afb",
    "91": "8534d5efd480061c195418b89178bc0e0ddf473f3b886bd08d6775f01c0e2afb",
    "92": "8534d5efd480061c195418b89178bc0e0ddf473f3b886bd08d6775f01c0e2afb",
    "93": "8534d5efd480061c195418b89178bc0e0ddf473f3b886bd08d6775f01c0e2afb",
    "94": "8534d5efd480061c195418b89178bc0e0ddf473f3b886bd08d6775f01c0e2afb",
    "95": "bf9da1286f7846adb3156412921ad3c86b672d28dd28b32aec6b918f893e31f8",
    "96": "bf9da1286f7846adb3156412921ad3c86b672d28dd28b32aec6b918f893e31f8",
    "97": "bf9da1286f7846adb3156412921ad3c86b672d28dd28b32aec6b918f893e31f8",
    "98": "bf9da1286f7846adb3156412921ad3c86b672d28dd28b32aec6b918f893e31f8",
    "99": "bf9da1286f7846adb3156412921ad3c86b672d28dd28b32aec6b918f893e31f8",
    "100": "bbbbbecead161f2d0e9f7a228749aedab502dadaf686e5364a81029bba49d974",
    "101": "bbbbbecead161f2d0e9f7a228749aedab502dadaf686e5364a81029bba49d974",
    "102": "bbbbbecead161f2d0e9f7a228749aedab502dadaf686e5364a81029bba49d974",
    "103": "bbbbbecead161f2d0e9f7a228749aedab502dadaf686e5364a81029bba49d974",
    "104": "bbbbbecead161f2d0e9f7a228749aedab502dadaf686e5364a81029bba49d974",
    "105": "bbbbbecead161f2d0e9f7a228749aedab502dadaf686e5364a81029bba49d974",
    "106": "bbbbbecead161f2d0e9f7a228749aedab502dadaf686e5364a81029bba49d974",
    "107": "bbbbbecead161f2d0e9f7a228749aedab502dadaf686e5364a81029bba49d974",
    "108": "bbbbbecead161f2d0e9f7a228749aedab502dadaf686e5364a81029bba49d974",
    "109": "bbbbbecead161f2d0e9f7a228749aedab502dadaf686e5364a81029bba49d974",
    "110": "bbbbbecead161f2d0e9f7a228749aedab502dadaf686e5364a81029bba49d974",
    "111": "bbbbbecead161f2d0e9f7a228749aedab502dadaf686e5364a81029bba49d974",
    "112": "bbbbbecead161f2d0e9f7a228749aedab502dadaf686e5364a81029bba49d974",
    "113": "bbbbbecead161f2d0e9f7a228749aedab502dadaf686e5364a81029bba49d974",
    "114": "b94fc90f9047e99082d7bc0d40c57af50f1112ab249b02cdda18133f5dba7832",
    "115": "b94fc90f9047e99082d7bc0d40c57af50f1112ab249b02cdda18133f5dba7832",
    "116": "b94fc90f9047e99082d7bc0d40c57af50f1112ab249b02cdda18133f5dba7832",
    "117": "b94fc90f9047e99082d7bc0d40c57af50f1112ab249b02cdda18133f5dba7832",
    "118": "acd5fc58d1c57d33a27ccb053ad7d3f128495bddcb57ae241c6a68a4cd7fe258",
    "119": "acd5fc58d1c57d33a27ccb053ad7d3f128495bddcb57ae241c6a68a4cd7fe258",
    "120": "acd5fc58d1c57d33a27ccb053ad7d3f128495bddcb57ae241c6a68a4cd7fe258",
    "121": "acd5fc58d1c57d33a27ccb053ad7d3f128495bddcb57ae241c6a68a4cd7fe258",
    "122": "acd5fc58d1c57d33a27ccb053ad7d3f128495bddcb57ae241c6a68a4cd7fe258",
    "123": "acd5fc58d1c57d33a27ccb053ad7d3f128495bddcb57ae241c6a68a4cd7fe258",
    "124": "acd5fc58d1c57d33a27ccb053ad7d3f128495bddcb57ae241c6a68a4cd7fe258",
    "125": "acd5fc58d1c57d33a27ccb053ad7d3f128495bddcb57ae241c6a68a4cd7fe258",
    "126": "acd5fc58d1c57d33a27ccb053ad7d3f128495bddcb57ae241c6a68a4cd7fe258",
    "127": "acd5fc58d1c57d33a27ccb053ad7d3f128495bddcb57ae241c6a68a4cd7fe258",
    "128": "acd5fc58d1c57d33a27ccb053ad7d3f128495bddcb57ae241c6a68a4cd7fe258",
    "129": "acd5fc58d1c57d33a27ccb053ad7d3f128495bddcb57ae241c6a68a4cd7fe258",
    "130": "acd5fc58d1c57d33a27ccb053ad7d3f128495bddcb57ae241c6a68a4cd7fe258",
    "131": "acd5fc58d1c57d33a27ccb053ad7d3f128495bddcb57ae241c6a68a4cd7fe258",
    "132": "04659665d8ad8ddf5a4afd0da02e38729e9bc8186359511c793b203d4c586ea2",
    "133": "04659665d8ad8ddf5a4afd0da02e38729e9bc8186359511c793b203d4c586ea2",
    "134": "ffbc678368fe6cc3ea293d10d5437305e0fa6ddade07d5429a596b1e3feba4c9",
    "135": "72ba2e6e9222358c1afe42bbba403fe05d421a8e79ef54126d45142cfc33bdad",
    "136": "72ba2e6e9222358c1afe42bbba403fe05d421a8e79ef54126d45142cfc33bdad",
    "137": "72ba2e6e9222358c1afe42bbba403fe05d421a8e79ef54126d45142cfc33bdad",
    "138": "72ba2e6e9222358c1afe42bbba403fe05d421a8e79ef54126d45142cfc33bdad",
    "139": "72ba2e6e9222358c1afe42bbba403fe05d421a8e79ef54126d45142cfc33bdad",
    "140": "72ba2e6e9222358c1afe42bbba403fe05d421a8e79ef54126d45142cfc33bdad",
    "141": "21e8c44f0d388d1ebb8d75c85daf1fa78bef288fe67a5949dbd0e15bf9890839",
    "142": "21e8c44f0d388d1ebb8d75c85daf1fa78bef288fe67a5949dbd0e15bf9890839",
    "143": "21e8c44f0d388d1ebb8d75c85daf1fa78bef288fe67a5949dbd0e15bf9890839",
    "144": "21e8c44f0d388d1ebb8d75c85daf1fa78bef288fe67a5949dbd0e15bf9890839",
    "145": "21e8c44f0d388d1ebb8d75c85daf1fa78bef288fe67a5949dbd0e15bf9890839",
    "146": "21e8c44f0d388d1ebb8d75c85daf1fa78bef288fe67a5949dbd0e15bf9890839",
    "147": "21e8c44f0d388d1ebb8d75c85daf1fa78bef288fe67a5949dbd0e15bf9890839",
    "148": "21e8c44f0d388d1ebb8d75c85daf1fa78bef288fe67a5949dbd0e15bf9890839",
    "149": "4a50077cf0559315633872113b7e1652cf8c85cff498aa5cf9dcc072602d2c44",
    "150": "0943ad5785a0e4be109c8658efc1a4cc663ec99f8426ed14c840afc19838fb0f",
    "151": "0943ad5785a0e4be109c8658efc1a4cc663ec99f8426ed14c840afc19838fb0f",
    "152": "0943ad5785a0e4be109c8658efc1a4cc663ec99f8426ed14c840afc19838fb0f",
    "153": "0943ad5785a0e4be109c8658efc1a4cc663ec99f8426ed14c840afc19838fb0f",
    "154": "094389a298be1d7915dddea15da2bea469a36f24f4e1175a41bab6334ef0969a",
    "155": "004c611e3c1c578e06d8832a31a353adaab26fcc14a1ad8e26118aa96ff32b5b",
    "156": "2b5291caa95a99e8fb25b297f963e61a237cc947fd4b53ebecdd4dc43d846d57",
    "157": "f750b6067b2a86d26fe15fbbe00d224de6e132049c65cf01e77e6a591192ac2b",
    "158": "7055ba48dc6a1958b359c93772195c43c1c853bc17941e9f54ef7ec8281d3c94",
    "159": "124ee09545c4c60a31dcfa1f2e22b923856060f472eca44fc3ad1510472cd52b",
    "160": "2675bd508c0e4aa5f3bb86329f8a348440efc44955c08e12231c6f91f5449133",
    "161": "2675bd508c0e4aa5f3bb86329f8a348440efc44955c08e12231c6f91f5449133",
    "162": "1862518bebe402fb24b599d94d4feb0befa9345ca6ed6f2714196a1bfec4d272",
    "163": "a684b1bf6c88301d962accd030c63390c5c9916a08cc8f44be2d5f69d9fc79ad",
    "164": "a684b1bf6c88301d962accd030c63390c5c9916a08cc8f44be2d5f69d9fc79ad",
    "165": "a684b1bf6c88301d962accd030c63390c5c9916a08cc8f44be2d5f69d9fc79ad",
    "166": "a684b1bf6c88301d962accd030c63390c5c9916a08cc8f44be2d5f69d9fc79ad",
    "167": "e48e26e17845efb19012f2d440b3626d656b9669c66a047e7ced469af610d63a",
    "168": "0da5e8c9f6710b92b1e6c429533d6fcf105e7c7f8009f43400e267317b3ca563",
    "169": "0f4fabe12ca92bd4b93ad324b772085634e1027be26c9abf49aa50a2a605759d",
    "170": "0f4fabe12ca92bd4b93ad324b772085634e1027be26c9abf49aa50a2a605759d",
    "171": "0f4fabe12ca92bd4b93ad324b772085634e1027be26c9abf49aa50a2a605759d",
    "172": "0f4fabe12ca92bd4b93ad324b772085634e1027be26c9abf49aa50a2a605759d",
    "173": "0f4fabe12ca92bd4b93ad324b772085634e1027be26c9abf49aa50a2a605759d",
    "174": "0f4fabe12ca92bd4b93ad324b772085634e1027be26c9abf49aa50a2a605759d",
    "175": "0f4fabe12ca92bd4b93ad324b772085634e1027be26c9abf49aa50a2a605759d",
    "176": "0f4fabe12ca92bd4b93ad324b772085634e1027be26c9abf49aa50a2a605759d",
    "177": "0f4fabe12ca92bd4b93ad324b772085634e1027be26c9abf49aa50a2a605759d",
    "178": "0f4fabe12ca92bd4b93ad324b772085634e1027be26c9abf49aa50a2a605759d",
    "179": "0f4fabe12ca92bd4b93ad324b772085634e1027be26c9abf49aa50a2a605759d",
    "180": "0f4fabe12ca92bd4b93ad324b772085634e1027be26c9abf49aa50a2a605759d",
    "181": "0f4fabe12ca92bd4b93ad324b772085634e1027be26c9abf49aa50a2a605759d",
    "182": "0f4fabe12ca92bd4b93ad324b772085634e1027be26c9abf49aa50a2a605759d",
    "183": "0f4fabe12ca92bd4b93ad324b772085634e1027be26c9abf49aa50a2a605759d",
    "184": "b136639eb9a0db66ac2cd470354dea6ef57c8a2e7d33655223be57ad49ae0aa5",
    "185": "1547cf481556f8da9bf11a499f3384cfc6dee9ba0ef45868caaa6506d7744047",
    "186": "1547cf481556f8da9bf11a499f3384cfc6dee9ba0ef45868caaa6506d7744047",
    "187": "1547cf481556f8da9bf11a499f3384cfc6dee9ba0ef45868caaa6506d7744047",
    "188": "658a4523353472a718b2358bf0660a67495cf284a1f6a10ff21fa98b178202b7",
    "189": "658a4523353472a718b2358bf0660a67495cf284a1f6a10ff21fa98b178202b7",
    "190": "658a4523353472a718b2358bf0660a67495cf284a1f6a10ff21fa98b178202b7",
    "191": "2735d9486709a19bf08eb2f3c6f97365e511598357794fc92af3f5076f94178d",
    "192": "2735d9486709a19bf08eb2f3c6f97365e511598357794fc92af3f5076f94178d",
    "193": "2735d9486709a19bf08eb2f3c6f97365e511598357794fc92af3f5076f94178d",
    "194": "2735d9486709a19bf08eb2f3c6f97365e511598357794fc92af3f5076f94178d",
    "195": "2735d9486709a19bf08eb2f3c6f97365e511598357794fc92af3f5076f94178d",
    "196": "2735d9486709a19bf08eb2f3c6f97365e511598357794fc92af3f5076f94178d",
    "197": "cc42ccb61f49b348e4864eafe5a77641cb39f515efdb8e620d275b3ce54d2c34",
    "198": "cc42ccb61f49b348e4864eafe5a77641cb39f515efdb8e620d275b3ce54d2c34",
    "199": "ebe2b9b820cb18d5672d9b8030e8be380e82c1805eea3ff8d4399e0581cb37b0",
    "200": "ebe2b9b820cb18d5672d9b8030e8be380e82c1805eea3ff8d4399e0581cb37b0",
    "201": "ebe2b9b820cb18d5672d9b8030e8be380e82c1805eea3ff8d4399e0581cb37b0",
    "202": "e3f719f03a875651a855cfe39cd0ded86f6c78410ed092e0511c3972b30fb75b",
    "203": "e3f719f03a875651a855cfe39cd0ded86f6c78410ed092e0511c3972b30fb75b",
    "204": "e3f719f03a875651a855cfe39cd0ded86f6c78410ed092e0511c3972b30fb75b",
    "205": "e3f719f03a875651a855cfe39cd0ded86f6c78410ed092e0511c3972b30fb75b",
    "206": "df53c0f387cec22c0b88e45477884ab9d49fc644caad750cefcd1d059ae13c68",
    "207": "7c58d9160a0d381df1a9c7df27aa4e7c0adf5fdfb12fe063557f456a278cfe22",
    "208": "37ba62a484b7b306cfad3ba45b0dc9d4c4bc5cda4a7d05f6dbdb3884eff4bbd2",
    "209": "ae09c290d40b78eb7076c77f6d75d598f0cb71dedef3848eba83c2e7699c2327",
    "210": "ae09c290d40b78eb7076c77f6d75d598f0cb71dedef3848eba83c2e7699c2327",
    "211": "ae09c290d40b78eb7076c77f6d75d598f0cb71dedef3848eba83c2e7699c2327",
    "212": "ae09c290d40b78eb7076c77f6d75d598f0cb71dedef3848eba83c2e7699c2327",
    "213": "ae09c290d40b78eb7076c77f6d75d598f0cb71dedef3848eba83c2e7699c2327",
    "214": "b6aa7f6da10736542671ba40b777c59be2f67b883ce741722e37fcbef6cd3b1f",
    "215": "b6aa7f6da10736542671ba40b777c59be2f67b883ce741722e37fcbef6cd3b1f",
    "216": "05f9284e76e2bc064b75e1aa9af6db637d83f4c76910cae77decc3ff6aa2ad82",
    "217": "11bbe7e389a690bea3ebfc4720b2f75f8193fd9b7fdd4bf5826dfb9fbc733a7b",
    "218": "c00c6623386115287a0e7285a1dea7698e10ca605d25659a48b6de11f2dbb9d5",
    "219": "62e3452f672b86ce7a5aa2f2d87fcf85e156c887ed941be5ea1ea54eeed2f59e",
    "220": "09635a4f5c6be40355088ee5e11e088bf2098437207e2be202db1f744e1efd95",
    "221": "09635a4f5c6be40355088ee5e11e088bf2098437207e2be202db1f744e1efd95",
    "222": "09635a4f5c6be40355088ee5e11e088bf2098437207e2be202db1f744e1efd95",
    "223": "09635a4f5c6be40355088ee5e11e088bf2098437207e2be202db1f744e1efd95",
    "224": "09635a4f5c6be40355088ee5e11e088bf2098437207e2be202db1f744e1efd95",
    "225": "47a1acf520d70d995da4c257b21701ced6139876a43d4384511a2bbbce338b68",
    "226": "b3cd96b913a6ebd689d83ca1d8ceabaf45bcdbdbd1d4826e9d11d6832941217b",
    "227": "b3cd96b913a6ebd689d83ca1d8ceabaf45bcdbdbd1d4826e9d11d6832941217b",
    "228": "a394268b64f5eb67103b93bdb83cb7246a7e02068fc60f6cca7af0d1277b62b0",
    "229": "de2710f9f79ec63d7e7ce341bfee5ee2cb3d0a51cb9128569116f2b89f503b8e",
    "230": "de2710f9f79ec63d7e7ce341bfee5ee2cb3d0a51cb9128569116f2b89f503b8e",
    "231": "de2710f9f79ec63d7e7ce341bfee5ee2cb3d0a51cb9128569116f2b89f503b8e",
    "232": "de2710f9f79ec63d7e7ce341bfee5ee2cb3d0a51cb9128569116f2b89f503b8e",
    "233": "de2710f9f79ec63d7e7ce341bfee5ee2cb3d0a51cb9128569116f2b89f503b8e",
    "234": "de2710f9f79ec63d7e7ce341bfee5ee2cb3d0a51cb9128569116f2b89f503b8e",
    "235": "de2710f9f79ec63d7e7ce341bfee5ee2cb3d0a51cb9128569116f2b89f503b8e",
    "236": "7f7bdddde8523adb8187843732769ed31b36ebc7b674b0495b4c7ddf204c0b72",
    "237": "15696127e0887b052d1da6d9d751bd1864ed1e9738aca4bf01924f07531e5b97",
    "238": "15696127e0887b052d1da6d9d751bd1864ed1e9738aca4bf01924f07531e5b97",
    "239": "15696127e0887b052d1da6d9d751bd1864ed1e9738aca4bf01924f07531e5b97",
    "240": "15696127e0887b052d1da6d9d751bd1864ed1e9738aca4bf01924f07531e5b97",
    "241": "15696127e0887b052d1da6d9d751bd1864ed1e9738aca4bf01924f07531e5b97",
    "242": "15696127e0887b052d1da6d9d751bd1864ed1e9738aca4bf01924f07531e5b97",
    "243": "15696127e0887b052d1da6d9d751bd1864ed1e9738aca4bf01924f07531e5b97",
    "244": "15696127e0887b052d1da6d9d751bd1864ed1e9738aca4bf01924f07531e5b97",
    "245": "15696127e0887b052d1da6d9d751bd1864ed1e9738aca4bf01924f07531e5b97",
    "246": "15696127e0887b052d1da6d9d751bd1864ed1e9738aca4bf01924f07531e5b97",
    "247": "15696127e0887b052d1da6d9d751bd1864ed1e9738aca4bf01924f07531e5b97",
    "248": "15696127e0887b052d1da6d9d751bd1864ed1e9738aca4bf01924f07531e5b97",
    "249": "c11f75a0323976b9d33ee931fd4ecf97f19598310c0ac4e0e6736b977d4b8c1c",
    "250": "017c0064dea50685d2cfb42b81d8b878e89b742afd25345eff2024f26ad1fae6",
    "251": "017c0064dea50685d2cfb42b81d8b878e89b742afd25345eff2024f26ad1fae6",
    "252": "017c0064dea50685d2cfb42b81d8b878e89b742afd25345eff2024f26ad1fae6",
    "253": "7185e22cc17fc03643d5e3ade54eadc342eb512d94b5c2492bb79227691b6a99",
    "254": "55ea34194894c5044d11121e266e7bf33a772b32a7956bcbb18e34d81120aa48",
    "255": "55ea34194894c5044d11121e266e7bf33a772b32a7956bcbb18e34d81120aa48",
    "256": "55ea34194894c5044d11121e266e7bf33a772b32a7956bcbb18e34d81120aa48",
    "257": "55ea34194894c5044d11121e266e7bf33a772b32a7956bcbb18e34d81120aa48",
    "258": "55ea34194894c5044d11121e266e7bf33a772b32a7956bcbb18e34d81120aa48",
    "259": "5b51af51cee4de18b3007d803dee831b70726bb63ccd27a385bf13af8e9c40ba",
    "260": "5b51af51cee4de18b3007d803dee831b70726bb63ccd27a385bf13af8e9c40ba",
    "261": "bc142bf512ce063e969aafea014de6703561cadd5db988d2aaf27dfbd8d6f4f6",
    "262": "c3a5add1ded94fb3b2b242d5d82bc3ed732c67bb6ef95450936a108b516b6203",
    "263": "c3a5add1ded94fb3b2b242d5d82bc3ed732c67bb6ef95450936a108b516b6203",
    "264": "c3a5add1ded94fb3b2b242d5d82bc3ed732c67bb6ef95450936a108b516b6203",
    "265": "c3a5add1ded94fb3b2b242d5d82bc3ed732c67bb6ef95450936a108b516b6203",
    "266": "6a394e84f1de89618157d47759c343e394685bedcf6e309b87b28e573b9d4950",
    "267": "6a394e84f1de89618157d47759c343e394685bedcf6e309b87b28e573b9d4950",
    "268": "6a394e84f1de89618157d47759c343e394685bedcf6e309b87b28e573b9d4950",
    "269": "6a394e84f1de89618157d47759c343e394685bedcf6e309b87b28e573b9d4950",
    "270": "ddec72c5f7dc70d14e65f21310ede70e59973f04e24fa875c338ce846fcd0d9f",
    "271": "4ba5e661be3248ce201dc309935a90e6a768c2b2152605d3d3f992dce3225297",
    "272": "9abf046b8cb4988510fcf1b5d49e33342fa51fd20dc609dad62b6a5ad697a263",
    "273": "9abf046b8cb4988510fcf1b5d49e33342fa51fd20dc609dad62b6a5ad697a263",
    "274": "a2dd779f1c16d1bb9c925e93651d708990899c12b76c4144cf97534748d2a8e4",
    "275": "a2dd779f1c16d1bb9c925e93651d708990899c12b76c4144cf97534748d2a8e4",
    "276": "a2dd779f1c16d1bb9c925e93651d708990899c12b76c4144cf97534748d2a8e4",
    "277": "a2dd779f1c16d1bb9c925e93651d708990899c12b76c4144cf97534748d2a8e4",
}


def test_changed_wording_requires_a_new_templates_version() -> None:
    import hashlib

    import llm_extract.summary.glossary as glossary
    import llm_extract.summary.next_steps as steps
    import llm_extract.summary.templates as summary

    wording = (summary._EN, summary._ES, steps.STEPS, steps._DEADLINE_DATED, steps._DEADLINE_UNDATED, steps.FACT_ROWS)
    wording += (glossary.TERMS, glossary.ABBREVIATIONS, glossary.SPANISH_NAMES, glossary.SPANISH_MEDICINES)
    fingerprint = hashlib.sha256(repr(wording).encode()).hexdigest()
    assert WORDING_FINGERPRINTS.get(TEMPLATES_VERSION) == fingerprint, (
        "summary wording changed: bump TEMPLATES_VERSION and record the new fingerprint here"
    )


def test_no_decisions_still_gives_a_safe_summary() -> None:
    summary = build_summary(UNDATED, [], "en")
    assert isinstance(summary, Summary) and summary.items == []
    assert "read the letter" in summary.headline


def test_unknown_language_is_rejected() -> None:
    with pytest.raises(ValueError):
        build_summary(UNDATED, [DENIED_MRI], "fr")  # type: ignore[arg-type]

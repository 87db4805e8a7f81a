"""Deterministic plain-language summaries of an IMR determination.

The summary is for the injured worker, so it is built only from fixed, pre-written
sentences plus values copied from the letter (service names, amounts, the decision
date, a guideline's limit), each with its span. Nothing is generated: a reason the
rules did not recognise is never paraphrased, the reader is pointed to the letter's
"Decision rationale" instead.

An item line cannot mislead: care the worker already had approval for is said to be
so (and counted apart in the headline), a partly approved item shows what was asked
for, what was approved before and what this review decided as three quotes from the
letter, and approved care already given is to be *paid for*, not authorized.

The only facts not taken from the letter are procedural ones, each from a row of
WORKER-FACTS.md (see :mod:`llm_extract.summary.next_steps`); their citations go to a
short "Legal basis" section at the end. Terms of art are explained where first used
(:mod:`llm_extract.summary.glossary`). The wording avoids numbers that are not in the
letter or in those rules, and the words "upheld"/"overturned", which readers often
take the wrong way round. Spanish uses the "usted" form. Change any wording -> bump
:data:`TEMPLATES_VERSION`, since it is part of the output's provenance and cache key.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from llm_extract.contract.languages import LangCode
from llm_extract.contract.models import (
    Case,
    Decision,
    Outcome,
    Quote,
    Reason,
    ReasonCode,
    Span,
    Summary,
    SummaryItem,
    SummaryItemKind,
)
from llm_extract.summary import glossary, next_steps, specifics
from llm_extract.summary.readability import score
from llm_extract.text import rxcache
from llm_extract.text.abbreviations import Abbreviation
from llm_extract.text.dates import MONTHS
from llm_extract.text.easy_words import hard_words

__all__ = ["TEMPLATES_VERSION", "Explainer", "build_summary", "held_status", "opening", "spanish_part"]

TEMPLATES_VERSION = "277"
"""Version of the wording below; bump whenever a sentence changes."""

Lang = LangCode

#: At most this many reason sentences per item: the main reason, not the rationale.
_MAX_REASONS = 2
#: At most this many "your doctor's notes did not say ..." sentences per item.
_MAX_MISSING = 3

#: Reasons that can explain each outcome. Another backend could attach a denial
#: reason to an approved item; showing it would contradict the status line.
_FITS: dict[Outcome, frozenset[ReasonCode]] = {
    Outcome.overturned: frozenset({ReasonCode.criteria_met}),
    Outcome.upheld: frozenset(ReasonCode) - {ReasonCode.criteria_met},
}


@dataclass(frozen=True)
class _Wording:
    """Every fixed sentence of one language."""

    headline_all_one: str
    headline_all_many: str
    headline_none_one: str
    headline_none_many: str
    headline_some: str
    headline_empty: str
    headline_already_all: str
    headline_already_some: str
    """Leads the headline when the worker already has some items (or approval for them)."""
    headline_held_all: str
    headline_held_some: str
    """The same where every such item is a thing the worker has, said with no approval
    (:func:`specifics.held_only`): "or approval for it" had read as an approval held (rounds 162 and 163's readers)."""
    headline_rest_all: str
    headline_rest_none: str
    headline_rest_some: str
    """What this review decided on the other items, after ``headline_already_some``."""
    headline_looked_one: str
    headline_looked_many: str
    """Nothing this review looked at is approved, but part of some request was approved before it."""
    headline_kept_one: str
    headline_kept_many: str
    """Added when part of a request not approved here was approved before (one such request, several)."""
    guide: str
    """The summary's first line (the worker's document has a title that says it)."""
    intro: str
    """What an IMR, the reviewer, "approved" and the decision are; the document shows it too."""
    dated: str
    """Takes ``{date}``."""
    months: tuple[str, ...]
    date_format: str
    """Takes ``{day}``, ``{month}``, ``{year}``."""
    treatment: str
    """Takes ``{service}``."""
    treatment_named: str
    """Takes ``{plain}`` and ``{service}`` (a translated name, the letter's words kept)."""
    approved: str
    approved_paid: str
    not_approved: str
    rest: str
    """Takes ``{value}``: the part of a partly approved request this review looked at;
    one of the ``rest_*`` verdicts follows it."""
    whole: str
    """In place of ``rest`` when this review decided the whole original request."""
    rest_approved: str
    rest_approved_paid: str
    rest_not_approved: str
    already_approved: str
    already_held: str
    """An item the worker has, with no approval said (:func:`specifics.held_only`)."""
    asked: str
    """Takes ``{value}`` (a letter value, in Spanish with its Spanish name: see :func:`_named`)."""
    already_part: str
    """Takes ``{value}`` (as ``asked``)."""
    part_before: str
    """Part of the request was approved before this review, said only in the letter's case summary."""
    named: str
    """Takes ``{plain}`` and ``{value}``: a letter value with its name in the summary's language."""
    unnamed: str
    """Takes ``{value}``: a letter value the glossary has no name for."""
    reasons: dict[ReasonCode, str]
    limit: str
    """Takes ``{limit}`` (in the summary's language) and ``{original}`` (the letter's words)."""
    limit_trial: str
    """A limit for a first trial; takes ``{limit}`` and ``{original}``."""
    limit_more: str
    """A limit on care beyond what was given ("an additional 3-4 sessions"); takes ``{limit}`` and ``{original}``."""
    limit_time: str
    """A time limit ("no more than 2-3 weeks"); takes ``{limit}`` and ``{original}``."""
    limit_time_under: str
    """A time limit written "less than 3 weeks"; takes ``{limit}`` and ``{original}``."""
    unless_shown: str
    """Ends a limit sentence whose limit holds only until the care is shown to work."""
    limit_asked: str
    """Takes ``{asked}``, ``{unit}`` and ``{original}``."""
    limit_asked_rest: str
    """The same for a partly approved request, whose decided part is what remains: the doctor asked for more
    (round 75's reader: "Your doctor asked for 8 visits" where 12 were asked and 4 approved before)."""
    limit_had: str
    """Care already had, past the limit; takes ``{had}``, ``{unit}`` and ``{original}``."""
    limit_had_least: str
    """The same, written "at least 24"; takes ``{had}``, ``{unit}`` and ``{original}``."""
    limit_total: str
    """The total this request would bring the worker to, past the limit; takes ``{total}``, ``{unit}`` and
    ``{original}``."""
    limit_range: str
    """Takes ``{low}`` and ``{high}``."""
    limit_over: str
    """Takes ``{amount}`` and ``{period}``."""
    units: dict[str, tuple[str, str]]
    """A limit's unit (the plural English word) as (one, more than one). English says
    "visits" for sessions and treatments too: the plainer word for the same thing."""
    missing: dict[str, str]
    for_medicine: dict[str, str]
    """Said instead when the care asked for is a medicine the worker takes ("this medicine",
    not "past care"), by :attr:`missing` key, and ``"gain"`` for the no-improvement ground."""
    findings: dict[str, str]
    """What the reviewer did not find, by :data:`specifics._FINDINGS` key (instead of the general findings sentence)."""
    care_first: str
    """Takes ``{care}``: the care to try or finish first, named (instead of the general sentence), and that it did
    not help enough (templates 156)."""
    care_first_ongoing: str
    care_first_unfailed: str
    """Care the worker keeps doing whose failure the notes do not show (:func:`specifics.failure_unshown`)."""
    care_first_more: str
    """Care tried only briefly ("only 8 sessions of physical therapy"): more of it first, not a first try."""
    """The same for care the worker keeps doing, not care that must fail first: working out at home
    (:data:`_ONGOING`)."""
    care: dict[str, str]
    """Plain names of the kinds of care :func:`specifics.care_first` finds."""
    trial_step_before: str
    """The approved-trial ground for care that is not a course of visits (a dose, a procedure, a device
    bought): what was approved came before it, it is not a part of it."""
    own_trial_first: str
    """The ground is that a device asked for was never tried at home first (:func:`specifics.own_trial`)."""
    beside_first: str
    """The ground is that the care asked for goes with other care that has not started
    (:func:`specifics.beside_care_not_started`): nothing had to fail first."""
    similar_held: str
    """The duplicate ground of care like something the worker has or has approval for, not the same care
    (:func:`specifics.similar_held`)."""
    not_covered: str
    """The guidelines do not cover a case like this one (:func:`specifics.beyond_covered`)."""
    even_where: str
    """Takes ``{sentence}``, a limit sentence begun in lower case: the limit of the cases the guidelines do cover."""
    too_soon: str
    """The guideline's verdict on care asked for too soon (:func:`specifics.too_soon`): not for now, not never."""
    past_acute: str
    """The guideline's care for the acute phase only, this case past it (:func:`specifics.past_acute`)."""
    known_already: str
    nothing_new_since: str
    """The findings ground of a test had before (:func:`specifics.earlier_test`): nothing new since it."""
    """The findings ground of a test whose result the reviewer says is already clear and would change nothing
    (:func:`specifics.known_already`)."""
    care_under_way: str
    test_awaited: str
    care_just_begun: str
    """Other care only just started, which this care waits to see the course of (:func:`specifics.just_begun`)."""
    """A test approved whose results are not in yet, which this care waits on (:func:`specifics.test_awaited`)."""
    """The other-care-first ground where that care is still going on or about to start
    (:func:`specifics.care_under_way`): this care waits for it, the other care need not fail first."""
    on_the_skin: str
    on_the_skin_one: str
    on_the_skin_mixed: str
    """A drug the guidelines refuse only in a mix put on the skin ("lidocaine is not recommended for topical compound
    formulation purposes"): a patch of it may be recommended, so "not on the skin" would be false (round 151)."""
    block_first: str
    """The ground is that a nerve burning's diagnostic block was never done (:func:`specifics.block_first`)."""
    test_shot_first: str
    """The ground is that a diagnostic injection was never done to find where the pain comes from
    (:func:`specifics.test_shot_first`): a test, not care that was tried and did not help."""
    excess: dict[str, str]
    """The "more than the guidelines allow" ground by its kind (:func:`specifics.excess`), instead of
    the general sentence when the letter gives no figure to say."""
    and_word: str
    criteria_met_given: str
    """The approval of care already given (a retrospective request)."""
    taper: str
    """Said under a "no" whose rationale advises against stopping the medicine abruptly."""
    safety: str
    care_safety: str
    """The safety sentence of care other than a medicine, before the reviewer's words that say the harm."""
    """Said under a refused medicine whose rationale says it may harm this worker."""
    safety_of: dict[str, str]
    """The safety sentence naming the harm (:func:`~llm_extract.summary.specifics.harm_kind`), by kind."""
    safety_first: tuple[str, str]
    """The safety sentences' opening, and what it becomes when the sentence comes first (no "also"
    with nothing before it: round 44's reader)."""
    home_program: str
    """Said under a "no" whose rationale expects the worker to go on at home, on their own."""
    earlier_test: str
    """A refused test the worker already had (:func:`specifics.earlier_test`), no date given."""
    earlier_test_on: str
    """The same with the date the letter gives; takes ``{date}``."""
    earlier_test_in: str
    """The same with the month the letter gives; takes ``{month}`` and ``{year}``."""
    see_rationale: str
    reviewer_wrote: str
    reviewer_also: tuple[str, str]
    """Takes ``{words}``: the reviewer's own words, quoted, for an item no reason sentence fits."""
    see_rest: str
    """After the quoted words: where the rest of the reviewer's reasoning is."""
    next_heading: str
    legal_heading: str


_EN = _Wording(
    headline_all_one="The care in your review is approved.",
    headline_all_many="All of the care in your review is approved.",
    headline_none_one="The care in your review is not approved.",
    headline_none_many="None of the care in your review is approved.",
    headline_some="Some of the care in your review is approved, and some is not.",
    headline_empty="We could not find the decisions in this letter. Please read the letter itself.",
    headline_already_all=(
        "You already have the care in this review, or approval for it, so this review did not approve it again."
    ),
    headline_already_some=(
        "You already have some of the care in your review, or approval for it, so this review did not approve that "
        "care again."
    ),
    # (not "did not approve it again": a thing the worker has was not always approved before; round 233's reader, a
    # brace given at urgent care)
    headline_held_all="You already have the care in this review, so this review did not approve it.",
    headline_held_some="You already have some of the care in your review, so this review did not approve that care.",
    headline_rest_all="The rest is approved.",
    headline_rest_none="The rest is not approved.",
    headline_rest_some="Of the rest, some is approved and some is not.",
    headline_looked_one="This review did not approve the care it looked at.",
    headline_looked_many="This review did not approve any of the care it looked at.",
    headline_kept_one="You keep the part that was already approved before this review.",
    headline_kept_many="You keep the parts that were already approved before this review.",
    guide="This is a short guide to your Independent Medical Review (IMR) letter.",
    intro=(
        "In an IMR, a new doctor looks at care your doctor asked for. This doctor does not work for you or for the "
        "company you work for. This doctor is the reviewer. Approved means the reviewer said yes to the care. The "
        "decision is the reviewer's yes or no to the care."
    ),
    dated="The decision is dated {date}.",
    months=tuple(m.capitalize() for m in MONTHS["en"]),
    date_format="{month} {day}, {year}",
    treatment="Care: {service}.",
    treatment_named="Care: {plain} ({service}).",
    approved="This care is approved. The claims administrator must now authorize it.",
    approved_paid="This care is approved. You already had it, so the claims administrator must now pay for it.",
    not_approved="This care is not approved.",
    rest="This review looked at the rest ({value}):",
    whole="This review looked at all the care your doctor asked for ({value}):",
    rest_approved="approved. The claims administrator must now authorize it.",
    rest_approved_paid="approved. You already had it, so the claims administrator must now pay for it.",
    rest_not_approved="not approved.",
    # Round 56's reader: "You already have approval for this" read as an approval of the new request (a second
    # pair of braces, another NSAID); said without "not approved", which read as losing the care one has.
    already_approved="You already have this care, or approval for it, so this review did not approve it again. "
    "You keep what you already have.",
    already_held="You already have this, so this review did not approve it. You keep what you already have.",
    asked="Your doctor asked for: {value}.",
    already_part="Already approved before this review: {value}. This review did not change that part.",
    part_before=(
        "Part of what your doctor asked for was approved before this review, and this review did not change that part. "
        "Your letter says which part."
    ),
    named="{value}",
    unnamed="{value}",
    reasons={
        ReasonCode.no_functional_improvement: (
            "Your doctor's notes did not show that past care helped you do more in daily life."
        ),
        ReasonCode.exceeds_guideline_limits: "Your doctor asked for more care than the medical guidelines call for.",
        ReasonCode.not_recommended: "The medical guidelines do not call for this care.",
        ReasonCode.missing_documentation: "Your doctor's notes did not give enough facts to show you need it.",
        # The records, not only the exam: a finding may be an image, a test, a medicine list
        # or a risk the notes do not show ("no NSAID is on his current medication list").
        # not "did not show the signs the medical guidelines look for": the ground as often finds signs that rule the
        # care out, or signs for part of it only (rounds 287-288's readers: crutches for a man who walks unaided, a
        # knee scope whose tear the exam and pictures showed to be arthritis, a shot on both sides where the left
        # side's signs fit)
        ReasonCode.findings_do_not_support: (
            "The facts in your doctor's notes do not match what the medical guidelines ask for before this care."
        ),
        # not "Your doctor's notes did not show that other care was tried first": reviewers most often find that care
        # tried has not yet failed (a home program under way, a first-line drug that helps: rounds 85-87's readers)
        ReasonCode.other_treatment_first: (
            "The reviewer found that other care must be tried first, and found not to work well enough, before this "
            "care."
        ),
        # not "The reviewer found that the care this goes with is not needed": utilization review may have refused it,
        # outside this review (round 97's reader)
        ReasonCode.related_item_not_approved: (
            "The care this goes with was not approved. So this was not approved either."
        ),
        ReasonCode.approved_trial_pending: (
            "A first part of this care was approved. How that part helps you will show if you need more."
        ),
        ReasonCode.already_authorized: "You already had this care before, or approval for it.",
        ReasonCode.criteria_met: "The reviewer found that you need this care.",
    },
    limit="The medical guidelines allow {limit}.",
    limit_trial="The medical guidelines allow a first try of {limit}.",
    limit_more="After the care you already had, the medical guidelines allow only {limit} more.",
    limit_time="The medical guidelines allow this care for no more than {limit}.",
    limit_time_under="The medical guidelines allow this care for less than {limit}.",
    unless_shown=", unless it is shown to help you.",
    limit_asked="Your doctor asked for {asked} {unit}.",
    limit_asked_rest="This review was about {asked} more {unit}.",
    limit_had="You already had {had} {unit}.",
    limit_had_least="You already had at least {had} {unit}.",
    limit_total="With this request, you would have {total} {unit} in all.",
    limit_range="{low} to {high}",
    limit_over="{amount} over {period}",
    units={
        "visits": ("visit", "visits"),
        "sessions": ("visit", "visits"),
        "treatments": ("visit", "visits"),
        "injections": ("shot", "shots"),
        "blocks": ("shot", "shots"),
        "days": ("day", "days"),
        "weeks": ("week", "weeks"),
        "months": ("month", "months"),
    },
    missing={
        "improvement": "Your doctor's notes did not show that the past care helped you.",
        "improvement_some": "The past care helped you only a little, not enough.",
        "pain": "Your doctor's notes did not give your pain levels before and after past care.",
        "visits": "Your doctor's notes did not say how many visits you already had.",
        "drug_tests": (
            "Your doctor's notes did not show the tests the medical guidelines ask for when you take this kind "
            "of medicine."
        ),
        # (not "prescribed to you": a hard word, unexplained; the eval's plain-words check found it once the line was
        # said beside no drug test, templates 270)
        "cures": "Your doctor's notes did not show a check of the state's record of the medicines your doctors ordered "
        "for you (CURES).",
        "drug_test_unexplained": "Your doctor's notes did not explain a drug test result that did not match your "
        "medicines.",
        "home_exercise": "Your doctor's notes did not say if you work out at home on your own.",
        "home_exercise_instead": "Your doctor's notes did not say why you could not keep doing your exercises at home "
        "instead.",
        "side_effects": "Your doctor's notes did not say if the medicine causes you any trouble.",
        "surgery": "Your doctor's notes did not show that surgery is planned, or that you would want it.",
        "surgery_planned": "Your doctor's notes did not show that surgery is planned for you.",
        "pills": "Your doctor's notes did not say why you cannot take pills.",
        "home_trial": "Your doctor's notes did not show that you tried it at home first.",
        # "and that this did not help enough": reviewers most often want care tried to have failed, not only tried
        # (templates 156; "1 session of physical therapy", "without evidence of failure" of the NSAIDs taken)
        "tried_first": "Your doctor's notes did not show that other care was tried first and that this did not help "
        "enough.",
        "views": "Your doctor's notes did not show x-rays taken while you bend forward and back.",
        "imaging": "Your doctor's notes did not show x-rays taken before, or what they showed.",
        "nerve_test": "Your doctor's notes did not show a nerve test (EMG or nerve conduction study) done for this.",
        "pictures_nerve_test": "Your doctor's notes did not show pictures (like an MRI) or a nerve test (EMG or nerve "
        "conduction study) done for this.",
        "exam": "Your doctor's notes did not give all the needed facts from checking your body.",
        "plan": "Your doctor's notes did not give a plan with goals for this care.",
        "program": (
            "Your doctor's notes did not show that you would use this along with physical therapy or working out "
            "to get stronger."
        ),
        "quantity": "Your doctor did not say how much of it you need.",
        "frequency": "Your doctor did not say how often you need it.",
        "duration": "Your doctor did not say for how long you need it.",
        "frequency_duration": "Your doctor did not say how often or for how long you need it.",
        "body_part": "Your doctor did not say which part of your body it is for.",
        "work_cause": "Your doctor's notes did not show that your work injury caused this trouble or made it worse.",
        "why": "Your doctor's notes did not say why you need this care.",
        "why_again": "Your doctor's notes did not say why you need another test after the ones you had.",
    },
    for_medicine={
        "gain": "Your doctor's notes did not show that this medicine helped you do more in daily life.",
        "improvement": "Your doctor's notes did not show that this medicine helped you.",
        "improvement_some": "This medicine helped you only a little, not enough.",
        "pain": "Your doctor's notes did not give your pain levels with and without this medicine.",
    },
    findings={
        "red_flags": "Your doctor's notes did not show warning signs of something badly wrong.",
        "indication": (
            "Your doctor's notes did not show that you have one of the sicknesses the medical guidelines list "
            "for this medicine."
        ),
        "indication_care": (
            "Your doctor's notes did not show that you have one of the sicknesses the medical guidelines list "
            "for this care."
        ),
        "nerve_pain": "Your doctor's notes did not show nerve pain.",
        # (not "No pictures or nerve tests ... showed a hurt nerve": rounds 177-178's readers, an MRI that showed a
        # nerve touched at another level, or not matching the exam)
        "nerve_study": "Your pictures and nerve tests did not clearly show a hurt nerve that this care would treat.",
        # only one kind of test named in the rationale (round 270's readers: "nerve tests" of an MRI alone)
        "nerve_study_pictures": "Your pictures did not clearly show a hurt nerve that this care would treat.",
        "nerve_study_tests": "Your nerve tests did not clearly show a hurt nerve that this care would treat.",
        # no picture or nerve test done at all (round 198's reader: "did not clearly show" of tests never done)
        "nerve_study_none": "No pictures or nerve tests were done to show a hurt nerve that this care would treat.",
        "nerve": "Your doctor's notes did not show clear signs of a hurt nerve.",
        # a nerve test refused: the signs missing are those of the nerve trouble the test would find, not of any hurt
        # nerve (rounds 220 and 226's readers: an EMG for a wrist's plain nerve trouble, and an NCV beside an EMG for
        # a nerve root, were told "did not show clear signs of a hurt nerve", where the exam had shown one)
        "nerve_test": "Your doctor's notes did not show signs of the kind of nerve trouble this test is used to find.",
        "brain": (
            "Your doctor's notes did not show signs of trouble in your brain, such as weakness or loss of feeling."
        ),
        "nerve_root": "Your doctor's notes did not show clear signs of a hurt nerve in your neck or back.",
        "nerve_root_neck": "Your doctor's notes did not show clear signs of a hurt nerve in your neck.",
        "nerve_root_back": "Your doctor's notes did not show clear signs of a hurt nerve in your back.",
        "spasm": "Your doctor's notes did not show muscle spasms.",
        "stomach": "Your doctor's notes did not show trouble with your stomach, or a high chance of it.",
        "instability": "Your doctor's notes did not show that this part of your body moves more than it should.",
        "function": "Your doctor's notes did not show that you have trouble using this part of your body.",
        "change": "Your doctor's notes did not show a change in how you are doing.",
        "facet_nerve_root": (
            "The reviewer found signs that your pain comes from a pinched nerve in your spine. The medical guidelines "
            "give this shot only for pain that does not come from a pinched nerve."
        ),
    },
    care_first="Your doctor's notes did not show that you tried {care} first and that this did not help enough.",
    care_first_ongoing="Your doctor's notes did not show that you tried {care} first.",
    care_first_unfailed="Your doctor's notes did not show that {care} stopped helping you enough.",
    care_first_more="Your doctor's notes showed only a short try of {care}. The medical guidelines ask for more of it "
    "first.",
    trial_step_before="A first step before this care was already approved. How that step works for you will show if "
    "you need this care.",
    own_trial_first="The medical guidelines ask that you first try this care for a while, to see if it helps you. "
    "Your doctor's notes did not show such a try.",
    beside_first="The medical guidelines call for this care only together with other care, and that care has not "
    "started yet.",
    similar_held="You already have, or have approval for, something that does the same job as this care.",
    not_covered="The medical guidelines do not call for this care in a case like yours.",
    even_where="Even where they do, {sentence}",
    too_soon="The medical guidelines do not call for this care this early.",
    past_acute="The medical guidelines call for this care only soon after an injury, while it is new. The reviewer "
    "found that your injury is past that time.",
    nothing_new_since="Your doctor's notes did not show any new trouble since that test.",
    known_already="The reviewer found that what is wrong is already clear from your exam or earlier tests, so this "
    "test would not change your care.",
    care_under_way="Other care for you is still going on, or about to start. The reviewer found that this care should "
    "wait until that care is done.",
    care_just_begun="Other care for you has only just started. The reviewer found that this care should wait to see "
    "how that care goes.",
    test_awaited="A test for you was approved, and what it shows is not known yet. The reviewer found that this care "
    "should wait for what the test shows.",
    on_the_skin="The medical guidelines do not call for putting {drug} on the skin. This mix of medicines has {drug} "
    "in it, so the guidelines do not call for it.",
    on_the_skin_one="The medical guidelines do not call for putting {drug} on the skin.",
    on_the_skin_mixed="The medical guidelines do not call for {drug} in a mix of medicines put on the skin. This mix "
    "has {drug} in it, so the guidelines do not call for it.",
    block_first="Your doctor's notes did not show a test shot (a nerve block) done first. The medical guidelines "
    "ask for one, to show where the pain comes from.",
    test_shot_first="Your doctor's notes did not show a test shot done first, to show where the pain comes from.",
    excess={
        "short_use": "The medical guidelines say to take this medicine only for a short time, and this would be "
        "longer.",
        "less_often": "The medical guidelines call for this test less often than your doctor asked for it.",
        "first_block": "The medical guidelines call for a shorter first try of this care, to see if it helps you, "
        "before more is approved.",
    },
    care={
        "therapy": "physical therapy",
        "steroid_shots": "steroid shots",
        "shots": "shots",
        "splint": "wearing a splint",
        "swelling_pills": "medicines that bring down swelling",
        "headache_pills": "medicines taken every day to prevent headaches",
        "nerve_pills": "medicines for nerve pain",
        "mood_pills": "medicines for sadness or worry",
        "talk": "talking with a trained helper",
        "relaxers": "medicines for muscle spasms",
        "oral": "medicines you take by mouth",
        "exercise": "working out at home",
        "tens": "a TENS unit",
    },
    and_word="and",
    criteria_met_given="The reviewer found that the care you already had was needed.",
    safety="The reviewer also found that this medicine could hurt you. Ask your doctor about it.",
    care_safety="The reviewer also found that this care could put you at risk.",
    safety_first=("The reviewer also found", "The reviewer found"),
    safety_of={
        "alcohol": "The reviewer also found that this medicine could be dangerous with alcohol. "
        "Ask your doctor about it.",
        "mixing": "The reviewer also found that this medicine could be dangerous with other medicines you take. "
        "Ask your doctor about it.",
        "breathing": "The reviewer also found that this medicine could slow your breathing too much. "
        "Ask your doctor about it.",
        "asthma": "The reviewer also found that this medicine could set off an asthma attack, when it gets hard to "
        "breathe. Ask your doctor about it.",
        "pregnancy": "The reviewer also found that this medicine could be harmful while you are pregnant. "
        "Ask your doctor about it.",
        "heart": "The reviewer also found that this medicine could be bad for your heart. Ask your doctor about it.",
        "blood_pressure": "The reviewer also found that this medicine could be bad for your blood pressure. "
        "Ask your doctor about it.",
        "kidneys": "The reviewer also found that this medicine could hurt your kidneys, the parts of your body that "
        "clean your blood. Ask your doctor about it.",
        "kidneys_weak": "The reviewer also found that this medicine could be risky for you because of your kidneys, "
        "the parts of your body that clean your blood. Ask your doctor about it.",
        "liver": "The reviewer also found that this medicine could hurt your liver. Ask your doctor about it.",
        "bleeding": "The reviewer also found that this medicine could cause bleeding inside your body. "
        "Ask your doctor about it.",
        "falls": "The reviewer also found that this medicine could make you too sleepy, or make you fall. "
        "Ask your doctor about it.",
        "falls_dizzy": "The reviewer also found that this medicine could make you dizzy, or make you fall. "
        "Ask your doctor about it.",
        "falls_only": "The reviewer also found that this medicine could make you fall. Ask your doctor about it.",
        "dizzy": "The reviewer also found that this medicine could make you dizzy. Ask your doctor about it.",
        "sleepy": "The reviewer also found that this medicine could make you too sleepy. Ask your doctor about it.",
        "headaches": "The reviewer also found that this medicine could make your headaches worse. "
        "Ask your doctor about it.",
        "seizures": "The reviewer also found that this medicine could make you more likely to have fits, when your "
        "body shakes and you cannot stop it. Ask your doctor about it.",
        "overdose": "The reviewer also found that this medicine could put you at risk of an overdose. An overdose "
        "is when there is too much of a drug in your body, and it can be very dangerous. Ask your doctor about it.",
    },
    taper="Do not stop this medicine suddenly on your own. Talk to your doctor about how to lower it safely.",
    home_program="The reviewer expects you to keep working out at home on your own.",
    earlier_test="You already had this test, or one like it, before your doctor asked for this one.",
    earlier_test_on="You already had this test, or one like it, on {date}.",
    earlier_test_in="You already had this test, or one like it, in {month} {year}.",
    see_rationale='To see why, read the part called "Decision rationale" for this care in your letter.',
    reviewer_wrote='The reviewer wrote: "{words}"',
    reviewer_also=("The reviewer wrote", "The reviewer also wrote"),
    see_rest='To read all of it, see the part called "Decision rationale" for this care in your letter.',
    next_heading="What you can do",
    legal_heading="Legal basis",
)

_ES = _Wording(
    headline_all_one="La atención de su revisión fue aprobada.",
    headline_all_many="Toda la atención de su revisión fue aprobada.",
    headline_none_one="La atención de su revisión no fue aprobada.",
    headline_none_many="Ninguna parte de la atención de su revisión fue aprobada.",
    headline_some="Una parte de la atención de su revisión fue aprobada y otra no.",
    headline_empty="No pudimos encontrar las decisiones en esta carta. Por favor, lea la carta.",
    headline_already_all=(
        "Usted ya recibió la atención de esta revisión, o ya tiene la aprobación para recibirla, así que esta "
        "revisión no la aprobó otra vez."
    ),
    headline_already_some=(
        "Usted ya recibió una parte de la atención de su revisión, o ya tiene la aprobación para recibirla, así "
        "que esta revisión no aprobó esa parte otra vez."
    ),
    headline_held_all="Usted ya tiene la atención de esta revisión, así que esta revisión no la aprobó.",
    headline_held_some=(
        "Usted ya tiene una parte de la atención de su revisión, así que esta revisión no aprobó esa parte."
    ),
    headline_rest_all="El resto fue aprobado.",
    headline_rest_none="El resto no fue aprobado.",
    headline_rest_some="Del resto, una parte fue aprobada y otra no.",
    headline_looked_one="Esta revisión no aprobó la atención que revisó.",
    headline_looked_many="Esta revisión no aprobó nada de la atención que revisó.",
    headline_kept_one="Usted conserva la parte que ya estaba aprobada antes de esta revisión.",
    headline_kept_many="Usted conserva las partes que ya estaban aprobadas antes de esta revisión.",
    guide="Esta es una guía corta de su carta de Revisión Médica Independiente (IMR, por sus siglas en inglés).",
    intro=(
        "En una IMR, otro médico revisa la atención que su médico pidió. Este médico no trabaja para usted ni para "
        "su empleador. Este médico es el revisor. Aprobado quiere decir que el revisor dijo que sí a la atención. "
        "La decisión es el sí o el no del revisor a la atención."
    ),
    dated="La decisión tiene fecha del {date}.",
    months=MONTHS["es"],
    date_format="{day} de {month} de {year}",
    treatment="Tratamiento (así aparece en la carta, en inglés): {service}.",
    treatment_named="Tratamiento: {plain} (en la carta: {service}).",
    approved="Este tratamiento fue aprobado. El administrador de reclamos ahora debe autorizarlo.",
    approved_paid=(
        "Este tratamiento fue aprobado. Usted ya lo recibió, así que el administrador de reclamos ahora debe pagarlo."
    ),
    not_approved="Este tratamiento no fue aprobado.",
    rest="El revisor decidió sobre el resto, {value}:",
    whole="El revisor decidió sobre toda la atención que pidió su médico, {value}:",
    rest_approved="fue aprobado. El administrador de reclamos ahora debe autorizarlo.",
    rest_approved_paid="fue aprobado. Usted ya lo recibió, así que el administrador de reclamos ahora debe pagarlo.",
    rest_not_approved="no fue aprobado.",
    already_approved="Usted ya tiene esta atención, o la aprobación para ella, así que esta revisión no la aprobó "
    "otra vez. Usted conserva lo que ya tiene.",
    already_held="Usted ya tiene esto, así que esta revisión no lo aprobó. Usted conserva lo que ya tiene.",
    asked="Su médico pidió: {value}.",
    already_part="Ya aprobado antes de esta revisión: {value}. Esta revisión no cambió esa parte.",
    part_before=(
        "Una parte de lo que su médico pidió ya estaba aprobada antes de esta revisión, y esta revisión no "
        "cambió esa parte. Su carta dice cuál es esa parte."
    ),
    named="{plain} (en la carta: {value})",
    unnamed="{value} (así aparece en la carta, en inglés)",
    reasons={
        ReasonCode.no_functional_improvement: (
            "Las notas de su médico no muestran que la atención anterior le haya ayudado a hacer más en su vida diaria."
        ),
        ReasonCode.exceeds_guideline_limits: "Su médico pidió más atención de la que recomiendan las guías médicas.",
        ReasonCode.not_recommended: "Las guías médicas no recomiendan este tratamiento.",
        ReasonCode.missing_documentation: (
            "Las notas de su médico no daban suficientes datos para mostrar que usted lo necesita."
        ),
        ReasonCode.findings_do_not_support: (
            "Los datos de las notas de su médico no cumplen lo que piden las guías médicas para este tratamiento."
        ),
        ReasonCode.other_treatment_first: (
            "El revisor encontró que primero hay que probar otra atención, y ver que no funciona lo suficiente, antes "
            "de este tratamiento."
        ),
        ReasonCode.related_item_not_approved: (
            "La atención que va con esto no fue aprobada. Por eso esto tampoco fue aprobado."
        ),
        ReasonCode.approved_trial_pending: (
            "Se aprobó una primera parte de esta atención. Si necesita más depende de cómo le ayude esa parte."
        ),
        ReasonCode.already_authorized: "Usted ya recibió esta atención antes, o ya tiene la aprobación.",
        ReasonCode.criteria_met: "El revisor vio que usted necesita esta atención.",
    },
    limit="Las guías médicas permiten {limit} (en la carta: {original}).",
    limit_trial="Las guías médicas permiten una primera prueba de {limit} (en la carta: {original}).",
    limit_more=(
        "Después de la atención que ya recibió, las guías médicas permiten solo {limit} más (en la carta: {original})."
    ),
    limit_time="Las guías médicas permiten este tratamiento por no más de {limit} (en la carta: {original}).",
    limit_time_under="Las guías médicas permiten este tratamiento por menos de {limit} (en la carta: {original}).",
    unless_shown=", a menos que se vea que le ayuda.",
    limit_asked="Su médico pidió {asked} {unit} (en la carta: {original}).",
    limit_asked_rest="Esta revisión trató sobre {asked} {unit} más (en la carta: {original}).",
    limit_had="Usted ya tuvo {had} {unit} (en la carta: {original}).",
    limit_had_least="Usted ya tuvo por lo menos {had} {unit} (en la carta: {original}).",
    limit_total="Con esta solicitud, usted tendría {total} {unit} en total (en la carta: {original}).",
    limit_range="{low} a {high}",
    limit_over="{amount} en {period}",
    units={
        "visits": ("visita", "visitas"),
        "sessions": ("sesión", "sesiones"),
        "treatments": ("tratamiento", "tratamientos"),
        "injections": ("inyección", "inyecciones"),
        "blocks": ("inyección", "inyecciones"),
        "days": ("día", "días"),
        "weeks": ("semana", "semanas"),
        "months": ("mes", "meses"),
    },
    missing={
        "improvement": (
            "Las notas de su médico no mostraban que el tratamiento que usted recibió antes le hubiera ayudado."
        ),
        "improvement_some": "El tratamiento que usted recibió antes le ayudó solo un poco, no lo suficiente.",
        "pain": "Las notas de su médico no daban su nivel de dolor antes y después de la atención anterior.",
        "visits": "Las notas de su médico no decían cuántas visitas ya tuvo.",
        "drug_tests": "Las notas de su médico no mostraban las pruebas de drogas que piden las guías médicas.",
        "cures": "Las notas de su médico no mostraban una revisión del registro del estado de las medicinas que le "
        "recetaron (CURES).",
        "drug_test_unexplained": (
            "Las notas de su médico no explicaban un resultado de la prueba de drogas que no coincidía con sus "
            "medicamentos."
        ),
        "home_exercise": "Las notas de su médico no decían si usted hace ejercicios en casa.",
        "home_exercise_instead": (
            "Las notas de su médico no decían por qué usted no podía seguir haciendo sus ejercicios en casa."
        ),
        "side_effects": "Las notas de su médico no decían si el medicamento le causa problemas.",
        "surgery": (
            "Las notas de su médico no mostraban que hubiera una operación planeada, ni que usted quisiera operarse."
        ),
        "surgery_planned": "Las notas de su médico no mostraban que hubiera una operación planeada para usted.",
        "pills": "Las notas de su médico no decían por qué usted no puede tomar pastillas.",
        "home_trial": "Las notas de su médico no mostraban que usted lo probó en casa primero.",
        "tried_first": (
            "Las notas de su médico no mostraban que usted hubiera probado otro tipo de atención antes y que eso no le "
            "ayudara lo suficiente."
        ),
        "views": "Las notas de su médico no mostraban radiografías tomadas mientras usted se dobla hacia adelante y "
        "hacia atrás.",
        "imaging": "Las notas de su médico no mostraban radiografías de antes, ni lo que mostraron.",
        "nerve_test": "Las notas de su médico no mostraban una prueba de los nervios (EMG o estudio de conducción "
        "nerviosa) hecha para esto.",
        "pictures_nerve_test": "Las notas de su médico no mostraban imágenes (como una resonancia magnética) ni una "
        "prueba de los nervios (EMG o estudio de conducción nerviosa) hechas para esto.",
        "exam": "Las notas de su médico no daban todos los datos necesarios de su examen médico.",
        "plan": "Las notas de su médico no daban un plan con metas para este tratamiento.",
        "program": (
            "Las notas de su médico no mostraban que usted lo fuera a usar junto con terapia física o ejercicios "
            "para ponerse más fuerte."
        ),
        "quantity": "Su médico no dijo cuánto necesita usted.",
        "frequency": "Su médico no dijo con qué frecuencia lo necesita usted.",
        "duration": "Su médico no dijo por cuánto tiempo lo necesita usted.",
        "frequency_duration": "Su médico no dijo con qué frecuencia ni por cuánto tiempo lo necesita usted.",
        "body_part": "Su médico no dijo para qué parte del cuerpo es.",
        "work_cause": (
            "Las notas de su médico no mostraban que su lesión de trabajo causó este problema o lo empeoró."
        ),
        "why": "Las notas de su médico no decían por qué usted necesita este tratamiento.",
        "why_again": (
            "Las notas de su médico no decían por qué usted necesita otro estudio después de los que ya se hizo."
        ),
    },
    for_medicine={
        "gain": (
            "Las notas de su médico no mostraban que esta medicina le hubiera ayudado a hacer más cosas en su vida "
            "diaria."
        ),
        "improvement": "Las notas de su médico no mostraban que esta medicina le hubiera ayudado.",
        "improvement_some": "Esta medicina le ayudó solo un poco, no lo suficiente.",
        "pain": "Las notas de su médico no decían cuánto dolor tenía usted con esta medicina y sin ella.",
    },
    findings={
        "red_flags": "Las notas de su médico no mostraban señales de alerta de un problema grave.",
        "indication": (
            "Las notas de su médico no mostraban que usted tenga una de las enfermedades para las que las guías "
            "médicas recomiendan este medicamento."
        ),
        "indication_care": (
            "Las notas de su médico no mostraban que usted tenga una de las enfermedades para las que las guías "
            "médicas recomiendan este tratamiento."
        ),
        "nerve_pain": "Las notas de su médico no mostraban dolor de nervios.",
        "nerve_study": (
            "Sus imágenes y pruebas de los nervios no mostraron con claridad un nervio dañado que este tratamiento "
            "fuera a tratar."
        ),
        "nerve_study_pictures": (
            "Sus imágenes no mostraron con claridad un nervio dañado que este tratamiento fuera a tratar."
        ),
        "nerve_study_tests": (
            "Sus pruebas de los nervios no mostraron con claridad un nervio dañado que este tratamiento fuera a tratar."
        ),
        "nerve_study_none": (
            "No se hicieron imágenes ni pruebas de los nervios que mostraran un nervio dañado que este tratamiento "
            "fuera a tratar."
        ),
        "nerve": "Las notas de su médico no mostraban señales claras de un nervio dañado.",
        "nerve_test": (
            "Las notas de su médico no mostraban señales del tipo de problema de los nervios que esta prueba sirve "
            "para encontrar."
        ),
        "brain": "Las notas de su médico no mostraban señales de un problema en su cerebro, como debilidad o "
        "adormecimiento.",
        "nerve_root": (
            "Las notas de su médico no mostraban señales claras de un nervio dañado en el cuello o la espalda."
        ),
        "nerve_root_neck": "Las notas de su médico no mostraban señales claras de un nervio dañado en el cuello.",
        "nerve_root_back": "Las notas de su médico no mostraban señales claras de un nervio dañado en la espalda.",
        "spasm": "Las notas de su médico no mostraban espasmos de los músculos.",
        "stomach": "Las notas de su médico no mostraban problemas del estómago, ni un riesgo alto de tenerlos.",
        "instability": "Las notas de su médico no mostraban que esta parte de su cuerpo se mueva más de lo normal.",
        "function": "Las notas de su médico no mostraban que le cueste usar esta parte de su cuerpo.",
        "change": "Las notas de su médico no mostraban un cambio en cómo está usted.",
        "facet_nerve_root": (
            "El revisor encontró señales de que su dolor viene de un nervio pinzado en la columna. Las normas médicas "
            "dan esta inyección solo para el dolor que no viene de un nervio pinzado."
        ),
    },
    care_first="Las notas de su médico no mostraban que usted hubiera probado {care} antes y que eso no le ayudara lo "
    "suficiente.",
    care_first_ongoing="Las notas de su médico no mostraban que usted hubiera probado {care} antes.",
    care_first_unfailed="Las notas de su médico no mostraban que {care} ya no le ayudaran lo suficiente.",
    care_first_more="Las notas de su médico mostraban solo una prueba corta de {care}. Las guías médicas piden más de "
    "eso primero.",
    trial_step_before=(
        "Ya se aprobó un primer paso antes de esta atención. Si necesita esta atención depende de cómo le "
        "funcione ese paso."
    ),
    own_trial_first="Las guías médicas piden que primero pruebe esta atención por un tiempo, para ver si le ayuda. "
    "Las notas de su médico no mostraban esa prueba.",
    beside_first="Las guías médicas recomiendan esta atención solo junto con otra atención, y esa otra atención "
    "todavía no ha empezado.",
    similar_held="Usted ya tiene, o ya tiene aprobado, algo que hace lo mismo que esta atención.",
    not_covered="Las guías médicas no recomiendan este tratamiento en un caso como el suyo.",
    even_where="Aun cuando lo recomiendan, {sentence}",
    too_soon="Las guías médicas no recomiendan este tratamiento tan pronto.",
    past_acute="Las guías médicas recomiendan este tratamiento solo poco después de una lesión, mientras es reciente. "
    "El revisor encontró que su lesión ya pasó ese tiempo.",
    nothing_new_since="Las notas de su médico no mostraban ningún problema nuevo desde esa prueba.",
    known_already="El revisor encontró que lo que usted tiene ya está claro por su examen o por pruebas anteriores, "
    "así que esta prueba no cambiaría su atención.",
    care_under_way="Usted todavía recibe otra atención, o está por empezarla. El revisor encontró que esta atención "
    "debe esperar hasta que esa otra termine.",
    care_just_begun="Otra atención para usted apenas empezó. El revisor encontró que esta atención debe esperar a ver "
    "cómo le va con esa otra atención.",
    test_awaited="Se aprobó una prueba para usted, y todavía no se sabe lo que muestra. El revisor encontró que esta "
    "atención debe esperar a lo que muestre la prueba.",
    on_the_skin="Las guías médicas no recomiendan poner {drug} sobre la piel. Esta mezcla de medicinas tiene {drug}, "
    "así que las guías no la recomiendan.",
    on_the_skin_one="Las guías médicas no recomiendan poner {drug} sobre la piel.",
    on_the_skin_mixed="Las guías médicas no recomiendan {drug} en una mezcla de medicinas que se pone sobre la piel. "
    "Esta mezcla tiene {drug}, así que las guías no la recomiendan.",
    block_first="Las notas de su médico no mostraban una inyección de prueba (un bloqueo de nervio) hecha antes. "
    "Las guías médicas piden una, para mostrar de dónde viene el dolor.",
    test_shot_first="Las notas de su médico no mostraban una inyección de prueba hecha antes, para mostrar de dónde "
    "viene el dolor.",
    excess={
        "short_use": "Las guías médicas recomiendan tomar esta medicina solo por poco tiempo, y esto sería más tiempo.",
        "less_often": "Las guías médicas piden hacer este estudio con menos frecuencia de la que pidió su médico.",
        "first_block": "Las guías médicas piden primero una prueba más corta de esta atención, para ver si le ayuda, "
        "antes de aprobar más.",
    },
    care={
        "therapy": "terapia física",
        "steroid_shots": "inyecciones de esteroides",
        "shots": "inyecciones",
        "splint": "usar una férula",
        "swelling_pills": "medicinas que bajan la hinchazón",
        "headache_pills": "medicinas que se toman cada día para prevenir el dolor de cabeza",
        "nerve_pills": "medicinas para el dolor de nervios",
        "mood_pills": "medicinas para la tristeza o la preocupación",
        "talk": "hablar con un consejero",
        "relaxers": "medicinas para los espasmos de los músculos",
        "oral": "medicinas que se toman por la boca",
        "exercise": "ejercicios en casa",
        "tens": "una unidad TENS",
    },
    and_word="y",
    criteria_met_given="El revisor vio que la atención que usted ya recibió era necesaria.",
    safety="El revisor también encontró que este medicamento podría hacerle daño. Pregúntele a su médico.",
    care_safety="El revisor también encontró que esta atención podría ponerlo en riesgo.",
    safety_first=("El revisor también encontró", "El revisor encontró"),
    safety_of={
        "alcohol": "El revisor también encontró que este medicamento podría ser peligroso junto con el alcohol. "
        "Pregúntele a su médico.",
        "mixing": "El revisor también encontró que este medicamento podría ser peligroso junto con otras medicinas "
        "que usted toma. Pregúntele a su médico.",
        "breathing": "El revisor también encontró que este medicamento podría hacer que usted respire demasiado "
        "despacio. Pregúntele a su médico.",
        "asthma": "El revisor también encontró que este medicamento podría causarle un ataque de asma, cuando "
        "cuesta respirar. Pregúntele a su médico.",
        "pregnancy": "El revisor también encontró que este medicamento podría hacer daño durante el embarazo. "
        "Pregúntele a su médico.",
        "heart": "El revisor también encontró que este medicamento podría ser malo para su corazón. "
        "Pregúntele a su médico.",
        "blood_pressure": "El revisor también encontró que este medicamento podría ser malo para su presión "
        "arterial. Pregúntele a su médico.",
        "kidneys": "El revisor también encontró que este medicamento podría dañar sus riñones, las partes de su "
        "cuerpo que limpian la sangre. Pregúntele a su médico.",
        "kidneys_weak": "El revisor también encontró que este medicamento podría ser riesgoso para usted por sus "
        "riñones, las partes de su cuerpo que limpian la sangre. Pregúntele a su médico.",
        "liver": "El revisor también encontró que este medicamento podría dañar su hígado. Pregúntele a su médico.",
        "bleeding": "El revisor también encontró que este medicamento podría causar sangrado dentro de su cuerpo. "
        "Pregúntele a su médico.",
        "falls": "El revisor también encontró que este medicamento podría darle demasiado sueño o hacer que se "
        "caiga. Pregúntele a su médico.",
        "falls_dizzy": "El revisor también encontró que este medicamento podría darle mareos o hacer que se caiga. "
        "Pregúntele a su médico.",
        "falls_only": "El revisor también encontró que este medicamento podría hacer que se caiga. "
        "Pregúntele a su médico.",
        "dizzy": "El revisor también encontró que este medicamento podría darle mareos. Pregúntele a su médico.",
        "sleepy": "El revisor también encontró que este medicamento podría darle demasiado sueño. "
        "Pregúntele a su médico.",
        "headaches": "El revisor también encontró que este medicamento podría empeorar sus dolores de cabeza. "
        "Pregúntele a su médico.",
        "seizures": "El revisor también encontró que este medicamento podría causarle convulsiones, cuando el "
        "cuerpo se sacude sin que usted lo pueda parar. Pregúntele a su médico.",
        "overdose": "El revisor también encontró que este medicamento podría causarle una sobredosis. Una "
        "sobredosis es cuando hay demasiado de un medicamento en el cuerpo, y puede ser muy peligrosa. "
        "Pregúntele a su médico.",
    },
    taper=(
        "No deje de tomar este medicamento de golpe por su cuenta. Hable con su médico sobre cómo bajar la dosis "
        "sin riesgo."
    ),
    home_program="El revisor espera que usted siga haciendo sus ejercicios en casa por su cuenta.",
    earlier_test="A usted ya le hicieron esta prueba, u otra parecida, antes de que su médico la pidiera.",
    earlier_test_on="A usted ya le hicieron esta prueba, u otra parecida, el {date}.",
    earlier_test_in="A usted ya le hicieron esta prueba, u otra parecida, en {month} de {year}.",
    see_rationale=('Para saber por qué, lea la parte llamada "Decision rationale" de este tratamiento en su carta.'),
    reviewer_wrote='El revisor escribió (en inglés): "{words}"',
    reviewer_also=("El revisor escribió", "El revisor también escribió"),
    see_rest='Para leerlo todo, busque en su carta la parte llamada "Decision rationale" sobre este tratamiento.',
    next_heading="Lo que usted puede hacer",
    legal_heading="Base legal",
)

_WORDING: dict[str, _Wording] = {"en": _EN, "es": _ES}


def _wording(lang: str) -> _Wording:
    try:
        return _WORDING[lang]
    except KeyError:
        raise ValueError(f"unsupported summary language: {lang!r}") from None


def _format_date(day: dt.date, words: _Wording) -> str:
    """Spell the month out: "12/09/2016" is read differently in the US and Mexico."""
    return words.date_format.format(day=day.day, month=words.months[day.month - 1], year=day.year)


def _value(value: str) -> str:
    """A letter value that ends a sentence, without doubling a final period."""
    return value[:-1] if value.endswith(".") else value


@dataclass
class _Writer:
    """Collects the text's sentences, explaining each term of art where it is first used,
    and remembers the letter values it quoted (the hard-word check skips those)."""

    lang: str
    defined: set[str] = field(default_factory=set)
    quoted: list[str] = field(default_factory=list)

    def say(self, sentence: str, *values: str) -> str:
        """``sentence`` (or fixed paragraph), each part followed by the explaining sentence
        of each term it uses first. A part holding a letter value is not split: the value
        may contain a period."""
        if values:
            self.quoted.extend(v for v in values if v)
            plan = _plan(sentence, _blank(sentence, values), self.lang)
        else:
            plan = _fixed_plan(sentence, self.lang)
        if len(plan) == 1 and not plan[0][1]:
            return plan[0][0]  # one part using no term: said as it is (most sentences)
        said: list[str] = []
        for part, terms in plan:
            said.append(part)
            for term, explanation in terms:
                if term in self.defined:
                    continue
                self.defined.add(term)
                if explanation is not None:
                    said.append(explanation)
        return " ".join(said)


_SENTENCE_END = rxcache.compile(r"[.!?]\s+(?=[A-ZÁÉÍÓÚÑ¿¡])")
"""A sentence's terminator and the whitespace after it, before the next sentence's first letter."""

_Plan = tuple[tuple[str, tuple[tuple[str, str | None], ...]], ...]
"""What :meth:`_Writer.say` says of a sentence: its parts, each with the terms it uses (in
:data:`~llm_extract.summary.glossary.TERMS` order) and the sentence explaining each (None
when the term needs none there)."""


def _plan(sentence: str, searched: str, lang: str) -> _Plan:
    """The plan of a sentence holding letter values: one part; ``searched`` is the sentence
    with its values blanked out (a letter value is never searched for terms)."""
    terms = glossary.terms_in(searched, lang)
    return ((sentence, _explained(terms, sentence.casefold()) if terms else ()),)


@functools.lru_cache(maxsize=1024)
def _fixed_plan(paragraph: str, lang: str) -> _Plan:
    """The plan of a fixed sentence or paragraph, split into its sentences (memoised: the
    same few are said in every summary)."""
    folded = paragraph.casefold()
    return tuple((part, _terms_of(part, folded, lang)) for part in _sentences(paragraph))


def _terms_of(part: str, folded: str, lang: str) -> tuple[tuple[str, str | None], ...]:
    """The terms ``part`` uses, each with its explaining sentence unless ``folded`` (the
    whole text said, case-folded) states the meaning itself."""
    return _explained(glossary.terms_in(part, lang), folded)


def _explained(terms: Sequence[glossary.Term], folded: str) -> tuple[tuple[str, str | None], ...]:
    """Each of ``terms`` with its explaining sentence unless ``folded`` states its meaning."""
    return tuple(
        (term.term, term.sentence if term.sentence is not None and term.meaning.casefold() not in folded else None)
        for term in terms
    )


class Explainer:
    """Explains each term of art where a reader first meets it, for the summary's sentences
    laid out in another order or in part (the worker's document): the explaining sentences
    a summary sentence carries are taken out, and said again where the term is first used
    in the new order. One glossary and one rule (:class:`_Writer`) for both texts."""

    def __init__(self, lang: str) -> None:
        _wording(lang)
        self._out = _Writer(lang)

    def say(self, text: str, *values: str) -> str:
        """``text`` without its explaining sentences, then with those of the terms it uses
        first; ``values`` are letter words in it (never searched for terms)."""
        for term in glossary.TERMS[self._out.lang]:
            if term.sentence is None or f" {term.sentence}" not in text:
                continue
            # Only an explanation added after a use of the term: a fixed sentence may say it
            # itself ("The decision is the reviewer's yes or no to the care." in the opening lines).
            rest = text.replace(f" {term.sentence}", "")
            if term.pattern().search(rest):
                text = rest
        return self._out.say(text, *(v for v in values if v and v in text))

    def explained(self, abbreviation: Abbreviation) -> str | None:
        """The abbreviation's sentence the first time it is asked for, else None."""
        if abbreviation.term in self._out.defined:
            return None
        self._out.defined.add(abbreviation.term)
        return self.say(getattr(abbreviation, self._out.lang), *([abbreviation.name] if abbreviation.name else []))


def opening(lang: str) -> str:
    """The summary's opening lines about what an IMR is (before any item)."""
    return _wording(lang).intro


@functools.lru_cache(maxsize=1024)
def _sentences(paragraph: str) -> tuple[str, ...]:
    """The sentences of a fixed paragraph (memoised: the same few paragraphs are said in every summary)."""
    parts: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(paragraph):  # found by the terminator: a look-behind is tried everywhere
        parts.append(paragraph[start : m.start() + 1])
        start = m.end()
    parts.append(paragraph[start:])
    return tuple(parts)


def _kind(decision: Decision, letter: str | None) -> SummaryItemKind:
    if decision.outcome is Outcome.overturned:
        return SummaryItemKind.approved
    if (
        specifics.already_authorized(decision, letter)
        and specifics.earlier_test(decision, letter) is None
        and specifics.similar_held(decision, letter) is None
    ):
        # A test done before ("already had a lumbar MRI on 09-14-2016") is no approval the worker
        # holds for this one: the repeat is refused, and said so (round 38's reader). Nor is a thing like this one
        # (another brace, a unit that does its job): this care is refused, and the reason says what is held.
        return SummaryItemKind.already_approved
    return SummaryItemKind.not_approved


def held_status(status: str) -> bool:
    """Whether an item's status is the one for a thing the worker has, said with no approval (the renderers'
    decision column follows it)."""
    return status in (_EN.already_held, _ES.already_held)


def _held(kind: SummaryItemKind, decision: Decision, letter: str | None) -> bool:
    """An item the worker already has that is a thing had, with no approval said (:func:`specifics.held_only`)."""
    return kind is SummaryItemKind.already_approved and specifics.held_only(decision, letter)


def _headline(kinds: Sequence[tuple[SummaryItemKind, bool]], words: _Wording, held: bool = False) -> str:
    """Say which care is approved without counting it; care the worker already has is told apart.

    ``kinds`` pairs each item's kind with whether part of it was approved before this
    review (a partly approved request). Such a part stands whatever this review decided,
    so a "no" to the rest must not read as if everything was refused. Care the worker
    already has comes first, and the rest is then said to be "the rest": "The care in
    your review is approved" beside an item that was not would read as if all of it was. ``held``: every item the
    worker already has is a thing had, with no approval said (:func:`specifics.held_only`).
    """
    if not kinds:
        return words.headline_empty
    decided = [(k is SummaryItemKind.approved, kept) for k, kept in kinds if k is not SummaryItemKind.already_approved]
    if not decided:
        return words.headline_held_all if held else words.headline_already_all
    if held:
        words = replace(words, headline_already_some=words.headline_held_some)
    kept_parts = sum(kept and not approved for approved, kept in decided)
    kept_line = words.headline_kept_one if kept_parts == 1 else words.headline_kept_many
    already = len(decided) < len(kinds)
    if all(approved for approved, _ in decided):
        if already:
            return f"{words.headline_already_some} {words.headline_rest_all}"
        return words.headline_all_one if len(decided) == 1 else words.headline_all_many
    if any(approved for approved, _ in decided):
        line = f"{words.headline_already_some} {words.headline_rest_some}" if already else words.headline_some
    elif already:
        line = f"{words.headline_already_some} {words.headline_rest_none}"
    elif kept_parts:
        line = words.headline_looked_one if len(decided) == 1 else words.headline_looked_many
    else:
        line = words.headline_none_one if len(decided) == 1 else words.headline_none_many
    return f"{line} {kept_line}" if kept_parts else line


def _main_codes(decision: Decision) -> list[ReasonCode]:
    """The item's main reasons, in order of first mention, at most two.

    "Lack of documentation of functional improvement" is recognised as both
    missing_documentation and no_functional_improvement; the specific reason says
    more, so missing_documentation is only kept when it stands on its own words.
    """
    fitting = [r for r in decision.reasons if r.code in _FITS[decision.outcome]]
    specific = [r.span for r in fitting if r.code is not ReasonCode.missing_documentation]
    codes: list[ReasonCode] = []
    for reason in fitting:
        if reason.code is ReasonCode.missing_documentation and any(
            specifics.overlaps(reason.span, s) for s in specific
        ):
            continue
        if reason.code not in codes:
            codes.append(reason.code)
    return codes[:_MAX_REASONS]


@dataclass
class _Item:
    """One item's summary line and its text block."""

    item: SummaryItem
    lines: list[str]


_FILLER_GROUNDS = frozenset({ReasonCode.missing_documentation, ReasonCode.findings_do_not_support})
"""Grounds whose stock sentence names no fact ("did not give enough facts to show you need it", "did not show
signs that you need this care"): said beside another ground, the reviewer's own words are quoted too."""
_BARE_MISSING = frozenset({"why"})
"""Missing facts whose sentence names none ("Your doctor's notes did not say why you need this care")."""
_QUOTED_GROUNDS = frozenset(
    {
        ReasonCode.not_recommended,
        ReasonCode.findings_do_not_support,
        ReasonCode.exceeds_guideline_limits,
        ReasonCode.other_treatment_first,
        ReasonCode.missing_documentation,
        ReasonCode.no_functional_improvement,
    }
)
"""Grounds whose stock sentence does not say the deciding fact (a tied item, a duplicate or a
trial pending says it whole): the reviewer's words are quoted beside it when it is the main one."""
_GAIN_KEYS = frozenset({"improvement", "pain"})


def _medicine_key(found: specifics.Missing) -> str:
    """The sentence for a missing fact: an improvement in function the notes lack is "helped you do more in daily
    life", not "helped you" (round 40's reader: the notes gave pain falling from 7/10 to 5/10, and only the gain in
    function was missing; round 117's, the same of chiropractic care)."""
    if found.key == "improvement" and "function" in found.words.text.lower():
        return "gain"
    return found.key


"""Missing facts that say the care's benefit was not shown (they stand for "no functional improvement")."""


def _reasons(
    decision: Decision, letter: str | None, words: _Wording, out: _Writer, medicine: bool = False
) -> tuple[list[str], list[Quote]]:
    """Reason sentences: the letter's specifics when found, else the fixed sentence per code."""
    codes = _main_codes(decision)
    fitting = [r for r in decision.reasons if r.code in codes]
    limit_first = ReasonCode.exceeds_guideline_limits in codes and ReasonCode.not_recommended in codes
    if (
        limit_first
        and codes.index(ReasonCode.exceeds_guideline_limits) < codes.index(ReasonCode.not_recommended)
        and specifics.beyond_covered(fitting, letter) is not None
    ):
        # "Even where they do, ..." follows the guidelines' verdict, whichever the reviewer wrote first (round 189)
        codes.remove(ReasonCode.not_recommended)
        codes.insert(codes.index(ReasonCode.exceeds_guideline_limits), ReasonCode.not_recommended)
    sentences: list[str] = []
    details: list[Quote] = []
    found: list[specifics.Missing] | None = None  # the same for both documentation codes: looked up once
    stock = False  # the main ground was said by its stock sentence alone
    fillers: list[tuple[ReasonCode, str]] = []  # second grounds said by a stock sentence that names no fact
    earlier = specifics.earlier_test(decision, letter)
    for code in codes:
        if code is ReasonCode.already_authorized and (earlier is not None or decision.partial):
            # "You already had this test on ..." says it, and how; on a partly approved
            # request, what was approved before is the item's own line, not a reason.
            continue
        if code is ReasonCode.exceeds_guideline_limits and (
            limit := specifics.guideline_limit(decision, fitting, letter)
        ):
            # "A 21 day rental is also longer than ODG allows even for the procedures it does cover" (round 186's
            # reader: told only "allow this care for no more than 17 days", as if 17 days were allowed here): the
            # guidelines do not cover this case, and their limit is for the cases they do
            beyond = specifics.beyond_covered(fitting, letter)
            lead = []
            if beyond is not None and ReasonCode.not_recommended not in codes:
                lead = [out.say(words.not_covered)]
                details.append(beyond)
            said = _limit_sentences(limit, words, out, rest=decision.partial, even=beyond is not None)
            if said:
                sentences.extend(lead + said)
                details.extend(q for q in (limit.limit, limit.had, limit.asked) if q is not None)
                continue
        if code is ReasonCode.exceeds_guideline_limits and (
            kind := specifics.excess(decision, fitting, letter, medicine)
        ):
            sentences.append(out.say(words.excess[kind.kind]))
            details.append(kind.words)
            stock = stock or code is codes[0]  # says the kind, not the reviewer's fact: quoted beside it
            continue
        if code in (ReasonCode.missing_documentation, ReasonCode.no_functional_improvement):
            if found is None:
                found = specifics.missing(decision, fitting, letter, _MAX_MISSING)
                if ReasonCode.other_treatment_first in codes:  # said once, by that ground
                    # the device's own home trial too, when that ground says it (templates 145)
                    trial = specifics.own_trial(decision, fitting, letter) is not None
                    found = [m for m in found if m.key != "tried_first" and not (trial and m.key == "home_trial")]
            if code is ReasonCode.no_functional_improvement and _of_the_companion(decision, fitting, codes, letter):
                continue  # the medicine that did not help is the one this goes with, said by that ground
            if code is ReasonCode.no_functional_improvement and not any(m.key in _GAIN_KEYS for m in found):
                # The facts found say what else was missing ("if the medicine causes you
                # problems"), not that the care did not help: that ground is said too.
                gain = words.for_medicine["gain"] if medicine else words.reasons[code]
                some = specifics.some_relief_said(fitting, letter)
                if some:
                    # "roughly 30% relief from the 07/19/2016 injection, lasting about 3 weeks" (round 292's reader: a
                    # repeat epidural told "did not show that past care helped you do more in daily life")
                    gain = (words.for_medicine if medicine else words.missing)["improvement_some"]
                if (sentence := out.say(gain)) not in sentences:
                    sentences.append(sentence)
                if ReasonCode.missing_documentation in codes:
                    continue  # its facts are said under that code
                if some and not found:
                    stock = stock or code is codes[0]  # the reviewer's measure of the relief is quoted beside it
                    continue  # not also "did not show that past care helped" below
            if found:
                for m in found[:_MAX_MISSING]:
                    if m.words not in details:
                        key = _medicine_key(m) if medicine else m.key
                        if key == "improvement" and specifics.some_relief(m, letter or "", decision.spans.rationale):
                            key = "improvement_some"  # "gave about 40% relief lasting three weeks" (round 78)
                        own = words.for_medicine.get(key) if medicine else None
                        if key == "improvement" and not medicine and _medicine_key(m) == "gain":
                            # the care's gain in function, not any help: "relief lasting several hours after each
                            # visit" was recorded (round 117's reader, told "did not show that the past care helped")
                            own = words.reasons[ReasonCode.no_functional_improvement]
                        if not _has(sentences, sentence := out.say(own or words.missing[key])):
                            sentences.append(sentence)  # not said twice (an operation not planned is a finding too)
                            details.append(m.words)
                # "did not say why you need this care" names no fact: the reviewer's words are quoted beside it
                # (round 77's reader: pre-operative tests repeated weeks after normal ones were told only that)
                stock = stock or (code is codes[0] and all(m.key in _BARE_MISSING for m in found[:_MAX_MISSING]))
                continue
        if named := _named_ground(code, decision, fitting, letter, words, out, earlier):
            for sentence, quotes in named:
                if not _has(sentences, sentence):
                    sentences.append(sentence)
                    details.extend(quotes)
            continue
        if (
            code is ReasonCode.missing_documentation
            and specifics.safety_concern(decision, letter, medicine) is not None
        ):
            # Beside a harm, "did not give enough facts to show you need it" reads as if the care were not
            # needed (round 62's readers: two medicines refused for a bleeding risk): the reviewer's words instead.
            beside = specifics.ground_words(next(r for r in fitting if r.code is code), decision, letter)
            if beside is not None and not any(
                q.span and beside.span and specifics.overlaps(beside.span, q.span) for q in details
            ):
                wrote = _wrote(beside, words)
                if sentences:  # "also" only after something said: a block never opens with it
                    wrote = wrote.replace(*words.reviewer_also, 1)
                sentences.append(out.say(wrote, beside.text))
                details.append(beside)
            continue
        fixed = words.for_medicine["gain"] if medicine and code is ReasonCode.no_functional_improvement else None
        sentence = out.say(fixed or words.reasons[code])
        if sentence not in sentences:
            sentences.append(sentence)
            stock = stock or (code is codes[0] and code in _QUOTED_GROUNDS)
            if code is not codes[0] and code in _FILLER_GROUNDS:
                fillers.append((code, sentence))
    # The main ground in a stock sentence says nothing of why: the reviewer's words that show it.
    # A guideline's verdict quoted as the ground: the reviewer's last words about this case instead (round
    # 53's reader: "The medical guidelines do not call for this care." alone, where the next sentence applied it).
    # So too a finding whose own words cannot be quoted (too short, too long, the earlier test's sentence):
    # "did not show signs that you need this care" alone says nothing of which signs (templates 112).
    if (
        stock
        and (
            shown := specifics.ground_words(
                main_reason := next(r for r in fitting if r.code is codes[0]), decision, letter
            )
            or (
                specifics.reviewer_words(decision, letter)
                if (main_reason.code is ReasonCode.not_recommended and specifics.guideline_said(main_reason, letter))
                or main_reason.code is ReasonCode.findings_do_not_support
                else None
            )
        )
        and (earlier is None or not _inside(shown, earlier.sentence))  # said by the sentence on that test
    ):
        sentences.insert(1, out.say(_wrote(shown, words), shown.text))
        details.append(shown)
    # No rule names the ground (or only "you need this care"): the reviewer's own words.
    if (not sentences or codes == [ReasonCode.criteria_met]) and (
        quoted := specifics.reviewer_words(decision, letter, unnamed=True)
    ) is not None:
        sentences.append(out.say(_wrote(quoted, words), quoted.text))
        details.append(quoted)
        if len(sentences) == 1:
            sentences.append(out.say(words.see_rest))
    covered = [r.span for r in decision.reasons] + [q.span for q in details if q.span is not None]
    if sentences and (added := specifics.added_ground(decision, letter, covered)) is not None:
        # A second ground the rules do not name, which may block a new request by itself.
        sentences.append(out.say(_wrote(added, words).replace(*words.reviewer_also, 1), added.text))
        details.append(added)
    main = specifics.emphasized(decision, letter)
    if (
        main is not None
        and main.span is not None
        and not any(said.span is not None and specifics.overlaps(main.span, said.span) for said in details)
    ):
        # The reviewer said which ground weighs most: their words first, whatever the rules named.
        sentences.insert(0, out.say(_wrote(main, words), main.text))
        details.insert(0, main)
    if earlier is not None:
        # The plainest reason a worker can be given for a refused test: first.
        sentences.insert(0, out.say(_earlier_sentence(earlier, words)))
        details.insert(0, earlier.words)
    any_quote = any(sentence.startswith(words.reviewer_also) for sentence in sentences)
    for code, sentence in fillers if not any_quote else ():
        # A second ground in a stock sentence that names no fact ("did not give enough facts"): the reviewer's
        # words beside it (rounds 59-60's readers: stock lines for the ground). Only where nothing is quoted
        # yet: a letter of up to 8 items still prints on one page.
        beside = specifics.ground_words(next(r for r in fitting if r.code is code), decision, letter)
        if (
            beside is None
            or beside.span is None
            or any(q.span and specifics.overlaps(beside.span, q.span) for q in details)
        ):
            continue
        sentences.insert(
            sentences.index(sentence) + 1, out.say(_wrote(beside, words).replace(*words.reviewer_also, 1), beside.text)
        )
        details.append(beside)
    return sentences or [out.say(words.see_rationale)], details


def _has(sentences: list[str], sentence: str) -> bool:
    """Whether ``sentence`` was said already: as it is, or followed by the explanation of a term
    that only its first saying carries."""
    return any(said == sentence or said.startswith(sentence + " ") for said in sentences)


_SAID_IN_FULL = rxcache.compile(r"[.!?][\"')\]]*$")


def _of_the_companion(decision: Decision, fitting: list[Reason], codes: list[ReasonCode], letter: str | None) -> bool:
    """The no-improvement ground is about the medicine this item goes with, which the related-item
    ground already names ("the NSAID had not helped" under a stomach medicine that goes with it)."""
    if ReasonCode.related_item_not_approved not in codes:
        return False
    return any(
        r.code is ReasonCode.no_functional_improvement and specifics.of_another_medicine(decision, r, letter)
        for r in fitting
    )


def _held_words(decision: Decision, letter: str | None) -> Quote | None:
    """The words of an item's duplicate ground (what the worker already has, or has approval for), when quotable."""
    held = next((r for r in decision.reasons if r.code is ReasonCode.already_authorized), None)
    return None if held is None else specifics.ground_words(held, decision, letter)


def _wrote(said: Quote, words: _Wording) -> str:
    """'The reviewer wrote: "..."', a full stop after the quote when the reviewer's words are a clause
    that had none ("Purchase at this time is premature", before the letter's ", and therefore"): the
    next sentence otherwise ran on from the quote."""
    sentence = words.reviewer_wrote.format(words=said.text)
    return sentence if _SAID_IN_FULL.search(said.text) else sentence + "."


def _earlier_sentence(earlier: specifics.EarlierTest, words: _Wording) -> str:
    """ "You already had this test on December 14, 2016." (or in a month, or just before)."""
    if earlier.day is not None:
        return words.earlier_test_on.format(date=_format_date(earlier.day, words))
    if earlier.month is not None:
        return words.earlier_test_in.format(month=words.months[earlier.month.month - 1], year=earlier.month.year)
    return words.earlier_test


_ONGOING = frozenset({"exercise"})
"""Care a worker keeps doing rather than care that must fail first: "should by now be carrying on independently;
instead he is doing no home exercise" is no home program that did not help (round 90's reader, templates 158)."""


_NERVE_FINDINGS = ("nerve", "facet_nerve")
"""Keys of the findings that name a hurt nerve's signs (:data:`_Wording.findings`)."""


def _findings_said(seen: list[specifics.Missing], words: _Wording, out: _Writer) -> list[tuple[str, list[Quote]]]:
    """The findings the notes lack, each in its sentence. An operation not planned is said as the notes' missing fact,
    in the same words. A nerve root's signs found against a facet or trigger point procedure are said with the
    reviewer's words, which may hold the rest of the finding ("diffuse tenderness ... without twitch responses, and
    ... a documented L5 radiculopathy")."""
    return [
        (
            out.say(
                f"{words.findings[m.key]} {_wrote(m.words, words)}"
                if m.key == "facet_nerve_root"
                else words.findings.get(m.key) or words.missing[m.key]
            ),
            [m.words],
        )
        for m in seen
    ]


def _named_ground(
    code: ReasonCode,
    decision: Decision,
    fitting: list[Reason],
    letter: str | None,
    words: _Wording,
    out: _Writer,
    earlier: specifics.EarlierTest | None = None,
) -> list[tuple[str, list[Quote]]]:
    """The ground in the letter's specifics: which finding was not seen, which care comes
    first, care already given that was needed; empty when the letter's words name none.
    A finding in the sentence about the test done before is what that test showed, not
    what the notes lack ("which confirmed median neuropathy and found no radiculopathy")."""
    if code is ReasonCode.not_recommended and (soon := specifics.too_soon(fitting, letter)) is not None:
        # "Comprehensive testing in the first month after a mild brain injury is not recommended" (rounds 184 and
        # 186's readers: told flatly "The medical guidelines do not call for this care", where testing can come later)
        return [(out.say(words.too_soon), []), (out.say(_wrote(soon, words), soon.text), [soon])]
    if code is ReasonCode.not_recommended and (past := specifics.past_acute(decision, fitting, letter)) is not None:
        # the months since the injury are why the guideline's care does not fit (rounds 267-271's lumbar supports: told
        # "The medical guidelines do not call for this care" beside "The patient is 8 months from the date of injury")
        return [(out.say(words.past_acute), []), (out.say(_wrote(past, words), past.text), [past])]
    if code is ReasonCode.not_recommended and (drug := specifics.on_the_skin_not(decision, letter)) is not None:
        name = drug.text.lower()
        # "This mix of medicines has ..." only of a mix (round 51's reader: a ketoprofen cream is one drug)
        kinds = sum(a.medicine for a in glossary.abbreviations_in(decision.service))
        wording = words.on_the_skin if kinds > 1 else words.on_the_skin_one
        if specifics.refused_only_mixed(letter, drug):
            wording = words.on_the_skin_mixed
        return [(out.say(wording.format(drug=name), name), [drug])]
    if code is ReasonCode.already_authorized and (like := specifics.similar_held(decision, letter)) is not None:
        # "You already had this care before" was untrue of a second brace of another design (rounds 166-167's readers)
        return [(out.say(words.similar_held), [like])]
    if (
        code is ReasonCode.findings_do_not_support
        and (test := specifics.nerve_test_not_done(fitting, letter)) is not None
        and not specifics.findings(decision, fitting, letter, _MAX_MISSING)
    ):
        # a nerve test not yet done is the finding's gap, not "the signs the guidelines look for" (round 188's reader)
        return [(out.say(words.missing[specifics.lacked_test_key(test.text, decision.service)]), [test])]
    if code is ReasonCode.findings_do_not_support:
        seen = [
            m
            for m in specifics.findings(decision, fitting, letter, _MAX_MISSING)
            if earlier is None or not _inside(m.words, earlier.sentence)
        ]
        if (known := specifics.known_already(decision, letter)) is not None:
            # not "did not show the signs", nor a hurt nerve's signs missing (read from the guideline's "when a
            # radiculopathy is already clinically obvious"): the reviewer found them clear. Other findings missing
            # (the other side's) are still said after it.
            seen = [m for m in seen if not m.key.startswith(_NERVE_FINDINGS)]
            return [(out.say(words.known_already), [known]), *_findings_said(seen, words, out)]
        if earlier is not None and all(m.key == "nerve_test" for m in seen):
            # the same test had before, and nothing new since: not "did not show signs of the kind of nerve trouble this
            # test is used to find", which the first test had found (round 290's reader: a repeat EMG after one that
            # confirmed carpal tunnel syndrome)
            return [(out.say(words.nothing_new_since), [])]
        return _findings_said(seen, words, out)
    if (
        code is ReasonCode.approved_trial_pending
        and not specifics.evaluation_awaited(decision.service, fitting, letter)
        and (test := specifics.test_awaited(decision.service, fitting, letter)) is not None
    ):
        return [(out.say(words.test_awaited), [test])]
    if code is ReasonCode.approved_trial_pending and (
        not specifics.course_of_care(decision.service)
        or specifics.whole_care_pending(fitting, letter)
        or specifics.evaluation_awaited(decision.service, fitting, letter)
        or specifics.other_care_awaited(decision.service, fitting, letter)
        or (not decision.partial and specifics.approved_in_this_review(fitting, letter))
    ):
        # round 46's judge: "a first part of this care" for diagnostic blocks before a nerve burning
        return [(out.say(words.trial_step_before), [])]
    if code is ReasonCode.other_treatment_first:
        if specifics.approved_step_pending(fitting, letter) and not any(
            r.code is ReasonCode.approved_trial_pending for r in decision.reasons
        ):
            # the approved step first (unless the pending part's line tells it), then care still to try that the same
            # ground names ("A lumbar epidural steroid injection has been authorized but not yet performed ..., and
            # she has had no psychological treatment")
            step: list[tuple[str, list[Quote]]] = [(out.say(words.trial_step_before), [])]
            return step + _care_first_said(decision, fitting, letter, words, out)
        if (block := specifics.block_first(decision, fitting, letter)) is not None:
            return [(out.say(words.block_first), [block])]
        if (shot := specifics.test_shot_first(fitting, letter)) is not None:
            return [(out.say(words.test_shot_first), [shot])]
        if (trial := specifics.own_trial(decision, fitting, letter)) is not None:
            return [(out.say(words.own_trial_first), [trial])]
        if (beside := specifics.beside_care_not_started(fitting, letter, decision.spans.rationale)) is not None:
            return [(out.say(words.beside_first), [beside])]
        if (going := specifics.care_under_way(fitting, letter, decision.spans.rationale)) is not None:
            said = words.care_just_begun if specifics.just_begun(going) else words.care_under_way
            return [(out.say(said), [going])]
        return _care_first_said(decision, fitting, letter, words, out)
    if code is ReasonCode.criteria_met and specifics.retrospective(decision.service):
        return [(out.say(words.criteria_met_given), [])]
    return []


def _care_first_said(
    decision: Decision, fitting: list[Reason], letter: str | None, words: _Wording, out: _Writer
) -> list[tuple[str, list[Quote]]]:
    """The care the reviewer says to try or finish first, named (:func:`specifics.care_first`), in the line that fits
    how much of it was had; none where the ground names no care."""
    care = specifics.care_first(decision, fitting, letter)
    if not care:
        return []
    named = _listed([words.care[m.key] for m in care], words.and_word)
    ongoing = all(m.key in _ONGOING for m in care)
    said = words.care_first_ongoing if ongoing else words.care_first
    if ongoing and specifics.failure_unshown(fitting, letter):
        said = words.care_first_unfailed
    some = [m for m in care if specifics.only_some(m.words)]
    if some and len(some) < len(care):
        # "attended only 4 physical therapy visits and has not been offered an intra-articular injection": the
        # therapy was tried, too little; the shot never (round 278's reader: told "did not show that you tried
        # physical therapy and shots first", where 4 visits were on record)
        rest = [m for m in care if m not in some]
        return [
            (
                out.say(words.care_first_more.format(care=_listed([words.care[m.key] for m in some], words.and_word))),
                [m.words for m in some],
            ),
            (
                out.say(said.format(care=_listed([words.care[m.key] for m in rest], words.and_word))),
                [m.words for m in rest],
            ),
        ]
    if some:
        said = words.care_first_more  # "had completed only 8 sessions of physical therapy": tried, not enough
    return [(out.say(said.format(care=named)), [m.words for m in care])]


def _inside(words: Quote, sentence: Span) -> bool:
    return words.span is not None and sentence.start <= words.span.start and words.span.end <= sentence.end


def _listed(names: list[str], and_word: str) -> str:
    """``a``, ``a and b``, ``a, b and c`` (Spanish "y" is "e" before an "i" sound: "e inyecciones")."""
    if len(names) == 1:
        return names[0]
    last = names[-1]
    sound_i = last.lower().startswith(("i", "hi")) and not last.lower().startswith("hie")
    joiner = "e" if and_word == "y" and sound_i else and_word
    return f"{', '.join(names[:-1])} {joiner} {last}"


def _number(number: Quote, lang: str) -> str | None:
    """A number from the letter in the summary's language: digits as written, a word
    ("Twelve") in lower case or in Spanish (None when the word is not known)."""
    text = number.text
    if text.isdigit():
        return text
    return text.lower() if lang == "en" else glossary.spanish_amount(text.lower())


def _quantity(amount: specifics.Amount, words: _Wording, lang: str) -> str | None:
    """``4 to 6 visits`` from a letter's ``4-6 visits``: its numbers, a unit word of ours."""
    low = _number(amount.low, lang)
    high = _number(amount.high, lang) if amount.high is not None else None
    if low is None or (amount.high is not None and high is None):
        return None
    one, more = words.units[amount.unit]
    number = low if high is None else words.limit_range.format(low=low, high=high)
    return f"{number} {one if number in ('1', 'one', 'una') else more}"


def _limit_sentences(
    limit: specifics.GuidelineLimit, words: _Wording, out: _Writer, *, rest: bool = False, even: bool = False
) -> list[str]:
    """ "The medical guidelines allow 4 to 6 visits." and, when larger, "Your doctor asked
    for 12 visits.": numbers copied from the letter, units and range words our own."""
    amount = _quantity(limit.amount, words, out.lang)
    period = _quantity(limit.period, words, out.lang) if limit.period is not None else None
    if amount is None or (limit.period is not None and period is None):
        return []
    if limit.amount.unit in ("days", "weeks", "months"):
        template = words.limit_time_under if limit.less_than else words.limit_time
    else:
        template = words.limit_trial if limit.trial else words.limit_more if limit.more else words.limit
    said = amount if period is None else words.limit_over.format(amount=amount, period=period)
    original = limit.limit.text
    sentence = template.format(limit=said, original=original)
    if limit.until_shown:  # "not longer than 2 weeks without evidence of efficacy": more once it helps
        sentence = sentence.removesuffix(".") + words.unless_shown
    if even:  # the limit of the cases the guidelines cover, which this is not
        sentence = words.even_where.format(sentence=sentence[:1].lower() + sentence[1:])
    sentences = [out.say(sentence, said, original)]
    had = _number(limit.had, out.lang) if limit.had is not None else None
    if limit.had is not None and had is not None:
        unit = words.units[limit.amount.unit][1]
        had_template = words.limit_had_least if limit.had_at_least else words.limit_had
        sentences.append(out.say(had_template.format(had=had, unit=unit, original=limit.had.text), had, limit.had.text))
    total = _number(limit.total, out.lang) if limit.total is not None else None
    if limit.total is not None and total is not None:
        unit = words.units[limit.amount.unit][1]
        sentence = words.limit_total.format(total=total, unit=unit, original=limit.total.text)
        sentences.append(out.say(sentence, total, limit.total.text))
    asked = _number(limit.asked, out.lang) if limit.asked is not None else None
    if limit.asked is not None and asked is not None:
        unit = words.units[limit.amount.unit][1]
        template = words.limit_asked_rest if rest else words.limit_asked
        sentence = template.format(asked=asked, unit=unit, original=limit.asked.text)
        sentences.append(out.say(sentence, asked, limit.asked.text))
    return sentences


def _named(value: str, lang: str, words: _Wording) -> str:
    """A letter value (a part of a partly approved request) in the summary's language: in
    Spanish, the glossary's name for it and its amounts ("silla de ruedas, 1 mes"), with the
    letter's words kept: the parts of one request share a name and differ by amount."""
    plain = spanish_part(value) if lang == "es" else None
    if plain is None:
        return words.unnamed.format(value=value)
    return words.named.format(plain=plain, value=value)


def spanish_part(value: str) -> str | None:
    """The Spanish name of a part of a partly approved request with its amounts ("silla de
    ruedas, 1 mes"), or None when the glossary knows no word of it. The summary and the
    worker's document both name the parts this way."""
    plain = glossary.spanish_name(value)
    if plain is None:
        return None
    words = _wording("es")
    amounts = [a for a in (_count(n, unit, words, "es") for n, unit in specifics.counts(value)) if a]
    return ", ".join([plain, *amounts])


def _count(number: str, unit: str, words: _Wording, lang: str) -> str | None:
    """One amount of a request part in the summary's language ("#90", "6 sesiones")."""
    if unit == "#":
        return f"#{number}"
    said = _number(Quote(text=number), lang)
    if said is None or unit not in words.units:
        return None
    one, more = words.units[unit]
    return f"{said} {one if said in ('1', 'one', 'una', 'uno') else more}"


def _service_line(service: str, lang: str, words: _Wording, out: _Writer) -> tuple[str, str | None]:
    plain = glossary.spanish_name(service) if lang == "es" else None
    value = _value(service)
    if plain is None:
        return out.say(words.treatment.format(service=value), value), None
    return out.say(words.treatment_named.format(plain=plain, service=value), value), f"{plain} ({value})"


def _status(
    kind: SummaryItemKind, rest: str | None, retro: bool, words: _Wording, whole: bool = False, held: bool = False
) -> str:
    """The item's verdict; for a partly approved request, ``rest`` names the part this
    review looked at, so its "no" cannot be read as a "no" to the part approved before
    (``whole``: it looked at the whole original request, not a remainder; ``held``: a thing the worker has, with no
    approval said)."""
    if kind is SummaryItemKind.already_approved:
        return words.already_held if held else words.already_approved
    if rest is None:
        if kind is SummaryItemKind.approved:
            return words.approved_paid if retro else words.approved
        return words.not_approved
    if kind is SummaryItemKind.approved:
        verdict = words.rest_approved_paid if retro else words.rest_approved
    else:
        verdict = words.rest_not_approved
    return f"{(words.whole if whole else words.rest).format(value=rest)} {verdict}"


def _item(
    decision: Decision,
    kind: SummaryItemKind,
    letter: str | None,
    lang: str,
    words: _Wording,
    out: _Writer,
    explained: set[str],
    part_before: Quote | None = None,
    safety_led: bool = False,
) -> _Item:
    """One item's lines; ``part_before``: the case summary's words that utilization review
    approved part of this request, when its heading does not give the parts; ``safety_led``: the backend gave a harm
    as the item's first ground (its ``safety_risk`` is gone from ``decision``: :func:`_without_safety`)."""
    retro = specifics.retrospective(decision.service)
    lines: list[str] = []
    service_line, plain = _service_line(decision.service, lang, words, out)
    parts = specifics.amounts(decision, letter)
    if parts is None:
        lines.append(service_line)
        status = out.say(_status(kind, None, retro, words, held=_held(kind, decision, letter)))
    else:
        # The request, then the part approved before, then the verdict on the rest: the
        # heading's own service name is that rest, so it is not shown as "Care:" first.
        asked, already = _value(parts.asked.text), _value(parts.already.text)
        lines.append(out.say(words.asked.format(value=_named(asked, lang, words)), parts.asked.text))
        lines.append(out.say(words.already_part.format(value=_named(already, lang, words)), parts.already.text))
        rest = _named(_value(parts.decided.text), lang, words)
        status = out.say(_status(kind, rest, retro, words, decision.decides_whole_request), parts.decided.text)
    lines.append(status)
    abbreviations = glossary.abbreviations_in(decision.service)
    if kind is SummaryItemKind.already_approved:
        reasons: list[str] = []
        details: list[Quote] = []
        if (held := _held_words(decision, letter)) is not None:
            # Which thing the worker has, in the reviewer's words: "you already have it" alone could not say (rounds
            # 170-173's readers: a night splint had, told as the post-operative splint asked for).
            reasons.append(out.say(_wrote(held, words), held.text))
            details.append(held)
    else:
        medicine = specifics.is_medicine(decision.service, abbreviations)
        reasons, details = _reasons(decision, letter, words, out, medicine)
        if part_before is not None:
            # The worker keeps that part: a "not approved" alone reads as if they had nothing.
            if (amount := specifics.part_amount(part_before, letter)) is not None:
                said = _value(amount.text)
                number = said.lstrip("#").strip().isdigit()  # "#45" reads the same in Spanish
                plain = (None if number else glossary.spanish_amount(said)) if lang == "es" else None
                value = (
                    said
                    if number
                    else words.named.format(plain=plain, value=said)
                    if plain
                    else _named(said, lang, words)
                )
                reasons.insert(0, out.say(words.already_part.format(value=value), amount.text))
            else:
                reasons.insert(0, out.say(words.part_before))
            details.insert(0, part_before)
        if kind is SummaryItemKind.not_approved and (harm := specifics.safety_concern(decision, letter, medicine)):
            first, *more = (
                [
                    t
                    for k in specifics.harm_kinds(harm.text)
                    if (t := specifics.told_harm(k, decision.service, harm.text))
                ]
                if medicine
                else []
            ) or [""]
            sentence = words.safety_of.get(first, words.safety if medicine else words.care_safety)
            if not medicine:  # the care's harm has no sentence of its own: the reviewer's words say which, once
                more, sentence = [], f"{sentence} {_wrote(harm, words)}"
                reasons[:] = [r for r in reasons if f'"{harm.text}' not in r]
            also = [out.say(words.safety_of[k]) for k in more]  # a second harm the same sentence names
            if also:  # "Ask your doctor about it." once, after the last
                sentence = sentence.removesuffix(" " + words.safety.rsplit(". ", 1)[1])
            said_in = decision.spans.rationale
            if (
                letter is not None
                and said_in is not None
                and specifics.harm_first(harm, decision.reasons, letter, said_in, led=safety_led)
            ):
                at = int(part_before is not None)
                reasons[at:at] = [out.say(sentence.replace(*words.safety_first, 1)), *also]
                details.insert(at, harm)
            else:
                reasons.extend([out.say(sentence), *also])
                details.append(harm)
        # The letter's own advice not to stop a medicine abruptly: a worker told "no" must
        # not read it as "stop now". Only for a medicine: a urine drug screen, a brace or a splint has nothing to
        # lower (round 77's reader: a drug screen refused while the opioid is tapered was told "Do not stop this
        # medicine suddenly").
        if kind is SummaryItemKind.not_approved and medicine and (advice := specifics.taper_advice(decision, letter)):
            reasons.append(out.say(words.taper))
            details.append(advice)
        if kind is SummaryItemKind.not_approved and (home := specifics.home_program(decision, letter)):
            reasons.append(out.say(words.home_program))
            details.append(home)
    lines.extend(reasons)
    for abbreviation in abbreviations:
        if abbreviation.term not in explained:
            explained.add(abbreviation.term)
            lines.append(out.say(getattr(abbreviation, lang), *([abbreviation.name] if abbreviation.name else [])))
    item = SummaryItem(
        index=decision.index,
        service=decision.service,
        approved=kind is SummaryItemKind.approved,
        status=status,
        reasons=reasons,
        kind=kind,
        service_plain=plain,
        retrospective=retro,
        asked=parts.asked if parts else None,
        already_approved=parts.already if parts else None,
        decided=parts.decided if parts else None,
        details=details,
    )
    return _Item(item=item, lines=lines)


def _blank(text: str, values: Sequence[str]) -> str:
    """``text`` with each value replaced by a space, longest first (a value may hold a shorter one)."""
    if not values:
        return text
    if len(values) == 1:
        return text.replace(values[0], " ")
    for value in sorted(set(values), key=len, reverse=True):
        text = text.replace(value, " ")
    return text


def _hard_words(text: str, quoted: Sequence[str], used: Sequence[glossary.Term] | None = None) -> list[str]:
    """English words of the summary's own wording that a grade-6 reader may not know and
    the summary does not explain (``used``: the terms ``text`` uses and explains, when the
    caller has them). The letter's quoted values and proper names are left out (the summary
    cannot rename them); the "Legal basis" citations are for a helper."""
    if used is None:
        used = glossary.uses(text, "en")
    known = _known_words(tuple(term.term for term in used))
    # easy_words directly, not readability.hard_words: that one copies the glossary, and the
    # check is memoised per line and glossary, where comparing equal copies would cost more.
    return hard_words(_blank(text, [*quoted, *glossary.NAMES]), known)


_ABBREVIATION_WORDS = frozenset(w.lower() for a in glossary.ABBREVIATIONS for w in a.term.split("/"))
"""The words of the letter abbreviations the items explain (``MRI``, ``physical``, ``therapy``)."""


@functools.lru_cache(maxsize=256)
def _known_words(used: tuple[str, ...]) -> frozenset[str]:
    """The lower-case words the summary explains: those of the English terms it uses, and the
    abbreviations'. Memoised: summaries use one of a few sets of terms, and handing the same
    set to the hard-word check lets its memo compare sets by identity."""
    explained = frozenset(w for term in glossary.TERMS["en"] if term.term in used for w in term.words())
    return explained | _ABBREVIATION_WORDS


def _without_safety(decision: Decision) -> Decision:
    """The item without its ``safety_risk`` ground: the safety sentence reads the harm from the
    rationale itself (:func:`~llm_extract.summary.specifics.safety_concern`, the same words the rules
    backend's ground is), so whichever backend gave the reasons, a worker is told a harm the same way
    and the coded grounds' order and stock sentences are those of the other grounds."""
    if not any(r.code is ReasonCode.safety_risk for r in decision.reasons):
        return decision
    kept = [r for r in decision.reasons if r.code is not ReasonCode.safety_risk]
    return decision.model_copy(update={"reasons": kept})


def build_summary(case: Case, decisions: list[Decision], lang: Lang, letter: str | None = None) -> Summary:
    """Build the plain-language summary of one letter from fixed templates.

    ``letter`` is the text the decisions' spans index into. With it, the summary
    quotes the letter's specifics (guideline limits, what the records lacked) and gives
    every quoted value its span; without it, only the fixed sentences are used.
    Deterministic: the same input always gives the same summary, byte for byte
    (``generated_by="rules"``).
    """
    words = _wording(lang)
    led = {d.index for d in decisions if d.reasons and d.reasons[0].code is ReasonCode.safety_risk}
    ordered = sorted(map(_without_safety, decisions), key=lambda d: d.index)
    out = _Writer(lang)
    kinds = [_kind(d, letter) for d in ordered]
    before = [specifics.part_approved_before(d, letter) for d in ordered]
    kept = [d.partial or b is not None for d, b in zip(ordered, before, strict=True)]
    had = [_held(k, d, letter) for k, d in zip(kinds, ordered, strict=True) if k is SummaryItemKind.already_approved]
    headline = out.say(_headline(list(zip(kinds, kept, strict=True)), words, held=bool(had) and all(had)))
    opening = [out.say(f"{words.guide} {words.intro}")]
    if case.decision_date is not None:
        date = _format_date(case.decision_date, words)
        opening.append(out.say(words.dated.format(date=date), date))
    explained: set[str] = set()
    items = [
        _item(d, kind, letter, lang, words, out, explained, b, d.index in led)
        for d, kind, b in zip(ordered, kinds, before, strict=True)
    ]
    approved = [i.item for i in items if i.item.kind is SummaryItemKind.approved]
    outcomes = next_steps.Outcomes(
        approved=any(not i.retrospective for i in approved),
        approved_given=any(i.retrospective for i in approved),
        # Care the worker already has was still not approved by this review: the new request
        # with new facts (a worn-out brace) and the appeal deadline apply to it too.
        refused=any(i.item.kind is not SummaryItemKind.approved for i in items),
    )
    when = next_steps.deadline(case.decision_date, case.spans.decision_date)
    steps = next_steps.steps(outcomes, lang, when, lambda d: _format_date(d, words), out.say)
    basis = next_steps.legal_basis(steps)
    parts = ["\n".join([headline, *opening]), *("\n".join(i.lines) for i in items)]
    parts.append("\n".join([f"{words.next_heading}:", *(s.text for s in steps)]))
    parts.append(f"{words.legal_heading}: {'; '.join(basis)}.")
    text = "\n\n".join(parts) + "\n"
    cut = text.rindex(f"{words.legal_heading}:")
    used_before, used = glossary.uses_before(text, cut, lang)
    hard = _hard_words(text[:cut], out.quoted, used_before) if lang == "en" else None
    readability = score(text, lang, hard_words=hard)
    return Summary(
        language=lang,
        headline=headline,
        items=[i.item for i in items],
        next_steps=[s.text for s in steps],
        text=text,
        readability=readability,
        generated_by="rules",
        steps=steps,
        appeal_deadline=when,
        glossary=glossary.entries(used),
        legal_basis=basis,
    )

"""The letter's own specifics behind an item line: amounts, guideline limits, what was missing.

Each finder returns :class:`~llm_extract.contract.models.Quote` values copied from the
letter with their spans, or nothing. A finder looks only inside the item's own text
(its heading and its rationale), and a guideline limit must pass a scope check: it is
the limit the reviewer applied to this request, or the one limit the rationale gives
for this kind of care, never a number from a passage about another treatment or
another condition (see "guideline limits" below). What was missing maps to one of a
few fixed sentences, each traced to the rationale words that say it. When nothing
specific is found, the summary falls back to the fixed general sentence.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from llm_extract.contract.models import Decision, Outcome, Quote, Reason, ReasonCode, Span
from llm_extract.parse.reasons import (
    harm_of_another,
    medicine_kinds,
    numbered_criterion,
    past_acute_ground,
    reports_guideline_only,
    turns_against,
)
from llm_extract.summary.screens import FirstWords, Screened, Windowed
from llm_extract.text import rxcache
from llm_extract.text.abbreviations import NERVE_BURNING, Abbreviation, spelled_out
from llm_extract.text.dates import MONTH_YEAR, NUMERIC_DATE, find_dates, find_months
from llm_extract.text.fold import fold_space
from llm_extract.text.lexicon import (
    ADDING_WORDS,
    AFTER_SURGERY,
    ANOTHER_CONDITION,
    BEFORE_SURGERY,
    BODY_REGION_WORDS,
    CARE_KINDS,
    CONCEDED,
    DENYING,
    DISCLAIMED,
    DOSE,
    EMPHASIS,
    EVERY_MEDICINE_KIND,
    FACET_CARE,
    FOR_AN_OPERATION,
    GROUND_NOUNS,
    IMAGING,
    MEDICINE_KINDS,
    NERVE_TESTS,
    NO_CHANCE_YET,
    NO_TAPER_KINDS,
    NOT_AFTER_RADICULAR,
    NOT_BEFORE_RADICULAR,
    NOT_STARTED,
    NOT_TAKING,
    NUMBER,
    NUMBER_WORDS,
    RADICULAR,
    SERVICE_COMMON_WORDS,
    SIDES,
    THIS_REVIEW,
    WEIGHT_WORDS,
    WHETHER_DEPENDS,
    WINDOW_NOT_PASSED,
    WORKER_WORDS,
)
from llm_extract.text.prefilter import Prefilter, lowered

__all__ = [
    "Amount",
    "Amounts",
    "EarlierTest",
    "Excess",
    "GuidelineLimit",
    "Missing",
    "already_authorized",
    "amounts",
    "care_first",
    "counts",
    "earlier_test",
    "emphasized_in",
    "excess",
    "findings",
    "guideline_limit",
    "harm_first",
    "harm_in",
    "home_program",
    "missing",
    "overlaps",
    "part_approved_before",
    "quote",
    "retrospective",
    "safety_concern",
    "some_relief",
    "taper_advice",
]

_NUM = NUMBER
_VALUES = {w: i for i, w in enumerate(NUMBER_WORDS.split("|")[:20], start=1)} | {"twenty-four": 24, "thirty": 30}

_RETROSPECTIVE = rxcache.compile(r"\bretro(?:spective)?\b|\bDOS\b|\bdates? of service\b", re.I)
_ALREADY = rxcache.compile(
    r"\b(?:this|the)\s+(?:same\s+)?(?:request|item|service|treatment)\s+(?:was|has|had)\s+(?:already|previously)\s+"
    r"(?:been\s+)?(?:authori[sz]ed|certified|approved)\b"
    r"|\b(?:is|was)\s+(?:a\s+)?duplicate(?:\s+request)?\b",
    re.I,
)
_NEGATION = rxcache.compile(r"\b(?:not|never|no)\b", re.I)


def overlaps(a: Span, b: Span) -> bool:
    """Whether two spans share a character."""
    return a.start < b.end and b.start < a.end


def quote(letter: str, start: int, end: int) -> Quote:
    """The letter's words in ``[start, end)``, line breaks folded, with their span."""
    return Quote(text=fold_space(letter[start:end]), span=Span(start=start, end=end))


def retrospective(service: str) -> bool:
    """Care already given: the heading says "Retrospective", "Retro", "DOS" or "date of service"."""
    return bool(_RETROSPECTIVE.search(service))


def already_authorized(decision: Decision, letter: str | None) -> bool:
    """Denied because the worker already has approval for it (or already has it).

    The reason code ``already_authorized`` decides when present. Without it, only a
    narrow statement in the rationale counts ("this request was already authorized",
    "a duplicate request"), never on a partly approved item, whose approved part the
    letter always calls authorized.
    """
    if decision.outcome is not Outcome.upheld or decision.partial:
        return False
    if any(r.code is ReasonCode.already_authorized for r in decision.reasons):
        # Only as the main ground: "no red flags, along with the fact that the patient
        # received an x-ray previously" refuses the x-ray for the findings first. Nor beside a
        # specific ground of its own, which the worker is then told too (templates 143; measured: of the 13
        # invented items it changed, 8 gained a ground the labels allow and 5 one they do not; on round 80,
        # unseen, all 3 it changed gained their labeled main ground, one of them no duplicate at all).
        return decision.reasons[0].code is ReasonCode.already_authorized and all(
            r.code in _BESIDE_A_DUPLICATE for r in decision.reasons[1:]
        )
    span = decision.spans.rationale
    if letter is None or span is None:
        return False
    low = _low(letter)
    if not _may_match(_ALREADY_WORDS, letter, low, span.start, span.end):
        return False
    for m in _ALREADY_SCAN.finditer(letter, span.start, span.end, low):
        sentence_start = letter.rfind(".", span.start, m.start()) + 1
        if not _NEGATION.search(letter, max(sentence_start, span.start), m.end()):
            return True
    return False


def held_only(decision: Decision, letter: str | None) -> bool:
    """The duplicate's own words say the worker has the thing ("she already has wrist splints", "was issued a hinged
    brace"), with no approval or certification named: told "You already have this", not "or approval for it", which
    read as an approval held where nothing was approved (rounds 162 and 163's readers)."""
    if letter is None:
        return False
    said = next((r.span for r in decision.reasons if r.code is ReasonCode.already_authorized), None)
    if said is None:
        return False
    return (
        _HELD.search(letter, said.start, said.end) is not None
        and _APPROVAL.search(letter, said.start, said.end) is None
    )


_HELD = rxcache.compile(
    r"\b(?:already|previously)\s+(?:has|have|had|owns?|uses|using|received|obtained)\b"
    r"|\b(?:was|were|has\s+been|had\s+been)\s+(?:already\s+)?(?:issued|dispensed|given|provided|supplied|fitted|delivered)\b"
    r"|\balready\s+(?:been\s+)?(?:dispensed|issued|supplied|delivered|fitted|provided)\b|\bowns?\b",
    re.I,
)
"""Words of a thing the worker has."""
_APPROVAL = rxcache.compile(r"\b(?:authoriz\w*|certif\w*|approv\w*|modified)\b", re.I)
"""Words of an approval."""


def _ground_saying(
    reasons: list[Reason],
    letter: str | None,
    pattern: re.Pattern[str],
    code: ReasonCode | None = None,
    *,
    words_only: bool = False,
) -> Quote | None:
    """The first ground (of ``code``, when given) whose words ``pattern`` finds: all its words, or only the match's."""
    if letter is None:
        return None
    for reason in reasons:
        if code is not None and reason.code is not code:
            continue
        if (m := pattern.search(letter, reason.span.start, reason.span.end)) is not None:
            return (
                quote(letter, m.start(), m.end()) if words_only else quote(letter, reason.span.start, reason.span.end)
            )
    return None


def beyond_covered(reasons: list[Reason], letter: str | None) -> Quote | None:
    """The words of a limit ground that hold the limit for the cases the guidelines cover, which this one is not ("A 21
    day rental is also longer than ODG allows even for the procedures it does cover", "would exceed the duration
    recommended even for the procedures that qualify"): round 186's reader, told only "allow this care for no more than
    17 days", read the request's 21 days as the only trouble."""
    return _ground_saying(reasons, letter, _EVEN_COVERED, ReasonCode.exceeds_guideline_limits)


_EVEN_COVERED = rxcache.compile(
    r"\beven\s+(?:for|in|after|with)\s+(?:the\s+)?(?:procedures?|operations?|surger(?:y|ies)|cases?|patients?|conditions?"
    r"|diagnoses|uses?)\s+(?:that|which|it|they|the)\b"
    # "would also exceed the longest period the guideline allows for any indication" (round 189's reader)
    r"|\b(?:longest|maximum|most)\b[^.;]{0,40}?\bfor\s+any\s+(?:indication|procedure|operation|condition|use)\b"
    # "a 21-day rental is longer than ODG allows after any of the listed operations" (round 238's reader)
    r"|\b(?:allows?|supports?|recommends?)\s+(?:for|after|in)\s+any\s+of\s+the\s+(?:listed|named|covered|qualifying)\b",
    re.I,
)


def too_soon(reasons: list[Reason], letter: str | None) -> Quote | None:
    """A "not recommended" ground that is about timing: the guideline's window after an injury ("Comprehensive testing
    in the first month after a mild brain injury is not recommended", "requested within the period in which the
    guideline advises against it"). The care may be asked for later; "do not call for this care" alone read as never
    (rounds 184 and 186's readers: neuropsychological testing asked for within 30 days of a concussion)."""
    return _ground_saying(reasons, letter, _TOO_SOON, ReasonCode.not_recommended)


_TOO_SOON = rxcache.compile(
    r"\b(?:in|within|during)\s+the\s+(?:first|initial)\s+(?:"
    + NUMBER
    + r"\s+)?(?:days?|weeks?|months?)\s+(?:after|following"
    r"|of)\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,3}?(?:injury|trauma|fall|accident|concussion|onset)\b"
    r"|\bwithin\s+the\s+(?:period|window|time\s+frame)\s+(?:in\s+which|when|during\s+which)\b"
    + "|"
    + WINDOW_NOT_PASSED,
    re.I,
)
"""Words of a window after an injury in which the care is not yet recommended (not "the greatest effect in the first 4
days of treatment", a medicine's course)."""


def past_acute(decision: Decision, reasons: list[Reason], letter: str | None) -> Quote | None:
    """A "not recommended" ground that places this case past the acute phase, where the guideline's care is for that
    phase only ("The patient is 8 months from the date of injury", of a lumbar support ACOEM finds of no lasting benefit
    once the acute phase has passed): its words. "The medical guidelines do not call for this care" beside the months
    since the injury left the reader to guess why the months matter (rounds 267-271's lumbar supports). Not where the
    guideline confines nothing to that phase (a cold unit for after surgery only), nor a guideline's own words."""
    rationale = decision.spans.rationale
    if letter is None or rationale is None:
        return None
    for reason in reasons:
        if reason.code is ReasonCode.not_recommended and past_acute_ground(letter, reason.span, rationale):
            return quote(letter, reason.span.start, reason.span.end)
    return None


def similar_held(decision: Decision, letter: str | None) -> Quote | None:
    """A duplicate of something like this care, not of this care ("was given an air cast ankle brace ... why a second
    ankle support of a different design was needed", "a cold therapy unit has already been certified, so this device
    would also duplicate that function"): the rationale's sentence that says so. "You already have this" was untrue
    there (rounds 166 and 167's readers: a lace-up brace, a lumbar support and a compression unit the worker never
    had); such an item is told it is like something the worker has or has approval for."""
    rationale = decision.spans.rationale
    if (
        letter is None
        or rationale is None
        or decision.outcome is not Outcome.upheld
        or not any(r.code is ReasonCode.already_authorized for r in decision.reasons)
    ):
        return None
    m = next(
        (
            m
            for m in _SIMILAR_HELD.finditer(letter, rationale.start, rationale.end)
            # "a second walker" for a walker is this care again; "a second support" for a brace is like it; a
            # prefabricated splint had is like a custom one asked for (round 171's reader: told "you already have it")
            if (not m.group("thing") or not re.search(rf"\b{m.group('thing')[:5]}", decision.service, re.I))
            and (not m.group("prefab") or _CUSTOM.search(decision.service))
        ),
        None,
    )
    # "already owns a TENS unit" for an interferential stimulator, "the inhaler she already uses" for a nebulizer
    # (round 187's reader); "already has a standard sling" for an abduction pillow sling, "already using hot and cold
    # packs" for a hot and cold therapy unit (rounds 216 and 217's readers): all told "You already had this care
    # before", where the thing held, named, is another, by its kind or by words the heading does not use
    service = decision.service
    held_elsewhere: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], bool]], ...] = (
        (_HELD_NAMED, lambda h: _another_thing(h.group("thing") or h.group("thing2"), service)),
        (_HELD_PHRASE, lambda h: _named_otherwise(h.group("held") or h.group("many"), service)),
        # "Utilization review has already certified Norco 5/325 mg #30", of Percocet; "on top of the oral naproxen she
        # was already taking", of a ketoprofen cream (round 279's readers: told "You already have this care")
        (_DRUG_HELD, lambda h: _another_drug(h.group("drug") or h.group("drug2"), service)),
    )
    for pattern, elsewhere in held_elsewhere:
        if m is None:
            m = next(
                (
                    h
                    for r in decision.reasons
                    if r.code is ReasonCode.already_authorized
                    for h in pattern.finditer(letter, r.span.start, r.span.end)
                    if elsewhere(h)
                ),
                None,
            )
    if m is None:
        return None
    sentences = _sentences(letter, rationale.start, rationale.end)
    start, end = next(((a, b) for a, b in sentences if a <= m.start() < b), (m.start(), m.end()))
    return quote(letter, start, end)


_DRUG_HELD = rxcache.compile(
    r"\b(?:certified|approved|authorized|already\s+(?:takes|taking|uses|using|on))\s+(?:(?:the|an?|her|his|their|oral)\s+)?"
    r"(?P<drug>[a-z][\w-]+)"
    r"|\b(?P<drug2>[a-z][\w-]+)\s+(?:that\s+|which\s+)?(?:she|he|they)\s+(?:was|is|were|(?:had|has|have)\s+been)\s+"
    r"already\s+(?:taking|using|on)\b",
    re.I,
)
"""A drug approved or taken, named right after the words that say so ("already certified Norco 5/325 mg #30"), or
right before them ("the oral naproxen she was already taking")."""


def _another_drug(named: str, service: str) -> bool:
    """``named`` is a medicine the lexicon knows whose name the heading ``service`` does not hold (by five-letter
    stems): another drug, held or approved, not this one."""
    return bool(medicine_kinds(named)) and not re.search(rf"\b{re.escape(named[:5])}", service, re.I)


_HELD_PHRASE = rxcache.compile(
    r"\balready\s+(?:owns?|has|have|uses|using|wears|wearing|possesses|takes|taking)\s+"
    # with a determiner, or a plural ("already using hot and cold packs"): not "The scooter he already has meets ..."
    r"(?:(?:a|an|the|her|his|their|some)\s+(?P<held>(?:[\w-]+\s+){0,3}?[\w-]+)"
    r"|(?!(?:and|or|what|which|that|it|them)\b)(?P<many>(?:(?!(?:that|which|who)\b)[\w-]+\s+){0,3}?[\w-]{2,}s)(?<!\bis)"
    r"(?<!\bwas)(?<!\bhas)(?<!\bthis))"
    r"(?=\s*(?:[.,;:)]|$)|\s+(?:from|at|that|which|since|for|and|but|she|he|they|in|on|to|with|as|when|while|being|this"
    r"|these|those)\b)",
    re.I,
)
"""The thing the worker already has, as the sentence names it ("already has a standard sling from ...")."""
_HELD_FILLER = frozenset(
    {"and", "or", "of", "own", "one", "pair", "set", "it", "them", "this", "that", "these", "those", "same", "device"}
    | {"devices", "unit", "units", "item", "items", "equipment", "thing", "things", "requested", "asked", "such"}
    | {"active", "current", "prescription", "prescriptions", "supply", "refill", "refills", "dose", "medication"}
    | {"medications", "medicine", "medicines"}
)
"""Words of a thing held that name no kind ("already has the device")."""


def _named_otherwise(held: str, service: str) -> bool:
    """``held`` has a word the heading ``service`` does not (by five-letter stems): "standard" of a standard sling
    beside an abduction pillow sling, "packs" beside a therapy unit. Pronouns name nothing."""
    words = [w for w in re.findall(r"[a-z][a-z-]*", held.lower()) if w not in _HELD_FILLER]
    asked = {w[:5] for w in re.findall(r"[a-z][a-z-]*", service.lower())}
    return bool(words) and any(w[:5] not in asked for w in words)


_SIMILAR_HELD = rxcache.compile(
    # (a kind named, not "a second device", "another unit": those say nothing of what kind the worker has)
    r"\b(?:second|another|additional)\s+(?:[\w-]+\s+){0,3}?(?P<thing>braces?|splints?|orthos[ie]s|orthotics?|canes?"
    r"|walkers?|chairs?|cushions?|pillows?|mattress(?:es)?|garments?|sleeves?|collars?|boots?|inserts?|slings?|crutch\w*"
    r"|scooters?)\b"
    r"|\bof\s+a\s+different\s+(?:design|type|kind|style|model)\b|\bfor\s+the\s+same\s+(?:purpose|function|use)\b"
    # "why a second and more elaborate unit is now needed in its place" (round 284's reader: a pneumatic traction unit
    # told "you already have it", of an over-the-door device)
    r"|\b(?:second|another)\s+(?:and\s+)?(?:more\s+(?:elaborate|advanced|sophisticated|expensive|complex)|different|newer"
    r"|powered)\s+(?:[\w-]+\s+)?(?:unit|device|model|machine)\b"
    # "that program includes daily supervised exercise and conditioning directed at the same ankle" (round 283's
    # reader: physical therapy told "you already have it", beside a functional restoration program approved)
    r"|\b(?:includes|provides|covers|offers)\s+(?:[\w-]+\s+){0,4}?(?:exercise|therapy|conditioning|treatment)\b[^.;]{0,60}?"
    r"\bthe\s+same\s+(?:ankle|knee|shoulder|back|neck|wrist|hand|hip|elbow|foot|joint|body\s+parts?|areas?|regions?)\b"
    r"|\bduplicat\w*\s+(?:that|its|the|this|their)\s+(?:function|purpose|role|effect)\b"
    # "Aquatic therapy would also duplicate treatment of the same body parts" (round 184's reader: told "You already
    # had this care before", of land-based therapy approved in the same review)
    r"|\bduplicat\w*\s+(?:the\s+)?(?:[\w-]+\s+)?(?:treatment|therapy|care)\s+(?:of|for|to)\s+the\s+same\s+(?:body\s+parts?"
    r"|areas?|regions?|joints?|conditions?)\b"
    # "Providing both forms of therapy at once would duplicate care" (round 189's reader: aquatic beside land therapy)
    r"|\b(?:both|two)\s+(?:forms|kinds|types)\s+of\s+(?:therapy|care|treatment)\b"
    # "The study would duplicate imaging she has already had" (round 235's reader: an ultrasound told "you already
    # have it", of an MRI that showed the same): pictures of any kind, not this one (not "duplicate testing that has
    # already been done", of the same tests again)
    r"|\bduplicat\w*\s+(?:the\s+)?imaging\b"
    # "would have duplicated information already in hand" (round 282's reader: an MR arthrogram told "you already had
    # this care", of a plain MRI)
    r"|\bduplicat\w*\s+(?:the\s+)?(?:information|findings|data)\b"
    # "the topical NSAID would duplicate his oral medication" (round 245's reader: a cream told "You already had this
    # care before")
    r"|\bduplicat\w*\s+(?:his|her|their|the)\s+(?:oral|current)\s+(?:medications?|medicines?|NSAIDs?|anti-?\s*inflammator\w+)\b"
    r"|\bserves?\s+the\s+same\s+(?:purpose|function)\b|\bdoes\s+the\s+same\s+(?:thing|job)\b"
    # "the authorized weeks of the functional restoration program include daily supervised exercise and hand
    # conditioning, so a separate course of occupational therapy at the same time would duplicate that care" (round
    # 274's reader: told "you already have it, or approval for it" of therapy never approved)
    r"|\bseparate\s+(?:[\w-]+\s+){0,3}?(?:course|program|series|set)\b[^.;]{0,80}?\bduplicat\w*"
    r"|\b(?P<prefab>pre-?fabricated|off[-\s]\s*the[-\s]\s*shelf|over[-\s]\s*the[-\s]\s*counter|ready[-\s]\s*made)\b",
    re.I,
)
_CUSTOM = rxcache.compile(r"\bcustom", re.I)
"""A heading that asks for a thing made to measure."""
"""Words of a thing like the one asked for: another of its kind (named by a word the heading does not use), or one
that does its job."""


_BESIDE_A_DUPLICATE = frozenset({ReasonCode.already_authorized, ReasonCode.missing_documentation})
"""Grounds that leave a duplicate the item's whole answer ("no report that the first brace broke")."""


@dataclass(frozen=True)
class Amounts:
    """The three amounts of a partly approved item, each as the letter writes it."""

    asked: Quote
    already: Quote
    decided: Quote


def _field(letter: str | None, value: str | None, span: Span | None) -> Quote | None:
    if value is None:
        return None
    if letter is None or span is None:
        return Quote(text=value)
    return quote(letter, span.start, span.end)


def amounts(decision: Decision, letter: str | None) -> Amounts | None:
    """Asked / already approved / decided here, when the letter states all three."""
    if not decision.partial:
        return None
    asked = _field(letter, decision.original_request, decision.spans.original_request)
    already = _field(letter, decision.authorized_portion, decision.spans.authorized_portion)
    decided = _field(letter, decision.service, decision.spans.service)
    if asked is None or already is None or decided is None:
        return None
    return Amounts(asked=asked, already=already, decided=decided)


@dataclass(frozen=True)
class Amount:
    """A number or range and its unit, as the letter writes them (``4-6 visits``)."""

    low: Quote
    high: Quote | None
    """The range's upper end, when the letter gives a range."""
    unit: str
    """The unit in the plural, lower case (``visits``, ``weeks``): a key of the wording tables."""


@dataclass(frozen=True)
class GuidelineLimit:
    """What the guideline allows for this item and, when larger, what was asked for."""

    limit: Quote
    """The whole limit as written, e.g. ``4-6 visits over 8 weeks``."""
    amount: Amount
    """How many (``4-6 visits``), or for how long when the limit is a time (``2-3 weeks``)."""
    period: Amount | None
    """Over what time a number of visits is allowed (``8 weeks``), when the letter says."""
    less_than: bool
    """A time limit written "less than 3 weeks" (else: at most)."""
    trial: bool
    """The limit is for a first trial ("an initial trial of 6 visits")."""
    asked: Quote | None
    """The number asked for, from the heading or the rationale, when it exceeds the limit."""
    more: bool = False
    """The limit is for care beyond what was already given ("an additional 3-4 sessions")."""
    had: Quote | None = None
    """How many the worker already had, when the rationale says so and it is past the limit
    ("has had at least 24 physical therapy sessions"): often the ground itself."""
    had_at_least: bool = False
    """``had`` was written "at least", "over" or "more than"."""
    until_shown: bool = False
    """The limit holds only until the care is shown to work ("not suggested for longer than 2 weeks
    without evidence of demonstrated efficacy"): more is allowed once it helps."""
    total: Quote | None = None
    """The total this request would bring the worker to, past the limit ("Adding the remaining 8 would bring him to 19
    visits"), when nothing asked or had is said past it: round 184's reader, told only "allow 16 visits over 8 weeks"
    of 8 more, read the request as within the limit."""


# ---------------------------------------------------------------- guideline limits
#
# How a limit is found (for the next letter, not a list of known letters):
#
# 1. Candidates. A limit is a number or range with a unit of care (visits, sessions,
#    treatments, injections, blocks) or of time (days, weeks, months), introduced by a
#    word that states a limit ("allow", "recommend", "warrant", "limited to", "up to",
#    "maximum of", "no more than", "longer than", "less than", "initial trial of",
#    "recommended number of visits ... is") in a sentence of the rationale that speaks
#    of guidelines or limits. A number after "had", "completed", "approved" ... is the
#    worker's history, and "3 visits per week" is a frequency: neither is a limit.
# 2. Scope. The treatment named nearest to the number (physical therapy, massage,
#    acupuncture, a muscle relaxant ...) must be one the item's heading names; a limit
#    for another treatment ("only six visits of acupuncture were approved", in a massage
#    rationale) is never used. A sentence that opens with a condition ("For severe
#    cervical strain, ...") is about that condition only and is skipped.
# 3. Which one. A limit in a sentence that applies the guideline to this request ("the
#    request is in excess of the guidelines recommendation of 4-6 visits", "which would
#    allow only up to an additional 3-4 sessions") wins. Otherwise the rationale's other
#    limits are used only when they agree (one value); several different values (the
#    ODG list by diagnosis: 9-10 visits for myalgia, 8-10 for neuritis, 26 for CRPS)
#    mean the reviewer did not say which one applies, and nothing is named. When the
#    reviewer says the request exceeds "an initial trial", only trial limits count.

_TO = r"\s*(?:-|\u2013|to)\s*"
"""Between a range's ends: "4-6", "4\u20136" (en dash), "4 to 6"."""
_RANGE = rf"(?P<low>{_NUM})(?:{_TO}(?P<high>{_NUM}))?"
_COUNT_UNITS = r"visits?|sessions?|treatments?|injections?|blocks?"
_TIME_UNITS = r"days?|weeks?|months?"
_FILLER = rf"(?:\s+(?!(?:per|a|an|each|every|or|and|{_COUNT_UNITS}|{_TIME_UNITS})\b)[a-z]+(?:-[a-z]+)?){{0,3}}?"
"""Up to three words between a number and its unit ("10 supervised physical therapy visits")."""
_LEAD = (
    r"(?P<lead>allows?|allowed|allowing|warrants?|warranted|supports?|supported|recommends?|recommended(?:\s+for)?"
    r"|recommending|recommendation\s+(?:is|of)|limited\s+to|limit\s+of|maximum(?:\s+duration)?\s*(?:of|:|is)"
    r"|up\s+to|no\s+more\s+than|not\s+(?:to\s+)?exceed(?:ing)?|(?:longer|more)\s+than|(?P<less>less|fewer)\s+than"
    r"|(?P<trial>(?:initial\s+)?trial\s+of)|total\s+of"
    r"|recommended\s+(?:number|amount|duration)\s+of\s+\w+(?:\s+\w+){0,6}?\s+is)"
)
_LIMIT = (
    rf"\b{_LEAD}\s+(?:only\s+)?(?:up\s+to\s+)?(?:an?\s+)?(?:(?:(?P<more>additional|further)|initial|total\s+of)\s+)?"
    rf"(?P<amount>{_RANGE}{_FILLER}\s+(?P<unit>{_COUNT_UNITS}|{_TIME_UNITS}))\b"
    rf"(?P<period>\s+(?:over|in|within|during)\s+(?:a\s+)?(?:period\s+of\s+)?"
    rf"(?P<plow>{_NUM})(?:{_TO}(?P<phigh>{_NUM}))?\s+(?P<punit>{_TIME_UNITS})\b)?"
    rf"(?!\s+(?:per|a|each|every)\s+(?:day|week|month)\b)"
)
_GUIDELINE_CUE = (
    r"\b(?:guidelines?|guide-\s*lines|MTUS|ODG|ACOEM|recommend\w*|allow\w*|warrant\w*|limit\w*|maximum|trial)\b"
)
_RECEIVED = r"completed|received|attended|underwent|undergone"
"""Verbs that say the worker had care (one list for the history guard and for :data:`_HAD`)."""
_HISTORY = (
    rf"\b(?:had|has|have|having|{_RECEIVED}|approved|authori[sz]ed|certified|"
    # "has taken zolpidem 10mg nightly for more than three months" (round 276's reader: told the guidelines allow it
    # "for no more than three months", where they say two to six weeks)
    r"previously|prior|already|since)\b[^.]{0,40}$"
    r"|\b(?:has|have|had)\s+(?:been\s+)?(?:taken|taking|used|using)\b[^.]{0,60}$"
)
_APPLIED = (
    r"\b(?:exceed\w*|in\s+excess|excessive|surpass\w*|would\s+(?:only\s+)?allow|this\s+(?:request|patient|worker|"
    r"claimant|case)|the\s+request(?:ed)?|requested|(?:would|will)\s+be\s+(?:more|greater)\s+than)\b"
)
_SUBGROUP = (
    r"^\W*(?:For|In)\s+(?:(?:patients?|cases?|those|individuals)\s+with\s+|(?:severe|mild|moderate|acute|chronic|subacute)\b)"
    r"[^,.]{0,80},"
)
"""A sentence that opens with a group of patients or a condition: its limit is for them."""
_PLAIN = (
    rf"\b{_RANGE}{_FILLER}\s+(?P<unit>{_COUNT_UNITS}|{_TIME_UNITS})\b(?!\s+(?:per|a|each|every)\s+(?:day|week|month)\b)"
)
"""Any amount of care or time, with or without a word that states a limit (a list entry)."""
_TRIAL_WORDS = r"\btrial\b"
_UNIT = rf"{_COUNT_UNITS}|{_TIME_UNITS}"
"""A unit word anywhere: every match of :data:`_LIMIT` and of :data:`_PLAIN` holds one."""


_COUNT = rf"#\s*(?P<pills>\d+)|\b(?P<n>{_NUM}){_FILLER}\s+(?P<unit>{_COUNT_UNITS}|months?)\b"
"""An amount in a part of a request: the limit finder's number, filler words and units of
care, plus months (of a rental); "#90" for pills."""


@functools.cache
def _count_pattern() -> re.Pattern[str]:
    """:data:`_COUNT` compiled on first use (only Spanish summaries of partly approved items need it)."""
    return rxcache.compile(_COUNT, re.I)


def counts(text: str) -> list[tuple[str, str]]:
    """The amounts a part of a request states, as (number as written, plural unit) —
    ``("1", "months")`` from "Wheelchair rental x 1 month", ``("90", "#")`` from "#90" — so
    the Spanish summary can tell two parts apart whose names translate the same. Counts
    of care and months of a rental only: "two times a week for six weeks" is a schedule,
    not an amount, and is left to the letter's words in parentheses."""
    found: list[tuple[str, str]] = []
    for m in _count_pattern().finditer(text):
        if m.group("pills"):
            found.append((m.group("pills"), "#"))
        else:
            unit = m.group("unit").lower()
            found.append((m.group("n"), unit if unit.endswith("s") else f"{unit}s"))
    return found


def _value(raw: str) -> int | None:
    raw = raw.lower()
    return int(raw) if raw.isdigit() else _VALUES.get(raw)


@dataclass(frozen=True)
class _LimitPatterns:
    """The guideline-limit finder's patterns (see the notes above), compiled on first use:
    most letters have no item refused as beyond a guideline's limit, and compiling them
    took ~8 ms of every start."""

    limit: Windowed
    """A long case-insensitive alternation: tried only where a match can begin."""
    cue: Windowed
    history: re.Pattern[str]
    applied: Windowed
    subgroup: re.Pattern[str]
    plain: re.Pattern[str]
    trial: Windowed
    unit: Windowed
    """Searched through the whole rationale at once (see :func:`_candidates`)."""
    sentence_break: re.Pattern[str]
    asked: tuple[re.Pattern[str], ...]
    asked_in_rationale: re.Pattern[str]
    kinds: tuple[tuple[str, re.Pattern[str], Prefilter], ...]
    """Each kind's pattern and the words its matches contain."""
    kind_screen: Screened
    """The kinds' patterns are long case-insensitive alternations (~60 ns per character
    each): only those whose words occur in a text are run on it."""


@functools.cache
def _limits() -> _LimitPatterns:
    kinds = tuple((name, pattern, Prefilter(pattern)) for name, pattern in _compiled(CARE_KINDS).items())
    return _LimitPatterns(
        limit=Windowed(rxcache.compile(_LIMIT, re.I)),
        cue=Windowed(rxcache.compile(_GUIDELINE_CUE, re.I)),
        history=rxcache.compile(_HISTORY, re.I),
        applied=Windowed(rxcache.compile(_APPLIED, re.I)),
        subgroup=rxcache.compile(_SUBGROUP, re.I),
        plain=rxcache.compile(_PLAIN, re.I),
        trial=Windowed(rxcache.compile(_TRIAL_WORDS, re.I)),
        unit=Windowed(rxcache.compile(_UNIT, re.I)),
        sentence_break=rxcache.compile(_SENTENCE_BREAK),
        asked=tuple(rxcache.compile(p, re.I) for p in _ASKED),
        asked_in_rationale=rxcache.compile(_ASKED_IN_RATIONALE, re.I),
        kinds=kinds,
        kind_screen=Screened(prefilter for _, _, prefilter in kinds),
    )


def _compiled(patterns: dict[str, str]) -> dict[str, re.Pattern[str]]:
    return {name: rxcache.compile(pattern, re.I) for name, pattern in patterns.items()}


def _kinds(text: str) -> set[str]:
    p = _limits()
    kinds = p.kinds
    return {kinds[k][0] for k in p.kind_screen.indices(text) if kinds[k][1].search(text)}


def _named_kinds(letter: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Where ``[start, end)`` names each kind of care: ``(start, end, kind)`` in :data:`CARE_KINDS` order."""
    p = _limits()
    kinds = p.kinds
    return [
        (m.start(), m.end(), kinds[k][0])
        for k in p.kind_screen.indices(letter[start:end])
        for m in kinds[k][1].finditer(letter, start, end)
    ]


def _owner(named: list[tuple[int, int, str]], at: int) -> str | None:
    """The kind of care named nearest to offset ``at`` (``named``: a sentence's :func:`_named_kinds`)."""
    best: tuple[int, str] | None = None
    for start, end, name in named:
        distance = at - end if end <= at else start - at
        if best is None or distance < best[0]:
            best = (distance, name)
    return None if best is None else best[1]


def _sentences(letter: str, start: int, end: int) -> list[tuple[int, int]]:
    """The rationale's sentences: a break after ``.``/``!``/``?`` (and any closing
    quote) before a capital or digit. "e.g. exercise", "729.1" and "therapy... this"
    do not end a sentence."""
    found: list[tuple[int, int]] = []
    begin = start
    for m in _limits().sentence_break.finditer(letter, start, end):
        found.append((begin, m.start() + 1))
        begin = m.end()
    if begin < end:
        found.append((begin, end))
    return found


_SENTENCE_BREAK = r"[.!?][\"'”)]*\s+(?=[\"'“(]*[A-Z0-9])"


def _amount(letter: str, m: re.Match[str], low: str, high: str, unit: str) -> Amount:
    high_quote = quote(letter, m.start(high), m.end(high)) if m.group(high) else None
    word = m.group(unit).lower()
    return Amount(
        low=quote(letter, m.start(low), m.end(low)), high=high_quote, unit=word if word.endswith("s") else f"{word}s"
    )


@dataclass(frozen=True)
class _Candidate:
    limit: GuidelineLimit
    applied: bool
    high: int
    values: frozenset[int]
    """Every value of the same kind (care or time) its sentence gives outside other
    limits: more than one means a list ("9-10 visits for myalgia, 8-10 visits for
    neuritis, 24 visits for CRPS") whose entry for this worker is not said."""


def _candidates(decision: Decision, letter: str, sentences: list[tuple[int, int]], rationale: Span) -> list[_Candidate]:
    patterns = _limits()
    own = _kinds(decision.service)
    # A unit is letters only, and sentences are parted by other characters: a sentence
    # holds a unit when one of the rationale's units starts in it.
    low = _low(letter)
    units = [m.start() for m in patterns.unit.finditer(letter, rationale.start, rationale.end, low)]
    found: list[_Candidate] = []
    for start, end in sentences:
        k = bisect.bisect_left(units, start)
        if k == len(units) or units[k] >= end:
            continue  # no amount of care or time, so no limit (nor a list entry beside one)
        sentence = letter[start:end]
        alone = lowered(sentence)  # the sentence searched on its own: its start is that of a text
        cue = patterns.cue.search(sentence, 0, len(sentence), alone)
        if not cue or patterns.subgroup.match(sentence):
            continue
        applied = patterns.applied.search(sentence, 0, len(sentence), alone) is not None
        limits = list(patterns.limit.finditer(letter, start, end, low))
        loose: dict[bool, set[int]] | None = None  # found when a limit needs them
        named: list[tuple[int, int, str]] | None = None
        for m in limits:
            if patterns.history.search(letter, max(start, m.start() - 40), m.start("amount")):
                continue
            if _ASKED_AFTER.match(letter, m.end(), end):
                continue  # "A total of twelve visits would be more than the eight ODG allows": the amount asked
            if _BY_EXCESS.search(letter, max(start, m.start() - 8), m.start()):
                continue  # "exceeds the guideline recommendation by more than three weeks": the excess (round 240)
            if _SUPPLY_LASTS.search(letter, max(start, m.start() - 60), m.end("lead")):
                continue  # "60 tablets ... would allow up to 10 days of use": how long the amount asked lasts
            if _COMPARED.match(m.group("lead")) and _ELAPSED_AFTER.match(letter, m.end(), end):
                continue  # "made more than 2 months after the surgery": time since an event, not a limit
            if named is None:
                named = _named_kinds(letter, start, end)
            owner = _owner(named, m.start("amount"))
            if owner is not None and owner not in own:
                continue
            high = _value(m.group("high") or m.group("low"))
            if high is None:
                continue
            amount = _amount(letter, m, "low", "high", "unit")
            period = _amount(letter, m, "plow", "phigh", "punit") if m.group("period") else None
            limit = GuidelineLimit(
                # a time limit keeps its bound words ("less than 3 weeks"), a count does not need them
                limit=quote(letter, m.start("lead" if amount.unit in _TIME_UNIT_WORDS else "amount"), m.end()),
                amount=amount,
                period=period,
                less_than=bool(m.group("less")),
                trial=bool(m.group("trial")),
                asked=None,
                more=bool(m.group("more")),
            )
            own_value = _in_days(high, amount.unit)
            if applied:
                values = {own_value}
            else:
                if loose is None:
                    loose = _loose(letter, start, end, limits)
                values = {own_value} | loose[amount.unit in _TIME_UNIT_WORDS]
            found.append(_Candidate(limit=limit, applied=applied, high=high, values=frozenset(values)))
    return found


def _loose(letter: str, start: int, end: int, limits: list[re.Match[str]]) -> dict[bool, set[int]]:
    """The values of the sentence's amounts of care (False) and of time (True) outside its
    ``limits`` and not the worker's history: a list beside a limit."""
    patterns = _limits()
    loose: dict[bool, set[int]] = {False: set(), True: set()}
    for p in patterns.plain.finditer(letter, start, end):
        held = any(m.start("amount") <= p.start() < m.end() for m in limits)
        value = _value(p.group("high") or p.group("low"))
        if held or value is None:
            continue
        if not patterns.history.search(letter, max(start, p.start() - 40), p.start()):
            unit = p.group("unit").lower().rstrip("s") + "s"
            loose[unit in _TIME_UNIT_WORDS].add(_in_days(value, unit))
    return loose


_DAYS_IN = {"days": 1, "weeks": 7, "months": 30}


def _in_days(value: int, unit: str) -> int:
    """A time in days, so "two to three weeks" and "up to three months" in one sentence are two limits, not one value
    3 (round 148's reader: a Norco after a small knee operation was told "no more than three months", the limit for
    larger operations); a count of care as it is."""
    return value * _DAYS_IN.get(unit, 1)


def _choose(candidates: list[_Candidate], trial_applied: bool) -> _Candidate | None:
    """The applied limit, else the one value the rationale's limits agree on (counts of
    visits before times), else nothing."""
    applied = [c for c in candidates if c.applied]
    if applied:
        return min(applied, key=lambda c: c.limit.amount.unit in _TIME_UNIT_WORDS)
    if trial_applied and any(c.limit.trial for c in candidates):
        candidates = [c for c in candidates if c.limit.trial]
    for time in (False, True):
        same = [c for c in candidates if (c.limit.amount.unit in _TIME_UNIT_WORDS) is time]
        if same and len(frozenset().union(*(c.values for c in same))) == 1:
            return same[-1]
    return None


_TIME_UNIT_WORDS = frozenset({"days", "weeks", "months"})
#: Not a date's last part: "at the 12-20-2016 visit" asks for no 2016 visits (round 174's reader).
_NOT_IN_DATE = r"(?<!\d[-/.])"
_ASKED = (
    r"\b(?:x|times|#)\s*(?P<n>\d+)\b",
    rf"{_NOT_IN_DATE}\b(?P<n>{_NUM})\s+(?:[a-z]+\s+){{0,3}}?(?:{_COUNT_UNITS})\b",
    r"\((?P<n>\d+)\s+(?:visits|sessions)\)",
)
_ASKED_IN_RATIONALE = rf"{_NOT_IN_DATE}\b(?P<n>{_NUM})(?:[\s-]+[a-z]+){{0,3}}?\s+(?:{_COUNT_UNITS}|request)\b"


def _asked(
    decision: Decision, letter: str, limit: GuidelineLimit, above: int, sentences: list[tuple[int, int]]
) -> Quote | None:
    """The number asked for, larger than the limit: from the heading, else from a
    rationale sentence about this request ("the requested 12 sessions exceeds"). A
    number the worker already had is not a request. Digits are preferred to words."""
    if limit.amount.unit in _TIME_UNIT_WORDS:
        return None
    patterns = _limits()
    found: list[Quote] = []
    span = decision.spans.service
    for pattern in patterns.asked:
        for m in pattern.finditer(letter, span.start, span.end):
            n = _value(m.group("n"))
            if n is not None and n > above:
                found.append(quote(letter, m.start("n"), m.end("n")))
    if not decision.partial:
        # A partly certified item's heading is the rest decided here; its rationale's "12 sessions requested" is
        # the original request (templates 147, round 84's reader: "This review was about 12 more visits" for the
        # remaining 8).
        found += [q for n, q in _stated_requests(letter, limit, sentences) if n > above]
    digits = [q for q in found if q.text.isdigit()]
    return (digits or found)[0] if found else None


_TIME_AFTER = rxcache.compile(
    r"[\s-]+(?:" + "|".join(w.rstrip("s") + "s?" for w in sorted(_TIME_UNIT_WORDS)) + r")\b", re.I
)
"""A number followed by a time unit (:data:`_TIME_UNIT_WORDS`): a time, not a count of care."""
_TOTAL_BEFORE = rxcache.compile(r"\b(?:total|in\s+all)\s+(?:to|of)\s+$|\bbring\w*\s+(?:\w+\s+){0,3}?to\s+$", re.I)
"""A total the request would reach ("the request would take her total to 36 sessions"), not the amount asked for (round
106's reader was told "Your doctor asked for 36 visits" for 12 more)."""


def _stated_requests(letter: str, limit: GuidelineLimit, sentences: list[tuple[int, int]]) -> list[tuple[int, Quote]]:
    """The numbers a rationale sentence about this request gives as what was asked for ("the
    12 visits requested would exceed"), outside the limit's own words and not care already had."""
    patterns = _limits()
    low = _low(letter)
    found: list[tuple[int, Quote]] = []
    for start, end in sentences:
        if not patterns.applied.search(letter, start, end, low):
            continue
        for m in patterns.asked_in_rationale.finditer(letter, start, end):
            inside = limit.limit.span is not None and limit.limit.span.start <= m.start() < limit.limit.span.end
            n = _value(m.group("n"))
            history = patterns.history.search(letter, max(start, m.start() - 40), m.start())
            total = _TOTAL_BEFORE.search(letter, max(start, m.start("n") - 40), m.start("n"))
            # "within four weeks of the request": a time, not an amount asked (round 111's reader was told "Your doctor
            # asked for four visits" for three)
            span = _TIME_AFTER.match(letter, m.end("n"))
            if not (inside or n is None or history or total or span or _other_unit(m.group(), limit.amount.unit)):
                found.append((n, quote(letter, m.start("n"), m.end("n"))))
    # a guideline's own numbers last ("up to 18 visits over 6 to 8 weeks" before "the 12 requested visits exceed the
    # 6-visit trial": round 253's reader was told "Your doctor asked for 18 visits")
    return sorted(found, key=lambda f: _in_guideline_sentence(letter, f[1], sentences))


def _in_guideline_sentence(letter: str, said: Quote, sentences: list[tuple[int, int]]) -> bool:
    """Whether ``said`` is in a sentence that names a guideline (its rule, not this request)."""
    at = said.span.start if said.span is not None else -1
    return any(start <= at < end and _GUIDELINE_NAMED.search(letter, start, end) for start, end in sentences)


_UNIT_FAMILY = {"visit": "visits", "session": "visits", "treatment": "visits", "injection": "shots", "block": "shots"}
"""Units that count the same thing: "12 sessions of therapy" is not a number of injections."""


def _other_unit(counted: str, limit_unit: str) -> bool:
    """``counted`` ("12 sessions") counts something other than the limit's unit ("injections")."""
    word = counted.rsplit(None, 1)[-1].lower().rstrip("s")
    family = _UNIT_FAMILY.get(word)
    return family is not None and family != _UNIT_FAMILY.get(limit_unit.lower().rstrip("s"), family)


#: "has had at least 24 physical therapy sessions", "completed 18 visits": care the worker
#: already received, counted (the verb right before the number, so "approved 6" is not one).
_HAD = rxcache.compile(
    rf"\b(?:(?:has|have|had)\s+(?:already\s+)?(?:had|{_RECEIVED})|already\s+had"
    rf"|{_RECEIVED})\s+(?:(?P<least>at\s+least|over|more\s+than)\s+)?(?:a\s+total\s+of\s+)?"
    rf"(?P<n>{_NUM}){_FILLER}\s+(?:{_COUNT_UNITS})\b",
    re.I,
)


_CARE_WORD = (
    r"(?:therapy|treatment|care|manipulation|acupuncture|massage|chiropractic|rehabilitation|psychotherapy|counseling"
    r"|biofeedback|conditioning|hardening)"
)
"""A word that names a kind of care, the last of the words that name the care a count was had of."""
_OF_CARE = rxcache.compile(r"\s+of\s+(?P<care>(?:[\w-]+\s+){0,2}?" + _CARE_WORD + r")\b", re.I)
"""The care a count was had of ("6 sessions of physical therapy"), named by a kind of care, not "of which"."""
_CARE_BEFORE_UNIT = rxcache.compile(r"(?P<care>(?:[\w-]+\s+){0,2}?" + _CARE_WORD + r")\s+\S+$", re.I)
"""The care a count was had of, named between the number and its unit ("6 physical therapy treatments")."""


#: "completed 12 post-operative visits in 2015 and 8 more visits in 2016": the first count is part of
#: what was had (round 59's reader: told "You already had 12 visits"), so at least that many.
_MORE_AFTER = rxcache.compile(
    rf"[^.;]{{0,80}}?\band\s+(?:then\s+)?(?:another\s+)?(?:{_NUM})\s+(?:more|additional|further|other)\b", re.I
)
#: "presumably completed at least 6": the reviewer is not sure the care was had.
_HEDGE = rxcache.compile(
    r"\b(?:presum\w*|apparent\w*|possibl\w*|may\s+have|might\s+have|reported\w*)\b"
    r"|\b(?:will|would)\s+(?:then\s+)?(?:have\s+)?$",
    re.I,
)
"""Words that make a count of care had uncertain, or a count to come ("with the 6 sessions
authorized he will have received 18 visits": not visits already had)."""


def _had(
    letter: str, limit: GuidelineLimit, above: int, sentences: list[tuple[int, int]], service: str
) -> tuple[Quote, bool] | None:
    """How many visits the worker already had, past the limit (``above``), as the rationale
    says it; None for a time limit or when no sentence says so. Visits of other care do not count ("had recently
    completed 6 sessions of physical therapy" of a chiropractic request: round 199's reader was told "You already had 6
    visits")."""
    if limit.amount.unit in _TIME_UNIT_WORDS:
        return None
    names = _care_names(service)
    for start, end in sentences:
        for m in _HAD.finditer(letter, start, end):
            if names and _of_other_care(letter, m, end, service, names):
                continue
            n = _value(m.group("n"))
            # (as many as the limit is all of it: "has already completed 10 sessions, which meets the guideline
            # allowance" beside "allow 10 visits", round 191's reader, told only that 12 were asked)
            if n is not None and n >= above and not _HEDGE.search(letter, max(start, m.start() - 30), m.start()):
                more = _MORE_AFTER.match(letter, m.end(), end) is not None
                return quote(letter, m.start("n"), m.end("n")), m.group("least") is not None or more
    return None


def _of_other_care(letter: str, m: re.Match[str], end: int, service: str, names: list[str]) -> bool:
    """The count had at ``m`` is of care that none of ``names`` is, named after it ("6 sessions of physical therapy"),
    or of another of the lexicon's kinds of care named before its unit ("6 physical therapy treatments" of a CBT
    request: round 213's reader was told "You already had 6 visits"; "9 supervised therapy sessions" names none)."""
    if (of := _OF_CARE.match(letter, m.end(), end)) is not None:
        return _other_care(names, of["care"])
    if (before := _CARE_BEFORE_UNIT.search(letter, m.end("n"), m.end())) is None:
        return False
    had, asked = ({_COUNTED_AS.get(k, k) for k in _kinds(words)} for words in (before["care"], service))
    return bool(had) and bool(asked) and had.isdisjoint(asked)


_COUNTED_AS = {"aquatic therapy": "physical medicine"}
"""Kinds of care the guidelines count together (as :data:`_FAMILY` does for words): aquatic therapy's visits are
physical medicine's."""


def _total(letter: str, limit: GuidelineLimit, above: int, sentences: list[tuple[int, int]]) -> Quote | None:
    """The total the request would bring the worker to, past the limit (``above``): "would bring him to 19 visits",
    "would take her total to 36 sessions"; None for a time limit."""
    if limit.amount.unit in _TIME_UNIT_WORDS:
        return None
    for start, end in sentences:
        for m in _WOULD_TOTAL.finditer(letter, start, end):
            if (n := _value(m.group("n"))) is not None and n > above:
                return quote(letter, m.start("n"), m.end("n"))
    return None


_WOULD_TOTAL = rxcache.compile(
    rf"\b(?:would|will)\s+(?:bring|take|put|raise)\s+(?:\w+\s+){{0,3}}?to\s+(?:a\s+total\s+of\s+)?(?P<n>{_NUM})"
    rf"{_FILLER}\s+(?:{_COUNT_UNITS})\b",
    re.I,
)
"""A total the request would reach ("Adding the remaining 8 would bring him to 19 visits"): not the amount asked for
(:data:`_TOTAL_BEFORE`), but the count the limit is held against."""


_ASKED_AFTER = rxcache.compile(
    r"[^.;,]{0,40}?\b(?:would|will)\s+(?:[\w-]+\s+){0,4}?(?:be\s+more\s+than|exceed|go\s+beyond|surpass)\b"
    # "This total of 12 treatments already exceeds the 9 visits the ODG recommends" (round 216's reader: told "The
    # medical guidelines allow 12 visits")
    r"|\s+(?:already\s+|thus\s+|therefore\s+|clearly\s+)?(?:exceeds|exceeded|surpasses|surpassed|goes\s+beyond"
    r"|went\s+beyond)\b",
    re.I,
)
"""An amount the sentence goes on to call too many: the amount asked or had, not the guideline's."""
_SUPPLY_LASTS = rxcache.compile(
    r"\b(?:tablets?|pills?|capsules?|patches|doses|refills?)\b[^.;]{0,40}?\b(?:would|will|could)\s+(?:allow|last|provide"
    r"|cover|supply)\b",
    re.I,
)
"""A supply of medicine and how long it would last (round 167's reader: a Norco told "The medical guidelines allow this
care for no more than 10 days", where 60 tablets "would allow up to 10 days of use", more than the operation needs)."""
_BY_EXCESS = rxcache.compile(r"\bby\s+$", re.I)
"""Just before an amount, "by": how far past the limit the request goes, not the limit."""
_COMPARED = rxcache.compile(r"(?:more|longer|less|fewer)\s", re.I)
"""A limit's lead word that only compares ("more than"), unlike one that bounds ("no more than", "up to")."""
_EVENT_WORDS = r"after|since|following|before|prior\s+to|preceding|until"
"""Words that set a time or a date against an event ("2 months after the surgery", "prior to the December 2 visit")."""
_ELAPSED_AFTER = rxcache.compile(
    rf"\s+(?:{_EVENT_WORDS}|ago)\b"
    # "was more than nine weeks, beyond the period the guideline supports": the use had, past the limit (round 175's
    # reader: a zolpidem told "The medical guidelines allow this care for no more than nine weeks")
    r"|\s*,?\s*(?:well\s+|far\s+)?(?:beyond|past|outside|exceeding)\s+(?:the|what|its|any)\b",
    re.I,
)
"""A time compared to an event ("more than 2 months after the surgery"): how long since it, not a limit
(round 150's reader: a cold unit was told "no more than 2 months", where the guideline allowed 7 days)."""
_INITIAL_COURSE = rxcache.compile(r"\binitial\s+(?:course|trial)\b|\b(?:one[-\s]\s*)?half\s+of\b", re.I)
"""The smaller first course of a postsurgical limit ("an initial course of one half of the general course")."""


def _within(decision: Decision, letter: str, chosen: _Candidate) -> bool:
    """The heading asks for no more visits than the limit allows ("Massage x 6" against
    "4-6 visits") and the limit gives no time frame: the number is then not why the item
    was refused, and saying it would leave the worker asking why 6 of 6 is a no. With a
    time frame ("4-6 visits over 8 weeks") the limit is said, since the weeks are the
    point. Only for a whole request: a partly approved item's heading names the rest,
    whose limit counts what was approved before."""
    limit = chosen.limit
    if limit.amount.unit in _TIME_UNIT_WORDS and _not_reached(decision, letter, chosen):
        return True
    if decision.partial or limit.more:
        return False
    if limit.amount.unit in _TIME_UNIT_WORDS:
        return _time_within(decision, letter, chosen)
    rationale = decision.spans.rationale
    if limit.period is not None and not (
        # "12 visits over 12 weeks ..., with an initial course of one half": 12 asked at once exceed the
        # initial course, not this limit (round 65's readers: "allow 12 visits" told for 12 refused)
        rationale is not None and _INITIAL_COURSE.search(letter, rationale.start, rationale.end)
    ):
        return False
    span = decision.spans.service
    for pattern in _limits().asked:
        m = pattern.search(letter, span.start, span.end)
        if m is not None and (n := _value(m.group("n"))) is not None:
            return n <= chosen.high
    return False


def guideline_limit(decision: Decision, reasons: list[Reason], letter: str | None) -> GuidelineLimit | None:
    """The limit the reviewer applied to this item, when the rationale states it (see
    the notes above), with the amount asked for when that is larger."""
    if letter is None or not any(r.code is ReasonCode.exceeds_guideline_limits for r in reasons):
        return None
    rationale = decision.spans.rationale
    if rationale is None:
        spans = [r.span for r in reasons if r.code is ReasonCode.exceeds_guideline_limits]
        end = letter.find(".", max(s.end for s in spans))
        rationale = Span(
            start=letter.rfind(".", 0, min(s.start for s in spans)) + 1, end=len(letter) if end < 0 else end + 1
        )
    patterns = _limits()
    sentences = _sentences(letter, rationale.start, rationale.end)
    low = _low(letter)
    trial_applied = patterns.trial.search(letter, rationale.start, rationale.end, low) is not None and any(
        patterns.trial.search(letter, s, e, low)
        and patterns.applied.search(letter, s, e, low)
        and not patterns.limit.search(letter, s, e, low)
        for s, e in sentences
    )
    chosen = _choose(_candidates(decision, letter, sentences, rationale), trial_applied)
    if chosen is None or _within(decision, letter, chosen):
        return None
    asked = _asked(decision, letter, chosen.limit, chosen.high, sentences)
    had = _had(letter, chosen.limit, chosen.high, sentences, decision.service)
    stated = [n for n, _ in _stated_requests(letter, chosen.limit, sentences)]
    if had is None and stated and max(stated) <= chosen.high and chosen.limit.amount.unit not in _TIME_UNIT_WORDS:
        # "12 visits over 12 weeks ... the 12 visits requested would exceed the initial course":
        # the request is within this limit, so it is not the one applied; saying it would tell
        # the worker 12 of 12 was refused (care already had past it is the point, and is said).
        return None
    span = chosen.limit.limit.span
    until_shown = span is not None and any(
        s <= span.start < e and _UNTIL_SHOWN.search(letter, *_clause_around(letter, s, e, span)) is not None
        for s, e in sentences
    )
    return dataclasses.replace(
        chosen.limit,
        asked=asked,
        had=had[0] if had else None,
        had_at_least=had is not None and had[1],
        until_shown=until_shown,
        total=_total(letter, chosen.limit, chosen.high, sentences) if asked is None and had is None else None,
    )


def _clause_around(letter: str, start: int, end: int, span: Span) -> tuple[int, int]:
    """The clause of the sentence ``[start, end)`` that holds ``span``: "not suggested for longer than 2 weeks
    without evidence of demonstrated efficacy ..., and that total treatment duration should generally not
    exceed 20 full-day sessions" gives the 20 sessions no condition of efficacy (round 51's reader: "The
    medical guidelines allow 20 visits, unless it is shown to help you")."""
    breaks = list(_CLAUSE_BREAK.finditer(letter, start, end))
    before = [b.end() for b in breaks if b.end() <= span.start]
    after = [b.start() for b in breaks if b.start() >= span.end]
    return (before[-1] if before else start), (after[0] if after else end)


def _not_reached(decision: Decision, letter: str, chosen: _Candidate) -> bool:
    """The rationale says how long the worker is now past the event (:data:`_NOW_SINCE`), and that is
    less than the time limit: the limit has not been reached, so it is not why the item was refused. Not where the
    heading asks for a time: "rental 21 days" for a worker "one week from surgery" goes past "up to 17 days" after it
    (INV-R198B-06)."""
    rationale = decision.spans.rationale
    span = decision.spans.service
    if rationale is None or _ASKED_TIME.search(letter, span.start, span.end):
        return False
    now = [
        _in_days(n, m.group("unit").lower().rstrip("s") + "s")
        for m in _NOW_SINCE.finditer(letter, rationale.start, rationale.end)
        if (n := _value(m.group("n"))) is not None
    ]
    return bool(now) and max(now) < _in_days(chosen.high, chosen.limit.amount.unit)


def _time_within(decision: Decision, letter: str, chosen: _Candidate) -> bool:
    """The heading asks for no longer than a time limit allows ("CPM machine rental for 21 days" against "up to 21
    days"; round 148's reader: told "The medical guidelines allow this care for no more than 21 days", where the
    reviewer's limit was the 17 days for home use): that limit is not why the item was refused."""
    span = decision.spans.service
    limit = _in_days(chosen.high, chosen.limit.amount.unit)
    asked = [
        _in_days(n, m.group("unit").lower().rstrip("s") + "s")
        for m in _ASKED_TIME.finditer(letter, span.start, span.end)
        if (n := _value(m.group("n"))) is not None
    ]
    return bool(asked) and max(asked) <= limit


_NOW_SINCE = rxcache.compile(
    rf"\b(?:now|currently|presently|is|are)\s+(?:only\s+|about\s+|approximately\s+|nearly\s+|almost\s+)?"
    rf"(?P<n>{_NUM})[\s-]+(?P<unit>days?|weeks?|months?)\s+"
    r"(?:out\b|from\b|after\b|since\b|post\b|post-?op|postoperative|status\s+post|following\b)",
    re.I,
)
"""How long the worker is now past an event ("The patient is now 4 weeks from fixation", "now eight weeks out from
open reduction"): a time limit longer than that has not been reached, so it is not why the item was refused (round
226 and 229's readers: Norco told "The medical guidelines allow this care for no more than 3 months" a month or two
after surgery, where the grounds were the dosing and the missing checks)."""


_ASKED_TIME = rxcache.compile(rf"\b(?P<n>{_NUM})[\s-]+(?P<unit>days?|weeks?|months?)\b(?!\s+(?:a|per)\b)", re.I)
"""A time the heading asks for ("for 21 days", "30 day rental"), not a schedule ("2 times a week")."""


_UNTIL_SHOWN = rxcache.compile(
    r"\bwithout\s+(?:\w+\s+){0,2}?(?:evidence|documentation|demonstration)\s+of\s+(?:\w+\s+){0,3}?"
    r"(?:efficacy|effectiveness|benefit|improvement|gains)"
    r"|\bbefore\s+(?:its\s+)?(?:efficacy|effectiveness|benefit)\s+(?:is|has\s+been)\s+(?:demonstrated|shown|documented)",
    re.I,
)
"""A limit's own condition: past it only without proof that the care works (a guideline's
"without evidence of demonstrated efficacy"), so the limit is not an upper bound."""


@dataclass(frozen=True)
class Missing:
    """What the rationale says the records lacked, as one of a few fixed sentences."""

    key: str
    """Which fixed sentence (see ``MISSING_SENTENCES`` in templates)."""
    words: Quote
    """The rationale words that say it."""


def some_relief(found: Missing, letter: str, rationale: Span | None) -> bool:
    """The sentence that says the care's benefit was not shown also measures some relief ("the prior injection
    gave about 40% relief lasting roughly three weeks, with ... no improvement in function recorded"): the worker
    is told the care helped too little, not that it did not help (round 78's reader)."""
    if rationale is None or found.words.span is None:
        return False
    at = found.words.span.start
    sentences = _sentences(letter, rationale.start, rationale.end)
    for start, end in sentences:
        if start <= at < end and _SOME_RELIEF.search(letter, start, end) is not None:
            return not _GUIDELINE_WORDS.search(letter, start, end, _low(letter))
    # "The only description of benefit is that it 'helps with the burning.'" (round 238's reader: a gabapentin told
    # "did not show that this medicine helped you"), in a sentence of its own
    return any(_ONLY_BENEFIT.search(letter, start, end) for start, end in sentences)


_ONLY_BENEFIT = rxcache.compile(
    r"\bthe\s+only\s+(?:description|report|mention|record|documentation)\s+of\s+(?:any\s+)?(?:benefit|improvement|relief)\b"
    r"|\bthe\s+only\s+(?:benefit|improvement|relief|gain)\s+(?:described|reported|noted|documented|recorded)\b",
    re.I,
)
"""One help the notes record, named as all there is: some help, not none."""


def some_relief_said(reasons: Sequence[Reason], letter: str | None) -> bool:
    """A no-functional-improvement ground whose own words measure some relief ("roughly 30% relief from the
    07/19/2016 injection, lasting about 3 weeks"): the care helped too little, not not at all."""
    if letter is None:
        return False
    return any(
        r.code is ReasonCode.no_functional_improvement
        and _SOME_RELIEF.search(letter, r.span.start, r.span.end) is not None
        and _GUIDELINE_WORDS.search(letter, r.span.start, r.span.end, _low(letter)) is None
        for r in reasons
    )


_SOME_RELIEF = rxcache.compile(
    r"\b\d{1,2}\s*(?:%|percent)\s+(?:pain\s+)?(?:relief|improvement|reduction)\b"
    r"|\b(?:relief|improvement|reduction)\s+of\s+(?:only\s+|about\s+|roughly\s+|approximately\s+)?\d{1,2}\s*(?:%|percent)",
    re.I,
)
"""A measured part relief ("about 40% relief", "a reduction of 30 percent"): some help, not none."""


_SURGERY = rxcache.compile(
    r"\b(?:willing\w*|candida\w+(?!\s+(?:where|when|in\s+whom|for\s+whom)\b)|consider\w*|contemplat\w*)\b"
    r"[^.]{0,60}?\bsurg(?:ery|ical)\b"
    r"|\bsurgical\s+(?:candidate|intervention)\b|\bplans?\s+(?:for|of)\s+(?:\w+\s+){0,2}?surg(?:ery|ical)\b"
    r"|\bsurg(?:ery|ical\s+(?:intervention|treatment|repair))\s+(?:is|was|would\s+be|has\s+been|being)\s+"
    r"(?:\w+\s+)?(?:planned|warranted|contemplated|indicated|anticipated|scheduled)\b",
    re.I,
)
"""Surgery wanted, planned or called for: with a word of absence, a fact the notes lacked ("no
mention of the applicant's willingness to consider surgical intervention", "There was no plan for
surgery", "no ... indications that surgery is warranted"). Not the programs' criterion "not a
candidate where surgery or other treatments would clearly be warranted", whose "not" is the
criterion's own (rounds 52 and 53's readers: a program refused while surgery was still an option was
told "did not show that surgery is planned")."""

_NERVE_TEST = rxcache.compile(rf"\b(?:{NERVE_TESTS})\b", re.I)
"""A nerve test named: in the care asked for (no nerve test missing for it) or in what was not done."""


def nerve_test_not_done(reasons: list[Reason], letter: str | None) -> Quote | None:
    """The words of a ground that say a nerve test was not done ("the electrodiagnostic testing that would confirm the
    diagnosis and indicate its severity has not been performed"): round 188's reader, a carpal tunnel release told "did
    not show the signs the medical guidelines look for" where the reviewer found suggestive signs."""
    return _ground_saying(reasons, letter, _NERVE_TEST_NOT_DONE, words_only=True)


def lacked_test_key(words: str, service: str) -> str:
    """The missing fact's key for words that say a nerve test was not done: "pictures_nerve_test" where they name a
    picture beside it ("no imaging or electrodiagnostic study has yet been done": round 285's reader, an epidural told
    only of a nerve test, the one refused beside it, where an MRI was what it waited for), else "nerve_test"."""
    return "pictures_nerve_test" if _PICTURE.search(words) and not _PICTURE.search(service) else "nerve_test"


_NERVE_TEST_NOT_DONE = rxcache.compile(
    rf"\b(?:{NERVE_TESTS})(?:/\w+)?\s+(?:stud(?:y|ies)|test(?:s|ing)?)\b[^.;]{{0,80}}?\b(?:has|have|had)\s+not\s+(?:yet\s+)?"
    r"been\s+(?:performed|done|obtained|completed)\b"
    # "has clinical findings consistent with carpal tunnel syndrome, but no nerve conduction study has yet been
    # performed" (round 217's reader: told "did not show the signs" where the exam showed them): the signs granted
    rf"|\b(?:but|however,?|yet)\s+no\s+(?:[\w-]+\s+){{0,3}}?(?:{NERVE_TESTS})(?:/\w+)?(?:\s+(?:stud(?:y|ies)|test(?:s|ing)?))?\s+(?:has|have|had"
    r"|was|were)\s+(?:yet\s+)?(?:been\s+)?(?:performed|done|obtained|completed)\b",
    re.I,
)


_DRUG_TEST = rxcache.compile(r"\burine\s+drug\s+(?:screens?|tests?|testing)\b|\bUDS\b", re.I)
"""A urine drug test named."""
_MISSING: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "improvement",
        rxcache.compile(
            r"\bfunctional\s+(?:improvement|benefit|gains?|response)\b|\bimprovement\s+in\s+(?:function|pain|symptoms)"
            r"|\bobjective\s+(?:improvement|benefit|gains?)(?:\s+in\s+function)?\b"
            r"|\b(?:documented|reports?\s+of)\s+improvement(?:\s+in\s+function)?\b"
            r"|\bresponded\s+to\b|\bresponse\s+to\s+(?:the\s+|these\s+|prior\s+|previous\s+|this\s+)?(?:therapy|treatments?|care"
            r"|medications?|medicines?)\b"
            r"|\bwith\s+what\s+results\b|\b(?:therapy|treatment)\s+outcomes?\b|\boutcomes?\s+(?:from|of)\s+prior\b",
            re.I,
        ),
    ),
    (
        "pain",
        # (not "Taking two NSAIDs together does not improve pain relief": what a second medicine would not add, round
        # 204's reader)
        rxcache.compile(
            r"(?<!improve\s)(?<!improves\s)\bpain\s+(?:relief|reduction|scores?|levels?)\b|\bVAS\b"
            r"|\breduction\s+in\s+pain\b",
            re.I,
        ),
    ),
    (
        "visits",
        # care already had, not the number asked for ("does not state the number of sessions, the frequency or
        # the duration" is how much is asked for: round 51's reader)
        rxcache.compile(
            r"\b(?:number|amount)\s+of\s+(?:prior|previous|completed|past|previously\s+\w+)\s*"
            r"(?:\w+\s+){0,2}(?:sessions|visits|treatments)\b"
            r"|\b(?:number|amount)\s+of\s+(?:\w+\s+){0,2}(?:sessions|visits|treatments)\s+(?:of\s+(?:the\s+)?"
            r"(?:previously|prior|previous|completed|past)|(?:already\s+)?(?:completed|attended|received|had|undergone"
            r"|to\s+date))\b"
            r"|\bhow\s+many\s+(?:sessions|visits)\s+(?:\w+\s+){0,3}?(?:had|has|have|attended|completed|received)\b",
            re.I,
        ),
    ),
    ("drug_tests", _DRUG_TEST),
    # the state's prescription record, not a drug test ("Although a urine drug screen was obtained, there is no record
    # that CURES was queried": round 250's reader was told "did not show the tests", where the test was done)
    ("cures", rxcache.compile(r"\bCURES\b|\bprescription\s+(?:drug\s+)?monitoring\b|\bPDMP\b")),
    ("home_exercise", rxcache.compile(r"\bhome\s+exercise\b", re.I)),
    ("side_effects", rxcache.compile(r"\b(?:side|adverse)\s+effects\b", re.I)),
    # The keys below were added for the reasons a rationale most often names (issue 10):
    # each pattern is what reviewers write for one fact, not a copy of one letter's words.
    ("surgery", _SURGERY),
    (
        "pills",
        rxcache.compile(
            # (not an intolerance stated as known: "a topical NSAID has not been considered despite her intolerance of
            # oral Ibuprofen", round 167's reader, told "did not say why you cannot take pills")
            r"\b(?:not\s+able\s+to|unable\s+to|cannot|can\s+not"
            r"|(?<!despite\s)(?<!despite\sher\s)(?<!despite\shis\s)(?<!given\sher\s)(?<!given\shis\s)intoleran\w+)\b"
            r"[^.]{0,40}?\b(?:oral|pills?|tablets?|capsules?|swallow\w*)\b",
            re.I,
        ),
    ),
    ("home_trial", rxcache.compile(r"\bhome(?:-based)?\s+(?:[\w-]+\s+)?trial\b", re.I)),
    (
        "tried_first",
        rxcache.compile(
            r"\bfail(?:ed|ure)\s+(?:of\s+)?(?:[\w-]+\s+){0,3}?(?:conservative|first[-\s]\s*line|other|oral|non-?opioid)\b"
            r"|\b(?:other|first[-\s]\s*line|non-?opioid)\s+(?:[\w-]+\s+){0,2}(?:medications?|treatments?|care)\s+"
            r"(?:[\w-]+\s+){0,2}fail|\bexhausted\b"
            r"|\bdocumentation\s+(?:of|regarding|regard)\s+(?:any\s+)?(?:recent\s+|prior\s+)?conservative\b"
            r"|\bevidence\s+of\s+failure\b",
            re.I,
        ),
    ),
    # x-rays of the spine bending, which fusion criteria ask for: not x-rays at all (round 49's reader: "did
    # not show x-rays taken before" where a standing x-ray had measured the slip)
    (
        "views",
        rxcache.compile(
            r"\bflexion[-/\s]+extension\s+(?:x-?rays?|films?|radiographs?|views?|studies|imaging)\b"
            r"|\b(?:dynamic|bending|stress)\s+(?:x-?rays?|films?|radiographs?|views?)\b",
            re.I,
        ),
    ),
    ("imaging", rxcache.compile(r"\b(?:x-?rays?|plain\s+films?|radiographs?)\b", re.I)),
    # "no nerve conduction study has been done to confirm the diagnosis" (round 185's reader: a carpal tunnel release
    # told only "did not give enough facts to show you need it"): a nerve test not done, not one whose result is absent
    (
        "nerve_test",
        rxcache.compile(
            r"\b(?:no|without|nor|any)\s+(?:(?:prior|previous|recent|formal|MRI\s+or|imaging\s+or)\s+)*(?:"
            + NERVE_TESTS
            + r")(?:/\w+)?\s+(?:stud(?:y|ies)|test(?:s|ing)?|results?)\b",
            re.I,
        ),
    ),
    (
        "exam",
        rxcache.compile(
            r"\b(?:range\s+of\s+motion|motor\s+strength)\s+(?:numerical\s+)?(?:values|measurements|testing)\b"
            r"|\bdocument\w*\s+(?:of\s+|regarding\s+)?(?:the\s+)?(?:patient's\s+)?(?:current\s+)?"
            r"(?:range\s+of\s+motion|motor\s+strength)\b"
            r"|\bexam\w*\s+(?:\S+\s+){0,6}?(?:does|did)\s+not\s+document\b",
            re.I,
        ),
    ),
    (
        "plan",
        rxcache.compile(
            r"\btreatment\s+goals?\b|\bgoals?\s+(?:of|for)\s+(?:the\s+)?(?:treatment|therapy|care)\b"
            r"|\b(?:no|without|accompanied\s+by)\s+(?:a\s+|an\s+)?(?:\w+\s+)?treatment\s+plan\b"
            r"|\btreatment\s+plan\s+(?:with|or|and)\s+(?:\w+\s+){0,3}?goals\b"
            r"|\bplan\s+with\s+(?:[\w-]+\s+){0,4}goals\b|\b(?:short|long)[-\s]\s*term\s+goals\b",
            re.I,
        ),
    ),
    (
        "program",
        rxcache.compile(
            # not restored function, the goal ("so that activity and functional restoration can resume", "progress
            # towards functional restoration": round 88's reader was told a naproxen lacked a program to go with)
            r"(?<!toward\s)(?<!towards\s)(?<!achieve\s)\bfunctional\s+restoration\b"
            r"(?!\s+(?:can|could|will|would|may|might|resumes?)\b)"
            # not a program's testing ("the functional restoration evaluation placed him below the sedentary level":
            # round 113's reader was told a tramadol lacked a program to go with)
            r"(?!\s+(?:program\s+)?(?:evaluation|testing|tests?|assessment|screening)\b)"
            r"|(?<!home\s)\b(?:exercise|rehabilitation|rehab)\s+program\b"
            r"|\badjunct\s+to\s+(?:a\s+|the\s+)?(?:physical\s+rehabilitation|[\w-]+\s+program)\b",
            re.I,
        ),
    ),
    (
        "quantity",
        rxcache.compile(
            r"\b(?:specify|specified|provide|provided|state|stated|include|included)\b[^.]{0,20}?"
            r"\b(?:quantity|amount|frequency|duration|number\s+of\s+(?:sessions|visits|treatments))\b",
            re.I,
        ),
    ),
    (
        "body_part",
        rxcache.compile(
            r"\b(?:specify|specified|state|stated|identify|identified)\b[^.]{0,30}?\b(?:body\s+part|location|body\s+region)\b",
            re.I,
        ),
    ),
    # care for a condition the work injury did not cause ("no documentation that the periodontal condition was caused
    # or aggravated by the industrial injury": round 156's reader was told "did not give enough facts to show you
    # need it", where the need was not in question)
    (
        "work_cause",
        rxcache.compile(
            r"\b(?:caused|aggravated|worsened|related|attributable|due|secondary)\b[^.;]{0,40}?"
            r"\b(?:industrial|work(?:-related)?|occupational|job)\s+(?:injury|accident|incident|exposure|trauma)\b"
            r"|\b(?:industrially|causally)\s+related\b|\bon\s+an\s+industrial\s+basis\b|\bnon-?industrial\b",
            re.I,
        ),
    ),
    (
        "why",
        # "no indication that ..." only means "no sign of", so "indication" counts only as a clinical reason
        rxcache.compile(
            r"\b(?:rationale|reasons?)\b|\bwhy\b|\bclinical\s+indication\b|\bindication\s+(?:is\s+)?for\b"
            r"|\bmedical\s+necessity\s+for\b",
            re.I,
        ),
    ),
)

_MISSING_CODES = frozenset({ReasonCode.missing_documentation, ReasonCode.no_functional_improvement})


_ABSENCE_WORDS = r"no|not|neither|lack(?:ing)?|without|unclear|absence|absent|failed\s+to"
"""Words that say something is missing or not so (a regex alternation)."""
_LACK = Windowed(rxcache.compile(rf"\b(?:{_ABSENCE_WORDS})\b", re.I))
_RECORD_NOUNS = ("documentation", "information", "note", "notes", "record", "records", "report", "reports", "review")
"""What the case's papers are called when they say something of this worker ("The clinical information indicated",
"The progress note of 10/12/2016 lists pain scores"): the subject of a record's words, not a guideline's."""
_GUIDELINE_TALK = (
    # (not a record's "indicated": "The clinical information indicated the patient has been using hydrocodone ...,
    # with pain reported as 7/10 without and 5/10 with medications": round 285's reader, told "did not give your pain
    # levels")
    r"guidelines?|recommend\w*|MTUS|ODG|ACOEM|criteria"
    r"|" + "".join(rf"(?<!{noun}\s)" for noun in _RECORD_NOUNS) + r"indicated"
    r"|only\s+(?:if|when|after)"
    r"|may\s+be\s+(?:considered|appropriate|used)|(?:is|are)\s+not\s+suggested|should"
    r"|(?:is|are)\s+considered\s+to\s+(?:exist|be\s+present)"
)
_GUIDELINE_WORDS = Windowed(rxcache.compile(rf"\b(?:{_GUIDELINE_TALK})\b", re.I))
"""A sentence about what a guideline asks for: its own words, or a criterion's ("a trial may be
considered only if medications cause side effects"), or a definition ("Nonunion is considered to exist
only after ... serial radiographs have confirmed that no progressive signs of healing have occurred":
round 52's reader was told "did not show x-rays taken before" where the x-rays in the file showed healing)."""


def _lack_sentences(letter: str, rationale: Span) -> tuple[tuple[int, int], ...]:
    """:func:`_sentences_lacking` of the rationale, once per item (the missing facts and the
    findings both read them)."""
    return _sentences_lacking(letter, rationale.start, rationale.end)


@functools.lru_cache(maxsize=8)
def _sentences_lacking(letter: str, rationale_start: int, rationale_end: int) -> tuple[tuple[int, int], ...]:
    """Rationale sentences that say something was lacking, leaving out sentences about
    what a guideline asks for (a quoted criterion is not a finding about this worker).

    Both kinds of words are found through the rationale at once, not sentence by sentence:
    a sentence after the first begins after whitespace, and a match (letters and spaces
    between word boundaries) neither holds the period before that whitespace nor ends in
    it, so a match lies inside one sentence, with the same characters around it as when
    that sentence is searched alone. A sentence holds such words when a match starts in it.
    """
    text = letter[rationale_start:rationale_end] + " "
    low = _low(letter)
    low = (low[rationale_start:rationale_end] if len(low) == len(letter) else lowered(text[:-1])) + " "
    lacks = [m.start() for m in _LACK.finditer(text, 0, len(text), low) if not _VERDICT.match(text, m.start())]
    if not lacks:
        return ()
    # Sentence i is [ends[i - 1], ends[i]) (the first starts at 0); text after the last is none.
    ends = [m.end() for m in _PERIOD.finditer(text)]
    if ends and ends[-1] == len(text):
        ends[-1] -= 1  # the space added above is no part of the rationale
    cues = [m.start() for m in _GUIDELINE_WORDS.finditer(text, 0, len(text), low)]
    found: list[tuple[int, int]] = []
    for i in sorted({bisect.bisect_right(ends, at) for at in lacks}):
        if i == len(ends):
            break
        start, end = ends[i - 1] if i else 0, ends[i]
        g = bisect.bisect_left(cues, start)
        if g < len(cues) and cues[g] < end:
            continue
        if _FACTOR_LIST.match(text, start, end):
            continue  # the guideline's list of criteria or factors, whatever it names as absent
        if i + 1 < len(ends) and turns_against(text[end : ends[i + 1]].lstrip()):
            continue  # "... neck pain that has not responded to therapy. However, ...": a point granted (round 117)
        if i and _LIST_NUMBER.fullmatch(text, ends[i - 2] if i > 1 else 0, start):
            continue  # "5. Re-evaluate ..., and discontinue opioids if the patient's function does not improve or if
            # adverse effects are present": a guideline's numbered step (round 137's reader: told "did not say if the
            # medicine causes you any trouble")
        found.append((rationale_start + start, rationale_start + end))
    return tuple(found)


_PERIOD = rxcache.compile(r"\.(?:\s|$)")
_LIST_NUMBER = rxcache.compile(r"\s*\d{1,2}\.\s*")
"""A "sentence" that is only a list's number ("5. "): the sentence after it is an item of a numbered list."""
_VERDICT = rxcache.compile(r"not\s+(?:medically\s+)?(?:necessary|reasonable|appropriate)\b", re.I)
"""The "not" of the verdict ("the requested surgical intervention is not medically necessary"):
it says nothing was lacking, so the sentence's words are no missing fact."""
_PRESENT = rxcache.compile(
    r"[^.;:,]{0,60}?\b(?:is|are|was|were|has\s+been|have\s+been)\s+(?!not\b|never\b)(?:\w+\s+)?"
    r"(?:recorded|documented|noted|reported|given|provided|listed|described|present|included|obtained|performed"
    r"|done|completed|collected)\b"
    r"|[^.;:,\d]{0,30}?\d+(?:\.\d+)?(?:\s*(?:-|to)\s*\d+(?:\.\d+)?)?\s*/\s*10\b"
    # "the pain levels and range of motion deficits recorded on 12-6-16 do not show ..." (round 169's reader: told "did
    # not give your pain levels before and after past care")
    r"|[^.;:,]{0,50}?\b(?:recorded|documented|measured|reported)\s+(?:on|at|in|during)\s"
    r"|[^.;:,]{0,40}?\b(?:(?:is|are|was|were|remains?|remained)\s+unchanged|(?:has|have|had)\s+not\s+changed)\b"
    r"|(?:\s+of\s+the\s+\w+(?:\s+spine)?)?(?:\s+(?:also|again|now|clearly))?"
    r"\s+(?:show|shows|showed|revealed?|reveals|demonstrated?|demonstrates|describes?|described(?=\s+(?:a|an|the|no)\b))\b"
    # "the flexion-extension radiographs of 09-2016 show no instability" (round 278's reader: told "did not show x-rays
    # taken while you bend forward and back")
    rf"|\s+(?:of|on|from|dated)\s+(?:{NUMERIC_DATE}|{MONTH_YEAR})\s+(?:was|were|came\s+back|show|shows|showed|revealed?|reveals"
    r"|demonstrated?|demonstrates)\b"
    # "Her x-rays are normal apart from a small heel spur" (round 79's reader: told "did not show x-rays taken before")
    r"|\s+(?:(?:is|are|was|were|came\s+back)\s+(?:negative|positive|consistent|inconsistent|normal|unremarkable"
    r"|abnormal)|(?:did\s+not\s+)?detect(?:ed|s)?)\b"
    # "a urine drug screen positive for oxycodone, which had not been prescribed" (round 261's reader: told "did not
    # show the tests the medical guidelines ask for", where the test was done)
    r"|\s+(?:positive|negative)\s+for\b"
    # "the plain films had already excluded fracture" (round 70's reader: told "did not show x-rays taken before")
    r"|\s+(?:(?:has|have|had)\s+)?(?:already\s+)?(?:excluded|ruled\s+out|confirmed)\b",
    re.I,
)
"""A fact the rationale says the records hold, just after its words: "pain scores with and
without the medication are recorded, but ...", a test with its date or result ("the urine drug
screen of 06/08/2016 was negative for ...", "radiographs dated 9-20-2016 show ...", "the x-rays
also show ..."), "pain
scores of 7-8/10 were no better", "pain scores have stayed at 6-7/10", "VAS and ODI have not
changed" (measured, and no better)."""
_PRESENT_BEFORE = rxcache.compile(
    rf"\b(?:\d+|{NUMBER_WORDS})(?:[-\s]\s*)?(?:point|percent)\s+(?:\w+\s+){{0,3}}$|%\s+(?:\w+\s+){{0,3}}$"
    rf"|\b(?:{NUMERIC_DATE})\s+$"
    # "The progress note of 10/12/2016 lists pain scores", "The notes credit her pain relief ... to Naproxen" (round
    # 281's reader: both told "did not give your pain levels with and without this medicine")
    # (not "the documentation submitted for review did not provide pain scores": a lack)
    r"|\b(?:"
    + "|".join(_RECORD_NOUNS)
    + r")\s+(?:(?!(?:not|"
    + DENYING
    + r")\b)[\w/-]+\s+){0,3}?(?:give|gives|gave|list|lists"
    r"|listed|include"
    r"|includes|included|provide|provides|provided|document|documents|documented|credit|credits|credited|attribute"
    r"|attributes|attributed)\s+(?:(?:her|his|their|the)\s+)?$"
    # "he has shown steady functional improvement" (round 292's reader: a referral told "did not show that past care
    # helped you do more in daily life")
    r"|\b(?:he|she|they|the\s+(?:patient|worker|claimant|applicant|injured\s+worker))\s+(?:has|have|had)\s+(?:shown|made"
    r"|demonstrated|achieved|reported)\s+(?:steady|good|some|clear|continued|consistent|gradual|significant|meaningful)\s+$"
    # "why she cannot continue with a home exercise program" (round 75's reader: told "did not say if you work out
    # at home")
    r"|\b(?:continue|continuing|continues|go\s+on\s+with|keep\s+up|fit\s+into|(?:would\s+|will\s+|could\s+)?add(?:s|ed)?\s+to"
    r"|on\s+top\s+of)\s+(?:with\s+)?"
    # "why the patient cannot continue with land-based therapy or a home exercise program" (round 138's reader)
    r"(?:(?:[\w-]+\s+){1,3}(?:or|and)\s+)?"
    r"(?:(?:a|an|the|his|her|their)\s+)?$"
    # "independent with a home exercise program" (round 56's reader: told "did not say if you work out at home"
    # where the discharge note says she is)
    r"|\b(?:independent|proficient|compliant)\s+(?:with|in)\s+(?:(?:a|an|the|his|her|their)\s+)?$"
    # "the IW is doing a home exercise program" (round 69's reader: told "did not say if you work out at home")
    r"|\b(?:is|are|was|were|has\s+been|have\s+been)\s+(?:doing|performing|following|practicing|participating\s+in"
    r"|engaged\s+in)\s+(?:(?:a|an|the|his|her|their)\s+)?$"
    # "The IW does a daily home exercise program", "why the established home exercise program is not enough"
    # (round 76's reader: both told "did not say if you work out at home"); not "does not do a ..."
    r"|(?<!not\s)(?<!n't\s)(?<!never\s)\b(?:does|do|did|performs|performed|follows|followed|maintains|maintained"
    r"|practices|practiced)\s+(?:a|an|the|his|her|their)\s+(?:(?:daily|regular|independent|consistent|prescribed)\s+)?$"
    r"|\bthe\s+(?:established|existing)\s+$"
    # "a home exercise program could be performed independently" is said below (:data:`_UNDER_WAY_AFTER`); "she could
    # do a home program on her own" (round 144's reader: told "did not say if you work out at home")
    r"|\b(?:could|can|is\s+able\s+to|was\s+able\s+to)\s+(?:continue|do|perform|follow)\s+(?:a|an|the|her|his|their)\s+$",
    re.I,
)
"""Words just before a fact that say the records hold it (round 53's reader: "no explanation of what massage
would add to the home exercise program" was told "did not say if you work out at home"): a measured change ("a two point
reduction in pain scores"), a date ("the 11/15/2016 urine drug screen"), the notes giving it
("The progress notes give pain levels with and without medication, but ..."), or care going on
("cannot continue a home exercise program", "how the device would fit into his home exercise
program")."""


_FILMS_CANNOT = rxcache.compile(
    r"[^.;,]{0,30}?\b(?:could|can|would|will)\s*(?:not|n't)\b(?!\s+(?:be\s+)?(?:available|provided|submitted|done|obtained))",
    re.I,
)
"""What x-rays cannot answer: the test asked for is measured against them, not x-rays missing."""
_IMAGING_RESULT = rxcache.compile(
    r"\b(?:x-?rays?|radiographs?|plain\s+films?)\b(?:\s+(?:of|from)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?[\w-]+)?"
    # ("the chest x-ray after the exposure was normal": round 180's reader, a chest CT told "did not show x-rays taken
    # before, or what they showed")
    r"(?:\s+(?:obtained|taken|done|performed))?"  # "the x-rays obtained at that visit were negative" (round 191)
    r"(?:\s+(?:dated|on|of)\s+\S+)?(?:\s+(?:after|before|at|from|in)\s+(?:[\w/-]+\s+){0,3}?[\w/-]+)?"
    r"\s+(?:were|was|are|is)\s+(?:\w+\s+)?(?:normal|negative|unremarkable|clear)\b"
    # "the chest x-ray taken on the day of exposure was clear" (rounds 195 and 203's readers: a chest CT, the same)
    r"|\b(?:x-?rays?|radiographs?|plain\s+films?)\b(?:\s+[\w/-]+){1,8}?\s+(?:were|was)\s+(?:\w+\s+)?(?:normal|negative"
    r"|unremarkable|clear)\b"
    r"|\b(?:a|an|the|his|her)\s+(?:normal|negative|unremarkable|clear)\s+(?:[\w-]+\s+)?(?:x-?rays?|radiographs?|plain\s+films?)\b"
    # "On the most recent x-rays the syndesmotic screw is intact" (round 284's reader: a hardware removal told "did not
    # show x-rays taken before, or what they showed")
    r"|\b(?:on|in)\s+(?:the\s+|his\s+|her\s+)?(?:most\s+recent\s+|latest\s+|last\s+|recent\s+|current\s+)?(?:x-?rays?"
    r"|radiographs?|plain\s+films?)\b,?\s+(?:the\s+|his\s+|her\s+)?(?:[\w-]+\s+){1,3}?(?:is|are|was|were|appears?"
    r"|remains?)\s+(?:\w+\s+)?(?:intact|healed|normal|unchanged|stable|aligned|in\s+place|united|well)\b"
    # "with no instability, fracture, or spondylolisthesis seen on x-rays" (round 190's reader: a brace, the same)
    # ("no joint stiffness or degenerative change is described on exam or x-ray": round 244's reader, a paraffin bath)
    r"|\bno\s+[^.;]{0,60}?\b(?:seen|shown|noted|identified|evident|described|found)\s+(?:on|in)\s+(?:the\s+|his\s+"
    r"|her\s+)?(?:exam(?:ination)?\s+(?:or|and)\s+)?(?:x-?rays?|radiographs?|plain\s+films?)\b"
    # "There was no fracture on x-ray" (round 181's reader: a CAM boot, the same)
    r"|\bno\s+(?:[\w-]+\s+){0,2}?(?:fractures?|dislocations?|abnormalit(?:y|ies))\s+(?:was\s+|were\s+)?(?:seen\s+|shown\s+)?"
    r"(?:on|in)\s+(?:the\s+|his\s+|her\s+)?(?:x-?rays?|radiographs?|plain\s+films?)\b"
    r"|\b(?:x-?rays?|radiographs?|plain\s+films?)\b(?:\s+(?:of|from)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?[\w-]+)?"
    # "the MRI and radiographs documented a degenerative tear ... and medial joint space narrowing" (round 145's reader)
    # "the two-dimensional radiographs obtained on 10-7-2016 and 11-29-2016 did not show any root or alveolar
    # fractures" (round 147's reader: told "did not show x-rays taken before, or what they showed")
    # ("The x-rays from 10/25/2016 did not identify a fracture or instability": round 190's reader)
    # ("her x-rays, including flexion and extension views, showed no fracture": round 192's reader)
    # ("x-rays taken about 9 weeks after surgery showed the hardware in good position": round 244's reader, a bone
    # growth stimulator)
    r"(?:\s+(?:obtained|taken|done|performed))?(?:\s+(?:dated|on|of|in|from|about|after|at)\s+[^;.]{1,40}?)?"
    r"(?:,\s*[^,;.]{1,60},)?"
    r"\s+(?:did\s+not\s+|[a-z]+ly\s+)?"
    r"(?:showed|revealed|demonstrated|documented|confirmed|disclosed|identified|show|reveal|demonstrate|document|confirm"
    r"|disclose|identify)\b"
    r"|\b(?:x-?rays?|radiographs?|plain\s+films?),?\s+(?:which|that)\s+(?:already\s+)?(?:show|showed|reveal|revealed"
    r"|demonstrate|demonstrated|documented|confirmed|disclosed)\b"
    # "the only imaging documented was plain radiographs of the lumbar spine" (round 142's reader)
    r"|\bimaging\s+(?:documented|done|performed|obtained|on\s+file)\s+(?:was|were)\s+(?:\w+\s+)?(?:x-?rays?|radiographs?"
    r"|films?)\b"
    # "the standing radiographs were read as showing only mild to moderate medial narrowing" (round 287's reader: a
    # knee injection told "did not show x-rays taken before, or what they showed")
    r"|\b(?:x-?rays?|radiographs?|plain\s+films?)\b[^.;]{0,60}?\b(?:were|was|are|is|had\s+been|have\s+been)\s+"
    r"(?:read|interpreted|reported|described)\s+as\s+(?:showing|revealing|demonstrating|consistent\s+with|normal)\b",
    re.I,
)
"""X-rays given with what they showed ("x-rays of the wrist were normal", "radiographs on 10-26-2016 showed ..."): then
"did not show x-rays taken before, or what they showed" would be false."""
_CONDITION_BEFORE = rxcache.compile(
    r"\b(?:once|when|if|unless|until|after|where|whose)\b[^.;,]*$|\b(?:ODG|MTUS|ACOEM|guidelines?)\b[^.;]*$", re.I
)
"""A condition or a guideline's words before x-rays' results ("once plain radiographs are normal"): not this
worker's."""


def _imaging_given(rationale: str) -> bool:
    """The rationale gives this worker's x-rays with what they showed (:data:`_IMAGING_RESULT`), outside a condition."""
    return any(
        not _CONDITION_BEFORE.search(rationale, max(0, m.start() - 120), m.start())
        for m in _IMAGING_RESULT.finditer(rationale)
    )


_REVISED_AFTER = rxcache.compile(
    r"(?:\s+program)?\s+(?:having\s+been|has\s+been|had\s+been|was|were|being|that\s+(?:has|had)\s+been)\s+"
    r"(?:\w+\s+)?(?:assessed|revised|reviewed|adjusted|modified|updated|supervised|monitored|progressed|advanced)\b"
    # "why a home exercise program would not be sufficient" (round 142's readers, twice)
    r"|(?:\s+program)?\s+(?:would|will|is|was|were|are)\s+(?:not|in)\s*(?:be\s+)?(?:sufficient|enough|adequate)\b",
    re.I,
)
_UNDER_WAY_AFTER = rxcache.compile(
    # "over the home exercise program the patient was already performing", "... and home exercise program was still
    # under way" (round 143's reader, twice: told "did not say if you work out at home"); not "no physical therapy or
    # home exercise program was underway", which says it was not (:func:`_home_program_had`)
    r"(?:\s+program)?\s+(?:that\s+|which\s+)?(?:the\s+(?:\w+\s+)?(?:patient|worker|claimant|applicant)|he|she|they)\s+"
    r"(?:was|is|were|are|has\s+been|had\s+been)\s+(?:already\s+|still\s+)?(?:performing|doing|following|using|practicing)\b"
    r"|(?:\s+program)?\s+(?:was|is|were|are)\s+(?:already\s+|still\s+)?(?:under\s*way|ongoing|in\s+place|continuing)\b"
    # "a home exercise program could be performed independently" (round 144's reader)
    r"|(?:\s+program)?\s+(?:could|can|would)\s+be\s+(?:performed|done|continued|followed)\s+(?:independently|on\s+(?:her|his"
    r"|their)\s+own|at\s+home)\b"
    # "the home exercise program is mentioned but the exercises ... are not described" (round 216's reader: a gym
    # membership told "did not say if you work out at home"): the program named, its details lacking
    r"|(?:\s+program)?\s+(?:is|was|are|were)\s+(?:\w+\s+)?(?:mentioned|referenced|noted|listed)\s*,?\s+but\b",
    re.I,
)


def _home_program_had(letter: str, m: re.Match[str], start: int, end: int) -> bool:
    """The home program the match names is said to be under way, or given to the worker ("She has already been
    instructed in a home exercise program": round 200's reader was told "did not say if you work out at home"), with no
    word of absence before it in its clause."""
    given = (
        _GIVEN_BEFORE.search(letter, max(start, m.start() - 40), m.start()) is not None
        and not _absent_in_clause(letter, start, m.start())
        and _STILL_ASKED.search(letter, m.end(), end) is None
    )
    if not given and not _UNDER_WAY_AFTER.match(letter, m.end(), end):
        return False
    return _NEGATED_NEAR.search(letter, max(start, m.start() - 60), m.start()) is None


_GIVEN_BEFORE = rxcache.compile(
    r"\b(?:instructed|trained|educated|taught|given|provided|furnished|supplied|issued|started|enrolled|engaged"
    r"|participating|performing|doing|compliant)\s+(?:in|on|with)?\s*(?:an?|the|his|her|their)?\s*(?:independent\s+|daily\s+)?$",
    re.I,
)
"""A home program given to the worker or done by them, just before its words ("instructed in a", "performing her");
not where its clause denies it ("no documentation that the patient has been instructed in or is performing a")."""
_STILL_ASKED = rxcache.compile(
    r"\b(?:whether|if)\s+(?:\w+\s+){0,3}?(?:(?:is|was|has\s+been)\s+)?(?:still|continu\w*|doing|performing|compliant)\b",
    re.I,
)
"""Whether the program given is still done, asked after it ("but the recent progress reports do not state whether she
is still doing it"): what the notes lack."""


_NEGATED_NEAR = rxcache.compile(
    r"\b(?:no|not|nor|without|never)\s+(?:[\w-]+\s+){0,3}?(?:(?:or|and)\s+)?(?:(?:a|an|the|any|his|her)\s+)?$", re.I
)
"""A word of absence that governs the home program ("no physical therapy or home exercise program was underway"), not
another thing ("no exceptional factors noted to warrant ... over the home exercise program the patient was already
performing")."""


"""A home program's check or change lacked ("... having been assessed and revised"), or why it is not enough, not the
program itself."""
_FROM_TO = r"\bfrom\s+\d+(?:\s*(?:/|out\s+of)\s*10)?\s+to\s+\d+"
"""A measured change ("from 8/10 to 5", "from 9 out of 10 to 7 out of 10": round 138's reader): pain levels given, and
what care has done (:data:`_BENEFIT`)."""
_CAUSE = rxcache.compile(r",\s+(?:as|since|because|given\s+that)\s", re.I)
"""A clause giving the cause ("Nor was it stated what function had been restored, as the applicant's pain scores ...
were unchanged": round 119's reader): what it says is measured, whatever the clause before lacks."""
_PAIN_MEASURED = rxcache.compile(
    r"\b(?:pain\s+(?:scores?|levels?|ratings?)|VAS(?:\s+scores?)?)\b[^.;]{0,90}?"
    rf"(?:\bdiffer\w*|\bchang\w*|\bunchanged\b|\bthe\s+same\b|\bno\s+(?:better|lower)\b|\bstatic\b|\bflat\b|{_FROM_TO}"
    rf"|\bby\s+(?:only\s+|just\s+|about\s+)?{NUMBER}\s+points?\b|\b\d+(?:\.\d+)?\s*(?:/|out\s+of)\s*10\b"
    # "the pain score was only two points lower with medication" (round 275's reader: told "did not give your pain
    # levels with and without this medicine")
    rf"|\b{NUMBER}\s+points?\s+(?:lower|higher|better|worse|less|down)\b)"
    rf"|\b{NUMBER}[-\s]\s*points?\s+(?:\w+\s+){{0,3}}(?:in|of|between)\s+pain\b"
    # "Pain scores had not meaningfully budged" (round 119's reader)
    r"|\bpain\s+(?:scores?|levels?|ratings?)\s+(?:had|have|has|did|do|does)\s+not\s+(?:\w+\s+)?(?:budged|moved|changed"
    r"|improved|dropped|fallen|declined|come\s+down)\b"
    # "her pain level, walking tolerance, and need for help with errands had not improved" (round 288's reader: told
    # "did not give your pain levels with and without this medicine")
    r"|\bpain\s+(?:scores?|levels?|ratings?),\s+[^.;]{0,80}?\b(?:had|have|has)\s+not\s+(?:\w+\s+)?(?:changed|improved"
    r"|budged)\b"
    # "the progress notes offer only pain scores with and without medication and do not name any activity" (round 289's
    # reader: told "did not give your pain levels with and without this medicine")
    r"|\b(?:offer|offers|offered|give|gives|gave|provide|provides|provided|record|records|recorded|list|lists|listed"
    r"|document|documents|documented|contain|contains|contained|include|includes|included)\s+only\s+(?:the\s+|a\s+)?"
    r"pain\s+(?:scores?|levels?|ratings?)\b"
    # "He describes only slight pain relief" (round 288's reader, the same): the relief told, no level lacked
    r"|\b(?:only\s+)?(?:slight|minimal|modest|marginal|partial|limited|little)\s+pain\s+relief\b"
    # "his leg pain was about the same as before he started it" (round 117's reader: told "did not give your pain levels
    # with and without this medicine")
    # "she remains on ibuprofen three times a day with unchanged pain scores" (round 200's reader: an acupuncture told
    # "did not give your pain levels before and after past care")
    r"|\b(?:unchanged|static|stable|flat|the\s+same|persistently\s+high)\s+pain\s+(?:scores?|levels?|ratings?)\b"
    # "The progress notes record a pain level, but they do not describe any activity he is able to do with the
    # medication" (round 204's reader: a tramadol told "did not give your pain levels")
    r"|\b(?:records?|recorded|documents?|documented|gives?|lists?)\s+(?:a|the|his|her|their)\s+(?:current\s+)?pain"
    r"\s+(?:scores?|levels?|ratings?)\b(?=\s*,?\s*but\b(?![^.;]{0,60}?\b(?:compar\w*|with\s+and\s+without)\b))"
    r"|\bpain\s+(?:is|was|were|remains?|remained|stays?|stayed)\s+(?:about\s+|essentially\s+|roughly\s+|much\s+)?"
    r"(?:the\s+same|unchanged|no\s+better|static)\b"
    # "His pain is listed at 8/10 whether or not he takes it" (round 63's reader)
    r"|\bpain\s+(?:is|was|were|remains?|remained|stays?|stayed)\s+(?:\w+\s+){0,3}?\d+(?:\.\d+)?\s*(?:/|out\s+of)\s*10\b"
    # "The notes ... rated his pain at 6/10, the same as before gabapentin was started" (round 261's reader: told "did
    # not give your pain levels with and without this medicine")
    r"|\b(?:rated|rates|rating|scored|scores|graded|put|puts|placed)\s+(?:his|her|their|the\s+\w+'s)\s+(?:[\w-]+\s+)?pain\s+"
    r"(?:at|as)\s+\d+(?:\.\d+)?\s*(?:/|out\s+of)\s*10\b"
    # (not "rates his pain at 7 out of 10 but gives no comparison of pain levels with and without the medication")
    r"(?![^.;]{0,60}?\b(?:compar\w*|with\s+and\s+without)\b)"
    r"|\b(?:the\s+same|an?\s+unchanged|an?\s+identical)\s+pain\s+(?:scores?|levels?|ratings?)\b"
    # "with pain reported as 7/10 without and 5/10 with medications" (round 285's reader: told "did not give your pain
    # levels with and without this medicine")
    r"|\bpain\s+(?:(?:is|was|were|has\s+been|had\s+been)\s+)?(?:reported|recorded|rated|documented|listed|noted"
    r"|scored)\s+(?:as|at)\s+(?:about\s+|roughly\s+|around\s+)?\d+(?:\.\d+)?\s*(?:/|out\s+of)\s*10\b"
    # "a reduction in pain from 9 out of 10 to 7 out of 10 with medication" (round 138's reader: told "did not give
    # your pain levels with and without this medicine")
    rf"|\bpain\s+(?:(?:scores?|levels?|ratings?)\s+)?{_FROM_TO}"
    # "the patient reports that gabapentin has not changed her leg pain" (round 144's reader, the same)
    # ("the increase in OxyContin in 09-2016 did not change his pain scores": round 291's reader, the same)
    r"|\b(?:has|have|had|did)\s+not\s+(?:changed?|reduced?|lessen(?:ed)?|eased?|improved?)\s+(?:her|his|their|the)\s+"
    r"(?:[\w-]+\s+)?pain\b"
    # "the discharge summary documents no change in pain level" (round 75's reader: told "did not give your pain
    # levels"); not "no change in pain scores ... is attributed to the medication", which says none was measured
    r"|\b(?:documents?|documented|shows?|showed|records?|recorded|reports?|reported)\s+(?:no|little)\s+(?:\w+\s+)?"
    r"change\s+in\s+(?:\w+\s+)?pain\s+(?:scores?|levels?|ratings?)\b",
    re.I,
)
"""Pain levels given as measured ("6/10", or "6 out of 10": round 67's reader): "pain scores differ by only
one point with and without the medication", "pain scores changed very little", "a two point difference in
pain", "VAS from 8 to 6", "her pain score ... were the same as a month earlier" (round 47's reader), "the
notes record the same pain level at the end of that course as at the beginning" (round 49's), "a one-point
difference between pain with and without the medication", "His pain is listed at 8/10 whether or not he
takes it" (round 63's)."""


def _pain_recorded(letter: str, rationale: Span | None) -> bool:
    """The rationale gives this worker's pain levels as measured, in a sentence that is not a
    guideline's: then "your notes did not give your pain levels" would be false, whatever else
    the reviewer found lacking (most often that the pain did not get better; round 43's reader:
    3 of 8 wrong items)."""
    if rationale is None:
        return False
    for start, end in _sentences(letter, rationale.start, rationale.end):
        for m in _PAIN_MEASURED.finditer(letter, start, end):
            breaks = [*_CLAUSE_BREAK.finditer(letter, start, m.start()), *_CAUSE.finditer(letter, start, m.start())]
            clause_start = max((b.end() for b in breaks), default=start)
            if _BEFORE_ABSENT.search(letter, clause_start, m.start()) or _GUIDELINE_WORDS.search(
                letter, start, end, _low(letter)
            ):
                continue
            return True
    return False


def _apart_from_lack(letter: str, start: int, at: int) -> bool:
    """Whether a clause break (a semicolon) stands between the last word of absence before ``at`` and
    ``at``: the words at ``at`` are then not what was lacking (round 64's reader: an opioid told "did not show
    that you would use this along with ... working out" from "they never connect hydrocodone to any task ...;
    the gains ... were credited by the therapist to the exercise program")."""
    lacks = [m.end() for m in _LACK.pattern.finditer(letter, start, at)]
    return bool(lacks) and ";" in letter[lacks[-1] : at]


_FAILED_IN = rxcache.compile(r"\bfail\w*\b[^.;]{0,40}$", re.I)
"""A program someone failed in (or failed to progress in): care tried first, not a program
this care must go along with."""
_NOT_REVISED = rxcache.compile(
    r"\s+(?:have|has|had|were|was)\s+(?:not|never)\s+(?:once\s+)?(?:been\s+)?(?:revised|updated|changed|adjusted|modified"
    r"|revisited)\b",
    re.I,
)
"""Goals the notes give but never revised ("her treatment goals have not been revised"): goals there, not lacking."""
_A_PROGRAM = rxcache.compile(r"\bprogram\b|\bfunctional\s+restoration\b|\bwork\s+(?:hardening|conditioning)\b", re.I)
"""A service that is itself a program ("Functional restoration program evaluation", "Work hardening, 10 sessions")."""
_NOT_BEGUN = rxcache.compile(
    r"\b(?:not|never)\s+(?:yet\s+)?(?:begun|began|started|entered|tried|attempted|undertaken)\b[^.;]{0,40}$", re.I
)
"""A program not begun (round 112's reader: "she had not yet begun therapy or an exercise program" was told "did not
show that you would use this along with physical therapy"): care to try first, not a program this care goes with."""
_MAY_BE_USED = rxcache.compile(r"\b(?:can|may|could)\s+be\s+(?:used|considered|offered|tried)\b[^.;]{0,140}$", re.I)
"""The guideline's uses of the care ("Acupuncture can be used when pain medication is reduced ..., or as an adjunct
to physical rehabilitation": round 113's reader), not a record of this worker's."""
_RISK_OF = rxcache.compile(
    # "does not describe any plan to watch for adverse effects" (round 280's reader: a tramadol never started was told
    # "did not say if the medicine causes you any trouble")
    r"\brisks?\s+of\s+(?:[a-z]+\s+){0,4}$|\b(?:watch|monitor|screen|check)(?:ing|ed)?\s+(?:\w+\s+)?for\s+(?:[a-z]+\s+){0,2}$",
    re.I,
)
"""Side effects named as a risk ("raises the risk of gastrointestinal and renal adverse
effects"): a reason against the medicine, not a fact the notes lack."""
_SAME_BEFORE = rxcache.compile(r"\b(?:same|unchanged|similar|identical)\s+(?:[\w-]+\s+){0,2}$", re.I)
"""Measures said to be the same as before: recorded, not missing."""
_HAD_THEM = rxcache.compile(r"\b(?:reported|experienced|developed|had|has\s+had|suffered)\s+(?:[\w-]+\s+){0,2}$", re.I)
"""Side effects the worker is said to have had ("has already reported cognitive side effects from an opioid"): recorded
(round 188's reader: a tapentadol told "did not say if the medicine causes you any trouble")."""
_ASKED_WHETHER = rxcache.compile(r"\b(?:whether|if)\b", re.I)


def _had_them(letter: str, start: int, end: int) -> bool:
    """:data:`_HAD_THEM` just before ``end``, not in a question ("or whether he has had side effects": not recorded)."""
    return _HAD_THEM.search(letter, start, end) is not None and _ASKED_WHETHER.search(letter, start, end) is None


_INTOLERABLE = rxcache.compile(r"\b(?:intolerable|unacceptable|severe)\s+$", re.I)
"""Side effects bad enough to change a medicine ("no documentation of intolerable adverse effects that would support a
change to a second-line agent"): the condition for another medicine, met by none, not a record the notes lack (round
185's reader: a tapentadol told "did not say if the medicine causes you any trouble", where tramadol had none)."""
_NONE_HAD = rxcache.compile(
    r"\b(?:without|denies|denied|denying|reports?\s+no|reported\s+no|with\s+no|has\s+no|had\s+no)\s+(?:any\s+)?"
    r"(?:reported\s+|medication\s+|significant\s+|new\s+)?$",
    re.I,
)
"""Side effects the worker is said not to have ("tolerating oral naproxen without reported side effects", "he denies
medication side effects"): recorded, as none (round 149's reader: a cream and an interferential unit were told "did
not say if the medicine causes you any trouble" twice in one letter)."""


_REASON_OWN = rxcache.compile(
    rf"\b(?:{WEIGHT_WORDS}|key|major|only|second|first|same|this|that|these|those|for)\s+(?:\w+\s+)?$",
    re.I,
)
"""Words before "reason(s)" that make it the reviewer's own ("the principal reason", "for reasons
unrelated", "for this reason"): a ground of the review, not a reason the doctor did not give."""
_REASON_TO = rxcache.compile(r"\s+to\s+(?:suspect|expect|believe|think|doubt|conclude|assume)\b", re.I)
"""'no reason to suspect a breathing disorder': a finding, not a missing reason for the care."""


def _reviewers_reason(letter: str, m: re.Match[str], start: int, end: int) -> bool:
    """``m`` is "reason(s)" in the reviewer's own sense (see :data:`_REASON_OWN`, :data:`_REASON_TO`)."""
    if not m.group().lower().startswith("reason"):
        return False
    return bool(
        _REASON_OWN.search(letter, max(start, m.start() - 30), m.start()) or _REASON_TO.match(letter, m.end(), end)
    )


_HOME_BEFORE = rxcache.compile(r"\bhome\s+$", re.I)
""""home" just before a match, whatever the spaces and line breaks between (a look-behind sees one)."""


_HIS_OWN = rxcache.compile(
    rf"\b(?:his|her|their|the\s+(?:{WORKER_WORDS})'s)\s+(?:own\s+|current\s+"
    # (and its kind: "in place of her land-based home exercise program", round 241's reader, an aquatic therapy told
    # "did not say if you work out at home")
    r"|established\s+|existing\s+|ongoing\s+)?(?:[\w]+-based\s+|daily\s+|regular\s+)?$",
    re.I,
)
"""A home program the worker's own ("his home exercise program"): care the worker has, not a record lacked."""


def _said_present(letter: str, m: re.Match[str], start: int, end: int) -> bool:
    """The words of ``m`` are said to be in the records: :data:`_PRESENT` after them with no
    word of absence before them in their clause ("no objective gains in function have been
    recorded" lacks them), or :data:`_PRESENT_BEFORE` just before them ("a two point reduction
    in pain", "cannot continue a home exercise program")."""
    if _PRESENT_BEFORE.search(letter, max(start, m.start() - 40), m.start()):
        return True
    if not _PRESENT.match(letter, m.end(), end):
        return False
    breaks = list(_CLAUSE_BREAK.finditer(letter, start, m.start()))
    clause_start = breaks[-1].end() if breaks else start
    return _BEFORE_ABSENT.search(letter, clause_start, m.end()) is None


_NOT_AFTER = rxcache.compile(r"[^.;,]{0,40}?\b(?:not|never)\b", re.I)
"""A word of absence soon after a record's name ("A CURES report was not documented")."""


def _drug_test_named(decision: Decision, letter: str) -> bool:
    """The rationale names a urine drug test at all."""
    rationale = decision.spans.rationale
    return rationale is not None and _DRUG_TEST.search(letter, rationale.start, rationale.end) is not None


def _drug_test_done(decision: Decision, letter: str) -> bool:
    """The rationale says a drug test was done ("Although a urine drug screen was obtained, there is no record that
    CURES was queried"): what the notes lack is then the prescription record's check alone (round 250's reader)."""
    rationale = decision.spans.rationale
    if rationale is None:
        return False
    return any(
        _said_present(letter, m, rationale.start, rationale.end)
        or _RESULT_AFTER.match(letter, m.end(), rationale.end)
        or _RESULT_FINE_AFTER.match(letter, m.end(), rationale.end)
        for m in _DRUG_TEST.finditer(letter, rationale.start, rationale.end)
    )


def missing(decision: Decision, reasons: list[Reason], letter: str | None, most: int | None = None) -> list[Missing]:
    """What the records lacked: from the words of the item's documentation reasons, then
    from the rationale's other sentences that say something was lacking (each kind once).
    ``most``: only the first so many are wanted (the rest is not looked for)."""
    if letter is None or not any(r.code in _MISSING_CODES for r in reasons):
        return []
    places = [(r.span.start, r.span.end) for r in reasons if r.code in _MISSING_CODES]
    found: list[Missing] = []
    keys: set[str] = set()
    for start, end in _then_lacking(places, letter, decision.spans.rationale):
        # Only the patterns whose words occur in the place can match there.
        for k in _MISSING_SCREEN.indices(letter[start:end]):
            key, pattern, _ = _MISSING_FILTERS[k]
            if key in keys:
                continue
            if key in ("imaging", "drug_tests", "views", "home_exercise") and pattern.search(decision.service):
                continue  # the x-ray (drug test, home exercise kit) asked for is not an earlier one the notes lacked
            if key == "nerve_test" and _NERVE_TEST.search(decision.service):
                continue  # the nerve test asked for, as above
            if key == "program" and _A_PROGRAM.search(decision.service):
                continue  # a program asked for (its evaluation) goes along with no other (round 117's reader)
            if key == "imaging" and "views" in keys:
                continue  # the x-rays lacked are the bending ones, said so
            if (m := _MISSING_WINDOWS[k].search(letter, start, end, _low(letter))) is not None:
                if _said_present(letter, m, start, end):
                    # The notes have it ("pain scores ... are recorded, but"): the fact is
                    # missing only where another mention says so.
                    later = (
                        n for n in pattern.finditer(letter, m.end(), end) if not _said_present(letter, n, start, end)
                    )
                    if (m := next(later, None)) is None:
                        continue
                if key == "side_effects" and (
                    _RISK_OF.search(letter, max(start, m.start() - 60), m.start())
                    or _NONE_HAD.search(letter, max(start, m.start() - 40), m.start())
                    or _INTOLERABLE.search(letter, max(start, m.start() - 20), m.start())
                    or _had_them(letter, max(start, m.start() - 40), m.start())
                    or not _names_a_medicine(decision.service)
                ):
                    # (a device's medicines' side effects are a condition for the device, not a record the notes
                    # lack: an interferential unit "if pain is ineffectively controlled ... due to side effects", and
                    # "no side effects are described", was told "did not say if the medicine causes you any trouble")
                    continue
                if _RULE_BEFORE.search(letter, max(start, m.start() - 40), m.start()):
                    continue  # "must not be a candidate for surgery": the guideline's condition, not a record
                if _CARE_OFFERS.search(letter, max(start, m.start() - 80), m.start()):
                    continue  # "this treatment alone offers no ... functional benefit": any patient's (round 148)
                if (
                    key == "surgery"
                    and _SURGERY_AHEAD.match(letter, m.end(), end)
                    and not _absent_in_clause(letter, start, m.start())
                ):
                    continue  # "including possible surgical intervention, was being contemplated" (round 159's reader)
                if key == "surgery" and _NOT_FOR_SURGICAL.search(decision.service):
                    continue  # a pain program is for those who are not surgical candidates (round 64's reader)
                if key == "surgery" and any(r.code is ReasonCode.related_item_not_approved for r in reasons):
                    continue  # "As the requested surgical intervention is not supported": asked and refused (round 141)
                if key == "pain" and _pain_recorded(letter, decision.spans.rationale):
                    continue
                if key == "exam" and _SAME_BEFORE.search(letter, max(start, m.start() - 40), m.start()):
                    # "essentially the same range of motion measurements as the initial evaluation": given and
                    # unchanged (round 187's reader: told "did not give all the needed facts from checking your body")
                    continue
                if key == "improvement" and _JUST_BEGUN_WORDS.search(letter, max(start, m.start() - 100), m.start()):
                    continue  # "no opportunity to see how the worker responded to it": care just begun (round 184)
                if key == "improvement" and _NOT_YET_KNOWN.match(letter, m.end(), end):
                    continue  # "before her response to the medications could be known": too soon (round 200)
                if key == "home_trial" and _another_device(m.group(), decision.service):
                    continue  # "no documentation of a home TENS trial" for an H-wave unit, not "you tried it" (r. 143)
                if key == "imaging" and _FILMS_CANNOT.match(letter, m.end(), end):
                    continue  # "no clinical question documented that plain films could not answer" (round 188)
                if key == "imaging" and _imaging_given(_rationale_text(decision, letter)):
                    continue  # "x-rays of the wrist were normal": taken, and what they showed given (round 140)
                if key == "plan" and _NOT_REVISED.match(letter, m.end(), end):
                    continue  # "her treatment goals have not been revised": goals given, not updated (round 119)
                if key == "program" and _FAILED_IN.search(letter, max(start, m.start() - 50), m.start()):
                    continue  # "no evidence that he has failed to progress in a rehabilitation program"
                if key == "program" and _NOT_BEGUN.search(letter, max(start, m.start() - 50), m.start()):
                    continue  # "she had not yet begun therapy or an exercise program": care to try first (round 112)
                if key == "program" and _MAY_BE_USED.search(letter, max(start, m.start() - 160), m.start()):
                    continue  # "Acupuncture can be used ... as an adjunct to physical rehabilitation": a guideline's
                if key == "cures" and _drug_test_named(decision, letter) and not _drug_test_done(decision, letter):
                    continue  # beside a drug test not done, "the tests the medical guidelines ask for" says both
                    # (with no drug test named, the check not done is said: round 285's reader, an opioid whose
                    # "no indication that the CURES database had been queried" was told nothing lacking)
                if key == "cures" and not (
                    _absent_in_clause(letter, start, m.start())
                    or _NOT_AFTER.match(letter, m.end(), end)
                    or _listed_lack(letter, start, m.start())
                ):
                    continue  # "The CURES report shows a second hydrocodone prescription": checked, and what it found
                if key == "drug_tests" and _RESULT_AFTER.match(letter, m.end(), end):
                    key = "drug_test_unexplained"  # "the urine drug screen of February 21 was negative for tramadol"
                    keys.add("drug_tests")  # done: the guideline's "Urine drug testing is part of ..." is no lack
                elif key == "drug_tests" and _RESULT_FINE_AFTER.match(letter, m.end(), end):
                    continue  # "Although the urine drug screen in October was consistent": done, and as expected
                if key == "home_exercise" and (
                    _CONTINUE_BEFORE.search(letter, max(start, m.start() - 80), m.start())
                    or _EXPECTED_AFTER.match(letter, m.end(), end)
                ):
                    key = "home_exercise_instead"  # "why he could not continue ... with the home exercise program"
                elif key == "home_exercise" and (
                    _REVISED_AFTER.match(letter, m.end(), end) or _home_program_had(letter, m, start, end)
                ):
                    continue  # "no documentation of a home exercise program having been assessed and revised": had
                    # (round 141's reader: told "did not say if you work out at home" for a gym membership)
                if key in ("home_exercise", "program") and _beside_this_care(letter, start, m.start()):
                    continue  # "pursued at the same time as occupational therapy, a home exercise program, and ...":
                    # care under way beside this one (round 162's reader: told "did not say if you work out at home")
                if key == "home_exercise" and _HIS_OWN.search(letter, max(start, m.start() - 30), m.start()):
                    continue  # "what eight more visits would achieve that his home exercise program cannot" (round 66)
                if key == "program" and _HOME_BEFORE.search(letter, max(start, m.start() - 12), m.start()):
                    continue  # "her home exercise program" across a line break: care she has, not a program to add
                if key == "program" and _apart_from_lack(letter, start, m.start()):
                    continue  # "never connect ... to any task; the gains were credited to the exercise program"
                if key == "why" and _reviewers_reason(letter, m, start, end):
                    continue  # "that is the principal reason continuation cannot be supported"
                keys.add(key)
                if key == "why" and _again(decision, letter, start, end):
                    key = "why_again"  # "not clear what the indication is for a repeat lumbar x-ray"
                if key == "nerve_test":
                    key = lacked_test_key(m.group(), decision.service)
                if key == "surgery":
                    key = _surgery_key(m.group())
                if key == "quantity":
                    key = _amount_key(letter, m, end)
                found.append(Missing(key=key, words=quote(letter, m.start(), m.end())))
                if len(found) == most:
                    return found
    return found


_RESULT_AFTER = rxcache.compile(
    r"[^.;]{0,60}?\b(?:(?:was|were|came\s+back|returned)\s+(?:\w+\s+)?(?:negative|positive|inconsistent|inappropriate)"
    r"|(?:did\s+not|failed\s+to)\s+detect"
    # "A urine drug test in July showed alprazolam, a sedating anti-anxiety medication ... that had not been prescribed
    # to her" (round 288's reader: told "did not show the tests the medical guidelines ask for")
    # "a recent urine drug test found a sedating medication that had not been prescribed" (round 293's reader), but
    # not "was found to be consistent" nor "found no aberrant behavior"
    r"|(?:showed|revealed|detected|(?<!was\s)(?<!were\s)(?<!been\s)(?<!is\s)(?<!are\s)(?<!as\s)found(?!\s+(?:no|nothing)\b))"
    r"(?![^.;]{0,40}?\b(?:consistent|appropriate|expected|complian\w*|no\s+(?:illicit"
    r"|aberrant|unexpected|other)|negative|only\s+(?:the\s+)?(?:prescribed|expected))\b))\b",
    re.I,
)
"""A drug test done, and its result (round 158's reader: "the urine drug screen of February 21, 2017 was negative for
tramadol, which was not addressed by the provider" was told "did not show the tests the medical guidelines ask
for"; round 278's: "the urine drug screen of 07/11/2016 did not detect hydrocodone despite a prescription")."""
_RESULT_FINE_AFTER = rxcache.compile(
    r"[^.;]{0,60}?\b(?:was|were|came\s+back|returned)\s+(?:\w+\s+)?(?:to\s+(?:be\s+)?)?"
    r"(?:consistent|appropriate|as\s+expected|unremarkable|match(?:ed|es)?)\b",
    re.I,
)
"""A drug test done, and its result as the medicines prescribed would give (round 214's reader: "Although the urine
drug screen in October was consistent, ..." was told "did not show the tests the medical guidelines ask for"; and
"was found to match her prescriptions": done, so a CURES check not done is said alone)."""


def _absent_in_clause(letter: str, start: int, at: int) -> bool:
    """A word of absence in the clause that ends at ``at`` ("no indication that surgical intervention was being
    contemplated"), not in an earlier one ("had not stabilized and that further treatment, including possible ...")."""
    breaks = list(_PUNCTUATION.finditer(letter, start, at))
    return _BEFORE_ABSENT.search(letter, breaks[-1].end() if breaks else start, at) is not None


_PUNCTUATION = rxcache.compile(r"[,;:]")
_LIST_ITEM = rxcache.compile(r"\s*(?:(?:or|and|nor)\s+)?(?:that|whether)\b", re.I)


def _listed_lack(letter: str, start: int, at: int) -> bool:
    """``at`` is in one of a list of "that" clauses a word of absence governs ("There was no documentation that these
    findings were discussed with the patient, that the CURES database had been checked, or that a plan had been
    made": round 261's reader, told "did not show the tests" where the test was done)."""
    breaks = list(_PUNCTUATION.finditer(letter, start, at))
    if not breaks or breaks[-1].group() != "," or not _LIST_ITEM.match(letter, breaks[-1].end(), at):
        return False
    return _BEFORE_ABSENT.search(letter, start, breaks[0].start()) is not None


_SURGERY_AHEAD = rxcache.compile(
    r"[\s,]{0,3}(?:was|were|is|are|had\s+been|has\s+been)\s+(?:being\s+|now\s+|still\s+)?(?:contemplated|considered"
    r"|planned|sought|scheduled|anticipated|requested|pending)\b",
    re.I,
)
"""Surgery said to be under consideration, right after its words: not a fact the notes lack, whatever absence the
sentence names elsewhere (an FCE refused because "further treatment, including possible surgical intervention, was
being contemplated" was told "did not show that surgery is planned for you")."""
_EXPECTED_AFTER = rxcache.compile(
    r"[^.;]{0,30}?\b(?:would|should|could|can)\s+(?:be\s+)?(?:expected|continued|sufficient|adequate|continue)\b", re.I
)
"""A home program the worker is expected to keep up ("Compliance with an independent home exercise program would be
expected": round 160's reader was told "did not say if you work out at home on your own")."""
_CONTINUE_BEFORE = rxcache.compile(
    r"\b(?:continue|continuing|continuation|transition\w*|keep\s+(?:up|doing)|progress\w*\s+to)\b[^.;]{0,60}$", re.I
)
"""Care said to go on at home ("why the patient could not continue his rehabilitation with the home exercise program":
round 157's reader was told "did not say if you work out at home on your own", where the program had been taught;
round 163's: "lack of a clear rationale for further supervised therapy over continuation of the home exercise
program")."""
_CONCURRENT_BEFORE = rxcache.compile(
    r"\b(?:at\s+the\s+same\s+time\s+as|concurrent(?:ly)?\s+with|simultaneously\s+with|on\s+top\s+of)\b[^.;]{0,70}$",
    re.I,
)
"""Care named as going on beside this one, just before the care's words."""
_SUPPOSED = rxcache.compile(r"\b(?:whether|would|will|if|could|should|to\s+be)\b", re.I)


def _beside_this_care(letter: str, start: int, at: int) -> bool:
    """The care named at ``at`` is said to go on beside this one ("acupuncture was being pursued at the same time as
    occupational therapy, a home exercise program, and multiple medications"): care the worker has, not a record the
    notes lack; but not where it is only supposed ("whether it would be used at the same time as a program")."""
    near = _CONCURRENT_BEFORE.search(letter, max(start, at - 80), at)
    return near is not None and _SUPPOSED.search(letter, max(start, near.start() - 60), near.start()) is None


_WISH = rxcache.compile(r"\b(?:willing\w*|want\w*|wish\w*|desir\w*|agree\w*|interest\w*|decid\w*|consider\w*)\b", re.I)
"""Words of the worker's own wish about an operation (round 48's real-letter reader: "did not show that
surgery is planned, or that you would want it" where the reviewer wrote only that no surgery was planned)."""


def _surgery_key(said: str) -> str:
    """ "surgery" when the words speak of the worker's wish ("willingness to consider surgical
    intervention"), else "surgery_planned" ("undergoing surgical intervention", "no plan for surgery")."""
    return "surgery" if _WISH.search(said) else "surgery_planned"


_AMOUNT_NOUNS = rxcache.compile(
    r"\b(?:(?P<much>quantity|amount|number)|(?P<often>frequency)|(?P<long>duration))\b", re.I
)


def _amount_key(letter: str, m: re.Match[str], end: int) -> str:
    """ "quantity" when the words ask how much ("did not specify the quantity"), else "frequency", "duration" or
    "frequency_duration" for how often and how long, read to the clause's end ("failed to specify a frequency of use":
    round 136's reader was told "did not say how much of it you need" for a gabapentin whose amount was given)."""
    stop = min(end, m.end() + 40)
    cut = _CLAUSE_END.search(letter, m.end(), stop)
    named = {
        k
        for n in _AMOUNT_NOUNS.finditer(letter, m.start(), cut.start() if cut else stop)
        for k, v in n.groupdict().items()
        if v
    }
    if "much" in named or not named:
        return "quantity"
    if named == {"often", "long"}:
        return "frequency_duration"
    return "frequency" if "often" in named else "duration"


_CLAUSE_END = rxcache.compile(r"[.;]")


_AGAIN = rxcache.compile(
    r"\b(?:repeat(?:ed)?|again|another|second|additional)\b"
    r"(?!\s+(?:\w+\s+)?(?:authori[sz]ation|approval|certification|request|RFA|review|opinion)s?\b)",
    re.I,
)
"""One more test; not "a second authorization" (round 46's reader: an MRI approved and booked, asked
for again, was told as "another test after the ones you had")."""


def _again(decision: Decision, letter: str, start: int, end: int) -> bool:
    """Whether a "no reason given" is for one more test: the care asked for is a study or a
    picture, and the sentence asks why a repeat, another or an additional one (not always of
    the same kind: "an additional diagnostic study" after nerve tests, for a wrist MRI)."""
    return bool(_STUDIES.search(decision.service)) and bool(_AGAIN.search(letter, start, end))


def _then_lacking(places: list[tuple[int, int]], letter: str, rationale: Span | None) -> Iterator[tuple[int, int]]:
    """``places``, then the rationale's sentences that say something was lacking, found
    only when asked for."""
    yield from places
    if rationale is not None:
        yield from _lack_sentences(letter, rationale)


_ABRUPT = (
    # Gaps are bounded ({0,200}): an unbounded lazy gap is tried from every cue word to the end
    # of a sentence, quadratic on a hostile rationale of one long "sentence".
    # The letter's own advice first ("... should not be interpreted as a recommendation to
    # stop long-term opioids abruptly and the patient is advised to speak with their
    # treating physician"), then a quoted guideline saying the same ("should never be
    # abruptly discontinued").
    rxcache.compile(
        r"\brecommendation\s+to\s+(?:stop|discontinue)\b[^.]{0,200}?\babrupt(?:ly)?\b"
        r"|\badvised\s+to\s+(?:speak|talk|consult)\s+with\s+(?:their|his|her|the)\s+treating\s+"
        r"(?:physician|doctor|provider)\b",
        re.I,
    ),
    rxcache.compile(
        r"\b(?:not|never)\b[^.]{0,200}?\b(?:stop\w*|discontinu\w*)\b[^.]{0,200}?\babrupt(?:ly)?\b"
        r"|\b(?:not|never)\b[^.]{0,200}?\babrupt(?:ly)?\s+(?:stop\w*|discontinu\w*)\b",
        re.I,
    ),
    # Advice to wean or taper, in the reviewer's words ("Weaning should be managed by the
    # prescribing physician", "a quantity was allowed for weaning", "tapering is advised to
    # avoid withdrawal"): the same danger, said without "abruptly".
    rxcache.compile(
        # "Weaning, rather than continuation, is indicated" (round 285's reader: an alprazolam told no word of it)
        r"\b(?:wean(?:ing|ed)?|taper(?:ing|ed)?)\b[^.]{0,200}?\b(?:should|must|(?:is|are)\s+(?:recommended|indicated)"
        r"|recommend\w*"
        r"|advis\w*|under\s+the\s+(?:direction|care|supervision)|managed|allow\w*|certified|authorized"
        r"|to\s+avoid\s+withdrawal)\b"
        r"|\b(?:should|must|recommend\w*|advis\w*|allow\w*|certified|authorized|modified)\b[^.]{0,200}?"
        r"\b(?:wean(?:ing|ed)?|taper(?:ing|ed)?)\b",
        re.I,
    ),
    # The danger itself, or a gradual end ("Abrupt discontinuation of a benzodiazepine after long use can cause
    # withdrawal, including seizures", "stopping suddenly after regular use can provoke withdrawal", "should be
    # done gradually": round 78's reader, an alprazolam and a butalbital told no word of it).
    rxcache.compile(
        r"\b(?:abrupt(?:ly)?|sudden(?:ly)?)\s+(?:discontinu\w*|stop\w*|cessation|withdrawal)\b"
        r"|\b(?:stop\w*|discontinu\w*|ceas\w*)\s+(?:it\s+|them\s+)?(?:abruptly|suddenly)\b"
        r"|\bgradual(?:ly)?\s+(?:reduction|decrease|taper\w*|wean\w*|discontinu\w*|withdrawal)\b"
        r"|\b(?:done|reduced|stopped|discontinued|withdrawn|lowered)\s+gradually\b"
        # "any discontinuation should be gradual and supervised by the treating physician" (round 286's reader)
        r"|\b(?:discontinu\w*|withdrawal|reduction|stopping)\s+(?:should|must|needs?\s+to)\s+be\s+gradual\b",
        re.I,
    ),
)


_TESTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("mri", rxcache.compile(r"\bMRIs?\b|\bmagnetic\s+resonance\b", re.I)),
    ("ct", rxcache.compile(r"\bCT\b|\bCAT\s+scans?\b|(?i:\bcomputed\s+tomography\b)")),
    ("x-ray", rxcache.compile(r"\bx-?rays?\b|\bradiographs?\b|\bplain\s+films?\b", re.I)),
    (
        "nerve",
        rxcache.compile(rf"\b(?:{NERVE_TESTS})\b", re.I),
    ),
    (
        "drugs",
        rxcache.compile(
            r"\bUD[ST]\b|\b(?:drug|toxicology)\s+(?:screens?|tests?|testing)\b|\burine\s+toxicology\b", re.I
        ),
    ),
    ("ultrasound", rxcache.compile(r"\bultrasounds?\b|\bsonograms?\b", re.I)),
    ("bone scan", rxcache.compile(r"\bbone\s+scans?\b", re.I)),
    # "a psychological evaluation ... was already completed on 12-6-2016" (round 147): told "you already have it"
    (
        "psychological",
        rxcache.compile(
            r"\b(?:neuro)?psycholog\w*\s+(?:evaluations?|testing|tests?|assessments?)\b|\bpsychometric\s+testing\b",
            re.I,
        ),
    ),
)
"""Tests a worker may be asked to repeat, by kind: a request for one is refused when the same
kind of test was done not long before and nothing has changed."""
_SUCH_TEST = rxcache.compile(
    r"\b(?:precisely\s+|exactly\s+)?such\s+(?:testing|imaging|an?\s+(?:test|study|scan)|tests|studies|scans)\b"
    r"|\bthe\s+(?:very\s+)?same\s+(?:testing|imaging|test|study|scan)\b",
    re.I,
)
"""The test asked for, named by what went before ("had already undergone precisely such testing on August 18, 2016":
round 285's reader, a repeat nerve test told "did not show signs of the kind of nerve trouble this test is used to
find")."""
_HEAD_WORDS = r"brain|head"
"""The head as a part of the body a test or care is for (a regex alternation)."""
_REGIONS: tuple[re.Pattern[str], ...] = tuple(
    rxcache.compile(rf"\b(?:{words})\b", re.I)
    for words in (
        r"lumbar|lumbosacral|low(?:er)?\s+back|L[1-5]",
        r"cervical|neck|C[1-7]",
        r"thoracic|mid\s+back|T\d{1,2}",
        r"shoulders?",
        r"knees?",
        r"hips?",
        _HEAD_WORDS,
        r"wrists?|hands?|carpal",
        r"ankles?|foot|feet",
        r"elbows?",
        r"upper\s+(?:extremit(?:y|ies)|limbs?)",
        r"lower\s+(?:extremit(?:y|ies)|limbs?)",
        r"left",
        r"right",
    )
)
"""Body parts and sides: an earlier test of another part ("a cervical MRI" for a lumbar one)
or another side is not this test done before."""
_DONE = rxcache.compile(r"\b(?:had|underwent|undergone|completed|performed|obtained|done|collected)\b", re.I)
"""Words that say a test was done."""
_NAMED_BY_DATE = rxcache.compile(rf"(?:\s+[a-z]+){{0,4}}?\s+(?:of|dated|from)\s+(?:{NUMERIC_DATE})", re.I)
"""A test named by its date, just after its name ("the lumbar MRI of 11/15/2016")."""
_NOT_DONE = rxcache.compile(
    r"\b(?:no|not|never|without|unless|if|should|would|may(?!\s+\d)|might|could|order\w*|request\w*|certif\w*|authori[sz]\w*"
    r"|approv\w*|schedul\w*|pending|await\w*|plan\w*|utilization|recommend\w*|guidelines?|indicated|reserved"
    r"|presum\w*|reported\w*)\b",
    re.I,
)
"""Words that make the statement something other than a test done on this worker: a
negation, a supposition, an order or approval (the duplicate ground says that), a guideline."""
_OTHER_EVENT = rxcache.compile(rf"\b(?:{_EVENT_WORDS})\s+(?:the\s+|an?\s+|his\s+|her\s+|their\s+)?$", re.I)
"""Words just before a date that make it another event's ("some 2-1/2 weeks prior to the December 2, 2016 office visit":
round 153's reader, an MRI of November 14, 2016 had been told as done on December 2)."""
_WHEN = rxcache.compile(
    rf"{NUMERIC_DATE}|{MONTH_YEAR}|\b(?:in|during)\s+(?:19|20)\d\d\b|\bago\b"
    r"|\b(?:already|previously|recently|earlier)\b",
    re.I,
)
"""When it was done, or that it was done before: a date, a month, a year, "ago", "already"."""


@dataclass(frozen=True)
class EarlierTest:
    """The same test, done on this worker before the request (the reviewer saw no need to repeat it)."""

    words: Quote
    """The rationale words that say so ("underwent electrodiagnostic testing of both upper extremities on 12-14-16")."""
    day: dt.date | None
    """The latest full date in those words, if any ..."""
    month: dt.date | None
    """... else the latest month ("in June 2016"; the first of that month)."""
    sentence: Span
    """The sentence that says it (what else it says is about that earlier test)."""


def earlier_test(decision: Decision, letter: str | None) -> EarlierTest | None:
    """Where a refused test's rationale says this worker already had the same kind of test
    (and of the same body part and side): "The claimant already had a lumbar MRI in June
    2016", "He had a urine drug screen on 11-17-2016". The worker's plainest reason, which
    the codes do not name. Not a test ordered, certified or scheduled (that is the duplicate
    ground), and never a guideline's words."""
    rationale = decision.spans.rationale
    if letter is None or rationale is None or decision.outcome is not Outcome.upheld:
        return None
    kinds = [pattern for _, pattern in _TESTS if pattern.search(decision.service)]
    if not kinds:
        return None
    kinds.append(_SUCH_TEST)
    own_days = {day for day, _ in find_dates(decision.service)}
    for start, end in _sentences(letter, rationale.start, rationale.end):
        if end - start > _LONGEST_SENTENCE:
            continue  # no plain statement of a test done; and each mention would rescan it
        for pattern in kinds:
            for m in itertools.islice(pattern.finditer(letter, start, end), _MENTIONS):
                if (found := _done_before(decision.service, letter, start, end, m)) is not None:
                    if found.day is not None and found.day in own_days:
                        continue  # the test asked for itself, after the fact ("Retrospective urine drug screen (DOS
                        # 12/14/2016)": "The urine drug screen performed on December 14, 2016")
                    return found
    return None


def known_already(decision: Decision, letter: str | None) -> Quote | None:
    """Where a refused test's rationale says what is wrong is already clear and the test would not change the care
    ("A right C6 radiculopathy is already clinically evident and testing would not be expected to change his
    management"): the sentence that says the test would change nothing. Round 146's reader: a nerve test refused so
    was told "Your doctor's notes did not show the signs the medical guidelines look for", the opposite of the
    reviewer's finding. Only in the reviewer's own sentences, never a guideline's or a condition's."""
    rationale = decision.spans.rationale
    if letter is None or rationale is None or decision.outcome is not Outcome.upheld:
        return None
    if not any(pattern.search(decision.service) for _, pattern in _TESTS):
        return None
    low = _low(letter)
    if all(low.find(word, rationale.start, rationale.end) < 0 for word in _KNOWN_WORDS) or (
        _KNOWN.search(letter, rationale.start, rationale.end) is None
    ):
        return None  # the words first: few rationales have them, and the sentences need not be read
    known = False
    for start, end in _sentences(letter, rationale.start, rationale.end):
        says_known = not known and _KNOWN.search(letter, start, end) is not None
        if not (says_known or (known and _NO_CHANGE.search(letter, start, end))) or not _own_sentence(
            letter, start, end
        ):
            continue
        known = known or any(
            not _NEGATED_KNOWN.search(letter, max(start, m.start() - 40), m.start())
            for m in _KNOWN.finditer(letter, start, end)
        )
        if known and _NO_CHANGE.search(letter, start, end):
            return quote(letter, start, start + len(letter[start:end].rstrip()))
    return None


def _own_sentence(letter: str, start: int, end: int) -> bool:
    """The reviewer's own sentence about this case: not too long to read, not a guideline's, not a condition's."""
    return (
        end - start <= _LONGEST_SENTENCE
        and _GUIDELINE_FIRST.match(letter, start) is None
        and _SUPPOSED.search(letter[start:end]) is None
    )


_KNOWN = rxcache.compile(
    r"\balready\s+(?:been\s+)?(?:clinically\s+)?(?:evident|established|clear|confirmed|known|diagnosed)\b"
    r"|\b(?:is|are|was|were)\s+(?:clinically\s+)?evident\b|\bclinically\s+(?:evident|established|obvious|apparent)\b"
    # "This patient's left L5 radiculopathy is not subtle" (round 281's reader: an EMG told "did not show signs of the
    # kind of nerve trouble this test is used to find")
    r"|\b(?:is|are|was|were)\s+not\s+(?:at\s+all\s+)?subtle\b"
    # "The worker's examination clearly showed findings of a left L5 radiculopathy" (round 160's reader: an EMG told
    # "did not show clear signs of a hurt nerve")
    r"|\bclearly\s+(?:showed|shows|demonstrated|documented|established)\s+(?:findings\s+of\s+)?(?:an?\s+)?(?:[\w-]+\s+){0,3}?"
    r"radiculopathy\b"
    # "The treating physician has made the diagnosis on the basis of a detailed history and examination" (round 184's
    # reader: a bone scan told "did not show the signs the medical guidelines look for")
    r"|\b(?:has|have|had)\s+(?:already\s+)?(?:made|established|confirmed)\s+the\s+diagnosis\b"
    # "That study established the diagnosis of mild bilateral carpal tunnel syndrome" (round 285's reader)
    r"|\b(?:study|studies|test|testing|scan|MRI|EMG)\s+(?:clearly\s+)?(?:established|confirmed)\s+the\s+diagnosis\b"
    # "In this case the diagnosis is not in doubt." (round 241's reader: an EMG/NCV told "did not show the signs the
    # medical guidelines look for")
    r"|\bdiagnosis\s+(?:is|was)\s+not\s+in\s+(?:doubt|question)\b",
    re.I,
)
"""Words that say what is wrong is already clear ("is already clinically evident", "has already been established")."""
_KNOWN_WORDS = (
    "already",
    "evident",
    "clinically",
    "clearly",
    "the diagnosis",
    "diagnosis is",
    "diagnosis was",
    "subtle",
)
"""A word every branch of :data:`_KNOWN` holds: a rationale without one is not read (its pattern has no literal to skip
by)."""
_NEGATED_KNOWN = rxcache.compile(
    r"\b(?:not|" + DENYING + r"|when|whenever|if|unless|whether|against|absence|lack(?:s|ed|ing)?"
    r"|rul(?:e|es|ed|ing)\s+out)\b[^.;,]*$",
    re.I,
)
"""A negation or a condition in the words just before :data:`_KNOWN`, in the same clause ("no radiculopathy is
clinically evident", the guideline's "not needed when a radiculopathy is already clinically obvious", round 296's
"an entirely normal examination, arguing against any clinically evident radiculopathy")."""
_NO_CHANGE = rxcache.compile(
    # "There was no discussion ... describing how the results of this testing would change the worker's treatment plan"
    # (round 160's reader: an EMG the exam made needless told "did not show clear signs of a hurt nerve")
    # "the treating physician has not explained how the study would change management" (round 281's reader)
    r"\b(?:no|not|nor|without)\b[^.;]{0,120}?\bhow\s+(?:the\s+|this\s+|such\s+)?(?:results?|stud(?:y|ies)|test(?:s|ing)?"
    r"|scans?|imaging)\s+(?:of\s+(?:[\w-]+\s+){1,3}?)?(?:would|will|could)\s+(?:change|alter|affect)\b"
    r"|\b(?:would|will|could)\s+not\s+(?:be\s+expected\s+to\s+|likely\s+)?(?:change|alter|affect)\s+"
    r"(?:the\s+|his\s+|her\s+|their\s+)?(?:present\s+|current\s+)?(?:management|treatment|care|plan)\b"
    # "The records do not say what would be done differently if the scan were positive or negative" (round 184)
    r"|\b(?:no|not|without)\b[^.;]{0,60}?\bwhat\s+(?:would|will|could)\s+be\s+done\s+differently\b"
    # "Testing of both legs would add little to her management." (round 285's reader)
    r"|\b(?:would|will|could)\s+add\s+(?:little|nothing)\s+(?:of\s+value\s+)?to\s+(?:the\s+|his\s+|her\s+|their\s+)?"
    r"(?:present\s+|current\s+)?(?:management|treatment|care|plan)\b",
    re.I,
)
"""The test's result would not change the care ("would not be expected to change his management")."""


_LONGEST_SENTENCE = 600
"""Characters of the longest sentence read for a test done before (real ones take under 300)."""
_MENTIONS = 4
"""Mentions of the test read per sentence."""


def _done_before(service: str, letter: str, start: int, end: int, test: re.Match[str]) -> EarlierTest | None:
    """The clause around ``test`` when it says the test was done, when, and nothing against it."""
    breaks = list(_CLAUSE_BREAK.finditer(letter, start, test.start()))
    clause_start = breaks[-1].end() if breaks else start
    after = _CLAUSE_BREAK.search(letter, test.end(), end)
    clause_end = after.start() if after else end
    if (then := _THEN_WHICH.search(letter, test.end(), clause_end)) is not None and (
        _WHEN.search(letter, test.end(), then.start()) or find_dates(letter[test.end() : then.start()])
    ):
        clause_end = then.start()  # the test's own date comes before what was done with it
    when = list(_WHEN.finditer(letter, clause_start, clause_end))
    dated = [
        (day, clause_start + e)
        for day, (b, e) in find_dates(letter[clause_start:clause_end])
        if _OTHER_EVENT.search(letter, max(clause_start, clause_start + b - 40), clause_start + b) is None
    ]
    if not (when or dated):
        return None  # (a date in words counts: "underwent exactly such testing on June 3, 2016")
    later = [w for w in when if w.start() >= test.end()]
    said_end = max(test.end(), (later[0] if later else when[-1]).end()) if when else test.end()
    latest = max(dated or find_months(letter, clause_start, clause_end), default=None)
    if latest is not None:
        said_end = max(said_end, latest[1])
    said = letter[clause_start:said_end]
    named_by_date = _NAMED_BY_DATE.match(letter, test.end(), clause_end) is not None
    if not (named_by_date or _DONE.search(said)) or _NOT_DONE.search(said):
        return None
    for region in _REGIONS:
        if region.search(service) is None and region.search(said) is not None:
            return None  # another body part or side
    day = latest[0] if latest and dated else None
    month = latest[0] if latest and not dated else None
    return EarlierTest(quote(letter, clause_start, said_end), day, month, Span(start=start, end=end))


_MODIFIED = Windowed(
    rxcache.compile(
        r"\bmodif(?:ied|ies|y)\b|\bpartially\s+(?:certified|approved|authori[sz]ed)\b"
        r"|\b(?:certified|approved|authori[sz]ed)\s+(?:only\s+)?(?:\d+|one|two|three|four|five|six|eight|ten|twelve)\s+of\b",
        re.I,
    )
)
"""Words that say utilization review approved part of a request."""
_REVIEW = rxcache.compile(
    r"\butilization\s+review\w*|\bUR\b|\bclaims\s+administrator\b|\b(?:prior|previous)\s+review\b", re.I
)
_NOT_PART = rxcache.compile(
    r"\bnon-?\s?certif\w*|\bnot\s+(?:certified|approved|authori[sz]ed)|\bdenied\b|[;,]|\sand\s", re.I
)
"""Where the words after a modification stop naming its request: the next request, refused or not."""
_PASSIVE = rxcache.compile(r"\b(?:was|were|been)\s+$", re.I)
_BEFORE_PASSIVE = rxcache.compile(r"[;,]|\sand\s|\b(?:non-?\s?certif\w*|denied)\b", re.I)
"""Where the words before "was modified" stop naming its request."""
_GENERIC = SERVICE_COMMON_WORDS | {
    "repeat",
    "outpatient",
    "inpatient",
    "initial",
    "prescription",
    "consultation",
    "evaluation",
    "home",
    "treatments",
    # when the care comes, not what it is: :func:`part_approved_before` asks for it beside the name (templates 145)
    "pre",
    "post",
    "operative",
    "preoperative",
    "postoperative",
    "perioperative",
    "associated",
    "surgical",
}
"""A service's words that do not say which request it is ("Right", "Repeat", "Purchase of", "Post-operative",
"Associated surgical service:"); body regions do say it here ("MRI of the cervical spine" is not a lumbar one)."""
_WORD = rxcache.compile(r"[A-Za-z]+")
_NAME = rxcache.compile(r"^[^\d#(,:]*")


def _name_words(service: str) -> list[str]:
    """The first two words that say which request a service is, before its amounts ("MRI",
    "cervical" of "MRI of the cervical spine"; "aquatic", "therapy" of "Aquatic therapy 2 times")."""
    head = _NAME.match(service)
    words = _WORD.findall(head.group() if head else "")
    return [w.lower() for w in words if len(w) >= 3 and w.lower() not in _GENERIC][:2]


def part_approved_before(decision: Decision, letter: str | None) -> Quote | None:
    """Where the case summary says utilization review approved part of this refused request
    ("utilization review modified the request for hydrocodone/acetaminophen to #45 to allow
    weaning") but the item's heading is the whole request, with no "was the original request"
    lines to read the parts from. The worker keeps that part: a "not approved" alone would
    read as if they had nothing. Read before the item's own heading, in a sentence naming
    utilization review, and only in the words the modification governs (not a request the
    same sentence says was refused)."""
    if letter is None or decision.partial or decision.outcome is not Outcome.upheld:
        return None
    names = _name_words(decision.service)
    if not names:
        return None
    # "Post-operative home health aide" is not the "post-operative physical therapy" modified, nor "Post-operative
    # physical therapy" the interim "physical therapy" (round 81's reader: a home health aide and Keflex were told
    # the therapy's 12 sessions): the name, and the time the care comes when the service gives one.
    when = [w for w in _TIMES if w.search(decision.service)]
    side = {m.lower() for m in _SIDE.findall(decision.service)}
    for start, end, said in _modifications(letter):
        if end > decision.spans.heading.start:
            break
        if side and (named := set(_SIDE.findall(said))) and not named & side:
            continue  # "modified the therapy for the right hand to 4 sessions" is not the left hand's (round 84)
        if all(re.search(rf"\b{re.escape(name)}\b", said) for name in names) and all(w.search(said) for w in when):
            return quote(letter, start, end)
    return None


_SIDE = rxcache.compile(rf"\b({SIDES})\b", re.I)
"""The side of the body a request or a modification names."""


_TIMES = (rxcache.compile(BEFORE_SURGERY, re.I), rxcache.compile(AFTER_SURGERY, re.I))
"""The words that say when care comes ("Pre-operative", "post-op", "postoperative")."""


_PART_AMOUNT = rxcache.compile(
    # "modified the cold therapy unit to a 7 day rental" (round 102's reader was told "Already approved: 12", the
    # therapy's amount the same sentence gives next)
    rf"\bto\s+(?:a\s+)?(?P<to>(?:#\s*\d+|(?:{_NUM}))(?:[\s-]+(?:[\w-]+\s+)?(?:sessions?|visits?|treatments?|tablets?"
    r"|capsules?|units?|injections?|days?|weeks?|hours?)(?:\s+rental)?)?)\b"
    rf"|\b(?:certified|approved|authori[sz]ed)\s+(?:only\s+)?(?P<of>(?:{_NUM})\s+of\s+the\s+(?:\d+|[a-z]+)\s+"
    r"(?:[\w-]+\s+)?(?:sessions?|visits?|treatments?|units?|injections?))\b",
    re.I,
)


_AMOUNT_REACH = 40
"""Characters read past a modification's words for its amount, within its sentence."""


def part_amount(part: Quote, letter: str | None) -> Quote | None:
    """How much of the request utilization review approved, from its words ("modified the acupuncture
    request to 6 sessions": "6 sessions"): round 49's reader was told only "Your letter says which part"."""
    if letter is None or part.span is None:
        return None
    # "The request for acupuncture was modified to 6 sessions": the amount follows the words quoted
    period = letter.find(".", part.span.end, part.span.end + _AMOUNT_REACH)
    end = part.span.end + _AMOUNT_REACH if period < 0 else period
    if (m := _PART_AMOUNT.search(letter, part.span.start, end)) is None:
        return None
    group = "to" if m.group("to") else "of"
    return quote(letter, m.start(group), m.end(group))


_MOST_MODIFICATIONS = 16
"""Statements of a part approved read per letter (a letter gives one per request it modified)."""
_SENTENCE_REACH = 400
"""Characters read on each side of a modification for the sentence around it."""


@functools.lru_cache(maxsize=2)
def _modifications(letter: str) -> tuple[tuple[int, int, str], ...]:
    """The words each modification by utilization review governs, in letter order, with their
    lower-case text: read once per letter for all its items (bounded: the letter being summarised)."""
    found: list[tuple[int, int, str]] = []
    for m in _MODIFIED.finditer(letter, 0, len(letter), _low(letter)):
        low = max(0, m.start() - _SENTENCE_REACH)
        sentence_start = letter.rfind(". ", low, m.start())
        sentence_start = low if sentence_start < 0 else sentence_start + 2
        period = letter.find(". ", m.end(), m.end() + _SENTENCE_REACH)
        sentence_end = min(len(letter), m.end() + _SENTENCE_REACH) if period < 0 else period
        # the review named in this sentence or the one before ("The prior review dated 12/19/2016 non-certified
        # Norco ... The request for gabapentin was modified to certify 300 mg #90": round 86's reader was told only
        # "Not approved")
        before = letter.rfind(". ", max(0, sentence_start - _SENTENCE_REACH), max(0, sentence_start - 2))
        if not _REVIEW.search(letter, sentence_start if before < 0 else before + 2, sentence_end):
            continue
        if _PASSIVE.search(letter, max(sentence_start, m.start() - 8), m.start()):
            # "the request for acupuncture was modified": the request is named before
            stops = list(_BEFORE_PASSIVE.finditer(letter, sentence_start, m.start()))
            start, end = (stops[-1].end() if stops else sentence_start), m.end()
        else:
            # "modified the request for hydrocodone/acetaminophen to #45": named after
            stop = _NOT_PART.search(letter, m.end(), sentence_end)
            start, end = m.start(), (stop.start() if stop else sentence_end)
        found.append((start, end, letter[start:end].lower()))
        if len(found) == _MOST_MODIFICATIONS:
            break
    return tuple(found)


_MEDICINE_KINDS: tuple[str, ...] = tuple(EVERY_MEDICINE_KIND.values())
"""Each kind of medicine a letter names, by its class and drug names (regex alternations)."""
_MEDICINE_WORDS = "|".join(
    (
        *_MEDICINE_KINDS,
        r"\b(?:medications?|medicines?|drugs?|sedatives?|alcohol|ACE\s+inhibitors?|diuretics?|blood\s+thinners?"
        r"|anticoagulants?|warfarin)\b",
    )
)
"""Any medicine a letter names, by its class or its drug's name, or a drug by any name (a regex alternation)."""


@dataclass(frozen=True)
class _Harm:
    """One kind of harm a medicine may do this worker, and every word the summary reads for it:
    adding a kind is one row of :data:`_HARMS`, and the finding, the denial and the naming of a
    harm cannot drift apart."""

    key: str | None
    """The safety sentence that names it (a key of the templates' ``safety_of``); None: the
    plain "could hurt you" (no words of its own, or words too general to name a harm)."""
    says: str
    """Words that say the harm is there in this worker ("stage 3 chronic kidney disease")."""
    risk: str = ""
    """What a "risk of ..." names for it ("risk of further kidney injury"): a risk, not a fact."""
    denied: str = ""
    """Its words after a negation ("no kidney disease", "denies drowsiness"): no harm found."""
    names: str = ""
    """Words that name it in a sentence already found to state a harm (empty: it is never named)."""
    broad: bool = False
    """A harm so general that a sentence naming a more specific one is told that one first ("the heart or your
    blood pressure" beside a kidney disease: templates 150-155), and a sentence naming only it comes after one naming
    another."""


_WITH_ALCOHOL = (
    r"(?<!history\s)(?<!problems\s)\b(?:with|and|on\s+top\s+of|plus)\s+(?:[\w-]+\s+){0,2}?alcohol\b"
    r"|\balcohol\s+(?:on\s+board|deepens|adds\s+to|potentiates|increases)\b"
    # the worker's drinking now, by how much and how often: "she reports drinking three or four glasses of wine most
    # evenings" beside an alprazolam (round 166)
    r"|\b(?:drinks|drinking)\s+(?:[\w-]+\s+){0,4}?(?:glasses|beers?|wine|drinks|alcohol|liquor|whiskey|vodka)\b[^.;]{0,30}?"
    r"\b(?:most|every|each|nightly|daily|a\s+day|per\s+day|a\s+night)\b"
)
"""Alcohol taken with the medicine ("taken together with alcohol", "on top of nightly alcohol", "alcohol deepens
the sedative effects") or drunk now, often, by this worker; not a history of drinking alone."""

_SLEEPY = r"drows\w*|grogg\w*|sedat\w*|somnolen\w*"
"""Words of sleepiness a harm names (the "sleepy" harm's, and what tells a fall's cause)."""
_SLEEPINESS = rxcache.compile(rf"\b(?:{_SLEEPY})", re.I)
_SEDATIVE_CLASS = rxcache.compile(r"\bsedatives?(?:[\s-]+hypnotics?)?\b", re.I)
"""The class of drug, not sleepiness: beside slowed breathing ("the addition of a sedative hypnotic increases the risk
of respiratory depression": round 161's reader, a zolpidem also told "could make you too sleepy") it names no second
harm."""
_DIZZY = r"dizz\w*"
"""Words of dizziness a harm names."""

_LIVER = r"liver(?!\s+enzymes?\s+(?:that|which|responsible|needed|\(?CYP))"
"""The liver as a harm's, not its enzyme that processes a medicine ("bupropion blocks the liver enzyme that converts
tramadol to its more active form": round 205's reader was told "could hurt your liver")."""

_SEROTONIN = (
    r"serotonin(?![\s-]+(?:(?:and[\s-]+)?norepinephrine[\s-]+)?reuptake)"
    r"|\b(?:using|uses|taking|takes|on|concurrent\w*|concomitant\w*|prescribed)\b[^.;]{0,80}?serotonin"
)
"""The serotonin syndrome's word, or a serotonin drug's class the worker takes ("concurrently using sertraline, a
selective serotonin reuptake inhibitor", beside tramadol); not the class named only ("a first-line medication ...
such as a selective serotonin reuptake inhibitor" not yet tried: round 213's reader, a psychiatric consultation told
"dangerous with other medicines you take")."""
_HARMS: tuple[_Harm, ...] = (
    _Harm(
        None,
        r"unsafe|dangerous|dangers?|harm(?:ful)?|toxicity|risks?\s+of\s+this|hazard\w*"
        # the worker's own safety, not a drug's "safety and efficacy"
        r"|(?:his|her|their|patient's|worker's|claimant's)\s+safety|safety\s+(?:concern|issue|risk|problem)s?"
        # "It is not a safe choice for this patient" (round 115's reader)
        r"|safe\s+(?:(?:choice|option)\s+)?for\s+(?:him|her|them|this)|at\s+risk|risks?\b[^.;]{0,60}?\boutweighs?"
        # "places her at real risk of a hip fracture", "carries a cardiovascular risk" (round 65)
        r"|at\s+(?:real|high|serious|significant|increased|considerable|genuine|particular)\s+risk"
        r"|carr(?:y|ies|ying)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?risks?",
        risk=r"toxicity|injury|depression|adverse|harm|dependence|addiction|fractures?|stroke|cardiovascular|cardiac",
        denied=r"risk|side\s+effects?|adverse|danger",
    ),
    _Harm(
        "alcohol",
        # "taken together with alcohol they can produce profound sedation" (templates 149, round 83's reader: told
        # "dangerous with other medicines you take" where the danger was the worker's drinking)
        _WITH_ALCOHOL,
        risk=r"alcohol",
        denied=r"alcohol",
        names=_WITH_ALCOHOL,
    ),
    _Harm(
        "pregnancy",
        # "This patient, however, is in the third trimester of pregnancy" (round 85's reader: a naproxen refused
        # for that was told only "not enough facts")
        r"\b(?:first|second|third|late)\s+trimester\b|\b(?:is|was|now|currently)\s+(?:\w+\s+)?pregnant\b"
        r"|\b(?:fetal|fetus|unborn)\b",
        risk=r"fetal\s+harm|miscarriage|birth\s+defects?",
        denied=r"pregnan\w*",
        names=r"\bpregnan\w*|\btrimester\b|\bfetal\b|\bfetus\b|\bunborn\b",
    ),
    _Harm(
        "mixing",
        # "the risk of the combination outweighs the expected benefit" (round 280's reader: told "could hurt you")
        _SEROTONIN
        + r"|risks?\s+of\s+(?:combining|(?:the|this|that|such\s+a)\s+combination)|(?:drug\s+)?interactions?\b"
        # taken with an opioid is a harm only where the sentence says so ("it is being combined with an opioid"
        # applies the guideline's "addition to other agents is not recommended": round 50's reader)
        r"|(?:combined|combining|together)\s+with\s+(?:an?\s+|the\s+|his\s+|her\s+)?(?:opioids?|benzodiazepines?)"
        r"(?=[^.;]{0,100}\b(?:risk|danger|hazard|unsafe|sedat|respirat|overdose|death|fatal))"
        r"|\b(?:risk|danger|hazard|unsafe)\w*\b[^.;]{0,100}(?:combined|combining|together)\s+with\s+(?:an?\s+|the\s+|his\s+"
        r"|her\s+)?(?:opioids?|benzodiazepines?)",
        denied=r"interaction|serotonin",
        # "serotonergic toxicity" is the serotonin syndrome (round 57 was told "could hurt you")
        names=r"\binteract\w*|\b" + _SEROTONIN + r"|\bserotonergic\s+(?:toxicity|syndrome)"
        r"|\b(?:combined|combining|combination|concurrent\w*)\s+with\b"
        # "together with oxycodone", not "together with a body mass index of 42" (round 55's reader)
        rf"|\b(?:together|along)\s+with\s+(?:[\w/-]+\s+){{0,4}}?(?:{_MEDICINE_WORDS})"
        r"|\bcombination\s+of\b|\brisks?\s+of\s+(?:the|this|that|such\s+a)\s+combination\b|\bcombining\b|\badding\b",
    ),
    _Harm(
        "breathing",
        r"respiratory\s+depression|(?:untreated|obstructive)\s+sleep\s+apnea",
        denied=r"apnea",
        names=r"\brespiratory|\bbreathing|\bsleep\s+apnea",
    ),
    _Harm(
        "asthma",
        # "presented with bronchospasm ... attributed to the NSAID", "a life-threatening asthma attack" (round 85's
        # reader: an ibuprofen refused for that was told only "not enough facts")
        r"bronchospasm|asthma\s+(?:attacks?|exacerbations?|flares?)"
        r"|(?:aspirin|NSAID)[-\s]\s*(?:sensitive|sensitivity|induced|exacerbated)\s+(?:asthma|respiratory)",
        risk=r"bronchospasm|asthma",
        denied=r"asthma|bronchospasm|wheez\w*",
        names=r"\basthma\b|\bbronchospasm\b",
    ),
    _Harm(
        "bleeding",
        # a blood thinner or an ulcer that bled (round 50's reader: naproxen refused for warfarin and a
        # bleeding ulcer was told only as kidney harm)
        r"(?:GI|gastrointestinal|stomach)\s+bleed\w*|bleeding\s+(?:peptic\s+)?ulcer|ulcer\s+(?:that\s+)?(?:bled|bleed\w*)"
        r"|(?:takes?|taking|on)\s+(?:\w+\s+)?(?:warfarin|coumadin|apixaban|rivaroxaban|anticoagula\w+)"
        # "He is fully anticoagulated with apixaban ... found blood in his stool" (round 88's reader: a naproxen
        # refused for a bleed was told only "not enough facts")
        r"|(?<!not\s)\banticoagulated\b|\bblood\s+in\s+(?:his|her|their|the)\s+stools?\b",
        risk=r"bleeding|bleed",
        denied=r"bleed\w*|warfarin|anticoagula\w+",
        names=r"\bbleed\w*|\bbled\b|\bhemorrhag\w*|\bwarfarin|\bcoumadin|\banticoagula\w*",
    ),
    _Harm(
        "heart",
        r"coronary\s+(?:artery\s+)?disease|heart\s+(?:disease|failure|attack)|myocardial\s+infarction|cardiac\s+disease"
        # "a corrected QT of 476 ms while she was taking methadone", "a dangerous arrhythmia" (round 102's reader: a
        # nortriptyline refused for it was told "not enough facts"; 8 of 10 labeled sentences, the 2 others denied)
        r"|(?:corrected\s+)?QTc?\s+(?:interval\s+)?(?:of|measured|prolong\w*|(?:has\s+|had\s+)?lengthened"
        r"|(?:is|was)\s+(?:already\s+)?(?:long|prolonged))"
        r"|(?:dangerous|fatal|serious|cardiac)\s+arrhythmi\w+|torsade\w*",
        risk=r"heart\s+attack|cardiovascular\s+events?|cardiac\s+events?|coronary\s+events?|arrhythmi\w+",
        denied=r"(?:heart|cardiac|cardiovascular)\s+disease|arrhythmi\w+|QTc?",
        # not a coronary stent alone: the reason for the blood thinners a bleeding harm names (round 67); not "a racing
        # heart", a symptom of the serotonin toxicity the sentence names (round 86's reader)
        names=r"\bheart\s+(?:disease|failure|attacks?|problems?|rhythm)|\bcardi(?:ac|ovascular)\b"
        r"|\bcoronary\s+(?:artery\s+disease|disease|events?)|\bmyocardial\b|\bQTc?\b|\barrhythmi\w*",
        broad=True,
    ),
    _Harm(
        # told apart from the heart since templates 156 (round 88's reader: "could be bad for your heart or your blood
        # pressure" for a celecoxib refused after a heart attack, whose letter says nothing of blood pressure)
        "blood_pressure",
        # "blood pressure was 158/98 ... despite two antihypertensive medications ..., so his cardiovascular risk is
        # already high" (round 85's reader: a stimulant refused for that was told it "could hurt your kidneys")
        r"(?:uncontrolled|poorly[-\s]\s*controlled|elevated|high|labile)\s+(?:blood\s+pressure|hypertension)"
        # "her blood pressure was elevated at 152-96 ... while she was taking both lisinopril and hydrochlorothiazide"
        # (round 140: a meloxicam refused for it was told only "no benefit shown")
        r"|blood\s+pressure\s+(?:was|is|has\s+been|remains?|remained)\s+(?:still\s+)?(?:elevated|high|uncontrolled)"
        r"|hypertension\s+(?:that\s+is\s+|which\s+is\s+)?(?:uncontrolled|poorly\s+controlled)"
        r"|despite\s+(?:\w+\s+){0,3}antihypertensive",
        risk=r"(?:high\s+)?blood\s+pressure|hypertension",
        # not "blood pressure" alone: "potassium is at the upper limit of normal, and systolic blood pressure has been
        # above 150" states no normal pressure (round 47's kidney harm was lost)
        denied=r"hypertension",
        names=r"\bblood\s+pressure\b|\b(?:anti)?hypertens\w*",
        broad=True,
    ),
    _Harm(
        "kidneys",
        r"(?:chronic\s+)?kidney\s+disease|renal\s+(?:insufficiency|failure|disease)|kidney\s+injury"
        r"|(?:kidney|renal)\s+function\s+(?:is|was|has)\s+(?:already\s+)?(?:reduced|impaired|worse\w*|declin\w*)"
        r"|(?:reduced|impaired|declining|poor|worsening)\s+(?:kidney|renal)\s+function"
        r"|(?:further\s+)?loss\s+of\s+(?:kidney|renal)\s+function"
        r"|creatinine\s+(?:has\s+|had\s+)?(?:risen|rose|increased|climbed|doubled)"
        r"|(?:e?GFR|filtration\s+rate)\s+(?:has\s+|had\s+)?(?:fallen|fell|dropped|declined|decreased)"
        # "raises the risk of kidney stones, and this patient has already passed calcium stones twice" (round 102)
        r"|kidney\s+stones?|renal\s+(?:stones?|calculi)|nephrolithiasis",
        risk=r"kidney|renal",
        denied=r"kidney|renal",
        names=r"\bkidney|\brenal\b|\bcreatinine\b|\be?GFR\b|\bfiltration\s+rate\b",
    ),
    _Harm(
        "liver",
        r"(?:liver|hepatic)\s+(?:disease|injury|damage|toxicity)|cirrhosis|hepatitis"
        r"|(?:reduced|impaired|declining|poor|worsening)\s+(?:liver|hepatic)\s+function"
        r"|(?:ALT|AST|liver\s+enzymes|transaminases?)\b[^.;]{0,80}?\b(?:twice|double|three\s+times|elevated|raised"
        # "ALT 118 and AST 96, roughly 3x ULN", "transaminases are already up" (round 102's reader: "not enough facts")
        r"|\d(?:\.\d)?\s*(?:x|times)\s+(?:the\s+)?(?:ULN|upper\s+limit|normal)|(?:are|is)\s+(?:already\s+)?up)\b"
        r"|(?:damaged|fatty|diseased)\s+liver\b",
        risk=_LIVER,
        denied=r"liver|hepat\w+",
        names=r"\b" + _LIVER + r"|\bhepat\w*|\bcirrhosis|\bALT\b|\bAST\b|\btransaminases?\b",
    ),
    _Harm(
        "headaches",
        # "the medication overuse (rebound) headache which MTUS warns against" (round 114's reader)
        r"(?:medication|analgesic)[-\s]\s*overuse\s+(?:\(rebound\)\s+)?headache|rebound\s+headaches?",
        risk=r"rebound",
        names=r"\b(?:rebound|overuse)\s+headaches?|\bmedication[-\s]\s*overuse",
    ),
    _Harm(
        "falls",
        # not "nearly fell asleep while driving" (round 149's reader: a zolpidem was told "or make you fall")
        r"(?:fell|fallen|falls?)\b(?!\s+asleep)[^.;]{0,40}\b(?:drowsiness|drowsy|grogg\w+|sedat\w+|dizz\w+)"
        r"|(?:likelihood|chance)\s+of\s+(?:another\s+|a\s+)?falls?"
        # "makes a further fall more likely", "he fell at night after taking both" (rounds 89, 100)
        r"|(?:makes?|making|renders?)\s+(?:another|a\s+further|a\s+second|a\s+repeat|a|further)\s+falls?\s+(?:more|most)\s+likely"
        r"|(?:fell|fallen)\b(?!\s+asleep)[^.;]{0,60}\bafter\s+(?:(?:his|her|a|the)\s+)?(?:\w+\s+)?(?:dose|taking)\b"
        # "a second gabapentinoid ... in a 56-year-old who has just fallen ... invites a worse fall" (round 107)
        r"|invites?\s+(?:a\s+|another\s+|a\s+worse\s+|a\s+further\s+|further\s+)(?:\w+\s+)?falls?\b",
        risk=r"falls?",
        denied=r"falls?",
        # not a number that fell ("a filtration rate that fell from 56 to 48": round 65's reader)
        names=r"\bprone\s+to\s+falls|\brisk\s+of\s+(?:another\s+|a\s+)?falls?|\b(?:a|had\s+a|recent)\s+fall\b"
        r"|\b(?:fell|fallen)\b(?!\s+(?:from|to|by|below|under|asleep)\b)"
        r"|\b(?:likelihood|chance)\s+of\s+(?:another\s+|a\s+)?falls?\b",
    ),
    _Harm(
        "sleepy",
        r"over-?sedation"
        # ("feeling 'foggy' each morning while continuing to drive a delivery truck": round 166)
        r"|fogg(?:y|iness)\b[^.;]{0,120}\b(?:driv\w+|forklift|machinery|truck|bus)\b"
        r"|(?:drowsiness|drowsy|grogg\w+|somnolen\w+|sedated|sedation|dizz\w+)\b[^.;]{0,120}\b(?:fell|falls?|driv\w+|work"
        # "Sedation in a bus operator endangers him, his passengers and the public" (round 85's reader)
        r"|forklift|machinery|bus|passengers|endanger\w*)",
        risk=r"sedation",
        denied=r"drows\w+|sedat\w+",
        names=rf"\b(?:{_SLEEPY}|{_DIZZY})|\bfogg(?:y|iness)\b(?=[^.;]{{0,120}}\b(?:driv\w+|forklift|machinery|truck|bus)\b)",
    ),
    _Harm(
        "seizures",
        r"seizure\s+(?:disorder|threshold)|lowers?\s+the\s+seizure",
        risk=r"seizures?",
        denied=r"seizures?",
        names=r"\bseizures?\b|\bconvulsi\w*",
    ),
    _Harm(
        "overdose",
        r"overdose|prior\s+overdose|overdosed",
        risk=r"overdose",
        denied=r"overdose",
        names=r"\boverdos\w*",
    ),
)
"""The harms the summary tells a worker about: alcohol, a drug mixing badly, a pregnancy, breathing, an asthma
attack, bleeding, the heart, the blood pressure, kidneys, the liver, rebound headache, a fall or drowsiness at work, a
seizure, an overdose (round 39's reader: five safety grounds were dropped; round 85's: a pregnancy, an asthma attack
and a blood pressure). They are named in this order when a sentence names
several (alcohol and mixing medicines first: they are what the worker can act on; a seizure or an overdose
last, as the more general words of a harm a sentence also names otherwise), but the heart and the blood pressure
come after every other harm the sentence names (:attr:`_Harm.broad`)."""
_BROAD = frozenset(harm.key for harm in _HARMS if harm.broad)
"""The keys of the broad harms, told after any other."""
_BROAD_SAYS = {
    harm.key: rxcache.compile(rf"\b(?:{harm.says}|{harm.risk})" if harm.risk else rf"\b(?:{harm.says})", re.I)
    for harm in _HARMS
    if harm.broad and harm.key is not None
}
"""What says a broad harm is there (its row's words for the harm itself and for a risk of it), not its name alone."""


def _only_broad(sentence: str) -> bool:
    """Whether every harm ``sentence`` names is a broad one (:attr:`_Harm.broad`)."""
    kinds = harm_kinds(sentence)
    return bool(kinds) and _BROAD.issuperset(kinds)


def _alternatives(field: str) -> str:
    return "|".join(getattr(harm, field) for harm in _HARMS if getattr(harm, field))


_HARM_PARTS = tuple(
    rxcache.compile(rf"\b(?:{words})\b", re.I)
    for words in (
        *(harm.says for harm in _HARMS if harm.says),
        rf"risks?\s+of\s+(?:\w+\s+){{0,4}}(?:{_alternatives('risk')})",
    )
)
"""A sentence that says a medicine may harm this worker: any row's words, or a risk it names. One pattern a row:
a single alternation of every row was tried branch by branch at every character of every sentence (a twentieth of
the summary's time), where the rows' own words (:data:`_HARM_SCREEN`) rule out nearly all sentences at once."""
_HARM_SCREEN = Screened(Prefilter(pattern) for pattern in _HARM_PARTS)


def _says_harm(text: str) -> bool:
    """Whether ``text`` says a medicine may harm this worker (:data:`_HARM_PARTS`)."""
    return any(_HARM_PARTS[k].search(text) for k in _HARM_SCREEN.indices(text))


_NO_HARM = rxcache.compile(
    # (not "provides no added benefit and increases the risk of gastrointestinal bleeding": round 151's reader, two
    # NSAIDs at once; the benefit is denied, not the harm)
    # (nor "Taking two NSAIDs together does not improve pain relief and increases the risk of gastrointestinal
    # bleeding": round 204's reader, a fenoprofen beside meloxicam told only its pain levels)
    r"\b(?:no(?!\s+(?:added\s+|additional\s+|further\s+|extra\s+)?(?:benefit|value|advantage)\b)"
    # ("did not address the added sedation": a harm left unaddressed, not one denied)
    r"|not(?!\s+(?:improves?|add|adds|increases?|enhances?|provides?|offers?|address(?:es|ed)?)\b)|denie[sd]|without|low"
    rf"|tolerat\w*|negative|normal)\b[^.;]{{0,60}}\b(?:{_alternatives('denied')})"
    # "There was no mention of the applicant's having a history of peptic ulcer disease or GI bleeding" (round 140's
    # reader: an omeprazole was told "could cause bleeding inside your body"): a list the "no ... of" governs, within
    # its clause, not a harm left unaddressed ("no mention of this history in the treatment plan, exposes her to ...")
    # ("There was no documented history of peptic ulcer disease or gastrointestinal bleeding": round 198's reader, an
    # omeprazole told "could cause bleeding inside your body")
    r"|\bno\s+(?:documented\s+|recorded\s+|reported\s+)?(?:mention|record|documentation|evidence|report|indication"
    r"|history)\s+of\s+"
    r"(?!(?:the\s+|a\s+|any\s+)?(?:this|these|that|those|discussion|plan|coordination|compliance)\b)"
    r"(?:(?!\b(?:but|however|yet|although|while|plans?|or\s+of)\b)[^.;,]){0,100}?"
    rf"\b(?:{_alternatives('denied')})"
    # (not "places him at high risk of a recurrent gastrointestinal hemorrhage": this worker's, round 117's reader;
    # while "place a patient at high risk" is the guideline's group)
    # "The medical documents do not indicate that the injured worker is over 65 years of age, has a history of peptic
    # ulcer, GI bleeding or perforation, or is taking aspirin" (round 151's reader: an omeprazole was told "could cause
    # bleeding inside your body"): a list of risk factors the records lack, up to a clause of its own
    # "There is no indication that this injured worker is diabetic, immunocompromised or otherwise at increased risk of
    # infection" (round 261's reader: an antibiotic refused as needless told "this medicine could hurt you")
    r"|\b(?:(?:do|does|did)\s+not\s+(?:indicate|show|document|mention|reveal|describe|suggest|establish|demonstrate)"
    r"|no\s+(?:indication|evidence|documentation|mention|suggestion)\s+(?=that\s+(?:he|she|(?:this|the)\s+(?:injured\s+)?"
    r"(?:worker|patient|claimant|applicant|employee))\b))\s*"
    r"(?:that\s+)?(?:(?!\b(?:but|however|yet|although|while|plans?|which|because)\b|,\s+and\s+(?:the|this|that|his|her"
    r"|its|it|there|he|she)\b)[^.;]){0,160}?"
    rf"\b(?:{_alternatives('denied')})"
    r"|\brisk\s+(?:factors?|assessment|category|group|stratification|tool)"
    r"|(?<!\bhim\sat\s)(?<!\bher\sat\s)\b(?:low|moderate|high)[-\s]\s*risk\b"
    # "The factors used to assign that risk are age over 65, prior peptic ulcer, ..." (round 70): the rule's list
    r"|\bfactors?\s+(?:used|considered|listed)\b[^.;]{0,40}\brisk\b"
    r"|\b(?:can|may|might)\s+(?:lead\s+to|cause|result\s+in|increase)\b"
    # "PPI w/ NSAIDs is for pts at intermediate/high GI risk: age > 65, hx PUD/GI bleed ..." (a guideline's patients)
    r"|\bfor\s+(?:pts|patients|those)\s+(?:at|with|who)\b"
    # "there is no safety concern with its continued use" (round 95's reader: told "this medicine could hurt you")
    r"|\bno\s+(?:\w+\s+)?(?:safety|risk)\s+(?:concerns?|issues?|problems?)\b"
    # "no documentation ... of a medical condition placing the patient at increased risk of postoperative infection"
    # (round 138's reader: an antibiotic refused as needless was told "this medicine could hurt you")
    r"|\b(?:no|not|without)\b[^.;]{0,100}?\b(?:conditions?|factors?|history|disease|illness)\s+(?:that\s+(?:would\s+)?)?"
    r"(?:plac|put)\w*\s+(?:him|her|them|the\s+(?:\w+\s+)?(?:patient|worker|claimant))\s+at\s+(?:an?\s+)?(?:\w+\s+)?risk\b",
    re.I,
)
"""A harm denied or a risk group ("no risk factors", "low-risk"), or what a medicine can do to anyone
("long-term use can lead to GI bleed"): no harm found in this worker."""
_UNADDRESSED = rxcache.compile(
    r"\b(?:no|without|not)\s+(?:\w+\s+){0,2}?(?:discussion|discussed|addressed|acknowledg\w*)\b[^.;]{0,40}?"
    r"\b(?:this|that|these|those)\s+(?:\w+\s+)?(?:risks?|interactions?|dangers?|concerns?|combination)\b"
    # "there is no documentation that the renal function has been monitored or that the risk of continued NSAID use
    # has been weighed against its benefit" (round 147): the risk there, its weighing missing
    # "the records do not show that the risk of combining these two medications was considered" (round 187's reader:
    # a tramadol beside sertraline told only that it did not help)
    r"|\b(?:no|not|without)\s+(?:\w+\s+){0,2}?(?:documentation|discussion|evidence|indication|record|show|reflect)\s+"
    r"(?:that|of)\b"
    r"[^.;]{0,120}?\brisks?\b[^.;]{0,40}?\b(?:weighed|balanced|considered|addressed|discussed)\b"
    # "takes daily aspirin, which puts her in the highest gastrointestinal risk group": this worker put in the group
    r"|\b(?:puts?|places?|placing|putting)\s+(?:him|her)\s+in\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,3}?risk\s+"
    r"(?:group|category)\b"
    # "The request, thus, exposed a high-risk applicant to a recurrence of gastrointestinal bleeding" (round 117): this
    # worker exposed to the harm, whatever risk group the words name
    r"|\bexpos(?:es|ed|ing)?\s+(?:him|her|them|(?:a|an|this|the)\s+(?:[\w-]+\s+){0,2}?(?:patient|applicant|claimant"
    r"|worker|employee|man|woman))\s+to\b",
    re.I,
)
"""A harm named and not addressed by the doctor ("there was no discussion by the treating physician of this risk",
"no discussion of this drug interaction"): the harm is there, the negation is the doctor's silence (round 140). Or
this worker put in a risk group: the group's words are this worker's harm, not the guideline's."""
_HARM_WORDS = 60
"""Words of the longest sentence read for a harm to this worker."""
_HARM_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (harm.key, rxcache.compile(harm.names, re.I)) for harm in _HARMS if harm.key is not None and harm.names
)
"""What harm a safety sentence names (the rows of :data:`_HARMS` with a key, in order)."""


def harm_kind(sentence: str) -> str | None:
    """The kind of harm the reviewer's sentence names (a key of :data:`_HARM_KINDS`), if one."""
    return next((key for key, pattern in _HARM_KINDS if _names_harm(key, pattern, sentence)), None)


def _names_harm(key: str, pattern: re.Pattern[str], sentence: str) -> bool:
    """``pattern`` finds its harm in ``sentence``, and not as the danger of stopping the medicine ("stopping a
    barbiturate suddenly can itself provoke seizures in someone who has just developed a seizure disorder":
    round 80's reader was told "this medicine could make you more likely to have fits")."""
    if pattern.search(sentence) is None:
        return False
    return key != "seizures" or _STOPPING_SEIZURE.search(sentence) is None


_STOPPING_SEIZURE = rxcache.compile(
    r"\b(?:stop\w*|discontinu\w*|withdraw\w*|cessation)\b[^.;]{0,80}?\b(?:seizures?|convulsi\w*)", re.I
)


def _only_the_class(sentence: str) -> bool:
    """Every sleepiness word of ``sentence`` is the drug class's ("a sedative hypnotic", "sedatives")."""
    spans = {m.start() for m in _SEDATIVE_CLASS.finditer(sentence)}
    return all(m.start() in spans for m in _SLEEPINESS.finditer(sentence))


_A_MEDICINE = rxcache.compile(_MEDICINE_WORDS, re.I)


def _mixed_with_alcohol_only(sentence: str, m: re.Match[str]) -> bool:
    """The mix named at ``m`` is of one medicine and alcohol: no second medicine is named before the alcohol ("combining
    carisoprodol, hydrocodone and alcohol" is a mix of medicines too)."""
    clause = _CLAUSE_END.split(sentence[m.start() : m.end() + 60], 1)[0]
    at = clause.lower().find("alcohol")
    if at < 0:
        # "alcohol combined with a benzodiazepine increases the risk of oversedation" (round 239's reader: an
        # alprazolam told "dangerous with other medicines you take" too): the alcohol just before, in the same clause
        before = _CLAUSE_END.split(sentence[max(0, m.start() - _ALCOHOL_BEFORE) : m.start()])[-1]
        if "alcohol" not in before.lower():
            return False
        return sum(1 for n in _A_MEDICINE.finditer(clause) if n.group().lower() != "alcohol") <= 1
    return sum(1 for n in _A_MEDICINE.finditer(clause, 0, at) if n.group().lower() != "alcohol") <= 1


_ALCOHOL_BEFORE = 40
"""How far before a mix's words its alcohol is looked for ("alcohol combined with a benzodiazepine")."""


def harm_kinds(sentence: str, most: int = 2) -> list[str]:
    """The kinds of harm the reviewer's sentence names, in the order it names them, at most ``most``: "takes
    warfarin ..., has a history of a bleeding gastric ulcer ..., and has stage 3 chronic kidney disease"
    is both bleeding and kidney harm (round 50's reader: only the kidneys were told). Sleepiness goes
    unsaid beside a fall, whose sentence says both."""
    found = {
        key: m.start()
        for key, pattern in _HARM_KINDS
        if (m := pattern.search(sentence)) is not None
        and _names_harm(key, pattern, sentence)
        # "together with alcohol", "combined with nightly alcohol" (round 85), "The combination of a short-acting
        # benzodiazepine and alcohol" (round 164's reader: told "dangerous with other medicines you take"): alcohol
        and not (key == "mixing" and _mixed_with_alcohol_only(sentence, m))
    }
    if "falls" in found:
        found.pop("sleepy", None)
    if "breathing" in found and "sleepy" in found and _only_the_class(sentence):
        found.pop("sleepy")
    if not _BROAD.issuperset(found):
        # beside a specific harm, a broad one counts only where the sentence says it is a harm, not as a condition
        # named in a list ("she is diabetic, hypertensive and takes losartan" beside her kidneys: rounds 103 and 105's
        # readers were told "could be bad for your blood pressure")
        found = {key: at for key, at in found.items() if key not in _BROAD or _BROAD_SAYS[key].search(sentence)}
    order = {key: k for k, (key, _) in enumerate(_HARM_KINDS)}
    # a broad harm (the heart, the blood pressure) last, told when a sentence names no more specific one
    return sorted(found, key=lambda key: (key in _BROAD, found[key], order[key]))[:most]


def told_harm(key: str, service: str, sentence: str = "") -> str:
    """The safety sentence's key for harm ``key`` of the medicine ``service``, said in ``sentence``: an
    anti-inflammatory hurts the kidneys, while another medicine is risky for a worker whose kidneys are weak, as
    they may not clear it (round 89's reader: a baclofen refused for stage 4 kidney disease was told "could hurt
    your kidneys"). A fall is told with what the sentence says brings it: sleepiness, or dizziness alone (round
    93's reader: "he became dizzy and unsteady and fell" was told "could make you too sleepy, or make you fall")."""
    if key == "kidneys" and _NSAID.search(spelled_out(service)) is None:
        return "kidneys_weak"
    if key == "breathing" and sentence and not _BREATHING_SLOWED.search(sentence):
        if not _SLOWS_BREATHING.search(spelled_out(service)):
            return ""  # "she has suspected untreated obstructive sleep apnea" beside phentermine (round 157's reader)
        if _SLEEPINESS.search(sentence) and not _DEPRESSES_BREATHING.search(spelled_out(service)):
            # "has obstructive sleep apnea, and a sedating medication adds to the risk of drowsiness at the wheel": the
            # apnea adds to the sleepiness told, of a muscle relaxant (round 216's reader: a cyclobenzaprine told "could
            # slow your breathing"); an opioid's or a benzodiazepine's is the breathing itself
            return ""
    if key == "falls" and sentence and not _SLEEPY_WORDS.search(sentence):
        return "falls_dizzy" if _DIZZY_WORDS.search(sentence) else "falls_only"
    if key == "sleepy" and sentence and not _SLEEPY_WORDS.search(sentence) and _DIZZY_WORDS.search(sentence):
        return "dizzy"  # "has made her dizzy and unsteady" (round 99's reader: told "could make you too sleepy")
    return key


_SLOWS_BREATHING = rxcache.compile(
    "|".join(
        EVERY_MEDICINE_KIND[kind]
        for kind in ("opioid", "benzodiazepine", "sleep medicine", "muscle relaxant", "nerve pain medicine")
    ),
    re.I,
)
_DEPRESSES_BREATHING = rxcache.compile(
    "|".join(EVERY_MEDICINE_KIND[kind] for kind in ("opioid", "benzodiazepine", "sleep medicine")), re.I
)
"""The medicines whose own harm is slowed breathing, beside sleep apnea (not a muscle relaxant's, whose is the
drowsiness)."""
"""Medicines that can slow breathing: for another medicine, sleep apnea is a condition the reviewer weighs, and its
harm is not told as slowed breathing."""
_BREATHING_SLOWED = rxcache.compile(
    r"\brespiratory\s+depression|\b(?:slow|suppress|depress)\w*\s+(?:\w+\s+)?breathing", re.I
)
_SLEEPY_WORDS = rxcache.compile(rf"\b(?:{_SLEEPY}|sleep\w*|hypnotic)", re.I)
_DIZZY_WORDS = rxcache.compile(rf"\b(?:{_DIZZY}|unsteady|unsteadiness|light-?headed\w*|vertigo|off\s+balance)", re.I)


_NSAID = rxcache.compile(CARE_KINDS["NSAID"], re.I)


_CARE_HARM_SOURCE = (
    r"\b(?:expos(?:es|e|ing)|puts?|putting|places?|placing)\s+(?:him|her|this\s+(?:worker|patient|claimant|applicant|man"
    r"|woman)|the\s+(?:worker|patient|claimant|applicant|injured\s+worker))(?:\s+and(?:\s+[\w-]+){1,3}?)?"
    r"\s+(?:to|at)\s+(?:an?\s+|the\s+)?"
    # (not "places him at low risk of developing a hypertrophic scar": round 169's reader, told "could put you at risk")
    r"(?!(?:very\s+)?(?:low|lower|minimal|little|no|negligible|small|slight|reduced)\b)"
    r"(?:[\w-]+\s+){0,3}?(?:(?:risk|danger|hazard|chance)\s+of|harm\b|injury\b|complications?\b|a\s+repeat\b"
    # "would expose him to further falls" (round 113's reader: a gym membership for a worker who falls), "exposes him
    # to an epidural hematoma" (round 115's reader: an injection for a worker on warfarin)
    r"|falls?\b|fractures?\b|burns?\b|bleed\w*|hematomas?\b|strokes?\b)"
    r"|\b(?:hazard|danger|harm|risks?)\b[^.;]{0,80}\boutweighs?\b"
    r"|\boutweighs?\s+(?:any|the|whatever|a\s+few|its|the\s+modest)\s+(?:[\w-]+\s+){0,3}?(?:comfort|relief|benefit|gain)"
    r"|\b(?:is|would\s+be)\s+(?:\w+\s+)?(?:hazardous|dangerous|unsafe)\b"
    r"|\bavoidable\s+(?:harm|hazard|risk)"
    # "A TENS unit is not a safe choice for this worker, who has a permanent pacemaker" (round 96's reader)
    r"|\bnot\s+(?:a\s+)?safe\s+(?:(?:choice|option)\s+)?for\s+(?:him|her|this\s+(?:worker|patient|claimant|applicant))\b"
    # round 100's surgeries and anesthesia: "invites hypoventilation and loss of the airway", "could precipitate
    # respiratory failure", "considerably more likely" (a failed fusion, an infection), "more risk than benefit"
    r"|\binvites?\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:burns?|infections?|contamination|obstruction|airway"
    r"|hypoventilation|falls?|fractures?|bleed\w*|hematomas?|complications?)\b"
    r"|\b(?:could|can|may|might|would)\s+(?:well\s+)?(?:precipitate|provoke|trigger)\b"
    # "use of a TENS unit in this patient could result in inappropriate inhibition of pacing" (round 113's reader)
    r"|\b(?:could|may|might|would)\s+(?:well\s+)?(?:result\s+in|lead\s+to)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:inhibition|interference|injur(?:y|ies)|falls?|fractures?|burns?|bleeding|hematomas?)\b"
    r"|\brespiratory\s+(?:failure|depression|compromise|arrest)|\bhypoventilation\b|\bloss\s+of\s+(?:the\s+)?airway\b"
    # (a harm made likelier, not a cause: "the pain is far more likely to arise from the arthritic compartment" is no
    # harm: round 106)
    r"|\b(?:nonunion|non-union|pseudarthrosis|infections?|fractures?|complications?|failure|falls?|fail(?:ed|ing)?)\b"
    r"[^.;]{0,80}\b(?:considerably|substantially|markedly|significantly|much|far)\s+(?:more\s+likely|higher)\b"
    r"|\b(?:considerably|substantially|markedly|significantly|much|far)\s+(?:more\s+likely\s+to\s+(?:fail|break|bleed|fall)"
    r"|higher\s+(?:chance|risk|rate|likelihood|odds)\s+of)\b"
    r"|\b(?:considerably|substantially|markedly|significantly|much|far)\s+more\s+likely\b[^.;]{0,40}\b(?:nonunion|non-union"
    r"|pseudarthrosis|infection|fracture|complications?|failure|fall)\b"
    r"|\bmore\s+risk\s+than\s+benefit\b"
    # "operating now could leave him worse off than he is", "raises the rates of pseudarthrosis and wound infection"
    # (round 103: 4 of 4 and 7 of 8 labeled items that showed no safety ground; not "Diabetes does raise the risk")
    r"|\bleave\s+(?:him|her|them|the\s+(?:patient|worker|claimant))\s+(?:\w+\s+)?worse\s+off\b"
    r"|(?<!does\s)(?<!do\s)\braises?\s+the\s+(?:rates?|risks?|chances?|odds|likelihood)\s+of\s+(?:\w+\s+){0,2}?"
    r"(?:pseudarthrosis|nonunion|non-union|infection|failure|complications?|wound)"
    # "Given the potential for harm to the patient and her pregnancy", "does not justify that risk for him" (round 104)
    r"|\bpotential\s+for\s+harm\s+to\s+(?:the\s+patient|him|her|this\s+\w+)|\bdoes\s+not\s+justify\s+(?:that|the|this"
    r"|such\s+a)\s+risk\b"
)
_CARE_HARM = rxcache.compile(_CARE_HARM_SOURCE, re.I)
"""A sentence that says care other than a medicine may harm this worker: "would expose her to a materially
higher risk of a serious complication", "that hazard outweighs whatever comfort the unit might provide", "forceful
manipulation is hazardous" (round 94's reader: a hip replacement refused for the infection risk of a worker's
diabetes and weight was told nothing of it)."""
_CARE_HARM_WORDS = FirstWords(Prefilter(_CARE_HARM_SOURCE))
"""The words every match of :data:`_CARE_HARM` holds, derived from it: looked for before it is run."""


def _clause_start(text: str, start: int, at: int) -> int:
    """Where the clause that ends at ``at`` begins, no earlier than ``start``: a denial there covers what follows
    ("There was no documentation of aberrant drug-related behavior or of risk factors that would place the patient at
    moderate or high risk of addiction": round 160's reader, a drug test told "this care could put you at risk")."""
    cuts = [m.end() for m in _PUNCTUATION.finditer(text, start, at)]
    return cuts[-1] if cuts else start


_NEGATED_HARM = rxcache.compile(rf"\b(?:{DENYING}|not|any)\b", re.I)


def care_harm_in(letter: str, rationale: Span) -> Quote | None:
    """See :func:`_care_harm_in`, remembered per rationale: the rules backend's ground and the summary's sentence
    ask the same."""
    return _per_rationale(_care_harms(letter), _care_harm_in, letter, rationale)


def _per_rationale(
    found: dict[tuple[int, int], Quote | None],
    find: Callable[[str, int, int], Quote | None],
    letter: str,
    rationale: Span,
) -> Quote | None:
    """``find(letter, start, end)`` for the rationale, from ``found`` (a letter's memo) once it has been asked."""
    key = (rationale.start, rationale.end)
    if key not in found:
        found[key] = find(letter, *key)
    return found[key]


@functools.lru_cache(maxsize=2)
def _care_harms(letter: str) -> dict[tuple[int, int], Quote | None]:
    """The care harms found so far in ``letter``, by rationale (bounded: the letter being extracted, and no more
    than two letters are held, however large)."""
    return {}


def _care_harm_in(letter: str, start: int, end: int) -> Quote | None:
    """The first sentence of a rationale for care other than a medicine that says the care may harm this worker
    (:data:`_CARE_HARM`), as the reviewer's finding: not a guideline's report ("for patients with conditions that
    put them at risk"), not a supposition, not a harm denied ("nothing in the file to place her at higher
    risk")."""
    if not _may_match(_CARE_HARM_WORDS, letter, _low(letter), start, end):
        return None  # most rationales hold none of the words every such harm needs: a few finds, no scan
    for begin, stop in _sentences(letter, start, end):
        text = letter[begin:stop]
        m = _CARE_HARM.search(text)
        if m is None or len(text.split()) > _HARM_WORDS:
            continue
        if _GUIDELINE_FIRST.match(text) or _GUIDELINE_REPORT.match(text) or _GUIDELINE_NAMED.search(text, 0, m.start()):
            continue
        if _SUPPOSED.search(text) or _NEGATED_HARM.search(
            text, _clause_start(text, max(0, m.start() - 120), m.start()), m.start()
        ):
            continue
        if _DIRECTIVE.search(text) and not _ABOUT_CASE.search(text):
            continue
        return quote(letter, begin, begin + len(text.rstrip()))
    return None


def safety_concern(decision: Decision, letter: str | None, medicine: bool) -> Quote | None:
    """A sentence of a refused medicine's rationale that says it may harm this worker ("Adding
    tramadol to an SSRI in this injured worker carries a real risk of serotonin toxicity", "he has
    stage 3 chronic kidney disease"): no reason code names that ground, and a worker told only
    "not approved" would not learn that the medicine may be unsafe for them. About this worker,
    never a guideline's report, a rule's condition or a risk denied."""
    rationale = decision.spans.rationale
    if letter is None or rationale is None or decision.outcome is not Outcome.upheld:
        return None
    harm = harm_in(letter, rationale) if medicine else care_harm_in(letter, rationale)
    if harm is not None and harm.span is not None and harm_of_another(letter, harm.span, decision.service):
        return None  # "Naproxen was stopped ... because of elevated blood pressure", of omeprazole (round 278's reader)
    return harm


def harm_in(letter: str, rationale: Span) -> Quote | None:
    """See :func:`_harm_in`, remembered per rationale as :func:`care_harm_in` is: the rules backend's
    ground and the summary's sentence ask the same."""
    return _per_rationale(_harms(letter), _harm_in, letter, rationale)


@functools.lru_cache(maxsize=2)
def _harms(letter: str) -> dict[tuple[int, int], Quote | None]:
    """The medicines' harms found so far in ``letter``, by rationale (bounded as :func:`_care_harms`)."""
    return {}


def _harm_in(letter: str, rationale_start: int, rationale_end: int) -> Quote | None:
    """The sentence of a medicine's rationale ``letter[rationale_start:rationale_end]`` that says it
    may harm this worker (see :func:`safety_concern`): the words of the ``safety_risk`` ground.

    A sentence that names this worker or the records comes first (the first that names the harm,
    else the first that only says there is one); one that names a harm and only stands beside the
    worker's own facts (:func:`_beside_patient`) counts when no such sentence does."""
    sentences = _harm_sentences(letter, rationale_start, rationale_end)
    own: list[tuple[int, int]] = []
    beside: list[tuple[int, int]] = []
    for k, (start, end) in enumerate(sentences):
        text = letter[start:end]
        if len(text.split()) > _HARM_WORDS or not _says_harm(text):
            continue
        if (_NO_HARM.search(text) and not _UNADDRESSED.search(text)) or _SUPPOSED.search(text):
            continue
        if (_DIRECTIVE.search(text) or _PRONOUN_RULE.match(text)) and not _ABOUT_CASE.search(text):
            continue  # "Side effects ... should be assessed", "They are not recommended ...": any patient's
        if _GUIDELINE_FIRST.match(text) or _GUIDELINE_REPORT.match(text) or _DIAGNOSES.search(text):
            if _partner_taken(letter, sentences, k):
                beside.append((start, end))
            continue
        if _FACTOR_LIST.match(text):
            continue  # "The factors to be weighed include age over 65; a history of ... bleeding": the rule's list
        if (conceded := _CONCEDED.match(text)) is not None:
            rest = text[conceded.end() :]
            if not _says_harm(rest):
                continue  # "Although she does take warfarin, the meloxicam has not been certified": granted
        if _ABOUT_CASE.search(text):
            own.append((start, end))
        elif (
            (harm_at := _first_harm(text)) is not None
            and not _GUIDELINE_NAMED.search(text, 0, harm_at)
            and _beside_patient(letter, sentences, k)
        ):
            beside.append((start, end))  # a harm named (bleeding, the kidneys), not only the word safety
    for found in (own, beside):
        named = [(start, end) for start, end in found if harm_kind(letter[start:end]) is not None]
        # a sentence that names only a broad harm after one that names a more specific harm
        named.sort(key=lambda at: _only_broad(letter[at[0] : at[1]]))
        for start, end in named[:1] or found[:1]:  # the sentence that names the harm, not only that there is one
            return quote(letter, start, start + len(letter[start:end].rstrip()))
    return None


def _harm_sentences(letter: str, start: int, end: int) -> list[tuple[int, int]]:
    """The rationale's sentences, one longer than :data:`_HARM_WORDS` as its semicolon clauses: a reviewer who writes
    a whole rationale as one sentence states the harm in one clause of it (round 102's reader: "...; nortriptyline
    would add a second QT-prolonging drug on top of a tracing that is already long, with a real chance of a dangerous
    arrhythmia; ..." was told "not enough facts")."""
    out: list[tuple[int, int]] = []
    for begin, stop in _sentences(letter, start, end):
        text = letter[begin:stop]
        if len(text.split()) <= _HARM_WORDS or ";" not in text or _LISTED.search(text):
            out.append((begin, stop))  # (a guideline's numbered list is one sentence: its items are not this worker's)
            continue
        if _GUIDELINE_FIRST.match(text) or _GUIDELINE_REPORT.match(text):
            out.append((begin, stop))
            continue
        at = begin
        for m in _SEMICOLON.finditer(letter, begin, stop):
            out.append((at, m.start()))
            at = m.end()
        out.append((at, stop))
    return out


#: A sentence that lists the rule's factors or criteria ("The factors to be weighed include age over 65; a history of
#: peptic ulcer, gastrointestinal bleeding ...": round 176's reader was told "this medicine could cause bleeding inside
#: your body" of a proton pump inhibitor refused because the worker had none of them).
_FACTOR_LIST = rxcache.compile(
    r"\W*(?:the\s+)?(?:(?:risk|relevant|guideline'?s?|main|usual)\s+)?(?:factors|criteria|indications|conditions)\b"
    r"[^.;:]{0,40}?\b(?:include|includes|are|consist\s+of)\b"
    # "These include pain that is non-radicular, ..., documented failure of conservative treatment" after the
    # guideline's criteria (round 179's reader: medial branch blocks told "did not show that other care was tried
    # first")
    r"|\W*(?:these|they|those)\s+(?:criteria\s+|factors\s+|requirements\s+)?include\b",
    re.I,
)
_DIAGNOSES = rxcache.compile(
    r"^(?:(?!\b(?:risks?|unsafe|dangerous|harm\w*|contraindicat\w*|caution|worsen\w*|toxic\w*)\b)[^.;]){0,120}?"
    r"\b(?:(?:reveal|show|indicate|document|list|note|include)\w*\s+(?:the\s+|his\s+|her\s+|their\s+)?diagnos(?:is|es)\s+of"
    r"|diagnoses\s+(?:include[sd]?|are|were))\b[^.;,]{1,80},"
    r"(?:(?!\b(?:risks?|unsafe|dangerous|harm\w*|contraindicat\w*|caution|worsen\w*|toxic\w*)\b)[^.;])*[.;]?\s*$",
    re.I,
)
"""A sentence that lists the worker's diagnoses and says nothing of a risk ("The medical records reveal the diagnosis
of lumbar strain, ... and chronic kidney disease stage 3"): the case's background, not a harm of the medicine asked
for, unlike one diagnosis the reviewer singles out ("he carries a diagnosis of obstructive sleep apnea"). Round 147's
reader: a Norco was told "could be risky for you because of your kidneys", the naproxen's ground."""
_SEMICOLON = rxcache.compile(r";\s*")
_LISTED = rxcache.compile(r"\(\d\)|(?<![\w.])\d\)")


def _first_harm(sentence: str) -> int | None:
    """Where ``sentence`` first names a kind of harm (:func:`harm_kinds`' words), if it names one. A guideline
    named before it reports the guideline's harm; one named only after it, in a clause of its own ("raises a real
    possibility of respiratory depression during sleep, which the MTUS screening section asks the prescriber to
    evaluate"), is the reviewer's harm (round 85's reader: an oxycodone's safety ground was not told)."""
    found = [
        m.start()
        for key, pattern in _HARM_KINDS
        if (m := pattern.search(sentence)) and _names_harm(key, pattern, sentence)
    ]
    return min(found, default=None)


_CONCEDED = rxcache.compile(CONCEDED, re.I)
"""A harm named only in a granted point is not the ground (round 60's reader: omeprazole told "could cause
bleeding inside your body")."""
_GUIDELINE_NAMED = rxcache.compile(r"\b(?:guidelines?|MTUS|ODG|ACOEM|Official\s+Disability)\b", re.I)
"""A sentence that names a guideline: its words are the guideline's, whatever the sentences beside it say."""


def _partner_taken(letter: str, sentences: list[tuple[int, int]], k: int) -> bool:
    """Whether the guideline's sentence ``k`` warns of this medicine taken with another ("tramadol taken with an SSRI
    raises the risk of seizures") and the sentence before or after says this worker takes that other ("The claimant
    also takes sertraline, an SSRI"): the warning is this worker's (round 192's reader: the harm was told only as
    "did not help")."""
    start, end = sentences[k]
    m = _WITH_PARTNER.search(letter, start, end)
    if m is None or m.group("partner").lower() in _GENERIC:
        return False
    partner = rxcache.compile(rf"\b{re.escape(m.group('partner'))}s?\b", re.I)
    for begin, stop in sentences[max(0, k - 1) : k] + sentences[k + 1 : k + 2]:
        named = partner.search(letter, begin, stop)
        if named is not None and _TAKES.search(letter, begin, named.start()) is not None:
            return True
    return False


def _beside_patient(letter: str, sentences: list[tuple[int, int]], k: int) -> bool:
    """Whether the sentence before or after sentence ``k`` speaks of this worker: a harm stated
    next to the worker's own facts ("In this case, the claimant takes clopidogrel and aspirin ...
    Adding it to dual antiplatelet therapy would increase the risk of bleeding": round 59's reader,
    safety grounds dropped) applies to this worker, whatever its own subject."""
    near = sentences[max(0, k - 1) : k] + sentences[k + 1 : k + 2]
    return any(_ABOUT_PATIENT.search(letter, start, end) is not None for start, end in near)


def taper_advice(decision: Decision, letter: str | None) -> Quote | None:
    """The rationale's own advice not to stop a medicine abruptly, or to speak with the
    treating physician about it ("should not be interpreted as a recommendation to stop
    long-term opioids abruptly and the patient is advised to speak with their treating
    physician"): the sentence that says it, with its span. Only an item that was not
    approved needs it (a worker told "no" might stop the medicine at once)."""
    span = decision.spans.rationale
    if letter is None or span is None or decision.outcome is not Outcome.upheld:
        return None
    if _AFTER_SURGERY.search(decision.service) or _FOR_AN_OPERATION.match(decision.service):
        return None  # a medicine for after an operation: not yet taken, nothing to lower
    if _NOT_TAKING.search(letter, span.start, span.end):
        return None  # a medicine the worker is off, or would start: nothing to lower
    if (kinds := medicine_kinds(decision.service)) and kinds <= NO_TAPER_KINDS:
        return None  # a stool softener beside an opioid being weaned: nothing to lower slowly (round 279's reader)
    if _FOR_AFTER_OPERATION.search(letter, span.start, span.end):
        return None  # "requested for pain after the carpal tunnel release" (round 190's reader): not yet taken
    low = _low(letter)
    m = next(
        (
            m
            for p, words in _ABRUPT_WORDS
            if _may_match(words, letter, low, span.start, span.end)
            and (m := p.search(letter, span.start, span.end, low)) is not None
        ),
        None,
    )
    if m is None:
        return None
    start = max(letter.rfind(".", span.start, m.start()) + 1, span.start)
    end = letter.find(".", m.end(), span.end)
    end = span.end if end < 0 else end + 1
    if _VISITS.search(letter, start, end):
        return None  # "visits tapering over time": therapy fading, not a medicine to lower
    start += len(letter[start:end]) - len(letter[start:end].lstrip())
    return quote(letter, start, end)


_VISITS = rxcache.compile(r"\b(?:visits?|sessions?|frequency)\b", re.I)
_AFTER_SURGERY = rxcache.compile(AFTER_SURGERY + r"|\bafter\s+surgery\b", re.I)
_FOR_AN_OPERATION = rxcache.compile(FOR_AN_OPERATION, re.I)
_NOT_TAKING = rxcache.compile(NOT_TAKING, re.I)
_FOR_AFTER_OPERATION = rxcache.compile(
    r"\b(?:requested|prescribed|intended|ordered)\s+for\s+(?:use\s+|pain\s+)?(?:after|following)\s+(?:the\s+|her\s+|his\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:surgery|operation|procedure|release|repair|arthroscopy|fusion|replacement)\b",
    re.I,
)
"""A medicine asked for the time after an operation, read in the rationale: not one the worker takes now."""

_HOME_PROGRAM = rxcache.compile(
    r"\b(?:well[\s-]+versed\s+in|(?:was|were|been|being|be)\s+taught|(?:be|been|was|were|being)\s+transitioned\s+to"
    r"|(?:should|could|can|able\s+to)\s+(?:be\s+able\s+to\s+)?continue\s+(?:with\s+)?"
    r"|(?:is|are)\s+(?:independent|proficient)\s+(?:with|in))"
    r"\s+(?:an?\s+|the\s+|his\s+|her\s+)?(?:(?:active|independent|self-directed|daily)\s+)*"
    r"(?:home[\s-]+(?:based\s+)?)?(?:exercise\s+program|physical\s+medicine|exercises?\b|program\b|PT\b|HEP\b)",
    re.I,
)
"""The reviewer's own words about this worker going on alone; not the guidelines' "with a
transition to a home program", which says nothing of whether the worker has had therapy."""
_HOME_WORDS = ("versed", "taught", "transitioned", "continu", "independent", "proficient")
"""Words one of which every :data:`_HOME_PROGRAM` match holds, lower case."""
_NOT_BEFORE = rxcache.compile(
    r"\b(?:was|were|has|had|have|is|are)\s+(?:not|never)\s+(?:yet\s+)?$|\bnever\s+(?:yet\s+)?$", re.I
)
"""A fact denied just before ("has not been taught", "had not yet been transitioned": round 214's reader, told "The
reviewer expects you to keep working out at home"); "why ... and not be transitioned" asks why not."""


def home_program(decision: Decision, letter: str | None) -> Quote | None:
    """The rationale's words that the worker should go on alone, at home ("well versed in a
    home exercise program", "transitioned to active self-directed physical medicine"): said
    under a "no" to more visits, it is what the worker can do instead."""
    span = decision.spans.rationale
    if letter is None or span is None or decision.outcome is not Outcome.upheld:
        return None
    low = _low(letter)
    if len(low) != len(letter):
        return _first_home_program(letter, span.start, span.end, span.start)
    # The pattern runs only around its first words (a few C-level finds over the rationale).
    for word in _HOME_WORDS:
        at = low.find(word, span.start, span.end)
        while at >= 0:
            found = _first_home_program(letter, max(span.start, at - 24), min(span.end, at + 160), span.start)
            if found is not None:
                return found
            at = low.find(word, at + 1, span.end)
    return None


def _first_home_program(letter: str, start: int, end: int, floor: int) -> Quote | None:
    """The first of :data:`_HOME_PROGRAM`'s matches in ``letter[start:end]`` not denied just before (no earlier than
    ``floor``, the rationale's start)."""
    for m in _HOME_PROGRAM.finditer(letter, start, end):
        if _NOT_BEFORE.search(letter, max(start, m.start() - 16), m.start()):
            continue
        if _NO_RECORD_THAT.search(letter, max(floor, m.start() - 60), m.start()):
            continue  # "there is no record that the worker was taught a home exercise program": not taught, as read
        return quote(letter, m.start(), m.end())
    return None


_NO_RECORD_THAT = rxcache.compile(
    r"\bno\s+(?:\w+\s+)?(?:record|documentation|evidence|indication|mention|note|report)s?\s+that\s+"
    r"(?:the\s+|this\s+|his\s+|her\s+)?(?:[\w'-]+\s+){0,3}?$",
    re.I,
)
"""A record said missing just before ("there is no record that the worker was taught ...": round 177's reader was told
"The reviewer expects you to keep working out at home on your own" of a gym membership for a worker never taught)."""


# ------------------------------------------------------------------ which finding, which care first

_FINDINGS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("red_flags", rxcache.compile(r"\bred[-\s]+flags?\b", re.I)),
    (
        "indication",
        rxcache.compile(
            r"\bdiabetic\s+(?:painful\s+)?(?:peripheral\s+)?neuropath\w*|\bpost-?\s?herpetic\s+neuralgia|\bfibromyalgia\b",
            re.I,
        ),
    ),
    # "postherpetic neuralgia" is one of the illnesses a medicine is for, not nerve pain the notes lack
    ("nerve_pain", rxcache.compile(r"\bneuropathic\b|(?<!herpetic\s)\bneuralgia\b", re.I)),
    # A nerve root's trouble at the spine, told apart from a hurt nerve anywhere: "no radicular process" beside
    # a median nerve the letter finds hurt at the wrist was told "no clear signs of a hurt nerve" (round 72's reader)
    (
        "nerve_root",
        rxcache.compile(
            r"\bradicul\w*|\bnerve\s+root\s+(?:compromise|impairment|problem|damage|compression|injury)\b"
            r"|\bspinal\s+nerve\b",
            re.I,
        ),
    ),
    (
        "nerve",
        rxcache.compile(
            r"\bneuro(?:logic|logical)?\s+(?:deficits?|dysfunction|findings?|signs?)\b"
            r"|\bnerve\s+(?:compromise|impairment|problem|damage|compression|injury|entrapment)\b"
            # "Without clinical findings of a nerve entrapment" (round 163's reader: an EMG/NCV of the arms was told
            # only of the neck, which the reviewer had set aside)
            r"|\bentrapment\s+neuropath\w*",
            re.I,
        ),
    ),
    ("spasm", rxcache.compile(r"\bspasms?\b", re.I)),
    # Surgery not planned or called for: for a picture or a test, which guidelines tie to an
    # operation being weighed (two real-letter readers: "There was no plan for surgery" dropped
    # beside the warning signs of a lumbar MRI).
    ("surgery", _SURGERY),
    ("stomach", rxcache.compile(r"\bgastrointestinal\b|\bGI\s+(?:events?|symptoms?|issues?|risk)|\bdyspepsia\b", re.I)),
    # a joint or the spine that moves too much; not "a mechanically unstable meniscus" (a torn
    # piece that catches: round 46's reader)
    (
        "instability",
        rxcache.compile(
            r"\binstability\b|\bunstable\b(?!\s+(?:\w+\s+)?(?:menisc\w*|tears?|fragments?|flaps?|lesions?))", re.I
        ),
    ),
    ("function", rxcache.compile(r"\bfunctional\s+(?:deficits?|limitations?|loss)\b", re.I)),
    (
        "change",
        rxcache.compile(
            r"\b(?:change|worsening)\s+in\s+(?:the\s+)?(?:\S+'s\s+|his\s+|her\s+)?(?:condition|symptoms)\b", re.I
        ),
    ),
)
"""What a "the findings do not support it" ground says was not found, each as one fixed
sentence: read only in the words of the item's own findings reasons, which say what was
absent ("no red flags", "a lack of subjective complaints of gastrointestinal events")."""


_CLAUSE_BREAK = rxcache.compile(
    # ":" before a space: "the record does not bear that out: the films of 12-03-2015 show ..." (templates 148)
    r";|:\s|,\s+(?:and|but|while|whereas)\b|\s(?:but|although|though|while|whereas)\s"
    # "While the guideline does support ... testing to establish a diagnosis ..., here, the applicant had already
    # undergone precisely such testing on August 18, 2016" (round 285's reader): the case after the guideline
    r"|,\s+(?:here|in\s+this\s+(?:case|instance)|however),\s"
    r"|\sand\s+(?=(?:there|the|he|she|his|her|it|this|they)\b)",
    re.I,
)
_THEN_WHICH = rxcache.compile(r",\s+(?:the\s+(?:results?|findings|report)\s+of\s+)?which\b", re.I)
"""", the results of which were ... reviewed by the consultant on December 1, 2016": what was done with a test later,
not when it was done (round 117's reader was told the MRI of October 19 was had on December 1)."""
_BEFORE_ABSENT = rxcache.compile(
    # (not the conjunction ", yet remained off of work": round 179's reader, pain scores "which had not budged from
    # 6/10" told "did not give your pain levels")
    # (nor "rather than a failure of medication, the attending provider nevertheless reported pain scores of 7/10":
    # a failure set aside; round 232's reader was told "did not give your pain levels with and without this medicine")
    rf"\b(?:{_ABSENCE_WORDS}|never|nor|none|lack\w*|absen\w*|den(?:y|ies|ied)|negative|normal|(?<!than\sa\s)fail\w*"
    r"|(?<!,\s)yet)\b",
    re.I,
)
"""The words of absence, and words that say a finding is absent or care untried."""
_AFTER_ABSENT = rxcache.compile(
    r"(?:(?!\b(?:should|must|would|may|might|can|could|need|needs)\b)[^.;,]){0,40}?"
    r"\b(?:not|never|absent|negative|normal|intact|unremarkable)\b"
    # "the right S1 radiculopathy is not in question: it was operated on, it is documented on examination" (round 98)
    r"(?!\s+(?:in\s+(?:question|doubt|dispute)|disputed|contested|questioned)\b)",
    re.I,
)
"""Absence said after the finding ("radiculopathy is not established"); a modal before it
makes it a criterion ("radiculopathy should not be present"), not a finding; "is not in question" grants it."""


_EXCEPT = rxcache.compile(
    r",\s*(?:only|just)\b|\b(?:other\s+than|except(?:\s+for)?|besides|apart\s+from|aside\s+from)\b", re.I
)
"""Words that set the care after them apart from what is absent: "not A, only B" and "nothing other than B"
have B."""
_NOT_EXCLUDED = rxcache.compile(r"\b(?:exclud\w*|rul(?:e|ed|ing)\s+out|(?:been\s+)?ruled)\b", re.I)
"""A finding not excluded ("without first excluding instability", "has not been ruled out"): it may be there."""
_CARE_FOR = rxcache.compile(
    r"\s*(?:an?\s+)?(?:supported|recommended|indicated|approved|effective)\s+(?:(?:treatment|therapy|option|care|use)\s+)?"
    r"(?:for|in)\b",
    re.I,
)
"""What a care is (not) for: the condition named after it is the care's indication, not a finding absent."""
_GIVEN_FOR = rxcache.compile(
    r"\b(?:given|prescribed|tried|offered|started|used|taken|received)\b[^.;]*\bfor\s+(?:his|her|their|the|this|its\s+)?"
    r"\s*(?:[\w-]+\s+){0,2}$",
    re.I,
)
"""Care the worker was not given, for the condition named next: the condition is there, the care is what is absent
(round 89's reader: a cream refused because no oral nerve-pain medicine was tried first was told "did not show
nerve pain")."""
_A_TEST_OF_USE = rxcache.compile(
    r"\s*(?:very\s+|particularly\s+|always\s+)?(?:helpful|useful|valuable|of\s+(?:much\s+)?(?:use|value))\s+(?:in|for)\b",
    re.I,
)
"""A test that is (not) of use for what is named next ("NCV testing is not helpful in demonstrating a radiculopathy"):
what the test can show, not a finding the notes lack (round 145's reader: a repeat nerve test, whose first had found an
L5 radiculopathy, was told "did not show clear signs of a hurt nerve in your back")."""


def _absent(
    pattern: re.Pattern[str],
    letter: str,
    span: Span,
    cues: re.Pattern[str] | None = None,
    asked: frozenset[str] = frozenset(),
) -> Quote | None:
    """The first match of ``pattern`` in ``span`` said to be absent, untried or unfinished,
    quoted with the words that say so: a word of absence earlier in its clause ("no
    radicular findings", "has not tried anticonvulsants", "attended only 2 physical therapy
    visits") or just after it ("radiculopathy is not established"). "A disc protrusion with
    radiculopathy, and no instability" has radiculopathy, and "the antidepressant was started
    recently" is tried. A word of ``asked`` (the item's own, lowercased) is the care asked for, never other care
    ("no documentation that the benefits of continued diclofenac outweigh these risks or that acetaminophen has been
    tried": round 154's reader, a diclofenac told to try "medicines that bring down swelling" first)."""
    for m in pattern.finditer(letter, span.start, span.end):
        if m.group().lower() in asked:
            continue
        before = letter[span.start : m.start()]
        breaks = list(_CLAUSE_BREAK.finditer(before))
        clause_start = span.start + (breaks[-1].end() if breaks else 0)
        said = list((cues or _BEFORE_ABSENT).finditer(letter, clause_start, m.start()))
        if said and _EXCEPT.search(letter, said[-1].end(), m.start()):
            continue  # "has not been in a formal program, only a home exercise sheet": the one she has
        if said and _NOT_EXCLUDED.search(letter, said[-1].end(), m.start()):
            continue  # "without first excluding atlantoaxial instability": not ruled out, so maybe there (round 67)
        if said and _CARE_FOR.match(letter, said[-1].end(), m.start()):
            continue  # "not a supported treatment for ankle sprain or ligamentous instability" (round 66's reader)
        if said and _GIVEN_FOR.search(letter, said[-1].end(), m.start()):
            continue  # "never been given an anticonvulsant for her neuropathic hand symptoms" (round 89's reader)
        if said and _A_TEST_OF_USE.match(letter, said[-1].end(), m.start()):
            continue  # "NCV testing is not helpful in demonstrating a radiculopathy": the test's use (round 145)
        if said:
            return quote(letter, said[-1].start(), m.end())
        if (after := _AFTER_ABSENT.match(letter, m.end(), span.end)) is not None:
            return quote(letter, m.start(), after.end())
    return None


_NOT_FOR_SURGICAL = rxcache.compile(
    r"\b(?:functional\s+restoration|(?:multi|inter)disciplinary|pain\s+(?:management\s+|rehabilitation\s+)?program"
    r"|FRP|HELP\s+program|work\s+(?:hardening|conditioning))\b",  # work hardening too (round 79's reader)
    re.I,
)
"""Care the guidelines keep for workers who are not surgical candidates: "surgery is planned" is never what its
notes lacked ("Her candidacy for surgery is also unresolved" told a program "did not show that surgery is
planned": round 64's reader)."""
_RULE_BEFORE = rxcache.compile(
    r"\b(?:must|should|shall|needs?\s+to|ha(?:s|ve)\s+to)\s+(?:not\s+|no\s+)?(?:\w+\s+){0,2}$", re.I
)
"""A modal just before a word of absence: the guideline's condition ("the patient must not be a candidate
for surgery", round 56's reader: a program told "did not show that surgery is planned"), not a record."""
_CARE_OFFERS = rxcache.compile(
    r"\b(?:treatments?|procedures?|injections?|modality|therapy|it)\s+(?:alone\s+)?(?:offers|provides|gives|yields)\s+"
    r"(?:no|little)\s+(?:[\w-]+\s+){0,3}$"
    # "the barbiturate part of the medicine has not been shown to add meaningfully to pain relief" (round 166's reader:
    # told "did not give your pain levels with and without this medicine")
    r"|\b(?:has|have)\s+not\s+been\s+shown\s+to\s+(?:add|improve|provide|offer|increase|contribute)\b[^.;]{0,40}$"
    # "Taking two NSAIDs together does not add meaningful pain relief" (round 170's reader: a meloxicam told "did not
    # give your pain levels with and without this medicine")
    r"|\b(?:does|do|did|would)\s+not\s+add\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
"""What a kind of care offers anyone, just before a word of absence ("this treatment alone offers no significant
long-term functional benefit"; round 148's reader: a first epidural was told "did not show that past care helped
you"): the guideline's, not a record. Read over the 80 characters before it."""


_FINDING_WORDS: dict[str, tuple[str, ...]] = {
    "red_flags": ("flag",),
    "indication": ("diabetic", "herpetic", "fibromyalgia"),
    "nerve_pain": ("neuropathic", "neuralgia"),
    "nerve_root": ("radicul", "nerve root", "spinal nerve"),
    "nerve": ("neuro", "nerve", "entrapment"),
    "spasm": ("spasm",),
    "surgery": ("surg",),
    "stomach": ("gastrointestinal", "gi ", "gi\n", "dyspepsia"),
    "instability": ("instability", "unstable"),
    "function": ("functional",),
    "change": ("change", "worsening"),
}
"""Lower-case words one of which every match of each :data:`_FINDINGS` pattern holds."""
_ANCHOR_KEY = {word: key for key, words in _FINDING_WORDS.items() for word in words}
_ANCHORS = rxcache.compile("|".join(re.escape(w) for w in sorted(_ANCHOR_KEY, key=len, reverse=True)))
_NOWHERE = Span(start=0, end=0)
_NEAR_WORDS = 6
"""Words from the word of absence to the finding, at most, in a sentence no reason spans."""


def _distance(said: str) -> int:
    """Words from the word of absence to the finding, a list's earlier members skipped: "no
    documentation of red flags or indications that surgery is warranted" denies the last as
    closely as the first."""
    words = said.split()
    joins = [i for i, word in enumerate(words) if word in ("or", "nor")]
    return len(words) if not joins else len(words) - joins[-1]


_CHANGE = rxcache.compile(
    r"\b(?:new|worsening|worsened|progressive|progression|advancing|changed|unchanged|stable)\b", re.I
)
"""Words of change: a finding said to be new, worse, unchanged or stable ("symptoms have not
changed ..., his radicular findings are stable") is there, not absent (round 44's reader)."""
_CHANGE_AFTER = rxcache.compile(
    r"\s+(?:(?:described|documented|reported|noted|characteri[sz]ed)\s+as\s+|(?:getting|becoming)\s+)"
    r"(?:progressive|progressing|worsening|worse)\b",
    re.I,
)
"""Just after a finding's absence, a change: what is absent is the worsening ("not described as progressive")."""
_PICTURE_NAMES = r"MRI|CT|imaging|x-?rays?|scans?|radiographs?"
"""Pictures of the body by name (a regex alternation); with the lexicon's :data:`NERVE_TESTS`, the tests a hurt nerve's
finding is confirmed by."""
_STUDY_NAMES = rf"{_PICTURE_NAMES}|{NERVE_TESTS}"
_STUDIES = rxcache.compile(rf"\b(?:{_STUDY_NAMES}|studies|study|corroborat\w*|ultrasound)\b", re.I)


_NOT_LAST = rxcache.compile(r"\b(?:not|never)\s*$", re.I)
_CONFIRMED = rxcache.compile(r"\s+(?:(?:yet|been|be|fully)\s+){0,2}(?:corroborat|confirm|substantiat|verifi)\w*", re.I)


def _study_found(letter: str, said: Quote, start: int) -> bool:
    """Whether the clause that says a hurt nerve's finding absent has a picture or a nerve test for its subject ("the
    electrodiagnostic study of 7-11-16 found no evidence of lumbar radiculopathy", after "the examination describes
    decreased sensation ... and a positive straight leg raise"): the test's finding, not the exam's (round 196's reader
    was told "did not show clear signs of a hurt nerve" where the exam had shown them). ``start``: the sentence's."""
    if said.span is None:
        return False
    breaks = list(_CLAUSE_BREAK.finditer(letter, start, said.span.start))
    clause = breaks[-1].end() if breaks else start
    return _STUDY_SAYS.search(letter, clause, said.span.start) is not None


_STUDIES_NOT_DONE = rxcache.compile(
    rf"\bno\s+(?:[\w-]+\s+){{0,2}}?(?:{_STUDY_NAMES})\b[^.;]{{0,60}}?\b(?:has|have|had|was|were)\s+(?:yet\s+)?(?:been\s+)?"
    r"(?:performed|done|obtained|completed)\b"
    rf"|\b(?:{_STUDY_NAMES})\b[^.;]{{0,60}}?\b(?:has|have|had)\s+(?:not|never)\s+(?:yet\s+)?been\s+"
    r"(?:performed|done|obtained|completed)\b",
    re.I,
)
"""No picture or nerve test done at all ("No lumbar MRI or electrodiagnostic testing had been performed")."""
_PICTURE = rxcache.compile(rf"\b(?:{_PICTURE_NAMES})\b", re.I)


def _none_done(letter: str, start: int, end: int) -> bool:
    """Whether the sentence says neither a picture nor a nerve test was done, and none it names showed anything: "No
    lumbar MRI or electrodiagnostic testing had been performed", not "The lumbar MRI shows a small disc bulge ... and
    no electrodiagnostic studies were done" (a picture taken)."""
    m = _STUDIES_NOT_DONE.search(letter, start, end)
    if m is None or _STUDY_SAYS.search(letter, start, end) is not None:
        return False
    return _PICTURE.search(m.group()) is not None and _NERVE_TEST.search(m.group()) is not None


_NOT_DONE_YET = rxcache.compile(
    rf"\b(?:{_STUDY_NAMES})\b[^.;]{{0,40}}?\b(?:not|never)\s+(?:yet\s+)?(?:been\s+)?(?:performed|done|obtained|completed)\b"
    rf"|\b(?:no|without)\s+(?:[\w-]+\s+){{0,2}}?(?:{_STUDY_NAMES})(?:\s+(?:studies|study|testing|tests?))?\b",
    re.I,
)
"""A picture or nerve test said not done ("the lumbar MRI has not been performed", "has been ordered and not yet done",
"there are no electrodiagnostic studies")."""


def _studies_not_done(decision: Decision, letter: str, places: list[tuple[int, int]]) -> Quote | None:
    """The findings reason that says the picture or nerve test a hurt nerve's signs must be confirmed by was not done,
    for care that treats a hurt nerve the rationale names ("examination findings consistent with a left L5
    radiculopathy. However, the lumbar MRI has not been performed and there are no electrodiagnostic studies": rounds
    232 and 244's readers were told "did not show the signs the medical guidelines look for", where the exam had
    shown them). Not where a picture or test it names showed something, nor for a picture or a test asked for."""
    rationale = decision.spans.rationale
    if rationale is None or _STUDIES.search(decision.service) is not None or _EVALUATION_WORD.search(decision.service):
        return None  # a consultation treats nothing (round 36's spine consult: its ground, a normal nerve exam)
    for start, end in places:
        said = _NOT_DONE_YET.search(letter, start, end)
        if said is None or not _PICTURE.search(said.group()) or _STUDY_SAYS.search(letter, start, end) is not None:
            continue  # a picture not taken: a nerve test alone is "nerve_test"'s
        if _radicular_signs(letter, [(_case_before(letter, rationale, start), end)]) is not None:
            return quote(letter, start, end)
    return None


def _case_before(letter: str, rationale: Span, start: int, sentences: int = 2) -> int:
    """Where the case's words before ``start`` begin: up to ``sentences`` sentences back, stopping at one that names a
    guideline. The exam's signs of a hurt nerve root are often said a sentence or two before the picture not taken
    (round 237's "findings consistent with a right S1 radiculopathy. However, no MRI ... Without imaging, ..."); a
    guideline's "failure ... to resolve disabling radicular symptoms" is not this worker's (round 91's spine
    surgeon)."""
    at = start
    for _ in range(sentences):
        back = max(rationale.start, letter.rfind(". ", rationale.start, max(rationale.start, at - 2)) + 2)
        if back >= at or _GUIDELINE_NAMED.search(letter, back, at) is not None:
            break
        at = back
    return at


_STUDY_SAYS = rxcache.compile(
    rf"\b(?:{_STUDY_NAMES}|study|studies)\b"
    r"(?:(?!\b(?:guidelines?|MTUS|ODG|ACOEM)\b)[^.;]){0,60}?"
    r"\b(?:showed|shows?|found|finds|revealed|reveals?|demonstrated|demonstrates?|documented)\b",
    re.I,
)


def _unconfirmed(letter: str, said: Quote, end: int) -> bool:
    """Whether a finding said absent is one the exam showed and a picture or nerve test has not
    confirmed: "the radiculopathy seen on examination has not been corroborated: the cervical MRI
    showed ... and the electrodiagnostic study ... has not yet been performed" (round 53's reader:
    told "did not show clear signs of a hurt nerve" where the exam had shown them)."""
    if said.span is None or _NOT_LAST.search(said.text) is None:
        return False  # "in the absence of findings of radiculopathy corroborated by imaging": the exam's too
    if (m := _CONFIRMED.match(letter, said.span.end)) is None:
        return False
    return _STUDIES.search(letter, m.end(), end) is not None


_ONLY_SOME = rxcache.compile(r"\s*only\s+(?:\d+|a\s+few|one|two|three|four|five|six|seven|eight|nine|ten|some)\b", re.I)


def only_some(words: Quote) -> bool:
    """The care's words say it was had only in part ("only 8 sessions of physical therapy", "only two visits"): tried,
    too little (round 141's reader: told "did not show that you tried physical therapy first")."""
    return _ONLY_SOME.match(words.text) is not None


_UNFINISHED = rxcache.compile(_BEFORE_ABSENT.pattern + r"|\bonly\b", re.I)
"""For visits and shots, "only" too: "attended only 2 of the physical therapy visits" is a course
not finished; for medicines it is not ("has used only an NSAID" tried one)."""
_USE = rxcache.compile(
    # "have not been tried since she stopped ibuprofen" (round 279's reader: a tramadol told "did not show that you
    # tried medicines that bring down swelling first")
    r"\b(?:limited\s+to|lists?|listed|used|uses|using|takes?|taking|taken|received|receiving|prescribed|stopped"
    r"|discontinued)\b",
    re.I,
)


def _used(pattern: re.Pattern[str], letter: str, span: Span) -> bool:
    """Whether ``span`` says the worker has had care of this kind: a word of use is the last
    cue before some match in its clause ("has used only an NSAID", "takes duloxetine, but
    ... no trial of an anticonvulsant" for nerve-pain medicines), not a word of absence."""
    for m in pattern.finditer(letter, span.start, span.end):
        before = letter[span.start : m.start()]
        breaks = list(_CLAUSE_BREAK.finditer(before))
        clause_start = span.start + (breaks[-1].end() if breaks else 0)
        uses = list(_USE.finditer(letter, clause_start, m.start()))
        absent = list(_BEFORE_ABSENT.finditer(letter, clause_start, m.start()))
        if uses and (not absent or absent[-1].start() < uses[-1].start()):
            return True
    return False


def findings(decision: Decision, reasons: list[Reason], letter: str | None, most: int) -> list[Missing]:
    """Which findings the reviewer did not see: from the words of the item's findings reasons,
    then from the rationale's other sentences that say something was lacking (not the
    guidelines'), in the order the letter gives them ("The examination did not reveal any
    neurological deficits. There are no red flag conditions noted." leads with the nerves)."""
    places = [(r.span.start, r.span.end) for r in reasons if r.code is ReasonCode.findings_do_not_support]
    if letter is None or not places:
        return []
    found: dict[str, Missing] = {}
    reason_places = set(places)
    # a facet procedure is for pain that is not a nerve root's: no hurt nerve counts for it, never against it (round
    # 93's reader: "absence of radicular findings" in the guideline's terms, and radicular findings that ruled the
    # blocks out, were both told "did not show clear signs of a hurt nerve")
    facet = _FACET_CARE.search(decision.service) is not None
    nerve_test = _NERVE_TEST.search(decision.service) is not None
    studies: str | None = None  # the kinds of test the rationale says were done, read once (one pass over it)
    low = _low(letter)
    aligned = len(low) == len(letter)
    for start, end in _then_lacking(places, letter, decision.spans.rationale):
        if _ANOTHER_CONDITION.search(letter, start, end):
            continue  # "axial pain, not the neuropathic pain the patch is for": no nerve pain absent (round 65)
        named = {_ANCHOR_KEY[m.group()] for m in _ANCHORS.finditer(low, start, end)} if aligned else None
        for key, pattern in _FINDINGS:
            if named is not None and key not in named:
                continue  # one pass over the sentence for every finding's words: most name few findings
            said = _absent(pattern, letter, Span(start=start, end=end))
            if said is None or (
                key != "change"
                and (
                    _CHANGE.search(said.text)
                    or (said.span is not None and _CHANGE_AFTER.match(letter, said.span.end, end) is not None)
                )
            ):
                # "no new neurological deficit": a finding unchanged, not one absent; nor "The neurologic deficits were
                # mild and were not described as progressive" (round 239's reader: a spine surgeon's consult told "did
                # not show clear signs of a hurt nerve" of an S1 radiculopathy the MRI confirmed)
                continue
            if (start, end) not in reason_places and _distance(said.text) > _NEAR_WORDS:
                continue  # outside the reasons, only "did not reveal any neurological deficits", close up
            if key == "indication" and not _names_a_medicine(decision.service):
                key = "indication_care"  # an H-wave unit's list of illnesses: not "for this medicine" (round 199)
            if key == "nerve_pain" and ("indication" in found or "indication_care" in found):
                continue  # "diabetic painful neuropathy, postherpetic neuralgia, or fibromyalgia": the list said
            if facet and key in ("nerve", "nerve_root"):
                continue
            if key in ("nerve", "nerve_root") and (
                _STUDIES.search(said.text) or _unconfirmed(letter, said, end) or _study_found(letter, said, start)
            ):
                # "no MRI or electrodiagnostic studies supporting radiculopathy": the tests', by the kinds named
                studies = studies or _studies_named(decision, letter)
                key = studies
                if _none_done(letter, start, end):
                    key = "nerve_study_none"  # "No lumbar MRI or electrodiagnostic testing had been performed"
                if nerve_test:
                    # a nerve test asked for treats nothing: "no reason for needle EMG, which looks for radiculopathy"
                    # (round 263's reader: an EMG told "did not clearly show a hurt nerve that this care would treat")
                    key = "nerve_test"
            elif key == "nerve_root" and (part := _spine_part(decision, letter)) is not None:
                key = f"nerve_root_{part}"  # not "in your neck or back" where only one is in question (round 138)
            if key == "nerve" and _HEAD.search(decision.service):
                key = "brain"  # "no neurologic deficit" for a brain MRI: not "a hurt nerve" (round 187's reader)
            elif key in _HURT_NERVE_KEYS and nerve_test:
                key = "nerve_test"  # an EMG for a wrist's plain nerve trouble: its signs were shown (round 220)
            if key == "surgery":
                if not _STUDIES.search(decision.service):
                    continue  # an operation weighed matters to a picture or a test, not to care
                key = _surgery_key(said.text)
            found.setdefault(key, Missing(key=key, words=said))
    if facet and not found and (radicular := _radicular_signs(letter, places)) is not None:
        found["facet_nerve_root"] = Missing(key="facet_nerve_root", words=radicular)
    elif not found and not nerve_test and (unseen := _studies_not_done(decision, letter, places)) is not None:
        found["nerve_study_none"] = Missing(key="nerve_study_none", words=unseen)
    # Warning signs last: reviewers name them beside the finding a decision rests on (a normal
    # nerve exam, no instability), rarely as that finding; two worker-view readers asked for it.
    if all(key in _SURGERY_KEYS for key in found):
        return []  # said beside another finding, never for one: the stock sentence and the reviewer's words
    if "nerve" in found:
        for key in ("nerve_root", "nerve_root_neck", "nerve_root_back"):
            found.pop(key, None)  # no hurt nerve anywhere says the spine's too: one sentence, not two
    return sorted(found.values(), key=lambda m: (m.key in _BESIDE, (m.words.span or _NOWHERE).start))[:most]


def _studies_named(decision: Decision, letter: str) -> str:
    """The kind of test a hurt nerve's finding is said absent from, by the kinds the rationale says were done: pictures
    and nerve tests, or only one kind (round 270's readers: "Your pictures and nerve tests did not clearly show a hurt
    nerve" where only an MRI was done). A kind named in the guideline's criterion ("corroborated by imaging or
    electrodiagnostic studies") or said not done ("No electrodiagnostic testing was on file") was not done."""
    span = decision.spans.rationale
    pictures = tests = False
    for a, b in _sentences(letter, span.start, span.end) if span is not None else ():
        said = letter[a:b]
        if reports_guideline_only(said):
            continue
        said = _NOT_DONE_OR_EITHER.sub(" ", said)
        pictures = pictures or _PICTURE.search(said) is not None
        tests = tests or _NERVE_TEST.search(said) is not None
    if pictures == tests:
        return "nerve_study"
    return "nerve_study_pictures" if pictures else "nerve_study_tests"


_NOT_DONE_OR_EITHER = rxcache.compile(
    rf"\b(?:{_STUDY_NAMES})\b(?:\s+(?:stud(?:y|ies)|scans?|test(?:s|ing)?))?,?\s+(?:and/or|or)\s+(?:[\w-]+\s+){{0,2}}?"
    rf"(?:{_STUDY_NAMES})\b"
    rf"|\bno\s+(?:[\w-]+\s+){{0,3}}?(?:{_STUDY_NAMES})\b(?:,?\s+(?:and/or|or|nor)\s+(?:[\w-]+\s+){{0,2}}?(?:{_STUDY_NAMES})\b)?"
    rf"|\b(?:{_STUDY_NAMES})\b[^.;]{{0,60}}?\b(?:has|have|had|was|were)\s+(?:not|never)\s+(?:yet\s+)?(?:been\s+)?"
    r"(?:performed|done|obtained|completed|ordered|on\s+file|available|provided|submitted)\b",
    re.I,
)
"""Tests named as the guideline's either-or ("imaging studies and/or electrodiagnostic testing"), or as not done ("no
recent MRI or electrodiagnostic studies", "the MRI has not been performed"): none of them was done."""


_HURT_NERVE_KEYS = frozenset({"nerve", "nerve_root", "nerve_root_neck", "nerve_root_back"})
"""Findings that say no hurt nerve was shown (not a picture's or a test's, nor nerve pain)."""
_HEAD = rxcache.compile(rf"\b(?:{_HEAD_WORDS})\b", re.I)
"""Care asked for the brain or head: a neurologic deficit there is the brain's, not a nerve's."""


def _spine_part(decision: Decision, letter: str) -> str | None:
    """The one part of the spine ("neck" or "back") an item's pinched nerve is in question for, by the care asked
    ("EMG/NCV of the bilateral upper extremities", "Lumbar epidural injection"), else by its rationale when that names
    only one (round 138's reader: an EMG for the arm was told "a hurt nerve in your neck or back")."""
    for text in (decision.service, _rationale_text(decision, letter)):
        neck = any(p.search(text) for p in _NECK)
        back = any(p.search(text) for p in _BACK_PARTS)
        if neck != back:
            return "neck" if neck else "back"
    return None


def _rationale_text(decision: Decision, letter: str) -> str:
    rationale = decision.spans.rationale
    return letter[rationale.start : rationale.end] if rationale is not None else ""


_NECK = (_REGIONS[1], _REGIONS[10])
"""The neck and the arms, whose nerves leave the spine in the neck."""
_BACK_PARTS = (_REGIONS[0], _REGIONS[2], _REGIONS[11])
"""The low and mid back and the legs, whose nerves leave the spine in the back."""

_ANOTHER_CONDITION = rxcache.compile(ANOTHER_CONDITION, re.I)
_FACET_CARE = rxcache.compile(FACET_CARE, re.I)
_RADICULAR = rxcache.compile(RADICULAR, re.I)
_NOT_RADICULAR = rxcache.compile(NOT_BEFORE_RADICULAR, re.I)
_NOT_AFTER_RADICULAR = rxcache.compile(NOT_AFTER_RADICULAR, re.I)


def _radicular_signs(letter: str, places: list[tuple[int, int]]) -> Quote | None:
    """The first findings reason that names a nerve root's signs as present ("These are radicular findings", "a
    positive Spurling's maneuver ... sensory loss in the C6 distribution"), not absent ("non-radicular", "without
    radicular signs"): the ground against a facet procedure."""
    for start, end in places:
        for m in _RADICULAR.finditer(letter, start, end):
            if _NOT_RADICULAR.search(letter, max(start, m.start() - 40), m.start()) is not None:
                continue
            if _NOT_AFTER_RADICULAR.match(letter, m.end(), end) is not None:
                continue  # "radiculopathy has not been shown" (round 136's reader: told the reviewer found the signs)
            return quote(letter, start, end)
    return None


_SURGERY_KEYS = frozenset({"surgery", "surgery_planned"})
_BESIDE = _SURGERY_KEYS | {"red_flags"}
"""Findings reviewers name beside the one a decision rests on: said after it."""


_CARE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("therapy", rxcache.compile(r"\bphysical\s+therapy\b|\bPT\b|\bphysiotherapy\b")),
    # the first step reviewers name before a carpal tunnel release or for heel pain ("She has not yet used a neutral
    # position night splint or received a carpal tunnel injection": rounds 234, 241 and 243's readers were told only
    # of shots)
    ("splint", rxcache.compile(r"\bsplint(?:s|ing)?\b", re.I)),
    # "no carpal tunnel corticosteroid injection had been tried" (round 164's reader: "shots" misled a worker who had
    # had a pain shot, where the reviewer meant a steroid shot into the wrist)
    (
        "steroid_shots",
        rxcache.compile(r"\b(?:cortico)?steroid\s+injections?\b|\bcortisone\s+(?:injections?|shots?)\b", re.I),
    ),
    ("shots", rxcache.compile(r"\binjections?\b", re.I)),
    ("swelling_pills", rxcache.compile(CARE_KINDS["NSAID"] + r"|\bnonsteroidal\b", re.I)),
    # before the nerve-pain and mood medicines it names as examples ("any oral preventive agent such as
    # amitriptyline, topiramate or propranolol": round 49's reader, told "medicines for nerve pain")
    (
        "headache_pills",
        rxcache.compile(
            r"\b(?:oral\s+)?(?:preventive|preventative|prophylactic)\s+(?:agents?|medications?|medicines?|drugs?|therapy)\b"
            r"|\b(?:migraine|headache)\s+(?:prevent\w+|prophyla\w+)",
            re.I,
        ),
    ),
    (
        "nerve_pills",
        rxcache.compile(
            MEDICINE_KINDS["nerve pain medicine"]
            + r"|\b(?:medications?|medicines?|agents?|drugs?)\s+for\s+(?:neuropathic|nerve)\s+pain\b",
            re.I,
        ),
    ),
    ("mood_pills", rxcache.compile(r"\bantidepressants?\b|" + MEDICINE_KINDS["mood medicine"], re.I)),
    ("talk", rxcache.compile(r"\bcounsel+ing\b|\bpsychotherap\w*|\bcognitive\s+behavio\w+\s+therapy\b|\bCBT\b", re.I)),
    ("relaxers", rxcache.compile(CARE_KINDS["muscle relaxant"] + r"|\bmuscle\s+relax\w*", re.I)),
    ("oral", rxcache.compile(r"\boral\s+(?:medications?|medicines?|analgesics?)\b", re.I)),
    ("exercise", rxcache.compile(r"\bhome\s+exercises?\b|\bexercise\s+program\b", re.I)),
    # the device a guideline asks to try before another ("There has been no TENS trial" for an H-wave device)
    ("tens", rxcache.compile(r"\bTENS\b|\btranscutaneous\s+electrical\s+nerve\s+stimulation\b", re.I)),
)
"""Kinds of care a "try other care first" ground names, each said in our own plain words."""
_MEDICINES = frozenset({"swelling_pills", "headache_pills", "nerve_pills", "mood_pills", "relaxers", "oral"})
_NOT_COUNTED = _MEDICINES | {"exercise"}
"""Care that "only" does not leave unfinished: "has used only an NSAID" tried one, and "not in a formal
strengthening program, only a home exercise sheet" has the home exercise (round 59's reader: told "did not
show that you tried working out at home first"); "attended only 2 therapy visits" is a course not finished."""
_EXAMPLES_OF = {
    "headache_pills": frozenset({"nerve_pills", "mood_pills"}),
    "nerve_pills": frozenset({"oral"}),
    "steroid_shots": frozenset({"shots"}),
}
"""Kinds not said beside another kind found: its examples, or a broader word for the same medicines ("first-line
oral medications for neuropathic pain" are medicines for nerve pain, not any pill: round 157's reader)."""
_FOR_MOOD = frozenset({"mood_pills", "talk"})
"""Care named only under a ground about the mood ("dietary counseling" before a weight-loss
program is not talking with a counselor)."""
_MOOD = rxcache.compile(r"\banxi\w*|\bdepress(?:ion|ive)\b|\bpanic\b|\bmood\b|\bpsychiatr\w*|\binsomnia\b", re.I)
"""A ground about worry, sadness or sleep: an antidepressant it names is one for the mood, not
for nerve pain (round 38's reader found an anxiety medicine told to try "medicines for nerve pain")."""
_FOR_WORRY = rxcache.compile(EVERY_MEDICINE_KIND["benzodiazepine"] + "|" + MEDICINE_KINDS["mood medicine"], re.I)
"""A medicine for worry or the mood asked for: the antidepressant its ground names is the mood's first choice."""
_MOOD_ONLY = rxcache.compile(MEDICINE_KINDS["mood medicine"], re.I)
"""A medicine only for the mood (an SSRI, sertraline): a sentence naming it is about the mood, so an antidepressant
beside it is one for the mood too (round 94's reader: "never been given an SSRI or an SNRI" before quetiapine, for
PTSD, was told "did not show that you tried medicines for nerve pain first")."""
_DOSE = rxcache.compile(rf"(?<!\w)(?:{DOSE})(?!\w)|\d\s*%|\bmedications?\b", re.I)


_MEDICINE_CLASSES: tuple[re.Pattern[str], ...] = tuple(rxcache.compile(words, re.I) for words in _MEDICINE_KINDS)
"""Each kind of medicine a letter names (:data:`_MEDICINE_KINDS`), compiled."""


def of_another_medicine(decision: Decision, reason: Reason, letter: str | None) -> bool:
    """The reason's words are about a medicine of another kind than the one asked for ("using NSAIDs for
    several months without mention of functional improvement", under a request for pantoprazole that
    goes with them): told as "this medicine did not help you", it would be false (round 48's reader of
    the real letters)."""
    if letter is None or reason.span is None:
        return False
    said = letter[reason.span.start : reason.span.end]
    return any(kind.search(said) and not kind.search(decision.service) for kind in _MEDICINE_CLASSES)


def _names_a_medicine(service: str) -> bool:
    """The care asked for names a medicine: a kind the lexicon knows or a dose (round 156's reader)."""
    return _DOSE.search(service) is not None or any(kind.search(service) for kind in _MEDICINE_CLASSES)


def is_medicine(service: str, abbreviations: Sequence[Abbreviation]) -> bool:
    """The care asked for is a medicine: a kind the lexicon knows (one of the service's
    ``abbreviations`` is a medicine's), or a dose ("Fanatrex 25mg/ml"). Its benefit is said as
    "this medicine", not "past care"."""
    return any(a.medicine for a in abbreviations) or _DOSE.search(service) is not None


_ON_THE_SKIN_NOT = rxcache.compile(
    r"\btopical\s+(?P<a>[a-z]+)\s+(?:is|are)\s+(?:also\s+)?not\s+(?:recommended|indicated|supported)\b"
    r"|\b(?P<e>[a-z]+)\s+(?:is|are|would)\s+not\s+(?:be\s+)?(?:indicated|recommended|supported)\s+for\s+topical\s+use\b"
    r"|\b(?P<b>[a-z]+)\s+(?:is|are)\s+(?:also\s+|specifically\s+)?(?:listed\s+as\s+)?not\s+recommended\s+"
    r"(?:for\s+topical|as\s+a\s+topical|in\s+(?:a\s+)?topical|topically)\b"
    r"|\b(?P<c>[a-z]+)\s*:\s*not\s+recommended\b"
    r"|\bno\s+(?:peer-reviewed\s+literature|evidence)\s+(?:to\s+support|for)\s+(?:the\s+)?(?:use\s+of\s+)?(?:topical\s+)?"
    r"(?P<d>[a-z]+)\s+(?:as\s+a\s+topical|topically|in\s+(?:a\s+)?topical)\b"
    # "the guidelines find no evidence for topical baclofen" (round 275's reader: the cream was told of its
    # flurbiprofen, which the reviewer named only as not FDA approved for the skin, after)
    r"|\bno\s+(?:peer-reviewed\s+literature|evidence)\s+(?:to\s+support|for)\s+(?:the\s+)?(?:use\s+of\s+)?topical\s+"
    r"(?P<g>[a-z]+)\b"
    # round 53: "Ketoprofen is not currently FDA approved for a topical application", "contains cyclobenzaprine
    # and a cream form of lidocaine, neither of which is recommended". Not "topical lidocaine is recommended
    # only in the form of the Lidoderm patch": lidocaine does go on the skin, as a patch (a check of the
    # changed items: "do not call for putting lidocaine on the skin" was false).
    r"|\b(?P<f>[a-z]+)\s+(?:is|are)\s+not\s+(?:currently\s+)?FDA[-\s]\s*approved\s+for\s+(?:a\s+)?topical\b"
    r"|\bcontains?\s+(?:both\s+)?(?P<h>[a-z]+)\b[^.;]{0,60}?\b(?:neither|none)\s+of\s+which\s+(?:is|are)\s+recommended\b",
    re.I,
)
"""A drug the guidelines do not recommend on the skin ("Topical baclofen is not recommended",
"Gabapentin: Not recommended"): a mix of medicines that holds it is not recommended either."""
_COMPOUND_RULE = rxcache.compile(r"\bat\s+least\s+one\s+drug\b|\bcompound\w*\b|\btopical\b", re.I)


def on_the_skin_not(decision: Decision, letter: str | None) -> Quote | None:
    """The drug of this mix of medicines ("Flurbiprofen 20%/Baclofen 2%/Lidocaine 5% cream") that the
    reviewer says is not recommended on the skin, quoted where the rationale says so: the reason
    the whole mix is refused (round 49's reader: "The medical guidelines do not call for this care"
    told nothing of why a cream was refused)."""
    rationale = decision.spans.rationale
    if letter is None or rationale is None or not _COMPOUND_RULE.search(letter, rationale.start, rationale.end):
        return None
    service = decision.service.lower()
    for m in _ON_THE_SKIN_NOT.finditer(letter, rationale.start, rationale.end):
        group = next(g for g in "abcdefgh" if m.group(g))
        drug = m.group(group)
        if len(drug) > 3 and re.search(rf"\b{re.escape(drug.lower())}\b", service):
            return quote(letter, m.start(group), m.end(group))
    return None


_ONLY_MIXED = rxcache.compile(
    r"\s+(?:is|are)\s+(?:also\s+|specifically\s+)?not\s+recommended\s+(?:for|in|as)\s+(?:an?\s+)?(?:topical\s+)?"
    r"(?:compound\w*|mix\w*)",
    re.I,
)


def refused_only_mixed(letter: str | None, drug: Quote) -> bool:
    """The drug :func:`on_the_skin_not` found is refused only in a compound ("lidocaine is not recommended for topical
    compound formulation purposes"), not on the skin in every form (a lidocaine patch may be recommended)."""
    return letter is not None and drug.span is not None and _ONLY_MIXED.match(letter, drug.span.end) is not None


_DEVICE_KIND_WORDS = r"TENS|H-wave|interferential"
"""The kinds of home stimulator device (a regex alternation)."""
_HELD_KIND_WORDS = rf"{_DEVICE_KIND_WORDS}|NMES|inhaler|nebulizer"
"""Devices of one job told apart by kind (a regex alternation): a held one of another kind is like the one asked for."""
_HELD_NAMED = rxcache.compile(
    rf"\balready\s+(?:owns?|has|uses|wears)\s+(?:a|an|the|her|his|their)\s+(?P<thing>{_HELD_KIND_WORDS})\b"
    rf"|\b(?:the|her|his|their)\s+(?P<thing2>{_HELD_KIND_WORDS})\s+(?:she|he|they)\s+already\s+(?:owns?|has|uses|wears)\b",
    re.I,
)
"""A device the worker already has, named by its kind ("already owns a TENS unit", "the inhaler she already uses")."""
_HELD_KINDS = rxcache.compile(rf"\b(?:{_HELD_KIND_WORDS})\b", re.I)


def _another_thing(named: str, service: str) -> bool:
    """The device held is of another kind than the one asked for, which the heading names by its kind."""
    asked = {m.group().lower() for m in _HELD_KINDS.finditer(service)}
    return bool(asked) and named.lower() not in asked


_DEVICE_WORDS = rf"unit|device|stimulator|{_DEVICE_KIND_WORDS}"
_DEVICE = rxcache.compile(rf"\b(?:{_DEVICE_WORDS})\b", re.I)
"""A device bought or rented for home use: the guidelines ask for a home trial of it before a purchase."""
_OWN_TRIAL = rxcache.compile(
    # "A request to purchase a unit without a documented trial" (round 187's reader: a TENS purchase told "other care
    # must be tried first")
    # "Purchase of a unit before a documented successful trial is not supported" (round 196's reader, the same)
    r"\b(?:purchase|buy)\s+(?:of\s+)?(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:unit|device)\s+(?:without|before|prior\s+to)\s+"
    r"(?:a\s+|any\s+)?(?:(?:documented|prior|successful)\s+){0,2}trial\b|"
    r"\b(?:home(?:-based)?|rental|\d+(?:[-\s]\s*)?(?:day|month)|one[-\s]\s*month|thirty[-\s]\s*day)\s+(?:[\w-]+\s+){0,2}?trial\b"
    rf"(?!\s+(?:of|with)\s+(?!the\s+same\b|it\b|(?:(?:an?|the)\s+)?(?:[\w-]+\s+){{0,2}}?(?:{_DEVICE_WORDS})\b))"
    r"|\btrial\s+(?:of|with)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:unit|device)\b"
    rf"|\b(?:{_DEVICE_KIND_WORDS})\s+(?:unit\s+)?trial\b"
    # "has ever tried a TENS unit" (templates 145, round 81's reader: told "other care was tried first")
    rf"|\b(?:tried|used)\s+(?:an?|the|this|such\s+an?)\s+(?:[\w-]+\s+){{0,2}}?(?:{_DEVICE_WORDS})\b",
    re.I,
)
"""A trial of the device itself ("a one-month home trial of a TENS unit", "no trial of the device", "a 30-day
home trial with TENS/E-stim", "has never tried a TENS unit"), not of other care ("a one month trial of
gabapentin")."""


_COURSE_KINDS = ("physical medicine", "chiropractic", "massage", "acupuncture", "aquatic therapy", "psychotherapy")
_COURSE = rxcache.compile(
    "|".join(
        (
            rf"\b(?:{_COUNT_UNITS}|{_TIME_UNITS}|hours?)\b|\btimes?\s+(?:a|per)\s+week\b|\bx\s*\d",
            *(CARE_KINDS[kind] for kind in _COURSE_KINDS),
        )
    ),
    re.I,
)
"""A course of care counted in visits, sessions, hours or weeks: what was approved first is a part
of it. Anything else (a medicine's dose, a nerve burning, a device bought) had a first step before it
(a lower dose, diagnostic blocks, a rental)."""


def course_of_care(service: str) -> bool:
    """The care asked for is counted out (see :data:`_COURSE`)."""
    return _COURSE.search(service) is not None


def test_awaited(service: str, reasons: Sequence[Reason], letter: str | None) -> Quote | None:
    """The words of a pending part (``approved_trial_pending``) that name a test approved whose results are awaited,
    where the item itself is no test ("an MRI of the right shoulder has been certified in this review ..., and the
    results are not yet available" before a shoulder injection): this care waits on a test, not on a first part of it
    (round 155's reader was told "A first part of this care was approved" where none of the injection was)."""
    if letter is None or _TEST.search(service):
        return None
    for reason in reasons:
        start, end = reason.span.start, reason.span.end
        if reason.code is not ReasonCode.approved_trial_pending or _TEST.search(letter, start, end) is None:
            continue
        if _PART_LEFT.search(letter, start, end) is None:
            return quote(letter, start, end)
    return None


_REST_OF_CARE = r"more|further|additional|remaining|beyond"
"""Words that name more of the care than a first part (a regex alternation), for :data:`_PART_LEFT` and
:data:`_MORE_OF_IT`."""
_PART_LEFT = rxcache.compile(rf"\b(?:{_REST_OF_CARE}|rest\s+of)\b", re.I)
"""A pending part's words that name the rest of this care ("Whether the remaining 80 hours are needed depends on the
gains he makes in the first two weeks, which should be ... compared with his baseline testing"): a first part of
it is awaited, whatever test the sentence names."""


def evaluation_awaited(service: str, reasons: Sequence[Reason], letter: str | None) -> bool:
    """A pending part (``approved_trial_pending``) that names an evaluation approved, where the item is not one: the
    step before this care, not a first part of it (round 158's readers' set: a functional restoration program waiting
    on "the evaluation for a functional restoration program [that] has been found medically necessary above" was told
    "A first part of this care was approved. How that part helps you will show if you need more")."""
    if letter is None or _EVALUATION_WORD.search(service):
        return False
    return any(
        reason.code is ReasonCode.approved_trial_pending
        and _EVALUATION.search(letter, reason.span.start, reason.span.end) is not None
        for reason in reasons
    )


_EVALUATIONS = r"(?:evaluation|assessment|consultation|screening)s?"
_EVALUATION_WORD = rxcache.compile(rf"\b{_EVALUATIONS}\b", re.I)
_EVALUATION = rxcache.compile(rf"\b(?:the|an?|initial|that|this)\s+(?:[\w-]+\s+){{0,4}}?{_EVALUATIONS}\b", re.I)
"""An evaluation named as a thing ("the evaluation for a functional restoration program", "the initial consultation"),
not a re-assessment of the care under way ("contingent upon re-assessment findings") nor "her evaluation" had."""
_TEST = rxcache.compile(rf"\b{IMAGING}\b|\btesting\b", re.I)


def whole_care_pending(reasons: Sequence[Reason], letter: str | None) -> bool:
    """The care as a whole waits on how other, approved care goes ("Whether viscosupplementation will be
    needed depends on how she responds to it", the steroid shot approved above): no part of this care was
    approved, unlike "Whether she needs the other 4 will depend on how she does in those first sessions"
    (round 57's reader was told "A first part of this care was approved" for hyaluronic acid injections)."""
    if letter is None:
        return False
    for reason in reasons:
        if reason.code is not ReasonCode.approved_trial_pending:
            continue
        for pattern in (_WHETHER_WHOLE, _RECONSIDERED_WHOLE):
            m = pattern.search(letter, reason.span.start, reason.span.end)
            if m is not None and not _MORE_OF_IT.search(m.group("asked")):
                return True
    return False


_WHETHER_WHOLE = rxcache.compile(WHETHER_DEPENDS, re.I)
_RECONSIDERED_WHOLE = rxcache.compile(
    r"(?P<asked>[^.;]{1,80}?)\b(?:can|could|may|might|will|would)\s+(?:then\s+|only\s+)?be\s+"
    r"(?:re-?considered|re-?visited|re-?assessed|re-?evaluated|re-?requested|re-?submitted)\s+"
    r"(?:\w+\s+)?(?:once|after|when|until)\b",
    re.I,
)
"""The care asked for, put off until other care's results are in ("An injection can be reconsidered once the imaging
results and the response to therapy are known": round 146's reader was told "A first part of this care was approved"
for a shoulder injection of which no part was); "more", "further" and the like name a part (:data:`_MORE_OF_IT`)."""
_MORE_OF_IT = rxcache.compile(rf"\b(?:{_REST_OF_CARE}|other|another|rest|continued|next|extra|second|past)\b|\d", re.I)


def other_care_awaited(service: str, reasons: Sequence[Reason], letter: str | None) -> bool:
    """A pending part (``approved_trial_pending``) that waits on other care approved, named by words this item's name
    does not share ("its place in her treatment is best judged after her response to the authorized CBT sessions is
    known" of hypnotherapy): no part of this care was approved (round 190's reader was told "A first part of this care
    was approved"). "The 6 authorized sessions" of the same therapy names no other care, so it stays a first part."""
    names = _care_names(service)
    if letter is None or not names:
        return False
    for reason in reasons:
        if reason.code is not ReasonCode.approved_trial_pending:
            continue
        for m in _APPROVED_CARE.finditer(letter, reason.span.start, reason.span.end):
            if _other_care(names, m.group("care")):
                return True
        before = _sentence_before(letter, reason.span.start)
        for m in _CARE_CERTIFIED.finditer(letter, before, reason.span.end):
            if _other_care(names, m.group("care")):
                return True
        # "had not yet started the authorized course of cognitive behavioral therapy", the sentence before biofeedback's
        # "before it is known whether she ... benefits from psychotherapy" (round 245's reader)
        for m in _APPROVED_COURSE.finditer(letter, before, reason.span.start):
            if _other_care(names, m.group("care")):
                return True
        # "the shoulder rehabilitation program that was authorized on 09-08-16 had only just begun", of a shoulder
        # injection (round 266's reader: told "A first part of this care was approved")
        for m in _CARE_THEN_APPROVED.finditer(letter, reason.span.start, reason.span.end):
            if _other_care(names, m.group("care")):
                return True
        # "a 6 visit course of physical therapy for the same lumbar strain was certified ...", two sentences before a
        # chiropractic course's "His response to the authorized therapy should be known" (round 280's reader: told "A
        # first part of this care was approved")
        for m in _COURSE_CERTIFIED.finditer(letter, _sentence_before(letter, before), reason.span.start):
            if _other_care(names, m.group("care")):
                return True
    return False


def approved_in_this_review(reasons: Sequence[Reason], letter: str | None) -> bool:
    """A pending part (``approved_trial_pending``) whose sentence, or the one before, names care this review approves
    ("8 further visits have been found medically necessary in this review", "one is certified in this review"): another
    item of the letter, no first part of this one where utilization review approved none (rounds 291-292's readers:
    work hardening beside therapy, and a gel shot beside a steroid shot, told "A first part of this care was
    approved")."""
    if letter is None:
        return False
    return any(
        r.code is ReasonCode.approved_trial_pending
        and _APPROVED_IN_THIS_REVIEW.search(letter, _sentence_before(letter, r.span.start), r.span.end) is not None
        for r in reasons
    )


_APPROVED_IN_THIS_REVIEW = rxcache.compile(
    r"\b(?:certified|approved|authori[sz]ed|overturned|found\s+(?:to\s+be\s+)?(?:medically\s+)?(?:necessary|appropriate))"
    r"\s+(?:above\s+|earlier\s+|separately\s+|as\s+well\s+)?(?:in|by)\s+" + THIS_REVIEW + r"\b",
    re.I,
)
"""Care this review approves (another item of the letter, as the item's own part is never "approved in this review")."""


def _sentence_before(letter: str, start: int) -> int:
    """Where the sentence before the one at ``start`` begins (at most :data:`_NEAR_SENTENCE` characters back)."""
    near = max(0, start - _NEAR_SENTENCE)
    ends = [b.end() for b in _limits().sentence_break.finditer(letter, near, start) if b.end() < start]
    return ends[-1] if ends else near


_NEAR_SENTENCE = 400
"""How far back the sentence before a reason's is looked for (a rationale's sentences are seldom longer)."""


def _care_names(service: str) -> list[str]:
    """The words that name the care asked for, its abbreviations spelled out ("CBT" is cognitive behavioral therapy)."""
    spelled = spelled_out(service)[len(service) :].lower()
    return [*_name_words(service), *(w for w in _WORD.findall(spelled) if w not in _GENERIC)]


def _other_care(names: list[str], words: str) -> bool:
    """Whether ``words`` name care, and care that none of ``names`` (:func:`_care_names`) is: "CBT" is not
    hypnotherapy, "physical therapy" is not chiropractic treatment; "the approved block of" names no care."""
    care = spelled_out(words).lower()
    # a body part names no treatment: "the shoulder rehabilitation program" is other care than a shoulder injection
    named = [
        _FAMILY.get(w, w)
        for w in _WORD.findall(care)
        if len(w) >= 3 and not _NOT_A_NAME.match(w) and w not in BODY_REGION_WORDS
    ]
    names = [_FAMILY.get(n, n) for n in names if n not in BODY_REGION_WORDS]
    return bool(named) and not any(w.startswith(n[:5]) or n.startswith(w[:5]) for w in named for n in names)


_FAMILY = dict.fromkeys(("aquatic", "occupational", "pool", "water", "land", "physiotherapy"), "physical")
"""Kinds of therapy the guidelines count together as physical medicine: an aquatic therapy's limit is held against the
physical therapy had ("already had 12 sessions of physical therapy, more than the guideline number", round 173)."""


_CARE_HEADS = r"sessions?|visits?|therapy|treatments?|course|program|trial"
_CARE_CERTIFIED = rxcache.compile(
    rf"\b(?:{NUMBER})\s+(?:{_CARE_HEADS})\s+of\s+(?P<care>(?:[A-Za-z][\w/-]*\s+){{1,4}}?)"
    r"(?:have|has|had)\s+(?:already\s+|just\s+)?been\s+(?:authori[sz]ed|approved|certified)\b",
    re.I,
)
"""Care counted out and approved, named after its count ("six sessions of cognitive behavioral therapy have been
certified", in the sentence before "a second trauma-processing therapy at the same time, before her response to the
first is known"): round 219's reader was told "A first part of this care was approved" of EMDR, none of which was."""


def approved_step_pending(reasons: Sequence[Reason], letter: str | None) -> bool:
    """An "other care first" ground whose first care is already approved and not yet had ("a spine surgery
    consultation was authorized on 10-03-2016 and has not yet occurred ... An evaluation for a program is premature
    until that consultation is completed"): a first step approved, not care to try (round 279's reader was told "other
    care must be tried first, and found not to work well enough", where the reviewer granted that care had failed)."""
    if letter is None:
        return False
    return any(
        _APPROVED_NOT_YET.search(letter, _sentence_before(letter, r.span.start), r.span.end) is not None
        for r in reasons
        if r.code is ReasonCode.other_treatment_first
    )


_APPROVED_NOT_YET = rxcache.compile(
    r"\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:already\s+)?(?:authori[sz]ed|approved|certified)\b"
    r"[^.;]{0,60}?\b(?:(?:has|have|had)\s+not\s+(?:yet\s+)?(?:occurred|taken\s+place|happened|begun|started"
    r"|been\s+(?:done|completed|performed|held|attended))|(?:is|are)\s+(?:still\s+)?(?:pending|awaited|scheduled)"
    r"|(?:but|and)\s+not\s+(?:yet\s+)?(?:performed|done|completed|begun|started|held|attended))\b",
    re.I,
)
"""Care said to be approved and not yet had ("was authorized on 10-03-2016 and has not yet occurred")."""
_COURSE_CERTIFIED = rxcache.compile(
    r"\b(?:course|trial|program|block|series)\s+of\s+(?P<care>(?:[A-Za-z][\w/-]*\s+){1,3}?)(?:therapy|treatments?"
    r"|sessions?|visits?)\b[^.;]{0,60}?\b(?:was|were|has\s+been|had\s+been|have\s+been)\s+(?:already\s+)?"
    r"(?:authori[sz]ed|approved|certified)\b",
    re.I,
)
"""A course of care named, then said to be approved ("a 6 visit course of physical therapy for the same lumbar strain
was certified"): the words before its head for :func:`other_care_awaited`."""
_APPROVED_LEAD = r"\b(?:the|her|his|their)\s+(?:recently\s+)?(?:authori[sz]ed|approved|certified)\s+"
"""Care named as approved, up to its name ("the authorized", "her recently approved")."""
_APPROVED_CARE = rxcache.compile(
    _APPROVED_LEAD + rf"(?P<care>(?:[A-Za-z][\w/-]*\s+){{1,3}}?)(?:{_CARE_HEADS})\b",
    re.I,
)
"""Care named as approved ("the authorized CBT sessions", "her approved physical therapy"), the words before its
head noun in group ``care`` for :func:`other_care_awaited` to set against the item's name."""
_CARE_THEN_APPROVED = rxcache.compile(
    rf"\b(?:the|her|his|their)\s+(?P<care>(?:(?!(?:the|to|of|an?|his|her|their|response|progress|during|from)\b)"
    rf"[A-Za-z][\w/-]*\s+){{1,3}}?)(?:{_CARE_HEADS}|rehabilitation)\s+"
    r"(?:that|which)\s+(?:was|were|has\s+been|had\s+been|have\s+been)\s+(?:already\s+)?(?:authori[sz]ed|approved"
    r"|certified)\b",
    re.I,
)
"""Care named as approved after its head noun ("the shoulder rehabilitation program that was authorized on 09-08-16"):
the words before the head for :func:`other_care_awaited`."""
_APPROVED_COURSE = rxcache.compile(
    _APPROVED_LEAD + r"(?:course|program|block)\s+of\s+"
    r"(?P<care>(?:[A-Za-z][\w/-]*\s+){1,3}?)(?:therapy|psychotherapy|treatment|counseling)\b",
    re.I,
)
"""A course of other care named as approved ("the authorized course of cognitive behavioral therapy"), for the sentence
before a pending part (:func:`other_care_awaited`)."""
_NOT_A_NAME = rxcache.compile(
    rf"(?:{'|'.join(sorted(_GENERIC))}|{_CARE_HEADS}|of|first|few|prior|previous|block|set|round|series|{NUMBER_WORDS})$|{_MORE_OF_IT.pattern}"
)
"""Words before the head noun that say which part or how much ("the authorized first six", "the approved additional"),
not which care ("the approved block of treatment")."""


_SHORT_USE = rxcache.compile(
    r"\b(?:short[-\s]\s*term|short(?:er)?\s+(?:course|period|window|duration)|brief\s+(?:course|period|use)"
    r"|long(?:[-\s]\s*)?term|chronic(?:ally)?\s+use|prolonged|extended\s+use|duration|since\b|longer|days?|weeks?|months?"
    r"|years?)\b",
    re.I,
)
"""Words that put a medicine's excess in time ("well beyond the short course", "since 10-2016", "a 15-day
supply, longer than the guidelines support"), not in dose."""
_DOSE_EXCESS = rxcache.compile(r"\b(?:MED|MME|morphine\s+equivalent\w*|dose|dosage|dosing|milligrams?|mg)\b", re.I)
"""Words that put a medicine's excess in its dose ("above 120 mg MED"): not told as too long a use."""
_LESS_OFTEN = rxcache.compile(
    r"\b(?:frequen\w*|often|interval|times?\s+(?:a|per|each|in\s+a)\s+(?:calendar\s+)?year|annual\w*)\b", re.I
)
"""Words that say a test is asked for too often ("more frequent than the guidelines support")."""
_LABORATORY = rxcache.compile(r"\blab(?:oratory|s)?\b|\bblood\s+(?:tests?|work|panel)\b|\bpanel\b", re.I)
_FIRST_BLOCK = rxcache.compile(
    r"\b(?:initial|first)\s+(?:trial|course|block|period|round|set)\b|\btrial\b|\bat\s+the\s+outset\b"
    r"|\b(?:all\s+)?at\s+once\b|\bup\s*front\b",
    re.I,
)
"""Words that say a course asked for is more than its first block ("more than the initial trial")."""
_USED_UP = rxcache.compile(
    r"\b(?:already|previously)\s+(?:had|received|completed|attended|undergone|used)\b|\btotal\b|\bcompleted\b", re.I
)
"""Words that say the course was already had: the excess is the care before it, not the first block."""


@dataclass(frozen=True)
class Excess:
    """Which kind of "more than the guidelines allow" an item's ground is, and the words that say it."""

    kind: str
    """A key of the templates' ``excess`` sentences: ``"short_use"``, ``"less_often"``, ``"first_block"``."""
    words: Quote


def excess(decision: Decision, reasons: list[Reason], letter: str | None, medicine: bool) -> Excess | None:
    """The kind of excess an item's "more than the guidelines allow" ground is, when its words say it
    (read where the letter gives no figure for a limit sentence). Round 46's reader: "more care than
    the guidelines call for" was said of a muscle relaxant taken too long, a drug screen repeated too
    soon and a first block of visits asked for whole, three grounds a worker acts on differently."""
    if letter is None:
        return None
    for reason in reasons:
        if reason.code is not ReasonCode.exceeds_guideline_limits or reason.span is None:
            continue
        said = quote(letter, reason.span.start, reason.span.end)
        kind = _excess_kind(decision.service, said.text, medicine)
        if kind is not None:
            return Excess(kind, said)
    return None


def _excess_kind(service: str, said: str, medicine: bool) -> str | None:
    if medicine:
        return "short_use" if _SHORT_USE.search(said) and not _DOSE_EXCESS.search(said) else None
    if any(pattern.search(service) for _, pattern in _TESTS) or _LABORATORY.search(service):
        return "less_often" if _LESS_OFTEN.search(said) else None
    if course_of_care(service) and _FIRST_BLOCK.search(said) and not _USED_UP.search(said):
        return "first_block"
    return None


_NERVE_BURNING = rxcache.compile(NERVE_BURNING)
_TEST_BLOCK = rxcache.compile(r"\bblocks?\b", re.I)
"""Before a nerve burning, any block is the test of where the pain comes from ("No block has been performed": round
93's reader was told "other care must be tried first, and found not to work well enough")."""


def block_first(decision: Decision, reasons: list[Reason], letter: str | None) -> Quote | None:
    """The words of an "other care first" reason that are the diagnostic block a nerve burning needs
    before it ("no diagnostic medial branch block has ever been done"): a test of where the pain comes
    from, not care that was tried and did not help (round 48's reader: "did not show that other care
    was tried first" where the letter says much therapy was tried)."""
    if letter is None or not _NERVE_BURNING.search(decision.service):
        return None
    for reason in reasons:
        if reason.code is ReasonCode.other_treatment_first and reason.span is not None:
            m = _TEST_BLOCK.search(letter, reason.span.start, reason.span.end)
            if m is not None:
                return quote(letter, reason.span.start, reason.span.end)
    return None


def test_shot_first(reasons: list[Reason], letter: str | None) -> Quote | None:
    """The words of an "other care first" reason that are a diagnostic injection never done ("no diagnostic
    injection has been performed to localize the pain", before a hardware removal): a test of where the pain
    comes from, not shots that were tried and did not help (round 58's reader)."""
    if letter is None:
        return None
    for reason in reasons:
        if reason.code is ReasonCode.other_treatment_first and reason.span is not None:
            m = _DIAGNOSTIC_SHOT.search(letter, reason.span.start, reason.span.end)
            if m is not None and not _TREATMENT_FIRST.search(letter, reason.span.start, reason.span.end):
                return quote(letter, m.start(), m.end())
    return None


_TREATMENT_FIRST = rxcache.compile(r"\b(?:corticosteroid|steroid|cortisone|subacromial|therapeutic|therapy|PT)\b", re.I)
"""Care to try first named beside the test shot ("no subacromial corticosteroid injection or diagnostic
anesthetic injection", "only 4 sessions of physical therapy"): said as care first, as before."""
_DIAGNOSTIC_SHOT = rxcache.compile(
    r"\b(?:diagnostic|test|localizing|hardware)\s+(?:[\w-]+\s+)?(?:injections?|shots?|blocks?)\b", re.I
)
"""A shot that tests where pain comes from ("no diagnostic injection", "No hardware block has been done to test
the question": round 62's reader, a hardware removal told that other care was not tried first)."""


def beside_care_not_started(reasons: list[Reason], letter: str | None, rationale: Span | None = None) -> Quote | None:
    """The words of an "other care first" reason that say the care asked for goes with other care that has not
    started ("Biofeedback cannot be added to a CBT program that has not started": round 72's reader, told "did not
    show that other care was tried first and did not help", as if that care had to fail first); or, where the
    rationale gives the care as an adjunct ("not recommended as a stand-alone treatment, but ... in a cognitive
    behavioral therapy (CBT) program"), the words that say that care has not begun ("individual psychotherapy had not
    yet begun ... and has only recently been authorized": rounds 141 and 142's readers)."""
    if letter is None:
        return None
    first = [r for r in reasons if r.code is ReasonCode.other_treatment_first and r.span is not None]
    for reason in first:
        m = _BESIDE_NOT_STARTED.search(letter, reason.span.start, reason.span.end)
        if m is not None:
            return quote(letter, m.start(), m.end())
    if first and rationale is not None and _ADJUNCT.search(letter, rationale.start, rationale.end):
        for start, end in _sentences(letter, rationale.start, rationale.end):
            if (
                _GUIDELINE_FIRST.match(letter, start) is None
                and _NOT_BEGUN_YET.search(letter, start, end)
                and not _EARLY_CARE.search(letter, start, end)
            ):
                return quote(letter, start, start + len(letter[start:end].rstrip()))
    return None


_EARLY_CARE = rxcache.compile(
    r"\bconservative\s+(?:care|treatment|therapy|management|measures)\b[^.;]{0,60}?\b(?:early|initial|first)\s+stages?\b",
    re.I,
)
"""The worker's first care still at its start ("his conservative care was still at an early stage, with acupuncture
not yet begun"): care to try first, not care this one goes beside (round 295's reader: an H-wave unit, given by the
guideline as an adjunct to a functional restoration program, told "only together with other care, and that care has
not started yet")."""


def care_under_way(reasons: list[Reason], letter: str | None, rationale: Span | None = None) -> Quote | None:
    """The words of an "other care first" reason that say the worker's other care is still going on or about to
    start ("is still in active treatment with imaging and therapy pending"): this care waits for it to finish, it
    need not fail first (round 146's reader: a functional capacity evaluation was told "other care must be tried
    first, and found not to work well enough")."""
    if letter is None:
        return None
    for reason in reasons:
        if reason.code is ReasonCode.other_treatment_first and reason.span is not None:
            m = _UNDER_WAY.search(letter, reason.span.start, reason.span.end)
            if m is not None and _NOT_TRIED.search(letter, reason.span.start, reason.span.end) is None:
                return quote(letter, reason.span.start, reason.span.end)
    if (
        rationale is not None
        and any(r.code is ReasonCode.other_treatment_first for r in reasons)
        and _AFTER_COMPLETION.search(letter, rationale.start, rationale.end) is not None
    ):
        # "A final restoration should be planned after completion of the endodontic treatment" (round 147's reader:
        # a crown was told "other care must be tried first, and found not to work well enough"); the words are looked
        # for first, the sentences read only where they are
        for start, end in _sentences(letter, rationale.start, rationale.end):
            if _GUIDELINE_FIRST.match(letter, start) is None and _AFTER_COMPLETION.search(letter, start, end):
                return quote(letter, start, start + len(letter[start:end].rstrip()))
    return None


_AFTER_COMPLETION = rxcache.compile(
    r"\b(?:should|must|would|will|can|could)\s+(?:only\s+)?(?:be\s+)?(?:\w+\s+)?(?:after|following|once|until)\s+"
    r"(?:the\s+)?(?:completion|conclusion|end)\s+of\s+(?:the\s+|his\s+|her\s+|this\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:treatment|therapy|care|procedure|surgery|program|course)\b",
    re.I,
)
"""This care put after other care is finished ("should be planned after completion of the endodontic treatment")."""


_JUST_BEGUN = rf"\b(?:has|have|had)\s+(?:only\s+)?just\s+(?:begun|started|commenced)\b|{NO_CHANCE_YET}"
"""Other care only just started: the reviewer waits to see how it goes, not for it to end ("no opportunity to see how
the worker responded to it": round 184's reader, told "did not show that the past care helped you")."""
_JUST_BEGUN_WORDS = rxcache.compile(_JUST_BEGUN, re.I)
_NOT_YET_KNOWN = rxcache.compile(
    r"[^.;,]{0,30}?\b(?:could|can|would|will|is|was|were|are)\s+(?:not\s+)?(?:yet\s+)?(?:be\s+)?(?:known|judged|assessed"
    r"|measured|seen)\b",
    re.I,
)
"""A response said to be not known yet, after its words ("before her response to the medications could be known"): the
care is new, its result awaited, not one the notes lacked."""


def just_begun(said: Quote) -> bool:
    """The words of care under way (:func:`care_under_way`) say it has only just started ("has only just begun
    individual treatment"): this care waits to see how it goes, not until it is done (round 161's reader: a group
    course told "should wait until that care is done", where the reviewer questioned readiness for a group)."""
    return _JUST_BEGUN_WORDS.search(said.text) is not None


_UNDER_WAY = rxcache.compile(
    r"\bstill\s+(?:in|undergoing|receiving)\s+(?:active\s+|ongoing\s+)?(?:treatment|care|therapy|rehabilitation)\b"
    r"|\b(?:treatment|care|therapy|imaging|rehabilitation|studies|testing|surgery)\s+(?:(?:is|are|still|remains?)\s+){0,3}"
    r"(?:pending|under\s*way|in\s+progress|ongoing)\b"
    # "the requested psychological evaluation had not yet been completed" (round 152's reader: a course of therapy was
    # told "other care must be tried first, and found not to work well enough")
    # (an evaluation, a test or a procedure, not a course of treatment: "an adequate course of conservative treatment
    # has not yet been completed" is care to try, and to fail, first)
    # "the injured worker has just begun individual cognitive behavioral therapy" (round 160's reader: a group told
    # "other care must be tried first, and found not to work well enough")
    rf"|{_JUST_BEGUN}"
    r"|\b(?:evaluations?|consultations?|assessments?|procedures?|surgery|stud(?:y|ies)|tests?|testing)\s+"
    r"(?:(?:has|have|had)\s+)?(?:not\s+yet|yet\s+to)\s+(?:been\s+|be\s+)?(?:completed|done|performed|finished|held)\b"
    # "the certified cognitive behavioral therapy had not begun when the request was made" (round 163's reader: a
    # biofeedback course told "other care must be tried first, and found not to work well enough"): care approved and
    # about to start
    r"|\b(?:certified|approved|authorized)\s+(?:[\w-]+\s+){0,4}?(?:had|has|have)\s+not\s+(?:yet\s+)?(?:begun|started"
    r"|commenced)\b",
    re.I,
)
"""Other care said to be going on or still to come for this worker."""
_NOT_TRIED = rxcache.compile(
    r"\b(?:not|never)\s+(?:yet\s+)?(?:been\s+)?tried\b|\b(?:has|have|had)\s+(?:not\s+|never\s+)?(?:yet\s+)?been\s+tried\b",
    re.I,
)
"""Care said not tried in the same words ("conservative care is still under way, and no intra-articular corticosteroid
injection has been tried"): that care comes first, and must fail first, whatever else is under way."""


_NOT_STARTED = NOT_STARTED
"""Other care not started (the lexicon's: "a CBT program that has not started", "had not been under way")."""
_ADJUNCT = rxcache.compile(
    # "not recommended as a stand- alone treatment" (a hyphen at a line's end), "only as an adjunct within a course of
    # cognitive behavioral therapy" (round 148's reader: biofeedback told "other care must be tried first")
    r"\bnot\s+recommended\s+as\s+a\s+stand-?\s?alone\b|\bas\s+an?\s+adjunct\s+(?:to|within|in)\b|\bwithin\s+which\b"
    # "The MTUS does not recommend biofeedback as a stand-alone treatment" (round 163's reader)
    r"|\bnot\s+recommend\s+(?:[\w-]+\s+){1,3}?as\s+a\s+stand-?\s?alone\b",
    re.I,
)
"""Care the guideline gives only beside other care ("not recommended as a stand-alone treatment")."""
_NOT_BEGUN_YET = rxcache.compile(
    rf"\b(?:{_NOT_STARTED})\b"
    r"|\b(?:had|has|have)\s+only\s+(?:just\s+|recently\s+)?been\s+(?:authorized|approved|certified)\b",
    re.I,
)
"""That other care not yet begun, or only just approved."""


_BESIDE_NOT_STARTED = rxcache.compile(
    r"\b(?:added\s+to|in\s+conjunction\s+with|alongside|together\s+with|as\s+an?\s+adjunct\s+to|combined\s+with"
    rf"|along\s+with|part\s+of)\s+(?:[^.;]{{0,80}}?)\b(?:{_NOT_STARTED})\b",
    re.I,
)


def own_trial(decision: Decision, reasons: list[Reason], letter: str | None) -> Quote | None:
    """The words of an "other care first" reason that are the guidelines' trial of the device asked for
    (round 45's reader: "did not show that other care was tried first" was told for a TENS unit whose
    ground was that it had never been tried at home, after physical therapy, a brace and naproxen)."""
    if letter is None or not _DEVICE.search(decision.service) or _TRIAL_ASKED.search(decision.service):
        return None  # (a trial asked for is not missing first: "H-wave device, 30-day home trial", round 166's reader)
    rationale = decision.spans.rationale
    for reason in reasons:
        if reason.code is ReasonCode.other_treatment_first and reason.span is not None:
            m = _OWN_TRIAL.search(letter, reason.span.start, reason.span.end)
            if m is not None and not _another_device(m.group(), decision.service):
                return quote(letter, m.start(), m.end())
            # "No trial has been done.", the device's own trial named before it (round 55's reader: a TENS
            # unit's "one-month home-based TENS trial ... No trial has been done." told as "other care")
            bare = _BARE_TRIAL.search(letter, reason.span.start, reason.span.end)
            named = _OWN_TRIAL.search(letter, rationale.start, reason.span.start) if rationale is not None else None
            if bare is not None and named is not None and not _another_device(named.group(), decision.service):
                return quote(letter, bare.start(), bare.end())
            # "no documentation of a supervised trial of traction during physical therapy" for a home traction unit
            # (round 140's reader: told "did not show that you tried physical therapy first")
            for m in _TRIAL_OF.finditer(letter, reason.span.start, reason.span.end):
                if re.search(rf"\b{re.escape(m.group('care').lower())}\b", decision.service.lower()):
                    return quote(letter, m.start(), m.end())
            # "Purchase of a unit at this stage is not supported." after "There was no documentation of a TENS trial
            # during physical therapy or at home" (round 195's reader: a TENS purchase told "other care ... first")
            if rationale is not None and _PURCHASE.search(letter, reason.span.start, reason.span.end):
                for m in _OWN_TRIAL.finditer(letter, rationale.start, rationale.end):
                    lacked = _LACK.pattern.search(letter, max(rationale.start, m.start() - _NEAR_LACK), m.start())
                    if lacked is not None and not _another_device(m.group(), decision.service):
                        return quote(letter, m.start(), m.end())
    return None


_PURCHASE = rxcache.compile(r"\b(?:purchase|purchasing|buy|buying)\b", re.I)
_NEAR_LACK = 60
"""How far before the device's trial its absence is said ("There was no documentation of a TENS trial")."""
"""A purchase named in an "other care first" ground that names no care: the device's own trial is what comes first."""


_TRIAL_ASKED = rxcache.compile(r"\btrial\b", re.I)
"""A heading that asks for the trial itself."""
_TRIAL_OF = rxcache.compile(r"\btrial\s+(?:of|with)\s+(?:(?:an?|the)\s+)?(?P<care>[a-z]{5,})\b", re.I)
"""A trial of a kind of care named by one word ("a supervised trial of traction"): the device's own trial when the
care asked names it ("Home cervical traction unit")."""


_BARE_TRIAL = rxcache.compile(
    r"\b(?:no|without\s+(?:a|any))\s+(?:such\s+)?trial\b(?!\s+(?:of|with)\b)[^.;]{0,40}"
    r"|\b(?:the|a|that)\s+trial\s+(?:has|had|was)\s+(?:not|never)\s+(?:been\s+)?\w+",
    re.I,
)
"""A trial named without saying of what ("No trial has been done"): the device's own, when the rationale
named that trial before."""


_DEVICE_KINDS = rxcache.compile(rf"\b(?:{_DEVICE_KIND_WORDS})\b", re.I)


def _another_device(said: str, service: str) -> bool:
    """Whether the trial named is of another kind of device than the one asked for ("There has been no TENS
    trial" for an H-wave device: TENS comes first, round 52's reader was told to try the H-wave at home)."""
    named = {m.group().lower() for m in _DEVICE_KINDS.finditer(said)}
    asked = {m.group().lower() for m in _DEVICE_KINDS.finditer(service)}
    return bool(named) and bool(asked) and not named & asked


def failure_unshown(reasons: list[Reason], letter: str | None) -> bool:
    """An "other care first" reason whose words are that the care was not shown to fail ("no documentation that the
    claimant's home exercise program has failed or that it has been reviewed and revised"): for a home program the
    worker keeps doing, the ground is that it did not stop helping, not that it was never tried (rounds 166, 168 and
    169's readers: three gym memberships told "did not show that you tried working out at home first", where the
    letters record the program)."""
    return letter is not None and any(
        r.code is ReasonCode.other_treatment_first and _FAILURE.search(letter, r.span.start, r.span.end) is not None
        for r in reasons
    )


_FAILURE = rxcache.compile(
    r"\b(?:failed|failure|ineffective|unsuccessful|not\s+(?:been\s+|proven\s+)?(?:effective|helpful|successful))\b"
    r"|\b(?:stopped|ceased)\s+(?:working|helping)\b|\bno\s+longer\s+(?:working|helping|effective)\b",
    re.I,
)
"""Words that care failed or stopped helping."""


def care_first(decision: Decision, reasons: list[Reason], letter: str | None) -> list[Missing]:
    """The care the reviewer says should be tried or finished first, from the words of the
    item's own "other care first" reasons (none when they only say "conservative care")."""
    if letter is None:
        return []
    asked = spelled_out(decision.service)
    # Not the care asked for ("an epidural injection" is not told to try shots first); a
    # medicine may be: a cream is refused until pills of the same kind were tried.
    kinds = [(key, pattern) for key, pattern in _CARE if key in _MEDICINES or not pattern.search(asked)]
    own = frozenset(asked.lower().split())
    found: list[Missing] = []
    for reason in reasons:
        if reason.code is not ReasonCode.other_treatment_first:
            continue
        mood = (
            _MOOD.search(letter, reason.span.start, reason.span.end) is not None
            or (
                _MOOD_ONLY.search(letter, reason.span.start, reason.span.end) is not None
                and not _used(_MOOD_ONLY, letter, reason.span)  # "the only antidepressant she takes is sertraline"
            )
            # "no record that an antidepressant was tried" of alprazolam: a medicine for worry's first choice (round
            # 221's reader was told "medicines for nerve pain")
            or _FOR_WORRY.search(asked) is not None
        )
        for key, pattern in kinds:
            if key == "nerve_pills" if mood else key in _FOR_MOOD:
                continue
            if key in ("oral", "swelling_pills") and _takes_by_mouth(decision, letter, key):
                continue  # "She was also taking oral ibuprofen", of a gel: pills taken, not to try (round 227's reader)
            if any(key in _EXAMPLES_OF.get(f.key, ()) for f in found):
                continue
            if key in _MEDICINES and _used(pattern, letter, reason.span):
                continue  # "her medications having been limited to an NSAID": tried, whatever else is missing
            said = _absent(pattern, letter, reason.span, None if key in _NOT_COUNTED else _UNFINISHED, own)
            if said is not None and said.span is not None and _in_setting(letter, reason.span, said.span):
                continue  # "no documentation that the patient tried traction during his physical therapy sessions"
            if said is not None and _listed_by_guideline(said, letter, reason.span):
                continue  # "ODG criteria ... call for ... failure of conservative care such as night splinting"
            if said is not None and said.span is not None and _not_planned(letter, reason.span, said.span):
                continue  # "No surgery or injection is being considered": no plan for it, not care to try first
            if said is not None and all(f.key != key for f in found):
                found.append(Missing(key=key, words=said))
    return found


_NOT_PLANNED = rxcache.compile(
    r"\bno\s+(?:[\w-]+\s+){0,5}?(?:is|are|was|were|has\s+been|have\s+been)\s+(?:being\s+|currently\s+|now\s+)?"
    r"(?:considered|planned|contemplated|proposed|scheduled|discussed)\b",
    re.I,
)
"""Care no one plans ("No surgery or injection is being considered": round 276's reader, a cervical MRI told "did not
show that you tried shots first", where the reviewer meant the MRI would guide no procedure)."""


def _not_planned(letter: str, span: Span, said: Span) -> bool:
    """The care found absent at ``said`` is inside a statement that no one plans it (:data:`_NOT_PLANNED`)."""
    return any(
        m.start() <= said.start and said.end <= m.end() for m in _NOT_PLANNED.finditer(letter, span.start, span.end)
    )


_SETTING_BEFORE = rxcache.compile(
    # "the home program taught in physical therapy has failed" (round 280's reader: a gym membership told "did not show
    # that you tried physical therapy first", after 18 visits)
    r"\b(?:during|throughout|as\s+part\s+of|in\s+the\s+course\s+of|(?:taught|learned|learnt|instructed|given|begun)"
    r"\s+(?:in|during))\s+(?:\S+\s+){0,3}\S+$",
    re.I,
)
"""The care named is where something else was to be tried ("tried traction during his physical therapy sessions":
round 253's reader was told "did not show that you tried physical therapy first", where 8 visits were on record)."""


def _in_setting(letter: str, reason: Span, said: Span) -> bool:
    """The care found absent at ``said`` is only where something else was tried (:data:`_SETTING_BEFORE`), in the words
    found or just before them ("A single application of TENS during one physical therapy session did not amount to a
    failed trial": round 295's reader, an H-wave unit told "did not show that you tried physical therapy first" after
    6 visits)."""
    if _SETTING_BEFORE.search(letter, said.start, said.end):
        return True
    first = _FIRST_WORD.match(letter, said.start)
    return (
        first is not None
        and _SETTING_BEFORE.search(letter, max(reason.start, said.start - 60), first.end()) is not None
    )


_FIRST_WORD = rxcache.compile(r"\S+")
_FAILURE_SUCH_AS = rxcache.compile(r"^\W*failure\s+of\b[^.;]*\bsuch\s+as\b", re.I)


def _listed_by_guideline(said: Quote, letter: str, span: Span) -> bool:
    """The care is an example in a guideline's list of what must fail first ("failure of at least two forms of
    conservative care such as night splinting, activity modification and ..."), in a sentence naming the guideline:
    what the guideline asks, not what this worker has not tried (rounds 111 and 182's carpal tunnel releases). Not
    "guideline-supported options she has not yet tried, including ...", nor "first-line oral pharmaceuticals such as
    acetaminophen", which the worker has not had (a first reading with "including" lost the care of 4 letters)."""
    return (
        _FAILURE_SUCH_AS.search(said.text) is not None
        and _GUIDELINE_NAMED.search(letter, span.start, span.end) is not None
    )


_TAKING = r"(?<!not\s)(?<!never\s)\b(?:taking|takes|using|uses|on)\s+"
"""A medicine the worker takes, up to its name (not "not taking")."""
_BY_MOUTH_TAKEN = rxcache.compile(_TAKING + r"(?:\w+\s+){0,2}?oral\s+(?P<drug>[\w-]+)", re.I)
"""A medicine the worker takes by mouth, named ("already taking oral naproxen", "taking oral ibuprofen 600 mg")."""


def _takes_by_mouth(decision: Decision, letter: str, key: str) -> bool:
    """The rationale says the worker takes a medicine by mouth: pills are not care to try first ("oral"), nor an
    anti-inflammatory, where the one taken is one ("swelling_pills")."""
    rationale = decision.spans.rationale
    if rationale is None:
        return False
    taken = _BY_MOUTH_TAKEN.search(letter, rationale.start, rationale.end)
    if taken is not None and (key == "oral" or _NSAID.search(taken.group("drug")) is not None):
        return True
    # "she is already taking Meloxicam every day", of a Voltaren gel (round 241's reader): an anti-inflammatory taken,
    # named, that is not the one asked for
    return any(
        _NSAID.match(m.group("drug")) is not None and m.group("drug").lower() not in decision.service.lower()
        for m in _ALREADY_TAKING.finditer(letter, rationale.start, rationale.end)
    )


_ALREADY_TAKING = rxcache.compile(
    r"(?<!not\s)(?<!never\s)\balready\s+" + _TAKING + r"(?:\w+\s+){0,2}?(?P<drug>[\w-]+)\s+"
    r"(?:\d|every|each|daily|twice|once|three|\w+\s+times|at\s+night|nightly|regularly)",
    re.I,
)
"""A medicine the worker already takes, named before how often or how much ("already taking Meloxicam every day")."""


# The patterns the finders run over a whole rationale, with the words each match contains
# (in tuples: hashing a compiled pattern hashes all its code).
_ALREADY_WORDS = FirstWords(Prefilter(_ALREADY))
_ALREADY_SCAN = Windowed(_ALREADY)
_ABRUPT_WORDS = tuple((Windowed(pattern), FirstWords(Prefilter(pattern))) for pattern in _ABRUPT)
_MISSING_FILTERS = tuple((key, pattern, Prefilter(pattern)) for key, pattern in _MISSING)
_MISSING_SCREEN = Screened(prefilter for _, _, prefilter in _MISSING_FILTERS)
"""Seventeen patterns for each place of an item: one pass over its words for them all."""
_MISSING_WINDOWS = tuple(Windowed(pattern, prefilter) for _, pattern, prefilter in _MISSING_FILTERS)
"""The same patterns, each tried only where its first words begin (the screen's prefilters reused)."""


@functools.lru_cache(maxsize=2)
def _low(letter: str) -> str:
    """The letter as the prefilters read it (:func:`~llm_extract.text.prefilter.lowered`),
    lowered once for all its items' finders (bounded: the letter being summarised)."""
    return lowered(letter)


def _may_match(words: FirstWords, letter: str, low: str, start: int, end: int) -> bool:
    """:meth:`FirstWords.may_match` of ``letter[start:end]``; True when lowering moved the
    letter's offsets (a combining dot), where the words cannot be looked for in place."""
    return len(low) != len(letter) or words.may_match(low, start, end)


_NECESSITY = r"\bmedical\s+necessity\b[^.;]{0,80}?\b(?:is|has\s+been)\s+(?:not\s+)?(?:established|demonstrated|shown)\b"
_CONCLUSION = rxcache.compile(
    r"\bmedically\s+(?:necessary|reasonable|appropriate)\b|\b(?:is|are)\s+(?:not\s+)?(?:certified|warranted)\b|"
    + _NECESSITY,
    re.I,
)
"""A verdict: the sentence says what was decided, not why (its clause before the verdict may say why). "The medical
necessity of the diagnostic blocks is established" is one (round 77's reader: an approval told only that)."""
_NECESSITY_SHOWN = rxcache.compile(_NECESSITY, re.I)
"""This care's own verdict in other words: a clause that says only it is not a ground (while "the repair has been
found medically necessary", before an assistant surgeon's verdict, ties that care to another)."""
_BEFORE_CONCLUSION = rxcache.compile(
    r"(?P<why>(?:given|because|since|as|with|based\s+on)\b[^.;]{12,}?),\s+"
    r"(?:the|this|a|an|further|continued|additional|ongoing|(?!including\b)[a-z]+ing)\b"
    r"|(?P<ground>[^.;]{24,}?),\s+(?:and\s+)?(?:therefore|thus|hence|so|as\s+such|consequently)\b"
    r"|(?P<first>[^.;]{24,}?),\s+and\s+(?:the|this)\s+(?:request|requested)\b",
    re.I,
)
_PATIENT = (
    r"patient|claimant|(?:injured|this|the)\s+worker|employee|applicant|he|she|his|her|him|this\s+case"
    r"|(?-i:pt|IW)"  # the terse reviewer's "pt" and "IW", cased (not "PT", a therapy, nor "pts", patients in general)
)
"""Words for this worker and this case (a regex alternation)."""
_ABOUT_PATIENT = rxcache.compile(rf"\b(?:{_PATIENT})\b", re.I)
_WITH_PARTNER = rxcache.compile(
    r"\b(?:taken|combined|used|given|together)\s+with\s+(?:an?\s+|other\s+|another\s+)?(?P<partner>[A-Za-z][\w-]{2,})"
    r"[^.;]{0,40}?\b(?:risks?|toxicity|syndrome|seizures?|bleeding|overdose|interactions?)\b",
    re.I,
)
"""A warning of one medicine taken with another, the other's first word in group ``partner`` ("SSRI")."""
_TAKES = rxcache.compile(
    rf"\b(?:{_PATIENT})\b(?:(?!\b(?:not|no|never|denies|without|stopped|discontinued)\b)[^.;]){{0,40}}?"
    r"\b(?:also\s+)?(?:takes|is\s+taking|uses|is\s+using|was\s+(?:concurrently\s+)?using|is\s+on|remains\s+on"
    r"|continues\s+(?:to\s+take|on))\b",
    re.I,
)
"""This worker takes a medicine, not negated before it ("The claimant also takes sertraline, an SSRI")."""
_ABOUT_CASE = rxcache.compile(
    rf"\b(?:{_PATIENT}|records?|notes?|request(?:ed)?|documented|documentation|exam\w*|MRI|x-?rays?|study|studies"
    # what this case's pictures showed ("the October 25, 2016 radiographs already show bridging callus": round 275's
    # reader, not quotable, a bone growth stimulator was told only that the worker smokes), not what pictures are for
    # ("Plain films represent the appropriate, least invasive first step")
    r"|(?:radiographs?|films?|CT\s+scans?|ultrasounds?)\s+(?:[^.;]{0,40}?\s)?(?:already\s+)?(?:show(?:s|ed)?|demonstrat\w*"
    r"|reveal\w*|confirm\w*)"
    # a lab value is this worker's ("ALT 118 and AST 96 on 6/30/16, roughly 3x ULN": round 102's reader)
    r"|creatinine|e?GFR|ALT|AST|transaminases|QTc?|\d+[-\s]\s*year[-\s]\s*old)\b",
    re.I,
)
_ABOUT_DOCTOR = rxcache.compile(r"\b(?:treating|requesting|attending)\s+(?:physician|provider|doctor)\b", re.I)
"""This worker's own doctor ("The treating physician does detail circumstances that would meet
guidelines"): about this case too, but read only where no sentence about the worker or the records
is quotable, whose facts say more (a real-letter reader: an approval quoted "does not document any
prior acupuncture sessions", a background fact, over the doctor's case that meets the guidelines)."""
_GUIDELINE_FIRST = rxcache.compile(
    # "The 2016 MTUS Chronic Pain Guidelines ask the prescriber to decide whether ..." (round 71): an edition's year
    r"\W*(?:(?:per|according\s+to|under|in)\s+)?(?:the\s+)?(?:(?:19|20)\d\d\s+)?(?:(?:CA\s+)?MTUS|ODG|ACOEM|Official\s+Disability|guidelines?"
    r"|California)\b|[^.;]{0,80}\bguidelines?\s+(?:state|recommend|support|allow|indicate|note|say)",
    re.I,
)
"""A sentence whose subject is a guideline: it reports the rule, not the case."""
_GUIDELINE_REPORT = rxcache.compile(
    # "With regard to the request for pantoprazole, the CA MTUS recommends a proton pump inhibitor for patients ... at
    # intermediate risk ..., including those with a history of ... GI bleeding" (round 155's reader: told "this medicine
    # could cause bleeding inside your body"): the topic named first, then the guideline's report
    r"\W*(?:(?:with\s+(?:regard|respect)\s+to|in\s+regard\s+to|regarding|as\s+(?:for|to)|concerning)\s+[^,.;]{1,80},\s*)?"
    r"(?:(?:per|according\s+to)\s+)?(?:the\s+)?(?:(?:19|20)\d\d\s+)?(?:CA\s+)?(?:MTUS|ODG|ACOEM|guidelines?)(?:\s+\w+){0,3}?\s+"
    r"(?:states?|recommends?|lists?|supports?|indicates?|notes?|says?|allows?|describes?|asks?|advises?|directs?)\b",
    re.I,
)
"""A guideline's report of its rule ("The MTUS states that ... the patient ...", "The MTUS lists
urine drug testing ... for any patient"): its patient is anyone's, not this worker."""
_PROCEDURE = rxcache.compile(
    r"\b(?:claims\s+administrator|utilization\s+review|UR|IMR|non-?certif\w*|appeal\w*"
    # not "modified duty" (light work: round 49's approval lost its only quotable sentence)
    r"|modified(?!\s+(?:duty|work|activit\w*|job|position|schedule|hours|duties|shifts?))|modification(?!s?\s+of\s+(?:duty|work))"
    r"|denials?|original\s+request|prior\s+review\w*)\b"
    r"|\bthis\s+decision\s+is\s+limited\s+to\b|\bnot\s+(?:be\s+interpreted|mean)\b[^.;]{0,80}\b(?:stop\w*|abrupt\w*)",
    re.I,
)
"""The review's own history, or its standard note on not stopping a medicine abruptly (the taper
sentence says that): not the reviewer's ground."""
_SUPPOSED = rxcache.compile(
    r"^\W*(?:if|should|were)\b|\bhad\s+(?:\w+\s+){0,4}been\s+(?:performed|approved|certified|done|authorized)\b"
    r"|\b(?:may|can|should|must)\s+be\s+\w+(?:\s+\w+)?\s+(?:if|when|only)\b"
    # "When an opioid is started for chronic pain, ... the prescriber should screen for risk of addiction": any
    # patient's (round 69's reader: told "this medicine could hurt you")
    r"|^\W*(?:when|whenever|before)\s+(?:an?|any)\s+(?:[\w-]+\s+){1,3}?(?:is|are)\s+(?:being\s+)?"
    r"(?:started|begun|initiated|prescribed|used|given|considered)\b"
    # "to decide whether a patient taking an NSAID is at risk for gastrointestinal events": a question (round 71)
    rf"|\bwhether\s+(?:an?|the|this)\s+(?:{WORKER_WORDS}|person)\b[^.;]{{0,60}}\bat\s+risk\b"
    # "Patients are determined to be at risk for gastrointestinal events if they ... have a history of peptic ulcer,
    # GI bleeding ...": patients in general, the guideline's group, never this one worker (round 146's reader: an
    # omeprazole was told "could cause bleeding inside your body")
    r"|^\W*(?:(?:such|these|those|most|many|some|all|other)\s+)?(?:patients|individuals|persons|people)\b"
    # "It is indicated to improve wakefulness in adult patients with ... obstructive sleep apnea": what the medicine is
    # for, never a harm (round 158's reader: a Nuvigil was told "this medicine could hurt you")
    r"|^\W*(?:it|they|this\s+(?:medication|medicine|drug|agent))\s+(?:is|are)\s+(?:only\s+|also\s+)?(?:indicated"
    r"|approved|recommended|used)\s+(?:to|for|as|in)\b",
    re.I,
)

"""What would follow if things were otherwise, a rule's condition ("opioids may be continued if
the patient has returned to work"), or a rule for any patient ("When an opioid is started ..."): not what
the reviewer found."""
_PRONOUN_RULE = rxcache.compile(
    r"\W*(?:it|they)\s+(?:is|are)\s+(?:not\s+|only\s+)?(?:recommended|supported|indicated|approved)\b", re.I
)
"""A rule reported of the guideline's subject by a pronoun ("They are not recommended for use longer than two to three
weeks, as ... the risk of dependence and of side effects, such as sleepiness and dizziness, increases": round 159's
reader, a cyclobenzaprine told "could make you too sleepy")."""
_DIRECTIVE = rxcache.compile(
    r"\b(?:should|must|need\s+to|are\s+to)\s+be\s+(?:carefully\s+|regularly\s+|closely\s+)?(?:assessed|monitored"
    r"|evaluated|checked|documented|reviewed|weighed|discussed|considered|addressed)\b",
    re.I,
)
"""What someone should check or do ("Side effects, including excessive sedation ..., should be assessed"): never a
ground to quote, and no harm found unless the sentence names this worker (round 156's reader: a duloxetine was told
"could make you too sleepy"; "Untreated sleep apnea is also a likely contributor to his poor sleep and should be
addressed first" still names his)."""

_QUOTE_WORDS = 40
"""A sentence longer than this is not quoted: a worker is sent to the letter instead."""
_FEWEST_WORDS = 6
"""Fewer words say nothing on their own ("Given the above documentation")."""
_BACK = 3
"""How many sentences from the end are read for the reviewer's own words."""


def reviewer_words(decision: Decision, letter: str | None, *, unnamed: bool = False) -> Quote | None:
    """The reviewer's own last words about this case, for an item whose grounds no rule names:
    the clause before the verdict ("Given a tension-type headache pattern and no trial of
    preventive medication, the request ... is not medically necessary"), else the last sentence
    about the patient, the records or the request that does not only report a guideline. The
    worker reads what the reviewer wrote instead of being sent to the letter with nothing."""
    rationale = decision.spans.rationale
    if letter is None or rationale is None:
        return None
    approval = decision.outcome is Outcome.overturned
    # never the opioid letters' closing paragraph ("This medical necessity decision should not be interpreted as a
    # recommendation to stop long-term opioids abruptly ...", "... are advised to consult the MTUS Opioids Treatment
    # Guidelines"): said of every opioid, no ground of this one (round 274's reader: a first opioid refused for want
    # of a baseline and screening was told only that paragraph's last sentence)
    sentences = [
        (a, b) for a, b in _sentences(letter, rationale.start, rationale.end) if not _CLOSING.search(letter, a, b)
    ]
    if not approval and (advice := taper_advice(decision, letter)) is not None and advice.span is not None:
        # nor the advice to taper, which the summary tells anyway ("Opioids should be weaned rather than stopped
        # abruptly when continuation is not supported": no ground of the refusal)
        sentences = [(a, b) for a, b in sentences if not overlaps(Span(start=a, end=b), advice.span)]
    last = sentences[-(_BACK_APPROVED if approval else _BACK) :]
    if not approval:
        found = _last_words(last, letter, rationale, approval)
        if found is None and unnamed:
            # A terse reviewer's application names no one ("Eight more would go beyond the allotted course."):
            # where no sentence about the case can be quoted, the last that is not a guideline's report (round 86's
            # reader: 16 refusals were sent to the letter with nothing)
            found = _last_words(last, letter, rationale, approval, unnamed=True)
        return found
    # "Any visits beyond these six would need documented progress": a condition on later care, not why
    # this care was approved (rounds 55-58's readers), quoted only when nothing else can be.
    now = [(start, end) for start, end in last if _LATER_CARE.match(letter, start, end) is None]
    # The case that meets the criteria, further back when the last sentences only clear the care ("She has
    # never been injected. Impingement signs are positive.": round 62's reader, an approval told no ground).
    # Only the reviewer's statements of this case there: not a guideline's ("ODG adds that the patient should
    # have failed conservative treatment") nor what would or should follow.
    earlier = [
        (start, end)
        for start, end in sentences[: -len(last)]
        if _LATER_CARE.match(letter, start, end) is None
        and _GUIDELINE_FIRST.match(letter, start) is None
        and _NORMATIVE.search(letter, start, end) is None
    ]
    return (
        _approval_ground(now, letter, rationale)
        or _approval_ground(earlier, letter, rationale)
        or _last_words(now, letter, rationale, approval)
        or _last_words(last, letter, rationale, approval)
    )


_CLOSING = rxcache.compile(
    r"\bmedical\s+necessity\s+decision\s+should\s+not\s+be\s+interpreted\b"
    r"|\b(?:decision|determination)\s+addresses\s+(?:only\s+)?the\s+medical\s+necessity\s+of\b"
    r"|\badvised\s+to\s+consult\s+the\s+(?:MTUS\s+)?(?:Opioids?\s+)?(?:Treatment\s+)?Guidelines\b",
    re.I,
)
"""The sentences of the paragraph closing every opioid refusal (Maximus's stock words, not the reviewer's ground)."""
_NORMATIVE = rxcache.compile(r"\b(?:should|would|must)\b", re.I)
"""What ought to be or would follow, not what is ("additional treatment would be assessed")."""


def _approval_ground(sentences: list[tuple[int, int]], letter: str, rationale: Span) -> Quote | None:
    """The last of ``sentences`` that says what the care has done for the worker, else the last that shows
    the need for it (care tried and failed, symptoms that persist), quotable."""
    # What the care has done for the worker, before a side fact that only clears it ("She is 28 years
    # old with no cardiovascular history" under an ibuprofen that "lowers her pain from 7 to 4": round 53).
    for start, end in reversed(sentences):
        if _benefit(letter, start, end) and (said := _quotable(letter, start, end, most=_EMPHASIS_WORDS)) is not None:
            return with_antecedent(said, letter, rationale)
    # Then the case that shows the need: care tried and failed, symptoms that persist ("she has persisting
    # shoulder pain ... despite home exercise and Tylenol"), not a side fact that only clears the care
    # ("He is not diabetic, and no ... contraindication is noted": round 59's reader, 8 of 13 approvals).
    for start, end in reversed(sentences):
        if (
            _NEED.search(letter, start, end) is not None
            and (said := _quotable(letter, start, end, most=_EMPHASIS_WORDS)) is not None
        ):
            return with_antecedent(said, letter, rationale)
    # Then the findings that fit the care ("The physical examination findings are consistent with right lateral
    # epicondylalgia", "a positive Phalen's test"), not a side fact that only clears it ("There is no indication the
    # patient has previously been provided with a brace": round 139's reader, three approvals told that instead)
    for start, end in reversed(sentences):
        if (
            _FITS.search(letter, start, end) is not None
            and (said := _quotable(letter, start, end, most=_EMPHASIS_WORDS)) is not None
        ):
            return with_antecedent(said, letter, rationale)
    return None


def _last_words(
    last: list[tuple[int, int]], letter: str, rationale: Span, approval: bool, *, unnamed: bool = False
) -> Quote | None:
    """:func:`reviewer_words` read from the sentences ``last`` (the rationale's last few); ``unnamed``: a sentence
    need not name the case (:func:`_quotable`)."""
    # A main ground rather than one added to it, then a longer sentence rather than nothing at all,
    # then what the doctor did or did not do.
    # (not a sentence the next turns against: "The injured worker does smoke, which is a recognized risk factor for
    # delayed healing. However, the radiographs already show bridging callus ...", a point granted; round 275's reader:
    # a bone growth stimulator refused as the fracture heals was told only that the worker smokes)
    granted = {a for (a, _), (b, c) in itertools.pairwise(last) if turns_against(letter[b:c])}
    for doctor, added, most in itertools.product((False, True), (False, True), (_QUOTE_WORDS, _EMPHASIS_WORDS)):
        for start, end in reversed(last):
            if not approval and (
                _MET.search(letter, start, end) or _DISCLAIMED.search(letter, start, end) or start in granted
            ):
                continue  # a criterion the worker meets, or a point set aside, is not why the care was refused
            if (added or not _adds(letter, start, end)) and (
                said := _quotable(letter, start, end, most=most, doctor=doctor, unnamed=unnamed)
            ) is not None:
                return with_antecedent(said, letter, rationale)
    return None


_MET = rxcache.compile(
    r"\b(?:requirements?|criteri(?:on|a)|conditions?|prerequisites?)\s+(?:is|are|was|were|has\s+been|have\s+been)\s+"
    r"(?:\w+\s+)?(?:met|satisfied|fulfilled)\b",
    re.I,
)
"""A criterion the reviewer grants ("Because she is on duloxetine, the first-line requirement is met"): in a
refusal, a point for the care, not its ground."""
_DISCLAIMED = rxcache.compile(DISCLAIMED, re.I)
"""A point the reviewer sets aside ("but that is beside the point, because ...": round 74's brace was quoted it)."""

_ADDING_FIRST = rxcache.compile(rf"\s*(?:(?:{ADDING_WORDS}|nor|separately|second(?:ly)?)\b|even\s+if\b)", re.I)
_ALSO = rxcache.compile(r"\b(?:also|as\s+well)\b", re.I)


def _adds(letter: str, start: int, end: int) -> bool:
    """The sentence adds a ground to one given before ("The evaluation also leaves unaddressed ...",
    "Nor is there ...", "In addition, ..."): quoted alone only when no other sentence can be (round
    46's reader: an "also" sentence was quoted while the main ground, the sentence before it, was not)."""
    return _ADDING_FIRST.match(letter, start, end) is not None or _ALSO.search(letter, start, end) is not None


_EMPTY_LEAD = rxcache.compile(
    rf"\s*(?:however|here|in\s+(?:this|the\s+present)\s+(?:case|instance)|{ADDING_WORDS}|separately|second(?:ly)?"
    r"|and|but|yet|unfortunately|notably|(?:more\s+)?importantly)\s*,\s*"
    r"|\s*(?:and|but|yet)\s+"
    # "Also the MRI describes ...", "In addition there is ...": the comma left out
    rf"|\s*(?:{ADDING_WORDS})\s+(?=(?:the|there|his|her|he|she|it|this|no|she's|he's)\b)",
    re.I,
)
"""A connective that opens a sentence and only links it to the one before ("However, ", "Here, ",
"In this case, ", "and "): a quote shown alone starts after it (round 40's reader: quotes that
begin "However", "Here," or "and" read as answers to something the worker was not shown)."""
_BACK_APPROVED = 5
"""An approval's reviewer states the criteria met, then the case that meets them: read further back."""
_LATER_CARE = rxcache.compile(
    r"\s*(?:however,\s*)?(?:any\s+)?(?:(?:further|additional|more|continued|continuing|continuation|subsequent|future)\b"
    r"|(?:[\w-]+\s+){0,4}?beyond\s+(?:this|these|the)\b)"
    r"[^.;]{0,160}?\b(?:would|should|will|must|need|needs|require[sd]?|depend\w*|predicated|contingent)\b",
    re.I,
)
"""A sentence that opens on care after this care ("Any treatment beyond this trial would depend on ...",
"Continuation after this first trial should depend on ..."): what a later request will need."""
_BENEFIT = rxcache.compile(
    rf"{_FROM_TO}|\b(?:objective|functional|measurable|clear)\s+(?:gains?|improvement|benefit)"
    r"|\b(?:lower(?:s|ed)?|reduc(?:es|ed)|decreas(?:es|ed)|improv(?:es|ed)|f(?:a|e)ll(?:s|en|ing)?|dropp(?:ed|ing))\s+"
    r"(?:\w+\s+){0,3}?(?:pain|score|scores|level|inventory)\b|\b(?:allows?|allowed|enables?|enabled)\s+(?:him|her|them|the"
    r"\s+(?:patient|worker|claimant|injured\s+worker))\s+to\b|\b(?:back\s+at|returned\s+to)\s+(?:full\s+)?(?:work|duty)\b"
    # "it lets the IW complete his modified shift", "so that he can keep working full duty" (round 62's readers)
    r"|\b(?:lets?\s+(?:him|her|them|the\s+(?:IW|patient|worker|claimant|injured\s+worker))|so\s+that\s+(?:he|she|they)"
    r"\s+can)\s+(?:keep|continue|complete|finish|stay|remain)?\s*(?:(?:his|her|their|a|the|at)\s+)?(?:[\w-]+\s+)?"
    r"(?:work\w*|shifts?|duty|duties|job)\b",
    re.I,
)
"""What care has done for the worker: pain or scores lower, gains, work or activity it made possible."""


_NEED = rxcache.compile(
    r"\bdespite\b|\b(?:has|have|had)\s+(?:\w+\s+)?failed\b|\bfailed\s+(?:\d+|an?|the|two|three|several)\b"
    r"|\bwithout\s+(?:\w+\s+)?(?:improvement|relief|benefit)\b|\b(?:has|have)\s+not\s+improved\b"
    r"|\bpersist(?:s|ing|ent)\b|\bcontinues?\s+to\s+(?:report|have|complain|experience)\b"
    # "land-based therapy was stopped because weight-bearing exercise made her knees painful" (round 62)
    r"|\b(?:stopped|discontinued|abandoned)\s+because\b",
    re.I,
)
"""Words of a case that shows the need for care: tried and failed, or symptoms that persist."""
_FITS = rxcache.compile(
    r"\b(?:consistent|compatible)\s+with\s+(?!(?:the\s+|these\s+|those\s+)?(?:\w+\s+)?(?:guidelines?|recommendations?"
    r"|criteria|MTUS|ODG|ACOEM)\b)"
    r"|\bpositive\s+(?:[\w'-]+\s+){0,3}?(?:tests?|signs?|maneuvers?|findings?)\b"
    r"|\b(?:meets?|met|satisf(?:y|ies|ied)|fulfills?|fulfilled)\s+(?:all\s+|each\s+of\s+|the\s+)*(?:\w+\s+)?"
    r"(?:criteria|requirements?|indications?)\b",
    re.I,
)
"""Words of findings that fit the care: an examination consistent with a condition, a positive test, criteria met."""


def _benefit(letter: str, start: int, end: int) -> bool:
    """Whether the sentence says what care has done for the worker, with no word of absence before it in
    its clause ("no objective gains from the first six sessions" says the opposite), as :func:`_pain_recorded`
    reads pain levels."""
    for m in _BENEFIT.finditer(letter, start, end):
        breaks = list(_CLAUSE_BREAK.finditer(letter, start, m.start()))
        if not _BEFORE_ABSENT.search(letter, breaks[-1].end() if breaks else start, m.start()):
            return True
    return False


_GENERIC_WORDS = frozenset(
    {
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "all",
        "of",
        "for",
        "to",
        "and",
        "or",
        "with",
        "as",
        "request",
        "requested",
        "requests",
        "meets",
        "meet",
        "met",
        "guideline",
        "guidelines",
        "criteria",
        "criterion",
        "use",
        "uses",
        "used",
        "endorse",
        "endorses",
        "support",
        "supports",
        "supported",
        "recommend",
        "recommends",
        "recommended",
        "appropriate",
        "indicated",
        "reasonable",
        "necessary",
        "medically",
        "therefore",
        "accordingly",
        "thus",
        "so",
        "here",
        "case",
    }
)
"""Words of a sentence that says only that criteria are met or a request is supported: never quoted."""


def _generic(said: str) -> bool:
    """Whether ``said`` has no word beyond those of a bare verdict ("The request meets the guideline criteria.")."""
    return all(w.lower() in _GENERIC_WORDS for w in _WORD.findall(said))


_FURTHER = rxcache.compile(r"\s*further\b", re.I)
"""Not an added ground's opening ("Further physiologic evidence ... should be obtained" opens a guideline's
rule as often), though :data:`_ADDING_FIRST` reads it as one."""
_A_RULE = rxcache.compile(rf"\b(?:{_GUIDELINE_TALK}|must|warrants?)\b", re.I)
"""Words of a rule, not of this case (:data:`_GUIDELINE_WORDS`' and "must", "warrants"): an added sentence
that has them restates the guideline."""


def added_ground(decision: Decision, letter: str | None, said: Sequence[Span]) -> Quote | None:
    """The reviewer's next ground, in a sentence that opens by adding it ("Moreover, the injured worker is
    already taking oral naproxen.") and that nothing said of the item covers (``said``: the spans of its
    reasons and quotes): every reader asked for the second ground that would block a new request by itself,
    and the rules name only some of them. Only about this case, never a rule's words."""
    rationale = decision.spans.rationale
    if letter is None or rationale is None or decision.outcome is not Outcome.upheld:
        return None
    for start, end in _sentences(letter, rationale.start, rationale.end):
        if not _ADDING_FIRST.match(letter, start, end) or _FURTHER.match(letter, start, end):
            continue
        if _A_RULE.search(letter, start, end):
            continue
        if any(span.start < end and start < span.end for span in said):
            continue
        if (found := _quotable(letter, start, end)) is not None:
            return found
    return None


def ground_words(reason: Reason, decision: Decision, letter: str | None) -> Quote | None:
    """The words that show a reason, quotable to the worker beside its stock sentence ("The
    medical guidelines do not call for this care." says nothing of why): the reason's own
    span, on the same terms as :func:`reviewer_words`."""
    if letter is None or reason.span is None:
        return None
    said = _quotable(letter, reason.span.start, reason.span.end, doctor=True)
    return None if said is None else with_antecedent(said, letter, decision.spans.rationale)


def guideline_said(reason: Reason, letter: str | None) -> bool:
    """Whether a reason's words are a guideline's ("The Official Disability Guidelines state that infrared
    therapy is not recommended ..."), not the reviewer's about this case."""
    return (
        letter is not None and reason.span is not None and _GUIDELINE_FIRST.match(letter, reason.span.start) is not None
    )


_ANAPHOR = rxcache.compile(
    r"(?:this|that|these|those)\b(?!\s+(?:\d|injured|patient|worker|applicant|claimant|employee|individual|man"
    r"|woman|gentleman|lady|person|request|requested|case|medication|medicine|drug|procedure|surgery|device|unit"
    r"|program|stud(?:y|ies)|test|item|service|compound|cream|injection|visit|review|injury|condition|diagnos[ie]s)\w*\b)"
    r"|(?:it|they)\s+(?!is\s+(?:not\s+)?(?:medically|reasonable|appropriate|recommended)\b)\w+",
    re.I,
)
"""A sentence that opens by pointing back ("This is well beyond the short course", "That combination
carries a foreseeable hazard", "It has not helped"), not at the worker or the request ("This injured
worker", "This request"): shown alone, the worker cannot tell what it points at (round 46's reader)."""


def with_antecedent(said: Quote, letter: str, rationale: Span | None) -> Quote:
    """``said``, with the sentence before it when it opens by pointing back to that sentence
    (:data:`_ANAPHOR`) and both together are no longer than a marked main ground may be."""
    if rationale is None or said.span is None or _ANAPHOR.match(said.text) is None:
        return said
    before = [s for s in _sentences(letter, rationale.start, said.span.start) if s[1] <= said.span.start]
    if not before:
        return said
    start = before[-1][0]
    if _GUIDELINE_FIRST.match(letter, start) or len(letter[start : said.span.end].split()) > _EMPHASIS_WORDS:
        return said  # what a guideline says is not what the reviewer's sentence points at
    return quote(letter, start, said.span.end)


_EMPHASIS_PREFILTER = Prefilter(rxcache.compile(EMPHASIS, re.I))
_EMPHASIS = Windowed(_EMPHASIS_PREFILTER.pattern, _EMPHASIS_PREFILTER)
_EMPHASIS_NEEDS = FirstWords(_EMPHASIS_PREFILTER)
"""The words a mark of the main ground needs: most rationales hold none, and are then not searched sentence by
sentence."""

_EMPHASIS_WORDS = 60
"""A sentence the reviewer marks as the main ground is quoted up to this long (others: 40 words)."""


def emphasized(decision: Decision, letter: str | None) -> Quote | None:
    """The sentence the reviewer marks as the main ground, quotable to the worker (round 46's reader:
    in 14 of 56 items the main ground was not told, often where the reviewer had said which it was,
    and a minor "also" ground was quoted instead)."""
    rationale = decision.spans.rationale
    if letter is None or rationale is None:
        return None
    return emphasized_in(letter, rationale)


def harm_first(harm: Quote, reasons: Sequence[Reason], letter: str, rationale: Span, *, led: bool = False) -> bool:
    """The reviewer gives the harm before every other ground, or marks it as the main one, or gives
    no other ground at all, or the backend gave it first (``led``): then the safety ground is the main one, and its
    sentence goes first (round 43's reader: "These safety concerns are the deciding factor" came after "In addition,
    ... no documented improvement"; round 47's: "The primary issue in this case is safety", a creatinine risen from
    0.9 to 1.6, told last as "also"; round 280's: "For this injured worker, the risk of the combination outweighs the
    expected benefit", the recognizer's first ground, told last after a missing record)."""
    if harm.span is None:
        return False
    main = emphasized_in(letter, rationale)
    said = main.span if main is not None else None
    if said is not None and said.start < harm.span.end and harm.span.start < said.end:
        return True
    if led:
        return True
    starts = [r.span.start for r in reasons if r.code is not ReasonCode.safety_risk]
    return not starts or harm.span.start <= min(starts)


def emphasized_in(letter: str, rationale: Span) -> Quote | None:
    """:func:`emphasized`, for the rationale ``letter[rationale.start:rationale.end]``."""
    low = _low(letter)
    if not _may_match(_EMPHASIS_NEEDS, letter, low, rationale.start, rationale.end):
        return None
    sentences = _sentences(letter, rationale.start, rationale.end)
    for k, (start, end) in enumerate(sentences):
        if not _may_match(_EMPHASIS_NEEDS, letter, low, start, end):
            continue  # (a few words looked for: cheaper than the pattern, which has too many first words to skip by)
        if (mark := _EMPHASIS.search(letter, start, end, low)) is None:
            continue
        if _MAIN_NOUN.search(mark.group()) and _DENIED_MAIN.match(letter, mark.end(), end):
            continue  # "My principal concern, though, is not how long he has used the drug": what it is not
        if _POINTER.match(letter, start, end):
            return None  # "This is the principal reason ...": the ground is the sentence before, told already
        # "The overriding concern is safety." names it; the next one that can be quoted says it (round 47's
        # reader: a guideline's sentence came between), else the short one itself.
        said = None
        if len(letter[start:end].split()) < _HEADLINE_WORDS:
            following = (_quotable(letter, a, b, most=_EMPHASIS_WORDS) for a, b in sentences[k + 1 : k + 3])
            said = next((q for q in following if q is not None), None)
        said = said or _quotable(letter, start, end, most=_EMPHASIS_WORDS)
        return None if said is None else with_antecedent(said, letter, rationale)
    return None


_DENIED_MAIN = rxcache.compile(
    r"(?:(?!\b(?:that|which|because|whether|is|was|are|were)\b)[^.;]){0,60}?\b(?:is|was|are|were)\s+not\b"
    r"(?!\s+(?:only|just|merely|simply)\b)(?![^.;]*\bbut\b)",
    re.I,
)
"""After a main-ground marker, its denial: the sentence says what the main ground is not (and not, with a
"but", what it is), and the ground is told after it (templates 145, round 81's reader: "My principal concern
in this worker's case, though, is not how long he has used the drug" was quoted as the reviewer's ground)."""
_MAIN_NOUN = rxcache.compile(rf"\b(?:{GROUND_NOUNS})s?$", re.I)
"""The marker ends in its noun ("principal concern", not "most importantly"): only a noun can be denied."""
_POINTER = rxcache.compile(
    r"\W*(?:this|that|these|those|it|such)\b"
    r"(?!\s+(?:patient|claimant|applicant|employee|injured\s+worker|worker|individual)\b)",
    re.I,
)
"""A sentence that opens by pointing back: its ground is in the sentence before ("This patient's own
history weighs most heavily" points at the worker, not back)."""
_HEADLINE_WORDS = 12
"""Fewer words than this: a sentence that only announces the main ground ("The central issue in this
case is the injured worker's anticoagulation.")."""


def _quotable(
    letter: str, start: int, end: int, most: int = _QUOTE_WORDS, *, doctor: bool = False, unnamed: bool = False
) -> Quote | None:
    """One sentence's words the worker can be shown as the reviewer's: the clause before its
    verdict, or the whole sentence when it has none; 6 to ``most`` words about this case (``unnamed``: or words
    that name no one), not a guideline's report, the review's history, what would follow if things were otherwise
    or a bare verdict."""
    text = letter[start:end]
    verdict = _CONCLUSION.search(text) is not None
    whole = start + len(text.rstrip())
    because = False
    if verdict:
        m = _BEFORE_CONCLUSION.match(text)
        if m is None:
            return None  # the verdict alone
        group = next(g for g in ("why", "ground", "first") if m.group(g))
        start, end = start + m.start(group), start + m.end(group)
        because = group == "why"
        if not because and _NECESSITY_SHOWN.search(letter, start, end):
            return None  # "The medical necessity of the blocks is established, and the request is ...": two verdicts
    else:
        end = whole
    if (lead := _EMPTY_LEAD.match(letter, start, end)) is not None:
        start = lead.end()  # "However, there is no ...": the quote begins where the reviewer's point does
    said = letter[start:end]
    # The clause that leads to this item's verdict is about this case whatever its words.
    about = verdict or unnamed or _ABOUT_CASE.search(said) or (doctor and _ABOUT_DOCTOR.search(said))
    if not _FEWEST_WORDS <= len(said.split()) <= most or not about:
        return None
    if _generic(said):
        return None  # "The request meets the guideline criteria.": says nothing of why
    if _GUIDELINE_FIRST.match(said) and (not _ABOUT_PATIENT.search(said) or _GUIDELINE_REPORT.match(said)):
        return None  # what a guideline says, not what the reviewer found ("for any patient" too)
    if _PROCEDURE.search(said):
        return None  # the review's own history ("the Claims Administrator authorized an evaluation only")
    if numbered_criterion(said):
        return None  # "(4) Radiculopathy is not present ...": a guideline's criterion (round 156's reader)
    if _SUPPOSED.search(said) or _DIRECTIVE.search(said):
        return None  # what would follow if things were otherwise ("had the procedure been performed")
    if because and len(letter[start:whole].split()) <= most:
        if _PROCEDURE.search(letter, end, whole):
            return None  # "..., the original request, Partial Hospitalization, is medically necessary"
        end = whole  # "Since this compound contains ...": alone, a clause that never ends (round 45's reader)
    return quote(letter, start, end)

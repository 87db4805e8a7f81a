"""A learned fallback for the reasons no rule names: a sentence classifier over word features.

The rules (:mod:`llm_extract.parse.reasons`) reach about 80% of items on wording they have never
seen; the rest of a refusal's rationale gets no reason at all. This model was trained on the
invented letters' labeled sentences (``scripts/train_reason_model.py``: each upheld item's evidence
sentence is its primary ground, every other sentence "none") and is asked only where the rules
found nothing. It names the sentence it reads, so the reason is grounded like a rule's, and it
answers only when it clearly prefers one ground (``THRESHOLD``).

The weights ship as package data (``data/reason_model.txt``), read once on first use.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path

from llm_extract import budget
from llm_extract.contract.models import Reason, ReasonCode, Span
from llm_extract.errors import ConfigError
from llm_extract.parse.reasons import (
    conceded_end,
    granted_only,
    names_approved_part,
    names_no_amount,
    reports_guideline_only,
    states_no_ground,
    turns_against,
)
from llm_extract.text import rxcache
from llm_extract.text.lexicon import CARE_HAD, COMPANION_GRANTED, GRANTED, IMAGING, RELIEF_HAD

__all__ = [
    "ITEM_CODES",
    "ITEM_MODEL_FILE",
    "ITEM_THRESHOLD",
    "ITEM_VERDICT_THRESHOLD",
    "MISSING_RECORD_FLOOR",
    "MODEL_FILE",
    "NONE",
    "SECOND_THRESHOLD",
    "THRESHOLD",
    "doubts_missing_record",
    "features",
    "guess",
    "item_features",
    "item_probabilities",
    "more_grounds",
    "probabilities",
    "second_ground",
    "sentences",
]

MODEL_FILE = Path(__file__).with_name("data") / "reason_model.txt"
ITEM_MODEL_FILE = Path(__file__).with_name("data") / "reason_items.txt"
NONE = "none"
"""The class of a sentence that states no ground."""
THRESHOLD = 0.2
"""Where no rule names a ground, the model's most likely one is named when it gives it more than this.
A sentence's likeliest answer is mostly "no ground here", so a ground at 0.2 is still the one the model
clearly prefers among grounds. Chosen on two sets the model was not trained on: rounds 65-68 with the
weights of rounds 1-64 (above 0.2 it named a labeled code 243 times in 247, the primary 199), and the real
letters (``train_reason_model.py --check-real``: 2 codes the labels do not allow in 83, against 4 at 0.15
and 1 in 66 at 0.5). Round 69, written after, measured it."""

_SURE = 0.5
"""Above this the model's ground is more likely than no ground and every other together. Below it, a
sentence that only reports the guideline ("The guidelines state that long-term use of muscle relaxants is
not recommended") is not read: only the application is a ground, and the model is not sure of one."""

_DENIAL_CODES = frozenset(
    c.value
    for c in ReasonCode
    if c not in (ReasonCode.criteria_met, ReasonCode.already_authorized, ReasonCode.approved_trial_pending)
)
"""The classes the model may name for a refusal: not "none", nor the labelers' "other", nor the two that
state an approval (the care already approved, or a first part of it), which change what the worker is
told the decision is; words alone cannot tell "has not already been authorized" from "has"."""

_GRANTED = rxcache.compile(GRANTED, re.I | re.S)
_COMPANION_GRANTED = rxcache.compile(COMPANION_GRANTED, re.I | re.S)
_CARE_HAD = rxcache.compile(CARE_HAD, re.I | re.S)
_CARE_HAD_TEST_LACKED = rxcache.compile(
    r"\b(?:has|have|had)\s+(?:already\s+|also\s+)?(?:been\s+)?(?:tried|attempted|exhausted|completed|undergone)\b"
    rf"[^.;]*?\bbut\s+(?:no|not\s+(?:yet\s+)?(?:an?\s+)?)\b[^.;]*?\b{IMAGING}",
    re.I,
)
"""Care had, and a test lacked ("conservative treatment has been tried, but no nerve conduction study has yet been
performed"): the test is what is missing, not care to try first (round 281's reader: a carpal tunnel release told
"other care must be tried first")."""
_FIRST = ReasonCode.other_treatment_first.value
_RELIEF_HAD = rxcache.compile(RELIEF_HAD, re.I | re.S)
_HELPED_NOT = ReasonCode.no_functional_improvement.value
_RELATED = ReasonCode.related_item_not_approved.value
_EXCEEDS = ReasonCode.exceeds_guideline_limits.value
_PENDING = ReasonCode.approved_trial_pending.value
_NOT_RECOMMENDED = ReasonCode.not_recommended.value

_SPLIT = rxcache.compile(r"(?<=[.;])\s+(?=[A-Z(\"])")
_WORD = rxcache.compile(r"[a-z][a-z0-9'-]*")


def sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The sentences (and semicolon clauses) of ``text[start:end]``, as absolute offsets."""
    at = start
    for m in _SPLIT.finditer(text, start, end):
        yield at, m.start()
        at = m.end()
    if at < end:
        yield at, end


def features(sentence: str) -> set[str]:
    """The words of a sentence (lowered) and its pairs of adjacent words: what the model weighs."""
    words = _WORD.findall(sentence.lower())
    return {*words, *(f"{a} {b}" for a, b in itertools.pairwise(words))}


def _read(path: Path) -> tuple[tuple[str, ...], tuple[float, ...], dict[str, str]]:
    """(classes, biases, feature -> its packed "class:weight ..." row), from a shipped file. Rows are
    unpacked only for the features a sentence has: unpacking all of them took 0.2 s, too long for a
    one-letter command.

    The file holds its features, one a line, and then their rows in the same order
    (``scripts/train_reason_model.py`` writes it), uncompressed, so reading is one split and one zip
    in C: the two models take 16 ms of a cold command's CPU, where a gzipped file of
    "feature<TAB>row" lines took 41 ms."""
    text = path.read_text(encoding="utf-8")
    at = 0
    while text.startswith("#", at):
        at = text.find("\n", at) + 1 or len(text)
    lines = text[at:].rstrip("\n").split("\n")
    if len(lines) < 2 or len(lines) % 2:
        raise ConfigError(
            f"the reason model {path.name} is damaged: {len(lines)} lines after its comments, where it needs "
            "its classes, its biases and then as many rows as features",
            hint="reinstall llm-extract, or rewrite the file with scripts/train_reason_model.py",
        )
    half = len(lines) // 2 + 1
    classes = tuple(lines[0].split("\t"))
    biases = tuple(float(b) for b in lines[1].split("\t"))
    return classes, biases, dict(zip(lines[2:half], lines[half:], strict=True))


@cache
def _model() -> tuple[tuple[str, ...], tuple[float, ...], dict[str, str]]:
    """The sentence model (:data:`MODEL_FILE`)."""
    return _read(MODEL_FILE)


def _unpack(packed: str | None, width: int) -> tuple[float, ...] | None:
    """A feature's packed "class:weight ..." row as one weight per class (``width`` of them), or None
    for a word the model never saw. Dense rows are summed class by class in C (``map(sum, zip(*rows))``): on 783
    corpus sentences the sums took 14.8 ms against 19.7 for one Python addition per weight, and a dense row is
    smaller than its (class, weight) pairs."""
    if packed is None:
        return None
    row = [0.0] * width
    values = packed.replace(":", " ").split(" ")
    for k, w in zip(map(int, values[::2]), map(float, values[1::2]), strict=True):
        row[k] = w
    return tuple(row)


@lru_cache(maxsize=65536)
def _row(name: str) -> tuple[float, ...] | None:
    """One feature's weights in the sentence model; remembered, as words recur."""
    classes, _, packed = _model()
    return _unpack(packed.get(name), len(classes))


def _scores(biases: tuple[float, ...], rows: list[tuple[float, ...]]) -> list[float]:
    """Each class's bias plus its weights in ``rows``."""
    if not rows:
        return list(biases)
    return [b + s for b, s in zip(biases, map(sum, zip(*rows, strict=True)), strict=True)]


@cache
def _item_model() -> tuple[tuple[str, ...], tuple[float, ...], dict[str, str]]:
    """The item model (:data:`ITEM_MODEL_FILE`)."""
    return _read(ITEM_MODEL_FILE)


def probabilities(sentence: str) -> dict[str, float]:
    """The model's probability of each class (a reason code's value, or :data:`NONE`) for one sentence.
    Remembered, because reviewers' stock sentences recur; the dict is shared: never changed."""
    return _remembered_probabilities(sentence) if len(sentence) <= _SENTENCE_MEMO_CHARS else _probabilities(sentence)


_SENTENCE_MEMO_CHARS = 1000
"""Sentences up to this long are remembered, so the memos' size stays bounded whatever a letter holds."""


def _probabilities(sentence: str) -> dict[str, float]:
    classes, biases, _ = _model()
    scores = _scores(biases, [r for name in _sentence_features(sentence) if (r := _row(name)) is not None])
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return {c: e / total for c, e in zip(classes, exps, strict=True)}


_remembered_probabilities = lru_cache(maxsize=4096)(_probabilities)


SECOND_THRESHOLD = 0.8
"""A ground the rules did not name, beside those they did, is added only when the model is this sure of it
(0.9 was fixed before round 68 was written; 0.8 chosen on rounds 65-68, measured on round 69)."""


def second_ground(text: str, start: int, end: int, shown: set[ReasonCode]) -> Reason | None:
    """A specific ground the model is sure of (:data:`SECOND_THRESHOLD`) that the rules, which named
    ``shown``, missed: readers most often found a second ground that would block a new request by
    itself left out. Never a missing record: that is the stock line readers complain of."""
    if not shown - {ReasonCode.missing_documentation}:
        return None  # beside a missing record alone a new ground would change how that record is told
    found = guess(text, start, end, SECOND_THRESHOLD)
    if found is None or found.code in shown or found.code is ReasonCode.missing_documentation:
        return None
    return found


def guess(text: str, start: int, end: int, threshold: float | None = None) -> Reason | None:
    """The most likely ground of the refusal whose rationale is ``text[start:end]``, on the sentence
    that states it, if the model gives it more than ``threshold`` (default :data:`THRESHOLD`).

    The model's answers are remembered and the checks on a sentence are not, so the answers above the threshold
    are weighed surest first (the first sentence, then the class order, among equal ones) and only their
    sentences checked: the same answer as checking every sentence, for a fraction of the checks."""
    floor = THRESHOLD if threshold is None else threshold
    spans = list(sentences(text, start, end))
    found: list[tuple[float, int, int, str]] = []
    for k, (a, b) in enumerate(spans):
        if k % 256 == 255:
            budget.check("weighing the reasons")  # tens of thousands of sentences: a hostile letter
        found.extend(
            (-p, k, j, code)
            for j, (code, p) in enumerate(probabilities(text[a:b]).items())
            if p > floor and code in _DENIAL_CODES
        )
    eligible: dict[int, bool] = {}
    for negated, k, _, code in sorted(found):
        a, b = spans[k]
        said = text[a:b]
        if k not in eligible:
            eligible[k] = _may_state_ground(text, spans, k)
        if not eligible[k]:
            continue
        if code == _RELATED and _COMPANION_GRANTED.match(said):
            continue  # "The meniscectomy has been certified, so a rental would have been consistent"
        if code == _FIRST and (_CARE_HAD.match(said) or _CARE_HAD_TEST_LACKED.search(said)):
            continue  # "so conservative treatment has been tried": the care had, not care to try first
        if code == _HELPED_NOT and _RELIEF_HAD.match(said):
            continue  # "gave her 60% relief ..., still responding to nonoperative care": care that helped
        if code == _EXCEEDS and names_no_amount(said):
            continue  # "above the maximum safe daily amount" of acetaminophen: a harm, no amount allowed
        if -negated <= _SURE and _guideline_only(said):
            continue  # unsure, of "The guidelines state that long-term use ... is not recommended"
        while b > a and text[b - 1].isspace():
            b -= 1
        return Reason(code=ReasonCode(code), span=Span(start=a, end=b))
    return None


ITEM_CODES = (
    ReasonCode.no_functional_improvement.value,
    ReasonCode.exceeds_guideline_limits.value,
    ReasonCode.not_recommended.value,
    ReasonCode.findings_do_not_support.value,
    ReasonCode.other_treatment_first.value,
    ReasonCode.safety_risk.value,
    ReasonCode.related_item_not_approved.value,
    ReasonCode.missing_documentation.value,
)
"""The grounds the item model weighs, one yes-or-no each: a refusal's specific grounds and the missing record."""
ITEM_THRESHOLD = 0.7
"""Where the rules read no specific ground (none, or only a missing record), a ground the item model gives more than
this is added, after the others. Recognizer 2.86 chose 0.95 for every item on rounds 65-68 with the models of rounds
1-64 (coverage 93.9 -> 95.3%, primary-hit 79.2 -> 84.3%, recall 71.5 -> 76.0%, misinform 4.2% unchanged); the weights
of rounds 1-111 (recognizer 3.49) are less often that sure, so recognizer 3.51 chose again on rounds 112-129, which
neither model saw: 0.7 gave 96.7 / 90.4 / 3.6 / 84.2 (coverage, primary-hit, misinform, recall) against 96.1 / 89.7 /
3.6 / 83.7, and rounds 130-135 moved the same way (93.8 / 80.9 / 4.9 / 73.6 against 93.5 / 80.2 / 4.9 / 72.8). Of the
20 items it changes on rounds 112-135, each code added is gold (19) or acceptable (3); none is lost, and no item of
the real letters changes. Below 0.95 beside a specific ground of the rules' it added codes the labels do not allow
("He has not started therapy yet" beside an approved trial told as care to try first). Recognizer 4.12 retrained the
item model on rounds 1-266 and kept this threshold (``scripts/train_reason_model.py`` tells what was measured)."""
ITEM_VERDICT_THRESHOLD = 0.95
"""The threshold everywhere else, and always for the guideline's verdict ("not recommended"): the item model reads
words, not the qualifiers ("not routinely recommended", "not recommended as the only treatment") nor the scope
(another procedure's verdict) that make such a sentence no ground, which the rules respect."""
SUPPORT = 0.02
"""The sentence model must give the ground at least this on one sentence, the one it is shown on: without a
sentence to stand on, the item model added 7 codes the labels do not allow to the real letters."""


def _may_state_ground(text: str, spans: list[tuple[int, int]], k: int) -> bool:
    """Sentence ``k`` of ``spans`` is not a point granted, nor one the next sentence turns against, nor one that says
    no ground."""
    a, b = spans[k]
    if _GRANTED.match(text, a, b) or granted_only(text[a:b]):
        return False  # "the radicular findings are clear, so the indication itself is present": a point granted
    if k + 1 < len(spans) and turns_against(text[slice(*spans[k + 1])]):
        return False  # "He is 62, his body mass index is 36 ... What is missing is ...": granted (round 88)
    return not _no_ground(text[a:b])  # "Utilization review denied the cream because ...", "... are not the obstacle"


PENDING_SURE = 0.7
"""The sentence model names a first part of the care still under way (``approved_trial_pending``), which no rule
read, only above this, and only where the rationale says a part was approved (as the rules' pending trial needs).
On rounds 112-131 (1,955 items it was never trained on) it gives it at 0.7 or more on 9 refused items that lacked
it, all with it among their labeled grounds, and on no real letter's item (at 0.5, on 11, one merely allowed); 8 of
the 9 name an approved part, and those are the items it is added to."""


def pending_trial(text: str, start: int, end: int, shown: list[Reason]) -> Reason | None:
    """A first part of the care approved and still under way, as the ground of the refusal of the rest, where the
    model is sure of it (:data:`PENDING_SURE`) and the rules did not read it: "Whether further treatment is
    warranted should be predicated on the applicant's response to those first 4 sessions, which was not yet
    known". Never beside a duplicate (the care already approved is this item itself, not a first part of it)."""
    codes = {r.code for r in shown}
    if codes & {ReasonCode.approved_trial_pending, ReasonCode.already_authorized}:
        return None
    spans = list(sentences(text, start, end))
    best: tuple[float, int, int] | None = None
    for k, (a, b) in enumerate(spans):
        if k % 256 == 255:
            budget.check("weighing the reasons")  # tens of thousands of sentences: a hostile letter
        p = probabilities(text[a:b]).get(_PENDING, 0.0)  # remembered; the sentence checks are not, so they come last
        if p >= PENDING_SURE and (best is None or p > best[0]) and _may_state_ground(text, spans, k):
            best = (p, a, b)
    if best is None or not names_approved_part(text, start, end):
        return None
    _, a, b = best
    while b > a and text[b - 1].isspace():
        b -= 1
    return Reason(code=ReasonCode.approved_trial_pending, span=Span(start=a, end=b))


def item_features(text: str, start: int, end: int) -> set[str]:
    """The words and word pairs of a rationale's sentences, but those that only report the guideline."""
    out: set[str] = set()
    for k, (a, b) in enumerate(sentences(text, start, end)):
        if k % 256 == 255:
            budget.check("weighing the reasons")
        said = text[a:b]
        if not _guideline_only(said):
            out |= _sentence_features(said)
    return out


def _sentence_features(sentence: str) -> frozenset[str]:
    if len(sentence) > _SENTENCE_MEMO_CHARS:
        return frozenset(features(sentence))
    return _remembered_features(sentence)


@lru_cache(maxsize=4096)
def _remembered_features(sentence: str) -> frozenset[str]:
    return frozenset(features(sentence))


def _guideline_only(sentence: str) -> bool:
    """:func:`reports_guideline_only`, remembered for short sentences: stock guideline sentences recur."""
    if len(sentence) > _SENTENCE_MEMO_CHARS:
        return reports_guideline_only(sentence)
    return _remembered_guideline_only(sentence)


_remembered_guideline_only = lru_cache(maxsize=4096)(reports_guideline_only)


def _no_ground(sentence: str) -> bool:
    """:func:`states_no_ground`, remembered for short sentences."""
    if len(sentence) > _SENTENCE_MEMO_CHARS:
        return states_no_ground(sentence)
    return _remembered_no_ground(sentence)


_remembered_no_ground = lru_cache(maxsize=4096)(states_no_ground)


@lru_cache(maxsize=65536)
def _item_row(name: str) -> tuple[float, ...] | None:
    """One feature's weights in the item model; remembered, as words recur."""
    classes, _, packed = _item_model()
    return _unpack(packed.get(name), len(classes))


def item_probabilities(text: str, start: int, end: int) -> dict[str, float]:
    """The item model's probability that each of :data:`ITEM_CODES` is among the grounds of the refusal whose
    rationale is ``text[start:end]``. Trained on the labelers' whole sets of grounds, it reads the grounds
    the sentence model, trained on the main ground's sentence alone, misses: a second one above all."""
    if end - start <= _MEMO_CHARS:
        return dict(_remembered(text[start:end]))
    return dict(_item_probabilities(text, start, end))


_MEMO_CHARS = 20_000
"""Rationales up to this long have their answers remembered (by their own text, so a memo holds no whole
letter): a service is sent the same letter again, and the sentence model's answers are remembered too."""


@lru_cache(maxsize=256)
def _remembered(rationale: str) -> tuple[tuple[str, float], ...]:
    return _item_probabilities(rationale, 0, len(rationale))


def _item_probabilities(text: str, start: int, end: int) -> tuple[tuple[str, float], ...]:
    classes, biases, _ = _item_model()
    scores = _scores(biases, [r for name in item_features(text, start, end) if (r := _item_row(name)) is not None])
    return tuple((c, 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))) for c, z in zip(classes, scores, strict=True))


MISSING_RECORD_FLOOR = 0.05
"""Beside another ground, a missing record (``missing_documentation``) is shown only where the item model gives it at
least this. The rules read "there is no documentation of X" in almost every rationale, and whether the missing record
is itself a ground is the judgment they most often get wrong (it was 11 of the 34 codes shown wrongly on rounds
267-271). Chosen on rounds 201-230 with the item model of rounds 1-200 (among 0.05, 0.1, 0.2, 0.3; misinform 4.5 ->
3.1%, primary-hit 86.6 -> 86.4%, recall 77.0 -> 76.1%), then measured: rounds 231-266 with the item model of rounds
1-230, 3.5 -> 2.4% / 86.9 -> 86.8% / 78.0 -> 77.2%; rounds 267-271 with the shipped one, 6.8 -> 5.4% / 87.8 -> 87.6% /
78.4 -> 78.0%; the real fixture letters 0.6 -> 0.0% / 96.4% / 93.9 -> 92.7%. The same floor on every ground the item
model weighs cost the real letters 8 points of primary-hit, so it is the missing record's alone."""


def doubts_missing_record(text: str, start: int, end: int) -> bool:
    """The item model all but rules out a missing record among the grounds of the rationale ``text[start:end]``
    (:data:`MISSING_RECORD_FLOOR`)."""
    return item_probabilities(text, start, end)[ReasonCode.missing_documentation.value] < MISSING_RECORD_FLOOR


def more_grounds(text: str, start: int, end: int, shown: list[Reason]) -> list[Reason]:
    """The specific grounds the item model is sure of (:data:`ITEM_THRESHOLD` where ``shown`` has no specific
    ground, else :data:`ITEM_VERDICT_THRESHOLD`) that ``shown`` lacks, each on
    the sentence the sentence model likes best for it (at least :data:`SUPPORT`), surest first. Never a
    missing record (the stock line readers complain of), nor an approval, nor on a sentence a shown reason
    stands on: the rules have read that one, and another reading of it is no second ground."""
    codes = {r.code for r in shown}
    alone = codes <= {ReasonCode.missing_documentation}
    sure = [
        (p, code)
        for code, p in item_probabilities(text, start, end).items()
        if p > (ITEM_THRESHOLD if alone and code != _NOT_RECOMMENDED else ITEM_VERDICT_THRESHOLD)
        and code != ReasonCode.missing_documentation.value
        and ReasonCode(code) not in codes
    ]
    out: list[Reason] = []
    for _, code in sorted(sure, reverse=True):
        best: tuple[float, int, int] | None = None
        for a, b in sentences(text, start, end):
            if (
                _GRANTED.match(text, a, b)
                or granted_only(text[a:b])
                or any(r.span.start < b and a < r.span.end for r in shown)
            ):
                continue
            if _no_ground(text[a:b]) or (code == _RELATED and _COMPANION_GRANTED.match(text, a, b)):
                continue
            if code == _FIRST and (_CARE_HAD.match(text, a, b) or _CARE_HAD_TEST_LACKED.search(text, a, b)):
                continue  # "so conservative treatment has been tried" (round 275's reader)
            if code == _HELPED_NOT and _RELIEF_HAD.match(text, a, b):
                continue  # "gave her 60% relief ..." (round 276's reader)
            if code == _EXCEEDS and names_no_amount(text[a:b]):
                continue
            a += conceded_end(text[a:b])  # "Although he is well past 30 days, ...": a point granted, no ground
            p = probabilities(text[a:b]).get(code, 0.0)
            if p >= SUPPORT and (best is None or p > best[0]) and not _guideline_only(text[a:b]):
                best = (p, a, b)
        if best is not None:
            _, a, b = best
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            out.append(Reason(code=ReasonCode(code), span=Span(start=a, end=b)))
    return out

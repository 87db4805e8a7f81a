"""Deterministic IMR letter parser: the embedded default backend and the verifier.

The parser finds structure by anchors that every known layout shares, not by a
fixed template:

* an item heading ends with ``: Upheld`` or ``: Overturned`` at the end of a line
  (the outcome word may wrap onto the next line) and is followed by one of the
  item labels (``Claims Administrator guideline:``, ``MAXIMUS guideline:``,
  ``Decision rationale:``). The words Upheld/Overturned inside prose never satisfy
  both conditions.
* an item heading starts after the previous item's rationale. Blank lines are not
  trusted for this (pypdfium2 text has none; pypdf text has page-break blanks inside
  paragraphs), so the heading is extended backwards line by line until a line that
  ends a sentence, with the partial-certification sentences ("X was the original
  request. Y was authorized by the Claims Administrator.") treated as part of the
  heading.

Everything is returned with character offsets into the exact text given. A letter
whose decisions section or items cannot be found raises
:class:`~llm_extract.errors.UnrecognizedLetterError`; the parser never invents items.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from llm_extract import budget
from llm_extract.contract.models import (
    Case,
    Decision,
    GuidelineSource,
    Outcome,
    Patient,
    Priority,
    Reason,
    Reviewer,
    Sex,
)
from llm_extract.errors import EmptyInputError, UnrecognizedLetterError
from llm_extract.text import rxcache
from llm_extract.text.dates import NUMERIC_DATE, parse_numeric_date
from llm_extract.text.fold import fold_space as fold
from llm_extract.text.lexicon import CASE_NUMBER, SEX_ALTERNATION, SEX_WORDS
from llm_extract.text.prefilter import Prefilter, lowered

PARSER_VERSION = "1.1.2"
"""Bump on any change that can alter parser output: it is part of every cache key."""

_I = re.IGNORECASE
_S = re.IGNORECASE | re.DOTALL

DATE = NUMERIC_DATE

_DECISIONS_HEADING = rxcache.compile(
    r"IMR\s+ISSUES,?\s+DECISIONS\s+AND\s+RATIONALES|IMR\s+DECISION\(?S\)?\s+AND\s+RATIONALE\(?S\)?"
)
_INTRO = Prefilter(rxcache.compile(r"set\s+forth\s+below\s*:", _I))
_SUMMARY_HEADING = rxcache.compile(r"CLINICAL\s+CASE\s+SUMMARY")
_HOW_MADE = Prefilter(rxcache.compile(r"HOW\s+THE\s+IMR\s+FINAL\s+DETERMINATION\s+WAS\s+MADE", _I))
_LETTER_2013 = rxcache.compile(
    r"has\s+determined\s+the\s+request\s+for\s+.{1,300}?\s+is\s+(?:not\s+)?medically\s+necessary", _S
)

_OUTCOME_AT_LINE_END = Prefilter(rxcache.compile(r"\b(?P<outcome>Upheld|Overturned)[^\S\n]*$", _I | re.MULTILINE))
"""Searched only from the outcome word, and the gap before it is walked back by hand: the
old single pattern (gap, then outcome) restarted at every character of a run of spaces,
which took 14 s on 20k spaces."""
_LABEL_LINE = (
    r"[^\S\n]*(?:(?P<ca>Claims\s+Administrator\s+guideline)|(?P<max>MAXIMUS\s+guideline)"
    r"|(?P<rationale>Decision\s+rationale))\s*:"
)
_LABEL = rxcache.compile("^" + _LABEL_LINE, _I | re.MULTILINE)
"""An item label: at the start of its line, as every known layout prints it."""
_LABEL_AFTER_BREAK = rxcache.compile("\n" + _LABEL_LINE, _I)
"""The same label with the line break before it: ``re`` scans for a literal first character
fast, while ``^`` makes it try the whole pattern at every character."""
_OUTCOMES = {o.value: o for o in Outcome}
_PRIORITIES = {p.value: p for p in Priority}
_SEXES = {word: Sex(sex) for word, sex in SEX_WORDS.items()}
"""The members by their lowered words: a dict lookup, not an enum call, for each letter."""
_LABEL_ORDER = ("ca", "max", "rationale")
_NON_SPACE = rxcache.compile(r"\S")
_LABEL_TEXT = {"ca": "Claims Administrator guideline", "max": "MAXIMUS guideline", "rationale": "Decision rationale"}

_SENTENCE_MARKS = (".", "!", "?")
_CLOSERS = "\"'\u201d)]"
_ABBREVIATION_END = rxcache.compile(r"(?:\b[a-z]\.){2,}$")
_PARTIAL_CONTINUATION = rxcache.compile(
    r"(?:(?:was|were)\s+the\s+original\s+request|by\s+the\s+Claims\s+Administrator|IMR\s+eligible)\.$", _I
)
_PARTIAL_MARK = Prefilter(rxcache.compile(r"original\s+request", _I))
_MAX_HEADING = 2000
"""Real item headings, partial-certification sentences included, stay under ~500 characters.
The bound keeps hostile text (endless "was the original request." lines) from growing a
heading without limit and sending the heading regexes into quadratic backtracking."""

_ORIGINAL_REQUEST = Prefilter(rxcache.compile(r"\b(?:was|were)\s+the\s+original\s+request\.", _I))
_AUTHORIZED_BY_CA = rxcache.compile(r"\b(?:was|were)\s+authorized\s+by\s+the\s+Claims\s+Administrator\.", _I)
_REMAINING_PORTION = rxcache.compile(
    r"\s*The\s+remaining\s+IMR\s+eligible\s+portion\s+of\s+the\s+original\s+request\b,?", _I
)
_CA_AUTHORIZED = rxcache.compile(r"\s*The\s+Claims\s+Administrator\s+authorized\b", _I)
_LEAVING_ELIGIBLE = rxcache.compile(r"\bleaving\s+the\s+original\s+request\s+IMR\s+eligible\.", _I)
_THE_ORIGINAL_REQUEST = rxcache.compile(r"\s*The\s+original\s+request\b,?", _I)
_LOOSE_LEAD = rxcache.compile(r"\b(?:original\s+request|eligible)\b,?(?=\s)", _I)
"""Partial-certification sentences, matched one after another from fixed words (never a lazy
``.+?`` before a phrase, which backtracks on long headings)."""

_HEADER_FIELDS: dict[str, str] = {
    "case_number": r"Case\s+Number\s*:\s*(?P<case_number>" + CASE_NUMBER + ")",
    "date_assigned": r"Date\s+Assigned\s*:\s*(?P<date_assigned>" + DATE + ")",
    "date_of_injury": r"Date\s+of\s+Injury\s*:\s*(?P<date_of_injury>" + DATE + ")",
    "decision_date": r"Decision\s+Date\s*:\s*(?P<decision_date>" + DATE + ")",
    "ur_denial_date": r"UR\s+Denial\s+Date\s*:\s*(?P<ur_denial_date>" + DATE + ")",
    "application_received": r"Application\s+Received\s*:\s*(?P<application_received>" + DATE + ")",
    "priority": r"Priority\s*:\s*(?P<priority>Standard|Expedited)\b",
}
"""Each header field: its label, and its value as the one group (named after the field)."""
_HEADER = rxcache.compile("|".join(_HEADER_FIELDS.values()), _I)
"""Every header field in one pass. Each field's first match is one of its matches: no field's
match can begin inside another's (the labels start with different words, and no label starts
inside another label, before a colon, or inside a value), so none is skipped."""
_INJURY_IN_SUMMARY = Prefilter(
    rxcache.compile(
        r"(?:date\s+of\s+injury(?:\s+(?:of|on|is|was))?|(?:sustained|suffered)\s+an?\s+(?:[\w-]+\s+){0,3}"
        r"injury\s+on|(?:was|were)\s+injured\s+on|injured\s+on)\s*:?\s*(" + DATE + r")\b",
        _I,
    )
)

_LICENSURE = Prefilter(rxcache.compile(r"State\(s\)\s+of\s+Licensure\s*:", _I))
_SPECIALTY = Prefilter(rxcache.compile(r"Certification\(s\)\s*/\s*Specialty\s*:", _I))
_BOARD = Prefilter(rxcache.compile(r"Board\s+Certified\s+in\s+", _I))
_LICENSED = rxcache.compile(r"\band\s+is\s+licensed\s+to\s+practice\s+in\s+")
_STATES = rxcache.compile(r"[A-Z][A-Za-z ,]{0,200}?[a-z](?=\s*\.)")
_SUBSPECIALTY = rxcache.compile(r"\bhas\s+a\s+subspecialty\s+in\s+")
_JOINER_TAIL = rxcache.compile(r",?\s+(?:and\s+)?$")
_BOARD_SENTENCE_MAX = 400
"""The board-certification sentence is read within this many characters of its start."""
_VALUE_STOP = Prefilter(
    rxcache.compile(
        r"CLINICAL\s+CASE\s+SUMMARY|Certification\(s\)|State\(s\)\s+of|HOW\s+THE\s+IMR|The\s+expert\s+reviewer", _I
    )
)
_VALUE_MAX = 400
"""A credential value longer than this means the stop words were not found: cut it at its line."""

_YEARS_OLD = rxcache.compile(r"(\d(?<!\w\d)\d{0,2})[\s-]*(?:years?|yrs?\.?)[\s-]*old\b", _I)
_AGED = Prefilter(rxcache.compile(r"\b(?:age|aged)\s+(\d{1,3})\b", _I))
"""The patient's age: "45 years old" or "aged 45", whichever comes first. The number's first digit
comes first in the pattern (``\\b`` before it is the look-behind after it) so that ``re`` skips to
each digit instead of trying every character."""
_SEX_AFTER_AGE = rxcache.compile(r"[\s,]*(?:[a-z-]+\s+){0,2}?(" + SEX_ALTERNATION + r")\b", _I)
_SEX_ANYWHERE = Prefilter(rxcache.compile(r"\b(" + "|".join(w for w in SEX_WORDS if w != "man") + r")\b", _I))
"""Anywhere in the summary, "man" is too common a word to be read as the patient's sex."""

_ACOEM = Prefilter(rxcache.compile(r"ACOEM", _I))
"""The named guideline families (see :func:`_named`)."""
_MTUS = Prefilter(rxcache.compile(r"(?<!Non-)\bMTUS\b", _I))
_ODG = Prefilter(rxcache.compile(r"\bODG\b", _I))
_ODG_NAME = Prefilter(rxcache.compile(r"Official\s+Disability\s+Guidelines", _I))
_NON_MTUS = Prefilter(rxcache.compile(r"Non-MTUS\s+Citation\s*:?\s*(?P<what>[^.]*)", _I))
_NO_CITATION = Prefilter(rxcache.compile(r"did\s+not\s+cite\s+any", _I))
_NOT_CITED = Prefilter(
    rxcache.compile(r"https?://\S+|did\s+not\s+base\s+(?:their|its)\s+decision\s+on\s+the\s+(?:MTUS|ODG|ACOEM)", _I)
)
"""Mentions that are not citations: link artifacts of the PDF, and explicit negations."""


_Range = tuple[int, int]
"""A ``(start, end)`` character range: spans are plain tuples until a model is validated."""
_SpanDict = dict[str, int]


@dataclass(frozen=True)
class ParsedLetter:
    """What the parser found in one letter, all offsets into its text."""

    letter_format: str
    case: Case
    reviewer: Reviewer
    patient: Patient
    decisions: list[Decision]


ReasonFinder = Callable[[str, int, int, Outcome, str], list[Reason]]
"""Finds the reasons of one item: ``(text, rationale start, rationale end, outcome, service)``."""


def parse(text: str, *, reasons: ReasonFinder | None = None) -> ParsedLetter:
    """Parse one letter, or raise a typed error saying why it cannot be read.

    ``reasons``: called for each item that has a rationale, its result becomes the item's
    ``reasons`` (else they are empty). A caller that wants them anyway passes the finder here
    rather than copying every item afterwards: each item is then built and validated once.
    """
    if not text or text.isspace():  # (not text.strip(), without copying the text)
        raise EmptyInputError("the letter is empty", hint="pass a file that contains the letter text")
    heading = _DECISIONS_HEADING.search(text)
    if heading is None:
        raise _unrecognized(text)
    low = lowered(text)
    summary_heading = _SUMMARY_HEADING.search(text, 0, heading.start())
    how_made = _HOW_MADE.search(text, low, 0, heading.start())
    header_end = min(m.start() if m else heading.start() for m in (how_made, summary_heading))
    summary_start = summary_heading.end() if summary_heading else header_end
    case = _parse_case(text, low, header_end, summary_start, heading.start())
    budget.check("reading the header")
    reviewer = _parse_reviewer(text, low, 0, summary_heading.start() if summary_heading else heading.start())
    patient = _parse_patient(text, low, summary_start, heading.start())
    budget.check("reading the reviewer and patient")
    return ParsedLetter(
        letter_format="dwc-2016" if case.case_number else "imr-2014",
        case=case,
        reviewer=reviewer,
        patient=patient,
        decisions=_parse_decisions(text, low, heading.end(), reasons),
    )


def _unrecognized(text: str) -> UnrecognizedLetterError:
    if _LETTER_2013.search(text):
        return UnrecognizedLetterError(
            "this looks like a 2013-style IMR letter, which the rules parser does not read",
            hint="use an LLM backend (--backend llm) for this layout",
        )
    return UnrecognizedLetterError(
        "no 'IMR ISSUES, DECISIONS AND RATIONALES' section found: not an IMR final determination "
        "letter this parser knows",
        hint="check that the file is an IMR determination letter, or use --backend llm",
    )


# ---------------------------------------------------------------- header


def _parse_case(text: str, low: str, header_end: int, summary_start: int, decisions_start: int) -> Case:
    values: dict[str, object] = {}
    spans: dict[str, _SpanDict] = {}
    seen = set()
    for m in _HEADER.finditer(text, 0, header_end):
        name = m.lastgroup or ""
        if name in seen:
            continue  # only a field's first match counts, readable or not
        seen.add(name)
        raw = m.group(name)
        value: object
        if name == "case_number":
            value = raw.upper()
        elif name == "priority":
            # Case-folded: "\u017ftandard" matches the pattern case-insensitively; a word that still
            # names no member leaves the field unread rather than failing the letter.
            value = _PRIORITIES.get(raw.casefold())
        else:
            value = parse_numeric_date(raw)
        if value is not None:
            values[name] = value
            spans[name] = _span(m.span(name))
    if "date_of_injury" not in values and "case_number" not in values:
        said = _INJURY_IN_SUMMARY.search(text, low, summary_start, decisions_start)
        if said and (injury := parse_numeric_date(said.group(1))):
            values["date_of_injury"] = injury
            spans["date_of_injury"] = _span(said.span(1))
    values["spans"] = spans
    return Case.model_validate(values)


# ---------------------------------------------------------------- reviewer


def _split_list(value: str) -> list[str]:
    return [part for part in (fold(p) for p in value.split(",")) if part]


def _label_value(text: str, low: str, label: Prefilter, start: int, end: int) -> tuple[str, _Range] | None:
    m = label.search(text, low, start, end)
    if m is None:
        return None
    stop = _VALUE_STOP.search(text, low, m.end(), end)
    value_end = stop.start() if stop else end
    if value_end - m.end() > _VALUE_MAX:
        line_end = text.find("\n", m.end())
        value_end = line_end if 0 <= line_end < value_end else value_end
    raw = text[m.end() : value_end]
    if not raw.strip():
        return None  # a blank value is an absent one (an empty span is no value)
    lead = len(raw) - len(raw.lstrip())
    s, e = m.end() + lead, m.end() + len(raw.rstrip())
    return text[s:e], (s, e)


def _parse_reviewer(text: str, low: str, start: int, end: int) -> Reviewer:
    states = _label_value(text, low, _LICENSURE, start, end)
    specialties = _label_value(text, low, _SPECIALTY, start, end)
    if states or specialties:
        return Reviewer.model_validate(
            {
                "licensed_in": _split_list(states[0]) if states else [],
                "specialties": _split_list(specialties[0]) if specialties else [],
                "spans": {
                    "licensed_in": _span(states[1]) if states else None,
                    "specialties": _span(specialties[1]) if specialties else None,
                },
            }
        )
    board = _board_sentence(text, low, start, end)
    if board is None:
        return Reviewer()
    spec, sub, where = board
    found = [fold(text[spec[0] : spec[1]])] + ([fold(text[sub[0] : sub[1]])] if sub else [])
    return Reviewer.model_validate(
        {
            "licensed_in": [s for s in (fold(x) for x in re.split(r",|\band\b", text[where[0] : where[1]])) if s],
            "specialties": found,
            "spans": {"licensed_in": _span(where), "specialties": _span((spec[0], (sub or spec)[1]))},
        }
    )


def _board_sentence(text: str, low: str, start: int, end: int) -> tuple[_Range, _Range | None, _Range] | None:
    """Specialty, subspecialty and states of "Board Certified in X [has a subspecialty in Y] and is
    licensed to practice in Z.", read step by step within a bounded window."""
    for m in _BOARD.finditer(text, low, start, end):
        budget.check("reading the reviewer's board certification")
        window = min(end, m.end() + _BOARD_SENTENCE_MAX)
        licensed = _LICENSED.search(text, m.end(), window)
        states = _STATES.match(text, licensed.end(), window) if licensed else None
        if licensed is None or states is None:
            continue
        spec_end = licensed.start()
        sub = _SUBSPECIALTY.search(text, m.end(), spec_end)
        sub_span = None
        if sub is not None:
            sub_span = _before_joiner(text, sub.end(), spec_end)
            spec_end = sub.start()
        spec = _before_joiner(text, m.end(), spec_end)
        if spec[1] > spec[0] and (sub_span is None or sub_span[1] > sub_span[0]):
            return spec, sub_span, states.span()
    return None


def _before_joiner(text: str, start: int, end: int) -> _Range:
    """``start..end`` without a trailing ", and " (the words that join it to what follows)."""
    joiner = _JOINER_TAIL.search(text[start:end])
    return _trimmed(text, start, start + joiner.start() if joiner else end)


# ---------------------------------------------------------------- patient


def _parse_patient(text: str, low: str, start: int, end: int) -> Patient:
    years_old = _YEARS_OLD.search(text, start, end)
    aged = _AGED.search(text, low, start, end)
    m = aged if aged and (years_old is None or aged.start() < years_old.start()) else years_old
    if m is None:
        sex_m = _SEX_ANYWHERE.search(text, low, start, end)
        return _patient(None, None, sex_m)
    age = int(m.group(1))
    sex_m = _SEX_AFTER_AGE.match(text, m.end(), end) or _SEX_ANYWHERE.search(text, low, start, end)
    return _patient(age if age <= 120 else None, m.span(1), sex_m)


def _patient(age: int | None, age_span: _Range | None, sex_m: re.Match[str] | None) -> Patient:
    return Patient.model_validate(
        {
            "age": age,
            "sex": _SEXES[sex_m.group(1).lower()] if sex_m else None,
            "spans": {
                "age": _span(age_span) if age_span is not None and age is not None else None,
                "sex": _span(sex_m.span(1)) if sex_m else None,
            },
        }
    )


# ---------------------------------------------------------------- decisions


class _Anchor(NamedTuple):
    colon: int
    """Offset where the heading text stops (the colon, or the space before the outcome)."""
    outcome_start: int
    outcome_end: int
    outcome: Outcome


def _find_anchors(text: str, low: str, start: int, label_starts: set[int]) -> list[_Anchor]:
    """Lines that end in an outcome and whose next non-blank line starts with an item label.

    ``label_starts``: where the labels found from ``start`` (:func:`_labels`) begin. A label that
    begins a line is always one of them: a label's match never covers the start of a line that
    begins another (its words are not another label's first word), so none is skipped."""
    anchors = []
    for m in _OUTCOME_AT_LINE_END.finditer(text, low, start):
        budget.check("finding the item headings")
        colon = _gap_start(text, start, m.start("outcome"))
        if colon is None or _next_line_start(text, m.end()) not in label_starts:
            continue
        word_start, word_end = m.span("outcome")
        word = m.group("outcome").lower()
        if (part := _PART_OUTCOME.search(text, max(start, word_start - 20), word_start)) is not None:
            raise UnrecognizedLetterError(
                f"an item's outcome is '{part.group().strip()} {m.group('outcome')}', which the rules parser "
                "does not know: it cannot tell which part was approved, and refuses to guess",
                hint="read that item's decision in the letter itself, or use --backend llm",
            )
        anchors.append(_Anchor(colon, word_start, word_end, _OUTCOMES.get(word) or Outcome(word)))
    return anchors


_PART_OUTCOME = rxcache.compile(r"\b(?:partially|partly|partial|in\s+part)[^\S\n]+$", _I)
"""A qualified outcome ("Partially Overturned"): no IMR layout the parser knows writes one, and
reading its last word would tell the worker the whole request was approved (or refused)."""


def _gap_start(text: str, floor: int, outcome_start: int) -> int | None:
    """Where the heading text stops before the outcome word: its colon (the outcome may wrap to
    the next line), or the spaces before it on the same line; None if neither."""
    pos = outcome_start
    while pos > floor and text[pos - 1].isspace():
        pos -= 1
    if pos > floor and text[pos - 1] == ":":
        return pos - 1
    gap = text[pos:outcome_start]
    return pos if gap and "\n" not in gap else None


def _next_line_start(text: str, line_end: int) -> int:
    """The start of the next non-blank line after ``line_end`` (where a label would begin)."""
    nonblank = _NON_SPACE.search(text, line_end)
    pos = nonblank.start() if nonblank else len(text)
    return _line_start(text, pos, line_end)


def _line_start(text: str, pos: int, floor: int) -> int:
    return max(text.rfind("\n", floor, pos) + 1, floor)


def _heading_start(text: str, low: str, floor: int, colon: int) -> int:
    """Walk back from the heading's last line to the line after a sentence end."""
    pos = _line_start(text, colon, floor)
    floor = max(floor, colon - _MAX_HEADING)
    partial_so_far = _PARTIAL_MARK.search(text, low, pos, colon) is not None
    while pos > floor:
        before = text.rfind("\n", floor, pos - 1)  # (_line_start, inline: the loop runs per line)
        prev_start = before + 1 if before >= 0 else floor
        prev = text[prev_start:pos].strip()
        if prev and _ends_sentence(prev) and not (partial_so_far and _PARTIAL_CONTINUATION.search(prev)):
            break
        # the heading grows by this line: a mark can only appear, so search just the new part
        partial_so_far = partial_so_far or _PARTIAL_MARK.search(text, low, prev_start, min(colon, pos + 40)) is not None
        pos = prev_start
    if colon - pos > (_LONGEST_PARTIAL_HEADING if partial_so_far else _LONGEST_PLAIN_HEADING):
        # no sentence end above the heading: the rationale before it was cut off mid-sentence ("The request for
        # zolpidem 10mg" and then the next heading: round 276's letter). The heading is what follows the last blank
        # line before it that leaves it whole (its "original request" sentence too), not the rationale above (else
        # the item above has no rationale, and this one is named by a paragraph of it).
        pos = _after_last_blank(text, low, pos, colon, partial_so_far)
    first = _NON_SPACE.search(text, pos, colon)
    return first.start() if first else colon


def _after_last_blank(text: str, low: str, start: int, colon: int, partial: bool) -> int:
    """Where the text after the last blank line in ``start..colon`` begins, if that text still holds every mention of
    the original request the heading did (``partial``: "X was the original request. ... The remaining IMR eligible
    portion of the original request, ..." names it twice, and a blank line between them is a page break inside the
    heading); else ``start``."""
    marks = len(_PARTIAL_COUNT.findall(low, start, colon)) if partial else 0
    for blank in _BLANK_LINE_END.finditer(text[start:colon][::-1]):
        after = colon - blank.start()
        if not partial or len(_PARTIAL_COUNT.findall(low, after, colon)) == marks:
            return after
    return start


_PARTIAL_COUNT = rxcache.compile(r"original\s+request")
"""Each mention of the original request in a partial certification's heading (searched in the lowered text)."""


_LONGEST_PLAIN_HEADING = 300
"""Characters a heading without partial-certification sentences may span before a blank line inside it is read as
the end of the text above it: the longest such heading of the 4,586 invented and 70 real letters spans 156."""
_LONGEST_PARTIAL_HEADING = 600
"""The same for a heading with them: the longest of those letters' spans 488 (a real one 454)."""
_BLANK_LINE_END = rxcache.compile(r"\n[^\S\n]*\n")
"""A blank line (searched in reversed text: the last one before the heading's colon)."""


def _ends_sentence(line: str) -> bool:
    """``line`` (stripped) ends with ``.``, ``!`` or ``?`` and closing quotes or brackets, and not with
    an abbreviation ("e.g.")."""
    return line.rstrip(_CLOSERS).endswith(_SENTENCE_MARKS) and not _ABBREVIATION_END.search(line)


def _trimmed(text: str, start: int, end: int) -> _Range:
    """``start..end`` without its leading and trailing whitespace (empty at ``end`` if all of it is)."""
    part = text[start:end]
    rest = part.lstrip()
    trimmed_start = start + len(part) - len(rest)
    return trimmed_start, trimmed_start + len(rest.rstrip())


def _span(where: _Range) -> _SpanDict:
    """A :class:`Span` as the contract validates it (each model is validated once, from dicts)."""
    return {"start": where[0], "end": where[1]}


class _Item(NamedTuple):
    anchor: _Anchor
    heading_start: int
    labels: list[tuple[str, int, int]]
    """The item's labels in order, as (name, label_start, label_end)."""


def _parse_decisions(text: str, low: str, section_start: int, reasons: ReasonFinder | None) -> list[Decision]:
    labels: list[tuple[str, int, int]] = []
    for label in _labels(text, section_start):
        if not len(labels) % 64:  # (a letter has a few; each costs little, so check now and then)
            budget.check("finding the item labels")
        labels.append(label)
    anchors = _find_anchors(text, low, section_start, {start for _, start, _ in labels})
    rationale_count = [name for name, _, _ in labels].count("rationale")
    if not anchors:
        raise UnrecognizedLetterError(
            "the decisions section has no item heading ending in ': Upheld' or ': Overturned' "
            "followed by the item's guideline lines",
            hint="the layout is not one the rules parser knows; use --backend llm",
        )
    if rationale_count > len(anchors):
        raise UnrecognizedLetterError(
            f"found {rationale_count} decision rationales but only {len(anchors)} item headings "
            "with a readable outcome; refusing to guess the missing items",
            hint="check the letter for an item whose outcome is not 'Upheld' or 'Overturned'",
        )
    blocks = _label_blocks(anchors, labels)
    _check_layout(blocks)
    intro = _INTRO.search(text, low, section_start, anchors[0].colon)
    floor = intro.end() if intro else section_start
    items: list[_Item] = []
    for anchor, item_labels in zip(anchors, blocks, strict=True):
        budget.check("reading the item headings")
        items.append(_Item(anchor, _heading_start(text, low, floor, anchor.colon), item_labels))
        floor = item_labels[-1][2]
    decisions = []
    for index, item in enumerate(items):
        budget.check("reading the items")
        item_end = items[index + 1].heading_start if index + 1 < len(items) else len(text)
        values: dict[str, _Range] = {}
        for pos, (name, _, label_end) in enumerate(item.labels):
            value_end = item.labels[pos + 1][1] if pos + 1 < len(item.labels) else item_end
            values[name] = _trimmed(text, label_end, value_end)
        decisions.append(_decision(text, low, index + 1, item.anchor, item.heading_start, values, reasons))
    return decisions


def _labels(text: str, start: int) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of each ``_LABEL.finditer(text, start)`` match: the label at ``start``
    if a line starts there, then each label after a line break (which its match includes)."""
    pos = start
    if (start == 0 or text[start - 1] == "\n") and (first := _LABEL.match(text, start)) is not None:
        yield first.lastgroup or "", first.start(), first.end()
        pos = first.end()
    for m in _LABEL_AFTER_BREAK.finditer(text, pos):
        yield m.lastgroup or "", m.start() + 1, m.end()


def _label_blocks(anchors: list[_Anchor], labels: list[tuple[str, int, int]]) -> list[list[tuple[str, int, int]]]:
    """The labels between each heading and the next; labels before the first heading are refused."""
    if labels and labels[0][1] < anchors[0].colon:
        raise UnrecognizedLetterError(
            f"a '{_LABEL_TEXT[labels[0][0]]}:' line comes before the first item heading; "
            "refusing to guess which item it belongs to",
            hint="the layout is not one the rules parser knows; use --backend llm",
        )
    blocks: list[list[tuple[str, int, int]]] = [[] for _ in anchors]
    index = 0
    for label in labels:
        while index + 1 < len(anchors) and label[1] >= anchors[index + 1].colon:
            index += 1
        blocks[index].append(label)
    return blocks


def _check_layout(blocks: list[list[tuple[str, int, int]]]) -> None:
    """Every item is a heading followed by the same guideline lines, in the known order, ending
    with its rationale. A heading-like line inside a rationale (a line ending in "Overturned" and
    then a label line) breaks this, and the letter is refused rather than given an invented item."""
    layout = [name for name, _, _ in blocks[0]]
    known = [name for name in _LABEL_ORDER if name in layout]
    if layout != known or layout[-1:] != ["rationale"]:
        raise UnrecognizedLetterError(
            "the first item's guideline lines are not in the known order (Claims Administrator guideline, "
            "MAXIMUS guideline, Decision rationale); refusing to guess the items",
            hint="the layout is not one the rules parser knows; use --backend llm",
        )
    for number, block in enumerate(blocks[1:], start=2):
        names = [name for name, _, _ in block]
        if names != layout:
            shown = ", ".join(_LABEL_TEXT[n] for n in names) or "no guideline lines"
            raise UnrecognizedLetterError(
                f"heading-like line number {number} in the decisions section is followed by {shown}, "
                f"not by the {len(layout)} guideline lines every item of this letter has; it may be text "
                "inside a rationale, so the letter is refused rather than given an invented item",
                hint="check the letter's decisions section, or use --backend llm",
            )


def _decision(
    text: str,
    low: str,
    index: int,
    anchor: _Anchor,
    heading_start: int,
    values: dict[str, _Range],
    reasons: ReasonFinder | None,
) -> Decision:
    (s_start, s_end), original, authorized = _split_heading(text, low, heading_start, anchor.colon)
    service = fold(text[s_start:s_end])
    ca, mx, rationale = values.get("ca"), values.get("max"), values.get("rationale")
    ca_text = fold(text[ca[0] : ca[1]]) if ca else None
    mx_text = fold(text[mx[0] : mx[1]]) if mx else None
    return Decision.model_validate(
        {
            "index": index,
            "service": service,
            "outcome": anchor.outcome,
            "partial": original is not None,
            "original_request": fold(text[original[0] : original[1]]) if original else None,
            "authorized_portion": fold(text[authorized[0] : authorized[1]]) if authorized else None,
            "claims_administrator_guideline": ca_text,
            "maximus_guideline": mx_text,
            "claims_administrator_sources": _sources(ca_text),
            "maximus_sources": _sources(mx_text),
            "rationale": fold(text[rationale[0] : rationale[1]]) if rationale else None,
            "reasons": reasons(text, rationale[0], rationale[1], anchor.outcome, service)
            if reasons is not None and rationale
            else [],
            "spans": {
                "heading": {"start": heading_start, "end": anchor.outcome_end},
                "service": {"start": s_start, "end": s_end},
                "outcome": {"start": anchor.outcome_start, "end": anchor.outcome_end},
                "original_request": _span(original) if original else None,
                "authorized_portion": _span(authorized) if authorized else None,
                "claims_administrator_guideline": {"start": ca[0], "end": ca[1]} if ca else None,
                "maximus_guideline": {"start": mx[0], "end": mx[1]} if mx else None,
                "rationale": {"start": rationale[0], "end": rationale[1]} if rationale else None,
            },
        }
    )


def _split_heading(text: str, low: str, start: int, end: int) -> tuple[_Range, _Range | None, _Range | None]:
    """Service, original request and authorized portion spans of one heading.

    A partially certified item names the original request, the part the Claims Administrator
    authorized and the decided remainder, which ends the heading ("... , Z is: Upheld", or
    "... , Z: Upheld" without the "is"). The sentences are matched one after another.
    """
    whole = _trimmed(text, start, end)
    if end - start > _MAX_HEADING:
        return whole, None, None
    original = _ORIGINAL_REQUEST.search(text, low, start, end)
    if original is None:
        return whole, None, None
    orig = _trimmed(text, start, original.start())
    after = original.end()
    if (by_ca := _AUTHORIZED_BY_CA.search(text, after, end)) and (
        rest := _REMAINING_PORTION.match(text, by_ca.end(), end)
    ):
        return _decided_part(text, rest.end(), end), orig, _trimmed(text, after, by_ca.start())
    if (
        (ca_authorized := _CA_AUTHORIZED.match(text, after, end))
        and (leaving := _LEAVING_ELIGIBLE.search(text, ca_authorized.end(), end))
        and (rest := _THE_ORIGINAL_REQUEST.match(text, leaving.end(), end))
    ):
        authorized = _before_joiner(text, ca_authorized.end(), leaving.start())
        return _decided_part(text, rest.end(), end), orig, authorized
    last_lead = None
    for last_lead in _LOOSE_LEAD.finditer(text, after, end):  # noqa: B007 (the last one is wanted)
        pass
    if last_lead is not None:
        return _decided_part(text, last_lead.end(), end), orig, None
    return whole, None, None


def _decided_part(text: str, start: int, end: int) -> _Range:
    """The decided remainder: the rest of the heading, without the "is" before the colon."""
    span = _trimmed(text, start, end)
    words = text[span[0] : span[1]].rsplit(None, 1)
    if len(words) == 2 and words[1].lower() == "is":
        span = _trimmed(text, span[0], span[1] - 2)
        if text[span[1] - 1 : span[1]] == ",":  # "..., eight sessions of therapy, is: Upheld"
            span = _trimmed(text, span[0], span[1] - 1)
    return span


def guideline_sources(line: str | None) -> list[GuidelineSource]:
    """Guideline families named in one guideline line, sorted for stable output."""
    return list(_sources(line))


def _sources(line: str | None) -> tuple[GuidelineSource, ...]:
    """:func:`guideline_sources` as a tuple (a list field of the contract validates it as a list)."""
    if not line:
        return ()
    return _line_sources(line) if len(line) <= _MEMO_LINE else _read_sources(line)


_MEMO_LINE = 1000
"""Guideline lines up to this long are remembered (a quarter of them repeat within a letter,
more across letters: "Decision based on MTUS ..."); longer ones are read each time."""


@functools.lru_cache(maxsize=2048)
def _line_sources(line: str) -> tuple[GuidelineSource, ...]:
    return _read_sources(line)


def _read_sources(line: str) -> tuple[GuidelineSource, ...]:
    low = lowered(line)
    if "cite" in low and _NO_CITATION.search(line, low):
        return ()
    if ("did" in low or "http" in low) and _NOT_CITED.search(line, low):
        line = _NOT_CITED.pattern.sub(" ", line)
        low = lowered(line)
    found = _named(line, low)
    if "non-mtus" in low:
        for m in _NON_MTUS.finditer(line, low):
            what, what_low = m.group("what"), low[m.start("what") : m.end("what")]
            if len(what_low) != len(what):  # lowering moved offsets: its slice is not this text's
                what_low = lowered(what)
            if not _named(what, what_low):
                found.append(GuidelineSource.other)  # "other" sorts after the named families
                break
    return tuple(found)


def _named(line: str, low: str) -> list[GuidelineSource]:
    """The families :data:`_ACOEM`, :data:`_MTUS` and :data:`_ODG` (or :data:`_ODG_NAME`) find in
    ``line`` (``low``: it lowered), in output order.

    A pattern runs only when a word every match of it contains is in ``low`` (lowering keeps
    every letter a case-insensitive literal matches, see :func:`~llm_extract.text.prefilter.lowered`):
    most lines name one family."""
    found = []
    if "acoem" in low and _ACOEM.search(line, low):
        found.append(GuidelineSource.ACOEM)
    if "mtus" in low and _MTUS.search(line, low):
        found.append(GuidelineSource.MTUS)
    if ("odg" in low and _ODG.search(line, low)) or ("official" in low and _ODG_NAME.search(line, low)):
        found.append(GuidelineSource.ODG)
    return found

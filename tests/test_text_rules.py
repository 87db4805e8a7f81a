"""One copy of each text rule, read the same way by the parser, the verifier and the eval."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from llm_extract.evaluation.textnorm import LetterFacts as EvalFacts
from llm_extract.parse.parser import parse
from llm_extract.text.dates import find_dates, find_months, full_year, parse_numeric_date
from llm_extract.text.facts import LetterFacts
from llm_extract.text.fold import FoldedText, fold, fold_space
from llm_extract.text.lexicon import CASE_NUMBER_RE, GRANTED, sex_pattern
from llm_extract.verify.grounding import CaseAnswer, GroundedDate, LetterContext, case_problems, check_facts

SEED_003 = (Path(__file__).resolve().parent.parent / "examples" / "letters" / "seed-003.txt").read_text(
    encoding="utf-8"
)


@pytest.mark.parametrize(("raw", "year"), [("98", 1998), ("50", 1950), ("49", 2049), ("14", 2014), ("2016", 2016)])
def test_two_digit_years_read_as_the_letters_mean_them(raw: str, year: int) -> None:
    assert full_year(raw) == year


def test_seed_003_injury_date_is_accepted_by_the_verifier() -> None:
    """Before one date rule, the verifier read "2/23/98" as 2098 and rejected 1998-02-23."""
    ctx = LetterContext(text=SEED_003, parsed=parse(SEED_003))
    answer = CaseAnswer(date_of_injury=GroundedDate(value=dt.date(1998, 2, 23), quote="2/23/98"))
    assert case_problems(ctx, answer) == {}
    wrong = CaseAnswer(date_of_injury=GroundedDate(value=dt.date(2098, 2, 23), quote="2/23/98"))
    assert "date_of_injury" in case_problems(ctx, wrong)


def test_seed_003_injury_date_in_a_summary_passes_the_fact_check_in_verifier_and_eval() -> None:
    ctx = LetterContext(text=SEED_003, parsed=parse(SEED_003))
    sentence = "You were hurt at work on February 23, 1998."
    assert check_facts(ctx, sentence, "headline") == []
    assert EvalFacts(SEED_003).unsupported(sentence) == []
    assert check_facts(ctx, "You were hurt at work on February 23, 2098.", "headline") != []


def test_spanish_dates_are_checked_whatever_the_summary_language() -> None:
    facts = LetterFacts("Decision Date: 12/09/2016")
    assert facts.unsupported("La decisión es del 9 de diciembre de 2016.") == []
    assert facts.unsupported("La decisión es del 10 de diciembre de 2016.") == ["2016-12-10"]


def test_unsupported_numbers_are_reported_but_procedural_phrases_are_not() -> None:
    facts = LetterFacts("Physical therapy x 12 visits.")
    assert facts.check("12 visits were asked for; you have 30 days to appeal.").all() == []
    assert facts.check("30 visits were asked for.").numbers == ["30"]


def test_dates_in_every_spelling() -> None:
    found = {d for d, _ in find_dates("2/23/98, 12-9-2016, December 9, 2016 and 9 de diciembre de 2016")}
    assert found == {dt.date(1998, 2, 23), dt.date(2016, 12, 9)}
    assert parse_numeric_date("2/30/16") is None


def test_folding() -> None:
    assert fold_space("a\n  b\u00a0c") == "a b c"
    assert fold("\u201cquoted\u201d \u2013 dash") == '"quoted" - dash'
    text = "Acupuncture  x 12\nfor the \u201clumbar\u201d spine"
    folded = FoldedText(text)
    start, end = folded.locate('x 12 for the "lumbar" spine') or (0, 0)
    assert text[start:end] == "x 12\nfor the \u201clumbar\u201d spine"


def test_lexicon() -> None:
    assert CASE_NUMBER_RE.match("CM16-0213037") and not CASE_NUMBER_RE.match("CM16-021303")
    assert sex_pattern("female").search("a 66-year-old woman") and not sex_pattern("male").search("a woman")


@pytest.mark.parametrize(
    ("sentence", "granted"),
    [
        ("The radicular findings are clear, so the indication itself is present.", True),
        # "not in question" grants the point (it was unreachable behind the "not" guard until the review)
        ("The examination shows joint line tenderness, so the diagnosis is not in question.", True),
        ("The diagnosis is not established on examination.", False),
        ("There is no evidence that the criteria are met.", False),
    ],
)
def test_a_granted_point_is_one_that_denies_nothing(sentence: str, granted: bool) -> None:
    assert (re.match(GRANTED, sentence, re.I | re.S) is not None) is granted


def test_a_month_without_its_day_is_read_as_its_first_day() -> None:
    text = "had an MRI in June 2016 and drug screens in 08-2016; seen 12/14/2016; 13-2016 is no month"
    found = find_months(text)
    assert [day for day, _ in found] == [dt.date(2016, 6, 1), dt.date(2016, 8, 1)]
    assert text[: found[0][1]].endswith("June 2016")
    assert find_months(text, text.index("drug")) == [(dt.date(2016, 8, 1), text.index(";"))]

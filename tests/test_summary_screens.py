"""The summary's screens never leave out a pattern that may match (outputs depend on it)."""

from __future__ import annotations

import re

from llm_extract.summary.glossary import abbreviations_in
from llm_extract.summary.screens import PATIENCE, FirstWords, Screened, Windowed
from llm_extract.text.prefilter import Prefilter, lowered


def test_a_screen_lets_its_first_texts_through_then_screens() -> None:
    needs_word = Prefilter(re.compile(r"\bMRI\b"))
    needs_none = Prefilter(re.compile(r"(?<!\w)#\d"))
    screen = Screened([needs_word, needs_none])
    for _ in range(PATIENCE):
        assert screen.admitted("#60") == {needs_word, needs_none}
    # A pattern needing no word is admitted on a text holding none of the screen's words.
    assert screen.admitted("#60") == {needs_none}
    assert screen.admitted("MRI #60") == {needs_word, needs_none}


def test_first_words_rule_out_only_texts_without_them() -> None:
    words = FirstWords(
        Prefilter(re.compile(r"\b(?:this|the)\s+request\s+was\s+(?:already|previously)\s+approved\b", re.I))
    )
    for _ in range(PATIENCE):
        assert words.may_match("nothing here", 0, 12)
    low = lowered("The request was ALREADY approved. Other words.")
    assert words.may_match(low, 0, 33)
    assert not words.may_match(low, 33, len(low))
    # Every group of a conjunction is needed, not only its first: "request" and "approved" without "already".
    assert not words.may_match(lowered("The request was approved before."), 0, 32)
    assert FirstWords(Prefilter(re.compile(r"#\d"))).may_match("", 0, 0)  # needs no word: always


def test_pill_counts_are_explained_in_a_name_without_other_abbreviations() -> None:
    for _ in range(PATIENCE + 1):  # before and after the screen starts
        assert [a.term for a in abbreviations_in("Norco 10/325mg #35")] == ["opioid", "#"]  # the kind, then the count
    assert [a.term for a in abbreviations_in("MRI of the lumbar spine")] == ["MRI", "lumbar"]
    assert [a.term for a in abbreviations_in("Lumbar support")] == ["lumbar"]
    assert abbreviations_in("Knee brace") == []


def test_windowed_matches_are_the_patterns_own_in_any_window() -> None:
    """A windowed pattern tries only where its first words begin, and returns the matches
    ``finditer(text, start, end)`` would, at the text's offsets, before and after it starts
    doing so (also in a window right after a word character, and for a pattern that looks
    behind: the whole text's lowered form is read)."""
    patterns = [
        re.compile(r"\b(?:no|not|lack(?:ing)?|failed\s+to)\b", re.I),
        re.compile(r"\b(?:not|never)\b[^.]*?\babrupt(?:ly)?\b", re.I),
        re.compile(r"visits?|days?", re.I),
        re.compile(r"(?<!home\s)\bexercise\s+program\b", re.I),
    ]
    text = "Knot: NOT noted.  No abruptly-never; not stop abrupt. Lacking 3 days, home exercise program. DAYS"
    low = lowered(text)
    for pattern in patterns:
        windowed = Windowed(pattern)
        for _ in range(PATIENCE + 1):  # before and after it starts anchoring
            for start in range(len(text) + 1):
                for end in range(start, len(text) + 1, 7):
                    got = [(m.span(), m.group()) for m in windowed.finditer(text, start, end, low)]
                    assert got == [(m.span(), m.group()) for m in pattern.finditer(text, start, end)]
                    first = windowed.search(text, start, end, low)
                    expected = pattern.search(text, start, end)
                    assert (first and first.span()) == (expected and expected.span())

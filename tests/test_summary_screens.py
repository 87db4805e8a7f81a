"""The summary's screens never leave out a pattern that may match (outputs depend on it)."""

from __future__ import annotations

import re

from llm_extract.summary.glossary import abbreviations_in
from llm_extract.summary.screens import Screened
from llm_extract.text.prefilter import Prefilter


def test_a_pattern_needing_no_word_is_admitted_on_a_text_without_any_word() -> None:
    needs_word = Prefilter(re.compile(r"\bMRI\b"))
    needs_none = Prefilter(re.compile(r"(?<!\w)#\d"))
    screen = Screened([needs_word, needs_none])
    assert screen.admitted("#60") == {needs_none}
    assert screen.admitted("MRI #60") == {needs_word, needs_none}


def test_pill_counts_are_explained_in_a_name_without_other_abbreviations() -> None:
    assert [a.term for a in abbreviations_in("Norco 10/325mg #35")] == ["#"]
    assert [a.term for a in abbreviations_in("MRI of the lumbar spine")] == ["MRI"]
    assert abbreviations_in("Lumbar support") == []

"""The prefilter screen may skip a pattern only where the pattern cannot match.

Soundness is what matters (a skipped match would silently change outputs), so it is
checked on the real patterns of the reasons recognizer, on invented
text built from their own words, on the corpus sentences, and for every Unicode
character that a case-insensitive ASCII literal matches.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from llm_extract.parse import reasons
from llm_extract.text.prefilter import Prefilter, Screen, lowered

SCREENS = {"reasons": reasons._SCREEN}


def _prefilters(screen: Screen) -> list[Prefilter]:
    return list(screen._prefilters)


def _words(screen: Screen) -> list[str]:
    """The words the screen's patterns need, as written in the patterns (for invented text)."""
    return sorted({w for p in _prefilters(screen) for c in p.alternatives for g in c for w in g})


def _assert_sound(screen: Screen, text: str) -> None:
    admitted = screen.admitted(text)
    for p in _prefilters(screen):
        if p.pattern.search(text):
            assert p in admitted, (p.pattern.pattern[:60], text)


def test_a_pattern_needs_its_literal_words() -> None:
    (conjunction,) = Prefilter(re.compile(r"\bno\s+red[- ]flags?\b", re.I)).alternatives
    assert set(conjunction) == {frozenset({"no"}), frozenset({"red"}), frozenset({"flag"})}


def test_alternatives_are_kept_apart_and_optional_parts_need_nothing() -> None:
    alternatives = Prefilter(re.compile(r"\bexceeds?\b|\bin\s+excess(?:\s+of)?", re.I)).alternatives
    assert sorted(map(set, alternatives), key=len) == [
        {frozenset({"exceed"})},
        {frozenset({"in"}), frozenset({"excess"})},
    ]


def test_screen_runs_a_pattern_only_where_its_words_occur() -> None:
    red_flags = Prefilter(re.compile(r"\bno\s+red\s+flags\b", re.I))
    anything = Prefilter(re.compile(r"\w+\s+\d"))  # no literal word: always run
    screen = Screen([red_flags, anything])
    assert screen.admitted("There were NO RED FLAGS on exam.") == {red_flags, anything}
    assert screen.admitted("The exam was normal.") == {anything}


def test_case_sensitive_and_non_ascii_text_is_screened_soundly() -> None:
    ur = Prefilter(re.compile(r"\bUR\s+denied\b"))
    screen = Screen([ur])
    assert ur in screen.admitted("The UR denied it.")
    # U+017F and the Kelvin sign match "s" and "k" when case is ignored; U+0130 lowers to two characters
    assert Screen([p := Prefilter(re.compile(r"sick", re.I))]).admitted("\u017fic\u212a") == {p}
    assert Screen([p := Prefilter(re.compile(r"is", re.I))]).admitted("\u0130s") == {p}


def test_lowered_keeps_every_letter_a_case_insensitive_ascii_literal_matches() -> None:
    """No character outside ASCII may hide an ASCII letter from the screen."""
    ascii_class = re.compile(r"[\x20-\x7e]", re.I)
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        if 0xD800 <= cp <= 0xDFFF or not ascii_class.fullmatch(c):
            continue
        matched = [a for a in map(chr, range(0x20, 0x7F)) if re.fullmatch(re.escape(a), c, re.I)]
        assert {a.lower() for a in matched} == {lowered(c)}, hex(cp)


@pytest.mark.parametrize("name", sorted(SCREENS))
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_screen_never_skips_a_match_on_invented_text(name: str, data: st.DataObject) -> None:
    screen = SCREENS[name]
    vocabulary = [*_words(screen), "the", "request", "Guidelines", "MTUS", "UR", "Non-MTUS", "Citation:", "."]
    pieces = data.draw(st.lists(st.sampled_from(vocabulary), max_size=14))
    seps = data.draw(st.lists(st.sampled_from([" ", "  ", "\n", ", ", "-", ""]), min_size=len(pieces), max_size=14))
    text = "".join(p + s for p, s in zip(pieces, seps, strict=False))
    if data.draw(st.booleans()):
        text = text.upper()
    _assert_sound(screen, text)


@pytest.mark.corpus
def test_screen_never_skips_a_match_in_corpus_sentences(corpus: Path) -> None:
    for path in sorted((corpus / "text").glob("*.txt"))[:30]:
        text = path.read_text(encoding="utf-8")
        folded = reasons._fold(text, 0, len(text)).text
        for a, b in reasons._sentences(folded):
            _assert_sound(reasons._SCREEN, folded[a:b])

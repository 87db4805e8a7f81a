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

from llm_extract.parse import reasons, reasons_words
from llm_extract.text.prefilter import Prefilter, Screen, lowered, table_source

SCREENS = {"reasons": reasons._SCREEN}


def _prefilters(screen: Screen) -> list[Prefilter]:
    return list(screen._prefilters)


def _words(screen: Screen) -> list[str]:
    """The words the screen's patterns need, as written in the patterns (for invented text)."""
    return sorted({w.strip() for p in _prefilters(screen) for c in p.alternatives for g in c for w in g})


def _assert_sound(screen: Screen, text: str) -> None:
    admitted = screen.admitted(text)
    for p in _prefilters(screen):
        if p.pattern.search(text):
            assert p in admitted, (p.pattern.pattern[:60], text)


def test_a_pattern_needs_its_literal_words_marked_where_they_stand_at_a_word_boundary() -> None:
    (conjunction,) = Prefilter(re.compile(r"\bno\s+red[- ]flags?\b", re.I)).alternatives
    # "flags?" may go on with an "s": no boundary is sure after "flag".
    assert set(conjunction) == {frozenset({" no "}), frozenset({" red "}), frozenset({" flag"})}


def test_alternatives_are_kept_apart_and_optional_parts_need_nothing() -> None:
    alternatives = Prefilter(re.compile(r"\bexceeds?\b|\bin\s+excess(?:\s+of)?", re.I)).alternatives
    assert sorted(map(set, alternatives), key=len) == [
        {frozenset({" exceed"})},
        {frozenset({" in "}), frozenset({" excess"})},
    ]


def test_a_word_at_a_boundary_is_not_found_inside_a_longer_word() -> None:
    no = Prefilter(re.compile(r"\bno\b", re.I))
    screen = Screen([no])
    assert screen.admitted("I know the diagnosis and nothing else") == set()
    assert screen.admitted("(No) red flags") == {no}
    assert screen.admitted("no_flags") == set()
    # Lowering drops the dot of "I\u0307" and brings an "i" next to "no": the boundary still counts.
    assert no.pattern.search("I\u0307no") and screen.admitted("I\u0307no") == {no}


def test_a_pattern_that_needs_no_word_always_runs() -> None:
    red_flags = Prefilter(re.compile(r"\bno\s+red\s+flags\b", re.I))
    anything = Prefilter(re.compile(r"\d\s+\d"))
    assert Screen([red_flags, anything]).admitted("1 2") == {anything}


def test_first_words_are_those_every_match_begins_with() -> None:
    # Marked with a space: the word follows \b, so it cannot begin right after a word character.
    assert Prefilter(re.compile(r"\b(?:did|does|do)\s+not\b", re.I)).starts == (" did", " do")
    assert Prefilter(re.compile(r"\bno\b|\bnot\b|\black\s+of", re.I)).starts == (" lack", " no")
    assert Prefilter(re.compile(r"no|\bnot", re.I)).starts == ("no",)
    assert Prefilter(re.compile(r"(?:\w+\s+)?not", re.I)).starts is None  # may begin with any word
    assert Prefilter(re.compile(r"x?not", re.I)).starts == ("not", "x")  # with the optional part or without
    assert Prefilter(re.compile(r"\b[Uu]tilization|^\W*per\s", 0)).starts == (" utilization", "^")


@pytest.mark.parametrize("name", sorted(SCREENS))
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_finditer_from_first_words_finds_what_re_finds(name: str, data: st.DataObject) -> None:
    screen = SCREENS[name]
    vocabulary = [*_words(screen), "the", "request", "I\u0307", "\u0130", "\u017f", "not", "no"]
    pieces = data.draw(st.lists(st.sampled_from(vocabulary), max_size=14))
    seps = data.draw(
        st.lists(st.sampled_from([" ", "  ", ", ", "-", "", "_", ". "]), min_size=len(pieces), max_size=14)
    )
    text = "".join(p + s for p, s in zip(pieces, seps, strict=False))
    if data.draw(st.booleans()):
        text = text.upper()
    for p in _prefilters(screen):
        expected = [m.span() for m in p.pattern.finditer(text)]
        assert [m.span() for m in p.finditer(text, lowered(text))] == expected, (p.pattern.pattern[:60], text)


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
    seps = data.draw(
        st.lists(st.sampled_from([" ", "  ", "\n", ", ", "-", "", "_", "I\u0307"]), min_size=len(pieces), max_size=14)
    )
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


def _reasons_prefilters() -> list[Prefilter]:
    return [*reasons._SCREEN._prefilters, reasons._CONDITIONAL]


_WORDS_DOC = """The reasons recognizer's prefilters, derived beforehand: a fresh process reads this instead
of parsing every pattern (tens of milliseconds). Generated, do not edit:
    PYTHONPATH=$PWD .venv/bin/python tests/test_text_prefilter.py
(tests/test_text_prefilter.py checks it is current; a pattern missing here is derived on first use).
"""


def test_the_reasons_derivations_made_beforehand_are_current() -> None:
    fingerprints = {p.fingerprint for p in _reasons_prefilters()}
    assert set(reasons_words.TABLE) == fingerprints, "stale: regenerate reasons_words.py (see its docstring)"
    for p in _reasons_prefilters():
        assert reasons_words.TABLE[p.fingerprint] == p.derived(), p.source[:60]


def test_a_prefilter_reads_its_derivation_from_a_table_and_derives_what_is_missing() -> None:
    fresh = Prefilter(re.compile(r"\bno\s+red\s+flags\b", re.I))
    made_beforehand = Prefilter(r"\bno\s+red\s+flags\b", {fresh.fingerprint: fresh.derived()}, re.I | re.U)
    assert made_beforehand.fingerprint == fresh.fingerprint
    assert made_beforehand.alternatives == fresh.alternatives and made_beforehand.starts == fresh.starts
    assert made_beforehand._compiled is None  # compiled when it first runs
    assert made_beforehand.pattern.search("NO RED FLAGS") and made_beforehand._compiled is not None
    # A table entry is only found by the pattern it was made for.
    other = Prefilter(r"\bno\s+red\s+flag\b", {fresh.fingerprint: ((), None)}, re.I)
    assert other.alternatives != [] and other.starts == (" no",)


if __name__ == "__main__":  # regenerate llm_extract/parse/reasons_words.py
    import subprocess

    target = Path(reasons_words.__file__)
    target.write_text(table_source(_reasons_prefilters(), _WORDS_DOC.strip() + "\n"), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "ruff", "format", "-q", str(target)], check=False)

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

from llm_extract.parse import parser, reasons, reasons_words
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
    low = lowered(text)
    words = screen.words(low)
    for p in _prefilters(screen):
        expected = [m.span() for m in p.pattern.finditer(text)]
        assert [m.span() for m in p.finditer(text, low)] == expected, (p.pattern.pattern[:60], text)
        assert [m.span() for m in screen.finditer(p, text, low, words)] == expected, (p.pattern.pattern[:60], text)


@pytest.mark.parametrize("name", sorted(SCREENS))
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_the_screen_answers_as_its_conjunctions_read_one_at_a_time(name: str, data: st.DataObject) -> None:
    """All conjunctions are read at once (slots of bits ANDed): the answer is what reading
    each one's groups against the text's word bits gives, for every question asked."""
    screen = SCREENS[name]
    vocabulary = [*_words(screen), "the", "request", "not", "no"]
    text = " ".join(data.draw(st.lists(st.sampled_from(vocabulary), max_size=30)))
    words = screen.words(lowered(text))
    table = screen._table
    assert table is not None
    present = words >> table.shift
    expected = 0
    for i, p in enumerate(_prefilters(screen)):
        conjunctions = [[{table.bits.get(w, 0) for w in g} for g in c] for c in p.alternatives]
        if any(all(any(b and present & b for b in g) for g in c) for c in conjunctions):
            expected |= 1 << i
    always = table.always
    assert screen.passing(words, -1) == expected | always
    among = data.draw(st.integers(min_value=0, max_value=(1 << len(_prefilters(screen))) - 1))
    assert screen.passing(words, among) == (expected | always) & among
    for i in range(len(_prefilters(screen))):
        assert screen.passes(words, 1 << i) == bool((expected | always) >> i & 1)


def test_a_screen_looks_only_for_the_first_words_of_the_branches_a_text_has() -> None:
    either = Prefilter(re.compile(r"\b(?:the\s+\w+\s+was\s+denied|as\s+noted)\b", re.I))
    assert [starts for _, starts in either.branches] == [(" the",), (" as",)]
    assert either.firsts_of(0b10) == (("as", True),) and either.firsts_of(0) == ()
    screen = Screen([either])
    text = "The knee was denied, as the guideline noted."  # "as noted" is absent: only "the" is tried
    low = lowered(text)
    assert [m.group() for m in screen.finditer(either, text, low, screen.words(low))] == ["The knee was denied"]
    # Not an alternation (or one inside a longer sequence): no branches of its own.
    assert Prefilter(re.compile(r"(?:no|lack\s+of)\s+benefit", re.I)).branches == ()


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


# --- searching from first words, within a range (the parser's patterns) ---------------------

PARSER_PATTERNS = {name: value for name, value in vars(parser).items() if isinstance(value, Prefilter)}


def _spans(matches: object) -> list[tuple[tuple[int, int], tuple[object, ...]]]:
    return [(m.span(), m.groups()) for m in matches]  # type: ignore[attr-defined]


def _assert_same(p: Prefilter, text: str, start: int = 0, end: int | None = None) -> None:
    """``search`` and ``finditer`` within ``start..end`` return exactly what ``re`` returns."""
    low = lowered(text)
    stop = len(text) if end is None else end
    expected = p.pattern.search(text, start, stop)
    got = p.search(text, low, start, end)
    assert (got and (got.span(), got.groups())) == (expected and (expected.span(), expected.groups())), (
        p.pattern.pattern[:60],
        text[:200],
    )
    assert _spans(p.finditer(text, low, start, end)) == _spans(p.pattern.finditer(text, start, stop))


def test_the_parsers_first_words_are_read_from_its_patterns() -> None:
    outcome = parser._OUTCOME_AT_LINE_END
    assert outcome.search("Item: Upheld\n", lowered("Item: Upheld\n")) is not None
    assert outcome.starts == (" overturned", " upheld")
    assert parser._MTUS.starts == (" mtus",)  # after the look-behind and \b
    assert parser._NOT_CITED.starts == ("did", "http")


def test_a_pattern_without_first_words_is_searched_the_ordinary_way() -> None:
    digits = Prefilter(re.compile(r"\d+\s+years", re.I))
    assert digits.search("aged 45 years", lowered("aged 45 years")).span() == (5, 13)  # type: ignore[union-attr]
    assert digits.starts is None
    # A multiline ``^`` begins a match after any line break, not only where the text begins.
    lines = Prefilter(re.compile(r"^per\b", re.I | re.M))
    assert lines.starts is None
    _assert_same(lines, "x\nPer the MTUS\nper diem", 1)
    _assert_same(Prefilter(re.compile(r"^\W*per\s|\bmtus", re.I)), "Per MTUS, per ODG")
    _assert_same(Prefilter(re.compile(r"^\W*per\s|\bmtus", re.I)), "Per MTUS, per ODG", 1)


def test_finditer_skips_first_words_inside_the_last_match() -> None:
    """A first word inside a match starts no match of its own (matches never overlap)."""
    text = "Non-MTUS Citation Non-MTUS Citation ODG. non-mtus citation x"
    _assert_same(parser._NON_MTUS, text)
    assert len(list(parser._NON_MTUS.finditer(text, lowered(text)))) == 2


def test_text_whose_lowered_form_moves_offsets_is_searched_the_ordinary_way() -> None:
    text = "i\u0307 Non-MTUS Citation ODG"  # "i" and a combining dot lower to one character
    assert len(lowered(text)) != len(text)
    for p in PARSER_PATTERNS.values():
        _assert_same(p, text)


def test_letters_hidden_by_case_are_found_within_a_range() -> None:
    """U+017F, U+0131, U+0130 and the Kelvin sign match ASCII letters when case is ignored."""
    for text in ("Cla\u0131m\u017f Admin: x", "ORIGINAL REQUE\u017fT", "\u0130MR eligible", "WOMAN \u212a"):
        for p in PARSER_PATTERNS.values():
            _assert_same(p, text)
            _assert_same(p, "x " + text.upper() + " y", 1)


@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_search_within_a_range_finds_what_re_finds(data: st.DataObject) -> None:
    words = sorted({w.strip() for p in PARSER_PATTERNS.values() for w in p.starts or ()})
    vocabulary = [*words, "Upheld", "ODG", "Non-MTUS", "Citation", "is", "licensed", "in", "12/01/2015", ":", "."]
    pieces = data.draw(st.lists(st.sampled_from(vocabulary), max_size=16))
    seps = data.draw(st.lists(st.sampled_from([" ", "  ", "\n", ", ", "\n  ", "", "\u017f", "\u0130"]), max_size=16))
    text = "".join(p + s for p, s in zip(pieces, seps + [" "] * len(pieces), strict=False))
    if data.draw(st.booleans()):
        text = text.upper()
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.one_of(st.none(), st.integers(start, len(text))))
    for p in PARSER_PATTERNS.values():
        _assert_same(p, text, start, end)


@pytest.mark.corpus
def test_search_within_a_range_on_corpus_letters(corpus: Path) -> None:
    for path in sorted((corpus / "text").glob("*.txt"))[:40]:
        text = path.read_text(encoding="utf-8")
        for p in PARSER_PATTERNS.values():
            _assert_same(p, text)
            _assert_same(p, text, len(text) // 3, 2 * len(text) // 3)


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
    other = Prefilter(r"\bno\s+red\s+flag\b", {fresh.fingerprint: ((), None, ())}, re.I)
    assert other.alternatives != [] and other.starts == (" no",)


if __name__ == "__main__":  # regenerate llm_extract/parse/reasons_words.py
    import subprocess

    target = Path(reasons_words.__file__)
    target.write_text(table_source(_reasons_prefilters(), _WORDS_DOC.strip() + "\n"), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "ruff", "format", "-q", str(target)], check=False)

"""An anchored search must return exactly the pattern's own matches.

It tries a pattern only where its first words occur in the lowered text, so a wrong
first word, a character that hides a letter from the lowered text, or a wrong line
start would silently lose a match. Checked against ``re`` itself on the parser's real
patterns: on the corpus, on invented text built from the patterns' own words and on
every Unicode character a case-insensitive ASCII literal matches.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from llm_extract.parse import parser
from llm_extract.text.scan import Anchored, lowered

PATTERNS = {
    name: value
    for name, value in [
        *vars(parser).items(),
        *((f"header {k}", v) for k, v in parser._HEADER_FIELDS.items()),
        *((f"source {k.value}", v) for k, v in parser._SOURCE_PATTERNS),
    ]
    if isinstance(value, Anchored)
}


def _spans(matches: object) -> list[tuple[tuple[int, int], tuple[object, ...]]]:
    return [(m.span(), m.groups()) for m in matches]  # type: ignore[attr-defined]


def _assert_same(anchored: Anchored, text: str, start: int = 0, end: int | None = None) -> None:
    low = lowered(text)
    stop = len(text) if end is None else end
    expected = anchored.pattern.search(text, start, stop)
    got = anchored.search(text, low, start, end)
    assert (got and (got.span(), got.groups())) == (expected and (expected.span(), expected.groups())), (
        anchored.pattern.pattern[:60],
        text[:200],
    )
    assert _spans(anchored.finditer(text, low, start, end)) == _spans(anchored.pattern.finditer(text, start, stop))


def test_first_words_are_read_from_the_pattern() -> None:
    outcome = parser._OUTCOME_AT_LINE_END
    assert outcome.search("Item: Upheld\n", lowered("Item: Upheld\n")) is not None
    assert outcome.words == ("overturned", "upheld")
    assert parser._SOURCE_PATTERNS[1][1].words == ("mtus",)  # after the look-behind and \b
    assert parser._NOT_CITED.words == ("did", "http")


def test_a_pattern_without_a_first_word_is_searched_the_ordinary_way() -> None:
    digits = Anchored(re.compile(r"\d+\s+years", re.I))
    assert digits.search("aged 45 years", lowered("aged 45 years")).span() == (5, 13)  # type: ignore[union-attr]
    assert digits.words == ()


def test_words_inside_groups_branches_and_repeats() -> None:
    assert Anchored(re.compile(r"(?:\bfoo|Bar+)\s")).words == ("ba", "foo")
    assert Anchored(re.compile(r"(?:foo)?bar")).words == ()  # an optional first part: searched as is
    assert Anchored(re.compile(r"(?<!x)\bMTUS")).words == ("mtus",)


def test_finditer_skips_words_inside_the_last_match() -> None:
    """A first word inside a match starts no match of its own (matches never overlap)."""
    text = "Non-MTUS Citation Non-MTUS Citation ODG. non-mtus citation x"
    _assert_same(parser._NON_MTUS, text)
    assert len(list(parser._NON_MTUS.finditer(text, lowered(text)))) == 2


def test_text_whose_lowered_form_moves_offsets_is_searched_the_ordinary_way() -> None:
    text = "i\u0307 Non-MTUS Citation ODG"  # "i" and a combining dot lower to one character
    assert len(lowered(text)) != len(text)
    for anchored in PATTERNS.values():
        _assert_same(anchored, text)


def test_letters_hidden_by_case_are_found() -> None:
    """U+017F, U+0131, U+0130 and the Kelvin sign match ASCII letters when case is ignored."""
    for text in ("Cla\u0131m\u017f Admin: x", "ORIGINAL REQUE\u017fT", "\u0130MR eligible", "WOMAN \u212a"):
        for anchored in PATTERNS.values():
            _assert_same(anchored, text)
            _assert_same(anchored, "x " + text.upper() + " y", 1)


@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_invented_text_from_the_patterns_own_words(data: st.DataObject) -> None:
    words = sorted({w for a in PATTERNS.values() for w in a.words})
    vocabulary = [*words, "Upheld", "ODG", "Non-MTUS", "Citation", "is", "licensed", "in", "12/01/2015", ":", "."]
    pieces = data.draw(st.lists(st.sampled_from(vocabulary), max_size=16))
    seps = data.draw(st.lists(st.sampled_from([" ", "  ", "\n", ", ", "\n  ", "", "\u017f", "\u0130"]), max_size=16))
    text = "".join(p + s for p, s in zip(pieces, seps + [" "] * len(pieces), strict=False))
    if data.draw(st.booleans()):
        text = text.upper()
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.one_of(st.none(), st.integers(start, len(text))))
    for anchored in PATTERNS.values():
        _assert_same(anchored, text, start, end)


@pytest.mark.corpus
def test_corpus_letters(corpus: Path) -> None:
    for path in sorted((corpus / "text").glob("*.txt"))[:40]:
        text = path.read_text(encoding="utf-8")
        for anchored in PATTERNS.values():
            _assert_same(anchored, text)
            _assert_same(anchored, text, len(text) // 3, 2 * len(text) // 3)

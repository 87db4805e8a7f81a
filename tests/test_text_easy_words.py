"""Tests for ``easy_words_en``: the familiar-word list, the inflection rule and the Dale-Chall grade."""

from __future__ import annotations

import pytest

from llm_extract.text import easy_words as easy_words_en
from llm_extract.text.easy_words import (
    _count_sentences,
    dale_chall_grade,
    dale_chall_score,
    easy_words,
    hard_words,
    is_known_word,
)


def test_list_is_the_dale_chall_list() -> None:
    words = easy_words()
    assert 2900 <= len(words) <= 3100
    assert {"a", "i", "doctor", "hospital", "medicine", "nurse", "pain", "work", "don't", "mr.", "good-bye"} <= words
    assert all(word == word.lower() and word.strip() == word for word in words)
    assert "lumbar" not in words and "claimant" not in words


@pytest.mark.parametrize(
    "word",
    [
        # listed words in any case
        "doctor", "Doctor", "HOSPITAL", "don't", "Don\u2019t", "good-bye", "o'clock", "Mr", "Mrs",
        # -s / -es / -ies
        "doctors", "nurses", "boxes", "watches", "babies", "families",
        # -ed / -d / doubled / -ied
        "jumped", "used", "stopped", "carried", "hurried", "worked",
        # -ing / dropped e / doubled
        "jumping", "making", "running", "sitting", "helping",
        # -er / -est with variants
        "older", "oldest", "nicer", "nicest", "bigger", "biggest", "happier", "happiest",
        # -ly / -ily / -le
        "quickly", "happily", "gently", "simply", "badly",
        # possessives and contractions
        "doctor's", "nurse's", "it'll", "they're", "we've",
        # hyphenated words whose parts are all known
        "follow-up", "six-week", "x-ray", "back-up",
        # ignored: numbers and single letters
        "24", "L4", "3rd", "2016", "x", "B",
    ],
)  # fmt: skip
def test_known_words(word: str) -> None:
    assert is_known_word(word)


@pytest.mark.parametrize(
    "word",
    ["lumbar", "claimant", "arthroscopy", "denied", "chiropractic", "MRI", "non-surgical", "o'neil", "workers'comp"],
)
def test_unknown_words(word: str) -> None:
    assert not is_known_word(word)


def test_stacked_suffixes_are_not_known_unless_listed() -> None:
    assert is_known_word("workers")  # "worker" is listed
    assert is_known_word("walker")  # walk + er
    assert not is_known_word("walkers")  # walk + er + s: "walker" is not listed
    assert not is_known_word("ss")


def test_hard_words_order_dedup_and_case() -> None:
    text = "Your MRI was denied. The mri showed lumbar strain; the lumbar MRI is old."
    assert hard_words(text) == ["MRI", "denied", "lumbar", "strain"]


def test_hard_words_ignores_numbers_and_single_letters() -> None:
    assert hard_words("On 1/19/2009 you got 24 pills, 3.5 each day, at 8 a.m. Plan B.") == []


def test_hard_words_glossary() -> None:
    text = "The EMG unit and two EMG trials were approved for the claimant's lumbar pain."
    assert hard_words(text) == ["EMG", "unit", "trials", "approved", "claimant's", "lumbar"]
    glossary = frozenset({"emg", "unit", "trial", "approve", "claimant", "lumbar"})
    assert hard_words(text, glossary) == []


def test_hard_words_hyphenated_and_curly_apostrophes() -> None:
    text = "Your follow-up visit is set. Don\u2019t skip the non-surgical care or the doctor\u2019s x-ray."
    assert hard_words(text) == ["non-surgical"]


def test_hard_words_plain_summary() -> None:
    text = (
        "Your request for more physical therapy was approved. You can have 6 more visits. "
        "The reviewer said the therapy is helping your back."
    )
    # "visits" (visit + s) and "reviewer" (review + er) are regular inflections of listed words
    assert hard_words(text) == ["request", "physical", "therapy", "approved"]


def test_dale_chall_score_formula() -> None:
    # 9 words, 2 sentences, all familiar: 0.1579 * 0 + 0.0496 * 4.5
    assert dale_chall_score("The cat sat on the mat. The dog ran.") == pytest.approx(0.0496 * 4.5)
    # 4 words, 1 sentence, 1 unfamiliar (25% > 5%): 0.1579 * 25 + 0.0496 * 4 + 3.6365
    assert dale_chall_score("The lumbar pain ended.") == pytest.approx(0.1579 * 25 + 0.0496 * 4 + 3.6365)
    assert dale_chall_score("") == 0.0


def test_dale_chall_counts_every_occurrence_and_uses_glossary() -> None:
    text = "Lumbar pain. Lumbar pain."
    assert dale_chall_score(text) == pytest.approx(0.1579 * 50 + 0.0496 * 2 + 3.6365)
    assert dale_chall_score(text, frozenset({"lumbar"})) == pytest.approx(0.0496 * 2)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Dr. Smith saw you at 3 p.m. on Monday. You are better.", 2),
        ("Is more therapy needed? No. The reviewer said so.", 3),
        ("Some drugs (e.g. opioids) are risky. Talk to your doctor.", 2),
        ("You moved to the U.S. in 2017.", 1),
        ("Approved:\n- therapy\n- a brace", 3),
        ("First part\n\nSecond part", 2),
        ("A line that was\nwrapped by hand.", 1),
        ("J. Smith wrote the note.", 1),
        ("He said \u201cstop.\u201d Then he left!", 2),
        ("", 0),
        ("...", 0),
    ],
)
def test_sentence_counting(text: str, sentences: int) -> None:
    assert _count_sentences(text) == sentences


def test_dale_chall_uses_sentence_count() -> None:
    # 7 familiar words in 3 pieces (a heading and two list items)
    assert dale_chall_score("Good news:\n- more rest\n- a warm bath") == pytest.approx(0.0496 * 7 / 3)


def test_dale_chall_grade_table(monkeypatch: pytest.MonkeyPatch) -> None:
    table = [
        (0.0, 4.0), (4.9, 4.0), (4.99, 4.0), (5.0, 6.0), (5.9, 6.0), (6.0, 8.0), (6.95, 8.0), (7.0, 10.0),
        (8.0, 12.0), (8.99, 12.0), (9.0, 15.0), (9.9, 15.0), (10.0, 16.0), (14.2, 16.0),
    ]  # fmt: skip
    for score, expected in table:
        monkeypatch.setattr(easy_words_en, "dale_chall_score", lambda text, glossary=frozenset(), s=score: s)
        assert easy_words_en.dale_chall_grade("anything") == expected, score


def test_dale_chall_grade_on_real_text() -> None:
    plain = "You hurt your back at work. Your doctor wants you to rest. You can go back to work next week."
    hard = (
        "The claimant sustained a cumulative trauma injury with lumbar radiculopathy; electrodiagnostic "
        "studies and an orthopedic consultation were certified as medically necessary."
    )
    assert dale_chall_grade(plain) <= 6.0
    assert dale_chall_grade(hard) >= 12.0

"""The worker's document is scored for readability on what the worker reads, without the
small print and the letter's own treatment names (llm_extract/render/reading.py)."""

from __future__ import annotations

import pytest

from llm_extract.contract.models import Extraction
from llm_extract.engine.api import extract_text
from llm_extract.evaluation.fixtures import REPO_ROOT
from llm_extract.render.api import to_text
from llm_extract.render.reading import document_readability, reading_text
from llm_extract.render.words import WORDS
from tests.letterkit import Item, Letter

EXAMPLE = REPO_ROOT / "docs" / "screenshots" / "example-letter.txt"
SEEDS = sorted((REPO_ROOT / "examples" / "letters").glob("seed-*.txt"))


@pytest.fixture(scope="module")
def example() -> Extraction:
    return extract_text(EXAMPLE.read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", ["en", "es"])
def test_small_print_is_not_scored_and_everything_else_is(example: Extraction, lang: str) -> None:
    words = WORDS[lang]
    document = to_text(example, lang)  # type: ignore[arg-type]
    scored = reading_text(example, lang)  # type: ignore[arg-type]
    assert words.legal in document and words.made_by in document
    assert words.legal not in scored and words.made_by not in scored
    for kept in (words.title, words.decided, words.steps, words.approved, words.not_approved):
        assert kept in scored
    summary = example.summary if lang == "en" else extract_text(EXAMPLE.read_text(encoding="utf-8"), lang="es").summary
    assert summary.headline in scored
    assert all(step.split(". ")[0] in scored for step in summary.next_steps)


def test_the_letters_treatment_names_are_left_out(example: Extraction) -> None:
    scored = reading_text(example, "en")
    names = [d.service for d in example.decisions]
    assert any(name in to_text(example, "en") for name in names)
    assert not any(name.removesuffix(".") in scored for name in names)


def test_spanish_keeps_the_glossary_name_and_drops_the_letters_words_with_their_parentheses() -> None:
    letter = Letter([Item("MRI of the lumbar spine: Upheld")]).clean()
    extraction = extract_text(letter, lang="es")
    assert "resonancia magnética, zona lumbar (MRI of the lumbar spine)" in to_text(extraction, "es")
    scored = reading_text(extraction, "es")
    assert "resonancia magnética, zona lumbar" in scored
    assert "MRI of the lumbar spine" not in scored and "()" not in scored


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_longer_treatment_name_does_not_change_the_score(lang: str) -> None:
    """The letter's identifiers are not our wording: only the words we chose move the score
    (both are named "masaje terapéutico" in Spanish). Massage has no explanation: a one-word
    name that begins its own explanation ("Acupuncture is care with ...") is taken out of that
    sentence too, since the letter's words are removed wherever they stand whole."""
    short = Letter([Item("Massage: Upheld")]).clean()
    long = Letter([Item("Six sessions of massage one time a week for six weeks: Upheld")]).clean()
    a, b = extract_text(short, lang=lang), extract_text(long, lang=lang)
    assert to_text(a, lang) != to_text(b, lang)  # type: ignore[arg-type]
    assert document_readability(a, lang).score == document_readability(b, lang).score  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_every_seed_document_meets_the_reading_target(seed: object, lang: str) -> None:
    extraction = extract_text(seed.read_text(encoding="utf-8"), lang=lang)  # type: ignore[attr-defined]
    readability = document_readability(extraction)
    assert readability.meets_target, (seed, lang, readability.score)

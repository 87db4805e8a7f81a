"""Readability scores: offline, per-language, rounded, deterministic."""

from __future__ import annotations

import socket
from typing import Any

import pytest

from llm_extract.contract.models import ReadabilityMetric
from llm_extract.summary.readability import ENGLISH_TARGET, SPANISH_TARGET, hard_words, score

EASY_EN = "Your request is not approved. You can appeal. You have a set time to do it."
HARD_EN = (
    "Notwithstanding the aforementioned considerations, the independent medical reviewer "
    "determined that continuation of multidisciplinary rehabilitative interventions was "
    "insufficiently substantiated by contemporaneous documentation."
)
EASY_ES = "Su pedido no fue aprobado. Usted puede apelar. Tiene un plazo para hacerlo."
HARD_ES = (
    "Independientemente de las consideraciones anteriormente mencionadas, el revisor "
    "determinó que la continuación de intervenciones rehabilitadoras multidisciplinarias "
    "estaba insuficientemente fundamentada por la documentación contemporánea."
)


def test_english_uses_flesch_kincaid_grade() -> None:
    easy = score(EASY_EN, "en")
    assert easy.metric is ReadabilityMetric.flesch_kincaid_grade
    assert easy.target == ENGLISH_TARGET == 6.0
    assert easy.meets_target and easy.score <= 6
    hard = score(HARD_EN, "en")
    assert not hard.meets_target and hard.score > 12


def test_spanish_uses_fernandez_huerta_ease() -> None:
    easy = score(EASY_ES, "es")
    assert easy.metric is ReadabilityMetric.fernandez_huerta
    assert easy.target == SPANISH_TARGET == 70.0
    assert easy.meets_target and easy.score >= 70
    hard = score(HARD_ES, "es")
    assert not hard.meets_target and hard.score < 50


def test_scores_are_rounded_to_two_decimals() -> None:
    for text, lang in ((EASY_EN, "en"), (HARD_EN, "en"), (EASY_ES, "es")):
        value = score(text, lang).score  # type: ignore[arg-type]
        assert value == round(value, 2)


def test_deterministic_and_languages_do_not_interfere() -> None:
    first = score(HARD_EN, "en")
    score(HARD_ES, "es")
    assert score(HARD_EN, "en") == first
    assert score(EASY_ES, "es") == score(EASY_ES, "es")


def test_spanish_score_counts_spanish_syllables() -> None:
    # Spanish syllable rules, not English ones, must count the syllables.
    assert score(EASY_ES, "es").score != score(EASY_ES, "en").score


def test_spanish_syllables_follow_the_rae_rules() -> None:
    # el dí-a de la ci-ru-gí-a: 5 words, 9 syllables (an accented i next to a vowel is a hiatus;
    # textstat 0.7.8's hyphenation patterns counted 7): 206.84 - 0.60 * (100 * 9 / 5) - 1.02 * 5
    assert score("El día de la cirugía.", "es").score == 93.74


def test_english_grades_equal_textstat_0_7_8() -> None:
    # Frozen from textstat 0.7.8 (en_US), which the English summaries were calibrated against.
    assert score(EASY_EN, "en").score == 0.5
    assert score(HARD_EN, "en").score == 33.62


def test_hard_words_name_the_words_a_grade_6_reader_may_not_know() -> None:
    text = "Your MRI request was denied: the reviewer found no functional improvement after 12 visits."
    assert hard_words(text) == ["MRI", "request", "denied", "functional", "improvement"]
    assert hard_words(text, {"MRI", "Request"}) == ["denied", "functional", "improvement"]  # reviewer: review + -er
    assert hard_words("You can ask again in 30 days. The visits are not paid for.") == []


def test_empty_text_scores_zero() -> None:
    assert score("", "en").score == 0.0
    assert score("", "es").score == 0.0


def test_unknown_language_is_rejected() -> None:
    with pytest.raises(ValueError):
        score(EASY_EN, "fr")  # type: ignore[arg-type]


def test_runs_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("readability tried to use the network")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert score("A fresh sentence to score offline.", "en").meets_target
    assert score("Una frase nueva para medir sin red.", "es").score > 0

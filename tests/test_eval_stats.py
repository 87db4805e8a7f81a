"""Paired tests: exact McNemar and the letter-level paired bootstrap."""

from __future__ import annotations

import pytest

from llm_extract.evaluation.stats import mcnemar_exact, paired_bootstrap


def test_mcnemar_exact_values() -> None:
    assert mcnemar_exact(0, 0) == 1.0
    assert mcnemar_exact(1, 0) == 1.0  # one flip is never evidence
    assert mcnemar_exact(3, 3) == 1.0
    assert mcnemar_exact(10, 0) == pytest.approx(2 / 2**10)
    assert mcnemar_exact(0, 10) == mcnemar_exact(10, 0)
    # 2 * P(X <= 2), X ~ Binomial(12, 0.5) = 2 * 79 / 4096
    assert mcnemar_exact(2, 10) == pytest.approx(2 * 79 / 4096)
    assert mcnemar_exact(5, 1) > 0.05 > mcnemar_exact(8, 0)


def test_bootstrap_identical_runs_give_a_zero_interval() -> None:
    letters = [(3, 3, 3), (2, 1, 1), (1, 1, 1)] * 10
    assert paired_bootstrap(letters) == (0.0, 0.0, 0.0)


def test_bootstrap_is_seeded_and_brackets_a_real_change() -> None:
    letters = [(2, 1, 2)] * 30 + [(2, 2, 2)] * 30  # B fixes one item in half the letters
    first = paired_bootstrap(letters, resamples=500)
    assert first == paired_bootstrap(letters, resamples=500)
    delta, lo, hi = first
    assert delta == pytest.approx(30 / 120)
    assert 0 < lo <= delta <= hi


def test_bootstrap_of_noise_includes_zero() -> None:
    letters = [(1, 1, 0), (1, 0, 1)] + [(1, 1, 1)] * 40
    _, lo, hi = paired_bootstrap(letters, resamples=500)
    assert lo <= 0 <= hi

"""Paired significance for outcome accuracy: is a change more than noise?

Two runs score the same labeled items, so the right test is paired. Only the
discordant items carry information (right in one run, wrong in the other): the
exact McNemar test asks whether those flips lean one way more than a fair coin
would. With 165 items, one or two flips are never significant, which is the point:
an LLM that flips one item between two runs has not got worse.

The paired bootstrap resamples *letters* (items in one letter share a layout and a
reviewer, so they are not independent) and gives a confidence interval for the
accuracy difference. It is seeded, so a report reproduces exactly.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from math import comb


def mcnemar_exact(only_a: int, only_b: int) -> float:
    """Two-sided exact McNemar p-value from the two discordant counts."""
    n = only_a + only_b
    if n == 0:
        return 1.0
    k = min(only_a, only_b)
    tail: float = sum(comb(n, i) for i in range(k + 1)) / 2**n
    return min(1.0, 2 * tail)


def paired_bootstrap(
    letters: Sequence[tuple[int, int, int]], *, resamples: int = 2000, seed: int = 0, level: float = 0.95
) -> tuple[float, float, float]:
    """Accuracy difference (B - A) and its percentile interval, resampling letters.

    ``letters`` holds ``(items, right in A, right in B)`` per letter.
    """
    total = sum(n for n, _, _ in letters)
    if total == 0:
        return 0.0, 0.0, 0.0
    observed = (sum(b for _, _, b in letters) - sum(a for _, a, _ in letters)) / total
    rng = random.Random(seed)
    deltas = []
    for _ in range(resamples):
        sample = rng.choices(letters, k=len(letters))
        n = sum(x[0] for x in sample)
        deltas.append((sum(x[2] - x[1] for x in sample) / n) if n else 0.0)
    deltas.sort()
    tail = (1 - level) / 2
    lo = deltas[int(tail * (resamples - 1))]
    hi = deltas[round((1 - tail) * (resamples - 1))]
    return observed, lo, hi

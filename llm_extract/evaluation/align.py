"""Order-aware pairing of predicted items with labeled items.

Items have no stable identifier: the only way to know that a predicted item is the
labeled "MRI of the right shoulder" is its text and its place in the letter. A
greedy best-match can pair crosswise when two items read alike ("MRI of the right
shoulder" / "MRI of the left shoulder"), so pairing is a monotone alignment (as in
sequence alignment): pairs never cross, and the total similarity of the pairs is
maximal. Texts below :data:`MIN_SIMILARITY` never pair; such a prediction counts as
a spurious item and the label as a missed one.
"""

from __future__ import annotations

from collections.abc import Sequence

from llm_extract.evaluation.textnorm import similarity

MIN_SIMILARITY = 0.8
"""Below this difflib ratio (after case/punctuation folding) two texts are different items."""


def align(
    expected: Sequence[str], predicted: Sequence[str], min_similarity: float = MIN_SIMILARITY
) -> list[tuple[int | None, int | None, float]]:
    """Pairs ``(expected position, predicted position, similarity)`` in letter order.

    Unpaired items appear with ``None`` on the other side, placed where they occur,
    so the result reads top to bottom like the two lists side by side.
    """
    n, m = len(expected), len(predicted)
    sim = [[similarity(e, p, min_similarity) for p in predicted] for e in expected]
    # best[i][j]: (total similarity, pairs) aligning expected[i:] with predicted[j:]
    best = [[(0.0, 0)] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            options = [best[i + 1][j], best[i][j + 1]]
            if sim[i][j] >= min_similarity:
                total, pairs = best[i + 1][j + 1]
                options.append((total + sim[i][j], pairs + 1))
            best[i][j] = max(options)
    return _trace(best, sim, n, m, min_similarity)


def _trace(
    best: list[list[tuple[float, int]]], sim: list[list[float]], n: int, m: int, min_similarity: float
) -> list[tuple[int | None, int | None, float]]:
    out: list[tuple[int | None, int | None, float]] = []
    i = j = 0
    while i < n and j < m:
        if sim[i][j] >= min_similarity:
            total, pairs = best[i + 1][j + 1]
            if best[i][j] == (total + sim[i][j], pairs + 1):
                out.append((i, j, sim[i][j]))
                i, j = i + 1, j + 1
                continue
        if best[i][j] == best[i + 1][j]:
            out.append((i, None, 0.0))
            i += 1
        else:
            out.append((None, j, 0.0))
            j += 1
    out.extend((k, None, 0.0) for k in range(i, n))
    out.extend((None, k, 0.0) for k in range(j, m))
    return out

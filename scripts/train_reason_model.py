#!/usr/bin/env python3
"""Train the reason model's weights (llm_extract/parse/reason_model.py) from the labeled invented letters.

Each upheld item of ``evals/synthetic`` gives one example per sentence of its rationale: the sentence
that holds the labelers' evidence is the item's primary ground, every other sentence ``none``. A
multinomial logistic regression over the sentence's words and word pairs (features seen in at least
twelve sentences) is fitted by stochastic gradient descent with a fixed seed, so the same rounds give
the same file. Only rounds up to ``--last-round`` are read: the later ones stay unseen, to measure it.

    .venv/bin/python scripts/train_reason_model.py [--last-round 111] [--items-last-round 266] [--out FILE]
    .venv/bin/python scripts/train_reason_model.py --check-real   # the shipped weights on the real letters

``--check-real`` trains nothing: it asks the shipped model about every upheld item of the real fixture
letters (../shared/corpus/dwc-2016, never trained on), as if no rule had read them, and prints how often
the ground it names is the labeled primary, and how often one the labels do not allow.

The item model (``reason_items.txt``, recognizer 2.86) is trained beside it: for every upheld item,
the words and word pairs of its rationale (guideline-only sentences left out) against each ground's
being among the labelers' gold codes, one logistic regression per ground, seeded the same way.

Until recognizer 4.12 both shipped files were trained on rounds 1-111 (about 40 s on one core); rounds 112 and later
measured them (``scripts/reason_figures.py --labeled``). Recognizer 3.04 trained both on rounds 1-80, after fewer
rounds had done better on the rounds still unseen (rounds 79-80 with weights of rounds 1-78: primary-hit 80.0 ->
82.8%); rounds 81-84, written after, gave the same figures with either (433 items: 78.5%), and asked alone about the
real letters (``--check-real``) the retrained sentence model named their labeled primary 64 times in 147 against 69,
so 3.05 shipped the weights of rounds 1-68 again. Recognizer 3.49 trained both on rounds 1-111, 43 rounds more: on
rounds 112-123 (1,188 items the models never saw, each measured once when written with the weights of rounds 1-68)
they gave 95.6 / 88.6 / 3.4 / 82.6 (coverage, primary-hit, misinform, recall) against 93.7 / 85.0 / 3.5 / 79.9, and
asked alone about the real letters the sentence model named their labeled primary 71 times in 147 against 68 (a code
the labels do not allow 2 times, as before); no real letter's or seed's output changed. Those rounds chose the
weights, so the rounds written after measure them.

Recognizer 4.12 retrains the item model on rounds 1-266, 155 rounds more, keeping features seen in
at least 12 items (was 3) and weights of at least 0.1 (was 0.02): its file shrinks from 1.9 to 1.0 MB. The sentence
model keeps its weights of rounds 1-111. Both were retrained and measured on rounds neither had seen, with the same
rules. On rounds 231-266 (3,782 items) the weights of rounds 1-230 gave 98.6 / 89.6 / 3.5 / 80.1 (coverage,
primary-hit, misinform, recall) with both models retrained, 97.7 / 86.9 / 3.5 / 78.0 with the item model alone,
against 97.6 / 86.0 / 3.4 / 77.2 as shipped. On rounds 267-269 and 271 (401 items), written after the weights of
rounds 1-266 were made, the gain of the retrained sentence model was gone: 97.3 / 86.8 / 5.5 / 77.6 with it alone
retrained, 97.3 / 87.5 / 5.7 / 78.4 with both, 97.3 / 87.3 / 5.7 / 78.5 with the item model alone, 97.0 / 87.0 / 5.5 /
77.6 as shipped; and the retrained sentence model named grounds on short invented rationales that readers had reported
wrong (a range of motion 'beyond that threshold' told as too much care, 'there is no risk of a drug interaction' told
as a harm), which the item model alone does not. So 4.12 ships the item model alone. Round 270, written before and
measured once after that choice, measures it (README). The thresholds were left as they were: on rounds 201-230 with
both models of rounds 1-200, a lower ``SUPPORT`` found more labeled grounds, but on the real letters it added codes
their labels do not allow (0.6% of items misinformed at 0.02, 1.8% at 0.005).

A new file changes reasons: bump REASONS_VERSION and record the file's digest in
tests/test_reason_model.py.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from llm_extract.contract.models import Outcome, Span  # noqa: E402
from llm_extract.errors import LlmExtractError  # noqa: E402
from llm_extract.parse import reason_model  # noqa: E402
from llm_extract.parse.parser import parse  # noqa: E402

SYNTHETIC = ROOT / "evals" / "synthetic"
_ROUND = re.compile(r"^INV-R(\d+)[A-Z]-\d+$")
_EPOCHS = 8
SENTENCE_ROUNDS = 111
"""The sentence model's shipped weights are of rounds 1-111 (recognizer 3.49)."""
ITEM_ROUNDS = 266
"""The item model's shipped weights are of rounds 1-266 (recognizer 4.12)."""
_SENTENCE_SETTINGS = (3, 0.02)
"""The sentence model keeps features seen in at least 3 sentences and weights of at least 0.02."""
_ITEM_SETTINGS = (12, 0.1)
"""The item model keeps features seen in at least 12 items and weights of at least 0.1 (recognizer 4.12; 3 and 0.02
before): no worse on the rounds it never saw, and its file 1.0 MB instead of 1.9."""


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


def upheld_items(rounds: set[int], root: Path = SYNTHETIC) -> Iterator[tuple[str, Span, dict[str, Any]]]:
    """(letter text, rationale span, label row) for every upheld item of the given rounds."""
    for number, text, span, row in upheld_by_round(root):
        if number in rounds:
            yield text, span, row


def upheld_by_round(root: Path = SYNTHETIC) -> Iterator[tuple[int, str, Span, dict[str, Any]]]:
    """(round, letter text, rationale span, label row) for every upheld item of the invented letters."""
    for letter in sorted((root / "letters").glob("*.txt")):
        m = _ROUND.match(letter.stem)
        if m is None:
            continue
        text = letter.read_text(encoding="utf-8")
        try:
            decisions = parse(text).decisions
        except LlmExtractError:
            continue
        lines = (root / "labels" / f"{letter.stem}.jsonl").read_text(encoding="utf-8").splitlines()
        for decision, row in zip(decisions, [json.loads(line) for line in lines if line.strip()], strict=True):
            span = decision.spans.rationale
            if decision.outcome is Outcome.upheld and span is not None:
                yield int(m.group(1)), text, span, row


def examples(rounds: set[int], root: Path = SYNTHETIC) -> list[tuple[set[str], str]]:
    """(features, class) for every sentence of every upheld item of the given rounds."""
    out: list[tuple[set[str], str]] = []
    for text, span, row in upheld_items(rounds, root):
        evidence = _norm(row["evidence"])[:60]
        for a, b in reason_model.sentences(text, span.start, span.end):
            said = _norm(text[a:b])
            code = row["primary"] if evidence and (evidence in said or said in evidence) else reason_model.NONE
            out.append((reason_model.features(text[a:b]), code))
    return out


def _sgd(
    data: list[tuple[set[str], object]],
    classes: list[str],
    gradients: Callable[[list[float], object], list[float]],
    rate: float,
    decay: float,
    tolerance: float,
    settings: tuple[int, float],
) -> tuple[list[str], list[float], dict[str, dict[int, float]]]:
    """Logistic regression by SGD, seeded so the same data give the same bytes: features seen in at least
    ``settings[0]`` examples, ``gradients(scores, target)`` per class (a class whose gradient is under
    ``tolerance`` is not updated), L2 ``decay``, the rate times 0.7 each epoch, weights under ``settings[1]``
    pruned."""
    least, prune = settings
    counts = Counter(f for features, _ in data for f in features)
    vocab = {f for f, n in counts.items() if n >= least}
    weights: dict[str, list[float]] = defaultdict(lambda: [0.0] * len(classes))
    biases = [0.0] * len(classes)
    order = list(range(len(data)))
    rng = random.Random(0)
    for _ in range(_EPOCHS):
        rng.shuffle(order)
        for i in order:
            features = sorted(f for f in data[i][0] if f in vocab)
            scores = [biases[k] + sum(weights[f][k] for f in features) for k in range(len(classes))]
            for k, grad in enumerate(gradients(scores, data[i][1])):
                if abs(grad) < tolerance:
                    continue
                biases[k] -= rate * grad
                for f in features:
                    w = weights[f]
                    w[k] -= rate * (grad + decay * w[k])
        rate *= 0.7
    kept = {f: {k: w for k, w in enumerate(ws) if abs(w) >= prune} for f, ws in weights.items()}
    return classes, biases, {f: ws for f, ws in kept.items() if ws}


def train(data: list[tuple[set[str], str]]) -> tuple[list[str], list[float], dict[str, dict[int, float]]]:
    """Multinomial logistic regression (softmax over the sentence's classes): classes, biases, weights."""
    classes = sorted({code for _, code in data})
    index = {c: k for k, c in enumerate(classes)}

    def gradients(scores: list[float], target: object) -> list[float]:
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total - (1.0 if k == index[str(target)] else 0.0) for k, e in enumerate(exps)]

    return _sgd(list(data), classes, gradients, rate=0.2, decay=1e-5, tolerance=1e-4, settings=_SENTENCE_SETTINGS)


def item_examples(rounds: set[int], root: Path = SYNTHETIC) -> list[tuple[set[str], set[str]]]:
    """(features, gold codes) for every upheld item of the given rounds: the words and word pairs of its
    rationale's sentences, but those that only report the guideline (what the item model weighs)."""
    return [
        (reason_model.item_features(text, span.start, span.end), set(row["gold"]))
        for text, span, row in upheld_items(rounds, root)
    ]


def train_items(data: list[tuple[set[str], set[str]]]) -> tuple[list[str], list[float], dict[str, dict[int, float]]]:
    """One logistic regression per ground (is it among the item's labeled grounds?)."""
    classes = list(reason_model.ITEM_CODES)

    def gradients(scores: list[float], gold: object) -> list[float]:
        assert isinstance(gold, set)
        return [
            1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))) - (1.0 if code in gold else 0.0)
            for code, z in zip(classes, scores, strict=True)
        ]

    return _sgd(list(data), classes, gradients, rate=0.1, decay=1e-4, tolerance=1e-3, settings=_ITEM_SETTINGS)


def write(path: Path, classes: list[str], biases: list[float], weights: dict[str, dict[int, float]], note: str) -> None:
    """The layout :func:`llm_extract.parse.reason_model._read` reads: a comment, the classes, the biases,
    every feature one a line, then each feature's "class:weight ..." row in the same order."""
    features = sorted(weights)
    rows = [f"# {note}", "# then: classes; biases; the features, one a line; each feature's weights, in that order"]
    rows += ["\t".join(classes), "\t".join(f"{b:.3f}" for b in biases), *features]
    rows += [" ".join(f"{k}:{w:.3f}" for k, w in sorted(weights[f].items())) for f in features]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")  # the same weights give the same bytes


def check_real() -> str:
    """The shipped model on every upheld item of the real fixture letters (see the module's docstring)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import reason_figures  # a development script beside this one

    corpus = reason_figures.default_corpus()
    if corpus is None:
        return "corpus not found (../shared/corpus/dwc-2016): nothing checked"
    upheld = named = primary = allowed = 0
    for _, text, decision, label in reason_figures.upheld_labeled(corpus):
        span = decision.spans.rationale
        assert span is not None  # (upheld_labeled gives only items with one)
        upheld += 1
        guess = reason_model.guess(text, span.start, span.end)
        if guess is not None:
            named += 1
            primary += guess.code.value == label.primary
            allowed += guess.code.value in {*label.gold, *label.acceptable}
    return (
        f"real fixture letters, {upheld} upheld items: the model names a ground on {named}; "
        f"the labeled primary {primary}, a labeled code {allowed}, a code the labels do not allow {named - allowed}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--last-round", type=int, default=SENTENCE_ROUNDS, help="the sentence model's last round")
    ap.add_argument("--items-last-round", type=int, default=ITEM_ROUNDS, help="the item model's last round")
    ap.add_argument("--out", type=Path, default=reason_model.MODEL_FILE)
    ap.add_argument("--items-out", type=Path, default=reason_model.ITEM_MODEL_FILE)
    ap.add_argument("--check-real", action="store_true", help="check the shipped weights on the real letters")
    args = ap.parse_args()
    if args.check_real:
        print(check_real())
        return
    data = examples(set(range(1, args.last_round + 1)))
    classes, biases, weights = train(data)
    note = f"trained on rounds 1-{args.last_round} of evals/synthetic: {len(data)} sentences, {len(weights)} features"
    write(args.out, classes, biases, weights, note)
    print(note, "->", args.out)
    items = item_examples(set(range(1, args.items_last_round + 1)))
    classes, biases, weights = train_items(items)
    note = (
        f"trained on rounds 1-{args.items_last_round} of evals/synthetic: {len(items)} items, {len(weights)} features"
    )
    write(args.items_out, classes, biases, weights, note)
    print(note, "->", args.items_out)


if __name__ == "__main__":
    main()

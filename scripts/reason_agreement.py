#!/usr/bin/env python3
"""Inter-labeler agreement for IMR reason labels (A vs B), computed before settling.

    scripts/reason_agreement.py [--list] [--labels DIR]

DIR holds the labelers' A/ and B/ folders (default evals/reason-labels; evals/synthetic/labels
for the invented letters)."""

import json
import os
import sys
from collections import Counter

BASE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "evals", "reason-labels")


def load(d, i):
    with open(os.path.join(BASE, d, i + ".jsonl")) as f:
        return [json.loads(line) for line in f if line.strip()]


def main():
    global BASE
    if "--labels" in sys.argv:
        BASE = sys.argv[sys.argv.index("--labels") + 1]
    ids = sorted(f[:-6] for f in os.listdir(os.path.join(BASE, "A")) if f.endswith(".jsonl"))
    rows = []
    for i in ids:
        a, b = load("A", i), load("B", i)
        inp = a
        assert len(inp) == len(a) == len(b), i
        for x, ya, yb in zip(inp, a, b, strict=False):
            assert x["index"] == ya["index"] == yb["index"], (i, x["index"])
            rows.append((i, x, ya, yb))
    n = len(rows)
    prim = sum(ya["primary"] == yb["primary"] for _, _, ya, yb in rows)
    gold = sum(set(ya["gold"]) == set(yb["gold"]) for _, _, ya, yb in rows)

    def compat(ya, yb):
        return ya["primary"] in set(yb["gold"]) | set(yb["acceptable"]) and yb["primary"] in set(ya["gold"]) | set(
            ya["acceptable"]
        )

    comp = sum(compat(ya, yb) for _, _, ya, yb in rows)
    exact = sum(
        set(ya["gold"]) == set(yb["gold"])
        and set(ya["acceptable"]) == set(yb["acceptable"])
        and ya["primary"] == yb["primary"]
        for _, _, ya, yb in rows
    )
    # Cohen's kappa on primary
    ca = Counter(ya["primary"] for _, _, ya, _ in rows)
    cb = Counter(yb["primary"] for _, _, _, yb in rows)
    po = prim / n
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    kappa = (po - pe) / (1 - pe)
    disagree = [
        (i, x["index"], ya["primary"], yb["primary"])
        for i, x, ya, yb in rows
        if not (
            set(ya["gold"]) == set(yb["gold"])
            and set(ya["acceptable"]) == set(yb["acceptable"])
            and ya["primary"] == yb["primary"]
        )
    ]
    out = []
    out.append("# Inter-labeler agreement (A vs B), computed before settling\n")
    out.append(f"Items: {n} in {len(ids)} letters (script: scripts/reason_agreement.py)\n")
    out.append("| measure | count | % |\n|---|---|---|")
    out.append(f"| (a) primary agrees | {prim}/{n} | {100 * prim / n:.1f} |")
    out.append(f"| (b) gold sets equal | {gold}/{n} | {100 * gold / n:.1f} |")
    out.append(f"| (c) compatible (each primary in other's gold or acceptable) | {comp}/{n} | {100 * comp / n:.1f} |")
    out.append(f"| fully identical (gold, acceptable, primary) | {exact}/{n} | {100 * exact / n:.1f} |")
    out.append("")
    out.append(f"Cohen's kappa on primary: **{kappa:.3f}** (p_o = {po:.3f}, p_e = {pe:.3f})\n")
    out.append("Primary distribution:\n\n| code | A | B |\n|---|---|---|")
    for k in sorted(set(ca) | set(cb), key=lambda k: -(ca[k] + cb[k])):
        out.append(f"| {k} | {ca[k]} | {cb[k]} |")
    out.append("")
    print("\n".join(out))
    if "--list" in sys.argv:
        for d in disagree:
            print(*d)
        print(len(disagree), "items not fully identical")


if __name__ == "__main__":
    main()

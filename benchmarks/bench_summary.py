#!/usr/bin/env python3
"""Cost of the worker summary per letter: build_summary, then the document's validation and JSON.

Issue 15 budgets ~0.4 ms per letter for this part of the rules extraction. The summary
memoises its fixed lines (term look-ups, word counts, hard words), so it is measured two ways:

* ``seen``: the corpus again and again, as ``benchmarks/bench.py`` does (every line memoised);
* ``unseen``: letters the process has not summarised before. The bounded memos are emptied and
  warmed on the other half of the corpus before each timed pass, so only lines shared by
  *different* letters are memoised, as in a service that sees each letter once.

Parsing and reasons are done once beforehand and not timed. Prints the median of ``--runs`` passes
(CPU time of this process, so a busy machine inflates the figures less than wall time would).

    .venv/bin/python benchmarks/bench_summary.py [--lang en|es] [--runs 9] [--corpus DIR]

Skips cleanly (exit 0, a message) when the corpus is absent.
"""

from __future__ import annotations

import argparse
import functools
import gc
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "dwc-2016"


@dataclass(frozen=True)
class Timings:
    """Median milliseconds per letter of each step."""

    summary: float
    validation: float
    json: float

    @property
    def total(self) -> float:
        return self.summary + self.validation + self.json


def _bounded_memos() -> list[Callable[[], None]]:
    """``cache_clear`` of every bounded lru_cache in llm_extract (data loaders are unbounded: kept)."""
    return [
        f.cache_clear
        for f in gc.get_objects()
        if isinstance(f, functools._lru_cache_wrapper)
        and getattr(f, "__module__", "").startswith("llm_extract")
        and f.cache_parameters()["maxsize"] is not None
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--lang", choices=("en", "es"), default="en")
    ap.add_argument("--runs", type=int, default=9)
    args = ap.parse_args()
    if not (args.corpus / "text").is_dir():
        print(f"corpus not found at {args.corpus}: nothing to benchmark (pass --corpus DIR)")
        return 0
    sys.path.insert(0, str(REPO))

    from llm_extract.backends.rules import PARSER_VERSION, provenance, with_reasons
    from llm_extract.contract.models import Extraction, Summary
    from llm_extract.engine.pipeline import to_json
    from llm_extract.letter.inputs import LetterText
    from llm_extract.parse.parser import parse
    from llm_extract.summary.templates import build_summary

    texts = [p.read_text(encoding="utf-8") for p in sorted((args.corpus / "text").glob("*.txt"))]
    letters = [LetterText(t, "text", "0" * 64) for t in texts]
    parsed = [parse(t) for t in texts]
    decisions = [with_reasons(t, p.decisions) for t, p in zip(texts, parsed, strict=True)]
    origins = [provenance(lt, p, "rules", PARSER_VERSION) for lt, p in zip(letters, parsed, strict=True)]

    def one_pass(indices: Sequence[int]) -> Timings:
        summaries: list[Summary] = []
        started = time.process_time()
        for i in indices:
            summaries.append(build_summary(parsed[i].case, decisions[i], args.lang, letter=texts[i]))
        built = time.process_time()
        extractions = [
            Extraction(
                case=parsed[i].case,
                reviewer=parsed[i].reviewer,
                patient=parsed[i].patient,
                decisions=decisions[i],
                summary=s,
                provenance=origins[i],
            )
            for i, s in zip(indices, summaries, strict=True)
        ]
        validated = time.process_time()
        for extraction in extractions:
            to_json(extraction)
        done = time.process_time()
        per = 1000 / len(indices)
        return Timings((built - started) * per, (validated - built) * per, (done - validated) * per)

    everything = range(len(texts))
    one_pass(everything)  # warm-up: lazy imports, data files, regex compilation
    memos = _bounded_memos()
    halves = (range(0, len(texts), 2), range(1, len(texts), 2))

    def unseen(run: int) -> Timings:
        warm, timed = halves[run % 2], halves[1 - run % 2]
        for clear in memos:
            clear()
        one_pass(warm)
        return one_pass(timed)

    print(f"corpus: {len(texts)} letters, summaries in {args.lang!r}; median of {args.runs} passes (CPU ms/letter)")
    print(f"{'':8s} {'summary':>9s} {'validate':>9s} {'json':>9s} {'total':>9s}")
    for mode, timed in (("seen", lambda _: one_pass(everything)), ("unseen", unseen)):
        runs = [timed(run) for run in range(args.runs)]
        figures = [statistics.median(getattr(r, f) for r in runs) for f in ("summary", "validation", "json", "total")]
        print(f"{mode:8s} " + " ".join(f"{x:9.3f}" for x in figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

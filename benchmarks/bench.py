"""Throughput of the offline pipeline over the shared corpus, on one core.

Prints letters/second (median of several runs, in-process, import time excluded and
reported separately) for: parsing text, the full rules extraction (parse + reasons +
summary + validation), PDF text extraction (pages/second), and cache hits.

    .venv/bin/python benchmarks/bench.py [--corpus DIR] [--runs 7]

Skips cleanly (exit 0, a message) when the corpus is absent.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "dwc-2016"


def pin_to_one_core() -> str:
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
        return "pinned to one core"
    except (AttributeError, OSError):
        return "not pinned (no sched_setaffinity)"


def import_seconds() -> float:
    code = (
        "import time; t=time.perf_counter(); import llm_extract.engine.pipeline, llm_extract.backends; "
        "print(time.perf_counter()-t)"
    )
    runs = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO).stdout)
        for _ in range(3)
    ]
    return statistics.median(runs)


def rate(work: Callable[[], int], runs: int) -> tuple[float, list[float]]:
    """Median items/second over `runs` timed calls of `work` (which returns its item count)."""
    work()  # warm-up: regex compilation, page cache, lazy imports
    rates = []
    for _ in range(runs):
        started = time.perf_counter()
        n = work()
        rates.append(n / (time.perf_counter() - started))
    return statistics.median(rates), rates


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=10, help="passes over the corpus per timed run")
    args = ap.parse_args()
    if not (args.corpus / "text").is_dir():
        print(f"corpus not found at {args.corpus}: nothing to benchmark (pass --corpus DIR)")
        return 0
    sys.path.insert(0, str(REPO))
    pinned = pin_to_one_core()
    imported = import_seconds()

    from llm_extract.backends.base import ExtractOptions
    from llm_extract.backends.rules import RulesBackend
    from llm_extract.engine.cache import ResultCache
    from llm_extract.engine.pipeline import Extractor
    from llm_extract.letter.inputs import LetterInput, LetterText
    from llm_extract.letter.pdf import extract_text
    from llm_extract.parse.parser import parse

    texts = [p.read_text(encoding="utf-8") for p in sorted((args.corpus / "text").glob("*.txt"))]
    pdfs = [p.read_bytes() for p in sorted((args.corpus / "pdf").glob("*.pdf"))]
    n_pages = sum(extract_text(b).pages for b in pdfs)
    backend, options = RulesBackend(), ExtractOptions()

    def parse_all() -> int:
        for _ in range(args.repeat):
            for t in texts:
                parse(t)
        return len(texts) * args.repeat

    def extract_all() -> int:
        for t in texts:
            backend.extract(LetterText(t, "text", "0" * 64), options)
        return len(texts)

    def pdf_all() -> int:
        for b in pdfs:
            extract_text(b)
        return n_pages

    with tempfile.TemporaryDirectory() as tmp:
        cache = ResultCache(Path(tmp))
        extractor = Extractor(backend, cache=cache, options=options)
        letters = [LetterInput(name=f"{i}.txt", data=t.encode()) for i, t in enumerate(texts)]
        for letter in letters:
            assert extractor.extract(letter).ok

        def hits_all() -> int:
            for _ in range(args.repeat):
                for letter in letters:
                    if not extractor.extract(letter).cached:
                        raise SystemExit("cache miss during the hit benchmark")
            return len(letters) * args.repeat

        results = {
            "parse text (letters/s)": rate(parse_all, args.runs),
            "rules extraction: parse+reasons+summary (letters/s)": rate(extract_all, args.runs),
            "PDF text extraction (pages/s)": rate(pdf_all, args.runs),
            "cache hits (letters/s)": rate(hits_all, args.runs),
        }
        cache.close()

    print(f"corpus: {len(texts)} letters, {len(pdfs)} PDFs, {n_pages} pages; {pinned}; median of {args.runs} runs")
    print(f"import llm_extract: {imported * 1000:.0f} ms (excluded from the figures below)")
    for name, (median, all_rates) in results.items():
        print(f"{name:55s} {median:10.0f}   (min {min(all_rates):.0f}, max {max(all_rates):.0f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

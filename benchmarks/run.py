#!/usr/bin/env python3
"""Every speed target of the project in one run: `make bench` (issue 15's table).

Prints one row per path with the measured figure beside its goal:

* cold processes (a fresh interpreter each run, like a user's shell): CPU time (user + system,
  from ``resource.getrusage(RUSAGE_CHILDREN)``) as the median of ``--runs`` runs, wall time
  beside it, and the ratio to ``python -c pass`` measured the same way, which says how far a
  row is from the interpreter's own floor whatever the machine;
* rules extraction throughput: letters/second of CPU over letters the process has not seen
  (memos emptied and warmed on the other half of the corpus), in-process, pinned to one core;
* HTTP: ``benchmarks/http_load.sh`` (wrk on loopback, 16 connections, ``serve --workers``
  one per core), requests/second for cached and uncached text.

CPU time is used for the cold rows because it holds on a busy machine, where wall time does
not; the figures still rise when other work competes for caches and cores, so the load
average is printed with them. ``--readme`` rewrites the table in README.md (between the
``bench:start`` / ``bench:end`` markers) with the date and commit.

    .venv/bin/python benchmarks/run.py [--runs 9] [--duration 10s] [--readme] [--corpus DIR]

Uses ../shared/corpus/dwc-2016 when present (the PDF row and the throughput and HTTP rows
over 65 letters); without it the seed letters stand in and the PDF row is skipped.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import resource
import statistics
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYTHON = REPO / ".venv" / "bin" / "python"
CLI = REPO / ".venv" / "bin" / "llm-extract"
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "dwc-2016"
SEED = REPO / "examples" / "letters" / "seed-001.txt"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"


@dataclass
class Row:
    path: str
    value: float | None
    unit: str
    goal: float
    higher_is_better: bool
    ratio: float | None = None
    note: str = ""

    @property
    def met(self) -> bool | None:
        if self.value is None:
            return None
        return self.value >= self.goal if self.higher_is_better else self.value <= self.goal

    def cells(self) -> list[str]:
        fmt = "{:,.0f}" if self.unit.endswith("/s") else "{:.3f}"
        value = "skipped" if self.value is None else f"{fmt.format(self.value)} {self.unit}"
        goal = f"{'≥' if self.higher_is_better else '≤'} {fmt.format(self.goal)} {self.unit}"
        met = {True: "yes", False: "**no**", None: "-"}[self.met]
        ratio = f"{self.ratio:.1f}x" if self.ratio is not None else ""
        return [self.path, value, goal, met, ratio, self.note]


def cold(args: list[str], runs: int) -> tuple[float, float]:
    """Median CPU seconds and median wall seconds of ``args`` run as a fresh process."""
    cpu, wall = [], []
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LLM_EXTRACT_", "OPENAI_"))}
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        done = subprocess.run(args, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        wall.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(map(str, args))} failed: {done.stderr[-500:]}")
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(cpu), statistics.median(wall)


_THROUGHPUT = """
import os, resource, statistics, sys, time
from pathlib import Path
os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
sys.path.insert(0, "benchmarks")
from bench_summary import _bounded_memos
from llm_extract.backends.base import ExtractOptions
from llm_extract.backends.rules import RulesBackend
from llm_extract.engine.pipeline import to_json
from llm_extract.letter.inputs import LetterText
texts = [Path(p).read_text(encoding="utf-8") for p in sys.argv[1:]]
halves = (texts[0::2], texts[1::2])
backend, options = RulesBackend(), ExtractOptions()
def run(batch):
    for t in batch:
        to_json(backend.extract(LetterText(t, "text", "0" * 64), options))
def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
run(texts)
clears = _bounded_memos()
seconds = ([], [])
for k in (0, 1) * 4:
    for clear in clears:
        clear()
    run(halves[1 - k])
    started = cpu()
    run(halves[k])
    seconds[k].append(cpu() - started)
# Each half's median time, then the whole corpus's rate: the halves differ in length, so a median of their mixed
# rates was the mean of one fast and one slow pass, and a one-time cost in a single pass (a pattern compiled on
# first use) moved it by a tenth.
print(len(texts) / sum(statistics.median(s) for s in seconds))
"""


def throughput(texts: list[Path]) -> float:
    """Rules extraction (parse + reasons + summary + validation + JSON), letters/s of CPU on one core.

    Each timed pass reads letters the process has not extracted before: the bounded memos
    (fixed summary lines, word counts) are emptied and warmed on the other half of the
    corpus first, so only what different letters share is memoised, as in a service. Each half
    is timed four times; the rate is the corpus over the sum of the halves' median times (until
    5 December the median of the six passes' rates, which mixed a fast half and a slow one).
    """
    done = subprocess.run(
        [str(PYTHON), "-c", _THROUGHPUT, *map(str, texts)], cwd=REPO, capture_output=True, text=True, check=True
    )
    return float(done.stdout.strip())


def http(duration: str) -> dict[str, dict[str, float]]:
    """requests/s per scenario from benchmarks/http_load.sh (wrk, 16 connections, one worker per core)."""
    env = {**os.environ, "DURATION": duration, "CONNECTIONS": "16"}
    done = subprocess.run(
        ["bash", "benchmarks/http_load.sh"], cwd=REPO, env=env, capture_output=True, text=True, timeout=600
    )
    if done.returncode != 0:
        raise SystemExit(f"http_load.sh failed: {done.stderr[-1000:]}")
    found = {}
    for line in done.stdout.splitlines():
        name, _, rest = line.partition(" ")
        if rest.strip().startswith("{"):
            found[name] = json.loads(rest)
    return found


def commit() -> str:
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO, capture_output=True)
    return done.stdout.strip() + ("+changes" if dirty.stdout.strip() else "")


def measure(args: argparse.Namespace) -> tuple[list[Row], float]:
    texts = sorted((args.corpus / "text").glob("*.txt")) or sorted((REPO / "examples" / "letters").glob("*.txt"))
    pdfs = sorted((args.corpus / "pdf").glob("*.pdf"))
    # An installed wheel has its bytecode (pip compiles on install); a checkout run with
    # PYTHONDONTWRITEBYTECODE=1 would recompile every module in each cold process instead.
    subprocess.run([str(PYTHON), "-m", "compileall", "-q", str(REPO / "llm_extract")], check=True)
    floor, _ = cold([str(PYTHON), "-c", "pass"], args.runs)

    def cold_row(path: str, argv: list[str], goal: float) -> Row:
        cpu, wall = cold(argv, args.runs)
        return Row(path, cpu, "s CPU", goal, False, ratio=cpu / floor, note=f"wall {wall:.2f} s")

    extract = [str(CLI), "extract", "--no-cache", "--format", "json"]
    rows = [cold_row("`llm-extract extract one.txt --no-cache --format json` (cold)", [*extract, str(SEED)], 0.30)]
    if pdfs:
        rows.append(cold_row("same for one PDF (cold)", [*extract, str(pdfs[0])], 0.40))
    else:
        rows.append(Row("same for one PDF (cold)", None, "s CPU", 0.40, False, note="no corpus PDFs"))
    rows.append(cold_row("`llm-extract --help` (cold)", [str(CLI), "--help"], 0.15))
    rows.append(cold_row("`import llm_extract` (cold)", [str(PYTHON), "-c", "import llm_extract"], 0.15))
    rows.append(
        Row(
            "full rules extraction (parse + reasons + summary + validation), one core",
            throughput(texts),
            "letters/s",
            1000,
            True,
            note=f"{len(texts)} letters",
        )
    )
    if not args.no_http:
        load = http(args.duration)
        workers = os.cpu_count() or 1
        for key, label, goal in (
            ("uncached-text", "HTTP, uncached text, 16 connections", 500),
            ("cached-text", "HTTP, cached", 2000),
        ):
            found = load.get(key)
            note = f"p50 {found['p50_ms']:.0f} ms, p99 {found['p99_ms']:.0f} ms, {workers} workers" if found else ""
            rows.append(Row(label, found["rps"] if found else None, "req/s", goal, True, note=note))
    return rows, floor


def table(rows: list[Row], floor: float, header: str) -> str:
    lines = [
        header,
        "",
        "| path | measured | goal | met | ratio to `python -c pass` | notes |",
        "|---|---:|---:|---|---:|---|",
        *("| " + " | ".join(row.cells()) + " |" for row in rows),
        "",
        f"`python -c pass`: {floor:.3f} s CPU. Cold rows: median of the runs, CPU time of the child process.",
    ]
    return "\n".join(lines)


def update_readme(text: str) -> None:
    readme = REPO / "README.md"
    content = readme.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
    if not pattern.search(content):
        raise SystemExit(f"README.md has no {START} ... {END} section to update")
    readme.write_text(pattern.sub(lambda _: f"{START}\n{text}\n{END}", content), encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=9, help="runs per cold-process row (median)")
    ap.add_argument("--duration", default="10s", help="wrk duration per HTTP scenario")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--no-http", action="store_true", help="skip the HTTP rows (no wrk)")
    ap.add_argument("--readme", action="store_true", help="write the table into README.md")
    args = ap.parse_args()
    load_before = os.getloadavg()[0]
    rows, floor = measure(args)
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    header = (
        f"Measured {when} at commit `{commit()}` on {os.cpu_count()} cores "
        f"(load average {load_before:.1f} before the run, {os.getloadavg()[0]:.1f} after)."
    )
    text = table(rows, floor, header)
    print(text)
    if args.readme:
        update_readme(text)
        print("\nREADME.md updated")
    return 0 if all(row.met is not False for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())

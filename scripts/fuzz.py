"""Bounded fuzz run: hostile and unusual letters through the same pipeline as the CLI and service.

Every input is invented (tests/letterkit.py letters, tests/pdfkit.py PDFs) and mutated from a
fixed seed, so a run is reproducible and needs no corpus. Each goes through
``Extractor(RulesBackend()).extract``, exactly as ``llm-extract extract`` and the HTTP service
do, and the run prints: inputs, documents, typed errors by code, internal errors, uncaught
exceptions, the slowest input and peak memory (this process and any PDF reader child).

Exit status 1 if anything uncaught or internal happened, an input took over 5 s, or memory
peaked at 500 MB or more. ``scripts/test`` runs it with 2,000 inputs.

    python scripts/fuzz.py --inputs 2000 --seed 14
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from llm_extract.backends.rules import RulesBackend
from llm_extract.engine.pipeline import Extractor
from llm_extract.letter.inputs import LetterInput
from llm_extract.letter.pdf import reader_peak_memory_mb
from tests.letterkit import Item, Letter, simple
from tests.pdfkit import encrypt, letter_pdf, make_pdf, rotate, save_state_bomb

MAX_SECONDS = 5.0
MAX_MEMORY_MB = 500.0

UNITS = [
    " ", "\t", "\n", " \n", "x", "7", ".", ":", "(", '."', " Upheld", "Knee: Upheld\n",
    "Knee: Overturned\nDecision rationale:\n", "Brace Overturned\nMAXIMUS guideline: ok.\n",
    "X was the original request.\n", "original request, ", "Board Certified in ", "State(s) of Licensure:",
    "Claims Administrator guideline ", "Non-MTUS Citation ", "A. ", "sustained a ", "1 year ", "1/1/1",
    "IMR ISSUES, DECISIONS AND RATIONALES ", "has determined the request for ", "https://", "([{",
    "\u00a0", "\u200b", "\ufeff", "é", "\u2019", "\r", "\f", "Dr. ", "x" * 50 + "-y. A",
]  # fmt: skip
REGIONS = ("header", "credentials", "summary", "heading", "ca", "rationale", "trailer")


def _base(rng: random.Random) -> Letter:
    letter = simple(rng.choice([1, 2, 3, 5, 12]))
    if rng.random() < 0.2:
        heading = (
            "Drug 10mg #60 was the original request. Drug 10mg #30 was authorized by the Claims\n"
            "Administrator. The remaining IMR eligible portion of the original request, Drug 10mg #30"
        )
        letter.items.append(Item(heading + rng.choice([" is: Upheld", ": Overturned", ": Upheld"])))
    if rng.random() < 0.1:
        label = rng.choice(["State(s) of Licensure:", "Certification(s)/Specialty:"])
        letter.credentials = f"{label}\nCertification(s)/Specialty: Internal Medicine\n"
    return letter


def _insert(rng: random.Random, letter: Letter, chunk: str) -> None:
    region = rng.choice(REGIONS)
    item = rng.choice(letter.items)
    if region == "header":
        letter.summary = chunk + "\n" + letter.summary
    elif region == "credentials":
        letter.credentials += chunk + "\n"
    elif region == "summary":
        letter.summary += chunk + "\n"
    elif region == "heading":
        item.heading = item.heading.replace(":", f" {chunk}:", 1) if ":" in item.heading else item.heading
    elif region == "ca":
        item.ca += " " + chunk
    elif region == "rationale":
        item.rationale = f"{item.rationale} {chunk} Not necessary."
    else:
        letter.trailer += chunk


def _render(rng: random.Random, letter: Letter) -> str:
    return getattr(letter, rng.choice(["clean", "pypdf", "double_spaced", "crlf"]))()


def text_adversarial(rng: random.Random) -> bytes:
    letter = _base(rng)
    for _ in range(rng.choice([1, 1, 2, 3])):
        unit = rng.choice(UNITS)
        _insert(rng, letter, unit * (rng.choice([10, 1000, 20_000, 60_000]) // len(unit)))
    return _render(rng, letter).encode("utf-8")


def text_mutated(rng: random.Random) -> bytes:
    data = bytearray(_render(rng, _base(rng)).encode("utf-8"))
    for _ in range(rng.choice([1, 5, 50])):
        if not data:
            break
        op, pos = rng.random(), rng.randrange(len(data))
        if op < 0.4:
            data[pos] = rng.randrange(32, 127)
        elif op < 0.7:
            del data[pos : pos + rng.randrange(1, 400)]
        else:
            other = rng.randrange(len(data))
            data[pos:pos] = data[other : other + rng.randrange(1, 2000)]
    return bytes(data)


def text_lines(rng: random.Random) -> bytes:
    lines = _render(rng, _base(rng)).split("\n")
    op = rng.random()
    if op < 0.3:
        rng.shuffle(lines)
    elif op < 0.6:
        lines = [line for line in lines if rng.random() > 0.2]
    else:
        start = rng.randrange(len(lines))
        lines[start:start] = lines[start : start + rng.randrange(1, 60)] * rng.randrange(2, 200)
    return "\n".join(lines).encode("utf-8")


def odd_bytes(rng: random.Random) -> bytes:
    return rng.choice(
        [
            b"",
            b" \n\t ",
            bytes(rng.randrange(256) for _ in range(rng.randrange(1, 5000))),
            "\u00e9\u00e8".encode("latin-1") * 50,
            b"\xef\xbb\xbf" + simple(1).clean().encode("utf-8"),
            ("\x01" * 500 + simple(1).clean()).encode("utf-8"),
            b"%PDF-1.7\n" + bytes(rng.randrange(256) for _ in range(2000)),
        ]
    )


def pdf_input(rng: random.Random) -> bytes:
    pdf = letter_pdf(_render(rng, _base(rng)).replace("\r", ""))
    op = rng.random()
    if op < 0.25:
        return pdf
    if op < 0.4:
        return rotate(pdf, rng.choice([90, 180, 270]))
    if op < 0.5:
        return encrypt(pdf, user_password=rng.choice(["", "secret"]))
    if op < 0.55:
        return pdf.replace(b"/Pages 2 0 R", b"/Pagez 2 0 R", 1)
    if op < 0.6:
        return make_pdf([[], []])
    data = bytearray(pdf)
    for _ in range(rng.choice([1, 3, 20])):
        pos = rng.randrange(len(data))
        if rng.random() < 0.5:
            data[pos] = rng.randrange(256)
        else:
            del data[pos:]
            data += b"%%EOF"
    return bytes(data)


def pdf_bomb(rng: random.Random) -> bytes:
    return save_state_bomb(rng.choice([5_000_000, 20_000_000, 50_000_000]))


KINDS: list[tuple[str, float, Callable[[random.Random], bytes], str]] = [
    ("adversarial text", 0.40, text_adversarial, ".txt"),
    ("mutated text", 0.20, text_mutated, ".txt"),
    ("reordered lines", 0.12, text_lines, ".txt"),
    ("odd bytes", 0.06, odd_bytes, ".txt"),
    ("PDF", 0.215, pdf_input, ".pdf"),
    ("PDF bomb", 0.005, pdf_bomb, ".pdf"),
]


def run(inputs: int, seed: int) -> int:
    rng = random.Random(seed)
    extractor = Extractor(RulesBackend())
    # load-time costs (summary word lists, the PDF reader) are paid once, not by input 0
    extractor.extract(LetterInput("warm-up.pdf", letter_pdf(simple(1).clean())))
    outcomes: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    uncaught: list[str] = []
    slowest, slowest_kind = 0.0, ""
    started = time.perf_counter()
    for number in range(inputs):
        name, _, make, suffix = rng.choices(KINDS, weights=[k[1] for k in KINDS])[0]
        data = make(rng)
        kinds[name] += 1
        began = time.perf_counter()
        try:
            result = extractor.extract(LetterInput(f"fuzz-{number}{suffix}", data))
        except Exception as exc:  # the pipeline promises never to raise for a bad letter
            uncaught.append(f"input {number} ({name}): {type(exc).__name__}")
            continue
        took = time.perf_counter() - began
        if took > slowest:
            slowest, slowest_kind = took, f"input {number} ({name}, {len(data)} bytes)"
        outcomes[result.error.code if result.error else "ok"] += 1
    self_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak = max(self_mb, reader_peak_memory_mb())
    internal = outcomes.get("internal-error", 0)
    typed = sum(v for k, v in outcomes.items() if k not in ("ok", "internal-error"))
    print(f"fuzz run: {inputs} inputs, seed {seed}, {time.perf_counter() - started:.0f} s")
    print("  kinds: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    print(f"  documents: {outcomes.get('ok', 0)}")
    print(f"  typed errors: {typed} (" + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items()) if k != "ok") + ")")
    print(f"  internal errors: {internal}")
    print(f"  uncaught exceptions: {len(uncaught)}" + (f" ({'; '.join(uncaught[:5])})" if uncaught else ""))
    print(f"  slowest input: {slowest:.2f} s ({slowest_kind})")
    print(f"  peak memory: {peak:.0f} MB (this process {self_mb:.0f} MB, PDF reader {reader_peak_memory_mb():.0f} MB)")
    failed = bool(uncaught) or internal > 0 or slowest > MAX_SECONDS or peak >= MAX_MEMORY_MB
    verdict = "FAILED" if failed else "passed"
    print(f"fuzz run {verdict} (limits: {MAX_SECONDS:g} s per input, {MAX_MEMORY_MB:g} MB)")
    return 1 if failed else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    sys.exit(run(args.inputs, args.seed))

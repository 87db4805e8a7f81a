"""Liveness under attack: /v1/healthz latency while hostile traffic streams into `llm-extract serve`.

Starts the real server (its own process, loopback, an ephemeral port, the rules
backend), runs attackers in another process (malformed bytes, invalid keys, slowloris
heads, oversized and stalled bodies, invalid JSON; with --letters also regex-bomb and
fake-structure letters and hostile PDFs, PDFium memory bombs and real-shaped letters, sent
for extraction) and polls /v1/healthz every 20 ms from this one. Prints polls, failures,
p50/p99/max latency and what the attackers got.
The target (issue 14): p99 under 100 ms.

    .venv/bin/python benchmarks/bench_hostile_http.py [--seconds 20] [--attackers 16] [--letters]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.hostile.http_storm import serve_process, storm  # noqa: E402

KEY = "bench_" + "Qm9vdHN0cmFwIGEgaG9zdGlsZSBzdG9ybSBrZXk"  # passes the env key entropy rule


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--attackers", type=int, default=16)
    parser.add_argument("--letters", action="store_true", help="also send regex-bomb and fake-item letters")
    parser.add_argument("--header-timeout", default="1")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        flags = ("--header-timeout", args.header_timeout, "--request-timeout", "5", "--max-body-bytes", "200000")
        flags += ("--rate-limit", "1000000", "--rate-burst", "100000")  # every hostile letter reaches the parser
        unthrottled = {"LLM_EXTRACT_AUTH_FAILURES": "1000000", "LLM_EXTRACT_AUTH_FAILURE_BURST": "1000000"}
        with serve_process(Path(folder), KEY, *flags, env=unthrottled if args.letters else None) as base:
            result = storm(base, KEY, seconds=args.seconds, attackers=args.attackers, letters=args.letters)
    print(f"{args.seconds:g} s, {args.attackers} attackers{' with hostile letters' if args.letters else ''}")
    print(result.summary())
    p99 = result.p(0.99) * 1000
    print(f"p99 {p99:.1f} ms: {'within' if p99 < 100 and not result.poll_failures else 'OVER'} the 100 ms target")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

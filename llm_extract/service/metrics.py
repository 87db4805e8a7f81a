"""``GET /metrics``: Prometheus text for requests, latencies, jobs, the queue, LLM usage and the cache.

Each app has its own registry (several apps in one test process must not share
counters). Request and synchronous-extraction figures are this process's; job figures
(jobs by state, queue depth, letters, redeliveries, LLM calls and tokens of job letters)
are read from the job store at scrape time, so with a shared queue every replica
reports the same cluster-wide job totals. Labels carry route templates, methods,
status codes and outcome names only: never ids, keys or text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from starlette.routing import BaseRoute
from starlette.types import Scope

if TYPE_CHECKING:
    from llm_extract.jobs.runtime import JobRuntime
    from llm_extract.service.runner import Outcome

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


class ServiceMetrics:
    """The counters of one app."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.requests = Counter(
            "llm_extract_http_requests", "HTTP requests answered", ["method", "route", "status"], registry=self.registry
        )
        self.latency = Histogram(
            "llm_extract_http_request_duration_seconds",
            "Time to answer an HTTP request",
            ["route"],
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120),
            registry=self.registry,
        )
        self._series: dict[tuple[str, str, int], tuple[Counter, Histogram]] = {}
        self.letters = Counter(
            "llm_extract_sync_letters",
            "Letters extracted by the synchronous endpoints",
            ["outcome", "cache"],
            registry=self.registry,
        )
        self.llm_calls = Counter(
            "llm_extract_sync_llm_calls", "LLM calls (synchronous endpoints)", registry=self.registry
        )
        self.llm_tokens = Counter(
            "llm_extract_sync_llm_tokens", "LLM tokens (synchronous endpoints)", ["kind"], registry=self.registry
        )
        self.llm_fallbacks = Counter(
            "llm_extract_sync_llm_fallbacks",
            "Fields that fell back to the rules (synchronous endpoints)",
            registry=self.registry,
        )

    def observe_request(self, scope: Scope, status: int, seconds: float) -> None:
        """Count one answered request and its time by route template (unmatched paths share one
        label); called by the access-log middleware when the request is done."""
        route = scope.get("route")
        template = route.path if isinstance(route, BaseRoute) and hasattr(route, "path") else "unmatched"
        labels = (scope["method"], template, status)
        series = self._series.get(labels)
        if series is None:  # few: methods x route templates x statuses (prometheus_client's lookup is slower)
            series = self._series[labels] = (
                self.requests.labels(scope["method"], template, str(status)),
                self.latency.labels(template),
            )
        series[0].inc()
        series[1].observe(seconds)

    def observe_outcomes(self, outcomes: Iterable[Outcome]) -> None:
        for outcome in outcomes:
            result = outcome.result
            self.letters.labels("ok" if result.ok else "failed", outcome.cache).inc()
            if result.usage is not None:
                self.llm_calls.inc(result.usage.calls)
                self.llm_tokens.labels("prompt").inc(result.usage.prompt_tokens)
                self.llm_tokens.labels("completion").inc(result.usage.completion_tokens)
                self.llm_fallbacks.inc(result.usage.fallbacks)

    def add_jobs(self, runtime: JobRuntime) -> None:
        self.registry.register(JobsCollector(runtime))

    def render(self) -> bytes:
        return generate_latest(self.registry)


class JobsCollector(Collector):
    """Job figures read from the store at scrape time."""

    def __init__(self, runtime: JobRuntime) -> None:
        self.runtime = runtime

    def describe(self) -> Iterator[Metric]:
        return iter(())

    def collect(self) -> Iterator[Metric]:
        store = self.runtime.store
        try:
            states = store.job_states()
            depth = store.queue_depth()
            counters = store.counters()
        except Exception:  # a scrape must not fail because the queue server is briefly away
            return
        jobs = GaugeMetricFamily("llm_extract_jobs", "Unfinished jobs by state", labels=["state"])
        for state, count in sorted(states.items()):
            jobs.add_metric([state], count)
        yield jobs
        yield GaugeMetricFamily("llm_extract_queue_depth", "Job letters not yet finished", value=depth)
        letters = CounterMetricFamily("llm_extract_job_letters", "Job letters finished", labels=["outcome"])
        letters.add_metric(["ok"], counters.get("letters_ok", 0.0))
        letters.add_metric(["failed"], counters.get("letters_failed", 0.0))
        yield letters
        simple = {
            "llm_extract_job_redeliveries": ("Letter deliveries after the first", "redeliveries"),
            "llm_extract_job_cache_hits": ("Job letters served from the result cache", "cache_hits"),
            "llm_extract_job_llm_calls": ("LLM calls for job letters", "llm_calls"),
            "llm_extract_job_llm_fallbacks": ("Fields that fell back to the rules (job letters)", "llm_fallbacks"),
        }
        for name, (doc, key) in simple.items():
            yield CounterMetricFamily(name, doc, value=counters.get(key, 0.0))
        tokens = CounterMetricFamily("llm_extract_job_llm_tokens", "LLM tokens for job letters", labels=["kind"])
        tokens.add_metric(["prompt"], counters.get("llm_prompt_tokens", 0.0))
        tokens.add_metric(["completion"], counters.get("llm_completion_tokens", 0.0))
        yield tokens

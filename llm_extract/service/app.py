"""The app factory: wires settings, keys, limits, the runner and the routes together.

Everything a test or an operator may want to swap is a parameter (backend
provider, readiness checks, key store, LLM settings), so tests never depend on the
environment and the LLM engineers' backends plug in through
:func:`~llm_extract.backends.factory.make_backend` without changes here.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

import anyio
from fastapi import FastAPI
from fastapi.responses import Response

from llm_extract.engine.cache import DocumentCache, RecentDocuments, ResultCache
from llm_extract.errors import ConfigError
from llm_extract.jobs.runtime import JobRuntime, build_runtime, default_provider, warm_up
from llm_extract.jobs.settings import JobSettings, load_job_settings
from llm_extract.llm.settings import LlmSettings, load_settings
from llm_extract.service import jobs_routes
from llm_extract.service.accesslog import AccessLogMiddleware
from llm_extract.service.keys import KeysCheck, KeyStore
from llm_extract.service.limits import AuthThrottle, RateLimiter
from llm_extract.service.metrics import CONTENT_TYPE, ServiceMetrics
from llm_extract.service.problems import install_handlers
from llm_extract.service.readiness import CacheCheck, ReadinessCheck, llm_check
from llm_extract.service.routes import router
from llm_extract.service.runner import BackendProvider, ExtractionRunner
from llm_extract.service.settings import ServiceSettings, load_service_settings
from llm_extract.service.spec import openapi_document
from llm_extract.service.state import ServiceState
from llm_extract.version import __version__

if TYPE_CHECKING:
    from llm_extract.backends.base import Backend


def _llm_settings() -> LlmSettings | ConfigError:
    """The LLM settings from the environment; an error is kept, reported by readiness and per request."""
    try:
        return load_settings()
    except ConfigError as exc:
        return exc


def create_app(
    settings: ServiceSettings | None = None,
    *,
    provider: BackendProvider | None = None,
    checks: Sequence[ReadinessCheck] | None = None,
    keys: KeyStore | None = None,
    llm_settings: LlmSettings | ConfigError | None = None,
    jobs: JobSettings | None = None,
) -> FastAPI:
    """A ready-to-serve app; arguments left out come from the environment.

    With ``jobs.queue_url`` set the result cache, in-flight de-duplication, rate limits and key
    revocations are shared through that server and jobs go to ``llm-extract worker`` processes;
    without it jobs run in this process from a local store that survives restarts."""
    settings = settings or load_service_settings()
    llm = llm_settings if llm_settings is not None else _llm_settings()
    runtime: JobRuntime = build_runtime(jobs or load_job_settings(), cache_dir=settings.cache_dir)
    local_cache = ResultCache(settings.cache_dir) if settings.cache and runtime.cache is None else None
    store = runtime.cache or local_cache
    # Recent documents are kept in memory in front of the store: a hit then costs no round trip.
    cache: DocumentCache | None = RecentDocuments(store) if settings.cache and store is not None else None
    default_backend = settings.default_backend or (llm.backend if isinstance(llm, LlmSettings) else "rules")
    backends = provider or default_provider(llm)
    if keys is not None and runtime.revocations is not None:
        keys.revocations = runtime.revocations
    if keys is None:
        keys = KeyStore(settings.resolved_keys_file(), settings.api_keys, revocations=runtime.revocations)
    metrics = ServiceMetrics()
    metrics.add_jobs(runtime)
    state = ServiceState(
        settings=settings,
        keys=keys,
        limiter=RateLimiter(
            settings.rate_limit,
            settings.rate_burst,
            store=runtime.buckets,
            checks_revocations=runtime.revocations is not None and keys.revocations is runtime.revocations,
        ),
        runner=ExtractionRunner(
            backends,
            cache=cache,
            max_pages=settings.max_pages,
            workers=settings.workers,
            default_backend=default_backend,
            gate=runtime.gate,
        ),
        checks=[KeysCheck(keys), *(checks if checks is not None else [CacheCheck(cache), llm_check(llm)])],
        auth_throttle=AuthThrottle(settings.auth_failures, settings.auth_failure_burst),
        jobs=runtime,
        metrics=metrics,
    )

    def job_backends(name: str | None) -> Backend:
        return backends(name or default_backend)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        await anyio.to_thread.run_sync(warm_up)
        await anyio.to_thread.run_sync(
            lambda: runtime.start(job_backends, cache, settings.max_pages, run_letters=not runtime.distributed)
        )
        yield
        await anyio.to_thread.run_sync(runtime.stop)
        if local_cache is not None:
            local_cache.close()

    app = FastAPI(
        title="llm-extract",
        version=__version__,
        lifespan=lifespan,
        openapi_url="/v1/openapi.json",
        docs_url=None,
        redoc_url=None,
        redirect_slashes=False,  # a redirect would answer before auth, with a Location built from the Host header
    )
    app.state.service = state
    app.include_router(router)
    app.include_router(jobs_routes.router)

    @app.get("/metrics", include_in_schema=False)
    async def prometheus() -> Response:
        body = await anyio.to_thread.run_sync(metrics.render)
        return Response(body, media_type=CONTENT_TYPE)

    install_handlers(app)
    app.add_middleware(AccessLogMiddleware, metrics=metrics, body_limit=settings.max_body_bytes)
    app.openapi = lambda: openapi_document(app)  # type: ignore[method-assign]
    return app

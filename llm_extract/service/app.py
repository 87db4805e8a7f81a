"""The app factory: wires settings, keys, limits, the runner and the routes together.

Everything a test or an operator may want to swap is a parameter (backend
provider, readiness checks, key store, LLM settings), so tests never depend on the
environment and the LLM engineers' backends plug in through
:func:`~llm_extract.backends.factory.make_backend` without changes here.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

import anyio
from fastapi import FastAPI

from llm_extract.backends.base import Backend
from llm_extract.backends.rules import RulesBackend
from llm_extract.engine.cache import ResultCache
from llm_extract.errors import ConfigError
from llm_extract.llm.settings import LlmSettings, load_settings
from llm_extract.service.accesslog import AccessLogMiddleware
from llm_extract.service.keys import KeyStore
from llm_extract.service.limits import BodyLimitMiddleware, RateLimiter
from llm_extract.service.problems import install_handlers
from llm_extract.service.readiness import CacheCheck, ReadinessCheck, llm_check
from llm_extract.service.routes import router
from llm_extract.service.runner import BackendProvider, ExtractionRunner
from llm_extract.service.settings import ServiceSettings, load_service_settings
from llm_extract.service.spec import openapi_document
from llm_extract.service.state import ServiceState
from llm_extract.version import __version__


def _llm_settings() -> LlmSettings | ConfigError:
    """The LLM settings from the environment; an error is kept, reported by readiness and per request."""
    try:
        return load_settings()
    except ConfigError as exc:
        return exc


def warm_up() -> None:
    """Load what the first extraction would otherwise load (the pronunciation dictionary behind
    the readability score takes about a second), before the server accepts connections."""
    from llm_extract.summary.readability import score

    score("The reviewer read the whole file.", "en")
    score("El revisor leyó todo el expediente.", "es")


def default_provider(llm: LlmSettings | ConfigError) -> BackendProvider:
    """Backends by name via the shared factory; ``rules`` never needs the LLM settings."""

    def provide(name: str | None) -> Backend:
        if name == "rules" or (name is None and not isinstance(llm, LlmSettings)):
            return RulesBackend()
        if isinstance(llm, ConfigError):
            raise llm
        from llm_extract.backends.factory import make_backend

        return make_backend(name, llm)

    return provide


def create_app(
    settings: ServiceSettings | None = None,
    *,
    provider: BackendProvider | None = None,
    checks: Sequence[ReadinessCheck] | None = None,
    keys: KeyStore | None = None,
    llm_settings: LlmSettings | ConfigError | None = None,
) -> FastAPI:
    """A ready-to-serve app; arguments left out come from the environment."""
    settings = settings or load_service_settings()
    llm = llm_settings if llm_settings is not None else _llm_settings()
    cache = ResultCache(settings.cache_dir) if settings.cache else None
    default_backend = settings.default_backend or (llm.backend if isinstance(llm, LlmSettings) else "rules")
    state = ServiceState(
        settings=settings,
        keys=keys if keys is not None else KeyStore(settings.resolved_keys_file(), settings.api_keys),
        limiter=RateLimiter(settings.rate_limit, settings.rate_burst),
        runner=ExtractionRunner(
            provider or default_provider(llm),
            cache=cache,
            max_pages=settings.max_pages,
            workers=settings.workers,
            default_backend=default_backend,
        ),
        checks=list(checks) if checks is not None else [CacheCheck(cache), llm_check(llm)],
    )

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        await anyio.to_thread.run_sync(warm_up)
        yield
        if cache is not None:
            cache.close()

    app = FastAPI(
        title="llm-extract",
        version=__version__,
        lifespan=lifespan,
        openapi_url="/v1/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.service = state
    app.include_router(router)
    install_handlers(app)
    app.add_middleware(BodyLimitMiddleware, limit=settings.max_body_bytes)
    app.add_middleware(AccessLogMiddleware)
    app.openapi = lambda: openapi_document(app)  # type: ignore[method-assign]
    return app

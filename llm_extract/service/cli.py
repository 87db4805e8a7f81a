"""``llm-extract serve`` and ``llm-extract keys create|list|revoke``.

Kept apart from the main CLI module so that ``extract`` never imports FastAPI or
uvicorn: ``serve`` imports them when it runs.
"""

from __future__ import annotations

import errno
import json
import os
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from llm_extract.errors import ConfigError, LlmExtractError
from llm_extract.service.keys import KeyStore, Scope, create_key, read_keys_file, revoke_key
from llm_extract.service.settings import API_KEYS_ENV, KEYS_FILE_ENV, default_keys_file, load_service_settings

if TYPE_CHECKING:
    from fastapi import FastAPI

keys_app = typer.Typer(help="Create, list or revoke API keys for `llm-extract serve`.", no_args_is_help=True)

KeysFileOption = Annotated[
    Path | None,
    typer.Option("--keys-file", envvar=KEYS_FILE_ENV, help="Keys file (default: the user config dir)."),
]


def _fail(error: LlmExtractError) -> typer.Exit:
    sys.stderr.write(f"error [{error.code}] {error}\n")
    return typer.Exit(2)


def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    keys_file: KeysFileOption = None,
    backend: Annotated[str | None, typer.Option(help="Default backend (rules, hybrid, llm).")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Run without the result cache.")] = False,
    cache_dir: Annotated[Path | None, typer.Option(help="Cache directory.")] = None,
    max_body_bytes: Annotated[int | None, typer.Option(help="Largest request body (bytes).")] = None,
    max_pages: Annotated[int | None, typer.Option(help="Largest PDF (pages).")] = None,
    max_batch: Annotated[int | None, typer.Option(help="Most letters per batch request.")] = None,
    request_timeout: Annotated[float | None, typer.Option(help="Seconds per request.")] = None,
    rate_limit: Annotated[float | None, typer.Option(help="Requests per minute per key.")] = None,
    rate_burst: Annotated[int | None, typer.Option(help="Burst allowance per key.")] = None,
    threads: Annotated[int | None, typer.Option(help="Worker threads for parsing and PDF work.")] = None,
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            max=64,
            help="Server processes sharing the port (one per core for CPU-bound rules extraction). "
            "More than one needs LLM_EXTRACT_QUEUE_URL (the job store and limits are then shared); "
            "see docs/http-api.md.",
        ),
    ] = 1,
    header_timeout: Annotated[float | None, typer.Option(help="Seconds to receive a request's headers.")] = None,
    keep_alive_timeout: Annotated[int | None, typer.Option(help="Seconds an idle connection stays open.")] = None,
    max_connections: Annotated[int | None, typer.Option(help="Open connections at most (503 beyond).")] = None,
) -> None:
    """Serve the HTTP API (see docs/http-api.md and docs/jobs.md). Needs at least one API key."""
    import uvicorn

    from llm_extract.jobs.settings import QUEUE_URL_ENV, load_job_settings
    from llm_extract.service.logs import configure_json_logging

    overrides: dict[str, Any] = {
        "keys_file": keys_file,
        "default_backend": backend,
        "cache": False if no_cache else None,
        "cache_dir": cache_dir,
        "max_body_bytes": max_body_bytes,
        "max_pages": max_pages,
        "max_batch": max_batch,
        "request_timeout": request_timeout,
        "rate_limit": rate_limit,
        "rate_burst": rate_burst,
        "workers": threads,
        "header_timeout": header_timeout,
        "keep_alive_timeout": keep_alive_timeout,
        "max_connections": max_connections,
    }
    sock = bind(host, port)
    try:  # checked here, once, so that a bad configuration fails before any process starts
        jobs = load_job_settings()
        if workers > 1 and jobs.queue_url is None:
            raise ConfigError(
                f"--workers {workers} needs a shared job queue: the embedded job store belongs to one process",
                hint=f"set {QUEUE_URL_ENV}=redis://host:port/0 (see docs/jobs.md), or serve with --workers 1",
            )
        app, keys = _build_app(overrides)
    except LlmExtractError as exc:
        sock.close()
        raise _fail(exc) from None
    configure_json_logging()
    mode = "jobs on " + _redacted(jobs.queue_url) if jobs.queue_url else "embedded jobs"
    plural = f", {workers} processes" if workers > 1 else ""
    sys.stderr.write(f"llm-extract serving on http://{host}:{port}/v1 ({len(keys.records)} key(s), {mode}{plural})\n")
    from llm_extract.service.server import server_options

    options = server_options(app.state.service.settings)  # header timeout, connection cap, problem JSON
    if workers == 1:
        uvicorn.Server(uvicorn.Config(app, **options)).run(sockets=[sock])
        return
    # Each worker process builds its own app from the same settings (passed through the environment,
    # which the workers inherit) and shares the one listening socket; uvicorn's supervisor restarts
    # a worker that dies.
    from uvicorn.supervisors import Multiprocess

    os.environ[_OVERRIDES_ENV] = json.dumps(
        {k: str(v) if isinstance(v, Path) else v for k, v in overrides.items() if v is not None}
    )
    config = uvicorn.Config(f"{__name__}:worker_app", factory=True, workers=workers, **options)
    Multiprocess(config, sockets=[sock]).run()


_OVERRIDES_ENV = "_LLM_EXTRACT_SERVE_OVERRIDES"
"""The ``serve`` options, as JSON, for worker processes (internal: set by ``serve --workers``)."""


def _build_app(overrides: dict[str, Any]) -> tuple[FastAPI, KeyStore]:
    from llm_extract.jobs.settings import load_job_settings
    from llm_extract.service.app import create_app

    settings = load_service_settings(**overrides)
    keys = KeyStore(settings.resolved_keys_file(), settings.api_keys)
    if not keys.records:
        raise ConfigError(
            "no API keys are configured",
            hint=f"run `llm-extract keys create` (stores {settings.resolved_keys_file()}) or set {API_KEYS_ENV}",
        )
    app = create_app(settings, keys=keys, jobs=load_job_settings())
    app.state.service.runner.backend(None)  # a default backend that cannot be built fails now, not per request
    return app, keys


def worker_app() -> FastAPI:
    """The app of one ``serve --workers N`` process (a uvicorn factory)."""
    from llm_extract.service.logs import configure_json_logging

    configure_json_logging()
    overrides = json.loads(os.environ.get(_OVERRIDES_ENV, "{}"))
    return _build_app(overrides)[0]


def bind(host: str, port: int) -> socket.socket:
    """The listening socket, bound before anything else starts: a taken port is exit code 2 with a
    clear message (uvicorn would log a traceback-like error and exit 1)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise _fail(
                ConfigError(
                    f"port {port} on {host} is already in use",
                    hint="stop the other server, or choose another port with --port",
                )
            ) from None
        raise _fail(ConfigError(f"cannot listen on {host}:{port} ({exc.strerror})", hint="check --host")) from None
    sock.set_inheritable(True)
    return sock


def _redacted(url: str) -> str:
    """The queue URL without a password (it may carry one: redis://:secret@host)."""
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.rpartition('@')[2]}"


@keys_app.command("create")
def keys_create(
    name: Annotated[str, typer.Option(help="A label for the key (e.g. the intake tool's name).")] = "",
    scope: Annotated[
        list[Scope] | None, typer.Option("--scope", help="A right to grant (repeat; default: all).")
    ] = None,
    keys_file: KeysFileOption = None,
) -> None:
    """Create a key: printed once on stdout, only its hash is stored."""
    path = keys_file or default_keys_file()
    try:
        key, record = create_key(path, name=name, scopes=scope or list(Scope))
    except (LlmExtractError, OSError) as exc:
        error = exc if isinstance(exc, LlmExtractError) else ConfigError(f"cannot write the keys file ({exc})")
        raise _fail(error) from None
    sys.stderr.write(
        f"created {record.id} ({', '.join(record.scopes)}) in {path}\n"
        "the key is shown only now; store it in your secret manager:\n"
    )
    sys.stdout.write(key + "\n")


@keys_app.command("list")
def keys_list(keys_file: KeysFileOption = None) -> None:
    """List key ids, labels and rights (never keys or hashes)."""
    path = keys_file or default_keys_file()
    try:
        records = read_keys_file(path).keys
    except LlmExtractError as exc:
        raise _fail(exc) from None
    for r in records:
        created = r.created.isoformat() if r.created else "-"
        sys.stdout.write(f"{r.id}\t{','.join(r.scopes)}\t{created}\t{r.name}\n")
    sys.stderr.write(f"{len(records)} key(s) in {path}\n")


@keys_app.command("revoke")
def keys_revoke(
    key_id: Annotated[str, typer.Argument(help="The key id, e.g. key_1a2b3c4d.")], keys_file: KeysFileOption = None
) -> None:
    """Remove a key; a running server stops accepting it within a second."""
    path = keys_file or default_keys_file()
    try:
        removed = revoke_key(path, key_id)
    except LlmExtractError as exc:
        raise _fail(exc) from None
    shared = _revoke_shared(key_id)
    if not removed and not shared:
        raise _fail(ConfigError(f"no key with id '{key_id}'", hint="see `llm-extract keys list`", source=str(path)))
    sys.stderr.write(f"revoked {key_id}{' on every replica' if shared else ''}\n")


def _revoke_shared(key_id: str) -> bool:
    """With LLM_EXTRACT_QUEUE_URL set, record the revocation where every replica checks it."""
    from llm_extract.jobs.settings import load_job_settings

    try:
        url = load_job_settings().queue_url
    except LlmExtractError as exc:
        raise _fail(exc) from None
    if url is None:
        return False
    from llm_extract.jobs.shared import RedisRevocations, connect

    try:
        RedisRevocations(connect(url)).revoke(key_id)
    except Exception as exc:
        raise _fail(ConfigError(f"cannot record the revocation on the queue server ({type(exc).__name__})")) from None
    return True

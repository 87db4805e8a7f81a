"""``llm-extract serve`` and ``llm-extract keys create|list|revoke``.

Kept apart from the main CLI module so that ``extract`` never imports FastAPI or
uvicorn: ``serve`` imports them when it runs.
"""

from __future__ import annotations

import json
import logging
import os
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
            "Rate limits and in-flight de-duplication are per process; see docs/http-api.md.",
        ),
    ] = 1,
) -> None:
    """Serve the HTTP API (see docs/http-api.md). Needs at least one API key."""
    import uvicorn

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
    }
    try:  # checked here, once, so that a bad configuration fails before any worker starts
        app, keys = _build_app(overrides)
    except LlmExtractError as exc:
        raise _fail(exc) from None
    logging.getLogger("llm_extract.service").setLevel(logging.INFO)
    plural = f", {workers} processes" if workers > 1 else ""
    sys.stderr.write(f"llm-extract serving on http://{host}:{port}/v1 ({len(keys.records)} key(s){plural})\n")
    options: dict[str, Any] = {
        "host": host,
        "port": port,
        "access_log": False,
        "log_config": None,
        "log_level": "warning",
        "timeout_keep_alive": 5,
        "timeout_graceful_shutdown": 10,
    }
    if workers == 1:
        uvicorn.run(app, **options)
        return
    # Each worker process builds its own app from the same settings (passed through the environment,
    # which the workers inherit); uvicorn's supervisor restarts a worker that dies.
    os.environ[_OVERRIDES_ENV] = json.dumps(
        {k: str(v) if isinstance(v, Path) else v for k, v in overrides.items() if v is not None}
    )
    uvicorn.run(f"{__name__}:worker_app", factory=True, workers=workers, **options)


_OVERRIDES_ENV = "_LLM_EXTRACT_SERVE_OVERRIDES"
"""The ``serve`` options, as JSON, for worker processes (internal: set by ``serve --workers``)."""


def _build_app(overrides: dict[str, Any]) -> tuple[FastAPI, KeyStore]:
    from llm_extract.service.app import create_app

    settings = load_service_settings(**overrides)
    keys = KeyStore(settings.resolved_keys_file(), settings.api_keys)
    if not keys.records:
        raise ConfigError(
            "no API keys are configured",
            hint=f"run `llm-extract keys create` (stores {settings.resolved_keys_file()}) or set {API_KEYS_ENV}",
        )
    app = create_app(settings, keys=keys)
    app.state.service.runner.backend(None)  # a default backend that cannot be built fails now, not per request
    return app, keys


def worker_app() -> FastAPI:
    """The app of one ``serve --workers N`` process (a uvicorn factory)."""
    logging.getLogger("llm_extract.service").setLevel(logging.INFO)
    overrides = json.loads(os.environ.get(_OVERRIDES_ENV, "{}"))
    return _build_app(overrides)[0]


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
    if not removed:
        raise _fail(ConfigError(f"no key with id '{key_id}'", hint="see `llm-extract keys list`", source=str(path)))
    sys.stderr.write(f"revoked {key_id}\n")

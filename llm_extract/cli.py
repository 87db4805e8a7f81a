"""Command line: ``llm-extract extract|cache|schema|serve|keys``.

Every user-caused failure prints one line naming the file and how to fix it; a
batch continues past bad letters and the exit code says whether any failed
(0 all good, 1 some letters failed, 2 bad usage or configuration).
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from llm_extract.errors import LlmExtractError
from llm_extract.lazycli import LazyConsole, LazyGroup

if TYPE_CHECKING:  # imported where used: `--help` and `extract` must not pay for what they do not run
    from llm_extract.contract.models import Extraction
    from llm_extract.engine.pipeline import LetterResult, RunStats
    from llm_extract.letter.inputs import LetterInput

DEFAULT_MAX_PAGES = 200
"""Same as ``llm_extract.letter.pdf.DEFAULT_MAX_PAGES`` (a test keeps them equal): importing that
module for a default would load PDFium on every command, ``--help`` included."""

app = typer.Typer(
    name="llm-extract",
    help="Grounded decisions and plain-language summaries from California IMR determination letters.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    # Plain click help: typer's rich help formatter costs ~0.1 s of CPU per `--help`.
    rich_markup_mode=None,
    # `serve`, `keys` and `eval` are imported only when invoked (FastAPI, the eval harness).
    cls=LazyGroup,
)
cache_app = typer.Typer(help="Inspect or clear the result cache.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(cache_app, name="cache")

err: Any = LazyConsole(stderr=True)
out: Any = LazyConsole(stderr=False)


class Lang(StrEnum):
    en = "en"
    es = "es"


class Format(StrEnum):
    json = "json"
    table = "table"


CacheDirOption = Annotated[
    Path | None,
    typer.Option("--cache-dir", help="Cache directory (default: user cache dir or $LLM_EXTRACT_CACHE_DIR)."),
]


def _version(value: bool) -> None:
    if value:
        from llm_extract.version import __version__

        out.print(f"llm-extract {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress (never letter text).")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True)] = False,
) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


def report(error: LlmExtractError) -> None:
    """One line per failure: code, file and how to fix it (markup-escaped: names may hold brackets)."""
    from rich.markup import escape

    err.print(f"[red]error[/red] {escape(f'[{error.code}] {error}')}", soft_wrap=True)


def fail(error: LlmExtractError, code: int = 2) -> typer.Exit:
    report(error)
    return typer.Exit(code)


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Letters (.txt, .pdf) or directories of them.")],
    out_dir: Annotated[Path | None, typer.Option("--out", help="Write <input stem>.json per letter here.")] = None,
    lang: Annotated[Lang, typer.Option(help="Language of the plain-language summary.")] = Lang.en,
    fmt: Annotated[
        Format | None, typer.Option("--format", help="json (default when piped or with --out) or table.")
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the cache.")] = False,
    cache_dir: CacheDirOption = None,
    max_pages: Annotated[int, typer.Option(help="Refuse PDFs with more pages than this.")] = DEFAULT_MAX_PAGES,
    backend_name: Annotated[
        str | None,
        typer.Option("--backend", help="rules, llm or hybrid (default: $LLM_EXTRACT_BACKEND, else rules)."),
    ] = None,
    concurrency: Annotated[
        int | None,
        typer.Option("--concurrency", min=1, help="Letters in flight at once (default: $LLM_EXTRACT_MAX_CONCURRENCY)."),
    ] = None,
) -> None:
    """Extract decisions and a summary from each letter."""
    from llm_extract.backends.base import ExtractOptions
    from llm_extract.backends.factory import make_backend
    from llm_extract.engine.cache import ResultCache
    from llm_extract.engine.pipeline import Extractor, RunStats
    from llm_extract.letter.inputs import expand_paths
    from llm_extract.llm.settings import load_settings

    fmt = fmt or (Format.table if out_dir is None and out.is_terminal else Format.json)
    try:
        cache = None if no_cache else ResultCache(cache_dir)
        if out_dir is not None:
            out_dir.mkdir(parents=True, exist_ok=True)
    except LlmExtractError as exc:
        raise fail(exc) from None
    except OSError as exc:
        raise fail(LlmExtractError(f"cannot create output directory ({exc.strerror})", source=str(out_dir))) from None
    files = list(expand_paths(paths))
    if not files:
        raise fail(LlmExtractError("no .txt or .pdf letters found", hint="pass files or a directory of letters"))
    try:
        settings = load_settings(backend=backend_name, max_concurrency=concurrency)
        backend = make_backend(backend_name, settings)
    except LlmExtractError as exc:
        raise fail(exc) from None
    workers = 1 if backend.name == "rules" and concurrency is None else settings.max_concurrency
    extractor = Extractor(backend, cache=cache, options=ExtractOptions(lang=lang.value), max_pages=max_pages)
    stats = RunStats()
    writer = _Writer(out_dir, fmt, single=len(files) == 1)
    for result in _with_progress(extractor.run_concurrent(_load(files), workers), len(files)):
        stats.add(result)
        if result.error is not None:
            report(result.error)
        else:
            writer.write(result)
    _print_stats(stats)
    if (account := getattr(backend, "account", None)) is not None:
        err.print(f"{backend.name} usage: {account.totals.line()}", soft_wrap=True)
    if stats.failed:
        raise typer.Exit(1)


def _load(files: list[Path]) -> Iterator[LetterInput | LlmExtractError]:
    from llm_extract.letter.inputs import load_path

    for path in files:
        try:
            yield load_path(path)
        except LlmExtractError as exc:
            yield exc


def _with_progress(results: Iterator[LetterResult], total: int) -> Iterator[LetterResult]:
    if total < 2 or not err.is_terminal:
        yield from results
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("extract", total=total)
        for result in results:
            progress.advance(task)
            yield result


def _print_stats(stats: RunStats) -> None:
    rate = f"{stats.hit_rate:.0%}"
    err.print(
        f"{stats.letters} letter(s): {stats.ok} ok, {stats.failed} failed, "
        f"{stats.cache_hits} cache hit(s) ({rate}), {stats.seconds:.2f} s",
        soft_wrap=True,
    )


class _Writer:
    """Sends each finished document to its file, to stdout as JSON, or as a table."""

    def __init__(self, out_dir: Path | None, fmt: Format, *, single: bool) -> None:
        self.out_dir = out_dir
        self.fmt = fmt
        self.single = single
        self.used: set[str] = set()

    def write(self, result: LetterResult) -> None:
        assert result.document is not None
        if self.out_dir is not None:
            self._write_file(result)
        elif self.fmt is Format.table:
            print_table(result.name, result.extraction)
        elif self.single:
            sys.stdout.write(result.document)
        else:  # several documents on stdout: one compact JSON per line
            sys.stdout.write(json.dumps(json.loads(result.document), ensure_ascii=False) + "\n")
        if self.out_dir is not None and self.fmt is Format.table:
            print_table(result.name, result.extraction)

    def _write_file(self, result: LetterResult) -> None:
        assert self.out_dir is not None and result.document is not None
        source = Path(result.name)
        name = f"{source.stem}.json"
        if name in self.used:
            name = f"{source.stem}.{source.suffix.lstrip('.')}.json"
        self.used.add(name)
        target = self.out_dir / name
        tmp = target.with_suffix(".json.tmp")
        tmp.write_text(result.document, encoding="utf-8")
        os.replace(tmp, target)


def print_table(name: str, extraction: Extraction) -> None:
    """A readable view of one letter's decisions for a terminal."""
    from rich.markup import escape
    from rich.table import Table

    case = extraction.case
    title = escape(f"{Path(name).name}  {case.case_number or ''}  decided {case.decision_date or 'n/a'}")
    table = Table(title=title, title_justify="left", show_lines=False)
    table.add_column("#", justify="right")
    table.add_column("Treatment")
    table.add_column("Decision")
    table.add_column("Reasons")
    for d in extraction.decisions:
        verdict = "[green]APPROVED[/green]" if d.outcome.value == "overturned" else "[red]not approved[/red]"
        if d.partial:
            verdict += " (rest of partly approved request)"
        table.add_row(str(d.index), escape(d.service), verdict, ", ".join(r.code.value for r in d.reasons))
    out.print(table)
    s = extraction.summary
    out.print(f"[bold]{escape(s.headline)}[/bold]  (reading {s.readability.metric.value}: {s.readability.score})\n")


@cache_app.command("stats")
def cache_stats(cache_dir: CacheDirOption = None) -> None:
    """Show where the cache is and how much it holds."""
    from llm_extract.engine.cache import ResultCache

    try:
        stats = ResultCache(cache_dir).stats()
    except LlmExtractError as exc:
        raise fail(exc) from None
    out.print(f"cache: {stats['directory']}\nentries: {stats['entries']}\nbytes: {stats['bytes']}")


@cache_app.command("clear")
def cache_clear(cache_dir: CacheDirOption = None) -> None:
    """Delete every cached result."""
    from llm_extract.engine.cache import ResultCache

    try:
        removed = ResultCache(cache_dir).clear()
    except LlmExtractError as exc:
        raise fail(exc) from None
    out.print(f"removed {removed} cached result(s)")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the v1 output document."""
    from llm_extract.contract.schema import schema_json

    sys.stdout.write(schema_json())


if __name__ == "__main__":  # pragma: no cover
    app()

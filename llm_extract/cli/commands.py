"""The commands of ``llm-extract``: their options (typer annotations) and what they do.

``extract --format`` picks what each letter becomes: the JSON document, a terminal
table, or the worker's document as plain text, an HTML page or a PDF (printed by
headless Chromium; see :mod:`llm_extract.render`).

Every user-caused failure prints one line naming the file and how to fix it; a
batch continues past bad letters and the exit code says whether any failed
(0 all good, 1 some letters failed, 2 bad usage or configuration).

This module does not import typer: the annotations are strings that
:mod:`llm_extract.cli.typerapp` has typer read (:func:`bind_typer`), and that
:mod:`llm_extract.cli.lean` reads itself to run a plain ``extract`` without loading
typer (~30 ms of CPU a process). Exits are ``SystemExit``, which typer passes through.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple

from llm_extract.cli.collector import collector_for
from llm_extract.cli.console import LazyConsole
from llm_extract.contract.languages import Lang
from llm_extract.errors import LlmExtractError

if TYPE_CHECKING:  # imported where used: `--help` and `extract` must not pay for what they do not run
    import typer  # named by the annotations only; bound at run time by bind_typer()

    from llm_extract.contract.models import Extraction
    from llm_extract.engine.pipeline import LetterResult, RunStats
    from llm_extract.letter.inputs import LetterInput
    from llm_extract.render.browser import Chromium
    from llm_extract.render.words import Lang as DocLang

DEFAULT_MAX_PAGES = 200
"""Same as ``llm_extract.letter.pdf.DEFAULT_MAX_PAGES`` (a test keeps them equal): importing that
module for a default would load the PDF reader on every command, ``--help`` included."""

err: Any = LazyConsole(stderr=True)
out: Any = LazyConsole(stderr=False)


class Format(StrEnum):
    json = "json"
    table = "table"
    text = "text"
    html = "html"
    pdf = "pdf"


#: File suffix written with --out, per format (``table`` writes the JSON and prints the table).
SUFFIXES = {Format.json: ".json", Format.table: ".json", Format.text: ".txt", Format.html: ".html", Format.pdf: ".pdf"}


CACHE_DIR_HELP = "Cache directory (default: user cache dir or $LLM_EXTRACT_CACHE_DIR)."


def bind_typer() -> None:
    """Bind the name ``typer`` the annotations use, so that typer can evaluate them.

    Called by :mod:`llm_extract.cli.typerapp` before it registers these commands; nothing
    else here needs typer, and :mod:`llm_extract.cli.lean` reads the same annotations
    with a stand-in for it.
    """
    import typer as module

    globals()["typer"] = module


def _version(value: bool) -> None:
    if value:
        from llm_extract.version import __version__

        out.print(f"llm-extract {__version__}")
        raise SystemExit(0)


def common_options(
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


def fail(error: LlmExtractError, code: int = 2) -> SystemExit:
    report(error)
    return SystemExit(code)


def extract(
    paths: Annotated[list[Path], typer.Argument(help="Letters (.txt, .pdf) or directories of them.")],
    out_dir: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Write <input stem>.json per letter here (sub-folders of a folder argument are kept; "
            "names that would collide are refused before anything is written).",
        ),
    ] = None,
    lang: Annotated[Lang, typer.Option(help="Language of the plain-language summary.")] = Lang.en,
    fmt: Annotated[
        Format | None,
        typer.Option(
            "--format",
            help="json (default when piped or with --out), table (default on a terminal), or the worker's "
            "document: text, html (a printable page) or pdf (needs Chromium and --out).",
        ),
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the cache.")] = False,
    cache_dir: Annotated[Path | None, typer.Option("--cache-dir", help=CACHE_DIR_HELP)] = None,
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
    from llm_extract.engine.outputs import output_names
    from llm_extract.engine.pipeline import Extractor, RunStats
    from llm_extract.letter.inputs import expand_with_names
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
    named = list(expand_with_names(paths))
    files = [path for path, _ in named]
    if not files:
        raise fail(LlmExtractError("no .txt or .pdf letters found", hint="pass files or a directory of letters"))
    _check_format(fmt, out_dir, len(files))
    collector_for(len(files))
    try:
        targets = {str(path): name for path, name in output_names(named).items()} if out_dir else {}
    except LlmExtractError as exc:
        raise fail(exc) from None
    try:
        settings = load_settings(backend=backend_name, max_concurrency=concurrency)
        backend = make_backend(backend_name, settings)
    except LlmExtractError as exc:
        raise fail(exc) from None
    workers = 1 if backend.name == "rules" and concurrency is None else settings.max_concurrency
    if any(path.suffix.lower() == ".pdf" for path in files):
        from llm_extract.letter.pdf import fork_readers_here, prestart

        if workers == 1:  # this process stays single-threaded: its PDF readers can be forked from it
            fork_readers_here()
        else:  # threads cannot fork safely: the reader server starts now, in the background
            prestart()
    extractor = Extractor(backend, cache=cache, options=ExtractOptions(lang=lang.value), max_pages=max_pages)
    stats = RunStats()
    writer = _Writer(out_dir, fmt, lang=lang.value, single=len(files) == 1, targets=targets)
    try:
        for result in _with_progress(extractor.run_concurrent(_load(files), workers), len(files)):
            stats.add(result)
            if result.error is not None:
                report(result.error)
            else:
                writer.write(result)
    except LlmExtractError as exc:  # the browser failed: no later letter can be printed either
        raise fail(exc, 1) from None
    finally:
        writer.close()
    _print_stats(stats)
    if (account := getattr(backend, "account", None)) is not None:
        err.print(f"{backend.name} usage: {account.totals.line()}", soft_wrap=True)
    if stats.failed:
        raise SystemExit(1)


def _check_format(fmt: Format, out_dir: Path | None, count: int) -> None:
    """Refuse, before any work, a format that cannot be written the way it was asked for."""
    if fmt is Format.pdf:
        if out_dir is None:
            raise fail(LlmExtractError("--format pdf writes files", hint="add --out DIR"))
        from llm_extract.render.browser import find_chromium

        try:
            find_chromium()
        except LlmExtractError as exc:
            raise fail(exc) from None
    if fmt is Format.html and out_dir is None and count > 1:
        raise fail(LlmExtractError("several letters make several HTML pages", hint="add --out DIR"))


def _load(files: list[Path]) -> Iterator[LetterInput | LlmExtractError]:
    for path in files:
        try:
            from llm_extract.letter.inputs import load_path

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
    """Sends each finished document to its file or to stdout, in the chosen format."""

    def __init__(
        self, out_dir: Path | None, fmt: Format, *, lang: DocLang, single: bool, targets: dict[str, Path]
    ) -> None:
        self.out_dir = out_dir
        self.fmt = fmt
        self.lang = lang
        self.single = single
        self.written = 0
        self._browser: Chromium | None = None
        self.targets = targets
        """Letter name -> JSON document path under ``out_dir`` (see :mod:`llm_extract.engine.outputs`);
        other formats swap the ``.json`` suffix for their own."""

    def write(self, result: LetterResult) -> None:
        assert result.document is not None
        if self.out_dir is not None:
            self._write_file(result)
        elif self.fmt is Format.table:
            print_table(result.name, result.extraction, self.lang)
        elif self.fmt is Format.text:
            from llm_extract.render.api import to_text  # only for documents: JSON runs do not load the renderers

            sys.stdout.write(("\n" if self.written else "") + to_text(result.extraction, self.lang))
        elif self.fmt is Format.html:
            from llm_extract.render.api import to_html

            sys.stdout.write(to_html(result.extraction, self.lang))
        elif self.single:
            sys.stdout.write(result.document)
        else:  # several documents on stdout: one compact JSON per line
            sys.stdout.write(json.dumps(json.loads(result.document), ensure_ascii=False) + "\n")
        if self.out_dir is not None and self.fmt is Format.table:
            print_table(result.name, result.extraction, self.lang)
        self.written += 1

    def _content(self, result: LetterResult) -> bytes:
        from llm_extract.render.api import to_html, to_text
        from llm_extract.render.browser import Chromium

        assert result.document is not None
        if self.fmt is Format.text:
            return to_text(result.extraction, self.lang).encode("utf-8")
        if self.fmt is Format.html:
            return to_html(result.extraction, self.lang).encode("utf-8")
        if self.fmt is Format.pdf:
            if self._browser is None:
                self._browser = Chromium()
            page = self._browser.page()
            try:
                page.load(to_html(result.extraction, self.lang))
                return page.pdf()
            finally:
                page.close()
        return result.document.encode("utf-8")

    def _write_file(self, result: LetterResult) -> None:
        from llm_extract.engine.outputs import write_atomic

        assert self.out_dir is not None
        target = self.out_dir / self.targets[result.name]
        write_atomic(target.with_suffix(SUFFIXES[self.fmt]), self._content(result))

    def close(self) -> None:
        if self._browser is not None:
            self._browser.close()
            self._browser = None


def print_table(name: str, extraction: Extraction, lang: DocLang = "en") -> None:
    """One letter's decisions for a terminal, in the worker's words: plain reasons (never
    codes), what was already approved of a partly approved request, in ``lang``."""
    from rich.markup import escape
    from rich.table import Table

    from llm_extract.render.document import named_decision
    from llm_extract.render.sheet import asked_for, decision_label, item_notes, summary_in
    from llm_extract.render.words import spell_date, words_for

    words = words_for(lang)
    summary = summary_in(extraction, lang)
    decisions = {d.index: d for d in extraction.decisions}
    case = extraction.case
    facts = [f"{words.case_number} {case.case_number}"] if case.case_number else []
    if case.decision_date is not None:
        facts.append(f"{words.decision_date} {spell_date(case.decision_date, words)}")
    title = escape("  ".join([Path(name).name, *facts]))
    table = Table(title=title, title_justify="left", show_lines=True)
    table.add_column(words.terminal_columns[0], justify="right")
    for column in words.terminal_columns[1:]:
        table.add_column(column)
    for item in summary.items:
        decision = named_decision(decisions[item.index], lang)
        treatment = "\n".join([asked_for(decision, item), *item_notes(decision, words)])
        label = decision_label(item, words).removesuffix(".")
        verdict = f"[green]{label.upper()}[/green]" if item.approved else f"[red]{label}[/red]"
        table.add_row(str(item.index), escape(treatment), verdict, escape(" ".join(item.reasons)))
    out.print(table)
    out.print(f"[bold]{escape(summary.headline)}[/bold]\n")


def cache_stats(cache_dir: Annotated[Path | None, typer.Option("--cache-dir", help=CACHE_DIR_HELP)] = None) -> None:
    """Show where the cache is and how much it holds."""
    try:
        from llm_extract.engine.cache import ResultCache

        stats = ResultCache(cache_dir).stats()
    except LlmExtractError as exc:
        raise fail(exc) from None
    out.print(f"cache: {stats['directory']}\nentries: {stats['entries']}\nbytes: {stats['bytes']}")


def cache_clear(cache_dir: Annotated[Path | None, typer.Option("--cache-dir", help=CACHE_DIR_HELP)] = None) -> None:
    """Delete every cached result."""
    try:
        from llm_extract.engine.cache import ResultCache

        removed = ResultCache(cache_dir).clear()
    except LlmExtractError as exc:
        raise fail(exc) from None
    out.print(f"removed {removed} cached result(s)")


def schema() -> None:
    """Print the JSON Schema of the v1 output document."""
    from llm_extract.contract.schema import schema_json

    sys.stdout.write(schema_json())


def worker(
    concurrency: Annotated[int, typer.Option(min=1, max=256, help="Letters extracted at once.")] = 4,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not use the shared result cache.")] = False,
    max_pages: Annotated[int, typer.Option(min=1, help="Largest PDF (pages).")] = DEFAULT_MAX_PAGES,
) -> None:
    """Extract job letters from the queue at LLM_EXTRACT_QUEUE_URL (see docs/jobs.md); stops on SIGTERM."""
    from llm_extract.errors import ConfigError
    from llm_extract.jobs.runtime import build_runtime, default_provider
    from llm_extract.jobs.settings import QUEUE_URL_ENV, load_job_settings
    from llm_extract.jobs.worker import run_worker
    from llm_extract.llm.settings import LlmSettings, load_settings
    from llm_extract.service.logs import configure_json_logging

    try:
        settings = load_job_settings()
        if settings.queue_url is None:
            raise ConfigError(
                f"{QUEUE_URL_ENV} is not set",
                hint="set it to the Redis URL the API servers use (redis://host:port/0); "
                "without it `serve` runs jobs in-process",
            )
        try:
            llm: LlmSettings | ConfigError = load_settings()
        except ConfigError as exc:
            llm = exc
        provider = default_provider(llm)
        default = llm.backend if isinstance(llm, LlmSettings) else "rules"
        provider(default)  # a default backend that cannot be built fails now, not per letter
        runtime = build_runtime(settings, cache_dir=None)
    except LlmExtractError as exc:
        raise fail(exc) from None
    configure_json_logging()
    err.print(f"llm-extract worker: {concurrency} at once, default backend {default}")
    run_worker(
        runtime,
        lambda name: provider(name or default),
        cache=None if no_cache else runtime.cache,
        concurrency=concurrency,
        max_pages=max_pages,
    )


APP_HELP = "Grounded decisions and plain-language summaries from California IMR determination letters."
CACHE_HELP = "Inspect or clear the result cache."

COMMANDS = (extract, schema, worker)
"""The main group's own commands, in the order ``--help`` lists them."""

CACHE_COMMANDS = {"stats": cache_stats, "clear": cache_clear}
"""The ``cache`` group's commands."""


class LazyCommand(NamedTuple):
    """A command imported only when invoked, and the help line ``llm-extract --help`` shows for it."""

    module: str
    attribute: str
    help: str
    group: bool = False


LAZY_COMMANDS: dict[str, LazyCommand] = {
    "serve": LazyCommand(
        "llm_extract.service.cli",
        "serve",
        "Serve the HTTP API (see docs/http-api.md and docs/jobs.md). Needs at least one API key.",
    ),
    "eval": LazyCommand(
        "llm_extract.evaluation.command",
        "eval_command",
        "Score a backend against the hand-labeled fixtures; report, compare and gate.",
    ),
    "keys": LazyCommand(
        "llm_extract.service.cli", "keys_app", "Create, list or revoke API keys for `llm-extract serve`.", group=True
    ),
}
"""FastAPI and the eval harness cost 0.6-0.9 s of CPU to import: ``serve``, ``keys`` and ``eval``
are registered by name (tests/test_startup.py checks these help lines against the real docstrings)."""

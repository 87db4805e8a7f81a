"""``llm-extract eval``: run, score, report, compare and gate.

Registered on the main typer app by ``llm_extract/cli.py``; it lives here so the
harness stays one package. Exit codes follow the rest of the CLI: 0 done (and the
gate passed, when asked), 1 the gate failed, 2 bad usage or configuration (unknown
backend, unreadable thresholds, a run file that is not a run).
"""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from llm_extract.engine.cache import ResultCache, default_cache_dir
from llm_extract.errors import ConfigError, LlmExtractError
from llm_extract.evaluation.backend import make_backend
from llm_extract.evaluation.compare import compare_runs
from llm_extract.evaluation.fixtures import DEFAULT_CORPUS, FIXTURES_DIR, Fixture, load_fixtures
from llm_extract.evaluation.gate import THRESHOLDS_FILE, GateResult, Limits, Thresholds, load_thresholds, run_gate
from llm_extract.evaluation.present import ReportInput
from llm_extract.evaluation.records import REPORTS_DIR, RUNS_DIR, RunRecord, load_run, resolve_run, save_run
from llm_extract.evaluation.report_html import render_html
from llm_extract.evaluation.report_markdown import render_comparison_markdown, render_markdown
from llm_extract.evaluation.report_terminal import print_comparison, print_gate, print_run
from llm_extract.evaluation.runner import EvalRun, run_eval

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


class BackendChoice(StrEnum):
    rules = "rules"
    llm = "llm"
    hybrid = "hybrid"


class Lang(StrEnum):
    en = "en"
    es = "es"


def _fail(error: LlmExtractError) -> typer.Exit:
    err.print(f"[red]error[/red] {escape(f'[{error.code}] {error}')}", soft_wrap=True)
    return typer.Exit(2)


def eval_command(
    backend: Annotated[BackendChoice, typer.Option(help="Backend to score.")] = BackendChoice.rules,
    corpus: Annotated[
        Path,
        typer.Option(
            envvar="LLM_EXTRACT_CORPUS",
            help="Corpus directory (text/<case>.txt); fixtures whose letter is not there are reported as missing.",
        ),
    ] = DEFAULT_CORPUS,
    fixtures_dir: Annotated[
        Path, typer.Option("--fixtures", help="Directory of hand-labeled fixtures.")
    ] = FIXTURES_DIR,
    gate: Annotated[bool, typer.Option("--gate", help="Check the thresholds; exit 1 listing what failed.")] = False,
    thresholds: Annotated[Path, typer.Option(help="Gate thresholds (TOML).")] = THRESHOLDS_FILE,
    baseline: Annotated[
        Path | None,
        typer.Option(
            help="Baseline run to compare with and gate regressions "
            "against (default: the backend's baseline in the thresholds)."
        ),
    ] = None,
    compare: Annotated[
        tuple[str, str] | None,
        typer.Option(
            metavar="A B",
            help="Compare two runs (files, run ids, 'latest', 'previous' or 'baseline') instead "
            "of running; with --gate, gate B against A.",
        ),
    ] = None,
    report_dir: Annotated[
        Path, typer.Option("--report", help="Write the Markdown and HTML reports here.")
    ] = REPORTS_DIR,
    runs_dir: Annotated[Path, typer.Option("--runs-dir", help="Write the run record here.")] = RUNS_DIR,
    lang: Annotated[Lang, typer.Option(help="Language of the summaries to score.")] = Lang.en,
    only: Annotated[list[str] | None, typer.Option("--only", help="Score only this fixture id (repeatable).")] = None,
    jobs: Annotated[int, typer.Option(min=1, max=64, help="Letters extracted in parallel (LLM backends).")] = 1,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the result cache.")] = False,
    cache_dir: Annotated[Path | None, typer.Option("--cache-dir", help="Result cache directory.")] = None,
) -> None:
    """Score a backend against the hand-labeled fixtures; report, compare and gate."""
    try:
        if compare is not None:
            passed = _compare(compare, runs_dir, report_dir, thresholds, baseline, backend.value, gate)
        else:
            passed = _run(
                backend.value,
                corpus,
                fixtures_dir,
                gate,
                thresholds,
                baseline,
                report_dir,
                runs_dir,
                lang.value,
                only or [],
                jobs,
                None if no_cache else cache_dir or default_cache_dir(),
            )
    except LlmExtractError as exc:
        raise _fail(exc) from None
    if not passed:
        raise typer.Exit(1)


def _thresholds(path: Path, needed: bool) -> Thresholds | None:
    if not needed and not path.is_file():
        return None
    return load_thresholds(path)


def _limits(thresholds: Thresholds | None, backend: str) -> Limits | None:
    if thresholds is None:
        return None
    return thresholds.backends.get(backend)


def _baseline(explicit: Path | None, limits: Limits | None) -> RunRecord | None:
    if explicit is not None:
        return load_run(explicit)
    path = limits.baseline_path() if limits is not None else None
    return load_run(path) if path is not None and path.is_file() else None


def _select(fixtures_dir: Path, only: list[str]) -> list[Fixture]:
    if not fixtures_dir.is_dir():
        raise ConfigError("the fixtures directory does not exist", source=str(fixtures_dir), hint="pass --fixtures DIR")
    fixtures = load_fixtures(fixtures_dir)
    if not fixtures:
        raise ConfigError("no fixtures (*.json) found", source=str(fixtures_dir), hint="see evals/README.md")
    if only:
        unknown = sorted(set(only) - {f.id for f in fixtures})
        if unknown:
            raise ConfigError(f"unknown fixture id(s): {', '.join(unknown)}", hint="ids are the fixture file names")
        fixtures = [f for f in fixtures if f.id in only]
    return fixtures


def _run(
    backend_name: str,
    corpus: Path,
    fixtures_dir: Path,
    gate: bool,
    thresholds_path: Path,
    baseline_path: Path | None,
    report_dir: Path,
    runs_dir: Path,
    lang: str,
    only: list[str],
    jobs: int,
    cache_dir: Path | None,
) -> bool:
    fixtures = _select(fixtures_dir, only)
    thresholds = _thresholds(thresholds_path, needed=gate)
    limits = _limits(thresholds, backend_name)
    if gate and thresholds is not None:
        limits = thresholds.for_backend(backend_name)  # gating a backend with no gates is an error
    backend = make_backend(backend_name)
    cache = ResultCache(cache_dir) if cache_dir is not None else None
    run = run_eval(
        backend,
        fixtures,
        corpus=corpus,
        lang="es" if lang == "es" else "en",
        cache=cache,
        jobs=jobs,
        fixtures_dir=fixtures_dir,
    )
    if cache is not None:
        cache.close()
    saved = save_run(run.record, runs_dir)
    base = _baseline(baseline_path, limits)
    comparison = compare_runs(base, run.record) if base is not None else None
    result = run_gate(run.record, limits, base) if gate and limits is not None else None
    report = ReportInput(record=run.record, gate=result, comparison=comparison)
    md, page = _write_reports(report, run, report_dir)
    print_run(out, report)
    out.print(
        f"run record: {escape(str(saved))}\nreports: {escape(str(md))}\n         {escape(str(page))}", soft_wrap=True
    )
    return result is None or result.passed


def _write(path: Path, text: str) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _write_reports(report: ReportInput, run: EvalRun, report_dir: Path) -> tuple[Path, Path]:
    stem = report.record.meta.run_id
    try:
        report_dir.mkdir(parents=True, exist_ok=True)
        md, page = report_dir / f"{stem}.md", report_dir / f"{stem}.html"
        _write(md, render_markdown(report))
        _write(page, render_html(report, run.letters))
    except OSError as exc:
        raise ConfigError(
            f"cannot write the reports ({exc.strerror})", source=str(report_dir), hint="pass a writable --report DIR"
        ) from None
    return md, page


def _compare(
    refs: tuple[str, str],
    runs_dir: Path,
    report_dir: Path,
    thresholds_path: Path,
    baseline_path: Path | None,
    backend: str,
    gate: bool,
) -> bool:
    thresholds = _thresholds(thresholds_path, needed=gate)
    configured = baseline_path
    if configured is None and (limits := _limits(thresholds, backend)) is not None:
        configured = limits.baseline_path()
    a = load_run(resolve_run(refs[0], runs_dir, configured))
    b = load_run(resolve_run(refs[1], runs_dir, configured))
    comparison = compare_runs(a, b)
    print_comparison(out, comparison, "A -> B")
    try:
        report_dir.mkdir(parents=True, exist_ok=True)
        path = report_dir / f"compare-{a.meta.run_id}-vs-{b.meta.run_id}.md"
        _write(path, render_comparison_markdown(comparison))
    except OSError as exc:
        raise ConfigError(f"cannot write the report ({exc.strerror})", source=str(report_dir)) from None
    out.print(f"report: {escape(str(path))}", soft_wrap=True)
    if not gate or thresholds is None:
        return True
    result: GateResult = run_gate(b, thresholds.for_backend(b.meta.backend), a)
    print_gate(out, result)
    return result.passed

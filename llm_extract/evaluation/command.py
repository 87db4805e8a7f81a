"""``llm-extract eval``: run, score, report, compare and gate.

Registered on the main typer app by ``llm_extract/cli/lazy.py``; it lives here so the
harness stays one package. Exit codes follow the rest of the CLI: 0 done (and the
gate passed, when asked), 1 the gate failed, 2 bad usage or configuration (unknown
backend, unreadable thresholds, a run file that is not a run, an endpoint that cannot
be reached), 3 too many letters failed (``--max-failed-share``). Errors are one line.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from llm_extract.contract.languages import Lang
from llm_extract.engine.cache import ResultCache, default_cache_dir
from llm_extract.errors import ConfigError, LlmExtractError
from llm_extract.evaluation.backend import check_reachable, make_backend
from llm_extract.evaluation.compare import compare_runs
from llm_extract.evaluation.fixtures import DEFAULT_CORPUS, FIXTURES_DIR, Fixture, load_fixtures
from llm_extract.evaluation.gate import THRESHOLDS_FILE, GateResult, Limits, Thresholds, load_thresholds, run_gate
from llm_extract.evaluation.present import ReportInput
from llm_extract.evaluation.records import REPORTS_DIR, RUNS_DIR, RunRecord, load_run, resolve_run, save_run
from llm_extract.evaluation.report_html import render_html
from llm_extract.evaluation.report_markdown import render_comparison_markdown, render_markdown
from llm_extract.evaluation.report_terminal import print_comparison, print_gate, print_run
from llm_extract.evaluation.runner import EndpointBreaker, EvalRun, run_eval
from llm_extract.evaluation.variants import Variant, parse_variants, print_variants, variant_backend

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


class BackendChoice(StrEnum):
    rules = "rules"
    llm = "llm"
    hybrid = "hybrid"


def _fail(error: LlmExtractError) -> typer.Exit:
    err.print(f"[red]error[/red] {escape(f'[{error.code}] {error}')}", soft_wrap=True)
    return typer.Exit(2)


class TooManyFailed(Exception):
    """More letters failed than ``--max-failed-share`` allows: the run says nothing about quality.

    Not part of the :class:`LlmExtractError` tree (the HTTP service never raises it):
    only this command turns it into its one line and exit code 3.
    """

    code = "letters-failed"

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(f"{message} ({hint})")


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
    profile: Annotated[
        str | None,
        typer.Option(help="Gate with a named profile of the thresholds file (e.g. smollm2-replay), not the defaults."),
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Every metric and every problem (default: about 40 lines).")
    ] = False,
    max_failed_share: Annotated[
        float,
        typer.Option(min=0.0, max=1.0, help="Exit 3 with one line when more than this share of letters failed."),
    ] = 0.2,
    variant: Annotated[
        list[str] | None,
        typer.Option(
            "--variant",
            metavar="NAME=KEY=VALUE[,KEY=VALUE]",
            help="Run the same letters through several prompt dirs and/or models (keys: prompts, model); "
            "or pass a .toml file. One side-by-side table, paired tests against the first.",
        ),
    ] = None,
) -> None:
    """Score a backend against the hand-labeled fixtures; report, compare and gate."""
    options = _Options(
        backend=backend.value,
        corpus=corpus,
        fixtures_dir=fixtures_dir,
        gate=gate,
        thresholds_path=thresholds,
        baseline_path=baseline,
        report_dir=report_dir,
        runs_dir=runs_dir,
        lang=lang.value,
        only=only or [],
        jobs=jobs,
        cache_dir=None if no_cache else cache_dir or default_cache_dir(),
        profile=profile,
        verbose=verbose,
        max_failed_share=max_failed_share,
    )
    try:
        if compare is not None:
            passed = _compare(compare, options)
        elif variant:
            passed = _variants(parse_variants(variant), options)
        else:
            passed = _run(options)
    except TooManyFailed as exc:
        err.print(f"[red]error[/red] {escape(f'[{exc.code}] {exc}')}", soft_wrap=True)
        raise typer.Exit(3) from None
    except LlmExtractError as exc:
        raise _fail(exc) from None
    if not passed:
        raise typer.Exit(1)


@dataclass
class _Options:
    backend: str
    corpus: Path
    fixtures_dir: Path
    gate: bool
    thresholds_path: Path
    baseline_path: Path | None
    report_dir: Path
    runs_dir: Path
    lang: str
    only: list[str]
    jobs: int
    cache_dir: Path | None
    profile: str | None
    verbose: bool
    max_failed_share: float


def _thresholds(path: Path, needed: bool) -> Thresholds | None:
    if not needed and not path.is_file():
        return None
    return load_thresholds(path)


def _limits(thresholds: Thresholds | None, backend: str, profile: str | None) -> Limits | None:
    if thresholds is None:
        return None
    if profile is not None:
        return thresholds.for_backend(backend, profile)
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


def _execute(options: _Options, backend_name: str, variant: Variant | None = None) -> EvalRun:
    fixtures = _select(options.fixtures_dir, options.only)
    backend = variant_backend(backend_name, variant) if variant is not None else make_backend(backend_name)
    check_reachable(backend)
    cache = ResultCache(options.cache_dir) if options.cache_dir is not None else None
    try:
        run = run_eval(
            backend,
            fixtures,
            corpus=options.corpus,
            lang="es" if options.lang == "es" else "en",
            cache=cache,
            jobs=options.jobs,
            fixtures_dir=options.fixtures_dir,
            breaker=EndpointBreaker() if backend_name != "rules" else None,
        )
    finally:
        if cache is not None:
            cache.close()
    return run


def _too_many_failed(run: EvalRun, share: float, where: Path) -> TooManyFailed | None:
    m = run.record.metrics
    failed, scored = int(m.get("letters.failed") or 0), int(m.get("letters.scored") or 0)
    if not scored or failed / scored <= share:
        return None
    first = next((x.error for x in run.record.letters if x.error), None)
    return TooManyFailed(
        f"{failed} of {scored} letters failed (more than {share:.0%}); first: {first}",
        hint=f"the run record is {where}; fix the cause or pass --max-failed-share",
    )


def _run(options: _Options) -> bool:
    thresholds = _thresholds(options.thresholds_path, needed=options.gate)
    limits = _limits(thresholds, options.backend, options.profile)
    if options.gate and thresholds is not None:
        limits = thresholds.for_backend(options.backend, options.profile)  # gating a backend with no gates is an error
    run = _execute(options, options.backend)
    saved = save_run(run.record, options.runs_dir)
    if (problem := _too_many_failed(run, options.max_failed_share, saved)) is not None:
        raise problem
    base = _baseline(options.baseline_path, limits)
    comparison = compare_runs(base, run.record) if base is not None else None
    result = run_gate(run.record, limits, base) if options.gate and limits is not None else None
    report = ReportInput(record=run.record, gate=result, comparison=comparison)
    md, _ = _write_reports(report, run, options.report_dir)
    print_run(out, report, verbose=options.verbose)
    out.print(f"run record: {escape(str(saved))}  reports: {escape(str(md))} (.html beside it)", soft_wrap=True)
    return result is None or result.passed


def _variants(variants: list[Variant], options: _Options) -> bool:
    runs: list[tuple[Variant, EvalRun, Path]] = []
    for v in variants:
        run = _execute(options, options.backend, v)
        saved = save_run(run.record, options.runs_dir)
        if (problem := _too_many_failed(run, options.max_failed_share, saved)) is not None:
            raise problem
        _write_reports(ReportInput(record=run.record), run, options.report_dir)
        runs.append((v, run, saved))
    print_variants(out, [(v.name, run.record) for v, run, _ in runs], verbose=options.verbose)
    for v, _, saved in runs:
        out.print(f"{escape(v.name)}: {escape(str(saved))}", soft_wrap=True)
    return True


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


def _compare(refs: tuple[str, str], options: _Options) -> bool:
    thresholds = _thresholds(options.thresholds_path, needed=options.gate)
    configured = options.baseline_path
    if configured is None and (limits := _limits(thresholds, options.backend, options.profile)) is not None:
        configured = limits.baseline_path()
    a = load_run(resolve_run(refs[0], options.runs_dir, configured))
    b = load_run(resolve_run(refs[1], options.runs_dir, configured))
    comparison = compare_runs(a, b)
    print_comparison(out, comparison, "A -> B", verbose=options.verbose)
    try:
        options.report_dir.mkdir(parents=True, exist_ok=True)
        path = options.report_dir / f"compare-{a.meta.run_id}-vs-{b.meta.run_id}.md"
        _write(path, render_comparison_markdown(comparison))
    except OSError as exc:
        raise ConfigError(f"cannot write the report ({exc.strerror})", source=str(options.report_dir)) from None
    out.print(f"report: {escape(str(path))}", soft_wrap=True)
    if not options.gate or thresholds is None:
        return True
    result: GateResult = run_gate(b, thresholds.for_backend(b.meta.backend, options.profile), a)
    print_gate(out, result)
    return result.passed

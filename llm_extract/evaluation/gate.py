"""Gates: the committed thresholds a run must meet before a change is merged.

``evals/thresholds.toml`` holds, per backend, minimums and maximums for any
registered metric, the largest allowed regression against a baseline run, and the
significance level at which a drop in outcome accuracy fails on its own. Unknown
metric names are a configuration error: a misspelt gate must not pass silently.

A metric that is undefined on the letters at hand (no overturned item among the
seeds when the corpus is absent) is skipped with a note rather than failed, so the
gate still means something on a checkout without the corpus. Regressions are
measured on the letters both runs scored.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator

from llm_extract.errors import ConfigError
from llm_extract.evaluation.compare import compare_runs
from llm_extract.evaluation.fixtures import REPO_ROOT
from llm_extract.evaluation.metrics import METRICS
from llm_extract.evaluation.records import Record, RunRecord

THRESHOLDS_FILE = REPO_ROOT / "evals" / "thresholds.toml"
Rule = Literal["min", "max", "regression", "significance"]


def _known(values: dict[str, float]) -> dict[str, float]:
    unknown = sorted(set(values) - set(METRICS))
    if unknown:
        raise ValueError(f"unknown metric(s): {', '.join(unknown)}")
    return values


class Limits(Record):
    """The gates of one backend."""

    baseline: str | None = None
    """Run record to compare against, relative to the repo root."""
    min: dict[str, float] = Field(default_factory=dict)
    max: dict[str, float] = Field(default_factory=dict)
    max_regression: dict[str, float] = Field(default_factory=dict)
    """Largest allowed change for the worse versus the baseline (absolute, in the metric's unit)."""
    outcome_significance: float | None = Field(default=None, gt=0, lt=1)
    """Fail when outcome accuracy drops versus the baseline with exact McNemar p below this."""

    @field_validator("min", "max")
    @classmethod
    def _names(cls, values: dict[str, float]) -> dict[str, float]:
        return _known(values)

    @field_validator("max_regression")
    @classmethod
    def _directional(cls, values: dict[str, float]) -> dict[str, float]:
        _known(values)
        pointless = sorted(k for k in values if METRICS[k].better == "none")
        if pointless:
            raise ValueError(f"metric(s) without a better direction cannot regress: {', '.join(pointless)}")
        return values

    def baseline_path(self) -> Path | None:
        return REPO_ROOT / self.baseline if self.baseline else None


class Profile(Record):
    """A named set of gates for a particular setting (e.g. the weak model CI replays).

    The default gates (``[backends.*]``) are the bar for a model fit to serve users; a
    profile must say what it is for, so nobody mistakes a weak model's floor for it.
    """

    description: str = Field(min_length=20)
    """What the profile is for and why its bars differ from the defaults."""
    backends: dict[str, Limits]


class Thresholds(Record):
    version: Literal[1]
    backends: dict[str, Limits]
    profiles: dict[str, Profile] = Field(default_factory=dict)

    def for_backend(self, backend: str, profile: str | None = None) -> Limits:
        if profile is not None:
            if profile not in self.profiles:
                known = ", ".join(sorted(self.profiles)) or "none"
                raise ConfigError(
                    f"no gate profile '{profile}' in the thresholds file", hint=f"profiles defined: {known}"
                )
            table, where = self.profiles[profile].backends, f"[profiles.{profile}.backends.{backend}]"
        else:
            table, where = self.backends, f"[backends.{backend}]"
        if backend not in table:
            raise ConfigError(
                f"no gates for backend '{backend}' in the thresholds file",
                hint=f"add a {where} table to evals/thresholds.toml",
            )
        return table[backend]


def load_thresholds(path: Path = THRESHOLDS_FILE) -> Thresholds:
    try:
        return Thresholds.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))
    except OSError as exc:
        raise ConfigError(
            f"cannot read the thresholds ({exc.strerror})", source=str(path), hint="pass --thresholds FILE"
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"the thresholds are not valid TOML ({exc})", source=str(path)) from None
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        raise ConfigError(
            f"invalid thresholds: {problems}", source=str(path), hint="metric names are listed in evals/README.md"
        ) from None


class GateCheck(Record):
    metric: str
    rule: Rule
    limit: float
    actual: float | None
    baseline: float | None = None
    passed: bool
    skipped: bool = False
    detail: str | None = None

    @property
    def message(self) -> str:
        actual = "undefined" if self.actual is None else f"{self.actual:.4g}"
        if self.skipped:
            return f"{self.metric}: skipped, {actual} on these letters"
        if self.rule == "min":
            return f"{self.metric} = {actual}, must be >= {self.limit:g}"
        if self.rule == "max":
            return f"{self.metric} = {actual}, must be <= {self.limit:g}"
        if self.rule == "significance":
            verdict = "not significant" if self.passed else "significant"
            return f"{self.metric}: {self.detail}, {verdict} (McNemar p = {actual}, fails below {self.limit:g})"
        return f"{self.metric} = {actual}, baseline {self.baseline:.4g}: may be worse by at most {self.limit:g}"


class GateResult(Record):
    backend: str
    checks: list[GateCheck]
    notes: list[str] = Field(default_factory=list)

    @property
    def passed(self) -> bool:
        return all(c.passed for c in self.checks)

    @property
    def failures(self) -> list[GateCheck]:
        return [c for c in self.checks if not c.passed]


def _bound(metric: str, rule: Rule, limit: float, actual: float | None) -> GateCheck:
    if actual is None:
        return GateCheck(metric=metric, rule=rule, limit=limit, actual=None, passed=True, skipped=True)
    ok = actual >= limit - 1e-9 if rule == "min" else actual <= limit + 1e-9
    return GateCheck(metric=metric, rule=rule, limit=limit, actual=actual, passed=ok)


def _regressions(run: RunRecord, limits: Limits, baseline: RunRecord, notes: list[str]) -> list[GateCheck]:
    comparison = compare_runs(baseline, run)
    if comparison.letters_compared == 0:
        notes.append("the baseline shares no scored letter with this run: regression checks skipped")
        return []
    if not comparison.same_labels:
        notes.append("the labels changed since the baseline: a regression may be a label change")
    if comparison.only_in_a:
        notes.append(
            f"regressions measured on the {comparison.letters_compared} letter(s) both runs scored "
            f"({len(comparison.only_in_a)} baseline letter(s) not scored here)"
        )
    checks = []
    for metric, tolerance in limits.max_regression.items():
        d = comparison.delta(metric)
        if d is None or d.before is None or d.after is None:
            checks.append(
                GateCheck(metric=metric, rule="regression", limit=tolerance, actual=None, passed=True, skipped=True)
            )
            continue
        worse_by = d.before - d.after if METRICS[metric].better == "higher" else d.after - d.before
        checks.append(
            GateCheck(
                metric=metric,
                rule="regression",
                limit=tolerance,
                actual=d.after,
                baseline=d.before,
                passed=worse_by <= tolerance + 1e-9,
            )
        )
    test = comparison.outcome_test
    alpha = limits.outcome_significance
    if alpha is not None and test.delta < 0:
        d = comparison.delta("outcome.accuracy")
        drop = (
            f"dropped from {d.before:.4g} to {d.after:.4g}"
            if d and d.before is not None and d.after is not None
            else "dropped"
        )
        checks.append(
            GateCheck(
                metric="outcome.accuracy",
                rule="significance",
                limit=alpha,
                actual=test.mcnemar_p,
                passed=test.mcnemar_p >= alpha,
                detail=f"{drop} vs the baseline",
            )
        )
    return checks


def run_gate(run: RunRecord, limits: Limits, baseline: RunRecord | None = None) -> GateResult:
    """Check a run against its backend's limits (and the baseline, when one is given)."""
    checks = [_bound(m, "min", v, run.metrics.get(m)) for m, v in limits.min.items()]
    checks += [_bound(m, "max", v, run.metrics.get(m)) for m, v in limits.max.items()]
    notes: list[str] = []
    missing = int(run.metrics.get("letters.missing") or 0)
    if missing:
        notes.append(
            f"{missing} fixture letter(s) missing (letter file not found): gated on "
            f"{int(run.metrics.get('letters.scored') or 0)} letter(s)"
        )
    if limits.max_regression or limits.outcome_significance is not None:
        if baseline is None:
            notes.append("no baseline run: regression checks skipped")
        else:
            checks += _regressions(run, limits, baseline, notes)
    return GateResult(backend=run.meta.backend, checks=checks, notes=notes)

"""Runs are records: what was run, on what, and how every letter scored.

A run record is one JSON Lines file: a header line with the run's identity
(backend, model, prompt names/versions/hashes, parser version, code fingerprint, git
commit, time), its metrics and confusion table, then one :class:`LetterRecord` per
line. One letter per line keeps a committed baseline reviewable: ``git diff`` shows
exactly which letters changed. Per-letter records
keep everything aggregation needs, so any two runs can be re-scored on the letters
they share (a run without the corpus against a baseline with it) and compared
field by field.

Records hold label-level values (header fields, services, outcomes, reason codes:
the same strings the committed fixtures hold), numbers, and what the backend wrote
for the reader: each item's enrichment values and the summary text (so ``--compare``
can show old and new text side by side). They never hold rationale text or guideline
lines, so a rules baseline can be committed without copying corpus letters into the
repo.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from pathlib import Path
from typing import Any, Literal

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from llm_extract.contract.models import Outcome
from llm_extract.errors import ConfigError
from llm_extract.evaluation.fixtures import REPO_ROOT
from llm_extract.resources import in_checkout

RUN_FORMAT: Literal["llm-extract-eval-run/1"] = "llm-extract-eval-run/1"
RUNS_DIR = (REPO_ROOT if in_checkout() else Path(platformdirs.user_data_dir("llm-extract"))) / "evals" / "runs"
"""Run records: in the checkout, else the user data dir (never inside an installed package)."""
REPORTS_DIR = RUNS_DIR.parent / "reports"

Value = bool | int | float | str | list[str] | None
"""A scored value as JSON: dates as ISO strings, enums as their value, lists as written."""


class Record(BaseModel):
    """Base of every record model: strict, so an edited or foreign file fails loudly."""

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)


class FieldResult(Record):
    """One labeled value against its prediction."""

    path: str
    """Label-centred path: ``case.decision_date``, ``decisions[2].outcome`` (2 = the label's item 2)."""
    expected: Value
    predicted: Value
    correct: bool
    missing: bool = False
    """True when nothing was predicted for it (the letter failed or the item was not found)."""


class ReasonMarks(Record):
    """The reason codes shown for one matched labeled item, beside its hand labels."""

    shown: list[str]
    """Codes the backend shows the worker, in its order."""
    gold: list[str]
    acceptable: list[str] = []
    primary: str


class ItemPair(Record):
    """One row of the item alignment: a labeled item, a predicted item, or both."""

    expected: int | None
    """1-based position in the labels, None for a spurious prediction."""
    predicted: int | None
    """The predicted ``Decision.index``, None for a missed label."""
    expected_outcome: Outcome | None
    predicted_outcome: Outcome | None
    similarity: float
    predicted_service: str | None = None
    """Set for spurious predictions only (the label side shows the text otherwise)."""
    reasons: ReasonMarks | None = None
    """Set for matched labeled items that have reason labels."""

    @property
    def matched(self) -> bool:
        return self.expected is not None and self.predicted is not None


class SummaryScore(Record):
    language: str
    metric: str
    grade: float
    """Reading score recomputed by the harness from the summary text."""
    target: float
    meets_target: bool
    words: int
    characters: int
    items_expected: int
    items_mentioned: int
    """Labeled items whose summary line exists and whose treatment the text names."""
    items_correct: int
    """Labeled items whose summary line says the right outcome, in the flag and in the text."""
    wrong_items: list[int] = []
    """Label positions whose outcome the summary misses or misstates."""
    unsupported: list[str] = []
    """Dates (ISO) and numbers the summary states that the letter does not contain."""
    hard_words: list[str] | None = None
    """Words a grade-6 reader may not know that the summary leaves unexplained, as the
    summary reports them (English template summaries); None where it reports none."""
    document_grade: float | None = None
    """Reading score of the worker's document (:mod:`llm_extract.render.reading`: the text
    format without the small print and the letter's own treatment names); None in runs
    recorded before it was scored."""
    document_meets_target: bool | None = None


class GroundingScore(Record):
    checked: int
    """Predicted values that have a literal form to look for."""
    grounded: int
    """Of those, values whose evidence span contains them."""
    ungrounded: list[str] = []
    """Paths of values whose span is missing, out of range or does not contain them."""


class FieldUse(Record):
    """What the model contributed to one field (see :mod:`.contribution`)."""

    field: str
    """The document's grounding path: ``decisions/2/body_region``, ``summary``, ``case/decision_date``."""
    status: Literal["accepted", "rejected", "unanswered"]
    cause: str | None = None
    """Why the model's value was not used (None when accepted)."""


class ItemOutput(Record):
    """What the backend output for one item, beyond the labeled values (for comparisons)."""

    index: int
    service: str
    outcome: Outcome
    reasons: list[str] = []
    enrichment: dict[str, str | None] | None = None
    """Category, body region, quantity, frequency, duration (LLM backends)."""


class Outputs(Record):
    """The letter's output as a reader sees it, compactly: items and the summary text."""

    items: list[ItemOutput] = []
    summary_text: str | None = None
    summary_by: str | None = None
    """``rules`` (the templates) or the model that wrote the summary."""


class Ops(Record):
    """Cost of one letter. Zero counts for the rules backend and for cache hits."""

    seconds: float = 0.0
    cached: bool = False
    calls: int = 0
    attempts: int = 0
    reasks: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = 0.0


class LetterRecord(Record):
    id: str
    letter: str
    """``examples/letters/seed-000.txt`` or ``corpus:CM16-0213037``."""
    status: Literal["ok", "error", "missing"]
    """``missing``: the letter is not available (corpus absent); not scored."""
    error: str | None = None
    """``[code] message`` of a failed extraction (error messages never hold letter text)."""
    fields: list[FieldResult] = []
    items: list[ItemPair] = []
    summary: SummaryScore | None = None
    grounding: GroundingScore | None = None
    ops: Ops = Ops()
    model: list[FieldUse] | None = None
    """Per model-backed field: accepted, rejected or unanswered (None for ``rules``)."""
    outputs: Outputs | None = None
    labels_sha256: str | None = None
    """Hash of this letter's labels: runs compare labels letter by letter."""

    @property
    def scored(self) -> bool:
        return self.status != "missing"


class PromptInfo(Record):
    name: str
    version: str | None = None
    sha256: str | None = None


class RunMeta(Record):
    run_id: str
    created_at: dt.datetime
    backend: str
    model: str | None = None
    prompts: list[PromptInfo] = []
    parser_version: str
    templates_version: str | None = None
    """Version of the summary templates (the rules' summaries and every fallback)."""
    package_version: str
    identity: dict[str, Any]
    """The backend's own ``identity()``: everything about it that changes its output."""
    code_sha256: str
    """Fingerprint of the extraction code (part of the eval's cache key)."""
    git_commit: str | None = None
    git_dirty: bool | None = None
    lang: str
    fixtures_sha256: str
    """Hash of the labels used: comparing runs on different labels mixes two changes."""
    fixtures_dir: str
    corpus: str | None = None
    wall_seconds: float = 0.0
    """Time to extract and score every letter (process start-up excluded)."""
    jobs: int = 1


class RunHeader(Record):
    """The first line of a run file."""

    format: Literal["llm-extract-eval-run/1"]
    meta: RunMeta
    metrics: dict[str, float | None]
    confusion: dict[str, dict[str, int]] = Field(default_factory=dict)


class RunRecord(Record):
    """A whole run in memory: the header's content and every letter."""

    meta: RunMeta
    metrics: dict[str, float | None]
    confusion: dict[str, dict[str, int]] = Field(default_factory=dict)
    letters: list[LetterRecord]

    def letter(self, letter_id: str) -> LetterRecord | None:
        return next((x for x in self.letters if x.id == letter_id), None)


# ------------------------------------------------------------------ files


def display_path(path: Path | None) -> str | None:
    """Relative to the repo for paths in it or beside it (``../shared/...``), so a
    committed baseline carries no machine paths; absolute otherwise."""
    if path is None:
        return None
    resolved = path.resolve()
    try:
        rel = os.path.relpath(resolved, REPO_ROOT)
    except ValueError:  # another drive on Windows
        return str(resolved)
    return str(resolved) if rel.startswith(os.path.join(os.pardir, os.pardir)) else rel


def new_run_id(backend: str, created: dt.datetime, identity_hash: str) -> str:
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", backend)
    return f"{created.strftime('%Y%m%dT%H%M%SZ')}-{safe}-{identity_hash[:8]}"


def dump_run(record: RunRecord) -> str:
    header = RunHeader(format=RUN_FORMAT, meta=record.meta, metrics=record.metrics, confusion=record.confusion)
    return "".join(line.model_dump_json() + "\n" for line in [header, *record.letters])


def save_run(record: RunRecord, runs_dir: Path) -> Path:
    """Write ``<run_id>.jsonl`` atomically; never overwrite another run.

    A second run of the same backend within the same second gets a ``-2`` suffix,
    in its file name and its ``run_id`` alike, so the id always names the file.
    """
    try:
        runs_dir.mkdir(parents=True, exist_ok=True)
        base = record.meta.run_id
        target, n = runs_dir / f"{base}.jsonl", 1
        while target.exists():
            n += 1
            target = runs_dir / f"{base}-{n}.jsonl"
        record.meta.run_id = target.stem
        tmp = target.with_suffix(".jsonl.tmp")
        tmp.write_text(dump_run(record), encoding="utf-8")
        os.replace(tmp, target)
    except OSError as exc:
        raise ConfigError(
            f"cannot write the run record ({exc.strerror})", source=str(runs_dir), hint="pass a writable --runs-dir"
        ) from None
    return target


def load_run(path: Path) -> RunRecord:
    try:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        if not lines:
            raise ConfigError("the run record is empty", source=str(path))
        header = RunHeader.model_validate_json(lines[0])
        letters = [LetterRecord.model_validate_json(line) for line in lines[1:]]
        return RunRecord(meta=header.meta, metrics=header.metrics, confusion=header.confusion, letters=letters)
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            f"cannot read the run record ({getattr(exc, 'strerror', None) or exc})",
            source=str(path),
            hint="pass a run file, a run id from --runs-dir, 'latest' or 'baseline'",
        ) from None
    except ValidationError as exc:
        raise ConfigError(
            f"not an eval run record ({exc.error_count()} problem(s))",
            source=str(path),
            hint=f"expected a JSON Lines file written by 'llm-extract eval' ({RUN_FORMAT})",
        ) from None


def list_runs(runs_dir: Path) -> list[Path]:
    """Run files, oldest written first (names only resolve to the second)."""
    if not runs_dir.is_dir():
        return []
    return sorted(runs_dir.glob("*.jsonl"), key=lambda p: (p.stat().st_mtime_ns, p.name))


def resolve_run(ref: str, runs_dir: Path, baseline: Path | None = None) -> Path:
    """A run named by path, by id in ``runs_dir``, as ``latest``/``previous``, or ``baseline``."""
    if ref == "baseline":
        if baseline is None:
            raise ConfigError(
                "no baseline is configured for this backend",
                hint="set 'baseline' in evals/thresholds.toml or pass --baseline FILE",
            )
        return baseline
    if ref in ("latest", "previous"):
        runs = list_runs(runs_dir)
        need = 1 if ref == "latest" else 2
        if len(runs) < need:
            raise ConfigError(
                f"'{ref}' needs {need} run(s) in {runs_dir}, found {len(runs)}", hint="run 'llm-extract eval' first"
            )
        return runs[-need]
    path = Path(ref)
    if path.is_file():
        return path
    for candidate in (runs_dir / ref, runs_dir / f"{ref}.jsonl"):
        if candidate.is_file():
            return candidate
    matches = [p for p in list_runs(runs_dir) if p.stem.startswith(ref)]
    if len(matches) == 1:
        return matches[0]
    raise ConfigError(
        f"no run '{ref}'" + (f" ({len(matches)} match)" if matches else ""),
        hint=f"pass a run file or a unique run id prefix from {runs_dir}",
    )


def git_state(root: Path = REPO_ROOT) -> tuple[str | None, bool | None]:
    """HEAD commit and whether tracked files differ from it (None outside a git checkout)."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, timeout=5, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None, None
    return head or None, bool(dirty)

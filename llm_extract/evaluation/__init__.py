"""The eval harness: score backends and prompt versions against hand-labeled fixtures.

``llm-extract eval`` runs a backend over ``evals/fixtures`` (seed letters committed,
corpus letters read from ``--corpus``), scores items, outcomes, fields, summaries,
grounding and operations, writes a run record, compares runs with a paired test,
gates on ``evals/thresholds.toml`` and writes terminal, Markdown and HTML reports.
See ``evals/README.md``.

Modules, in the order data flows: :mod:`.runner` (extract and score each letter with
:mod:`.scoring`, :mod:`.summary_checks`, :mod:`.spans`), :mod:`.records` (the run
file), :mod:`.metrics` (registry and aggregation), :mod:`.compare` and :mod:`.stats`,
:mod:`.gate`, and the three reports.
"""

from llm_extract.evaluation.backend import make_backend
from llm_extract.evaluation.compare import Comparison, compare_runs
from llm_extract.evaluation.gate import GateResult, Limits, Thresholds, load_thresholds, run_gate
from llm_extract.evaluation.metrics import METRICS, aggregate
from llm_extract.evaluation.records import LetterRecord, RunRecord, load_run, save_run
from llm_extract.evaluation.runner import EvalRun, run_eval

__all__ = [
    "METRICS",
    "Comparison",
    "EvalRun",
    "GateResult",
    "LetterRecord",
    "Limits",
    "RunRecord",
    "Thresholds",
    "aggregate",
    "compare_runs",
    "load_run",
    "load_thresholds",
    "make_backend",
    "run_eval",
    "run_gate",
    "save_run",
]

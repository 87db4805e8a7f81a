"""Several variants in one eval: the same letters through several prompt versions and/or models.

``--variant NAME=prompts=DIR,model=NAME`` (repeatable), or ``--variant FILE.toml``
with one ``[[variant]]`` table per variant (``name``, and ``prompts`` and/or
``model``). Each variant is an ordinary run (its own run record and reports); the
terminal shows one side-by-side table of the key metrics and, for each variant after
the first, the paired outcome test against the first (exact McNemar over the items
both scored, bootstrap over letters).
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from llm_extract.backends import factory
from llm_extract.backends.base import Backend
from llm_extract.errors import ConfigError
from llm_extract.evaluation.backend import make_backend
from llm_extract.evaluation.compare import compare_runs
from llm_extract.evaluation.present import fmt_delta, fmt_metric, variant_metrics
from llm_extract.evaluation.records import RunRecord
from llm_extract.llm.settings import load_settings

_KEYS = {"prompts": "prompts_dir", "model": "model"}


@dataclass(frozen=True)
class Variant:
    name: str
    prompts: Path | None = None
    model: str | None = None


def _variant(name: str, values: dict[str, object]) -> Variant:
    unknown = sorted(set(values) - set(_KEYS))
    if not name or unknown:
        raise ConfigError(
            f"bad variant '{name}'" + (f": unknown key(s) {', '.join(unknown)}" if unknown else ": no name"),
            hint="write NAME=prompts=DIR,model=MODEL (keys: prompts, model)",
        )
    prompts = values.get("prompts")
    if prompts is not None and not Path(str(prompts)).is_dir():
        raise ConfigError(f"variant '{name}': no prompts directory {prompts}", hint="prompts= takes a directory")
    model = values.get("model")
    return Variant(name, Path(str(prompts)) if prompts is not None else None, str(model) if model else None)


def parse_variants(specs: Sequence[str]) -> list[Variant]:
    """Variants from ``NAME=key=value,...`` strings or TOML files; names must be unique."""
    out: list[Variant] = []
    for spec in specs:
        if spec.endswith(".toml"):
            try:
                data = tomllib.loads(Path(spec).read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError) as exc:
                raise ConfigError(f"cannot read the variants file ({exc})", source=spec) from None
            for table in data.get("variant", []):
                values = {k: v for k, v in table.items() if k != "name"}
                out.append(_variant(str(table.get("name", "")), values))
            continue
        name, _, rest = spec.partition("=")
        values = {}
        for part in filter(None, rest.split(",")):
            key, sep, value = part.partition("=")
            if not sep:
                raise ConfigError(f"bad variant '{spec}'", hint="write NAME=prompts=DIR,model=MODEL")
            values[key.strip()] = value.strip()
        out.append(_variant(name.strip(), values))
    names = [v.name for v in out]
    if len(set(names)) != len(names):
        raise ConfigError("variant names must be unique", hint=f"got {', '.join(names)}")
    if not out:
        raise ConfigError("no variants given", hint="pass --variant NAME=prompts=DIR (at least one)")
    return out


def variant_backend(name: str, variant: Variant) -> Backend:
    """The backend ``name`` with the variant's prompts directory and/or model."""
    if name == "rules":
        if variant.prompts is not None or variant.model is not None:
            raise ConfigError("the rules backend has no prompts or model to vary", hint="use --backend hybrid or llm")
        return make_backend(name)
    settings = load_settings(None, prompts_dir=variant.prompts, model=variant.model)
    return factory.make_backend(name, settings)


def print_variants(console: Console, runs: Sequence[tuple[str, RunRecord]], *, verbose: bool = False) -> None:
    """One side-by-side table; deltas and the paired outcome test are against the first variant."""
    first_name, first = runs[0]
    table = Table(title=f"variants (deltas against {escape(first_name)})", title_justify="left")
    table.add_column("metric", no_wrap=True)
    for name, _ in runs:
        table.add_column(escape(name), justify="right", no_wrap=True)
    for metric in variant_metrics([r.metrics for _, r in runs], verbose=verbose):
        cells = [fmt_metric(metric, first.metrics.get(metric))]
        for _, record in runs[1:]:
            value = record.metrics.get(metric)
            before = first.metrics.get(metric)
            delta = fmt_delta(metric, value - before) if value is not None and before is not None else ""
            cells.append(fmt_metric(metric, value) + (f" ({delta})" if delta else ""))
        table.add_row(metric, *cells)
    console.print(table)
    for name, record in runs[1:]:
        c = compare_runs(first, record)
        t = c.outcome_test
        what = "; ".join(f"{d.what}: {d.a} -> {d.b}" for d in c.differences) or "no set-up difference"
        console.print(
            f"{escape(name)} vs {escape(first_name)}: {escape(what)}; outcome (paired, {t.items} items) "
            f"{escape(t.verdict)}; {len(c.changed_letters)} letter(s) changed",
            soft_wrap=True,
        )

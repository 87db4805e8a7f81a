"""Helpers for the eval harness tests: fake backends that break like a parser rule would.

Each fake wraps the real rules backend and changes one thing, then rebuilds the
summary the way the rules backend does, so a test sees the output a broken parser
rule would really produce. They are plain classes implementing the Backend
protocol (no mock.patch): the harness runs them exactly like a real backend.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from llm_extract.backends.base import ExtractOptions
from llm_extract.backends.rules import RulesBackend
from llm_extract.contract.models import Decision, Extraction, Outcome
from llm_extract.evaluation.fixtures import FIXTURES_DIR, Fixture, load_fixtures
from llm_extract.letter.inputs import LetterText
from llm_extract.summary.templates import build_summary

SEEDS = [f for f in load_fixtures() if f.letter.path is not None]


def text_sha(fixture: Fixture) -> str:
    path = fixture.text_path(None)
    assert path is not None
    return hashlib.sha256(path.read_bytes().decode("utf-8-sig").encode("utf-8")).hexdigest()


def flip(d: Decision) -> Decision:
    other = Outcome.upheld if d.outcome is Outcome.overturned else Outcome.overturned
    return d.model_copy(update={"outcome": other})


class Broken:
    """The rules backend with ``change`` applied to the decisions of chosen letters.

    ``targets``: text sha256s of the letters to break (None: every letter).
    """

    name = "rules"

    def __init__(
        self, label: str, change: Callable[[list[Decision]], list[Decision]], targets: Iterable[str] | None = None
    ) -> None:
        self.label = label
        self.change = change
        self.targets = set(targets) if targets is not None else None
        self.inner = RulesBackend()

    def identity(self) -> dict[str, Any]:
        return {**self.inner.identity(), "broken": self.label}

    def extract(self, letter: LetterText, options: ExtractOptions) -> Extraction:
        doc = self.inner.extract(letter, options)
        if self.targets is not None and letter.text_sha256 not in self.targets:
            return doc
        decisions = self.change(list(doc.decisions))
        return doc.model_copy(
            update={
                "decisions": decisions,
                "summary": build_summary(doc.case, decisions, options.lang, letter=letter.text),
            }
        )


def flip_first(targets: Iterable[str] | None = None) -> Broken:
    return Broken("flip-first", lambda ds: [flip(ds[0]), *ds[1:]] if ds else ds, targets)


def drop_last(targets: Iterable[str] | None = None) -> Broken:
    return Broken("drop-last", lambda ds: ds[:-1], targets)


def copy_fixtures(dest: Path) -> Path:
    shutil.copytree(FIXTURES_DIR, dest)
    return dest

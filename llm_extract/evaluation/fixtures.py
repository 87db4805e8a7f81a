"""Hand-labeled fixtures: loading, validation and locating their letters.

A fixture names its letter either by a repo-relative path (seed letters, which are
committed) or by a corpus case number (real letters, which stay outside the repo
and are read from a corpus directory). The label schema forbids unknown keys, so a
typo in a hand-written label fails loudly instead of being ignored.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from llm_extract.contract.models import GuidelineSource, Outcome, Priority, ReasonCode, Sex
from llm_extract.errors import InputError
from llm_extract.resources import SOURCE_ROOT, data_root, in_checkout

REPO_ROOT = data_root()
"""The checkout, or the packaged copy of its data folders (same layout)."""
FIXTURES_DIR = REPO_ROOT / "evals" / "fixtures"
DEFAULT_CORPUS = (SOURCE_ROOT.parent if in_checkout() else Path.cwd().parent) / "shared" / "corpus" / "dwc-2016"
"""``../shared/corpus/dwc-2016`` beside the checkout (beside the working directory when installed)."""


class _Label(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LetterRef(_Label):
    path: str | None = None
    """Repo-relative path of a committed letter."""
    corpus_case: str | None = None
    """Case number of a letter in the corpus directory."""

    @model_validator(mode="after")
    def _one(self) -> LetterRef:
        if (self.path is None) == (self.corpus_case is None):
            raise ValueError("a fixture letter needs exactly one of 'path' or 'corpus_case'")
        return self


class ExpectedCase(_Label):
    case_number: str | None
    date_assigned: dt.date | None
    date_of_injury: dt.date | None
    decision_date: dt.date | None
    ur_denial_date: dt.date | None
    application_received: dt.date | None
    priority: Priority | None


class ExpectedReviewer(_Label):
    licensed_in: list[str]
    specialties: list[str]


class ExpectedPatient(_Label):
    age: int | None
    sex: Sex | None


REASON_LABELS: frozenset[str] = frozenset(c.value for c in ReasonCode) | {"other"}
"""Codes a reason label may use: the contract's, plus ``other`` for a ground no code fits."""


class ExpectedReasons(_Label):
    """The reviewer's grounds for one item, labeled by hand from the rationale (evals/LABELING.md)."""

    gold: list[str]
    """Every code that is clearly a ground in this case (at least one)."""
    acceptable: list[str] = []
    """Codes a careful reader could also defend; a code in neither list would misinform the worker."""
    primary: str
    """The main ground, one of ``gold``."""
    other_note: str | None = None
    """What the ground is, when ``other`` is in ``gold``."""
    evidence: str
    """The shortest quote from the rationale that shows the primary ground."""

    @model_validator(mode="after")
    def _consistent(self) -> ExpectedReasons:
        unknown = (set(self.gold) | set(self.acceptable)) - REASON_LABELS
        if unknown:
            raise ValueError(f"unknown reason codes {sorted(unknown)}")
        if not self.gold or self.primary not in self.gold:
            raise ValueError("'gold' needs at least one code and must contain 'primary'")
        if set(self.gold) & set(self.acceptable):
            raise ValueError("a code is in both 'gold' and 'acceptable'")
        if ("other" in self.gold) != (self.other_note is not None):
            raise ValueError("'other_note' is required exactly when 'other' is in 'gold'")
        return self


class ExpectedDecision(_Label):
    service: str
    outcome: Outcome
    partial: bool
    original_request: str | None
    authorized_portion: str | None
    claims_administrator_sources: list[GuidelineSource] | None = None
    maximus_sources: list[GuidelineSource] | None = None
    reasons: ExpectedReasons | None = None
    """Hand-labeled grounds (all 165 fixture items have them)."""


class Expected(_Label):
    case: ExpectedCase
    reviewer: ExpectedReviewer
    patient: ExpectedPatient
    decisions: list[ExpectedDecision]


class Fixture(_Label):
    id: str
    letter: LetterRef
    expected: Expected
    labeler_notes: str = ""

    def text_path(self, corpus: Path | None) -> Path | None:
        """Where the letter's text is, or None when its corpus is not available."""
        if self.letter.path is not None:
            return REPO_ROOT / self.letter.path
        if corpus is None:
            return None
        return corpus / "text" / f"{self.letter.corpus_case}.txt"

    def pdf_path(self, corpus: Path | None) -> Path | None:
        if self.letter.corpus_case is None or corpus is None:
            return None
        return corpus / "pdf" / f"{self.letter.corpus_case}.pdf"


def default_corpus() -> Path | None:
    """``../shared/corpus/dwc-2016`` beside the repo, when it exists."""
    return DEFAULT_CORPUS if DEFAULT_CORPUS.is_dir() else None


def load_fixture(path: Path) -> Fixture:
    try:
        return Fixture.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (ValidationError, json.JSONDecodeError) as exc:
        raise InputError(
            f"fixture {path.name} is not a valid label file: {exc}",
            hint="see evals/LABELING.md for the label format",
        ) from exc


def load_fixtures(directory: Path = FIXTURES_DIR) -> list[Fixture]:
    return [load_fixture(p) for p in sorted(directory.glob("*.json"))]


def iter_available(fixtures: list[Fixture], corpus: Path | None) -> Iterator[tuple[Fixture, Path | None]]:
    """Each fixture with its letter path, or None when the letter is missing."""
    for fixture in fixtures:
        path = fixture.text_path(corpus)
        yield fixture, path if path is not None and path.is_file() else None

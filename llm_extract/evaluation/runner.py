"""Run one backend over the hand-labeled fixtures and score every letter.

Extraction goes through the same :class:`~llm_extract.engine.pipeline.Extractor` as the
CLI and the HTTP service (same cache, same per-letter error isolation), so the eval
measures what users get. A fixture whose letter is not available (the corpus is not
checked out) is recorded as ``missing`` and the rest still run; a letter that fails
to extract is scored with every labeled value wrong.

The run keeps the letter texts and documents in memory for the HTML report; only
the :class:`~.records.RunRecord` (no letter text) is written to disk.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from llm_extract.backends.base import Backend, ExtractOptions, Language
from llm_extract.contract.models import Extraction
from llm_extract.engine.cache import ResultCache
from llm_extract.engine.pipeline import Extractor
from llm_extract.errors import ConfigError, LlmExtractError, LlmRejectedError, LlmTransportError
from llm_extract.evaluation.backend import Fingerprinted, code_fingerprint
from llm_extract.evaluation.contribution import field_uses
from llm_extract.evaluation.fixtures import FIXTURES_DIR, Fixture
from llm_extract.evaluation.grades import Grader
from llm_extract.evaluation.metrics import aggregate, confusion
from llm_extract.evaluation.ops import ops_of
from llm_extract.evaluation.records import (
    ItemOutput,
    LetterRecord,
    Ops,
    Outputs,
    PromptInfo,
    RunMeta,
    RunRecord,
    display_path,
    git_state,
    new_run_id,
)
from llm_extract.evaluation.scoring import header_fields, score_items
from llm_extract.evaluation.spans import check_grounding
from llm_extract.evaluation.summary_checks import score_summary
from llm_extract.letter.inputs import LetterInput, read_letter
from llm_extract.parse.parser import PARSER_VERSION
from llm_extract.render.reading import reading_text
from llm_extract.summary.templates import TEMPLATES_VERSION
from llm_extract.text.digest import canonical_json, sha256_json
from llm_extract.version import __version__

log = logging.getLogger(__name__)


@dataclass
class LetterRun:
    """One fixture's outcome, with the in-memory material the HTML report shows."""

    fixture: Fixture
    record: LetterRecord
    text: str | None = None
    extraction: Extraction | None = None


@dataclass
class EvalRun:
    record: RunRecord
    letters: list[LetterRun]


def letter_ref(fixture: Fixture) -> str:
    return fixture.letter.path or f"corpus:{fixture.letter.corpus_case}"


def fixtures_hash(fixtures: Sequence[Fixture]) -> str:
    return sha256_json([f.model_dump(mode="json") for f in fixtures])


def score_letter(
    fixture: Fixture,
    text: str | None,
    doc: Extraction | None,
    ops: Ops,
    grader: Grader,
    error: LlmExtractError | None = None,
) -> LetterRecord:
    """Everything the record needs about one letter: fields, items, summary, grounding."""
    labels = fixture.expected.decisions
    pairs, item_fields, partner = score_items(labels, doc.decisions if doc else [])
    record = LetterRecord(
        id=fixture.id,
        letter=letter_ref(fixture),
        status="ok" if doc is not None else "error",
        error=f"[{error.code}] {error}" if error is not None else None,
        fields=header_fields(fixture.expected, doc) + item_fields,
        items=pairs,
        ops=ops,
        model=field_uses(doc) if doc is not None else None,
        outputs=outputs_of(doc) if doc is not None else None,
        labels_sha256=sha256_json(fixture.expected.model_dump(mode="json")),
    )
    if doc is not None and text is not None:
        document = reading_text(doc, doc.summary.language)
        record.summary = score_summary(doc.summary, text, labels, partner, grader, document)
        record.grounding = check_grounding(doc, text)
    return record


def outputs_of(doc: Extraction) -> Outputs:
    """The document as a reader sees it, compactly (no rationale or guideline text)."""
    items = []
    for d in doc.decisions:
        e = d.enrichment
        enrichment = None
        if e is not None:
            category = e.treatment_category.value if e.treatment_category else None
            enrichment = {
                "treatment_category": category,
                "body_region": e.body_region,
                "quantity": e.quantity,
                "frequency": e.frequency,
                "duration": e.duration,
            }
        items.append(
            ItemOutput(
                index=d.index,
                service=d.service,
                outcome=d.outcome,
                reasons=[r.code.value for r in d.reasons],
                enrichment=enrichment,
            )
        )
    return Outputs(items=items, summary_text=doc.summary.text, summary_by=doc.summary.generated_by)


def _load(fixture: Fixture, path: Path) -> LetterInput:
    # The fixture id names the letter in messages and logs; file paths stay out of them.
    return LetterInput(name=fixture.id, data=path.read_bytes())


ENDPOINT_FAULTS = (LlmTransportError, LlmRejectedError, ConfigError)
"""Errors that say the endpoint, not the letter, is at fault: the next letter would fail alike."""

STOP_AFTER = 3
"""Consecutive endpoint failures after which the run stops instead of failing every letter."""


class EndpointBreaker:
    """Stops a run whose endpoint keeps failing, rather than scoring every letter as failed."""

    def __init__(self, limit: int = STOP_AFTER) -> None:
        self.limit = limit
        self.streak = 0
        self.error: LlmExtractError | None = None
        self._lock = threading.Lock()

    @property
    def tripped(self) -> bool:
        return self.error is not None

    def saw(self, error: LlmExtractError | None) -> None:
        with self._lock:
            if error is None or not isinstance(error, ENDPOINT_FAULTS):
                self.streak = 0
                return
            self.streak += 1
            if self.streak >= self.limit and self.error is None:
                self.error = error


def _one(
    extractor: Extractor, grader: Grader, fixture: Fixture, path: Path | None, breaker: EndpointBreaker | None = None
) -> LetterRun:
    if path is None:
        return LetterRun(fixture, LetterRecord(id=fixture.id, letter=letter_ref(fixture), status="missing"))
    if breaker is not None and breaker.tripped:
        return LetterRun(
            fixture, LetterRecord(id=fixture.id, letter=letter_ref(fixture), status="error", error="not run")
        )
    letter = _load(fixture, path)
    result = extractor.extract(letter)
    ops = ops_of(result)
    if breaker is not None:
        breaker.saw(result.error)
    if result.error is not None:
        return LetterRun(fixture, score_letter(fixture, None, None, ops, grader, result.error))
    text = read_letter(letter, max_pages=extractor.max_pages).text
    doc = result.extraction
    return LetterRun(fixture, score_letter(fixture, text, doc, ops, grader), text, doc)


def _prompts(identity: dict[str, object], docs: Sequence[Extraction]) -> list[PromptInfo]:
    """Prompt names/versions/hashes from the identity, completed from the documents' provenance."""
    found: dict[str, PromptInfo] = {}
    raw = identity.get("prompts")
    entries = list(raw.values()) if isinstance(raw, dict) else raw if isinstance(raw, list) else []
    for entry in entries:
        if isinstance(entry, dict) and isinstance(entry.get("name"), str):
            found[entry["name"]] = PromptInfo(
                name=entry["name"], version=_str(entry.get("version")), sha256=_str(entry.get("sha256"))
            )
    for doc in docs:
        for ref in doc.provenance.prompts:
            found.setdefault(ref.name, PromptInfo(name=ref.name, version=ref.version, sha256=ref.sha256))
    return [found[k] for k in sorted(found)]


def _str(value: object) -> str | None:
    return str(value) if value is not None else None


def run_eval(
    backend: Backend,
    fixtures: Sequence[Fixture],
    *,
    corpus: Path | None,
    lang: Language = "en",
    cache: ResultCache | None = None,
    jobs: int = 1,
    fixtures_dir: Path = FIXTURES_DIR,
    breaker: EndpointBreaker | None = None,
) -> EvalRun:
    """Extract and score every fixture's letter; missing letters are recorded, not fatal.

    With a ``breaker``, the run stops early (raising the endpoint's error) once that many
    letters in a row failed because of the endpoint: a server that is down must not turn
    into a report of every letter wrong.
    """
    fingerprint = code_fingerprint()
    extractor = Extractor(Fingerprinted(backend, fingerprint), cache=cache, options=ExtractOptions(lang=lang))
    grader = Grader(cache, fingerprint)
    located = [(f, f.text_path(corpus)) for f in fixtures]
    available = [(f, p if p is not None and p.is_file() else None) for f, p in located]
    started = time.perf_counter()
    created = dt.datetime.now(dt.UTC).replace(microsecond=0)
    if jobs > 1:
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            letters = list(pool.map(lambda fp: _one(extractor, grader, fp[0], fp[1], breaker), available))
    else:
        letters = [_one(extractor, grader, f, p, breaker) for f, p in available]
    wall = time.perf_counter() - started
    if breaker is not None and breaker.error is not None:
        raise breaker.error
    records = [x.record for x in letters]
    identity = backend.identity()
    commit, dirty = git_state()
    meta = RunMeta(
        run_id=new_run_id(backend.name, created, sha256_json([identity, fingerprint, lang])),
        created_at=created,
        backend=backend.name,
        model=_str(identity.get("model")),
        prompts=_prompts(identity, [x.extraction for x in letters if x.extraction is not None]),
        parser_version=PARSER_VERSION,
        templates_version=TEMPLATES_VERSION,
        package_version=__version__,
        identity=dict(_jsonable(identity)),
        code_sha256=fingerprint,
        git_commit=commit,
        git_dirty=dirty,
        lang=lang,
        fixtures_sha256=fixtures_hash(fixtures),
        fixtures_dir=display_path(fixtures_dir) or "",
        corpus=display_path(corpus),
        wall_seconds=round(wall, 4),
        jobs=jobs,
    )
    log.info("eval done", extra={"backend": backend.name, "letters": len(records), "seconds": round(wall, 3)})
    record = RunRecord(meta=meta, metrics=aggregate(records, wall), confusion=confusion(records), letters=records)
    return EvalRun(record=record, letters=letters)


def _jsonable(identity: dict[str, object]) -> dict[str, object]:
    """The identity as plain JSON values (paths, enums and the like become strings)."""
    loaded: dict[str, object] = json.loads(canonical_json(identity))
    return loaded

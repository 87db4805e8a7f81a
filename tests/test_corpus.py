"""Every hand-labeled letter, checked field by field; PDF and text must agree.

Corpus letters are read from ../shared (never committed); these tests skip when it
is absent. The seed fixtures are committed and always run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from llm_extract.backends.rules import item_reasons, with_reasons
from llm_extract.evaluation.fixtures import Fixture, load_fixtures
from llm_extract.letter.inputs import LetterInput, read_letter
from llm_extract.parse.parser import ParsedLetter, fold, parse
from tests.conftest import corpus_dir

FIXTURES = load_fixtures()
CORPUS_CASES = sorted(f.letter.corpus_case for f in FIXTURES if f.letter.corpus_case)


def test_fixture_set_covers_seeds_and_corpus() -> None:
    assert sum(f.letter.path is not None for f in FIXTURES) == 5
    assert len(CORPUS_CASES) == 65


def _letter_text(fixture: Fixture) -> str:
    path = fixture.text_path(corpus_dir())
    if path is None or not path.is_file():
        pytest.skip(f"letter for {fixture.id} not available (corpus absent)")
    return path.read_text(encoding="utf-8")


def _assert_matches_labels(fixture: Fixture, parsed: ParsedLetter) -> None:
    expected = fixture.expected
    assert parsed.case.model_dump(exclude={"spans"}) == expected.case.model_dump()
    assert (parsed.reviewer.licensed_in, parsed.reviewer.specialties) == (
        expected.reviewer.licensed_in,
        expected.reviewer.specialties,
    )
    assert (parsed.patient.age, parsed.patient.sex) == (expected.patient.age, expected.patient.sex)
    assert len(parsed.decisions) == len(expected.decisions)
    for got, want in zip(parsed.decisions, expected.decisions, strict=True):
        assert (got.service, got.outcome, got.partial, got.original_request, got.authorized_portion) == (
            want.service,
            want.outcome,
            want.partial,
            want.original_request,
            want.authorized_portion,
        )
        if want.claims_administrator_sources is not None:
            assert got.claims_administrator_sources == want.claims_administrator_sources
        if want.maximus_sources is not None:
            assert got.maximus_sources == want.maximus_sources


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.id for f in FIXTURES])
def test_text_matches_hand_labels(fixture: Fixture) -> None:
    _assert_matches_labels(fixture, parse(_letter_text(fixture)))


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.id for f in FIXTURES])
def test_every_value_is_grounded_in_its_span(fixture: Fixture) -> None:
    text = _letter_text(fixture)
    parsed = parse(text)
    for d in parsed.decisions:
        assert fold(text[d.spans.service.start : d.spans.service.end]) == d.service
        assert text[d.spans.outcome.start : d.spans.outcome.end].lower() == d.outcome.value
        if d.rationale is not None and d.spans.rationale is not None:
            assert fold(text[d.spans.rationale.start : d.spans.rationale.end]) == d.rationale
    if parsed.case.case_number and parsed.case.spans.case_number:
        span = parsed.case.spans.case_number
        assert text[span.start : span.end] == parsed.case.case_number


@pytest.mark.corpus
@pytest.mark.parametrize("case", CORPUS_CASES)
def test_pdf_matches_hand_labels_and_text(case: str, corpus: Path) -> None:
    pdf = corpus / "pdf" / f"{case}.pdf"
    if not pdf.is_file():
        pytest.skip(f"{pdf} missing")
    letter = read_letter(LetterInput(pdf.name, pdf.read_bytes()))
    assert letter.kind == "pdf" and letter.pages and letter.pages >= 1
    fixture = next(f for f in FIXTURES if f.letter.corpus_case == case)
    _assert_matches_labels(fixture, parse(letter.text))


@pytest.mark.corpus
def test_corpus_rerun_is_byte_identical_with_all_cache_hits(corpus: Path, tmp_path: Path) -> None:
    from llm_extract.backends.rules import RulesBackend
    from llm_extract.engine.cache import ResultCache
    from llm_extract.engine.pipeline import Extractor, RunStats

    files = sorted((corpus / "text").glob("*.txt")) + sorted((corpus / "pdf").glob("*.pdf"))
    letters = [LetterInput(p.name, p.read_bytes()) for p in files]

    def run() -> tuple[list[str | None], RunStats]:
        extractor = Extractor(RulesBackend(), cache=ResultCache(tmp_path / "cache"))
        stats = RunStats()
        documents = []
        for result in extractor.run(letters):
            stats.add(result)
            documents.append(result.document)
        return documents, stats

    first, first_stats = run()
    second, second_stats = run()
    assert first_stats.failed == 0 and first_stats.cache_hits == 0
    assert second_stats.cache_hits == second_stats.letters == len(files)
    assert second == first


@pytest.mark.corpus
def test_reasons_found_while_parsing_equal_reasons_attached_afterwards(corpus: Path) -> None:
    """The rules backend asks the parser for each item's reasons (one validation per item); the
    result is what attaching them to the parsed items afterwards gives."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((corpus / "text").glob("*.txt"))]
    assert sum(bool(d.reasons) for t in texts for d in parse(t, reasons=item_reasons).decisions) > 100
    for text in texts:
        assert parse(text, reasons=item_reasons).decisions == with_reasons(text, parse(text).decisions)

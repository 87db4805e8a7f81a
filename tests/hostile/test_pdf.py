"""Hostile and unusual PDFs: bounded, isolated, typed, and independent of earlier documents."""

from __future__ import annotations

import resource
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from llm_extract.errors import CorruptPdfError, PasswordRequiredError, PdfTooComplexError
from llm_extract.letter import pdf
from llm_extract.letter.pdf import PdfLimits, extract_text, reader_peak_memory_mb
from llm_extract.parse.parser import parse
from tests.letterkit import simple
from tests.pdfkit import encrypt, letter_pdf, make_pdf, rotate, save_state_bomb

GOOD = make_pdf([["An ordinary page of text that reads fine."]])


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_a_save_state_bomb_is_refused_without_touching_this_process() -> None:
    bomb = save_state_bomb()
    assert len(bomb) < 20_000
    before = _rss_mb()
    with pytest.raises(PdfTooComplexError, match="memory") as caught:
        extract_text(bomb)
    assert caught.value.code == "pdf-too-complex" and caught.value.hint
    assert _rss_mb() - before < 100, "PDFium's expansion happened in the serving process"
    assert reader_peak_memory_mb() < 500
    assert "reads fine" in extract_text(GOOD).text, "the next document must still be read"


def test_the_time_budget_stops_a_slow_document() -> None:
    with pytest.raises(PdfTooComplexError, match=r"more than 0\.001 s"):
        extract_text(letter_pdf(simple(300).clean()), limits=PdfLimits(seconds=0.001))
    assert "reads fine" in extract_text(GOOD).text


def _page_tree_missing() -> bytes:
    """A damaged file: its catalog names no page tree (PDFium fails without setting its error)."""
    damaged = GOOD.replace(b"/Type /Catalog /Pages 2 0 R", b"/Type /Catalog /Pagez 2 0 R")
    assert damaged != GOOD
    return damaged


def test_error_codes_do_not_depend_on_earlier_documents() -> None:
    damaged = _page_tree_missing()
    locked = encrypt(GOOD, user_password="s3cret")
    with pytest.raises(PasswordRequiredError):
        extract_text(locked)
    with pytest.raises(CorruptPdfError):
        extract_text(damaged)
    for _ in range(2):  # and the same after a success, or a run of failures
        extract_text(GOOD)
        with pytest.raises(PasswordRequiredError):
            extract_text(locked)
        with pytest.raises(CorruptPdfError):
            extract_text(damaged)
        with pytest.raises(PdfTooComplexError):
            extract_text(save_state_bomb())
        with pytest.raises(CorruptPdfError):
            extract_text(damaged)


def test_concurrent_callers_each_get_their_own_answer() -> None:
    inputs = [GOOD, _page_tree_missing(), make_pdf([["Second good page of plain words."]])] * 4
    answers: list[str] = [""] * len(inputs)

    def read(i: int) -> None:
        try:
            answers[i] = extract_text(inputs[i]).text.split()[0]
        except CorruptPdfError as exc:
            answers[i] = exc.code

    threads = [threading.Thread(target=read, args=(i,)) for i in range(len(inputs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == ["An", "corrupt-pdf", "Second"] * 4


@pytest.mark.parametrize("degrees", [90, 180, 270])
def test_rotated_pages_read_as_the_upright_letter(degrees: int) -> None:
    upright = letter_pdf(simple(3).clean())
    assert extract_text(rotate(upright, degrees)).text == extract_text(upright).text


@pytest.mark.corpus
def test_every_corpus_pdf_rotated_gives_the_same_decisions(corpus: Path) -> None:
    pdfs = sorted((corpus / "pdf").glob("*.pdf"))
    assert len(pdfs) == 65
    for path in pdfs:
        data = path.read_bytes()
        upright = parse(extract_text(data).text)
        expected = [(d.service, d.outcome, d.partial) for d in upright.decisions]
        for degrees in (90, 180, 270):
            turned = parse(extract_text(rotate(data, degrees)).text)
            assert [(d.service, d.outcome, d.partial) for d in turned.decisions] == expected, (path.stem, degrees)
            assert turned.case == upright.case, (path.stem, degrees)


# ------------------------------------------------ readers forked from this process (one-worker CLI)


@pytest.fixture
def readers_here(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """PDF readers forked from this process, as ``extract`` with one worker has them (no server process)."""
    assert threading.active_count() == 1, "readers are forked here only while this process has one thread"
    server = pdf._ForkServer()
    monkeypatch.setattr(pdf, "_SERVER", server)
    pdf.fork_readers_here()
    try:
        yield
        assert server._process is None, "a server process was started: the readers were not forked here"
    finally:
        server.close()


@pytest.mark.usefixtures("readers_here")
def test_readers_forked_here_refuse_a_bomb_and_keep_reading() -> None:
    before = _rss_mb()
    with pytest.raises(PdfTooComplexError, match="memory"):
        extract_text(save_state_bomb())
    assert _rss_mb() - before < 100, "PDFium's expansion happened in this process"
    assert "reads fine" in extract_text(GOOD).text


@pytest.mark.usefixtures("readers_here")
def test_readers_forked_here_keep_the_time_budget() -> None:
    with pytest.raises(PdfTooComplexError, match=r"more than 0\.001 s"):
        extract_text(letter_pdf(simple(300).clean()), limits=PdfLimits(seconds=0.001))
    assert "reads fine" in extract_text(GOOD).text


@pytest.mark.usefixtures("readers_here")
def test_readers_forked_here_give_error_codes_independent_of_earlier_documents() -> None:
    damaged, locked = _page_tree_missing(), encrypt(GOOD, user_password="s3cret")
    for _ in range(2):
        with pytest.raises(PasswordRequiredError):
            extract_text(locked)
        with pytest.raises(CorruptPdfError):
            extract_text(damaged)
        assert extract_text(rotate(GOOD, 90)).text == extract_text(GOOD).text


def test_a_caller_with_other_threads_reads_through_the_server(monkeypatch: pytest.MonkeyPatch) -> None:
    server = pdf._ForkServer()
    monkeypatch.setattr(pdf, "_SERVER", server)
    pdf.fork_readers_here()
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert "reads fine" in extract_text(GOOD).text
        assert server._process is not None, "a reader was forked from a process running other threads"
    finally:
        stop.set()
        other.join()
        server.close()

"""PDF intake and input decoding: each failure mode has its own typed error."""

from __future__ import annotations

from pathlib import Path

import pytest

from llm_extract.errors import (
    BinaryInputError,
    CorruptPdfError,
    EmptyInputError,
    InputError,
    NoTextLayerError,
    NotPdfError,
    PasswordRequiredError,
    TooManyPagesError,
    UnsupportedFileError,
)
from llm_extract.letter.inputs import LetterInput, decode_text, expand_paths, load_path, read_letter
from llm_extract.letter.pdf import extract_text
from llm_extract.parse.parser import parse
from tests.letterkit import simple
from tests.pdfkit import encrypt, letter_pdf, make_pdf


def test_text_pdf_round_trips_and_counts_pages() -> None:
    pdf = extract_text(make_pdf([["Hello page one"], ["Hello page two"]]))
    assert pdf.pages == 2
    assert "Hello page one" in pdf.text and "Hello page two" in pdf.text
    assert "\r" not in pdf.text


def test_letter_as_pdf_gives_the_same_decisions_as_text() -> None:
    text = simple(3).clean()
    from_pdf = parse(read_letter(LetterInput("l.pdf", letter_pdf(text))).text)
    from_text = parse(text)
    assert [(d.service, d.outcome) for d in from_pdf.decisions] == [(d.service, d.outcome) for d in from_text.decisions]
    assert from_pdf.case == from_text.case.model_copy(update={"spans": from_pdf.case.spans})


def test_empty_user_password_opens_without_prompt() -> None:
    locked = encrypt(make_pdf([["Visible text on an encrypted page"]]), user_password="")
    assert "Visible text" in extract_text(locked).text


def test_password_protected_pdf() -> None:
    locked = encrypt(make_pdf([["Secret"]]), user_password="s3cret")
    with pytest.raises(PasswordRequiredError, match="password"):
        extract_text(locked)


def test_image_only_pdf_needs_ocr() -> None:
    with pytest.raises(NoTextLayerError, match=r"OCR|scanned"):
        extract_text(make_pdf([[], []]))


def test_corrupt_pdf() -> None:
    with pytest.raises(CorruptPdfError):
        extract_text(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage")


def test_not_a_pdf() -> None:
    with pytest.raises(NotPdfError):
        extract_text(b"PK\x03\x04 this is a zip file")


def test_too_many_pages() -> None:
    with pytest.raises(TooManyPagesError, match="3 pages"):
        extract_text(make_pdf([["a page of text here"]] * 3), max_pages=2)


def test_pdf_named_txt_is_read_as_pdf_by_content() -> None:
    letter = LetterInput("letter.txt", make_pdf([["Some text in a pdf page"]]))
    assert read_letter(letter).kind == "pdf"


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", EmptyInputError),
        (b"   \n\n\t ", EmptyInputError),
        (b"\x00\x01\x02binary", BinaryInputError),
        (b"\xff\xfe\xfa not utf8 \xc3\x28", BinaryInputError),
        (bytes(range(1, 32)) * 20, BinaryInputError),
    ],
)
def test_bad_text_inputs(data: bytes, error: type[InputError]) -> None:
    with pytest.raises(error) as caught:
        read_letter(LetterInput("bad.txt", data))
    assert caught.value.source == "bad.txt"
    assert "bad.txt" in str(caught.value) and caught.value.hint


def test_utf8_bom_is_dropped() -> None:
    assert decode_text("\ufeffHello".encode()) == "Hello"


def test_load_path_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_path(tmp_path / "missing.txt")
    doc = tmp_path / "letter.docx"
    doc.write_bytes(b"x")
    with pytest.raises(UnsupportedFileError, match=r"\.docx"):
        load_path(doc)


def test_directories_expand_to_their_letters_sorted(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("b")
    (tmp_path / "a.pdf").write_bytes(b"%PDF-")
    (tmp_path / "notes.md").write_text("skip me")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.TXT").write_text("c")
    names = [p.relative_to(tmp_path).as_posix() for p in expand_paths([tmp_path])]
    assert names == ["a.pdf", "b.txt", "sub/c.TXT"]


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    from llm_extract.errors import InputTooLargeError
    from llm_extract.letter.inputs import MAX_INPUT_BYTES

    big = tmp_path / "huge.txt"
    with big.open("wb") as f:  # sparse: costs no disk or memory
        f.truncate(MAX_INPUT_BYTES + 1)
    with pytest.raises(InputTooLargeError, match="MiB") as caught:
        load_path(big)
    assert caught.value.code == "input-too-large" and caught.value.source == str(big)

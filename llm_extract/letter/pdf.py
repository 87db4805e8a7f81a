"""PDF text-layer extraction with pypdfium2.

pypdfium2 was chosen over pypdf because it opens the DWC letters (AES-encrypted with
an empty user password) natively, without the ``cryptography`` package, and is about
ten times faster. Each failure mode gets its own error, because the fix differs:
a password-protected file needs the password removed, a scanned one needs OCR.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from llm_extract.errors import (
    CorruptPdfError,
    NoTextLayerError,
    NotPdfError,
    PasswordRequiredError,
    TooManyPagesError,
)

if TYPE_CHECKING:
    import pypdfium2 as pdfium

DEFAULT_MAX_PAGES = 200
"""IMR letters run to a handful of pages; far more suggests the wrong document."""

_MIN_TEXT_CHARS_PER_PAGE = 10
"""Fewer visible characters per page than this, on average, means a scan without a text layer."""

_PDFIUM_LOCK = threading.Lock()
"""PDFium is not thread-safe; the HTTP service extracts from worker threads."""


@dataclass(frozen=True)
class PdfText:
    text: str
    pages: int


def looks_like_pdf(data: bytes) -> bool:
    """PDF files start with ``%PDF-`` (some writers put junk before it, within 1 KiB)."""
    return b"%PDF-" in data[:1024]


def extract_text(data: bytes, *, max_pages: int = DEFAULT_MAX_PAGES) -> PdfText:
    """The text layer of a PDF, pages joined by a blank line, line ends as ``\\n``."""
    if not looks_like_pdf(data):
        raise NotPdfError("the file is not a PDF (no %PDF- signature)", hint="send a PDF or a .txt letter")
    with _PDFIUM_LOCK:
        document = _open(data)
        try:
            pages = len(document)
            if pages > max_pages:
                raise TooManyPagesError(
                    f"the PDF has {pages} pages, more than the limit of {max_pages}",
                    hint="send one letter per file, or raise the page limit",
                )
            texts = [_page_text(document, i) for i in range(pages)]
        finally:
            document.close()
    if pages == 0 or sum(len("".join(t.split())) for t in texts) < _MIN_TEXT_CHARS_PER_PAGE * pages:
        raise NoTextLayerError(
            "the PDF has no text layer (it looks scanned)",
            hint="run OCR on it first (e.g. ocrmypdf) and send the result",
        )
    return PdfText(text="\n\n".join(texts), pages=pages)


def _open(data: bytes) -> pdfium.PdfDocument:
    import pypdfium2 as pdfium  # on first use: a text letter never loads PDFium (~25 ms a process)
    import pypdfium2.raw as pdfium_c

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise PasswordRequiredError(
                "the PDF is protected by a password", hint="remove the password and send it again"
            ) from None
        raise CorruptPdfError(
            "the PDF is damaged and cannot be read", hint="re-export or re-download the file"
        ) from None


def _page_text(document: pdfium.PdfDocument, index: int) -> str:
    import pypdfium2 as pdfium

    try:
        page = document[index]
        textpage = page.get_textpage()
        try:
            raw = str(textpage.get_text_bounded())
        finally:
            textpage.close()
            page.close()
    except pdfium.PdfiumError:
        raise CorruptPdfError(
            f"page {index + 1} of the PDF cannot be read", hint="re-export or re-download the file"
        ) from None
    # PDFium marks a hyphen at a line break with \x02 and drops the break: keep the glyph.
    return raw.replace("\r\n", "\n").replace("\r", "\n").replace("\x02", "-")

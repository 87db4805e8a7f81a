"""Make small PDFs for tests: text pages, image-only pages, encrypted and broken files.

A hand-written minimal PDF writer (one Helvetica text object per line) keeps the
fixtures tiny and readable; pypdf, a dev-only dependency, adds encryption.
"""

from __future__ import annotations

import io
import zlib

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pypdf import PdfReader, PdfWriter


def _escape(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(pages: list[list[str]]) -> bytes:
    """A PDF whose page i shows pages[i] line by line (an empty list draws a box instead)."""
    streams = []
    for lines in pages:
        if lines:
            ops = ["BT", "/F1 10 Tf", "12 TL", "40 760 Td"] + [f"({_escape(line)}) Tj T*" for line in lines] + ["ET"]
        else:
            ops = ["0.5 g", "100 100 400 500 re f"]
        stream = "\n".join(ops).encode("latin-1")
        streams.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream)
    return _assemble(streams)


def stream_pdf(content: bytes) -> bytes:
    """A one-page PDF whose page content is ``content``, Flate-compressed (as real writers do)."""
    packed = zlib.compress(content, 9)
    return _assemble([b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed])


def save_state_bomb(operators: int = 5_000_000) -> bytes:
    """~10 KB per 5 million ``q`` (save graphics state) operators: PDFium needs ~1 GB to read it."""
    return stream_pdf(b"q " * operators)


def _assemble(streams: list[bytes]) -> bytes:
    """One page per content stream (dictionary and data, without ``endstream``), Helvetica as F1."""
    objects: list[bytes] = []
    n_pages = len(streams)
    page_ids = [3 + 2 * i for i in range(n_pages)]
    font_id = 3 + 2 * n_pages
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{pid} 0 R" for pid in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    for i, stream in enumerate(streams):
        content_id = page_ids[i] + 1
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {content_id} 0 R "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode()
        )
        objects.append(stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def letter_pdf(text: str, lines_per_page: int = 55) -> bytes:
    lines = text.split("\n")
    return make_pdf([lines[i : i + lines_per_page] for i in range(0, len(lines), lines_per_page)] or [[]])


def encrypt(pdf: bytes, *, user_password: str, owner_password: str = "owner") -> bytes:
    """Encrypt with RC4-128 (needs no `cryptography`); an empty user password opens silently."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def without_security(pdf: bytes) -> bytes:
    """An unencrypted copy (the DWC letters are AES-encrypted; pypdf needs ``cryptography`` for AES)."""
    document = pdfium.PdfDocument(pdf)
    out = io.BytesIO()
    document.save(out, flags=pdfium_c.FPDF_REMOVE_SECURITY)
    document.close()
    return out.getvalue()


def rotate(pdf: bytes, degrees: int) -> bytes:
    """Every page turned by ``degrees`` (a /Rotate entry, as a scanner or viewer saves it), with pypdf."""
    reader = PdfReader(io.BytesIO(without_security(pdf)))
    writer = PdfWriter()
    for page in reader.pages:
        page.rotate(degrees)
        writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()

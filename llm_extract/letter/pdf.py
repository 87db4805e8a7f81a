"""PDF text-layer extraction with pypdfium2, isolated and bounded per document.

pypdfium2 was chosen over pypdf because it opens the DWC letters (AES-encrypted with
an empty user password) natively, without the ``cryptography`` package, and is about
ten times faster. Each failure mode gets its own error, because the fix differs:
a password-protected file needs the password removed, a scanned one needs OCR, one
that needs more than a letter's memory or time budget is refused as too complex.

PDFium never runs in this process. Each document is read in a child forked from a
small single-threaded fork server (:mod:`llm_extract.letter.pdfworker`, whose
docstring gives the reasons), with a memory limit (``RLIMIT_AS``) and a time limit
per document, and from a fresh PDFium state. A hostile PDF can only end its own child:
the process serving other letters never sees PDFium's allocations or its aborts.

Cost, measured on the 65 DWC PDFs (2 cores): about 1 ms more per document than reading
in-process (11-12 ms against 10-11 ms), and 0.1-0.2 s to start the server once per
process, which :func:`prestart` overlaps with the caller's own start-up. Where ``os.fork`` does not exist (Windows)
the documents are read in-process, unbounded.

A caller that reads its PDFs from a single thread (``llm-extract extract`` with one worker)
calls :func:`fork_readers_here` instead: the readers are then forked from the caller itself,
with the same limits and the same fresh PDFium state per reader, and no server process
(a Python interpreter and its imports, ~40 ms of CPU) is started. Forking a process that runs
other threads is unsafe, so a read made while other threads run goes to the server.
"""

from __future__ import annotations

import atexit
import os
import select
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from llm_extract.errors import (
    CorruptPdfError,
    NoTextLayerError,
    NotPdfError,
    PasswordRequiredError,
    PdfTooComplexError,
    TooManyPagesError,
)

if TYPE_CHECKING:  # imported where used: a text letter needs neither (~2 ms of a cold `extract`)
    import subprocess

    from llm_extract.letter import pdfworker

DEFAULT_MAX_PAGES = 200
"""IMR letters run to a handful of pages; far more suggests the wrong document."""

_MIN_TEXT_CHARS_PER_PAGE = 10
"""Fewer visible characters per page than this, on average, means a scan without a text layer."""

_SERVER_GRACE = 10.0
"""Seconds the caller waits beyond a document's budget before it gives up on the server itself."""


@dataclass(frozen=True)
class PdfLimits:
    """The budget of one document. Real letters (up to 30 pages) need under 60 MB and 0.2 s."""

    memory_mb: int = 384
    """Address space the reader may add to its own; PDFium's expansion bombs hit it in well under a second."""
    seconds: float = 4.0
    """Wall-clock time for the whole document; the 200-page limit needs under 1 s on real letters."""


DEFAULT_LIMITS = PdfLimits()


@dataclass(frozen=True)
class PdfText:
    text: str
    pages: int


def looks_like_pdf(data: bytes) -> bool:
    """PDF files start with ``%PDF-`` (some writers put junk before it, within 1 KiB)."""
    return b"%PDF-" in data[:1024]


def extract_text(data: bytes, *, max_pages: int = DEFAULT_MAX_PAGES, limits: PdfLimits = DEFAULT_LIMITS) -> PdfText:
    """The text layer of a PDF, pages joined by a blank line, line ends as ``\\n``."""
    if not looks_like_pdf(data):
        raise NotPdfError("the file is not a PDF (no %PDF- signature)", hint="send a PDF or a .txt letter")
    request = {"max_pages": max_pages, "memory": limits.memory_mb * 2**20, "seconds": limits.seconds}
    if hasattr(os, "fork"):
        result = _SERVER.read(request, data)
    else:  # pragma: no cover - no fork server on this platform
        from llm_extract.letter import pdfworker

        with _IN_PROCESS_LOCK:
            result = pdfworker.extract_pages(data, max_pages)
    texts = [_clean(t) for t in _texts_or_raise(result, max_pages, limits)]
    pages = len(texts)
    if pages == 0 or sum(len("".join(t.split())) for t in texts) < _MIN_TEXT_CHARS_PER_PAGE * pages:
        raise NoTextLayerError(
            "the PDF has no text layer (it looks scanned)",
            hint="run OCR on it first (e.g. ocrmypdf) and send the result",
        )
    return PdfText(text="\n\n".join(texts), pages=pages)


def prestart() -> None:
    """Start the fork server now, in the background, so the first PDF does not wait for it."""
    if hasattr(os, "fork"):
        _SERVER.start()


def fork_readers_here() -> None:
    """Fork the PDF readers from this process rather than from a server process (see above)."""
    if hasattr(os, "fork"):
        _SERVER.fork_here()


def reader_peak_memory_mb() -> float:
    """The most memory any PDF reader child of this process has used so far."""
    return _SERVER.peak_kb / 1024


def _clean(raw: str) -> str:
    # PDFium marks a hyphen at a line break with \x02 and drops the break: keep the glyph.
    return raw.replace("\r\n", "\n").replace("\r", "\n").replace("\x02", "-")


def _texts_or_raise(result: dict[str, Any], max_pages: int, limits: PdfLimits) -> list[str]:
    error = result.get("error")
    if error is None:
        return [str(t) for t in result["texts"]]
    if error == "password":
        raise PasswordRequiredError("the PDF is protected by a password", hint="remove the password and send it again")
    if error == "too-many-pages":
        raise TooManyPagesError(
            f"the PDF has {result['pages']} pages, more than the limit of {max_pages}",
            hint="send one letter per file, or raise the page limit",
        )
    if error == "corrupt-page":
        raise CorruptPdfError(
            f"page {result['page']} of the PDF cannot be read", hint="re-export or re-download the file"
        )
    if error == "too-complex":
        budget = f"{limits.seconds:g} s" if result.get("why") == "time" else f"{limits.memory_mb} MB of memory"
        what = "crashed the PDF reader" if result.get("why") == "crash" else f"needs more than {budget} to read"
        raise PdfTooComplexError(
            f"the PDF {what}; it was stopped so that other letters are not affected",
            hint="re-export the letter as a plain PDF (print to PDF) or send its text as .txt",
        )
    raise CorruptPdfError("the PDF is damaged and cannot be read", hint="re-export or re-download the file")


_IN_PROCESS_LOCK = threading.Lock()
"""PDFium is not thread-safe (used only where there is no fork server)."""


class _ForkServer:
    """The client end of one :mod:`pdfworker` server per process (restarted if it dies).

    Requests are serialised by a lock: the server reads one document at a time, as the
    in-process reader did (PDFium is not thread-safe). Waiting on the pipe releases the GIL.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._owner = 0
        self._here: pdfworker.Server | None = None
        """The server run in this process by :meth:`fork_here`, if asked for."""
        self._here_owner = 0
        self.peak_kb = 0
        """The largest resident size a reader reached so far (KiB), for the fuzz run's figures."""

    def start(self) -> subprocess.Popen[bytes]:
        with self._lock:
            return self._ensure()

    def _ensure(self) -> subprocess.Popen[bytes]:
        process = self._process
        if process is not None and self._owner == os.getpid() and process.poll() is None:
            return process
        import subprocess

        package_root = str(Path(__file__).resolve().parents[2])
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
        self._process = subprocess.Popen(
            [sys.executable, "-m", "llm_extract.letter.pdfworker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            bufsize=0,
            start_new_session=True,  # a Ctrl-C for the caller is not delivered to the server
        )
        self._owner = os.getpid()
        return self._process

    def fork_here(self) -> None:
        from llm_extract.letter import pdfworker

        with self._lock:
            if self._here is None or self._here_owner != os.getpid():
                self._here, self._here_owner = pdfworker.Server(), os.getpid()

    def read(self, request: dict[str, Any], data: bytes) -> dict[str, Any]:
        with self._lock:
            here = self._here
            if here is not None and self._here_owner == os.getpid() and threading.active_count() == 1:
                result = here.handle({**request, "size": len(data)}, data)
                self.peak_kb = max(self.peak_kb, int(result.get("maxrss_kb", 0)))
                return result
            for attempt in range(2):
                process = self._ensure()
                try:
                    return self._exchange(process, {**request, "size": len(data)}, data)
                except (OSError, EOFError, ValueError):
                    self._stop(process)
                    if attempt:
                        raise
                except TimeoutError:
                    self._stop(process)
                    break
        return {"error": "too-complex", "why": "time"}

    def _exchange(self, process: subprocess.Popen[bytes], request: dict[str, Any], data: bytes) -> dict[str, Any]:
        from llm_extract.letter import pdfworker

        assert process.stdin is not None and process.stdout is not None
        pdfworker.write_all(process.stdin.fileno(), pdfworker.pack(request, data))
        _wait_readable(process.stdout, time.monotonic() + float(request["seconds"]) + _SERVER_GRACE)
        header = pdfworker.read_header(process.stdout.fileno())
        if header is None:
            raise EOFError("the PDF server closed its pipe")
        self.peak_kb = max(self.peak_kb, int(header.get("maxrss_kb", 0)))
        return header

    def _stop(self, process: subprocess.Popen[bytes]) -> None:
        process.kill()
        process.wait()
        self._process = None

    def close(self) -> None:
        if self._here is not None and self._here_owner == os.getpid():
            self._here.close()
        process = self._process
        if process is None or self._owner != os.getpid():
            return
        import subprocess

        if process.stdin is not None:
            process.stdin.close()
        try:
            process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()
        self._process = None


def _wait_readable(stream: IO[bytes], deadline: float) -> None:
    left = deadline - time.monotonic()
    if left <= 0 or not select.select([stream.fileno()], [], [], left)[0]:
        raise TimeoutError("the PDF server did not answer in time")


_SERVER = _ForkServer()
atexit.register(_SERVER.close)

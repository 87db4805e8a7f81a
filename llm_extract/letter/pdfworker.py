"""The PDF fork server: reads each PDF in a bounded child process, away from the caller.

Run as ``python -m llm_extract.letter.pdfworker`` by :mod:`llm_extract.letter.pdf`, so PDFium
is loaded only here and in the readers. A process that stays single-threaded (``extract``
with one worker) may instead run a :class:`Server` itself, its readers forked straight from
it (:func:`llm_extract.letter.pdf.fork_readers_here`); PDFium is then loaded only in them.

Design (chosen over PDFium in the serving process, one reusable worker, a process
spawned per document, or a child forked per document):

* **Isolation.** PDFium expands some tiny files without bound (a 10 KB page of repeated
  ``q`` operators takes ~1 GB) and aborts the whole process when an allocation fails.
  Documents are read in a *reader* child of this server; only that child can die.
* **A budget per document.** Before each document the reader sets its soft
  ``RLIMIT_AS`` to its current size plus the memory budget and its soft ``RLIMIT_CPU``
  to the CPU used so far plus the time budget; this server kills it when the wall-clock
  budget runs out. A dead reader is reported as ``too-complex`` and replaced by a fork.
* **Fresh state after any failure.** PDFium keeps its last error in process-global
  state that some failures do not reset (after a password-protected file, a file with
  no page tree was reported as password-protected). A successful open leaves that state
  untouched, so the reader keeps going after successes and ends itself after any failure;
  the next reader is forked from this server, which has only opened a built-in warm-up
  page, so its state is pristine. Readers are also replaced after 200 documents or 64 MB
  of growth, so heap fragmentation cannot eat into a later document's budget.
* **Speed.** Spawning a Python interpreter and importing PDFium costs ~0.15 s, once per
  serving process (started in the background while that process imports the rest).
  Forking this small single-threaded server costs a few ms, and is paid only after a
  failure: a child forked per document measured ~10 ms more per document (copy-on-write
  faults), the reused reader about 1 ms (the pipe). Forking here rather than in the
  serving process avoids ``fork()`` in a multi-threaded process.

Wire format, both ways: a 4-byte big-endian length and a JSON header; a request is
followed by the PDF bytes. Only outcomes cross the pipe (page texts or an error kind);
no letter text is ever logged.
"""

from __future__ import annotations

import contextlib
import faulthandler
import json
import math
import os
import resource
import select
import signal
import struct
import sys
import time
from typing import Any

_LEN = struct.Struct("!I")


def read_exact(fd: int, size: int) -> bytes:
    """Exactly ``size`` bytes from ``fd`` (b"" only at a clean end of stream before any)."""
    chunks: list[bytes] = []
    left = size
    while left:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            if left == size:
                return b""
            raise EOFError("stream ended inside a message")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def pack(header: dict[str, Any], payload: bytes = b"") -> bytes:
    body = json.dumps(header).encode("utf-8")
    return _LEN.pack(len(body)) + body + payload


def read_header(fd: int) -> dict[str, Any] | None:
    raw = read_exact(fd, _LEN.size)
    if not raw:
        return None
    header: dict[str, Any] = json.loads(read_exact(fd, _LEN.unpack(raw)[0]))
    return header


# ---------------------------------------------------------------- the child


def _address_space() -> int | None:
    """This process's current virtual size in bytes (Linux), or None where unknown."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def _limit_next_document(memory_bytes: int, seconds: float) -> None:
    """Soft limits for the next document only: its memory on top of what is mapped now, its
    CPU seconds on top of what was used so far (the hard limits stay open so they can move)."""
    size = _address_space()
    if size is not None:
        resource.setrlimit(resource.RLIMIT_AS, (size + memory_bytes, resource.RLIM_INFINITY))
    usage = resource.getrusage(resource.RUSAGE_SELF)
    used = usage.ru_utime + usage.ru_stime
    resource.setrlimit(resource.RLIMIT_CPU, (math.ceil(used + seconds) + 1, resource.RLIM_INFINITY))


def extract_pages(data: bytes, max_pages: int) -> dict[str, Any]:
    """Page texts of one PDF, or the kind of failure (mapped to typed errors by the caller).

    Pages are read with their rotation set to 0: PDFium orders and bounds the text of a
    rotated page in rotated space, so a letter re-saved sideways read as a different text.
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        password = getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD
        return {"error": "password" if password else "corrupt"}
    try:
        pages = len(document)
        if pages > max_pages:
            return {"error": "too-many-pages", "pages": pages}
        texts = []
        for index in range(pages):
            try:
                texts.append(_page_text(document, index))
            except pdfium.PdfiumError:
                return {"error": "corrupt-page", "page": index + 1}
        return {"pages": pages, "texts": texts}
    finally:
        document.close()


def _page_text(document: Any, index: int) -> str:
    page = document[index]
    try:
        if page.get_rotation():
            page.set_rotation(0)
        textpage = page.get_textpage()
        try:
            return str(textpage.get_text_bounded())
        finally:
            textpage.close()
    finally:
        page.close()


_RETIRE_AFTER_DOCUMENTS = 200
_RETIRE_AFTER_GROWTH = 64 * 2**20
"""A reader that grew this much (heap fragmentation) is replaced, so every document gets its full budget."""


def _reader(in_fd: int, out_fd: int) -> None:
    """The reader child: documents in, outcomes out, until one fails or it has done enough.

    Any failure ends the reader, so the next document starts from PDFium's pristine state
    (a successful open leaves PDFium's error state untouched).
    """
    import pypdfium2  # noqa: F401 - loaded before any document's limits (a no-op under the warmed-up server)

    base = _address_space() or 0
    for count in range(1, _RETIRE_AFTER_DOCUMENTS + 1):
        request = read_header(in_fd)
        if request is None:
            return
        data = read_exact(in_fd, int(request["size"]))
        try:
            _limit_next_document(int(request["memory"]), float(request["seconds"]))
            result = extract_pages(data, int(request["max_pages"]))
        except MemoryError:
            result = {"error": "too-complex", "why": "memory"}
        del data
        grown = (_address_space() or 0) - base > _RETIRE_AFTER_GROWTH
        result["retired"] = "error" in result or grown or count == _RETIRE_AFTER_DOCUMENTS
        result["maxrss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        write_all(out_fd, pack(result))
        if result["retired"]:
            return


# ---------------------------------------------------------------- the server


class _Reader:
    """The server's handle on its current reader child."""

    def __init__(self) -> None:
        to_reader_r, self.to_reader = os.pipe()
        self.from_reader, from_reader_w = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the child: never returns
            faulthandler.disable()  # dying under its limits is an outcome here, not a crash to trace
            code = 0
            try:
                os.close(self.to_reader)
                os.close(self.from_reader)
                _reader(to_reader_r, from_reader_w)
            except BaseException:
                code = 70
            finally:
                os._exit(code)
        os.close(to_reader_r)
        os.close(from_reader_w)

    def end(self, *, kill: bool) -> tuple[int, int]:
        """Close the pipes, stop the child if asked; its wait status and peak memory (KiB)."""
        os.close(self.to_reader)
        os.close(self.from_reader)
        if kill:
            os.kill(self.pid, signal.SIGKILL)
        _, status, usage = os.wait4(self.pid, 0)
        return status, usage.ru_maxrss


def _read_message(fd: int, deadline: float) -> bytes | None:
    """One length-prefixed message from ``fd`` by the deadline; None if the writer is gone."""
    buffer = b""
    need = _LEN.size
    while len(buffer) < need:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError
        if select.select([fd], [], [], left)[0]:
            chunk = os.read(fd, max(need - len(buffer), 1 << 16))
            if not chunk:
                return None
            buffer += chunk
            if need == _LEN.size and len(buffer) >= _LEN.size:
                need += _LEN.unpack(buffer[: _LEN.size])[0]
    return buffer[_LEN.size :]


def _died(ended: tuple[int, int]) -> dict[str, Any]:
    status, maxrss_kb = ended
    why = "crash"
    if os.WIFSIGNALED(status):
        # SIGXCPU: the CPU limit; SIGABRT/SIGSEGV/SIGKILL: PDFium failing an allocation under RLIMIT_AS
        why = "time" if os.WTERMSIG(status) == signal.SIGXCPU else "memory"
    return {"error": "too-complex", "why": why, "maxrss_kb": maxrss_kb}


class Server:
    """Reads each request's document in a reader child within the request's budget."""

    def __init__(self) -> None:
        self._reader: _Reader | None = None

    def handle(self, request: dict[str, Any], data: bytes) -> dict[str, Any]:
        reader = self._reader or _Reader()
        self._reader = None
        message = pack(request, data)
        try:
            write_all(reader.to_reader, message)
        except BrokenPipeError:  # the idle reader was gone (killed from outside): use a new one
            reader.end(kill=False)
            reader = _Reader()
            write_all(reader.to_reader, message)
        deadline = time.monotonic() + float(request["seconds"])
        try:
            raw = _read_message(reader.from_reader, deadline)
        except TimeoutError:
            return {"error": "too-complex", "why": "time", "maxrss_kb": reader.end(kill=True)[1]}
        if raw is None:
            return _died(reader.end(kill=False))
        result: dict[str, Any] = json.loads(raw)
        if result.pop("retired"):
            reader.end(kill=False)
        else:
            self._reader = reader
        return result

    def close(self) -> None:
        """End the idle reader, if any (it sees its input end and exits), and wait for it."""
        if self._reader is not None:
            self._reader.end(kill=False)
            self._reader = None


_WARM_UP_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj "
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj "
    b"4 0 obj<</Length 34>>stream\nBT /F1 10 Tf 20 100 Td (warm) Tj ET\nendstream endobj "
    b"5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj trailer<</Root 1 0 R>>"
)


def _warm_up() -> None:
    """Load PDFium and its font tables once, so that no child pays for them.

    A successful open leaves PDFium's error state as it was, so children still start clean.
    """
    result = extract_pages(_WARM_UP_PDF, 1)
    if result.get("texts") != ["warm"]:
        raise RuntimeError("the PDF reader failed its warm-up")


def serve(in_fd: int = 0, out_fd: int = 1) -> None:
    """Answer requests until the requesting process closes the pipe."""
    _warm_up()
    server = Server()
    while (request := read_header(in_fd)) is not None:
        data = read_exact(in_fd, int(request["size"]))
        write_all(out_fd, pack(server.handle(request, data)))


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the caller, which ends us by closing the pipe
    with contextlib.suppress(EOFError, BrokenPipeError):
        serve()
    sys.exit(0)

"""Turning files, uploads and strings into letter text.

The kind of an input is decided by its content, not its name: a ``.txt`` that is
really a PDF is read as a PDF, and a file with a PDF name but no PDF signature gets
a clear "not a PDF" error. Only the sha256 of the bytes travels further (cache keys,
provenance); file names never reach the output, since they can carry names.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from llm_extract.errors import BinaryInputError, EmptyInputError, InputError, InputTooLargeError, UnsupportedFileError
from llm_extract.letter.pdf import DEFAULT_MAX_PAGES, extract_text, looks_like_pdf
from llm_extract.text import rxcache

LETTER_SUFFIXES = (".txt", ".pdf")
MAX_INPUT_BYTES = 20 * 2**20
"""IMR letters are a few KB of text or a few hundred KB of PDF; a file far larger is not
one, and reading it whole would only cost memory."""
_CONTROL_OK = {"\n", "\r", "\t", "\f"}
_CONTROL = rxcache.compile("[" + re.escape("".join(chr(c) for c in range(32) if chr(c) not in _CONTROL_OK)) + "]")
"""The control characters (below 32) that text does not use: counted with one scan of ``re``
(a Python loop over the sample cost ~0.1 ms a letter)."""


@dataclass(frozen=True)
class LetterInput:
    """One letter as received: a display name for messages, and its bytes."""

    name: str
    data: bytes

    @functools.cached_property
    def sha256(self) -> str:
        """Computed once: the cache key, the in-flight map and the log all ask for it."""
        return hashlib.sha256(self.data).hexdigest()

    @property
    def kind(self) -> Literal["text", "pdf"]:
        return "pdf" if looks_like_pdf(self.data) else "text"


@dataclass(frozen=True)
class LetterText:
    """The text that offsets index, with what is known of where it came from."""

    text: str
    kind: Literal["text", "pdf"]
    input_sha256: str
    pages: int | None = None

    @property
    def text_sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def from_text(text: str, name: str = "<text>") -> LetterInput:
    return LetterInput(name=name, data=text.encode("utf-8"))


def read_letter(letter: LetterInput, *, max_pages: int = DEFAULT_MAX_PAGES) -> LetterText:
    """Decode a letter's bytes to text, raising a typed error naming the input."""
    try:
        if not letter.data.strip():
            raise EmptyInputError("the file is empty", hint="pass a file that contains the letter")
        if letter.kind == "pdf":
            pdf = extract_text(letter.data, max_pages=max_pages)
            return LetterText(pdf.text, "pdf", letter.sha256, pdf.pages)
        return LetterText(decode_text(letter.data), "text", letter.sha256)
    except InputError as exc:
        raise exc.with_source(letter.name) from None


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM) text; binary data is refused, not guessed at."""
    if b"\x00" in data[:8192]:
        raise BinaryInputError("the file is binary, not text", hint="send a .txt letter or a PDF")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BinaryInputError(
            "the file is not UTF-8 text", hint="save the letter as UTF-8 text, or send the PDF"
        ) from None
    sample = text[:8192]
    controls = len(_CONTROL.findall(sample))
    if controls > max(8, len(sample) // 100):
        raise BinaryInputError("the file is binary, not text", hint="send a .txt letter or a PDF")
    if not text.strip():
        raise EmptyInputError("the file has no text", hint="pass a file that contains the letter")
    return text


def expand_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named directly, and the letters (.txt, .pdf) inside named directories, sorted."""
    for path, _ in expand_with_names(paths):
        yield path


def expand_with_names(paths: Iterable[Path]) -> Iterator[tuple[Path, Path]]:
    """Like :func:`expand_paths`, each file with its name relative to the argument that found it
    (its path under a named directory, or its file name); a file found twice is given once."""
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in LETTER_SUFFIXES)
            named = [(p, p.relative_to(path)) for p in found]
        else:
            named = [(path, Path(path.name))]
        for file, relative in named:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                yield file, relative


def load_path(path: Path) -> LetterInput:
    """Read a file named on the command line, with errors that name it."""
    name = str(path)
    if not path.exists():
        raise InputError("no such file", hint="check the path", source=name)
    if path.suffix.lower() not in LETTER_SUFFIXES:
        raise UnsupportedFileError(
            f"unsupported file type '{path.suffix or '(none)'}'",
            hint="pass .txt or .pdf letters, or a directory of them",
            source=name,
        )
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputTooLargeError(
                f"the file is {size // 2**20} MiB, more than the {MAX_INPUT_BYTES // 2**20} MiB a letter can be",
                hint="pass one IMR letter per file",
                source=name,
            )
        return LetterInput(name=name, data=path.read_bytes())
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror})", hint="check permissions", source=name) from None

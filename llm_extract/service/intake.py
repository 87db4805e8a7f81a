"""Turning HTTP request bodies into letters, by content type.

A letter can arrive as a multipart upload (field ``file``; ``files`` for a batch),
a raw ``text/plain`` or ``application/pdf`` body, or JSON. Whatever the wrapper,
the bytes go through :func:`~llm_extract.letter.inputs.read_letter`, which decides PDF vs
text by content, exactly as the CLI does: identical letters give identical results.
Letters are named by position (``body``, ``letters[3]``) in errors and logs; upload file
names (they can carry a worker's name) are only echoed back to the caller as the
letter's ``id`` in batch and job results, never logged.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass

from fastapi import Request
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.datastructures import UploadFile

from llm_extract.backends.base import Language
from llm_extract.errors import InputError, LlmExtractError, NotPdfError
from llm_extract.letter.inputs import LetterInput
from llm_extract.letter.pdf import looks_like_pdf
from llm_extract.service.problems import BatchTooLarge, InvalidRequest, UnsupportedMediaType, field_errors
from llm_extract.service.runner import RunOptions

BACKEND_PATTERN = r"^[a-z][a-z0-9_-]{0,31}$"
TEXT_TYPES = ("text/plain",)
PDF_TYPES = ("application/pdf", "application/octet-stream")
SINGLE_TYPES = ("multipart/form-data", "application/json", *TEXT_TYPES, *PDF_TYPES)
BATCH_TYPES = ("multipart/form-data", "application/json")


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class ExtractionRequest(_Body):
    """One letter as JSON text, with optional options (which override the query's)."""

    text: str
    """The letter text (UTF-8). Send PDFs as a multipart upload or an application/pdf body."""
    lang: Language | None = None
    """Summary language, ``en`` or ``es``."""
    backend: str | None = Field(default=None, pattern=BACKEND_PATTERN)
    """Backend name, e.g. ``rules``."""
    cache: bool | None = None
    """Read and write the result cache (default true)."""


class BatchLetter(_Body):
    """One letter of a JSON batch: exactly one of ``text`` or ``content_base64``."""

    id: str | None = Field(default=None, max_length=128)
    """Client's own reference, echoed back in the result (never logged)."""
    text: str | None = None
    """The letter as text."""
    content_base64: str | None = None
    """The letter file (PDF or text) as base64."""


class BatchRequest(_Body):
    """Several letters as JSON; per-letter failures do not fail the batch."""

    letters: list[BatchLetter] = Field(min_length=1)
    lang: Language | None = None
    backend: str | None = Field(default=None, pattern=BACKEND_PATTERN)
    cache: bool | None = None


@dataclass(frozen=True)
class Intake:
    """What a request body held: letters (or per-letter errors), ids, and body options."""

    letters: list[LetterInput | LlmExtractError]
    ids: list[str | None]
    options: RunOptions
    extra: BaseModel | None = None
    """The parsed JSON body, for fields beyond the letters (e.g. a job's ``callback_url``)."""


def media_type(request: Request) -> tuple[str, dict[str, str]]:
    raw = request.headers.get("content-type", "")
    kind, *params = (part.strip() for part in raw.split(";"))
    values = {}
    for param in params:
        name, _, value = param.partition("=")
        values[name.strip().lower()] = value.strip().strip('"').lower()
    return kind.lower(), values


def unsupported(kind: str, allowed: tuple[str, ...]) -> UnsupportedMediaType:
    return UnsupportedMediaType(
        f"content type '{kind or '(none)'}' is not accepted here",
        hint="send one of: " + ", ".join(allowed),
    )


def merge(query: RunOptions, lang: Language | None, backend: str | None, cache: bool | None) -> RunOptions:
    return RunOptions(
        lang=lang or query.lang,
        backend=backend or query.backend,
        cache=query.cache if cache is None else cache,
    )


def declared_pdf(content_type: str | None, filename: str | None) -> bool:
    return (content_type or "").lower() == "application/pdf" or (filename or "").lower().endswith(".pdf")


def checked(letter: LetterInput, *, pdf_declared: bool) -> LetterInput:
    """A body declared as PDF must be one: otherwise say so rather than parse it as text."""
    if pdf_declared and not looks_like_pdf(letter.data):
        raise NotPdfError(
            "the file is declared as a PDF but has no %PDF- signature",
            hint="send the PDF itself, or send text as text/plain",
            source=letter.name,
        )
    return letter


def parse_json(raw: bytes, model: type[_Body]) -> _Body:
    try:
        return model.model_validate_json(raw)
    except ValidationError as exc:
        if any(e["type"] == "json_invalid" for e in exc.errors()):
            raise InvalidRequest("the body is not valid JSON", hint="send a JSON object") from None
        raise InvalidRequest(
            "the JSON body failed validation",
            errors=field_errors([{**e, "loc": ("body", *e["loc"])} for e in exc.errors()]),
            hint="see 'errors'",
        ) from None


async def single(request: Request, query: RunOptions) -> Intake:
    """The one letter of a POST /v1/extractions body."""
    kind, params = media_type(request)
    if kind == "multipart/form-data":
        form = await request.form()
        try:
            field = form.get("file")
            if field is None:
                raise InvalidRequest(
                    "the multipart body has no 'file' field",
                    hint="upload the letter as 'file'",
                    errors=field_errors([{"loc": ("body", "file"), "msg": "Field required", "type": "missing"}]),
                )
            letter = await _form_letter(field, "body")
        finally:
            await form.close()
        return Intake([letter], [None], query)
    body = await request.body()
    if kind in TEXT_TYPES:
        if params.get("charset", "utf-8") not in ("utf-8", "us-ascii", "utf8"):
            raise UnsupportedMediaType("only UTF-8 text is accepted", hint="send text/plain; charset=utf-8")
        return Intake([LetterInput("body", body)], [None], query)
    if kind in PDF_TYPES:
        return Intake([checked(LetterInput("body", body), pdf_declared=kind == "application/pdf")], [None], query)
    if kind == "application/json":
        parsed = parse_json(body, ExtractionRequest)
        assert isinstance(parsed, ExtractionRequest)
        options = merge(query, parsed.lang, parsed.backend, parsed.cache)
        return Intake([LetterInput("body", parsed.text.encode("utf-8"))], [None], options)
    raise unsupported(kind, SINGLE_TYPES)


async def batch(
    request: Request, query: RunOptions, max_batch: int, model: type[BatchRequest] = BatchRequest
) -> Intake:
    """The letters of a POST /v1/extractions/batch (or /v1/jobs) body; bad letters become per-letter errors."""
    kind, _ = media_type(request)
    if kind == "multipart/form-data":
        form = await request.form()
        try:
            fields = form.getlist("files")
            _check_count(len(fields), max_batch)
            letters = [await _safe_form_letter(f, f"letters[{i}]") for i, f in enumerate(fields)]
        finally:
            await form.close()
        names = [f.filename if isinstance(f, UploadFile) else None for f in fields]
        return Intake(letters, names, query)
    if kind == "application/json":
        parsed = parse_json(await request.body(), model)
        assert isinstance(parsed, BatchRequest)
        _check_count(len(parsed.letters), max_batch)
        options = merge(query, parsed.lang, parsed.backend, parsed.cache)
        letters = [_json_letter(item, f"letters[{i}]") for i, item in enumerate(parsed.letters)]
        return Intake(letters, [item.id for item in parsed.letters], options, parsed)
    raise unsupported(kind, BATCH_TYPES)


def _check_count(count: int, max_batch: int) -> None:
    if count == 0:
        raise InvalidRequest(
            "the batch has no letters",
            hint="send at least one letter",
            errors=field_errors([{"loc": ("body", "letters"), "msg": "at least one letter", "type": "too_short"}]),
        )
    if count > max_batch:
        raise BatchTooLarge(
            f"the batch has more than {max_batch} letters", hint=f"split it into batches of at most {max_batch}"
        )


async def _form_letter(field: UploadFile | str, name: str) -> LetterInput:
    if isinstance(field, str):
        return LetterInput(name, field.encode("utf-8"))
    data = await field.read()
    return checked(LetterInput(name, data), pdf_declared=declared_pdf(field.content_type, field.filename))


async def _safe_form_letter(field: UploadFile | str, name: str) -> LetterInput | LlmExtractError:
    try:
        return await _form_letter(field, name)
    except InputError as exc:
        return exc


def _json_letter(item: BatchLetter, name: str) -> LetterInput | LlmExtractError:
    if (item.text is None) == (item.content_base64 is None):
        return InputError("give exactly one of 'text' or 'content_base64'", hint="fix this letter", source=name)
    if item.text is not None:
        return LetterInput(name, item.text.encode("utf-8"))
    try:
        data = base64.b64decode(item.content_base64 or "", validate=True)
    except (binascii.Error, ValueError):
        return InputError("'content_base64' is not valid base64", hint="encode the file with base64", source=name)
    return LetterInput(name, data)

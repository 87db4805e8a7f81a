"""The one error tree of llm-extract.

Every error a user can cause derives from :class:`LlmExtractError` and carries a
stable ``code`` (used as the CLI message prefix and the HTTP problem ``type``) and
a ``hint`` that says how to fix the problem. The tree is kept shallow on purpose:
callers catch ``LlmExtractError`` or one of its direct families, never deep leaves.

Messages never contain letter text: they name the file (or request) and the rule
that failed, so they are safe to log.
"""

from __future__ import annotations


class LlmExtractError(Exception):
    """Base class: a problem the user can fix, with a stable code and a hint."""

    code: str = "error"
    http_status: int = 400

    def __init__(self, message: str, *, hint: str | None = None, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint or ""
        self.source = source

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        tail = f" ({self.hint})" if self.hint else ""
        return f"{where}{self.message}{tail}"

    def with_source(self, source: str) -> LlmExtractError:
        """Return this error naming the file or request it came from."""
        self.source = source
        return self


class InputError(LlmExtractError):
    """The input is not a usable letter (empty, binary, unknown file type, unrecognised)."""

    code = "invalid-input"
    http_status = 422


class EmptyInputError(InputError):
    code = "empty-input"


class BinaryInputError(InputError):
    code = "binary-input"


class InputTooLargeError(InputError):
    code = "input-too-large"
    http_status = 413


class UnsupportedFileError(InputError):
    code = "unsupported-file"
    http_status = 415


class UnrecognizedLetterError(InputError):
    """The text is readable but is not an IMR determination this parser knows.

    Raised instead of guessing: a letter whose decisions section or item structure
    cannot be found yields no items rather than invented ones.
    """

    code = "unrecognized-letter"


class PdfError(InputError):
    """The PDF could not be turned into text."""

    code = "pdf-error"


class NotPdfError(PdfError):
    code = "not-a-pdf"
    http_status = 415


class CorruptPdfError(PdfError):
    code = "corrupt-pdf"


class PasswordRequiredError(PdfError):
    code = "pdf-password-required"


class NoTextLayerError(PdfError):
    code = "pdf-no-text-layer"


class TooManyPagesError(PdfError):
    code = "pdf-too-many-pages"
    http_status = 413


class PdfTooComplexError(PdfError):
    """Reading the PDF needed more memory or time than one letter may use (or crashed the
    PDF reader); the reader was stopped and nothing else was affected."""

    code = "pdf-too-complex"


class LetterTooComplexError(InputError):
    """Reading the letter's text needed more processing time than one letter may use."""

    code = "letter-too-complex"


class OutputCollisionError(LlmExtractError):
    """Two inputs of one run would be written to the same output file."""

    code = "output-collision"


class ConfigError(LlmExtractError):
    """Configuration is missing or inconsistent (environment, options, prompt files)."""

    code = "config-error"
    http_status = 500


class CacheError(LlmExtractError):
    """The result cache cannot be opened or written."""

    code = "cache-error"
    http_status = 500


class InternalError(LlmExtractError):
    """A bug: reported per letter so the rest of a batch still completes."""

    code = "internal-error"
    http_status = 500


# ------------------------------------------------------------------ LLM backends
# Never carry letter text or model output: they are logged and shown.
class LlmError(LlmExtractError):
    """A letter could not be extracted by an LLM backend."""

    code = "llm-error"
    http_status = 502


class LlmTransportError(LlmError):
    """The endpoint kept failing (5xx, 429, timeouts, dropped connections, bad bodies)
    after the bounded transport retries."""

    code = "llm-transport"
    http_status = 502


class LlmRejectedError(LlmError):
    """The endpoint refused the request with a 4xx that retrying cannot fix."""

    code = "llm-rejected"
    http_status = 502


class LlmAnswerError(LlmError):
    """The model's answer failed its checks after the allowed re-asks and there is no
    parser result to fall back to (``llm`` backend on a layout the parser cannot read)."""

    code = "llm-answer-invalid"
    http_status = 422


class BudgetExceededError(LlmError):
    """The run's cost budget would be exceeded by the next call, so it was not made."""

    code = "budget-exceeded"
    http_status = 402


class BrowserError(LlmExtractError):
    """Headless Chromium (used to print the worker's page to PDF) is missing, failed or timed out."""

    code = "browser-error"
    http_status = 500


class BrowserNotFoundError(BrowserError):
    code = "browser-not-found"

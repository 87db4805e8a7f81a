"""Whitespace and typography folding, and the offset map back to the original text.

Letters arrive with line breaks inside sentences, PDF double spaces, NBSPs and curly
quotes; models and labelers write the same words on one line with straight quotes.
Every comparison of such text goes through one of these functions.
"""

from __future__ import annotations

import bisect

from llm_extract.text import rxcache

TYPO = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
    }
)
"""Typographic quotes and dashes to ASCII, one character for one (offsets stay exact)."""

_WRAPPING = "\"'` \t\n"
_NOT_WORD = rxcache.compile(r"[^0-9a-z]+")
_WORD = rxcache.compile(r"\S+")


def fold_space(text: str) -> str:
    """Every whitespace run (line breaks, PDF double spaces, NBSP) to one space; nothing else."""
    return " ".join(text.split())


def fold(text: str) -> str:
    """Whitespace runs to one space and typographic quotes/dashes to ASCII; case kept."""
    return " ".join(text.translate(TYPO).split())


def fold_quote(quote: str) -> str:
    """A model's quote folded like the letter, without wrapping quote marks."""
    return " ".join(quote.translate(TYPO).strip(_WRAPPING).split())


def contains_value(quote: str, value: str) -> bool:
    """Whether a value is written inside its quote (case-insensitive, folded)."""
    return fold_quote(value).lower() in fold_quote(quote).lower()


def match_key(text: str) -> str:
    """Case- and punctuation-insensitive form, used only to pair items (never to score them)."""
    return " ".join(_NOT_WORD.sub(" ", fold(text).casefold()).split())


class FoldedText:
    """A text with whitespace runs folded to one space, mapped back to its offsets.

    Typographic quotes and dashes are mapped to ASCII one character for one, so offsets
    stay exact; nothing else is normalized (a search is case-sensitive).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        words = list(_WORD.finditer(text.translate(TYPO)))
        self.folded = " ".join(m.group() for m in words)
        self._orig_starts = [m.start() for m in words]
        self._fold_starts: list[int] = []
        pos = 0
        for m in words:
            self._fold_starts.append(pos)
            pos += len(m.group()) + 1

    def to_orig(self, i: int) -> int:
        """Offset in the original text of folded offset ``i``."""
        w = bisect.bisect_right(self._fold_starts, i) - 1
        return self._orig_starts[w] + (i - self._fold_starts[w])

    def to_fold(self, orig: int) -> int:
        """Folded offset of the first word starting at or after original offset ``orig``."""
        w = bisect.bisect_left(self._orig_starts, orig)
        return self._fold_starts[w] if w < len(self._fold_starts) else len(self.folded)

    def locate(self, quote: str, lo_orig: int | None = None, hi_orig: int | None = None) -> tuple[int, int] | None:
        """Original ``(start, end)`` of the first occurrence of ``quote`` (folded) within the range."""
        needle = fold_quote(quote)
        if not needle:
            return None
        bounded = lo_orig is not None and hi_orig is not None
        lo = self.to_fold(lo_orig) if lo_orig is not None else 0
        hi = self.to_fold(hi_orig) if hi_orig is not None else len(self.folded)
        at = self.folded.find(needle, lo, max(lo, hi + 1))
        if at < 0 or (bounded and at + len(needle) > hi + 1):
            return None
        return self.to_orig(at), self.to_orig(at + len(needle) - 1) + 1

"""Build ``tests/data/fk_cases_en.json``: English texts with textstat 0.7.8's Flesch-Kincaid grade.

Why: ``tests/test_text_syllables_en.py`` must show that ``syllables_en.flesch_kincaid_grade`` agrees with
textstat on the kind of text we grade (IMR letters, quotes from them, and plain-language
summaries) even where textstat is not installed, so the reference values are frozen here. The
texts are stored too, because the corpora may change.

Sources (deterministic selection):

* every paragraph and every sentence of >= 4 words of the committed seed letters
  (``examples/letters/*.txt``; corpus letters are never committed, so none are frozen here);
* the hand-written summaries in ``tests/data/plain_summaries_en.txt``.

Usage (textstat 0.7.8 in a scratch venv: ``pip install textstat==0.7.8``)::

    python scripts/text_data/build_fk_cases_en.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from textstat.textstat import textstatistics

REPO = Path(__file__).resolve().parents[2]
LETTERS = REPO / "examples" / "letters"
SUMMARIES = REPO / "tests" / "data" / "plain_summaries_en.txt"
OUT = REPO / "tests" / "data" / "fk_cases_en.json"

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(A-Z0-9])")


def paragraphs(text: str) -> list[str]:
    """Split a hard-wrapped letter into paragraphs with single spaces inside."""
    return [" ".join(p.split()) for p in PARAGRAPH_BREAK.split(text) if p.strip()]


def sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences at terminal punctuation followed by a capital/digit."""
    return [s.strip() for s in SENTENCE_END.split(paragraph) if s.strip()]


def summaries() -> list[str]:
    """Read the hand-written cases (``---``-separated, leading ``#`` comment lines skipped)."""
    body = "\n".join(line for line in SUMMARIES.read_text(encoding="utf-8").split("\n") if not line.startswith("#"))
    return [case.strip("\n") for case in re.split(r"^---$", body, flags=re.M) if case.strip()]


def main() -> None:
    """Collect the cases, compute textstat's grade for each, and write the JSON file."""
    cases: list[tuple[str, str]] = []
    for path in sorted(LETTERS.glob("*.txt")):
        source = f"letters/{path.name}"
        for para in paragraphs(path.read_text(encoding="utf-8")):
            if len(para.split()) >= 3:
                cases.append((source, para))
            cases += [(source, s) for s in sentences(para) if len(s.split()) >= 4]
    cases += [("plain_summaries_en.txt", s) for s in summaries()]

    first_source: dict[str, str] = {}
    for src, text in cases:
        first_source.setdefault(text, src)  # keep the first occurrence, in order
    unique = [(src, text) for text, src in first_source.items()]
    ts = textstatistics()
    ts.set_lang("en_US")
    records = [{"source": src, "text": text, "textstat_fkg": ts.flesch_kincaid_grade(text)} for src, text in unique]
    OUT.write_text(json.dumps(records, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    by_source: dict[str, int] = {}
    for src, _ in unique:
        key = src.split("/")[0]
        by_source[key] = by_source.get(key, 0) + 1
    print(f"{len(records)} cases written to {OUT.name}: {by_source}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python
"""Figures for the worker's summary over every fixture letter (seeds + DWC corpus).

Prints, for the rules backend's summaries in English and Spanish:

* misleading-line checks: no item denied because it was already authorized is told
  "not approved"; every partly approved item shows asked / already approved /
  decided as three quotes from the letter (each with its own span, the request
  differing from both parts); every retrospective approved item says "pay for";
* the fact check the verifier and the eval use (``LetterFacts``, with the appeal
  deadlines derived from the letter's decision date): unsupported numbers or dates;
* specific reasons: "more than the guidelines allow" items that name the limit (and the
  amount asked for), and items refused for missing facts that say which fact, also
  apart for the held-out letters of ``evals/holdout.txt``;
* English: Flesch-Kincaid grade <= 6, and no hard word (Dale-Chall) outside the
  summary's glossary; both together per letter;
* Spanish: Fernández-Huerta >= 70 as the readability module scores it (correct Spanish
  syllable counts), and no fixed English sentence left in a Spanish summary;
* the worker's document (what ``--format text|html`` shows), scored by the same targets
  on the text ``llm_extract.render.reading`` defines (no small print, no treatment names
  quoted from the letter), in both languages.

Usage: scripts/summary_figures.py [--corpus DIR]
(the corpus defaults to ../shared/corpus/dwc-2016/text; missing -> seeds only).
Prints figures only, never letter text.
"""

from __future__ import annotations

import argparse
import re
import statistics
from pathlib import Path

from llm_extract.backends.rules import with_reasons
from llm_extract.contract.models import Outcome, ReasonCode, Summary, SummaryItemKind
from llm_extract.engine.api import extract_text
from llm_extract.parse.parser import parse
from llm_extract.render.reading import document_readability
from llm_extract.summary import next_steps
from llm_extract.summary import templates as t
from llm_extract.summary.readability import ENGLISH_TARGET, SPANISH_TARGET
from llm_extract.text.facts import LetterFacts

ROOT = Path(__file__).resolve().parent.parent
_MISSING_CODES = {ReasonCode.missing_documentation, ReasonCode.no_functional_improvement}
_ASKED = re.compile(r"Your doctor asked for (?!more care)\w+ \w+\.")


def _english_sentences() -> list[str]:
    """Fixed English sentences long enough to be recognisable inside a Spanish text."""
    words = t._EN
    fixed = [v for v in vars(words).values() if isinstance(v, str)]
    fixed += list(words.reasons.values()) + list(words.missing.values()) + list(words.for_medicine.values())
    fixed += [s.en for s in next_steps.STEPS]
    return [s.split("{")[0] for s in fixed if len(s.split("{")[0]) > 12]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "dwc-2016" / "text"))
    args = ap.parse_args(argv)
    letters = sorted((ROOT / "examples" / "letters").glob("seed-*.txt"))
    corpus = Path(args.corpus)
    letters += sorted(corpus.glob("*.txt")) if corpus.is_dir() else []
    english = _english_sentences()

    n = len(letters)
    already_refused = already_items = partial_items = partial_ok = partial_distinct = retro_approved = retro_ok = 0
    unsupported_letters = 0
    en_grade_ok = en_words_ok = en_both_ok = 0
    es_ok = es_untranslated = 0
    grades: list[float] = []
    es_scores: list[float] = []
    # the worker's document: reading scores per language
    pages: dict[str, list[float]] = {"en": [], "es": []}
    pages_ok = {"en": 0, "es": 0}
    hard: dict[str, int] = {}
    holdout = {line.strip() for line in (ROOT / "evals" / "holdout.txt").read_text().splitlines()}
    # [all letters, held-out letters]: limit items, naming the limit, naming the amount asked;
    # missing-fact items, naming the fact
    limits = [[0, 0, 0], [0, 0, 0]]
    missing = [[0, 0], [0, 0]]
    # a medicine's own sentences too, save its no-improvement one (the fixed ground, no fact named)
    missing_words = set(t._EN.missing.values()) | {v for k, v in t._EN.for_medicine.items() if k != "gain"}
    for path in letters:
        text = path.read_text(encoding="utf-8")
        parsed = parse(text)
        decisions = with_reasons(text, parsed.decisions)
        facts = LetterFacts(text, deadlines_from=parsed.case.decision_date)
        for lang in ("en", "es"):
            summary: Summary = t.build_summary(parsed.case, decisions, lang, letter=text)  # type: ignore[arg-type]
            page = document_readability(extract_text(text, lang=lang), lang)  # type: ignore[arg-type]
            pages[lang].append(page.score)
            pages_ok[lang] += page.meets_target
            if facts.unsupported(summary.text):
                unsupported_letters += 1
            by_index = {i.index: i for i in summary.items}
            for d in decisions:
                item = by_index[d.index]
                # Care already had as the main ground (a second ground is a reason of a "not approved" item)
                if lang == "en" and item.kind is SummaryItemKind.already_approved:
                    already_items += 1
                    already_refused += "not approved" in item.status.lower()
                if lang == "en" and d.partial:
                    partial_items += 1
                    three = [item.asked, item.already_approved, item.decided]
                    shown = all(
                        q is not None and q.span is not None and q.text.rstrip(".") in summary.text for q in three
                    )
                    if shown:
                        a, b, c = (q for q in three if q is not None)
                        spans = {(q.span.start, q.span.end) for q in (a, b, c) if q.span is not None}
                        partial_ok += len(spans) == 3
                        partial_distinct += len({a.text, b.text, c.text}) == 3
                if lang == "en" and item.retrospective and d.outcome is Outcome.overturned:
                    retro_approved += 1
                    retro_ok += "pay for" in item.status and "authorize" not in item.status
                groups = [0, 1] if path.stem in holdout else [0]
                if lang == "en" and any(r.code is ReasonCode.exceeds_guideline_limits for r in d.reasons):
                    for g in groups:
                        limits[g][0] += 1
                        limits[g][1] += any("the medical guidelines allow " in r.lower() for r in item.reasons)
                        limits[g][2] += any(_ASKED.match(r) for r in item.reasons)
                codes = t._main_codes(d)
                if lang == "en" and item.kind is SummaryItemKind.not_approved and (set(codes) & _MISSING_CODES):
                    for g in groups:
                        missing[g][0] += 1
                        missing[g][1] += any(r.startswith(w) for r in item.reasons for w in missing_words)
            if lang == "en":
                grade = summary.readability.score
                grades.append(grade)
                words = summary.readability.hard_words or []
                for w in words:
                    hard[w] = hard.get(w, 0) + 1
                en_grade_ok += grade <= ENGLISH_TARGET
                en_words_ok += not words
                en_both_ok += grade <= ENGLISH_TARGET and not words
            else:
                es_scores.append(summary.readability.score)
                es_ok += summary.readability.meets_target
                es_untranslated += any(s in summary.text for s in english)

    def share(k: int, of: int) -> str:
        return f"{k}/{of} ({100 * k / of:.0f}%)" if of else "0/0"

    print(f"letters: {n} (templates v{t.TEMPLATES_VERSION})")
    print(f"items refused for care already had, whose line says 'not approved': {already_refused} of {already_items}")
    print(f"partial items showing three amounts, three places in the letter: {share(partial_ok, partial_items)}")
    print(f"  ... whose three texts differ: {share(partial_distinct, partial_items)} (else the letter repeats words)")
    print(f"retrospective approved items told 'pay for': {share(retro_ok, retro_approved)}")
    for name, g in (("all letters", 0), ("held-out letters", 1)):
        items, named, asked = limits[g]
        print(f"'more than the guidelines allow' items naming the limit ({name}): {share(named, items)}; ", end="")
        print(f"also the amount asked: {asked}")
        print(f"'missing facts' items saying which fact ({name}): {share(missing[g][1], missing[g][0])}")
    print(f"summaries with a number/date not in the letter (en+es): {unsupported_letters}")
    spread = f"median {statistics.median(grades):.2f}, max {max(grades):.2f}"
    print(f"English grade <= {ENGLISH_TARGET:g}: {share(en_grade_ok, n)}; {spread}")
    print(f"English no undefined hard word: {share(en_words_ok, n)}; both: {share(en_both_ok, n)}")
    if hard:
        top = sorted(hard.items(), key=lambda kv: -kv[1])[:15]
        print("  hard words left (letters):", ", ".join(f"{w} {c}" for w, c in top))
    print(f"Spanish FH >= {SPANISH_TARGET:g} (readability module): {share(es_ok, n)}; min {min(es_scores):.1f}")
    print(f"Spanish summaries with a fixed English sentence: {es_untranslated}")
    en_pages, es_pages = pages["en"], pages["es"]
    print(
        f"English document grade <= {ENGLISH_TARGET:g} (render/reading.py): {share(pages_ok['en'], n)}; "
        f"median {statistics.median(en_pages):.2f}, max {max(en_pages):.2f}"
    )
    print(
        f"Spanish document FH >= {SPANISH_TARGET:g} (render/reading.py): {share(pages_ok['es'], n)}; "
        f"median {statistics.median(es_pages):.1f}, min {min(es_pages):.1f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

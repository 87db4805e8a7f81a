#!/usr/bin/env python
"""How the worker's page prints: US-letter pages and how full the page is, per letter size.

For every fixture letter (seeds + the DWC corpus letters that are present) and the
README's example, in English and Spanish, prints the page count per item-count bucket
and the fullest pages: the printed content's height as a share of the page's printable
height (above 1.00 spills onto a second page). ``--extra`` adds one sentence to every
row's reasons (English, and its Spanish twin), to see the room left for longer reasons.

Usage: scripts/print_figures.py [--extra] [--top N]   (needs Chromium)
Prints figures and fixture ids only, never letter text.
"""

from __future__ import annotations

import argparse
import dataclasses
import re
from collections import Counter, defaultdict

import pypdfium2 as pdfium

from llm_extract.engine.api import extract_file
from llm_extract.evaluation.fixtures import REPO_ROOT, default_corpus, iter_available, load_fixtures
from llm_extract.render.browser import LETTER_WIDTH_PX, Chromium
from llm_extract.render.document import build_document
from llm_extract.render.html import CSS, render_html

EXTRA = {
    "en": "The guidelines allow 4 to 6 visits. 12 were asked for.",
    "es": "Las guías permiten de 4 a 6 visitas. Se pidieron 12.",
}
BUCKETS = ((1, "1"), (2, "2"), (5, "3-5"), (8, "6-8"))
HEIGHT_JS = """(() => { const s = getComputedStyle(document.body);
  return document.body.getBoundingClientRect().height + parseFloat(s.marginTop) + parseFloat(s.marginBottom); })()"""


def _bucket(items: int) -> str:
    return next((name for top, name in BUCKETS if items <= top), f">{BUCKETS[-1][0]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--extra", action="store_true", help="add one sentence to every row's reasons")
    ap.add_argument("--top", type=int, default=5, help="how many of the fullest pages to list")
    args = ap.parse_args(argv)
    margin = re.search(r"@page \{ size: letter; margin: ([\d.]+)in; \}", CSS)
    if margin is None:
        raise SystemExit("the print CSS has no single @page margin in inches")
    inches = float(margin.group(1))
    width, height = LETTER_WIDTH_PX - round(2 * inches * 96), (11 - 2 * inches) * 96

    letters = [(f.id, path) for f, path in iter_available(load_fixtures(), default_corpus()) if path is not None]
    letters.append(("example-letter", REPO_ROOT / "docs" / "screenshots" / "example-letter.txt"))
    pages: dict[tuple[str, str], Counter[int]] = defaultdict(Counter)
    fill: list[tuple[float, str, str, int]] = []
    with Chromium() as browser:
        page = browser.page()
        for name, path in letters:
            for lang in ("en", "es"):
                extraction = extract_file(path, lang=lang)
                sheet = build_document(extraction)
                if args.extra:
                    rows = tuple(dataclasses.replace(r, reasons=(EXTRA[lang], *r.reasons)) for r in sheet.rows)
                    sheet = dataclasses.replace(sheet, rows=rows)
                items = len(extraction.decisions)
                page.load(render_html(sheet))
                pages[(_bucket(items), lang)][len(pdfium.PdfDocument(page.pdf()))] += 1
                page.viewport(width, 10, media="print")
                fill.append((float(page.evaluate(HEIGHT_JS)) / height, name, lang, items))
    print(
        f"{len(letters)} letters, US letter with {inches:g} in margins{' (+1 sentence per row)' if args.extra else ''}"
    )
    print("items  lang  letters by page count")
    order = {name: rank for rank, (_, name) in enumerate(BUCKETS)}
    for (bucket, lang), counts in sorted(pages.items(), key=lambda kv: (order.get(kv[0][0], len(order)), kv[0][1])):
        shown = ", ".join(f"{n} on {p} page{'s' if p > 1 else ''}" for p, n in sorted(counts.items()))
        print(f"{bucket:>5}  {lang:>4}  {shown}")
    print(f"fullest pages of letters with up to {BUCKETS[-1][0]} items (share of the printable height):")
    small = sorted((f for f in fill if f[3] <= BUCKETS[-1][0]), reverse=True)
    for share, name, lang, items in small[: args.top]:
        print(f"  {share:.2f}  {name} {lang} ({items} items)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

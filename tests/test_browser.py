"""The worker's page in a real browser (headless Chromium): every fixture letter, English and Spanish.

For each page:

* it prints on one US-letter page when the letter has at most 8 items, in English and
  in Spanish (PDF page count), and on at most two when it has more (the corpus has one
  15-item letter);
* nothing sticks out sideways at phone width (390 px), at 640 px (a 1280 px screen at
  200% zoom), at letter width (816 px) or in the printed layout: the document is no
  wider than the viewport and no element's box crosses its right edge;
* the page's text equals the text document. Precisely: the page's rendered text
  (``document.body.innerText``, as laid out at 816 px) once the elements marked
  ``data-page-only`` are removed (the table's column headings), and the text document
  (``--format text``) once the ``- `` list markers that start its lines are removed,
  are the same string after folding every whitespace run to one space. So both say the
  same sentences in the same order, and no CSS hides any of them;
* the PDF prints the page's words, each as often as the page shows it (the print CSS
  hides and clips nothing);
* all text meets WCAG AA contrast (4.5:1, or 3:1 for large text) against its background.

One Chromium process serves every page (a few hundred milliseconds each). The test
skips only when no Chromium can be found; CI installs Debian's ``chromium`` first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from llm_extract.engine.api import extract_file
from llm_extract.errors import BrowserNotFoundError
from llm_extract.evaluation.fixtures import REPO_ROOT, iter_available, load_fixtures
from llm_extract.render.api import to_html, to_text
from llm_extract.render.browser import LETTER_WIDTH_PX, Chromium, Page, find_chromium
from llm_extract.render.html import CSS
from llm_extract.render.text import LIST_MARK
from llm_extract.text.fold import fold_space
from tests.conftest import corpus_dir

SMALL_LETTER = 8
"""Letters of up to this many items print on one page (the issue's aim); longer ones on at most two."""


def _print_width_px() -> int:
    """The printable width: letter minus the ``@page`` rule's left and right margins."""
    margin = re.search(r"@page \{ size: letter; margin: ([\d.]+)in; \}", CSS)
    assert margin is not None, "the print CSS should set one margin, in inches, for US-letter pages"
    return LETTER_WIDTH_PX - round(2 * float(margin.group(1)) * 96)


PRINT_WIDTH_PX = _print_width_px()
WIDTHS = ((390, "screen"), (640, "screen"), (LETTER_WIDTH_PX, "screen"), (PRINT_WIDTH_PX, "print"))


def _letters() -> list[tuple[str, Path]]:
    found = [(f.id, path) for f, path in iter_available(load_fixtures(), corpus_dir()) if path is not None]
    return [*found, ("example-letter", REPO_ROOT / "docs" / "screenshots" / "example-letter.txt")]


LETTERS = _letters()

OVERFLOW_JS = """(() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.width && (box.right > width + 0.5 || box.left < -0.5)) out.push(el.tagName + '.' + el.className);
  }
  return {scroll: document.documentElement.scrollWidth, width, out};
})()"""

CONTRAST_JS = """(() => {
  const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126*r + 0.7152*g + 0.0722*b; };
  const bg = el => { for (; el; el = el.parentElement) { const c = rgb(getComputedStyle(el).backgroundColor);
    if (c.length === 3 || c[3] > 0) return c; } return [255, 255, 255]; };
  const bad = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent.trim()) continue;
    const el = n.parentElement, style = getComputedStyle(el);
    const a = lum(rgb(style.color)), b = lum(bg(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
    const need = (size >= 24 || (bold && size >= 18.66)) ? 3 : 4.5;
    if (ratio < need) bad.push(el.tagName + ' ' + ratio.toFixed(2));
  }
  return bad;
})()"""

PAGE_TEXT_JS = """(() => {
  document.querySelectorAll('[data-page-only]').forEach(el => el.remove());
  return document.body.innerText;
})()"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Chromium]:
    try:
        executable = find_chromium()
    except BrowserNotFoundError as exc:
        pytest.skip(f"no Chromium to test the page in: {exc}")
    with Chromium(executable) as chromium:
        yield chromium


@pytest.fixture(scope="module")
def page(browser: Chromium) -> Iterator[Page]:
    """One tab for every page: each test loads its own document into it."""
    tab = browser.page()
    yield tab
    tab.close()


def _text_document(text: str) -> str:
    return fold_space(re.sub(rf"^[ \t]*{re.escape(LIST_MARK)}", "", text, flags=re.M))


def _words(text: str) -> list[str]:
    """The words of a text in sorted order, for comparing a PDF's text with the page's.

    A PDF's text comes out in drawing order, not reading order (the table's floated first
    column, the next steps' two columns), with its list bullets, and a word broken at a
    hyphen at the end of a line loses the hyphen (``\\ufffe`` or nothing): so words are
    compared as a sorted list, without bullets or hyphens.
    """
    joined = re.sub("[-\ufffe][ \t]*\r?\n", "", text)  # "9-" at a line's end, "10" on the next
    return sorted(word for word in re.sub("[-\ufffe]", "", joined).split() if word != "\u2022")


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize(("name", "path"), LETTERS, ids=[name for name, _ in LETTERS])
def test_page_in_a_real_browser(page: Page, name: str, path: Path, lang: str) -> None:
    extraction = extract_file(path, lang="es" if lang == "es" else "en")
    page.load(to_html(extraction))

    pdf = pdfium.PdfDocument(page.pdf())
    pages = len(pdf)
    assert fold_space(extraction.summary.headline)[:40] in fold_space(pdf[0].get_textpage().get_text_range())
    printed = " ".join(pdf[number].get_textpage().get_text_range() for number in range(pages))
    items = len(extraction.decisions)
    expected = 1 if items <= SMALL_LETTER else 2
    assert pages <= expected, f"{name} ({items} items, {lang}) prints on {pages} pages"

    for width, media in WIDTHS:
        page.viewport(width, mobile=width < 500, media=media)
        found = page.evaluate(OVERFLOW_JS)
        assert found["scroll"] <= found["width"] and not found["out"], (
            f"{name} overflows at {width} px {media}: {found}"
        )

    page.viewport(LETTER_WIDTH_PX)
    assert page.evaluate(CONTRAST_JS) == []
    assert _words(printed) == _words(page.evaluate("document.body.innerText")), f"{name} prints other words"
    assert fold_space(page.evaluate(PAGE_TEXT_JS)) == _text_document(to_text(extraction))

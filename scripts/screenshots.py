"""Regenerate the README's screenshots of the worker's page (English and Spanish, desktop and phone).

The letter is invented (docs/screenshots/example-letter.txt), so the pictures carry no real
letter content. Needs Chromium (Debian: apt-get install chromium).

Usage: .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

from pathlib import Path

from llm_extract.engine.api import extract_file
from llm_extract.render.api import to_html
from llm_extract.render.browser import LETTER_WIDTH_PX, Chromium

DOCS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
SHOTS = (("en", LETTER_WIDTH_PX, "page"), ("es", LETTER_WIDTH_PX, "page"), ("es", 390, "phone"))


def main() -> None:
    with Chromium() as browser:
        page = browser.page()
        for lang, width, kind in SHOTS:
            extraction = extract_file(DOCS / "example-letter.txt", lang="es" if lang == "es" else "en")
            page.load(to_html(extraction))
            target = DOCS / f"worker-{kind}-{lang}.png"
            target.write_bytes(page.screenshot(width))
            print(f"wrote {target.relative_to(DOCS.parent.parent)}")


if __name__ == "__main__":
    main()

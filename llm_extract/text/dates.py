"""Dates as letters, labels and summaries write them, read one way everywhere.

Two-digit years are read as the letters mean them: ``98`` is 1998 and ``14`` is 2014
(a worker injured in 1998 has an IMR in 2014; no letter dates a year past 2049).
"""

from __future__ import annotations

import datetime as dt
import re

from llm_extract.text import rxcache

MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ),
    "es": (
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),
}

MONTH_NAME = rf"\b(?:{'|'.join(MONTHS['en'])})\b"
"""An English month's name, for embedding in a larger pattern (case-insensitive)."""

NUMERIC_DATE = r"\d{1,2}[/-]\d{1,2}[/-](?:\d{4}|\d{2})"
"""``m/d/y`` or ``m-d-y`` with a 2- or 4-digit year, for embedding in a larger pattern."""

_NUMERIC = rxcache.compile(r"(?<![\d/.-])(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})(?![\d/-]|\.\d)")
_EN = rxcache.compile(rf"\b({'|'.join(MONTHS['en'])})\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.I)
_ES = rxcache.compile(rf"\b(\d{{1,2}})\s+de\s+({'|'.join(MONTHS['es'])})\s+(?:de|del)\s+(\d{{4}})\b", re.I)


def full_year(raw: str | int) -> int:
    """A year as written, with two-digit years read as 19xx (50-99) or 20xx (00-49)."""
    year = int(raw)
    if year >= 100:
        return year
    return 2000 + year if year < 50 else 1900 + year


def make_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None for an impossible one (never a guess)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_numeric_date(raw: str) -> dt.date | None:
    """Read ``m/d/y`` or ``m-d-y`` (2- or 4-digit year)."""
    month, day, year = raw.strip().replace("-", "/").split("/")  # "/" or "-" between the parts
    return make_date(full_year(year), int(month), int(day))


def find_dates(text: str) -> list[tuple[dt.date, tuple[int, int]]]:
    """Every date written as ``m/d/y``, ``m-d-y``, ``Month d, yyyy`` or ``d de mes de yyyy``, with its span."""
    found: list[tuple[dt.date, tuple[int, int]]] = []
    for m in _NUMERIC.finditer(text):
        if (day := make_date(full_year(m.group(3)), int(m.group(1)), int(m.group(2)))) is not None:
            found.append((day, m.span()))
    for m in _EN.finditer(text):
        month = MONTHS["en"].index(m.group(1).lower()) + 1
        if (day := make_date(int(m.group(3)), month, int(m.group(2)))) is not None:
            found.append((day, m.span()))
    for m in _ES.finditer(text):
        month = MONTHS["es"].index(m.group(2).lower()) + 1
        if (day := make_date(int(m.group(3)), month, int(m.group(1)))) is not None:
            found.append((day, m.span()))
    return found


MONTH_YEAR = (
    rf"\b(?:{'|'.join(MONTHS['en'])})\s+(?:19|20)\d\d\b"
    r"|(?<![\d/-])\d{1,2}[/-](?:19|20)\d\d\b"
)
"""A month without its day ("June 2016", "08-2016"), for embedding in a larger pattern."""
_MONTH_YEAR = rxcache.compile(
    rf"\b(?P<name>{'|'.join(MONTHS['en'])})\s+(?P<year>(?:19|20)\d\d)\b"
    r"|(?<![\d/-])(?P<month>\d{1,2})[/-](?P<numeric_year>(?:19|20)\d\d)\b",
    re.I,
)


def find_months(text: str, start: int = 0, end: int | None = None) -> list[tuple[dt.date, int]]:
    """Every month written without its day in ``text[start:end]``, as its first day, with the
    offset where it ends ("in June 2016", "in 08-2016": when a test was done)."""
    found: list[tuple[dt.date, int]] = []
    for m in _MONTH_YEAR.finditer(text, start, len(text) if end is None else end):
        if m.group("name"):
            day = make_date(int(m.group("year")), MONTHS["en"].index(m.group("name").lower()) + 1, 1)
        else:
            day = make_date(int(m.group("numeric_year")), int(m.group("month")), 1)
        if day is not None:
            found.append((day, m.end()))
    return found


def dates_in(text: str) -> set[dt.date]:
    """The set of dates :func:`find_dates` finds."""
    return {d for d, _ in find_dates(text)}


APPEAL_DAYS = 30
"""An appeal of an IMR determination must be filed no later than 30 days after service
(8 CCR 10575(c); WORKER-FACTS.md row ``deadline``)."""

MAIL_EXTENSION_DAYS: dict[str, int] = {"california": 5, "united_states": 10, "outside_united_states": 20}
"""Days added when the determination is served by mail (also fax or e-mail), by the address it
was sent to (8 CCR 10605; WORKER-FACTS.md row ``mail-extension``)."""


def appeal_deadlines(mailed: dt.date) -> dict[str, dt.date]:
    """The last day the WCAB must receive an appeal of a determination mailed on ``mailed``,
    for each kind of address in :data:`MAIL_EXTENSION_DAYS`.

    Calendar days, counted the one way the summary states them; the proof of service
    date, not this estimate, is what counts, and the summary says so.
    """
    return {where: mailed + dt.timedelta(days=APPEAL_DAYS + extra) for where, extra in MAIL_EXTENSION_DAYS.items()}

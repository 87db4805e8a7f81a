"""Small word lists and identifiers that several layers read the same way."""

from __future__ import annotations

import re

CASE_NUMBER = r"CM\d{2}-\d{7}"
"""A DWC IMR case number, e.g. ``CM16-0213037``."""
CASE_NUMBER_RE = re.compile(rf"^{CASE_NUMBER}$")

NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    "seventeen|eighteen|nineteen|twenty|twenty-four|thirty"
)
"""Numbers letters spell out (counts of visits, weeks, tablets), as a regex alternation."""
NUMBER = rf"(?:\d+|{NUMBER_WORDS})"
"""A count in digits or in words."""

SEX_WORDS: dict[str, str] = {
    "male": "male",
    "man": "male",
    "gentleman": "male",
    "female": "female",
    "woman": "female",
    "lady": "female",
}
"""Words a letter uses for the patient's sex, and the contract value each one means."""

SEX_ALTERNATION = "|".join(SEX_WORDS)
"""The words above as a regex alternation (longer words cannot be shadowed: each is matched whole)."""


def sex_pattern(sex: str) -> re.Pattern[str]:
    """A case-insensitive whole-word pattern for the words that state ``sex``."""
    words = "|".join(w for w, s in SEX_WORDS.items() if s == sex)
    return re.compile(rf"\b({words})\b", re.I)

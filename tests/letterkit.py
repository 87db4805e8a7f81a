"""Build small synthetic IMR letters for unit tests.

Invented text only (no real letter content): each test states the layout feature
it exercises, and the factory renders it in the three text shapes the parser meets:
clean text, pypdf text (trailing spaces, " " paragraph lines, page-break blanks) and
the double-spaced seed style (an empty line after every line).
"""

from __future__ import annotations

from dataclasses import dataclass, field

HEADER = """Case Number: CM16-0000001
Date Assigned: 11/09/2016 Date of Injury:  10/13/2016
Decision Date: 12/09/2016 UR Denial Date:  11/03/2016
Priority:  Standard Application
Received:
11/04/2016
"""

HOW = """HOW THE IMR FINAL DETERMINATION WAS MADE
MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no
affiliation with the employer, employee, providers or the claims administrator.
"""

CREDENTIALS = """The Expert Reviewer has the following credentials:
State(s) of Licensure: California,North Carolina
Certification(s)/Specialty: Preventive Medicine, Occupational Medicine, Public Health &
General Preventive Medicine
"""

SUMMARY = """CLINICAL CASE SUMMARY
The expert reviewer developed the following clinical case summary based on a review of the
case file, including all medical records:

The injured worker is a 48 year old male who sustained an industrial injury on 10-13-16. He
reported pain. The request was denied by utilization review.
"""

DECISIONS = """IMR ISSUES, DECISIONS AND RATIONALES
The Final Determination was based on decisions for the disputed items/services set forth below:
"""


@dataclass
class Item:
    heading: str
    """Heading lines up to and including the outcome, e.g. 'MRI of the knee: Upheld'."""
    rationale: str = "The guideline criteria are not met. The request is not medically necessary."
    ca: str = "Decision based on MTUS Knee Complaints 2004."
    maximus: str = "Decision based on Non-MTUS Citation Official Disability Guidelines (ODG)."


@dataclass
class Letter:
    items: list[Item]
    header: bool = True
    credentials: str = CREDENTIALS
    summary: str = SUMMARY
    extra_before_decisions: str = ""
    trailer: str = ""
    lines: list[str] = field(default_factory=list)

    def clean(self) -> str:
        parts = [
            HEADER if self.header else "",
            HOW,
            self.credentials,
            "",
            self.summary,
            "",
            self.extra_before_decisions,
            DECISIONS,
            "",
        ]
        for item in self.items:
            parts += [
                item.heading,
                "",
                f"Claims Administrator guideline: {item.ca}",
                "",
                f"MAXIMUS guideline: {item.maximus}",
                "",
                f"Decision rationale: {item.rationale}",
                "",
            ]
        parts.append(self.trailer)
        return "\n".join(parts)

    def pypdf(self) -> str:
        """Trailing spaces on every line, ' ' for paragraph breaks."""
        return "\n".join(line + " " for line in self.clean().split("\n"))

    def double_spaced(self) -> str:
        """The seed style: an empty line after every line, ' ' lines between paragraphs."""
        return "\n\n".join(line + " " for line in self.clean().split("\n"))

    def crlf(self) -> str:
        return self.clean().replace("\n", "\r\n")


def simple(n: int = 2) -> Letter:
    return Letter([Item(f"Treatment number {i} for the knee: Upheld") for i in range(1, n + 1)])

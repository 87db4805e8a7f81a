"""The worker's document as plain text (for the terminal, e-mail or a text message).

Headings stand on their own lines, list entries start with ``- ``, and every other
line is the same sentence the HTML page shows, in the same order: the page and the
text cannot drift apart because both lay out one :class:`~.document.Document`.
"""

from __future__ import annotations

from llm_extract.render.document import Document
from llm_extract.render.sheet import Row, legal_line

LIST_MARK = "- "
"""Marks a list entry at the start of a line (after any indent)."""


def _row_lines(row: Row) -> list[str]:
    if row.lead is None:
        lines = [LIST_MARK + row.asked[0]]
    else:
        lines = [LIST_MARK + row.lead, *(f"  {LIST_MARK}{service}" for service in row.asked)]
    lines += [f"  {note}" for note in row.notes]
    lines.append("  " + " ".join([row.decision, *row.reasons]))
    if row.words:
        lines.append("  " + " ".join(row.words))
    return lines


def render_text(sheet: Document) -> str:
    """The document as plain text, ending with a newline."""
    words = sheet.words
    blocks = [[words.title, *(f"{label} {value}" for label, value in sheet.meta)], [sheet.headline]]
    if sheet.intro:
        blocks.append([sheet.intro])
    if sheet.rows:
        decided = [words.decided]
        for row in sheet.rows:
            decided += _row_lines(row)
        blocks.append(decided)
    blocks.append([words.steps, *(LIST_MARK + step for step in sheet.steps)])
    if sheet.legal:
        blocks.append([words.legal, legal_line(sheet)])
    blocks.append([words.made_by])
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"

"""render: the worker's summary as a document (plain text, a printable HTML page, PDF).

Renderers take a validated :class:`~llm_extract.contract.models.Extraction` and a language
and return the document; they never read the letter again. :mod:`.sheet` decides what
the document says (once, for every format), :mod:`.text` and :mod:`.html` only lay it
out, and :mod:`.browser` prints the page to PDF with headless Chromium.
"""

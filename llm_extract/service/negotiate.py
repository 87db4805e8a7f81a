"""Content negotiation for the extraction endpoints: the JSON document or the worker's document.

``Accept: application/json`` (or none, or ``*/*``) gets the v1 JSON document as before;
``text/plain`` the worker's summary as plain text; ``text/html`` the printable page. The
documents are rendered from the same (cached) extraction, so caching is unchanged: the
``X-Cache`` header says how the extraction was served, and ``Vary: Accept`` tells HTTP
caches that one URL has several representations. An ``Accept`` that allows none of them
is a 406 problem, answered before any work is done. Errors are always problem+json.
"""

from __future__ import annotations

from llm_extract.service.problems import ServiceError

JSON = "application/json"
TEXT = "text/plain"
HTML = "text/html"
OFFERED: tuple[str, ...] = (JSON, TEXT, HTML)
"""In order of preference when the client likes several equally."""
CHARSET = "; charset=utf-8"


class NotAcceptable(ServiceError):
    code = "not-acceptable"
    http_status = 406


def _ranges(header: str) -> list[tuple[str, float]]:
    """``(media range, q)`` for each entry of an Accept header; malformed q counts as 0."""
    out = []
    for entry in header.split(","):
        kind, *params = (part.strip() for part in entry.split(";"))
        if not kind:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        out.append((kind.lower(), q))
    return out


def _quality(offer: str, ranges: list[tuple[str, float]]) -> float:
    """The q of the most specific range matching ``offer`` (RFC 9110 12.5.1), 0 if none."""
    family = offer.split("/")[0]
    best: tuple[int, float] = (-1, 0.0)
    for kind, q in ranges:
        specificity = 2 if kind == offer else 1 if kind == f"{family}/*" else 0 if kind == "*/*" else -1
        if specificity > best[0]:
            best = (specificity, q)
    return best[1]


def choose(accept: str | None, offered: tuple[str, ...] = OFFERED) -> str:
    """The representation to send; raises :class:`NotAcceptable` when the client accepts none."""
    if not accept or not accept.strip():
        return offered[0]
    ranges = _ranges(accept)
    scored = [(_quality(offer, ranges), -i, offer) for i, offer in enumerate(offered)]
    q, _, offer = max(scored)
    if q <= 0:
        raise NotAcceptable(
            f"none of the requested media types can be produced (Accept: {accept[:200]})",
            hint="ask for one of: " + ", ".join(offered),
        )
    return offer

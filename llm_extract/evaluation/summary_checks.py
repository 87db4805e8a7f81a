"""Checks on the plain-language summary, the part an injured worker actually reads.

A summary can read well and still be wrong, so beside its reading grade the harness
checks the two failures that would hurt a reader:

* an item's outcome missing or stated the wrong way round (the ``approved`` flag, or
  a status sentence that says "approved" for a denied treatment), checked against
  the *label*, not against the backend's own decision;
* a date or number that is not in the letter (an invented deadline or visit count).
  The fixed procedural phrases (text/facts.PROCEDURAL_PHRASES) and the appeal
  deadlines derived from the letter's decision date are allowed.

The grade is recomputed from the summary text with the project's readability module
(through :class:`~.grades.Grader`) rather than trusting the score the backend reported.
The worker reads the rendered document, not the summary text, so the document is scored
too, by the same module, on the text :func:`llm_extract.render.reading.reading_text`
says is measured (the one definition of that rule).
"""

from __future__ import annotations

from llm_extract.contract.models import Decision, Outcome, Summary
from llm_extract.evaluation.fixtures import ExpectedDecision
from llm_extract.evaluation.grades import Grader
from llm_extract.evaluation.records import SummaryScore
from llm_extract.evaluation.textnorm import LetterFacts, fold
from llm_extract.verify.grounding import states_outcome


def states(status: str, approved: bool, lang: str) -> bool:
    """Whether a status sentence says plainly "approved" (and no negation) or "not approved".

    The same rule the LLM answers are verified with, so the eval and the verifier can
    never disagree about what counts as stating an outcome.
    """
    return states_outcome(status, approved, lang)


def _contains(text: str, part: str) -> bool:
    needle = fold(part).rstrip(".").casefold()
    return bool(needle) and needle in fold(text).casefold()


def score_summary(
    summary: Summary,
    letter: str,
    labels: list[ExpectedDecision],
    partner: dict[int, Decision],
    grader: Grader,
    document: str | None = None,
) -> SummaryScore:
    """Score one summary; ``partner`` maps label positions to the paired predicted decision;
    ``document`` is the worker's document as :func:`~llm_extract.render.reading.reading_text`
    gives it (not scored when None)."""
    readability = grader.score(summary.text, summary.language)
    on_page = grader.score(document, summary.language) if document is not None else None
    by_index = {item.index: item for item in summary.items}
    mentioned = correct = 0
    wrong: list[int] = []
    for position, want in enumerate(labels, start=1):
        decision = partner.get(position)
        item = by_index.get(decision.index) if decision is not None else None
        said = item is not None and _contains(summary.text, item.service)
        truth = want.outcome is Outcome.overturned
        right = (
            item is not None
            and said
            and item.approved == truth
            and states(item.status, truth, summary.language)
            and _contains(summary.text, item.status)
        )
        mentioned += said
        correct += right
        if not right:
            wrong.append(position)
    # Appeal deadlines the summary worked out from the decision date are derived facts:
    # allowed only when that date is in the letter (see LetterFacts).
    facts = LetterFacts(letter, summary.appeal_deadline.mailed_on if summary.appeal_deadline else None)
    parts = [summary.text, summary.headline, *(s for i in summary.items for s in (i.status, *i.reasons))]
    unsupported = sorted({fact for part in parts for fact in facts.unsupported(part)})
    return SummaryScore(
        language=summary.language,
        metric=readability.metric.value,
        grade=readability.score,
        target=readability.target,
        meets_target=readability.meets_target,
        words=len(summary.text.split()),
        characters=len(summary.text),
        items_expected=len(labels),
        items_mentioned=mentioned,
        items_correct=correct,
        wrong_items=wrong,
        unsupported=unsupported,
        hard_words=summary.readability.hard_words,
        document_grade=on_page.score if on_page is not None else None,
        document_meets_target=on_page.meets_target if on_page is not None else None,
    )
